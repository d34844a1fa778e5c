//! The parse cache: what loading learned of each file, kept in
//! `.gongkai/cache/documents-NN.bin` (16 shards) for the next build.
//!
//! A file whose size and modification time are those recorded is not read
//! again; one with the recorded size but another modification time (a
//! fresh checkout in CI, a copy) is read and hashed, and when its bytes are
//! those recorded it is not parsed again. Either way its document
//! (front-matter validated, attachments checked, the hashes of its body's
//! HTML and text, its summary) comes from the cache.
//! What depends on other files is checked again every build: each link of
//! the body is resolved again and must give what it gave (so a link to a
//! document since deleted or withdrawn is still reported), each attachment
//! must still be there with its size, and anchors in other documents are
//! checked as for any file. The cache is trusted only when this program and
//! `site.yaml` are those it was written with. Files with problems or notices
//! are never cached, so every diagnostic of a run is produced again.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::document::Document;
use crate::content::links::Resolver;
use crate::content::markdown::{AnchorRef, LinkRewrite};
use crate::diagnostic::Problem;

const FILE: &str = "documents";
const FORMAT: &[u8] = b"gongkai parse cache 5\0";

/// What resolving one link gave.
pub(crate) type Outcome = Result<Option<LinkRewrite>, Problem>;

/// A file's size and modification time, as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileStamp {
    size: u64,
    modified: (u64, u32),
}

/// Stamps already taken, by path relative to the site root.
pub(crate) type FileStamps = rustc_hash::FxHashMap<PathBuf, FileStamp>;

impl FileStamp {
    /// The stamp as bytes (for a hash of many).
    pub(crate) fn to_bytes(self) -> [u8; 20] {
        let mut bytes = [0u8; 20];
        bytes[..8].copy_from_slice(&self.size.to_le_bytes());
        bytes[8..16].copy_from_slice(&self.modified.0.to_le_bytes());
        bytes[16..].copy_from_slice(&self.modified.1.to_le_bytes());
        bytes
    }

    /// The stamp of the file at `path`, if it can be read.
    pub(crate) fn of(path: &Path) -> Option<FileStamp> {
        let meta = fs::metadata(path).ok()?;
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileStamp {
            size: meta.len(),
            modified: (since.as_secs(), since.subsec_nanos()),
        })
    }
}

/// One file as loading left it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// The source file, relative to the site root.
    pub path: PathBuf,
    /// Its stamp when it was read.
    pub stamp: FileStamp,
    /// The hash of its bytes.
    pub content: crate::hash::Stamp,
    /// The document, before the catalogue derived anything from others.
    pub document: Document,
    /// The anchors of its body.
    pub anchors: Vec<String>,
    /// Anchors in other documents its links rely on, with their lines.
    pub foreign_anchors: Vec<(AnchorRef, u32)>,
    /// Every link destination of its body and what it resolved to.
    pub links: Vec<(String, Outcome)>,
}

impl Entry {
    /// The entry again for the file at `path` that now has `stamp`, when
    /// that file is the one it was made from: the same stamp, or the same
    /// size and bytes (then with the new stamp, and `true`, so that it is
    /// stored again). None when the file changed or cannot be read.
    pub(crate) fn reuse(
        mut self: Box<Self>,
        stamp: Option<FileStamp>,
        path: &Path,
    ) -> Option<(Box<Self>, bool)> {
        let stamp = stamp?;
        if self.stamp == stamp {
            return Some((self, false));
        }
        if self.stamp.size != stamp.size {
            return None;
        }
        let bytes = fs::read(path).ok()?;
        if bytes.len() as u64 != stamp.size || crate::hash::hash16(&bytes) != self.content {
            return None;
        }
        self.stamp = stamp;
        Some((self, true))
    }

    /// Whether what the entry depends on beyond its own file is as it was:
    /// every link resolves as before, every attachment is there with its size.
    pub(crate) fn still_valid(&self, root: &Path, resolver: &Resolver<'_>) -> bool {
        self.links
            .iter()
            .all(|(dest, outcome)| resolver.resolve(dest) == *outcome)
            && self
                .document
                .attachments
                .iter()
                .chain(&self.document.linked_files)
                .all(|a| fs::metadata(root.join(&a.source)).is_ok_and(|m| m.is_file() && m.len() == a.size))
    }
}

/// The cache of one site, as read.
#[derive(Default)]
pub(crate) struct Cache {
    file: CacheFile,
    /// Boxed: an entry is large, and tens of thousands moved through
    /// vectors and a table cost more than reading them.
    entries: rustc_hash::FxHashMap<std::ffi::OsString, Box<Entry>>,
}

/// Where a site's cache is stored, for which program and site.yaml, and
/// how many entries each shard held when read.
#[derive(Clone, Debug, Default)]
pub(crate) struct CacheFile {
    dir: PathBuf,
    key: [u8; 16],
    loaded: Vec<usize>,
}

/// The cache is stored in this many files, by a hash of each entry's path:
/// a build stores again only the shards whose entries changed (one edit
/// rewrites a sixteenth of the cache), and shards are read in parallel.
const SHARDS: usize = 16;

fn shard_of(path: &Path) -> usize {
    usize::from(blake3::hash(path.as_os_str().as_encoded_bytes()).as_bytes()[0]) % SHARDS
}

fn shard_path(dir: &Path, shard: usize) -> PathBuf {
    dir.join(format!("{FILE}-{shard:02}.bin"))
}

/// A stored shard: [`FORMAT`], the key, then a postcard `Vec<Entry>`.
// Boxed on purpose: the entries are large and are moved into a table.
#[allow(clippy::vec_box)]
fn decode(bytes: &[u8], key: &[u8; 16]) -> Option<Vec<Box<Entry>>> {
    let rest = bytes.strip_prefix(FORMAT)?.strip_prefix(key.as_slice())?;
    postcard::from_bytes(rest).ok()
}

fn encode(entries: &[&Entry], key: &[u8; 16]) -> Option<Vec<u8>> {
    let bytes = [FORMAT, key.as_slice()].concat();
    postcard::to_extend(entries, bytes).ok()
}

impl Cache {
    /// The cache of the site in `root` whose site.yaml holds `config`:
    /// empty when there is none or it was written by another program or
    /// for another site.yaml (a damaged shard only loses its entries).
    pub(crate) fn open(root: &Path, config: &crate::hash::Stamp) -> Cache {
        let mut hasher = blake3::Hasher::new();
        hasher.update(FORMAT);
        crate::hash::program_identity(&mut hasher);
        hasher.update(config);
        let key = crate::hash::short(&hasher.finalize());
        let dir = root.join(crate::site::STATE_DIR).join("cache");
        let shards: Vec<Vec<Box<Entry>>> = (0..SHARDS)
            .into_par_iter()
            .map(|shard| {
                fs::read(shard_path(&dir, shard))
                    .ok()
                    .and_then(|bytes| decode(&bytes, &key))
                    .unwrap_or_default()
            })
            .collect();
        let loaded = shards.iter().map(Vec::len).collect();
        let mut entries = rustc_hash::FxHashMap::default();
        entries.reserve(shards.iter().map(Vec::len).sum());
        entries.extend(
            shards
                .into_iter()
                .flatten()
                .map(|e| (e.path.clone().into_os_string(), e)),
        );
        Cache {
            file: CacheFile { dir, key, loaded },
            entries,
        }
    }

    /// Where to store the cache for the next run.
    pub(crate) fn file(&self) -> CacheFile {
        self.file.clone()
    }

    /// Takes the entry of `path` out, to be checked against the file
    /// ([`Entry::reuse`]).
    pub(crate) fn take(&mut self, path: &Path) -> Option<Box<Entry>> {
        self.entries.remove(path.as_os_str())
    }
}

impl CacheFile {
    /// Stores `entries` (in any order), each marked fresh when it was not
    /// taken from the cache. A shard is written again only when it holds a
    /// fresh entry or not the entries it was read with (a file deleted, or
    /// one whose cached entry was dropped). A cache that cannot be written
    /// only makes the next build slower: errors are ignored.
    pub(crate) fn store(&self, entries: Vec<(&Entry, bool)>) {
        let mut shards: Vec<(Vec<&Entry>, bool)> = (0..SHARDS).map(|_| (Vec::new(), false)).collect();
        for (entry, fresh) in entries {
            let shard = &mut shards[shard_of(&entry.path)];
            shard.0.push(entry);
            shard.1 |= fresh;
        }
        let _ = fs::create_dir_all(&self.dir);
        shards
            .into_par_iter()
            .enumerate()
            .for_each(|(shard, (mut entries, fresh))| {
                if !fresh && self.loaded.get(shard) == Some(&entries.len()) {
                    return;
                }
                entries.sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
                let path = shard_path(&self.dir, shard);
                // Named after the process: a `check` and a build of one site may
                // store at once, and each must rename a whole file of its own.
                let pending = path.with_extension(format!("bin.{}.new", std::process::id()));
                let Some(bytes) = encode(&entries, &self.key) else {
                    return;
                };
                if fs::write(&pending, bytes).is_err() || fs::rename(&pending, &path).is_err() {
                    let _ = fs::remove_file(&pending);
                }
            });
        // The single file of earlier versions.
        let _ = fs::remove_file(self.dir.join(format!("{FILE}.bin")));
    }
}
