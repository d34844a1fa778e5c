//! A build whose inputs did not change since the last build into the same
//! output: the output is left as it is and that build's report (its
//! warnings, notes and counts) is given again, without loading the site.
//!
//! The inputs are the program, the build date (it turns 尚未生效 into 有效
//! and dates the deadline warnings), the footer's date, and every entry
//! under the site folder by path, size and modification time (what the
//! parse cache trusts too), but for `.gongkai/`, `.git/` and the folders
//! gongkai writes (outputs and their staging, backup and lock). The output
//! must still be what the last commit left there ([`Committed::intact`]).
//! A portal (its members are read at each build), `--clean`, `--force` and
//! a run with fail points always build.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use super::{BuildOptions, Report};
use crate::catalogue::cache::{FileStamp, FileStamps};
use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::output::{CommitStats, Committed, is_ours};
use crate::search::IndexStats;
use crate::site::STATE_DIR;

/// The first bytes of a record.
const FORMAT: &[u8] = b"gongkai inputs 1\0";

/// A stamp of a build's inputs, and the stamp of each file taken for it
/// (which loading uses instead of asking the file system again).
#[derive(Debug)]
pub(super) struct Inputs {
    hash: [u8; 32],
    pub(super) files: FileStamps,
}

/// What a build reported, kept with its inputs to be given again.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Record {
    /// The stamp of the inputs it was built from.
    inputs: [u8; 32],
    /// The hash of the manifest its commit wrote.
    manifest: [u8; 32],
    documents: usize,
    unpublished: usize,
    pages: usize,
    search: Option<IndexStats>,
    warnings: Vec<Diagnostic>,
    notes: Vec<Text>,
    /// Files in the output.
    files: usize,
}

impl Inputs {
    /// The stamp of what a build of `options.root` would read, with
    /// `generated` the footer's date; None when this build must run
    /// whatever the inputs (see the module) or an entry cannot be read (the
    /// build then reports it).
    pub(super) fn of(options: &BuildOptions, portal: bool, generated: Option<&str>) -> Option<Inputs> {
        if portal || options.clean || options.force || std::env::var_os("GONGKAI_FAIL").is_some() {
            return None;
        }
        let mut hasher = blake3::Hasher::new();
        hasher.update(FORMAT);
        crate::hash::program_identity(&mut hasher);
        hasher.update(crate::content::date::build_date().to_string().as_bytes());
        hasher.update(format!("{generated:?}").as_bytes());
        let entries = entries(&options.root)?;
        for (path, stamp) in &entries {
            let path = path.as_os_str().as_encoded_bytes();
            hasher.update(&(path.len() as u64).to_le_bytes());
            hasher.update(path);
            match stamp {
                Some(stamp) => hasher.update(&stamp.to_bytes()),
                None => hasher.update(b"folder"),
            };
        }
        let files = entries
            .into_iter()
            .filter_map(|(path, stamp)| Some((path, stamp?)))
            .collect();
        Some(Inputs {
            hash: *hasher.finalize().as_bytes(),
            files,
        })
    }
}

/// Every entry under `root` that a build may read, sorted by path: its
/// path relative to `root` and, for a file, its stamp. Links are followed,
/// as loading follows them.
fn entries(root: &Path) -> Option<Vec<(PathBuf, Option<FileStamp>)>> {
    // Listed without following links (the listing gives each entry's type
    // without a `stat`), then stamped in parallel: a link is stamped as
    // what it points to, and a link to a folder listed again, following
    // links (they are rare).
    let mut paths = list(root, false)?;
    let links: Vec<PathBuf> = paths
        .iter()
        .filter(|(kind, path)| *kind == Kind::Link && path.is_dir())
        .map(|(_, path)| path.clone())
        .collect();
    for link in links {
        paths.extend(list(&link, true)?);
    }
    let mut entries = paths
        .par_iter()
        .map(|(kind, path)| {
            let rel = path.strip_prefix(root).ok()?.to_path_buf();
            if *kind == Kind::Folder || (*kind == Kind::Link && path.is_dir()) {
                return Some((rel, None));
            }
            Some((rel, Some(FileStamp::of(path)?)))
        })
        .collect::<Option<Vec<_>>>()?;
    entries.par_sort_unstable_by(|a, b| {
        a.0.as_os_str()
            .as_encoded_bytes()
            .cmp(b.0.as_os_str().as_encoded_bytes())
    });
    Some(entries)
}

/// What a listed entry is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Folder,
    Link,
    Other,
}

/// The entries under `dir` but those no build reads (see the module).
fn list(dir: &Path, follow: bool) -> Option<Vec<(Kind, PathBuf)>> {
    let walker = WalkDir::new(dir)
        .follow_links(follow)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().as_encoded_bytes();
            let ours = name.starts_with(b".") && name.windows(9).any(|w| w == b".gongkai-");
            e.depth() == 0
                || !(name == b".git"
                    || (e.depth() == 1 && name == STATE_DIR.as_bytes())
                    || ours
                    || (e.file_type().is_dir() && is_ours(e.path())))
        });
    let mut paths = Vec::new();
    for entry in walker {
        let entry = entry.ok()?;
        if entry.depth() == 0 {
            continue;
        }
        let kind = if entry.path_is_symlink() && !follow {
            Kind::Link
        } else if entry.file_type().is_dir() {
            Kind::Folder
        } else {
            Kind::Other
        };
        paths.push((kind, entry.into_path()));
    }
    Some(paths)
}

/// The report of the last build into `target`, given again, when that
/// build read `inputs` and the output is still what it wrote.
pub(super) fn replay(root: &Path, target: &Path, inputs: &Inputs) -> Option<Report> {
    // The record first: a build with changes stops here, before looking at
    // every file of the output.
    let committed = Committed::last(root, target)?;
    let bytes = fs::read(&committed.inputs).ok()?;
    let (body, _) = crate::hash::unseal(&bytes)?;
    let record: Record = postcard::from_bytes(body.strip_prefix(FORMAT)?).ok()?;
    if record.inputs != inputs.hash || record.manifest != committed.manifest_hash() || !committed.intact() {
        return None;
    }
    let mut notes = record.notes;
    notes.push(crate::msg!("summary.unchanged"));
    Some(Report {
        documents: record.documents,
        unpublished: record.unpublished,
        pages: record.pages,
        rendered: 0,
        search: record.search,
        out_dir: Some(committed.target),
        warnings: record.warnings,
        elapsed: std::time::Duration::ZERO,
        stages: Vec::new(),
        files: CommitStats {
            written: 0,
            unchanged: record.files,
            deleted: 0,
        },
        notes,
    })
}

/// Records what the build that read `inputs` and just committed into
/// `target` reported, for [`replay`]. Best effort: without a record the
/// next build simply builds.
pub(super) fn record(root: &Path, target: &Path, inputs: &Inputs, report: &Report) {
    let Some(committed) = Committed::last(root, target) else {
        return;
    };
    let record = Record {
        inputs: inputs.hash,
        manifest: committed.manifest_hash(),
        documents: report.documents,
        unpublished: report.unpublished,
        pages: report.pages,
        search: report.search.map(|s| IndexStats { patched: None, ..s }),
        warnings: report.warnings.clone(),
        notes: report.notes.clone(),
        files: report.files.written + report.files.unchanged,
    };
    if let Ok(bytes) = postcard::to_extend(&record, FORMAT.to_vec()) {
        let _ = fs::write(&committed.inputs, crate::hash::seal(bytes));
    }
}
