//! One page's draft: the fields it states (the header, the title, the
//! signature), what `--category` and `--issuer` fill in, TODOs for the rest,
//! and the body without the page's chrome.

use crate::msg;
use std::collections::BTreeMap;

use super::header::{self, Field};
use super::read::{Line, Page};
use super::{Draft, Options, body, scalar};
use crate::site::config::SiteConfig;

/// How many lines from the top are searched for the header.
const HEADER_LINES: usize = 14;

/// A page's fields and body.
pub fn extract(page: &Page, config: &SiteConfig, options: &Options) -> Draft {
    let mut draft = Draft::new(options.lang);
    let mut stated: BTreeMap<Field, String> = BTreeMap::new();
    // The page without its chrome and footer; header lines taken out.
    let mut rest: Vec<Line> = Vec::new();
    let mut label_line_at: Option<usize> = None;
    let mut pending_summary = false;
    let mut seen = 0;
    for line in &page.lines {
        // A metadata table (索引号 | 0101-… | 公开方式 | 主动公开): its rows
        // are read like labelled lines.
        if let Line::Row(cells) = line
            && seen <= HEADER_LINES
        {
            let joined = cells.join(" ");
            let fields = header::labelled(&joined);
            if !fields.is_empty()
                && joined.starts_with(|c: char| !c.is_ascii_digit())
                && fields.len() * 2 >= cells.len()
            {
                label_line_at.get_or_insert(rest.len());
                for (field, value) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
                    stated.entry(field).or_insert(value);
                }
                continue;
            }
        }
        let Some(text) = header::text(line) else {
            rest.push(line.clone());
            continue;
        };
        if seen > 3 && header::starts_footer(text) {
            break;
        }
        if header::is_chrome(text) {
            continue;
        }
        seen += 1;
        if pending_summary {
            pending_summary = false;
            stated.entry(Field::Summary).or_insert_with(|| text.to_owned());
            continue;
        }
        if seen <= HEADER_LINES {
            let fields = header::labelled(text);
            if !fields.is_empty() && (text.chars().count() < 120) {
                label_line_at.get_or_insert(rest.len());
                for (field, value) in fields {
                    if value.is_empty() && field == Field::Summary {
                        pending_summary = true;
                    } else if !value.is_empty() {
                        stated.entry(field).or_insert(value);
                    }
                }
                continue;
            }
        }
        rest.push(line.clone());
    }
    for (name, field) in [
        ("articletitle", Field::Title),
        ("pubdate", Field::Published),
        ("contentsource", Field::Source),
    ] {
        if let Some((_, value)) = page.meta.iter().find(|(n, v)| n == name && !v.is_empty()) {
            stated.entry(field).or_insert_with(|| value.clone());
        }
    }

    // Title: the 信息标题 label, else a 关于…通知 line near the top (joined
    // when a line break split it), else the page's headline.
    let top: Vec<(usize, String)> = rest
        .iter()
        .enumerate()
        .take(10)
        .filter_map(|(i, l)| header::text(l).map(|t| (i, t.to_owned())))
        .collect();
    let mut doc_number = stated.remove(&Field::DocNumber);
    let mut title_lines: Vec<usize> = Vec::new();
    let title = stated.remove(&Field::Title).or_else(|| {
        for (k, (i, line)) in top.iter().enumerate() {
            let (number, line) = split_doc_number(line);
            if !line.contains("关于") {
                continue;
            }
            if header::is_title_like(line) {
                if let (Some(n), None) = (number, &doc_number) {
                    doc_number = Some(n);
                }
                title_lines.push(*i);
                return Some(line.to_owned());
            }
            if let Some((j, next)) = top.get(k + 1)
                && header::is_title_like(&format!("{line}{next}"))
            {
                title_lines.extend([*i, *j]);
                return Some(format!("{line}{next}"));
            }
        }
        None
    });
    let title = title.or_else(|| {
        let headline = label_line_at
            .and_then(|at| top.iter().find(|(i, _)| *i < at))
            .cloned();
        headline.map(|(i, t)| {
            title_lines.push(i);
            draft.note("title", msg!("import.from.headline"));
            t
        })
    });
    let title = title.or_else(|| {
        page.title
            .clone()
            .inspect(|_| draft.note("title", msg!("import.from.page_title")))
    });
    // Lines above the title (the red header), the title, its repeats and
    // the 文号 line belong to the header.
    let mut dropped: Vec<usize> = Vec::new();
    if let Some(last) = title_lines.iter().max() {
        dropped.extend(top.iter().map(|(i, _)| *i).filter(|i| i <= last));
    }
    for (i, line) in &top {
        let repeat = title.as_ref().is_some_and(|t| {
            let n = line.chars().count();
            (line == t || (n >= 6 && t.ends_with(line.as_str()))) && !dropped.contains(i)
        });
        if repeat && dropped.len() <= *i + 3 {
            dropped.push(*i);
        }
        if header::is_doc_number(line) {
            doc_number.get_or_insert_with(|| line.clone());
            dropped.push(*i);
        }
    }
    let rest: Vec<Line> = rest
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, l)| l)
        .collect();

    // The signature: an organisation's name over a date.
    let mut signature: Option<(Option<String>, chrono::NaiveDate)> = None;
    for pair in rest.windows(2) {
        let (Some(above), Some(below)) = (header::text(&pair[0]), header::text(&pair[1])) else {
            continue;
        };
        let Some(date) = (below.chars().count() <= 12)
            .then(|| header::date(below))
            .flatten()
        else {
            continue;
        };
        let name = above
            .trim_start_matches("(此件公开发布)")
            .trim_start_matches("（此件公开发布）")
            .trim();
        if header::is_organisation(name) {
            signature = Some((Some(name.to_owned()), date));
            break;
        }
        if name.contains('\u{FFFD}') {
            let note = msg!("import.signature_damaged", name = name).get(draft.lang);
            draft.notes.push(note);
            signature = Some((None, date));
            break;
        }
    }

    // The front-matter, in the reference's order.
    draft.fill("title", title.map(|t| scalar(&t)), msg!("import.no_title"));
    match stated.remove(&Field::IndexNumber) {
        Some(n) => {
            draft.index_number = Some(n.clone());
            draft.fields.push(("index_number", scalar(&n)));
        }
        None => draft.fields.push(("index_number", String::new())), // filled by assign_index_number
    }
    let source = stated.remove(&Field::Source).filter(|s| {
        let org_like = header::is_organisation(s) || s.ends_with("政府办") || s.ends_with('办');
        org_like && !s.contains('网') && !s.contains("www")
    });
    let issuer = stated
        .remove(&Field::Issuer)
        .or_else(|| source.inspect(|_| draft.note("issuer", msg!("import.from.source"))))
        .or_else(|| {
            signature
                .as_ref()
                .and_then(|(name, _)| name.clone())
                .inspect(|_| draft.note("issuer", msg!("import.from.signature")))
        })
        .or_else(|| {
            options
                .issuer
                .clone()
                .inspect(|_| draft.note("issuer", msg!("import.from.flag", flag = "--issuer")))
        });
    draft.fill("issuer", issuer.map(|i| scalar(&i)), msg!("import.no_issuer"));
    if let Some(n) = doc_number {
        draft.fields.push(("doc_number", scalar(&n)));
    }
    let category = stated
        .remove(&Field::Category)
        .and_then(|c| match config.category(&c) {
            Some(i) => Some(config.categories[i].name.clone()),
            None => {
                draft.note("category", msg!("import.category_unknown", value = c));
                None
            }
        })
        .or_else(|| {
            options
                .category
                .as_deref()
                .and_then(|c| config.category(c))
                .map(|i| config.categories[i].name.clone())
                .inspect(|_| draft.note("category", msg!("import.from.flag", flag = "--category")))
        });
    draft.fill(
        "category",
        category.map(|c| scalar(&c)),
        msg!("import.no_category"),
    );
    let stated_date = stated.remove(&Field::Date).and_then(|d| header::date(&d));
    let published = stated.remove(&Field::Published).and_then(|d| header::date(&d));
    let date = stated_date
        .or_else(|| {
            signature
                .as_ref()
                .map(|(_, d)| *d)
                .inspect(|_| draft.note("date", msg!("import.from.signature_date")))
        })
        .or_else(|| published.inspect(|_| draft.note("date", msg!("import.from.published"))));
    draft.fill(
        "date",
        date.map(|d| d.format("%Y-%m-%d").to_string()),
        msg!("import.no_date"),
    );
    // A stated 公开方式 or 有效性 is kept (a known spelling normalised) or
    // left as a TODO: never dropped, which would publish the document.
    if let Some(d) = stated.remove(&Field::Disclosure) {
        draft.fill(
            "disclosure",
            super::disclosure(&d).map(str::to_owned),
            msg!("import.disclosure", value = d),
        );
    }
    if let Some(s) = stated.remove(&Field::Status) {
        draft.fill(
            "status",
            super::validity(&s).map(str::to_owned),
            msg!("import.status", value = s),
        );
    }
    let title_text = draft.fields.first().map(|(_, t)| t.clone()).unwrap_or_default();
    if let Some(s) = stated.remove(&Field::Summary).filter(|s| scalar(s) != title_text) {
        draft.fields.push(("summary", scalar(&s)));
    }
    if let Some(k) = stated.remove(&Field::Keywords) {
        let words: Vec<String> = k
            .split([',', '，', '、', ';', '；', ' '])
            .filter(|w| !w.is_empty())
            .map(scalar)
            .collect();
        if !words.is_empty() {
            draft.fields.push(("keywords", format!("[{}]", words.join(", "))));
        }
    }

    // The body: an empty 附件 line dropped, damaged characters removed,
    // ASCII punctuation inside Chinese text made full-width.
    let mut damaged = 0;
    let rest: Vec<Line> = rest
        .into_iter()
        .filter(|l| !matches!(header::text(l), Some("附件:" | "附件：" | "附件")))
        .map(|l| {
            let fix = |t: &str, damaged: &mut usize| {
                *damaged += t.matches('\u{FFFD}').count();
                full_width(&t.replace('\u{FFFD}', ""))
            };
            match l {
                Line::Text(t) => Line::Text(fix(&t, &mut damaged)),
                Line::Heading(n, t) => Line::Heading(n, fix(&t, &mut damaged)),
                Line::Row(cells) => Line::Row(cells.iter().map(|c| fix(c, &mut damaged)).collect()),
                Line::TableEnd => Line::TableEnd,
            }
        })
        .filter(|l| header::text(l).is_none_or(|t| !t.is_empty()))
        .collect();
    if damaged > 0 {
        draft.note("body", msg!("import.damaged", n = damaged));
    }
    draft.body = body::markdown(&rest);
    draft
}

/// `南政办发〔2021〕14号关于印发…的通知` → the number and the title.
fn split_doc_number(line: &str) -> (Option<String>, &str) {
    if let Some(end) = line.find('号') {
        let (number, title) = line.split_at(end + '号'.len_utf8());
        if header::is_doc_number(number) && !title.is_empty() {
            return (Some(number.to_owned()), title);
        }
    }
    (None, line)
}

/// `,` `:` `;` `(` `)` `?` `!` next to Chinese text as their full-width forms,
/// as the documents were written (text copies of pages often lose them).
fn full_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: Option<&char>| {
        c.is_some_and(|c| {
            crate::content::han::is_han(*c)
                || ('\u{3000}'..='\u{303F}').contains(c)
                || ('\u{FF00}'..='\u{FFEF}').contains(c)
                || matches!(c, '“' | '”' | '‘' | '’' | '《' | '》')
        })
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let near = cjk(i.checked_sub(1).and_then(|p| chars.get(p))) || cjk(chars.get(i + 1));
            match (c, near) {
                (',', true) => '，',
                (':', true) => '：',
                (';', true) => '；',
                ('(', true) => '（',
                (')', true) => '）',
                ('?', true) => '？',
                ('!', true) => '！',
                (c, _) => *c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::import::read;

    fn config() -> SiteConfig {
        SiteConfig::parse("title: 测试\ncategories:\n  - { code: \"03\", name: 规划计划 }\n")
            .expect("site.yaml")
    }

    fn field<'d>(draft: &'d Draft, key: &str) -> Option<&'d str> {
        draft
            .fields
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn a_text_page_gives_its_fields_and_a_clean_body() {
        let page = read::text_page(
            "当前位置:首页 > 政务公开 > 通知\n某县政办发〔2022〕3号\n关于做好某项工作的通知\n发布时间:2022-03-02 10:00 | 来源:某县政府网\n\
             各乡镇人民政府:\n现将有关事项通知如下(请遵照执行)。\n一、工作要求\n数据见表\u{FFFD}。\n\
             (此件公开发布)    某县人民政府办公室\n2022年3月1日\n责任编辑:李四\n鲁ICP备05024477号\n",
        );
        let draft = extract(&page, &config(), &Options::default());
        assert_eq!(field(&draft, "title"), Some("关于做好某项工作的通知"));
        assert_eq!(field(&draft, "doc_number"), Some("某县政办发〔2022〕3号"));
        assert_eq!(
            field(&draft, "issuer"),
            Some("某县人民政府办公室"),
            "the signature, not the portal"
        );
        assert_eq!(
            field(&draft, "date"),
            Some("2022-03-01"),
            "the signature's date, not the page's"
        );
        assert!(field(&draft, "category").is_some_and(|c| c.starts_with("\"TODO:")));
        assert_eq!(
            draft.body,
            "各乡镇人民政府：\n\n现将有关事项通知如下（请遵照执行）。\n\n## 一、工作要求\n\n数据见表。\n\n（此件公开发布） 某县人民政府办公室\n\n2022年3月1日\n"
        );
        assert!(
            draft
                .notes
                .iter()
                .any(|n| n == "body: 删除了 1 个损坏的字符（U+FFFD）"),
            "{:?}",
            draft.notes
        );
        let draft = extract(
            &page,
            &config(),
            &Options {
                category: Some("03".into()),
                ..Options::default()
            },
        );
        assert_eq!(field(&draft, "category"), Some("规划计划"));
        assert!(draft.todo.is_empty(), "{:?}", draft.todo);
    }
}
