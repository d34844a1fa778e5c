//! The static search index under `search/`, built from the [`Catalogue`]
//! (never from HTML), read by `themes/default/assets/gongkai-search.js`.
//!
//! Document ids are catalogue positions: newest first, so "newer first on
//! ties" and "sort by date" are id order. Files:
//!
//! | file | holds | fetched |
//! | --- | --- | --- |
//! | `manifest.json` | counts, shard counts, facet names | first query |
//! | `invalid.bin` | bitset of 已废止/已失效 documents (ranked last) | first query |
//! | `t/<s>.bin` | dictionary shard `s` (term → postings, inline when small) | per query term |
//! | `p/<s>-<n>.bin` | pack `n` of shard `s`: its large postings lists, back to back | per query term |
//! | `x/<id>.txt` | a JSON line of the document's metadata, then its indexed text | per shown result |
//! | `f/<facet>.bin` | one value per document: category, issuer, year, status | when filtering |
//! | `k/<s>.json` | normalised 文件编号 / 索引号 → ids | for key-shaped queries |
//! | `lunr.json` | optional elasticlunr export ([`lunr`]) | by other tools |
//!
//! Only published documents are in the catalogue, so drafts and documents
//! that are not 主动公开 can never be indexed.

pub mod lunr;
pub mod postings;
pub mod tokenizer;

use std::collections::{BTreeMap, HashMap};
use std::io;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::document::{Document, Validity};
use tokenizer::{Mode, fnv1a, normalize_key};

/// The output folder of the index.
pub const DIR: &str = "search";
/// Postings blobs up to this size stay inside their dictionary shard.
const INLINE_MAX: usize = 160;
/// Target size of a dictionary shard in bytes.
const SHARD_TARGET: usize = 12 * 1024;
/// Large postings lists are packed into files of up to this size (a larger
/// list has a file of its own): one file per list would triple the number of
/// files a build creates, and creating files is what a build spends most on.
const PACK_TARGET: usize = 8 * 1024;
/// The dictionary shard format (first byte of `t/<s>.bin`).
const SHARD_FORMAT: u8 = 2;
/// Keys per exact-key shard.
const KEYS_PER_SHARD: usize = 1500;
/// A title match counts this many times a body match.
const TITLE_WEIGHT: f32 = 3.0;
/// BM25 parameters.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Documents tokenized in parallel before being merged in order.
const BATCH: usize = 512;

/// What the index holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Distinct terms.
    pub terms: usize,
    /// Dictionary shards.
    pub shards: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// A term as stored while indexing: bigrams and short words stay inline.
type Term = compact_str::CompactString;

/// Terms of one document with their counts in the title and in all text,
/// bucketed by merge partition.
struct DocTerms {
    length: u32,
    buckets: Vec<Vec<(Term, u16, u16)>>,
}

/// A term's postings while documents are merged: varints of
/// (id delta, title count, total count).
#[derive(Default)]
struct Accumulator {
    bytes: Vec<u8>,
    last: u32,
    df: u32,
}

/// One hash partition of the terms, merged independently of the others.
#[derive(Default)]
struct Partition {
    slots: FxHashMap<Term, usize>,
    accumulators: Vec<Accumulator>,
}

/// The text of a document that is indexed and fetched for excerpts: title,
/// numbers, issuer, keywords, then summary and body; one field per line.
/// Also returns where the summary starts, in UTF-16 units (as JS counts),
/// which is where excerpts are taken from.
pub fn indexed_text(document: &Document, body_text: &str) -> (String, usize) {
    let mut text = String::with_capacity(body_text.len() + 256);
    for part in [
        document.title.as_str(),
        document.doc_number.as_deref().unwrap_or(""),
        document.index_number.as_str(),
        document.issuer.as_str(),
        &document.keywords.join("、"),
    ] {
        if !part.is_empty() {
            text.push_str(part);
            text.push('\n');
        }
    }
    let excerpt_at = text.encode_utf16().count();
    if !document.summary.is_empty() {
        text.push_str(&document.summary);
        text.push('\n');
    }
    text.push_str(body_text);
    (text, excerpt_at)
}

fn doc_terms(document: &Document, text: &str, partitions: usize) -> DocTerms {
    let title = tokenizer::normalize(&document.title);
    let text = tokenizer::normalize(text);
    // About one distinct term per two characters of Chinese text (three
    // bytes each): sized once instead of growing through every power of two.
    let mut counts: FxHashMap<&str, (u16, u16)> =
        FxHashMap::with_capacity_and_hasher(text.len() / 6 + 16, Default::default());
    let mut length = 0u32;
    tokenizer::tokenize_normalized(&title, Mode::Index, |t| {
        let c = counts.entry(t).or_default();
        c.0 = c.0.saturating_add(1);
    });
    tokenizer::tokenize_normalized(&text, Mode::Index, |t| {
        length += 1;
        let c = counts.entry(t).or_default();
        c.1 = c.1.saturating_add(1);
    });
    let mut buckets: Vec<Vec<(Term, u16, u16)>> = vec![Vec::new(); partitions];
    for (term, (title, all)) in counts {
        buckets[fnv1a(term) as usize % partitions].push((Term::from(term), title, all));
    }
    DocTerms { length, buckets }
}

/// Builds the index of `catalogue`, handing each file to `emit`.
/// `body_texts` are the documents' plain texts, in catalogue order (see
/// [`take_body_texts`]): each batch's texts are freed once indexed.
pub fn build<E>(
    catalogue: &Catalogue,
    body_texts: Vec<String>,
    progress: &crate::progress::Progress,
    emit: E,
) -> io::Result<IndexStats>
where
    E: Fn(&str, &[u8]) -> io::Result<()> + Sync,
{
    let documents = &catalogue.documents;
    let total = u32::try_from(documents.len()).map_err(|_| io::Error::other("too many documents"))?;
    let written = std::sync::atomic::AtomicU64::new(0);
    let files = std::sync::atomic::AtomicUsize::new(0);
    let emit = |path: &str, bytes: &[u8]| {
        written.fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        emit(&format!("{DIR}/{path}"), bytes)
    };

    let issuer_of: HashMap<&str, usize> = catalogue
        .issuers
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect();
    // Tokenize in parallel batches; merge each hash partition in parallel,
    // documents in id order, so every postings list is sorted by id.
    let partitions_count = rayon::current_num_threads().max(1) * 4;
    let mut partitions: Vec<Partition> = (0..partitions_count).map(|_| Partition::default()).collect();
    let mut lengths: Vec<u32> = Vec::with_capacity(documents.len());
    let mut body_texts = body_texts.into_iter();
    for (batch_index, batch) in documents.chunks(BATCH).enumerate() {
        let first = batch_index * BATCH;
        let texts: Vec<String> = body_texts.by_ref().take(batch.len()).collect();
        let batch_terms: Vec<DocTerms> = batch
            .par_iter()
            .zip(texts.par_iter())
            .enumerate()
            .map(|(i, (d, body))| {
                let (text, excerpt_at) = indexed_text(d, body);
                let mut file = meta_line(d, &issuer_of, excerpt_at)?;
                file.push_str(&text);
                emit(&format!("x/{}.txt", first + i), file.as_bytes())?;
                Ok(doc_terms(d, &text, partitions_count))
            })
            .collect::<io::Result<_>>()?;
        lengths.extend(batch_terms.iter().map(|d| d.length));
        progress.advance(batch.len());
        partitions.par_iter_mut().enumerate().for_each(|(p, partition)| {
            for (i, doc) in batch_terms.iter().enumerate() {
                let id = (first + i) as u32;
                for (term, title, all) in &doc.buckets[p] {
                    let slot = match partition.slots.get(term) {
                        Some(&slot) => slot,
                        None => {
                            partition.accumulators.push(Accumulator::default());
                            partition
                                .slots
                                .insert(term.clone(), partition.accumulators.len() - 1);
                            partition.accumulators.len() - 1
                        }
                    };
                    let acc = &mut partition.accumulators[slot];
                    postings::put_varint(&mut acc.bytes, id - acc.last);
                    postings::put_varint(&mut acc.bytes, u32::from(*title));
                    postings::put_varint(&mut acc.bytes, u32::from(*all));
                    acc.last = id;
                    acc.df += 1;
                }
            }
        });
    }
    let mut terms: Vec<(Term, Accumulator)> = partitions
        .into_iter()
        .flat_map(|p| {
            let mut accumulators = p.accumulators;
            p.slots
                .into_iter()
                .map(move |(term, slot)| (term, std::mem::take(&mut accumulators[slot])))
                .collect::<Vec<_>>()
        })
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));

    // Score every posting with BM25, quantise against the largest score.
    let average = if lengths.is_empty() {
        1.0
    } else {
        lengths.iter().map(|&l| f64::from(l)).sum::<f64>() as f32 / lengths.len() as f32
    };
    let scorer = Scorer {
        lengths: &lengths,
        average: average.max(1.0),
        total,
    };
    let max = terms
        .par_iter()
        .map(|(_, acc)| {
            let mut max = 0.0f32;
            scorer.each(acc, |_, score, _| max = max.max(score));
            max
        })
        .reduce(|| 0.0, f32::max)
        .max(f32::MIN_POSITIVE);
    let encoded: Vec<(Term, u32, Vec<u8>)> = terms
        .into_par_iter()
        .map(|(term, acc)| {
            let scored: Vec<postings::Posting> = scorer
                .scores(&acc)
                .into_iter()
                .map(|(id, score, title)| (id, quantise(score, max), title))
                .collect();
            (term, acc.df, postings::encode(&scored, total))
        })
        .collect();

    let shards = write_dictionary(&encoded, &emit)?;
    write_columns(catalogue, &issuer_of, &emit)?;
    let key_shards = write_keys(documents, &emit)?;
    write_manifest(catalogue, shards, key_shards, &emit)?;
    if catalogue.config.search.lunr_export {
        emit("lunr.json", lunr::export(catalogue).as_bytes())?;
    }
    Ok(IndexStats {
        terms: encoded.len(),
        shards,
        files: files.into_inner(),
        bytes: written.into_inner(),
    })
}

/// Moves the documents' plain texts out of the catalogue (only the index
/// needs them), so that [`build`] can free them batch by batch.
pub fn take_body_texts(catalogue: &mut Catalogue) -> Vec<String> {
    catalogue
        .documents
        .iter_mut()
        .map(|d| std::mem::take(&mut d.body_text))
        .collect()
}

struct Scorer<'a> {
    lengths: &'a [u32],
    average: f32,
    total: u32,
}

impl Scorer<'_> {
    /// BM25 of every posting: the whole text with length normalisation, plus
    /// the title (short, so without) weighted [`TITLE_WEIGHT`].
    fn scores(&self, acc: &Accumulator) -> Vec<(u32, f32, bool)> {
        let mut out = Vec::with_capacity(acc.df as usize);
        self.each(acc, |id, score, title| out.push((id, score, title)));
        out
    }

    /// Calls `f` with each posting's id, score and whether it is in the title.
    fn each(&self, acc: &Accumulator, mut f: impl FnMut(u32, f32, bool)) {
        let df = acc.df as f32;
        let idf = (1.0 + (self.total as f32 - df + 0.5) / (df + 0.5)).ln();
        let (mut pos, mut id) = (0, 0);
        while let (Some(delta), Some(title), Some(all)) = (
            postings::get_varint(&acc.bytes, &mut pos),
            postings::get_varint(&acc.bytes, &mut pos),
            postings::get_varint(&acc.bytes, &mut pos),
        ) {
            id += delta;
            let length = self.lengths[id as usize] as f32;
            let norm = K1 * (1.0 - B + B * length / self.average);
            let (title, all) = (title as f32, all as f32);
            let score =
                idf * (all * (K1 + 1.0) / (all + norm) + TITLE_WEIGHT * title * (K1 + 1.0) / (title + K1));
            f(id, score, title > 0.0);
        }
    }
}

/// 1–15 on a square-root scale, so low scores keep some resolution; the
/// browser adds up the squares.
fn quantise(score: f32, max: f32) -> u8 {
    ((score / max).sqrt() * 15.0).ceil().clamp(1.0, 15.0) as u8
}

/// Writes the dictionary shards and the packs of large postings lists;
/// returns the number of shards. A shard: the format byte, the number of
/// terms, then per term its length and bytes, its df, and either `0`, the
/// blob's length and the blob, or the pack number (from 1), the offset and
/// the length of the blob in `p/<shard>-<pack>.bin`.
fn write_dictionary<E>(encoded: &[(Term, u32, Vec<u8>)], emit: &E) -> io::Result<usize>
where
    E: Fn(&str, &[u8]) -> io::Result<()> + Sync,
{
    let size: usize = encoded
        .iter()
        .map(|(t, _, b)| t.len() + 8 + b.len().min(INLINE_MAX))
        .sum();
    let shards = size.div_ceil(SHARD_TARGET).max(1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (i, (term, _, _)) in encoded.iter().enumerate() {
        members[fnv1a(term) as usize % shards].push(i);
    }
    members.par_iter().enumerate().try_for_each(|(shard, members)| {
        let mut out = vec![SHARD_FORMAT];
        postings::put_varint(&mut out, members.len() as u32);
        let mut pack: Vec<u8> = Vec::new();
        let mut packs = 0u32;
        for &i in members {
            let (term, df, blob) = &encoded[i];
            postings::put_varint(&mut out, term.len() as u32);
            out.extend_from_slice(term.as_bytes());
            postings::put_varint(&mut out, *df);
            if blob.len() <= INLINE_MAX {
                postings::put_varint(&mut out, 0);
                postings::put_varint(&mut out, blob.len() as u32);
                out.extend_from_slice(blob);
                continue;
            }
            if !pack.is_empty() && pack.len() + blob.len() > PACK_TARGET {
                packs += 1;
                emit(&format!("p/{shard}-{packs}.bin"), &pack)?;
                pack.clear();
            }
            postings::put_varint(&mut out, packs + 1);
            postings::put_varint(&mut out, pack.len() as u32);
            postings::put_varint(&mut out, blob.len() as u32);
            pack.extend_from_slice(blob);
        }
        if !pack.is_empty() {
            emit(&format!("p/{shard}-{}.bin", packs + 1), &pack)?;
        }
        emit(&format!("t/{shard}.bin"), &out)
    })?;
    Ok(shards)
}

/// Index of a validity in the status column and the manifest.
fn status_index(status: Validity) -> u8 {
    Validity::ALL.iter().position(|v| *v == status).unwrap_or(0) as u8
}

/// What a search result shows of a document, as the first line of its text
/// file: `[title, url, date, category, issuer, status, doc_number,
/// index_number, excerpt_at]`.
fn meta_line(d: &Document, issuer_of: &HashMap<&str, usize>, excerpt_at: usize) -> io::Result<String> {
    let row = serde_json::json!([
        d.title,
        crate::render::document_url(d),
        d.date.format("%Y-%m-%d").to_string(),
        d.category,
        issuer_of.get(d.issuer.as_str()).copied().unwrap_or(0),
        status_index(d.status),
        d.doc_number.as_deref().unwrap_or(""),
        d.index_number,
        excerpt_at,
    ]);
    let mut line = serde_json::to_string(&row).map_err(io::Error::other)?;
    line.push('\n');
    Ok(line)
}

/// The invalid bitset and the facet columns.
fn write_columns<E>(catalogue: &Catalogue, issuer_of: &HashMap<&str, usize>, emit: &E) -> io::Result<()>
where
    E: Fn(&str, &[u8]) -> io::Result<()> + Sync,
{
    let documents = &catalogue.documents;
    let first_year = catalogue
        .years
        .last()
        .map_or(0, |y| y.key.parse::<i32>().unwrap_or(0));
    let mut invalid = vec![0u8; documents.len().div_ceil(8)];
    let mut category = Vec::with_capacity(documents.len());
    let mut issuer = Vec::with_capacity(documents.len() * 2);
    let mut year = Vec::with_capacity(documents.len());
    let mut status = Vec::with_capacity(documents.len());
    for (id, d) in documents.iter().enumerate() {
        if matches!(d.status, Validity::Repealed | Validity::Expired) {
            invalid[id >> 3] |= 1 << (id & 7);
        }
        category.push(d.category as u8);
        let i = issuer_of.get(d.issuer.as_str()).copied().unwrap_or(0) as u16;
        issuer.extend_from_slice(&i.to_le_bytes());
        year.push((chrono::Datelike::year(&d.date) - first_year).clamp(0, 255) as u8);
        status.push(status_index(d.status));
    }
    emit("invalid.bin", &invalid)?;
    emit("f/category.bin", &category)?;
    emit("f/issuer.bin", &issuer)?;
    emit("f/year.bin", &year)?;
    emit("f/status.bin", &status)
}

/// The exact-key table: normalised 文件编号 and 索引号 → ids; returns the
/// number of shards.
fn write_keys<E>(documents: &[Document], emit: &E) -> io::Result<usize>
where
    E: Fn(&str, &[u8]) -> io::Result<()> + Sync,
{
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, d) in documents.iter().enumerate() {
        for raw in [Some(d.index_number.as_str()), d.doc_number.as_deref()]
            .into_iter()
            .flatten()
        {
            let ids = keys.entry(normalize_key(raw)).or_default();
            if ids.last() != Some(&(id as u32)) {
                ids.push(id as u32);
            }
        }
    }
    let shards = keys.len().div_ceil(KEYS_PER_SHARD).max(1);
    let mut members: Vec<BTreeMap<&str, &[u32]>> = vec![BTreeMap::new(); shards];
    for (key, ids) in &keys {
        members[fnv1a(key) as usize % shards].insert(key, ids);
    }
    members.par_iter().enumerate().try_for_each(|(shard, map)| {
        emit(
            &format!("k/{shard}.json"),
            &serde_json::to_vec(map).map_err(io::Error::other)?,
        )
    })?;
    Ok(shards)
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    documents: usize,
    shards: usize,
    key_shards: usize,
    categories: Vec<(&'a str, &'a str)>,
    issuers: Vec<(&'a str, &'a str)>,
    first_year: i32,
    statuses: [(&'static str, &'static str); 4],
}

fn write_manifest<E>(catalogue: &Catalogue, shards: usize, key_shards: usize, emit: &E) -> io::Result<()>
where
    E: Fn(&str, &[u8]) -> io::Result<()> + Sync,
{
    fn facet(f: &crate::catalogue::Facet) -> (&str, &str) {
        (f.key.as_str(), f.name.as_str())
    }
    let statuses = Validity::ALL.map(|v| (v.code(), v.label()));
    let manifest = Manifest {
        version: 2,
        documents: catalogue.documents.len(),
        shards,
        key_shards,
        categories: catalogue.categories.iter().map(facet).collect(),
        issuers: catalogue.issuers.iter().map(facet).collect(),
        first_year: catalogue.years.last().map_or(0, |y| y.key.parse().unwrap_or(0)),
        statuses,
    };
    emit(
        "manifest.json",
        &serde_json::to_vec(&manifest).map_err(io::Error::other)?,
    )
}
