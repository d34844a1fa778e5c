//! A bucket target: S3-compatible object storage (阿里云 OSS, 腾讯云 COS,
//! 华为云 OBS, MinIO) serving the site, usually behind a CDN.
//!
//! What is there comes from the bucket's listing and `.gongkai-deploy`
//! under the prefix: the record of what deploys put there (each key's
//! size, content hash and MD5; gzipped JSON). An object is not sent again
//! when the listing shows it with the size, and the ETag (where the
//! service gives one that is an MD5), that the record holds for the
//! output's bytes; an object the record does not know is compared by its
//! ETag with the file's MD5. Nothing is downloaded to compare.
//!
//! Only keys the record lists are ever deleted, so objects someone else
//! put beside the site stay (and are reported). The record is written
//! before the uploads, with the keys about to be uploaded marked unknown,
//! and after the deletions as what is there: an interrupted deploy leaves
//! every key it may have touched recorded and unverified, and the next
//! deploy finishes it.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use md5::Digest;
use rayon::prelude::*;

use super::s3::{Client, Error};
use super::{Plan, Sum};
use crate::output::mime;

/// The record's name under the prefix.
pub const RECORD: &str = ".gongkai-deploy";

/// What the record knows of a key: what a deploy uploaded there, or
/// `None` while an upload may have been under way.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Entry {
    size: u64,
    /// The content hash of [`Sum`], in hex.
    hash: String,
    /// The MD5 of the bytes, in hex: what an ETag shows.
    md5: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Record<'a> {
    format: u32,
    files: std::borrow::Cow<'a, BTreeMap<String, Option<Entry>>>,
}

/// What a bucket holds, as far as a deploy is concerned.
pub struct Remote {
    client: Client,
    /// Path → sum of what is there: the output file's sum where the object
    /// holds the same bytes, another sum where it differs; paths only a
    /// deploy put there are included, for deletion.
    pub files: BTreeMap<String, Sum>,
    /// The record as read.
    record: BTreeMap<String, Option<Entry>>,
    /// The entries of the objects found unchanged.
    unchanged: BTreeMap<String, Entry>,
    /// Objects under the prefix no deploy put there, left alone.
    pub foreign: Vec<String>,
}

/// How a listed object compares with the output.
enum Found {
    Same(Entry),
    Differs,
    Ours,
    Foreign,
}

impl Remote {
    /// Lists the bucket and compares it with the output's `files` (in the
    /// folder `output`).
    pub fn read(client: Client, output: &Path, files: &BTreeMap<String, Sum>) -> Result<Remote, Error> {
        let record = match client.get(RECORD)? {
            Some(bytes) => {
                let mut json = Vec::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut json)
                    .map_err(|e| Error::Garbled(format!("{RECORD}: {e}")))?;
                serde_json::from_slice::<Record<'_>>(&json)
                    .map_err(|e| Error::Garbled(format!("{RECORD}: {e}")))?
                    .files
                    .into_owned()
            }
            None => BTreeMap::new(),
        };
        let listed: Vec<_> = client.list()?.into_iter().filter(|o| o.path != RECORD).collect();
        let found: Vec<Found> = listed
            .par_iter()
            .map(|object| {
                let Some(sum) = files.get(&object.path) else {
                    return if record.contains_key(&object.path) {
                        Found::Ours
                    } else {
                        Found::Foreign
                    };
                };
                let entry = record.get(&object.path).and_then(Option::as_ref);
                let md5 = || {
                    std::fs::read(output.join(&object.path))
                        .ok()
                        .map(|b| hex(&md5::Md5::digest(&b)))
                };
                match compare(object.size, &object.etag, sum, entry, md5) {
                    Some(entry) => Found::Same(entry),
                    None => Found::Differs,
                }
            })
            .collect();
        let mut there = BTreeMap::new();
        let mut unchanged = BTreeMap::new();
        let mut foreign = Vec::new();
        for (object, found) in listed.into_iter().zip(found) {
            match found {
                Found::Same(entry) => {
                    there.insert(object.path.clone(), files[&object.path]);
                    unchanged.insert(object.path, entry);
                }
                Found::Differs | Found::Ours => {
                    let mut seed = object.etag.into_bytes();
                    seed.extend_from_slice(b"listed");
                    there.insert(
                        object.path,
                        Sum {
                            size: object.size,
                            hash: crate::hash::hash16(&seed),
                        },
                    );
                }
                Found::Foreign => foreign.push(object.path),
            }
        }
        Ok(Remote {
            client,
            files: there,
            record,
            unchanged,
            foreign,
        })
    }

    /// Applies `plan` from the folder `output`: records the keys about to
    /// be put there as unknown, uploads in order (`parallel` at a time
    /// within each step: assets, pages, the search manifest, the home
    /// page), deletes, and records what is there.
    pub fn apply(
        &self,
        output: &Path,
        plan: &Plan,
        files: &BTreeMap<String, Sum>,
        parallel: usize,
    ) -> Result<(), Error> {
        let mut intent = self.record.clone();
        for path in &plan.uploads {
            intent.insert(path.clone(), None);
        }
        if intent != self.record {
            self.write_record(&intent)?;
        }
        let uploaded = Mutex::new(BTreeMap::new());
        let mut start = 0;
        while start < plan.uploads.len() {
            let step = super::rank(&plan.uploads[start]);
            let end = plan.uploads[start..]
                .iter()
                .position(|p| super::rank(p) != step)
                .map_or(plan.uploads.len(), |n| start + n);
            self.upload(output, &plan.uploads[start..end], parallel, &uploaded)?;
            start = end;
        }
        if !plan.deletions.is_empty() {
            self.client.delete(&plan.deletions)?;
        }
        let uploaded = uploaded.into_inner().unwrap_or_else(|p| p.into_inner());
        let now: BTreeMap<String, Option<Entry>> = files
            .iter()
            .map(|(path, sum)| {
                let entry = uploaded
                    .get(path)
                    .map(|md5: &String| Entry {
                        size: sum.size,
                        hash: hex(&sum.hash),
                        md5: md5.clone(),
                    })
                    .or_else(|| self.unchanged.get(path).cloned());
                (path.clone(), entry)
            })
            .collect();
        if now != self.record {
            self.write_record(&now)?;
        }
        Ok(())
    }

    /// Uploads `paths`, `parallel` at a time, noting each one's MD5 in
    /// `uploaded`; stops at the first failure.
    fn upload(
        &self,
        output: &Path,
        paths: &[String],
        parallel: usize,
        uploaded: &Mutex<BTreeMap<String, String>>,
    ) -> Result<(), Error> {
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let first_error: Mutex<Option<Error>> = Mutex::new(None);
        std::thread::scope(|scope| {
            for _ in 0..parallel.clamp(1, paths.len().max(1)) {
                scope.spawn(|| {
                    while !failed.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        // Test seam: the process dies here, as a killed deploy would.
                        if crate::diagnostic::panics::armed("deploy", Path::new(path)) {
                            std::process::abort();
                        }
                        let sent = std::fs::read(output.join(path))
                            .map_err(|e| Error::Local(format!("{path}: {e}")))
                            .and_then(|bytes| {
                                self.client
                                    .put(path, &bytes, mime::content_type(path), mime::cache_control(path))
                                    .map(|()| hex(&md5::Md5::digest(&bytes)))
                            });
                        match sent {
                            Ok(md5) => {
                                uploaded
                                    .lock()
                                    .unwrap_or_else(|p| p.into_inner())
                                    .insert(path.clone(), md5);
                            }
                            Err(e) => {
                                failed.store(true, Ordering::Relaxed);
                                let mut slot = first_error.lock().unwrap_or_else(|p| p.into_inner());
                                slot.get_or_insert(e);
                            }
                        }
                    }
                });
            }
        });
        match first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn write_record(&self, files: &BTreeMap<String, Option<Entry>>) -> Result<(), Error> {
        let record = Record {
            format: 1,
            files: std::borrow::Cow::Borrowed(files),
        };
        let json = serde_json::to_vec(&record).map_err(|e| Error::Local(e.to_string()))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&json)
            .and_then(|()| gz.finish())
            .map_err(|e| Error::Local(e.to_string()))
            .and_then(|bytes| self.client.put(RECORD, &bytes, "application/gzip", "no-store"))
    }
}

/// Whether an object listed with `size` and `etag` holds the output's file
/// of `sum`: by the record's `entry` (what a deploy put there) when the
/// listing agrees with it, else by the ETag against the file's MD5 (read
/// only then). The entry to record for it if it does.
fn compare(
    size: u64,
    etag: &str,
    sum: &Sum,
    entry: Option<&Entry>,
    md5_of_file: impl FnOnce() -> Option<String>,
) -> Option<Entry> {
    if size != sum.size {
        return None;
    }
    // An ETag is the MD5 of the bytes for an object put in one piece;
    // others (multipart, some encryption) say nothing about the bytes.
    let etag = Some(etag).filter(|e| e.len() == 32 && e.bytes().all(|b| b.is_ascii_hexdigit()));
    let hash = hex(&sum.hash);
    if let Some(entry) = entry
        && entry.size == size
        && entry.hash == hash
        && etag.is_none_or(|e| e == entry.md5)
    {
        return Some(entry.clone());
    }
    let etag = etag?;
    (md5_of_file()? == etag).then(|| Entry {
        size,
        hash,
        md5: etag.to_owned(),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_is_kept_when_the_record_or_its_etag_vouches_for_its_bytes() {
        let bytes = b"<html></html>";
        let sum = Sum::of(bytes);
        let md5 = hex(&md5::Md5::digest(bytes));
        let size = bytes.len() as u64;
        let entry = Entry {
            size,
            hash: hex(&sum.hash),
            md5: md5.clone(),
        };
        let unread = || -> Option<String> { panic!("the file need not be read") };
        // The record knows it; the listing has no ETag (or the same one).
        assert_eq!(compare(size, "", &sum, Some(&entry), unread), Some(entry.clone()));
        assert_eq!(
            compare(size, &md5, &sum, Some(&entry), unread),
            Some(entry.clone())
        );
        // Someone replaced it with other bytes of the same size.
        let other = hex(&md5::Md5::digest(b"<p>other</p>!"));
        assert_eq!(
            compare(size, &other, &sum, Some(&entry), || Some(md5.clone())),
            None
        );
        // Not in the record (put there by another tool): its ETag decides.
        assert_eq!(
            compare(size, &md5, &sum, None, || Some(md5.clone())),
            Some(entry.clone())
        );
        assert_eq!(compare(size, &other, &sum, None, || Some(md5.clone())), None);
        // No record and no usable ETag (multipart): sent again.
        assert_eq!(compare(size, "", &sum, None, unread), None);
        assert_eq!(compare(size, "0123-2", &sum, None, unread), None);
        // Another size: sent again, whatever the record says.
        assert_eq!(compare(size + 1, &md5, &sum, Some(&entry), unread), None);
        // The record's entry is for other bytes of the output.
        let newer = Sum::of(b"<html>new!!!!");
        assert_eq!(compare(size, "", &newer, Some(&entry), unread), None);
    }
}
