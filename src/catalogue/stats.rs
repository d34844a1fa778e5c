//! Statistics from the [`Catalogue`]: documents per year and category, per
//! issuer and per validity with the running total, and the 2021 national
//! annual-report table 二(一) (国办公开办函〔2021〕30号): for each kind
//! declared in site.yaml (规章, 行政规范性文件 …) and year, 本年制发件数,
//! 本年废止件数 and 现行有效件数, checked across years
//! (现行有效 = last year's + 制发 − 废止).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::content::document::{Document, Validity};

/// Everything the statistics page and `gongkai stats` show.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Statistics {
    /// Years from the first document's to the last document's or repeal's.
    pub years: Vec<i32>,
    /// Per category (site.yaml order, empty ones left out): documents per year.
    pub by_category: Vec<(String, Vec<usize>)>,
    /// Documents per year.
    pub per_year: Vec<usize>,
    /// Documents up to the end of each year.
    pub cumulative: Vec<usize>,
    /// Documents per issuer.
    pub by_issuer: Vec<(String, usize)>,
    /// Documents per validity.
    pub by_validity: Vec<(String, usize)>,
    /// The annual-report table, per kind.
    pub kinds: Vec<KindTable>,
    /// 已废止 / 已失效 documents of a kind whose repeal date is unknown
    /// (counted as still in force): their 索引号.
    pub undated: Vec<String>,
}

/// Table 二(一) for one kind.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct KindTable {
    /// 规章, 行政规范性文件 ….
    pub kind: String,
    /// One row per year.
    pub rows: Vec<KindYear>,
}

/// One year of one kind.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct KindYear {
    /// The year.
    pub year: i32,
    /// 本年制发件数.
    pub issued: usize,
    /// 本年废止件数.
    pub repealed: usize,
    /// 现行有效件数 at the end of the year.
    pub in_force: usize,
}

/// When a repealed or expired document stopped being in force: its
/// `repealed_on`, else the date of the document that replaced it, else the
/// day after `valid_until`.
fn repeal_date(catalogue: &Catalogue, i: usize, d: &Document) -> Option<NaiveDate> {
    if !matches!(d.status, Validity::Repealed | Validity::Expired) {
        return None;
    }
    d.repealed_on
        .or_else(|| {
            catalogue.relations[i]
                .replaced_by
                .map(|j| catalogue.documents[j].date)
        })
        .or_else(|| d.valid_until.and_then(|v| v.succ_opt()))
}

/// Loads and validates the site in `root` and computes its statistics;
/// returns them with the warnings of loading.
pub fn of_site(root: &std::path::Path) -> Result<(Statistics, Vec<crate::Diagnostic>), crate::BuildError> {
    let site = super::load::load(root, &crate::progress::Progress::default())?;
    Ok((compute(&site.catalogue), site.warnings))
}

/// Computes the statistics of the published documents.
pub fn compute(catalogue: &Catalogue) -> Statistics {
    let docs = &catalogue.documents;
    let repeals: Vec<Option<NaiveDate>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| repeal_date(catalogue, i, d))
        .collect();
    let first = docs.iter().map(|d| d.date.year()).min();
    let last = docs
        .iter()
        .map(|d| d.published.year())
        .chain(repeals.iter().flatten().map(|r| r.year()))
        .max();
    let years: Vec<i32> = match (first, last) {
        (Some(a), Some(b)) => (a..=b).collect(),
        _ => Vec::new(),
    };
    let slot = |year: i32| years.iter().position(|&y| y == year).unwrap_or(0);
    let mut per_year = vec![0; years.len()];
    let mut by_category: Vec<(String, Vec<usize>)> = catalogue
        .config
        .categories
        .iter()
        .map(|c| (c.name.clone(), vec![0; years.len()]))
        .collect();
    for d in docs {
        // By 发布日期, as the year pages group them.
        per_year[slot(d.published.year())] += 1;
        by_category[d.category].1[slot(d.published.year())] += 1;
    }
    by_category.retain(|(_, counts)| counts.iter().any(|&c| c > 0));
    let cumulative = per_year
        .iter()
        .scan(0, |total, n| {
            *total += n;
            Some(*total)
        })
        .collect();
    let by_issuer = catalogue
        .issuers
        .iter()
        .map(|f| (f.name.clone(), f.documents.len()))
        .collect();
    // 尚未生效 and 部分失效 only when some document is so: few sites use them.
    let by_validity = Validity::ALL
        .iter()
        .map(|v| (*v, docs.iter().filter(|d| d.status == *v).count()))
        .filter(|(v, n)| *n > 0 || !matches!(v, Validity::Pending | Validity::PartlyInvalid))
        .map(|(v, n)| (v.label().to_owned(), n))
        .collect();

    let mut undated = Vec::new();
    let kinds = catalogue
        .config
        .kinds
        .iter()
        .map(|kind| {
            let members: Vec<usize> = (0..docs.len())
                .filter(|&i| docs[i].kind.as_ref() == Some(kind))
                .collect();
            for &i in &members {
                if matches!(docs[i].status, Validity::Repealed | Validity::Expired) && repeals[i].is_none() {
                    undated.push(docs[i].index_number.clone());
                }
            }
            let rows = years
                .iter()
                .map(|&year| {
                    let issued = members.iter().filter(|&&i| docs[i].date.year() == year).count();
                    let repealed = members
                        .iter()
                        .filter(|&&i| repeals[i].is_some_and(|r| r.year() == year))
                        .count();
                    let in_force = members
                        .iter()
                        .filter(|&&i| {
                            docs[i].date.year() <= year && repeals[i].is_none_or(|r| r.year() > year)
                        })
                        .count();
                    KindYear {
                        year,
                        issued,
                        repealed,
                        in_force,
                    }
                })
                .collect();
            KindTable {
                kind: kind.clone(),
                rows,
            }
        })
        .collect();
    Statistics {
        years,
        by_category,
        per_year,
        cumulative,
        by_issuer,
        by_validity,
        kinds,
        undated,
    }
}

/// Rows where 现行有效 ≠ last year's + 制发 − 废止, as messages (empty when
/// the table is consistent).
pub fn cross_year_check(stats: &Statistics) -> Vec<String> {
    let mut problems = Vec::new();
    for table in &stats.kinds {
        for pair in table.rows.windows(2) {
            let (before, now) = (pair[0], pair[1]);
            if before.in_force + now.issued != now.in_force + now.repealed {
                problems.push(format!(
                    "{} {}: 现行有效 {} ≠ {} + {} − {}",
                    table.kind, now.year, now.in_force, before.in_force, now.issued, now.repealed
                ));
            }
        }
    }
    problems
}

/// Output formats of `gongkai stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A Markdown table, for pasting into the report.
    Markdown,
    /// CSV with a header row.
    Csv,
    /// JSON.
    Json,
}

/// Table 二(一) of `year` in `format`.
pub fn annual_table(stats: &Statistics, year: i32, format: Format) -> String {
    let rows: Vec<(&str, KindYear)> = stats
        .kinds
        .iter()
        .map(|t| {
            let row = t
                .rows
                .iter()
                .find(|r| r.year == year)
                .copied()
                .unwrap_or(KindYear {
                    year,
                    issued: 0,
                    repealed: 0,
                    in_force: 0,
                });
            (t.kind.as_str(), row)
        })
        .collect();
    match format {
        Format::Markdown => {
            let mut out = format!(
                "{year}年 主动公开政府信息情况（第二十条第（一）项）\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --: | --: | --: |\n"
            );
            for (kind, r) in rows {
                out.push_str(&format!(
                    "| {kind} | {} | {} | {} |\n",
                    r.issued, r.repealed, r.in_force
                ));
            }
            out
        }
        Format::Csv => {
            let mut out = "信息内容,本年制发件数,本年废止件数,现行有效件数\r\n".to_owned();
            for (kind, r) in rows {
                out.push_str(&format!("{kind},{},{},{}\r\n", r.issued, r.repealed, r.in_force));
            }
            out
        }
        Format::Json => {
            let rows: Vec<serde_json::Value> = rows
                .into_iter()
                .map(|(kind, r)| serde_json::json!({ "kind": kind, "issued": r.issued, "repealed": r.repealed, "in_force": r.in_force }))
                .collect();
            let mut out = serde_json::to_string_pretty(&serde_json::json!({ "year": year, "rows": rows }))
                .unwrap_or_default();
            out.push('\n');
            out
        }
    }
}

/// An SVG bar chart of documents per year, drawn at build time; the table
/// beside it is the source, the chart its picture.
pub fn bar_chart(labels: &[String], counts: &[usize], label: &str) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bar = 36;
    let gap = 12;
    let height = 160;
    let (bar, gap) = if labels.iter().any(|l| l.chars().count() > 4) {
        (56, 16)
    } else {
        (bar, gap)
    };
    let width = labels.len() * (bar + gap) + gap;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\" xmlns=\"http://www.w3.org/2000/svg\">",
        quick_xml::escape::escape(label),
        height + 40,
        height + 40
    );
    for (i, (name, &count)) in labels.iter().zip(counts).enumerate() {
        let h = count * height / max;
        let x = gap + i * (bar + gap);
        let y = height - h + 16;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{h}\" fill=\"#0b4f9c\"/><text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\" fill=\"#1a1a1a\">{count}</text><text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}</text>",
            x + bar / 2,
            y - 3,
            x + bar / 2,
            height + 32,
            quick_xml::escape::escape(name.as_str())
        ));
    }
    svg.push_str("</svg>");
    svg
}
