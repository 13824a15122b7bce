"""The pack's figures agree with the services that own them, and long text never overflows a page."""

from __future__ import annotations

from datetime import date

import pypdf

from pmo_desktop.finance import portfolio_summary
from pmo_desktop.reports import BoardPackOptions, build_board_pack
from pmo_desktop.reports.commentary import set_commentary
from pmo_desktop.reports.data import load_pack_data
from tests.reports.conftest import DEMO_TODAY

PERIOD = date(2026, 10, 31)


def test_summary_counts_match_the_finance_summary(demo):
    data = load_pack_data(demo, period=PERIOD, programme=None, today=DEMO_TODAY)
    kpis = portfolio_summary(demo, PERIOD)["kpis"]
    assert data.open_high_risks == kpis["open_red_risks"]
    assert len(data.milestones_due) == kpis["milestones_due"]
    assert sum(1 for m in data.milestones_due if not m.done) == kpis["milestones_missed"]
    assert len(data.milestones_overdue) == kpis["milestones_overdue"]
    assert data.finance.totals.eac == kpis["eac"]
    assert data.heat == portfolio_summary(demo, PERIOD)["risks"]["heatmap"]


def test_programme_filter_scopes_the_money(demo):
    whole = load_pack_data(demo, period=PERIOD, programme=None, today=DEMO_TODAY)
    one = load_pack_data(demo, period=PERIOD, programme="Data & Analytics", today=DEMO_TODAY)
    assert {x.programme for x in one.projects} == {"Data & Analytics"}
    match = next(t for t in whole.finance.programmes if t.label == "Data & Analytics")
    assert one.finance.totals.eac == match.eac
    assert one.finance.totals.eac < whole.finance.totals.eac


def test_a_long_status_report_continues_on_a_second_page_at_full_size(demo, tmp_path):
    pid, code = demo.conn.execute("SELECT id, code FROM projects WHERE stage = 'Execution' ORDER BY code").fetchone()
    essay = " ".join(["The supplier's revised plan moves integration testing by three weeks."] * 120)
    with demo.batch("cli", "long report"):
        demo.conn.execute("UPDATE status_reports SET summary = ?, next_steps = ? WHERE project_id = ? AND period = ?",
                          (essay, "; ".join(["Agree the recovery plan with the vendor"] * 40), pid, PERIOD.isoformat()))
        demo.conn.execute("UPDATE projects SET name = ? WHERE id = ?", ("Very long project name " * 8, pid))
    out = tmp_path / "long.pdf"
    build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY, sections=("status", "projects")))
    reader = pypdf.PdfReader(out)
    pages = []
    for item in reader.outline[-1]:
        pages.append((item.title.split()[0], reader.get_destination_page_number(item)))
    starts = dict(pages)
    ordered = sorted(starts.values())
    mine = starts[code]
    following = ordered[ordered.index(mine) + 1]
    # nothing in the pack is shrunk under 8 pt: the report's words continue on the next page
    assert following == mine + 2
    assert "Milestones" in reader.pages[mine].extract_text()
    assert "recovery plan" in reader.pages[mine + 1].extract_text()
    sizes = []

    def visit(op, args, cm, tm):
        if op == b"Tf":
            sizes.append(float(args[1]) * abs(tm[0]) * abs(cm[0]))

    for page in (mine, mine + 1):
        reader.pages[page].extract_text(visitor_operand_before=visit)
    assert sizes and min(sizes) >= 7.99


def test_options_are_remembered_in_the_portfolio(demo):
    from pmo_desktop.reports import remember_options, remembered_options

    assert remembered_options(demo) == BoardPackOptions()
    chosen = BoardPackOptions(sections=("projects", "summary"), programme="Data & Analytics", page_size="Letter",
                              period=PERIOD)
    remember_options(demo, chosen)
    again = remembered_options(demo)
    assert again == BoardPackOptions(sections=("summary", "projects"), programme="Data & Analytics",
                                     page_size="Letter")  # the period is not kept
    with demo.batch("cli", "drop a programme"):
        demo.conn.execute("DELETE FROM programmes WHERE name = 'Data & Analytics'")
    assert remembered_options(demo).programme is None


def test_commentary_from_its_table_and_logo_from_settings(demo, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), "#1565C0").save(logo)
    settings = demo.settings()["board_pack"]
    demo.set_settings({"board_pack": {**settings, "logo_path": str(logo)}})
    set_commentary(demo, PERIOD, "Two programmes need a **funding decision**.\n\n- Data platform\n- CRM")
    out = tmp_path / "c.pdf"
    build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY, sections=("cover", "summary")))
    reader = pypdf.PdfReader(out)
    text = reader.pages[1].extract_text()
    assert "Two programmes need a funding decision." in text
    assert "Data platform" in text and "CRM" in text
    assert "No portfolio commentary was recorded" not in text
    assert len(reader.pages[0].images) == 1


def test_a_broken_logo_is_left_out(demo, tmp_path):
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not an image")
    demo.set_settings({"board_pack": {**demo.settings()["board_pack"], "logo_path": str(bad)}})
    out = tmp_path / "c.pdf"
    build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY, sections=("cover",)))
    assert len(pypdf.PdfReader(out).pages[0].images) == 0


def test_trends_count_a_milestone_reforecast_out_of_its_period_as_missed(demo):
    """Milestones hit and missed come from the status history and the change log: a milestone due in
    the period that was pushed out during it is still a miss for that period."""
    from pmo_desktop.reports.trends_data import load_trends

    before = {t.period: t for t in load_trends(demo, PERIOD, None)}
    assert len(before) == 6 and list(before)[-1] == PERIOD
    task_id, finish = demo.conn.execute(
        """SELECT id, finish_date FROM tasks WHERE kind = 'milestone' AND actual_finish IS NULL
           AND finish_date > '2026-10-31' ORDER BY finish_date LIMIT 1""").fetchone()
    with demo.batch("cli", "due in October"):
        demo.conn.execute("UPDATE tasks SET finish_date = '2026-10-20', baseline_finish = '2026-12-31' WHERE id = ?",
                          (task_id,))
    demo.conn.execute("UPDATE change_log SET at = '2026-09-30T12:00:00Z' WHERE tbl = 'tasks' AND row_id = ?",
                      (task_id,))  # as if re-forecast into October before the period began
    with demo.batch("cli", "pushed out"):
        demo.conn.execute("UPDATE tasks SET finish_date = ? WHERE id = ?", (finish, task_id))
    demo.conn.execute("""UPDATE change_log SET at = '2026-10-15T12:00:00Z' WHERE tbl = 'tasks' AND row_id = ?
                         AND at > '2026-10-01'""", (task_id,))
    after = {t.period: t for t in load_trends(demo, PERIOD, None)}
    assert after[PERIOD].milestones_missed == before[PERIOD].milestones_missed + 1
    assert after[PERIOD].milestones_hit == before[PERIOD].milestones_hit


def test_the_date_format_setting_rules_every_date_in_pdf_and_deck(demo, tmp_path):
    from pptx import Presentation

    demo.set_settings({"date_format": "dmy"})
    out = tmp_path / "d.pdf"
    build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY, period=PERIOD, sections=("milestones", "risks")))
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "31/10/2026" in text and "31 Oct 2026" not in text
    deck = tmp_path / "d.pptx"
    build_board_pack(demo, deck, BoardPackOptions(today=DEMO_TODAY, period=PERIOD, sections=("milestones",)))
    slides = " ".join(sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes
                      if sh.has_text_frame)
    assert "31/10/2026" in slides and "31 Oct 2026" not in slides
