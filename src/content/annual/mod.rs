//! The tables of a 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) as a
//! report document holds them: fenced blocks whose info string is
//! `年报 <year> <section>` (section 二, 三, 四 or 六 for its 收费 line), one
//! row a line, `label: numbers`. `gongkai report` writes them; a webmaster
//! may correct a number by hand. Here they are parsed, every sum the format
//! asks for is checked (each problem with its line, the row and the
//! numbers); [`render`] makes them accessible HTML tables, Markdown and CSV.

mod render;

use std::fmt::Write as _;
use std::path::Path;

pub use render::{csv, html, markdown};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::msg;

/// The first word of a table block's info string.
pub const INFO: &str = "年报";

/// What a prose section still to be written says, in a drafted report.
pub const TODO: &str = "【待填写";

/// The sections that are tables (六 holds only the 收费 line of 国办函〔2020〕109号).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    /// 二、主动公开政府信息情况.
    Two,
    /// 三、收到和处理政府信息公开申请情况.
    Three,
    /// 四、政府信息公开行政复议、行政诉讼情况.
    Four,
    /// 六、其他需要报告的事项: 信息处理费.
    Six,
}

impl Section {
    /// Every section, in the report's order.
    pub const ALL: [Section; 4] = [Section::Two, Section::Three, Section::Four, Section::Six];

    /// The section's number as the info string writes it.
    pub fn numeral(self) -> &'static str {
        match self {
            Section::Two => "二",
            Section::Three => "三",
            Section::Four => "四",
            Section::Six => "六",
        }
    }

    /// The section's heading in the 2021 format.
    pub fn title(self) -> &'static str {
        match self {
            Section::Two => "二、主动公开政府信息情况",
            Section::Three => "三、收到和处理政府信息公开申请情况",
            Section::Four => "四、政府信息公开行政复议、行政诉讼情况",
            Section::Six => "六、其他需要报告的事项",
        }
    }

    /// The rows: label and how many numbers.
    pub fn rows(self) -> &'static [(&'static str, usize)] {
        match self {
            Section::Two => &TWO,
            Section::Three => &THREE,
            Section::Four => &FOUR,
            Section::Six => &SIX,
        }
    }

    /// The column headings of each row's numbers, for Markdown and CSV.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Section::Two => &["本年制发件数", "本年废止件数", "现行有效件数"],
            Section::Three => &APPLICANTS,
            Section::Four => &REVIEW_RESULTS,
            Section::Six => &["数值"],
        }
    }

    /// The name of the CSV file beside the report's page.
    pub fn csv_name(self, stem: &str) -> String {
        let n = match self {
            Section::Two => 2,
            Section::Three => 3,
            Section::Four => 4,
            Section::Six => 6,
        };
        format!("{stem}-table{n}.csv")
    }
}

/// Table 二: 第二十条第（一）项 (three numbers), （五）, （六） and （八） (one).
const TWO: [(&str, usize); 6] = [
    ("规章", 3),
    ("行政规范性文件", 3),
    ("行政许可", 1),
    ("行政处罚", 1),
    ("行政强制", 1),
    ("行政事业性收费", 1),
];

/// Table 三's columns: applicants, then the total.
pub const APPLICANTS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Table 三's rows, as the 2021 format words them.
const THREE: [(&str, usize); 25] = [
    ("一、本年新收政府信息公开申请数量", 7),
    ("二、上年结转政府信息公开申请数量", 7),
    ("（一）予以公开", 7),
    ("（二）部分公开", 7),
    ("（三）不予公开 1.属于国家秘密", 7),
    ("（三）不予公开 2.其他法律行政法规禁止公开", 7),
    ("（三）不予公开 3.危及“三安全一稳定”", 7),
    ("（三）不予公开 4.保护第三方合法权益", 7),
    ("（三）不予公开 5.属于三类内部事务信息", 7),
    ("（三）不予公开 6.属于四类过程性信息", 7),
    ("（三）不予公开 7.属于行政执法案卷", 7),
    ("（三）不予公开 8.属于行政查询事项", 7),
    ("（四）无法提供 1.本机关不掌握相关政府信息", 7),
    ("（四）无法提供 2.没有现成信息需要另行制作", 7),
    ("（四）无法提供 3.补正后申请内容仍不明确", 7),
    ("（五）不予处理 1.信访举报投诉类申请", 7),
    ("（五）不予处理 2.重复申请", 7),
    ("（五）不予处理 3.要求提供公开出版物", 7),
    ("（五）不予处理 4.无正当理由大量反复申请", 7),
    ("（五）不予处理 5.要求行政机关确认或重新出具已获取信息", 7),
    (
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        7,
    ),
    (
        "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        7,
    ),
    ("（六）其他处理 3.其他", 7),
    ("（七）总计", 7),
    ("四、结转下年度继续办理", 7),
];

/// Rows of table 三: the first of the results, the total, carried over.
pub const NEW: usize = 0;
/// 二、上年结转.
pub const CARRIED_IN: usize = 1;
/// （一）予以公开, the first result row.
pub const FIRST_RESULT: usize = 2;
/// （七）总计.
pub const RESULTS_TOTAL: usize = 23;
/// 四、结转下年度继续办理.
pub const CARRIED_OUT: usize = 24;
/// The total column of table 三.
const TOTAL: usize = 6;

/// Table 四's columns for each of its three groups.
pub const REVIEW_RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Table 四: 行政复议, then 行政诉讼 in two ways.
const FOUR: [(&str, usize); 3] = [
    ("行政复议", 5),
    ("行政诉讼 未经复议直接起诉", 5),
    ("行政诉讼 复议后起诉", 5),
];

/// Section 六's 收费 line (国办函〔2020〕109号).
const SIX: [(&str, usize); 2] = [("收取信息处理费件数", 1), ("收取信息处理费金额（元）", 1)];

/// A number as written: whole, or with up to four decimals (amounts).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount(pub String);

/// One section's numbers: a row per label, in the format's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The report's year.
    pub year: i32,
    /// Which section.
    pub section: Section,
    /// Each row's numbers (amount rows hold one).
    pub rows: Vec<Vec<Amount>>,
    /// The line of the block's first row in its file (0: not from a file).
    #[serde(default)]
    pub line: u32,
}

impl Table {
    /// A table of zeros.
    pub fn zero(year: i32, section: Section) -> Table {
        let rows = section
            .rows()
            .iter()
            .map(|(_, n)| vec![Amount("0".into()); *n])
            .collect();
        Table {
            year,
            section,
            rows,
            line: 0,
        }
    }

    /// Row `r`, column `c` as a whole number (0 when it is not one).
    pub fn get(&self, r: usize, c: usize) -> u64 {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .and_then(|a| a.0.parse().ok())
            .unwrap_or(0)
    }

    /// Sets row `r`, column `c`.
    pub fn set(&mut self, r: usize, c: usize, value: impl ToString) {
        if let Some(cell) = self.rows.get_mut(r).and_then(|row| row.get_mut(c)) {
            cell.0 = value.to_string();
        }
    }

    /// The block's text, as `gongkai report` writes it.
    pub fn block(&self) -> String {
        let mut out = format!("```{INFO} {} {}\n", self.year, self.section.numeral());
        for ((label, _), row) in self.section.rows().iter().zip(&self.rows) {
            let numbers: Vec<&str> = row.iter().map(|a| a.0.as_str()).collect();
            let _ = writeln!(out, "{label}: {}", numbers.join(" "));
        }
        out.push_str("```\n");
        out
    }
}

/// What a fenced block's info string says, if it is a table block:
/// the year and section, or why not.
pub fn info(info: &str) -> Option<Result<(i32, Section), ()>> {
    let mut words = info.split_whitespace();
    if words.next() != Some(INFO) {
        return None;
    }
    let (mut year, mut section) = (None, None);
    for w in words {
        if let Ok(y) = w.parse::<i32>() {
            year = Some(y);
        } else {
            let w = w.trim_start_matches('表');
            section = Section::ALL.into_iter().find(|s| s.numeral() == w);
        }
    }
    Some(year.zip(section).ok_or(()))
}

/// Makes labels comparable: no spaces, half-width brackets and quotes as
/// the format writes them.
fn label_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            '"' | '＂' => '“',
            c => c,
        })
        .collect::<String>()
        .replace("“三安全一稳定“", "“三安全一稳定”")
}

/// Parses and checks one block of `section` for `year`, whose first line
/// (after the fence) is line `line` of `path`.
pub fn parse(
    path: &Path,
    text: &str,
    line: u32,
    year: i32,
    section: Section,
) -> Result<Table, Vec<Diagnostic>> {
    let spec = section.rows();
    let mut rows: Vec<Option<Vec<Amount>>> = vec![None; spec.len()];
    let mut problems = Vec::new();
    let mut lines = vec![line; spec.len()];
    let expected = || spec.iter().map(|(l, _)| *l).collect::<Vec<_>>().join("；");
    for (i, raw) in text.lines().enumerate() {
        let at = line + u32::try_from(i).unwrap_or(0);
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let Some(split) = trimmed.rfind([':', '：']) else {
            problems.push(
                Diagnostic::error(path, msg!("annual.no_colon", text = trimmed))
                    .at(at)
                    .hint(msg!("annual.no_colon.hint")),
            );
            continue;
        };
        let (label, numbers) = (&trimmed[..split], &trimmed[split..]);
        let numbers = numbers.trim_start_matches([':', '：']);
        let key = label_key(label);
        // The label as the format words it, or its last part alone when
        // that is unambiguous (`属于国家秘密`).
        let found = spec.iter().position(|(l, _)| label_key(l) == key).or_else(|| {
            let ends: Vec<usize> = (0..spec.len())
                .filter(|&r| {
                    let whole = label_key(spec[r].0);
                    let last = whole.rsplit_once(['）', '.']).map_or(whole.as_str(), |(_, b)| b);
                    last == key.rsplit_once('.').map_or(key.as_str(), |(_, b)| b)
                })
                .collect();
            (ends.len() == 1).then(|| ends[0])
        });
        let Some(r) = found else {
            problems.push(
                Diagnostic::error(
                    path,
                    msg!("annual.unknown_row", label = label, section = section.title()),
                )
                .at(at)
                .hint(msg!("annual.unknown_row.hint", rows = expected())),
            );
            continue;
        };
        if rows[r].is_some() {
            problems.push(
                Diagnostic::error(path, msg!("annual.twice", label = spec[r].0, first = lines[r]))
                    .at(at)
                    .hint(msg!("annual.twice.hint")),
            );
            continue;
        }
        let amount_row = matches!((section, r), (Section::Two, 5) | (Section::Six, 1));
        let values: Vec<&str> = numbers.split_whitespace().collect();
        if values.len() != spec[r].1 {
            problems.push(
                Diagnostic::error(
                    path,
                    msg!(
                        "annual.count",
                        label = spec[r].0,
                        expected = spec[r].1,
                        found = values.len()
                    ),
                )
                .at(at)
                .hint(msg!("annual.count.hint", columns = columns_of(section, r))),
            );
            continue;
        }
        let mut row = Vec::new();
        for v in values {
            if is_number(v, amount_row) {
                row.push(Amount(v.to_owned()));
            } else {
                problems.push(
                    Diagnostic::error(path, msg!("annual.not_number", label = spec[r].0, value = v))
                        .at(at)
                        .hint(if amount_row {
                            msg!("annual.not_number.amount_hint")
                        } else {
                            msg!("annual.not_number.hint")
                        }),
                );
            }
        }
        if row.len() == spec[r].1 {
            rows[r] = Some(row);
            lines[r] = at;
        }
    }
    let missing: Vec<&str> = spec
        .iter()
        .zip(&rows)
        .filter(|(_, r)| r.is_none())
        .map(|((l, _), _)| *l)
        .collect();
    if !missing.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::error(path, msg!("annual.missing", rows = missing.join("；")))
                .at(line.saturating_sub(1))
                .hint(msg!("annual.missing.hint")),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let table = Table {
        year,
        section,
        rows: rows.into_iter().flatten().collect(),
        line,
    };
    let sums = check(&table);
    if sums.is_empty() {
        Ok(table)
    } else {
        Err(sums
            .into_iter()
            .map(|(r, message)| {
                Diagnostic::error(path, message)
                    .at(lines[r])
                    .hint(msg!("annual.sum.hint"))
            })
            .collect())
    }
}

/// The column names of row `r`, for a hint.
fn columns_of(section: Section, r: usize) -> String {
    match (section, r) {
        (Section::Two, 0 | 1) => section.columns().join(" "),
        (Section::Two, 5) => "本年收费金额（单位：万元）".into(),
        (Section::Two, _) => "本年处理决定数量".into(),
        (Section::Six, 0) => "件数".into(),
        (Section::Six, _) => "金额（元）".into(),
        _ => section.columns().join(" "),
    }
}

/// A count (digits), or for an amount digits with up to four decimals.
fn is_number(v: &str, amount: bool) -> bool {
    let (whole, frac) = match v.split_once('.') {
        Some((w, f)) if amount => (w, Some(f)),
        Some(_) => return false,
        None => (v, None),
    };
    !whole.is_empty()
        && whole.len() <= 15
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.len() <= 4 && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Every sum the format asks of a table, broken: (row, message naming the
/// numbers). Table 三: each row's 总计 is the sum of its applicants; （七）总计
/// the sum of the results in every column; 一 + 二 = 三（七）+ 四 in every
/// column (the format's 勾稽关系). Table 四: each group's 总计.
pub fn check(table: &Table) -> Vec<(usize, crate::lang::Text)> {
    let mut out = Vec::new();
    let g = |r, c| table.get(r, c);
    match table.section {
        Section::Three => {
            for (r, (label, _)) in THREE.iter().enumerate() {
                let parts: Vec<u64> = (0..TOTAL).map(|c| g(r, c)).collect();
                let sum: u64 = parts.iter().sum();
                if sum != g(r, TOTAL) {
                    out.push((
                        r,
                        msg!(
                            "annual.row_total",
                            label = label,
                            total = g(r, TOTAL),
                            parts = join_plus(&parts),
                            sum = sum
                        ),
                    ));
                }
            }
            for (c, column) in APPLICANTS.iter().enumerate() {
                let parts: Vec<u64> = (FIRST_RESULT..RESULTS_TOTAL).map(|r| g(r, c)).collect();
                let sum: u64 = parts.iter().sum();
                if sum != g(RESULTS_TOTAL, c) {
                    out.push((
                        RESULTS_TOTAL,
                        msg!(
                            "annual.results_total",
                            column = column,
                            total = g(RESULTS_TOTAL, c),
                            sum = sum
                        ),
                    ));
                }
                let (left, right) = (
                    g(NEW, c) + g(CARRIED_IN, c),
                    g(RESULTS_TOTAL, c) + g(CARRIED_OUT, c),
                );
                if left != right {
                    out.push((
                        CARRIED_OUT,
                        msg!(
                            "annual.balance",
                            column = column,
                            new = g(NEW, c),
                            carried_in = g(CARRIED_IN, c),
                            left = left,
                            done = g(RESULTS_TOTAL, c),
                            carried_out = g(CARRIED_OUT, c),
                            right = right
                        ),
                    ));
                }
            }
        }
        Section::Four => {
            for (r, (label, _)) in FOUR.iter().enumerate() {
                let parts: Vec<u64> = (0..4).map(|c| g(r, c)).collect();
                let sum: u64 = parts.iter().sum();
                if sum != g(r, 4) {
                    out.push((
                        r,
                        msg!(
                            "annual.row_total",
                            label = label,
                            total = g(r, 4),
                            parts = join_plus(&parts),
                            sum = sum
                        ),
                    ));
                }
            }
        }
        Section::Two | Section::Six => {}
    }
    out
}

fn join_plus(parts: &[u64]) -> String {
    parts.iter().map(u64::to_string).collect::<Vec<_>>().join(" + ")
}

/// Table 二's 第二十条第（一）项 row of `kind` (0 规章, 1 行政规范性文件):
/// 制发, 废止, 现行有效.
pub fn rules_row(table: &Table, kind: usize) -> [u64; 3] {
    [table.get(kind, 0), table.get(kind, 1), table.get(kind, 2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three(year: i32) -> Table {
        let mut t = Table::zero(year, Section::Three);
        // 5 natural persons and 2 companies new, 1 person carried in; 4
        // published, 2 partly, 1 withheld (国家秘密), 1 person carried out.
        for (r, c, v) in [
            (NEW, 0, 5),
            (NEW, 1, 2),
            (CARRIED_IN, 0, 1),
            (FIRST_RESULT, 0, 3),
            (FIRST_RESULT, 1, 1),
            (3, 0, 1),
            (3, 1, 1),
            (4, 0, 1),
            (CARRIED_OUT, 0, 1),
        ] {
            t.set(r, c, v);
        }
        for r in 0..THREE.len() {
            let sum: u64 = (0..TOTAL).map(|c| t.get(r, c)).sum();
            t.set(r, TOTAL, sum);
        }
        for c in 0..7 {
            let sum: u64 = (FIRST_RESULT..RESULTS_TOTAL).map(|r| t.get(r, c)).sum();
            t.set(RESULTS_TOTAL, c, sum);
        }
        t
    }

    /// The problems of a table 三 block starting on line 10, as `line message`.
    fn problems_of(text: &str) -> Vec<String> {
        let problems = parse(Path::new("r.md"), text, 10, 2025, Section::Three).expect_err("broken");
        problems
            .iter()
            .map(|d| format!("{} {}", d.line.unwrap_or(0), d.plain(crate::lang::Lang::Zh)))
            .collect()
    }

    fn body(t: &Table) -> String {
        let block = t.block();
        block
            .lines()
            .skip(1)
            .take_while(|l| !l.starts_with("```"))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    #[test]
    fn a_written_block_parses_back_and_balances() {
        let t = three(2025);
        assert!(check(&t).is_empty(), "{:?}", check(&t));
        let parsed = parse(Path::new("r.md"), &body(&t), 10, 2025, Section::Three).expect("parses");
        assert_eq!(parsed, Table { line: 10, ..t });
        assert_eq!(info("年报 2025 三"), Some(Ok((2025, Section::Three))));
        assert_eq!(info("年报 表四 2024"), Some(Ok((2024, Section::Four))));
        assert_eq!(info("年报 2024"), Some(Err(())));
        assert_eq!(info("rust"), None);
    }

    #[test]
    fn each_broken_sum_names_its_row_line_and_numbers() {
        let t = three(2025);
        // One more 予以公开 for 自然人, totals untouched: the row's 总计 and
        // the column's （七）总计 break.
        let text = body(&t).replace("（一）予以公开: 3 1", "（一）予以公开: 4 1");
        let shown = problems_of(&text);
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown[0].starts_with("12 ")
                && shown[0].contains("（一）予以公开")
                && shown[0].contains("4 + 1 + 0 + 0 + 0 + 0 = 5"),
            "{shown:#?}"
        );
        assert!(
            shown[1].starts_with("33 ") && shown[1].contains("自然人") && shown[1].contains("6"),
            "{shown:#?}"
        );
        // Two carried out where one was: 一 + 二 ≠ 三（七）+ 四 for 自然人 and the total.
        let text = body(&t).replace(
            "四、结转下年度继续办理: 1 0 0 0 0 0 1",
            "四、结转下年度继续办理: 2 0 0 0 0 0 2",
        );
        let shown = problems_of(&text);
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown[0].starts_with("34 ")
                && shown[0].contains("自然人")
                && shown[0].contains("5 + 1 = 6")
                && shown[0].contains("5 + 2 = 7"),
            "{shown:#?}"
        );
        assert!(
            shown[1].contains("总计") && shown[1].contains("7 + 1 = 8") && shown[1].contains("7 + 2 = 9"),
            "{shown:#?}"
        );
    }

    #[test]
    fn bad_rows_are_each_reported() {
        let text = "规章: 1 0 5\n行政规范性文件: 2 x 9\n行政许可 3\n行政处罚: 1 2\n行政强制: 0\n行政事业性收费: 1.23456\n宣传: 1\n规章: 0 0 0\n";
        let problems = parse(Path::new("r.md"), text, 3, 2025, Section::Two).expect_err("bad");
        let codes: Vec<(&str, Option<u32>)> = problems.iter().map(|d| (d.code(), d.line)).collect();
        assert_eq!(
            codes,
            [
                ("annual.not_number", Some(4)),
                ("annual.no_colon", Some(5)),
                ("annual.count", Some(6)),
                ("annual.not_number", Some(8)),
                ("annual.unknown_row", Some(9)),
                ("annual.twice", Some(10)),
            ]
        );
        // The short form of a label is accepted when unambiguous.
        let t = Table::zero(2025, Section::Three);
        let short = body(&t).replace("（三）不予公开 1.属于国家秘密", "属于国家秘密");
        assert!(parse(Path::new("r.md"), &short, 1, 2025, Section::Three).is_ok());
    }

    #[test]
    fn html_has_captions_scopes_and_the_csv_link() {
        let t = three(2025);
        let h = html(&t, "report-2025");
        assert!(h.contains("<caption>收到和处理政府信息公开申请情况</caption>"));
        assert!(h.contains(
            "<th rowspan=\"8\" scope=\"row\">（三）不予公开</th><th scope=\"row\">1.属于国家秘密</th>"
        ));
        assert!(h.contains("href=\"report-2025-table3.csv\""));
        assert_eq!(h.matches("<tr>").count(), 3 + 25);
        let csv = csv(&t);
        assert!(csv.starts_with("信息内容,自然人,商业企业"));
        assert!(csv.contains("（七）总计,5,2,0,0,0,0,7\r\n"), "{csv}");
    }
}
