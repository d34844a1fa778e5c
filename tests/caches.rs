//! What a rebuild may skip, and that skipping it never changes the output
//! or hides a problem: the replay of a build whose inputs did not change,
//! and the parse cache (by stamp, or by the bytes of a touched file).

mod common;

use std::fs;
use std::path::Path;

use common::rebuild::*;
use common::*;

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

/// The number in `(N terms` of a build's summary.
fn terms(summary: &str) -> Option<usize> {
    let (before, _) = summary.split_once(" terms")?;
    before.rsplit('(').next()?.parse().ok()
}
