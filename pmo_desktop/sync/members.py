"""Members of a shared portfolio: PostgreSQL login roles with a role (admin, editor, viewer) and, for
editors, optionally the programmes they may change. Only admins change members; the server functions
check it. An admin whose login may create roles can create a missing login on the way
(`create_login`); it gets no password here (none ever passes through PMO Desktop): the server's own
sign-in applies, or the database administrator sets one."""

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


def _ensure_login(pg, portfolio: str, login: str, create: bool) -> bool:
    """Check that `login` is a database login, creating it when asked and allowed; True if created."""
    from psycopg import sql

    with talking():
        found = pg.execute("SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = %s", (login,)).fetchone()
        if found is not None:
            if not found[0]:
                raise SyncError(f"'{login}' is a database role that cannot log in; choose a login")
            return False
        me, may = pg.execute("SELECT current_user, rolsuper OR rolcreaterole FROM pg_catalog.pg_roles "
                             "WHERE rolname = current_user").fetchone()
        if not may:
            raise SyncError(f"there is no database login named '{login}', and your login ({me}) cannot create "
                            "logins; ask the database administrator to create it")
        if not create:
            raise SyncError(f"there is no database login named '{login}'; add --create-login to create it")
        admin = pg.execute("SELECT role FROM pmo_sync.whoami(%s)", (portfolio,)).fetchone()[0]
        if admin != "admin":
            raise SyncError(f"only an admin of portfolio \"{portfolio}\" can change its members")
        pg.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(login)))
    return True


def add_member(pf, login: str, role: str, programmes: list[str] | None = None, *, create_login: bool = False) -> dict:
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
        with talking(), pg.transaction():  # a login created here exists only if the member is added too
            created = _ensure_login(pg, state.portfolio, login, create_login)
            pg.execute("SELECT pmo_sync.set_member(%s, %s, %s, %s)",
                       (state.portfolio, login, role, programmes or []))
    finally:
        pg.close()
    return {"login": login, "role": role, "programmes": programmes or [], "login_created": created}


def remove_member(pf, login: str) -> dict:
    state = require_state(pf)
    pg = connect(state.server)
    try:
        with talking():
            pg.execute("SELECT pmo_sync.remove_member(%s, %s)", (state.portfolio, login))
    finally:
        pg.close()
    return {"removed": login}
