//! The default theme's interface strings: Chinese by default, English when
//! site.yaml's `language` starts with `en`. Documents stay as written.
//! Templates read them as `t.<key>`; `{n}`-style placeholders are filled with
//! minijinja's `replace`.

/// (key, Chinese, English).
const STRINGS: &[(&str, &str, &str)] = &[
    ("skip", "跳到正文", "Skip to content"),
    ("nav_main", "主导航", "Main navigation"),
    ("home", "首页", "Home"),
    ("guide", "政府信息公开指南", "Disclosure guide"),
    ("rules", "政府信息公开制度", "Disclosure rules"),
    ("mandatory", "法定主动公开内容", "Mandatory disclosures"),
    ("reports", "政府信息公开年报", "Annual reports"),
    ("category", "信息分类", "Category"),
    ("issuer", "发布机构", "Issuer"),
    ("year", "发布年份", "Year"),
    ("subject", "主题分类", "Subject"),
    ("written_date", "成文日期", "Written"),
    ("published_date", "发布日期", "Published"),
    ("effective_date", "施行日期", "In force from"),
    ("genre", "文种", "Genre"),
    ("kind", "文件类型", "Kind"),
    ("registration", "登记号", "Registration number"),
    ("interpretation_form", "解读形式", "Form of interpretation"),
    ("joint", "联合发文", "Joint document"),
    ("library", "规范性文件库", "Regulations in force"),
    (
        "library_lead",
        "本站发布的规章和规范性文件，按文件类型列出现行有效的文件（修订过的只列最新版本），以及已废止、已失效的文件。",
        "The rules and normative documents published here, by kind: those in force (of a revised document only its newest version), and those repealed or expired.",
    ),
    ("library_in_force", "现行有效（{n} 件）", "In force ({n})"),
    (
        "library_abolished",
        "已废止、已失效（{n} 件）",
        "Repealed or expired ({n})",
    ),
    ("versions", "历次版本", "Versions"),
    ("version_current", "现行有效", "In force"),
    ("version_this", "本页", "This page"),
    ("browse", "更多浏览方式", "More ways to browse"),
    ("search", "搜索", "Search"),
    ("search_site", "搜索公开文件", "Search documents"),
    ("elder", "长者模式", "Large text"),
    ("updated_on", "更新于", "Updated"),
    ("sponsor", "主办单位", "Run by"),
    ("organizer", "承办单位", "Maintained by"),
    ("contact", "联系方式", "Contact"),
    ("site_code", "网站标识码", "Site code"),
    ("phone", "联系电话", "Telephone"),
    ("address", "地址", "Address"),
    ("postcode", "邮编", "Postcode"),
    ("email", "电子邮箱", "Email"),
    ("icp", "ICP备案号", "ICP registration"),
    ("police", "公安机关备案号", "Public security registration"),
    ("dzjg", "党政机关网站标识", "Government website certificate"),
    ("correction", "网站纠错", "Report an error"),
    ("accessibility", "无障碍声明", "Accessibility"),
    ("privacy", "隐私声明", "Privacy"),
    ("footer_nav", "网站信息", "About this site"),
    ("colon", "：", ": "),
    ("column_type", "信息公开", "Information disclosure"),
    (
        "disclosure_catalogue",
        "政府信息公开",
        "Government information disclosure",
    ),
    ("breadcrumb", "当前位置", "You are here"),
    ("doc_info", "文件信息", "Document information"),
    ("original", "原文地址", "Original"),
    (
        "read_original",
        "全文见发布单位网站：",
        "The full text is on the publishing office's site: ",
    ),
    ("index_number", "索引号", "Index number"),
    ("disclosure", "公开方式", "Disclosure"),
    ("doc_number", "文件编号", "Document number"),
    ("date", "发文日期", "Date"),
    ("title", "信息标题", "Title"),
    ("summary", "内容概述", "Summary"),
    ("validity", "有效性", "Validity"),
    ("keywords", "主题词", "Keywords"),
    ("attachments", "附件", "Attachments"),
    ("interprets", "解读对象", "Interprets"),
    ("interpreted_by", "相关解读", "Interpretations"),
    (
        "replaces",
        "本文件废止或修改的文件",
        "Documents this one repeals or amends",
    ),
    ("notice", "本文件{status}", "This document is {status}"),
    ("notice_by", "：已被", ": "),
    ("notice_amended", "修改", " amended it"),
    ("notice_repealed", "废止", " repealed it"),
    ("notice_until", "（有效期至 {date}）", " (valid until {date})"),
    ("notice_end", "。", "."),
    (
        "home_lead",
        "共公开文件 {n} 件，来自 {m} 个发布机构。",
        "{n} documents from {m} issuers.",
    ),
    ("recent", "最新公开", "Latest"),
    ("none", "本站暂无公开文件。", "No documents on this site yet."),
    ("list_count", "共 {n} 件", "{n} documents"),
    ("list_page", "，第 {p} / {t} 页", ", page {p} of {t}"),
    ("list_order", "，按发文日期从新到旧排列。", ", newest first."),
    ("page_n", "（第{n}页）", " (page {n})"),
    ("prev", "上一页", "Previous"),
    ("next", "下一页", "Next"),
    ("pages", "分页", "Pages"),
    ("abolished", "废止和失效文件", "Repealed and expired documents"),
    (
        "abolished_of",
        "{name}：废止和失效文件",
        "{name}: repealed and expired documents",
    ),
    (
        "abolished_in",
        "本类废止和失效文件（{n} 件）",
        "Repealed and expired documents in this category ({n})",
    ),
    (
        "abolished_lead",
        "已废止、已失效的文件仍可查阅，但不再执行；原文件页面均已标注。",
        "Repealed and expired documents remain available but are no longer in force; each is marked on its page.",
    ),
    ("abolished_count", "废止和失效文件数", "Repealed and expired"),
    (
        "abolished_none",
        "本类没有废止或失效的文件。",
        "None in this category.",
    ),
    ("browse_by", "按{kind}浏览", "Browse by {kind}"),
    ("documents", "文件数", "Documents"),
    ("updated", "更新日期：", "Updated: "),
    (
        "mandatory_lead",
        "按《中华人民共和国政府信息公开条例》第二十条规定的主动公开事项排列。",
        "Ordered by the items of Article 20 of the Regulations on the Disclosure of Government Information.",
    ),
    ("browse_also", "也可以浏览：", "Also browse by:"),
    ("mandatory_item", "主动公开事项", "Item"),
    (
        "mandatory_categories",
        "信息分类（文件数）",
        "Categories (documents)",
    ),
    ("mandatory_none", "本站暂无此类信息", "None on this site"),
    (
        "search_label",
        "关键词、文件编号或索引号",
        "Keywords, document number or index number",
    ),
    ("search_placeholder", "如：{example}", "e.g. {example}"),
    ("filters", "筛选与排序", "Filter and sort"),
    ("all", "全部", "All"),
    ("sort", "排序", "Sort"),
    ("by_relevance", "按相关度", "Relevance"),
    ("by_date", "按发文日期", "Date"),
    (
        "nojs",
        "搜索需要浏览器启用 JavaScript。您也可以浏览全部公开文件：",
        "Search needs JavaScript. You can also browse all documents by:",
    ),
    (
        "search_file",
        "这个页面是从本机文件打开的（file://），浏览器不允许它读取搜索索引，所以不能搜索。请在命令行运行 gongkai serve --root 站点文件夹，再在浏览器打开它显示的地址，例如：",
        "This page was opened from a file (file://), and browsers do not let such a page read the search index, so it cannot search. Run gongkai serve --root <site folder> and open the address it prints, for example:",
    ),
    ("published_from", "发布日期从", "Published from"),
    ("published_to", "发布日期至", "Published until"),
    ("search_pages", "搜索结果分页", "Search result pages"),
    (
        "js_prompt",
        "请输入关键词、文件编号或索引号。",
        "Type keywords, a document number or an index number.",
    ),
    ("js_searching", "正在搜索…", "Searching…"),
    (
        "js_error",
        "搜索索引无法读取，请稍后再试。",
        "The search index could not be read; please try again later.",
    ),
    ("js_found", "找到 {n} 件文件", "{n} documents found"),
    (
        "js_found_pieces",
        "找到 {n} 件含有“{q}”全部字词的文件",
        "{n} documents hold every piece of “{q}”",
    ),
    (
        "js_also",
        "（同时搜索了同义词：{s}）",
        " (synonyms searched too: {s})",
    ),
    (
        "js_written_first",
        "，含有原文的排在前面",
        "; those holding it as written come first",
    ),
    ("js_page", "，第 {p} / {t} 页", ", page {p} of {t}"),
    ("js_end", "。", "."),
    (
        "js_none",
        "没有找到包含“{q}”的文件。",
        "No document contains “{q}”.",
    ),
    (
        "js_partial",
        "没有文件同时包含“{q}”的全部字词。以下 {n} 件文件包含其中的一部分（{k} / {m} 个词段），相关度较低：",
        "No document holds all of “{q}”. These {n} documents hold part of it ({k} of {m} pieces) and are less likely to be what you want:",
    ),
    (
        "js_unfilter",
        "不限筛选条件，重新搜索",
        "Search again without the filters",
    ),
    ("js_did_you_mean", "您是不是要找：", "Did you mean: "),
    ("js_partial_badge", "部分匹配", "Partial match"),
    ("js_sections", "文中相关章节", "Sections that hold the query"),
    ("js_exact", "编号匹配", "Number match"),
    ("js_prev", "上一页", "Previous"),
    ("js_next", "下一页", "Next"),
    ("status_valid", "有效", "Valid"),
    ("status_pending", "尚未生效", "Not yet in force"),
    ("status_amended", "已修改", "Amended"),
    ("status_partly", "部分失效", "Partly invalid"),
    ("status_repealed", "已废止", "Repealed"),
    ("status_expired", "已失效", "Expired"),
    ("disclosure_active", "主动公开", "Proactive"),
    ("disclosure_on_request", "依申请公开", "On request"),
    ("disclosure_withheld", "不予公开", "Withheld"),
    ("year_name", "{year}年", "{year}"),
    ("statistics", "统计", "Statistics"),
    ("stats_by_year", "按年份和信息分类", "By year and category"),
    ("stats_total", "合计", "Total"),
    ("stats_cumulative", "累计", "Running total"),
    ("stats_by_issuer", "按发布机构", "By issuer"),
    ("stats_by_validity", "按有效性", "By validity"),
    ("stats_chart", "各年度公开文件数", "Documents per year"),
    (
        "stats_annual",
        "年度报告 表二（一）：{kind}",
        "Annual report table 2 (1): {kind}",
    ),
    ("stats_issued", "本年制发件数", "Issued this year"),
    ("stats_repealed", "本年废止件数", "Repealed this year"),
    ("stats_in_force", "现行有效件数", "In force"),
];

/// Whether a site's `language` asks for the English interface.
pub(crate) fn is_english(language: &str) -> bool {
    crate::lang::Lang::of_site(language) == crate::lang::Lang::En
}

/// Every string for `language`, by key.
pub(crate) fn strings(language: &str) -> Vec<(&'static str, &'static str)> {
    let english = is_english(language);
    STRINGS
        .iter()
        .map(|(key, zh, en)| (*key, if english { *en } else { *zh }))
        .collect()
}

/// One string for `language`.
pub(crate) fn get(language: &str, key: &str) -> &'static str {
    let english = is_english(language);
    STRINGS
        .iter()
        .find(|s| s.0 == key)
        .map_or("", |(_, zh, en)| if english { en } else { zh })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut keys: Vec<&str> = STRINGS.iter().map(|s| s.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), STRINGS.len(), "duplicate key");
        for (key, zh, en) in STRINGS {
            assert!(!zh.is_empty() && !en.is_empty(), "{key}");
            let holes = |s: &str| s.matches('{').count();
            assert_eq!(holes(zh), holes(en), "placeholders of {key}");
        }
        assert_eq!(get("en-GB", "home"), "Home");
        assert_eq!(get("zh-CN", "home"), "首页");
    }
}
