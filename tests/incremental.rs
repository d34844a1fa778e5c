//! Incremental builds: after edits, additions and deletions, a build that
//! reuses the last one (writing only what changed) gives exactly the output
//! of a clean build of the same content.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn documents(site: &Path) -> Vec<PathBuf> {
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
fn set_field(text: &str, key: &str, value: &str) -> String {
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
fn generated_site(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    gencorpus(n, &site);
    (dir, site)
}

/// The build date of these tests' builds.
const EPOCH: (&str, &str) = ("SOURCE_DATE_EPOCH", "1700000000");

/// [`generated_site`] built once; with the site folder as a string.
fn built_site(n: usize) -> (tempfile::TempDir, PathBuf, String) {
    let (dir, site) = generated_site(n);
    let root = site.to_string_lossy().into_owned();
    let out = gongkai_env(&["build", "--root", &root], &[EPOCH]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, site, root)
}

/// One round of random changes: body and title edits, a moved date, a
/// changed category, a withdrawn document, deletions and additions.
fn mutate(site: &Path, rng: &mut Lcg, round: usize) -> Vec<String> {
    let mut log = Vec::new();
    let docs = documents(site);
    for n in 0..6 {
        let path = &docs[rng.below(docs.len())];
        let text = read(path);
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let changed = match rng.below(6) {
            0 => text.replacen(
                "\n---\n",
                &format!("\n---\n\n第{round}轮修改{n}：补充说明。\n"),
                1,
            ),
            1 => set_field(&text, "title", &format!("修订后的标题{round}-{n}")),
            2 => set_field(
                &text,
                "date",
                &format!(
                    "20{:02}-0{}-1{}",
                    10 + rng.below(15),
                    1 + rng.below(9),
                    rng.below(10)
                ),
            ),
            3 => set_field(&text, "category", "政策解读"),
            4 => set_field(&text, "disclosure", "依申请公开"),
            _ => {
                fs::remove_file(path).expect("delete");
                log.push(format!("deleted {name}"));
                continue;
            }
        };
        fs::write(path, changed).expect("edit");
        log.push(format!("edited {name}"));
    }
    // Two new documents, copied from existing ones with a fresh 索引号.
    for n in 0..2 {
        let docs = documents(site);
        let from = &docs[rng.below(docs.len())];
        let number = format!("9999-03-20{}-{round}{n:05}", 10 + rng.below(15));
        let text = set_field(&read(from), "index_number", &number);
        let text = set_field(&text, "title", &format!("新增文件{round}-{n}"));
        let text = text.replace("\nslug:", "\nx_slug_removed:");
        fs::write(site.join(format!("content/new-{round}-{n}.md")), text).expect("add");
        log.push(format!("added {number}"));
    }
    log
}

#[test]
fn incremental_builds_equal_clean_builds_after_random_edits_additions_and_deletions() {
    let (dir, site) = generated_site(300);
    let root = site.to_string_lossy().into_owned();
    let epoch = [("SOURCE_DATE_EPOCH", "1700000000")];
    let out = gongkai_env(&["build", "--root", &root], &epoch);
    assert!(out.status.success(), "{}", stderr(&out));

    let mut rng = Lcg(2026);
    let (mut written, mut deleted) = (0, 0);
    for round in 1..=4 {
        let log = mutate(&site, &mut rng, round);
        let clean = dir.path().join(format!("clean-{round}"));
        let summary = build_both(&site, &clean, &epoch, &format!("round {round} after {log:?}"));
        let counts: Vec<usize> = summary
            .split_once("files written")
            .map(|(before, after)| {
                let written = before
                    .rsplit('(')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .parse()
                    .unwrap_or(0);
                let deleted = after
                    .trim_start_matches(", ")
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .parse()
                    .unwrap_or(0);
                vec![written, deleted]
            })
            .unwrap_or_else(|| panic!("not an incremental build: {summary}"));
        written += counts[0];
        deleted += counts[1];

        // No folder a clean build would not have.
        let dirs = |d: &Path| -> Vec<String> {
            walkdir::WalkDir::new(d)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_dir())
                .map(|e| {
                    e.path()
                        .strip_prefix(d)
                        .expect("inside")
                        .to_string_lossy()
                        .into_owned()
                })
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        assert_eq!(
            dirs(&site.join("public")),
            dirs(&dir.path().join(format!("clean-{round}")))
        );
    }
    assert!(
        written > 0 && deleted > 0,
        "the rounds wrote {written} and deleted {deleted} files"
    );

    // A usual day: two bodies edited and a new (newest) document, which
    // patches the search index; then the newest document deleted.
    let docs = documents(&site);
    for path in [&docs[3], &docs[docs.len() / 2]] {
        fs::write(path, read(path) + "\n补充的一段正文。\n").expect("edit");
    }
    // The new document has a short body of its own: a term's postings that
    // change form (a third of the ids up to the last: see
    // search/postings.rs) cannot be patched, and a long copied body makes
    // that likely in a corpus this small.
    let number = "9999-03-2031-000001";
    let front = read(&docs[7]);
    let front = &front[..front.find("\n---\n").expect("front-matter") + 5];
    let text = set_field(&format!("{front}\n新增的公告正文。\n"), "index_number", number);
    let text = set_field(&set_field(&text, "date", "2031-01-01"), "disclosure", "主动公开");
    let newest = site.join("content/newest.md");
    fs::write(&newest, text.replace("\nslug:", "\nx_slug_removed:")).expect("add");
    let summary = build_both(&site, &dir.path().join("clean-5"), &epoch, "a usual day");
    let n = patched_for(&summary).unwrap_or_else(|| panic!("not patched: {summary}"));
    assert!((1..=3).contains(&n), "{summary}");
    fs::remove_file(&newest).expect("delete");
    let summary = build_both(&site, &dir.path().join("clean-6"), &epoch, "newest deleted");
    assert_eq!(patched_for(&summary), Some(1), "{summary}");
}

#[test]
fn a_small_change_makes_the_index_and_exports_side_by_side_with_the_same_output() {
    // One body edited renders a few pages of hundreds: the search index
    // (patched) and the exports are made at once. With too little memory
    // for both, one after the other. Either way, a clean build's output.
    let (dir, site, _) = built_site(300);
    let epoch = EPOCH;
    let published: Vec<PathBuf> = documents(&site)
        .into_iter()
        .filter(|p| {
            let text = read(p);
            !["draft: true", "依申请公开", "不予公开"]
                .iter()
                .any(|t| text.contains(t))
        })
        .collect();
    for (round, memory) in [(1, None), (2, Some("1")), (3, None)] {
        let path = &published[round * 37];
        fs::write(path, read(path) + &format!("\n第{round}次补充的一段正文。\n")).expect("edit");
        let mut env = vec![epoch, ("GONGKAI_TIMINGS", "1")];
        env.extend(memory.map(|m| ("GONGKAI_MEMORY", m)));
        let clean = dir.path().join(format!("clean-{round}"));
        let summary = build_both(&site, &clean, &env, &format!("round {round}"));
        assert_eq!(patched_for(&summary), Some(1), "{summary}");
        let together = summary.contains("search+export ");
        let apart = summary.contains(" search ") && summary.contains(" export ");
        assert_eq!(
            (together, apart),
            (memory.is_none(), memory.is_some()),
            "{summary}"
        );
    }
}

#[test]
fn a_file_touched_but_not_changed_is_not_parsed_again() {
    // A fresh checkout gives every file a new modification time: a file
    // whose bytes are those the parse cache recorded is taken from it.
    let (dir, site, root) = built_site(60);
    let epoch = EPOCH;
    let docs = documents(&site);
    let later = |seconds: u64| std::time::SystemTime::now() + std::time::Duration::from_secs(seconds);
    let set_time = |path: &Path, when: std::time::SystemTime| {
        fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(when))
            .expect("touch");
    };
    for path in &docs {
        set_time(path, later(60));
    }
    let name = |path: &Path| path.file_name().expect("a name").to_string_lossy().into_owned();
    // Debug builds panic when a file named by GONGKAI_FAIL=parse:… is parsed.
    let fail = format!("parse:{}", name(&docs[5]));
    let out = gongkai_env(&["build", "--root", &root], &[epoch, ("GONGKAI_FAIL", &fail)]);
    assert!(
        out.status.success(),
        "a touched file was parsed again: {}",
        stderr(&out)
    );
    assert_same_files(
        &site.join("public"),
        &{
            let clean = dir.path().join("clean-1");
            let out = gongkai_env(
                &[
                    "build",
                    "--clean",
                    "--root",
                    &root,
                    "--out",
                    &clean.to_string_lossy(),
                ],
                &[epoch],
            );
            assert!(out.status.success(), "{}", stderr(&out));
            clean
        },
        "touched",
    );

    // The same size and another time, but other bytes (a full stop of the
    // body made a comma, both three bytes): parsed again, and built as a
    // clean build builds it.
    let text = read(&docs[5]);
    let body_at = text.find("\n---\n").expect("front-matter") + 5;
    let stop = body_at + text[body_at..].find('。').expect("a full stop in the body");
    let changed = format!("{}，{}", &text[..stop], &text[stop + '。'.len_utf8()..]);
    assert_eq!(changed.len(), text.len());
    fs::write(&docs[5], &changed).expect("edit");
    set_time(&docs[5], later(120));
    if cfg!(debug_assertions) {
        let out = gongkai_env(&["build", "--root", &root], &[epoch, ("GONGKAI_FAIL", &fail)]);
        assert!(
            !out.status.success() && stderr(&out).contains("GONGKAI_FAIL"),
            "a changed file was taken from the cache: {}",
            stderr(&out)
        );
    }
    let summary = build_both(
        &site,
        &dir.path().join("clean-2"),
        &[epoch],
        "same size, other bytes",
    );
    assert!(!summary.contains("(0 rendered)"), "{summary}");
}

#[test]
fn an_unchanged_rebuild_writes_nothing_and_a_damaged_output_is_repaired() {
    let (_dir, site) = fixture_site("stats");
    let root = site.to_string_lossy().into_owned();
    assert!(gongkai(&["build", "--root", &root]).status.success());
    let first = tree(&site.join("public"));
    let stamp = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).expect("mtime");
    let index = site.join("public/index.html");
    let before = stamp(&index);

    let out = gongkai(&["build", "--root", &root]);
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(summary.contains("(0 files written, 0 deleted)"), "{summary}");
    assert_eq!(stamp(&index), before, "unchanged files are not rewritten");

    // A file removed or truncated by hand is written again.
    let some_doc = site
        .join("public/docs")
        .read_dir()
        .expect("docs")
        .next()
        .expect("a page")
        .expect("entry")
        .path();
    fs::remove_file(&some_doc).expect("remove");
    fs::write(&index, "").expect("truncate");
    let out = gongkai(&["build", "--root", &root]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("(2 files written, 0 deleted)"));
    assert_eq!(tree(&site.join("public")), first);

    // --clean writes everything and gives the same site.
    let out = gongkai(&["build", "--clean", "--root", &root]);
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("files written"));
    assert_eq!(tree(&site.join("public")), first);
}

#[test]
fn a_site_built_into_many_folders_keeps_the_manifests_of_the_last_eight() {
    let (dir, site) = fixture_site("stats");
    let root = site.to_string_lossy().into_owned();
    let cache = site.join(".gongkai/cache");
    let manifests = || {
        fs::read_dir(&cache)
            .expect("cache")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("output-") && n.ends_with(".manifest"))
            .count()
    };
    assert!(gongkai(&["build", "--root", &root]).status.success());
    for i in 0..10 {
        let out = dir.path().join(format!("preview-{i}"));
        let out = gongkai(&["build", "--root", &root, "--out", &out.to_string_lossy()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(manifests(), (i + 2).min(8), "after the build into preview-{i}");
    }
    // public/'s manifest, the oldest, is gone: the next build into it writes
    // every file, like --clean, and gives the same site.
    let out = gongkai(&["build", "--root", &root]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("files written"),
        "a whole build: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_same_files(&site.join("public"), &dir.path().join("preview-9"), "rebuilt");
    assert_eq!(manifests(), 8);
    // Its manifest is back: the build after it writes nothing.
    let out = gongkai(&["build", "--root", &root]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("(0 files written, 0 deleted)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Asserts that two outputs hold the same files with the same bytes.
fn assert_same_files(incremental: &Path, clean: &Path, context: &str) {
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
fn rendered(summary: &str) -> Option<usize> {
    let (before, _) = summary.split_once(" rendered)")?;
    before.rsplit('(').next()?.parse().ok()
}

/// The number in `patched for N changed documents` of a build's summary:
/// None when the search index was built from every text.
fn patched_for(summary: &str) -> Option<usize> {
    let (_, after) = summary.split_once("patched for ")?;
    after.split(' ').next()?.parse().ok()
}

/// Builds `site` incrementally and cleanly into another folder; asserts both
/// outputs are the same and returns the incremental build's summary. The
/// clean build starts from the same history (`.gongkai-harvest`: what the
/// previous build published, which sets each document's `modified` and the
/// tombstones), as a clean build of the same site's output would.
fn build_both(site: &Path, clean: &Path, env: &[(&str, &str)], context: &str) -> String {
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

#[test]
fn only_pages_whose_context_changed_are_rendered_again() {
    let (dir, site) = generated_site(200);
    let clean = dir.path().join("clean");
    let first = build_both(&site, &clean, &[], "");
    assert_eq!(
        rendered(&first),
        None,
        "a first build renders everything: {first}"
    );
    let pages = tree(&site.join("public"))
        .keys()
        .filter(|k| k.ends_with(".html"))
        .count();

    // A body edit: that document's page only. A title edit: its page, the
    // lists and pages that show the title.
    let docs = documents(&site);
    let published = |p: &PathBuf| {
        !read(p).contains("draft: true") && !read(p).contains("依申请公开") && !read(p).contains("不予公开")
    };
    let mut edited = docs.iter().filter(|p| published(p));
    let body = edited.next().expect("a published document");
    fs::write(body, read(body) + "\n新增的一段正文，用于增量构建测试。\n").expect("edit");
    let summary = build_both(&site, &clean, &[], "");
    assert_eq!(rendered(&summary), Some(1), "{summary}");
    assert_eq!(patched_for(&summary), Some(1), "{summary}");
    let title = edited.next().expect("another published document");
    fs::write(title, set_field(&read(title), "title", "改过标题的文件")).expect("edit");
    let summary = build_both(&site, &clean, &[], "");
    let n = rendered(&summary).unwrap_or(pages);
    assert!(
        (2..pages / 10).contains(&n),
        "{n} of {pages} pages rendered: {summary}"
    );
    assert_eq!(patched_for(&summary), Some(1), "{summary}");

    // Keywords, which the page shows in its tags and JSON-LD (made only
    // when it is rendered, so its fingerprint must still see them): that
    // page again, with the new words.
    let keyworded = edited.next().expect("a third published document");
    fs::write(
        keyworded,
        set_field(&read(keyworded), "keywords", "[增量关键词甲, 增量关键词乙]"),
    )
    .expect("edit");
    let summary = build_both(&site, &clean, &[], "");
    assert!(
        rendered(&summary).is_some_and(|n| (1..pages / 10).contains(&n)),
        "{summary}"
    );
    let page = tree(&site.join("public"))
        .into_iter()
        .filter(|(k, _)| k.starts_with("docs/"))
        .map(|(_, v)| String::from_utf8_lossy(&v).into_owned())
        .filter(|html| html.contains("增量关键词甲"))
        .collect::<Vec<_>>();
    assert_eq!(page.len(), 1, "one document page holds the new keywords");
    assert!(
        page[0].contains(r#"name="Keywords" content="增量关键词甲,增量关键词乙""#)
            && page[0].contains(r#""keywords":"增量关键词甲,增量关键词乙""#),
        "the page's tags and JSON-LD name the new keywords"
    );

    // A damaged index file: the index is built again from every text.
    fs::write(site.join("public/search/t/0.bin"), b"\x03").expect("damage");
    fs::write(body, read(body) + "\n又一段正文。\n").expect("edit");
    let summary = build_both(&site, &clean, &[], "");
    assert_eq!(patched_for(&summary), None, "{summary}");

    // A new document: its page, the lists it joins and the pages showing
    // counts; not the other documents' pages (no template they use shows
    // the category counts).
    let copy = set_field(
        &set_field(&read(body), "index_number", "9999-03-2030-000001"),
        "title",
        "新增的文件",
    );
    fs::write(
        site.join("content/new.md"),
        copy.replace("\nslug:", "\nx_slug_removed:"),
    )
    .expect("add");
    let summary = build_both(&site, &clean, &[], "");
    let n = rendered(&summary).unwrap_or(pages);
    assert!(
        (2..pages / 2).contains(&n),
        "{n} of {pages} pages rendered: {summary}"
    );

    // Nothing changed: the last build's report, nothing rendered.
    let summary = build_both(&site, &clean, &[], "");
    assert_eq!(rendered(&summary), Some(0), "{summary}");
    assert!(
        summary.contains("Nothing in the site folder changed"),
        "{summary}"
    );
    // A file saved again as it was: read again, nothing rendered, nothing
    // to patch.
    fs::File::options()
        .write(true)
        .open(site.join("content/new.md"))
        .and_then(|f| f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(2)))
        .expect("touch");
    let summary = build_both(&site, &clean, &[], "");
    assert!(
        !summary.contains("Nothing in the site folder changed"),
        "{summary}"
    );
    assert_eq!(rendered(&summary), Some(0), "{summary}");
    assert_eq!(patched_for(&summary), Some(0), "{summary}");

    // A template every page extends, then site.yaml: every page again.
    let templates = site.join("themes/default/templates");
    fs::create_dir_all(&templates).expect("mkdir");
    let base = include_str!("../themes/default/templates/base.html");
    fs::write(
        templates.join("base.html"),
        base.replace("</body>", "<!-- 改过的模板 --></body>"),
    )
    .expect("write");
    let summary = build_both(&site, &clean, &[], "");
    assert_eq!(rendered(&summary), None, "{summary}");
    let public = tree(&site.join("public"));
    assert!(
        public
            .iter()
            .filter(|(k, _)| k.ends_with(".html"))
            .all(|(_, v)| String::from_utf8_lossy(v).contains("改过的模板"))
    );
    let yaml = site.join("site.yaml");
    fs::write(&yaml, read(&yaml).replacen("title:", "title: 新", 1)).expect("write");
    let summary = build_both(&site, &clean, &[], "");
    assert_eq!(rendered(&summary), None, "{summary}");
}

/// The parse cache (`.gongkai/cache/documents-NN.bin`) keeps what was learned
/// of unchanged files, but never a problem: links and attachments of an
/// unchanged file are checked again, a file with an error is reported on
/// every run, and a damaged cache is ignored.
#[test]
fn the_parse_cache_never_hides_a_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::write(
        site.join("site.yaml"),
        "title: 测试\ncategories:\n  - { code: \"03\", name: 规划计划 }\n",
    )
    .expect("write");
    let doc = |index: &str, extra: &str, body: &str| {
        format!(
            "---\ntitle: 文件{index}\nindex_number: {index}\nissuer: 区政府\ncategory: 规划计划\ndate: 2020-01-02\n{extra}---\n\n{body}\n"
        )
    };
    let a = site.join("content/a.md");
    let b = site.join("content/b.md");
    let c = site.join("content/c.md");
    fs::write(
        &a,
        doc("X-1", "attachments: [附件.pdf]\n", "见[另一文件](b.md)。"),
    )
    .expect("write");
    fs::write(&b, doc("X-2", "", "正文。")).expect("write");
    fs::write(site.join("content/附件.pdf"), b"%PDF-1.4\n").expect("write");
    let root = site.to_string_lossy().into_owned();
    let build = || gongkai(&["build", "--root", &root]);
    let out = build();
    assert!(out.status.success(), "{}", stderr(&out));
    let shards = || -> Vec<std::path::PathBuf> {
        let mut shards: Vec<_> = fs::read_dir(site.join(".gongkai/cache"))
            .expect("cache folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.to_string_lossy().contains("documents-"))
            .collect();
        shards.sort();
        shards
    };
    assert!(!shards().is_empty(), "the cache is stored");
    // One file edited: only the shard holding it is stored again.
    let before: Vec<Vec<u8>> = shards().iter().map(|p| fs::read(p).expect("read")).collect();
    fs::write(&b, doc("X-2", "", "正文，改过。")).expect("write");
    assert!(build().status.success());
    let after: Vec<Vec<u8>> = shards().iter().map(|p| fs::read(p).expect("read")).collect();
    assert_eq!(before.len(), after.len());
    let rewritten = before.iter().zip(&after).filter(|(b, a)| b != a).count();
    assert_eq!(rewritten, 1, "one shard of the parse cache stored again");

    // b.md withdrawn: a.md, unchanged and cached, now links a document that
    // is not published.
    fs::write(&b, doc("X-2", "disclosure: 依申请公开\n", "正文。")).expect("write");
    let out = build();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("a.md:10: link: `b.md` links a document that is not published"),
        "{}",
        stderr(&out)
    );
    fs::write(&b, doc("X-2", "", "正文。")).expect("write");
    assert!(build().status.success());

    // The attachment deleted: reported although a.md did not change.
    fs::remove_file(site.join("content/附件.pdf")).expect("delete");
    let out = build();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    fs::write(site.join("content/附件.pdf"), b"%PDF-1.4\n").expect("write");

    // A file with an error: reported on every run, as it is never cached.
    fs::write(&c, doc("X-3", "status: 不知道\n", "正文。")).expect("write");
    for _ in 0..2 {
        let out = build();
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("c.md:"), "{}", stderr(&out));
    }
    fs::remove_file(&c).expect("delete");

    // A damaged cache is ignored; the output is what a clean build writes.
    for shard in shards() {
        fs::write(shard, b"\x01\x02garbage").expect("damage");
    }
    let summary = build_both(&site, &dir.path().join("clean"), &[], "damaged cache");
    assert!(summary.contains("2 documents"), "{summary}");
}

/// `kill -9` at any moment of a build: before the commit the output is
/// exactly the previous one; a commit cut short is left with its journal,
/// and the next build finishes it. Either way the next build succeeds and
/// writes what a clean build writes.
#[test]
fn a_build_killed_at_any_moment_loses_nothing() {
    let (dir, site) = generated_site(600);
    let root = site.to_string_lossy().into_owned();
    let public = site.join("public");
    let journal_exists = || {
        fs::read_dir(site.join(".gongkai/cache"))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .any(|e| e.file_name().to_string_lossy().ends_with(".journal"))
            })
            .unwrap_or(false)
    };
    assert!(gongkai(&["build", "--quiet", "--root", &root]).status.success());
    let docs = documents(&site);
    // Many changes, so that the build has much to write and commit.
    let change = |round: usize| {
        for doc in docs.iter().skip(round % 7).step_by(7) {
            let mut text = read(doc);
            text.push_str(&format!("\n第{round}轮补充。\n"));
            fs::write(doc, text).expect("write");
        }
    };
    // The kills are spread over the time such a build takes on this
    // machine, measured first: fixed delays would all fall after the
    // commit on a fast machine, or all before it on a slow one.
    change(99);
    let start = std::time::Instant::now();
    assert!(gongkai(&["build", "--quiet", "--root", &root]).status.success());
    let whole = start.elapsed().as_secs_f64() * 1000.0;
    let mut killed_before_commit = 0;
    for (round, share) in [0.05, 0.15, 0.3, 0.45, 0.6, 0.8, 1.0, 1.3]
        .into_iter()
        .enumerate()
    {
        let delay = (whole * share) as u64;
        change(round);
        let before = tree(&public);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .env("GONGKAI_LANG", "en")
            .args(["build", "--quiet", "--root", &root])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start a build");
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let finished = child.wait().expect("wait").success();
        if !finished && !journal_exists() {
            assert!(
                tree(&public) == before,
                "killed after {delay} ms before its commit: the output changed"
            );
            killed_before_commit += 1;
        }
        let clean = dir.path().join(format!("clean-{round}"));
        build_both(&site, &clean, &[], &format!("after a build killed at {delay} ms"));
        assert!(!journal_exists(), "the next build finished the commit");
    }
    assert!(
        killed_before_commit >= 3,
        "only {killed_before_commit} builds were killed before their commit"
    );
}

/// The number in `(N terms` of a build's summary.
fn terms(summary: &str) -> Option<usize> {
    let (before, _) = summary.split_once(" terms")?;
    before.rsplit('(').next()?.parse().ok()
}

#[test]
fn a_build_with_nothing_changed_gives_the_last_report_and_touches_nothing() {
    // The example site: two warnings (the sample base_url, annual reports missing).
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("example");
    fs::create_dir_all(&site).expect("mkdir");
    fs::copy(repo().join("site.yaml"), site.join("site.yaml")).expect("site.yaml");
    copy_tree(&repo().join("content"), &site.join("content"));
    copy_tree(&repo().join("themes"), &site.join("themes"));
    let root = site.to_string_lossy().into_owned();
    let public = site.join("public");
    let day = |epoch: &'static str| [("SOURCE_DATE_EPOCH", epoch)];
    let stdout = |out: &std::process::Output| String::from_utf8_lossy(&out.stdout).into_owned();
    let unchanged = "Nothing in the site folder changed";

    let first = gongkai_env(&["build", "--root", &root], &day("1767225600"));
    assert!(first.status.success(), "{}", stderr(&first));
    let warnings = stderr(&first);
    assert!(warnings.contains("base_url"), "{warnings}");
    assert!(!stdout(&first).contains(unchanged));
    let (files, times) = (tree(&public), mtimes(&public));

    // Again on the same day: the same warnings in the same words, the same
    // figures, and not one file of the output touched.
    let again = gongkai_env(&["build", "--root", &root], &day("1767225600"));
    assert!(again.status.success(), "{}", stderr(&again));
    let summary = stdout(&again);
    assert!(summary.contains(unchanged), "{summary}");
    assert!(summary.contains("(0 files written, 0 deleted)"), "{summary}");
    assert!(
        summary.contains("5 documents") && summary.contains("2 warning(s) above"),
        "{summary}"
    );
    assert_eq!(terms(&summary), terms(&stdout(&first)), "{summary}");
    assert_eq!(stderr(&again), warnings);
    assert_eq!(tree(&public), files);
    assert_eq!(mtimes(&public), times, "no file of the output is written");
    // In the other language too, and `--format json` gives the same codes.
    let zh = gongkai_env(
        &["build", "--root", &root],
        &[("SOURCE_DATE_EPOCH", "1767225600"), ("GONGKAI_LANG", "zh")],
    );
    assert!(zh.status.success());
    assert!(
        stdout(&zh).contains("都没有变化") && stderr(&zh).contains("警告"),
        "{}",
        stderr(&zh)
    );
    let json = |out: &std::process::Output| {
        let mut lines: Vec<String> = stdout(out).lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    let (a, b) = (
        gongkai_env(
            &["build", "--format", "json", "--root", &root, "--clean"],
            &day("1767225600"),
        ),
        gongkai_env(
            &["build", "--format", "json", "--root", &root],
            &day("1767225600"),
        ),
    );
    assert!(stderr(&b).contains(unchanged), "{}", stderr(&b));
    assert!(!json(&a).is_empty());
    assert_eq!(json(&a), json(&b));
    // What git keeps is not read by a build.
    fs::create_dir_all(site.join(".git/refs")).expect("mkdir");
    fs::write(site.join(".git/HEAD"), "ref: refs/heads/main\n").expect("write");
    let out = gongkai_env(&["build", "--root", &root], &day("1767225600"));
    assert!(stdout(&out).contains(unchanged), "{}", stdout(&out));

    // Each of these is a change the next build makes.
    let rounds = std::cell::Cell::new(0);
    let expect_build = |context: &str, env: &[(&str, &str)], check: &dyn Fn(&Path)| {
        rounds.set(rounds.get() + 1);
        let clean = dir.path().join(format!("clean-{}", rounds.get()));
        let summary = build_both(&site, &clean, env, context);
        assert!(!summary.contains(unchanged), "{context}: {summary}");
        check(&public);
        // And the build after it has nothing to do.
        let out = gongkai_env(&["build", "--root", &root], env);
        assert!(
            stdout(&out).contains(unchanged),
            "{context}, then again: {}",
            stdout(&out)
        );
    };
    // The next day: the footer's date moves.
    expect_build("the next day", &day("1767312000"), &|public| {
        assert!(read(&public.join("index.html")).contains("2026-01-02"));
    });
    let day2 = day("1767312000");
    // A title edited without changing the file's size.
    let doc = site.join("content/0101-03-2017-000525.md");
    let text = read(&doc);
    let edited = text.replacen("工作", "公开", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    fs::write(&doc, &edited).expect("write");
    expect_build("a title edited in place", &day2, &|public| {
        // The title it edited is the one published.
        let text = all_text(public);
        assert!(text.contains("关于印发2017年淄川区政务公开公开要点的通知"));
    });
    // A new template in the theme folder.
    fs::create_dir_all(site.join("themes/default/templates")).expect("mkdir");
    let footer = site.join("themes/default/templates/extra-note.html");
    fs::write(&footer, "<p>备注</p>\n").expect("write");
    expect_build("a theme file added", &day2, &|_| {});
    fs::remove_file(&footer).expect("remove");
    expect_build("a theme file removed", &day2, &|_| {});
    // A document in a folder that content/ links to (inside the site
    // folder: a link out of it is refused), edited there.
    #[cfg(unix)]
    {
        let elsewhere = site.join("shared");
        fs::create_dir_all(&elsewhere).expect("mkdir");
        let linked = elsewhere.join("linked.md");
        let source = read(&site.join("content/2114-03-2021-000014.md"));
        let source = set_field(&source, "index_number", "2114-03-2021-000099");
        fs::write(&linked, set_field(&source, "title", "链接进来的文件")).expect("write");
        std::os::unix::fs::symlink(&elsewhere, site.join("content/linked")).expect("symlink");
        expect_build("a linked folder added", &day2, &|public| {
            assert!(all_text(public).contains("链接进来的文件"));
        });
        fs::write(&linked, set_field(&source, "title", "链接进来的文件改")).expect("write");
        expect_build("a document in a linked folder edited", &day2, &|public| {
            assert!(all_text(public).contains("链接进来的文件改"));
        });
    }
    // A page of the output deleted by hand is written again.
    fs::remove_file(public.join("index.html")).expect("remove");
    expect_build("an output page deleted", &day2, &|public| {
        assert!(public.join("index.html").is_file());
    });
    // --clean always builds.
    let out = gongkai_env(&["build", "--clean", "--root", &root], &day2);
    assert!(!stdout(&out).contains(unchanged), "{}", stdout(&out));
}

/// The rows of catalogue.json and catalogue.csv are copied from the last
/// build's files only when those are the files it wrote: a file changed by
/// hand, or a damaged record of where the rows lie, makes the rows again,
/// and the exports are still those of a clean build.
#[test]
fn export_rows_are_copied_only_from_the_files_the_last_build_wrote() {
    let (dir, site) = generated_site(300);
    let root = site.to_string_lossy().into_owned();
    let clean = dir.path().join("clean");
    let public = site.join("public");
    let record = site.join(".gongkai/cache/export-rows.bin");
    assert!(gongkai(&["build", "--root", &root]).status.success());
    assert!(record.is_file(), "the rows are recorded for the next build");
    let docs = documents(&site);
    let edit = |round: usize| {
        let path = &docs[round * 37 % docs.len()];
        let text = fs::read_to_string(path).expect("read");
        fs::write(path, format!("{text}\n第{round}次补充的一段说明。\n")).expect("write");
    };

    // An edit: one row made, the others copied; the files are a clean build's.
    edit(1);
    build_both(&site, &clean, &[], "one edit");

    // A row of catalogue.json and one of catalogue.csv changed by hand:
    // not copied again (the output's files are read only when they are
    // those the manifest lists).
    for name in ["catalogue.json", "catalogue.csv"] {
        let path = public.join(name);
        let text = fs::read_to_string(&path).expect("read");
        let title_at = text.rfind("关于").expect("a title");
        let tampered = format!("{}改动了{}", &text[..title_at], &text[title_at + "关于".len()..]);
        fs::write(&path, tampered).expect("write");
    }
    edit(2);
    build_both(&site, &clean, &[], "files changed by hand");
    for name in ["catalogue.json", "catalogue.csv"] {
        assert!(
            !fs::read_to_string(public.join(name))
                .expect("read")
                .contains("改动"),
            "{name} repaired"
        );
    }

    // A damaged record: every row made again.
    let bytes = fs::read(&record).expect("record");
    fs::write(&record, &bytes[..bytes.len() / 2]).expect("truncate");
    edit(3);
    build_both(&site, &clean, &[], "damaged record");
    // Garbage in place of the record, and no record at all.
    fs::write(&record, b"gongkai export rows 1\0garbage").expect("write");
    edit(4);
    build_both(&site, &clean, &[], "garbage record");
    fs::remove_file(&record).expect("remove");
    edit(5);
    build_both(&site, &clean, &[], "no record");
    assert!(record.is_file(), "written again");
}
