//! The site's own files: column pages, site.yaml, themes and rendering,
//! warnings about the site as a whole.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
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
        "config.synonyms",
        "search.synonyms 的一组同义词“{group}”至少要有两个不同、非空的词",
        "the synonym group “{group}” in search.synonyms needs at least two different, non-empty words",
    ),
    (
        "config.synonyms.hint",
        "每组写成一个列表，例如 - [放管服, 简政放权、放管结合、优化服务]",
        "write each group as a list, e.g. - [放管服, 简政放权、放管结合、优化服务]",
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
];
