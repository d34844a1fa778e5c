//! The only module that writes the site: a lock so two builds cannot run at
//! once, a staging folder beside the output, and a swap that replaces the
//! previous output only once everything was written.
//!
//! A failed or killed build leaves the previous output exactly as it was:
//! the staging folder is the only thing touched until the swap, and a swap
//! interrupted half-way is finished (or undone) by the next build.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

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

/// A folder being filled beside the output; becomes the output on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
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
    /// Prepares an empty staging folder for `target`. Call with the site lock
    /// held: leftovers of a killed build are cleaned up here.
    pub fn create(target: &Path) -> Result<Staging, OutputError> {
        recover(target)?;
        let dir = sibling(target, ".staging");
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_error("cannot remove the old staging folder", &dir))?;
        }
        fs::create_dir_all(&dir).map_err(io_error("cannot create", &dir))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// Writes one file, `rel` being a `/`-separated path inside the site.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
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
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }

    /// Copies the file at `source` to `rel` (a `/`-separated path inside the site).
    pub fn copy(&self, rel: &str, source: &Path) -> io::Result<()> {
        let bytes =
            fs::read(source).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", source.display())))?;
        self.write(rel, &bytes)
    }

    /// Replaces the output with the staging folder.
    pub fn commit(self) -> Result<(), OutputError> {
        let old = sibling(&self.target, ".old");
        if self.target.exists() {
            fs::rename(&self.target, &old).map_err(io_error("cannot move aside", &self.target))?;
        }
        fs::rename(&self.dir, &self.target).map_err(io_error("cannot move into place", &self.dir))?;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_error("cannot remove", &old))?;
        }
        Ok(())
    }

    /// Removes the staging folder, leaving the output untouched.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Finishes a swap a killed build left half-done: if the output is missing
/// but its `.old` copy exists, the copy is put back.
fn recover(target: &Path) -> Result<(), OutputError> {
    let old = sibling(target, ".old");
    if old.exists() {
        if target.exists() {
            fs::remove_dir_all(&old).map_err(io_error("cannot remove", &old))?;
        } else {
            fs::rename(&old, target).map_err(io_error("cannot restore", &old))?;
        }
    }
    Ok(())
}
