"""Cover: portfolio, period, date, organisation, logo and the confidentiality marking."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports import fonts
from pmo_desktop.reports.base import HEAD_BG, MUTED, fmt_date
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import SANS, SANS_BOLD
from pmo_desktop.reports.lang import t, word

TITLE = "Cover"


def readable_logo(path: str | None) -> ImageReader | None:
    """The logo if it is an image we can read; a missing or broken file leaves the cover without one."""
    if not path or not Path(path).is_file():
        return None
    try:
        reader = ImageReader(path)
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 - any unreadable image (PIL raises many kinds) means no logo
        return None


class CoverArt(Flowable):
    """Fills the cover frame; also the pack's first bookmark."""

    section = None

    def __init__(self, data: PackData, width: float, height: float):
        super().__init__()
        self.outline = (t(TITLE), "cover", 0, False)
        self.data, self.width, self.height = data, width, height
        self.logo = readable_logo(data.logo)

    def wrap(self, avail_width, avail_height):
        return self.width, self.height - 1

    def draw(self):
        c, d, w, h = self.canv, self.data, self.width, self.height
        c.saveState()
        c.setFillColor(HEAD_BG)
        c.rect(0, h * 0.45, w, h * 0.55, stroke=0, fill=1)
        c.setFillColor(colors.white)
        fonts.draw_string(c, 14 * mm, h - 30 * mm, t("BOARD PACK"), SANS_BOLD, 14)
        name_size = 30 if fonts.string_width(d.portfolio, SANS_BOLD, 30) < w - 28 * mm else 22
        fonts.draw_string(c, 14 * mm, h * 0.45 + 36 * mm, fonts.fit(d.portfolio, SANS_BOLD, name_size, w - 28 * mm),
                          SANS_BOLD, name_size)
        fonts.draw_string(c, 14 * mm, h * 0.45 + 22 * mm, t("Reporting period ending {period}", period=fmt_date(d.period)), SANS, 16)
        if d.programme_filter:
            fonts.draw_string(c, 14 * mm, h * 0.45 + 10 * mm,
                              fonts.fit(t("Programme: {name}", name=d.programme_filter), SANS, 12, w - 28 * mm), SANS, 12)
        y = h * 0.45 - 18 * mm
        c.setFillColor(colors.HexColor("#212121"))
        if d.organisation:
            fonts.draw_string(c, 14 * mm, y, fonts.fit(d.organisation, SANS_BOLD, 14, w * 0.6), SANS_BOLD, 14)
            y -= 9 * mm
        c.setFillColor(MUTED)
        fonts.draw_string(c, 14 * mm, y, t("Prepared {date}", date=fmt_date(d.today)), SANS, 11)
        y -= 7 * mm
        line = (t("{n} projects · compared with previous period {period}", n=len(d.projects),
                  period=fmt_date(d.previous_period)) if d.previous_period
                else t("{n} projects · no previous period on file", n=len(d.projects)))
        fonts.draw_string(c, 14 * mm, y, line, SANS, 11)
        if self.logo is not None:
            c.drawImage(self.logo, w - 64 * mm, 10 * mm, width=50 * mm, height=25 * mm,
                        preserveAspectRatio=True, anchor="se", mask="auto")
        marking = word(d.confidentiality).upper()
        box = fonts.string_width(marking, SANS_BOLD, 11) + 8 * mm
        red = colors.HexColor(Rag.RED.colour)
        c.setStrokeColor(red)
        c.setLineWidth(1.2)
        c.rect(14 * mm, 12 * mm, box, 9 * mm, stroke=1, fill=0)
        c.setFillColor(red)
        fonts.draw_string(c, 14 * mm + 4 * mm, 15 * mm, marking, SANS_BOLD, 11)
        c.restoreState()


def build(data: PackData, ctx) -> list:
    return [CoverArt(data, *ctx.cover_size)]
