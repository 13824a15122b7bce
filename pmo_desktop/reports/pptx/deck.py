"""The one base every PowerPoint slide writer builds on: a 16:9 deck whose every slide carries the
portfolio's name, its logo and the confidentiality marking (the "theme"), plus helpers for titles,
text with the commentary's bullets and bold, tables with RAG cells, and speaker notes.

Everything drawn is an editable PowerPoint object: text boxes, tables, shapes and native charts.
Slide writers receive plain data (reports.data.PackData) and never query the portfolio.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.connector import Connector
from pptx.util import Emu, Pt

from pmo_desktop.domain.enums import ACTUAL_COLOUR, Rag
from pmo_desktop.reports import commentary
from pmo_desktop.reports.base import fmt_date
from pmo_desktop.reports.lang import is_chinese, t, word

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, 16:9
MARGIN = Emu(457200)  # 0.5 in
TOP = Emu(1143000)  # below the title bar
FONT = "Calibri"  # a face every PowerPoint has; LibreOffice substitutes Carlito
EA_FONT = "Microsoft YaHei"  # the East Asian face for Chinese text (Windows' own); other systems substitute
INK, MUTED, HEAD = "212121", "616161", ACTUAL_COLOUR.lstrip("#")
ZEBRA = "F7F9FA"
MIN_PT = 10  # the smallest type on a slide


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


@dataclass
class Theme:
    portfolio: str
    organisation: str
    period_label: str
    confidentiality: str
    logo_png: bytes | None  # the logo as PNG bytes (None: no logo, or one that cannot be read)


def logo_png(path: str | None) -> bytes | None:
    """The logo re-encoded as PNG (any format PIL reads); None when missing or unreadable."""
    if not path:
        return None
    try:
        from PIL import Image

        with Image.open(path) as im:
            out = io.BytesIO()
            im.convert("RGBA").save(out, format="PNG")
            return out.getvalue()
    except Exception:  # noqa: BLE001 - any unreadable image means no logo, as on the PDF cover
        return None


class Deck:
    def __init__(self, theme: Theme):
        self.theme = theme
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = SLIDE_W, SLIDE_H
        self.blank = self.prs.slide_layouts[6]
        self.cover_layout = self.prs.slide_layouts[5]  # "Title Only": a layout without the furniture
        self.section = ""
        self._furnish(self.blank)
        core = self.prs.core_properties
        core.title = t("{portfolio} – board pack, period ending {period}", portfolio=theme.portfolio,
                       period=theme.period_label)
        core.author = theme.organisation or "PMO Desktop"
        core.subject = t("Portfolio board pack")
        core.keywords = t("board pack, portfolio")

    @property
    def width(self) -> int:
        return SLIDE_W - 2 * MARGIN

    @property
    def height(self) -> int:
        return SLIDE_H - TOP - Emu(500000)

    # -- slides ------------------------------------------------------------------------------------

    def _furnish(self, layout) -> None:
        """The theme: the rule under the title, the logo, the confidentiality marking and the footer are
        drawn once on the slide layout every content slide uses, so they are edited in one place
        (View ▸ Slide Master) and a slide cannot lose them."""
        shapes = layout.shapes
        for ph in list(layout.placeholders):  # date, footer and number placeholders: the footer is ours
            ph._element.getparent().remove(ph._element)
        theme = self.theme

        def box(name: str, x, y, w, h, text: str, *, colour: str, bold: bool = False, align=PP_ALIGN.LEFT):
            sp = shapes._spTree.add_textbox(_next_id(shapes), name, x, y, w, h)
            tf = Shape(sp, shapes).text_frame
            tf.word_wrap = True
            para = tf.paragraphs[0]
            para.alignment = align
            run = para.add_run()
            run.text = text
            _font(run.font, MIN_PT, bold, colour)

        y = SLIDE_H - Emu(420000)
        box("Confidentiality marking", MARGIN, y, Emu(3500000), Emu(280000), word(theme.confidentiality).upper(),
            colour=Rag.RED.colour, bold=True)
        box("Footer", SLIDE_W - MARGIN - Emu(7500000), y, Emu(7500000), Emu(280000),
            f"{theme.organisation + ' · ' if theme.organisation else ''}{theme.portfolio} · "
            + t("board pack, period ending {period}", period=theme.period_label), colour=MUTED, align=PP_ALIGN.RIGHT)
        line = shapes._spTree.add_cxnSp(_next_id(shapes), "Rule", MSO_CONNECTOR.STRAIGHT, MARGIN, Emu(1080000),
                                        SLIDE_W - 2 * MARGIN, 0, False, False)
        Connector(line, shapes).line.color.rgb = rgb("B0BEC5")
        if theme.logo_png:
            image_part, rid = layout.part.get_or_add_image_part(io.BytesIO(theme.logo_png))
            px_w, px_h = image_part._px_size
            h = Emu(640000)
            w = int(h * px_w / max(1, px_h))
            shapes._spTree.add_pic(_next_id(shapes), "Logo", "Logo", rid, SLIDE_W - MARGIN - w, Emu(280000), w, h)

    def slide(self, title: str, *, notes: str = "", furniture: bool = True):
        """A slide on the themed layout with its title and section line; `furniture=False` (the cover)
        gives a plain slide the cover draws itself."""
        if not furniture:
            s = self.prs.slides.add_slide(self.cover_layout)
            for ph in list(s.placeholders):
                ph._element.getparent().remove(ph._element)
        else:
            s = self.prs.slides.add_slide(self.blank)
        if furniture:
            room_pt = (self.width - Emu(1600000)) / 12700
            ems = sum(1.0 if ord(ch) > 0x2e80 else 0.6 for ch in title)  # a Chinese character is a full em
            size = max(16, min(26, int(room_pt / max(0.6, ems))))  # one line, shrunk to fit
            self.text(s, MARGIN, Emu(220000), self.width - Emu(1600000), Emu(600000), title, size=size, bold=True,
                      colour=HEAD, anchor=MSO_ANCHOR.BOTTOM)
            self.text(s, MARGIN, Emu(830000), self.width - Emu(1600000), Emu(240000),
                      f"{self.theme.portfolio} · {self.section or title}", size=MIN_PT, colour=MUTED)
        if notes:
            s.notes_slide.notes_text_frame.text = notes
        return s

    # -- text --------------------------------------------------------------------------------------

    def text(self, s, x, y, w, h, text: str, *, size: float = 14, bold: bool = False, colour: str = INK,
             align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, wrap: bool = True, fill: str | None = None):
        box = s.shapes.add_textbox(x, y, w, h)
        if fill:
            box.fill.solid()
            box.fill.fore_color.rgb = rgb(fill)
        tf = box.text_frame
        tf.word_wrap = wrap
        tf.vertical_anchor = anchor
        tf.margin_left = tf.margin_right = Emu(36000)
        tf.margin_top = tf.margin_bottom = Emu(18000)
        for i, line in enumerate(str(text).split("\n")):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            para.alignment = align
            run = para.add_run()
            run.text = line
            _font(run.font, size, bold, colour)
        return box

    def lines(self, s, x, y, w, h, items: list[str], *, size: float = 14, bullet: str = "•  "):
        """A text box of bullet lines (plain text)."""
        return self.text(s, x, y, w, h, "\n".join(bullet + i for i in items), size=size)

    def commentary(self, s, x, y, w, h, text: str | None, *, none: str, size: float = 14):
        """Commentary (the markdown subset) as paragraphs and bullets with bold runs, or the `none` note."""
        blocks = commentary.parse(text)
        box = s.shapes.add_textbox(x, y, w, h)
        tf = box.text_frame
        tf.word_wrap = True
        if not blocks:
            run = tf.paragraphs[0].add_run()
            run.text = none
            _font(run.font, size, False, MUTED)
            return box
        for i, block in enumerate(blocks):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            para.space_after = Pt(4)
            runs = (("•  ", False), *block.runs) if block.kind == "bullet" else block.runs
            for chunk, bold in runs:
                run = para.add_run()
                run.text = chunk
                _font(run.font, size, bold, INK)
        return box

    # -- tables ------------------------------------------------------------------------------------

    def table(self, s, x, y, w, rows: list[list[str]], widths: list[float], *, size: float = MIN_PT,
              row_h: int = Emu(260000), right: set[int] = frozenset(), rag_cols: dict[int, list[Rag]] | None = None,
              red: set[tuple[int, int]] = frozenset()):
        """A native table: a dark header row, zebra rows; `widths` are fractions of w; `rag_cols` paints
        cells as RAG chips (colour and letter); `red` (row, col) cells print in red."""
        shape = s.shapes.add_table(len(rows), len(rows[0]), x, y, w, row_h * len(rows))
        table = shape.table
        total = sum(widths)
        for i, frac in enumerate(widths):
            table.columns[i].width = Emu(int(w * frac / total))
        for r, row in enumerate(rows):
            table.rows[r].height = row_h
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.margin_left = cell.margin_right = Emu(45000)
                cell.margin_top = cell.margin_bottom = Emu(20000)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                tf = cell.text_frame
                tf.word_wrap = True
                para = tf.paragraphs[0]
                para.alignment = PP_ALIGN.RIGHT if c in right else PP_ALIGN.LEFT
                run = para.add_run()
                run.text = "" if value is None else str(value)
                colour = "FFFFFF" if r == 0 else (Rag.RED.colour if (r, c) in red else INK)
                _font(run.font, size, r == 0 or (r, c) in red, colour)
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(HEAD if r == 0 else ("FFFFFF" if r % 2 else ZEBRA))
        for c, rags in (rag_cols or {}).items():
            for r, rag in enumerate(rags, start=1):
                self.rag_cell(table.cell(r, c), rag, size)
        return table

    def paged_table(self, title: str, head: list[str], rows: list[list], widths: list[float], *, per: int = 14,
                    right: set[int] = frozenset(), rag_cols: dict[int, list[Rag]] | None = None,
                    red: set[tuple[int, int]] = frozenset(), note: str = "", notes: str = "", empty: str = "",
                    y=None) -> list:
        """A table over as many slides as it needs (`per` rows each, header repeated), titled
        'Title (2 of 3)' after the first; `red` and `rag_cols` use the table's own row numbers."""
        slides = []
        head = [t(h) if h.isascii() else h for h in head]  # the columns' English names, in the deck's language
        chunks = [rows[i:i + per] for i in range(0, len(rows), per)] or [[]]
        for n, chunk in enumerate(chunks):
            first = n * per
            name = title if len(chunks) == 1 else t("{title} ({n} of {total})", title=title, n=n + 1, total=len(chunks))
            s = self.slide(name, notes=notes)
            top = y or TOP + Emu(100000)
            if note:
                self.text(s, MARGIN, top, self.width, Emu(300000), note, size=MIN_PT + 1, colour=MUTED)
                top += Emu(340000)
            if not chunk:
                self.text(s, MARGIN, top, self.width, Emu(400000), empty, size=14, colour=MUTED)
            else:
                cols = {c: rags[first:first + len(chunk)] for c, rags in (rag_cols or {}).items()}
                cells = {(r - first, c) for r, c in red if first < r <= first + len(chunk)}
                self.table(s, MARGIN, top, self.width, [head, *chunk], widths, right=right, rag_cols=cols, red=cells)
            slides.append(s)
        return slides

    @staticmethod
    def rag_cell(cell, rag: Rag, size: float = MIN_PT) -> None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = rgb(rag.colour)
        para = cell.text_frame.paragraphs[0]
        para.alignment = PP_ALIGN.CENTER
        for run in list(para.runs):
            run.text = ""
        run = para.runs[0] if para.runs else para.add_run()
        run.text = rag.letter
        _font(run.font, size, True, rag.text_colour)

    # -- shapes and charts -------------------------------------------------------------------------

    def box(self, s, x, y, w, h, fill: str, *, text: str = "", colour: str = "FFFFFF", size: float = MIN_PT,
            bold: bool = True, shape=MSO_SHAPE.RECTANGLE, line: str | None = None):
        """A coloured shape, with a letter or a count in it when given."""
        sh = s.shapes.add_shape(shape, x, y, w, h)
        sh.fill.solid()
        sh.fill.fore_color.rgb = rgb(fill)
        if line:
            sh.line.color.rgb = rgb(line)
        else:
            sh.line.fill.background()
        sh.shadow.inherit = False
        tf = sh.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.word_wrap = False
        if text:
            para = tf.paragraphs[0]
            para.alignment = PP_ALIGN.CENTER
            run = para.add_run()
            run.text = text
            _font(run.font, size, bold, colour)
        return sh

    def chart(self, s, kind, x, y, w, h, categories: list[str], series: list[tuple[str, list, str]], *,
              title: str, number_format: str = "General", legend: bool = True):
        """A native chart with its data in the embedded workbook (editable in PowerPoint); series are
        (name, values, colour)."""
        data = CategoryChartData(number_format=number_format)
        data.categories = categories
        for name, values, _ in series:
            data.add_series(name, values)
        chart = s.shapes.add_chart(kind, x, y, w, h, data).chart
        chart.has_title = True
        chart.chart_title.text_frame.text = title
        _font(chart.chart_title.text_frame.paragraphs[0].runs[0].font, 14, True, HEAD)
        chart.has_legend = legend
        if legend:
            from pptx.enum.chart import XL_LEGEND_POSITION

            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            chart.legend.font.size = Pt(MIN_PT)
        chart.font.size = Pt(MIN_PT)
        chart.font.name = FONT
        try:
            axis = chart.value_axis
            axis.tick_labels.number_format = number_format
            axis.tick_labels.number_format_is_linked = False
        except (ValueError, AttributeError):
            pass  # a chart without a value axis
        for plot_series, (_, _, colour) in zip(chart.series, series, strict=True):
            fmt = plot_series.format
            if colour:
                fmt.fill.solid()
                fmt.fill.fore_color.rgb = rgb(colour)
                fmt.line.color.rgb = rgb(colour)
        return chart


def _next_id(shapes) -> int:
    return shapes._spTree._next_shape_id


def _font(font, size: float, bold: bool, colour: str) -> None:
    font.name = FONT
    font.size = Pt(max(size, MIN_PT))
    font.bold = bold
    font.color.rgb = rgb(colour)
    if is_chinese():  # the face PowerPoint sets Chinese characters in (<a:ea> after <a:latin>)
        from pptx.oxml.ns import qn

        rpr = font._rPr
        if rpr.find(qn("a:ea")) is None:
            ea = rpr.makeelement(qn("a:ea"), {"typeface": EA_FONT})
            rpr.find(qn("a:latin")).addnext(ea)


def millions(minor: int | None) -> float | None:
    """Minor units as millions of the currency, the unit chart data is kept in (editable as such)."""
    return None if minor is None else round(minor / 100 / 1_000_000, 3)


def millions_format(currency: str) -> str:
    from pmo_desktop.domain.money import currency_symbol

    return f'"{currency_symbol(currency).strip()}"#,##0.00"m"'


def date_text(value) -> str:
    return fmt_date(value)
