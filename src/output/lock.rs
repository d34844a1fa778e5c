//! Locks: one build (or serve rebuild) at a time per site, taken on
//! `.gongkai/build.lock`, and per output folder (see `OutputLock`);
//! released when dropped.

use std::fs::{self, File};
use std::path::Path;

use super::{OutputError, io_error};
use crate::site::STATE_DIR;

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
        Ok(SiteLock {
            _file: lock(&dir.join("build.lock"))?,
        })
    }
}

/// Opens (creating it) and locks the file at `path`, failing at once if
/// another process holds it.
pub(super) fn lock(path: &Path) -> Result<File, OutputError> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io_error("cannot open", path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(OutputError::Busy(path.to_path_buf())),
        Err(fs::TryLockError::Error(e)) => Err(io_error("cannot lock", path)(e)),
    }
}
