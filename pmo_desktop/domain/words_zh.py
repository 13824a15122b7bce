"""Chinese words in the registers a PMO in China keeps: column headers and the values under them.

Kept apart from the English synonym tables so both stay readable; importing/kinds.py and
importing/convert.py add them to their lists. Words follow resources/i18n/glossary-zh-CN.md.
"""

from __future__ import annotations

# field name (per kind, or "*" for every kind that has the field) -> Chinese headers
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "*": {
        "code": ("项目代码", "项目编号", "编号", "代码"),
        "name": ("项目名称", "名称"),
        "description": ("描述", "说明", "项目描述"),
        "programme": ("项目群", "项目集", "所属项目群"),
        "sponsor": ("发起人", "项目发起人"),
        "manager": ("项目经理", "经理", "负责人"),
        "business_unit": ("业务单元", "部门", "事业部"),
        "strategic_theme": ("战略主题", "战略目标"),
        "stage": ("阶段", "项目阶段"),
        "status": ("状态", "项目状态"),
        "priority": ("优先级",),
        "start_date": ("开始日期", "开始", "计划开始"),
        "finish_date": ("完成日期", "结束日期", "结束", "计划完成", "截止日期"),
        "baseline_start": ("基线开始", "基线开始日期"),
        "baseline_finish": ("基线完成", "基线完成日期"),
        "approved_budget": ("批准预算", "预算", "总预算"),
        "percent_complete": ("完成百分比", "完成率", "进度"),
        "rag_overall": ("总体状态", "RAG 状态", "红黄绿", "总体RAG", "总体 rag"),
        "rag_schedule": ("进度状态", "进度RAG"),
        "rag_cost": ("成本状态", "成本RAG"),
        "rag_scope": ("范围状态", "范围RAG"),
        "rag_resources": ("资源状态", "资源RAG"),
        "project": ("所属项目", "项目", "项目编号", "项目代码"),  # in a sheet of RAID, tasks, budget or reports
        "owner": ("负责人", "责任人"),
        "notes": ("备注",),
    },
    "raid": {
        "ref": ("编号", "风险编号", "问题编号"),
        "type": ("类型", "条目类型"),
        "title": ("标题", "风险", "问题", "名称"),
        "raised_date": ("提出日期", "登记日期", "识别日期"),
        "due_date": ("到期日期", "到期日", "截止日期", "计划解决日期"),
        "closed_date": ("关闭日期",),
        "probability": ("概率", "可能性"),
        "impact": ("影响", "影响程度"),
        "response": ("应对", "应对策略"),
        "action": ("缓解措施", "应对措施", "行动"),
        "escalated": ("已升级", "是否升级"),
        "related_project": ("相关项目", "依赖项目"),
    },
    "tasks": {
        "name": ("任务名称", "任务"),
        "wbs": ("WBS", "WBS 编号", "大纲编号"),
        "kind": ("任务类型",),
        "duration_days": ("工期", "持续时间"),
        "actual_start": ("实际开始", "实际开始日期"),
        "actual_finish": ("实际完成", "实际完成日期"),
        "predecessors": ("前置任务", "紧前任务"),
    },
    "budget": {
        "category": ("成本类别", "费用类别", "类别"),
        "spend_type": ("支出类型", "资本性/运营性"),
        "month": ("月份", "期间"),
        "planned": ("计划", "预算金额", "计划金额"),
        "actual": ("实际", "实际金额", "实际支出"),
        "forecast": ("预测", "预测金额"),
    },
    "status": {
        "period": ("报告期", "报告日期"),
        "summary": ("摘要", "状态摘要", "概述"),
        "achievements": ("本期成果", "主要成果"),
        "next_steps": ("下一步", "下一步工作", "下期计划"),
        "top_issues": ("主要问题", "问题"),
        "decisions_needed": ("需要的决策", "待决策事项"),
        "author": ("撰写人", "报告人"),
    },
}

# vocabulary name (importing.convert.CHOICES) -> {Chinese word: stored value}
VALUES: dict[str, dict[str, str]] = {
    "stage": {"构想": "Idea", "立项": "Initiation", "启动": "Initiation", "规划": "Planning", "计划": "Planning",
              "执行": "Execution", "实施": "Execution", "收尾": "Closure", "已关闭": "Closed", "关闭": "Closed"},
    "project_status": {"进行中": "Active", "执行中": "Active", "正常": "Active", "暂停": "On hold",
                       "搁置": "On hold", "已完成": "Completed", "完成": "Completed", "已取消": "Cancelled",
                       "取消": "Cancelled", "拟议": "Proposed", "未开始": "Proposed", "待启动": "Proposed"},
    "priority": {"关键": "Critical", "紧急": "Critical", "高": "High", "中": "Medium", "低": "Low"},
    "raid_type": {"风险": "Risk", "假设": "Assumption", "问题": "Issue", "依赖": "Dependency", "决策": "Decision"},
    "raid_status": {"未关闭": "Open", "打开": "Open", "开放": "Open", "新建": "Open", "未解决": "Open", "处理中": "In progress",
                    "进行中": "In progress", "已关闭": "Closed", "关闭": "Closed", "已解决": "Closed"},
    "response": {"规避": "Avoid", "减轻": "Reduce", "缓解": "Reduce", "转移": "Transfer", "接受": "Accept",
                 "行动": "Action"},
    "category": {"人工": "Labour", "人力": "Labour", "外包": "Contractors", "承包商": "Contractors",
                 "硬件": "Hardware", "软件": "Software", "服务": "Services", "其他": "Other"},
    "spend_type": {"资本性支出": "CAPEX", "资本": "CAPEX", "运营性支出": "OPEX", "运营": "OPEX"},
}
