//! The output as the last commit left it, seen without building: what lets
//! a build whose inputs did not change leave the output as it is.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::{Sealed, StatePaths};
use super::target;

/// The last commit into an output folder.
#[derive(Debug)]
pub(crate) struct Committed {
    /// The folder written (a link to a folder followed, as a build does).
    pub(crate) target: PathBuf,
    /// Where the build that committed it recorded its inputs.
    pub(crate) inputs: PathBuf,
    /// Its manifest.
    manifest: Sealed,
    /// Its journal, there while the commit is unfinished.
    journal: PathBuf,
}

impl Committed {
    /// The last commit of the site in `root` into `target`, whatever became
    /// of the files since. None when there was none, or its manifest is
    /// damaged.
    pub(crate) fn last(root: &Path, target: &Path) -> Option<Committed> {
        let target = target::resolve(root, target, false).ok()?;
        let state = StatePaths::new(root, &target);
        Some(Committed {
            manifest: Sealed::read(&state.manifest)?,
            inputs: state.inputs(),
            journal: state.journal,
            target,
        })
    }

    /// The hash that ends its manifest: it tells one commit from another.
    pub(crate) fn manifest_hash(&self) -> [u8; 32] {
        self.manifest.hash
    }

    /// Whether the output is still what the commit left: the commit
    /// finished (no journal), the folder gongkai's, and every file the
    /// manifest lists there with its size (a build would write a file
    /// deleted or truncated by hand again, so this is what a build would
    /// leave as it is).
    pub(crate) fn intact(&self) -> bool {
        if self.journal.exists() || !target::is_ours(&self.target) {
            return false;
        }
        let Some(files) = self.manifest.files() else {
            return false;
        };
        files.par_iter().all(|(rel, entry)| {
            fs::metadata(self.target.join(rel)).is_ok_and(|m| m.is_file() && m.len() == entry.size)
        })
    }
}
