"""Commentary per period: written with `pmo commentary` (and the editor's service), kept in its own
table through the batch API, printed in the pack; the settings blob it replaces is migrated."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pypdf
import pytest

from pmo_desktop.cli import main
from pmo_desktop.reports import BoardPackOptions, build_board_pack
from pmo_desktop.reports.commentary import CommentaryError, get_commentary, parse, plain, set_commentary
from pmo_desktop.store import open_portfolio
from tests.reports.conftest import DEMO_TODAY

PERIOD = "2026-10-31"


def test_markdown_subset_paragraphs_bullets_bold():
    blocks = parse("First line\ncontinues.\n\n- **Two** go-lives\n* one slip\n\nClosing.")
    assert [b.kind for b in blocks] == ["p", "bullet", "bullet", "p"]
    assert blocks[0].text == "First line continues."
    assert blocks[1].runs == (("Two", True), (" go-lives", False))
    assert plain("- **a**\n- b") == "• a\n• b"
    assert parse("  \n") == []


def test_cli_writes_shows_and_removes(demo_path, capsys):
    assert main(["commentary", str(demo_path), "--period", PERIOD, "--text", "Good month.\n\n- **Two** go-lives"]) == 0
    assert main(["commentary", str(demo_path), "--period", PERIOD, "--programme", "data & analytics",
                 "--text", "Platform on track"]) == 0
    assert main(["commentary", str(demo_path), "--period", PERIOD, "--project", "PRJ-104",
                 "--text", "Vendor day rates rose 8% in October"]) == 0
    capsys.readouterr()
    assert main(["commentary", str(demo_path), "--period", PERIOD, "--show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "Good month.\n\n- **Two** go-lives"
    with open_portfolio(demo_path, read_only=True) as pf:
        assert get_commentary(pf, PERIOD, programme="Data & Analytics") == "Platform on track"
        assert get_commentary(pf, PERIOD, project="PRJ-104", topic="cost").startswith("Vendor day rates")
        labels = [r[0] for r in pf.conn.execute("SELECT label FROM batches ORDER BY id DESC LIMIT 3")]
    assert all(label.startswith("Commentary for") for label in labels)  # each an undoable batch
    assert main(["commentary", str(demo_path), "--period", PERIOD, "--text", ""]) == 0
    with open_portfolio(demo_path, read_only=True) as pf:
        assert get_commentary(pf, PERIOD) == ""


def test_cli_reads_a_markdown_file(demo_path, tmp_path):
    md = tmp_path / "notes.md"
    md.write_text("Board update\n\n- one\n- two\n", encoding="utf-8")
    assert main(["commentary", str(demo_path), "--period", PERIOD, "--file", str(md)]) == 0
    with open_portfolio(demo_path, read_only=True) as pf:
        assert get_commentary(pf, PERIOD) == "Board update\n\n- one\n- two"


@pytest.mark.parametrize("args, message", [
    (["--programme", "Nope", "--text", "x"], "unknown programme 'Nope'"),
    (["--project", "PRJ-999", "--text", "x"], "unknown project 'PRJ-999'"),
    (["--period", "2026-13-01", "--text", "x"], "2026-13-01"),
    (["--file", "/no/such/file.md"], "cannot read"),
])
def test_cli_bad_input_is_one_line_and_changes_nothing(demo_path, capsys, args, message):
    with open_portfolio(demo_path, read_only=True) as pf:
        before = pf.conn.execute("SELECT count(*) FROM batches").fetchone()[0]
    assert main(["commentary", str(demo_path), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    with open_portfolio(demo_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT count(*) FROM batches").fetchone()[0] == before


def test_cli_needs_text_file_or_show(demo_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["commentary", str(demo_path)])
    assert exc.value.code == 2


def test_service_refuses_binary_and_oversized_text(demo):
    with pytest.raises(CommentaryError, match="NUL"):
        set_commentary(demo, PERIOD, "a\x00b")
    with pytest.raises(CommentaryError, match="the most is"):
        set_commentary(demo, PERIOD, "x" * 20_001)
    with pytest.raises(CommentaryError, match="belongs to a project"):
        set_commentary(demo, PERIOD, "x", topic="cost")


def test_settings_commentary_is_migrated_into_the_table(demo_path):
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("DROP TABLE pack_commentary")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_pack_commentary'")
        row = conn.execute("SELECT value FROM settings WHERE key = 'board_pack'").fetchone()
        saved = json.loads(row[0]) if row else {}
        saved["commentary"] = {PERIOD: "Carried over from settings."}
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('board_pack', ?)", (json.dumps(saved),))
    conn.close()
    with open_portfolio(demo_path) as pf:
        assert get_commentary(pf, PERIOD) == "Carried over from settings."
        assert pf.settings()["board_pack"]["commentary"] == {}


def test_commentary_prints_in_summary_status_and_variances(demo, tmp_path):
    set_commentary(demo, PERIOD, "Portfolio **steady**.")
    set_commentary(demo, PERIOD, "Platform slipped a sprint.", programme="Data & Analytics")
    code = demo.conn.execute("SELECT code FROM projects WHERE code = 'PRJ-104'").fetchone()[0]
    set_commentary(demo, PERIOD, "Vendor day rates rose 8%.", project=code, topic="cost")
    assert set_commentary(demo, PERIOD, "", programme="Finance Transformation") == "removed"
    out = tmp_path / "c.pdf"
    build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY, period=date(2026, 10, 31),
                                                 sections=("summary", "status", "financials")))
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    assert "Portfolio steady." in text and "No portfolio commentary" not in text
    assert "Platform slipped a sprint." in text
    assert "Ask of the board:" in text  # the demo's own commentary for the other programmes
    assert "No commentary was recorded for Finance Transformation this period." in text
    if "PRJ-104" in text.split("Largest variances")[-1]:
        assert "Vendor day rates rose 8%." in text
