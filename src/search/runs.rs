//! The index merged in bounded memory, for catalogues whose postings
//! outgrow [`budget`] (a province's portal: a million documents hold some
//! 4 GB of them while they are merged).
//!
//! Past the budget, each partition's postings are written to a run file
//! under `.gongkai/index-runs/` and the partitions start again empty.
//! Documents are merged in id order, so the lists a term gathered in
//! successive runs follow each other: at the end each partition's runs are
//! read back in order and joined, one partition at a time; its lists are
//! encoded and appended to one file of lists, and the shards are made
//! from that file, a shard at a time. The index is byte for byte the one
//! the merge in memory gives (`tests/search.rs`). The folder is
//! removed when the index is written, or when the build fails.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::dictionary::{encode_shard, shard_count, shard_of};
use super::merge::{Accumulator, Partition};
use super::{Counted, SearchError, ShardSize, Term, postings};
use crate::output::{OutputError, Sink};

/// The folder of the runs, inside the site's state folder.
pub(crate) const DIR: &str = "index-runs";

/// Bytes of postings merged in memory before they are written to a run
/// (`crate::memory`; 1 GB by default, which a site of 150,000 documents
/// stays within).
pub(super) fn budget() -> usize {
    crate::memory::Budgets::from_env().index
}

fn io_error<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> SearchError + 'a {
    move |source| {
        SearchError::Output(OutputError::Io {
            path: path.to_path_buf(),
            action,
            source,
        })
    }
}

/// The runs written so far.
pub(super) struct Runs {
    dir: PathBuf,
    count: usize,
    budget: usize,
}

impl Runs {
    /// An empty folder of runs at `dir` (what a killed build left there is
    /// removed first).
    pub(super) fn create(dir: &Path, budget: usize) -> Result<Runs, SearchError> {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(io_error("cannot remove", dir))?;
        }
        fs::create_dir_all(dir).map_err(io_error("cannot create", dir))?;
        Ok(Runs {
            dir: dir.to_path_buf(),
            count: 0,
            budget,
        })
    }

    /// How many runs were written.
    pub(super) fn count(&self) -> usize {
        self.count
    }

    fn path(&self, run: usize, partition: usize) -> PathBuf {
        self.dir.join(format!("{run}-{partition}.run"))
    }

    /// Writes every partition's postings to a new run and empties them.
    pub(super) fn write(&mut self, partitions: &mut [Partition]) -> Result<(), SearchError> {
        let run = self.count;
        partitions
            .par_iter_mut()
            .enumerate()
            .try_for_each(|(p, partition)| {
                let terms = std::mem::take(partition).into_terms();
                let path = self.path(run, p);
                let file = File::create(&path).map_err(io_error("cannot create", &path))?;
                let mut writer = BufWriter::with_capacity(1 << 20, file);
                let mut record = Vec::new();
                for (term, acc) in terms {
                    record.clear();
                    encode_record(&mut record, &term, &acc);
                    writer
                        .write_all(&record)
                        .map_err(io_error("cannot write", &path))?;
                }
                writer.flush().map_err(io_error("cannot write", &path))
            })?;
        self.count += 1;
        Ok(())
    }

    /// Joins the runs and what `partitions` still hold, encodes every
    /// term's list (`encode`) and writes the shards: the number of terms
    /// and each shard's size.
    pub(super) fn finish<S: Sink>(
        self,
        partitions: Vec<Partition>,
        encode: impl Fn(&Accumulator) -> Vec<u8> + Sync,
        out: &Counted<'_, S>,
    ) -> Result<(usize, Vec<ShardSize>), SearchError> {
        let lists_path = self.dir.join("lists.bin");
        let file = File::create(&lists_path).map_err(io_error("cannot create", &lists_path))?;
        let mut lists = BufWriter::with_capacity(1 << 20, file);
        let mut offset = 0u64;
        // Each term with its document frequency and where its list is.
        let mut entries: Vec<(Term, u32, u64, u32)> = Vec::new();
        for (p, partition) in partitions.into_iter().enumerate() {
            // A partition too large to join at once within the budget is
            // joined in groups of its terms, reading its runs once per group.
            let on_disk: u64 = (0..self.count)
                .map(|run| fs::metadata(self.path(run, p)).map_or(0, |m| m.len()))
                .sum();
            let groups = (on_disk as usize + partition.held) / (self.budget / 2).max(1) + 1;
            let mut tail: Vec<Vec<(Term, Accumulator)>> = (0..groups).map(|_| Vec::new()).collect();
            for (term, acc) in partition.into_terms() {
                tail[group_of(&term, groups)].push((term, acc));
            }
            for (group, tail) in tail.into_iter().enumerate() {
                let mut merged: FxHashMap<Term, Accumulator> = FxHashMap::default();
                let mut join = |term: Term, acc: Accumulator| match merged.get_mut(&term) {
                    Some(held) => held.append(acc),
                    None => {
                        merged.insert(term, acc);
                    }
                };
                for run in 0..self.count {
                    let path = self.path(run, p);
                    let bytes = fs::read(&path).map_err(io_error("cannot read", &path))?;
                    let mut pos = 0;
                    while pos < bytes.len() {
                        let (term, acc) = decode_record(&bytes, &mut pos).ok_or_else(|| {
                            io_error("cannot read", &path)(std::io::Error::other("truncated run"))
                        })?;
                        if group_of(&term, groups) == group {
                            join(term, acc);
                        }
                    }
                }
                for (term, acc) in tail {
                    join(term, acc);
                }
                let terms: Vec<(Term, Accumulator)> = merged.into_iter().collect();
                let encoded: Vec<(Term, u32, Vec<u8>)> = terms
                    .into_par_iter()
                    .map(|(term, acc)| {
                        let blob = encode(&acc);
                        (term, acc.df, blob)
                    })
                    .collect();
                for (term, df, blob) in encoded {
                    lists
                        .write_all(&blob)
                        .map_err(io_error("cannot write", &lists_path))?;
                    entries.push((term, df, offset, blob.len() as u32));
                    offset += blob.len() as u64;
                }
            }
            for run in 0..self.count {
                let path = self.path(run, p);
                fs::remove_file(&path).map_err(io_error("cannot remove", &path))?;
            }
        }
        lists.flush().map_err(io_error("cannot write", &lists_path))?;
        drop(lists);
        entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));

        let lists = File::open(&lists_path).map_err(io_error("cannot read", &lists_path))?;
        let shards = shard_count(entries.len());
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); shards];
        for (i, (term, ..)) in entries.iter().enumerate() {
            members[shard_of(term, shards)].push(i);
        }
        let sizes = members
            .par_iter()
            .enumerate()
            .map(|(shard, members)| {
                let blobs = members
                    .iter()
                    .map(|&i| read_at(&lists, entries[i].2, entries[i].3 as usize))
                    .collect::<std::io::Result<Vec<Vec<u8>>>>()
                    .map_err(io_error("cannot read", &lists_path))?;
                let files = encode_shard(
                    members
                        .iter()
                        .zip(&blobs)
                        .map(|(&i, blob)| (entries[i].0.as_str(), entries[i].1, blob.as_slice())),
                );
                let packs = files.packs.len() as u32;
                out.write_shard(shard, files)?;
                Ok(ShardSize {
                    terms: members.len() as u32,
                    packs,
                })
            })
            .collect::<Result<_, SearchError>>()?;
        Ok((entries.len(), sizes))
    }
}

impl Drop for Runs {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Which of `groups` joins `term`.
fn group_of(term: &str, groups: usize) -> usize {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(term.as_bytes());
    (hasher.finish() % groups as u64) as usize
}

/// A term and its postings as a run holds them: the term's length and
/// bytes, whether it holds ids alone, its document frequency, its last id,
/// its postings' length and bytes (lengths and numbers as varints).
fn encode_record(out: &mut Vec<u8>, term: &str, acc: &Accumulator) {
    postings::put_varint(out, term.len() as u32);
    out.extend_from_slice(term.as_bytes());
    out.push(u8::from(acc.presence));
    postings::put_varint(out, acc.df);
    postings::put_varint(out, acc.last);
    postings::put_varint(out, acc.bytes.len() as u32);
    out.extend_from_slice(&acc.bytes);
}

/// The record at `*pos`, advancing it; None when it is cut short.
fn decode_record(bytes: &[u8], pos: &mut usize) -> Option<(Term, Accumulator)> {
    fn slice<'a>(bytes: &'a [u8], pos: &mut usize, len: usize) -> Option<&'a [u8]> {
        let s = bytes.get(*pos..pos.checked_add(len)?)?;
        *pos += len;
        Some(s)
    }
    let len = postings::get_varint(bytes, pos)? as usize;
    let term = Term::from(std::str::from_utf8(slice(bytes, pos, len)?).ok()?);
    let presence = slice(bytes, pos, 1)?[0] != 0;
    let df = postings::get_varint(bytes, pos)?;
    let last = postings::get_varint(bytes, pos)?;
    let len = postings::get_varint(bytes, pos)? as usize;
    let list = slice(bytes, pos, len)?.to_vec();
    Some((
        term,
        Accumulator {
            bytes: list,
            last,
            df,
            presence,
        },
    ))
}

/// `len` bytes of `file` from `offset`, read by several threads at once.
fn read_at(file: &File, offset: u64, len: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0; len];
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, &mut buf, offset)?;
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < len {
            let n = std::os::windows::fs::FileExt::seek_read(file, &mut buf[done..], offset + done as u64)?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written() {
        let mut acc = Accumulator::default();
        acc.push(3, 1, 2);
        acc.push(300, 0, 7);
        let mut bytes = Vec::new();
        encode_record(&mut bytes, "公开", &acc);
        encode_record(&mut bytes, "x", &Accumulator::default());
        let mut pos = 0;
        let (term, back) = decode_record(&bytes, &mut pos).expect("first");
        assert_eq!(
            (term.as_str(), back.df, back.last, &back.bytes),
            ("公开", 2, 300, &acc.bytes)
        );
        let (term, back) = decode_record(&bytes, &mut pos).expect("second");
        assert_eq!((term.as_str(), back.df), ("x", 0));
        assert_eq!(pos, bytes.len());
        assert!(decode_record(&bytes[..bytes.len() - 1], &mut 0).is_some());
        assert!(decode_record(&bytes[..5], &mut 0).is_none(), "cut short");
    }

    #[test]
    fn lists_gathered_apart_join_into_the_list_gathered_at_once() {
        let postings = [(2, 0, 1), (5, 1, 3), (9, 0, 2), (200, 2, 2), (201, 0, 1)];
        let mut whole = Accumulator::default();
        for &(id, t, a) in &postings {
            whole.push(id, t, a);
        }
        for cut in 0..=postings.len() {
            let (mut first, mut second) = (Accumulator::default(), Accumulator::default());
            for &(id, t, a) in &postings[..cut] {
                first.push(id, t, a);
            }
            for &(id, t, a) in &postings[cut..] {
                second.push(id, t, a);
            }
            first.append(second);
            assert_eq!(
                (first.bytes.as_slice(), first.df, first.last),
                (whole.bytes.as_slice(), 5, 201)
            );
        }
    }
}
