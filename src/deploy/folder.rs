//! A folder target: the web server's root for the site, here or on a
//! mounted share. Each file is written beside its place and renamed over
//! it, so a reader never gets half a file; `.gongkai-deploy` in the folder
//! records what the last deploy left there (path, size, hash), written
//! last: an interrupted deploy leaves the old record, and the next deploy
//! sends again what may not have arrived. Without a record (a first
//! deploy, or a folder that had the site copied in by hand), the files
//! already there are read and compared, and only files a deploy recorded
//! are ever deleted.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use super::{Plan, Sum};

/// The record's file name in the target folder.
pub const STATE_FILE: &str = ".gongkai-deploy";

/// What a target folder holds, as far as deploys know.
#[derive(Debug, Default)]
pub struct State {
    /// Path → sum of every file a deploy left there (or, without a record,
    /// of the output's files already there).
    pub files: BTreeMap<String, Sum>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Record {
    format: u32,
    files: BTreeMap<String, Sum>,
}

impl State {
    /// The state of the folder `dest` for an output of `files`.
    pub fn read(dest: &Path, files: &BTreeMap<String, Sum>) -> io::Result<State> {
        match std::fs::read(dest.join(STATE_FILE)) {
            Ok(bytes) => {
                let record: Record = serde_json::from_slice(&bytes).map_err(io::Error::other)?;
                Ok(State { files: record.files })
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let mut state = State::default();
                if dest.exists() {
                    for path in files.keys() {
                        match std::fs::read(dest.join(path)) {
                            Ok(bytes) => {
                                state.files.insert(path.clone(), Sum::of(&bytes));
                            }
                            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
                Ok(state)
            }
            Err(e) => Err(e),
        }
    }
}

/// Applies `plan` from the output folder `output` to `dest`: uploads in
/// order, then deletions, then the record.
pub fn apply(
    output: &Path,
    dest: &Path,
    plan: &Plan,
    files: &BTreeMap<String, Sum>,
    state: &mut State,
) -> io::Result<()> {
    std::fs::create_dir_all(dest)?;
    for path in &plan.uploads {
        // Test seam: the process dies here, as a killed deploy would.
        if crate::diagnostic::panics::armed("deploy", Path::new(path)) {
            std::process::abort();
        }
        let to = dest.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let temp = to.with_file_name(format!(
            ".{}.gongkai-tmp",
            to.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        match super::copy_source(path, output) {
            // A compressed copy, made from its file (the same file gives
            // the same bytes).
            Some((source, encoding)) => {
                let bytes = std::fs::read(output.join(source))?;
                std::fs::write(&temp, encoding.compress(&bytes)?)?;
            }
            None => {
                std::fs::copy(output.join(path), &temp)?;
            }
        }
        std::fs::rename(&temp, &to).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })?;
        if let Some(sum) = files.get(path) {
            state.files.insert(path.clone(), *sum);
        }
    }
    for path in &plan.deletions {
        let at = dest.join(path);
        match std::fs::remove_file(&at) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        // Folders the deletion emptied go too (a folder still holding
        // anything, the deploy's or a person's, stays).
        let mut parent = at.parent();
        while let Some(dir) = parent.filter(|d| *d != dest) {
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
            parent = dir.parent();
        }
        state.files.remove(path);
    }
    let record = Record {
        format: 1,
        files: state.files.clone(),
    };
    let temp = dest.join(format!("{STATE_FILE}.tmp"));
    std::fs::write(&temp, serde_json::to_vec(&record).map_err(io::Error::other)?)?;
    std::fs::rename(&temp, dest.join(STATE_FILE))
}
