//! The application register (依申请公开登记): one row per application,
//! tallied into table 三 (收到和处理政府信息公开申请情况) and the 收费 line
//! of section 六 for a year. Each row's received date, applicant type,
//! outcome (the 2021 format's 26 results), closed date and fee are read;
//! nothing else of a row is kept.
//!
//! For year Y: received in Y counts as 本年新收; received before Y and not
//! closed before it, as 上年结转; closed in Y, under its outcome; not
//! closed by the end of Y, as 结转下年度. So a register that spans the years
//! balances by itself (一 + 二 = 三（七）+ 四), and every row that cannot be
//! counted is an error naming its file and row.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::sheet::{self, Wanted};
use crate::content::annual::{self, Section, Table};
use crate::diagnostic::Diagnostic;
use crate::msg;

/// The register's columns: 编号, 收到日期, 申请人类型, 办理结果, 办结日期, 收费.
const COLUMNS: [Wanted<'static>; 6] = [
    Wanted::may(&["编号", "序号", "申请编号", "id"]),
    Wanted::need(&["收到日期", "收到申请日期", "申请日期", "受理日期", "received"]),
    Wanted::need(&["申请人类型", "申请人类别", "申请人情况", "applicant"]),
    Wanted::need(&["办理结果", "处理结果", "答复结果", "outcome"]),
    Wanted::need(&["办结日期", "答复日期", "closed"]),
    Wanted::may(&["收费金额", "信息处理费", "收费", "fee"]),
];

/// Applicant types, in table 三's column order.
const APPLICANTS: [&[&str]; 6] = [
    &["自然人", "公民", "个人"],
    &["商业企业", "企业"],
    &["科研机构"],
    &["社会公益组织"],
    &["法律服务机构", "律师事务所"],
    &["其他", "其他组织", "法人或其他组织-其他", "法人或其他组织其他"],
];

/// The result groups with their row in table 三 and their reasons' count.
const GROUPS: [(&str, usize, usize); 6] = [
    ("予以公开", 2, 0),
    ("部分公开", 3, 0),
    ("不予公开", 4, 8),
    ("无法提供", 12, 3),
    ("不予处理", 15, 5),
    ("其他处理", 20, 3),
];

/// What one year's tally found.
#[derive(Debug)]
pub struct Tally {
    /// Table 三.
    pub three: Table,
    /// Section 六's 收费 line.
    pub six: Table,
    /// Rows read.
    pub rows: usize,
}

/// Tallies `year` from the register at `path`; `per_year` when the file
/// holds that year's applications only (a path with `{year}`), where a row
/// must belong to the year. Every bad row is reported.
pub fn tally(path: &Path, year: i32, per_year: bool, today: NaiveDate) -> Result<Tally, Vec<Diagnostic>> {
    let mut three = Table::zero(year, Section::Three);
    let mut counts = [[0u64; 6]; 25];
    let (mut fees, mut fee_fen) = (0u64, 0u64);
    let mut problems = Vec::new();
    let mut rows = 0usize;
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    sheet::read(path, &COLUMNS, |row, cells| {
        rows += 1;
        let mut bad = |message, hint| problems.push(super::row_problem(path, row, cells[0], message, hint));
        let date = |text: &str| crate::content::date::parse(text);
        let received = match date(cells[1]) {
            Ok(d) => d,
            Err(e) => {
                let reason = if cells[1].is_empty() {
                    msg!("register.received_missing")
                } else {
                    e.text()
                };
                bad(
                    crate::lang::Text::new("register.received").nested("reason", &reason),
                    msg!("register.date.hint"),
                );
                return;
            }
        };
        let Some(applicant) = APPLICANTS.iter().position(|names| names.contains(&cells[2])) else {
            bad(
                msg!("register.applicant", value = cells[2]),
                msg!(
                    "register.applicant.hint",
                    names = APPLICANTS.map(|n| n[0]).join("、")
                ),
            );
            return;
        };
        let closed = match super::end_date(cells[4]) {
            Ok(d) => d,
            Err((message, hint)) => {
                bad(message, hint);
                return;
            }
        };
        let outcome = match (cells[3], closed) {
            ("", None) => None,
            ("", Some(_)) => {
                bad(
                    msg!("register.outcome_missing"),
                    msg!("register.outcome_missing.hint"),
                );
                return;
            }
            (text, None) => {
                bad(
                    msg!("register.closed_missing", outcome = text),
                    msg!("register.closed_missing.hint"),
                );
                return;
            }
            (text, Some(_)) => match outcome_row(text) {
                Some(r) => Some(r),
                None => {
                    bad(
                        msg!("register.outcome", value = text),
                        msg!("register.outcome.hint"),
                    );
                    return;
                }
            },
        };
        if let Some((message, hint)) = super::date_order(received, closed, today) {
            bad(message, hint);
            return;
        }
        if per_year {
            // A year's register holds the year's applications and those
            // carried into it.
            if received > end || closed.is_some_and(|c| c < start) {
                bad(
                    msg!("register.other_year", year = year, received = received),
                    msg!("register.other_year.hint", year = year),
                );
                return;
            }
        }
        let fee = match cells[5] {
            "" => 0,
            text => match fen(text) {
                Some(f) => f,
                None => {
                    bad(msg!("register.fee", value = text), msg!("register.fee.hint"));
                    return;
                }
            },
        };
        let open_at = |day: NaiveDate| received <= day && closed.is_none_or(|c| c > day);
        if received.year() == year {
            counts[annual::NEW][applicant] += 1;
        }
        if received < start && closed.is_none_or(|c| c >= start) {
            counts[annual::CARRIED_IN][applicant] += 1;
        }
        if let (Some(r), Some(c)) = (outcome, closed)
            && c.year() == year
        {
            counts[r][applicant] += 1;
            if fee > 0 {
                fees += 1;
                fee_fen += fee;
            }
        }
        if open_at(end) {
            counts[annual::CARRIED_OUT][applicant] += 1;
        }
    })?;
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut results = [0u64; 6];
    for row in &counts[annual::FIRST_RESULT..annual::RESULTS_TOTAL] {
        for (sum, n) in results.iter_mut().zip(row) {
            *sum += n;
        }
    }
    counts[annual::RESULTS_TOTAL] = results;
    for (r, row) in counts.iter().enumerate() {
        for (c, n) in row.iter().enumerate() {
            three.set(r, c, n);
        }
        three.set(r, 6, row.iter().sum::<u64>());
    }
    let mut six = Table::zero(year, Section::Six);
    six.set(0, 0, fees);
    six.set(1, 0, yuan(fee_fen));
    Ok(Tally { three, six, rows })
}

/// The row of table 三 an outcome counts under: the format's wording
/// (`（三）不予公开 1.属于国家秘密`), the group and reason (`不予公开-属于国家秘密`,
/// `不予公开：属于国家秘密`), the reason alone (`属于国家秘密`), or its code
/// (`3.1`, `3-1`, `（三）1`).
fn outcome_row(text: &str) -> Option<usize> {
    // Every form of every outcome, made once.
    static FORMS: std::sync::LazyLock<std::collections::HashMap<String, usize>> =
        std::sync::LazyLock::new(|| {
            const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
            let labels = Section::Three.rows();
            let mut forms = std::collections::HashMap::new();
            for (g, (group, row, reasons)) in GROUPS.iter().enumerate() {
                if *reasons == 0 {
                    forms.insert((*group).to_owned(), *row);
                    forms.insert(format!("（{}）{group}", NUMERALS[g]), *row);
                    continue;
                }
                for k in 0..*reasons {
                    let label = outcome_key(labels[row + k].0);
                    let reason = label
                        .split_once('.')
                        .map_or(label.as_str(), |(_, r)| r)
                        .to_owned();
                    for form in [
                        reason.clone(),
                        format!("{}.{}", g + 1, k + 1),
                        format!("{}-{}", g + 1, k + 1),
                        format!("（{}）{}", NUMERALS[g], k + 1),
                    ] {
                        forms.insert(form, row + k);
                    }
                    for sep in ["", "-", ":", "/", "、"] {
                        forms.insert(format!("{group}{sep}{reason}"), row + k);
                    }
                    forms.insert(label, row + k);
                }
            }
            forms
        });
    FORMS.get(&outcome_key(text)).copied()
}

/// An outcome as [`outcome_row`] compares it: no spaces or quotes, the
/// format's brackets and a plain colon and dash.
fn outcome_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '＂'))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '：' => ':',
            '—' => '-',
            c => c,
        })
        .collect()
}

/// An amount in 元 (up to two decimals) in fen.
fn fen(text: &str) -> Option<u64> {
    let text = text.trim_end_matches('元');
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac = format!("{frac:0<2}");
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(frac.parse().ok()?)
}

/// Fen as 元, without a needless fraction.
fn yuan(fen: u64) -> String {
    if fen.is_multiple_of(100) {
        (fen / 100).to_string()
    } else {
        format!("{}.{:02}", fen / 100, fen % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_are_read_in_every_usual_form() {
        assert_eq!(outcome_row("予以公开"), Some(2));
        assert_eq!(outcome_row("部分公开"), Some(3));
        assert_eq!(outcome_row("不予公开-属于国家秘密"), Some(4));
        assert_eq!(outcome_row("属于国家秘密"), Some(4));
        assert_eq!(outcome_row("（三）不予公开 3.危及“三安全一稳定”"), Some(6));
        assert_eq!(outcome_row("3.3"), Some(6));
        assert_eq!(outcome_row("（四）2"), Some(13));
        assert_eq!(outcome_row("不予处理：重复申请"), Some(16));
        assert_eq!(outcome_row("其他处理-其他"), Some(22));
        assert_eq!(outcome_row("6.3"), Some(22));
        assert_eq!(outcome_row("不予公开"), None, "a withholding needs its reason");
        assert_eq!(outcome_row("同意"), None);
        assert_eq!(
            (fen("12.5"), fen("3元"), fen("1.234"), fen("x")),
            (Some(1250), Some(300), None, None)
        );
        assert_eq!((yuan(1250).as_str(), yuan(300).as_str()), ("12.50", "3"));
    }
}
