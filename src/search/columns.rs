//! The files the browser filters and looks up by: one column per facet
//! (`f/<facet>.bin`, with `f/<facet>.x.bin` for documents holding several
//! values), the 发布日期 runs (`f/dates.bin`), and the tables from a
//! normalised 文件编号 / 索引号 to its documents (`k/<s>.json`).

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::catalogue::{Catalogue, FacetKind};
use crate::content::document::{Document, Validity};
use crate::output::Sink;

use super::tokenizer::{fnv1a, normalize_key};
use super::{Counted, KEYS_PER_SHARD, SearchError, postings, stamp, status_index};

/// For each document (catalogue position), the positions of the facets of
/// `kind` that hold it.
fn memberships(catalogue: &Catalogue, kind: FacetKind) -> Vec<Vec<u16>> {
    let mut of = vec![Vec::new(); catalogue.documents.len()];
    for (j, facet) in catalogue.facets(kind).iter().enumerate() {
        for &i in &facet.documents {
            of[i].push(u16::try_from(j).unwrap_or(u16::MAX));
        }
    }
    of
}

/// The (id, value) pairs of the values beyond each document's first, as
/// the `.x.bin` file holds them; None when there are none.
fn extra_pairs(pairs: &[(u32, u16)]) -> Option<Vec<u8>> {
    if pairs.is_empty() {
        return None;
    }
    let mut bytes = Vec::with_capacity(4 + pairs.len() * 6);
    bytes.extend_from_slice(&(pairs.len() as u32).to_le_bytes());
    for (id, _) in pairs {
        bytes.extend_from_slice(&id.to_le_bytes());
    }
    for (_, value) in pairs {
        bytes.extend_from_slice(&value.to_le_bytes());
    }
    Some(bytes)
}

/// The 发布日期 of documents in id order (ids go from the oldest, so the
/// dates never fall) as runs: for each date, a varint of the days since
/// the previous one (the first: days since 0001-01-01, as
/// `num_days_from_ce`) and a varint of how many documents bear it. A date
/// range is thus a range of ids, and the file is a few bytes a day.
pub(super) fn date_runs(dates: impl Iterator<Item = chrono::NaiveDate>) -> Vec<u8> {
    use chrono::Datelike;
    let mut runs: Vec<(i32, u32)> = Vec::new();
    for date in dates {
        let day = date.num_days_from_ce();
        match runs.last_mut() {
            Some((last, n)) if day <= *last => *n += 1,
            _ => runs.push((day, 1)),
        }
    }
    let mut out = Vec::with_capacity(runs.len() * 3);
    let mut previous = 0;
    for (day, n) in runs {
        postings::put_varint(&mut out, (day - previous) as u32);
        postings::put_varint(&mut out, n);
        previous = day;
    }
    out
}

/// The invalid bitset and the facet columns, in id order; returns the
/// facets that have a `.x.bin` of further values.
pub(super) fn write_columns<S: Sink>(
    catalogue: &Catalogue,
    issuer_of: &HashMap<&str, usize>,
    out: &Counted<'_, S>,
) -> Result<Vec<String>, SearchError> {
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
    for (id, d) in documents.iter().rev().enumerate() {
        if matches!(d.status, Validity::Repealed | Validity::Expired) {
            invalid[id >> 3] |= 1 << (id & 7);
        }
        category.push(d.category as u8);
        let i = issuer_of.get(d.issuer.as_str()).copied().unwrap_or(0) as u16;
        issuer.extend_from_slice(&i.to_le_bytes());
        year.push((chrono::Datelike::year(&d.published) - first_year).clamp(0, 255) as u8);
        status.push(status_index(d.status));
    }
    out.write("invalid.bin", &invalid)?;
    out.write("f/category.bin", &category)?;
    out.write("f/issuer.bin", &issuer)?;
    out.write("f/year.bin", &year)?;
    out.write("f/status.bin", &status)?;
    out.write(
        "f/dates.bin",
        &date_runs(documents.iter().rev().map(|d| d.published)),
    )?;
    let count = documents.len();
    let id_of = |i: usize| (count - 1 - i) as u32;
    let mut extras = Vec::new();
    // Joint issuers: the lead one is in the column, the others here.
    let mut joint: Vec<(u32, u16)> = Vec::new();
    for (i, d) in documents.iter().enumerate() {
        for name in &d.joint_issuers {
            if let Some(&j) = issuer_of.get(name.as_str()) {
                joint.push((id_of(i), j as u16));
            }
        }
    }
    joint.sort_unstable();
    if let Some(bytes) = extra_pairs(&joint) {
        out.write("f/issuer.x.bin", &bytes)?;
        extras.push("issuer".to_owned());
    }
    for kind in catalogue.extra_facet_kinds() {
        let name = kind.dir(&catalogue.config);
        let of = memberships(catalogue, kind);
        let mut column = vec![0u8; count * 2];
        let mut more: Vec<(u32, u16)> = Vec::new();
        for (i, values) in of.iter().enumerate() {
            let id = id_of(i);
            if let Some((first, rest)) = values.split_first() {
                column[id as usize * 2..id as usize * 2 + 2].copy_from_slice(&(first + 1).to_le_bytes());
                more.extend(rest.iter().map(|v| (id, v + 1)));
            }
        }
        more.sort_unstable();
        out.write(&format!("f/{name}.bin"), &column)?;
        if let Some(bytes) = extra_pairs(&more) {
            out.write(&format!("f/{name}.x.bin"), &bytes)?;
            extras.push(name.to_owned());
        }
    }
    Ok(extras)
}

/// The exact-key table: normalised 文件编号 and 索引号 → ids; returns the
/// number of shards.
pub(super) fn write_keys<S: Sink>(
    documents: &[Document],
    out: &Counted<'_, S>,
) -> Result<usize, SearchError> {
    // Stamped with what they are made of: when that is as it was, the
    // previous build's files are kept (all of them, or none).
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"gongkai search keys\0");
    hasher.update(&stamp());
    for d in documents.iter().rev() {
        for part in [d.index_number.as_str(), d.doc_number.as_deref().unwrap_or("\0")] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
    }
    let key_stamp = crate::hash::short(&hasher.finalize());
    let previous: Vec<String> = (0..)
        .map(|shard| format!("k/{shard}.json"))
        .take_while(|path| out.stamp(path) == Some(key_stamp))
        .collect();
    if !previous.is_empty() && previous.iter().all(|path| out.intact(path)) {
        for path in &previous {
            out.keep(path)?;
        }
        return Ok(previous.len());
    }
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, d) in documents.iter().rev().enumerate() {
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
        out.write_owned(
            &format!("k/{shard}.json"),
            serde_json::to_vec(map)?,
            Some(&key_stamp),
        )
        .map(drop)
    })?;
    Ok(shards)
}
