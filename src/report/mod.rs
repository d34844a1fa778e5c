//! `gongkai report`: a year's 政府信息公开工作年度报告 (国办公开办函〔2021〕30号)
//! drafted from the catalogue and the office's registers, its arithmetic
//! checked.
//!
//! Table 二's 第二十条第（一）项 comes from the catalogue (documents of the
//! kinds 规章 and 行政规范性文件, [`crate::catalogue::stats`]); its items
//! （五）, （六）, （八） from the yearly figures ([`figures`]); table 三 and
//! section 六's 收费 line from the application register ([`applications`]);
//! table 四 from the register of 行政复议 and 行政诉讼 ([`reviews`]). The
//! registers are read a row at a time ([`sheet`]) and never copied anywhere.
//! [`draft`] writes the tables into the year's report document under
//! `content/`, or refreshes them there, keeping the prose.

pub mod applications;
pub mod draft;
pub mod figures;
pub mod reviews;
mod sheet;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::content::annual::{self, Section, Table};
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::config::SiteConfig;

/// A year's tables, with what the run noted on the way.
#[derive(Debug)]
pub struct Tables {
    /// Sections 二, 三, 四 and 六, in that order.
    pub tables: Vec<Table>,
    /// Warnings: a register that is not there (its table is zero), …
    pub notes: Vec<Diagnostic>,
    /// Application rows read.
    pub applications: usize,
}

/// A problem of a register's row `row`, named by its 编号 `id` when it has one.
pub(crate) fn row_problem(
    path: &Path,
    row: u32,
    id: &str,
    message: crate::lang::Text,
    hint: crate::lang::Text,
) -> Diagnostic {
    let id = if id.is_empty() {
        row.to_string()
    } else {
        id.to_owned()
    };
    Diagnostic::error(
        path,
        crate::lang::Text::new("register.row")
            .arg("row", &row)
            .arg("id", &id)
            .nested("problem", &message),
    )
    .at(row)
    .hint(hint)
}

/// A register's end date (办结日期, 审结日期): none when the cell is empty.
pub(crate) fn end_date(text: &str) -> Result<Option<NaiveDate>, (crate::lang::Text, crate::lang::Text)> {
    match text {
        "" => Ok(None),
        text => crate::content::date::parse(text).map(Some).map_err(|e| {
            (
                crate::lang::Text::new("register.closed").nested("reason", &e.text()),
                msg!("register.date.hint"),
            )
        }),
    }
}

/// What is wrong with a register row's two dates, if anything: an end
/// before the start, or either after `today`. (message, hint).
pub(crate) fn date_order(
    start: NaiveDate,
    end: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<(crate::lang::Text, crate::lang::Text)> {
    if let Some(e) = end
        && e < start
    {
        return Some((
            msg!("register.closed_early", closed = e, received = start),
            msg!("register.closed_early.hint"),
        ));
    }
    let late = [start].into_iter().chain(end).find(|d| *d > today)?;
    Some((msg!("register.future", date = late), msg!("register.date.hint")))
}

/// The register path of `pattern` for `year` (`{year}` replaced), and
/// whether it is a register of that year only.
fn register_path(root: &Path, pattern: &str, year: i32) -> (PathBuf, bool) {
    (
        root.join(pattern.replace("{year}", &year.to_string())),
        pattern.contains("{year}"),
    )
}

/// A register's path, or the same name as a spreadsheet when the CSV is
/// not there (`applications.csv` → `applications.xlsx`).
fn existing(path: PathBuf) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    ["xlsx", "xls", "ods"]
        .iter()
        .map(|ext| path.with_extension(ext))
        .find(|p| p.exists())
}

/// Computes `year`'s tables for the site at `root`, checking every
/// register row and the carry-over against the year before (its register
/// or its published report). `today` bounds the registers' dates.
pub fn tables(root: &Path, year: i32, today: NaiveDate) -> Result<Tables, crate::BuildError> {
    let site = crate::catalogue::load::load(root, &crate::progress::Progress::default())?;
    let catalogue = &site.catalogue;
    let config: &SiteConfig = &catalogue.config;
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    for (field, pattern) in [
        ("registers.applications", &config.registers.applications),
        ("registers.reviews", &config.registers.reviews),
        ("registers.figures", &config.registers.figures),
    ] {
        let first = Path::new(pattern).components().next();
        if first.is_some_and(|c| c.as_os_str() == crate::site::CONTENT_DIR) {
            problems.push(
                Diagnostic::error(
                    crate::site::config::FILE_NAME,
                    msg!("registers.in_content", path = pattern),
                )
                .field(field)
                .hint(msg!("registers.in_content.hint")),
            );
        }
    }
    if !problems.is_empty() {
        return Err(crate::BuildError::Config(problems));
    }
    notes.extend(site.warnings);

    // 二: 第二十条第（一）项 from the catalogue, the rest from the figures.
    let stats = crate::catalogue::stats::compute(catalogue);
    let mut two = Table::zero(year, Section::Two);
    for (r, kind) in ["规章", "行政规范性文件"].iter().enumerate() {
        if let Some(row) = stats
            .kinds
            .iter()
            .find(|t| t.kind == *kind)
            .and_then(|t| t.rows.iter().find(|row| row.year == year))
        {
            two.set(r, 0, row.issued);
            two.set(r, 1, row.repealed);
            two.set(r, 2, row.in_force);
        } else if let Some(last) = stats
            .kinds
            .iter()
            .find(|t| t.kind == *kind)
            .and_then(|t| t.rows.iter().rev().find(|row| row.year < year))
        {
            two.set(r, 2, last.in_force);
        }
    }
    let (figures_path, _) = register_path(root, &config.registers.figures, year);
    match figures::read(&figures_path, year) {
        Ok(f) => {
            for (i, n) in f.decisions.iter().enumerate() {
                two.set(2 + i, 0, n);
            }
            two.set(5, 0, &f.fees);
        }
        Err(p) => problems.extend(p),
    }

    // 三 and 六 from the applications, 四 from the cases.
    let (path, per_year) = register_path(root, &config.registers.applications, year);
    let mut three = Table::zero(year, Section::Three);
    let mut six = Table::zero(year, Section::Six);
    let mut rows = 0;
    match existing(path.clone()) {
        Some(path) => match applications::tally(&path, year, per_year, today) {
            Ok(t) => {
                rows = t.rows;
                three = t.three;
                six = t.six;
                if per_year {
                    let (before, _) = register_path(root, &config.registers.applications, year - 1);
                    if let Some(before) = existing(before) {
                        match applications::tally(&before, year - 1, true, today) {
                            Ok(last) => problems.extend(carried(
                                &path,
                                &three,
                                &last.three,
                                &before.display().to_string(),
                            )),
                            Err(p) => problems.extend(p),
                        }
                    }
                }
            }
            Err(p) => problems.extend(p),
        },
        None => notes.push(
            Diagnostic::warning(&path, msg!("registers.missing", what = "依申请公开登记"))
                .hint(msg!("registers.missing.hint")),
        ),
    }
    // A published report of the year before: its 结转下年度 is this 上年结转.
    if let Some((d, last)) = catalogue.documents.iter().find_map(|d| {
        d.annual
            .iter()
            .find(|t| t.year == year - 1 && t.section == Section::Three)
            .map(|t| (d, t))
    }) {
        problems.extend(carried(&path, &three, last, &d.source.display().to_string()));
    }
    let (path, _) = register_path(root, &config.registers.reviews, year);
    let four = match existing(path.clone()) {
        Some(path) => match reviews::tally(&path, year, today) {
            Ok(t) => t,
            Err(p) => {
                problems.extend(p);
                Table::zero(year, Section::Four)
            }
        },
        None => {
            notes.push(
                Diagnostic::warning(&path, msg!("registers.missing", what = "行政复议、行政诉讼登记"))
                    .hint(msg!("registers.missing.hint")),
            );
            Table::zero(year, Section::Four)
        }
    };
    let tables = vec![two, three, four, six];
    for t in &tables {
        for (_, message) in annual::check(t) {
            problems.push(Diagnostic::error(root, message));
        }
    }
    if problems.is_empty() {
        Ok(Tables {
            tables,
            notes,
            applications: rows,
        })
    } else {
        Err(crate::BuildError::Content(problems))
    }
}

/// The columns whose 上年结转 in `now` differs from 结转下年度 in `before`
/// (from `source`), as errors on the register at `path`.
fn carried(path: &Path, now: &Table, before: &Table, source: &str) -> Vec<Diagnostic> {
    annual::APPLICANTS
        .iter()
        .enumerate()
        .filter(|(c, _)| now.get(annual::CARRIED_IN, *c) != before.get(annual::CARRIED_OUT, *c))
        .map(|(c, column)| {
            Diagnostic::error(
                path,
                msg!(
                    "annual.carried",
                    column = column,
                    year = now.year,
                    now = now.get(annual::CARRIED_IN, c),
                    before = before.year,
                    then = before.get(annual::CARRIED_OUT, c),
                    file = source
                ),
            )
            .hint(msg!("annual.carried.hint"))
        })
        .collect()
}
