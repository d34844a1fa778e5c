//! `new-doc` and `import`.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    (
        "newdoc.date",
        "“{text}”不是日期：{reason}",
        "`{text}` is not a date: {reason}",
    ),
    (
        "newdoc.date.hint",
        "写作 2017-07-18 或 2017年7月18日",
        "write it as 2017-07-18 or 2017年7月18日",
    ),
    (
        "newdoc.no_pattern",
        "site.yaml 没有 index_number 编号规则，new-doc 无法编号",
        "site.yaml has no index_number pattern, so new-doc cannot number documents",
    ),
    (
        "newdoc.no_pattern.hint",
        "加上 index_number: {{ pattern: \"{{org}-{{category_code}-{{year}-{{seq:06}\", org: \"0101\" }",
        "add index_number: {{ pattern: \"{{org}-{{category_code}-{{year}-{{seq:06}\", org: \"0101\" }",
    ),
    (
        "newdoc.category",
        "没有名称或代码为“{name}”的信息分类",
        "no category is named or coded `{name}`",
    ),
    (
        "newdoc.create",
        "无法创建文件：{error}",
        "cannot create the document: {error}",
    ),
    (
        "import.row_empty",
        "登记表第 {line} 行没有填写",
        "row {line} of the register has no value",
    ),
    (
        "import.exists",
        "{file} 已存在：没有覆盖（可用 --force）",
        "{file} exists: not overwritten (use --force)",
    ),
    (
        "import.kept",
        "{file} 已存在：这一页没有能补填的待填写字段；原样保留",
        "{file} exists: nothing left TODO that this page fills; kept as it is",
    ),
    (
        "import.filled",
        "{file} 已存在：补填了 {keys}（其他各行保留手工修改）",
        "{file} exists: filled {keys} (other lines kept as edited)",
    ),
    (
        "import.register_date",
        "登记表中的发文日期“{value}”不是日期",
        "the register's 发文日期 `{value}` is not a date",
    ),
    (
        "import.register_category",
        "登记表中的信息分类“{value}”不是本站的分类",
        "the register's 信息分类 `{value}` is not a category of this site",
    ),
    (
        "import.register_disclosure",
        "登记表中的公开方式“{value}”不是 主动公开、依申请公开 或 不予公开",
        "the register's 公开方式 `{value}` is not 主动公开, 依申请公开 or 不予公开",
    ),
    (
        "import.register_status",
        "登记表中的有效性“{value}”不是 有效、已修改、已废止 或 已失效",
        "the register's 有效性 `{value}` is not 有效, 已修改, 已废止 or 已失效",
    ),
    (
        "import.attachment_missing",
        "附件“{href}”有链接但磁盘上没有：未复制",
        "attachment `{href}` is linked but not on disk: not copied",
    ),
    (
        "import.index_assigned",
        "页面没有写索引号；已按 site.yaml 的 index_number 规则编号",
        "the page states none; assigned from site.yaml's index_number pattern",
    ),
    (
        "import.no_index",
        "页面没有写索引号（有 site.yaml 的 index_number 规则、信息分类和日期即可自动编号）",
        "the page states no 索引号 (site.yaml's index_number pattern, a category and a date would assign one)",
    ),
    ("import.from.headline", "取自页面的大标题", "the page's headline"),
    (
        "import.from.page_title",
        "取自页面的 <title>",
        "the page's <title>",
    ),
    (
        "import.signature_damaged",
        "页面上的落款已损坏：“{name}”",
        "signature damaged on the page: `{name}`",
    ),
    ("import.no_title", "页面没有写标题", "the page states no title"),
    (
        "import.from.source",
        "取自页面的“信息来源”",
        "the page's 信息来源",
    ),
    ("import.from.signature", "取自落款", "the signature (落款)"),
    ("import.from.flag", "取自命令行 {flag}", "{flag}"),
    (
        "import.no_issuer",
        "页面没有写发布机构（可用 --issuer 指定）",
        "the page states no 发布机构 (give --issuer)",
    ),
    (
        "import.category_unknown",
        "页面的信息分类“{value}”不是本站的分类",
        "the page's 信息分类 `{value}` is not a category of this site",
    ),
    (
        "import.no_category",
        "页面没有写本站的信息分类（可用 --category 指定）",
        "the page states no 信息分类 of this site (give --category)",
    ),
    (
        "import.from.signature_date",
        "取自落款日期",
        "the signature's date (落款日期)",
    ),
    (
        "import.from.published",
        "取自页面的发布日期（上网的日期）",
        "the page's 发布日期 (the day it was put online)",
    ),
    ("import.no_date", "页面没有写日期", "the page states no date"),
    (
        "import.disclosure",
        "页面的公开方式“{value}”不是 主动公开、依申请公开 或 不予公开：请填写适用的一项",
        "the page's 公开方式 `{value}` is not 主动公开, 依申请公开 or 不予公开: write the one that applies",
    ),
    (
        "import.status",
        "页面的有效性“{value}”不是 有效、已修改、已废止 或 已失效：请填写适用的一项",
        "the page's 有效性 `{value}` is not 有效, 已修改, 已废止 or 已失效: write the one that applies",
    ),
    (
        "import.damaged",
        "删除了 {n} 个损坏的字符（U+FFFD）",
        "{n} damaged character(s) (U+FFFD) removed",
    ),
    ("import.page", "{page} → {document}", "{page} → {document}"),
    ("import.not_written", "{page} → 未写入", "{page} → not written"),
    ("import.todo", "  待填写 {field}", "  TODO {field}"),
    ("import.note", "  说明：{note}", "  note: {note}"),
    (
        "import.summary",
        "已导入 {written} / {total} 个页面；{todo} 个字段待填写",
        "imported {written} of {total} page(s); {todo} field(s) left TODO",
    ),
    (
        "import.summary.todo",
        "（gongkai check 会一直列出它们，直到填写完）",
        " (gongkai check lists them until they are written)",
    ),
    (
        "import.category",
        "“{name}”不是本站的信息分类",
        "`{name}` is not a category of this site",
    ),
    (
        "import.category.hint",
        "使用 site.yaml 中 categories: 下声明的名称或代码",
        "use a name or code declared under categories: in site.yaml",
    ),
    (
        "import.no_input",
        "没有这个文件或文件夹",
        "no such file or folder",
    ),
    ("import.empty_register", "登记表是空的", "the register is empty"),
    (
        "register.csv",
        "不是有效的 CSV：{error}",
        "not valid CSV: {error}",
    ),
    (
        "register.sheet",
        "无法读取表格：{error}",
        "cannot read the spreadsheet: {error}",
    ),
    (
        "register.sheet.hint",
        "登记表可以是 .csv、.xlsx、.xls 或 .ods",
        "registers are .csv, .xlsx, .xls or .ods",
    ),
    (
        "register.no_sheet",
        "表格中没有工作表",
        "the spreadsheet has no sheet",
    ),
    (
        "register.first_sheet",
        "无法读取第一个工作表：{error}",
        "cannot read the first sheet: {error}",
    ),
    (
        "register.no_columns",
        "第一行没有“标题”列，也没有“正文”列",
        "the first row names no 标题 and no 正文 column",
    ),
    (
        "register.no_columns.hint",
        "在第一行写列名：标题、索引号、发布机构、文件编号、信息分类、发文日期、正文 …",
        "name the columns in the first row: 标题, 索引号, 发布机构, 文件编号, 信息分类, 发文日期, 正文 …",
    ),
    (
        "register.unknown_columns",
        "未知的列：{names}",
        "unknown columns: {names}",
    ),
    (
        "register.unknown_columns.hint",
        "可用的列：标题、索引号、发布机构、文件编号、信息分类、发文日期、公开方式、有效性、内容概述、主题词、正文（或字段的英文名）",
        "known: 标题, 索引号, 发布机构, 文件编号, 信息分类, 发文日期, 公开方式, 有效性, 内容概述, 主题词, 正文 (or the front-matter keys)",
    ),
];
