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

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::hash::hash16;

mod committed;
mod journal;
mod lock;
mod manifest;
pub mod mime;
mod sink;
mod target;
mod writer;

pub(crate) use committed::Committed;
use journal::{recover, replay};
pub use lock::SiteLock;
use manifest::{Entry, Manifest, StatePaths, prune_manifests, read_manifest, write_manifest};
pub(crate) use sink::{Discard, Sink, Stamp};
use target::OutputLock;
pub(crate) use target::{MARKER, is_ours};
use writer::Writer;

/// Why the output could not be prepared or written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// Another build holds the site's lock.
    #[error(
        "another gongkai build is running in this site or into this output (lock file {0}); wait for it to finish and try again"
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
    /// A file the build meant to keep from the last output is gone or was
    /// changed (a bug: callers keep only files they checked).
    #[error("{0} is not in the output as the last build wrote it")]
    Lost(String),
    /// Two files of one build at one path (a bug, or names that collide).
    #[error("two outputs are written to {0}")]
    Duplicate(String),
    /// A path that would leave the output folder.
    #[error("unsafe output path {0}")]
    Unsafe(String),
    /// The commit failed part way through changing the output; the next
    /// build finishes it from its journal.
    #[error("{0}\n  the output was being updated when this happened: the next build finishes the update")]
    Interrupted(Box<OutputError>),
    /// A folder gongkai did not make, where it would replace or delete it.
    #[error(
        "{0} holds files gongkai did not write, which a build would replace\n  hint: choose a new or empty folder for the output (--out or site.yaml's output_dir), or pass --force to replace it"
    )]
    NotOurs(PathBuf),
}

impl OutputError {
    /// The failure in words, in the run's language.
    pub fn text(&self) -> crate::lang::Text {
        use crate::msg;
        match self {
            OutputError::Busy(lock) => msg!("output.busy", lock = lock.display()),
            OutputError::Forbidden(dir, why) => {
                let why = match *why {
                    "it is a link to a file, not a folder" => msg!("output.why.link_file"),
                    "it is a link to nothing" => msg!("output.why.link_nothing"),
                    "it is a file, not a folder" => msg!("output.why.file"),
                    "it is the site folder or contains it" => msg!("output.why.site"),
                    _ => msg!("output.why.sources"),
                };
                crate::lang::Text::new("output.forbidden")
                    .arg("dir", &dir.display())
                    .nested("why", &why)
            }
            OutputError::Io { action, path, source } => {
                msg!(
                    "output.io",
                    action = action,
                    path = path.display(),
                    error = source
                )
            }
            OutputError::Lost(path) => msg!("output.lost", path = path),
            OutputError::Duplicate(path) => msg!("output.duplicate", path = path),
            OutputError::Unsafe(path) => msg!("output.unsafe", path = path),
            OutputError::Interrupted(inner) => {
                crate::lang::Text::new("output.interrupted").nested("error", &inner.text())
            }
            OutputError::NotOurs(dir) => msg!("output.not_ours", dir = dir.display()),
        }
    }
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io { action, path, source }
}

/// A folder being filled beside the output; becomes the output (or updates
/// it) on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The output's lock, held until the build ends.
    _lock: OutputLock,
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

impl Staging {
    /// Prepares an empty staging folder for the output `target` of the site
    /// in `root` (see [`target`] for which folders may be written: a link is
    /// followed, a folder gongkai did not make is refused unless `force`).
    /// Call with the site lock held; takes the output's lock. Leftovers of
    /// a killed build are cleaned up here. With `clean`, the manifest is
    /// ignored and the whole site is written and swapped in.
    pub(crate) fn create(
        root: &Path,
        target: &Path,
        clean: bool,
        force: bool,
    ) -> Result<Staging, OutputError> {
        let target = target::resolve(root, target, force)?;
        let lock = OutputLock::acquire(&target)?;
        let state = StatePaths::new(root, &target);
        recover(&target, &state)?;
        if target.is_dir() && !target::is_ours(&target) {
            // Empty, written by an earlier gongkai, or replaced by --force.
            target::mark(&target)?;
        }
        let dir = target::staging(&target);
        target::remove_ours(&dir)?;
        fs::create_dir_all(&dir).map_err(io_error("cannot create", &dir))?;
        target::mark(&dir)?;
        let writer = Writer::start().map_err(io_error("cannot start a thread to write into", &dir))?;
        let previous = if clean || !target.is_dir() {
            None
        } else {
            read_manifest(&state.manifest)
        };
        let previous_len = previous.as_ref().map_or(0, Manifest::len);
        Ok(Staging {
            dir,
            target,
            _lock: lock,
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

    /// The folder this build writes (a link to a folder is followed).
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// The output's entry for `rel` in the last manifest, when the file is
    /// still the one it describes, as far as its size tells (a file deleted
    /// or truncated by hand is written again).
    fn previous_entry(&self, rel: &str) -> Option<Entry> {
        let entry = *self.previous.as_ref()?.get(rel)?;
        fs::metadata(self.target.join(rel))
            .is_ok_and(|m| m.is_file() && m.len() == entry.size)
            .then_some(entry)
    }

    /// The bytes of the output's file at `rel`, when they are exactly what
    /// the last commit wrote there (size and hash).
    fn previous_bytes(&self, rel: &str) -> Option<Vec<u8>> {
        let entry = self.previous.as_ref()?.get(rel)?;
        let bytes = fs::read(self.target.join(rel)).ok()?;
        (bytes.len() as u64 == entry.size && hash16(&bytes) == entry.hash).then_some(bytes)
    }

    /// The output's file at `rel`, read whether or not a manifest lists it.
    fn history_bytes(&self, rel: &str) -> Option<Vec<u8>> {
        fs::read(self.target.join(rel)).ok()
    }

    /// Adds a file to this build's manifest; a second file at one path is an error.
    fn record(&self, rel: &str, entry: Entry) -> Result<(), OutputError> {
        let duplicate = self
            .current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(rel.to_owned(), entry)
            .is_some();
        if duplicate {
            return Err(OutputError::Duplicate(rel.to_owned()));
        }
        Ok(())
    }

    /// Writes one file (unless the output holds exactly these bytes) and
    /// records it with `context`; returns whether it changed.
    fn write_entry(
        &self,
        rel: &str,
        bytes: std::borrow::Cow<'_, [u8]>,
        context: Option<Stamp>,
    ) -> Result<bool, OutputError> {
        if rel
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
            || rel.contains('\\')
        {
            return Err(OutputError::Unsafe(rel.to_owned()));
        }
        let entry = Entry {
            size: bytes.len() as u64,
            hash: hash16(&bytes),
            context,
        };
        self.record(rel, entry)?;
        if self
            .previous_entry(rel)
            .is_some_and(|previous| (previous.size, previous.hash) == (entry.size, entry.hash))
        {
            return Ok(false);
        }
        let path = self.dir.join(rel);
        self.writer
            .send(path.clone(), bytes.into_owned())
            .map_err(io_error("cannot write", &path))?;
        self.staged
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(rel.to_owned());
        Ok(true)
    }

    /// Makes the output what this build wrote.
    pub fn commit(mut self) -> Result<CommitStats, OutputError> {
        // Until the output is touched, a failure (a full disk while the
        // last files are written) leaves no staging folder: Drop removes it.
        self.writer.finish()?;
        let current = std::mem::take(&mut self.current).into_inner().unwrap_or_default();
        let manifest_dir = self.state.manifest.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(manifest_dir).map_err(io_error("cannot create", manifest_dir))?;
        let pending = self.state.pending_manifest();
        write_manifest(&pending, &current).map_err(io_error("cannot write", &pending))?;
        // From here on the staging folder belongs to the commit (and to the
        // next build's replay of it), not to Drop.
        self.committing = true;
        self.apply(&current, &pending)
            .map_err(|e| OutputError::Interrupted(Box::new(e)))
    }

    /// The part of the commit that changes the output: the swap of a full
    /// build, or the journal of an incremental one.
    fn apply(&mut self, current: &Manifest, pending: &Path) -> Result<CommitStats, OutputError> {
        let Some(previous) = self.previous.take() else {
            // No manifest may describe the output while it is swapped.
            match fs::remove_file(&self.state.manifest) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error("cannot remove", &self.state.manifest)(e)),
            }
            let old = target::backup(&self.target);
            target::remove_ours(&old)?;
            if self.target.exists() {
                fs::rename(&self.target, &old).map_err(io_error("cannot move aside", &self.target))?;
            }
            fs::rename(&self.dir, &self.target).map_err(io_error("cannot move into place", &self.dir))?;
            fs::rename(pending, &self.state.manifest)
                .map_err(io_error("cannot write", &self.state.manifest))?;
            target::remove_ours(&old)?;
            prune_manifests(&self.state.manifest);
            return Ok(CommitStats {
                written: current.len(),
                ..CommitStats::default()
            });
        };
        let mut staged = std::mem::take(&mut self.staged).into_inner().unwrap_or_default();
        staged.sort_unstable();
        let mut dropped: Vec<&String> = previous
            .keys()
            .filter(|rel| !current.contains_key(*rel))
            .collect();
        dropped.sort_unstable();
        journal::write(&self.state.journal, &staged, &dropped)?;
        let stats = CommitStats {
            written: staged.len(),
            unchanged: current.len() - staged.len(),
            deleted: dropped.len(),
        };
        replay(&self.target, &self.dir, &self.state)?;
        prune_manifests(&self.state.manifest);
        Ok(stats)
    }

    /// Removes the staging folder, leaving the output untouched.
    pub fn discard(self) {
        drop(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A commit killed after its journal was written, with `moved` of the
    /// staged files already moved in.
    fn interrupted(moved: usize) -> (tempfile::TempDir, PathBuf, StatePaths) {
        let dir = tempfile::tempdir().expect("tempdir");
        let (root, target) = (dir.path().to_path_buf(), dir.path().join("public"));
        let staging = target::staging(&target);
        let state = StatePaths::new(&root, &target);
        fs::create_dir_all(target.join("old")).expect("target");
        fs::create_dir_all(staging.join("c")).expect("staging");
        target::mark(&target).expect("mark");
        target::mark(&staging).expect("mark");
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
            let staging = Staging::create(&root, &target, false, false).expect("recover");
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
        let staging = Staging::create(&root, &target, false, false).expect("recover");
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
}
