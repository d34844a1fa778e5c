//! The commit's journal: the files to move in from the staging folder and
//! those to delete, written before the output is touched, so that a commit
//! a killed build left half-done is finished (or dropped whole) by the next
//! build.

use std::fs;
use std::io;
use std::path::Path;

use super::manifest::StatePaths;
use super::target;
use super::{OutputError, io_error};

/// The last line of a whole journal. A journal without it was cut short
/// while being written, before any file was moved: it is dropped, with the
/// staged files and the pending manifest, and the output stays as it was.
/// (Nothing is synced to the disk: a commit is safe against a killed
/// process, not against a machine losing power, like every file it writes.)
const JOURNAL_END: &str = "end\n";

/// Writes the journal of a commit: the staged files to move in (`M`), then
/// the files to delete (`D`), each sorted, then [`JOURNAL_END`].
pub(super) fn write(path: &Path, moved: &[String], deleted: &[&String]) -> Result<(), OutputError> {
    let mut journal = String::new();
    for rel in moved {
        journal.push_str(&format!("M {rel}\n"));
    }
    for rel in deleted {
        journal.push_str(&format!("D {rel}\n"));
    }
    journal.push_str(JOURNAL_END);
    fs::write(path, journal.as_bytes()).map_err(io_error("cannot write", path))
}

/// Applies a commit's journal (again, if a killed build left it): moves the
/// staged files in, deletes the dropped ones, installs the new manifest.
/// Every step can be repeated, so a replay after a kill is safe.
pub(super) fn replay(target: &Path, staging: &Path, state: &StatePaths) -> Result<(), OutputError> {
    let journal = fs::read(&state.journal).map_err(io_error("cannot read", &state.journal))?;
    let Some(journal) = String::from_utf8(journal)
        .ok()
        .and_then(|j| j.strip_suffix(JOURNAL_END).map(str::to_owned))
    else {
        let _ = fs::remove_file(state.pending_manifest());
        fs::remove_file(&state.journal).map_err(io_error("cannot remove", &state.journal))?;
        if staging.exists() {
            target::remove_ours(staging)?;
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
        target::remove_ours(staging)?;
    }
    Ok(())
}

/// Finishes a commit a killed build left half-done: a journal is replayed;
/// if the output is missing but its backup exists, the backup is put back
/// (and the manifest, which may describe either, is dropped).
pub(super) fn recover(target: &Path, state: &StatePaths) -> Result<(), OutputError> {
    if state.journal.exists() {
        return replay(target, &target::staging(target), state);
    }
    let old = target::backup(target);
    if target::is_ours(&old) {
        if target.exists() {
            target::remove_ours(&old)?;
        } else {
            fs::rename(&old, target).map_err(io_error("cannot restore", &old))?;
            let _ = fs::remove_file(&state.manifest);
        }
    }
    let _ = fs::remove_file(state.pending_manifest());
    Ok(())
}
