//! The dictionary: terms hashed into shards (`t/<s>.bin`), each term with
//! its document frequency and its postings blob, kept inline when small or
//! packed with the shard's other large blobs into `p/<s>-<n>.pack`, which
//! the browser reads by byte range.
//!
//! A shard: the format byte, the number of terms, then per term (in byte
//! order) its length and bytes, its df, and either `0`, the blob's length
//! and the blob, or the pack number (from 1), the offset and the length of
//! the blob in `p/<shard>-<pack>.bin`. A shard's content depends only on its
//! own terms and the number of shards, a power of two that changes only when
//! the number of terms doubles or halves: so an edit rewrites only the
//! shards of the terms it touches.

use std::ops::Range;

use super::postings::{get_varint, put_varint};
use super::tokenizer::fnv1a;

/// The dictionary shard format (first byte of `t/<s>.bin`).
pub const SHARD_FORMAT: u8 = 3;
/// Postings blobs up to this size stay inside their dictionary shard.
const INLINE_MAX: usize = 160;
/// Large postings lists are packed into files of up to this size (a larger
/// list has a file of its own): one file per list would triple the number of
/// files a build creates, and creating files is what a build spends most on.
/// The browser reads a list by its byte range, so the size of its pack
/// costs it nothing; an edit rewrites the packs of the lists it changes.
const PACK_TARGET: usize = 64 * 1024;
/// Terms per shard, on average, before the number of shards doubles (about
/// 4–8 KB per shard).
const TERMS_PER_SHARD: usize = 128;

/// The number of shards for a dictionary of `terms` terms.
pub fn shard_count(terms: usize) -> usize {
    terms.div_ceil(TERMS_PER_SHARD).max(1).next_power_of_two()
}

/// The shard holding `term`.
pub fn shard_of(term: &str, shards: usize) -> usize {
    fnv1a(term) as usize % shards
}

/// The path of a shard, and of one of its packs, inside `search/`.
pub fn shard_path(shard: usize) -> String {
    format!("t/{shard}.bin")
}

/// See [`shard_path`].
pub fn pack_path(shard: usize, pack: usize) -> String {
    format!("p/{shard}-{pack}.pack")
}

/// One shard's files: the shard and its packs (pack `n` at index `n - 1`).
pub struct ShardFiles {
    /// `t/<s>.bin`.
    pub shard: Vec<u8>,
    /// `p/<s>-<n>.pack`.
    pub packs: Vec<Vec<u8>>,
}

/// Encodes one shard from its members `(term, df, blob)` in term order.
pub fn encode_shard<'a>(members: impl ExactSizeIterator<Item = (&'a str, u32, &'a [u8])>) -> ShardFiles {
    let mut shard = vec![SHARD_FORMAT];
    put_varint(&mut shard, members.len() as u32);
    let mut packs: Vec<Vec<u8>> = Vec::new();
    let mut pack: Vec<u8> = Vec::new();
    for (term, df, blob) in members {
        put_varint(&mut shard, term.len() as u32);
        shard.extend_from_slice(term.as_bytes());
        put_varint(&mut shard, df);
        if blob.len() <= INLINE_MAX {
            put_varint(&mut shard, 0);
            put_varint(&mut shard, blob.len() as u32);
            shard.extend_from_slice(blob);
            continue;
        }
        if !pack.is_empty() && pack.len() + blob.len() > PACK_TARGET {
            packs.push(std::mem::take(&mut pack));
        }
        put_varint(&mut shard, packs.len() as u32 + 1);
        put_varint(&mut shard, pack.len() as u32);
        put_varint(&mut shard, blob.len() as u32);
        pack.extend_from_slice(blob);
    }
    if !pack.is_empty() {
        packs.push(pack);
    }
    ShardFiles { shard, packs }
}

/// Where a term's blob is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// Inside the shard, at this range.
    Inline(Range<usize>),
    /// In pack `pack` (from 1), at this range.
    Packed(usize, Range<usize>),
}

/// One term of a parsed shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The term.
    pub term: String,
    /// Its document frequency.
    pub df: u32,
    /// Where its postings are.
    pub location: Location,
}

/// The members of a shard (the inverse of [`encode_shard`]), `None` when it
/// is damaged or of another format.
pub fn parse_shard(bytes: &[u8]) -> Option<Vec<Member>> {
    if bytes.first() != Some(&SHARD_FORMAT) {
        return None;
    }
    let mut pos = 1;
    let count = get_varint(bytes, &mut pos)? as usize;
    let mut members = Vec::with_capacity(count.min(bytes.len()));
    for _ in 0..count {
        let len = get_varint(bytes, &mut pos)? as usize;
        let term = std::str::from_utf8(bytes.get(pos..pos.checked_add(len)?)?)
            .ok()?
            .to_owned();
        pos += len;
        let df = get_varint(bytes, &mut pos)?;
        let pack = get_varint(bytes, &mut pos)? as usize;
        let location = if pack == 0 {
            let len = get_varint(bytes, &mut pos)? as usize;
            let range = pos..pos.checked_add(len)?;
            bytes.get(range.clone())?;
            pos = range.end;
            Location::Inline(range)
        } else {
            let at = get_varint(bytes, &mut pos)? as usize;
            let len = get_varint(bytes, &mut pos)? as usize;
            Location::Packed(pack, at..at.checked_add(len)?)
        };
        members.push(Member { term, df, location });
    }
    (pos == bytes.len()).then_some(members)
}

/// The number of packs a shard's members refer to.
pub fn pack_count(members: &[Member]) -> usize {
    members
        .iter()
        .filter_map(|m| match m.location {
            Location::Packed(pack, _) => Some(pack),
            Location::Inline(_) => None,
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_round_trip_with_inline_and_packed_blobs() {
        let small = vec![7u8; 20];
        let large = vec![9u8; PACK_TARGET / 2 + 1];
        let members: Vec<(&str, u32, &[u8])> = vec![
            ("a", 1, &small),
            ("b", 2, &large),
            ("c", 3, &large),
            ("d", 4, &small),
        ];
        let files = encode_shard(members.iter().copied());
        assert_eq!(files.packs.len(), 2, "two large blobs do not fit one pack");
        let parsed = parse_shard(&files.shard).expect("parses");
        assert_eq!(pack_count(&parsed), 2);
        for (m, (term, df, blob)) in parsed.iter().zip(&members) {
            assert_eq!((m.term.as_str(), m.df), (*term, *df));
            let bytes = match &m.location {
                Location::Inline(r) => &files.shard[r.clone()],
                Location::Packed(p, r) => &files.packs[p - 1][r.clone()],
            };
            assert_eq!(bytes, *blob);
        }
        assert_eq!(parse_shard(&files.shard[..files.shard.len() - 1]), None);
    }

    #[test]
    fn the_shard_count_is_a_power_of_two() {
        assert_eq!(shard_count(0), 1);
        assert_eq!(shard_count(128), 1);
        assert_eq!(shard_count(129), 2);
        assert_eq!(shard_count(16_000), 128);
        assert_eq!(shard_count(16_500), 256);
    }
}
