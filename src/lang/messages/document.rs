//! Reading a site's documents: words used inside other messages, the
//! site folder, front-matter, fields, links, attachments, the catalogue as
//! a whole, personal data.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    ("word.link", "链接", "link"),
    ("word.image", "图片", "image"),
    ("word.page_of_file", "本文件的页面", "the page of this file"),
    ("word.this_page", "本页面", "this page"),
    ("word.reading", "读取", "reading"),
    ("word.rendering", "生成", "rendering"),
    ("kind.bool", "真假值（true/false）", "true/false"),
    ("kind.list", "列表", "a list"),
    ("kind.map", "一组字段", "a group of fields"),
    ("kind.tagged", "带标签的值", "a tagged value"),
    (
        "hint.did_you_mean",
        "是否要写“{name}”？",
        "did you mean `{name}`?",
    ),
    ("hint.use_one_of", "可选：{names}", "use one of: {names}"),
    ("hint.example", "例如写作 {example}", "write e.g. {example}"),
    ("hint.save_utf8", "请将文件另存为 UTF-8 编码", "save it as UTF-8"),
    ("error.unreadable", "无法读取：{error}", "cannot read: {error}"),
    ("error.unwritable", "无法写入：{error}", "cannot write: {error}"),
    // ── reading the site folder
    (
        "content.missing",
        "缺少 content 文件夹",
        "the content folder is missing",
    ),
    (
        "content.missing.hint",
        "把文件放进 content/ 文件夹，每个文件一篇 Markdown",
        "put the documents, one Markdown file each, in content/",
    ),
    (
        "content.root",
        "无法确定站点文件夹：{error}",
        "cannot resolve the site folder: {error}",
    ),
    (
        "link.loop",
        "这个符号链接形成了循环",
        "this symbolic link makes a loop",
    ),
    (
        "link.dangling",
        "这个符号链接指向的文件不存在",
        "this symbolic link points to nothing",
    ),
    (
        "link.unfollowable",
        "这个符号链接形成循环或无法访问",
        "this symbolic link makes a loop or cannot be followed",
    ),
    (
        "link.loop.hint",
        "删除这个链接，或让它指向站点文件夹内的文件夹",
        "remove the link or point it at a folder inside the site",
    ),
    (
        "link.outside",
        "这个符号链接指向站点文件夹之外",
        "this symbolic link points outside the site folder",
    ),
    (
        "link.outside.hint",
        "把文件复制到 content/ 里，不要用链接",
        "copy the file into content/ instead of linking to it",
    ),
    (
        "source.control",
        "已删除一个控制字符（U+{code}）：它会使订阅和数据文件出错",
        "a control character (U+{code}) was removed: it would break the feeds and data files",
    ),
    (
        "source.control.hint",
        "从 Word 粘贴的文字常用 U+000B 表示换行：删除它，或重新输入这一行",
        "text pasted from Word carries U+000B for a line break: delete it, or type the line again",
    ),
    (
        "source.utf16",
        "文件是 UTF-16 编码，不是 UTF-8",
        "the file is UTF-16, not UTF-8",
    ),
    (
        "source.utf16.hint",
        "在记事本或 WPS 中打开，另存为时把编码选为 UTF-8（另存为 → 编码 → UTF-8）；或用 iconv -f UTF-16 -t UTF-8 in.md > out.md 转换",
        "save it as UTF-8: in Notepad or WPS choose Save As → Encoding → UTF-8, or run iconv -f UTF-16 -t UTF-8 in.md > out.md",
    ),
    (
        "source.not_utf8",
        "文件不是 UTF-8 编码（第 {offset} 字节无效）",
        "the file is not UTF-8 (invalid byte at offset {offset})",
    ),
    (
        "source.gbk.hint",
        "看起来是 GBK 编码：在 Windows 上用记事本或 WPS 打开，另存为时把编码选为 UTF-8（另存为 → 编码 → UTF-8）；或用 iconv -f GBK -t UTF-8 in.md > out.md 转换；也可以运行 gongkai check --fix-encoding 自动转换",
        "it looks like GBK: on Windows open it in Notepad (记事本) or WPS and save it again choosing the encoding UTF-8 (另存为 → 编码 → UTF-8), or convert it with iconv -f GBK -t UTF-8 in.md > out.md, or run gongkai check --fix-encoding",
    ),
    (
        "source.converted",
        "{file}：已从 GBK 转换为 UTF-8（原文件保存为 {backup}）",
        "{file}: converted from GBK to UTF-8 (the original is kept as {backup})",
    ),
    (
        "body.changed",
        "构建过程中文件被修改了",
        "the file changed while the site was being built",
    ),
    (
        "body.changed.hint",
        "保存文件后重新构建",
        "build again once the file is saved",
    ),
    // ── front-matter
    (
        "fm.missing",
        "文件开头没有字段区（front-matter）",
        "the file has no front-matter",
    ),
    (
        "fm.missing.hint",
        "文件第一行写 `---`，接着逐行写字段（标题: …、索引号: …），再写一行 `---`",
        "start the file with a line `---`, then the fields (title: …, index_number: …), then a line `---`",
    ),
    (
        "fm.unclosed",
        "字段区没有结束",
        "the front-matter block is not closed",
    ),
    (
        "fm.unclosed.hint",
        "在字段后面加一行，只写 `---`",
        "end the fields with a line holding only `---`",
    ),
    (
        "fm.no_space",
        "“{key}”的冒号后面缺少空格",
        "a space is missing after the colon of `{key}`",
    ),
    (
        "fm.full_width_colon",
        "“{key}”后面用了中文全角冒号“：”",
        "`{key}` is followed by a full-width colon `：`",
    ),
    (
        "fm.colon.hint",
        "把这一行改为 `{fixed}`（英文半角冒号，后面加一个空格）",
        "write the line as `{fixed}` (an ASCII colon, then a space)",
    ),
    (
        "fm.yaml",
        "字段区格式有误（YAML）：{detail}",
        "the front-matter is not valid YAML: {detail}",
    ),
    (
        "fm.yaml.hint",
        "每个字段写作“名称: 内容”；内容含有“: ”或以特殊符号开头时，请加引号",
        "write each field as `key: value`; quote values that contain `: ` or start with a special character",
    ),
    (
        "fm.yaml.deep.hint",
        "嵌套层次太深；字段应是简单的值或短列表",
        "the values are nested too deep; front-matter fields are plain values or short lists",
    ),
    (
        "fm.yaml.alias.hint",
        "别名（`*name`）展开后的值太多；请直接写出这些值",
        "aliases (`*name`) expand to too many values; write the values out instead",
    ),
    (
        "fm.not_mapping",
        "字段区不是“名称: 内容”的形式",
        "the front-matter is not a list of `key: value` fields",
    ),
    (
        "fm.not_mapping.hint",
        "每个字段单独一行，写作“名称: 内容”",
        "write each field on its own line as `key: value`",
    ),
    ("fm.key", "字段名不是一个名称", "a front-matter key is not a name"),
    (
        "fm.key.hint",
        "字段名如 标题、索引号",
        "keys are names such as title or 索引号",
    ),
    // ── fields
    ("field.unknown", "未知字段“{key}”", "unknown field `{key}`"),
    (
        "field.unknown.hint",
        "可用的字段：{names}；详见 README.md 的字段说明",
        "the fields are {names}; see the front-matter reference in README.md",
    ),
    (
        "field.twice",
        "“{key}”写了两次（“{first}”和“{second}”）",
        "`{key}` is given twice (as `{first}` and `{second}`)",
    ),
    ("field.twice.hint", "保留其中一行", "keep one of the two lines"),
    (
        "field.missing",
        "缺少必填字段“{alias}”（{key}）",
        "required field `{key}` ({alias}) is missing",
    ),
    (
        "field.missing.hint",
        "在字段区加一行“{alias}: …”（或写作“{key}: …”）",
        "add a line `{key}: …` (or `{alias}: …`) to the front-matter",
    ),
    (
        "field.invisible",
        "“{field}”只含不可见字符，页面上什么也不显示",
        "`{field}` shows nothing: it holds only invisible characters",
    ),
    ("field.empty", "“{field}”是空的", "`{field}` is empty"),
    (
        "field.value.hint",
        "在“{field}:”后面填写内容",
        "write a value after `{field}:`",
    ),
    (
        "field.todo",
        "“{field}”还是占位内容：{text}",
        "`{field}` is still a placeholder: {text}",
    ),
    (
        "field.todo.hint",
        "填写真实内容（TODO 表示 gongkai new-doc 或 import 没能自动填写的地方）",
        "write the real value (TODO marks what gongkai new-doc or import could not fill in)",
    ),
    (
        "field.not_text",
        "“{field}”应是文字，不能是{kind}",
        "`{field}` must be text, not {kind}",
    ),
    (
        "field.not_text.hint",
        "在“{field}:”后面同一行写内容，必要时加引号",
        "write it on one line after `{field}:`, quoted if needed",
    ),
    (
        "field.choice",
        "“{value}”不是“{field}”的可选值",
        "`{value}` is not a value of `{field}`",
    ),
    (
        "field.not_flag",
        "“{field}”只能写 true 或 false",
        "`{field}` must be true or false",
    ),
    (
        "field.not_flag.hint",
        "写作“{field}: true”",
        "write `{field}: true`",
    ),
    (
        "field.not_reference",
        "“{field}”应写索引号，不能是{kind}",
        "`{field}` takes 索引号, not {kind}",
    ),
    (
        "field.reference.hint",
        "写作“{field}: 0101-03-2017-000525”，或写成列表",
        "write {field}: 0101-03-2017-000525, or a list",
    ),
    ("field.not_list", "“{field}”应是列表", "`{field}` must be a list"),
    (
        "field.not_list_kind",
        "“{field}”应是列表，不能是{kind}",
        "`{field}` must be a list, not {kind}",
    ),
    (
        "attachments.hint",
        "写作 附件: [附件1.pdf, {{ 路径: 附件2.xlsx, 标题: 统计表 }]",
        "write attachments: [附件1.pdf, {{ path: 附件2.xlsx, title: 统计表 }]",
    ),
    (
        "attachments.unknown_key",
        "附件中有未知的键“{keys}”",
        "unknown attachment key `{keys}`",
    ),
    (
        "attachments.no_path",
        "有一个附件没有写路径",
        "an attachment has no path",
    ),
    (
        "personal_data.hint",
        "写作 个人信息: [{{ 内容: \"0571-12345678\", 理由: 单位办公电话 }]",
        "write personal_data: [{{ value: \"0571-12345678\", reason: 单位办公电话 }]",
    ),
    (
        "personal_data.entry",
        "每一项都要写 value（内容）和 reason（理由）",
        "each entry needs a `value` and a `reason`",
    ),
    (
        "keywords.not_text",
        "主题词应是文字，不能是{kind}",
        "a keyword must be text, not {kind}",
    ),
    (
        "keywords.hint",
        "写作 主题词: [政务公开, 工作要点]",
        "write keywords: [政务公开, 工作要点]",
    ),
    (
        "category.unknown",
        "“{value}”不是本站的信息分类",
        "`{value}` is not a category of this site",
    ),
    (
        "date.invalid",
        "“{field}”不是有效的日期：{reason}",
        "`{field}` is not a valid date: {reason}",
    ),
    ("date.form", "“{text}”不是日期的写法", "`{text}` is not a date"),
    (
        "date.impossible",
        "日历上没有“{text}”这一天",
        "`{text}` is not a day of the calendar",
    ),
    (
        "date.hint",
        "日期写作 2017-07-18、2017/7/18、2017.7.18 或 2017年7月18日",
        "dates are written 2017-07-18, 2017/7/18, 2017.7.18 or 2017年7月18日",
    ),
    (
        "slug.unsafe",
        "slug“{slug}”不是安全的文件名",
        "slug `{slug}` is not a safe file name",
    ),
    (
        "slug.unsafe.hint",
        "只用小写英文字母、数字、`-`、`_` 和 `.`，以字母或数字开头，且不是 Windows 设备名（con、nul、com1 …）",
        "use lower-case ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit, and not a Windows device name (con, nul, com1 …)",
    ),
    (
        "replaced_by.many",
        "“{field}”只能写一个文件",
        "`{field}` names one document",
    ),
    (
        "replaced_by.many.hint",
        "只保留废止或修改本文件的那个文件的索引号",
        "keep the 索引号 of the document that repealed or amended this one",
    ),
    (
        "replaced_by.valid",
        "写了“{field}”，但有效性是“有效”",
        "`{field}` is set but the status is 有效",
    ),
    (
        "replaced_by.valid.hint",
        "把有效性改为“已废止”或“已修改”",
        "set status: 已废止 (repealed) or 已修改 (amended)",
    ),
    (
        "genre.unknown",
        "“{value}”不是文种",
        "`{value}` is not a genre (文种)",
    ),
    (
        "genre.unknown.hint",
        "文种如 通知、意见、决定、办法、规定、实施方案、报告、公告、通告、批复、函；本站另用的文种在 site.yaml 中声明，例如 genres: [工作要点]",
        "genres are e.g. 通知, 意见, 决定, 办法, 规定, 实施方案, 报告, 公告, 通告, 批复, 函; declare the site's others in site.yaml, e.g. genres: [工作要点]",
    ),
    (
        "repealed_on.status",
        "写了“{field}”，但有效性不是“已废止”或“已失效”",
        "`{field}` is set but the status is not 已废止 or 已失效",
    ),
    (
        "repealed_on.status.hint",
        "把有效性改为“已废止”",
        "set status: 已废止",
    ),
    (
        "date.end_before",
        "“{field}”（{end}）早于发文日期（{date}）",
        "`{field}` ({end}) is before the document's date ({date})",
    ),
    (
        "date.end_before.hint",
        "请核对两个日期：文件失效的日子不会早于发文日期",
        "check both dates: a document stops being in force on or after the day it is dated",
    ),
    // ── links and images in the body
    (
        "link.no_index",
        "“idx:{number}”：没有索引号为“{number}”的文件",
        "`idx:{number}`: no document has the 索引号 `{number}`",
    ),
    (
        "link.no_index.hint",
        "核对编号；idx: 链接写目标文件的索引号",
        "check the number; idx: links take the target's index_number",
    ),
    (
        "link.absolute",
        "“{dest}”是以 / 开头的绝对路径，网站放在子目录下时会失效",
        "`{dest}` is an absolute path, which breaks when the site is served under a sub-path",
    ),
    (
        "link.absolute.hint",
        "链接文件用 idx:<索引号> 或 .md 文件的相对路径，链接附件用相对于本文件的路径",
        "link documents with idx:<索引号> or a relative path to the .md file, files with a path relative to the document",
    ),
    (
        "link.no_document",
        "“{dest}”：没有文件 {target}",
        "`{dest}`: no document {target}",
    ),
    (
        "link.no_document.hint",
        "核对路径，或用索引号链接：idx:<索引号>",
        "check the path, or link the document by its 索引号 as idx:<索引号>",
    ),
    ("link.broken", "链接失效：{reason}", "broken link: {reason}"),
    (
        "link.name_clash",
        "{file} 发布后会与附件 {attachment} 同名",
        "{file} would be published under the name of the attachment {attachment}",
    ),
    (
        "link.name_clash.hint",
        "给文件改名（只差大小写或 Unicode 写法的名称视为同名）",
        "rename the file (names differing only in case or Unicode form count as one)",
    ),
    (
        "link.unpublished",
        "“{dest}”链接的文件没有公开（是草稿，或不是主动公开）",
        "`{dest}` links a document that is not published (a draft, or not 主动公开)",
    ),
    (
        "link.unpublished.hint",
        "删除这个链接，或公开那个文件",
        "remove the link, or publish the document",
    ),
    (
        "markdown.scheme",
        "{what}使用了不安全的协议“{scheme}:”",
        "the {what} uses the unsafe scheme `{scheme}:`",
    ),
    (
        "markdown.scheme.hint",
        "链接可以是相对路径，或以 http:、https:、mailto:、tel: 开头",
        "links may be relative or use http:, https:, mailto: or tel:",
    ),
    (
        "markdown.remote_image",
        "图片“{dest}”在别的网站上",
        "the image `{dest}` is on another site",
    ),
    (
        "markdown.remote_image.hint",
        "页面不从别处加载任何内容：把图片保存在文件旁边，用文件名引用",
        "pages load nothing from elsewhere: save the image next to the document and link it by its file name",
    ),
    (
        "markdown.file_clash",
        "{what}：{first} 和 {second} 发布后同名（docs/{name}）",
        "{what}: {first} and {second} would be published under one name (docs/{name})",
    ),
    (
        "markdown.file_clash.hint",
        "一个文件链接的附件发布在同一文件夹：给其中一个改名（只差大小写或 Unicode 写法的名称视为同名）",
        "the files a document links are published side by side: rename one of them (names differing only in case or Unicode form count as one)",
    ),
    ("markdown.link", "{what}：{reason}", "{what}: {reason}"),
    (
        "anchor.missing_here",
        "链接：本文件中没有标题或脚注“#{anchor}”",
        "link: no heading or footnote `#{anchor}` in this document",
    ),
    (
        "anchor.missing_there",
        "链接：docs/{slug}.html 中没有标题或脚注“#{anchor}”",
        "link: docs/{slug}.html has no heading or footnote `#{anchor}`",
    ),
    (
        "anchor.none.hint",
        "该文件没有可链接的标题",
        "the document has no headings to link to",
    ),
    (
        "anchor.some.hint",
        "标题按其文字链接，例如 {anchors}",
        "headings are linked by their text, e.g. {anchors}",
    ),
    // ── attachments
    (
        "path.not_utf8",
        "“{path}”不是有效的路径",
        "`{path}` is not a valid path",
    ),
    (
        "path.not_utf8.hint",
        "用 UTF-8 书写路径",
        "write the path in UTF-8",
    ),
    (
        "path.address",
        "“{path}”是网址，不是 content/ 中的文件",
        "`{path}` is an address, not a file in content/",
    ),
    (
        "path.address.hint",
        "附件从站点文件夹发布：把文件保存在文件旁边并写文件名，例如 附件1.pdf",
        "attachments are published from the site folder: save the file next to the document and write its name, e.g. 附件1.pdf",
    ),
    (
        "path.backslash",
        "“{path}”含有反斜杠或 NUL",
        "`{path}` contains a backslash or NUL",
    ),
    (
        "path.backslash.hint",
        "文件夹之间用 `/` 分隔",
        "separate folders with `/`",
    ),
    (
        "path.absolute",
        "“{path}”是绝对路径",
        "`{path}` is an absolute path",
    ),
    (
        "path.absolute.hint",
        "写相对于本文件的路径，例如 附件1.pdf 或 files/附件1.pdf",
        "write the path relative to the document, e.g. 附件1.pdf or files/附件1.pdf",
    ),
    (
        "path.leaves",
        "“{path}”超出了 content 文件夹",
        "`{path}` leaves the content folder",
    ),
    (
        "path.leaves.hint",
        "附件放在 content/ 里，文件旁边或其下的文件夹中",
        "keep attachments inside content/, next to the document or below it",
    ),
    ("file.not_portable", "{file}：{why}", "{file}: {why}"),
    (
        "file.not_portable.hint",
        "给文件改名：文件名按原样发布，也必须能在 Windows 服务器上使用",
        "rename the file: names are published as they are and must work on Windows servers too",
    ),
    (
        "name.device",
        "“{stem}”是 Windows 的设备名，不能作文件名",
        "`{stem}` is a device name on Windows, not a file name",
    ),
    (
        "name.char",
        "文件名含有 Windows 不允许的“{char}”",
        "the name contains `{char}`, which Windows does not allow",
    ),
    (
        "name.trailing",
        "文件名以点或空格结尾，Windows 会将其去掉",
        "the name ends in a dot or a space, which Windows drops",
    ),
    (
        "file.script",
        "{file}：.{kind} 文件可能带有脚本，不会发布",
        "{file}: .{kind} files can carry script and are never published",
    ),
    (
        "file.script.hint",
        "把文件转为 PDF（或 OFD）后发布",
        "publish the document as PDF (or OFD) instead",
    ),
    (
        "file.no_type",
        "{file} 没有文件类型（没有 .pdf 这样的扩展名）",
        "{file} has no file type (no extension such as .pdf)",
    ),
    (
        "file.no_type.hint",
        "文件名带上类型，例如 附件1.pdf",
        "name the file with its type, e.g. 附件1.pdf",
    ),
    (
        "file.type",
        "{file}：不允许 .{kind} 类型",
        "{file}: the type .{kind} is not allowed",
    ),
    (
        "file.type.hint",
        "允许的类型：{types}（site.yaml 的 attachments.allowed_types）",
        "allowed: {types} (site.yaml attachments.allowed_types)",
    ),
    ("attachment.missing", "{file} 不存在", "{file} does not exist"),
    (
        "attachment.missing.hint",
        "核对文件名，或把文件放到文件旁边",
        "check the file name, or add the file next to the document",
    ),
    ("file.not_file", "{file} 不是文件", "{file} is not a file"),
    (
        "file.not_file.hint",
        "请链接文件，不是文件夹",
        "link a file, not a folder",
    ),
    ("attachment.problem", "附件：{reason}", "attachment {reason}"),
    (
        "attachment.same_name",
        "两个附件同名 {name}（{first} 和 {second}）",
        "two attachments are named {name} ({first} and {second})",
    ),
    (
        "attachment.case",
        "附件 {first} 和 {second} 只差大小写或 Unicode 写法：在 Windows 和 macOS 服务器上是同一个文件",
        "attachments {first} and {second} differ only in case or Unicode form: on Windows and macOS servers they are one file",
    ),
    (
        "attachment.rename.hint",
        "给其中一个文件改名",
        "rename one of the files",
    ),
    // ── the catalogue as a whole
    (
        "reference.self",
        "“{field}”指向了本文件自己",
        "`{field}` names this document itself",
    ),
    (
        "reference.unpublished",
        "“{field}”：索引号为“{number}”的文件没有公开（是草稿，或不是主动公开）",
        "`{field}`: the document with 索引号 `{number}` is not published (a draft, or not 主动公开)",
    ),
    (
        "reference.missing",
        "“{field}”：没有索引号为“{number}”的文件",
        "`{field}`: no document has the 索引号 `{number}`",
    ),
    (
        "reference.hint",
        "写本站一个已公开文件的索引号",
        "write the 索引号 (index_number) of a published document of this site",
    ),
    (
        "index_number.twice",
        "索引号“{number}”已被 {other}:{line} 使用",
        "index_number `{number}` is already used by {other}:{line}",
    ),
    (
        "index_number.twice.hint",
        "每个文件要有自己的索引号；请改正其中一个文件",
        "every document needs its own 索引号; correct one of the two files",
    ),
    (
        "index_number.twice_case.hint",
        "两者写法不同（大小写或 Unicode 写法）但属同一个索引号；请改正其中一个文件",
        "the two are written differently (upper/lower case or Unicode form) but are one 索引号; correct one of the two files",
    ),
    (
        "slug.collision",
        "本文件会写到 docs/{slug}.html，与 {other} 相同",
        "this document would be written to docs/{slug}.html, like {other}",
    ),
    (
        "slug.collision.hint",
        "给其中一个文件单独写一个“slug:”（小写字母、数字、`-`）",
        "give one of them its own `slug:` (lower-case letters, digits, `-`)",
    ),
    // ── personal data
    ("privacy.id_card", "身份证号码", "ID-card number"),
    ("privacy.mobile", "手机号码", "mobile number"),
    (
        "privacy.split",
        "个人信息：{kind} {value}（页面上是完整的：文件中被标记拆开了）",
        "personal data: {kind} {value} (whole on the page: markup splits it in the file)",
    ),
    (
        "privacy.split.hint",
        "删除或去标识化；强调、字符引用、换行和不可见字符都不能让读者看不到号码",
        "remove or mask it (去标识化); emphasis, character references, line breaks and invisible characters do not hide a number from readers",
    ),
    (
        "privacy.allowed",
        "{kind} {value} 按允许公开处理：{reason}",
        "{kind} {value} is published as allowed: {reason}",
    ),
    (
        "privacy.found",
        "个人信息：{kind} {value}",
        "personal data: {kind} {value}",
    ),
    (
        "privacy.found.hint",
        "删除或去标识化；如果可以公开（例如单位办公电话），在字段区写明：个人信息: [{{ 内容: \"…\", 理由: \"…\" }]",
        "remove or mask it (去标识化); if it may be published (e.g. an office number), allow it in front-matter: personal_data: [{{ value: \"…\", reason: \"…\" }]",
    ),
];
