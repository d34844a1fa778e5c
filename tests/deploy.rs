//! `gongkai deploy` to a folder target: the first deploy sends everything,
//! an edit sends exactly the files whose bytes changed, entry points last;
//! deletions remove only what a deploy put there, and beyond the share
//! site.yaml allows only with --force; a dry run changes nothing; a deploy
//! killed midway is finished by the next one.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// The example site with a folder target `www` beside it; returns (site, www).
fn site(dir: &Path) -> (PathBuf, PathBuf) {
    let site = dir.join("site");
    fs::create_dir_all(&site).expect("mkdir");
    fs::copy(repo().join("site.yaml"), site.join("site.yaml")).expect("copy");
    copy_tree(&repo().join("content"), &site.join("content"));
    let www = dir.join("www");
    let yaml = read(&site.join("site.yaml"))
        + &format!(
            "deploy:\n  targets:\n    - {{ name: web, folder: \"{}\" }}\n",
            www.display().to_string().replace('\\', "/")
        );
    fs::write(site.join("site.yaml"), yaml).expect("write");
    (site, www)
}

fn build(site: &Path) {
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn deploy(site: &Path, extra: &[&str]) -> std::process::Output {
    let root = site.to_string_lossy();
    let mut args = vec!["deploy", "--root", &*root];
    args.extend(extra);
    gongkai(&args)
}

/// A folder's files but the hidden ones (the output's marker, the target's record).
fn visible(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir)
        .into_iter()
        .filter(|(p, _)| !p.split('/').any(|part| part.starts_with('.')))
        .collect()
}

/// Paths whose bytes differ between two trees, or that only the second has.
fn changed(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    after
        .iter()
        .filter(|(p, bytes)| before.get(*p) != Some(*bytes))
        .map(|(p, _)| p.clone())
        .collect()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_deploy_sends_exactly_what_changed_and_deletes_only_its_own_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (site, www) = site(dir.path());
    let out = deploy(&site, &[]);
    assert_eq!(out.status.code(), Some(2), "not built yet");
    assert!(stderr(&out).contains("the site is not built"), "{}", stderr(&out));
    build(&site);
    let public = site.join("public");
    let out = deploy(&site, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = visible(&public);
    assert_eq!(visible(&www), first, "the first deploy sends everything");
    assert!(
        stdout(&out).contains(&format!("{} files uploaded", first.len())),
        "{}",
        stdout(&out)
    );
    // A person's own file in the target is none of the deploy's business.
    fs::write(www.join("notes.txt"), "mine").expect("write");

    // One document edited: exactly the files whose bytes changed go.
    edit_annual_report(&site);
    build(&site);
    let second = visible(&public);
    let expected = changed(&first, &second);
    assert!(expected.len() > 1 && expected.len() < 20, "{expected:?}");
    let before = visible(&www);
    let dry = deploy(&site, &["--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert_eq!(visible(&www), before, "a dry run changes nothing");
    let printed = stdout(&dry);
    let listed: Vec<&str> = printed.lines().filter_map(|l| l.strip_prefix("+ ")).collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected.iter().map(String::as_str).collect::<Vec<_>>());
    // The search manifest and the pages come after the files they need.
    let at = |p: &str| listed.iter().position(|l| *l == p);
    assert_eq!(listed.last(), Some(&"search/manifest.json"), "{listed:?}");
    assert!(at("docs/3504-15-2018-000001.html") > listed.iter().position(|l| l.starts_with("search/x/")));
    let out = deploy(&site, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{} files uploaded", expected.len())),
        "{}",
        stdout(&out)
    );
    let mut want = second.clone();
    want.insert("notes.txt".into(), b"mine".to_vec());
    assert_eq!(visible(&www), want);
    // The CDN's list: the changed addresses under base_url.
    let refresh = read(&site.join(".gongkai/deploy-web-refresh.txt"));
    assert!(
        refresh.contains("https://example.gov.cn/zwgk/docs/3504-15-2018-000001.html\n"),
        "{refresh}"
    );
    assert_eq!(refresh.lines().count(), expected.len());

    // One document removed: its page goes; the person's file stays.
    fs::remove_file(site.join("content/6200-03-2018-000083.md")).expect("remove");
    build(&site);
    let out = deploy(&site, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!www.join("docs/6200-03-2018-000083.html").exists());
    let mut want = visible(&public);
    want.insert("notes.txt".into(), b"mine".to_vec());
    assert_eq!(visible(&www), want);
}

#[test]
fn deleting_beyond_the_allowed_share_needs_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (site, www) = site(dir.path());
    let yaml = read(&site.join("site.yaml")).replace("deploy:\n", "deploy:\n  max_delete_percent: 1\n");
    fs::write(site.join("site.yaml"), yaml).expect("write");
    build(&site);
    assert!(deploy(&site, &[]).status.success());
    for doc in ["6200-03-2018-000083", "4420-03-2017-000001"] {
        fs::remove_file(site.join(format!("content/{doc}.md"))).expect("remove");
    }
    build(&site);
    let before = visible(&www);
    let out = deploy(&site, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("more than 1% of the target's"),
        "{}",
        stderr(&out)
    );
    assert_eq!(visible(&www), before, "nothing changed");
    let out = deploy(&site, &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(visible(&www), visible(&site.join("public")));
}

#[test]
fn a_deploy_killed_midway_is_finished_by_the_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (site, www) = site(dir.path());
    build(&site);
    assert!(deploy(&site, &[]).status.success());
    let doc = site.join("content/0101-03-2017-000525.md");
    fs::write(&doc, read(&doc).replace("淄川区", "淄川区（修订）")).expect("write");
    build(&site);
    // Killed as it reaches the document's page (GONGKAI_FAIL, debug builds).
    let root = site.to_string_lossy();
    let out = gongkai_env(
        &["deploy", "--root", &root],
        &[("GONGKAI_FAIL", "deploy:docs/0101-03-2017-000525")],
    );
    assert!(!out.status.success(), "the deploy was to die");
    assert_ne!(visible(&www), visible(&site.join("public")), "it died midway");
    let out = deploy(&site, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(visible(&www), visible(&site.join("public")));
}

#[test]
fn targets_are_named_in_site_yaml() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (site, _) = site(dir.path());
    build(&site);
    let out = deploy(&site, &["--target", "oss"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("there is no deploy target named “oss”"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("use one of: web"), "{}", stderr(&out));
    fs::write(site.join("site.yaml"), read(&repo().join("site.yaml"))).expect("write");
    let out = gongkai_env(
        &["deploy", "--root", &site.to_string_lossy()],
        &[("GONGKAI_LANG", "zh")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("site.yaml 没有声明发布目标"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_precompressing_target_keeps_gzip_and_brotli_copies_beside_each_text_file() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let (site, www) = site(dir.path());
    let yaml = read(&site.join("site.yaml")).replace("folder:", "precompress: true, folder:");
    fs::write(site.join("site.yaml"), yaml).expect("write");
    build(&site);
    assert!(deploy(&site, &[]).status.success());
    let public = site.join("public");
    let gunzip = |path: &Path| {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(fs::File::open(path).expect("gz"))
            .read_to_end(&mut out)
            .expect("gunzip");
        out
    };
    let unbrotli = |path: &Path| {
        let mut out = Vec::new();
        brotli::Decompressor::new(fs::File::open(path).expect("br"), 4096)
            .read_to_end(&mut out)
            .expect("brotli");
        out
    };
    let check = || {
        let files = visible(&public);
        let mut copies = 0;
        for (path, bytes) in &files {
            let gz = www.join(format!("{path}.gz"));
            let br = www.join(format!("{path}.br"));
            let text = [
                ".html", ".css", ".js", ".json", ".txt", ".xml", ".csv", ".svg", ".bin",
            ]
            .iter()
            .any(|e| path.ends_with(e));
            if text && bytes.len() >= 512 {
                assert_eq!(gunzip(&gz), *bytes, "{path}.gz");
                assert_eq!(unbrotli(&br), *bytes, "{path}.br");
                assert!(fs::metadata(&br).expect("br").len() <= fs::metadata(&gz).expect("gz").len() + 16);
                copies += 1;
            } else {
                assert!(!gz.exists(), "{path}.gz");
                assert!(!br.exists(), "{path}.br");
            }
        }
        // Nothing else: no copy of a file the site no longer has.
        let extra: Vec<String> = visible(&www)
            .into_keys()
            .filter(|p| {
                let file = p.strip_suffix(".gz").or_else(|| p.strip_suffix(".br"));
                file.is_some_and(|f| !files.contains_key(f))
            })
            .collect();
        assert!(extra.is_empty(), "{extra:?}");
        copies
    };
    assert!(check() > 100);
    // An edit and a removal: the copies follow their files.
    edit_annual_report(&site);
    fs::remove_file(site.join("content/6200-03-2018-000083.md")).expect("remove");
    build(&site);
    let out = deploy(&site, &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    check();
    // The copies are made again only for what changed.
    let again = deploy(&site, &[]);
    assert!(stdout(&again).contains("0 files uploaded"), "{}", stdout(&again));
}
