//! The manifest of an output folder (`.gongkai/cache/output-<key>.manifest`):
//! every file the last commit left there, with its size, hash and the
//! fingerprint or stamp it was written with. A build compares its files
//! with it to write only what changed; one missing or damaged means a full
//! build.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::site::STATE_DIR;

/// Path → what is known of every file of an output (a hash map: a build
/// looks up and records every one of its files; written out sorted).
pub(super) type Manifest = rustc_hash::FxHashMap<String, Entry>;

/// What the manifest knows of one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(super) struct Entry {
    pub(super) size: u64,
    pub(super) hash: [u8; 16],
    /// For a rendered page, the fingerprint of what it was rendered from;
    /// for another file, the stamp it was written with.
    pub(super) context: Option<[u8; 16]>,
}

/// Where the manifest and the journal of one output folder live.
#[derive(Debug)]
pub(super) struct StatePaths {
    pub(super) manifest: PathBuf,
    pub(super) journal: PathBuf,
}

impl StatePaths {
    /// One manifest per output folder, named after its absolute path.
    pub(super) fn new(root: &Path, target: &Path) -> StatePaths {
        let absolute = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
        let key = blake3::hash(absolute.to_string_lossy().as_bytes()).to_hex();
        let dir = root.join(STATE_DIR).join("cache");
        StatePaths {
            manifest: dir.join(format!("output-{}.manifest", &key[..16])),
            journal: dir.join(format!("output-{}.journal", &key[..16])),
        }
    }

    /// Where a build records its inputs and what it reported, for the next
    /// build into the same folder to tell whether anything changed.
    pub(super) fn inputs(&self) -> PathBuf {
        self.manifest.with_extension("inputs")
    }

    pub(super) fn pending_manifest(&self) -> PathBuf {
        self.manifest.with_extension("manifest.new")
    }
}

/// Output manifests kept in `.gongkai/cache/`, one per output folder a site
/// was built into (`--out`): beyond this many, those committed longest ago
/// are removed, so a site built into many folders (previews, benchmarks)
/// does not fill its cache. A build into a folder whose manifest was
/// removed writes every file, as `--clean` does.
const MANIFESTS_KEPT: usize = 8;

/// Removes the manifests of the output folders committed longest ago,
/// keeping [`MANIFESTS_KEPT`] with `current` among them. One whose journal
/// is still there (a commit the next build into that folder finishes) is
/// left. Best effort: a manifest that cannot be removed stays.
pub(super) fn prune_manifests(current: &Path) {
    let Some(entries) = current.parent().and_then(|dir| fs::read_dir(dir).ok()) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            path != current
                && name.starts_with("output-")
                && name.ends_with(".manifest")
                && !path.with_extension("journal").exists()
        })
        .filter_map(|path| Some((fs::metadata(&path).ok()?.modified().ok()?, path)))
        .collect();
    // Newest first; paths break ties so the same files go whatever the order read.
    others.sort_unstable_by(|a, b| b.cmp(a));
    for (_, path) in others.into_iter().skip(MANIFESTS_KEPT - 1) {
        let _ = fs::remove_file(path.with_extension("inputs"));
        let _ = fs::remove_file(path);
    }
}

/// [`MANIFEST_HEADER`], then the files sorted by path as a postcard
/// sequence of (path, [`Entry`]), then a blake3 hash of everything before
/// it. The hash stands in for an fsync: a manifest that did not fully reach
/// the disk is refused, and the next build is a full one.
pub(super) fn write_manifest(path: &Path, manifest: &Manifest) -> io::Result<()> {
    let mut files: Vec<(&String, &Entry)> = manifest.iter().collect();
    files.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let bytes = postcard::to_extend(&files, MANIFEST_HEADER.as_bytes().to_vec())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    fs::write(path, crate::hash::seal(bytes))
}

/// The first bytes of a manifest (see [`write_manifest`]).
const MANIFEST_HEADER: &str = "gongkai output manifest 4\n";

/// The manifest, or None when it is missing, damaged, incomplete or of
/// another version (the next build is then a full one).
pub(super) fn read_manifest(path: &Path) -> Option<Manifest> {
    Some(Sealed::read(path)?.files()?.into_iter().collect())
}

/// A manifest's files, sorted by path.
pub(super) type Files = Vec<(String, Entry)>;

/// A manifest as read, its hash checked and its files not yet decoded.
#[derive(Debug)]
pub(super) struct Sealed {
    bytes: Vec<u8>,
    /// The hash that ends it: it tells one commit's manifest from another's.
    pub(super) hash: [u8; 32],
}

impl Sealed {
    /// The manifest at `path`; None as for [`read_manifest`].
    pub(super) fn read(path: &Path) -> Option<Sealed> {
        let bytes = fs::read(path).ok()?;
        let hash = crate::hash::unseal(&bytes)?.1;
        Some(Sealed { bytes, hash })
    }

    /// The files it lists, sorted by path; None when of another version.
    pub(super) fn files(&self) -> Option<Files> {
        let body = &self.bytes[..self.bytes.len() - 32];
        postcard::from_bytes(body.strip_prefix(MANIFEST_HEADER.as_bytes())?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_round_trip_and_a_damaged_one_means_a_full_build() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m");
        let mut manifest = Manifest::default();
        let entry = |size, hash, context| Entry { size, hash, context };
        manifest.insert("docs/a b.html".into(), entry(12, [7; 16], Some([9; 16])));
        manifest.insert("search/t/1.bin".into(), entry(0, [255; 16], None));
        write_manifest(&path, &manifest).expect("write");
        assert_eq!(read_manifest(&path), Some(manifest));
        let written = fs::read(&path).expect("read");
        // Cut short (as when it did not fully reach the disk), changed, or
        // of another version: not trusted.
        fs::write(&path, &written[..written.len() - 40]).expect("write");
        assert_eq!(read_manifest(&path), None);
        let mut changed = written.clone();
        changed[MANIFEST_HEADER.len() + 6] ^= 1;
        fs::write(&path, &changed).expect("write");
        assert_eq!(read_manifest(&path), None);
        fs::write(&path, "gongkai output manifest 3\n").expect("write");
        assert_eq!(read_manifest(&path), None);
    }
}
