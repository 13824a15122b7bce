"""`build_board_pack()`: the month-end PDF for the steering committee, as one plain function.

It validates the options first (nothing is written for a bad one), reads the data once, lets each
section module build its story, and lays the story out with reportlab into a temporary file beside
the output that is renamed over it only when complete, so a failure or a cancel never leaves a
partial PDF. `progress(done, total)` is called as the work advances; `cancel()` returning True stops it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak

from pmo_desktop import finance, i18n
from pmo_desktop.capacity import CapacityInputError
from pmo_desktop.domain import workdays
from pmo_desktop.reports.base import (
    DATE_STYLE,
    BoardPackDocument,
    Cancelled,
    PackInfo,
    PageTotal,
    RenderState,
    Styles,
    fmt_date,
)
from pmo_desktop.reports.capacity_data import load_capacity
from pmo_desktop.reports.data import NO_PROGRAMME, load_pack_data
from pmo_desktop.reports.lang import pack_language, t, word
from pmo_desktop.reports.sections import SECTION_MODULES, SectionContext
from pmo_desktop.reports.sections.benefits import load_benefits
from pmo_desktop.store import Portfolio
from pmo_desktop.store.files import apply_umask

SECTIONS: tuple[str, ...] = tuple(SECTION_MODULES)
PAGE_SIZE_NAMES = ("A4", "Letter")

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class BoardPackError(Exception):
    """A bad option or an output that cannot be written; str() is one line for the user."""


class BoardPackCancelled(BoardPackError):
    def __init__(self):
        super().__init__("board pack cancelled; no file was written")


@dataclass(frozen=True)
class BoardPackOptions:
    period: date | None = None  # default: the portfolio's current period
    sections: tuple[str, ...] | None = None  # default: all, in the standard order
    programme: str | None = None
    page_size: str = "A4"
    today: date | None = None  # the date printed on the cover and used for "today" lines
    closed_pages: bool = False  # a full page for closed and idea-stage projects (default: one summary table)
    lang: str | None = None  # the pack's language: 'en' (default) or 'zh-CN', chosen per pack


@dataclass(frozen=True)
class BoardPackResult:
    path: Path
    pages: int
    period: date
    sections: tuple[str, ...]
    projects: int


def parse_period(text: str) -> date:
    """A period end written YYYY-MM-DD, read the way the finance service reads it."""
    try:
        return finance.parse_period(text)
    except finance.PeriodError as exc:
        raise BoardPackError(str(exc)) from None


def parse_sections(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Section names in any order, comma or space separated; returned in the standard order."""
    names = [n.strip().lower() for v in values for n in v.replace(",", " ").split() if n.strip()]
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise BoardPackError(f"unknown section '{unknown[0]}'; choose from: {', '.join(SECTIONS)}")
    if not names:
        raise BoardPackError(f"no sections chosen; choose from: {', '.join(SECTIONS)}")
    return tuple(s for s in SECTIONS if s in names)


def remembered_options(pf: Portfolio) -> BoardPackOptions:
    """The options last used for this portfolio (settings board_pack), for the export dialog; anything
    no longer valid (a section or programme that has gone) falls back to the default."""
    saved = pf.settings().get("board_pack")
    saved = saved if isinstance(saved, dict) else {}
    sections = saved.get("sections")
    known = tuple(s for s in SECTIONS if isinstance(sections, list) and s in sections) or None
    programme = saved.get("programme")
    names = {r[0] for r in pf.conn.execute("SELECT name FROM programmes")}
    size = saved.get("page_size") if saved.get("page_size") in PAGE_SIZE_NAMES else "A4"
    return BoardPackOptions(sections=known, programme=programme if programme in names else None, page_size=size)


def remember_options(pf: Portfolio, options: BoardPackOptions) -> None:
    """Keep the sections, programme and page size for next time (one undoable settings change).
    The period is not kept: next month's pack is for next month's period."""
    saved = pf.settings().get("board_pack")
    saved = dict(saved) if isinstance(saved, dict) else {}
    saved.update(sections=list(parse_sections(options.sections)) if options.sections is not None else None,
                 programme=options.programme, page_size=options.page_size)
    pf.set_settings({"board_pack": saved})


def _resolve(pf: Portfolio, options: BoardPackOptions) -> tuple[date, tuple[str, ...], str | None, str]:
    sections = parse_sections(options.sections) if options.sections is not None else SECTIONS
    sizes = {s.upper(): s for s in PAGE_SIZE_NAMES}
    if options.page_size.upper() not in sizes:
        raise BoardPackError(f"page size '{options.page_size}' is not one of {', '.join(PAGE_SIZE_NAMES)}")
    programme = options.programme
    if programme is not None:
        names = [r[0] for r in pf.conn.execute("SELECT name FROM programmes ORDER BY name")]
        match = [n for n in names if n.casefold() == programme.strip().casefold()]
        if not match and programme.strip().casefold() != NO_PROGRAMME.casefold():
            known = ", ".join(names) if names else "the portfolio has no programmes"
            raise BoardPackError(f"unknown programme '{programme}'; known: {known}")
        programme = match[0] if match else NO_PROGRAMME
    periods = [r[0] for r in pf.conn.execute("SELECT DISTINCT period FROM status_reports ORDER BY period DESC")]
    period = options.period
    if period is None:
        current = pf.settings().get("current_period")
        if current:
            period = date.fromisoformat(current)
        elif periods:
            period = date.fromisoformat(periods[0])
        else:
            period = workdays.previous_month_end(options.today or date.today())
    elif periods and period.isoformat() not in periods and period.isoformat() != pf.settings().get("current_period"):
        raise BoardPackError(f"no status reports for period {period.isoformat()}; "
                             f"latest periods: {', '.join(periods[:4])}")
    return period, sections, programme, sizes[options.page_size.upper()]


FORMATS = (".pdf", ".pptx")  # the output's extension chooses the format


def _check_output(output: Path) -> Path:
    output = Path(output)
    if output.suffix.lower() not in FORMATS:
        raise BoardPackError(f"output '{output}' must end in .pdf (PDF) or .pptx (PowerPoint)")
    if output.is_dir():
        raise BoardPackError(f"output '{output}' is a folder")
    parent = output.resolve().parent
    if not parent.is_dir():
        raise BoardPackError(f"cannot write '{output}': folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise BoardPackError(f"cannot write '{output}': permission denied")
    return output


def parse_language(code: str | None) -> str:
    """'en' or 'zh-CN' from what a user typed ('zh', 'zh_CN', 'EN'); one clear line otherwise."""
    if not code:
        return i18n.DEFAULT
    found = i18n.normalise(code)
    if found is None:
        raise BoardPackError(f"language '{code}' is not one the board pack speaks; choose from "
                             f"{', '.join(i18n.LANGUAGES)}")
    return found


def build_board_pack(pf: Portfolio, output: Path, options: BoardPackOptions = BoardPackOptions(), *,
                     progress: Progress | None = None, cancel: CancelCheck | None = None) -> BoardPackResult:
    """The pack in `options.lang` (every heading, label, legend, footer, date and bookmark)."""
    lang = parse_language(options.lang)
    output = _check_output(output)
    with pack_language(lang):
        return _build(pf, output, options, progress, cancel)


def _build(pf: Portfolio, output: Path, options: BoardPackOptions, progress: Progress | None,
           cancel: CancelCheck | None) -> BoardPackResult:
    period, sections, programme, page_size = _resolve(pf, options)
    today = options.today or date.today()
    with pf.snapshot():  # every section from one state of the file
        data = load_pack_data(pf, period=period, programme=programme, today=today)
        if "capacity" in sections:
            try:
                data.capacity = load_capacity(pf, period)
            except CapacityInputError as exc:
                raise BoardPackError(f"capacity section: {exc} (or leave the capacity section out)") from None
        if "benefits" in sections:
            data.benefits = load_benefits(pf, period, data)
        date_format = pf.settings().get("date_format")
    data.options = {"closed_pages": options.closed_pages}
    token = DATE_STYLE.set(date_format)
    try:
        return _lay_out(data, output, sections, period, page_size, progress, cancel)
    finally:
        DATE_STYLE.reset(token)


def _lay_out(data, output: Path, sections: tuple[str, ...], period: date, page_size: str,
             progress: Progress | None, cancel: CancelCheck | None) -> BoardPackResult:
    programme = data.programme_filter
    styles = Styles()
    info = PackInfo(portfolio=data.portfolio, organisation=data.organisation,
                    period_label=fmt_date(period), confidentiality=word(data.confidentiality))
    title = t("{portfolio} – board pack, period ending {period}", portfolio=data.portfolio, period=fmt_date(period))
    if programme:
        title += f" ({programme})"
    metadata = {"title": title, "author": data.organisation or "PMO Desktop",
                "subject": t("Portfolio status, finance, risks and milestones for the period ending {period}",
                             period=period.isoformat()),
                "keywords": t("board pack, portfolio") + ", " + period.isoformat()}

    if output.suffix.lower() == ".pptx":
        return _build_pptx(data, output, sections, period, progress, cancel)
    per_section = {s: (len(data.projects) if s == "projects" else 1) for s in sections}
    est_pages = 6 + len(sections) + len(data.projects) * (1 + ("projects" in sections)) // 3
    render_units = max(10, est_pages)
    total = sum(per_section.values()) + render_units
    tick = _Ticker(total, progress, cancel)
    with _written(output) as tmp:
        pages_seen = [0]

        def on_page(_page: int) -> None:
            pages_seen[0] += 1
            if progress is not None:
                rendered = min(render_units - 1, pages_seen[0] * render_units // (est_pages * 3))
                progress(min(tick.done + rendered, total - 1), total)

        state = RenderState()
        doc = BoardPackDocument(str(tmp), page_size=page_size, info=info, metadata=metadata,
                                cancel=cancel, on_page=on_page, cover="cover" in sections, state=state)
        width, height = doc.frame_size
        ctx = SectionContext(styles=styles, width=width, height=height, tick=tick, cover_size=doc.cover_size,
                             sections=sections, state=state)
        story = []
        for name in sections:
            module = SECTION_MODULES[name]
            if name == "cover":
                story += module.build(data, ctx)
                story += [NextPageTemplate("body"), PageBreak()]
                continue
            if story and not isinstance(story[-1], PageBreak):
                story.append(PageBreak())
            story += module.build(data, ctx)
            if name != "projects":
                tick()
        if not story:
            raise BoardPackError("nothing to print: no section chosen")
        try:
            doc.multiBuild([PageTotal(doc), *story], maxPasses=6)
        except Cancelled:
            raise BoardPackCancelled() from None
        pages = doc.page
    if progress is not None:
        progress(total, total)
    return BoardPackResult(path=output, pages=pages, period=period, sections=sections, projects=len(data.projects))


class _Ticker:
    """Advances the progress bar by a unit of work and honours a cancel request."""

    def __init__(self, total: int, progress: Progress | None, cancel: CancelCheck | None):
        self.total, self.progress, self.cancel, self.done = total, progress, cancel, 0

    def __call__(self) -> None:
        if self.cancel is not None and self.cancel():
            raise BoardPackCancelled()
        self.done += 1
        if self.progress is not None:
            self.progress(min(self.done, self.total - 1), self.total)


@contextmanager
def _written(output: Path) -> Iterator[Path]:
    """A temporary file beside `output`, renamed over it only when the block completes; removed if not."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.resolve().parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        apply_umask(tmp)  # mkstemp made it private; a pack follows the rule of every file we create
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _build_pptx(data, output: Path, sections: tuple[str, ...], period: date, progress: Progress | None,
                cancel: CancelCheck | None) -> BoardPackResult:
    """The same sections as editable PowerPoint slides (reports.pptx), written atomically like the PDF."""
    from pmo_desktop.reports.pptx.build import write_deck

    total = sum(len(data.projects) if s == "projects" else 1 for s in sections) + 1
    with _written(output) as tmp:
        slides, _ = write_deck(data, sections, tmp, _Ticker(total, progress, cancel))
    if progress is not None:
        progress(total, total)
    return BoardPackResult(path=output, pages=slides, period=period, sections=sections, projects=len(data.projects))
