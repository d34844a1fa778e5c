//! Where a build's files go: one interface for pages, search files,
//! exports and published attachments, so that one mechanism keeps the
//! files whose inputs did not change.
//!
//! Each file may carry a [`Stamp`]: a hash of what it was made from (a
//! page's context, the inputs of an export or a search file). A stage that
//! can compute the stamp before making the file asks [`Sink::keep_if`]
//! first; when the output holds the file, intact, with that stamp, the file
//! is part of this build as it is and is never made.

use std::fs;
use std::path::Path;

use super::{OutputError, Staging, io_error};

pub(crate) use crate::hash::Stamp;

/// Where a build's files go.
pub(crate) trait Sink: Sync {
    /// Writes the file at `path` (`/`-separated, inside the output),
    /// remembering `stamp` with it; returns whether its bytes differ from
    /// the output's.
    fn write(&self, path: &str, bytes: &[u8], stamp: Option<&Stamp>) -> Result<bool, OutputError>;

    /// [`Sink::write`] of bytes the sink may keep rather than copy (a
    /// large file is then held once, not twice, until it is written).
    fn write_owned(&self, path: &str, bytes: Vec<u8>, stamp: Option<&Stamp>) -> Result<bool, OutputError> {
        self.write(path, &bytes, stamp)
    }

    /// Keeps the output's file at `path` when it was written with `stamp`
    /// and is intact; returns whether it was kept (else the caller makes it).
    fn keep_if(&self, path: &str, stamp: &Stamp) -> Result<bool, OutputError>;

    /// Keeps the output's file at `path` as it is; returns its size. An
    /// error when the last build did not write it or it was changed since.
    fn keep(&self, path: &str) -> Result<u64, OutputError>;

    /// The stamp the output's file at `path` was written with.
    fn stamp(&self, path: &str) -> Option<Stamp>;

    /// The output's bytes at `path`, when they are exactly what the last
    /// build wrote (size and hash).
    fn previous(&self, path: &str) -> Option<Vec<u8>>;

    /// Whether the output's file at `path` is the one the last build wrote,
    /// as far as its size tells.
    fn intact(&self, path: &str) -> bool;

    /// The output's bytes at `path` whatever the last build's manifest says,
    /// even for a `--clean` build: for a record of what was published (the
    /// harvest record), which is history, not a cache.
    fn history(&self, _path: &str) -> Option<Vec<u8>> {
        None
    }

    /// Publishes the file at `source` (an attachment) at `path`.
    fn copy(&self, path: &str, source: &Path) -> Result<(), OutputError> {
        let bytes = fs::read(source).map_err(io_error("cannot read", source))?;
        self.write_owned(path, bytes, None).map(drop)
    }

    /// Whether files are kept at all: when not (a check), no stamp is worth
    /// computing.
    fn keeps_files(&self) -> bool {
        true
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8], stamp: Option<&Stamp>) -> Result<bool, OutputError> {
        self.write_entry(path, std::borrow::Cow::Borrowed(bytes), stamp.copied())
    }

    fn write_owned(&self, path: &str, bytes: Vec<u8>, stamp: Option<&Stamp>) -> Result<bool, OutputError> {
        self.write_entry(path, std::borrow::Cow::Owned(bytes), stamp.copied())
    }

    fn keep_if(&self, path: &str, stamp: &Stamp) -> Result<bool, OutputError> {
        match self.previous_entry(path) {
            Some(entry) if entry.context == Some(*stamp) => {
                self.record(path, entry)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn keep(&self, path: &str) -> Result<u64, OutputError> {
        let entry = self
            .previous_entry(path)
            .ok_or_else(|| OutputError::Lost(path.into()))?;
        self.record(path, entry)?;
        Ok(entry.size)
    }

    fn stamp(&self, path: &str) -> Option<Stamp> {
        self.previous_entry(path)?.context
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        self.previous_bytes(path)
    }

    fn intact(&self, path: &str) -> bool {
        self.previous_entry(path).is_some()
    }

    fn history(&self, path: &str) -> Option<Vec<u8>> {
        self.history_bytes(path)
    }
}

/// A sink that keeps nothing: `check` renders every page into it, so that
/// template errors are found, and writes nothing.
pub(crate) struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8], _: Option<&Stamp>) -> Result<bool, OutputError> {
        Ok(true)
    }

    fn keep_if(&self, _: &str, _: &Stamp) -> Result<bool, OutputError> {
        Ok(false)
    }

    fn keep(&self, path: &str) -> Result<u64, OutputError> {
        Err(OutputError::Lost(path.into()))
    }

    fn stamp(&self, _: &str) -> Option<Stamp> {
        None
    }

    fn previous(&self, _: &str) -> Option<Vec<u8>> {
        None
    }

    fn intact(&self, _: &str) -> bool {
        false
    }

    fn copy(&self, _: &str, _: &Path) -> Result<(), OutputError> {
        Ok(())
    }

    fn keeps_files(&self) -> bool {
        false
    }
}
