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
        <source>Role (demand / capacity, FTE)</source>
        <translation>角色（需求 / 产能，FTE）</translation>
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
        <source>Commentary…</source>
        <translation>评述…</translation>
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
        <translation>提交人</translation>
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
        <source>All statuses</source>
        <translation>全部状态</translation>
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
        <source>All categories</source>
        <translation>全部类别</translation>
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
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
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
        <source>Category</source>
        <translation>类别</translation>
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
        <source>Clear 1 cell</source>
        <translation>清除 1 个单元格</translation>
    </message>
    <message>
        <source>Clear {n} cells</source>
        <translation>清除 {n} 个单元格</translation>
    </message>
    <message>
        <source>the pasted block is {wide} columns wide; only {fit} fit from here</source>
        <translation>粘贴的区域有 {wide} 列宽；从此处起只能容纳 {fit} 列</translation>
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
        <source>not an amount</source>
        <translation>不是金额</translation>
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
        <source>held on</source>
        <translation>召开于</translation>
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
        <source>Checklist (double-click an item to change its text):</source>
        <translation>检查清单（双击条目可修改文字）：</translation>
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
        <source>By project</source>
        <translation>按项目</translation>
    </message>
    <message>
        <source>By programme</source>
        <translation>按项目群</translation>
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
        <source>Field</source>
        <translation>字段</translation>
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
        <source>Wait for “{title}” to finish first</source>
        <translation>请先等待“{title}”完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
