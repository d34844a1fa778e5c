//! Checks across the years' annual reports (their ```年报 tables): each
//! year's 上年结转 is the year before's 结转下年度, column by column, and
//! each kind's 现行有效 is the year before's plus 本年制发 minus 本年废止;
//! and one report per year.

use std::collections::BTreeMap;

use crate::content::annual::{self, CARRIED_IN, CARRIED_OUT, Section, Table};
use crate::content::document::Document;
use crate::diagnostic::Diagnostic;
use crate::msg;

/// The problems of `documents`' report tables taken together.
pub(crate) fn check(documents: &[Document]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut by_year: BTreeMap<(i32, u8), (&Document, &Table)> = BTreeMap::new();
    for d in documents {
        for t in &d.annual {
            let key = (t.year, t.section as u8);
            if let Some((first, _)) = by_year.get(&key) {
                problems.push(
                    Diagnostic::error(
                        &d.source,
                        msg!(
                            "annual.two_reports",
                            year = t.year,
                            section = t.section.title(),
                            first = first.source.display()
                        ),
                    )
                    .at(t.line.saturating_sub(1))
                    .hint(msg!("annual.two_reports.hint")),
                );
            } else {
                by_year.insert(key, (d, t));
            }
        }
    }
    for (&(year, section), &(d, t)) in &by_year {
        let Some(&(before_doc, before)) = by_year.get(&(year - 1, section)) else {
            continue;
        };
        match t.section {
            Section::Three => {
                for (c, column) in annual::APPLICANTS.iter().enumerate() {
                    let (now, then) = (t.get(CARRIED_IN, c), before.get(CARRIED_OUT, c));
                    if now != then {
                        problems.push(
                            Diagnostic::error(
                                &d.source,
                                msg!(
                                    "annual.carried",
                                    column = column,
                                    year = year,
                                    now = now,
                                    before = year - 1,
                                    then = then,
                                    file = before_doc.source.display()
                                ),
                            )
                            .at(t.line + u32::try_from(CARRIED_IN).unwrap_or(0))
                            .hint(msg!("annual.carried.hint")),
                        );
                    }
                }
            }
            Section::Two => {
                for (kind, name) in ["规章", "行政规范性文件"].iter().enumerate() {
                    let [issued, repealed, in_force] = annual::rules_row(t, kind);
                    let last = annual::rules_row(before, kind)[2];
                    if last + issued != in_force + repealed {
                        problems.push(
                            Diagnostic::error(
                                &d.source,
                                msg!(
                                    "annual.in_force",
                                    kind = name,
                                    year = year,
                                    in_force = in_force,
                                    last = last,
                                    issued = issued,
                                    repealed = repealed,
                                    expected = (last + issued).saturating_sub(repealed)
                                ),
                            )
                            .at(t.line + u32::try_from(kind).unwrap_or(0))
                            .hint(msg!("annual.in_force.hint", before = year - 1)),
                        );
                    }
                }
            }
            Section::Four | Section::Six => {}
        }
    }
    problems
}
