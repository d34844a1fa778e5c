//! Deadlines counted in working days (the site's [`WorkCalendar`]): a
//! document published more than 20 working days after it was written
//! (《政府信息公开条例》 art. 26), an annual report missing or late for its
//! deadline (arts. 49–50, `column.report_deadline`), a policy that needs
//! a 解读 without one, and a 解读 later than `interpretation:` allows.
//! Each is a warning; `gongkai check --deadlines` prints them as a table.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::Catalogue;
use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::msg;
use crate::site::calendar::WorkCalendar;

/// 《条例》 art. 26: published within 20 working days of being made.
pub const PUBLICATION_DAYS: u32 = 20;

/// Which rule a [`Late`] breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// 发布日期 too long after 成文日期.
    Publication,
    /// No annual report for a year whose deadline has passed.
    ReportMissing,
    /// An annual report published after its deadline.
    ReportLate,
    /// A policy the site requires a 解读 for has none.
    InterpretationMissing,
    /// A 解读 published later than the site allows after its policy.
    InterpretationLate,
}

impl Rule {
    /// The message code of the rule's name, for the table.
    pub fn name(self) -> Text {
        match self {
            Rule::Publication => msg!("deadline.rule.publication"),
            Rule::ReportMissing | Rule::ReportLate => msg!("deadline.rule.report"),
            Rule::InterpretationMissing | Rule::InterpretationLate => msg!("deadline.rule.interpretation"),
        }
    }
}

/// One deadline missed.
#[derive(Clone, Debug)]
pub struct Late {
    /// The rule.
    pub rule: Rule,
    /// What is late: a document's title, or a year's report.
    pub subject: String,
    /// The day it was due, when there is one.
    pub due: Option<NaiveDate>,
    /// The day it was done, when it was.
    pub done: Option<NaiveDate>,
    /// The warning, with its file and line.
    pub warning: Diagnostic,
}

/// Every deadline `catalogue` misses on `today`, in a stable order.
pub(crate) fn check(catalogue: &Catalogue, today: NaiveDate) -> Vec<Late> {
    let config = &catalogue.config;
    let calendar = &config.calendar;
    let mut late = Vec::new();
    for d in &catalogue.documents {
        let days = calendar.working_days_between(d.date, d.published);
        if days > PUBLICATION_DAYS {
            late.push(Late {
                rule: Rule::Publication,
                subject: d.title.clone(),
                due: Some(add_working_days(calendar, d.date, PUBLICATION_DAYS)),
                done: Some(d.published),
                warning: at_published(
                    d,
                    msg!(
                        "deadline.publication",
                        published = d.published,
                        date = d.date,
                        days = days,
                        limit = PUBLICATION_DAYS
                    ),
                )
                .hint(unknown_years_hint(
                    calendar,
                    d.date,
                    d.published,
                    msg!("deadline.publication.hint"),
                )),
            });
        }
    }
    reports(catalogue, today, &mut late);
    interpretations(catalogue, &mut late);
    late
}

/// A warning `message` on the line a document's 发布日期 comes from: its
/// own, or 成文日期's when the file gives none.
fn at_published(d: &crate::content::document::Document, message: Text) -> Diagnostic {
    let field = if d.lines.published == d.lines.date {
        "date"
    } else {
        "published"
    };
    Diagnostic::warning(&d.source, message)
        .at(d.lines.published)
        .field(field)
        .written(d.lines.written(field))
}

/// The day `n` working days after `from`.
fn add_working_days(calendar: &WorkCalendar, from: NaiveDate, n: u32) -> NaiveDate {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
        if calendar.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// `hint`, saying also when the holidays of a year in between are not known.
fn unknown_years_hint(calendar: &WorkCalendar, from: NaiveDate, to: NaiveDate, hint: Text) -> Text {
    let unknown = calendar.unknown_years(from.year(), to.year());
    if unknown.is_empty() {
        hint
    } else {
        let years: Vec<String> = unknown.iter().map(ToString::to_string).collect();
        Text::new("deadline.unknown_years")
            .nested("hint", &hint)
            .arg("years", &years.join("、"))
    }
}

/// The year an annual report is about: the first `YYYY年` of its title.
fn report_year(title: &str) -> Option<i32> {
    static YEAR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"((?:19|20)\d\d)\s*年").expect("valid pattern"));
    YEAR.captures(title)?.get(1)?.as_str().parse().ok()
}

fn reports(catalogue: &Catalogue, today: NaiveDate, late: &mut Vec<Late>) {
    let Some(column) = catalogue.config.column.as_ref() else {
        return;
    };
    let Some(facet) = column
        .reports
        .as_ref()
        .and_then(|code| catalogue.categories.iter().find(|f| &f.key == code))
    else {
        return;
    };
    let deadline = column.report_deadline.as_deref().unwrap_or("03-31");
    let due_of = |year: i32| NaiveDate::parse_from_str(&format!("{}-{deadline}", year + 1), "%Y-%m-%d").ok();
    let Some(first) = catalogue.documents.iter().map(|d| d.published.year()).min() else {
        return;
    };
    let mut missing = Vec::new();
    for year in first..today.year() {
        let Some(due) = due_of(year).filter(|due| *due < today) else {
            continue;
        };
        let report = facet
            .documents
            .iter()
            .map(|&i| &catalogue.documents[i])
            .filter(|d| report_year(&d.title) == Some(year))
            .min_by_key(|d| d.published);
        match report {
            None => missing.push((year, due)),
            Some(d) if d.published > due => late.push(Late {
                rule: Rule::ReportLate,
                subject: d.title.clone(),
                due: Some(due),
                done: Some(d.published),
                warning: at_published(
                    d,
                    msg!(
                        "deadline.report_late",
                        year = year,
                        published = d.published,
                        due = due
                    ),
                )
                .hint(msg!("deadline.report_late.hint")),
            }),
            Some(_) => {}
        }
    }
    if !missing.is_empty() {
        let years: Vec<String> = missing.iter().map(|(y, _)| y.to_string()).collect();
        let warning = Diagnostic::warning(
            crate::site::config::FILE_NAME,
            msg!(
                "deadline.report_missing",
                years = years.join("、"),
                deadline = deadline
            ),
        )
        .field("column.reports")
        .hint(msg!("deadline.report_missing.hint", category = facet.name));
        for (year, due) in missing {
            late.push(Late {
                rule: Rule::ReportMissing,
                subject: format!("{year}"),
                due: Some(due),
                done: None,
                warning: warning.clone(),
            });
        }
    }
}

fn interpretations(catalogue: &Catalogue, late: &mut Vec<Late>) {
    let config = &catalogue.config;
    let rule = &config.interpretation;
    let calendar = &config.calendar;
    for (i, d) in catalogue.documents.iter().enumerate() {
        let category = &config.categories[d.category];
        let needs = d.kind.as_ref().is_some_and(|k| rule.kinds.contains(k))
            || rule
                .categories
                .iter()
                .any(|c| *c == category.code || *c == category.name);
        // Of a revision chain, the version in force needs one.
        let current = !d.status.is_abolished() && catalogue.relations[i].revised_by.is_empty();
        if needs && current && catalogue.relations[i].interpreted_by.is_empty() {
            late.push(Late {
                rule: Rule::InterpretationMissing,
                subject: d.title.clone(),
                due: rule
                    .within_working_days
                    .map(|n| add_working_days(calendar, d.published, n)),
                done: None,
                warning: Diagnostic::warning(
                    &d.source,
                    msg!("deadline.interpretation_missing", title = d.title),
                )
                .at(d.index_number_line)
                .hint(msg!("deadline.interpretation_missing.hint")),
            });
        }
        let Some(limit) = rule.within_working_days else {
            continue;
        };
        for &policy in &catalogue.relations[i].interprets {
            let p = &catalogue.documents[policy];
            let days = calendar.working_days_between(p.published, d.published);
            if days > limit {
                late.push(Late {
                    rule: Rule::InterpretationLate,
                    subject: d.title.clone(),
                    due: Some(add_working_days(calendar, p.published, limit)),
                    done: Some(d.published),
                    warning: at_published(
                        d,
                        msg!(
                            "deadline.interpretation_late",
                            published = d.published,
                            policy = p.title,
                            policy_published = p.published,
                            days = days,
                            limit = limit
                        ),
                    )
                    .hint(unknown_years_hint(
                        calendar,
                        p.published,
                        d.published,
                        msg!("deadline.interpretation_late.hint"),
                    )),
                });
            }
        }
    }
}

/// Loads the site in `root` and lists the deadlines it misses today (the
/// build date), with the warnings of loading.
pub fn of_site(root: &std::path::Path) -> Result<(Vec<Late>, Vec<Diagnostic>), crate::BuildError> {
    let site = super::load::load(root, &crate::progress::Progress::default())?;
    let today = crate::content::date::build_date();
    Ok((check(&site.catalogue, today), site.warnings))
}

/// The file a [`Late`] is about, for the table.
pub fn file_of(late: &Late) -> PathBuf {
    late.warning.path.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_are_added_over_holidays() {
        let c = WorkCalendar::shipped();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a day");
        // From Thursday 2024-02-08: Friday the 9th, then the holiday (10th–17th),
        // Sunday the 18th is a working day.
        assert_eq!(add_working_days(&c, d(2024, 2, 8), 2), d(2024, 2, 18));
        assert_eq!(report_year("三元区2017年政府信息公开工作年度报告"), Some(2017));
        assert_eq!(report_year("年度报告"), None);
    }
}
