//! The command line: `new`, `check`, `--help`, exit codes and the build lock.

mod common;

use std::fs;

use common::*;

#[test]
fn new_site_builds_and_check_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("mysite");
    let out = gongkai(&["new", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.join("site.yaml").is_file());

    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked 2 documents"));
    assert!(!site.join("public").exists(), "check must not write the site");
    let before = tree(&site);
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        tree(&site),
        before,
        "check writes nothing, not even the parse cache"
    );
    assert!(!site.join(".gongkai/cache").exists());

    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Two documents, and the guide's application form.
    assert_eq!(tree(&site.join("public/docs")).len(), 3);
    assert!(
        site.join("public/docs/page-guide/政府信息公开申请表.docx")
            .is_file()
    );

    // A second `new` into a non-empty folder is refused.
    let out = gongkai(&["new", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_successful_build_replaces_the_previous_output_entirely() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    assert!(
        gongkai(&["build", "--root", &site.to_string_lossy()])
            .status
            .success()
    );
    fs::write(
        site.join("public/docs/stale.html"),
        "a page of a deleted document",
    )
    .expect("write");
    assert!(
        gongkai(&["build", "--clean", "--root", &site.to_string_lossy()])
            .status
            .success()
    );
    assert!(
        !site.join("public/docs/stale.html").exists(),
        "stale page survived"
    );
    assert!(!site.join(".public.gongkai-staging").exists() && !site.join(".public.gongkai-old").exists());
}

#[test]
fn a_second_build_fails_fast_while_one_holds_the_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    let lock = gongkai::output::SiteLock::acquire(&site).expect("lock");
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another gongkai build is running"),
        "{}",
        stderr(&out)
    );
    drop(lock);
    assert!(
        gongkai(&["build", "--root", &site.to_string_lossy()])
            .status
            .success()
    );
}

#[test]
fn help_is_available_on_every_command() {
    for args in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["check", "--help"],
        vec!["new", "--help"],
    ] {
        let out = gongkai(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"), "{args:?}");
    }
    assert_eq!(gongkai(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn missing_site_yaml_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = gongkai(&["build", "--root", &dir.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read site.yaml"), "{}", stderr(&out));
}

#[test]
fn source_date_epoch_sets_the_footer_date_and_nothing_else_varies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    let root = site.to_string_lossy().into_owned();
    assert!(gongkai(&["build", "--root", &root]).status.success());
    assert!(!read(&site.join("public/index.html")).contains("更新于"));
    let out = gongkai_env(
        &["build", "--root", &root],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert!(out.status.success());
    assert!(read(&site.join("public/index.html")).contains("更新于 2023-11-14"));
}

#[test]
fn check_prints_json_and_github_diagnostics_for_ci() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    copy_tree(&fixture("errors/many_errors"), &site);
    fs::copy(fixture("errors/site.yaml"), site.join("site.yaml")).expect("site.yaml");
    let root = site.to_string_lossy().into_owned();

    let out = gongkai(&["check", "--root", &root, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect();
    assert_eq!(
        lines.len(),
        4,
        "one object per problem (`titel` is the missing `title`)"
    );
    for key in [
        "path", "line", "column", "field", "severity", "code", "message", "hint",
    ] {
        assert!(lines.iter().all(|l| l.get(key).is_some()), "{key} missing");
    }
    let date = lines.iter().find(|l| l["field"] == "date").expect("date problem");
    assert_eq!(
        (
            date["path"].as_str(),
            date["line"].as_u64(),
            date["severity"].as_str()
        ),
        (Some("content/a.md"), Some(6), Some("error"))
    );
    assert_eq!(date["code"], "date.invalid");
    // The codes and fields do not change with the language; the words do.
    let zh = gongkai_env(
        &["check", "--root", &root, "--format", "json"],
        &[("GONGKAI_LANG", "zh")],
    );
    let zh: Vec<serde_json::Value> = String::from_utf8_lossy(&zh.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let codes = |v: &[serde_json::Value]| -> Vec<(String, String)> {
        v.iter()
            .map(|l| (l["code"].to_string(), l["field"].to_string()))
            .collect()
    };
    assert_eq!(codes(&zh), codes(&lines));
    let zh_date = zh.iter().find(|l| l["field"] == "date").expect("date");
    assert_eq!(
        zh_date["message"],
        "“date”不是有效的日期：日历上没有“2017-13-01”这一天"
    );

    let out = gongkai(&["check", "--root", &root, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(text.lines().count(), 4);
    assert!(
        text.lines().all(|l| l.starts_with("::error file=content/")),
        "{text}"
    );
    assert!(
        text.contains("::error file=content/a.md,line=6,col=7,title=date::"),
        "{text}"
    );
    assert_eq!(date["column"].as_u64(), Some(7), "the column of the bad value");
}

#[test]
fn human_diagnostics_show_the_source_line_with_a_caret_and_no_colour_off_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    copy_tree(&fixture("errors/many_errors"), &site);
    fs::copy(fixture("errors/site.yaml"), site.join("site.yaml")).expect("site.yaml");
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        !err.contains('\x1b'),
        "no colour when stderr is not a terminal:\n{err}"
    );
    let lines: Vec<&str> = err.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("error: content/a.md:6: date:"))
        .unwrap_or_else(|| panic!("no date error:\n{err}"));
    assert_eq!(lines[header + 1].trim(), "--> content/a.md:6:7");
    let source = lines[header + 3];
    assert_eq!(source, "6 | date: 2017-13-01", "{err}");
    let caret = lines[header + 4];
    assert_eq!(caret.find('^'), source.find("2017"), "{err}");
    assert_eq!(caret.trim_end().matches('^').count(), "2017-13-01".len(), "{err}");
}

#[test]
fn build_prints_one_summary_line_and_nothing_when_quiet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("mysite");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    fill_placeholders(&site);
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // The summary, and (base_url is under /zwgk/) where robots.txt must go.
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.contains("/zwgk/, and crawlers read robots.txt only at the domain's root")),
        "{text}"
    );
    let robots = read(&site.join("public/robots.txt"));
    assert!(
        robots.contains("Allow: /zwgk/\nSitemap: https://www.zichuan.gov.cn/zwgk/sitemap.xml"),
        "{robots}"
    );
    // The search box's example is the site's own newest 文件编号.
    assert!(read(&site.join("public/search/index.html")).contains("placeholder=\"如：某政办发〔2026〕1号\""));
    for part in ["built 2 documents", " pages", " search shards", " s\n"] {
        assert!(text.contains(part), "{part:?} missing from {text:?}");
    }
    // Not a terminal: no progress bar either.
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    let out = gongkai(&["build", "--quiet", "--root", &site.to_string_lossy()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn new_doc_takes_the_next_free_index_number_in_the_pattern() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    let root = site.to_string_lossy().into_owned();
    let new_doc = |args: &[&str]| {
        let mut all = vec!["new-doc", "--root", root.as_str()];
        all.extend_from_slice(args);
        gongkai_env(&all, &[("SOURCE_DATE_EPOCH", "1772323200")]) // 2026-03-01
    };

    // Without a pattern in site.yaml it says how to add one.
    let yaml = read(&site.join("site.yaml"));
    let without = &yaml[..yaml
        .find("# gongkai new-doc")
        .expect("scaffold declares the pattern")];
    fs::write(site.join("site.yaml"), without).expect("site.yaml");
    let out = new_doc(&["--category", "规划计划"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("index_number: { pattern:"),
        "{}",
        stderr(&out)
    );
    fs::write(site.join("site.yaml"), &yaml).expect("site.yaml");

    // The new site already has 0001-03-2026-000001, and a link elsewhere
    // mentions 000004: the next number is 000005.
    fs::write(
        site.join("content/draft.md"),
        "---\ntitle: 草稿\nindex_number: 0001-02-2026-000001\nissuer: 某某区人民政府办公室\ncategory: 政策文件\ndate: 2026-02-01\ndraft: true\n---\n见 idx:0001-03-2026-000004。\n",
    )
    .expect("draft");
    let out = new_doc(&[
        "--category",
        "规划计划",
        "--title",
        "关于做好2026年政务公开工作的通知",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(path.ends_with("content/0001-03-2026-000005.md"), "{path}");
    let text = read(std::path::Path::new(&path));
    for line in [
        "title: 关于做好2026年政务公开工作的通知\n",
        "index_number: \"0001-03-2026-000005\"\n",
        "issuer: 某某区人民政府办公室\n",
        "category: 规划计划\n",
        "date: 2026-03-01\n",
    ] {
        assert!(text.contains(line), "{line:?} missing from\n{text}");
    }
    // By code, in another category: numbered within that category.
    let out = new_doc(&["--category", "08"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(second.ends_with("content/0001-08-2026-000001.md"), "{second}");

    // The titled document builds; the untitled one fails check until its
    // TODO title is written.
    let out = gongkai(&["check", "--root", &root]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/0001-08-2026-000001.md:2: title: `title` is still a placeholder"),
        "{}",
        stderr(&out)
    );
    let untitled = read(std::path::Path::new(&second)).replace("\"TODO: 标题\"", "政策解读");
    fs::write(&second, untitled).expect("title");
    let out = gongkai(&["build", "--root", &root]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.join("public/docs/0001-03-2026-000005.html").is_file());

    // An unknown category lists the known ones.
    let out = new_doc(&["--category", "规化计划"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("规划计划 (03)"), "{}", stderr(&out));

    // An older document: its date (in any accepted form) gives the
    // 索引号's year; its 文件编号 is written.
    let out = new_doc(&[
        "--category",
        "规划计划",
        "--title",
        "关于2017年工作的通知",
        "--date",
        "2017年7月18日",
        "--doc-number",
        "某政办发〔2017〕9号",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(path.ends_with("content/0001-03-2017-000001.md"), "{path}");
    let text = read(std::path::Path::new(&path));
    assert!(
        text.contains("date: 2017-07-18\n") && text.contains("doc_number: 某政办发〔2017〕9号\n"),
        "{text}"
    );
    let out = new_doc(&["--category", "规划计划", "--date", "2017-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a date"), "{}", stderr(&out));
}
