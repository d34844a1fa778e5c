//! Incremental builds: after edits, additions and deletions, a build that
//! reuses the last one (writing only what changed) gives exactly the output
//! of a clean build of the same content.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::rebuild::*;
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
