//! The parse cache: what loading learned of each file, kept in
//! `.gongkai/cache/documents.bin` for the next build.
//!
//! A file whose size and modification time are those recorded is not read
//! again: its document (front-matter validated, attachments checked, the
//! hashes of its body's HTML and text, its summary) comes from the cache.
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

use crate::document::Document;
use crate::links::Resolver;
use crate::markdown::{AnchorRef, LinkRewrite};

const FILE: &str = "documents.bin";
const FORMAT: &[u8] = b"gongkai parse cache 2\0";
/// Entries per chunk: chunks are encoded and decoded in parallel.
const CHUNK: usize = 2048;

/// What resolving one link gave.
pub type Outcome = Result<Option<LinkRewrite>, (String, String)>;

/// A file's size and modification time, as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    modified: (u64, u32),
}

impl Stamp {
    /// The stamp of the file at `path`, if it can be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            modified: (since.as_secs(), since.subsec_nanos()),
        })
    }
}

/// One file as loading left it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The source file, relative to the site root.
    pub path: PathBuf,
    /// Its stamp when it was read.
    pub stamp: Stamp,
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
    /// Whether what the entry depends on beyond its own file is as it was:
    /// every link resolves as before, every attachment is there with its size.
    pub fn still_valid(&self, root: &Path, resolver: &Resolver<'_>) -> bool {
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
pub struct Cache {
    file: CacheFile,
    /// Boxed: an entry is large, and tens of thousands moved through
    /// vectors and a table cost more than reading them.
    entries: rustc_hash::FxHashMap<std::ffi::OsString, Box<Entry>>,
}

/// Where a site's cache is stored, and for which program and site.yaml.
#[derive(Clone, Debug, Default)]
pub struct CacheFile {
    path: PathBuf,
    key: [u8; 16],
}

/// The stored file: [`FORMAT`], the key, then chunks of at most [`CHUNK`]
/// entries, each a little-endian u64 length and a postcard `Vec<Entry>`.
// Boxed on purpose: the entries are large and are moved into a table.
#[allow(clippy::vec_box)]
fn decode(bytes: &[u8], key: &[u8; 16]) -> Option<Vec<Box<Entry>>> {
    let mut rest = bytes.strip_prefix(FORMAT)?.strip_prefix(key.as_slice())?;
    let mut chunks = Vec::new();
    while !rest.is_empty() {
        let (len, tail) = rest.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        if len > tail.len() {
            return None;
        }
        let (chunk, tail) = tail.split_at(len);
        chunks.push(chunk);
        rest = tail;
    }
    let decoded: Option<Vec<Vec<Box<Entry>>>> = chunks
        .par_iter()
        .map(|chunk| postcard::from_bytes::<Vec<Box<Entry>>>(chunk).ok())
        .collect();
    let decoded = decoded?;
    let mut entries = Vec::with_capacity(decoded.iter().map(Vec::len).sum());
    entries.extend(decoded.into_iter().flatten());
    Some(entries)
}

/// Writes `entries` to `file` in the shape [`decode`] reads; the chunks are
/// encoded in parallel and written one by one.
fn encode(entries: &[&Entry], key: &[u8; 16], file: &mut impl std::io::Write) -> std::io::Result<()> {
    let chunks: Vec<Vec<u8>> = entries
        .par_chunks(CHUNK)
        .map(|chunk| postcard::to_stdvec(chunk).map_err(std::io::Error::other))
        .collect::<std::io::Result<_>>()?;
    file.write_all(FORMAT)?;
    file.write_all(key)?;
    for chunk in chunks {
        file.write_all(&(chunk.len() as u64).to_le_bytes())?;
        file.write_all(&chunk)?;
    }
    Ok(())
}

impl Cache {
    /// The cache of the site in `root` whose site.yaml holds `config`:
    /// empty when there is none or it was written by another program or
    /// for another site.yaml.
    pub fn open(root: &Path, config: &[u8]) -> Cache {
        let mut hasher = blake3::Hasher::new();
        hasher.update(FORMAT);
        crate::output::program_identity(&mut hasher);
        hasher.update(config);
        let key = crate::output::short(&hasher.finalize());
        let path = root.join(crate::output::STATE_DIR).join("cache").join(FILE);
        let entries = fs::read(&path)
            .ok()
            .and_then(|bytes| decode(&bytes, &key))
            .map(|entries| {
                entries
                    .into_iter()
                    .map(|e| (e.path.clone().into_os_string(), e))
                    .collect()
            })
            .unwrap_or_default();
        Cache {
            file: CacheFile { path, key },
            entries,
        }
    }

    /// Where to store the cache for the next run.
    pub fn file(&self) -> CacheFile {
        self.file.clone()
    }

    /// The number of files in the cache.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Takes the entry of `path` out when the file still has the stamp it
    /// was read with.
    pub fn take(&mut self, path: &Path, stamp: Option<Stamp>) -> Option<Box<Entry>> {
        let entry = self.entries.remove(path.as_os_str())?;
        (Some(entry.stamp) == stamp).then_some(entry)
    }
}

impl CacheFile {
    /// Replaces the stored cache with `entries` (in any order). A cache that
    /// cannot be written only makes the next build slower: errors are ignored.
    pub fn store(&self, mut entries: Vec<&Entry>) {
        entries.sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
        if let Some(dir) = self.path.parent() {
            let _ = fs::create_dir_all(dir);
        }
        // Named after the process: a `check` and a build of one site may
        // store at once, and each must rename a whole file of its own.
        let pending = self
            .path
            .with_extension(format!("bin.{}.new", std::process::id()));
        let written = fs::File::create(&pending).and_then(|file| {
            let mut file = std::io::BufWriter::new(file);
            encode(&entries, &self.key, &mut file)?;
            file.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            Ok(())
        });
        if written.is_err() || fs::rename(&pending, &self.path).is_err() {
            let _ = fs::remove_file(&pending);
        }
    }
}
