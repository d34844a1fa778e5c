//! The output as the last commit left it, seen without building: what lets
//! a build whose inputs did not change leave the output as it is.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::{Files, StatePaths, read_files};
use super::target;

/// The last commit into an output folder.
#[derive(Debug)]
pub(crate) struct Committed {
    /// The folder written (a link to a folder followed, as a build does).
    pub(crate) target: PathBuf,
    /// The hash that ends its manifest: it tells one commit from another.
    pub(crate) manifest: [u8; 32],
    /// Where the build that committed it recorded its inputs.
    pub(crate) inputs: PathBuf,
}

impl Committed {
    /// The last commit of the site in `root` into `target`, whatever became
    /// of the files since. None when there was none, or its manifest is
    /// damaged.
    pub(crate) fn last(root: &Path, target: &Path) -> Option<Committed> {
        Some(Self::read(root, target)?.0)
    }

    /// The last commit into `target`, when the output is still what it
    /// left: no commit unfinished (its journal), the folder gongkai's, and
    /// every file the manifest lists there with its size (a build would
    /// write a file deleted or truncated by hand again, so this is what a
    /// build would leave as it is).
    pub(crate) fn intact(root: &Path, target: &Path) -> Option<Committed> {
        let (committed, files) = Self::read(root, target)?;
        let state = StatePaths::new(root, &committed.target);
        if state.journal.exists() || !target::is_ours(&committed.target) {
            return None;
        }
        let dir = &committed.target;
        files
            .par_iter()
            .all(|(rel, entry)| {
                fs::metadata(dir.join(rel)).is_ok_and(|m| m.is_file() && m.len() == entry.size)
            })
            .then_some(committed)
    }

    fn read(root: &Path, target: &Path) -> Option<(Committed, Files)> {
        let target = target::resolve(root, target, false).ok()?;
        let state = StatePaths::new(root, &target);
        let (files, manifest) = read_files(&state.manifest)?;
        let committed = Committed {
            inputs: state.inputs(),
            target,
            manifest,
        };
        Some((committed, files))
    }
}
