"""Reaching the server: libpq's own ways (URL, service file, PGPASSFILE, environment, sslmode).

A password typed into a URL is used for the connection but never stored: `redact()` is what the
file, the settings and every message get.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit, urlunsplit

from pmo_desktop.sync import server_sql


class SyncError(Exception):
    """A sync problem the user can act on; one line."""


class Offline(SyncError):
    """The server cannot be reached; nothing was changed locally."""


class Refused(SyncError):
    """The server refused: not a member, a viewer pushing, no such portfolio..."""


class Busy(SyncError):
    """The server gave up on the request because another analyst's sync was in its way at that moment
    (a deadlock or a serialisation failure); its transaction was rolled back, so sending again is safe."""


RETRYABLE = ("40P01", "40001")  # deadlock_detected, serialization_failure


CONNECT_TIMEOUT = 5


def redact(dsn: str) -> str:
    """The connection string without any password (URL or key=value form)."""
    if "://" in dsn:
        parts = urlsplit(dsn)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}@{host}" if user else host
        query = "&".join(q for q in parts.query.split("&") if q and not q.lower().startswith("password="))
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(dsn)
    except Exception:  # not a connection string we can read: keep nothing that could be secret
        return ""
    params.pop("password", None)
    return make_conninfo(**params)


def describe(dsn: str) -> str:
    safe = redact(dsn)
    return safe or "the server"


def connect(dsn: str):
    """An autocommit connection, or Offline with one line saying why."""
    import psycopg

    try:
        return psycopg.connect(dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                               application_name="pmo-desktop")
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        reason = reason.split(" failed: ")[-1].split(" Is the server running")[0].rstrip(" ?")
        raise Offline(f"cannot reach {describe(dsn)}: {reason}; work goes on offline") from None
    except psycopg.ProgrammingError as exc:
        raise SyncError(f"cannot use the connection string {describe(dsn)!r}: {exc}") from None


def server_error(exc) -> SyncError:
    """A psycopg error as one line: refusals keep the server's message, lost connections say offline."""
    import psycopg

    if getattr(exc, "sqlstate", None) in RETRYABLE:  # OperationalErrors, but the connection is fine
        return Busy("the server was busy with another analyst's sync at the same moment; nothing was changed, "
                    "sync again")
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        text = (str(exc).strip().splitlines() or ["connection lost"])[0]
        return Offline(f"lost the connection to the server ({text}); nothing was changed locally, try again later")
    diag = getattr(exc, "diag", None)
    message = (diag.message_primary if diag is not None and diag.message_primary else str(exc)).strip()
    if getattr(exc, "sqlstate", None) in ("42501", "P0002", "42704", "23505", "22023"):
        return Refused(message)
    return SyncError(f"the server refused the request: {message}")


@contextlib.contextmanager
def talking():
    """Turn psycopg errors raised inside the block into one-line SyncErrors."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        raise server_error(exc) from None


def installed_version(pg) -> int:
    with talking():
        row = pg.execute("SELECT to_regclass('pmo_sync.info') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        found = pg.execute("SELECT version FROM pmo_sync.info WHERE id = 1").fetchone()
    return found[0] if found else 0


def install(pg) -> None:
    """Create or update the server schema and functions (needs a login that may create a schema)."""
    if installed_version(pg) >= server_sql.SCHEMA_VERSION:
        return
    with talking(), pg.transaction():
        pg.execute("SELECT pg_advisory_xact_lock(872316)")
        pg.execute(server_sql.INSTALL.replace("%(version)s", str(server_sql.SCHEMA_VERSION)))


# A connection kept between syncs of one program (the window's automatic sync, a benchmark's rounds):
# opening one costs a TCP and authentication exchange, and a new server session compiles the sync
# functions again. One per connection string; taken out while in use, so two threads never share it.
_kept: dict[str, object] = {}


@contextlib.contextmanager
def kept_connection(dsn: str):
    """A connection to `dsn`, reused from the last sync when it is still open; yields (pg, reused)."""
    pg = _kept.pop(dsn, None)
    reused = pg is not None and not pg.closed and pg.info.transaction_status == 0  # IDLE
    if not reused:
        if pg is not None:
            pg.close()
        pg = connect(dsn)
    ok = False
    try:
        yield pg, reused
        ok = True
    finally:
        if ok and not pg.closed and pg.info.transaction_status == 0:
            old = _kept.pop(dsn, None)
            if old is not None:
                old.close()
            _kept[dsn] = pg
        else:
            pg.close()

