"""The preview and the write: matching on human keys, per-row errors, all-or-nothing, one undo step."""

from __future__ import annotations

from pmo_desktop.importing import service
from pmo_desktop.importing.saved_mappings import list_mappings, save_mapping
from pmo_desktop.store import open_portfolio

RAID = [["Ref", "Type", "Title", "Owner", "Probability", "Impact", "Due", "Project"],
        ["R-001", "Risk", "Supplier insolvency", "Ann", "Likely", "Major", "2026-03-31", "PRJ-1"],
        ["I-001", "Issue", "Test rig broken", "Bob", None, "Severe", "2026-02-15", "PRJ-2"]]


def _state(path):
    with open_portfolio(path, read_only=True) as pf:
        return pf.counts(), pf.last_batch_id()


def test_new_then_changed_then_unchanged(make_xlsx, pmo_json, pf_path):
    code, out, _ = pmo_json(["import", pf_path, make_xlsx(RAID)])
    assert code == 0 and out["counts"] == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert out["applied"]["inserted"] == 2
    changed = [row[:] for row in RAID]
    changed[1][3] = "Carol"
    changed[1][5] = "Moderate"
    code, out, _ = pmo_json(["import", pf_path, make_xlsx(changed), "--dry-run"])
    rows = out["sheets"][0]["rows"]
    assert rows[0] == {"row": 2, "action": "changed", "key": "R-001",
                       "changes": {"owner": {"old": "Ann", "new": "Carol"}, "impact": {"old": 4, "new": 3}}}
    assert rows[1]["action"] == "unchanged"
    code, out, _ = pmo_json(["import", pf_path, make_xlsx(changed)])
    assert out["applied"]["updated"] == 1
    code, out, _ = pmo_json(["import", pf_path, make_xlsx(changed)])
    assert out["counts"]["unchanged"] == 2 and out["applied"]["batch_id"] is None


def test_errors_block_the_whole_import_and_say_where(make_xlsx, pmo_json, pmo, pf_path):
    bad = [row[:] for row in RAID] + [["R-001", "Risk", "Same ref again", "Dan", 2, 2, "2026-01-01", "PRJ-1"],
                                      ["R-003", "Risk", "Bad date", "Eve", 2, 2, "31/02/2026", "PRJ-1"],
                                      ["R-004", "Risk", "Unknown project", "Fay", 2, 2, None, "PRJ-99"]]
    before = _state(pf_path)
    code, out, err = pmo_json(["import", pf_path, make_xlsx(bad)])
    assert code == 1 and "3 row(s) have errors, so nothing was imported" in err
    assert _state(pf_path) == before
    errors = [e for r in out["sheets"][0]["rows"] for e in r.get("errors", [])]
    assert errors == [
        {"row": 4, "column": "", "value": "R-001", "reason": "duplicate key 'R-001' (also on row 2)"},
        {"row": 5, "column": "Due", "value": "31/02/2026", "reason": "'31/02/2026' is not a real date"},
        {"row": 6, "column": "Project", "value": "PRJ-99", "reason": "project 'PRJ-99' is not in the portfolio",
         "field": "project", "problem": "missing project"},
    ]
    code, out, err = pmo(["import", pf_path, make_xlsx(bad)])
    assert "row 5, column 'Due', value '31/02/2026': '31/02/2026' is not a real date" in out
    code, out, _ = pmo_json(["import", pf_path, make_xlsx(bad), "--skip-errors"])
    assert code == 0 and out["applied"] == {"batch_id": out["applied"]["batch_id"], "inserted": 2, "updated": 0,
                                            "skipped_errors": 3}


def test_an_import_is_one_undo_step(make_xlsx, pmo_json, pf_path):
    before = _state(pf_path)[0]
    projects = make_xlsx([["Code", "Name", "Programme"], ["PRJ-7", "Seven", "Growth"], ["PRJ-8", "Eight", "Growth"]],
                         title="Projects", sheets={"Risks": RAID})
    code, out, _ = pmo_json(["import", pf_path, projects])
    assert code == 0
    assert [s["kind"] for s in out["sheets"]] == ["projects", "raid"]
    with open_portfolio(pf_path) as pf:
        assert pf.counts()["projects"] == 4 and pf.counts()["raid_items"] == 2 and pf.counts()["programmes"] == 1
        pf.undo(out["applied"]["batch_id"])
        assert pf.counts() == before


def test_projects_created_by_the_same_import_can_be_referred_to(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Code", "Name"], ["PRJ-9", "Nine"]], title="Projects",
                     sheets={"Status": [["Project", "Period", "RAG", "Summary"], ["PRJ-9", "2026-10-31", "G", "Fine"]]})
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0, out
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT p.code, s.period, s.rag_overall FROM status_reports s JOIN projects p "
                               "ON p.id = s.project_id").fetchall() == [("PRJ-9", "2026-10-31", "G")]


def test_kind_auto_says_what_it_guessed(make_xlsx, pmo, pf_path):
    code, out, _ = pmo(["import", pf_path, make_xlsx(RAID), "--dry-run"])
    assert code == 0 and "as raid" in out and "guessed kind: raid" in out and "Dry run: nothing was written." in out


def test_unrecognisable_sheet_is_a_one_line_refusal(make_xlsx, pmo, pf_path):
    code, out, err = pmo(["import", pf_path, make_xlsx([["Colour", "Shape"], ["red", "round"]])])
    assert code == 1 and "could be recognised as a register" in err and "--kind" in err


def test_saved_mapping_reused_by_name(make_xlsx, pmo_json, pf_path):
    with open_portfolio(pf_path) as pf:
        save_mapping(pf, "vendor log", {"kind": "raid", "fields": {"ref": ["Thing ID"], "title": ["What"],
                                                                   "type": ["Class"], "owner": ["Who"]}})
        assert list_mappings(pf) == ["vendor log"]
    book = make_xlsx([["Who", "Thing ID", "What", "Class"], ["Ann", "D-1", "Needs API from team B", "Dependency"]])
    code, out, _ = pmo_json(["import", pf_path, book, "--mapping", "vendor log"])
    assert code == 0, out
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT ref, type, title, owner FROM raid_items").fetchall() == \
            [("D-1", "Dependency", "Needs API from team B", "Ann")]
    code, _, err = pmo_json(["import", pf_path, book, "--mapping", "nope"])
    assert code == 1 and "no saved mapping 'nope'" in err


def test_save_mapping_from_the_command_line(make_xlsx, pmo_json, pf_path):
    code, _, _ = pmo_json(["import", pf_path, make_xlsx(RAID), "--dry-run", "--save-mapping", "monthly"])
    assert code == 0
    moved = [[row[i] for i in (2, 0, 1, 3, 4, 5, 6, 7)] for row in RAID]
    code, out, _ = pmo_json(["import", pf_path, make_xlsx(moved), "--mapping", "monthly"])
    assert code == 0 and out["counts"]["new"] == 2


def test_wizard_steps_as_plain_functions(make_xlsx, pf_path):
    """The GUI wizard's path: open -> detect -> suggest (user may edit) -> preview -> apply."""
    book = service.open_file(make_xlsx(RAID))
    tables = service.detect(book)
    assert len(tables) == 1
    mapping, kind, scores = service.suggest(tables[0])
    assert kind == "raid" and scores["raid"] == max(scores.values())
    mapping.columns.pop("owner")  # the user unticks a column
    with open_portfolio(pf_path) as pf:
        plan = service.preview(pf, [(tables[0], mapping)])
        assert plan.counts()["new"] == 2
        result = service.apply(pf, plan)
        assert result.inserted == 2
        assert pf.conn.execute("SELECT count(*) FROM raid_items WHERE owner IS NOT NULL").fetchone()[0] == 0


def test_cancel_leaves_nothing(make_xlsx, pf_path):
    import pytest

    from pmo_desktop.importing.errors import ImportCancelled

    rows = [["Code", "Name"]] + [[f"X-{i}", f"Project {i}"] for i in range(2500)]
    with open_portfolio(pf_path) as pf:
        plan, _ = service.plan_file(pf, make_xlsx(rows))
        with pytest.raises(ImportCancelled):
            service.apply(pf, plan, cancelled=lambda: True)
        assert pf.counts()["projects"] == 2


def test_a_reader_for_another_file_kind_plugs_in_by_extension(tmp_path, pmo_json, pf_path, monkeypatch):
    """How the MS Project / GanttProject readers join: extension -> reader giving grids with a kind hint."""
    from pmo_desktop.importing import readers
    from pmo_desktop.spreadsheets.grid import Sheet, Workbook

    def read_plan(path, **_kwargs):
        rows = [["WBS", "Name", "Start", "Finish", "Predecessors"], ["1", "Plan", "2026-01-05", "2026-01-09", None],
                ["2", "Build", "2026-01-12", "2026-01-30", "1FS"]]
        return Workbook(str(path), [Sheet("plan", rows, kind_hint="tasks")])

    monkeypatch.setitem(readers.READERS, ".plan", read_plan)
    source = tmp_path / "x.plan"
    source.write_text("anything")
    code, out, err = pmo_json(["import", pf_path, source, "--project", "PRJ-1"])
    assert code == 0, err
    assert out["sheets"][0]["kind"] == "tasks" and out["counts"]["new"] == 2


def test_date_order_setting_is_used_when_the_file_cannot_tell(make_xlsx, pmo_json, pf_path):
    with open_portfolio(pf_path) as pf:
        pf.set_settings({"date_order": "month-first"})
    book = make_xlsx([["Ref", "Type", "Title", "Due"], ["R-1", "Risk", "A", "03/04/2026"]])
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0
    assert any("month-first (from the portfolio setting" in n for n in out["sheets"][0]["notes"])
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT due_date FROM raid_items").fetchone() == ("2026-03-04",)


def test_separate_risk_and_issue_registers_take_their_type_from_the_sheet(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["ID", "Title", "Owner", "Likelihood", "Impact"], [1, "Key supplier fails", "Ann", "Likely", 4]],
                     title="Risk register",
                     sheets={"Issue log": [["ID", "Title", "Owner", "Status"], [1, "Rig broken", "Bob", "Open"]]})
    code, out, err = pmo_json(["import", pf_path, book])
    assert code == 0, err
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT ref, type, title FROM raid_items ORDER BY ref").fetchall() == [
            ("I-001", "Issue", "Rig broken"), ("R-001", "Risk", "Key supplier fails")]


def test_wide_actuals_sheet_and_excel_sep_line(tmp_path, make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Project", "Category", "Apr-26", "May-26"], ["PRJ-1", "Labour", 100, 200]], title="Actuals")
    code, out, err = pmo_json(["import", pf_path, book, "--kind", "budget"])
    assert code == 0, err
    csv_path = tmp_path / "budget.csv"
    csv_path.write_text("sep=;\nProject;Category;Jun-26\nPRJ-1;Labour;300\n")
    code, out, err = pmo_json(["import", pf_path, csv_path, "--kind", "budget"])
    assert code == 0, err
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT month, planned, actual FROM budget_lines ORDER BY month").fetchall() == [
            ("2026-04-01", 0, 10000), ("2026-05-01", 0, 20000), ("2026-06-01", 30000, None)]


def test_keys_are_unique_across_the_sheets_of_one_import(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Ref", "Type", "Title"], ["R-001", "Risk", "A"]], title="Risks",
                     sheets={"More risks": [["Ref", "Type", "Title"], ["R-001", "Risk", "B"]],
                             "Unnumbered": [["Type", "Title", "Probability"], ["Risk", "C", 3]]})
    code, out, err = pmo_json(["import", pf_path, book, "--skip-errors"])
    assert code == 0, err
    errors = [e for s in out["sheets"] for r in s["rows"] for e in r.get("errors", [])]
    assert [e["reason"] for e in errors] == ["duplicate key 'R-001' (also on sheet 'Risks' row 2)"]
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT ref, title FROM raid_items ORDER BY ref").fetchall() == [
            ("R-001", "A"), ("R-002", "C")]


def test_a_guessed_type_never_overrides_an_existing_item(make_xlsx, pmo_json, pf_path):
    assert pmo_json(["import", pf_path, make_xlsx([["Ref", "Type", "Title"], ["X-5", "Risk", "Power cut"]])])[0] == 0
    book = make_xlsx([["Ref", "Title", "Owner"], ["X-5", "Power cut", "Zoe"]], title="Issue log")
    code, out, err = pmo_json(["import", pf_path, book])
    assert code == 0, err
    assert out["sheets"][0]["rows"][0]["changes"] == {"owner": {"old": None, "new": "Zoe"}}
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT type, owner FROM raid_items").fetchall() == [("Risk", "Zoe")]


def test_pmo_import_and_export_hand_plan_files_to_plans_io(samples, tmp_path, pmo_json, pmo, pf_path):
    plan = samples / "gan" / "blyoa_task_with_dependencies.gan"
    code, out, err = pmo_json(["import", pf_path, plan, "--dry-run"])
    assert code == 0, err
    assert out["dry_run"] is True and out["plan"]["tasks"] == 5
    assert _state(pf_path)[0]["tasks"] == 0
    code, out, err = pmo_json(["import", pf_path, plan])
    assert code == 0, err
    assert _state(pf_path)[0]["tasks"] == 5
    created = out["project"]
    code, _, err = pmo(["import", pf_path, plan, "--sheet", "x"])
    assert code == 1 and "--sheet apply to spreadsheets" in err
    code, _, err = pmo(["export", pf_path, tmp_path / "plan.xml"])
    assert code == 1 and "--project" in err
    code, out, err = pmo_json(["export", pf_path, tmp_path / "plan.xml", "--project", created])
    assert code == 0, err
    assert out["tasks"] == 5 and (tmp_path / "plan.xml").read_text().count("<Task>") >= 5
