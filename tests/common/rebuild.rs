//! Helpers of the tests that rebuild a site after changes
//! (`tests/incremental.rs`, `tests/caches.rs`): generated sites, their
//! documents, and an incremental build checked against a clean one.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

pub fn documents(site: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(site.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.to_string_lossy().contains("/_"))
        .collect();
    files.sort();
    files
}

/// Replaces the first line starting with `key:` in the front-matter.
pub fn set_field(text: &str, key: &str, value: &str) -> String {
    let prefix = format!("{key}:");
    let mut done = false;
    text.lines()
        .map(|l| {
            if !done && l.starts_with(&prefix) {
                done = true;
                format!("{key}: {value}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A temp dir with a generated site of `n` documents in `site/`.
pub fn generated_site(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    gencorpus(n, &site);
    (dir, site)
}

/// The build date of these tests' builds.
pub const EPOCH: (&str, &str) = ("SOURCE_DATE_EPOCH", "1700000000");

/// [`generated_site`] built once; with the site folder as a string.
pub fn built_site(n: usize) -> (tempfile::TempDir, PathBuf, String) {
    let (dir, site) = generated_site(n);
    let root = site.to_string_lossy().into_owned();
    let out = gongkai_env(&["build", "--root", &root], &[EPOCH]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, site, root)
}

/// Asserts that two outputs hold the same files with the same bytes.
pub fn assert_same_files(incremental: &Path, clean: &Path, context: &str) {
    let (incremental, clean) = (tree(incremental), tree(clean));
    let differ: Vec<&String> = incremental
        .keys()
        .chain(clean.keys())
        .filter(|k| incremental.get(*k) != clean.get(*k))
        .collect();
    assert!(differ.is_empty(), "{context}: these files differ: {differ:?}");
}

/// The number in `(N rendered)` of a build's summary; all pages when the
/// summary has none.
pub fn rendered(summary: &str) -> Option<usize> {
    let (before, _) = summary.split_once(" rendered)")?;
    before.rsplit('(').next()?.parse().ok()
}

/// The number in `patched for N changed documents` of a build's summary:
/// None when the search index was built from every text.
pub fn patched_for(summary: &str) -> Option<usize> {
    let (_, after) = summary.split_once("patched for ")?;
    after.split(' ').next()?.parse().ok()
}

/// Builds `site` incrementally and cleanly into another folder; asserts both
/// outputs are the same and returns the incremental build's summary. The
/// clean build starts from the same history (`.gongkai-harvest`: what the
/// previous build published, which sets each document's `modified` and the
/// tombstones), as a clean build of the same site's output would.
pub fn build_both(site: &Path, clean: &Path, env: &[(&str, &str)], context: &str) -> String {
    let root = site.to_string_lossy().into_owned();
    let history = fs::read(site.join("public/.gongkai-harvest")).ok();
    let out = gongkai_env(&["build", "--root", &root], env);
    assert!(out.status.success(), "{context}: {}", stderr(&out));
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    let clean_out = clean.to_string_lossy();
    let mut args = vec!["build", "--clean", "--root", &root, "--out", &clean_out];
    if let Some(history) = history {
        // A folder holding only the history is not one gongkai wrote: --force.
        if !clean.join(".gongkai-output").exists() {
            args.push("--force");
        }
        fs::create_dir_all(clean).expect("mkdir");
        fs::write(clean.join(".gongkai-harvest"), history).expect("write");
    }
    let out = gongkai_env(&args, env);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_same_files(&site.join("public"), clean, &format!("{context}: {summary}"));
    summary
}
