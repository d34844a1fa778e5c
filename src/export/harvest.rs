//! What harvesters (a provincial portal, a data catalogue) need to take
//! only what changed: each document's `modified` date and `digest`, and
//! tombstones for documents withdrawn since an earlier build.
//!
//! `modified` is the latest of the document's own dated events that have
//! happened by the build date: 发布, 施行 (尚未生效 → 有效), the day after
//! 失效, the publication of the document repealing it (已废止), of a later
//! version revising it (已修改) and of a 解读 of it (its page links it). A
//! change no date records — a corrected title or body — is caught by the
//! `digest` (a hash of everything catalogue.json says of the document and
//! of its body): when it differs from the one the previous build recorded,
//! `modified` becomes the build date.
//!
//! The previous build's record is `.gongkai-harvest` in the output
//! (postcard: 索引号 → digest and modified; and the tombstones), so it
//! travels with `public/` (a CI job that keeps `public/` between runs keeps
//! it) and is never deployed (deploys skip dot-files). A document in it
//! that is no longer published gets a tombstone dated the build date;
//! tombstones are kept until the document comes back.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;

/// The record's path in the output.
pub(crate) const RECORD: &str = ".gongkai-harvest";

/// What the previous build published, as harvesters saw it: read in
/// place (its strings borrowed from the record's bytes, the maps as the
/// pairs they are written as, sorted by 索引号; see [`by_key`]).
#[derive(Debug, Default, Deserialize)]
struct Record<'a> {
    /// The record's format (1), read past.
    _format: u32,
    /// 索引号 → what was published under it.
    #[serde(borrow)]
    documents: Vec<(&'a str, SeenThen<'a>)>,
    /// 索引号 → (its former page, the day it was withdrawn, in days since
    /// 1970-01-01).
    #[serde(borrow)]
    withdrawn: Vec<(&'a str, (&'a str, i32))>,
}

/// [`Seen`] as read from a record.
#[derive(Debug, Deserialize)]
struct SeenThen<'a> {
    digest: [u8; 16],
    modified: i32,
    path: &'a str,
}

/// The pairs of a map as read, sorted by key with one pair per key (the
/// last, as a map keeps it). Records are written so; only one written
/// otherwise is sorted here.
fn by_key<V>(mut pairs: Vec<(&str, V)>) -> Vec<(&str, V)> {
    if pairs.windows(2).all(|w| w[0].0 < w[1].0) {
        return pairs;
    }
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    let mut kept: Vec<(&str, V)> = Vec::with_capacity(pairs.len());
    for pair in pairs {
        match kept.last_mut() {
            Some(last) if last.0 == pair.0 => *last = pair,
            _ => kept.push(pair),
        }
    }
    kept
}

/// The value of `key` in pairs sorted by [`by_key`].
fn find<'p, V>(pairs: &'p [(&str, V)], key: &str) -> Option<&'p V> {
    pairs
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| &pairs[i].1)
}

/// A [`Record`] as written: its documents already in the map's order.
#[derive(Serialize)]
struct Written<'a> {
    format: u32,
    documents: Pairs<'a>,
    withdrawn: BTreeMap<String, (String, i32)>,
}

/// Pairs sorted by key, serialised as the map holding them.
struct Pairs<'a>(&'a [(String, Seen)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// A published document, as the record keeps it.
#[derive(Debug, Serialize)]
struct Seen {
    digest: [u8; 16],
    /// Days since 1970-01-01.
    modified: i32,
    /// Its page (relative to base_url).
    path: String,
}

/// A withdrawn document, as catalogue.json lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Tombstone {
    pub index_number: String,
    /// Its former page (relative to base_url).
    pub path: String,
    pub withdrawn: NaiveDate,
}

/// Each document's digest and modified date, and the tombstones, from the
/// catalogue and the previous build's record (`previous`, its bytes).
pub(crate) struct Harvest {
    /// Per document, in the catalogue's order.
    pub digest: Vec<[u8; 16]>,
    /// Per document, in the catalogue's order.
    pub modified: Vec<NaiveDate>,
    /// Newest first, then by 索引号.
    pub tombstones: Vec<Tombstone>,
}

pub(super) fn days(date: NaiveDate) -> i32 {
    (date - NaiveDate::default()).num_days() as i32
}

fn date(days: i32) -> NaiveDate {
    NaiveDate::default() + chrono::Duration::days(i64::from(days))
}

/// The latest dated event of document `i` by `today` (see the module's
/// description).
pub(crate) fn dated(catalogue: &Catalogue, i: usize, today: NaiveDate) -> NaiveDate {
    let d = &catalogue.documents[i];
    let relations = &catalogue.relations[i];
    let published = |j: usize| catalogue.documents[j].published;
    let mut latest = d.published;
    let mut see = |day: NaiveDate| {
        if day <= today && day > latest {
            latest = day;
        }
    };
    if let Some(effective) = d.effective {
        see(effective);
    }
    if let Some(until) = d.valid_until.and_then(|u| u.succ_opt()) {
        see(until);
    }
    relations
        .replaced_by
        .into_iter()
        .chain(relations.revised_by.iter().copied())
        .chain(relations.interpreted_by.iter().copied())
        .for_each(|j| see(published(j)));
    latest
}

impl Harvest {
    /// From `row` (a document's catalogue.json row, serialised without
    /// `digest` and `modified`: made, hashed and freed one at a time) and
    /// the previous record.
    pub(crate) fn new(
        catalogue: &Catalogue,
        row: impl Fn(usize) -> Vec<u8> + Sync,
        previous: Option<&[u8]>,
        today: NaiveDate,
    ) -> Harvest {
        let mut previous: Record<'_> = previous
            .and_then(|bytes| postcard::from_bytes(bytes).ok())
            .unwrap_or_default();
        previous.documents = by_key(std::mem::take(&mut previous.documents));
        previous.withdrawn = by_key(std::mem::take(&mut previous.withdrawn));
        let (digest, modified): (Vec<[u8; 16]>, Vec<NaiveDate>) = catalogue
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let mut hasher = blake3::Hasher::new();
                hasher.update(&row(i));
                hasher.update(&d.body_hash);
                let digest = crate::hash::short(&hasher.finalize());
                let dated = dated(catalogue, i, today);
                let modified = match find(&previous.documents, &d.index_number) {
                    Some(seen) if seen.digest == digest => dated.max(date(seen.modified)),
                    Some(_) => dated.max(today),
                    None => dated,
                };
                (digest, modified)
            })
            .unzip();
        let published: std::collections::HashSet<&str> = catalogue
            .documents
            .iter()
            .map(|d| d.index_number.as_str())
            .collect();
        let mut tombstones: Vec<Tombstone> = previous
            .withdrawn
            .iter()
            .filter(|(number, _)| !published.contains(number))
            .map(|(number, (path, when))| Tombstone {
                index_number: (*number).to_owned(),
                path: (*path).to_owned(),
                withdrawn: date(*when),
            })
            .collect();
        tombstones.extend(
            previous
                .documents
                .iter()
                .filter(|(number, _)| !published.contains(number))
                .map(|(number, seen)| Tombstone {
                    index_number: (*number).to_owned(),
                    path: seen.path.to_owned(),
                    withdrawn: today,
                }),
        );
        tombstones.sort_by(|a, b| {
            b.withdrawn
                .cmp(&a.withdrawn)
                .then_with(|| a.index_number.cmp(&b.index_number))
        });
        Harvest {
            digest,
            modified,
            tombstones,
        }
    }

    /// The record of this build, for the next.
    pub(crate) fn record(&self, catalogue: &Catalogue) -> Vec<u8> {
        // Made in parallel and sorted by 索引号: the entries of the map a
        // [`Record`] is read into, in its order (postcard writes a map as
        // its length and its pairs, as it writes a sequence of pairs).
        let mut documents: Vec<(String, Seen)> = catalogue
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let seen = Seen {
                    digest: self.digest[i],
                    modified: days(self.modified[i]),
                    path: d.url(),
                };
                (d.index_number.clone(), seen)
            })
            .collect();
        // Stable: of documents with one 索引号 (none pass loading), the
        // last is kept, as a map's insert keeps it.
        documents.par_sort_by(|a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(String, Seen)> = Vec::with_capacity(documents.len());
        for entry in documents {
            match kept.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => kept.push(entry),
            }
        }
        let record = Written {
            format: 1,
            documents: Pairs(&kept),
            withdrawn: self
                .tombstones
                .iter()
                .map(|t| (t.index_number.clone(), (t.path.clone(), days(t.withdrawn))))
                .collect(),
        };
        postcard::to_stdvec(&record).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_read_in_place_as_the_map_it_was_written_as() {
        // Written as a map (sorted, one pair per key); read as its pairs.
        let mut documents = BTreeMap::new();
        for (number, digest) in [("b-2", 2u8), ("a-1", 1), ("c-3", 3)] {
            documents.insert(
                number.to_owned(),
                Seen {
                    digest: [digest; 16],
                    modified: i32::from(digest),
                    path: format!("docs/{number}.html"),
                },
            );
        }
        let withdrawn: BTreeMap<String, (String, i32)> =
            [("z-9".to_owned(), ("docs/z-9.html".to_owned(), 7))].into();
        #[derive(Serialize)]
        struct AsMaps {
            format: u32,
            documents: BTreeMap<String, Seen>,
            withdrawn: BTreeMap<String, (String, i32)>,
        }
        let bytes = postcard::to_stdvec(&AsMaps {
            format: 1,
            documents,
            withdrawn,
        })
        .expect("postcard");
        let record: Record<'_> = postcard::from_bytes(&bytes).expect("read");
        let documents = by_key(record.documents);
        assert_eq!(
            find(&documents, "b-2").map(|s| (s.digest[0], s.modified, s.path)),
            Some((2, 2, "docs/b-2.html"))
        );
        assert!(find(&documents, "a-1").is_some() && find(&documents, "c-3").is_some());
        assert!(find(&documents, "d-4").is_none());
        assert_eq!(record.withdrawn, vec![("z-9", ("docs/z-9.html", 7))]);

        // Pairs out of order, a key twice: sorted, the last kept.
        let pairs = by_key(vec![("b", 1), ("a", 2), ("b", 3), ("c", 4)]);
        assert_eq!(pairs, vec![("a", 2), ("b", 3), ("c", 4)]);
        assert_eq!(find(&pairs, "b"), Some(&3));
        assert_eq!(find(&pairs, "x"), None);
    }
}
