//! The document model beyond the basics: the three dates, 主题分类, 文种
//! and kinds, joint issuers, declared fields, revisions, interpretations
//! and the deadlines counted in working days.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    // ── site.yaml
    (
        "config.subjects",
        "“{value}”无法识别",
        "`{value}` is not understood",
    ),
    (
        "config.subjects.hint",
        "写 subjects: preset 使用国务院主题分类，或列出本站的主题分类，例如 subjects: [{{ name: 综合政务, children: [政务公开] }]",
        "write subjects: preset for the State Council's classes, or list the site's own, e.g. subjects: [{{ name: 综合政务, children: [政务公开] }]",
    ),
    (
        "config.genre_is_kind",
        "“{genre}”是文件类型（kinds），不是文种（genres）",
        "`{genre}` is a kind (kinds:), not a genre (genres:)",
    ),
    (
        "config.genre_is_kind.hint",
        "从 genres 中删除它：规章和行政规范性文件默认就是文件类型，文件中写“文件类型: 规章”",
        "remove it from genres: 规章 and 行政规范性文件 are kinds by default; documents write `kind: 规章`",
    ),
    (
        "config.field_key",
        "自定义字段的 key“{key}”不能使用",
        "declared field key `{key}` cannot be used",
    ),
    (
        "config.field_key.hint",
        "key 用小写英文字母开头，只含小写字母、数字和 _，且不能是网站已有的栏目名（docs、category、issuer、year、subject、search 等）；中文名写在 label",
        "start the key with a lower-case ASCII letter, use only a-z, 0-9 and _, and not a folder the site already has (docs, category, issuer, year, subject, search …); put the Chinese name in label",
    ),
    (
        "config.field_taken",
        "自定义字段的名称“{name}”已被使用",
        "declared field name `{name}` is already taken",
    ),
    (
        "config.field_taken.hint",
        "内置字段和其他自定义字段已经用了这个名称，换一个 key、label 或 aliases",
        "a built-in or another declared field has that name: choose another key, label or alias",
    ),
    (
        "config.field_values",
        "自定义字段“{key}”是选项（enum），但没有列出 values",
        "declared field `{key}` is an enum but lists no values",
    ),
    (
        "config.field_values.hint",
        "列出可选的值，例如 values: [城区, 郊区]",
        "list its values, e.g. values: [城区, 郊区]",
    ),
    (
        "config.field_type",
        "自定义字段“{key}”的类型“{kind}”无法识别",
        "declared field `{key}` has an unknown type `{kind}`",
    ),
    (
        "config.field_type.hint",
        "type 可以是 text（文本）、date（日期）、number（数字）、enum（选项）、list（列表）、link（关联文件，写索引号）",
        "type is one of text, date, number, enum, list, link (another document's 索引号)",
    ),
    (
        "config.field_facet",
        "自定义字段“{key}”的类型 {kind} 不能用于分类浏览（facet）",
        "declared field `{key}` of type {kind} cannot be a facet",
    ),
    (
        "config.field_facet.hint",
        "只有 text、enum 和 list 类型的字段可以设 facet: true",
        "only text, enum and list fields can have facet: true",
    ),
    (
        "config.field_show",
        "自定义字段“{key}”的显示位置“{place}”无法识别",
        "declared field `{key}`: unknown place `{place}` in show",
    ),
    (
        "config.field_show.hint",
        "show 列出 table（信息表）、cards（列表）或 none，例如 show: [table, cards]",
        "show lists table, cards or none, e.g. show: [table, cards]",
    ),
    // ── a document's fields
    (
        "genre.is_kind",
        "“{value}”是文件类型，不是文种（{field}）",
        "`{value}` is a kind, not a genre ({field})",
    ),
    (
        "genre.is_kind.hint",
        "改写为“文件类型: {value}”；文种写通知、办法、规定等",
        "write `kind: {value}` instead; a genre is 通知, 办法, 规定 …",
    ),
    (
        "kind.unknown",
        "“{value}”不是本站的文件类型",
        "`{value}` is not a kind of this site",
    ),
    (
        "registration.no_kind",
        "有{field}，但没有写文件类型",
        "{field} is given but the document has no kind",
    ),
    (
        "registration.no_kind.hint",
        "登记号只属于规章和规范性文件：加上“文件类型: ……”（{kinds}），或删除登记号",
        "only 规章 and 规范性文件 have one: add `kind:` ({kinds}), or remove the number",
    ),
    (
        "subject.unknown",
        "“{value}”不是本站的主题分类",
        "`{value}` is not a subject of this site",
    ),
    (
        "subject.none.hint",
        "本站没有声明主题分类：在 site.yaml 中写 subjects: preset（国务院主题分类）或列出本站的分类",
        "the site declares no subjects: write subjects: preset (the State Council's) or list the site's own in site.yaml",
    ),
    (
        "subject.ambiguous.hint",
        "不止一个大类下有“{name}”，请写明大类：{options}",
        "more than one class has `{name}`; name the class: {options}",
    ),
    (
        "subject.form.hint",
        "写“大类/小类”，例如 主题分类: 综合政务/政务公开",
        "write `class/sub-class`, e.g. 主题分类: 综合政务/政务公开",
    ),
    (
        "revises.many",
        "{field} 只能写一个索引号",
        "{field} takes one 索引号",
    ),
    (
        "revises.many.hint",
        "写这一版直接修订的上一版；更早的版本由上一版自己的修订对象连起来",
        "name the version this one directly amends; earlier versions are linked through that one's own field",
    ),
    (
        "interpretation_form.unknown",
        "“{value}”不是解读形式",
        "`{value}` is not a form of interpretation",
    ),
    (
        "interpretation_form.alone",
        "有{field}，但没有写解读对象",
        "{field} is given but the document interprets nothing",
    ),
    (
        "interpretation_form.alone.hint",
        "解读文件用“解读对象: 索引号”写明解读的是哪份文件",
        "an interpretation names its policy with `interprets: <索引号>`",
    ),
    (
        "published.before",
        "{field}（{published}）早于成文日期（{date}）",
        "{field} ({published}) is before the document's date ({date})",
    ),
    (
        "published.before.hint",
        "发布日期不能早于成文日期：检查这两个日期是否写反了",
        "a document cannot be published before it is written: check whether the two dates are swapped",
    ),
    (
        "status.pending_without_date",
        "有效性是“尚未生效”，但没有写施行日期",
        "status is 尚未生效 but no 施行日期 (effective) is given",
    ),
    (
        "status.pending_without_date.hint",
        "写上“施行日期: 2026-01-01”：到那一天以后生成网站时，自动显示为“有效”",
        "add `effective: 2026-01-01`: builds from that day show it as valid",
    ),
    (
        "issuer.list.hint",
        "联合发文时把发文机关逐个列出，牵头机关在前，例如 {field}: [区政府办公室, 区财政局]",
        "list the issuers of a joint document, the lead one first, e.g. {field}: [区政府办公室, 区财政局]",
    ),
    (
        "field.not_number",
        "“{value}”不是数字（{field}）",
        "`{value}` is not a number ({field})",
    ),
    (
        "config.calendar",
        "“{value}”不是日期或日期范围",
        "`{value}` is not a day or a range of days",
    ),
    (
        "config.calendar.hint",
        "写 2027-01-01，或范围 2027-02-06~2027-02-13",
        "write 2027-01-01, or a range 2027-02-06~2027-02-13",
    ),
    // ── deadlines
    ("deadline.rule.publication", "发布时限", "publication"),
    ("deadline.rule.report", "年度报告", "annual report"),
    ("deadline.rule.interpretation", "政策解读", "interpretation"),
    (
        "deadline.publication",
        "发布日期 {published} 是成文日期 {date} 之后第 {days} 个工作日，超过《政府信息公开条例》第二十六条规定的 {limit} 个工作日",
        "published {published}, {days} working days after it was written ({date}): more than the {limit} of 《政府信息公开条例》 art. 26",
    ),
    (
        "deadline.publication.hint",
        "今后按时发布；如果成文日期或发布日期写错了，请改正",
        "publish within the limit from now on; if either date is wrong, correct it",
    ),
    (
        "deadline.unknown_years",
        "{hint}（{years} 年的节假日未载入，按周末计算；可在 site.yaml 的 calendar: 中补充）",
        "{hint} ({years}: holidays not known, counted with weekends only; add them under calendar: in site.yaml)",
    ),
    (
        "deadline.report_missing",
        "{years} 年的政府信息公开工作年度报告没有发布（应在次年 {deadline} 前发布）",
        "no annual report for {years} (due by {deadline} of the next year)",
    ),
    (
        "deadline.report_missing.hint",
        "在“{category}”中发布这些年度的报告，标题写明年份，例如“2024年政府信息公开工作年度报告”；部门的截止日期是 1月31日，在 site.yaml 写 report_deadline: \"01-31\"",
        "publish those reports in `{category}` with the year in the title, e.g. 2024年政府信息公开工作年度报告; a department's deadline is 31 January: report_deadline: \"01-31\" in site.yaml",
    ),
    (
        "deadline.report_late",
        "{year} 年度报告 {published} 才发布，晚于截止日期 {due}",
        "the {year} annual report was published {published}, after its deadline {due}",
    ),
    (
        "deadline.report_late.hint",
        "已经发布的报告无法补救；今后在截止日期前发布。如果发布日期写错了，请改正",
        "what is published stays; publish on time from now on, or correct the date if it is wrong",
    ),
    (
        "deadline.interpretation_missing",
        "《{title}》需要政策解读，但没有解读文件",
        "《{title}》 needs an interpretation and has none",
    ),
    (
        "deadline.interpretation_missing.hint",
        "发布解读文件，并用“解读对象: 索引号”指向这份文件（site.yaml 的 interpretation: 规定了哪些文件需要解读）",
        "publish an interpretation naming this document with `interprets: <索引号>` (site.yaml's interpretation: says which documents need one)",
    ),
    (
        "deadline.interpretation_late",
        "解读 {published} 发布，是《{policy}》（{policy_published}）之后第 {days} 个工作日，超过本站规定的 {limit} 个工作日",
        "interpretation published {published}, {days} working days after 《{policy}》 ({policy_published}): more than the site's {limit}",
    ),
    (
        "deadline.interpretation_late.hint",
        "政策解读应与文件同步发布；如果日期写错了，请改正",
        "publish an interpretation with its policy; if a date is wrong, correct it",
    ),
    ("deadline.table.rule", "规则", "rule"),
    ("deadline.table.subject", "事项", "what"),
    ("deadline.table.file", "文件", "file"),
    ("deadline.table.due", "应于", "due"),
    ("deadline.table.done", "实际", "done"),
    ("deadline.table.not_done", "未完成", "not done"),
    ("deadline.table.none", "没有超期的事项。", "No deadline missed."),
    (
        "config.field_after",
        "自定义字段“{key}”的 after“{after}”不是信息表中可以接在后面的一行",
        "declared field `{key}`: after `{after}` is not a row of the metadata table it can follow",
    ),
    (
        "config.field_after.hint",
        "after 写 title（信息标题）、summary（内容概述）、status（有效性）或 keywords（主题词，默认）",
        "after is title, summary, status or keywords (the default)",
    ),
];
