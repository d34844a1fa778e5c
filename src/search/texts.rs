//! The documents' texts, for results' excerpts: packed `PER_PACK` to a file
//! (`x/<n>.pack` holds ids `n * PER_PACK ..`), each entry a JSON line of the
//! document's metadata then its indexed text.
//!
//! A pack starts with `PER_PACK + 1` little-endian u32 offsets from the
//! start of the file (entry `j` is the bytes from offset `j` to offset
//! `j + 1`; a last, shorter pack repeats its end), so a browser reads the
//! header and then one entry, each by a byte range, and never the whole
//! pack. One file per document made a build create twice the files it has
//! pages, and creating files is most of what writing a build costs.

/// Texts per pack.
pub const PER_PACK: usize = 64;
/// The bytes of a pack's header.
const HEADER: usize = 4 * (PER_PACK + 1);

/// The path of pack `n` inside `search/`.
pub fn pack_path(n: usize) -> String {
    format!("x/{n}.pack")
}

/// The pack holding id `id`, and the entry it is there.
pub fn locate(id: usize) -> (usize, usize) {
    (id / PER_PACK, id % PER_PACK)
}

/// A pack of `entries` (at most [`PER_PACK`]).
pub fn encode(entries: &[&[u8]]) -> Vec<u8> {
    debug_assert!(entries.len() <= PER_PACK);
    let size: usize = entries.iter().map(|e| e.len()).sum();
    let mut bytes = Vec::with_capacity(HEADER + size);
    let mut at = HEADER;
    for entry in entries {
        bytes.extend_from_slice(&offset(at).to_le_bytes());
        at += entry.len();
    }
    for _ in entries.len()..=PER_PACK {
        bytes.extend_from_slice(&offset(at).to_le_bytes());
    }
    for entry in entries {
        bytes.extend_from_slice(entry);
    }
    bytes
}

fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Entry `j` of a pack, `None` when the pack is damaged or holds no such entry.
pub fn entry(pack: &[u8], j: usize) -> Option<&[u8]> {
    let word = |k: usize| -> Option<usize> {
        let b = pack.get(4 * k..4 * k + 4)?;
        Some(u32::from_le_bytes(b.try_into().ok()?) as usize)
    };
    if j >= PER_PACK || word(0)? != HEADER {
        return None;
    }
    let (start, end) = (word(j)?, word(j + 1)?);
    (start < end).then_some(())?;
    pack.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_as_written() {
        let entries: Vec<Vec<u8>> = (0..5).map(|i| format!("[{i}]\n文本{i}").into_bytes()).collect();
        let refs: Vec<&[u8]> = entries.iter().map(Vec::as_slice).collect();
        let pack = encode(&refs);
        for (j, e) in entries.iter().enumerate() {
            assert_eq!(entry(&pack, j), Some(e.as_slice()));
        }
        assert_eq!(entry(&pack, 5), None, "past the last entry");
        assert_eq!(entry(&pack, PER_PACK), None);
        assert_eq!(entry(&pack[..HEADER + 3], 1), None, "a cut pack");
        assert_eq!(locate(PER_PACK + 3), (1, 3));
    }
}
