"""A register kept in Chinese imports as it is: headers, status words, RAG words and 万/亿 amounts."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from pmo_desktop.cli import main
from pmo_desktop.domain import parsing
from pmo_desktop.domain.enums import Rag
from tests.gui.conftest import read


@pytest.mark.parametrize(("text", "minor"), [("¥1,200万", 12_000_000 * 100), ("1.2亿", 120_000_000 * 100),
                                              ("人民币 350万元", 3_500_000 * 100), ("￥8,000", 8_000 * 100),
                                              ("CNY 2.5m", 2_500_000 * 100), ("(50万)", -500_000 * 100)])
def test_chinese_amounts(text, minor):
    assert parsing.parse_money(text) == minor


@pytest.mark.parametrize(("text", "rag"), [("红", Rag.RED), ("黄色", Rag.AMBER), ("绿", Rag.GREEN),
                                            ("已完成", Rag.BLUE), ("未报告", Rag.GREY)])
def test_chinese_rag_words(text, rag):
    assert parsing.parse_rag(text) == rag


def test_a_word_that_is_not_a_rag_is_still_refused():
    with pytest.raises(ValueError, match="not a RAG status"):
        parsing.parse_rag("很好")


def _workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "项目登记册"
    ws.append(["项目代码", "项目名称", "项目群", "项目经理", "阶段", "状态", "优先级", "开始日期", "完成日期",
               "批准预算", "总体状态"])
    ws.append(["CN-001", "上海数据中心迁移", "基础设施现代化", "王芳", "执行", "进行中", "高", "2026-03-01",
               "2027-02-28", "¥1,200万", "黄"])
    ws.append(["CN-002", "华东客户门户", "数字化客户体验", "李伟", "规划", "未开始", "中", "2026-06-01",
               "2027-06-30", "0.35亿", "绿"])
    raid = wb.create_sheet("风险登记册")
    raid.append(["编号", "类型", "标题", "所属项目", "负责人", "概率", "影响", "状态", "应对", "缓解措施"])
    raid.append(["R-801", "风险", "机房供电改造延期", "CN-001", "王芳", 4, 5, "打开", "减轻", "提前协调物业"])
    raid.append(["I-802", "问题", "供应商合同未签署", "CN-002", "李伟", None, 3, "处理中", "行动", "法务加急审核"])
    wb.save(path)


def test_a_chinese_workbook_imports_without_editing(tmp_path, capsys):
    book, pmo = tmp_path / "登记册.xlsx", tmp_path / "cn.pmo"
    _workbook(book)
    assert main(["new", str(pmo), "--currency", "CNY"]) == 0
    capsys.readouterr()
    assert main(["import", str(pmo), str(book), "--json"]) == 0, capsys.readouterr().err
    json.loads(capsys.readouterr().out)
    rows = read(pmo, "SELECT code, name, stage, status, priority, approved_budget, rag_overall FROM projects "
                     "ORDER BY code")
    assert rows == [("CN-001", "上海数据中心迁移", "Execution", "Active", "High", 1_200_000_000, "A"),
                    ("CN-002", "华东客户门户", "Planning", "Proposed", "Medium", 3_500_000_000, "G")]
    raid = read(pmo, "SELECT ref, type, status, response, probability, impact FROM raid_items ORDER BY ref")
    assert raid == [("I-802", "Issue", "In progress", "Action", None, 3), ("R-801", "Risk", "Open", "Reduce", 4, 5)]


def test_a_raid_log_in_the_products_own_chinese_words_imports(tmp_path, capsys):
    """The words the window, the pack and `pmo` print (未关闭 for Open) read back; 项目编号 names the
    project of a RAID row and 到期日 its due date."""
    book, pmo = tmp_path / "风险.xlsx", tmp_path / "cn.pmo"
    wb = Workbook()
    ws = wb.active
    ws.title = "风险登记册"
    ws.append(["项目编号", "项目名称", "阶段", "编号", "类型", "标题", "状态", "应对", "到期日"])
    ws.append(["CN-001", "上海数据中心迁移", "执行", "R-001", "风险", "供应商交付延误", "未关闭", "减轻", "2026年12月15日"])
    wb.save(book)
    assert main(["new", str(pmo), "--currency", "CNY"]) == 0
    assert main(["import", str(pmo), str(book), "--kind", "raid", "--create-missing"]) == 0, capsys.readouterr().err
    assert read(pmo, "SELECT p.code, r.ref, r.status, r.due_date FROM raid_items r JOIN projects p ON p.id = r.project_id") \
        == [("CN-001", "R-001", "Open", "2026-12-15")]
