//! The annual report: its table blocks in a report document, the registers
//! `gongkai report` reads and the checks across years.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    // ── table blocks (```年报 <year> <section>)
    (
        "annual.info",
        "年报表格块的开头“{info}”缺少年份或表号",
        "the report table block `{info}` lacks its year or section",
    ),
    (
        "annual.info.hint",
        "写成 ```年报 2025 三（表号为 二、三、四 或 六）",
        "write it as ```年报 2025 三 (section 二, 三, 四 or 六)",
    ),
    (
        "annual.no_colon",
        "这一行没有“行名: 数字”的冒号：{text}",
        "this line has no colon between its label and numbers: {text}",
    ),
    (
        "annual.no_colon.hint",
        "每行写成“行名: 数字 数字 …”，数字之间用空格分开",
        "write each row as `label: number number …`, numbers separated by spaces",
    ),
    (
        "annual.unknown_row",
        "“{section}”表中没有“{label}”这一行",
        "the table “{section}” has no row “{label}”",
    ),
    (
        "annual.unknown_row.hint",
        "行名按 2021 年版格式书写：{rows}",
        "rows are named as in the 2021 format: {rows}",
    ),
    (
        "annual.twice",
        "“{label}”这一行重复出现（第一次在第 {first} 行）",
        "the row “{label}” appears twice (first on line {first})",
    ),
    ("annual.twice.hint", "删除其中一行", "delete one of them"),
    (
        "annual.count",
        "“{label}”这一行应有 {expected} 个数字，实际有 {found} 个",
        "the row “{label}” needs {expected} numbers, it has {found}",
    ),
    ("annual.count.hint", "依次为：{columns}", "in order: {columns}"),
    (
        "annual.not_number",
        "“{label}”这一行的“{value}”不是非负整数",
        "“{value}” in the row “{label}” is not a whole number of zero or more",
    ),
    (
        "annual.not_number.hint",
        "件数写成不带小数点、不带单位的整数，没有就写 0",
        "counts are whole numbers without units; write 0 for none",
    ),
    (
        "annual.not_number.amount_hint",
        "金额写成数字，最多四位小数，不带单位，例如 12.5",
        "amounts are numbers with at most four decimals, without units, e.g. 12.5",
    ),
    (
        "annual.missing",
        "表中缺少这些行：{rows}",
        "the table lacks these rows: {rows}",
    ),
    (
        "annual.missing.hint",
        "运行 gongkai report --year 年份 重新生成表格，或补上这些行（没有就写 0）",
        "run gongkai report --year <year> to write the tables again, or add the rows (0 for none)",
    ),
    (
        "annual.row_total",
        "“{label}”的总计是 {total}，但各列之和 {parts} = {sum}",
        "the total of “{label}” is {total}, but its parts add up to {parts} = {sum}",
    ),
    (
        "annual.results_total",
        "“{column}”列的（七）总计是 {total}，但（一）至（六）各行之和是 {sum}",
        "the （七）总计 of the column “{column}” is {total}, but rows （一）–（六） add up to {sum}",
    ),
    (
        "annual.balance",
        "“{column}”列不平衡：一 + 二 = {new} + {carried_in} = {left}，三（七）+ 四 = {done} + {carried_out} = {right}",
        "the column “{column}” does not balance: 一 + 二 = {new} + {carried_in} = {left}, 三（七）+ 四 = {done} + {carried_out} = {right}",
    ),
    (
        "annual.sum.hint",
        "按 2021 年版格式的勾稽关系改正数字；由登记表生成的表格请改登记表后重新运行 gongkai report",
        "correct the numbers as the 2021 format's sums require; for tables made from the registers, correct the register and run gongkai report again",
    ),
    (
        "annual.todo",
        "年报还有待填写的内容：{text}",
        "the report still has a part to write: {text}",
    ),
    (
        "annual.todo.hint",
        "写好这一部分并删除“【待填写】”标记；发布（去掉 draft: true）前必须写完",
        "write this part and remove the 【待填写】 marker; it must be written before the report is published (draft: true removed)",
    ),
    // ── across the years' reports
    (
        "annual.two_reports",
        "{year} 年的“{section}”表已在 {first} 中",
        "the {year} table “{section}” is already in {first}",
    ),
    (
        "annual.two_reports.hint",
        "每年只有一份年报：删除其中一份的表格，或改正年份",
        "a year has one report: delete one of the tables, or correct the year",
    ),
    (
        "annual.carried",
        "“{column}”列：{year} 年的上年结转是 {now}，但 {before} 年年报（{file}）的结转下年度是 {then}",
        "column “{column}”: the {year} report carries in {now}, but the {before} report ({file}) carried out {then}",
    ),
    (
        "annual.carried.hint",
        "两者应相等：改正其中一份，或检查登记表中跨年办理的申请",
        "they must be equal: correct one of the reports, or the register's applications that span the new year",
    ),
    (
        "annual.in_force",
        "{kind}：{year} 年现行有效件数是 {in_force}，但上年的 {last} 件 + 本年制发 {issued} 件 − 本年废止 {repealed} 件 = {expected} 件",
        "{kind}: {in_force} in force at the end of {year}, but last year's {last} + {issued} issued − {repealed} repealed = {expected}",
    ),
    (
        "annual.in_force.hint",
        "对照 {before} 年年报改正制发、废止或现行有效件数",
        "correct the issued, repealed or in-force count against the {before} report",
    ),
    // ── the registers gongkai report reads
    (
        "register.row",
        "第 {row} 行（编号 {id}）：{problem}",
        "row {row} (id {id}): {problem}",
    ),
    (
        "register.received",
        "收到日期读不出：{reason}",
        "the received date cannot be read: {reason}",
    ),
    ("register.received_missing", "没有填写", "it is empty"),
    (
        "register.closed",
        "办结日期读不出：{reason}",
        "the closed date cannot be read: {reason}",
    ),
    (
        "register.date.hint",
        "日期写成 2025-03-18 或 2025年3月18日",
        "write dates as 2025-03-18 or 2025年3月18日",
    ),
    (
        "register.applicant",
        "申请人类型“{value}”不是年报格式中的类型",
        "the applicant type “{value}” is not one of the report format's",
    ),
    (
        "register.applicant.hint",
        "写成其中之一：{names}",
        "use one of: {names}",
    ),
    (
        "register.outcome",
        "办理结果“{value}”不是 2021 年版年报格式中的结果",
        "the outcome “{value}” is not one of the 2021 report format's results",
    ),
    (
        "register.outcome.hint",
        "写成“予以公开”“部分公开”，或大类加具体情形，如“不予公开-属于国家秘密”“无法提供-本机关不掌握相关政府信息”“不予处理-重复申请”“其他处理-其他”，也可以只写具体情形或编号（如 3.1）",
        "write 予以公开, 部分公开, or the group and its reason, e.g. 不予公开-属于国家秘密, 无法提供-本机关不掌握相关政府信息, 不予处理-重复申请, 其他处理-其他; the reason alone or its code (e.g. 3.1) also works",
    ),
    (
        "register.outcome_missing",
        "有办结日期但没有办理结果",
        "it has a closed date but no outcome",
    ),
    (
        "register.outcome_missing.hint",
        "填写办理结果；尚未办结的申请两栏都留空",
        "fill in the outcome; leave both empty for an application still open",
    ),
    (
        "register.closed_missing",
        "办理结果是“{outcome}”，但没有办结日期",
        "the outcome is “{outcome}” but there is no closed date",
    ),
    (
        "register.closed_missing.hint",
        "填写办结日期，年报按办结日期把结果计入当年",
        "fill in the closed date: the report counts a result in the year it was closed",
    ),
    (
        "register.concluded_missing",
        "结果是“{result}”，但没有审结日期",
        "the result is “{result}” but there is no concluded date",
    ),
    (
        "register.closed_early",
        "办结日期 {closed} 早于收到日期 {received}",
        "closed on {closed}, before it was received on {received}",
    ),
    (
        "register.closed_early.hint",
        "检查两个日期是否填反或写错",
        "check whether the two dates are swapped or mistyped",
    ),
    (
        "register.future",
        "日期 {date} 还没有到",
        "the date {date} is in the future",
    ),
    (
        "register.other_year",
        "收到日期 {received} 的申请不属于 {year} 年的登记表",
        "an application received on {received} does not belong in the {year} register",
    ),
    (
        "register.other_year.hint",
        "{year} 年的登记表只记当年收到的申请和上年结转、当年仍在办理的申请；把这一行移到对应年份的登记表",
        "the {year} register holds the applications received that year and those carried into it; move this row to its year's register",
    ),
    (
        "register.fee",
        "收费金额“{value}”不是金额",
        "the fee “{value}” is not an amount",
    ),
    (
        "register.fee.hint",
        "写成以元为单位的数字，最多两位小数，如 50 或 12.5；未收费留空或写 0",
        "write an amount in 元 with at most two decimals, e.g. 50 or 12.5; empty or 0 for none",
    ),
    (
        "register.case_kind",
        "案件类型“{value}”不是行政复议或行政诉讼",
        "the case type “{value}” is neither 行政复议 nor 行政诉讼",
    ),
    (
        "register.case_kind.hint",
        "写成“行政复议”“行政诉讼-未经复议直接起诉”或“行政诉讼-复议后起诉”",
        "write 行政复议, 行政诉讼-未经复议直接起诉 or 行政诉讼-复议后起诉",
    ),
    (
        "register.case_result",
        "结果“{value}”不是年报格式中的结果",
        "the result “{value}” is not one of the report format's",
    ),
    (
        "register.case_result.hint",
        "写成“结果维持”“结果纠正”“其他结果”，尚未审结的留空或写“尚未审结”",
        "write 结果维持, 结果纠正 or 其他结果; leave it empty or write 尚未审结 for a case still open",
    ),
    (
        "register.column_missing",
        "登记表缺少“{column}”一列",
        "the register has no column “{column}”",
    ),
    (
        "register.column_missing.hint",
        "第一行写列名，这一列可以叫：{names}；登记表现有的列：{found}",
        "the first row names the columns; this one may be called: {names}; the register has: {found}",
    ),
    (
        "registers.missing",
        "没有找到{what}，相应表格按 0 填写",
        "no {what} found: its table is filled with zeros",
    ),
    (
        "registers.missing.hint",
        "登记表的位置在 site.yaml 的 registers: 中设置（默认在 registers/ 文件夹）；本年没有这类事项可以不放登记表",
        "set where the registers are in site.yaml's registers: (by default the registers/ folder); without such cases this year, none is needed",
    ),
    (
        "registers.in_content",
        "登记表 {path} 放在 content/ 中",
        "the register {path} is inside content/",
    ),
    (
        "registers.in_content.hint",
        "登记表含有个人信息，不能放在会发布的 content/ 里：移到 registers/ 等文件夹并修改 site.yaml",
        "registers hold personal data and must not sit in content/, which is published: move it, e.g. to registers/, and update site.yaml",
    ),
    // ── the yearly figures (registers/figures.yaml)
    (
        "figures.unreadable",
        "无法读取年报数据文件：{error}",
        "the yearly figures file cannot be read: {error}",
    ),
    (
        "figures.yaml",
        "年报数据文件不是有效的 YAML：{error}",
        "the yearly figures file is not valid YAML: {error}",
    ),
    (
        "figures.example",
        "按年份写四个数字，例如：\n{year}:\n  行政许可: 120\n  行政处罚: 35\n  行政强制: 2\n  行政事业性收费: 12.5   # 万元",
        "write four figures per year, e.g.:\n{year}:\n  行政许可: 120\n  行政处罚: 35\n  行政强制: 2\n  行政事业性收费: 12.5   # 万元",
    ),
    (
        "figures.no_year",
        "年报数据文件中没有 {year} 年",
        "the yearly figures file has no entry for {year}",
    ),
    (
        "figures.unknown",
        "{year} 年的年报数据中没有“{name}”这一项",
        "the {year} figures have no item “{name}”",
    ),
    ("figures.names", "可以写的项：{names}", "the items are: {names}"),
    (
        "figures.value",
        "{year} 年的“{name}”是“{value}”，不是有效的数字",
        "the {year} “{name}” is “{value}”, not a valid number",
    ),
    (
        "figures.missing",
        "{year} 年的年报数据缺少：{names}",
        "the {year} figures lack: {names}",
    ),
    // ── gongkai report
    (
        "report.no_category",
        "site.yaml 没有指定存放年报的信息分类",
        "site.yaml does not say which category holds the annual reports",
    ),
    (
        "report.no_category.hint",
        "在 column: 下写 reports: 年报所在信息分类的代码，如 reports: \"15\"",
        "add reports: <the category's code> under column:, e.g. reports: \"15\"",
    ),
    (
        "report.write",
        "无法写入年报文件：{error}",
        "the report file cannot be written: {error}",
    ),
    (
        "report.created",
        "已起草 {year} 年年度报告：{path}（草稿，draft: true）。表格已按登记表和目录填好；标有“【待填写】”的部分请写好后删除标记，再去掉 draft: true 发布。",
        "drafted the {year} annual report: {path} (draft: true). Its tables are filled from the registers and the catalogue; write the parts marked 【待填写】, remove the markers, then remove draft: true to publish.",
    ),
    (
        "report.refreshed",
        "已更新 {path} 中 {year} 年年报的表格，其余内容未改动。",
        "refreshed the tables of the {year} report in {path}; everything else is unchanged.",
    ),
    (
        "report.block_missing",
        "{path} 中没有“{section}”的表格块，未更新",
        "{path} has no table block for “{section}”: not refreshed",
    ),
    (
        "report.block_missing.hint",
        "在相应位置加一行 ```年报 {year} {numeral}，下一行写 ```，再运行 gongkai report",
        "add a line ```年报 {year} {numeral} and a closing ``` where the table goes, then run gongkai report again",
    ),
    (
        "report.read",
        "读取了 {rows} 行依申请公开登记",
        "read {rows} application register rows",
    ),
];
