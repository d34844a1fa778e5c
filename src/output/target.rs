//! The output folder and the folders gongkai keeps beside it: which folder
//! a build may write, and the rule that it only ever creates, replaces or
//! deletes what gongkai itself created.
//!
//! A folder gongkai made holds [`MARKER`]. A build refuses an output that
//! is a file, that lies in the site's sources, or that is a non-empty
//! folder gongkai did not make (unless `--force`); it never deletes a
//! folder without the marker. The staging and backup folders and the
//! output's lock have names no person would pick (`.public.gongkai-staging`
//! beside `public`). An output that is a symbolic link is built into the
//! folder it points to; the link stays.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::{OutputError, io_error};
use crate::site::STATE_DIR;

/// The file that marks a folder as made by gongkai (in the output, the
/// staging folder and the backup).
pub(crate) const MARKER: &str = ".gongkai-output";

/// What the marker file says.
const MARKER_TEXT: &str = "This folder is written by gongkai; a build replaces what is in it.\n";

/// A folder beside the output: `.<name>.gongkai-<what>`.
fn beside(target: &Path, what: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".gongkai-");
    name.push(what);
    target.with_file_name(name)
}

/// Where a build stages the output.
pub(crate) fn staging(target: &Path) -> PathBuf {
    beside(target, "staging")
}

/// Where the previous output waits while a new one is swapped in.
pub(crate) fn backup(target: &Path) -> PathBuf {
    beside(target, "old")
}

/// Whether gongkai made `dir`.
pub(crate) fn is_ours(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
}

/// Marks `dir` as made by gongkai.
pub(crate) fn mark(dir: &Path) -> Result<(), OutputError> {
    let marker = dir.join(MARKER);
    fs::write(&marker, MARKER_TEXT).map_err(io_error("cannot write", &marker))
}

/// Removes `dir` if it exists and gongkai made it (or it is empty); a
/// folder without the marker is left and reported.
pub(crate) fn remove_ours(dir: &Path) -> Result<(), OutputError> {
    if fs::symlink_metadata(dir).is_err() {
        return Ok(());
    }
    let empty = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none());
    if (!is_ours(dir) && !empty) || dir.is_symlink() {
        return Err(OutputError::NotOurs(dir.to_path_buf()));
    }
    fs::remove_dir_all(dir).map_err(io_error("cannot remove", dir))
}

/// The folder a build of the site in `root` writes for `target`: the
/// target itself, or the folder it links to. Refuses the site folder and
/// its sources, a file, a dangling link, and (unless `force`) a non-empty
/// folder that gongkai did not make and that this site never built into.
pub(crate) fn resolve(root: &Path, target: &Path, force: bool) -> Result<PathBuf, OutputError> {
    let forbidden = |why: &'static str| OutputError::Forbidden(target.to_path_buf(), why);
    let target = match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => match fs::metadata(target) {
            Ok(to) if to.is_dir() => target
                .canonicalize()
                .map_err(io_error("cannot resolve", target))?,
            Ok(_) => return Err(forbidden("it is a link to a file, not a folder")),
            Err(_) => return Err(forbidden("it is a link to nothing")),
        },
        Ok(meta) if !meta.is_dir() => return Err(forbidden("it is a file, not a folder")),
        _ => target.to_path_buf(),
    };
    check_sources(root, &target)?;
    if target.is_dir() && !is_ours(&target) && !force && !built_before(root, &target) {
        let empty = fs::read_dir(&target)
            .map_err(io_error("cannot read", &target))?
            .next()
            .is_none();
        if !empty {
            return Err(OutputError::NotOurs(target));
        }
    }
    Ok(target)
}

/// Whether this site built into `target` before gongkai marked its
/// outputs (its manifest for that folder is there).
fn built_before(root: &Path, target: &Path) -> bool {
    super::manifest::StatePaths::new(root, target).manifest.exists()
}

/// Rejects an output folder that is the site itself or holds its sources.
fn check_sources(root: &Path, target: &Path) -> Result<(), OutputError> {
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
    for source in [crate::site::CONTENT_DIR, crate::site::THEMES_DIR, STATE_DIR] {
        if resolved.starts_with(root.join(source)) {
            return Err(OutputError::Forbidden(
                target.to_path_buf(),
                "it lies inside content/, themes/ or .gongkai/",
            ));
        }
    }
    Ok(())
}

/// An exclusive lock on one output folder, whichever site builds into it
/// (two checkouts of one site, say); released when dropped.
#[derive(Debug)]
pub(crate) struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Takes the lock of `target`, failing at once if another build holds it.
    pub(crate) fn acquire(target: &Path) -> Result<OutputLock, OutputError> {
        Ok(OutputLock {
            _file: super::lock::lock(&beside(target, "lock"))?,
        })
    }
}
