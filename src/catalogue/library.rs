//! The life of a 规范性文件: the versions a revision chain (`revises:`)
//! links, the 题注 each version's page carries (国办公开办函〔2021〕33号:
//! 公布, each 修订 and 施行 with their dates and 文号), and the
//! 规范性文件库 — per kind, the documents in force and those no longer.

use chrono::{Datelike, NaiveDate};

use super::{Catalogue, Relations};
use crate::content::document::Document;

/// One kind's shelf of the 规范性文件库.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shelf {
    /// The kind, e.g. 行政规范性文件.
    pub kind: String,
    /// Its documents in force (not 已废止 or 已失效), newest first; of a
    /// revision chain only the newest version.
    pub in_force: Vec<usize>,
    /// Its documents repealed or expired, newest first.
    pub abolished: Vec<usize>,
}

/// The shelves of every kind the site declares, in site.yaml order.
pub(crate) fn shelves(catalogue: &Catalogue) -> Vec<Shelf> {
    catalogue
        .config
        .kinds
        .iter()
        .map(|kind| {
            let mut shelf = Shelf {
                kind: kind.clone(),
                ..Shelf::default()
            };
            for (i, d) in catalogue.documents.iter().enumerate() {
                if d.kind.as_ref() != Some(kind) {
                    continue;
                }
                if d.status.is_abolished() {
                    shelf.abolished.push(i);
                } else if catalogue.relations[i].revised_by.is_empty() {
                    shelf.in_force.push(i);
                }
            }
            shelf
        })
        .collect()
}

/// Every version of the revision chain document `i` belongs to, oldest
/// first (by 发布日期, then position); a lone document is its own chain.
pub(crate) fn versions(relations: &[Relations], documents: &[Document], i: usize) -> Vec<usize> {
    // Back to the first version; a cycle (a revises b revises a) stops
    // where it closes.
    let mut first = i;
    let mut seen = vec![i];
    while let Some(earlier) = relations[first].revises {
        if seen.contains(&earlier) {
            break;
        }
        seen.push(earlier);
        first = earlier;
    }
    let mut chain = vec![first];
    let mut at = 0;
    while at < chain.len() {
        for &later in &relations[chain[at]].revised_by {
            if !chain.contains(&later) {
                chain.push(later);
            }
        }
        at += 1;
    }
    chain.sort_by(|&a, &b| {
        documents[a]
            .published
            .cmp(&documents[b].published)
            .then_with(|| b.cmp(&a))
    });
    chain
}

/// The 题注 of version `i` of `chain` (oldest first): who published the
/// first version when, each revision up to this one, and the day this
/// text took effect. None for a document that is neither part of a chain
/// nor of a kind (规章, 行政规范性文件 …).
pub(crate) fn caption(documents: &[Document], chain: &[usize], i: usize) -> Option<String> {
    let upto = chain.iter().position(|&c| c == i)?;
    let first = &documents[chain[0]];
    let this = &documents[i];
    // A 题注 belongs to 规章 and 规范性文件 (and to whatever was revised).
    if chain.len() == 1 && this.kind.is_none() {
        return None;
    }
    let mut parts = vec![format!(
        "{}{}{}公布",
        day(first.published),
        first.issuer,
        first.doc_number.as_deref().unwrap_or("")
    )];
    for (n, &v) in chain[1..=upto].iter().enumerate() {
        let d = &documents[v];
        parts.push(format!(
            "根据{}{}{}第{}次修订",
            day(d.published),
            d.issuer,
            d.doc_number.as_deref().unwrap_or(""),
            ordinal(n + 1)
        ));
    }
    if let Some(from) = this.effective {
        parts.push(format!("自{}起施行", day(from)));
    }
    Some(format!("（{}）", parts.join("　")))
}

fn day(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 一, 二 … 十, then digits.
fn ordinal(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_written_in_chinese() {
        assert_eq!(ordinal(1), "一");
        assert_eq!(ordinal(10), "十");
        assert_eq!(ordinal(12), "十二");
        assert_eq!(ordinal(21), "21");
    }
}
