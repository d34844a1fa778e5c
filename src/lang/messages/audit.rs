//! `gongkai audit`: each rule's name and source, what it finds, the
//! checklist's words.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
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
        "site.yaml 的“{name}”还是占位内容或格式不对（gongkai check 会指出）",
        "site.yaml's {name} is still a placeholder or not well formed (gongkai check says which)",
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
];
