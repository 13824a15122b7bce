"""Status-report workbooks in Simplified Chinese: written for a Chinese-speaking PM (`pmo collect --lang
zh-CN`, or from a window in zh-CN), filled in Chinese, and read back into the English the portfolio stores."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.collect.conftest import PERIOD, header_columns, label_row, run, run_json, workbook_for
from tests.gui.conftest import read


def _header(ws) -> tuple[int, dict[str, int]]:
    return header_columns(ws, ("编号", "序号", "类别"))


def _lists(ws) -> list[str]:
    return [dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"]


def test_a_chinese_workbook_is_written_filled_in_chinese_and_read_back(demo_path, tmp_path, capsys):
    folder = tmp_path / "zh"
    code, out, err = run(capsys, "collect", demo_path, "--period", PERIOD, "-o", folder, "--lang", "zh-CN")
    assert code == 0, err
    path = workbook_for(folder, "PRJ-101")
    wb = load_workbook(path)
    assert wb.sheetnames[:4] == ["状态报告", "RAID", "里程碑", "预测"]
    report = wb["状态报告"]
    assert report["A1"].value.startswith("状态报告：PRJ-101")
    assert "报告期截止 2026年11月30日" in report["A2"].value and "受保护的视图" in report["A2"].value
    labels = [report.cell(r, 1).value for r in range(4, 22) if report.cell(r, 1).value]
    assert labels[:4] == ["项目编号", "项目", "项目群", "报告期截止"] and "总体 RAG" in labels and "下一步工作" in labels
    assert _lists(report) == ['"红,黄,绿,已完成,未报告"']
    raid = wb["RAID"]
    head, cols = _header(raid)
    assert {"编号", "类型", "状态", "概率（1-5）", "应对 / 行动"} <= set(cols)
    assert '"风险,假设,问题,依赖,决策"' in _lists(raid) and '"打开,处理中,已关闭"' in _lists(raid)
    assert raid.cell(head + 1, cols["类型"]).value in ("风险", "问题", "假设", "依赖", "决策")
    forecast = wb["预测"]
    fhead, fcols = _header(forecast)
    assert forecast.cell(fhead + 1, fcols["类别"]).value in ("人工", "外包", "硬件", "软件", "服务", "其他")

    # The PM answers in Chinese: a RAG word, a closed risk, a new issue typed as 问题, a forecast.
    report.cell(label_row(report, "总体 RAG"), 2).value = "黄"
    report.cell(label_row(report, "摘要"), 2).value = "供应商延迟；已商定恢复计划。"
    first_ref = raid.cell(head + 1, cols["编号"]).value
    raid.cell(head + 1, cols["状态"]).value = "已关闭"
    new = head + 1 + sum(1 for r in range(head + 1, raid.max_row + 1) if raid.cell(r, cols["编号"]).value)
    raid.cell(new, cols["类型"]).value = "问题"
    raid.cell(new, cols["标题"]).value = "机房搬迁推迟一周"
    raid.cell(new, cols["影响（1-5）"]).value = 4
    forecast.cell(fhead + 1, fcols["预测"]).value = 30000
    wb.save(path)

    result = run_json(capsys, "collect", demo_path, "--import", path)
    plan = result["workbooks"][0]
    assert plan["status"] == "applied" and plan["project"] == "PRJ-101", plan
    pid = read(demo_path, "SELECT id FROM projects WHERE code = 'PRJ-101'")[0][0]
    assert read(demo_path, "SELECT rag_overall, summary FROM status_reports WHERE project_id = ? AND period = ?",
                (pid, PERIOD)) == [("A", "供应商延迟；已商定恢复计划。")]
    assert read(demo_path, "SELECT status FROM raid_items WHERE ref = ?", (first_ref,)) == [("Closed",)]
    assert read(demo_path, "SELECT type, impact FROM raid_items WHERE title = '机房搬迁推迟一周'") == [("Issue", 4)]


def test_the_workbook_language_follows_the_messages_and_a_bad_one_is_one_line(demo_path, tmp_path, capsys):
    code, _out, err = run(capsys, "--lang", "zh-CN", "collect", demo_path, "--period", PERIOD, "-o", tmp_path / "a")
    assert code == 0, err
    assert load_workbook(workbook_for(tmp_path / "a", "PRJ-101")).sheetnames[0] == "状态报告"
    code, _out, err = run(capsys, "collect", demo_path, "--period", PERIOD, "-o", tmp_path / "b", "--lang", "xx")
    assert code == 1 and err.count("\n") == 1 and "not a language" in err
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
