"""Commentary per reporting period: the portfolio's, each programme's, and a project's cost commentary.

Written through the batch API into `pack_commentary` (store/schema_pack.py) by `pmo commentary` and the
commentary editor; read by the board pack (PDF and PowerPoint). The text is a small markdown subset:
paragraphs separated by a blank line, bullets ("- " or "* " at the start of a line) and **bold**.
`parse()` turns it into blocks of runs both writers draw; nothing else of markdown is interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain.enums import Source
from pmo_desktop.store import Portfolio
from pmo_desktop.store.errors import PortfolioError

MAX_CHARS = 20_000
TOPICS = ("general", "cost")


class CommentaryError(PortfolioError):
    """A bad period, programme, project or text; str() is one line for the user."""


@dataclass(frozen=True)
class Block:
    kind: str  # 'p' (paragraph) or 'bullet'
    runs: tuple[tuple[str, bool], ...]  # (text, bold)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass(frozen=True)
class Commentary:
    """All the commentary of one period, as the pack reads it."""

    portfolio: str | None
    programmes: dict[str, str]  # programme name -> text
    project_cost: dict[int, str]  # project id -> cost commentary


_BULLET = re.compile(r"^\s*[-*•]\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _runs(text: str) -> tuple[tuple[str, bool], ...]:
    out, at = [], 0
    for m in _BOLD.finditer(text):
        if m.start() > at:
            out.append((text[at:m.start()], False))
        out.append((m.group(1), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return tuple(out)


def parse(text: str | None) -> list[Block]:
    """Paragraphs and bullets of the markdown subset; consecutive plain lines join into one paragraph."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", _runs(" ".join(para))))
            para.clear()

    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif _BULLET.match(raw):
            flush()
            blocks.append(Block("bullet", _runs(_BULLET.sub("", raw, count=1).strip())))
        else:
            para.append(line)
    flush()
    return blocks


def plain(text: str | None) -> str:
    """The commentary as plain text (speaker notes, tooltips): bullets as "• ", bold markers dropped."""
    return "\n".join(("• " if b.kind == "bullet" else "") + b.text for b in parse(text))


def _period(value: date | str) -> str:
    try:
        return (value if isinstance(value, date) else date.fromisoformat(str(value).strip())).isoformat()
    except ValueError:
        raise CommentaryError(f"period '{value}' is not a date written YYYY-MM-DD") from None


def _programme_id(pf: Portfolio, name: str) -> int:
    rows = pf.conn.execute("SELECT id, name FROM programmes ORDER BY name").fetchall()
    match = [pid for pid, n in rows if n.casefold() == name.strip().casefold()]
    if not match:
        known = ", ".join(n for _, n in rows) or "the portfolio has no programmes"
        raise CommentaryError(f"unknown programme '{name}'; known: {known}")
    return match[0]


def _project_id(pf: Portfolio, code: str) -> int:
    row = pf.conn.execute("SELECT id FROM projects WHERE code = ? COLLATE NOCASE", (code.strip(),)).fetchone()
    if row is None:
        raise CommentaryError(f"unknown project '{code}'")
    return row[0]


def default_period(pf: Portfolio) -> date:
    """The portfolio's current period, else its latest status-report period, else last month's end."""
    from pmo_desktop.finance.periods import default_period_end

    current = pf.settings().get("current_period")
    if current:
        return date.fromisoformat(current)
    latest = pf.conn.execute("SELECT max(period) FROM status_reports").fetchone()[0]
    return date.fromisoformat(latest) if latest else default_period_end(pf)


def _key(pf: Portfolio, programme: str | None, project: str | None, topic: str) -> tuple[int | None, int | None]:
    if topic not in TOPICS:
        raise CommentaryError(f"topic '{topic}' is not one of {', '.join(TOPICS)}")
    if programme and project:
        raise CommentaryError("commentary is for a programme or a project, not both")
    if topic == "cost" and not project:
        raise CommentaryError("cost commentary belongs to a project (give --project CODE)")
    return (_programme_id(pf, programme) if programme else None, _project_id(pf, project) if project else None)


def get_commentary(pf: Portfolio, period: date | str, *, programme: str | None = None,
                   project: str | None = None, topic: str = "general") -> str:
    """The text written for one scope and period ('' when none)."""
    prog_id, proj_id = _key(pf, programme, project, topic)
    row = pf.conn.execute(
        """SELECT text FROM pack_commentary WHERE period = ? AND coalesce(programme_id, 0) = ?
           AND coalesce(project_id, 0) = ? AND topic = ?""",
        (_period(period), prog_id or 0, proj_id or 0, topic)).fetchone()
    return row[0] if row else ""


def set_commentary(pf: Portfolio, period: date | str, text: str, *, programme: str | None = None,
                   project: str | None = None, topic: str = "general", source: Source | str = Source.UI) -> str:
    """Write (or with empty text, remove) one scope's commentary for a period, as one undoable batch.
    Returns 'written', 'removed' or 'unchanged'."""
    period_text = _period(period)
    prog_id, proj_id = _key(pf, programme, project, topic)
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_CHARS:
        raise CommentaryError(f"commentary is {len(text):,} characters; the most is {MAX_CHARS:,}")
    if "\x00" in text:
        raise CommentaryError("commentary contains a NUL character; is it a text file?")
    where = ("period = ? AND coalesce(programme_id, 0) = ? AND coalesce(project_id, 0) = ? AND topic = ?")
    key = (period_text, prog_id or 0, proj_id or 0, topic)
    row = pf.conn.execute(f"SELECT id, text FROM pack_commentary WHERE {where}", key).fetchone()
    if (row[1] if row else "") == text:
        return "unchanged"
    scope = programme or project or "portfolio"
    with pf.batch(source, f"Commentary for {scope}, {period_text}"):
        if not text:
            pf.conn.execute("DELETE FROM pack_commentary WHERE id = ?", (row[0],))
            return "removed"
        if row:
            pf.conn.execute("UPDATE pack_commentary SET text = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                            "WHERE id = ?", (text, row[0]))
        else:
            pf.conn.execute("INSERT INTO pack_commentary (period, programme_id, project_id, topic, text) "
                            "VALUES (?, ?, ?, ?, ?)", (period_text, prog_id, proj_id, topic, text))
    return "written"


def load_commentary(pf: Portfolio, period: date) -> Commentary:
    """Everything written for `period`, for the board pack."""
    portfolio, programmes, cost = None, {}, {}
    for prog, proj, topic, text in pf.conn.execute(
        """SELECT g.name, c.project_id, c.topic, c.text FROM pack_commentary c
           LEFT JOIN programmes g ON g.id = c.programme_id WHERE c.period = ?""", (period.isoformat(),)):
        if proj is not None:
            if topic == "cost":
                cost[proj] = text
        elif prog is not None:
            programmes[prog] = text
        else:
            portfolio = text
    return Commentary(portfolio, programmes, cost)
