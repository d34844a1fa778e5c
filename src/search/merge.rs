//! Merging every document's terms into the postings lists of the index:
//! texts tokenized in parallel batches, each term's postings gathered in
//! its hash partition in id order ([`Accumulator`], [`Partition`]), in
//! memory or on disk in runs past the memory budget (`runs`), then scored,
//! encoded and written as the dictionary's shards.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::dictionary::{encode_shard, shard_count, shard_of};
use super::postings::{self, List, Posting};
use super::terms::{DocTerms, Key, Part, doc_terms, numbers_of};
use super::{
    Counted, Params, SearchError, ShardSize, Term, impact_at, in_packs, indexed_text, length_norm, runs,
    texts,
};
use crate::catalogue::Catalogue;
use crate::content::body::Bodies;
use crate::output::Sink;
use std::path::Path;

/// Documents tokenized in parallel before being merged in order.
const BATCH: usize = 512;

/// A term's postings while documents are merged: varints of
/// (id delta, title count, total count), or of id deltas alone for a
/// trigram (`presence`: it is counted nowhere).
#[derive(Default)]
pub(super) struct Accumulator {
    pub(super) bytes: Vec<u8>,
    pub(super) last: u32,
    pub(super) df: u32,
    pub(super) presence: bool,
}

impl Accumulator {
    /// Adds document `id` (after every document it holds) with its counts,
    /// which a trigram's leaves out.
    pub(super) fn push(&mut self, id: u32, title: u16, all: u16) {
        postings::put_varint(&mut self.bytes, id - self.last);
        if !self.presence {
            postings::put_varint(&mut self.bytes, u32::from(title));
            postings::put_varint(&mut self.bytes, u32::from(all));
        }
        self.last = id;
        self.df += 1;
    }

    /// Adds the postings of `next`, of documents after every one this
    /// holds, gathered apart (from id 0: its first delta is its first id).
    pub(super) fn append(&mut self, next: Accumulator) {
        let mut pos = 0;
        let Some(first) = postings::get_varint(&next.bytes, &mut pos) else {
            return;
        };
        postings::put_varint(&mut self.bytes, first - self.last);
        self.bytes.extend_from_slice(&next.bytes[pos..]);
        self.last = next.last;
        self.df += next.df;
    }

    /// The postings list as the index stores it: ids with their impacts
    /// (from each document's [`length_norm`] in `norms`), or ids alone.
    pub(super) fn encode(&self, norms: &[f32]) -> Vec<u8> {
        let (mut pos, mut id) = (0, 0);
        if self.presence {
            // Its bytes are the ids' deltas from 0 already.
            return List::encode_presence(&self.bytes, self.last);
        }
        let mut scored: Vec<Posting> = Vec::with_capacity(self.df as usize);
        while let (Some(delta), Some(title), Some(all)) = (
            postings::get_varint(&self.bytes, &mut pos),
            postings::get_varint(&self.bytes, &mut pos),
            postings::get_varint(&self.bytes, &mut pos),
        ) {
            id += delta;
            let q = impact_at(title as u16, all as u16, norms[id as usize]);
            scored.push((id, q, title > 0));
        }
        List::new(&scored).encode()
    }
}

/// One hash partition of the terms, merged independently of the others:
/// each term's accumulator, by kind of term, held in its hash table (one
/// place to reach per posting, not a slot and then the accumulator).
#[derive(Default)]
pub(super) struct Partition {
    packed: FxHashMap<u64, Accumulator>,
    trigrams: FxHashMap<u64, Accumulator>,
    long: FxHashMap<Term, Accumulator>,
    /// About the bytes this holds: its postings and, per term, its slot.
    pub(super) held: usize,
}

/// What a term costs a partition beside its postings: its slot in a hash
/// table, its accumulator, the spare room of both as they grow.
const TERM_COST: usize = 96;

impl Partition {
    /// How many terms it holds.
    fn terms(&self) -> usize {
        self.packed.len() + self.trigrams.len() + self.long.len()
    }

    /// Adds document `id`'s terms of this partition.
    fn add(&mut self, id: u32, part: Part<'_>) {
        let (terms, postings) = (self.terms(), part.len());
        for &(key, title, all) in part.packed {
            self.packed.entry(key).or_default().push(id, title, all);
        }
        for (term, title, all) in part.long {
            match self.long.get_mut(term) {
                Some(acc) => acc.push(id, *title, *all),
                None => self.long.entry(term.clone()).or_default().push(id, *title, *all),
            }
        }
        for &key in part.trigrams {
            self.trigrams
                .entry(key)
                .or_insert_with(|| Accumulator {
                    presence: true,
                    ..Accumulator::default()
                })
                .push(id, 0, 0);
        }
        // A posting is one to three varints, mostly of one byte each; the
        // lists grow by doubling, so about half as much again is spare.
        self.held += (self.terms() - terms) * TERM_COST + postings * 4;
    }

    /// Every term with its postings.
    pub(super) fn into_terms(self) -> Vec<(Term, Accumulator)> {
        let mut terms = Vec::with_capacity(self.terms());
        terms.extend(
            self.packed
                .into_iter()
                .map(|(key, acc)| (Key::Packed(key).into_term(), acc)),
        );
        terms.extend(
            self.trigrams
                .into_iter()
                .map(|(key, acc)| (Key::Trigram(key).into_term(), acc)),
        );
        terms.extend(self.long);
        terms
    }
}

/// What merging every document's terms reads and where it writes.
pub(super) struct Merge<'a, S> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) bodies: &'a Bodies,
    pub(super) lengths: &'a [u32],
    pub(super) params: Params,
    pub(super) progress: &'a crate::progress::Progress,
    pub(super) out: &'a Counted<'a, S>,
    pub(super) scratch: &'a Path,
}

impl<S> Clone for Merge<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for Merge<'_, S> {}

/// Tokenizes every text (in parallel batches, freeing each batch's texts),
/// merges the postings of each hash partition in parallel, documents in id
/// order (on disk in runs past the memory budget), then scores, encodes
/// and writes the dictionary. Returns the number of terms, each shard's
/// size and the runs written. `text` makes the indexed texts of pack
/// `n` from its items (writing the pack, when the items are bodies); None
/// means the pack was kept and the text is rendered again here.
pub(super) fn build_dictionary<S: Sink, T: Send>(
    merge: &Merge<'_, S>,
    items: Vec<T>,
    text: impl Fn(usize, Vec<T>) -> Result<Vec<Option<String>>, SearchError> + Sync,
) -> Result<(usize, Vec<ShardSize>, usize), SearchError> {
    let Merge {
        catalogue,
        bodies,
        lengths,
        params,
        progress,
        out,
        scratch,
    } = *merge;
    let partitions_count = rayon::current_num_threads().max(1) * 16;
    let mut partitions: Vec<Partition> = (0..partitions_count).map(|_| Partition::default()).collect();
    let budget = runs::budget();
    let mut runs: Option<runs::Runs> = None;
    let total = items.len();
    let by_id = |id: usize| &catalogue.documents[total - 1 - id];
    let mut items = items.into_iter();
    for first in (0..total).step_by(BATCH) {
        let batch: Vec<T> = items.by_ref().take(BATCH).collect();
        let packs = in_packs(batch);
        let batch_terms: Vec<DocTerms> = packs
            .into_par_iter()
            .map(|(n, items)| {
                let n = first / texts::PER_PACK + n;
                let texts = text(n, items)?;
                texts
                    .into_par_iter()
                    .enumerate()
                    .map(|(j, text)| {
                        let d = by_id(n * texts::PER_PACK + j);
                        // A pack kept as it was: the text is rendered again.
                        let text = match text {
                            Some(text) => text,
                            None => indexed_text(d, &bodies.text(d).map_err(SearchError::Body)?).0,
                        };
                        Ok(doc_terms(&d.title, &text, &numbers_of(d), partitions_count))
                    })
                    .collect::<Result<Vec<_>, SearchError>>()
            })
            .collect::<Result<Vec<_>, SearchError>>()?
            .into_iter()
            .flatten()
            .collect();
        progress.advance(batch_terms.len());
        // Each partition reads its part of every document's terms.
        partitions.par_iter_mut().enumerate().for_each(|(p, partition)| {
            for (i, doc) in batch_terms.iter().enumerate() {
                partition.add((first + i) as u32, doc.part(p));
            }
        });
        // Past the budget, the postings so far go to a run on disk.
        if partitions.iter().map(|p| p.held).sum::<usize>() > budget {
            if runs.is_none() {
                runs = Some(runs::Runs::create(scratch, budget)?);
            }
            if let Some(runs) = runs.as_mut() {
                runs.write(&mut partitions)?;
            }
        }
    }
    let average = params.average();
    let norms: Vec<f32> = lengths.iter().map(|&l| length_norm(l, average)).collect();
    if let Some(runs) = runs {
        let count = runs.count();
        let (terms, sizes) = runs.finish(partitions, |acc| acc.encode(&norms), out)?;
        return Ok((terms, sizes, count));
    }
    let mut terms: Vec<(Term, Accumulator)> =
        partitions.into_iter().flat_map(Partition::into_terms).collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let encoded: Vec<(Term, u32, Vec<u8>)> = terms
        .into_par_iter()
        .map(|(term, acc)| (term, acc.df, acc.encode(&norms)))
        .collect();

    let shards = shard_count(encoded.len());
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (i, (term, _, _)) in encoded.iter().enumerate() {
        members[shard_of(term, shards)].push(i);
    }
    let sizes = members
        .par_iter()
        .enumerate()
        .map(|(shard, members)| {
            let files = encode_shard(members.iter().map(|&i| {
                let (term, df, blob) = &encoded[i];
                (term.as_str(), *df, blob.as_slice())
            }));
            let packs = files.packs.len() as u32;
            out.write_shard(shard, files)?;
            Ok(ShardSize {
                terms: members.len() as u32,
                packs,
            })
        })
        .collect::<Result<_, SearchError>>()?;
    Ok((encoded.len(), sizes, 0))
}
