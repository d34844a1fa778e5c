//! Patching the previous build's index instead of building it again.
//!
//! When the output holds an index this very program wrote
//! ([`written_by`]), a build writes every pack of texts first, noting which
//! texts changed. When few did, and the
//! previous index has the same average-length step (see `Params`), the
//! index is patched: each changed document's old postings (from its old
//! text) are removed from its terms' lists and its new ones inserted,
//! and only the shards of those terms are encoded again; the others are
//! kept as they are. Every list depends only on the documents holding its
//! term, and shards are encoded by the same code from the same members, so
//! a patched index is byte-identical to one built from every text;
//! anything unexpected (a missing or damaged file, a list whose encoding
//! would change kind, a change in the number of shards) falls back to
//! building it all.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::dictionary::{
    Location, Member, ShardFiles, encode_shard, pack_count, pack_path, parse_shard, shard_count, shard_of,
    shard_path,
};
use super::postings::{List, Posting, is_coarse};
use super::{
    Counted, DIR, FORMAT, Manifest, Params, SearchError, ShardSize, Term, impact, terms::doc_terms,
    text_length, texts,
};
use crate::content::document::Document;
use crate::output::{Sink, Stamp};

/// What the index is built from now.
pub(super) struct Current<'a> {
    /// The documents, in catalogue order (newest first).
    pub documents: &'a [Document],
    /// Indexed texts by id, of the documents whose pack was written.
    pub texts: &'a [Option<String>],
    /// Their lengths.
    pub lengths: &'a [u32],
    /// Whether each document's text changed since the previous build.
    pub changed: &'a [bool],
    /// The scoring parameters.
    pub params: Params,
}

impl Current<'_> {
    fn title(&self, id: usize) -> &str {
        &self.documents[self.documents.len() - 1 - id].title
    }

    fn numbers(&self, id: usize) -> String {
        super::terms::numbers_of(&self.documents[self.documents.len() - 1 - id])
    }
}

/// A patched dictionary, ready to be written.
pub(super) struct Patched {
    /// Documents whose postings were patched.
    pub changed: usize,
    terms: usize,
    shards: Vec<Shard>,
}

enum Shard {
    /// Untouched: the shard and its packs are kept.
    Keep(ShardSize),
    /// Encoded again.
    New(ShardFiles, ShardSize),
}

impl Patched {
    /// Writes the shards encoded again and keeps the others; returns the
    /// number of terms and what each shard holds.
    pub(super) fn write<S: Sink>(self, out: &Counted<'_, S>) -> Result<(usize, Vec<ShardSize>), SearchError> {
        let sizes = self
            .shards
            .into_par_iter()
            .enumerate()
            .map(|(s, shard)| match shard {
                Shard::Keep(size) => {
                    for n in 1..=size.packs as usize {
                        out.keep(&pack_path(s, n))?;
                    }
                    out.keep(&shard_path(s))?;
                    Ok(size)
                }
                Shard::New(files, size) => {
                    out.write_shard(s, files)?;
                    Ok(size)
                }
            })
            .collect::<Result<_, SearchError>>()?;
        Ok((self.terms, sizes))
    }
}

/// The most documents patched; beyond, building from every text is as fast.
fn limit(documents: usize) -> usize {
    (documents / 32).max(64)
}

/// One change to a term's postings.
#[derive(Default)]
struct Edits {
    remove: Vec<Posting>,
    insert: Vec<Posting>,
}

/// The patched dictionary, or `None` when the index must be built from
/// every text.
/// Whether the previous build's index was written by the program `stamp`
/// identifies: only such an index can be patched.
pub(super) fn written_by<S: Sink>(store: &S, stamp: Stamp) -> bool {
    store.stamp(&format!("{DIR}/manifest.json")) == Some(stamp)
}

pub(super) fn patch<S: Sink>(store: &S, stamp: Stamp, current: &Current<'_>) -> Option<Patched> {
    let path = |p: &str| format!("{DIR}/{p}");
    if !written_by(store, stamp) {
        return None;
    }
    let previous: Manifest = serde_json::from_slice(&store.previous(&path("manifest.json"))?).ok()?;
    let count = current.texts.len();
    let params = current.params;
    if previous.version != FORMAT
        || previous.length_step != params.length_step
        || previous.shards != shard_count(previous.terms)
        || previous.shard_terms.len() != previous.shards
        || previous.shard_packs.len() != previous.shards
        || previous.shard_terms.iter().map(|&t| t as usize).sum::<usize>() != previous.terms
    {
        return None;
    }
    let ids: Vec<usize> = (0..count.max(previous.documents))
        .filter(|&id| id >= count || current.changed[id])
        .collect();
    if ids.len() > limit(count) {
        return None;
    }

    // Each changed document's old postings out, its new ones in.
    let average = params.average();
    let per_document: Vec<Vec<(Term, bool, Posting)>> = ids
        .par_iter()
        .map(|&id| {
            let mut edits = Vec::new();
            let mut add = |title: &str, text: &str, numbers: &str, length: u32, insert: bool| -> Option<()> {
                for (term, t, a) in doc_terms(title, text, numbers, 1).into_terms() {
                    let q = impact(t, a, length, average);
                    edits.push((term.into_term(), insert, (id as u32, q, t > 0)));
                }
                Some(())
            };
            if id < previous.documents {
                let (n, j) = texts::locate(id);
                let pack = store.previous(&path(&texts::pack_path(n)))?;
                let (meta, text) = std::str::from_utf8(texts::entry(&pack, j)?)
                    .ok()?
                    .split_once('\n')?;
                let meta: serde_json::Value = serde_json::from_str(meta).ok()?;
                // The numbers as numbers_of writes them: 文件编号, then 索引号.
                let numbers = super::terms::numbers(meta.get(6)?.as_str()?, meta.get(7)?.as_str()?);
                add(meta.get(0)?.as_str()?, text, &numbers, text_length(text), false)?;
            }
            if id < count {
                add(
                    current.title(id),
                    current.texts[id].as_deref()?,
                    &current.numbers(id),
                    current.lengths[id],
                    true,
                )?;
            }
            Some(edits)
        })
        .collect::<Option<_>>()?;
    let mut by_term: BTreeMap<Term, Edits> = BTreeMap::new();
    for (term, insert, posting) in per_document.into_iter().flatten() {
        let edits = by_term.entry(term).or_default();
        if insert {
            edits.insert.push(posting);
        } else {
            edits.remove.push(posting);
        }
    }
    // A posting removed and inserted again as it was is no change (an edit
    // changes the document's length, but most impacts are quantised to the
    // same value): its term's shard need not be touched.
    for edits in by_term.values_mut() {
        edits.remove.sort_unstable();
        edits.insert.sort_unstable();
        let (remove, insert) = (
            std::mem::take(&mut edits.remove),
            std::mem::take(&mut edits.insert),
        );
        edits.remove = remove
            .iter()
            .filter(|p| insert.binary_search(p).is_err())
            .copied()
            .collect();
        edits.insert = insert
            .iter()
            .filter(|p| remove.binary_search(p).is_err())
            .copied()
            .collect();
    }
    by_term.retain(|_, edits| !(edits.remove.is_empty() && edits.insert.is_empty()));
    let mut by_shard: Vec<Vec<(Term, Edits)>> = (0..previous.shards).map(|_| Vec::new()).collect();
    for (term, edits) in by_term {
        by_shard[shard_of(&term, previous.shards)].push((term, edits));
    }

    let shards: Vec<Shard> = by_shard
        .par_iter()
        .enumerate()
        .map(|(s, edits)| {
            let size = ShardSize {
                terms: previous.shard_terms[s],
                packs: previous.shard_packs[s],
            };
            patch_shard(store, s, size, edits)
        })
        .collect::<Option<_>>()?;
    let after: usize = shards
        .iter()
        .map(|shard| match shard {
            Shard::Keep(size) | Shard::New(_, size) => size.terms as usize,
        })
        .sum();
    if shard_count(after) != previous.shards {
        return None;
    }
    Some(Patched {
        changed: ids.len(),
        terms: after,
        shards,
    })
}

/// One shard patched with the edits of its terms (in term order); `size`
/// is what the previous manifest says it holds. A shard without edits is
/// kept unread (when its files are intact).
fn patch_shard<S: Sink>(store: &S, s: usize, size: ShardSize, edits: &[(Term, Edits)]) -> Option<Shard> {
    let path = |p: &str| format!("{DIR}/{p}");
    if edits.is_empty() {
        return (store.intact(&path(&shard_path(s)))
            && (1..=size.packs as usize).all(|n| store.intact(&path(&pack_path(s, n)))))
        .then_some(Shard::Keep(size));
    }
    let bytes = store.previous(&path(&shard_path(s)))?;
    let members = parse_shard(&bytes)?;
    let packs = pack_count(&members);
    if (members.len() as u32, packs as u32) != (size.terms, size.packs) {
        return None;
    }
    let packs: Vec<Vec<u8>> = (1..=packs)
        .map(|n| store.previous(&path(&pack_path(s, n))))
        .collect::<Option<_>>()?;
    let blob_of = |m: &Member| -> Option<Vec<u8>> {
        match &m.location {
            Location::Inline(r) => bytes.get(r.clone()).map(<[u8]>::to_vec),
            Location::Packed(p, r) => packs.get(p - 1)?.get(r.clone()).map(<[u8]>::to_vec),
        }
    };
    let mut merged: Vec<(String, u32, Vec<u8>)> = Vec::with_capacity(members.len() + edits.len());
    let (mut old, mut new) = (members.iter().peekable(), edits.iter().peekable());
    loop {
        let order = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(m), Some((term, _))) => m.term.as_str().cmp(term.as_str()),
        };
        match order {
            std::cmp::Ordering::Less => {
                let m = old.next()?;
                merged.push((m.term.clone(), m.df, blob_of(m)?));
            }
            std::cmp::Ordering::Greater => {
                let (term, edits) = new.next()?;
                if !edits.remove.is_empty() {
                    return None;
                }
                let mut postings = edits.insert.clone();
                postings.sort_unstable_by_key(|p| p.0);
                let list = List::new(&postings);
                merged.push((term.to_string(), list.len() as u32, list.encode()));
            }
            std::cmp::Ordering::Equal => {
                let (m, (_, edits)) = (old.next()?, new.next()?);
                let mut list = List::decode(&blob_of(m)?, m.df as usize)?;
                let coarse = matches!(list, List::Coarse { .. });
                for &(id, q, title) in &edits.remove {
                    list.remove(id, q, title)?;
                }
                for &(id, q, title) in &edits.insert {
                    list.insert(id, q, title)?;
                }
                if list.is_empty() {
                    continue;
                }
                if !matches!(list, List::Presence(_)) && is_coarse(list.len(), list.last()) != coarse {
                    return None;
                }
                merged.push((m.term.clone(), list.len() as u32, list.encode()));
            }
        }
    }
    let files = encode_shard(
        merged
            .iter()
            .map(|(term, df, blob)| (term.as_str(), *df, blob.as_slice())),
    );
    let size = ShardSize {
        terms: merged.len() as u32,
        packs: files.packs.len() as u32,
    };
    Some(Shard::New(files, size))
}
