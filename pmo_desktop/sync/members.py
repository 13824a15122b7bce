"""Members of a shared portfolio: existing PostgreSQL login roles with a role (admin, editor, viewer)
and, for editors, optionally the programmes they may change. Only admins change members; the server
functions check it."""

from __future__ import annotations

from pmo_desktop.sync.connection import SyncError, connect, talking
from pmo_desktop.sync.state import require_state

ROLES = ("admin", "editor", "viewer")


def list_members(pf) -> list[dict]:
    state = require_state(pf)
    pg = connect(state.server)
    try:
        with talking():
            rows = pg.execute("SELECT login, role, programmes FROM pmo_sync.list_members(%s)",
                              (state.portfolio,)).fetchall()
    finally:
        pg.close()
    return [{"login": r[0], "role": r[1], "programmes": list(r[2] or [])} for r in rows]


def add_member(pf, login: str, role: str, programmes: list[str] | None = None) -> dict:
    if role not in ROLES:
        raise SyncError(f"a role is admin, editor or viewer, not '{role}'")
    if programmes and role != "editor":
        raise SyncError("only editors are limited to programmes")
    state = require_state(pf)
    if programmes:
        known = {r[0] for r in pf.conn.execute("SELECT name FROM programmes")}
        unknown = [p for p in programmes if p not in known]
        if unknown:
            raise SyncError(f"there is no programme named '{unknown[0]}'")
    pg = connect(state.server)
    try:
        with talking():
            pg.execute("SELECT pmo_sync.set_member(%s, %s, %s, %s)", (state.portfolio, login, role, programmes or []))
    finally:
        pg.close()
    return {"login": login, "role": role, "programmes": programmes or []}


def remove_member(pf, login: str) -> dict:
    state = require_state(pf)
    pg = connect(state.server)
    try:
        with talking():
            pg.execute("SELECT pmo_sync.remove_member(%s, %s)", (state.portfolio, login))
    finally:
        pg.close()
    return {"removed": login}
