//! An annual-report table as a reader or a spreadsheet gets it: accessible
//! HTML (captions, headers scoped to their column and row groups), CSV
//! beside the page, Markdown for `gongkai report --format md`.

use std::fmt::Write as _;

use super::{
    APPLICANTS, Amount, CARRIED_IN, CARRIED_OUT, FIRST_RESULT, NEW, REVIEW_RESULTS, Section, THREE, TWO,
    Table,
};

/// HTML escaping for the labels (they hold quotes).
fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// The table as accessible HTML: a caption, headers with their scope (the
/// format's nested headings as column and row groups), the numbers, and a
/// link to its CSV beside the page (`csv_stem`; none when empty).
pub fn html(table: &Table, csv_stem: &str) -> String {
    // A region of its own, reachable by keyboard, since it scrolls on a phone.
    let mut h = format!(
        "<div class=\"report-table\" role=\"region\" tabindex=\"0\" aria-label=\"{} {}\">",
        table.year,
        table.section.title()
    );
    let cell = |h: &mut String, a: &Amount| {
        let _ = write!(h, "<td>{}</td>", esc(&a.0));
    };
    match table.section {
        Section::Two => {
            let parts: [(&str, &[usize], &[&str]); 4] = [
                (
                    "第二十条第（一）项",
                    &[0, 1],
                    &["本年制发件数", "本年废止件数", "现行有效件数"],
                ),
                ("第二十条第（五）项", &[2], &["本年处理决定数量"]),
                ("第二十条第（六）项", &[3, 4], &["本年处理决定数量"]),
                ("第二十条第（八）项", &[5], &["本年收费金额（单位：万元）"]),
            ];
            for (caption, rows, columns) in parts {
                let _ = write!(
                    h,
                    "<table><caption>{caption}</caption><thead><tr><th scope=\"col\">信息内容</th>"
                );
                for c in columns {
                    let _ = write!(h, "<th scope=\"col\">{c}</th>");
                }
                h.push_str("</tr></thead><tbody>");
                for &r in rows {
                    let _ = write!(h, "<tr><th scope=\"row\">{}</th>", TWO[r].0);
                    for a in &table.rows[r] {
                        cell(&mut h, a);
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</tbody></table>");
            }
        }
        Section::Three => {
            h.push_str("<table><caption>收到和处理政府信息公开申请情况</caption><thead>");
            h.push_str("<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th colspan=\"7\" scope=\"colgroup\">申请人情况</th></tr>");
            h.push_str("<tr><th rowspan=\"2\" scope=\"col\">自然人</th><th colspan=\"5\" scope=\"colgroup\">法人或其他组织</th><th rowspan=\"2\" scope=\"col\">总计</th></tr><tr>");
            for c in &APPLICANTS[1..6] {
                let _ = write!(h, "<th scope=\"col\">{c}</th>");
            }
            h.push_str("</tr></thead>");
            let whole_row = |h: &mut String, r: usize, span: usize| {
                let label = THREE[r].0;
                let _ = write!(h, "<th colspan=\"{span}\" scope=\"row\">{}</th>", esc(label));
                for a in &table.rows[r] {
                    cell(h, a);
                }
                h.push_str("</tr>");
            };
            h.push_str("<tbody><tr>");
            whole_row(&mut h, NEW, 3);
            h.push_str("<tr>");
            whole_row(&mut h, CARRIED_IN, 3);
            h.push_str("</tbody><tbody>");
            let mut r = FIRST_RESULT;
            let mut first = true;
            while r < CARRIED_OUT {
                h.push_str("<tr>");
                if first {
                    let _ = write!(
                        h,
                        "<th rowspan=\"{}\" scope=\"rowgroup\">三、本年度办理结果</th>",
                        CARRIED_OUT - FIRST_RESULT
                    );
                    first = false;
                }
                let label = THREE[r].0;
                match label.split_once(' ') {
                    Some((group, item)) => {
                        let size = THREE[r..]
                            .iter()
                            .take_while(|(l, _)| l.starts_with(group))
                            .count();
                        let _ = write!(h, "<th rowspan=\"{size}\" scope=\"row\">{}</th>", esc(group));
                        for k in 0..size {
                            if k > 0 {
                                h.push_str("<tr>");
                            }
                            let item = if k == 0 {
                                item
                            } else {
                                THREE[r + k].0.split_once(' ').map_or("", |(_, i)| i)
                            };
                            let _ = write!(h, "<th scope=\"row\">{}</th>", esc(item));
                            for a in &table.rows[r + k] {
                                cell(&mut h, a);
                            }
                            h.push_str("</tr>");
                        }
                        r += size;
                    }
                    None => {
                        let label = if r == 3 {
                            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
                        } else {
                            label
                        };
                        let _ = write!(h, "<th colspan=\"2\" scope=\"row\">{}</th>", esc(label));
                        for a in &table.rows[r] {
                            cell(&mut h, a);
                        }
                        h.push_str("</tr>");
                        r += 1;
                    }
                }
            }
            h.push_str("</tbody><tbody><tr>");
            whole_row(&mut h, CARRIED_OUT, 3);
            h.push_str("</tbody></table>");
        }
        Section::Four => {
            h.push_str("<table><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>");
            h.push_str("<tr><th colspan=\"5\" scope=\"colgroup\">行政复议</th><th colspan=\"10\" scope=\"colgroup\">行政诉讼</th></tr><tr>");
            for c in REVIEW_RESULTS {
                let _ = write!(h, "<th rowspan=\"2\" scope=\"col\">{c}</th>");
            }
            h.push_str("<th colspan=\"5\" scope=\"colgroup\">未经复议直接起诉</th><th colspan=\"5\" scope=\"colgroup\">复议后起诉</th></tr><tr>");
            for _ in 0..2 {
                for c in REVIEW_RESULTS {
                    let _ = write!(h, "<th scope=\"col\">{c}</th>");
                }
            }
            h.push_str("</tr></thead><tbody><tr>");
            for a in table.rows.iter().flatten() {
                cell(&mut h, a);
            }
            h.push_str("</tr></tbody></table>");
        }
        Section::Six => {
            let (count, amount) = (table.get(0, 0), &table.rows[1][0].0);
            if count == 0 {
                h.push_str("<p>本年度未收取政府信息公开信息处理费。</p>");
            } else {
                let _ = write!(
                    h,
                    "<p>本年度依据《政府信息公开信息处理费管理办法》收取信息处理费 {count} 件，共计 {} 元。</p>",
                    esc(amount)
                );
            }
            h.push_str("</div>");
            return h;
        }
    }
    if !csv_stem.is_empty() {
        let _ = write!(
            h,
            "<p class=\"report-csv\"><a href=\"{}\" download>下载本表数据（CSV）</a></p>",
            esc(&table.section.csv_name(csv_stem))
        );
    }
    h.push_str("</div>");
    h
}

/// The table as a grid: the column headings (the first over the labels),
/// then each row's label and cells, table 二's rows spread over its five
/// kinds of number.
fn grid(table: &Table) -> (Vec<&'static str>, Vec<(&'static str, Vec<&str>)>) {
    let header: Vec<&str> = match table.section {
        Section::Two => vec![
            "信息内容",
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "本年处理决定数量",
            "本年收费金额（单位：万元）",
        ],
        Section::Three => std::iter::once("信息内容").chain(APPLICANTS).collect(),
        Section::Four => std::iter::once("信息内容").chain(REVIEW_RESULTS).collect(),
        Section::Six => vec!["信息内容", "数值"],
    };
    let rows = table
        .section
        .rows()
        .iter()
        .zip(&table.rows)
        .enumerate()
        .map(|(r, ((label, _), row))| {
            let cells: Vec<&str> = row.iter().map(|a| a.0.as_str()).collect();
            let cells = match (table.section, r) {
                (Section::Two, 0 | 1) => [cells.as_slice(), &["", ""]].concat(),
                (Section::Two, 5) => [&["", "", "", ""][..], cells.as_slice()].concat(),
                (Section::Two, _) => [&["", "", ""][..], cells.as_slice(), &[""]].concat(),
                _ => cells,
            };
            (*label, cells)
        })
        .collect();
    (header, rows)
}

/// The table as CSV: a header row, then a row per label.
pub fn csv(table: &Table) -> String {
    let (header, rows) = grid(table);
    let mut out = header.join(",");
    out.push_str("\r\n");
    for (label, cells) in rows {
        let label = if label.contains([',', '"']) {
            format!("\"{}\"", label.replace('"', "\"\""))
        } else {
            label.to_owned()
        };
        let _ = write!(out, "{label},{}\r\n", cells.join(","));
    }
    out
}

/// The table as Markdown (for `gongkai report --format md`).
pub fn markdown(table: &Table) -> String {
    let (header, rows) = grid(table);
    let mut out = format!(
        "{} {}\n\n| {} |\n| --- |{}\n",
        table.year,
        table.section.title(),
        header.join(" | "),
        " --: |".repeat(header.len() - 1)
    );
    for (label, cells) in rows {
        let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
    }
    out
}
