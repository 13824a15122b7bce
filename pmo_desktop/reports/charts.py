"""matplotlib for the board pack's portfolio charts, always on the Agg renderer.

Figures are made with `matplotlib.figure.Figure` and drawn by `FigureCanvasAgg` directly rather than
through pyplot and `matplotlib.use('Agg')`: that guarantees Agg here without switching the process-wide
backend that the Qt GUI may be using, and keeps no global figure state between threads.

Charts are embedded as PNG at 200 dpi (crisp when zoomed or printed) rather than as vectors: reportlab
cannot place a matplotlib PDF/SVG without an extra library (svglib), and PNG embedding keeps fonts
consistent because matplotlib draws CJK names with its own font fallback. The small per-project charts
are drawn with reportlab graphics instead (vector, and 100+ matplotlib figures would not fit the
20-second budget for a 100-project pack).
"""

from __future__ import annotations

import gc
import io
import logging
from contextlib import contextmanager

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from pmo_desktop.reports.fonts import register_fonts

DPI = 200
INK = "#212121"
MUTED = "#616161"
GRID = "#CFD8DC"


@contextmanager
def chart_style():
    family = list(register_fonts().mpl_family)
    # The CJK fallback face has no bold; matplotlib would log a warning for every bold label.
    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    with rc_context({
        "font.family": family, "font.size": 8, "axes.edgecolor": GRID, "axes.labelcolor": INK,
        "xtick.color": MUTED, "ytick.color": INK, "axes.spines.top": False, "axes.spines.right": False,
        "svg.fonttype": "none", "figure.dpi": DPI, "savefig.dpi": DPI,
    }):
        try:
            yield
        finally:
            log.setLevel(level)


def month_formatter():
    """Month ticks as the pack writes months everywhere ('Mar 2026', '2026-03', '03/2026', '2026年3月')."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    from pmo_desktop.domain.dates import format_month, resolve_date_format
    from pmo_desktop.reports.base import DATE_STYLE
    from pmo_desktop.reports.lang import lang

    code, style = lang(), resolve_date_format(DATE_STYLE.get())  # read now: the formatter runs when drawn
    return FuncFormatter(lambda v, _pos: format_month(mdates.num2date(v).date(), style, lang=code))


def new_figure(width_pt: float, height_pt: float) -> Figure:
    fig = Figure(figsize=(width_pt / 72, height_pt / 72), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


class PngChart(Flowable):
    """A chart kept as compact PNG bytes and decoded only while it is drawn: reportlab's own Image
    flowable keeps the decoded pixels (about 25 MB for a full-page chart at 200 dpi) for the whole
    build, which alone would break the 300 MB budget of a 100-project pack."""

    def __init__(self, png: bytes, width: float, height: float):
        super().__init__()
        self.png, self.width, self.height = png, width, height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        self.canv.drawImage(ImageReader(io.BytesIO(self.png)), 0, 0, self.width, self.height)


def to_image(fig: Figure, width_pt: float, height_pt: float) -> PngChart:
    """The figure as a PNG flowable of exactly width x height points (no bbox tightening, so the
    layout the section planned is the layout printed). Opaque RGB, so the PDF needs no alpha mask;
    a low PNG compression level, as reportlab decodes and recompresses the pixels anyway."""
    fig.set_facecolor("white")
    canvas = fig.canvas
    canvas.draw()
    rgba = PILImage.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    out = io.BytesIO()
    rgba.convert("RGB").save(out, format="PNG", compress_level=1)
    del rgba
    fig.clear()
    canvas.__dict__.pop("renderer", None)  # the Agg pixel buffer
    gc.collect(1)  # matplotlib's figure/canvas/artist cycles are young: free them before the next chart
    return PngChart(out.getvalue(), width_pt, height_pt)
