"""Who changed a record and when: the change log with the author of every received change."""

from __future__ import annotations

from pmo_desktop.sync.state import SYNC_SOURCE, read_state

_SOURCE_WORDS = {"ui": "edit", "import": "import", "cli": "command", "undo": "undo", "redo": "redo",
                 "resolve": "conflict resolved", "demo": "demo", "migration": "upgrade", SYNC_SOURCE: "received"}


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value)


def record_changes(pf, table: str, row_id: int, limit: int = 100) -> list[dict]:
    """Newest first: when, who (the login that made it; received changes name their author), what."""
    state = read_state(pf.conn)
    me = (state.login if state and state.login else "You")
    try:
        rows = pf.conn.execute(
            """SELECT b.at, b.source, b.label, c.op, c.col, c.old, c.new, a.author
                 FROM change_log c JOIN batches b ON b.id = c.batch_id
                 LEFT JOIN _sync_authors a ON a.batch_id = c.batch_id AND a.tbl = c.tbl AND a.row_id = c.row_id
                WHERE c.tbl = ? AND c.row_id = ? ORDER BY c.id DESC LIMIT ?""",
            (table, row_id, limit)).fetchall()
    except Exception:  # a file from before sync existed, opened read-only: no authors to show
        rows = [(*r, None) for r in pf.conn.execute(
            """SELECT b.at, b.source, b.label, c.op, c.col, c.old, c.new FROM change_log c
                 JOIN batches b ON b.id = c.batch_id WHERE c.tbl = ? AND c.row_id = ? ORDER BY c.id DESC LIMIT ?""",
            (table, row_id, limit))]
    out = []
    for at, source, label, op, col, old, new, author in rows:
        who = author if source == SYNC_SOURCE else me
        if op == "update":
            what = f"{col}: {_show(old)} → {_show(new)}"
        elif op == "insert":
            what = "created"
        else:
            what = "deleted"
        out.append({"at": at, "who": who or "someone", "how": _SOURCE_WORDS.get(source, source),
                    "label": label or "", "change": what})
    return out
