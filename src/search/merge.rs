//! Merging every document's terms into the postings lists of the index:
//! texts tokenized in parallel batches, each term's postings gathered in
//! its hash partition in id order ([`Accumulator`], [`Partition`]), in
//! memory or on disk in runs past the memory budget (`runs`), then scored,
//! encoded and written as the dictionary's shards.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::dictionary::{encode_shard, shard_count, shard_of};
use super::postings::{self, List, Posting};
use super::terms::{Bucket, Key, doc_terms, numbers_of};
use super::{Counted, Params, SearchError, ShardSize, Term, impact, in_packs, indexed_text, runs, texts};
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
    /// (from each document's length in `lengths`), or ids alone.
    pub(super) fn encode(&self, lengths: &[u32], average: f32) -> Vec<u8> {
        let (mut pos, mut id) = (0, 0);
        if self.presence {
            let mut ids = Vec::with_capacity(self.df as usize);
            while let Some(delta) = postings::get_varint(&self.bytes, &mut pos) {
                id += delta;
                ids.push(id);
            }
            return List::Presence(ids).encode();
        }
        let mut scored: Vec<Posting> = Vec::with_capacity(self.df as usize);
        while let (Some(delta), Some(title), Some(all)) = (
            postings::get_varint(&self.bytes, &mut pos),
            postings::get_varint(&self.bytes, &mut pos),
            postings::get_varint(&self.bytes, &mut pos),
        ) {
            id += delta;
            let q = impact(title as u16, all as u16, lengths[id as usize], average);
            scored.push((id, q, title > 0));
        }
        List::new(&scored).encode()
    }
}

/// One hash partition of the terms, merged independently of the others:
/// each term's slot among the accumulators, by kind of term.
#[derive(Default)]
pub(super) struct Partition {
    packed: FxHashMap<u64, usize>,
    trigrams: FxHashMap<u64, usize>,
    long: FxHashMap<Term, usize>,
    accumulators: Vec<Accumulator>,
    /// About the bytes this holds: its postings and, per term, its slot.
    pub(super) held: usize,
}

/// What a term costs a partition beside its postings: its slot in a hash
/// table, its accumulator, the spare room of both as they grow.
const TERM_COST: usize = 96;

impl Partition {
    /// The accumulator of a term, made when the term is new (`presence`:
    /// a trigram's, of ids alone).
    fn slot<K: std::hash::Hash + Eq>(
        slots: &mut FxHashMap<K, usize>,
        accumulators: &mut Vec<Accumulator>,
        key: K,
        presence: bool,
    ) -> usize {
        let next = accumulators.len();
        let slot = *slots.entry(key).or_insert(next);
        if slot == next {
            accumulators.push(Accumulator {
                presence,
                ..Accumulator::default()
            });
        }
        slot
    }

    /// Adds document `id`'s terms of this partition.
    fn add(&mut self, id: u32, bucket: Bucket) {
        let (terms, postings) = (self.accumulators.len(), bucket.len());
        for (key, title, all) in bucket.packed {
            let slot = Self::slot(&mut self.packed, &mut self.accumulators, key, false);
            self.accumulators[slot].push(id, title, all);
        }
        for (term, title, all) in bucket.long {
            let slot = Self::slot(&mut self.long, &mut self.accumulators, term, false);
            self.accumulators[slot].push(id, title, all);
        }
        for key in bucket.trigrams {
            let slot = Self::slot(&mut self.trigrams, &mut self.accumulators, key, true);
            self.accumulators[slot].push(id, 0, 0);
        }
        // A posting is one to three varints, mostly of one byte each; the
        // lists grow by doubling, so about half as much again is spare.
        self.held += (self.accumulators.len() - terms) * TERM_COST + postings * 4;
    }

    /// Every term with its postings.
    pub(super) fn into_terms(self) -> Vec<(Term, Accumulator)> {
        let mut accumulators = self.accumulators;
        let mut take = |slot: usize| std::mem::take(&mut accumulators[slot]);
        let mut terms = Vec::with_capacity(self.packed.len() + self.trigrams.len() + self.long.len());
        terms.extend(
            self.packed
                .into_iter()
                .map(|(key, slot)| (Key::Packed(key).into_term(), take(slot))),
        );
        terms.extend(
            self.trigrams
                .into_iter()
                .map(|(key, slot)| (Key::Trigram(key).into_term(), take(slot))),
        );
        terms.extend(self.long.into_iter().map(|(term, slot)| (term, take(slot))));
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
    let partitions_count = rayon::current_num_threads().max(1) * 4;
    let mut partitions: Vec<Partition> = (0..partitions_count).map(|_| Partition::default()).collect();
    let budget = runs::budget();
    let mut runs: Option<runs::Runs> = None;
    let total = items.len();
    let by_id = |id: usize| &catalogue.documents[total - 1 - id];
    let mut items = items.into_iter();
    for first in (0..total).step_by(BATCH) {
        let batch: Vec<T> = items.by_ref().take(BATCH).collect();
        let packs = in_packs(batch);
        let batch_terms: Vec<Vec<Bucket>> = packs
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
        // Each partition takes its lists by value: their terms move into
        // its slots, and what is left is freed by the worker, not by this
        // thread between batches while the others wait.
        let mut by_partition: Vec<Vec<Bucket>> = (0..partitions_count)
            .map(|_| Vec::with_capacity(batch_terms.len()))
            .collect();
        for doc in batch_terms {
            for (p, list) in doc.into_iter().enumerate() {
                by_partition[p].push(list);
            }
        }
        partitions
            .par_iter_mut()
            .zip(by_partition)
            .for_each(|(partition, docs)| {
                for (i, doc) in docs.into_iter().enumerate() {
                    partition.add((first + i) as u32, doc);
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
    if let Some(runs) = runs {
        let count = runs.count();
        let (terms, sizes) = runs.finish(partitions, |acc| acc.encode(lengths, average), out)?;
        return Ok((terms, sizes, count));
    }
    let mut terms: Vec<(Term, Accumulator)> =
        partitions.into_iter().flat_map(Partition::into_terms).collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let encoded: Vec<(Term, u32, Vec<u8>)> = terms
        .into_par_iter()
        .map(|(term, acc)| (term, acc.df, acc.encode(lengths, average)))
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
            out.write_shard(shard, &files)?;
            Ok(ShardSize {
                terms: members.len() as u32,
                packs: files.packs.len() as u32,
            })
        })
        .collect::<Result<_, SearchError>>()?;
    Ok((encoded.len(), sizes, 0))
}
