//! What a legacy page states about its document: the labelled metadata
//! block (索引号 … 发文日期, in one or several lines), a 信息来源 / 发布日期
//! line, `发布时间 | 来源`, a 文号 on its own line under the red header, the
//! title line, the signature (落款) with its date; and the page's chrome
//! (navigation, footers, share widgets) to drop.

use chrono::NaiveDate;

use super::read::Line;

/// Metadata fields a page can state, by what they mean to gongkai.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// 索引号
    IndexNumber,
    /// 公开方式
    Disclosure,
    /// 发布机构
    Issuer,
    /// 文件编号
    DocNumber,
    /// 信息分类
    Category,
    /// 发文日期 (成文日期)
    Date,
    /// 发布日期 (the day the page went up)
    Published,
    /// 信息标题
    Title,
    /// 内容概述
    Summary,
    /// 主题词
    Keywords,
    /// 有效性
    Status,
    /// 信息来源 / 来源
    Source,
}

/// Labels as pages write them, longest first where one contains another.
const LABELS: &[(&str, Field)] = &[
    ("索引号", Field::IndexNumber),
    ("公开方式", Field::Disclosure),
    ("公开形式", Field::Disclosure),
    ("发布机构", Field::Issuer),
    ("发文机关", Field::Issuer),
    ("发文单位", Field::Issuer),
    ("文件编号", Field::DocNumber),
    ("发文字号", Field::DocNumber),
    ("文号", Field::DocNumber),
    ("信息分类", Field::Category),
    ("主题分类", Field::Category),
    ("发文日期", Field::Date),
    ("成文日期", Field::Date),
    ("发布日期", Field::Published),
    ("发布时间", Field::Published),
    ("信息标题", Field::Title),
    ("内容概述", Field::Summary),
    ("主题词", Field::Keywords),
    ("有效性", Field::Status),
    ("信息来源", Field::Source),
    ("来源", Field::Source),
];

/// Lines (or their starts) that belong to the site, not the document.
const CHROME_STARTS: &[&str] = &[
    "当前位置",
    "您现在的位置",
    "您的位置",
    "现在位置",
    "首页 >",
    "首页>",
    "隐私声明",
    "使用帮助",
    "关于我们",
    "扫一扫在手机打开当前页",
    "扫一扫",
    "责任编辑",
    "【责任编辑",
    "【收藏",
    "【打印",
    "【关闭",
    "【字体",
    "打印本页",
    "关闭窗口",
    "相关文章",
    "相关链接",
    "相关阅读",
    "分享到",
    "新媒体",
    "微信",
    "手机版",
    "网站地图",
    "联系我们",
    "网站标识码",
    "技术支持",
    "版权所有",
    "Copyright",
    "copyright",
    "主办",
    "承办",
    "访问量",
    "浏览次数",
    "【我要纠错",
    "字号",
    "附件下载:",
    "附件下载：",
];
/// Once one of these starts a line, the rest of the page is footer.
const FOOTER_STARTS: &[&str] = &[
    "隐私声明",
    "新媒体",
    "相关文章",
    "扫一扫在手机打开当前页",
    "【责任编辑",
    "责任编辑",
];

/// Whether a line is the site's chrome.
pub fn is_chrome(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    CHROME_STARTS.iter().any(|s| line.starts_with(s))
        || line.contains("ICP备")
        || line.contains("ICP证")
        || line.contains("公网安备")
        || line.starts_with("mailto:")
        || (line.starts_with("电话") && line.len() < 80)
        // "中山市 中山市 中山市": a logo's alt texts.
        || (tokens.len() >= 2 && tokens.iter().all(|t| *t == tokens[0]))
        // Navigation: several `>` or `>>` or `»` separators.
        || line.matches(['>', '»']).count() >= 2 && line.chars().count() < 80
}

/// Whether the footer begins at this line.
pub fn starts_footer(line: &str) -> bool {
    FOOTER_STARTS.iter().any(|s| line.starts_with(s))
}

/// The labelled fields of one line, if it is made of `label value` pairs
/// (text before the first label is the site's and dropped).
pub fn labelled(line: &str) -> Vec<(Field, String)> {
    let mut found: Vec<(usize, usize, Field)> = Vec::new();
    for (label, field) in LABELS {
        let mut from = 0;
        while let Some(at) = line[from..].find(label).map(|i| i + from) {
            let end = at + label.len();
            let before_ok = at == 0 || line[..at].ends_with([' ', '|', '丨', '】', ']']);
            let after = &line[end..];
            let after_ok = after.is_empty() || after.starts_with([':', '：', ' ']);
            let inside = found.iter().any(|(s, e, _)| at < *e && end > *s);
            if before_ok && after_ok && !inside {
                found.push((at, end, *field));
            }
            from = end;
        }
    }
    found.sort_unstable();
    let mut fields = Vec::new();
    for (i, (_, end, field)) in found.iter().enumerate() {
        let stop = found.get(i + 1).map_or(line.len(), |next| next.0);
        let value = line[*end..stop]
            .trim_start_matches([':', '：'])
            .trim()
            .trim_end_matches(['|', '丨'])
            .trim();
        fields.push((*field, value.to_owned()));
    }
    fields
}

/// A date in the forms pages use: 2017-7-18, 2017年06月09日, 2018-05-29
/// 09:16:51 (the time dropped), and 201769, where 年 and 月 were lost
/// (read only when one split of the digits is a real date).
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    if let Ok(date) = crate::content::date::parse(day) {
        return Some(date);
    }
    if day.len() >= 6 && day.len() <= 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = day[..4].parse().ok()?;
        let rest = &day[4..];
        let readings: Vec<NaiveDate> = (1..rest.len())
            .filter_map(|split| {
                let (m, d) = rest.split_at(split);
                if m.len() > 2 || d.len() > 2 {
                    return None;
                }
                NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
            })
            .collect();
        if let [only] = readings.as_slice() {
            return Some(*only);
        }
    }
    None
}

/// Whether `line` is a 文号 such as 甘政办发〔2018〕83号.
pub fn is_doc_number(line: &str) -> bool {
    let Some(open) = line.find(['〔', '[', '［', '（', '(']) else {
        return false;
    };
    let (prefix, rest) = line.split_at(open);
    let prefix_ok =
        !prefix.is_empty() && prefix.chars().count() <= 12 && prefix.chars().all(crate::content::han::is_han);
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    prefix_ok && rest.ends_with('号') && digits.len() >= 5 && rest.chars().count() <= 14
}

/// Endings of document titles (文种).
const TITLE_ENDS: &[&str] = &[
    "通知", "意见", "办法", "方案", "决定", "报告", "规定", "要点", "公告", "通告", "批复", "函", "规划",
    "细则", "计划", "通报", "决议", "指南", "制度", "条例", "命令",
];

/// Whether `line` reads like a document's title.
pub fn is_title_like(line: &str) -> bool {
    let n = line.chars().count();
    (6..=80).contains(&n) && TITLE_ENDS.iter().any(|e| line.ends_with(e)) && !line.ends_with('。')
}

/// Whether `line` names an organisation (a signature's first line).
pub fn is_organisation(line: &str) -> bool {
    const ENDS: &[&str] = &[
        "人民政府",
        "办公室",
        "办公厅",
        "委员会",
        "政府",
        "局",
        "委",
        "办",
        "厅",
        "中心",
        "小组",
        "管委会",
        "部",
    ];
    let n = line.chars().count();
    (3..=30).contains(&n)
        && ENDS.iter().any(|e| line.ends_with(e))
        && !line.contains(['，', ',', '。', ':', '：'])
}

/// The text of a line, for the header checks (table rows are not header).
pub fn text(line: &Line) -> Option<&str> {
    match line {
        Line::Text(t) | Line::Heading(_, t) => Some(t),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_lines_split_into_fields() {
        assert_eq!(
            labelled("索引号    0101-03-2017-000525 公开方式    主动公开 发布机构    区政府办公室"),
            vec![
                (Field::IndexNumber, "0101-03-2017-000525".into()),
                (Field::Disclosure, "主动公开".into()),
                (Field::Issuer, "区政府办公室".into()),
            ]
        );
        assert_eq!(
            labelled("发布时间:2018-01-19 11:51 | 来源:三元区政府办"),
            vec![
                (Field::Published, "2018-01-19 11:51".into()),
                (Field::Source, "三元区政府办".into())
            ]
        );
        assert_eq!(
            labelled("信息来源:中山市人民政府办公室 发布日期:2017年06月09日"),
            vec![
                (Field::Source, "中山市人民政府办公室".into()),
                (Field::Published, "2017年06月09日".into())
            ]
        );
        assert!(labelled("本年度报告根据来源于各部门的统计").is_empty());
    }

    #[test]
    fn dates_in_page_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date("2017-7-18"), d(2017, 7, 18));
        assert_eq!(date("2017年06月09日"), d(2017, 6, 9));
        assert_eq!(date("2018-05-29 09:16:51"), d(2018, 5, 29));
        assert_eq!(date("201769"), d(2017, 6, 9));
        assert_eq!(date("2017111"), None, "1-11 or 11-1: not guessed");
        assert_eq!(date("20171231"), d(2017, 12, 31));
    }

    #[test]
    fn doc_numbers_titles_and_organisations() {
        assert!(is_doc_number("甘政办发〔2018〕83号"));
        assert!(is_doc_number("川政办字〔2017〕89号"));
        assert!(!is_doc_number("南政办发"));
        assert!(is_title_like("关于印发南票区2021年政务公开工作要点的通知"));
        assert!(is_organisation("甘肃省人民政府办公厅"));
        assert!(!is_organisation("各市、自治州人民政府，兰州新区管委会"));
        assert!(is_chrome("鲁ICP备05024477号"));
        assert!(is_chrome("中山市 中山市 中山市"));
        assert!(is_chrome("当前位置:首页导航 政务公开导航"));
        assert!(!is_chrome(
            "电话号码为0533-5181064的热线于2017年开通，全年受理咨询312件，办结率100%，群众满意度持续提升。"
        ));
    }
}
