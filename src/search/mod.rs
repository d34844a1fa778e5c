//! The static search index under `search/`, built from the [`Catalogue`]
//! (never from HTML), read by `themes/default/assets/gongkai-search.js`.
//!
//! Document ids count from the oldest document (catalogue positions from the
//! end): a new document, usually the newest, takes the next id and leaves
//! every other id as it was. Files:
//!
//! | file | holds | fetched |
//! | --- | --- | --- |
//! | `manifest.json` | counts, shard counts, facet names | first query |
//! | `invalid.bin` | bitset of 已废止/已失效 documents (ranked last) | first query |
//! | `t/<s>.bin` | dictionary shard `s` ([`dictionary`]) | per query term |
//! | `p/<s>-<n>.pack` | pack `n` of shard `s`: its large postings lists, back to back | per query term, by byte range |
//! | `x/<n>.pack` | texts `64n..`: per document a JSON line of its metadata, then its indexed text ([`texts`]) | per shown result, by byte range |
//! | `f/<facet>.bin` | one value per document: category, issuer, year, status | when filtering |
//! | `f/dates.bin` | 发布日期 runs in id order ([`columns::date_runs`]) | when filtering by date |
//! | `k/<s>.json` | normalised 文件编号 / 索引号 → ids | for key-shaped queries |
//! | `fold.txt` | traditional → simplified pairs (`tokenizer::FOLD_TABLE`) | when a query or shown text needs it |
//! | `words.txt` | title words, commonest first ([`words`]) | when a query finds nothing |
//! | `lunr.json` | optional elasticlunr export ([`lunr`]) | by other tools |
//!
//! Every three ideographs in a row are a term too, whose postings are ids
//! alone ([`postings::List::Presence`]): the browser ranks documents holding
//! all of a query's trigrams (nearly always those holding it as written)
//! before those holding only its bigrams.
//!
//! Ranking is BM25: the term-frequency part is quantised into each posting
//! ([`postings`]), the IDF is computed in the browser from each term's
//! document frequency. Every term's postings thus depend only on the
//! documents holding it, and a rebuild after a few edits patches the
//! previous index instead of tokenizing every text again (`patch`).
//!
//! Only published documents are in the catalogue, so drafts and documents
//! that are not 主动公开 can never be indexed.

mod columns;
pub mod dictionary;
pub mod lunr;
mod merge;
mod patch;
pub mod postings;
mod runs;
mod terms;
pub mod texts;
pub mod tokenizer;
mod words;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::content::body::Bodies;
use crate::content::document::{Document, Validity};
use crate::diagnostic::Diagnostic;
use crate::output::{OutputError, Sink, Stamp};
use dictionary::{ShardFiles, pack_path, shard_path};
use merge::{Merge, build_dictionary};

/// The output folder of the index.
pub const DIR: &str = "search";

/// The folder, inside the site's state folder, where an index too large
/// for memory is merged (`runs`).
pub(crate) const RUNS_DIR: &str = runs::DIR;
/// The index format (`version` in manifest.json).
const FORMAT: u32 = 6;
/// Keys per exact-key shard.
const KEYS_PER_SHARD: usize = 1500;
/// A title match counts this many times a body match.
const TITLE_WEIGHT: f32 = 3.0;
/// BM25 parameters.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// The largest term-frequency part of a score (body and title saturated):
/// impacts are quantised against it.
const MAX_TF_PART: f32 = (K1 + 1.0) * (1.0 + TITLE_WEIGHT);
/// A document of at least this many characters (and two headings) is
/// long: its results link to the sections holding the query.
const LONG_DOCUMENT: u32 = 1000;

/// What the index holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexStats {
    /// Distinct terms.
    pub terms: usize,
    /// Dictionary shards.
    pub shards: usize,
    /// Files in the index.
    pub files: usize,
    /// Bytes in the index.
    pub bytes: u64,
    /// Documents whose postings were patched into the previous index, when
    /// it was patched rather than built from every text.
    pub patched: Option<usize>,
    /// Runs written to disk while the postings were merged, when they
    /// outgrew the memory allowed them (0: merged in memory).
    #[serde(default)]
    pub runs: usize,
}

/// Why the index could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SearchError {
    /// A file of the index could not be written or kept.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A body could not be rendered again for its text (its file changed).
    #[error("{}", .0.message)]
    Body(Diagnostic),
    /// More documents than ids (u32).
    #[error("too many documents for the search index: {0}")]
    TooMany(usize),
    /// The manifest or a metadata line could not be encoded.
    #[error("cannot encode the search index: {0}")]
    Encode(#[from] serde_json::Error),
}

/// A term as stored while indexing: bigrams and short words stay inline.
type Term = compact_str::CompactString;

/// What scores depend on beyond a document's own text: the average length,
/// rounded to a step of a quarter power of two, so that edits rarely move it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Params {
    length_step: i32,
}

impl Params {
    fn new(lengths: &[u32]) -> Params {
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let average = (total as f64 / lengths.len().max(1) as f64).max(1.0);
        Params {
            length_step: (average.log2() * 4.0).round() as i32,
        }
    }

    fn average(&self) -> f32 {
        2f32.powf(self.length_step as f32 / 4.0)
    }
}

/// A document's impact for a term it holds `title` times in its title and
/// `all` times in its indexed text of `length` characters: BM25's term
/// frequency part (the whole text with length normalisation, plus the title,
/// short, without), 1–15 on a square-root scale of its largest value, so
/// that low scores keep some resolution; the browser squares it. 0 for a
/// term counted in neither (a trigram: its postings hold ids only).
fn impact(title: u16, all: u16, length: u32, average: f32) -> u8 {
    impact_at(title, all, length_norm(length, average))
}

/// BM25's length normalisation of a text of `length` characters, which
/// [`impact`] divides the counts by: one per document, not per posting.
fn length_norm(length: u32, average: f32) -> f32 {
    K1 * (1.0 - B + B * length as f32 / average)
}

/// [`impact`] from the text's [`length_norm`].
fn impact_at(title: u16, all: u16, norm: f32) -> u8 {
    if all == 0 && title == 0 {
        return 0;
    }
    let (title, all) = (f32::from(title), f32::from(all));
    let part = all * (K1 + 1.0) / (all + norm) + TITLE_WEIGHT * title * (K1 + 1.0) / (title + K1);
    ((part / MAX_TF_PART).sqrt() * 15.0).ceil().clamp(1.0, 15.0) as u8
}

/// The text of a document that is indexed and fetched for excerpts: title,
/// numbers, issuer, keywords, then summary and body; one field per line.
/// Also returns where the summary starts, in UTF-16 units (as JS counts),
/// which is where excerpts are taken from.
pub fn indexed_text(document: &Document, body_text: &str) -> (String, usize) {
    let (mut text, excerpt_at) = indexed_header(document, body_text.len());
    text.push_str(body_text);
    (text, excerpt_at)
}

/// The part of [`indexed_text`] before the body, with room for `body` more bytes.
fn indexed_header(document: &Document, body: usize) -> (String, usize) {
    let mut text = String::with_capacity(body + 256);
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
    // A summary taken from the body is the body's opening: left out, or
    // excerpts would show it twice and its words count double.
    if !document.summary.is_empty() && !document.summary_from_body {
        text.push_str(&document.summary);
        text.push('\n');
    }
    (text, excerpt_at)
}

/// Appends to a pack's stamp input what a document's entry in the pack is
/// made of (see [`indexed_header`] and [`meta_line`]) but the body, whose
/// text hash stands in for it. The pack's 64 documents are then hashed in
/// one buffer (see [`crate::hash::append_sized`]; a hash per document was
/// 3 % of a one-edit rebuild).
fn text_stamp_input(input: &mut Vec<u8>, d: &Document, issuer: usize) {
    let fields = (
        &d.title,
        &d.slug,
        d.published,
        d.category,
        issuer,
        status_index(d.status),
        &d.doc_number,
        &d.index_number,
        &d.issuer,
        &d.keywords,
        &d.summary,
        d.summary_from_body,
        &d.body_text_hash,
        &d.sections,
    );
    crate::hash::append_postcard(input, &fields);
}

/// `text_length` of the text [`indexed_header`] makes, without making it.
fn header_length(d: &Document) -> u32 {
    let chars = |s: &str| s.chars().count();
    let keywords = d.keywords.iter().map(|k| chars(k)).sum::<usize>() + d.keywords.len().saturating_sub(1);
    let lines = [
        chars(&d.title),
        d.doc_number.as_deref().map_or(0, chars),
        chars(&d.index_number),
        chars(&d.issuer),
        keywords,
        if d.summary_from_body { 0 } else { chars(&d.summary) },
    ];
    let total: usize = lines.iter().filter(|&&n| n > 0).map(|n| n + 1).sum();
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// The length of an indexed text, as scores normalise it: its characters.
fn text_length(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}

/// The index's own description, `manifest.json`.
#[derive(Serialize, Deserialize)]
struct Manifest {
    version: u32,
    documents: usize,
    terms: usize,
    shards: usize,
    key_shards: usize,
    length_step: i32,
    categories: Vec<(String, String)>,
    issuers: Vec<(String, String)>,
    first_year: i32,
    statuses: Vec<(String, String)>,
    /// Facets beyond category, issuer, year and status: 主题分类 and the
    /// site's declared facets, each a column `f/<name>.bin` (u16 per id,
    /// 0 for none, else the value's position + 1).
    #[serde(default)]
    facets: Vec<ExtraFacet>,
    /// Facets whose documents may hold several values: besides the column,
    /// `f/<name>.x.bin` lists (id, value) pairs — a u32 count, the ids as
    /// u32, the values as u16 (joint issuers, a class and its sub-class, a
    /// list field's items).
    #[serde(default)]
    extras: Vec<String>,
    /// Terms in each shard, and pack files of each: what patching needs to
    /// know of a shard it keeps without reading it.
    shard_terms: Vec<u32>,
    shard_packs: Vec<u32>,
    /// Texts per `x/<n>.pack` ([`texts::PER_PACK`]).
    texts_per_pack: usize,
    /// site.yaml's `search.synonyms`: groups of words searched for one
    /// another.
    #[serde(default)]
    synonyms: Vec<Vec<String>>,
}

/// A facet of the search filters beyond the fixed four.
#[derive(Serialize, Deserialize)]
struct ExtraFacet {
    /// The name in the URL (`subject`, a declared field's key).
    name: String,
    /// The values as (URL code, name), in the order of the column's values.
    values: Vec<(String, String)>,
}

/// What a written or kept shard holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ShardSize {
    terms: u32,
    packs: u32,
}

/// What identifies the program that wrote an index: only an index written
/// by this very program is patched.
fn stamp() -> Stamp {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"gongkai search index\0");
    hasher.update(&FORMAT.to_le_bytes());
    crate::hash::program_identity(&mut hasher);
    crate::hash::short(&hasher.finalize())
}

/// Counts what goes into the index, written or kept.
struct Counted<'a, S> {
    store: &'a S,
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl<S: Sink> Counted<'_, S> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<bool, SearchError> {
        self.count(bytes.len() as u64);
        Ok(self.store.write(&format!("{DIR}/{path}"), bytes, None)?)
    }

    fn keep(&self, path: &str) -> Result<(), SearchError> {
        let size = self.store.keep(&format!("{DIR}/{path}"))?;
        self.count(size);
        Ok(())
    }

    /// The stamp the previous build's file was written with.
    fn stamp(&self, path: &str) -> Option<Stamp> {
        self.store.stamp(&format!("{DIR}/{path}"))
    }

    /// The previous build's bytes of the file, when it is intact.
    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        self.store.previous(&format!("{DIR}/{path}"))
    }

    /// Whether the previous build's file is intact.
    fn intact(&self, path: &str) -> bool {
        self.store.intact(&format!("{DIR}/{path}"))
    }

    /// Keeps the previous build's file when it was written with `stamp`
    /// and is intact; returns whether it did.
    fn keep_stamped(&self, path: &str, stamp: &Stamp) -> bool {
        let full = format!("{DIR}/{path}");
        // `keep` refuses a file that is not as written.
        self.store.stamp(&full) == Some(*stamp) && self.keep(path).is_ok()
    }

    fn count(&self, size: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
    }

    /// [`Counted::write`] of bytes the store may keep without a copy,
    /// with the `stamp` they were made from, if any.
    fn write_owned(&self, path: &str, bytes: Vec<u8>, stamp: Option<&Stamp>) -> Result<bool, SearchError> {
        self.count(bytes.len() as u64);
        Ok(self.store.write_owned(&format!("{DIR}/{path}"), bytes, stamp)?)
    }

    fn write_shard(&self, shard: usize, files: ShardFiles) -> Result<(), SearchError> {
        for (n, pack) in files.packs.into_iter().enumerate() {
            self.write_owned(&pack_path(shard, n + 1), pack, None)?;
        }
        self.write_owned(&shard_path(shard), files.shard, None).map(drop)
    }
}

/// Builds the index of `catalogue` into `store`: patches the index the
/// previous build left when few documents changed, else builds it from
/// every text. `body_texts` are the documents' plain texts, in catalogue
/// order (see [`take_body_texts`]); they are freed as they are indexed.
pub(crate) fn build<S: Sink>(
    catalogue: &Catalogue,
    bodies: &Bodies,
    body_texts: Vec<String>,
    progress: &crate::progress::Progress,
    store: &S,
    scratch: &Path,
) -> Result<IndexStats, SearchError> {
    let documents = &catalogue.documents;
    let count = documents.len();
    u32::try_from(count).map_err(|_| SearchError::TooMany(count))?;
    let by_id = |id: usize| &documents[count - 1 - id];
    let out = Counted {
        store,
        files: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
    };
    let issuer_of: HashMap<&str, usize> = catalogue
        .issuers
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect();

    // The documents' texts, in packs (`texts`). A pack whose stamp (a hash
    // of its documents' metadata, the text before each body and a hash of
    // each body) is the one the output's pack was written with is kept
    // without making it; a body not in memory (the document came from the
    // parse cache) is rendered again only when its pack is written.
    let program = stamp();
    let text_pack =
        |n: usize, texts: Vec<String>, compare: bool| -> Result<Vec<(Option<String>, bool)>, SearchError> {
            let first = n * texts::PER_PACK;
            let mut input = Vec::with_capacity(texts.len() * 512);
            input.extend_from_slice(&program);
            for id in first..first + texts.len() {
                let d = by_id(id);
                text_stamp_input(
                    &mut input,
                    d,
                    issuer_of.get(d.issuer.as_str()).copied().unwrap_or(0),
                );
            }
            let pack_stamp = crate::hash::hash16(&input);
            let path = texts::pack_path(n);
            if out.keep_stamped(&path, &pack_stamp) {
                return Ok(texts.iter().map(|_| (None, false)).collect());
            }
            // Each entry is the metadata line then the text: once the pack is
            // written, the line is cut off in place and the rest indexed (one
            // string, not two).
            let mut entries: Vec<(String, usize)> = Vec::with_capacity(texts.len());
            for (id, body) in (first..).zip(texts) {
                let d = by_id(id);
                let (header, excerpt_at) = indexed_header(d, body.len());
                debug_assert_eq!(text_length(&header), header_length(d));
                let meta = meta_line(d, &issuer_of, excerpt_at, header.encode_utf16().count())?;
                let body = if body.is_empty() && d.body_chars > 0 {
                    bodies.text(d).map_err(SearchError::Body)?
                } else {
                    body
                };
                let meta_len = meta.len();
                let mut entry = meta;
                entry.reserve(header.len() + body.len());
                entry.push_str(&header);
                entry.push_str(&body);
                entries.push((entry, meta_len));
            }
            let previous = if compare { out.previous(&path) } else { None };
            let refs: Vec<&[u8]> = entries.iter().map(|(e, _)| e.as_bytes()).collect();
            let written = out.write_owned(&path, texts::encode(&refs), Some(&pack_stamp))?;
            Ok(entries
                .into_iter()
                .enumerate()
                .map(|(j, (mut entry, meta_len))| {
                    let changed = written
                        && previous.as_deref().and_then(|p| texts::entry(p, j)) != Some(entry.as_bytes());
                    entry.drain(..meta_len);
                    (Some(entry), changed)
                })
                .collect())
        };
    let lengths: Vec<u32> = (0..count)
        .into_par_iter()
        .map(|id| {
            let d = by_id(id);
            header_length(d).saturating_add(d.body_chars)
        })
        .collect();
    let params = Params::new(&lengths);
    let mut body_texts = body_texts;
    body_texts.reverse();

    // Without an index this program wrote before there is nothing to patch:
    // the packs are written batch by batch as the batch is tokenized, so
    // the writer works while the texts are indexed.
    let merge = Merge {
        catalogue,
        bodies,
        lengths: &lengths,
        params,
        progress,
        out: &out,
        scratch,
    };
    let (terms, sizes, patched, runs) = if !patch::written_by(store, program) {
        let text = |n: usize, bodies: Vec<String>| {
            text_pack(n, bodies, false).map(|texts| texts.into_iter().map(|t| t.0).collect())
        };
        let (terms, sizes, runs) = build_dictionary(&merge, body_texts, text)?;
        (terms, sizes, None, runs)
    } else {
        // Else every pack first, noting which texts changed since the last
        // build: few changes are patched into the previous index.
        let texts: Vec<(Option<String>, bool)> = in_packs(body_texts)
            .into_par_iter()
            .map(|(n, bodies)| text_pack(n, bodies, true))
            .collect::<Result<Vec<_>, SearchError>>()?
            .into_iter()
            .flatten()
            .collect();
        let changed: Vec<bool> = texts.iter().map(|t| t.1).collect();
        let texts: Vec<Option<String>> = texts.into_iter().map(|t| t.0).collect();
        let current = patch::Current {
            documents,
            texts: &texts,
            lengths: &lengths,
            changed: &changed,
            params,
        };
        match patch::patch(store, program, &current) {
            Some(patched) => {
                let changed = patched.changed;
                let (terms, sizes) = patched.write(&out)?;
                progress.advance(count);
                (terms, sizes, Some(changed), 0)
            }
            None => {
                let same = |_: usize, texts: Vec<Option<String>>| Ok(texts);
                let (terms, sizes, runs) = build_dictionary(&merge, texts, same)?;
                (terms, sizes, None, runs)
            }
        }
    };
    let shards = sizes.len();

    let extras = columns::write_columns(catalogue, &issuer_of, &out)?;
    let key_shards = columns::write_keys(documents, &out)?;
    let manifest = Manifest {
        version: FORMAT,
        documents: count,
        terms,
        shards,
        key_shards,
        length_step: params.length_step,
        categories: catalogue.categories.iter().map(facet).collect(),
        issuers: catalogue.issuers.iter().map(facet).collect(),
        first_year: catalogue.years.last().map_or(0, |y| y.key.parse().unwrap_or(0)),
        statuses: Validity::ALL
            .iter()
            .map(|v| (v.code().to_owned(), v.label().to_owned()))
            .collect(),
        facets: catalogue
            .extra_facet_kinds()
            .into_iter()
            .map(|kind| ExtraFacet {
                name: kind.dir(&catalogue.config).to_owned(),
                values: catalogue.facets(kind).iter().map(facet).collect(),
            })
            .collect(),
        extras,
        shard_terms: sizes.iter().map(|s| s.terms).collect(),
        shard_packs: sizes.iter().map(|s| s.packs).collect(),
        texts_per_pack: texts::PER_PACK,
        synonyms: catalogue.config.search.synonyms.clone(),
    };
    // The folding table, for the browser to fold queries as the texts were.
    let fold: String = tokenizer::FOLD_TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| [l, "\n"])
        .collect();
    out.write("fold.txt", fold.as_bytes())?;
    let words = words::title_words(
        documents
            .par_iter()
            .map(|d| (d.title.as_str(), d.keywords.as_slice())),
    );
    out.write("words.txt", words.as_bytes())?;
    let bytes = serde_json::to_vec(&manifest)?;
    out.count(bytes.len() as u64);
    store.write(&format!("{DIR}/manifest.json"), &bytes, Some(&stamp()))?;
    if catalogue.config.search.lunr_export {
        out.write("lunr.json", lunr::export(catalogue).as_bytes())?;
    }
    Ok(IndexStats {
        terms,
        shards,
        files: out.files.into_inner(),
        bytes: out.bytes.into_inner(),
        patched,
        runs,
    })
}

fn facet(f: &crate::catalogue::Facet) -> (String, String) {
    (f.key.clone(), f.name.clone())
}

/// `items` cut into packs of [`texts::PER_PACK`], each with its number
/// (counted from the first item).
fn in_packs<T>(items: Vec<T>) -> Vec<(usize, Vec<T>)> {
    let mut packs = Vec::with_capacity(items.len().div_ceil(texts::PER_PACK));
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        packs.push((packs.len(), items.by_ref().take(texts::PER_PACK).collect()));
    }
    packs
}

/// Index of a validity in the status column and the manifest.
fn status_index(status: Validity) -> u8 {
    Validity::ALL.iter().position(|v| *v == status).unwrap_or(0) as u8
}

/// What a search result shows of a document, as the first line of its text
/// file: `[title, url, date, category, issuer, status, doc_number,
/// index_number, excerpt_at, sections]`; `sections` are a long document's
/// headings as `[offset in the text, anchor]` (the body starts at `body_at`,
/// in UTF-16 units), for results to link to the sections holding the query.
fn meta_line(
    d: &Document,
    issuer_of: &HashMap<&str, usize>,
    excerpt_at: usize,
    body_at: usize,
) -> Result<String, SearchError> {
    let long = d.body_chars >= LONG_DOCUMENT && d.sections.len() >= 2;
    let sections: Vec<(usize, &str)> = if long {
        d.sections
            .iter()
            .map(|(at, anchor)| (body_at + *at as usize, anchor.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    // A tuple is written as a JSON array.
    let row = (
        &d.title,
        d.url(),
        d.published.format("%Y-%m-%d").to_string(),
        d.category,
        issuer_of.get(d.issuer.as_str()).copied().unwrap_or(0),
        status_index(d.status),
        d.doc_number.as_deref().unwrap_or(""),
        &d.index_number,
        excerpt_at,
        sections,
    );
    let mut line = serde_json::to_string(&row)?;
    line.push('\n');
    Ok(line)
}
