//! The byte format of postings lists, read by `gongkai-search.js`.
//!
//! A postings blob: one byte of flags, the ids, then the impacts. Flag bit 0:
//! ids as a bitmap (a varint of its length in bytes, then the bits), else as
//! varint deltas. Flag bit 1 (lists holding a third or more of the ids up
//! to their last: common terms, whose low IDF makes their per-document
//! impacts matter little): instead of
//! one impact per posting, the sums of the impacts of the documents with the
//! term in the title and of the others (the browser uses their means), then
//! the title documents as a varint count and deltas. Otherwise one 4-bit
//! impact per posting, two to a byte, the first in the low nibble. Flag bit
//! 2 (the trigram terms, which only say which documents hold three
//! ideographs in a row): the ids alone.
//!
//! Impacts are the term-frequency part of BM25, quantised at build time
//! against its fixed upper bound; the browser multiplies by the IDF. Nothing
//! in a blob depends on other terms or on the number of documents, so an
//! edit re-encodes only the lists of the terms it touches (see
//! `super::patch`).

/// Flag: ids are a bitmap.
const BITMAP: u8 = 1;
/// Flag: impact sums and a title list instead of one impact per posting.
const COARSE: u8 = 2;
/// Flag: ids only.
const PRESENCE: u8 = 4;

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

fn get_deltas(bytes: &[u8], pos: &mut usize, count: usize) -> Option<Vec<u32>> {
    let mut ids = Vec::with_capacity(count);
    let mut last = 0u32;
    for i in 0..count {
        let v = get_varint(bytes, pos)?;
        last = if i == 0 { v } else { last.checked_add(v)? };
        ids.push(last);
    }
    Some(ids)
}

/// Writes a blob's flags (`kind`, and [`BITMAP`] when a bitmap is the
/// smaller form) and its ids, given as varint `deltas` (the first from 0)
/// with `last` the last id (None for none).
fn put_ids(out: &mut Vec<u8>, kind: u8, deltas: &[u8], last: Option<u32>) {
    let bitmap_len = last.map_or(0, |last| last as usize / 8 + 1);
    let mut length = Vec::new();
    put_varint(&mut length, bitmap_len as u32);
    if deltas.len() <= length.len() + bitmap_len {
        out.push(kind);
        out.extend_from_slice(deltas);
        return;
    }
    out.push(kind | BITMAP);
    out.extend_from_slice(&length);
    let start = out.len();
    out.resize(start + bitmap_len, 0);
    let (mut pos, mut id) = (0, 0u32);
    while let Some(delta) = get_varint(deltas, &mut pos) {
        id += delta;
        out[start + (id >> 3) as usize] |= 1 << (id & 7);
    }
}

/// One posting: document id, impact 1–15 (0 for a term whose postings
/// only say which documents hold it), whether the term is in the title.
pub type Posting = (u32, u8, bool);

/// Whether a list of `df` postings whose last id is `last` gets coarse
/// impacts: when it holds a third or more of the documents up to its last.
/// The rule looks at the list alone, so a document added or edited changes
/// the encoding of no list but those of its own terms.
pub fn is_coarse(df: usize, last: u32) -> bool {
    last >= 63 && df * 3 > last as usize + 1
}

/// A postings list as the encoder and the patcher see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum List {
    /// Ids in order with one impact each.
    Each(Vec<(u32, u8)>),
    /// Ids in order, the subset with the term in the title, and the sums
    /// of the impacts of the title documents and of the others.
    Coarse {
        /// Every id, in order.
        ids: Vec<u32>,
        /// The ids with the term in the title, in order.
        titles: Vec<u32>,
        /// Sum of the title documents' impacts.
        title_sum: u32,
        /// Sum of the other documents' impacts.
        other_sum: u32,
    },
    /// Ids in order, without impacts.
    Presence(Vec<u32>),
}

impl List {
    /// The list of `postings` (sorted by id) in the encoding its length calls for.
    pub fn new(postings: &[Posting]) -> List {
        if postings.iter().all(|p| p.1 == 0) {
            return List::Presence(postings.iter().map(|p| p.0).collect());
        }
        if !is_coarse(postings.len(), postings.last().map_or(0, |p| p.0)) {
            return List::Each(postings.iter().map(|&(id, q, _)| (id, q)).collect());
        }
        let mut list = List::Coarse {
            ids: Vec::with_capacity(postings.len()),
            titles: Vec::new(),
            title_sum: 0,
            other_sum: 0,
        };
        if let List::Coarse {
            ids,
            titles,
            title_sum,
            other_sum,
        } = &mut list
        {
            for &(id, q, title) in postings {
                ids.push(id);
                if title {
                    titles.push(id);
                    *title_sum += u32::from(q);
                } else {
                    *other_sum += u32::from(q);
                }
            }
        }
        list
    }

    /// The number of postings.
    pub fn len(&self) -> usize {
        match self {
            List::Each(p) => p.len(),
            List::Coarse { ids, .. } | List::Presence(ids) => ids.len(),
        }
    }

    /// The last id, 0 for an empty list.
    pub fn last(&self) -> u32 {
        match self {
            List::Each(p) => p.last().map_or(0, |e| e.0),
            List::Coarse { ids, .. } | List::Presence(ids) => ids.last().copied().unwrap_or(0),
        }
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes the posting of `id`, which had impact `q` and `title`;
    /// `None` when the list does not hold it as described.
    pub fn remove(&mut self, id: u32, q: u8, title: bool) -> Option<()> {
        match self {
            List::Each(p) => {
                let at = p.binary_search_by_key(&id, |e| e.0).ok()?;
                (p[at].1 == q).then_some(())?;
                p.remove(at);
            }
            List::Coarse {
                ids,
                titles,
                title_sum,
                other_sum,
            } => {
                let at = ids.binary_search(&id).ok()?;
                ids.remove(at);
                let in_titles = titles.binary_search(&id);
                if title != in_titles.is_ok() {
                    return None;
                }
                let sum = if let Ok(t) = in_titles {
                    titles.remove(t);
                    title_sum
                } else {
                    other_sum
                };
                *sum = sum.checked_sub(u32::from(q))?;
            }
            List::Presence(ids) => {
                (q == 0).then_some(())?;
                ids.remove(ids.binary_search(&id).ok()?);
            }
        }
        Some(())
    }

    /// Adds the posting of `id`; `None` when the list holds it already.
    pub fn insert(&mut self, id: u32, q: u8, title: bool) -> Option<()> {
        match self {
            List::Each(p) => {
                let at = p.binary_search_by_key(&id, |e| e.0).err()?;
                p.insert(at, (id, q));
            }
            List::Coarse {
                ids,
                titles,
                title_sum,
                other_sum,
            } => {
                let at = ids.binary_search(&id).err()?;
                ids.insert(at, id);
                if title {
                    let t = titles.binary_search(&id).err()?;
                    titles.insert(t, id);
                    *title_sum += u32::from(q);
                } else {
                    *other_sum += u32::from(q);
                }
            }
            List::Presence(ids) => {
                (q == 0).then_some(())?;
                let at = ids.binary_search(&id).err()?;
                ids.insert(at, id);
            }
        }
        Some(())
    }

    /// The blob of this list: ids as deltas or as a bitmap, whichever is
    /// smaller, then the impacts.
    pub fn encode(&self) -> Vec<u8> {
        let mut deltas = Vec::with_capacity(self.len() * 2);
        let (kind, last) = match self {
            List::Each(p) => {
                put_deltas(&mut deltas, p.iter().map(|e| e.0));
                (0, p.last().map(|e| e.0))
            }
            List::Coarse { ids, .. } => {
                put_deltas(&mut deltas, ids.iter().copied());
                (COARSE, ids.last().copied())
            }
            List::Presence(ids) => {
                put_deltas(&mut deltas, ids.iter().copied());
                (PRESENCE, ids.last().copied())
            }
        };
        let mut out = Vec::with_capacity(8 + deltas.len() + self.len().div_ceil(2));
        put_ids(&mut out, kind, &deltas, last);
        match self {
            List::Each(p) => {
                for pair in p.chunks(2) {
                    out.push((pair[0].1 & 0x0f) | (pair.get(1).map_or(0, |e| e.1) << 4));
                }
            }
            List::Coarse {
                titles,
                title_sum,
                other_sum,
                ..
            } => {
                put_varint(&mut out, *title_sum);
                put_varint(&mut out, *other_sum);
                put_varint(&mut out, titles.len() as u32);
                put_deltas(&mut out, titles.iter().copied());
            }
            List::Presence(_) => {}
        }
        out
    }

    /// [`List::Presence`]`(ids).encode()` from the ids already written as
    /// varint deltas (the first from 0), `last` the last of them: how a
    /// trigram's postings are gathered, encoded without being decoded
    /// first when the deltas are the smaller form.
    pub fn encode_presence(deltas: &[u8], last: u32) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 + deltas.len());
        put_ids(&mut out, PRESENCE, deltas, (!deltas.is_empty()).then_some(last));
        out
    }

    /// Decodes a blob of `df` postings (the inverse of [`List::encode`]).
    pub fn decode(blob: &[u8], df: usize) -> Option<List> {
        let (&flags, _) = blob.split_first()?;
        let mut pos = 1;
        let ids = if flags & BITMAP == 0 {
            get_deltas(blob, &mut pos, df)?
        } else {
            let len = get_varint(blob, &mut pos)? as usize;
            let bitmap = blob.get(pos..pos.checked_add(len)?)?;
            pos += len;
            let ids: Vec<u32> = (0..len as u32 * 8)
                .filter(|id| bitmap[(id >> 3) as usize] & (1 << (id & 7)) != 0)
                .collect();
            (ids.len() == df).then_some(ids)?
        };
        if flags & PRESENCE != 0 {
            return (pos == blob.len()).then_some(List::Presence(ids));
        }
        if flags & COARSE != 0 {
            let title_sum = get_varint(blob, &mut pos)?;
            let other_sum = get_varint(blob, &mut pos)?;
            let count = get_varint(blob, &mut pos)? as usize;
            let titles = get_deltas(blob, &mut pos, count)?;
            return (pos == blob.len()).then_some(List::Coarse {
                ids,
                titles,
                title_sum,
                other_sum,
            });
        }
        let nibbles = blob.get(pos..pos + df.div_ceil(2))?;
        (pos + df.div_ceil(2) == blob.len()).then_some(())?;
        let each = ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id, (nibbles[i / 2] >> ((i % 2) * 4)) & 0x0f))
            .collect();
        Some(List::Each(each))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_lists_encode_alike_from_their_deltas() {
        let lists: [&[u32]; 6] = [
            &[0],
            &[5],
            &[3, 200, 70_000],
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 300],
            &[],
        ];
        let dense: Vec<u32> = (0..5000).filter(|i| i % 3 != 1).collect();
        for ids in lists.iter().copied().chain([dense.as_slice()]) {
            let mut deltas = Vec::new();
            put_deltas(&mut deltas, ids.iter().copied());
            let last = ids.last().copied().unwrap_or(0);
            let blob = List::encode_presence(&deltas, last);
            assert_eq!(blob, List::Presence(ids.to_vec()).encode(), "{ids:?}");
            assert_eq!(List::decode(&blob, ids.len()), Some(List::Presence(ids.to_vec())));
        }
        // The dense list took the bitmap, the sparse ones the deltas.
        let mut deltas = Vec::new();
        put_deltas(&mut deltas, dense.iter().copied());
        assert_eq!(List::encode_presence(&deltas, 4999)[0], PRESENCE | BITMAP);
        assert_eq!(List::encode_presence(&[3], 3)[0], PRESENCE);
    }

    #[test]
    fn sparse_and_dense_lists_round_trip() {
        let sparse = List::new(&[(3u32, 1u8, false), (200, 15, true), (70_000, 7, false)]);
        let blob = sparse.encode();
        assert_eq!(blob[0], 0);
        assert_eq!(List::decode(&blob, 3), Some(sparse));

        // A fifth of the documents: a bitmap, one impact per posting.
        let dense: Vec<Posting> = (0..1000)
            .filter(|i| i % 5 == 0)
            .map(|i| (i, (i % 15 + 1) as u8, false))
            .collect();
        let list = List::new(&dense);
        let blob = list.encode();
        assert_eq!(blob[0], BITMAP, "a dense list is a bitmap");
        assert_eq!(List::decode(&blob, dense.len()), Some(list));
        assert_eq!(List::decode(&blob, dense.len() + 1), None, "the df must match");
    }

    #[test]
    fn postings_without_impacts_are_ids_alone() {
        let sparse: Vec<Posting> = vec![(3, 0, false), (200, 0, false)];
        let list = List::new(&sparse);
        assert_eq!(list, List::Presence(vec![3, 200]));
        let blob = list.encode();
        assert_eq!(blob, [PRESENCE, 3, 197, 1]);
        assert_eq!(List::decode(&blob, 2), Some(list));
        let dense: Vec<Posting> = (0..1000).map(|i| (i, 0, false)).collect();
        let mut list = List::new(&dense);
        let blob = list.encode();
        assert_eq!(blob[0], PRESENCE | BITMAP);
        assert_eq!(blob.len(), 1 + 1 + 125, "a bitmap and nothing else");
        assert_eq!(List::decode(&blob, 1000), Some(list.clone()));
        assert_eq!(list.remove(5, 0, false), Some(()));
        assert_eq!(list.remove(5, 0, false), None);
        assert_eq!(list.insert(5, 3, false), None, "an impact in a presence list");
        assert_eq!(list.insert(5, 0, false), Some(()));
        assert_eq!(List::new(&dense), list);
    }

    #[test]
    fn common_terms_get_impact_sums_and_keep_title_documents() {
        let common: Vec<Posting> = (0..1000)
            .filter(|i| i % 3 != 0)
            .map(|i| (i, if i % 100 == 1 { 9 } else { 2 }, i % 100 == 1))
            .collect();
        let list = List::new(&common);
        let blob = list.encode();
        assert_eq!(blob[0], BITMAP | COARSE);
        assert!(blob.len() < 1 + 2 + 125 + 6 + 12, "{} bytes", blob.len());
        let List::Coarse {
            ids,
            titles,
            title_sum,
            other_sum,
        } = List::decode(&blob, common.len()).expect("decodes")
        else {
            panic!("coarse");
        };
        assert_eq!(ids, common.iter().map(|p| p.0).collect::<Vec<_>>());
        let expected: Vec<u32> = common.iter().filter(|p| p.2).map(|p| p.0).collect();
        assert_eq!(titles, expected);
        let n = expected.len() as u32;
        assert_eq!((title_sum, other_sum), (9 * n, 2 * (common.len() as u32 - n)));
    }

    #[test]
    fn patching_a_list_equals_building_it() {
        for step in [2, 5] {
            let all: Vec<Posting> = (0..600)
                .map(|i| (i * step, (i % 15 + 1) as u8, i % 7 == 0))
                .collect();
            let without: Vec<Posting> = all.iter().copied().filter(|p| p.0 != 210 * step).collect();
            let mut list = List::new(&without);
            assert_eq!(matches!(list, List::Coarse { .. }), step == 2);
            let (id, q, title) = all[210];
            list.insert(id, q, title).expect("inserted");
            assert_eq!(list, List::new(&all));
            assert_eq!(list.insert(id, q, title), None, "already there");
            list.remove(id, q, title).expect("removed");
            assert_eq!(list, List::new(&without));
            assert_eq!(list.remove(id, q, title), None, "gone");
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
