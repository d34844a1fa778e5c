//! The only module that writes the site: a lock so two builds cannot run at
//! once, a staging folder beside the output, and a commit that changes the
//! previous output only once everything was written.
//!
//! Two ways to commit. The first build (or `--clean`) fills the staging
//! folder with the whole site and swaps it in. Later builds compare each
//! file with the manifest of the last commit (`.gongkai/cache/`: path, size,
//! hash) and stage only the files that changed; the commit then moves those
//! into the output and deletes the files no longer produced, following a
//! journal written first.
//!
//! A failed or killed build leaves the previous output exactly as it was:
//! the staging folder is the only thing touched until the commit, and a
//! commit interrupted half-way is finished by the next build (the swap
//! undone or redone, the journal replayed).

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// The folder in a site for gongkai's own state (lock, later the cache).
pub const STATE_DIR: &str = ".gongkai";

/// Why the output could not be prepared or written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// Another build holds the site's lock.
    #[error(
        "another gongkai build is running in this site (lock file {0}); wait for it to finish and try again"
    )]
    Busy(PathBuf),
    /// The output folder would overwrite the site's own files.
    #[error("the output folder {0} is not allowed: {1}")]
    Forbidden(PathBuf, &'static str),
    /// A file system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io { action, path, source }
}

/// An exclusive lock on a site, released when dropped.
#[derive(Debug)]
pub struct SiteLock {
    _file: File,
}

impl SiteLock {
    /// Takes the site's lock, failing at once if another build holds it.
    pub fn acquire(root: &Path) -> Result<SiteLock, OutputError> {
        let dir = root.join(STATE_DIR);
        fs::create_dir_all(&dir).map_err(io_error("cannot create", &dir))?;
        let path = dir.join("build.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_error("cannot open", &path))?;
        match file.try_lock() {
            Ok(()) => Ok(SiteLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(OutputError::Busy(path)),
            Err(fs::TryLockError::Error(e)) => Err(io_error("cannot lock", &path)(e)),
        }
    }
}

/// A folder being filled beside the output; becomes the output (or updates
/// it) on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Where the manifest and the journal of this output live.
    state: StatePaths,
    /// The manifest of the output as last committed, when it can be trusted:
    /// files it lists unchanged are not written again.
    previous: Option<Manifest>,
    /// Every file of this build.
    current: Mutex<Manifest>,
    /// The files this build put into the staging folder.
    staged: Mutex<Vec<String>>,
    /// The writer thread and the way to it.
    writer: Writer,
    /// Set once the commit begins: from then on the staging folder belongs
    /// to the commit (and its replay), not to [`Drop`].
    committing: bool,
}

/// A build that stops without committing (an error, a panic) leaves no
/// staging folder behind.
impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committing {
            let _ = self.writer.finish();
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Files to create go to one thread. Creating files in one folder takes the
/// folder's lock in the kernel, so threads creating files side by side spend
/// their time waiting for each other; one writer leaves the other cores to
/// rendering and indexing. The first error is kept and returned by
/// [`Writer::finish`].
#[derive(Debug)]
struct Writer {
    sender: Option<SyncSender<(PathBuf, Vec<u8>)>>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

/// Files waiting for the writer: enough to smooth out bursts, few enough to
/// bound memory (pages are tens of kilobytes).
const WRITE_QUEUE: usize = 256;

impl Writer {
    fn start() -> io::Result<Writer> {
        let (sender, receiver) = sync_channel(WRITE_QUEUE);
        let thread = std::thread::Builder::new()
            .name("gongkai-writer".into())
            .spawn(move || Writer::run(&receiver))?;
        Ok(Writer {
            sender: Some(sender),
            thread: Some(thread),
        })
    }

    fn run(receiver: &Receiver<(PathBuf, Vec<u8>)>) -> io::Result<()> {
        let mut folders: HashSet<PathBuf> = HashSet::new();
        let mut failed = None;
        for (path, bytes) in receiver {
            if failed.is_some() {
                continue;
            }
            let written = (|| {
                if let Some(parent) = path.parent()
                    && !folders.contains(parent)
                {
                    fs::create_dir_all(parent)?;
                    folders.insert(parent.to_path_buf());
                }
                fs::write(&path, &bytes)
            })();
            if let Err(e) = written {
                failed = Some(io::Error::new(e.kind(), format!("{}: {e}", path.display())));
            }
        }
        failed.map_or(Ok(()), Err)
    }

    fn send(&self, path: PathBuf, bytes: Vec<u8>) -> io::Result<()> {
        let sender = self
            .sender
            .as_ref()
            .ok_or_else(|| io::Error::other("the writer is closed"))?;
        sender
            .send((path, bytes))
            .map_err(|_| io::Error::other("the writer thread stopped"))
    }

    /// Waits for every queued file to be written.
    fn finish(&mut self) -> io::Result<()> {
        self.sender = None;
        match self.thread.take().map(JoinHandle::join) {
            None => Ok(()),
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("the writer thread panicked")),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// Path → what is known of every file of an output (a hash map: a build
/// looks up and records every one of its files; written out sorted).
type Manifest = rustc_hash::FxHashMap<String, Entry>;

/// The first 128 bits of the blake3 hash of `bytes`: how the manifest keeps
/// files, and how fingerprints and stamps are kept.
pub fn hash16(bytes: &[u8]) -> [u8; 16] {
    short(&blake3::hash(bytes))
}

/// The first 128 bits of a blake3 hash.
pub fn short(hash: &blake3::Hash) -> [u8; 16] {
    let mut short = [0u8; 16];
    short.copy_from_slice(&hash.as_bytes()[..16]);
    short
}

/// Feeds what identifies this program into `hasher`: its version and, since
/// a rebuilt program may write differently under the same version, the size
/// and modification time of its executable. Outputs stamped with it (pages'
/// fingerprints, the search index) are reused only by the same program.
pub fn program_identity(hasher: &mut blake3::Hasher) {
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        hasher.update(&meta.len().to_le_bytes());
        if let Ok(since) = meta.modified().map(|m| m.duration_since(std::time::UNIX_EPOCH)) {
            hasher.update(&since.unwrap_or_default().as_nanos().to_le_bytes());
        }
    }
}

/// What the manifest knows of one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    size: u64,
    hash: [u8; 16],
    /// For a rendered page, the fingerprint of what it was rendered from;
    /// for another file, the stamp it was written with.
    context: Option<[u8; 16]>,
}

#[derive(Debug)]
struct StatePaths {
    manifest: PathBuf,
    journal: PathBuf,
}

impl StatePaths {
    /// One manifest per output folder, named after its absolute path.
    fn new(root: &Path, target: &Path) -> StatePaths {
        let absolute = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
        let key = blake3::hash(absolute.to_string_lossy().as_bytes()).to_hex();
        let dir = root.join(STATE_DIR).join("cache");
        StatePaths {
            manifest: dir.join(format!("output-{}.manifest", &key[..16])),
            journal: dir.join(format!("output-{}.journal", &key[..16])),
        }
    }

    fn pending_manifest(&self) -> PathBuf {
        self.manifest.with_extension("manifest.new")
    }
}

/// What a commit did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommitStats {
    /// Files written (all of them on a full build).
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files deleted because the build no longer produces them.
    pub deleted: usize,
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    target.with_file_name(name)
}

/// Rejects an output folder that is the site itself or holds its sources.
pub fn check_target(root: &Path, target: &Path) -> Result<(), OutputError> {
    let root = root.canonicalize().map_err(io_error("cannot resolve", root))?;
    // The target may not exist yet: resolve its parent.
    let parent = target.parent().unwrap_or(Path::new("."));
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let resolved = parent
        .canonicalize()
        .map_err(io_error("cannot resolve", parent))?
        .join(target.file_name().unwrap_or_default());
    if resolved == root || root.starts_with(&resolved) {
        return Err(OutputError::Forbidden(
            target.to_path_buf(),
            "it is the site folder or contains it",
        ));
    }
    for source in [crate::source::CONTENT_DIR, crate::theme::THEMES_DIR, STATE_DIR] {
        let source = root.join(source);
        if resolved.starts_with(&source) {
            return Err(OutputError::Forbidden(
                target.to_path_buf(),
                "it lies inside content/, themes/ or .gongkai/",
            ));
        }
    }
    Ok(())
}

impl Staging {
    /// Prepares an empty staging folder for `target` of the site in `root`.
    /// Call with the site lock held: leftovers of a killed build are cleaned
    /// up here. With `clean`, the manifest is ignored and the whole site is
    /// written and swapped in.
    pub fn create(root: &Path, target: &Path, clean: bool) -> Result<Staging, OutputError> {
        let state = StatePaths::new(root, target);
        recover(target, &state)?;
        let dir = sibling(target, ".staging");
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_error("cannot remove the old staging folder", &dir))?;
        }
        fs::create_dir_all(&dir).map_err(io_error("cannot create", &dir))?;
        let writer = Writer::start().map_err(io_error("cannot start a thread to write into", &dir))?;
        let previous = if clean || !target.is_dir() {
            None
        } else {
            read_manifest(&state.manifest)
        };
        let previous_len = previous.as_ref().map_or(0, Manifest::len);
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            state,
            previous,
            current: Mutex::new(Manifest::with_capacity_and_hasher(
                previous_len,
                Default::default(),
            )),
            staged: Mutex::new(Vec::new()),
            writer,
            committing: false,
        })
    }

    /// Writes one file, `rel` being a `/`-separated path inside the site.
    /// When the output already holds exactly these bytes, nothing is written.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_entry(rel, bytes, None).map(drop)
    }

    /// Writes one file like [`Staging::write`]; returns whether it differs
    /// from the output's file (which is then replaced at the commit).
    pub fn write_changed(&self, rel: &str, bytes: &[u8]) -> io::Result<bool> {
        self.write_entry(rel, bytes, None)
    }

    /// Writes one file, remembering `stamp` with it in the manifest (see
    /// [`Staging::previous_stamp`]).
    pub fn write_stamped(&self, rel: &str, bytes: &[u8], stamp: &[u8; 16]) -> io::Result<bool> {
        self.write_entry(rel, bytes, Some(*stamp))
    }

    /// The stamp (or page fingerprint) the output's file at `rel` was
    /// written with.
    pub fn previous_stamp(&self, rel: &str) -> Option<[u8; 16]> {
        self.previous.as_ref()?.get(rel)?.context
    }

    /// The bytes of the output's file at `rel`, when they are exactly what
    /// the last commit wrote there (size and hash).
    pub fn previous_file(&self, rel: &str) -> Option<Vec<u8>> {
        let entry = self.previous.as_ref()?.get(rel)?;
        let bytes = fs::read(self.target.join(rel)).ok()?;
        (bytes.len() as u64 == entry.size && hash16(&bytes) == entry.hash).then_some(bytes)
    }

    /// Whether the output's file at `rel` is the one the last commit wrote,
    /// as far as its size tells.
    pub fn previous_intact(&self, rel: &str) -> bool {
        self.previous
            .as_ref()
            .and_then(|p| p.get(rel))
            .is_some_and(|entry| self.intact(rel, entry))
    }

    /// Makes the output's file at `rel` part of this build as it is;
    /// returns its size. Fails when the last commit did not write it or it
    /// was changed since.
    pub fn keep(&self, rel: &str) -> io::Result<u64> {
        let entry = self
            .previous
            .as_ref()
            .and_then(|p| p.get(rel))
            .filter(|entry| self.intact(rel, entry))
            .copied()
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("{rel} is not in the output as written"),
                )
            })?;
        self.record(rel, entry)?;
        Ok(entry.size)
    }

    /// Writes a rendered page, remembering the fingerprint of what it was
    /// rendered from (see [`Staging::unchanged_page`]).
    pub fn write_page(&self, rel: &str, bytes: &[u8], context: &[u8; 16]) -> io::Result<()> {
        self.write_entry(rel, bytes, Some(*context)).map(drop)
    }

    /// Whether the output holds the page `rel` rendered from a context with
    /// this fingerprint, intact (the size it was written with); if so the
    /// page is part of this build as it is, and need not be rendered.
    pub fn unchanged_page(&self, rel: &str, context: &[u8; 16]) -> io::Result<bool> {
        let Some(previous) = self.previous.as_ref().and_then(|p| p.get(rel)) else {
            return Ok(false);
        };
        if previous.context != Some(*context) || !self.intact(rel, previous) {
            return Ok(false);
        }
        self.record(rel, *previous)?;
        Ok(true)
    }

    /// Whether the output's file at `rel` is still the one the manifest
    /// describes, as far as its size tells (a file deleted or truncated by
    /// hand is written again).
    fn intact(&self, rel: &str, previous: &Entry) -> bool {
        fs::metadata(self.target.join(rel)).is_ok_and(|m| m.is_file() && m.len() == previous.size)
    }

    /// Adds a file to this build's manifest; a second file at one path is an error.
    fn record(&self, rel: &str, entry: Entry) -> io::Result<()> {
        let duplicate = self
            .current
            .lock()
            .map_err(|_| io::Error::other("manifest lock poisoned"))?
            .insert(rel.to_owned(), entry)
            .is_some();
        if duplicate {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("two outputs are written to {rel}"),
            ));
        }
        Ok(())
    }

    fn write_entry(&self, rel: &str, bytes: &[u8], context: Option<[u8; 16]>) -> io::Result<bool> {
        if rel
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
            || rel.contains('\\')
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {rel}"),
            ));
        }
        let entry = Entry {
            size: bytes.len() as u64,
            hash: hash16(bytes),
            context,
        };
        self.record(rel, entry)?;
        if let Some(previous) = self.previous.as_ref().and_then(|p| p.get(rel))
            && (previous.size, previous.hash) == (entry.size, entry.hash)
            && self.intact(rel, previous)
        {
            return Ok(false);
        }
        self.writer.send(self.dir.join(rel), bytes.to_vec())?;
        self.staged
            .lock()
            .map_err(|_| io::Error::other("staging lock poisoned"))?
            .push(rel.to_owned());
        Ok(true)
    }

    /// Copies the file at `source` to `rel` (a `/`-separated path inside the site).
    pub fn copy(&self, rel: &str, source: &Path) -> io::Result<()> {
        let bytes =
            fs::read(source).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", source.display())))?;
        self.write(rel, &bytes)
    }

    /// Makes the output what this build wrote.
    pub fn commit(mut self) -> Result<CommitStats, OutputError> {
        self.committing = true;
        self.writer
            .finish()
            .map_err(io_error("cannot write into", &self.dir))?;
        let current = std::mem::take(&mut self.current).into_inner().unwrap_or_default();
        let manifest_dir = self.state.manifest.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(manifest_dir).map_err(io_error("cannot create", manifest_dir))?;
        let pending = self.state.pending_manifest();
        write_manifest(&pending, &current).map_err(io_error("cannot write", &pending))?;

        let Some(previous) = self.previous.take() else {
            // No manifest may describe the output while it is swapped.
            match fs::remove_file(&self.state.manifest) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error("cannot remove", &self.state.manifest)(e)),
            }
            let old = sibling(&self.target, ".old");
            if self.target.exists() {
                fs::rename(&self.target, &old).map_err(io_error("cannot move aside", &self.target))?;
            }
            fs::rename(&self.dir, &self.target).map_err(io_error("cannot move into place", &self.dir))?;
            fs::rename(&pending, &self.state.manifest)
                .map_err(io_error("cannot write", &self.state.manifest))?;
            if old.exists() {
                fs::remove_dir_all(&old).map_err(io_error("cannot remove", &old))?;
            }
            prune_manifests(&self.state.manifest);
            return Ok(CommitStats {
                written: current.len(),
                ..CommitStats::default()
            });
        };
        // The journal: files to move in from staging (M) and to delete (D).
        let mut journal = String::new();
        let mut stats = CommitStats::default();
        let mut staged = std::mem::take(&mut self.staged).into_inner().unwrap_or_default();
        staged.sort_unstable();
        for rel in &staged {
            journal.push_str(&format!("M {rel}\n"));
        }
        stats.written = staged.len();
        stats.unchanged = current.len() - staged.len();
        let mut dropped: Vec<&String> = previous
            .keys()
            .filter(|rel| !current.contains_key(*rel))
            .collect();
        dropped.sort_unstable();
        for rel in dropped {
            journal.push_str(&format!("D {rel}\n"));
            stats.deleted += 1;
        }
        journal.push_str(JOURNAL_END);
        fs::write(&self.state.journal, journal.as_bytes())
            .map_err(io_error("cannot write", &self.state.journal))?;
        replay(&self.target, &self.dir, &self.state)?;
        prune_manifests(&self.state.manifest);
        Ok(stats)
    }

    /// Removes the staging folder, leaving the output untouched.
    pub fn discard(self) {
        drop(self);
    }
}

/// Applies a commit's journal (again, if a killed build left it): moves the
/// staged files in, deletes the dropped ones, installs the new manifest.
/// Every step can be repeated, so a replay after a kill is safe.
fn replay(target: &Path, staging: &Path, state: &StatePaths) -> Result<(), OutputError> {
    let journal = fs::read(&state.journal).map_err(io_error("cannot read", &state.journal))?;
    let Some(journal) = String::from_utf8(journal)
        .ok()
        .and_then(|j| j.strip_suffix(JOURNAL_END).map(str::to_owned))
    else {
        let _ = fs::remove_file(state.pending_manifest());
        fs::remove_file(&state.journal).map_err(io_error("cannot remove", &state.journal))?;
        if staging.exists() {
            fs::remove_dir_all(staging).map_err(io_error("cannot remove", staging))?;
        }
        return Ok(());
    };
    for line in journal.lines() {
        let (op, rel) = line.split_at(line.len().min(2));
        let to = target.join(rel);
        match op {
            "M " => {
                let from = staging.join(rel);
                if from.is_file() {
                    if let Some(parent) = to.parent() {
                        fs::create_dir_all(parent).map_err(io_error("cannot create", parent))?;
                    }
                    fs::rename(&from, &to).map_err(io_error("cannot move into place", &from))?;
                }
            }
            "D " => {
                match fs::remove_file(&to) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(io_error("cannot remove", &to)(e)),
                }
                // Folders left empty go too, as a clean build would not have them.
                let mut dir = to.parent();
                while let Some(d) = dir.filter(|d| *d != target && d.starts_with(target)) {
                    if fs::remove_dir(d).is_err() {
                        break;
                    }
                    dir = d.parent();
                }
            }
            _ => {}
        }
    }
    let pending = state.pending_manifest();
    if pending.exists() {
        fs::rename(&pending, &state.manifest).map_err(io_error("cannot write", &state.manifest))?;
    }
    fs::remove_file(&state.journal).map_err(io_error("cannot remove", &state.journal))?;
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(io_error("cannot remove", staging))?;
    }
    Ok(())
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
fn prune_manifests(current: &Path) {
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
        let _ = fs::remove_file(path);
    }
}

/// The last line of a whole journal. A journal without it was cut short
/// while being written, before any file was moved: it is dropped, with the
/// staged files and the pending manifest, and the output stays as it was.
/// (Nothing is synced to the disk: a commit is safe against a killed
/// process, not against a machine losing power, like every file it writes.)
const JOURNAL_END: &str = "end\n";

/// [`MANIFEST_HEADER`], then per file (sorted by path): the path's length
/// (u32) and bytes, the size (u64), the hash, a flag and the fingerprint or
/// stamp (16 bytes, zero when the flag is 0), all little-endian; then a
/// blake3 hash of everything before it. The hash stands in for an fsync: a
/// manifest that did not fully reach the disk is refused, and the next
/// build is a full one.
fn write_manifest(path: &Path, manifest: &Manifest) -> io::Result<()> {
    let mut files: Vec<(&String, &Entry)> = manifest.iter().collect();
    files.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut bytes = Vec::with_capacity(MANIFEST_HEADER.len() + manifest.len() * 96 + 32);
    bytes.extend_from_slice(MANIFEST_HEADER.as_bytes());
    for (rel, entry) in files {
        let len = u32::try_from(rel.len()).map_err(|_| io::Error::other("output path too long"))?;
        bytes.extend_from_slice(&len.to_le_bytes());
        bytes.extend_from_slice(rel.as_bytes());
        bytes.extend_from_slice(&entry.size.to_le_bytes());
        bytes.extend_from_slice(&entry.hash);
        bytes.push(u8::from(entry.context.is_some()));
        bytes.extend_from_slice(&entry.context.unwrap_or_default());
    }
    let check = blake3::hash(&bytes);
    bytes.extend_from_slice(check.as_bytes());
    fs::write(path, bytes)
}

/// The first bytes of a manifest (see [`write_manifest`]).
const MANIFEST_HEADER: &str = "gongkai output manifest 3\n";

/// The manifest, or None when it is missing, damaged, incomplete or of
/// another version (the next build is then a full one).
fn read_manifest(path: &Path) -> Option<Manifest> {
    fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, tail) = rest.split_at_checked(n)?;
        *rest = tail;
        Some(head)
    }
    let bytes = fs::read(path).ok()?;
    let (body, check) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
    if blake3::hash(body).as_bytes() != check {
        return None;
    }
    let mut rest = body.strip_prefix(MANIFEST_HEADER.as_bytes())?;
    let mut manifest = Manifest::with_capacity_and_hasher(rest.len() / 96, Default::default());
    while !rest.is_empty() {
        let len = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) as usize;
        let rel = std::str::from_utf8(take(&mut rest, len)?).ok()?.to_owned();
        let size = u64::from_le_bytes(take(&mut rest, 8)?.try_into().ok()?);
        let hash: [u8; 16] = take(&mut rest, 16)?.try_into().ok()?;
        let flag = take(&mut rest, 1)?[0];
        let context: [u8; 16] = take(&mut rest, 16)?.try_into().ok()?;
        let context = match flag {
            0 => None,
            1 => Some(context),
            _ => return None,
        };
        manifest.insert(rel, Entry { size, hash, context });
    }
    Some(manifest)
}

/// Finishes a commit a killed build left half-done: a journal is replayed;
/// if the output is missing but its `.old` copy exists, the copy is put back
/// (and the manifest, which may describe either, is dropped).
fn recover(target: &Path, state: &StatePaths) -> Result<(), OutputError> {
    if state.journal.exists() {
        return replay(target, &sibling(target, ".staging"), state);
    }
    let old = sibling(target, ".old");
    if old.exists() {
        if target.exists() {
            fs::remove_dir_all(&old).map_err(io_error("cannot remove", &old))?;
        } else {
            fs::rename(&old, target).map_err(io_error("cannot restore", &old))?;
            let _ = fs::remove_file(&state.manifest);
        }
    }
    let _ = fs::remove_file(state.pending_manifest());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A commit killed after its journal was written, with `moved` of the
    /// staged files already moved in.
    fn interrupted(moved: usize) -> (tempfile::TempDir, PathBuf, StatePaths) {
        let dir = tempfile::tempdir().expect("tempdir");
        let (root, target) = (dir.path().to_path_buf(), dir.path().join("public"));
        let staging = sibling(&target, ".staging");
        let state = StatePaths::new(&root, &target);
        fs::create_dir_all(target.join("old")).expect("target");
        fs::create_dir_all(staging.join("c")).expect("staging");
        fs::create_dir_all(state.manifest.parent().expect("cache")).expect("cache");
        fs::write(target.join("a.html"), "old a").expect("write");
        fs::write(target.join("old/b.html"), "b").expect("write");
        fs::write(target.join("keep.html"), "keep").expect("write");
        fs::write(staging.join("a.html"), "new a").expect("write");
        fs::write(staging.join("c/d.html"), "new d").expect("write");
        fs::write(&state.manifest, "old manifest").expect("write");
        fs::write(state.pending_manifest(), "new manifest").expect("write");
        fs::write(&state.journal, "M a.html\nM c/d.html\nD old/b.html\nend\n").expect("write");
        for rel in ["a.html", "c/d.html"].into_iter().take(moved) {
            fs::create_dir_all(target.join(rel).parent().expect("parent")).expect("dir");
            fs::rename(staging.join(rel), target.join(rel)).expect("move");
        }
        (dir, root, state)
    }

    #[test]
    fn an_interrupted_commit_is_finished_by_the_next_build() {
        for moved in 0..=2 {
            let (_dir, root, state) = interrupted(moved);
            let target = root.join("public");
            let staging = Staging::create(&root, &target, false).expect("recover");
            let read = |rel: &str| fs::read_to_string(target.join(rel)).ok();
            assert_eq!(read("a.html").as_deref(), Some("new a"), "moved {moved}");
            assert_eq!(read("c/d.html").as_deref(), Some("new d"));
            assert_eq!(read("keep.html").as_deref(), Some("keep"));
            assert!(!target.join("old").exists(), "the emptied folder is gone too");
            assert!(!state.journal.exists());
            assert_eq!(
                fs::read_to_string(&state.manifest).expect("manifest"),
                "new manifest"
            );
            staging.discard();
        }
    }

    #[test]
    fn a_commit_killed_while_writing_its_journal_leaves_the_output_as_it_was() {
        let (_dir, root, state) = interrupted(0);
        // Cut short before its end line: no file was moved yet.
        fs::write(&state.journal, "M a.html\nM c/d").expect("write");
        let target = root.join("public");
        let staging = Staging::create(&root, &target, false).expect("recover");
        let read = |rel: &str| fs::read_to_string(target.join(rel)).ok();
        assert_eq!(read("a.html").as_deref(), Some("old a"));
        assert_eq!(read("old/b.html").as_deref(), Some("b"));
        assert_eq!(read("c/d.html"), None);
        assert!(!state.journal.exists() && !state.pending_manifest().exists());
        assert_eq!(
            fs::read_to_string(&state.manifest).expect("manifest"),
            "old manifest"
        );
        staging.discard();
    }

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
        fs::write(&path, "gongkai output manifest 2\n").expect("write");
        assert_eq!(read_manifest(&path), None);
    }
}
