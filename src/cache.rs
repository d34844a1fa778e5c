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

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::links::Resolver;
use crate::markdown::{AnchorRef, LinkRewrite};

const FILE: &str = "documents.bin";
const FORMAT: &[u8] = b"gongkai parse cache 1\0";

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
    entries: HashMap<PathBuf, Entry>,
}

/// Where a site's cache is stored, and for which program and site.yaml.
#[derive(Clone, Debug, Default)]
pub struct CacheFile {
    path: PathBuf,
    key: [u8; 16],
}

#[derive(Deserialize)]
struct Stored {
    key: [u8; 16],
    entries: Vec<Entry>,
}

/// [`Stored`] as written, from borrowed entries.
#[derive(Serialize)]
struct StoredRef<'a> {
    key: [u8; 16],
    entries: Vec<&'a Entry>,
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
            .and_then(|bytes| postcard::from_bytes::<Stored>(&bytes).ok())
            .filter(|stored| stored.key == key)
            .map(|stored| stored.entries.into_iter().map(|e| (e.path.clone(), e)).collect())
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
    pub fn take(&mut self, path: &Path, stamp: Option<Stamp>) -> Option<Entry> {
        let entry = self.entries.remove(path)?;
        (Some(entry.stamp) == stamp).then_some(entry)
    }
}

impl CacheFile {
    /// Replaces the stored cache with `entries` (in any order). A cache that
    /// cannot be written only makes the next build slower: errors are ignored.
    pub fn store(&self, mut entries: Vec<&Entry>) {
        entries.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        let stored = StoredRef {
            key: self.key,
            entries,
        };
        let Ok(bytes) = postcard::to_stdvec(&stored) else {
            return;
        };
        if let Some(dir) = self.path.parent() {
            let _ = fs::create_dir_all(dir);
        }
        // Named after the process: a `check` and a build of one site may
        // store at once, and each must rename a whole file of its own.
        let pending = self
            .path
            .with_extension(format!("bin.{}.new", std::process::id()));
        if fs::write(&pending, bytes).is_err() || fs::rename(&pending, &self.path).is_err() {
            let _ = fs::remove_file(&pending);
        }
    }
}
