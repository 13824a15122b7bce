"""A .pmo from elsewhere is checked before anything in it runs: planted triggers and views are refused,
lost change-log triggers are reported by check and reinstalled by a writable open, and a file from a
newer release is refused."""

from __future__ import annotations

import sqlite3

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.errors import NewerSchema, UntrustedObjects


def _raw(path, *statements):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.fixture
def pmo_file(tmp_path):
    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    return path


@pytest.mark.parametrize("planted", [
    "CREATE TRIGGER evil AFTER INSERT ON projects BEGIN DELETE FROM raid_items; END",
    "CREATE VIEW spy AS SELECT * FROM projects",
])
@pytest.mark.parametrize("read_only", [False, True])
def test_a_planted_trigger_or_view_is_refused_before_it_can_run(pmo_file, planted, read_only):
    _raw(pmo_file, planted)
    with pytest.raises(UntrustedObjects, match="did not create"):
        open_portfolio(pmo_file, read_only=read_only)


def test_the_command_refuses_it_in_one_line_and_the_import_never_runs(pmo_file, tmp_path, capsys):
    _raw(pmo_file, "CREATE TABLE loot (x)",
         "CREATE TRIGGER evil AFTER INSERT ON projects BEGIN INSERT INTO loot VALUES (NEW.code); END")
    csv = tmp_path / "in.csv"
    csv.write_text("Code,Name\nP1,One\n")
    assert main(["import", str(pmo_file), str(csv), "--kind", "projects"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "trigger 'evil'" in err
    conn = sqlite3.connect(pmo_file)
    assert conn.execute("SELECT count(*) FROM loot").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 0


def test_lost_change_log_triggers_are_reported_by_check_and_reinstalled_by_a_writable_open(pmo_file, tmp_path, capsys):
    _raw(pmo_file, "DROP TRIGGER _log_projects_insert", "DROP TRIGGER _log_projects_update")
    assert main(["check", str(pmo_file)]) == 0
    out = capsys.readouterr().out
    assert "Integrity: PROBLEMS" in out and "change-log triggers are missing" in out
    csv = tmp_path / "in.csv"
    csv.write_text("Code,Name\nP1,One\n")
    assert main(["import", str(pmo_file), str(csv), "--kind", "projects"]) == 0
    with open_portfolio(pmo_file) as pf:
        batch = pf.last_batch_id()
        assert pf.conn.execute("SELECT count(*) FROM change_log WHERE batch_id = ?", (batch,)).fetchone()[0] == 1
        pf.undo(batch)  # the import is undone: its row was logged
        assert pf.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 0
    capsys.readouterr()
    assert main(["check", str(pmo_file)]) == 0
    assert "Integrity: ok" in capsys.readouterr().out


def test_a_file_from_a_newer_release_is_refused_and_left_alone(pmo_file):
    with sqlite3.connect(pmo_file) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        assert version > 0  # the format is stamped on creation
        conn.execute(f"PRAGMA user_version = {version + 1}")
    before = pmo_file.read_bytes()
    for read_only in (False, True):
        with pytest.raises(NewerSchema, match="newer version"):
            open_portfolio(pmo_file, read_only=read_only)
    assert pmo_file.read_bytes() == before


def test_a_file_with_an_unknown_schema_step_is_refused(pmo_file):
    _raw(pmo_file, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                   "VALUES ('pmo_desktop', '9999_from_the_future', '2030-01-01')")
    with pytest.raises(NewerSchema, match="9999_from_the_future"):
        open_portfolio(pmo_file)
