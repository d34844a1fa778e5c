//! The yearly figures that live in other systems (`registers/figures.yaml`):
//! per year, 行政许可, 行政处罚 and 行政强制 (本年处理决定数量) and
//! 行政事业性收费 (本年收费金额, 万元), for table 二's items （五）, （六）
//! and （八）.
//!
//! ```yaml
//! 2025:
//!   行政许可: 120
//!   行政处罚: 35
//!   行政强制: 2
//!   行政事业性收费: 12.5
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::msg;

/// The figures' names, in table 二's row order from 行政许可, with English keys.
const NAMES: [(&str, &str); 4] = [
    ("行政许可", "licences"),
    ("行政处罚", "penalties"),
    ("行政强制", "enforcement"),
    ("行政事业性收费", "fees"),
];

/// One year's figures: three counts and the fees in 万元 as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// 行政许可, 行政处罚, 行政强制.
    pub decisions: [u64; 3],
    /// 行政事业性收费, 万元.
    pub fees: String,
}

/// The figures of `year` from the file at `path`; every problem of the
/// year's entry is reported, with its line.
pub fn read(path: &Path, year: i32) -> Result<Figures, Vec<Diagnostic>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![
            Diagnostic::error(path, msg!("figures.unreadable", error = e))
                .hint(msg!("figures.example", year = year)),
        ]
    })?;
    let years: BTreeMap<i64, BTreeMap<String, serde_norway::Value>> =
        serde_norway::from_str(&text).map_err(|e| {
            vec![
                Diagnostic::error(path, msg!("figures.yaml", error = e))
                    .at(e.location().and_then(|l| u32::try_from(l.line()).ok()))
                    .hint(msg!("figures.example", year = year)),
            ]
        })?;
    // The line of the year's key, and of a name under it.
    let year_line = text
        .lines()
        .position(|l| {
            l.trim_end()
                .trim_matches(['"', '\''])
                .starts_with(&year.to_string())
                && l.contains(':')
                && !l.starts_with(' ')
        })
        .map(|i| i + 1);
    let line_of = |name: &str| {
        let from = year_line.unwrap_or(0);
        text.lines()
            .enumerate()
            .skip(from)
            .take_while(|(_, l)| l.starts_with(' ') || l.trim().is_empty() || l.trim_start().starts_with('#'))
            .find(|(_, l)| l.trim_start().starts_with(name))
            .and_then(|(i, _)| u32::try_from(i + 1).ok())
    };
    let Some(entry) = years.get(&i64::from(year)) else {
        return Err(vec![
            Diagnostic::error(path, msg!("figures.no_year", year = year))
                .hint(msg!("figures.example", year = year)),
        ]);
    };
    let mut problems = Vec::new();
    let mut figures = Figures::default();
    let mut seen = [false; 4];
    for (key, value) in entry {
        let Some(i) = NAMES.iter().position(|(zh, en)| key == zh || key == en) else {
            problems.push(
                Diagnostic::error(path, msg!("figures.unknown", name = key, year = year))
                    .at(line_of(key))
                    .hint(msg!("figures.names", names = NAMES.map(|n| n.0).join("、"))),
            );
            continue;
        };
        seen[i] = true;
        let text = match value {
            serde_norway::Value::Number(n) => n.to_string(),
            serde_norway::Value::String(s) => s.trim().to_owned(),
            _ => String::new(),
        };
        let whole = text.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty();
        let amount = whole
            || text.split_once('.').is_some_and(|(w, f)| {
                !w.is_empty()
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && !f.is_empty()
                    && f.len() <= 4
                    && f.bytes().all(|b| b.is_ascii_digit())
            });
        if i == 3 && amount {
            figures.fees = text;
        } else if i < 3 && whole {
            figures.decisions[i] = text.parse().unwrap_or(0);
        } else {
            let hint = if i == 3 {
                msg!("annual.not_number.amount_hint")
            } else {
                msg!("annual.not_number.hint")
            };
            problems.push(
                Diagnostic::error(
                    path,
                    msg!("figures.value", name = NAMES[i].0, value = text, year = year),
                )
                .at(line_of(key))
                .hint(hint),
            );
        }
    }
    let missing: Vec<&str> = NAMES
        .iter()
        .zip(seen)
        .filter(|(_, seen)| !seen)
        .map(|((zh, _), _)| *zh)
        .collect();
    if !missing.is_empty() {
        problems.push(
            Diagnostic::error(
                path,
                msg!("figures.missing", year = year, names = missing.join("、")),
            )
            .at(year_line.and_then(|l| u32::try_from(l).ok()))
            .hint(msg!("figures.example", year = year)),
        );
    }
    if problems.is_empty() {
        Ok(figures)
    } else {
        Err(problems)
    }
}
