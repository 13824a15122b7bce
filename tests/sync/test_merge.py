"""Three-way merge through a real PostgreSQL: fields, deletes, duplicate keys, resolving, undo."""

from __future__ import annotations

import re

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import UndoConflict, open_portfolio
from pmo_desktop.sync import conflicts, engine
from pmo_desktop.sync.history import record_changes
from tests.sync.pg import local_rows


def edit(path, sql, params=(), label="edit"):
    with open_portfolio(path) as pf, pf.batch("ui", label) as batch_id:
        pf.conn.execute(sql, params)
    return batch_id


def value(path, sql, params=()):
    with open_portfolio(path, read_only=True) as pf:
        return pf.conn.execute(sql, params).fetchone()


def sync(path):
    with open_portfolio(path) as pf:
        return engine.sync(pf)


def open_list(path):
    with open_portfolio(path, read_only=True) as pf:
        return conflicts.open_conflicts(pf)


def assert_equal_to_server(team, *paths):
    server = team.server_rows()
    for path in paths:
        assert local_rows(path) == server, f"{path.name} differs from the server"


def test_different_fields_of_one_row_both_survive(team):
    a, b = team.clone("alice"), team.clone("bob")
    edit(a, "UPDATE projects SET name = 'Alice name' WHERE code = 'PRJ-101'")
    edit(b, "UPDATE projects SET manager = 'Bob Manager' WHERE code = 'PRJ-101'")
    sync(a), sync(b), sync(a)
    for path in (a, b, team.admin_path):
        sync(path)
        assert value(path, "SELECT name, manager FROM projects WHERE code = 'PRJ-101'") == ("Alice name", "Bob Manager")
        assert open_list(path) == []
    assert_equal_to_server(team, a, b, team.admin_path)


def test_same_field_is_exactly_one_conflict_and_the_server_value_stands(team):
    a, b = team.clone("alice"), team.clone("bob")
    original = value(a, "SELECT status FROM projects WHERE code = 'PRJ-102'")[0]
    edit(a, "UPDATE projects SET status = 'On hold' WHERE code = 'PRJ-102'")
    edit(b, "UPDATE projects SET status = 'Cancelled' WHERE code = 'PRJ-102'")
    edit(b, "UPDATE projects SET status = 'Closed' WHERE code = 'PRJ-102'")  # two local steps, one edit
    assert sync(a)["new_conflicts"] == 0
    assert sync(b)["new_conflicts"] == 1
    sync(a)
    for path in (a, b):
        assert value(path, "SELECT status FROM projects WHERE code = 'PRJ-102'") == ("On hold",)
        (c,) = open_list(path)
        assert (c["kind"], c["col"], c["record"]) == ("field", "status", "Project PRJ-102")
        assert (c["base"], c["mine"], c["theirs"]) == (original, "Closed", "On hold")
        assert (c["mine_by"], c["theirs_by"]) == ("bob", "alice")
        assert c["mine_at"] and c["theirs_at"]
    assert len(team.query("SELECT id FROM pmo_sync.conflicts")) == 1
    assert_equal_to_server(team, a, b)


def test_edit_against_delete_is_a_conflict_both_ways(team):
    a, b = team.clone("alice"), team.clone("bob")
    ref_a, ref_b = (r[0] for r in [value(a, "SELECT ref FROM raid_items ORDER BY id LIMIT 1"),
                                   value(a, "SELECT ref FROM raid_items ORDER BY id LIMIT 1 OFFSET 1")])
    # Alice edits ref_a, Bob deletes it; Bob edits ref_b, Alice deletes it.
    edit(a, "UPDATE raid_items SET title = 'Alice kept this' WHERE ref = ?", (ref_a,))
    edit(b, "DELETE FROM raid_items WHERE ref = ?", (ref_a,))
    edit(a, "DELETE FROM raid_items WHERE ref = ?", (ref_b,))
    edit(b, "UPDATE raid_items SET title = 'Bob kept this' WHERE ref = ?", (ref_b,))
    sync(a)
    assert sync(b)["new_conflicts"] == 2
    sync(a)
    kinds = sorted((c["kind"], c["mine"] is None) for c in open_list(a))
    assert kinds == [("deleted", False), ("deleted", True)]
    # The server kept Alice's edit of ref_a (Bob's delete waits) and Alice's delete of ref_b.
    for path in (a, b):
        assert value(path, "SELECT title FROM raid_items WHERE ref = ?", (ref_a,)) == ("Alice kept this",)
        assert value(path, "SELECT count(*) FROM raid_items WHERE ref = ?", (ref_b,)) == (0,)
    assert_equal_to_server(team, a, b)
    # Bob keeps his edit of ref_b: the record comes back with his title, for everyone.
    mine = next(c for c in open_list(b) if c["mine"] is not None)
    with open_portfolio(b) as pf:
        conflicts.resolve(pf, mine["id"], "mine")
    sync(b), sync(a)
    assert value(a, "SELECT title FROM raid_items WHERE ref = ?", (ref_b,)) == ("Bob kept this",)
    assert_equal_to_server(team, a, b)


def test_both_create_the_same_project_code_offline(team, capsys):
    a, b = team.clone("alice"), team.clone("bob")
    insert = "INSERT INTO projects (code, name) VALUES ('PRJ-141', ?)"
    edit(a, insert, ("Alice's PRJ-141",))
    edit(b, insert, ("Bob's PRJ-141",))
    sync(a)
    assert sync(b)["new_conflicts"] == 1
    (c,) = open_list(b)
    assert c["kind"] == "duplicate" and c["mine"]["name"] == "Bob's PRJ-141"
    assert c["theirs"]["name"] == "Alice's PRJ-141"
    # Nothing was renamed or lost: the server has Alice's, Bob's waits in the conflict.
    assert value(b, "SELECT name FROM projects WHERE code = 'PRJ-141'") == ("Alice's PRJ-141",)
    assert main(["resolve", str(b), str(c["id"]), "--keep", "PRJ-142"]) == 0
    assert value(b, "SELECT name FROM projects WHERE code = 'PRJ-142'") == ("Bob's PRJ-141",)
    sync(b), sync(a)
    assert value(a, "SELECT name FROM projects WHERE code = 'PRJ-142'") == ("Bob's PRJ-141",)
    assert open_list(a) == [] and open_list(b) == []
    assert_equal_to_server(team, a, b)


@pytest.mark.parametrize("keep, expected", [("mine", "Bob's"), ("theirs", "Alice's"), ("Agreed", "Agreed")])
def test_resolve_is_an_undoable_batch_that_is_sent(team, keep, expected):
    a, b = team.clone("alice"), team.clone("bob")
    edit(a, "UPDATE projects SET sponsor = 'Alice''s' WHERE code = 'PRJ-103'")
    edit(b, "UPDATE projects SET sponsor = 'Bob''s' WHERE code = 'PRJ-103'")
    sync(a), sync(b)
    (c,) = open_list(b)
    with open_portfolio(b) as pf:
        result = conflicts.resolve(pf, c["id"], keep)
        assert pf.batch_info(result["batch"])["source"] == "resolve"
        assert pf.conn.execute("SELECT sponsor FROM projects WHERE code = 'PRJ-103'").fetchone() == (expected,)
        if keep != "theirs":
            logged = pf.conn.execute("SELECT col, new FROM change_log WHERE batch_id = ?", (result["batch"],))
            assert ("sponsor", expected) in logged.fetchall()
            pf.undo(result["batch"])  # undoable like any edit
            assert pf.conn.execute("SELECT sponsor FROM projects WHERE code = 'PRJ-103'").fetchone() == ("Alice's",)
            pf.redo(result["batch"])
    assert open_list(b) == []
    sync(b), sync(a)
    assert value(a, "SELECT sponsor FROM projects WHERE code = 'PRJ-103'") == (expected,)
    assert open_list(a) == []
    assert team.query("SELECT count(*) FROM pmo_sync.conflicts WHERE resolved_at IS NULL") == [(0,)]
    assert_equal_to_server(team, a, b)


def test_undo_that_would_overwrite_a_received_change_is_refused(team):
    a, b = team.clone("alice"), team.clone("bob")
    mine = edit(a, "UPDATE projects SET priority = 'Alice high' WHERE code = 'PRJ-104'")
    sync(a), sync(b)
    edit(b, "UPDATE projects SET priority = 'Bob low' WHERE code = 'PRJ-104'")
    sync(b), sync(a)
    with open_portfolio(a) as pf:
        with pytest.raises(UndoConflict):
            pf.undo(mine)
        assert pf.conn.execute("SELECT priority FROM projects WHERE code = 'PRJ-104'").fetchone() == ("Bob low",)
        # Received batches carry source 'sync' and name who sent them.
        info = pf.batch_info(pf.last_batch_id())
        assert info["source"] == "sync" and "bob" in info["label"]
        pid = pf.conn.execute("SELECT id FROM projects WHERE code = 'PRJ-104'").fetchone()[0]
        changes = [c for c in record_changes(pf, "projects", pid) if c["change"].startswith("priority")]
        assert [(c["who"], c["change"].split(" → ")[1]) for c in changes[:2]] == [("bob", "Bob low"), ("alice", "Alice high")]


def test_new_rows_with_children_reach_every_copy_under_their_own_ids(team):
    a, b = team.clone("alice"), team.clone("bob")
    with open_portfolio(b) as pf, pf.batch("ui", "make ids differ"):
        pf.conn.execute("INSERT INTO programmes (name) VALUES ('Bob only')")
        pf.conn.execute("DELETE FROM programmes WHERE name = 'Bob only'")
    with open_portfolio(a) as pf, pf.batch("ui", "new programme and project"):
        pid = pf.conn.execute("INSERT INTO programmes (name) VALUES ('New Programme')").lastrowid
        prj = pf.conn.execute("INSERT INTO projects (code, name, programme_id) VALUES ('PRJ-900', 'New', ?)",
                              (pid,)).lastrowid
        pf.conn.execute("INSERT INTO raid_items (ref, type, title, project_id) VALUES ('R-900', 'Risk', 'r', ?)",
                        (prj,))
    sync(a), sync(b)
    assert value(b, """SELECT g.name, r.ref FROM projects p JOIN programmes g ON g.id = p.programme_id
                       JOIN raid_items r ON r.project_id = p.id WHERE p.code = 'PRJ-900'""") == ("New Programme", "R-900")
    assert_equal_to_server(team, a, b)


@pytest.mark.parametrize("keep", ["mine", "PRJ-142"])
def test_keeping_a_duplicate_brings_the_records_created_under_it(team, keep):
    a, b = team.clone("alice"), team.clone("bob")
    edit(a, "INSERT INTO projects (code, name) VALUES ('PRJ-141', 'Alice''s PRJ-141')")
    with open_portfolio(b) as pf, pf.batch("ui", "new project with a risk and a milestone"):
        prj = pf.conn.execute("INSERT INTO projects (code, name) VALUES ('PRJ-141', 'Bob''s PRJ-141')").lastrowid
        pf.conn.execute("INSERT INTO raid_items (ref, type, title, project_id) VALUES ('R-500', 'Risk', 'Bob''s risk', ?)",
                        (prj,))
    sync(a), sync(b)
    kinds = sorted(c["kind"] for c in open_list(b))
    assert kinds == ["deleted", "duplicate"]
    duplicate = next(c for c in open_list(b) if c["kind"] == "duplicate")
    assert main(["resolve", str(b), str(duplicate["id"]), "--keep", keep]) == 0
    code = "PRJ-141" if keep == "mine" else keep
    expected = ("Bob's PRJ-141", "Bob's risk")
    query = "SELECT p.name, r.title FROM raid_items r JOIN projects p ON p.id = r.project_id WHERE r.ref = 'R-500'"
    assert value(b, query) == expected and value(b, "SELECT code FROM projects WHERE name = 'Bob''s PRJ-141'") == (code,)
    assert open_list(b) == []
    sync(b), sync(a)
    assert value(a, query) == expected
    assert open_list(a) == [] and team.query("SELECT count(*) FROM pmo_sync.conflicts WHERE resolved_at IS NULL") == [(0,)]
    assert_equal_to_server(team, a, b)


def test_a_conflict_on_a_reference_shows_the_record_it_points_at(team, capsys):
    a, b = team.clone("alice"), team.clone("bob")
    move = "UPDATE raid_items SET project_id = (SELECT id FROM projects WHERE code = ?) WHERE id = (SELECT min(id) FROM raid_items)"
    edit(a, move, ("PRJ-103",))
    edit(b, move, ("PRJ-104",))
    sync(a), sync(b)
    (c,) = open_list(b)
    assert c["col"] == "project_id" and (c["shown"]["mine"], c["shown"]["theirs"]) == ("PRJ-104", "PRJ-103")
    assert c["field"] == "Project" and c["record"].startswith("RAID item ")  # the RAID log's words
    capsys.readouterr()
    assert main(["conflicts", str(b)]) == 0
    out = capsys.readouterr().out
    assert "mine PRJ-104" in out and "theirs PRJ-103" in out and c["mine"] not in out
    assert f"{c['record']} Project:" in out and "project_id" not in out and "raid_items" not in out
    assert main(["--lang", "zh-CN", "conflicts", str(b)]) == 0  # when each side changed it: a date and a time
    out = capsys.readouterr().out
    assert "我方 PRJ-104" in out and "对方 PRJ-103" in out
    assert re.search(r"（alice，(\d{4}年\d{1,2}月\d{1,2}日|\d\d/\d\d/\d{4}) \d\d:\d\d）", out), out


def test_the_same_role_allocation_made_twice_offline_is_a_duplicate_conflict(team):
    # allocations are unique on coalesce(person_id, 0), coalesce(role, ''), project, month: an index on
    # expressions, which the server checks too.
    a, b = team.clone("alice"), team.clone("bob")
    insert = """INSERT INTO allocations (person_id, role, project_id, month, amount)
                SELECT NULL, 'Architect', id, '2031-01-01', ? FROM projects WHERE code = 'PRJ-101'"""
    edit(a, insert, (1.5,))
    edit(b, insert, (2.0,))
    sync(a)
    assert sync(b)["new_conflicts"] == 1
    (c,) = open_list(b)
    assert c["kind"] == "duplicate" and (c["mine"]["amount"], c["theirs"]["amount"]) == (2.0, 1.5)
    assert c["register"] == "Allocation"  # no register shows allocations: the table's name in words
    assert main(["resolve", str(b), str(c["id"]), "--keep", "mine"]) == 0
    sync(b), sync(a)
    assert value(a, "SELECT amount FROM allocations WHERE month = '2031-01-01'") == (2.0,)
    assert open_list(a) == [] and open_list(b) == []
    assert_equal_to_server(team, a, b)


def test_allocations_shared_before_their_key_was_understood_get_their_keys(team):
    import psycopg

    a, b = team.clone("alice"), team.clone("bob")
    count = "SELECT count(*) FROM pmo_sync.keys WHERE tbl = 'allocations'"
    (shared,) = team.query(count)[0]
    assert shared > 0
    with psycopg.connect(team.dsn, autocommit=True) as conn:  # as a server shared before then holds them
        conn.execute("DELETE FROM pmo_sync.keys WHERE tbl = 'allocations'")
        conn.execute("DELETE FROM pmo_sync.key_defs")
    first = "(SELECT min(id) FROM allocations)"
    edit(a, f"UPDATE allocations SET amount = amount + 0.5 WHERE id = {first}")
    sync(a)
    assert team.query(count) == [(shared,)]
    # Bob deletes that allocation and makes it again: his delete meets Alice's change, and his new row
    # meets the one that stands as a duplicate (without its key it would have been a second copy).
    again = value(b, f"SELECT person_id, role, project_id, month, amount FROM allocations WHERE id = {first}")
    edit(b, f"DELETE FROM allocations WHERE id = {first}")
    edit(b, "INSERT INTO allocations (person_id, role, project_id, month, amount) VALUES (?, ?, ?, ?, ?)", again)
    assert sync(b)["new_conflicts"] == 2
    assert sorted(c["kind"] for c in open_list(b)) == ["deleted", "duplicate"]
