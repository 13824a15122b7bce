<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Open a portfolio (File ▸ Open) or create one (File ▸ New).

You can also drop a .pmo file here.</source>
        <translation>打开一个项目组合（文件 ▸ 打开）或新建一个（文件 ▸ 新建）。

也可以把 .pmo 文件拖放到这里。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Value not accepted</source>
        <translation>数值未被接受</translation>
    </message>
    <message>
        <source>{name} (read-only) — PMO Desktop</source>
        <translation>{name}（只读）— PMO Desktop</translation>
    </message>
    <message>
        <source>No portfolio open</source>
        <translation>未打开项目组合</translation>
    </message>
    <message>
        <source>READ-ONLY</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>另存副本为</translation>
    </message>
    <message>
        <source>Could not save a copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <source>Saved a copy as {path}</source>
        <translation>已将副本保存为 {path}</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Date Format</source>
        <translation>日期格式(&amp;D)</translation>
    </message>
    <message>
        <source>2026-03-24 (ISO)</source>
        <translation>2026-03-24（国际标准）</translation>
    </message>
    <message>
        <source>24 Mar 2026</source>
        <translation>2026年3月24日</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Group by team</source>
        <translation>按团队分组</translation>
    </message>
    <message>
        <source>Group by role</source>
        <translation>按角色分组</translation>
    </message>
    <message>
        <source>Select a cell to see the allocations behind it.</source>
        <translation>选择一个单元格即可查看其背后的分配。</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Project code, e.g. PRJ-104</source>
        <translation>项目代码，例如 PRJ-104</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Add or change this person&apos;s allocation to the project in this month (0 removes it)</source>
        <translation>添加或修改此人本月在该项目上的分配（0 表示删除）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Allocated days</source>
        <translation>已分配天数</translation>
    </message>
    <message>
        <source>Available days</source>
        <translation>可用天数</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Excess days</source>
        <translation>超出天数</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Behind the cell</source>
        <translation>单元格明细</translation>
    </message>
    <message>
        <source>Over-allocations</source>
        <translation>超额分配</translation>
    </message>
    <message>
        <source>Demand vs capacity by role</source>
        <translation>按角色的需求与产能</translation>
    </message>
    <message>
        <source>Who is free?</source>
        <translation>谁有空？</translation>
    </message>
    <message>
        <source>Capacity: each person&apos;s allocated days against the days they are available, month by month, by team or by role, with the over-allocations and who is free. Add people (with their FTE) and allocate them to projects to see it.</source>
        <translation>产能：按团队或角色，逐月对比每个人已分配的天数与可用天数，并列出超额分配和空闲人员。添加人员（含其 FTE）并将其分配到项目后即可在此查看。</translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>尚无人员</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Import people…</source>
        <translation>导入人员…</translation>
    </message>
    <message>
        <source>Skill, e.g. Python</source>
        <translation>技能，例如 Python</translation>
    </message>
    <message>
        <source>level ≥ </source>
        <translation>等级 ≥ </translation>
    </message>
    <message>
        <source>free ≥ </source>
        <translation>空闲 ≥ </translation>
    </message>
    <message>
        <source> FTE</source>
        <translation> FTE</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Least free FTE</source>
        <translation>最少空闲 FTE</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>所有团队</translation>
    </message>
    <message>
        <source>There are no people yet</source>
        <translation>尚无人员</translation>
    </message>
    <message>
        <source>{people} people · {first} to {last} · {over} over-allocated person-months ({over_people} people)</source>
        <translation>{people} 人 · {first}至{last} · {over} 个超额分配的人月（{over_people} 人）</translation>
    </message>
    <message>
        <source>{who} · {month}: {alloc} days allocated of {cap} available ({pct}, {band}) · {days} working days</source>
        <translation>{who} · {month}：已分配 {alloc} 天，可用 {cap} 天（{pct}，{band}）· {days} 个工作日</translation>
    </message>
    <message>
        <source>, {days} days&apos; leave or part-time</source>
        <translation>，休假或兼职 {days} 天</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>select a person&apos;s month first</source>
        <translation>请先选择某人的某个月份</translation>
    </message>
    <message>
        <source>Over-allocations ({n})</source>
        <translation>超额分配（{n}）</translation>
    </message>
    <message>
        <source>Role (demand / capacity, FTE)</source>
        <translation>角色（需求 / 产能，FTE）</translation>
    </message>
    <message>
        <source>{role}, {month}: demand {demand} days (including unstaffed) against {cap} days ({pct})</source>
        <translation>{role}，{month}：需求 {demand} 天（含未配备人员），可用 {cap} 天（{pct}）</translation>
    </message>
    <message>
        <source>type a skill to search for</source>
        <translation>请输入要查找的技能</translation>
    </message>
    <message>
        <source>RAID log</source>
        <translation>RAID 日志</translation>
    </message>
    <message>
        <source>Portfolio-wide</source>
        <translation>项目组合层面</translation>
    </message>
    <message>
        <source>Write status report…</source>
        <translation>填写状态报告…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Changes (who made each)</source>
        <translation>更改记录（含修改人）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>RAID</source>
        <translation>RAID</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>No project selected</source>
        <translation>未选择项目</translation>
    </message>
    <message>
        <source>Select a row to see the project here.</source>
        <translation>选择一行即可在此查看该项目。</translation>
    </message>
    <message>
        <source>Status reports</source>
        <translation>状态报告</translation>
    </message>
    <message>
        <source>Returned reports</source>
        <translation>已交回的报告</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>路线图</translation>
    </message>
    <message>
        <source>Portfolio status</source>
        <translation>项目组合状态</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Financials</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Risks and issues</source>
        <translation>风险与问题</translation>
    </message>
    <message>
        <source>Changes since the previous period</source>
        <translation>较上期的变化</translation>
    </message>
    <message>
        <source>Programme pages</source>
        <translation>项目群页</translation>
    </message>
    <message>
        <source>Project pages</source>
        <translation>项目页</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>附录</translation>
    </message>
    <message>
        <source>Export board pack</source>
        <translation>导出董事会汇报材料</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Projects in no programme</source>
        <translation>不属于任何项目群的项目</translation>
    </message>
    <message>
        <source>PowerPoint (editable slides)</source>
        <translation>PowerPoint（可编辑幻灯片）</translation>
    </message>
    <message>
        <source>Headings, labels, dates and the footer of the pack; names and commentary print as they were written</source>
        <translation>汇报材料的标题、标签、日期和页脚所用的语言；名称和评述按原文打印</translation>
    </message>
    <message>
        <source>A full page for closed and idea-stage projects</source>
        <translation>为已关闭及构想阶段的项目各设一整页</translation>
    </message>
    <message>
        <source>By default they are one summary table</source>
        <translation>默认合并为一张汇总表</translation>
    </message>
    <message>
        <source>Reading the dashboard figures</source>
        <translation>正在读取仪表板数据</translation>
    </message>
    <message>
        <source>Commentary…</source>
        <translation>评述…</translation>
    </message>
    <message>
        <source>The portfolio&apos;s and programmes&apos; commentary for the board pack</source>
        <translation>董事会汇报材料中项目组合和项目群的评述</translation>
    </message>
    <message>
        <source>Projects by RAG</source>
        <translation>按 RAG 状态统计的项目</translation>
    </message>
    <message>
        <source>Spend to date</source>
        <translation>迄今支出</translation>
    </message>
    <message>
        <source>EAC vs budget</source>
        <translation>完工估算与预算对比</translation>
    </message>
    <message>
        <source>Milestones due</source>
        <translation>到期里程碑</translation>
    </message>
    <message>
        <source>Red risks (high, critical)</source>
        <translation>红色风险（高、严重）</translation>
    </message>
    <message>
        <source>Benefits released</source>
        <translation>已实现收益</translation>
    </message>
    <message>
        <source>Click a programme&apos;s variance bar, a RAG segment of the latest period or a CAPEX/OPEX bar to see those projects in the register; click a heat-map cell to see those risks in the RAID log.</source>
        <translation>单击项目群的偏差条、最新报告期的 RAG 分段或资本性/运营性支出条，可在登记册中查看相应项目；单击热力图单元格，可在 RAID 日志中查看相应风险。</translation>
    </message>
    <message>
        <source>The dashboard: the portfolio at a glance for the period, with its projects by RAG, spend and EAC against budget, milestones due, red risks and benefits released, and charts that open the projects behind them.</source>
        <translation>仪表板：本报告期项目组合一览，包括按 RAG 状态统计的项目、支出与完工估算相对预算的情况、到期里程碑、红色风险和已实现收益，点击图表可打开其背后的项目。</translation>
    </message>
    <message>
        <source>{projects} projects; {differ} cost RAGs differ from the numbers</source>
        <translation>{projects} 个项目；{differ} 个成本 RAG 状态与数据不符</translation>
    </message>
    <message>
        <source>against {planned} planned to date</source>
        <translation>迄今计划 {planned}</translation>
    </message>
    <message>
        <source>budget {budget}; variance {pct}</source>
        <translation>预算 {budget}；偏差 {pct}</translation>
    </message>
    <message>
        <source>this period; {missed} not complete, {overdue} overdue in all</source>
        <translation>本报告期；{missed} 个未完成，共 {overdue} 个逾期</translation>
    </message>
    <message>
        <source>of {open} open risks</source>
        <translation>共 {open} 个未关闭风险</translation>
    </message>
    <message>
        <source>cash against {planned} planned{vs}; {at_risk} of {count} benefits at risk</source>
        <translation>现金收益，计划 {planned}{vs}；{count} 项收益中 {at_risk} 项有风险</translation>
    </message>
    <message>
        <source>Dashboard for the period ending {date}</source>
        <translation>截至 {date} 的报告期仪表板</translation>
    </message>
    <message>
        <source>the register shows today&apos;s RAGs: choose the current period to filter by RAG</source>
        <translation>登记册显示的是当前的 RAG 状态：请选择当前报告期再按 RAG 筛选</translation>
    </message>
    <message>
        <source>the {view} register has no rows with {key} {value}</source>
        <translation>{view} 登记册中没有 {key} 为 {value} 的行</translation>
    </message>
    <message>
        <source>Risks open at {date}: P{p} × I{i}</source>
        <translation>截至 {date} 未关闭的风险：概率 {p} × 影响 {i}</translation>
    </message>
    <message>
        <source>Projects with {kind} spend</source>
        <translation>有 {kind} 支出的项目</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Commentary</source>
        <translation>评述</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>{name} board pack</source>
        <translation>{name} 董事会汇报材料</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PowerPoint files (*.pptx)</source>
        <translation>PowerPoint 文件 (*.pptx)</translation>
    </message>
    <message>
        <source>Save board pack as</source>
        <translation>董事会汇报材料另存为</translation>
    </message>
    <message>
        <source>Building the board pack</source>
        <translation>正在生成董事会汇报材料</translation>
    </message>
    <message>
        <source>Saved {name} ({n} slides). Open it now?</source>
        <translation>已保存 {name}（{n} 张幻灯片）。现在打开吗？</translation>
    </message>
    <message>
        <source>Saved {name} ({n} pages). Open it now?</source>
        <translation>已保存 {name}（{n} 页）。现在打开吗？</translation>
    </message>
    <message>
        <source>Board pack saved</source>
        <translation>董事会汇报材料已保存</translation>
    </message>
    <message>
        <source>Board pack not saved</source>
        <translation>董事会汇报材料未保存</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>Plans (Gantt)</source>
        <translation>计划（甘特图）</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Financial summary</source>
        <translation>财务汇总</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Stage gates</source>
        <translation>阶段关口</translation>
    </message>
    <message>
        <source>Book of work</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new, empty portfolio</source>
        <translation>新建一个空的项目组合</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a portfolio file</source>
        <translation>打开项目组合文件</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Write a copy of this portfolio to another file</source>
        <translation>将此项目组合的副本写入另一个文件</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a workbook, CSV file or plan (.xml, .gan) into this portfolio</source>
        <translation>将工作簿、CSV 文件或计划（.xml、.gan）导入此项目组合</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Every register as a sheet of an Excel workbook</source>
        <translation>每个登记册作为 Excel 工作簿中的一个工作表</translation>
    </message>
    <message>
        <source>Export &amp;Board Pack…</source>
        <translation>导出董事会汇报材料(&amp;B)…</translation>
    </message>
    <message>
        <source>Build the PDF board pack for the steering committee</source>
        <translation>为指导委员会生成 PDF 汇报材料</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次修改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change you undid</source>
        <translation>重做刚撤销的修改</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text (pastes into Excel)</source>
        <translation>以制表符分隔的文本复制所选单元格（可粘贴到 Excel）</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste cells copied from Excel; every value is checked first</source>
        <translation>粘贴从 Excel 复制的单元格；每个值都会先经过检查</translation>
    </message>
    <message>
        <source>C&amp;lear Cells	Del</source>
        <translation>清除单元格(&amp;L)	Del</translation>
    </message>
    <message>
        <source>Empty the selected cells (the Delete key in a register does the same)</source>
        <translation>清空所选单元格（在登记册中按 Delete 键效果相同）</translation>
    </message>
    <message>
        <source>&amp;Add Row</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <source>Add a row to this register</source>
        <translation>在此登记册中添加一行</translation>
    </message>
    <message>
        <source>&amp;Duplicate Rows</source>
        <translation>复制行(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the selected rows as new rows</source>
        <translation>将所选行复制为新行</translation>
    </message>
    <message>
        <source>De&amp;lete Rows…</source>
        <translation>删除行(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete the selected rows (asks first; undoable)</source>
        <translation>删除所选行（会先确认；可撤销）</translation>
    </message>
    <message>
        <source>Add Custom &amp;Field…</source>
        <translation>添加自定义字段(&amp;F)…</translation>
    </message>
    <message>
        <source>Add your own column to projects or RAID items</source>
        <translation>为项目或 RAID 条目添加您自己的列</translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation>列(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose which columns to show</source>
        <translation>选择要显示的列</translation>
    </message>
    <message>
        <source>Write &amp;Status Report…</source>
        <translation>填写状态报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Write this period&apos;s report for the selected project</source>
        <translation>为所选项目填写本期报告</translation>
    </message>
    <message>
        <source>&amp;Collect Status Reports…</source>
        <translation>收集状态报告(&amp;C)…</translation>
    </message>
    <message>
        <source>Write a pre-filled status-report workbook for each project manager to fill in Excel</source>
        <translation>为每位项目经理生成预填的状态报告工作簿，供其在 Excel 中填写</translation>
    </message>
    <message>
        <source>Returned Re&amp;ports</source>
        <translation>已交回的报告(&amp;P)</translation>
    </message>
    <message>
        <source>Read the status-report workbooks project managers sent back</source>
        <translation>读取项目经理交回的状态报告工作簿</translation>
    </message>
    <message>
        <source>Re&amp;schedule Plan</source>
        <translation>重新排程(&amp;S)</translation>
    </message>
    <message>
        <source>Recompute the selected project&apos;s task dates from its links (one undoable step)</source>
        <translation>根据任务关联重新计算所选项目的任务日期（一步可撤销）</translation>
    </message>
    <message>
        <source>&amp;Governance Settings…</source>
        <translation>治理设置(&amp;G)…</translation>
    </message>
    <message>
        <source>Edit the gate model, the scoring model and the health-check rules</source>
        <translation>编辑关口模型、评分模型和健康检查规则</translation>
    </message>
    <message>
        <source>Project &amp;Details Pane</source>
        <translation>项目详情窗格(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>（没有最近的文件）</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>The selected project has no plan to reschedule</source>
        <translation>所选项目没有可重新排程的计划</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Error logs</source>
        <translation>错误日志</translation>
    </message>
    <message>
        <source>About PMO Desktop</source>
        <translation>关于 PMO Desktop</translation>
    </message>
    <message>
        <source>Backups: the last 10 copies of each portfolio, one folder per file.</source>
        <translation>备份：每个项目组合保留最近 10 份副本，每个文件一个文件夹。</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>随附组件及其许可证</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>&amp;About PMO Desktop</source>
        <translation>关于 PMO Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Writing status-report workbooks</source>
        <translation>正在生成状态报告工作簿</translation>
    </message>
    <message>
        <source>Collect status reports</source>
        <translation>收集状态报告</translation>
    </message>
    <message>
        <source>Status reports {month}</source>
        <translation>状态报告 {month}</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Open the folder when the workbooks are written</source>
        <translation>工作簿生成后打开文件夹</translation>
    </message>
    <message>
        <source>Period ending</source>
        <translation>报告期截止</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>项目群</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Write workbooks</source>
        <translation>生成工作簿</translation>
    </message>
    <message>
        <source>One workbook per active project, pre-filled from its last report, with its open RAID items, next milestones and forecast months. E-mail each to its project manager; drop the returned files on the Returned reports page.</source>
        <translation>每个进行中的项目一个工作簿，按其上一期报告预填，并列出未关闭的 RAID 条目、接下来的里程碑和需预测的月份。请将每个工作簿通过电子邮件发给对应的项目经理；收到交回的文件后，把它们拖到“已交回的报告”页面。</translation>
    </message>
    <message>
        <source>Folder for the workbooks</source>
        <translation>存放工作簿的文件夹</translation>
    </message>
    <message>
        <source>Choose at least one programme.</source>
        <translation>请至少选择一个项目群。</translation>
    </message>
    <message>
        <source>Workbooks to write: {count}, for the period ending {date}.</source>
        <translation>将生成 {count} 个工作簿，报告期截止 {date}。</translation>
    </message>
    <message>
        <source>Nothing to collect</source>
        <translation>没有可收集的内容</translation>
    </message>
    <message>
        <source>Wrote {count} status-report workbooks to {folder}</source>
        <translation>已在 {folder} 生成 {count} 个状态报告工作簿</translation>
    </message>
    <message>
        <source>Could not write the workbooks</source>
        <translation>无法生成工作簿</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>From</source>
        <comment>who sent the workbook back</comment>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Ready to apply</source>
        <translation>可以应用</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>无变更</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Add Workbooks…</source>
        <translation>添加工作簿…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Drop the workbooks project managers sent back here (or a folder of them), or use Add Workbooks…. Nothing is changed until you press Apply.</source>
        <translation>把项目经理交回的工作簿（或存放它们的文件夹）拖到这里，或使用“添加工作簿…”。在按下“应用”之前不会做任何修改。</translation>
    </message>
    <message>
        <source>Choose a workbook to see what it would change (field: old -&gt; new).</source>
        <translation>选择一个工作簿，查看它将带来的变更（字段：原值 -&gt; 新值）。</translation>
    </message>
    <message>
        <source>Copy Reminder E-mail Text</source>
        <translation>复制催交邮件内容</translation>
    </message>
    <message>
        <source>Copy a reminder naming every project still missing, to paste into Outlook</source>
        <translation>复制一封列出所有尚未交回项目的催交邮件，可粘贴到 Outlook</translation>
    </message>
    <message>
        <source>Still missing:</source>
        <translation>尚未交回：</translation>
    </message>
    <message>
        <source>No workbooks were sent for this period (Project ▸ Collect Status Reports…).</source>
        <translation>本报告期没有发出工作簿（项目 ▸ 收集状态报告…）。</translation>
    </message>
    <message>
        <source>{returned} of {sent} returned by project managers; {entered} typed in; {missing} missing</source>
        <translation>项目经理已交回 {returned}/{sent}；手工录入 {entered}；未交回 {missing}</translation>
    </message>
    <message>
        <source>Returned reports: {returned} of {sent} back, {missing} missing</source>
        <translation>已交回的报告：{returned}/{sent}，未交回 {missing}</translation>
    </message>
    <message>
        <source>Returned status reports</source>
        <translation>已交回的状态报告</translation>
    </message>
    <message>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Folder of returned status reports</source>
        <translation>存放已交回状态报告的文件夹</translation>
    </message>
    <message>
        <source>no .xlsx workbooks there</source>
        <translation>那里没有 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>Reading returned workbooks</source>
        <translation>正在读取交回的工作簿</translation>
    </message>
    <message>
        <source>A report is already entered for {period}; applying replaces these fields:</source>
        <translation>{period} 已录入报告；应用后将替换以下字段：</translation>
    </message>
    <message>
        <source>problem: {text}</source>
        <translation>问题：{text}</translation>
    </message>
    <message>
        <source>note: {text}</source>
        <translation>说明：{text}</translation>
    </message>
    <message>
        <source>The portfolio already holds everything in this workbook.</source>
        <translation>项目组合中已包含此工作簿的全部内容。</translation>
    </message>
    <message>
        <source>Applied {count} returned reports (one undo step each)</source>
        <translation>已应用 {count} 份交回的报告（每份可单独撤销）</translation>
    </message>
    <message>
        <source>Applying returned reports</source>
        <translation>正在应用交回的报告</translation>
    </message>
    <message>
        <source>Reminder text for {count} late reports copied: paste it into an e-mail</source>
        <translation>已复制 {count} 份逾期报告的催交内容：请粘贴到电子邮件中</translation>
    </message>
    <message>
        <source>Apply {count} Workbooks</source>
        <translation>应用 {count} 个工作簿</translation>
    </message>
    <message>
        <source>Reports from PMs: {returned} (latest {date}) · entered by the PMO: {entered}</source>
        <translation>项目经理交回的报告：{returned}（最近 {date}）· PMO 录入：{entered}</translation>
    </message>
    <message>
        <source>Show or hide the pane with the selected project&apos;s or item&apos;s details (F9)</source>
        <translation>显示或隐藏所选项目或条目的详情窗格 (F9)</translation>
    </message>
    <message>
        <source>This view is not about one project or item: it has no details pane</source>
        <translation>此视图不针对单个项目或条目，没有详情窗格</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>完成 %</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>衡量指标</translation>
    </message>
    <message>
        <source>At risk when a linked project is red, cancelled or has slipped past tolerance</source>
        <translation>关联项目为红色、已取消或延误超出容差时为有风险</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>The actual level at the end of the reporting period</source>
        <translation>报告期末的实际水平</translation>
    </message>
    <message>
        <source>Realised to date</source>
        <translation>迄今已实现</translation>
    </message>
    <message>
        <source>The actual level at the end of the reporting period less the baseline</source>
        <translation>报告期末的实际水平减去基线</translation>
    </message>
    <message>
        <source>Forecast gain</source>
        <translation>预测收益</translation>
    </message>
    <message>
        <source>The latest forecast level less the baseline (the target&apos;s when there is no forecast)</source>
        <translation>最新预测水平减去基线（没有预测时按目标计）</translation>
    </message>
    <message>
        <source>Realised to date as a share of the way from baseline to target</source>
        <translation>迄今已实现部分占从基线到目标的比例</translation>
    </message>
    <message>
        <source>The target date moved by the largest slip of the linked projects</source>
        <translation>目标日期按关联项目的最大延误顺延</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>目标日期</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>撰写人</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>规避</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Baseline finish</source>
        <translation>基线完成</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Business unit</source>
        <translation>业务单元</translation>
    </message>
    <message>
        <source>CAPEX</source>
        <translation>CAPEX</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Overdue and due</source>
        <translation>逾期和到期</translation>
    </message>
    <message>
        <source>Not yet held</source>
        <translation>尚未举行</translation>
    </message>
    <message>
        <source>All reviews</source>
        <translation>所有评审</translation>
    </message>
    <message>
        <source>Search gate reviews…</source>
        <translation>搜索关口评审…</translation>
    </message>
    <message>
        <source>New review…</source>
        <translation>新建评审…</translation>
    </message>
    <message>
        <source>Open review…</source>
        <translation>打开评审…</translation>
    </message>
    <message>
        <source>Advance stage…</source>
        <translation>推进阶段…</translation>
    </message>
    <message>
        <source>Conditions still open</source>
        <translation>尚未满足的条件</translation>
    </message>
    <message>
        <source>Stage gates: each project&apos;s gate reviews, when they are due, their checklists, conditions, approvers and decisions. Add a project to plan its first gate.</source>
        <translation>阶段关口：每个项目的关口评审、到期时间、检查清单、条件、审批人和决策。添加项目后即可计划其第一个关口。</translation>
    </message>
    <message>
        <source>{overdue} gates overdue, {due} due by the end of next period</source>
        <translation>{overdue} 个关口逾期，{due} 个在下一报告期结束前到期</translation>
    </message>
    <message>
        <source>select a project (or one of its gate reviews) first</source>
        <translation>请先选择一个项目（或其某次关口评审）</translation>
    </message>
    <message>
        <source>No Go recorded</source>
        <translation>未记录“通过”决策</translation>
    </message>
    <message>
        <source>.

Reason for going ahead anyway:</source>
        <translation>。

仍要继续推进的理由：</translation>
    </message>
    <message>
        <source>{code} moved from {from_stage} to {to_stage}</source>
        <translation>{code} 已从“{from_stage}”进入“{to_stage}”</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>关口</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已召开</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Contractors</source>
        <translation>外包</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>关键</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Decisions needed</source>
        <translation>需要的决策</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>依赖</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Predecessors</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Type a duration as in MS Project: 3d, 4h, 2w, 1mo; 3ed or 4eh for elapsed time</source>
        <translation>按 MS Project 的写法输入工期：3d、4h、2w、1mo；3ed 或 4eh 表示历时（日历时间）</translation>
    </message>
    <message>
        <source>{name}: total float {days} working days (critical)</source>
        <translation>{name}：总时差 {days} 个工作日（关键）</translation>
    </message>
    <message>
        <source>{name}: total float {days} working days</source>
        <translation>{name}：总时差 {days} 个工作日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>重新排程</translation>
    </message>
    <message>
        <source>Recompute this plan&apos;s dates from its links (one undoable step)</source>
        <translation>按任务链接重新计算此计划的日期（可一步撤销）</translation>
    </message>
    <message>
        <source>Link to another project…</source>
        <translation>链接到其他项目…</translation>
    </message>
    <message>
        <source>Make the selected task wait for a task (or milestone) of another project</source>
        <translation>让所选任务等待另一个项目的任务（或里程碑）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Plans: each project&apos;s tasks and milestones on a Gantt chart, with their links, critical path and baseline, rescheduled as you edit.</source>
        <translation>计划：以甘特图显示每个项目的任务和里程碑，以及其依赖关系、关键路径和基线，编辑时自动重新排程。</translation>
    </message>
    <message>
        <source>{code} — {name} ({tasks} tasks)</source>
        <translation>{code} — {name}（{tasks} 个任务）</translation>
    </message>
    <message>
        <source>This project has no plan yet: import one (File ▸ Import…) from MS Project, GanttProject or Excel</source>
        <translation>此项目还没有计划：可从 MS Project、GanttProject 或 Excel 导入（文件 ▸ 导入…）</translation>
    </message>
    <message>
        <source>The file is open read-only</source>
        <translation>文件以只读方式打开</translation>
    </message>
    <message>
        <source>Save the plan as a PNG image</source>
        <translation>将计划保存为 PNG 图像</translation>
    </message>
    <message>
        <source>Save the plan as a PDF</source>
        <translation>将计划保存为 PDF</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{code}: {tasks} tasks, finish {finish}, {critical} on the critical path</source>
        <translation>{code}：{tasks} 个任务，完成于 {finish}，关键路径上 {critical} 个</translation>
    </message>
    <message>
        <source>the portfolio is open read-only</source>
        <translation>项目组合文件以只读方式打开</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>{code} plan</source>
        <translation>{code} 计划</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>构想</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Initiation</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>项目经理</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>OPEX</source>
        <translation>OPEX</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Rare</source>
        <translation>罕见</translation>
    </message>
    <message>
        <source>Unlikely</source>
        <translation>不太可能</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>Almost certain</source>
        <translation>几乎确定</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>(portfolio-wide)</source>
        <translation>（项目组合层面）</translation>
    </message>
    <message>
        <source>e.g. 27 Nov 2026</source>
        <translation>例如 2026年11月27日</translation>
    </message>
    <message>
        <source>Search lessons…</source>
        <translation>搜索经验教训…</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>benefit</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>benefits</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>Linked projects</source>
        <translation>关联项目</translation>
    </message>
    <message>
        <source>The projects that deliver it: type their codes separated by commas</source>
        <translation>实现该收益的项目：输入项目编号，用逗号分隔</translation>
    </message>
    <message>
        <source>Owner says</source>
        <translation>负责人报告</translation>
    </message>
    <message>
        <source>The benefit owner&apos;s status</source>
        <translation>收益负责人报告的状态</translation>
    </message>
    <message>
        <source>Numbers say</source>
        <translation>数据显示</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Select a benefit</source>
        <translation>请选择一项收益</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>尚无测量值</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The measure&apos;s level at each month end: type in a cell to change it</source>
        <translation>衡量指标在每个月末的水平：在单元格中输入即可修改</translation>
    </message>
    <message>
        <source>Add month</source>
        <translation>添加月份</translation>
    </message>
    <message>
        <source>Add the month after the last one measured</source>
        <translation>在最后一个已计量月份之后添加一个月</translation>
    </message>
    <message>
        <source>Delete measurement</source>
        <translation>删除测量值</translation>
    </message>
    <message>
        <source>Remove the selected month&apos;s planned, forecast and actual values</source>
        <translation>删除所选月份的计划值、预测值和实际值</translation>
    </message>
    <message>
        <source>Benefits: what the projects are meant to deliver (cash released, costs avoided, better service), each with an owner, a target and a date, measured period by period against its plan.</source>
        <translation>收益：项目应交付的成果（释放的现金、避免的成本、更好的服务），每项收益都有负责人、目标和日期，并逐期对照计划进行衡量。</translation>
    </message>
    <message>
        <source> ({pct}% of plan)</source>
        <translation>（计划的 {pct}%）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; benefits · cash released to date &lt;b&gt;{realised}&lt;/b&gt; against {planned} planned{vs} · forecast {forecast} of {target} · </source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; 项收益 · 迄今释放现金 &lt;b&gt;{realised}&lt;/b&gt;，计划 {planned}{vs} · 预测 {forecast}，目标 {target} · </translation>
    </message>
    <message>
        <source>{n} at risk</source>
        <translation>{n} 项有风险</translation>
    </message>
    <message>
        <source>the owner says so</source>
        <translation>负责人如此报告</translation>
    </message>
    <message>
        <source>Delete the measurement of {ref} for {month}?</source>
        <translation>删除 {ref} 在 {month} 的测量值？</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>What we learned</source>
        <translation>我们学到了什么</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Lesson {ref}</source>
        <translation>经验教训 {ref}</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>新建经验教训</translation>
    </message>
    <message>
        <source>the date: {reason}</source>
        <translation>日期：{reason}</translation>
    </message>
    <message>
        <source>Lessons learned: what happened on a project, what the team learned and what to do next time, with an owner and a status, so the next project does not repeat it.</source>
        <translation>经验教训：项目中发生了什么、团队学到了什么、下次应如何做，并附负责人和状态，避免下一个项目重蹈覆辙。</translation>
    </message>
    <message>
        <source>No lessons learned yet</source>
        <translation>尚无经验教训</translation>
    </message>
    <message>
        <source>Add lesson…</source>
        <translation>添加经验教训…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>There are no lessons yet</source>
        <translation>尚无经验教训</translation>
    </message>
    <message>
        <source>{n} lessons</source>
        <translation>{n} 条经验教训</translation>
    </message>
    <message>
        <source>Import lessons</source>
        <translation>导入经验教训</translation>
    </message>
    <message>
        <source>Export lessons</source>
        <translation>导出经验教训</translation>
    </message>
    <message>
        <source>Lessons learned.xlsx</source>
        <translation>经验教训.xlsx</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>Strategic alignment</source>
        <translation>战略一致性</translation>
    </message>
    <message>
        <source>No link to strategy</source>
        <translation>与战略无关</translation>
    </message>
    <message>
        <source>Indirect link</source>
        <translation>间接相关</translation>
    </message>
    <message>
        <source>Supports one objective</source>
        <translation>支持一个目标</translation>
    </message>
    <message>
        <source>Supports several objectives</source>
        <translation>支持多个目标</translation>
    </message>
    <message>
        <source>Essential to a strategic objective</source>
        <translation>对战略目标至关重要</translation>
    </message>
    <message>
        <source>Negligible</source>
        <translation>可忽略</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Transformational</source>
        <translation>变革性</translation>
    </message>
    <message>
        <source>Delivery risk (5 = lowest)</source>
        <translation>交付风险（5 = 最低）</translation>
    </message>
    <message>
        <source>Very high risk</source>
        <translation>风险很高</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>风险高</translation>
    </message>
    <message>
        <source>Moderate risk</source>
        <translation>风险中等</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>风险低</translation>
    </message>
    <message>
        <source>Very low risk</source>
        <translation>风险很低</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧迫性</translation>
    </message>
    <message>
        <source>Can wait a year or more</source>
        <translation>可等待一年或更久</translation>
    </message>
    <message>
        <source>Within a year</source>
        <translation>一年内</translation>
    </message>
    <message>
        <source>Within two quarters</source>
        <translation>两个季度内</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Regulatory or critical deadline</source>
        <translation>监管或关键截止日期</translation>
    </message>
    <message>
        <source>Effort (5 = least)</source>
        <translation>工作量（5 = 最少）</translation>
    </message>
    <message>
        <source>Very large</source>
        <translation>很大</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <source>Very small</source>
        <translation>很小</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Gate 0: idea approved</source>
        <translation>关口 0：构想获批</translation>
    </message>
    <message>
        <source>Problem and opportunity stated</source>
        <translation>已说明问题与机会</translation>
    </message>
    <message>
        <source>Sponsor named</source>
        <translation>已指定发起人</translation>
    </message>
    <message>
        <source>Strategic fit confirmed</source>
        <translation>已确认战略契合</translation>
    </message>
    <message>
        <source>Rough order of cost and benefit</source>
        <translation>成本与收益的粗略量级</translation>
    </message>
    <message>
        <source>Gate 1: business case approved</source>
        <translation>关口 1：商业论证获批</translation>
    </message>
    <message>
        <source>Business case approved</source>
        <translation>商业论证已获批</translation>
    </message>
    <message>
        <source>Options appraised</source>
        <translation>已评估备选方案</translation>
    </message>
    <message>
        <source>Project manager appointed</source>
        <translation>已任命项目经理</translation>
    </message>
    <message>
        <source>Funding for planning released</source>
        <translation>规划资金已拨付</translation>
    </message>
    <message>
        <source>Gate 2: plan and budget approved</source>
        <translation>关口 2：计划和预算获批</translation>
    </message>
    <message>
        <source>Budget approved</source>
        <translation>预算已获批</translation>
    </message>
    <message>
        <source>Baseline plan agreed</source>
        <translation>基线计划已商定</translation>
    </message>
    <message>
        <source>Risks reviewed</source>
        <translation>风险已评审</translation>
    </message>
    <message>
        <source>Resources committed</source>
        <translation>资源已承诺</translation>
    </message>
    <message>
        <source>Governance and reporting set up</source>
        <translation>治理与报告机制已建立</translation>
    </message>
    <message>
        <source>Gate 3: ready to close</source>
        <translation>关口 3：可以收尾</translation>
    </message>
    <message>
        <source>Deliverables accepted</source>
        <translation>可交付成果已验收</translation>
    </message>
    <message>
        <source>Test plan signed off</source>
        <translation>测试计划已签署</translation>
    </message>
    <message>
        <source>Handover to operations agreed</source>
        <translation>移交运营已商定</translation>
    </message>
    <message>
        <source>Open risks and issues transferred</source>
        <translation>未关闭的风险和问题已移交</translation>
    </message>
    <message>
        <source>Gate 4: closed</source>
        <translation>关口 4：已关闭</translation>
    </message>
    <message>
        <source>Lessons learned recorded</source>
        <translation>经验教训已记录</translation>
    </message>
    <message>
        <source>Final costs reconciled</source>
        <translation>最终成本已核对</translation>
    </message>
    <message>
        <source>Benefits owner confirmed</source>
        <translation>收益负责人已确认</translation>
    </message>
    <message>
        <source>Contracts closed</source>
        <translation>合同已关闭</translation>
    </message>
    <message>
        <source>Cash-releasing</source>
        <translation>现金释放型</translation>
    </message>
    <message>
        <source>Non-cash</source>
        <translation>非现金型</translation>
    </message>
    <message>
        <source>Qualitative</source>
        <translation>定性</translation>
    </message>
    <message>
        <source>Realising</source>
        <translation>实现中</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>已实现</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丧失</translation>
    </message>
    <message>
        <source>Actioned</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Part-time working</source>
        <translation>兼职工作</translation>
    </message>
    <message>
        <source>spell</source>
        <translation>休假/兼职记录</translation>
    </message>
    <message>
        <source>spells</source>
        <translation>休假/兼职记录</translation>
    </message>
    <message>
        <source>Leave and part-time working: the days people are not available to projects.</source>
        <translation>休假和兼职工作：人员无法投入项目的日子。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Share of each working day not worked: 100% = whole days, 50% = half days or a half-time spell</source>
        <translation>每个工作日不工作的比例：100% = 全天，50% = 半天或半职期间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人</translation>
    </message>
    <message>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <source>The people whose time the portfolio plans: their role, team, FTE, day rate and skills.</source>
        <translation>项目组合为其规划时间的人员：角色、团队、FTE、日费率和技能。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>FTE</translation>
    </message>
    <message>
        <source>Contracted capacity, 0-1</source>
        <translation>合同产能，0-1</translation>
    </message>
    <message>
        <source>Day rate</source>
        <translation>日费率</translation>
    </message>
    <message>
        <source>Cost rate per working day</source>
        <translation>每个工作日的成本费率</translation>
    </message>
    <message>
        <source>Skills with a level from 1 (aware) to 5 (expert); type Skill:level separated by &apos;;&apos;</source>
        <translation>技能及等级，从 1（了解）到 5（专家）；输入“技能:等级”，以“;”分隔</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Go with conditions</source>
        <translation>有条件通过</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Recycle</source>
        <translation>返工</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Project register</source>
        <translation>项目登记册</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Finish date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Baseline start</source>
        <translation>基线开始</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>完成百分比</translation>
    </message>
    <message>
        <source>RAG overall</source>
        <translation>总体 RAG</translation>
    </message>
    <message>
        <source>RAG schedule</source>
        <translation>进度 RAG</translation>
    </message>
    <message>
        <source>RAG cost</source>
        <translation>成本 RAG</translation>
    </message>
    <message>
        <source>RAG scope</source>
        <translation>范围 RAG</translation>
    </message>
    <message>
        <source>RAG resources</source>
        <translation>资源 RAG</translation>
    </message>
    <message>
        <source>Raised date</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Closed date</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Related project</source>
        <translation>相关项目</translation>
    </message>
    <message>
        <source>Milestones and tasks</source>
        <translation>里程碑和任务</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>Issue id</source>
        <translation>问题 ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级任务</translation>
    </message>
    <message>
        <source>WBS</source>
        <translation>WBS</translation>
    </message>
    <message>
        <source>Duration days</source>
        <translation>工期（天）</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <source>Actual finish</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <source>Budget lines</source>
        <translation>预算行</translation>
    </message>
    <message>
        <source>Spend type</source>
        <translation>支出类型</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>计量记录</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>计量记录</translation>
    </message>
    <message>
        <source>measurements</source>
        <translation>计量记录</translation>
    </message>
    <message>
        <source>The measure&apos;s level at each month end: planned, forecast and actual.</source>
        <translation>衡量指标在每个月末的水平：计划、预测和实际。</translation>
    </message>
    <message>
        <source>The month end the levels are for (any day of the month is moved to its end)</source>
        <translation>这些水平所属的月末（输入当月任何一天都会移到月末）</translation>
    </message>
    <message>
        <source>Programme / project</source>
        <translation>项目群 / 项目</translation>
    </message>
    <message>
        <source>Register filters</source>
        <translation>登记册筛选</translation>
    </message>
    <message>
        <source>Show only the projects the Projects register shows (its search and filters)</source>
        <translation>只显示项目登记册中显示的项目（按其搜索和筛选条件）</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目群</translation>
    </message>
    <message>
        <source>Bar: plan, in its RAG colour with the letter · dashed ghost: baseline · ◆ milestone (filled when done) · red dashes: today · arrows: links between projects (red, dashed: a task starts before the other project allows). Double-click to open the plan.</source>
        <translation>条形：计划，按 RAG 颜色并标注字母 · 虚线影子：基线 · ◆ 里程碑（完成后填充）· 红色虚线：今天 · 箭头：项目间依赖（红色虚线：任务开始早于另一项目允许的时间）。双击打开计划。</translation>
    </message>
    <message>
        <source>The roadmap: every project on one timeline, grouped by programme, with its RAG, milestones and the links between projects.</source>
        <translation>路线图：所有项目按项目群分组显示在同一时间轴上，包括其 RAG 状态、里程碑和项目间依赖。</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目群</translation>
    </message>
    <message>
        <source>{count} projects on the roadmap</source>
        <translation>路线图上有 {count} 个项目</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>拟议</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>Reduce</source>
        <translation>减轻</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>应对</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Slip (days)</source>
        <translation>延误（天）</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Top issues</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Overall RAG</source>
        <translation>总体 RAG</translation>
    </message>
    <message>
        <source>Schedule RAG</source>
        <translation>进度 RAG</translation>
    </message>
    <message>
        <source>Cost RAG</source>
        <translation>成本 RAG</translation>
    </message>
    <message>
        <source>Scope RAG</source>
        <translation>范围 RAG</translation>
    </message>
    <message>
        <source>Resources RAG</source>
        <translation>资源 RAG</translation>
    </message>
    <message>
        <source>Approved budget</source>
        <translation>批准预算</translation>
    </message>
    <message>
        <source>% complete</source>
        <translation>完成 %</translation>
    </message>
    <message>
        <source>Strategic theme</source>
        <translation>战略主题</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>RAG</source>
        <translation>RAG</translation>
    </message>
    <message>
        <source>Sched.</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Res.</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>{spend} total</source>
        <translation>{spend} 合计</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Actual month: actuals count towards EAC</source>
        <translation>实际月份：实际值计入完工估算</translation>
    </message>
    <message>
        <source>Forecast month: forecasts (else the plan) count towards EAC</source>
        <translation>预测月份：预测值（无预测则用计划值）计入完工估算</translation>
    </message>
    <message>
        <source>Outturn (EAC)</source>
        <translation>最终结果（完工估算）</translation>
    </message>
    <message>
        <source>only the monthly planned, actual and forecast cells can be edited</source>
        <translation>只能编辑每月的计划、实际和预测单元格</translation>
    </message>
    <message>
        <source>this project already has a line for every cost category</source>
        <translation>该项目的每个成本类别都已有预算行</translation>
    </message>
    <message>
        <source>The budget: each project&apos;s CAPEX and OPEX lines month by month, planned, actual and forecast, with the outturn against the approved budget.</source>
        <translation>预算：逐月列出每个项目的资本性支出和运营性支出预算行（计划、实际和预测），以及最终结果与批准预算的对比。</translation>
    </message>
    <message>
        <source>Period ending {date} ({fy} Q{quarter}): actuals to {month}, forecast after</source>
        <translation>截至 {date} 的报告期（{fy} 第 {quarter} 季度）：{month}及以前为实际，之后为预测</translation>
    </message>
    <message>
        <source>{lines} budget lines × {months} months</source>
        <translation>{lines} 个预算行 × {months} 个月</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>没有项目</translation>
    </message>
    <message>
        <source>Planned {planned}   ·   Outturn (actual to date + forecast) {outturn}   ·   CAPEX {capex}   ·   OPEX {opex}</source>
        <translation>计划 {planned}   ·   最终结果（迄今实际 + 预测）{outturn}   ·   资本性支出 {capex}   ·   运营性支出 {opex}</translation>
    </message>
    <message>
        <source>the pasted block is {wide} months wide; only {fit} fit from here</source>
        <translation>粘贴的区域有 {wide} 个月宽；从此处起只能容纳 {fit} 个月</translation>
    </message>
    <message>
        <source>budget lines cannot be duplicated; copy the figures and paste them instead</source>
        <translation>预算行不能复制；请复制数值后粘贴</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>EAC</source>
        <translation>EAC</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>RAID item</source>
        <translation>RAID 条目</translation>
    </message>
    <message>
        <source>RAID items</source>
        <translation>RAID 条目</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>status report</source>
        <translation>状态报告</translation>
    </message>
    <message>
        <source>status reports</source>
        <translation>状态报告</translation>
    </message>
    <message>
        <source>Search {what}…</source>
        <translation>搜索{what}…</translation>
    </message>
    <message>
        <source>Shown because of a dashboard click: click to show all rows again</source>
        <translation>因在仪表板上点击而筛选：点击可重新显示所有行</translation>
    </message>
    <message>
        <source>Show only rows with this {what}</source>
        <translation>只显示该{what}的行</translation>
    </message>
    <message>
        <source>Any {what}</source>
        <translation>全部{what}</translation>
    </message>
    <message>
        <source>Any RAG</source>
        <translation>全部 RAG</translation>
    </message>
    <message>
        <source>{label}: shown because of a dashboard click; click to show all rows again</source>
        <translation>{label}：因在仪表板上点击而筛选；点击可重新显示所有行</translation>
    </message>
    <message>
        <source>{n} {what}</source>
        <translation>{n} 个{what}</translation>
    </message>
    <message>
        <source>{n} of {total} {what}</source>
        <translation>{total} 个{what}中的 {n} 个</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
    <message>
        <source>Its status reports, plan, RAID items and budget go with it.</source>
        <translation>其状态报告、计划、RAID 条目和预算将一并删除。</translation>
    </message>
    <message>
        <source>Delete {n} {things} ({keys})?</source>
        <translation>删除 {n} 个{things}（{keys}）？</translation>
    </message>
    <message>
        <source>Delete {things}</source>
        <translation>删除{things}</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Edit {what} of {key}</source>
        <translation>编辑 {key} 的{what}</translation>
    </message>
    <message>
        <source>Edit {what}</source>
        <translation>编辑 {what}</translation>
    </message>
    <message>
        <source>Paste {n} cells</source>
        <translation>粘贴 {n} 个单元格</translation>
    </message>
    <message>
        <source>Paste {n} budget cells</source>
        <translation>粘贴 {n} 个预算单元格</translation>
    </message>
    <message>
        <source>Clear 1 cell</source>
        <translation>清除 1 个单元格</translation>
    </message>
    <message>
        <source>Clear {n} cells</source>
        <translation>清除 {n} 个单元格</translation>
    </message>
    <message>
        <source>Clear budget cells</source>
        <translation>清除预算单元格</translation>
    </message>
    <message>
        <source>Edit budget ({n} cell(s))</source>
        <translation>编辑预算（{n} 个单元格）</translation>
    </message>
    <message>
        <source>Add budget line {category} {spend}</source>
        <translation>添加预算行：{category} {spend}</translation>
    </message>
    <message>
        <source>Add task &apos;{name}&apos;</source>
        <translation>添加任务“{name}”</translation>
    </message>
    <message>
        <source>Add {what}</source>
        <translation>添加{what}</translation>
    </message>
    <message>
        <source>Duplicate {n} {what}</source>
        <translation>复制 {n} 个{what}</translation>
    </message>
    <message>
        <source>Delete {n} {what}</source>
        <translation>删除 {n} 个{what}</translation>
    </message>
    <message>
        <source>Move &apos;{name}&apos;</source>
        <translation>移动“{name}”</translation>
    </message>
    <message>
        <source>Change duration of {n} tasks</source>
        <translation>更改 {n} 个任务的工期</translation>
    </message>
    <message>
        <source>Change duration of &apos;{name}&apos;</source>
        <translation>更改“{name}”的工期</translation>
    </message>
    <message>
        <source>Link &apos;{a}&apos; → &apos;{b}&apos;</source>
        <translation>链接“{a}”→“{b}”</translation>
    </message>
    <message>
        <source>Indent &apos;{name}&apos;</source>
        <translation>降级“{name}”</translation>
    </message>
    <message>
        <source>Outdent &apos;{name}&apos;</source>
        <translation>升级“{name}”</translation>
    </message>
    <message>
        <source>Import plan {name}</source>
        <translation>导入计划 {name}</translation>
    </message>
    <message>
        <source>Import lessons from {name}</source>
        <translation>从 {name} 导入经验教训</translation>
    </message>
    <message>
        <source>Import benefits from {name}</source>
        <translation>从 {name} 导入收益</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Gate review {gate} for {code}</source>
        <translation>{code} 的关口评审 {gate}</translation>
    </message>
    <message>
        <source>Allocate {who} to {project} in {month}</source>
        <translation>将 {who} 分配到 {project}（{month}）</translation>
    </message>
    <message>
        <source>New scenario {name}</source>
        <translation>新建情景 {name}</translation>
    </message>
    <message>
        <source>Delete scenario {name}</source>
        <translation>删除情景 {name}</translation>
    </message>
    <message>
        <source>Scenario {name}: change {code}</source>
        <translation>情景 {name}：调整 {code}</translation>
    </message>
    <message>
        <source>Apply scenario {name}</source>
        <translation>应用情景 {name}</translation>
    </message>
    <message>
        <source>Measure {ref} {month}</source>
        <translation>测量 {ref}（{month}）</translation>
    </message>
    <message>
        <source>Link projects to {ref}</source>
        <translation>将项目关联到 {ref}</translation>
    </message>
    <message>
        <source>Delete {ref}</source>
        <translation>删除 {ref}</translation>
    </message>
    <message>
        <source>Collect status reports for {period} ({n} workbooks)</source>
        <translation>收集 {period} 的状态报告（{n} 个工作簿）</translation>
    </message>
    <message>
        <source>Returned status report {code} {period} ({file})</source>
        <translation>交回的状态报告 {code} {period}（{file}）</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>Edit gate conditions</source>
        <translation>编辑关口条件</translation>
    </message>
    <message>
        <source>change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>the pasted block is {wide} columns wide; only {fit} fit from here</source>
        <translation>粘贴的区域有 {wide} 列宽；从此处起只能容纳 {fit} 列</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Save weights and cap</source>
        <translation>保存权重和上限</translation>
    </message>
    <message>
        <source>e.g. 10m or 2,500,000</source>
        <translation>例如 10m 或 2,500,000</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Budget cap:</source>
        <translation>预算上限：</translation>
    </message>
    <message>
        <source>Weighted score: the weight-averaged 1-5 score (unscored criteria count 0)</source>
        <translation>加权得分：按权重平均的 1-5 分（未评分的标准计 0 分）</translation>
    </message>
    <message>
        <source>(double-click a score to change it)</source>
        <translation>（双击得分可修改）</translation>
    </message>
    <message>
        <source>The book of work: every proposal and open project ranked by its weighted score, funded in rank order up to the budget cap. Add projects (or proposals) to rank them here.</source>
        <translation>工作清单：所有提案和进行中的项目按加权评分排名，并按排名顺序在预算上限内入选。添加项目（或提案）后即可在此排名。</translation>
    </message>
    <message>
        <source>{n} projects in the book of work</source>
        <translation>工作清单中有 {n} 个项目</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>落选</translation>
    </message>
    <message>
        <source>{n} projects, total {total}</source>
        <translation>{n} 个项目，合计 {total}</translation>
    </message>
    <message>
        <source>{funded} above the funding line for {cost} of {cap}</source>
        <translation>{funded} 个在资金线以上，共 {cost}（上限 {cap}）</translation>
    </message>
    <message>
        <source>not an amount</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>Score {code}</source>
        <translation>为 {code} 评分</translation>
    </message>
    <message>
        <source>Export book of work</source>
        <translation>导出工作清单</translation>
    </message>
    <message>
        <source>Book of work.xlsx</source>
        <translation>工作清单.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>could not export: {reason}</source>
        <translation>无法导出：{reason}</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Gate review — {code} {name}</source>
        <translation>关口评审 — {code} {name}</translation>
    </message>
    <message>
        <source>e.g. 3 Dec 2026</source>
        <translation>例如 2026年12月3日</translation>
    </message>
    <message>
        <source>(not yet decided)</source>
        <translation>（尚未决定）</translation>
    </message>
    <message>
        <source>who decided, e.g. Investment Committee; CFO</source>
        <translation>决策人，例如 投资委员会；首席财务官</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Evidence (note or link)</source>
        <translation>证据（说明或链接）</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>删除条件</translation>
    </message>
    <message>
        <source>{code}  {name}  (stage: {stage})</source>
        <translation>{code}  {name}（阶段：{stage}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>held on</source>
        <translation>召开于</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checklist&lt;/b&gt;</source>
        <translation>&lt;b&gt;检查清单&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conditions&lt;/b&gt; (for Go with conditions)</source>
        <translation>&lt;b&gt;条件&lt;/b&gt;（用于有条件通过）</translation>
    </message>
    <message>
        <source>the condition&apos;s due date</source>
        <translation>条件的到期日</translation>
    </message>
    <message>
        <source>the planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>the date held</source>
        <translation>举行日期</translation>
    </message>
    <message>
        <source>Governance settings</source>
        <translation>治理设置</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>关口</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Health rules</source>
        <translation>健康检查规则</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>移除检查项</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Passage:</source>
        <translation>阶段转换：</translation>
    </message>
    <message>
        <source>Gate name:</source>
        <translation>关口名称：</translation>
    </message>
    <message>
        <source>Checklist (double-click an item to change its text):</source>
        <translation>检查清单（双击条目可修改文字）：</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Scale of:</source>
        <translation>评分标准：</translation>
    </message>
    <message>
        <source>{point} (least favourable):</source>
        <translation>{point}（最不利）：</translation>
    </message>
    <message>
        <source>{point} (most favourable):</source>
        <translation>{point}（最有利）：</translation>
    </message>
    <message>
        <source>A project&apos;s weighted score is the weight-averaged 1-5 score; a weight&apos;s share is the weight ÷ the total.</source>
        <translation>项目的加权得分是按权重平均的 1-5 分；权重占比 = 该权重 ÷ 权重合计。</translation>
    </message>
    <message>
        <source>The weights are all zero: give at least one criterion a weight</source>
        <translation>所有权重都为零：请至少为一个标准设置权重</translation>
    </message>
    <message>
        <source>Rule (on when ticked)</source>
        <translation>规则（勾选即启用）</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>The rules behind the Health view, pmo check and the board pack&apos;s appendix.</source>
        <translation>健康检查视图、pmo check 和董事会汇报材料附录所依据的规则。</translation>
    </message>
    <message>
        <source>Plan task</source>
        <translation>计划任务</translation>
    </message>
    <message>
        <source>Status report</source>
        <translation>状态报告</translation>
    </message>
    <message>
        <source>Gate review</source>
        <translation>关口评审</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>预算行</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Infos</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Search findings…</source>
        <translation>搜索检查结果…</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>Run checks again</source>
        <translation>重新运行检查</translation>
    </message>
    <message>
        <source>Go to record</source>
        <translation>转到记录</translation>
    </message>
    <message>
        <source>Health checks: the portfolio&apos;s data checked against its rules (missing owners and dates, plans that disagree with the register, stale status reports, overdue gates), each finding with the record to fix.</source>
        <translation>健康检查：按规则检查项目组合的数据（缺少负责人和日期、计划与登记册不一致、状态报告过期、关口逾期），每条检查结果都附有需要修正的记录。</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>项目组合</translation>
    </message>
    <message>
        <source>(double-click to open the record)</source>
        <translation>（双击打开该记录）</translation>
    </message>
    <message>
        <source>{errors} errors, {warnings} warnings, {notes} notes across {projects} projects</source>
        <translation>{errors} 个错误，{warnings} 个警告，{notes} 条提示，涉及 {projects} 个项目</translation>
    </message>
    <message>
        <source>{n} findings</source>
        <translation>{n} 条检查结果</translation>
    </message>
    <message>
        <source>{shown} of {total} findings</source>
        <translation>{total} 条检查结果中的 {shown} 条</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add or update people from a sheet: Name, Role, Team, FTE, Day rate, Skills</source>
        <translation>从工作表添加或更新人员：姓名、角色、团队、FTE、日费率、技能</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write people, non-working time and allocations to an Excel workbook</source>
        <translation>将人员、非工作时间和分配写入 Excel 工作簿</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xlsb *.xls *.ods)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export people</source>
        <translation>导出人员</translation>
    </message>
    <message>
        <source>Aware</source>
        <translation>了解</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>会用</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>熟练</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>精通</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Level (1 aware – 5 expert)</source>
        <translation>等级（1 了解 – 5 专家）</translation>
    </message>
    <message>
        <source>Add skill</source>
        <translation>添加技能</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Each skill with a level from 1 (aware) to 5 (expert).</source>
        <translation>每项技能的等级从 1（了解）到 5（专家）。</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Var %</source>
        <translation>偏差 %</translation>
    </message>
    <message>
        <source>Cost RAG (mgr / derived)</source>
        <translation>成本 RAG（经理 / 推算）</translation>
    </message>
    <message>
        <source>Schedule RAG (mgr / derived)</source>
        <translation>进度 RAG（经理 / 推算）</translation>
    </message>
    <message>
        <source>Actual to date</source>
        <translation>迄今实际</translation>
    </message>
    <message>
        <source>Forecast remaining</source>
        <translation>剩余预测</translation>
    </message>
    <message>
        <source>Planned to date</source>
        <translation>迄今计划</translation>
    </message>
    <message>
        <source>Burn / month</source>
        <translation>月消耗</translation>
    </message>
    <message>
        <source>Runway (months)</source>
        <translation>可持续月数</translation>
    </message>
    <message>
        <source>Derived cost RAG: {rag}</source>
        <translation>推算的成本 RAG：{rag}</translation>
    </message>
    <message>
        <source>By project</source>
        <translation>按项目</translation>
    </message>
    <message>
        <source>By programme</source>
        <translation>按项目群</translation>
    </message>
    <message>
        <source>The financial summary: each project&apos;s budget, actuals, forecast, EAC and variance for the period, with its cost and schedule RAG, by project or by programme.</source>
        <translation>财务汇总：按项目或项目群列出本报告期每个项目的预算、实际、预测、完工估算和偏差，以及成本和进度 RAG 状态。</translation>
    </message>
    <message>
        <source>Reading the financial summary</source>
        <translation>正在读取财务汇总</translation>
    </message>
    <message>
        <source>{fy} Q{quarter}: actuals to {month}, forecast after. Var % coloured by the derived cost RAG; ≠ where the manager&apos;s RAG differs.</source>
        <translation>{fy} 第 {quarter} 季度：{month}及以前为实际，之后为预测。偏差 % 按推算的成本 RAG 着色；≠ 表示与经理报告的 RAG 不同。</translation>
    </message>
    <message>
        <source>Portfolio: budget {budget} · actual {actual} · forecast {forecast} · EAC {eac} · variance {variance} ({pct})</source>
        <translation>项目组合：预算 {budget} · 实际 {actual} · 预测 {forecast} · 完工估算 {eac} · 偏差 {variance}（{pct}）</translation>
    </message>
    <message>
        <source>{n} programmes</source>
        <translation>{n} 个项目群</translation>
    </message>
    <message>
        <source>{n} projects</source>
        <translation>{n} 个项目</translation>
    </message>
    <message>
        <source>Status report — {code} {name}</source>
        <translation>状态报告 — {code} {name}</translation>
    </message>
    <message>
        <source>Editing the report already written for {period}.</source>
        <translation>正在编辑 {period} 已填写的报告。</translation>
    </message>
    <message>
        <source>Pre-filled from the {period} report: its next steps are now this period&apos;s achievements. Change what has changed.</source>
        <translation>已根据 {period} 的报告预填：其下一步计划现作为本期成果。请修改有变化的内容。</translation>
    </message>
    <message>
        <source>No earlier report: RAGs start from the project&apos;s current RAGs.</source>
        <translation>没有更早的报告：RAG 状态取自项目当前的 RAG 状态。</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Field not added</source>
        <translation>字段未添加</translation>
    </message>
    <message>
        <source>The project register: every project in the portfolio with its stage, dates, budget and RAG.</source>
        <translation>项目登记册：项目组合中的每个项目及其阶段、日期、预算和 RAG 状态。</translation>
    </message>
    <message>
        <source>Risks, assumptions, issues, dependencies and decisions, with owners, scores and responses.</source>
        <translation>风险、假设、问题、依赖和决策，及其负责人、评分和应对。</translation>
    </message>
    <message>
        <source>The milestones of every project&apos;s plan: baseline against forecast, and how far each has slipped.</source>
        <translation>每个项目计划中的里程碑：基线与预测对比，以及各自的延误程度。</translation>
    </message>
    <message>
        <source>Each project&apos;s report for each period: RAG by dimension, summary, achievements and next steps.</source>
        <translation>每个项目每个报告期的报告：各维度 RAG 状态、摘要、成果和下一步计划。</translation>
    </message>
    <message>
        <source>No {things} yet</source>
        <translation>还没有{things}</translation>
    </message>
    <message>
        <source>Add {thing}</source>
        <translation>添加{thing}</translation>
    </message>
    <message>
        <source>The portfolio has no projects yet: add one (or import a workbook) first</source>
        <translation>项目组合中尚无项目：请先添加一个项目（或导入工作簿）</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>The reporting period: actuals up to its month, forecasts after</source>
        <translation>报告期：截至该月为实际值，之后为预测值</translation>
    </message>
    <message>
        <source>Period ending {date}  (current)</source>
        <translation>报告期截止 {date}（当前）</translation>
    </message>
    <message>
        <source>Period ending {date}</source>
        <translation>报告期截止 {date}</translation>
    </message>
    <message>
        <source>name, e.g. Monthly register</source>
        <translation>名称，例如“月度登记册”</translation>
    </message>
    <message>
        <source>Save Mapping As</source>
        <translation>将映射另存为</translation>
    </message>
    <message>
        <source>Keep these answers with the mapping:</source>
        <translation>将这些答复与映射一起保存：</translation>
    </message>
    <message>
        <source>Saved as &apos;{name}&apos;</source>
        <translation>已保存为“{name}”</translation>
    </message>
    <message>
        <source>Values the portfolio does not know</source>
        <translation>项目组合中没有的值</translation>
    </message>
    <message>
        <source>Each value is listed once, with the number of rows that hold it. Choose what it becomes; the answer applies to every one of those rows.</source>
        <translation>每个值只列出一次，并注明包含它的行数。请选择它要变成什么；答复将应用于所有这些行。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Add “{value}” to the {field} list</source>
        <translation>将“{value}”添加到{field}列表</translation>
    </message>
    <message>
        <source> (best guess)</source>
        <translation>（最佳猜测）</translation>
    </message>
    <message>
        <source>(leave blank)</source>
        <translation>（留空）</translation>
    </message>
    <message>
        <source>Projects the portfolio does not have</source>
        <translation>项目组合中没有的项目</translation>
    </message>
    <message>
        <source>Rows name these projects. Create each one, put its rows under a project you already have, or leave its rows out.</source>
        <translation>有些行指向这些项目。可以逐一新建，或将其行归入已有项目，或不导入这些行。</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Create project {code}</source>
        <translation>新建项目 {code}</translation>
    </message>
    <message>
        <source>Leave its rows out</source>
        <translation>不导入这些行</translation>
    </message>
    <message>
        <source>Put its rows under {code} — {name}</source>
        <translation>将其行归入 {code} — {name}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>both changed</source>
        <translation>双方都修改了</translation>
    </message>
    <message>
        <source>changed and deleted</source>
        <translation>一方修改、一方删除</translation>
    </message>
    <message>
        <source>same key created twice</source>
        <translation>同一编号被创建了两次</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>无权修改</translation>
    </message>
    <message>
        <source>(the whole record)</source>
        <translation>（整条记录）</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Sync conflicts: when you and a teammate change the same value, both are kept here until you choose yours, theirs or another. This portfolio is not shared yet: share it with your team, or clone one your team shares.</source>
        <translation>同步冲突：当你和同事修改了同一个值时，两个值都会保留在这里，直到你选择自己的、对方的或另一个值。此项目组合尚未共享：可与团队共享，或克隆团队共享的项目组合。</translation>
    </message>
    <message>
        <source>Not shared yet</source>
        <translation>尚未共享</translation>
    </message>
    <message>
        <source>Share with Team…</source>
        <translation>与团队共享…</translation>
    </message>
    <message>
        <source>Clone from Server…</source>
        <translation>从服务器克隆…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>This portfolio is not shared. File ▸ Share with Team… publishes it; File ▸ Clone from Server… gets a copy of one your team shares.</source>
        <translation>此项目组合尚未共享。“文件 ▸ 与团队共享…”可发布它；“文件 ▸ 从服务器克隆…”可获取团队共享项目组合的副本。</translation>
    </message>
    <message>
        <source>{n} open conflict(s) in “{name}”. The server&apos;s value (theirs) stands until you choose; your choice is sent at the next sync.</source>
        <translation>“{name}”中有 {n} 个未解决的冲突。在您做出选择之前，以服务器上的值（对方的）为准；您的选择将在下次同步时发送。</translation>
    </message>
    <message>
        <source>No open conflicts in “{name}”.</source>
        <translation>“{name}”中没有未解决的冲突。</translation>
    </message>
    <message>
        <source>This portfolio is not shared</source>
        <translation>此项目组合未共享</translation>
    </message>
    <message>
        <source>{n} open conflict(s)</source>
        <translation>{n} 个未解决的冲突</translation>
    </message>
    <message>
        <source>New key for your record:</source>
        <translation>您的记录的新编号：</translation>
    </message>
    <message>
        <source>Value for {field}:</source>
        <translation>{field} 的值：</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>1 change to send</source>
        <translation>1 项更改待发送</translation>
    </message>
    <message>
        <source>{n} changes to send</source>
        <translation>{n} 项更改待发送</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 个冲突</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} 个冲突</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Team sync: File ▸ Sync Now (Ctrl+Shift+S)</source>
        <translation>团队同步：文件 ▸ 立即同步 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>&amp;Share with Team…</source>
        <translation>与团队共享(&amp;S)…</translation>
    </message>
    <message>
        <source>Publish this portfolio to a PostgreSQL database your team shares</source>
        <translation>将此项目组合发布到团队共用的 PostgreSQL 数据库</translation>
    </message>
    <message>
        <source>Clone from &amp;Server…</source>
        <translation>从服务器克隆(&amp;S)…</translation>
    </message>
    <message>
        <source>Make a local copy of a portfolio your team shares</source>
        <translation>为团队共享的项目组合创建本地副本</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Send your changes and receive everyone else&apos;s</source>
        <translation>发送您的更改并接收其他人的更改</translation>
    </message>
    <message>
        <source>Share with team</source>
        <translation>与团队共享</translation>
    </message>
    <message>
        <source>PostgreSQL database (for example postgresql://dbhost/pmo):</source>
        <translation>PostgreSQL 数据库（例如 postgresql://dbhost/pmo）：</translation>
    </message>
    <message>
        <source>Name of the shared portfolio:</source>
        <translation>共享项目组合的名称：</translation>
    </message>
    <message>
        <source>Shared as “{name}” on {server}; you are its admin</source>
        <translation>已作为“{name}”共享到 {server}；您是其管理员</translation>
    </message>
    <message>
        <source>Sharing the portfolio</source>
        <translation>正在共享项目组合</translation>
    </message>
    <message>
        <source>Clone from server</source>
        <translation>从服务器克隆</translation>
    </message>
    <message>
        <source>PostgreSQL database (for example postgresql://you@dbhost/pmo):</source>
        <translation>PostgreSQL 数据库（例如 postgresql://you@dbhost/pmo）：</translation>
    </message>
    <message>
        <source>Save the local copy as</source>
        <translation>本地副本另存为</translation>
    </message>
    <message>
        <source>Cannot clone</source>
        <translation>无法克隆</translation>
    </message>
    <message>
        <source>{name} is the file that is open</source>
        <translation>{name} 是当前打开的文件</translation>
    </message>
    <message>
        <source>Cloned “{name}” ({rows} rows)</source>
        <translation>已克隆“{name}”（{rows} 行）</translation>
    </message>
    <message>
        <source>Cloning the shared portfolio</source>
        <translation>正在克隆共享项目组合</translation>
    </message>
    <message>
        <source>{n} new conflict(s): see View ▸ Sync conflicts</source>
        <translation>{n} 个新冲突：请查看 视图 ▸ 同步冲突</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Syncing with the team</source>
        <translation>正在与团队同步</translation>
    </message>
    <message>
        <source>, finish {date}</source>
        <translation>，完成于 {date}</translation>
    </message>
    <message>
        <source>; {count} task(s) miss a deadline</source>
        <translation>；{count} 个任务错过截止日期</translation>
    </message>
    <message>
        <source>{code}: every date already follows the plan&apos;s links</source>
        <translation>{code}：所有日期均已符合计划的任务链接</translation>
    </message>
    <message>
        <source>Rescheduled {code}: {count} task(s) moved</source>
        <translation>已重新排程 {code}：{count} 个任务已移动</translation>
    </message>
    <message>
        <source>Reschedule plan</source>
        <translation>重新排程计划</translation>
    </message>
    <message>
        <source>{file} is open read-only; nothing can be changed</source>
        <translation>{file} 以只读方式打开，无法进行任何更改</translation>
    </message>
    <message>
        <source>Rescheduling {code}</source>
        <translation>正在重新排程 {code}</translation>
    </message>
    <message>
        <source>Days</source>
        <comment>zoom level</comment>
        <translation>日</translation>
    </message>
    <message>
        <source>Weeks</source>
        <comment>zoom level</comment>
        <translation>周</translation>
    </message>
    <message>
        <source>Months</source>
        <comment>zoom level</comment>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarters</source>
        <comment>zoom level</comment>
        <translation>季度</translation>
    </message>
    <message>
        <source>Finish-to-start: starts when that task finishes</source>
        <translation>完成-开始：在该任务完成时开始</translation>
    </message>
    <message>
        <source>Start-to-start: starts when that task starts</source>
        <translation>开始-开始：在该任务开始时开始</translation>
    </message>
    <message>
        <source>Finish-to-finish: finishes when that task finishes</source>
        <translation>完成-完成：在该任务完成时完成</translation>
    </message>
    <message>
        <source>Start-to-finish: finishes when that task starts</source>
        <translation>开始-完成：在该任务开始时完成</translation>
    </message>
    <message>
        <source>Link to a task of another project</source>
        <translation>链接到另一个项目的任务</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>&apos;{task}&apos; waits for a task of another project:</source>
        <translation>“{task}”等待另一个项目的任务：</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>任务关联</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>延隔时间</translation>
    </message>
    <message>
        <source>e.g. 1,250,000 or 1.25m</source>
        <translation>例如 1,250,000 或 1.25m</translation>
    </message>
    <message>
        <source>2026-11-27 or 27/11/2026</source>
        <translation>2026-11-27 或 27/11/2026</translation>
    </message>
    <message>
        <source>{name} is open read-only</source>
        <translation>{name} 以只读方式打开</translation>
    </message>
    <message>
        <source>PMO Desktop: unexpected error</source>
        <translation>PMO Desktop：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong and the last action was not finished.</source>
        <translation>出现问题，上一个操作未完成。</translation>
    </message>
    <message>
        <source>The details were saved to
{log}</source>
        <translation>详细信息已保存到
{log}</translation>
    </message>
    <message>
        <source>The details could not be saved to a log file.</source>
        <translation>详细信息无法保存到日志文件。</translation>
    </message>
    <message>
        <source>Your portfolio file is safe: every change is saved as one complete step. If this keeps happening, send the details to your PMO Desktop support contact.</source>
        <translation>您的项目组合文件是安全的：每项修改都作为一个完整步骤保存。如果问题反复出现，请将详细信息发送给 PMO Desktop 支持联系人。</translation>
    </message>
    <message>
        <source>Copy Details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>PMO portfolios (*.pmo);;All files (*)</source>
        <translation>PMO 项目组合文件 (*.pmo);;所有文件 (*)</translation>
    </message>
    <message>
        <source>row {n}, {column}</source>
        <translation>第 {n} 行，{column}</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用中</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Someone (or another PMO Desktop window) has it open for editing. You can open it read-only to look at it; you will not be able to change it.</source>
        <translation>有人（或另一个 PMO Desktop 窗口）正在编辑此文件。您可以以只读方式打开查看，但无法修改。</translation>
    </message>
    <message>
        <source>Cannot open portfolio</source>
        <translation>无法打开项目组合</translation>
    </message>
    <message>
        <source>Damaged portfolio</source>
        <translation>项目组合文件已损坏</translation>
    </message>
    <message>
        <source>PMO Desktop keeps automatic backups; restore the latest one from the backups folder.</source>
        <translation>PMO Desktop 会自动备份；请从备份文件夹恢复最新的备份。</translation>
    </message>
    <message>
        <source>Newer portfolio format</source>
        <translation>项目组合格式较新</translation>
    </message>
    <message>
        <source>Not a portfolio</source>
        <translation>不是项目组合文件</translation>
    </message>
    <message>
        <source>{name} could not be opened: {why}</source>
        <translation>无法打开 {name}：{why}</translation>
    </message>
    <message>
        <source>Cannot create portfolio</source>
        <translation>无法创建项目组合</translation>
    </message>
    <message>
        <source>{path} could not be written: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>Welcome to PMO Desktop</source>
        <translation>欢迎使用 PMO Desktop</translation>
    </message>
    <message>
        <source>Version {version}. Your portfolio is one file (.pmo) that you keep where you like; nothing leaves this computer.</source>
        <translation>版本 {version}。您的项目组合是一个文件（.pmo），可存放在任意位置；任何数据都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Create a new portfolio</source>
        <translation>新建项目组合</translation>
    </message>
    <message>
        <source>Start an empty portfolio file and add your projects, or import them from a spreadsheet.</source>
        <translation>创建一个空的项目组合文件，然后添加项目，或从电子表格导入。</translation>
    </message>
    <message>
        <source>Open a portfolio…</source>
        <translation>打开项目组合…</translation>
    </message>
    <message>
        <source>Open a .pmo file you or a colleague already has.</source>
        <translation>打开您或同事已有的 .pmo 文件。</translation>
    </message>
    <message>
        <source>Explore the demo portfolio</source>
        <translation>浏览示例项目组合</translation>
    </message>
    <message>
        <source>A realistic portfolio of 40 projects to try every view on. It is kept apart from your own files; change it as you like.</source>
        <translation>一个包含 40 个项目的真实示例项目组合，可用来试用每个视图。它与您自己的文件分开保存，可随意修改。</translation>
    </message>
    <message>
        <source>New portfolio</source>
        <translation>新建项目组合</translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation>打开项目组合</translation>
    </message>
    <message>
        <source>Cannot create the demo portfolio</source>
        <translation>无法创建示例项目组合</translation>
    </message>
    <message>
        <source>Unexpected problem ({kind}): {text}</source>
        <translation>意外问题（{kind}）：{text}</translation>
    </message>
    <message>
        <source>Unexpected problem ({kind})</source>
        <translation>意外问题（{kind}）</translation>
    </message>
    <message>
        <source>{title}: stopping…</source>
        <translation>{title}：正在停止…</translation>
    </message>
    <message>
        <source>{what} was cancelled; nothing was changed</source>
        <translation>{what}已取消；未做任何更改</translation>
    </message>
    <message>
        <source>Wait for “{title}” to finish first</source>
        <translation>请先等待“{title}”完成</translation>
    </message>
    <message>
        <source>{n} realised</source>
        <translation>{n} 项已实现</translation>
    </message>
    <message>
        <source>{n} lost</source>
        <translation>{n} 项已丧失</translation>
    </message>
    <message>
        <source>Spend {fy}</source>
        <translation>{fy} 支出</translation>
    </message>
    <message>
        <source>Funded projects</source>
        <translation>获资助项目</translation>
    </message>
    <message>
        <source>Funded cost</source>
        <translation>获资助成本</translation>
    </message>
    <message>
        <source>In / out against live</source>
        <translation>与现状相比 入选 / 落选</translation>
    </message>
    <message>
        <source>Over-allocated person-days</source>
        <translation>超额分配人天</translation>
    </message>
    <message>
        <source>Spare person-days</source>
        <translation>空闲人天</translation>
    </message>
    <message>
        <source>Cash benefits {fy}</source>
        <translation>{fy} 现金收益</translation>
    </message>
    <message>
        <source>Non-cash due {fy}</source>
        <translation>{fy} 到期非现金</translation>
    </message>
    <message>
        <source>Non-cash, no date</source>
        <translation>非现金，无日期</translation>
    </message>
    <message>
        <source>Strategic alignment (1-5)</source>
        <translation>战略一致性（1-5）</translation>
    </message>
    <message>
        <source>Mean weighted score</source>
        <translation>平均加权得分</translation>
    </message>
    <message>
        <source>Comparing scenarios</source>
        <translation>正在比较情景</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Apply to live…</source>
        <translation>应用到现状…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt;: tick up to four to compare with live</source>
        <translation>&lt;b&gt;情景&lt;/b&gt;：最多勾选四个与现状比较</translation>
    </message>
    <message>
        <source>pick or type a project code</source>
        <translation>选择或输入项目代码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fund whatever its rank</source>
        <translation>无论排名均予资助</translation>
    </message>
    <message>
        <source>-10% or 250k or -1.5m</source>
        <translation>-10%、250k 或 -1.5m</translation>
    </message>
    <message>
        <source>Set change</source>
        <translation>设置调整</translation>
    </message>
    <message>
        <source>Remove project&apos;s changes</source>
        <translation>移除该项目的调整</translation>
    </message>
    <message>
        <source>Defer by</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Budget change</source>
        <translation>预算调整</translation>
    </message>
    <message>
        <source>Change a project in this scenario</source>
        <translation>在此情景中调整项目</translation>
    </message>
    <message>
        <source>Tick scenarios and press Compare.</source>
        <translation>勾选情景后按“比较”。</translation>
    </message>
    <message>
        <source>Capacity for every team, or one team month by month</source>
        <translation>所有团队的产能，或某一团队的逐月产能</translation>
    </message>
    <message>
        <source>Capacity by month for:</source>
        <translation>逐月产能：</translation>
    </message>
    <message>
        <source>Scenarios: what-if changes to the book of work (cancel, defer or fund a project, change its budget or score) compared with the live portfolio on spend, benefits and capacity, before any is applied.</source>
        <translation>情景：对工作清单进行假设分析（取消、推迟或资助项目，调整其预算或评分），在应用之前从支出、收益和产能方面与现状对比。</translation>
    </message>
    <message>
        <source>No scenarios yet: press New… to start one.</source>
        <translation>尚无情景：按“新建…”开始。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {n} project(s) changed; live data is untouched until you apply it.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：调整了 {n} 个项目；在应用之前，现状数据保持不变。</translation>
    </message>
    <message>
        <source>Compare at most {n} scenarios at once.</source>
        <translation>一次最多比较 {n} 个情景。</translation>
    </message>
    <message>
        <source>{n} scenarios</source>
        <translation>{n} 个情景</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>新建情景</translation>
    </message>
    <message>
        <source>Name of the scenario:</source>
        <translation>情景名称：</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <source>Delete scenario &apos;{name}&apos;? Live data is not touched.</source>
        <translation>删除情景“{name}”？现状数据不受影响。</translation>
    </message>
    <message>
        <source>make a scenario first (New…)</source>
        <translation>请先建立一个情景（新建…）</translation>
    </message>
    <message>
        <source>compare at most {n} scenarios at once (and live)</source>
        <translation>一次最多比较 {n} 个情景（另加现状）</translation>
    </message>
    <message>
        <source>As at {date} (actuals to {month}): live against {names}</source>
        <translation>截至 {date}（{month}及以前为实际）：现状与 {names} 对比</translation>
    </message>
    <message>
        <source>every team (totals)</source>
        <translation>所有团队（合计）</translation>
    </message>
    <message>
        <source>{team}: spare person-days by month (over-allocated in red, below 0)</source>
        <translation>{team}：逐月空闲人天（超额分配以红色显示在 0 以下）</translation>
    </message>
    <message>
        <source>Apply scenario</source>
        <translation>应用情景</translation>
    </message>
    <message>
        <source>Write scenario &apos;{name}&apos; into the live portfolio? It is one step: Undo puts everything back.</source>
        <translation>将情景“{name}”写入现状项目组合？这是一步操作：撤销即可全部恢复。</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#616161&apos;&gt;Nothing written yet: the pack will say so.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#616161&apos;&gt;尚未撰写：汇报材料中将注明这一点。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Board pack commentary</source>
        <translation>董事会汇报材料评述</translation>
    </message>
    <message>
        <source>Portfolio (executive summary)</source>
        <translation>项目组合（执行摘要）</translation>
    </message>
    <message>
        <source>Programme: {name}</source>
        <translation>项目群：{name}</translation>
    </message>
    <message>
        <source>Paragraphs separated by a blank line; &apos;- &apos; starts a bullet; **bold**.</source>
        <translation>段落之间空一行；以“- ”开头为项目符号；**粗体**。</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Bullets</source>
        <translation>项目符号</translation>
    </message>
    <message>
        <source>Commentary for</source>
        <translation>评述对象</translation>
    </message>
    <message>
        <source>Saved the commentary for {name} first.</source>
        <translation>已先保存{name}的评述。</translation>
    </message>
    <message>
        <source>Saved the portfolio&apos;s commentary first.</source>
        <translation>已先保存项目组合的评述。</translation>
    </message>
    <message>
        <source>Choose a period first.</source>
        <translation>请先选择报告期。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Removed: the pack will say none was written.</source>
        <translation>已删除：汇报材料将注明未撰写评述。</translation>
    </message>
    <message>
        <source>No change to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>Unsaved commentary</source>
        <translation>未保存的评述</translation>
    </message>
    <message>
        <source>Save the commentary before closing?</source>
        <translation>关闭前保存评述吗？</translation>
    </message>
    <message>
        <source>Under (&lt; 80%)</source>
        <translation>不足（&lt; 80%）</translation>
    </message>
    <message>
        <source>Full (80-100%)</source>
        <translation>饱和（80-100%）</translation>
    </message>
    <message>
        <source>Over (&gt; 100%)</source>
        <translation>超额（&gt; 100%）</translation>
    </message>
    <message>
        <source>under</source>
        <translation>不足</translation>
    </message>
    <message>
        <source>full</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>over</source>
        <translation>超额</translation>
    </message>
    <message>
        <source>no capacity and no work</source>
        <translation>无产能也无工作</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} 人</translation>
    </message>
    <message>
        <source>No capacity and no work</source>
        <translation>无产能也无工作</translation>
    </message>
    <message>
        <source>{who} — {month}
Allocated {alloc} of {cap} available days ({pct}): {band}</source>
        <translation>{who} — {month}
已分配 {alloc} 天，可用 {cap} 天（{pct}）：{band}</translation>
    </message>
    <message>
        <source>Importable files (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.xml *.gan);;Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods);;CSV files (*.csv *.tsv *.txt);;Plans (*.xml *.gan)</source>
        <translation>可导入的文件 (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.xml *.gan);;电子表格 (*.xlsx *.xlsm *.xlsb *.xls *.ods);;CSV 文件 (*.csv *.tsv *.txt);;计划 (*.xml *.gan)</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>An Excel workbook or CSV file (project register, RAID log, tasks, budget, status reports), or a plan from MS Project (.xml) or GanttProject (.gan).</source>
        <translation>Excel 工作簿或 CSV 文件（项目登记册、RAID 日志、任务、预算、状态报告），或 MS Project（.xml）、GanttProject（.gan）计划。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>What was found:</source>
        <translation>识别结果：</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <source>Benefits register ({sheets})</source>
        <translation>收益登记册（{sheets}）</translation>
    </message>
    <message>
        <source>Plan: {name} from {source}</source>
        <translation>计划：{name}（来自 {source}）</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Tasks: {n}</source>
        <translation>任务：{n}</translation>
    </message>
    <message>
        <source>Links: {n}</source>
        <translation>链接：{n}</translation>
    </message>
    <message>
        <source>Kind: benefits register (benefits, their projects and measurements)</source>
        <translation>类型：收益登记册（收益、关联项目及测量值）</translation>
    </message>
    <message>
        <source>Sheets: {sheets}</source>
        <translation>工作表：{sheets}</translation>
    </message>
    <message>
        <source>The columns are the ones Export writes; the preview shows each row before anything is written.</source>
        <translation>各列与导出时写出的相同；写入之前，预览会逐行显示。</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Each column of the file and what it becomes. Change any that are wrong; columns set to (ignore) are not imported.</source>
        <translation>文件中的每一列及其对应字段。请修改不正确的映射；设为（忽略）的列不会导入。</translation>
    </message>
    <message>
        <source>Keep plain-number refs as they are (7 stays 7, not R-007)</source>
        <translation>纯数字编号保持原样（7 仍为 7，而不是 R-007）</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>导入为：</translation>
    </message>
    <message>
        <source>Project for rows without one:</source>
        <translation>未指定项目的行归入：</translation>
    </message>
    <message>
        <source>Use a saved mapping:</source>
        <translation>使用已保存的映射：</translation>
    </message>
    <message>
        <source>(from the file)</source>
        <translation>（取自文件）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(none saved yet)</source>
        <translation>（尚未保存）</translation>
    </message>
    <message>
        <source>{measure} for {months}</source>
        <translation>{months} 的{measure}</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}</source>
        <translation>请为以下字段选择列：{fields}</translation>
    </message>
    <message>
        <source>Using &apos;{name}&apos;</source>
        <translation>正在使用“{name}”</translation>
    </message>
    <message>
        <source>Checking the values</source>
        <translation>正在检查数值</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Import writes every row at once (one undo step).</source>
        <translation>尚未写入任何内容。导入会一次写入所有行（一步即可撤销）。</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>所有行</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Skip rows with errors and import the others</source>
        <translation>跳过有错误的行，导入其余行</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Working out what the import would change…</source>
        <translation>正在计算导入将带来的更改…</translation>
    </message>
    <message>
        <source>Previewing the import</source>
        <translation>正在预览导入</translation>
    </message>
    <message>
        <source>&lt;b&gt;{new}&lt;/b&gt; new · &lt;b&gt;{changed}&lt;/b&gt; changed · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b style=&apos;color:#b3261e&apos;&gt;{errors}&lt;/b&gt; with errors</source>
        <translation>&lt;b&gt;{new}&lt;/b&gt; 新增 · &lt;b&gt;{changed}&lt;/b&gt; 变更 · &lt;b&gt;{unchanged}&lt;/b&gt; 未变 · &lt;b style=&apos;color:#b3261e&apos;&gt;{errors}&lt;/b&gt; 有错误</translation>
    </message>
    <message>
        <source>by ticking &apos;Skip rows with errors&apos;</source>
        <translation>勾选“跳过有错误的行”</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>正在导入 {name}</translation>
    </message>
    <message>
        <source>Import the plan</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <source>A plan becomes a new project, or replaces the tasks of a project you choose. Either way it is one step to undo.</source>
        <translation>计划可成为一个新项目，或替换所选项目的任务。无论哪种方式，一步即可撤销。</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>导入到：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {tasks} task(s), {links} link(s)</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：{tasks} 个任务，{links} 个链接</translation>
    </message>
    <message>
        <source>A new project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>The tasks of {code} are replaced by the plan&apos;s.</source>
        <translation>{code} 的任务将被该计划的任务替换。</translation>
    </message>
    <message>
        <source>A project is created for the plan.</source>
        <translation>将为该计划新建一个项目。</translation>
    </message>
    <message>
        <source>Kind: {kind} (guessed from the headers)</source>
        <translation>类型：{kind}（根据表头推断）</translation>
    </message>
    <message>
        <source>Kind: could not tell; {kind} chosen, please check</source>
        <translation>类型：无法判断；已选择 {kind}，请核对</translation>
    </message>
    <message>
        <source>Header row: {row}</source>
        <translation>表头行：{row}</translation>
    </message>
    <message>
        <source> (over {n} rows)</source>
        <translation>（跨 {n} 行）</translation>
    </message>
    <message>
        <source>Data rows: {n}</source>
        <translation>数据行：{n}</translation>
    </message>
    <message>
        <source>{n} formula cell(s) have no saved value and read as blank ({cells})</source>
        <translation>{n} 个公式单元格没有保存的值，按空白读取（{cells}）</translation>
    </message>
    <message>
        <source>sheet &apos;{name}&apos; is hidden in the workbook</source>
        <translation>工作表“{name}”在工作簿中是隐藏的</translation>
    </message>
    <message>
        <source>Ignored columns: {columns}</source>
        <translation>忽略的列：{columns}</translation>
    </message>
    <message>
        <source>new project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>replacing its plan</source>
        <translation>替换其计划</translation>
    </message>
    <message>
        <source>Imported {tasks} task(s) and {links} link(s) into {project} ({how})</source>
        <translation>已将 {tasks} 个任务和 {links} 个链接导入 {project}（{how}）</translation>
    </message>
    <message>
        <source>; {n} row(s) with errors skipped</source>
        <translation>；跳过了 {n} 个有错误的行</translation>
    </message>
    <message>
        <source>Nothing to import: every row is unchanged</source>
        <translation>无需导入：所有行都没有变化</translation>
    </message>
    <message>
        <source>Imported {name}: {new} new, {changed} changed</source>
        <translation>已导入 {name}：新增 {new} 个，变更 {changed} 个</translation>
    </message>
    <message>
        <source>live</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Spend by financial year</source>
        <translation>各财年支出</translation>
    </message>
    <message>
        <source>Cash benefits by financial year</source>
        <translation>各财年现金收益</translation>
    </message>
    <message>
        <source>Non-cash and qualitative benefits due by financial year (how many; at risk or lost in red)</source>
        <translation>按财年到期的非现金型和定性收益（项数；有风险或已丧失的以红色显示）</translation>
    </message>
    <message>
        <source>No non-cash benefit has a target date</source>
        <translation>没有非现金收益设有目标日期</translation>
    </message>
    <message>
        <source>at risk or lost</source>
        <translation>有风险或已丧失</translation>
    </message>
    <message>
        <source>No people recorded: no capacity to compare</source>
        <translation>没有人员记录：无产能可比较</translation>
    </message>
    <message>
        <source>{n} of {all} teams: the most changed, then the most over</source>
        <translation>{all} 个团队中的 {n} 个：先列变化最大的，再列超额最多的</translation>
    </message>
    <message>
        <source>Capacity, next 12 months: spare person-days (over-allocated in red, below 0)</source>
        <translation>未来 12 个月产能：空闲人天（超额分配以红色显示在 0 以下）</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>撤销{what}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>重做{what}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>已撤销：{what}</translation>
    </message>
    <message>
        <source>Redone: {what}</source>
        <translation>已重做：{what}</translation>
    </message>
    <message>
        <source>No plan yet</source>
        <translation>尚无计划</translation>
    </message>
    <message>
        <source>Add task…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>Import MS Project plan…</source>
        <translation>导入 MS Project 计划…</translation>
    </message>
    <message>
        <source>Start this project&apos;s plan with a task of five working days</source>
        <translation>以一个五个工作日的任务开始此项目的计划</translation>
    </message>
    <message>
        <source>Import a plan from MS Project (.xml), GanttProject (.gan) or Excel</source>
        <translation>从 MS Project（.xml）、GanttProject（.gan）或 Excel 导入计划</translation>
    </message>
    <message>
        <source>{code} — {name} has no plan yet. Add its first task here, or import its plan from MS Project (.xml), GanttProject (.gan) or Excel.</source>
        <translation>{code} — {name} 尚无计划。可在此添加第一个任务，或从 MS Project（.xml）、GanttProject（.gan）或 Excel 导入其计划。</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Name of the task:</source>
        <translation>任务名称：</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Actual date</source>
        <translation>实际日期</translation>
    </message>
    <message>
        <source>Benefit measurement</source>
        <translation>收益测量值</translation>
    </message>
    <message>
        <source>Benefit project</source>
        <translation>收益关联项目</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Calendar exception</source>
        <translation>日历例外</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>可选值</translation>
    </message>
    <message>
        <source>Collect request</source>
        <translation>报告收集请求</translation>
    </message>
    <message>
        <source>Constraint date</source>
        <translation>限制日期</translation>
    </message>
    <message>
        <source>Constraint type</source>
        <translation>限制类型</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Custom value</source>
        <translation>自定义字段值</translation>
    </message>
    <message>
        <source>Days per month</source>
        <translation>每月天数</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Duration format</source>
        <translation>工期格式</translation>
    </message>
    <message>
        <source>Duration minutes</source>
        <translation>工期（分钟）</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Field type</source>
        <translation>字段类型</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Finish at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Gate condition</source>
        <translation>关口条件</translation>
    </message>
    <message>
        <source>Honor constraints</source>
        <translation>遵循限制</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Import mapping</source>
        <translation>导入映射</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Lag days</source>
        <translation>延隔时间（天）</translation>
    </message>
    <message>
        <source>Lag format</source>
        <translation>延隔时间格式</translation>
    </message>
    <message>
        <source>Lag minutes</source>
        <translation>延隔时间（分钟）</translation>
    </message>
    <message>
        <source>Lag percent</source>
        <translation>延隔时间百分比</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动计划</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Minutes per day</source>
        <translation>每日分钟数</translation>
    </message>
    <message>
        <source>Minutes per week</source>
        <translation>每周分钟数</translation>
    </message>
    <message>
        <source>Pack commentary</source>
        <translation>汇报材料评述</translation>
    </message>
    <message>
        <source>Person skill</source>
        <translation>人员技能</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Predecessor</source>
        <translation>前置任务</translation>
    </message>
    <message>
        <source>Priority score</source>
        <translation>优先级评分</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Returned at</source>
        <translation>收回时间</translation>
    </message>
    <message>
        <source>Returned by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Returned file</source>
        <translation>收回的文件</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Scenario change</source>
        <translation>情景变更</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Spell</source>
        <translation>休假时段</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>后续任务</translation>
    </message>
    <message>
        <source>Task property</source>
        <translation>任务属性</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
</context>
<context>
    <name>CustomFieldForm</name>
    <message>
        <source>Add custom field</source>
        <translation>添加自定义字段</translation>
    </message>
    <message>
        <source>Add to</source>
        <translation>添加到</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Choices (one per line)</source>
        <translation>选项（每行一个）</translation>
    </message>
</context>
<context>
    <name>StatusReportForm</name>
    <message>
        <source>Status report</source>
        <translation>状态报告</translation>
    </message>
    <message>
        <source>Period ending</source>
        <translation>报告期截止</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>撰写人</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Key achievements this period</source>
        <translation>本期主要成果</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <source>Top issues</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <source>Decisions needed</source>
        <translation>需要的决策</translation>
    </message>
</context>
</TS>
