"""Writing the month's workbooks: which projects get one, the portfolio's marker keys, and the record
of what was sent (collect_requests), which the returns summary reads to name who is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pmo_desktop.collect import marker as M
from pmo_desktop.collect.workbook import build_workbook, file_name, load_pack
from pmo_desktop.domain.enums import Source
from pmo_desktop.store import Portfolio, status_reports
from pmo_desktop.store.files import write_atomically
from pmo_desktop.store.settings import CURRENCY_SYMBOLS, write_setting

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class CollectError(ValueError):
    """A bad option, folder or file; str() is one line for the user and nothing was changed."""


@dataclass
class Written:
    code: str
    name: str
    manager: str | None
    file: str


@dataclass
class CollectResult:
    folder: Path
    period: str
    written: list[Written] = field(default_factory=list)
    batch_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"folder": str(self.folder), "period": self.period, "batch": self.batch_id,
                "workbooks": [w.__dict__ for w in self.written]}


def parse_period(pf: Portfolio, text: str | None) -> str:
    """A period end from YYYY-MM-DD (a monthly cadence takes any day of the month); default: the current one."""
    if text is None or not str(text).strip():
        return status_reports.current_period(pf)
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError:
        raise CollectError(f"'{text}' is not a period end date (use YYYY-MM-DD, e.g. 2026-11-30)") from None
    return status_reports.normalise_period(pf, day.isoformat())


def programme_names(pf: Portfolio, wanted: list[str] | None) -> list[str] | None:
    """The programmes' stored names for names typed in any case; CollectError for an unknown one."""
    if not wanted:
        return None
    names = {r[0].casefold(): r[0] for r in pf.conn.execute("SELECT name FROM programmes")}
    out = []
    for w in wanted:
        if w.strip().casefold() not in names:
            known = ", ".join(sorted(names.values())) or "the portfolio has no programmes"
            raise CollectError(f"unknown programme '{w}'; known: {known}")
        out.append(names[w.strip().casefold()])
    return out


def active_projects(pf: Portfolio, programmes: list[str] | None = None) -> list[dict[str, Any]]:
    """Projects that report: status Active (or no status, in a stage between Idea and Closed)."""
    sql = ("SELECT p.id, p.code, p.name, p.manager, g.name FROM projects p "
           "LEFT JOIN programmes g ON g.id = p.programme_id "
           "WHERE (p.status = 'Active' OR (p.status IS NULL AND coalesce(p.stage, '') NOT IN ('Idea', 'Closed')))")
    params: list[Any] = []
    if programmes:
        sql += f" AND g.name IN ({', '.join('?' for _ in programmes)})"
        params += programmes
    rows = pf.conn.execute(sql + " ORDER BY p.code", params).fetchall()
    return [dict(zip(("id", "code", "name", "manager", "programme"), r, strict=True)) for r in rows]


def ensure_keys(pf: Portfolio, source: Source | str) -> tuple[str, str]:
    """The portfolio's marker file id and secret, made (one batch) the first time."""
    keys = M.portfolio_keys(pf.settings())
    if keys is None:
        value = M.new_keys()
        with pf.batch(source, "Status report collection: portfolio key"):
            write_setting(pf.conn, M.SETTING, value)
        keys = value["file_id"], value["secret"]
    return keys


def collect(pf: Portfolio, period: str, folder: Path, programmes: list[str] | None = None, *,
            source: Source | str = Source.CLI, progress: Progress | None = None,
            cancelled: CancelCheck | None = None, lang: str = "en") -> CollectResult:
    """Write one workbook per active project into `folder` and record what was sent (one batch). The
    workbooks are in `lang` ('en' or 'zh-CN'); they are read back in either."""
    folder = Path(folder)
    if pf.read_only:
        raise CollectError(f"{pf.path.name} is open read-only; collecting records what was sent, so open it for writing")
    programmes = programme_names(pf, programmes)
    projects = active_projects(pf, programmes)
    if not projects:
        raise CollectError("no active projects" + (f" in {', '.join(programmes)}" if programmes else ""))
    if folder.exists() and not folder.is_dir():
        raise CollectError(f"{folder} is a file, not a folder")
    if not folder.exists():  # made only once every option is known to be good
        if not folder.parent.is_dir():
            raise CollectError(f"folder {folder.parent} does not exist")
        folder.mkdir()
    keys = ensure_keys(pf, source)
    settings = pf.settings()
    symbol = CURRENCY_SYMBOLS.get(settings.get("currency"), "").strip()
    minor = 1 if settings.get("currency") == "JPY" else 100
    result = CollectResult(folder, period)
    for i, project in enumerate(projects):
        if cancelled is not None and cancelled():
            raise CollectError("cancelled; the workbooks written so far are complete, nothing was recorded")
        pack = load_pack(pf, project, period)
        wb = build_workbook(pack, keys, currency_symbol=symbol, minor=minor, date_style=settings.get("date_format"),
                            lang=lang)
        name = file_name(pack.code, pack.name, period)
        write_atomically(folder / name, wb.save)
        result.written.append(Written(pack.code, pack.name, pack.manager, name))
        if progress is not None:
            progress(i + 1, len(projects))
    sent = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with pf.batch(source, f"Collect status reports for {period} ({len(projects)} workbooks)") as batch_id:
        for project, w in zip(projects, result.written, strict=True):
            pf.conn.execute(
                """INSERT INTO collect_requests (project_id, period, file_name, manager, sent_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(project_id, period) DO UPDATE SET file_name = excluded.file_name,
                     manager = excluded.manager, sent_at = excluded.sent_at,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')""",
                (project["id"], period, w.file, project["manager"], sent))
    result.batch_id = batch_id
    return result


def latest_round(pf: Portfolio) -> str | None:
    """The period of the latest collection, or None when none was made."""
    return pf.conn.execute("SELECT max(period) FROM collect_requests").fetchone()[0]
