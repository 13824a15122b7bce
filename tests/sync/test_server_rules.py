"""What the server enforces: roles, programme scope, the authenticated author, idempotent pushes, no
table access for clients; and the `pmo` commands' one-line refusals."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from psycopg.types.json import Jsonb

from pmo_desktop.cli import main
from pmo_desktop.store import open_portfolio
from tests.sync.pg import local_rows
from tests.sync.test_merge import edit, open_list, sync, value


def push(dsn, bid, changes, meta=None, label="by hand"):
    with psycopg.connect(dsn, autocommit=True) as conn:
        return conn.execute("SELECT pmo_sync.push_batch('team', %s, %s, %s, %s)",
                            (bid, label, Jsonb(changes), Jsonb(meta or {}))).fetchone()[0]


def project_gid(team, code):
    return str(team.query("SELECT gid FROM pmo_sync.rows WHERE tbl = 'projects' AND data->>'code' = %s", (code,))[0][0])


def test_a_viewer_only_receives(team, capsys):
    v = team.clone("vera")
    edit(team.admin_path, "UPDATE projects SET name = 'From admin' WHERE code = 'PRJ-101'")
    assert main(["sync", str(team.admin_path)]) == 0
    before = team.server_rows()
    edit(v, "UPDATE projects SET name = 'Viewer wants this' WHERE code = 'PRJ-102'")
    capsys.readouterr()
    assert main(["sync", str(v)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "viewer" in err
    assert team.server_rows() == before
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        push(team.dsn_as("vera"), uuid.uuid4(), [])


def test_an_editor_limited_to_a_programme_cannot_change_another(team):
    e = team.clone("eddie")  # scoped to 'Data & Analytics' (PRJ-105)
    edit(e, "UPDATE projects SET name = 'Mine to change' WHERE code = 'PRJ-105'")
    edit(e, "UPDATE projects SET name = 'Not mine' WHERE code = 'PRJ-101'")
    edit(e, "UPDATE raid_items SET title = 'Not mine either' WHERE project_id = "
            "(SELECT id FROM projects WHERE code = 'PRJ-101')")
    result = sync(e)
    assert result["new_conflicts"] >= 2
    server = {d["code"]: d["name"] for t, d in team.server_rows().values() if t == "projects"}
    assert server["PRJ-105"] == "Mine to change"
    assert server["PRJ-101"] != "Not mine"
    assert value(e, "SELECT name FROM projects WHERE code = 'PRJ-101'") == (server["PRJ-101"],)
    assert {c["kind"] for c in open_list(e)} == {"refused"}
    assert local_rows(e) == team.server_rows()


def test_the_batch_is_stamped_with_the_login_not_a_claimed_name(team):
    gid = project_gid(team, "PRJ-103")
    old = team.server_rows()[gid][1]["name"]
    bid = uuid.uuid4()
    change = {"op": "update", "tbl": "projects", "gid": gid, "col": "name", "old": old, "new": "Forged",
              "author": "bob", "changed_by": "bob"}
    push(team.dsn_as("alice"), bid, [change], {"author": "bob", "login": "bob"}, label="bob did this")
    assert team.query("SELECT author FROM pmo_sync.batches WHERE id = %s", (bid,)) == [("alice",)]
    assert team.query("SELECT changed_by FROM pmo_sync.rows WHERE gid = %s", (gid,)) == [("alice",)]


def test_the_same_batch_twice_is_applied_once(team):
    gid = project_gid(team, "PRJ-104")
    bid = uuid.uuid4()
    changes = [{"op": "update", "tbl": "projects", "gid": gid, "col": "percent_complete",
                "old": team.server_rows()[gid][1]["percent_complete"], "new": 55.5}]
    first = push(team.dsn_as("alice"), bid, changes)
    (head,) = team.query("SELECT last_seq FROM pmo_sync.portfolios WHERE name = 'team'")[0]
    second = push(team.dsn_as("alice"), bid, changes)
    assert second["repeat"] and second["seq"] == first["seq"]
    assert team.query("SELECT last_seq FROM pmo_sync.portfolios WHERE name = 'team'") == [(head,)]
    assert team.query("SELECT count(*) FROM pmo_sync.batches WHERE id = %s", (bid,)) == [(1,)]
    assert team.query("SELECT count(*) FROM pmo_sync.conflicts") == [(0,)]


def test_clients_cannot_read_or_write_the_tables(team):
    with psycopg.connect(team.dsn_as("alice"), autocommit=True) as conn:
        for sql in ("SELECT * FROM pmo_sync.rows", "DELETE FROM pmo_sync.conflicts",
                    "UPDATE pmo_sync.members SET role = 'admin'",
                    "SELECT pmo_sync.share_rows('team', '[]', '{}')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)


def test_members_are_managed_by_admins_only(team, capsys):
    a = team.clone("alice")
    capsys.readouterr()
    assert main(["members", str(a), "add", "carol", "--role", "admin"]) == 1
    assert "only an admin" in capsys.readouterr().err
    assert main(["members", str(team.admin_path), "add", "nobody_here", "--role", "editor"]) == 1
    assert "no database login" in capsys.readouterr().err
    assert main(["members", str(team.admin_path), "add", "carol", "--role", "viewer"]) == 0
    capsys.readouterr()
    assert main(["members", str(team.admin_path), "list", "--json"]) == 0
    listed = {m["login"]: m for m in json.loads(capsys.readouterr().out)["members"]}
    assert listed["carol"]["role"] == "viewer" and listed["eddie"]["programmes"] == ["Data & Analytics"]
    assert main(["members", str(team.admin_path), "remove", "alice"]) == 0
    capsys.readouterr()
    assert main(["sync", str(a)]) == 1
    assert "not a member" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["members", str(team.admin_path), "add", "x", "--role", "boss"])
    assert usage.value.code == 2


def test_a_password_in_the_url_is_never_stored(team, tmp_path, capsys):
    url = team.dsn_as("alice").replace("alice@", "alice:s3cret-pw@")
    out = tmp_path / "pw.pmo"
    assert main(["clone", url, str(out), "--portfolio", "team"]) == 0
    assert "s3cret-pw" not in capsys.readouterr().out
    with open_portfolio(out, read_only=True) as pf:
        assert pf.conn.execute("SELECT server FROM _sync_state").fetchone()[0] == team.dsn_as("alice")
    assert b"s3cret-pw" not in out.read_bytes()


def test_an_unreachable_server_is_one_line_and_changes_nothing(team, capsys):
    a = team.clone("alice")
    edit(a, "UPDATE projects SET name = 'Offline work' WHERE code = 'PRJ-101'")
    with open_portfolio(a) as pf, pf.bookkeeping() as conn:
        conn.execute("UPDATE _sync_state SET server = 'postgresql://alice@127.0.0.1:1/nowhere'")
    before = local_rows(a)
    with open_portfolio(a, read_only=True) as pf:
        state = pf.conn.execute("SELECT * FROM _sync_state").fetchall()
        pushed = pf.conn.execute("SELECT count(*) FROM _sync_pushed").fetchone()
    capsys.readouterr()
    assert main(["sync", str(a), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "cannot reach" in captured.err
    assert local_rows(a) == before
    with open_portfolio(a, read_only=True) as pf:
        assert pf.conn.execute("SELECT * FROM _sync_state").fetchall() == state
        assert pf.conn.execute("SELECT count(*) FROM _sync_pushed").fetchone() == pushed


def test_bad_inputs_are_one_line(team, tmp_path, capsys):
    a = team.clone("alice")
    cases = [
        (["resolve", str(a), "99", "--keep", "mine"], "no open conflict"),
        (["share", str(team.admin_path), team.dsn], "already shared"),
        (["clone", team.dsn_as("alice"), str(a)], "already exists"),
        (["clone", team.dsn_as("alice"), str(tmp_path / "x.pmo"), "--portfolio", "nope"], "no shared portfolio"),
        (["conflicts", str(tmp_path / "missing.pmo")], "does not exist"),
    ]
    for argv, words in cases:
        capsys.readouterr()
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err, (argv, err)
    assert not (tmp_path / "x.pmo").exists()
    assert main(["conflicts", str(a), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"conflicts": [], "count": 0}


def test_members_add_creates_a_missing_login_only_when_asked_and_allowed(team, capsys):
    newbie = f"newbie_{uuid.uuid4().hex[:8]}"
    try:
        capsys.readouterr()
        assert main(["members", str(team.admin_path), "add", newbie, "--role", "viewer"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "--create-login" in err
        assert team.query("SELECT count(*) FROM pg_roles WHERE rolname = %s", (newbie,)) == [(0,)]
        assert main(["members", str(team.admin_path), "add", newbie, "--role", "viewer", "--create-login"]) == 0
        assert "created" in capsys.readouterr().out
        assert team.clone(newbie).exists()  # the new login can sign in and receive
        # An admin whose login may not create roles gets one line saying who can.
        a = team.clone("alice")
        assert main(["members", str(team.admin_path), "add", "alice", "--role", "admin"]) == 0
        capsys.readouterr()
        assert main(["members", str(a), "add", f"{newbie}x", "--role", "viewer", "--create-login"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "cannot create logins" in err and "Traceback" not in err
        assert team.query("SELECT count(*) FROM pg_roles WHERE rolname = %s", (f"{newbie}x",)) == [(0,)]
    finally:
        with psycopg.connect(team.dsn, autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{newbie}"')


def test_an_older_server_is_brought_up_to_date_by_a_login_allowed_to(team, capsys):
    from pmo_desktop.sync import server_sql

    a = team.clone("alice")
    with psycopg.connect(team.dsn, autocommit=True) as conn:  # as a version-2 server was: no one-call sync
        conn.execute("DROP FUNCTION pmo_sync.push_and_pull(text, jsonb, bigint, uuid[])")
        conn.execute("UPDATE pmo_sync.info SET version = 2")
    edit(a, "UPDATE projects SET name = 'After the upgrade' WHERE code = 'PRJ-101'")
    capsys.readouterr()
    assert main(["sync", str(a)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "older than this version" in err
    assert team.query("SELECT version FROM pmo_sync.info") == [(2,)]
    assert main(["sync", str(team.admin_path)]) == 0  # the login that shared it may upgrade it
    assert team.query("SELECT version FROM pmo_sync.info") == [(server_sql.SCHEMA_VERSION,)]
    assert main(["sync", str(a)]) == 0
    assert main(["sync", str(team.admin_path)]) == 0
    assert value(team.admin_path, "SELECT name FROM projects WHERE code = 'PRJ-101'") == ("After the upgrade",)


def test_two_pushes_at_once_creating_one_key_meet_as_a_duplicate(team):
    import threading

    from pmo_desktop.sync import tables as tb
    from pmo_desktop.sync.publish import wire_meta

    with open_portfolio(team.admin_path, read_only=True) as pf:
        meta = wire_meta(tb.synced_tables(pf.conn))
    template = team.server_rows()[project_gid(team, "PRJ-101")][1]
    gids = [str(uuid.uuid4()), str(uuid.uuid4())]

    def insert(gid):
        return [{"op": "insert", "tbl": "projects", "gid": gid, "row": {**template, "code": "PRJ-900"}}]

    results = {}
    with psycopg.connect(team.dsn_as("alice")) as first:  # a transaction kept open: its key is claimed
        first.execute("SELECT pmo_sync.push_batch('team', %s, 'first', %s, %s)",
                      (uuid.uuid4(), Jsonb(insert(gids[0])), Jsonb(meta)))
        second = threading.Thread(target=lambda: results.update(
            bob=push(team.dsn_as("bob"), uuid.uuid4(), insert(gids[1]), meta)))
        second.start()
        second.join(0.5)
        assert second.is_alive()  # waits for the first push's key rather than taking it too
        first.commit()
    second.join(30)
    assert [c["kind"] for c in results["bob"]["conflicts"]] == ["duplicate"]
    assert team.query("SELECT gid::text FROM pmo_sync.keys WHERE position('PRJ-900' in key) > 0") == [(gids[0],)]
    assert gids[1] not in team.server_rows()
