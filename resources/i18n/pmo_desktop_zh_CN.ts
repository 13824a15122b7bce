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
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>RAID log</source>
        <translation>RAID 日志</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>里程碑</translation>
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
        <source>Roadmap</source>
        <translation>路线图</translation>
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
