//! Every message gongkai prints, as (code, Chinese, English). `{name}` is a
//! value filled in when the message is printed; `{{` is a brace. The code is
//! what `--format json` reports: keep it when the words change.
//!
//! A test checks that both languages are written and name the same values,
//! that every code the sources use is here, and every entry is used.

/// (code, 中文, English).
pub static MESSAGES: &[(&str, &str, &str)] = &[
    // ── --help (the English is the doc comment of the option)
    (
        "cli.gongkai.about",
        "生成政府信息公开目录（政务公开专栏）静态网站",
        "Builds government information-disclosure catalogues (政府信息公开目录) as static sites.",
    ),
    (
        "cli.build.about",
        "生成网站，输出到 public/（或 site.yaml 的 output_dir，或 --out 指定的文件夹）",
        "Build the site into public/ (or site.yaml's output_dir, or --out).",
    ),
    (
        "cli.serve.about",
        "生成网站并在 127.0.0.1 上预览；content/、themes/ 或 site.yaml 改动后自动重新生成并刷新页面",
        "Build, serve the site on 127.0.0.1, rebuild on every change in content/, themes/ or site.yaml and reload open pages.",
    ),
    (
        "cli.check.about",
        "运行全部检查，不写入任何文件",
        "Run every validation and write nothing.",
    ),
    (
        "cli.stats.about",
        "输出某年年报的表格二（一）（规章、行政规范性文件 …）",
        "Print the annual report's table 二(一) (规章, 行政规范性文件 …) for a year.",
    ),
    (
        "cli.new_doc.about",
        "新建一篇文件：取下一个可用的索引号（site.yaml 的 index_number.pattern）、日期和必填字段；输出文件路径",
        "Create a document with the next free 索引号 (site.yaml index_number.pattern), today's date and the required fields; prints its path.",
    ),
    (
        "cli.import.about",
        "导入旧网站保存下来的页面（HTML 或文本），每页一篇 Markdown 文件；列出导入结果和每个待填写的字段",
        "Import a legacy site's saved pages (HTML or text), one Markdown document each; prints what was imported and every field left TODO.",
    ),
    (
        "cli.new.about",
        "新建一个站点：政务公开专栏（指南、制度、法定主动公开内容、年报）、页脚信息和示例文件",
        "Create a new site with the disclosure column, the footer fields and two example documents.",
    ),
    (
        "cli.arg.root",
        "站点文件夹（含 site.yaml 的文件夹）",
        "The site folder, holding site.yaml.",
    ),
    (
        "cli.arg.format",
        "问题的输出格式：human（给人看）、json（每行一个对象）或 github（GitHub Actions 注释）",
        "How to print problems: human, json (one object per line) or github (GitHub Actions annotations).",
    ),
    (
        "cli.arg.quiet",
        "不显示进度条和汇总，只输出问题",
        "No progress bar and no summary: only problems are printed.",
    ),
    (
        "cli.arg.strict",
        "警告也按错误处理（退出码 1），用于持续集成：占位的 base_url、未声明的发布机构、空正文、远在将来的日期",
        "Warnings fail the run (exit 1), for CI: a placeholder base_url, an undeclared issuer, an empty body, a date far in the future.",
    ),
    (
        "cli.arg.lang",
        "消息语言：zh（中文，默认）或 en；也可用环境变量 GONGKAI_LANG，否则按 site.yaml 的 language",
        "The language of messages: zh (Chinese, the default) or en; also GONGKAI_LANG, else site.yaml's language.",
    ),
    (
        "cli.help.about",
        "显示本说明，或某个命令的说明",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "cli.help.subcommand",
        "要查看说明的命令",
        "Print help for the subcommand(s)",
    ),
    ("cli.arg.help", "显示帮助", "Print help"),
    ("cli.arg.version", "显示版本", "Print version"),
    (
        "cli.build.out",
        "输出到这个文件夹",
        "Write the site here instead.",
    ),
    (
        "cli.build.clean",
        "忽略上次构建的记录，重新写入每个文件",
        "Write every file again, ignoring what the last build wrote.",
    ),
    (
        "cli.build.force",
        "输出文件夹中有不是 gongkai 写入的文件时，照样输出并替换它们",
        "Build into an output folder that holds files gongkai did not write, replacing them.",
    ),
    (
        "cli.serve.port",
        "先尝试的端口（被占用时取下一个空闲端口）",
        "The port to try first (the next free one is taken if it is busy).",
    ),
    (
        "cli.serve.open",
        "在默认浏览器中打开网站",
        "Open the site in the default browser.",
    ),
    ("cli.stats.year", "年报的年份", "The report's year."),
    (
        "cli.stats.format",
        "md（可粘贴进年报的 Markdown 表格）、csv 或 json",
        "md (a Markdown table to paste into the report), csv or json.",
    ),
    (
        "cli.new_doc.category",
        "信息分类，写名称或代码（如 规划计划 或 03）",
        "The 信息分类, by name or code (e.g. 规划计划 or 03).",
    ),
    (
        "cli.new_doc.title",
        "标题（不写则留 TODO，check 会一直提示，直到填写）",
        "The title (else a TODO that check reports until it is written).",
    ),
    (
        "cli.new_doc.issuer",
        "发布机构（不写则取 site.yaml 的 index_number.issuer）",
        "The 发布机构 (else site.yaml's index_number.issuer).",
    ),
    (
        "cli.new_doc.date",
        "发文日期（不写则为今天）；索引号中的年份取自它",
        "The 发文日期 (else today); the 索引号's year comes from it.",
    ),
    (
        "cli.new_doc.doc_number",
        "文件编号，例如 某政办发〔2026〕3号",
        "The 文件编号, e.g. 某政办发〔2026〕3号.",
    ),
    (
        "cli.import.paths",
        "保存的页面或其所在文件夹（.html、.htm、.txt）",
        "Saved pages, or folders of them (.html, .htm, .txt).",
    ),
    (
        "cli.import.csv",
        "元数据登记表，每行一篇文件（.csv、.xlsx、.xls 或 .ods）；“正文”列写各篇正文所在的文件",
        "A metadata register, one row per document (.csv, .xlsx, .xls or .ods); a 正文 column names each body's file.",
    ),
    (
        "cli.import.into",
        "文件放到哪里（相对于站点文件夹）",
        "Where the documents go, relative to the site folder.",
    ),
    (
        "cli.import.category",
        "页面没有写明信息分类时所用的分类（名称或代码）",
        "The 信息分类 of pages that state none (name or code).",
    ),
    (
        "cli.import.issuer",
        "页面没有写明发布机构时所用的发布机构",
        "The 发布机构 of pages that state none.",
    ),
    (
        "cli.import.force",
        "覆盖已存在的文件（包括手工改过的）",
        "Overwrite documents that exist.",
    ),
    (
        "cli.new.dir",
        "要创建的文件夹（必须不存在或为空）",
        "The folder to create (must not exist, or be empty).",
    ),
    (
        "cli.check.fix_encoding",
        "把 GBK 编码的文件转换为 UTF-8（原文件另存一份 .gbk 备份）",
        "Convert GBK files to UTF-8 (the original is kept beside it as .gbk).",
    ),
    // ── words used inside other messages
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
        "“{value}”不是本站声明的文件种类",
        "`{value}` is not a genre of this site",
    ),
    (
        "genre.none.hint",
        "在 site.yaml 中声明年报统计的文件种类，例如 genres: [规章, 行政规范性文件]",
        "declare the kinds counted in the annual report in site.yaml, e.g. genres: [规章, 行政规范性文件]",
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
    // ── column pages
    (
        "page.unreadable",
        "无法读取专栏页面 {page}：{error}",
        "column page {page} cannot be read: {error}",
    ),
    (
        "page.unreadable.hint",
        "创建这个文件，或从 site.yaml 的 column: 中删除这一行",
        "create the file, or remove the line from site.yaml's column:",
    ),
    (
        "page.unknown_field",
        "未知或空的页面字段“{key}”",
        "unknown or empty page field `{key}`",
    ),
    (
        "page.unknown_field.hint",
        "专栏页面只有 标题（title），可选 更新日期（updated）",
        "a column page has `title` and optionally `updated`",
    ),
    (
        "page.title_missing",
        "缺少必填字段“标题”（title）",
        "required field `title` is missing",
    ),
    (
        "page.title_missing.hint",
        "加一行“标题: …”",
        "add a line `title: …`",
    ),
    // ── site.yaml
    (
        "config.unreadable",
        "无法读取 {file}：{error}",
        "cannot read {file}: {error}",
    ),
    (
        "config.unreadable.hint",
        "在站点文件夹（有 site.yaml 的文件夹）中运行 gongkai，或用 --root 指定文件夹，或用 gongkai new 文件夹 新建站点",
        "run gongkai in a site folder (one with site.yaml), pass --root DIR, or create a site with `gongkai new DIR`",
    ),
    ("config.yaml", "site.yaml 格式有误：{detail}", "{detail}"),
    (
        "config.yaml.hint",
        "参见 README.md 中的 site.yaml 说明",
        "see the site.yaml reference in README.md",
    ),
    ("config.title", "站点标题是空的", "the site title is empty"),
    (
        "config.title.hint",
        "写站点名称，例如 title: 某某区人民政府信息公开",
        "write the name of the site, e.g. title: 某某区人民政府信息公开",
    ),
    (
        "config.categories",
        "没有声明信息分类",
        "no categories are declared",
    ),
    (
        "config.categories.hint",
        "按 `- {{ code: \"01\", name: 机构职能 }` 列出信息分类",
        "list the 信息分类 as `- {{ code: \"01\", name: 机构职能 }`",
    ),
    (
        "config.page_size",
        "page_size 至少为 1",
        "page_size must be at least 1",
    ),
    (
        "config.page_size.hint",
        "每页 20 到 50 个文件便于阅读",
        "20 to 50 documents a page read well",
    ),
    (
        "config.base_url_scheme",
        "base_url“{url}”没有协议：以 // 开头表示按页面的协议访问另一个主机",
        "base_url `{url}` has no scheme: `//` addresses another host as the page's own scheme",
    ),
    (
        "config.base_url_scheme.hint",
        "写完整地址，例如 https://www.example.gov.cn/zwgk/，或路径 /zwgk/",
        "write the full address, e.g. https://www.example.gov.cn/zwgk/, or a path such as /zwgk/",
    ),
    (
        "config.base_url",
        "base_url“{url}”不是网址",
        "base_url `{url}` is not an address",
    ),
    (
        "config.base_url.hint",
        "写网站发布后的地址，例如 https://www.example.gov.cn/zwgk/",
        "write the published address, e.g. https://www.example.gov.cn/zwgk/",
    ),
    (
        "config.theme",
        "主题“{theme}”不是文件夹名",
        "theme `{theme}` is not a folder name",
    ),
    (
        "config.theme.hint",
        "写 themes/ 下的文件夹名，例如 theme: default",
        "name a folder under themes/, e.g. theme: default",
    ),
    (
        "config.output_dir",
        "output_dir“{dir}”必须是站点文件夹内的文件夹",
        "output_dir `{dir}` must be a folder inside the site folder",
    ),
    (
        "config.output_dir.hint",
        "例如 output_dir: public（输出到别处请用 --out）",
        "e.g. output_dir: public (use --out for a folder elsewhere)",
    ),
    (
        "config.type_forbidden",
        "“{kind}”类型可能带有脚本，不能允许",
        "the type `{kind}` can carry script and cannot be allowed",
    ),
    (
        "config.type_forbidden.hint",
        "从 attachments.allowed_types 中删除它；这类文件请转为 PDF 发布",
        "remove it from attachments.allowed_types; publish such documents as PDF",
    ),
    (
        "config.column_code",
        "分类代码“{code}”没有在 categories 中声明",
        "category code `{code}` is not declared under categories",
    ),
    (
        "config.column_code.hint",
        "写本站某个信息分类的代码，例如 \"02\"",
        "use the code of a category of this site, e.g. \"02\"",
    ),
    (
        "config.column_page",
        "“{page}”不是 content/ 中的 Markdown 文件",
        "`{page}` is not a Markdown file inside content/",
    ),
    (
        "config.column_page.hint",
        "写相对于 content/ 的路径，例如 _pages/guide.md",
        "write the path relative to content/, e.g. _pages/guide.md",
    ),
    (
        "config.pattern.hint",
        "例如 pattern: \"{{org}-{{category_code}-{{year}-{{seq:06}\"",
        "e.g. pattern: \"{{org}-{{category_code}-{{year}-{{seq:06}\"",
    ),
    (
        "config.pattern_org",
        "编号规则用了 {{org}，但没有写 org",
        "the pattern uses {{org} but no org is given",
    ),
    (
        "config.pattern_org.hint",
        "在 index_number 下加 org: \"0101\"（本机关的代码）",
        "add org: \"0101\" (the office's code) under index_number",
    ),
    (
        "config.code_unsafe",
        "“{name}”的代码“{code}”不能用在网址中",
        "code `{code}` of `{name}` is not URL-safe",
    ),
    (
        "config.code_unsafe.hint",
        "只用英文字母、数字、`-` 和 `_`，例如 code: \"03\"",
        "use ASCII letters, digits, `-` and `_` only, e.g. code: \"03\"",
    ),
    (
        "config.code_twice",
        "代码“{code}”用了两次",
        "code `{code}` is used twice",
    ),
    (
        "config.code_twice.hint",
        "每一项用不同的代码",
        "give each entry its own code",
    ),
    (
        "config.name_empty",
        "有一项的名称是空的",
        "an entry has an empty name",
    ),
    ("config.name_empty.hint", "写上名称", "write its name"),
    (
        "config.name_twice",
        "“{name}”声明了两次",
        "`{name}` is declared twice",
    ),
    (
        "config.name_twice.hint",
        "删除其中一项",
        "remove one of the two entries",
    ),
    (
        "pattern.unclosed",
        "“{text}”中的 {{ 没有对应的 }",
        "`{{` without `}` in `{text}`",
    ),
    (
        "pattern.unknown",
        "未知的占位符“{{{name}}”；可用 {{org}、{{category_code}、{{year}、{{month}、{{seq} 或 {{seq:06}",
        "unknown placeholder `{{{name}}`; use {{org}, {{category_code}, {{year}, {{month}, {{seq} or {{seq:06}",
    ),
    (
        "pattern.seq_count",
        "编号规则需要恰好一个流水号 {{seq}（或 {{seq:06}），“{text}”中有 {count} 个",
        "the pattern needs exactly one running number {{seq} (or {{seq:06}), `{text}` has {count}",
    ),
    (
        "pattern.seq_adjacent",
        "“{text}”中的 {{seq} 必须与其他占位符隔开（例如用 `-`），编号才能读回",
        "{{seq} in `{text}` must be separated from other placeholders, e.g. by `-`, so numbers can be read back",
    ),
    // ── themes and rendering
    (
        "theme.missing",
        "找不到主题“{name}”：没有 themes/{name}/ 文件夹",
        "theme `{name}` not found: no folder themes/{name}/",
    ),
    (
        "theme.missing.hint",
        "创建这个文件夹，或删除 theme: 一行以使用内置主题",
        "create the folder, or remove `theme:` to use the built-in theme",
    ),
    (
        "theme.unreadable",
        "无法读取主题：{error}",
        "cannot read the theme: {error}",
    ),
    (
        "template.not_utf8",
        "模板不是 UTF-8 编码",
        "the template is not UTF-8",
    ),
    ("template.error", "模板错误：{detail}", "template error: {detail}"),
    (
        "template.error.hint",
        "参见 README.md 中的模板说明；模板用到的每个变量都必须存在",
        "see the template reference in README.md; every variable a template uses must exist",
    ),
    (
        "render.internal",
        "gongkai 生成{what}时出现内部错误（{detail}）",
        "gongkai failed while rendering {what} (internal error: {detail})",
    ),
    (
        "render.internal.hint",
        "请附上这个文件报告此问题；其他页面已生成",
        "please report it with the file attached; the other pages were rendered",
    ),
    (
        "internal.file",
        "gongkai {stage}这个文件时出现内部错误（{detail}）",
        "gongkai failed while {stage} this file (internal error: {detail})",
    ),
    (
        "internal.file.hint",
        "请附上这个文件报告此问题；其他文件已处理",
        "please report it with the file attached; the other files were handled",
    ),
    // ── warnings about the site as a whole
    (
        "feeds.no_base_url",
        "没有生成 Atom 订阅、sitemap.xml 和 robots.txt：它们需要完整的网址",
        "no Atom feeds, sitemap.xml or robots.txt were written: they need absolute addresses",
    ),
    (
        "feeds.no_base_url.hint",
        "把 base_url 设为发布后的地址，例如 https://www.example.gov.cn/zwgk/",
        "set base_url to the published address, e.g. https://www.example.gov.cn/zwgk/",
    ),
    // ── how a run ends
    ("verb.built", "已生成", "built"),
    ("verb.checked", "已检查", "checked"),
    ("summary.head", "{verb}：文件 {n} 件", "{verb} {n} documents"),
    ("summary.pages", "，页面 {n} 个", ", {n} pages"),
    ("summary.rendered", "（重新生成 {n} 个）", " ({n} rendered)"),
    (
        "summary.search",
        "，搜索分片 {shards} 个（词条 {terms} 个，{mb} MB{patched}）",
        ", {shards} search shards ({terms} terms, {mb} MB{patched})",
    ),
    (
        "summary.patched_one",
        "，按 1 个改动的文件增量更新",
        ", patched for 1 changed document",
    ),
    (
        "summary.patched",
        "，按 {n} 个改动的文件增量更新",
        ", patched for {n} changed documents",
    ),
    ("summary.unpublished", "（{n} 件不公开）", " ({n} not published)"),
    ("summary.into", "，输出到 {dir}", " into {dir}"),
    (
        "summary.files",
        "（写入 {written} 个文件，删除 {deleted} 个）",
        " ({written} files written, {deleted} deleted)",
    ),
    ("summary.time", "，用时 {secs} 秒", " in {secs} s"),
    (
        "summary.warnings",
        "；警告 {n} 条，见上文",
        "; {n} warning(s) above",
    ),
    (
        "run.failed",
        "共 {n} 个错误；没有写入任何文件，原有输出未改变",
        "{n} error(s); nothing was written, the previous output is unchanged",
    ),
    (
        "run.output_failed",
        "{error}\n  没有写入任何文件，原有输出未改变",
        "{error}\n  nothing was written, the previous output is unchanged",
    ),
    (
        "run.internal",
        "gongkai 因内部错误停止（{detail}）；没有写入任何文件，原有输出未改变\n  提示：请报告此问题，如能附上站点更好",
        "gongkai stopped on an internal error ({detail}); nothing was written, the previous output is unchanged\n  hint: please report it, with the site if you can",
    ),
    (
        "run.strict",
        "--strict：{n} 条警告按错误处理",
        "--strict: {n} warning(s) count as errors",
    ),
    (
        "output.busy",
        "本站点或该输出文件夹正在进行另一次 gongkai 构建（锁文件 {lock}）；请等它结束后再试",
        "another gongkai build is running in this site or into this output (lock file {lock}); wait for it to finish and try again",
    ),
    (
        "output.forbidden",
        "不能输出到文件夹 {dir}：{why}",
        "the output folder {dir} is not allowed: {why}",
    ),
    (
        "output.why.link_file",
        "它是指向文件的链接，不是文件夹",
        "it is a link to a file, not a folder",
    ),
    (
        "output.why.link_nothing",
        "它是指向不存在位置的链接",
        "it is a link to nothing",
    ),
    (
        "output.why.file",
        "它是文件，不是文件夹",
        "it is a file, not a folder",
    ),
    (
        "output.why.site",
        "它是站点文件夹本身或包含站点文件夹",
        "it is the site folder or contains it",
    ),
    (
        "output.why.sources",
        "它位于 content/、themes/ 或 .gongkai/ 中",
        "it lies inside content/, themes/ or .gongkai/",
    ),
    (
        "output.io",
        "文件操作失败（{action} {path}）：{error}",
        "{action} {path}: {error}",
    ),
    (
        "output.lost",
        "{path} 已不是上次构建写入时的样子",
        "{path} is not in the output as the last build wrote it",
    ),
    (
        "output.duplicate",
        "有两个输出写到 {path}",
        "two outputs are written to {path}",
    ),
    (
        "output.unsafe",
        "不安全的输出路径 {path}",
        "unsafe output path {path}",
    ),
    (
        "output.interrupted",
        "{error}\n  出错时输出正在更新：下次构建会完成这次更新",
        "{error}\n  the output was being updated when this happened: the next build finishes the update",
    ),
    (
        "output.not_ours",
        "{dir} 中有不是 gongkai 写入的文件，构建会替换它们\n  提示：换一个新的或空的输出文件夹（--out 或 site.yaml 的 output_dir），或加 --force 替换",
        "{dir} holds files gongkai did not write, which a build would replace\n  hint: choose a new or empty folder for the output (--out or site.yaml's output_dir), or pass --force to replace it",
    ),
    // ── the progress bar's stages
    ("stage.reading", "读取", "reading"),
    ("stage.rendering", "生成页面", "rendering"),
    ("stage.indexing", "建立索引", "indexing"),
    ("stage.exporting", "导出数据", "exporting"),
    // ── serve
    (
        "serve.ready",
        "正在预览 {url}（按 Ctrl-C 停止）",
        "serving {url} (Ctrl-C stops)",
    ),
    (
        "serve.failed",
        "构建失败；仍在提供上一次成功构建的网站",
        "the build failed; still serving the last good site",
    ),
    (
        "serve.overlay",
        "gongkai：上一次修改没有生成成功，这里显示的是上一次成功生成的网站。\n改正下面的问题并保存，页面会自动刷新。",
        "gongkai: the last change did not build; this is the last good site.\nFix the problems below and save: the page reloads.",
    ),
    ("serve.error", "无法启动预览：{error}", "cannot serve: {error}"),
    (
        "serve.no_port",
        "127.0.0.1 上从 {port} 起没有空闲端口：{reason}",
        "no free port on 127.0.0.1 from {port}: {reason}",
    ),
    (
        "serve.watch",
        "无法监视 {path} 的改动：{error}",
        "cannot watch {path} for changes: {error}",
    ),
    (
        "serve.browser",
        "无法启动 {opener}；请自己打开 {url}",
        "could not start {opener}; open {url} yourself",
    ),
    // ── new
    (
        "new.created",
        "已在 {dir} 创建新站点",
        "created a new site in {dir}",
    ),
    (
        "new.next",
        "下一步：gongkai serve --root {dir} --open 预览，gongkai build --root {dir} 生成",
        "next: gongkai serve --root {dir} --open to preview, gongkai build --root {dir} to build",
    ),
    (
        "new.not_empty",
        "{dir} 不是空文件夹；请换一个新文件夹",
        "{dir} is not empty; choose a new folder",
    ),
    (
        "new.io",
        "无法创建 {path}：{error}",
        "cannot create {path}: {error}",
    ),
    // ── stats
    (
        "stats.no_genres",
        "site.yaml 没有声明文件种类（genres）",
        "site.yaml declares no genres",
    ),
    (
        "stats.no_genres.hint",
        "加上 genres: [规章, 行政规范性文件]，并给文件写上 genre:",
        "add genres: [规章, 行政规范性文件] and give documents a genre:",
    ),
    (
        "stats.undated",
        "索引号 {number}：已废止或失效但没有日期；按现行有效统计（请写 repealed_on）",
        "{number}: repealed or expired without a date; counted as in force (set repealed_on)",
    ),
    (
        "stats.cross_year",
        "跨年核对：{problem}",
        "cross-year check: {problem}",
    ),
    // ── warnings: mistakes a citizen would see (--strict makes them errors)
    (
        "audit.no_site",
        "{dir} 里没有生成好的网站（缺少 index.html）",
        "{dir} holds no built site (no index.html)",
    ),
    (
        "audit.no_site.hint",
        "先运行 gongkai build，或用 --out 指定生成的文件夹",
        "run gongkai build first, or name the built folder with --out",
    ),
    (
        "audit.unreadable",
        "无法读取生成的网站：{error}",
        "cannot read the built site: {error}",
    ),
    ("audit.more", "……另有 {n} 处", "… and {n} more"),
    (
        "audit.identity",
        "网站信息完整，每个页面底部都有",
        "the site identity is complete and at the bottom of every page",
    ),
    (
        "audit.identity.source",
        "《政府网站发展指引》（国办发〔2017〕47号）：网站标识码、ICP备案号、公安机关备案号、党政机关网站标识、主办单位和联系方式",
        "政府网站发展指引 (国办发〔2017〕47号): site code, ICP and police registrations, 党政机关 certificate, sponsor and contact",
    ),
    (
        "audit.identity.placeholder",
        "site.yaml 的“{name}”还是占位内容",
        "site.yaml's {name} is still a placeholder",
    ),
    (
        "audit.identity.missing",
        "site.yaml 没有写“{name}”",
        "site.yaml has no {name}",
    ),
    (
        "audit.identity.page",
        "{page}：页面底部没有“{value}”",
        "{page}: the footer does not show {value}",
    ),
    (
        "audit.tags",
        "每个页面都有指引要求的网页标签，格式正确",
        "every page carries the tags the 指引 asks for, well formed",
    ),
    (
        "audit.tags.source",
        "《政府网站发展指引》网页标签：SiteName、SiteDomain、SiteIDCode、Column…；文章页另有 ArticleTitle、PubDate、ContentSource、Keywords、Author、Description、Url",
        "政府网站发展指引 page tags: SiteName, SiteDomain, SiteIDCode, Column…; article pages also ArticleTitle, PubDate, ContentSource, Keywords, Author, Description, Url",
    ),
    ("audit.tags.missing", "{page}：缺少 {tags}", "{page}: no {tags}"),
    (
        "audit.tags.bad",
        "{page}：{tag}“{value}”格式不对",
        "{page}: {tag} `{value}` is not well formed",
    ),
    (
        "audit.column",
        "政务公开专栏的四个部分都有，每个页面都链接到它们",
        "the column's four sections exist and every page links to them",
    ),
    (
        "audit.column.source",
        "国办公开办函〔2019〕61号：政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报",
        "国办公开办函〔2019〕61号: guide, rules, mandatory disclosures, annual reports",
    ),
    (
        "audit.column.undeclared",
        "site.yaml 的 column: 没有声明“{name}”",
        "site.yaml's column: does not declare {name}",
    ),
    (
        "audit.column.absent",
        "没有“{name}”页面 {page}",
        "no {name} page {page}",
    ),
    (
        "audit.column.unlinked",
        "{page}：没有链接到“{name}”",
        "{page}: no link to {name}",
    ),
    (
        "audit.mandatory",
        "法定主动公开内容的每一项都有内容，或写明本站暂无",
        "every item of the mandatory disclosures has content or says there is none",
    ),
    (
        "audit.mandatory.source",
        "《政府信息公开条例》第二十条；国办公开办函〔2019〕61号",
        "政府信息公开条例 art. 20; 国办公开办函〔2019〕61号",
    ),
    (
        "audit.mandatory.undeclared",
        "site.yaml 的 column: 没有 mandatory（法定主动公开内容）",
        "site.yaml's column: has no mandatory items",
    ),
    (
        "audit.mandatory.silent",
        "“{item}”没有信息分类，页面也没有写明本站暂无",
        "{item} has no category and the page does not say there is none",
    ),
    (
        "audit.mandatory.absent",
        "“{item}”：没有列表页 {page}",
        "{item}: no list page {page}",
    ),
    (
        "audit.mandatory.silent_list",
        "“{item}”：{page} 既没有文件，也没有写明本站暂无",
        "{item}: {page} has no documents and does not say there are none",
    ),
    (
        "audit.reports",
        "每年的政府信息公开工作年度报告都已按期发布",
        "every year's annual report is published by its deadline",
    ),
    (
        "audit.reports.source",
        "《政府信息公开条例》第四十九条、第五十条（部门 1月31日前，县级以上人民政府 3月31日前；site.yaml 的 column.report_deadline）",
        "政府信息公开条例 arts. 49–50 (departments by 31 January, county or higher governments by 31 March; site.yaml column.report_deadline)",
    ),
    (
        "audit.reports.undeclared",
        "site.yaml 的 column: 没有 reports（年报所在的信息分类）",
        "site.yaml's column: has no reports category",
    ),
    (
        "audit.reports.no_catalogue",
        "生成的网站里没有可读的 catalogue.json",
        "the built site has no readable catalogue.json",
    ),
    (
        "audit.reports.missing",
        "没有 {year} 年的年报（应在 {due} 前发布；按标题中的“{year}年”识别）",
        "no annual report for {year} (due by {due}; found by “{year}年” in its title)",
    ),
    (
        "audit.links",
        "没有失效的站内链接",
        "no broken link within the site",
    ),
    (
        "audit.links.source",
        "《政府网站发展指引》：链接可用，不得有错链、断链",
        "政府网站发展指引: links work; no broken links",
    ),
    (
        "audit.links.broken",
        "{page}：链接“{link}”指向的文件不存在",
        "{page}: the link `{link}` leads to no file",
    ),
    (
        "audit.external",
        "不加载任何外部资源（脚本、样式、字体、图片）",
        "nothing is loaded from elsewhere (scripts, styles, fonts, images)",
    ),
    (
        "audit.external.source",
        "gongkai：不联网也能浏览；《政府网站发展指引》安全防护",
        "gongkai: works without the network; 政府网站发展指引, security",
    ),
    (
        "audit.external.page",
        "{page}：加载外部资源 {url}",
        "{page}: loads {url} from elsewhere",
    ),
    (
        "audit.depth",
        "从首页点击三次以内能到达每个页面",
        "every page is within three clicks of the home page",
    ),
    (
        "audit.depth.source",
        "《政府网站发展指引》：栏目层级清晰，信息便于查找（建议项）",
        "政府网站发展指引: clear column levels, information easy to find (advice)",
    ),
    (
        "audit.depth.far",
        "{page}：从首页要点击 {n} 次",
        "{page}: {n} clicks from the home page",
    ),
    (
        "audit.depth.unreached",
        "{page}：从首页无法通过链接到达",
        "{page}: no path of links from the home page",
    ),
    (
        "audit.json_ld",
        "文件页面带有 schema.org 结构化数据",
        "document pages carry schema.org data",
    ),
    (
        "audit.json_ld.source",
        "schema.org Legislation（建议项：便于搜索引擎和汇聚平台读取元数据）",
        "schema.org Legislation (advice: aggregators and search engines read the metadata)",
    ),
    (
        "audit.json_ld.missing",
        "{page}：没有可读的 JSON-LD",
        "{page}: no readable JSON-LD",
    ),
    ("audit.pass", "通过", "pass"),
    ("audit.fail", "未通过", "FAIL"),
    ("audit.advice", "建议", "advice"),
    (
        "audit.summary",
        "审查 {dir}：{rules} 项规则，{passed} 项通过，{failed} 项必查项未通过，{advice} 项建议项未通过",
        "audited {dir}: {rules} rules, {passed} passed, {failed} required failed, {advice} advice not met",
    ),
    (
        "cli.audit.about",
        "审查生成的网站：逐项对照政府网站和政务公开的规定（网站信息、网页标签、专栏、年报、链接……），必查项不通过时退出码为 1",
        "Audit a built site against the government-website and disclosure rules (identity, page tags, column, annual reports, links …); exit 1 when a required rule fails.",
    ),
    (
        "cli.audit.out",
        "要审查的生成文件夹（默认：site.yaml 的 output_dir）",
        "The built folder to audit (default: site.yaml's output_dir).",
    ),
    (
        "cli.audit.today",
        "按这一天判断年报是否到期（默认今天），格式 2026-04-01",
        "The day annual-report deadlines are judged on (default: today), e.g. 2026-04-01.",
    ),
    (
        "summary.robots_sub_path",
        "注意：网站位于子路径 {path} 下，搜索引擎只读取网站根目录的 robots.txt。请把 public/robots.txt 复制到网站根目录，或把其中的 Sitemap 一行加到根目录的 robots.txt 中；sitemap.xml 留在原处即可。",
        "Note: the site lives under {path}, and crawlers read robots.txt only at the domain's root: copy public/robots.txt there, or add its Sitemap line to the root's robots.txt; sitemap.xml can stay where it is.",
    ),
    (
        "advice.base_url",
        "base_url 还是示例地址 {url}：订阅、sitemap.xml 和分享出去的链接都会指向它",
        "base_url is still the example address {url}: feeds, sitemap.xml and shared links would point there",
    ),
    (
        "advice.base_url.hint",
        "把 base_url 改为网站发布后的地址，例如 https://www.某某区.gov.cn/zwgk/",
        "set base_url to the address the site is published at",
    ),
    (
        "advice.footer",
        "还是占位内容：{value}",
        "still a placeholder: {value}",
    ),
    (
        "advice.footer.hint",
        "改成本单位的真实信息（site.yaml 的 identity: 写每个页面底部的主办单位、联系方式、网站标识码和备案号）",
        "write the office's own details (site.yaml's identity: is what every page's footer shows: sponsor, contact, site code, registrations)",
    ),
    (
        "config.report_deadline",
        "report_deadline“{day}”不是“月-日”",
        "report_deadline `{day}` is not a month and day",
    ),
    (
        "config.report_deadline.hint",
        "写作 \"01-31\"（政府部门）或 \"03-31\"（县级以上人民政府）",
        "write \"01-31\" (a government department) or \"03-31\" (a county or higher government)",
    ),
    (
        "advice.identity_absent",
        "site.yaml 没有网站信息（identity:）：政府网站每个页面底部应当有主办单位、联系方式、网站标识码、ICP备案号、公安机关备案号和党政机关网站标识（《政府网站发展指引》）",
        "site.yaml has no identity: block: every page of a government website must show its sponsor, contact, site code, ICP and police registrations and 党政机关 certificate (政府网站发展指引)",
    ),
    (
        "advice.identity_absent.hint",
        "加上 identity: 一节，写法见 README 的“site.yaml 参考”，或参照 gongkai new 生成的 site.yaml",
        "add an identity: section (see README.en.md, site.yaml reference, or the site.yaml gongkai new writes)",
    ),
    (
        "advice.identity_missing",
        "网站信息缺少“{name}”：政府网站的每个页面底部都应当有它（《政府网站发展指引》）",
        "the site identity has no {name}: every page of a government website must show it at the bottom (政府网站发展指引)",
    ),
    (
        "advice.identity_missing.hint",
        "在 site.yaml 的 identity: 下加一行 `{key}: …`",
        "add a line `{key}: …` under identity: in site.yaml",
    ),
    (
        "advice.site_code",
        "网站标识码“{code}”不是 10 位字母或数字",
        "the site code `{code}` is not ten letters or digits",
    ),
    (
        "advice.site_code.hint",
        "网站标识码由全国政府网站信息报送系统分配，例如 3703020001、bm07000001；照原样填写",
        "the site code is assigned by the national government-website register, e.g. 3703020001 or bm07000001; copy it as issued",
    ),
    (
        "advice.dzjg",
        "党政机关标识“{url}”不是党政机关网站标识证书网站（bszs.conac.cn）上的网址",
        "the 党政机关 certificate `{url}` is not an address on the certificate site (bszs.conac.cn)",
    ),
    (
        "advice.dzjg.hint",
        "填写党政机关网站标识证书页面的完整网址，例如 https://bszs.conac.cn/sitename?method=show&id=…",
        "write the full address of the site's 党政机关 certificate page (starting https://)",
    ),
    (
        "advice.guide",
        "政府信息公开指南没有写明“{element}”（《政府信息公开条例》第十二条）",
        "the 政府信息公开指南 does not state {element} (政府信息公开条例 art. 12)",
    ),
    (
        "advice.guide.hint",
        "在指南中补写这一项；检查按这些词识别：{words}",
        "add it to the guide; the check looks for one of: {words}",
    ),
    (
        "advice.guide_placeholder",
        "政府信息公开指南中还有“待填写”的内容",
        "the 政府信息公开指南 still holds 待填写 placeholders",
    ),
    (
        "advice.guide_form",
        "政府信息公开指南没有提供申请表下载",
        "the 政府信息公开指南 offers no application form to download",
    ),
    (
        "advice.guide_form.hint",
        "把申请表（文件名含“申请表”，如 政府信息公开申请表.docx）放在指南旁边，在指南中链接它：[下载申请表](政府信息公开申请表.docx)",
        "put the form (a file named with 申请表, e.g. 政府信息公开申请表.docx) beside the guide and link it: [download the form](政府信息公开申请表.docx)",
    ),
    (
        "advice.issuer",
        "发布机构“{issuer}”没有在 site.yaml 的 issuers 中声明",
        "the issuer `{issuer}` is not declared under issuers in site.yaml",
    ),
    (
        "advice.issuer.hint",
        "已声明的发布机构：{names}",
        "declared issuers: {names}",
    ),
    (
        "advice.empty_body",
        "正文是空的，也没有附件：公开的页面上只有标题",
        "the body is empty and there is no attachment: the page shows only a title",
    ),
    (
        "advice.empty_body.hint",
        "在第二个 `---` 之后写正文，或用 附件: 附上原文",
        "write the text after the second `---`, or attach the original with attachments:",
    ),
    (
        "advice.future_date",
        "发文日期 {date} 比今天（{today}）晚一年以上",
        "the date {date} is more than a year after today ({today})",
    ),
    (
        "advice.future_date.hint",
        "核对年份，可能是输入错误",
        "check the year: it may be a typo",
    ),
    // ── new-doc and import
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
