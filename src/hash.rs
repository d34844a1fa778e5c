//! The one hash of the crate: blake3, cut to 128 bits where a file, a body
//! or a page's context is remembered (the output manifest, the parse cache,
//! page fingerprints and stamps).

/// A hash of what a file was made from (blake3, 128 bits): what the output
/// manifest keeps with each file, and what the parse cache is keyed by.
pub(crate) type Stamp = [u8; 16];

/// The first 128 bits of the blake3 hash of `bytes`; a large file's on
/// every core (the same hash: blake3 is a tree of chunks).
pub(crate) fn hash16(bytes: &[u8]) -> [u8; 16] {
    if bytes.len() >= PARALLEL {
        short(&blake3::Hasher::new().update_rayon(bytes).finalize())
    } else {
        short(&blake3::hash(bytes))
    }
}

/// Appends what `write` writes to `input`, after its length (8 bytes,
/// little-endian), so that parts hashed together in one buffer stay
/// apart. A stamp made of many parts is hashed from one buffer: blake3
/// hashes a long input's chunks side by side, and many small updates one
/// 64-byte block at a time.
pub(crate) fn append_sized(input: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
    let at = input.len();
    input.extend_from_slice(&[0; 8]);
    write(input);
    let length = (input.len() - at - 8) as u64;
    input[at..at + 8].copy_from_slice(&length.to_le_bytes());
}

/// [`append_sized`] with `value` in postcard (which cannot fail on the
/// plain values stamps are made of; on failure the part stays short).
pub(crate) fn append_postcard<T: serde::Serialize + ?Sized>(input: &mut Vec<u8>, value: &T) {
    append_sized(input, |bytes| drop(postcard::to_io(value, bytes)));
}

/// From this many bytes on, [`hash16`] hashes in parallel (below, the
/// threads cost more than they save).
const PARALLEL: usize = 1 << 20;

/// The first 128 bits of a blake3 hash.
pub(crate) fn short(hash: &blake3::Hash) -> [u8; 16] {
    let mut short = [0u8; 16];
    short.copy_from_slice(&hash.as_bytes()[..16]);
    short
}

/// Ends `bytes` with their blake3 hash: a file written so is refused by
/// [`unseal`] when it did not fully reach the disk (it stands in for an
/// fsync) or was changed since.
pub(crate) fn seal(mut bytes: Vec<u8>) -> Vec<u8> {
    let check = blake3::hash(&bytes);
    bytes.extend_from_slice(check.as_bytes());
    bytes
}

/// What [`seal`] sealed, with the hash that ends it; None when the hash
/// does not match.
pub(crate) fn unseal(bytes: &[u8]) -> Option<(&[u8], [u8; 32])> {
    let (body, check) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
    let check: [u8; 32] = check.try_into().ok()?;
    (*blake3::hash(body).as_bytes() == check).then_some((body, check))
}

/// Feeds what identifies this program into `hasher`: its version and, since
/// a rebuilt program may write differently under the same version, the size
/// and modification time of its executable. Outputs stamped with it (pages'
/// fingerprints, the search index) are reused only by the same program.
pub(crate) fn program_identity(hasher: &mut blake3::Hasher) {
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
        hasher.update(&meta.len().to_le_bytes());
        if let Ok(since) = meta.modified().map(|m| m.duration_since(std::time::UNIX_EPOCH)) {
            hasher.update(&since.unwrap_or_default().as_nanos().to_le_bytes());
        }
    }
}
