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

    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(tree(&site.join("public/docs")).len(), 2);

    // A second `new` into a non-empty folder is refused.
    let out = gongkai(&["new", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_successful_build_replaces_the_previous_output_entirely() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    fs::create_dir_all(site.join("public/docs")).expect("mkdir");
    fs::write(
        site.join("public/docs/stale.html"),
        "a page of a deleted document",
    )
    .expect("write");
    assert!(
        gongkai(&["build", "--root", &site.to_string_lossy()])
            .status
            .success()
    );
    assert!(
        !site.join("public/docs/stale.html").exists(),
        "stale page survived"
    );
    assert!(!site.join("public.staging").exists() && !site.join("public.old").exists());
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
    assert_eq!(lines.len(), 5, "one object per problem");
    for key in ["path", "line", "column", "field", "severity", "message", "hint"] {
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

    let out = gongkai(&["check", "--root", &root, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(text.lines().count(), 5);
    assert!(
        text.lines().all(|l| l.starts_with("::error file=content/")),
        "{text}"
    );
    assert!(
        text.contains("::error file=content/a.md,line=6,title=date::"),
        "{text}"
    );
}
