//! The rows of `catalogue.json` and `catalogue.csv` kept from one build
//! to the next: where each document's row lies in the files the last build
//! wrote, with the digest and `modified` date it was made from
//! (`.gongkai/cache/export-rows.bin`).
//!
//! A row is everything the two files say of one document, made from the
//! document's digest (a hash of the row without `digest` and `modified`,
//! and of the body: see [`super::harvest`]) and its `modified` date, by
//! this program for this site.yaml. A document whose digest and date are
//! those recorded gets its rows copied from the output's files instead of
//! made again: a one-document change makes one row of each and copies the
//! others (at a province's 850,000 documents the two files are 1.5 GB).
//!
//! The record is trusted only when it was written by this program for
//! this site.yaml, and the output's two files are those the same build
//! wrote: the output manifest gives them the export stamp the record
//! holds, and [`Sink::previous`] hands them over only when their bytes are
//! those the manifest lists. Otherwise every row is made again.

use std::fs;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::output::{Sink, Stamp};

const FORMAT: &[u8] = b"gongkai export rows 1\0";
const FILE: &str = "export-rows.bin";

/// Where one document's rows lie in the two files, and what they were
/// made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Row {
    digest: [u8; 16],
    /// `modified`, in days since 1970-01-01.
    modified: i32,
    /// Offset and length in catalogue.json (the row as written there,
    /// indented, without the comma and newline between rows).
    json: (u64, u32),
    /// Offset and length in catalogue.csv (the record with its CRLF).
    csv: (u64, u32),
}

impl Row {
    pub(super) fn new(digest: [u8; 16], modified: i32, json: (u64, u32), csv: (u64, u32)) -> Row {
        Row {
            digest,
            modified,
            json,
            csv,
        }
    }
}

/// The record as stored: for whom, for which files, and each 索引号's rows.
#[derive(Serialize, Deserialize)]
struct Stored {
    key: Stamp,
    stamp: Stamp,
    rows: Vec<(String, Row)>,
}

/// The rows of the last build that can be copied, with the files holding
/// them.
#[derive(Default)]
pub(super) struct Previous {
    json: Vec<u8>,
    csv: Vec<u8>,
    rows: FxHashMap<String, Row>,
}

/// What identifies the program and the site.yaml (`text_hash`, see
/// [`crate::site::config::SiteConfig`]) rows are made by.
pub(super) fn key(text_hash: &Stamp) -> Stamp {
    let mut hasher = blake3::Hasher::new();
    hasher.update(FORMAT);
    crate::hash::program_identity(&mut hasher);
    hasher.update(text_hash);
    crate::hash::short(&hasher.finalize())
}

/// The record's path under the site's state folder.
pub(super) fn path(state: &Path) -> PathBuf {
    state.join("cache").join(FILE)
}

impl Previous {
    /// The last build's rows, when the record at `file` and the output's
    /// files in `sink` are as the module describes; else none.
    /// `key` is [`key`] of this build.
    pub(super) fn open(file: Option<&Path>, key: Stamp, sink: &dyn Sink) -> Previous {
        file.and_then(|file| Self::read(file, key, sink))
            .unwrap_or_default()
    }

    fn read(file: &Path, key: Stamp, sink: &dyn Sink) -> Option<Previous> {
        let bytes = fs::read(file).ok()?;
        let stored: Stored = postcard::from_bytes(bytes.strip_prefix(FORMAT)?).ok()?;
        if stored.key != key
            || sink.stamp("catalogue.json") != Some(stored.stamp)
            || sink.stamp("catalogue.csv") != Some(stored.stamp)
        {
            return None;
        }
        let (json, csv) = rayon::join(
            || sink.previous("catalogue.json"),
            || sink.previous("catalogue.csv"),
        );
        let (json, csv) = (json?, csv?);
        let fits = |(at, len): (u64, u32), file: &[u8]| {
            at.checked_add(u64::from(len))
                .is_some_and(|end| end <= file.len() as u64)
        };
        let rows: FxHashMap<String, Row> = stored
            .rows
            .into_iter()
            .filter(|(_, row)| fits(row.json, &json) && fits(row.csv, &csv))
            .collect();
        Some(Previous { json, csv, rows })
    }

    /// The rows of the document numbered `index_number` in (catalogue.json,
    /// catalogue.csv), when the last build made them from this digest and
    /// date.
    pub(super) fn rows(
        &self,
        index_number: &str,
        digest: &[u8; 16],
        modified: i32,
    ) -> Option<(&[u8], &[u8])> {
        let row = self.rows.get(index_number)?;
        if row.digest != *digest || row.modified != modified {
            return None;
        }
        let range = |(at, len): (u64, u32)| -> Option<std::ops::Range<usize>> {
            let at = usize::try_from(at).ok()?;
            Some(at..at.checked_add(len as usize)?)
        };
        Some((self.json.get(range(row.json)?)?, self.csv.get(range(row.csv)?)?))
    }

    /// The sizes of the last build's catalogue.json and catalogue.csv (0
    /// when none can be copied from), about those of this build's.
    pub(super) fn json_len(&self) -> usize {
        self.json.len()
    }

    pub(super) fn csv_len(&self) -> usize {
        self.csv.len()
    }

    /// How many rows can be copied.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }
}

/// Stores this build's rows (`rows`, by 索引号) for the next build, for
/// the files written with export stamp `stamp`. A record that cannot be
/// written only makes the next build make every row: errors are ignored.
pub(super) fn store(file: &Path, key: Stamp, stamp: Stamp, rows: Vec<(String, Row)>) {
    let stored = Stored { key, stamp, rows };
    let Ok(bytes) = postcard::to_extend(&stored, FORMAT.to_vec()) else {
        return;
    };
    let Some(dir) = file.parent() else { return };
    let _ = fs::create_dir_all(dir);
    let pending = file.with_extension(format!("bin.{}.new", std::process::id()));
    if fs::write(&pending, bytes).is_err() || fs::rename(&pending, file).is_err() {
        let _ = fs::remove_file(&pending);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::OutputError;

    /// An output holding `files`, each listed with `stamp`.
    struct Output {
        files: Vec<(&'static str, Vec<u8>)>,
        stamp: Stamp,
    }

    impl Sink for Output {
        fn write(&self, _: &str, _: &[u8], _: Option<&Stamp>) -> Result<bool, OutputError> {
            Ok(true)
        }
        fn keep_if(&self, _: &str, _: &Stamp) -> Result<bool, OutputError> {
            Ok(false)
        }
        fn keep(&self, _: &str) -> Result<u64, OutputError> {
            Ok(0)
        }
        fn stamp(&self, path: &str) -> Option<Stamp> {
            self.files.iter().any(|(p, _)| *p == path).then_some(self.stamp)
        }
        fn previous(&self, path: &str) -> Option<Vec<u8>> {
            self.files
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, b)| b.clone())
        }
        fn intact(&self, path: &str) -> bool {
            self.stamp(path).is_some()
        }
    }

    #[test]
    fn rows_are_copied_only_for_the_same_digest_date_program_and_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = path(dir.path());
        let key = key(&[7; 16]);
        let output = Output {
            files: vec![
                (
                    "catalogue.json",
                    b"[\n    {\"a\": 1},\n    {\"b\": 2}\n]".to_vec(),
                ),
                ("catalogue.csv", b"h\r\na\r\nb\r\n".to_vec()),
            ],
            stamp: [1; 16],
        };
        let rows = vec![
            ("A".to_owned(), Row::new([2; 16], 10, (6, 8), (3, 3))),
            ("B".to_owned(), Row::new([3; 16], 11, (20, 8), (6, 3))),
            // Past the end of the file: never handed out.
            ("C".to_owned(), Row::new([4; 16], 12, (30, 100), (6, 3))),
        ];
        store(&file, key, [1; 16], rows);
        let previous = Previous::open(Some(&file), key, &output);
        assert_eq!(previous.len(), 2);
        assert_eq!(
            previous.rows("A", &[2; 16], 10),
            Some((&b"{\"a\": 1}"[..], &b"a\r\n"[..]))
        );
        assert_eq!(
            previous.rows("B", &[3; 16], 11),
            Some((&b"{\"b\": 2}"[..], &b"b\r\n"[..]))
        );
        assert_eq!(previous.rows("A", &[9; 16], 10), None, "another digest");
        assert_eq!(previous.rows("A", &[2; 16], 11), None, "another date");
        assert_eq!(previous.rows("C", &[4; 16], 12), None);
        assert_eq!(previous.rows("D", &[2; 16], 10), None);

        // Another program or site.yaml, files of another build, a file the
        // output no longer holds as written, a damaged record: nothing.
        assert_eq!(
            Previous::open(Some(&file), super::key(&[8; 16]), &output).len(),
            0
        );
        let other = Output {
            stamp: [5; 16],
            files: output.files.clone(),
        };
        assert_eq!(Previous::open(Some(&file), key, &other).len(), 0);
        let lost = Output {
            stamp: [1; 16],
            files: output.files[..1].to_vec(),
        };
        assert_eq!(Previous::open(Some(&file), key, &lost).len(), 0);
        let bytes = fs::read(&file).expect("record");
        fs::write(&file, &bytes[..bytes.len() - 1]).expect("truncate");
        assert_eq!(Previous::open(Some(&file), key, &output).len(), 0);
        assert_eq!(Previous::open(None, key, &output).len(), 0);
    }
}
