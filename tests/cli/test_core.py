"""The `pmo` command: new, info, check, exit codes and one-line errors."""

import json
import sqlite3

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import schema


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_demo_info_check(tmp_path, capsys):
    path = tmp_path / "budget26.pmo"
    code, out, err = run(capsys, "new", path, "--demo")
    assert code == 0 and "40 projects" in out
    code, out, err = run(capsys, "info", path, "--json")
    info = json.loads(out)
    assert code == 0 and err == ""
    assert info["counts"]["projects"] == 40
    assert info["counts"]["programmes"] in (5, 6)
    assert info["schema_version"] == len(schema.MIGRATION_NAMES) and info["currency"] == "GBP"
    assert info["latest_period"]
    code, out, err = run(capsys, "check", path, "--json")
    result = json.loads(out)
    assert result["integrity"] == "ok"
    assert {f["rule"] for f in result["findings"]} >= {"missing_status_report"}


def test_demo_has_every_kind_of_data(demo):
    c = demo.conn
    stages = {r[0] for r in c.execute("SELECT DISTINCT stage FROM projects")}
    assert stages == {"Idea", "Initiation", "Planning", "Execution", "Closure", "Closed"}
    assert {r[0] for r in c.execute("SELECT DISTINCT type FROM raid_items")} == {
        "Risk", "Assumption", "Issue", "Dependency", "Decision"}
    assert {r[0] for r in c.execute("SELECT DISTINCT type FROM dependencies")} == {"FS", "SS", "FF", "SF"}
    assert c.execute("SELECT count(*) FROM dependencies WHERE lag_days <> 0").fetchone()[0] > 0
    assert {r[0] for r in c.execute("SELECT DISTINCT kind FROM tasks")} == {"task", "summary", "milestone"}
    assert len({r[0] for r in c.execute("SELECT DISTINCT period FROM status_reports")}) == 6
    assert {r[0] for r in c.execute("SELECT DISTINCT spend_type FROM budget_lines")} == {"CAPEX", "OPEX"}
    names = " ".join(r[0] for r in c.execute("SELECT name FROM projects"))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names)  # some Chinese
    assert any(ch in names for ch in "éèüöäß")  # accents


def test_demo_is_deterministic_for_a_seed(tmp_path):
    from datetime import date

    from pmo_desktop.demo import build_demo
    from pmo_desktop.store import create_portfolio

    def dump(path):
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT code, name, stage, start_date, approved_budget FROM projects ORDER BY id").fetchall()
        rows += conn.execute("SELECT ref, title, owner FROM raid_items ORDER BY id").fetchall()
        conn.close()
        return rows

    paths = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        path = tmp_path / f"{name}.pmo"
        create_portfolio(path, populate=lambda pf, s=seed: build_demo(pf, projects=60, seed=s,
                                                                         today=date(2026, 11, 27))).close()
        paths.append(path)
    assert dump(paths[0]) == dump(paths[1])
    assert dump(paths[0]) != dump(paths[2])


@pytest.mark.parametrize(
    "argv, message",
    [
        (["info", "{tmp}/missing.pmo"], "does not exist"),
        (["check", "{tmp}/text.pmo"], "not an SQLite database"),
        (["new", "{tmp}/exists.pmo"], "already exists"),
        (["new", "{tmp}/x.pmo", "--projects", "5"], "--projects needs --demo"),
        (["new", "{tmp}/x.pmo", "--demo", "--projects", "0"], "between 1 and"),
        (["new", "{tmp}/x.pmo", "--currency", "pounds"], "three-letter"),
        (["new", "{tmp}/nofolder/x.pmo"], "does not exist"),
    ],
)
def test_user_errors_are_one_line_exit_1(tmp_path, capsys, argv, message):
    (tmp_path / "text.pmo").write_text("not a database")
    (tmp_path / "exists.pmo").write_text("keep me")
    code, out, err = run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert (tmp_path / "exists.pmo").read_text() == "keep me"
    assert not (tmp_path / "x.pmo").exists()


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_runs_the_command(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "pmo_desktop", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("pmo ")
