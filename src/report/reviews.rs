//! The register of 行政复议 and 行政诉讼 cases about disclosure: one row per
//! case, tallied into table 四 for a year. A case filed by the end of the
//! year counts under its result if it was concluded in the year, as 尚未审结
//! if it was still open at the year's end; one concluded before the year is
//! not counted.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::sheet::{self, Wanted};
use crate::content::annual::{Section, Table};
use crate::diagnostic::Diagnostic;
use crate::msg;

/// 编号, 类型, 收到日期, 结果, 审结日期.
const COLUMNS: [Wanted<'static>; 5] = [
    Wanted::may(&["编号", "序号", "案号", "id"]),
    Wanted::need(&["类型", "案件类型", "类别", "kind"]),
    Wanted::need(&["收到日期", "立案日期", "受理日期", "filed"]),
    Wanted::need(&["结果", "审理结果", "result"]),
    Wanted::may(&["审结日期", "结案日期", "concluded"]),
];

/// The three groups of table 四 and how a register may name them.
const KINDS: [&[&str]; 3] = [
    &["行政复议", "复议"],
    &[
        "行政诉讼-未经复议直接起诉",
        "行政诉讼（未经复议直接起诉）",
        "未经复议直接起诉",
        "直接起诉",
    ],
    &["行政诉讼-复议后起诉", "行政诉讼（复议后起诉）", "复议后起诉"],
];

/// Results, in table 四's column order (尚未审结 is also a blank result).
const RESULTS: [&[&str]; 4] = [
    &["结果维持", "维持"],
    &["结果纠正", "纠正", "撤销", "确认违法", "责令履行"],
    &["其他结果", "其他", "驳回", "终止"],
    &["尚未审结", "未审结", "审理中"],
];

/// Table 四 for `year` from the register at `path`.
pub fn tally(path: &Path, year: i32, today: NaiveDate) -> Result<Table, Vec<Diagnostic>> {
    let mut counts = [[0u64; 5]; 3];
    let mut problems = Vec::new();
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    sheet::read(path, &COLUMNS, |row, cells| {
        let mut bad = |message, hint| problems.push(super::row_problem(path, row, cells[0], message, hint));
        let norm = |s: &str| {
            s.replace(['(', ')'], "")
                .replace(['（', '）'], "")
                .replace(' ', "")
        };
        let Some(kind) = KINDS
            .iter()
            .position(|names| names.iter().any(|n| norm(n) == norm(cells[1])))
        else {
            bad(
                msg!("register.case_kind", value = cells[1]),
                msg!("register.case_kind.hint"),
            );
            return;
        };
        let filed = match crate::content::date::parse(cells[2]) {
            Ok(d) => d,
            Err(e) => {
                bad(
                    crate::lang::Text::new("register.received").nested("reason", &e.text()),
                    msg!("register.date.hint"),
                );
                return;
            }
        };
        let result = match cells[3] {
            "" => 3,
            text => match RESULTS.iter().position(|names| names.contains(&text)) {
                Some(r) => r,
                None => {
                    bad(
                        msg!("register.case_result", value = text),
                        msg!("register.case_result.hint"),
                    );
                    return;
                }
            },
        };
        let concluded = match super::end_date(cells[4]) {
            Ok(d) => d,
            Err((message, hint)) => {
                bad(message, hint);
                return;
            }
        };
        if result < 3 && concluded.is_none() {
            bad(
                msg!("register.concluded_missing", result = cells[3]),
                msg!("register.closed_missing.hint"),
            );
            return;
        }
        if let Some((message, hint)) = super::date_order(filed, concluded, today) {
            bad(message, hint);
            return;
        }
        if filed > end {
            return;
        }
        match concluded {
            Some(c) if c.year() < year => {}
            Some(c) if c.year() == year && result < 3 => counts[kind][result] += 1,
            _ => counts[kind][3] += 1,
        }
    })?;
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut table = Table::zero(year, Section::Four);
    for (r, row) in counts.iter().enumerate() {
        for (c, n) in row[..4].iter().enumerate() {
            table.set(r, c, n);
        }
        table.set(r, 4, row[..4].iter().sum::<u64>());
    }
    Ok(table)
}
