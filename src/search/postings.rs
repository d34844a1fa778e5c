//! The byte format of postings lists and dictionary shards, read by
//! `gongkai-search.js`.
//!
//! A postings blob: one byte of flags, the ids, then the impacts. Flag bit 0:
//! ids as a bitmap of all documents, else as varint deltas. Flag bit 1
//! (terms in a third or more of the documents, whose low IDF makes their
//! per-document impacts matter little): instead of one impact per posting,
//! two bytes (the impact of documents with the term in the title, and of the
//! others) and the title documents as a varint count and deltas. Otherwise
//! one 4-bit impact per posting, two to a byte, the first in the low nibble.
//! Impacts are BM25 scores quantised at build time, so the browser never
//! needs document lengths.

/// Flag: ids are a bitmap.
const BITMAP: u8 = 1;
/// Flag: two impacts and a title list instead of one impact per posting.
const COARSE: u8 = 2;

/// Appends `value` as an unsigned LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at `*pos`, advancing it; `None` at a truncated end.
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        value |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
}

fn put_deltas(out: &mut Vec<u8>, ids: impl Iterator<Item = u32>) {
    let mut last = 0;
    for (i, id) in ids.enumerate() {
        put_varint(out, if i == 0 { id } else { id - last });
        last = id;
    }
}

/// One posting: document id, impact 1–15, whether the term is in the title.
pub type Posting = (u32, u8, bool);

/// Encodes postings sorted by id for a corpus of `total` documents, choosing
/// the smaller id encoding and, for terms in a third or more of the
/// documents, coarse impacts.
pub fn encode(postings: &[Posting], total: u32) -> Vec<u8> {
    let mut deltas = Vec::with_capacity(postings.len() * 2);
    put_deltas(&mut deltas, postings.iter().map(|p| p.0));
    let bitmap_len = total.div_ceil(8) as usize;
    let coarse = postings.len() * 3 > total as usize && total >= 64;
    let mut flags = if coarse { COARSE } else { 0 };
    let mut out = Vec::with_capacity(3 + deltas.len().min(bitmap_len) + postings.len().div_ceil(2));
    if deltas.len() <= bitmap_len {
        out.push(flags);
        out.extend_from_slice(&deltas);
    } else {
        flags |= BITMAP;
        out.push(flags);
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &(id, _, _) in postings {
            out[start + (id >> 3) as usize] |= 1 << (id & 7);
        }
    }
    if coarse {
        let mean = |title: bool| {
            let group: Vec<u32> = postings
                .iter()
                .filter(|p| p.2 == title)
                .map(|p| u32::from(p.1))
                .collect();
            if group.is_empty() {
                1
            } else {
                (group.iter().sum::<u32>() as f32 / group.len() as f32)
                    .round()
                    .clamp(1.0, 15.0) as u8
            }
        };
        out.push(mean(true));
        out.push(mean(false));
        let titles: Vec<u32> = postings.iter().filter(|p| p.2).map(|p| p.0).collect();
        put_varint(&mut out, titles.len() as u32);
        put_deltas(&mut out, titles.into_iter());
    } else {
        for pair in postings.chunks(2) {
            out.push((pair[0].1 & 0x0f) | (pair.get(1).map_or(0, |p| p.1) << 4));
        }
    }
    out
}

/// Decodes a postings blob of `df` postings into ids and impacts (the
/// inverse of [`encode`]; coarse impacts come back per posting).
pub fn decode(blob: &[u8], df: usize, total: u32) -> Option<(Vec<u32>, Vec<u8>)> {
    let (&flags, rest) = blob.split_first()?;
    let mut ids = Vec::with_capacity(df);
    let mut pos = 0;
    if flags & BITMAP == 0 {
        let mut last = 0;
        for i in 0..df {
            let v = get_varint(rest, &mut pos)?;
            last = if i == 0 { v } else { last + v };
            ids.push(last);
        }
    } else {
        let len = total.div_ceil(8) as usize;
        let bitmap = rest.get(..len)?;
        ids.extend((0..total).filter(|id| bitmap[(id >> 3) as usize] & (1 << (id & 7)) != 0));
        pos = len;
    }
    if ids.len() != df {
        return None;
    }
    if flags & COARSE != 0 {
        let (&in_title, &other) = (rest.get(pos)?, rest.get(pos + 1)?);
        pos += 2;
        let count = get_varint(rest, &mut pos)?;
        let mut titles = std::collections::HashSet::new();
        let mut last = 0;
        for i in 0..count {
            let v = get_varint(rest, &mut pos)?;
            last = if i == 0 { v } else { last + v };
            titles.insert(last);
        }
        let impacts = ids
            .iter()
            .map(|id| if titles.contains(id) { in_title } else { other })
            .collect();
        return Some((ids, impacts));
    }
    let nibbles = rest.get(pos..pos + df.div_ceil(2))?;
    let impacts = (0..df)
        .map(|i| (nibbles[i / 2] >> ((i % 2) * 4)) & 0x0f)
        .collect();
    Some((ids, impacts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_and_dense_lists_round_trip() {
        let sparse = [(3u32, 1u8, false), (200, 15, true), (70_000, 7, false)];
        let blob = encode(&sparse, 100_000);
        assert_eq!(blob[0], 0);
        assert_eq!(
            decode(&blob, 3, 100_000),
            Some((vec![3, 200, 70_000], vec![1, 15, 7]))
        );

        // A fifth of the documents: a bitmap, one impact per posting.
        let dense: Vec<Posting> = (0..1000)
            .filter(|i| i % 5 == 0)
            .map(|i| (i, (i % 15 + 1) as u8, false))
            .collect();
        let blob = encode(&dense, 1000);
        assert_eq!(blob[0], BITMAP, "a dense list is a bitmap");
        let (ids, impacts) = decode(&blob, dense.len(), 1000).expect("decodes");
        assert_eq!(ids, dense.iter().map(|p| p.0).collect::<Vec<_>>());
        assert_eq!(impacts, dense.iter().map(|p| p.1).collect::<Vec<_>>());
    }

    #[test]
    fn common_terms_get_coarse_impacts_and_keep_title_documents() {
        let common: Vec<Posting> = (0..1000)
            .filter(|i| i % 3 != 0)
            .map(|i| (i, if i % 100 == 1 { 9 } else { 2 }, i % 100 == 1))
            .collect();
        let blob = encode(&common, 1000);
        assert_eq!(blob[0], BITMAP | COARSE);
        assert!(blob.len() < 1 + 125 + 2 + 12, "{} bytes", blob.len());
        let (ids, impacts) = decode(&blob, common.len(), 1000).expect("decodes");
        assert_eq!(ids.len(), common.len());
        for ((id, impact), p) in ids.iter().zip(&impacts).zip(&common) {
            assert_eq!(*id, p.0);
            assert_eq!(*impact, if p.2 { 9 } else { 2 });
        }
    }

    #[test]
    fn varints_round_trip_and_truncation_is_detected() {
        let mut out = Vec::new();
        for v in [0, 127, 128, 16_384, u32::MAX] {
            put_varint(&mut out, v);
        }
        let mut pos = 0;
        for v in [0, 127, 128, 16_384, u32::MAX] {
            assert_eq!(get_varint(&out, &mut pos), Some(v));
        }
        assert_eq!(get_varint(&[0x80], &mut 0), None);
    }
}
