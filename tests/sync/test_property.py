"""Property: copies making random offline edits and syncing in random orders end equal to the server;
each planted concurrent same-field edit is exactly one conflict; nothing else is lost."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmo_desktop.store import PortfolioError, open_portfolio
from tests.sync.pg import Team, local_rows, with_db
from tests.sync.test_merge import open_list, sync, value

COPIES = ("alice", "bob", "carol")
CODES = ("PRJ-101", "PRJ-102", "PRJ-103", "PRJ-104", "PRJ-105", "PRJ-106")
FIELDS = ("name", "manager")

op = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(CODES), st.sampled_from(FIELDS), st.sampled_from("xyz")),
    st.tuples(st.just("insert"), st.booleans()),
    st.tuples(st.just("delete"), st.integers(0, 25)),
    st.tuples(st.just("import"), st.integers(1, 4)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("sync")),
)
script = st.lists(st.tuples(st.sampled_from(range(len(COPIES))), op), min_size=4, max_size=14)
planted = st.lists(st.tuples(st.sampled_from(CODES), st.permutations(range(len(COPIES)))), max_size=2, unique_by=lambda t: t[0])


@contextlib.contextmanager
def fresh_team(pg_server, small_demo):
    name = f"p_{uuid.uuid4().hex[:12]}"
    with pg_server.admin() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    folder = Path(tempfile.mkdtemp(prefix="pmo-prop-"))
    try:
        yield Team(with_db(pg_server.dsn, name), folder, small_demo, pg_server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(Exception), pg_server.admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=script, plants=planted)
def test_random_offline_work_converges(pg_server, small_demo, steps, plants):
    with fresh_team(pg_server, small_demo) as team:
        paths = [team.clone(login) for login in COPIES]
        editors: dict[tuple[str, str], set[int]] = {}
        last_value: dict[tuple[str, str], str] = {}
        touched_by_undo: set[tuple[str, str]] = set()
        last_batch: dict[int, tuple[int, list]] = {}
        inserted: list[str] = []
        shared_inserts = 0
        deleted_refs: set[str] = set()
        counter = 0
        # Planted: two copies change one project's sponsor to different values before either syncs.
        for code, order in plants:
            first, second = order[0], order[1]
            for who in (first, second):
                with open_portfolio(paths[who]) as pf, pf.batch("ui", "sponsor"):
                    pf.conn.execute("UPDATE projects SET sponsor = ? WHERE code = ?", (f"{COPIES[who]}'s", code))
            sync(paths[first]), sync(paths[second])
        for who, (kind, *args) in steps:
            path = paths[who]
            counter += 1
            with open_portfolio(path) as pf:
                if kind == "edit":
                    code, col, letter = args
                    text = f"{letter}{counter}"
                    with pf.batch("ui", "edit") as b:
                        pf.conn.execute(f"UPDATE projects SET [{col}] = ? WHERE code = ?", (text, code))
                    editors.setdefault((code, col), set()).add(who)
                    last_value[(code, col)] = text
                    last_batch[who] = (b, [(code, col)])
                elif kind == "insert":
                    code = "PRJ-500" if args[0] else f"PRJ-{who}{counter:03d}"
                    with pf.batch("ui", "new project"):
                        if pf.conn.execute("SELECT 1 FROM projects WHERE code = ?", (code,)).fetchone():
                            continue
                        pf.conn.execute("INSERT INTO projects (code, name) VALUES (?, ?)", (code, COPIES[who]))
                    if code == "PRJ-500":
                        shared_inserts += 1
                    else:
                        inserted.append(code)
                elif kind == "delete":
                    row = pf.conn.execute("SELECT ref FROM raid_items ORDER BY ref LIMIT 1 OFFSET ?", (args[0],)).fetchone()
                    if row:
                        with pf.batch("ui", "delete"):
                            pf.conn.execute("DELETE FROM raid_items WHERE ref = ?", row)
                        deleted_refs.add(row[0])
                elif kind == "import":
                    with pf.batch("import", "Import RAID log"):
                        for i in range(args[0]):
                            pf.conn.execute(
                                "INSERT INTO raid_items (ref, type, title) VALUES (?, 'Issue', 'imported')",
                                (f"I-{who}-{counter}-{i}",))
                    inserted.extend(f"I-{who}-{counter}-{i}" for i in range(args[0]))
                elif kind == "undo" and who in last_batch:
                    batch_id, fields = last_batch.pop(who)
                    with contextlib.suppress(PortfolioError):
                        pf.undo(batch_id)
                    touched_by_undo.update(fields)
            if kind == "sync":
                sync(path)
        for _round in range(2):
            for path in paths:
                sync(path)
        server = team.server_rows()
        for path in paths:
            assert local_rows(path) == server
        projects = {d["code"]: d for t, d in server.values() if t == "projects"}
        refs = {d["ref"] for t, d in server.values() if t == "raid_items"}
        found = open_list(paths[0])
        for code, order in plants:
            sponsor = [c for c in found if c["col"] == "sponsor" and c["record"] == f"Project {code}"]
            assert len(sponsor) == 1
            assert {sponsor[0]["mine"], sponsor[0]["theirs"]} == {f"{COPIES[order[0]]}'s", f"{COPIES[order[1]]}'s"}
            assert projects[code]["sponsor"] == f"{COPIES[order[0]]}'s"
        keys = [(c["gid"], c["col"], c["mine_by"]) for c in found if c["kind"] == "field"]
        assert len(keys) == len(set(keys))
        for key, who in editors.items():
            if len(who) == 1 and key not in touched_by_undo:
                assert projects[key[0]][key[1]] == last_value[key], key
        for key in inserted:
            if key not in deleted_refs:  # a later random delete may have picked an imported item
                assert key in projects or key in refs, key
        assert not (deleted_refs & refs) or any(c["kind"] == "deleted" for c in found)
        if shared_inserts:
            assert "PRJ-500" in projects
            dups = [c for c in found if c["kind"] == "duplicate"]
            assert len(dups) == shared_inserts - 1
        assert value(paths[0], "SELECT count(*) FROM projects WHERE code = 'PRJ-500'")[0] == (1 if shared_inserts else 0)
