"""The one base every board-pack section builds on: page templates, styles, headings with bookmarks,
RAG chips and table styles. Sections only build their story (a list of flowables) from plain data.

Page furniture: a landscape page with a header (portfolio, section, period), a footer (confidentiality
marking, organisation, "Page x of y"). "of y" needs the final page count, so the canvas keeps each
page's drawing until `save()` (the usual reportlab NumberedCanvas); the contents page numbers come from
`multiBuild`, which repeats the layout until the table of contents is stable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pmo_desktop.domain.dates import format_date, format_month, resolve_date_format
from pmo_desktop.domain.enums import ACTUAL_COLOUR, Rag
from pmo_desktop.domain.money import format_money
from pmo_desktop.reports import fonts
from pmo_desktop.reports.fonts import SANS, SANS_BOLD, markup
from pmo_desktop.reports.lang import is_chinese, lang, t

PAGE_SIZES = {"A4": landscape(A4), "LETTER": landscape(letter)}
MARGIN = 14 * mm
HEADER_H = 10 * mm
FOOTER_H = 9 * mm
INK = colors.HexColor("#212121")
MUTED = colors.HexColor("#616161")
RULE = colors.HexColor("#B0BEC5")
HEAD_BG = colors.HexColor(ACTUAL_COLOUR)
BAND_BG = colors.HexColor("#ECEFF1")
ZEBRA = colors.HexColor("#F7F9FA")
MIN_PT = 8  # the smallest type anywhere in the pack


class Cancelled(Exception):  # noqa: N818
    """The caller asked the board pack to stop; nothing is left on disk."""


@dataclass(frozen=True)
class PackInfo:
    """What the page furniture prints on every page."""

    portfolio: str
    organisation: str
    period_label: str
    confidentiality: str


def _style(name: str, size: float = 9, font: str = SANS, leading: float | None = None, **kw) -> ParagraphStyle:
    # Chinese lines break between any two characters (reportlab's CJK wrapping), not only at spaces
    if is_chinese():
        kw.setdefault("wordWrap", "CJK")
    kw.setdefault("bulletFontName", font)  # reportlab's default bullet face is Helvetica, never embedded
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25,
                          textColor=kw.pop("textColor", INK), **kw)


class Styles:
    """Paragraph styles, built once per pack (after the fonts are registered)."""

    def __init__(self):
        fonts.register_fonts()
        self.title = _style("title", 30, SANS_BOLD, 36, spaceAfter=6)
        self.subtitle = _style("subtitle", 16, SANS, 21, textColor=MUTED)
        self.h1 = _style("h1", 17, SANS_BOLD, 21, spaceAfter=8, textColor=HEAD_BG, keepWithNext=1)
        self.h2 = _style("h2", 11.5, SANS_BOLD, 14, spaceBefore=8, spaceAfter=4, textColor=HEAD_BG,
                         keepWithNext=1)  # a heading never ends a page alone
        self.body = _style("body", 9, leading=12, spaceAfter=4)
        self.small = _style("small", MIN_PT, leading=10, textColor=MUTED)
        self.cell = _style("cell", MIN_PT, leading=9.8)
        self.cell_right = _style("cell_right", MIN_PT, leading=9.8, alignment=TA_RIGHT)
        self.cell_centre = _style("cell_centre", MIN_PT, leading=9.8, alignment=TA_CENTER)
        self.cell_bold = _style("cell_bold", MIN_PT, SANS_BOLD, 9.8)
        self.head = _style("head", MIN_PT, SANS_BOLD, 9.8, textColor=colors.white)
        self.head_right = _style("head_right", MIN_PT, SANS_BOLD, 9.8, textColor=colors.white, alignment=TA_RIGHT)
        self.head_centre = _style("head_centre", MIN_PT, SANS_BOLD, 9.8, textColor=colors.white, alignment=TA_CENTER)
        self.bullet = _style("bullet", 9, leading=12, spaceAfter=2, leftIndent=12, bulletIndent=2)
        self.empty = _style("empty", 9.5, leading=13, textColor=MUTED, spaceBefore=6, spaceAfter=6)
        self.toc0 = _style("toc0", 10.5, SANS_BOLD, 13, leftIndent=0, spaceBefore=3)
        self.toc1 = _style("toc1", MIN_PT, SANS, 10, leftIndent=16)
        self.tile_value = _style("tile_value", 20, SANS_BOLD, 24, alignment=TA_CENTER)
        self.tile_label = _style("tile_label", 8, SANS, 10, alignment=TA_CENTER, textColor=MUTED)


class Para(Paragraph):
    """A paragraph whose Chinese text, when it fits on one line anyway (a table header, a short cell),
    skips reportlab's character-by-character CJK line breaking: same line, a fraction of the time."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802 (reportlab's name)
        # breakLines turns self.frags into word lists: keep the parsed fragments for a later wrap
        frags = self.__dict__.setdefault("_parsed_frags", self.frags)
        self.frags = frags
        widths = maxWidths if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        if frags and all(hasattr(f, "text") and hasattr(f, "fontName") and not hasattr(f, "lineBreak")
                         and not hasattr(f, "cbDefn") for f in frags):
            width = sum(stringWidth(f.text, f.fontName, f.fontSize) for f in frags)
            if width <= min(widths) - (self.style.firstLineIndent or 0) and not self.bulletText:
                return self.breakLines(maxWidths)
        return super().breakLinesCJK(maxWidths)


def p(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text (escaped, CJK-aware)."""
    return Para(markup(text), _wrapping(str(text or ""), style))


def pm(markup_text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of our own markup (<b>, <br/>); any user text in it must already be through markup()."""
    return Para(markup_text, _wrapping(markup_text, style))


_LATIN: dict[int, ParagraphStyle] = {}


def _wrapping(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """Chinese lines break between characters (wordWrap CJK); a paragraph with no Chinese in it (a name,
    an English title) keeps breaking at spaces only, so "O'Connor" is never cut in two."""
    if getattr(style, "wordWrap", None) != "CJK" or any(ord(ch) >= 0x2E80 for ch in text):
        return style
    latin = _LATIN.get(id(style))
    if latin is None or latin.parent is not style:
        latin = _LATIN[id(style)] = ParagraphStyle(f"{style.name}_latin", parent=style, wordWrap=None)
    return latin


class Heading(Para):
    """A heading that becomes a PDF bookmark (and a contents entry when `toc` is set)."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str, level: int = 0, toc: bool = True,
                 section: str | None = None):
        super().__init__(markup(text), style)
        self.outline = (text, key, level, toc)
        self.section = section


def section_heading(title: str, styles: Styles, key: str) -> Heading:
    """A section's heading (its English TITLE, printed in the pack's language)."""
    return Heading(t(title), styles.h1, key=key, level=0, section=t(title))


def commentary_story(text: str | None, styles: Styles, *, none: str) -> list[Flowable]:
    """Commentary (reports.commentary's markdown subset) as paragraphs and bullets with bold runs;
    the `none` note only when nothing was written."""
    from pmo_desktop.reports.commentary import parse

    blocks = parse(text)
    if not blocks:
        return [empty_note(none, styles)]
    out: list[Flowable] = []
    for block in blocks:
        html = "".join(f"<b>{markup(t)}</b>" if bold else markup(t) for t, bold in block.runs)
        if block.kind == "bullet":
            out.append(Para(html, styles.bullet, bulletText="•"))
        else:
            out.append(Para(html, styles.body))
    return out


def empty_note(text: str, styles: Styles) -> Paragraph:
    """What an empty section says instead of leaving blank space."""
    return p(text, styles.empty)


DATE_STYLE: ContextVar[str | None] = ContextVar("pack_date_style", default=None)


def date_width(english: float = 22 * mm) -> float:
    """A table column that holds one date on one line: a Chinese date (2026年11月17日) is wider."""
    return max(english, 25 * mm) if is_chinese() else english


def fmt_date(value: str | date | None, short: bool = False) -> str:
    """Every date in the pack, in the portfolio's one date format (settings date_format, set for the
    build in DATE_STYLE); `short` is kept for callers but prints the same format."""
    if not value:
        return "–"
    return format_date(value, DATE_STYLE.get(), lang=lang())


def fmt_month(value: str | date, *, year: bool = True) -> str:
    """Every month in the pack (axis ticks, column heads, spans) in the portfolio's one date format, as
    fmt_date writes dates: 'Nov 2026', '2026-11', '11/2026', '2026年11月'. Without the year: the month's
    name ('Nov', '11月'), for an axis that writes its years elsewhere."""
    return format_month(value, resolve_date_format(DATE_STYLE.get()), lang=lang(), year=year)


_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def dates_in_text(text: str) -> str:
    """A message written with ISO dates (the health checks' findings) with each date in the pack's format."""
    def one(m: re.Match) -> str:
        try:
            return fmt_date(m.group(1))
        except ValueError:
            return m.group(1)
    return _ISO_DATE.sub(one, text)


# -- RAG chips ---------------------------------------------------------------------------------------

def rag_of(value: str | None) -> Rag:
    try:
        return Rag(value) if value else Rag.GREY
    except ValueError:
        return Rag.GREY


def rag_cell_commands(col: int, row: int, rag: Rag) -> list[tuple]:
    """Table style commands that paint one cell as a RAG chip (colour plus its letter)."""
    return [("BACKGROUND", (col, row), (col, row), colors.HexColor(rag.colour)),
            ("TEXTCOLOR", (col, row), (col, row), colors.HexColor(rag.text_colour)),
            ("FONTNAME", (col, row), (col, row), SANS_BOLD),
            ("ALIGN", (col, row), (col, row), "CENTER")]


_CELL = {}


def _cjk_cell(value, head: bool):
    if not isinstance(value, str) or not any(cjk for _, cjk in fonts.runs(value)):
        return value
    if not _CELL:
        _CELL["cell"] = _style("cjk_cell", MIN_PT, leading=9.8, wordWrap="CJK")
        _CELL["head"] = _style("cjk_head", MIN_PT, SANS_BOLD, 9.8, textColor=colors.white, wordWrap="CJK")
    return Para(markup(value), _CELL["head" if head else "cell"])


def data_table(rows: list[list], widths: list[float], *, header_rows: int = 1, extra: list[tuple] = (),
               zebra: bool = True) -> Table:
    """A table with a dark header row repeated on every page it spans. A plain-text cell that needs the
    CJK face (a Chinese date or word) becomes a paragraph, since a table draws plain text in one face."""
    rows = [[_cjk_cell(c, r < header_rows) for c in row] for r, row in enumerate(rows)]
    table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (0, 0), (-1, -1), MIN_PT), ("LEADING", (0, 0), (-1, -1), 9.8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        style.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    table.setStyle(TableStyle(style + list(extra)))
    return table


# -- the document ------------------------------------------------------------------------------------

class RenderState:
    """Shared by the document and the flowables that are costly to draw (charts).

    multiBuild lays the pack out at least twice: the first pass only finds the page numbers for the
    contents and the "of y" footers and is never saved (PageTotal is never satisfied by it), so
    costly drawings are skipped in that pass; their size, which is all the layout needs, is known."""

    def __init__(self):
        self.layout_only = False


class DrawLater(Flowable):
    """Wraps a chart so it is measured in every pass but drawn only in passes that may be saved."""

    def __init__(self, child: Flowable, state: RenderState):
        super().__init__()
        self.child, self.state = child, state

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.child.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        if not self.state.layout_only:
            self.child.drawOn(self.canv, 0, 0)


class PageTotal(Flowable):
    """An invisible indexing flowable that makes multiBuild repeat the layout until the page total the
    footers printed ("Page x of y") is the total the pass produced, as the contents does for its page
    numbers. (Deferring pages in the canvas instead would break the bookmarks' page references.)"""

    def __init__(self, doc: BoardPackDocument):
        super().__init__()
        self.doc = doc
        self._used: int | None = None

    def isIndexing(self):  # noqa: N802 (reportlab's protocol)
        return 1

    def isSatisfied(self):  # noqa: N802
        return self._used == self.doc.total_pages

    def beforeBuild(self):  # noqa: N802
        self._used = self.doc.total_pages

    def afterBuild(self):  # noqa: N802
        self.doc.total_pages = self.doc.page

    def notify(self, kind, stuff):
        pass

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        pass


class BoardPackDocument(BaseDocTemplate):
    """Two page templates (cover, body); bookmarks and contents entries from Heading flowables."""

    def __init__(self, filename: str, *, page_size: str, info: PackInfo, metadata: dict[str, str],
                 cancel: Callable[[], bool] | None = None, on_page: Callable[[int], None] | None = None,
                 cover: bool = True, state: RenderState | None = None):
        size = PAGE_SIZES[page_size.upper()]
        super().__init__(filename, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + HEADER_H, bottomMargin=MARGIN + FOOTER_H,
                         title=metadata["title"], author=metadata["author"], subject=metadata["subject"],
                         creator="PMO Desktop", keywords=metadata.get("keywords", ""),
                         initialFontName=SANS, initialFontSize=9)  # no unembedded Helvetica in the file
        self.info = info
        self._cancel = cancel
        self._on_page = on_page
        self.current_section = ""
        self.total_pages: int | None = None  # from the previous layout pass
        self.state = state or RenderState()
        self.setProgressCallBack(self._on_progress)
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover_frame = Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [PageTemplate("cover", [cover_frame], onPageEnd=self._cover_furniture, pagesize=size),
                     PageTemplate("body", [body], onPageEnd=self._body_furniture, pagesize=size)]
        self.addPageTemplates(templates if cover else templates[::-1])  # the first one starts the pack

    @property
    def frame_size(self) -> tuple[float, float]:
        return self.width, self.height

    @property
    def cover_size(self) -> tuple[float, float]:
        return self.pagesize[0] - 2 * MARGIN, self.pagesize[1] - 2 * MARGIN

    def _on_progress(self, kind, value):
        if kind == "PASS":
            self.state.layout_only = value == 1

    def handle_pageBegin(self):  # noqa: N802
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        super().handle_pageBegin()
        if self._on_page is not None:
            self._on_page(self.page)

    def afterFlowable(self, flowable):  # noqa: N802
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        text, key, level, toc = outline
        if getattr(flowable, "section", None):
            self.current_section = flowable.section
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level == 0 and key == "projects")
        if toc:
            self.notify("TOCEntry", (level, markup(text), self.page, key))

    def _cover_furniture(self, canv, doc):
        width = canv._pagesize[0]
        canv.saveState()
        canv.setFillColor(colors.HexColor(Rag.RED.colour))
        fonts.draw_string(canv, width - MARGIN, MARGIN / 2, self.info.confidentiality.upper(), SANS_BOLD, 9, "right")
        canv.restoreState()

    def _body_furniture(self, canv, doc):
        width, height = canv._pagesize
        info = self.info
        canv.saveState()
        top = height - MARGIN
        canv.setFillColor(INK)
        fonts.draw_string(canv, MARGIN, top - 5 * mm, fonts.fit(info.portfolio, SANS_BOLD, 9, width * 0.4),
                          SANS_BOLD, 9)
        canv.setFillColor(MUTED)
        fonts.draw_string(canv, width / 2, top - 5 * mm, self.current_section, SANS, 9, "centre")
        fonts.draw_string(canv, width - MARGIN, top - 5 * mm, t("Board pack · period ending {period}",
                                                                 period=info.period_label), SANS, 9, "right")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN, top - 7.5 * mm, width - MARGIN, top - 7.5 * mm)
        bottom = MARGIN - FOOTER_H + 3 * mm
        canv.line(MARGIN, bottom + 4.5 * mm, width - MARGIN, bottom + 4.5 * mm)
        canv.setFillColor(colors.HexColor(Rag.RED.colour))
        fonts.draw_string(canv, MARGIN, bottom, info.confidentiality.upper(), SANS_BOLD, MIN_PT)
        canv.setFillColor(MUTED)
        if info.organisation:
            fonts.draw_string(canv, width / 2, bottom, info.organisation, SANS, MIN_PT, "centre")
        total = self.total_pages if self.total_pages is not None else "?"
        fonts.draw_string(canv, width - MARGIN, bottom, t("Page {page} of {total}", page=doc.page, total=total),
                          SANS, MIN_PT, "right")
        canv.restoreState()


def spacer(height: float = 4 * mm) -> Spacer:
    return Spacer(1, height)


def fmt_money(minor: int | float | None, currency: str, *, signed: bool = False) -> str:
    """The one money format (domain.money: £7.5k, £1,250k, £1.25m); `signed` adds a + to increases."""
    if minor is None:
        return t("n/a")
    text = format_money(minor, currency, lang=lang())
    return f"+{text}" if signed and minor is not None and minor > 0 else text


class Bookmark(Flowable):
    """An invisible bookmark (and contents entry) at the current position."""

    def __init__(self, title: str, key: str, level: int = 0, toc: bool = True, section: str | None = None):
        super().__init__()
        self.outline = (title, key, level, toc)
        self.section = section

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        pass
