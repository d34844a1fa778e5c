//! The files of a folder with their sizes and hashes, read in parallel:
//! what a deploy compares. Hidden files (the output's `.gongkai-output`
//! marker, a target's state file) are not the site's.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// A file's size and content hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sum {
    /// Bytes.
    pub size: u64,
    /// blake3, cut to 128 bits.
    pub hash: [u8; 16],
}

impl Sum {
    /// The sum of `bytes`.
    pub fn of(bytes: &[u8]) -> Sum {
        Sum {
            size: bytes.len() as u64,
            hash: crate::hash::hash16(bytes),
        }
    }
}

/// Every file under `dir` (paths with `/`, relative to it) with its sum.
pub(super) fn sums(dir: &Path) -> std::io::Result<BTreeMap<String, Sum>> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() {
            paths.push(entry.into_path());
        }
    }
    paths
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path)?;
            let rel = path
                .strip_prefix(dir)
                .map_err(std::io::Error::other)?
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            Ok((rel, Sum::of(&bytes)))
        })
        .collect()
}
