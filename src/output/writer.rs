//! The writer thread: every file a build creates is written by one thread.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use super::OutputError;

/// Files to create go to one thread. Creating files in one folder takes the
/// folder's lock in the kernel, so threads creating files side by side spend
/// their time waiting for each other; one writer leaves the other cores to
/// rendering and indexing. The first error is kept and returned by
/// [`Writer::finish`].
#[derive(Debug)]
pub(super) struct Writer {
    sender: Option<SyncSender<(PathBuf, Vec<u8>)>>,
    thread: Option<JoinHandle<Result<(), OutputError>>>,
}

/// Files waiting for the writer: enough to smooth out bursts, few enough to
/// bound memory (pages are tens of kilobytes).
pub(super) const WRITE_QUEUE: usize = 256;

impl Writer {
    pub(super) fn start() -> io::Result<Writer> {
        let (sender, receiver) = sync_channel(WRITE_QUEUE);
        let thread = std::thread::Builder::new()
            .name("gongkai-writer".into())
            .spawn(move || Writer::run(&receiver))?;
        Ok(Writer {
            sender: Some(sender),
            thread: Some(thread),
        })
    }

    fn run(receiver: &Receiver<(PathBuf, Vec<u8>)>) -> Result<(), OutputError> {
        let mut folders: HashSet<PathBuf> = HashSet::new();
        let mut failed = None;
        for (path, bytes) in receiver {
            if failed.is_some() {
                continue;
            }
            if let Some(parent) = path.parent()
                && !folders.contains(parent)
            {
                if let Err(source) = fs::create_dir_all(parent) {
                    failed = Some(OutputError::Io {
                        action: "cannot create",
                        path: parent.to_path_buf(),
                        source,
                    });
                    continue;
                }
                folders.insert(parent.to_path_buf());
            }
            // The test seam for a full disk (debug builds only).
            let written = if crate::diagnostic::panics::armed("write", &path) {
                Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device",
                ))
            } else {
                fs::write(&path, &bytes)
            };
            if let Err(source) = written {
                failed = Some(OutputError::Io {
                    action: "cannot write",
                    path,
                    source,
                });
            }
        }
        failed.map_or(Ok(()), Err)
    }

    pub(super) fn send(&self, path: PathBuf, bytes: Vec<u8>) -> io::Result<()> {
        let sender = self
            .sender
            .as_ref()
            .ok_or_else(|| io::Error::other("the writer is closed"))?;
        sender
            .send((path, bytes))
            .map_err(|_| io::Error::other("the writer thread stopped"))
    }

    /// Waits for every queued file to be written; the first failure, if
    /// any, names its file.
    pub(super) fn finish(&mut self) -> Result<(), OutputError> {
        self.sender = None;
        match self.thread.take().map(JoinHandle::join) {
            None => Ok(()),
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(OutputError::Io {
                action: "cannot write the output",
                path: PathBuf::new(),
                source: io::Error::other("the writer thread panicked"),
            }),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}
