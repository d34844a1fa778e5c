//! Every validation error, one fixture folder each under tests/fixtures/errors/:
//! the build must print the expected lines, exit with the expected code, and
//! leave the previous output byte-identical.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Copies a fixture into a temp site, with the shared site.yaml when it has none,
/// and a previous `public/` that the failed build must not touch.
fn prepare(case: &Path, site: &Path) {
    copy_tree(case, site);
    fs::remove_file(site.join("expected.txt")).expect("expected.txt");
    if !site.join("site.yaml").exists() {
        fs::copy(
            case.parent().expect("errors dir").join("site.yaml"),
            site.join("site.yaml"),
        )
        .expect("site.yaml");
    }
    fs::create_dir_all(site.join("public/docs")).expect("public");
    fs::write(site.join("public/index.html"), "previous build").expect("write");
    fs::write(site.join("public/docs/old.html"), "an older page").expect("write");
}

fn run_case(case: &Path) -> Result<(), String> {
    let name = case.file_name().expect("name").to_string_lossy().into_owned();
    let expected = read(&case.join("expected.txt"));
    let mut lines = expected.lines();
    let exit: i32 = lines
        .next()
        .and_then(|l| l.strip_prefix("exit: "))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("{name}: expected.txt must start with `exit: N`"))?;
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path();
    prepare(case, site);
    let before = tree(&site.join("public"));

    for command in ["check", "build"] {
        let out = gongkai(&[command, "--root", &site.to_string_lossy()]);
        let err = stderr(&out);
        if out.status.code() != Some(exit) {
            return Err(format!(
                "{name} ({command}): exit {:?}, expected {exit}\n{err}",
                out.status.code()
            ));
        }
        for want in expected.lines().skip(1) {
            if !err.contains(want) {
                return Err(format!(
                    "{name} ({command}): stderr lacks {want:?}\n--- stderr ---\n{err}"
                ));
            }
        }
    }
    if tree(&site.join("public")) != before {
        return Err(format!(
            "{name}: the previous public/ was changed by a failed build"
        ));
    }
    for leftover in [".public.gongkai-staging", ".public.gongkai-old"] {
        if site.join(leftover).exists() {
            return Err(format!("{name}: {leftover} was left behind"));
        }
    }
    Ok(())
}

#[test]
fn every_error_fixture_reports_its_message_line_and_exit_code_and_keeps_the_output() {
    let root = fixture("errors");
    let mut cases: Vec<_> = fs::read_dir(&root)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "fixtures missing: {cases:?}");
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn minimal_site(site: &Path) {
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::copy(fixture("errors/site.yaml"), site.join("site.yaml")).expect("site.yaml");
}

#[test]
fn gbk_file_is_named_with_the_iconv_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    minimal_site(dir.path());
    let text = "---\ntitle: 关于印发工作要点的通知\nindex_number: 1\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2017-07-18\n---\n正文\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    fs::write(dir.path().join("content/gbk.md"), &gbk).expect("write");
    let out = gongkai(&["build", "--root", &dir.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("content/gbk.md:2: the file is not UTF-8"), "{err}");
    assert!(
        err.contains("looks like GBK: convert it with iconv -f GBK -t UTF-8")
            && err.contains("Notepad (记事本) or WPS"),
        "{err}"
    );
    assert!(
        !dir.path().join("public").exists(),
        "a failed first build must write nothing"
    );
}

#[test]
fn bom_and_crlf_build_like_plain_utf8() {
    let text = "---\ntitle: 通知\nindex_number: 0101-03-2017-000001\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2017-07-18\n---\n\n第一段，\n接续。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n";
    let mut outputs = Vec::new();
    for variant in [
        text.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), text.replace('\n', "\r\n").as_bytes()].concat(),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        minimal_site(dir.path());
        fs::write(dir.path().join("content/a.md"), variant).expect("write");
        let out = gongkai(&["build", "--root", &dir.path().to_string_lossy()]);
        assert!(out.status.success(), "{}", stderr(&out));
        outputs.push(tree(&dir.path().join("public")));
    }
    assert_eq!(outputs[0], outputs[1], "BOM + CRLF must give the same site as LF");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_site_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    minimal_site(&site);
    let outside = dir.path().join("secret.md");
    fs::write(&outside, "---\ntitle: x\n---\n").expect("write");
    std::os::unix::fs::symlink(&outside, site.join("content/link.md")).expect("symlink");
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/link.md: this symbolic link points outside the site folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_dir_inside_content_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    minimal_site(dir.path());
    let out_dir = dir.path().join("content/out");
    let out = gongkai(&[
        "build",
        "--root",
        &dir.path().to_string_lossy(),
        "--out",
        &out_dir.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not allowed"), "{}", stderr(&out));
    let out = gongkai(&[
        "build",
        "--root",
        &dir.path().to_string_lossy(),
        "--out",
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(dir.path().join("site.yaml").exists());
}
