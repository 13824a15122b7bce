"""Fonts for the board pack: registered once per process, for reportlab and for matplotlib.

The text face is DejaVu Sans, which ships inside matplotlib (so it is always there, offline, on every
platform) and covers accented Latin, Greek, Cyrillic and the € £ ¥ ₹ signs. DejaVu has no Chinese,
Japanese or Korean glyphs, so a second, CJK-capable TrueType font is looked for: first in
resources/fonts/ (where a bundled copy belongs), then in the usual system places on Linux, Windows and
macOS. Text is split into runs so each character is drawn by a face that has it. Without a CJK font
(`cjk_font_path()` is None) such characters print as empty boxes and do not extract as text; the pack
says so in its appendix. Shipping one in resources/fonts/ (and the PyInstaller bundle) removes that
dependence on the machine: DroidSansFallbackFull.ttf (Apache-2.0, ~4 MB) is the candidate.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from matplotlib import font_manager
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from pmo_desktop.paths import resource_path

SANS = "PMOSans"
SANS_BOLD = "PMOSans-Bold"
SANS_ITALIC = "PMOSans-Oblique"
CJK = "PMOCJK"

_MPL_TTF = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

# TrueType-outline fonts only: reportlab cannot embed CFF/OpenType-PS faces (e.g. Noto Sans CJK .otf).
_CJK_CANDIDATES = [
    "DroidSansFallbackFull.ttf",  # resources/fonts/ when bundled (Apache-2.0)
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
]


@dataclass(frozen=True)
class FontSet:
    sans_cmap: frozenset[int]
    cjk_path: Path | None
    cjk_cmap: frozenset[int]
    mpl_family: tuple[str, ...]


_lock = threading.Lock()
_fonts: FontSet | None = None


def register_fonts() -> FontSet:
    """Register the faces with reportlab and matplotlib once; later calls return the same set."""
    global _fonts
    with _lock:
        if _fonts is None:
            _fonts = _register()
        return _fonts


def cjk_font_path() -> Path | None:
    return register_fonts().cjk_path


def _register() -> FontSet:
    faces = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf", SANS_ITALIC: "DejaVuSans-Oblique.ttf"}
    regular = None
    for name, file in faces.items():
        font = TTFont(name, str(_MPL_TTF / file))
        pdfmetrics.registerFont(font)
        regular = regular or font
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)
    # A table cell given a plain string and no FONTNAME would otherwise be set in Helvetica, which a
    # PDF only references (never embeds): every face in the pack is embedded.
    # (reportlab drawings start from Helvetica the same way.)
    from reportlab.graphics.shapes import STATE_DEFAULTS
    from reportlab.platypus.tables import CellStyle

    CellStyle.fontname = SANS
    STATE_DEFAULTS["fontName"] = SANS
    sans_cmap = frozenset(regular.face.charToGlyph)

    cjk_path, cjk_cmap = None, frozenset()
    for candidate in _CJK_CANDIDATES:
        path = Path(candidate)
        if not path.is_absolute():
            path = resource_path("fonts", candidate)
        if not path.is_file():
            continue
        try:
            font = TTFont(CJK, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(CJK, str(path))
        except (TTFError, OSError, KeyError, ValueError):
            continue
        pdfmetrics.registerFont(font)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK, bold, italic, CJK)
        cjk_path, cjk_cmap = path, frozenset(font.face.charToGlyph)
        break

    family = ["DejaVu Sans"]
    if cjk_path is not None:
        try:
            font_manager.fontManager.addfont(str(cjk_path))
            family.append(font_manager.FontProperties(fname=str(cjk_path)).get_name())
        except (OSError, RuntimeError, ValueError):
            pass
    return FontSet(sans_cmap, cjk_path, cjk_cmap, tuple(family))


def runs(text: str) -> list[tuple[str, bool]]:
    """Split text into (chunk, needs_cjk_face) runs."""
    fonts = register_fonts()
    out: list[tuple[str, bool]] = []
    for ch in text:
        cjk = fonts.cjk_path is not None and ord(ch) not in fonts.sans_cmap and ord(ch) in fonts.cjk_cmap
        if out and out[-1][1] == cjk:
            out[-1] = (out[-1][0] + ch, cjk)
        else:
            out.append((ch, cjk))
    return out


def markup(text: object) -> str:
    """Paragraph markup for user text: XML-escaped, CJK runs switched to the CJK face."""
    if text is None:
        return ""
    parts = []
    for chunk, cjk in runs(str(text)):
        esc = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font name="{CJK}">{esc}</font>' if cjk else esc)
    return "".join(parts)


def string_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(chunk, CJK if cjk else font, size) for chunk, cjk in runs(text))


def draw_string(canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """canvas.drawString with per-run font switching; align is left, right or centre."""
    width = string_width(text, font, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for chunk, cjk in runs(text):
        face = CJK if cjk else font
        canvas.setFont(face, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, face, size)


def fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten text with an ellipsis so it fits the width (for one-line labels only)."""
    if string_width(text, font, size) <= width:
        return text
    while text and string_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def face_for(text: str, font: str = SANS) -> str:
    """One face for a whole string (reportlab graphics Strings cannot switch faces mid-string)."""
    return CJK if any(cjk for _, cjk in runs(text)) else font


def rich_string(x: float, y: float, text: str, font: str, size: float, fill):
    """A reportlab graphics label with each run in a face that has its characters (a Chinese month
    label '2026年1月' needs DejaVu for the digits and the CJK face for 年 and 月), as a Group."""
    from reportlab.graphics.shapes import Group, String

    group = Group()
    for chunk, cjk in runs(text):
        face = CJK if cjk else font
        group.add(String(x, y, chunk, fontName=face, fontSize=size, fillColor=fill))
        x += pdfmetrics.stringWidth(chunk, face, size)
    return group
