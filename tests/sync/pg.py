"""A real, throw-away PostgreSQL for the sync tests; a fresh database per test.

PMO_TEST_PG_DSN (set by .ci/run, or by you) names a running server reached as a superuser; otherwise
the session starts its own with .ci/pg-start on a free loopback port (as `nobody` when run as root,
since initdb refuses root) and stops it at the end. Without PostgreSQL binaries the tests skip with
the reason, unless PMO_REQUIRE_PG=1 (CI), where they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from pmo_desktop.store import create_portfolio, open_portfolio

PG_START = Path(__file__).resolve().parents[2] / ".ci" / "pg-start"
MEMBERS = {"alice": "editor", "bob": "editor", "carol": "editor", "vera": "viewer", "eddie": "editor"}


def _unavailable(reason: str):
    if os.environ.get("PMO_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL is required here (PMO_REQUIRE_PG=1): {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_db(dsn: str, dbname: str, user: str | None = None) -> str:
    parts = urlsplit(dsn)
    netloc = parts.netloc
    if user is not None:
        netloc = f"{user}@{netloc.rsplit('@', 1)[-1]}"
    return urlunsplit((parts.scheme, netloc, "/" + dbname, parts.query, ""))


class PgServer:
    def __init__(self, dsn: str, folder: str | None):
        self.dsn = dsn
        self.folder = folder

    def admin(self, dbname: str | None = None):
        import psycopg

        return psycopg.connect(with_db(self.dsn, dbname) if dbname else self.dsn, autocommit=True)

    def can_restart(self) -> bool:
        return bool(self.folder)

    def stop(self) -> None:
        subprocess.run(["bash", str(PG_START), "--stop", self.folder], check=True)

    def start(self) -> None:
        subprocess.run(["bash", str(PG_START), "--start-again", self.folder], check=True)


@pytest.fixture(scope="session")
def pg_server():
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed")
    dsn = os.environ.get("PMO_TEST_PG_DSN")
    folder = None
    started = False
    if not dsn:
        has_initdb = any(Path(d).glob("initdb") for d in Path("/usr/lib/postgresql").glob("*/bin")) \
            if Path("/usr/lib/postgresql").is_dir() else False
        if not (has_initdb or shutil.which("initdb")) or not shutil.which("bash"):
            _unavailable("no PostgreSQL server binaries (initdb, pg_ctl) and no PMO_TEST_PG_DSN; "
                         "see README 'Sync tests'")
        folder = tempfile.mkdtemp(prefix="pmo-pg-")
        done = subprocess.run(["bash", str(PG_START), folder, str(_free_port())], capture_output=True, text=True)
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            _unavailable(f"could not start a throw-away PostgreSQL: {done.stderr.strip()[-300:]}")
        dsn = done.stdout.strip()
        started = True
    else:
        folder = os.environ.get("PMO_TEST_PG_DIR") or None
        if folder and int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
            folder = None  # stopping a server other test workers use would fail their tests
    server = PgServer(dsn, folder)
    with server.admin() as conn:
        for login in MEMBERS:
            conn.execute(f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{login}') THEN
                    CREATE ROLE {login} LOGIN;
                END IF; END $$""")
    yield server
    if started:
        subprocess.run(["bash", str(PG_START), "--stop", folder], check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_db(pg_server):
    """A fresh database; yields its superuser DSN."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with pg_server.admin() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield with_db(pg_server.dsn, name)
    with contextlib.suppress(Exception), pg_server.admin() as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory):
    from pmo_desktop.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "team.pmo"
    create_portfolio(path, name="Team", populate=lambda pf: build_demo(pf, projects=6, seed=3)).close()
    return path


class Team:
    """A shared portfolio: the admin's copy (postgres) and clones for members by login."""

    def __init__(self, pg_db: str, folder: Path, source: Path, server: PgServer):
        from pmo_desktop.sync import engine, members

        self.dsn = pg_db
        self.folder = folder
        self.server = server
        self.admin_path = folder / "admin.pmo"
        shutil.copy(source, self.admin_path)
        with open_portfolio(self.admin_path) as pf:
            engine.share(pf, pg_db, "team")
            for login, role in MEMBERS.items():
                scope = ["Data & Analytics"] if login == "eddie" else None
                members.add_member(pf, login, role, scope)

    def dsn_as(self, login: str) -> str:
        return with_db(self.dsn, urlsplit(self.dsn).path.lstrip("/"), login)

    def clone(self, login: str) -> Path:
        from pmo_desktop.sync import engine

        path = self.folder / f"{login}.pmo"
        engine.clone(self.dsn_as(login), path, "team")
        return path

    def server_rows(self) -> dict[str, tuple[str, dict]]:
        """Live rows on the server by gid (superuser read, for checking)."""
        import psycopg

        with psycopg.connect(self.dsn) as conn:
            return {str(g): (t, d) for g, t, d in conn.execute(
                "SELECT gid, tbl, data FROM pmo_sync.rows WHERE NOT deleted")}

    def query(self, sql: str, params=()):
        import psycopg

        with psycopg.connect(self.dsn, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()


@pytest.fixture
def team(pg_db, tmp_path, small_demo, pg_server):
    return Team(pg_db, tmp_path, small_demo, pg_server)


def local_rows(path) -> dict[str, tuple[str, dict]]:
    """The synced rows of a local copy as they travel (by gid), for comparing with the server."""
    from pmo_desktop.sync import tables as tb

    with open_portfolio(path, read_only=True) as pf:
        tables = tb.synced_tables(pf.conn)
        gids = tb.GidMap(pf.conn)
        out = {}
        for info in tables.values():
            cur = pf.conn.execute(f"SELECT * FROM [{info.name}]")
            cols = [d[0] for d in cur.description]
            for values in cur.fetchall():
                row = dict(zip(cols, values, strict=True))
                gid = gids.gid(info.name, row["id"])
                out[gid] = (info.name, tb.to_wire(pf.conn, info, row, gids))
        return out
