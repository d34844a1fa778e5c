//! The byte format of postings lists and dictionary shards, read by
//! `gongkai-search.js`.
//!
//! A postings blob: one byte kind (0 = document ids as varint deltas,
//! 1 = a bitmap of all documents), the ids, then one 4-bit impact per posting
//! (two to a byte, the first in the low nibble). Impacts are BM25 scores
//! quantised at build time, so the browser never needs document lengths.

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

/// Encodes sorted document ids with their impacts (1–15) for a corpus of
/// `total` documents, choosing the smaller of the two id encodings.
pub fn encode(ids: &[u32], impacts: &[u8], total: u32) -> Vec<u8> {
    let mut deltas = Vec::with_capacity(ids.len() * 2);
    let mut last = 0;
    for (i, &id) in ids.iter().enumerate() {
        put_varint(&mut deltas, if i == 0 { id } else { id - last });
        last = id;
    }
    let bitmap_len = total.div_ceil(8) as usize;
    let mut out = Vec::with_capacity(1 + deltas.len().min(bitmap_len) + impacts.len().div_ceil(2));
    if deltas.len() <= bitmap_len {
        out.push(0);
        out.extend_from_slice(&deltas);
    } else {
        out.push(1);
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &id in ids {
            out[start + (id >> 3) as usize] |= 1 << (id & 7);
        }
    }
    for pair in impacts.chunks(2) {
        out.push((pair[0] & 0x0f) | (pair.get(1).copied().unwrap_or(0) << 4));
    }
    out
}

/// Decodes a postings blob of `df` postings (the inverse of [`encode`]).
pub fn decode(blob: &[u8], df: usize, total: u32) -> Option<(Vec<u32>, Vec<u8>)> {
    let (&kind, rest) = blob.split_first()?;
    let mut ids = Vec::with_capacity(df);
    let mut pos = 0;
    match kind {
        0 => {
            let mut last = 0;
            for i in 0..df {
                let v = get_varint(rest, &mut pos)?;
                last = if i == 0 { v } else { last + v };
                ids.push(last);
            }
        }
        1 => {
            let len = total.div_ceil(8) as usize;
            let bitmap = rest.get(..len)?;
            for id in 0..total {
                if bitmap[(id >> 3) as usize] & (1 << (id & 7)) != 0 {
                    ids.push(id);
                }
            }
            pos = len;
        }
        _ => return None,
    }
    let nibbles = rest.get(pos..pos + df.div_ceil(2))?;
    let impacts = (0..df)
        .map(|i| (nibbles[i / 2] >> ((i % 2) * 4)) & 0x0f)
        .collect();
    (ids.len() == df).then_some((ids, impacts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_and_dense_lists_round_trip() {
        let sparse = [3u32, 200, 70_000];
        let blob = encode(&sparse, &[1, 15, 7], 100_000);
        assert_eq!(blob[0], 0);
        assert_eq!(decode(&blob, 3, 100_000), Some((sparse.to_vec(), vec![1, 15, 7])));

        let dense: Vec<u32> = (0..1000).filter(|i| i % 3 != 0).collect();
        let impacts: Vec<u8> = dense.iter().map(|i| (i % 15 + 1) as u8).collect();
        let blob = encode(&dense, &impacts, 1000);
        assert_eq!(blob[0], 1, "a dense list is a bitmap");
        assert!(blob.len() < 1 + 125 + 334 + 1);
        assert_eq!(decode(&blob, dense.len(), 1000), Some((dense, impacts)));
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
