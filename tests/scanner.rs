//! A scan of everything a build writes, over the example site with two
//! unpublished documents added (a 依申请公开 one and a draft, each carrying
//! marker strings in every field and its body): no inline event handler, no
//! script or `data:text/html` URL, no inline script, nothing loaded from
//! another host, no U+FFFD, no checksum-valid 18-digit ID-card number and
//! no trace of an unpublished document, in any page, asset, search file or
//! export.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

const REQUEST_MARKER: &str = "MARKERREQUEST7D1F";
const DRAFT_MARKER: &str = "MARKERDRAFT92C4";
/// The two documents' 索引号, which must not show either.
const REQUEST_INDEX: &str = "9999-03-2024-000001";
const DRAFT_INDEX: &str = "9999-03-2024-000002";
const MARKERS: [&str; 4] = [REQUEST_MARKER, DRAFT_MARKER, REQUEST_INDEX, DRAFT_INDEX];

/// The example site (site.yaml, content/, themes/) with the two unpublished
/// documents added.
fn site_with_unpublished(dir: &Path) -> PathBuf {
    let site = dir.join("example");
    fs::create_dir_all(&site).expect("mkdir");
    fs::copy(repo().join("site.yaml"), site.join("site.yaml")).expect("site.yaml");
    copy_tree(&repo().join("content"), &site.join("content"));
    copy_tree(&repo().join("themes"), &site.join("themes"));
    let document = |marker: &str, index: &str, extra: &str| {
        format!(
            "---\ntitle: 关于{marker}的通知\nindex_number: {index}\nissuer: {marker}办公室\n\
             doc_number: {marker}〔2024〕1号\ncategory: 规划计划\ndate: 2024-03-01\n\
             summary: {marker}概述\nkeywords: [{marker}]\n{extra}---\n\n正文{marker}。\n\n## {marker}小节\n"
        )
    };
    fs::write(
        site.join("content/request-only.md"),
        document(REQUEST_MARKER, REQUEST_INDEX, "disclosure: 依申请公开\n"),
    )
    .expect("write");
    fs::write(
        site.join("content/draft.md"),
        document(DRAFT_MARKER, DRAFT_INDEX, "draft: true\n"),
    )
    .expect("write");
    site
}

#[test]
fn nothing_unsafe_foreign_or_unpublished_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = site_with_unpublished(dir.path());
    let out = dir.path().join("public");
    let result = gongkai(&[
        "build",
        "--root",
        &site.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    let summary = String::from_utf8_lossy(&result.stdout).into_owned() + &stderr(&result);
    assert!(summary.contains("(2 not published)"), "{summary}");

    let files = tree(&out);
    assert!(
        files.len() > 100,
        "the whole site was written: {} files",
        files.len()
    );
    let (report, scanned) = scan::scan_tree(&out, "example.gov.cn", &MARKERS);
    assert!(scanned > 100, "{scanned} text files scanned");
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The scanner itself finds what it looks for (it would otherwise pass on
/// anything).
#[test]
fn the_scanner_finds_each_kind_of_problem() {
    let check = |path: &str, text: &str| scan::problems(path, text, "example.gov.cn", &MARKERS);
    let cases: [(&str, &str, &str); 11] = [
        ("a.html", "<img src=x onerror=alert(1)>", "inline event handler"),
        ("a.html", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "script URL"),
        ("a.html", "<a href='java\tscript:x'>x</a>", "script URL"),
        (
            "a.html",
            "<a href=\"java&#x09;script&colon;x\">x</a>",
            "script URL",
        ),
        (
            "a.html",
            "<iframe src=\"data:text/html,x\"></iframe>",
            "script URL",
        ),
        ("a.html", "<script>alert(1)</script>", "inline script"),
        (
            "a.html",
            "<img src=\"https://cdn.example.com/x.png\">",
            "another host",
        ),
        (
            "a.css",
            "body { background: url(//fonts.example.net/a.woff) }",
            "another host",
        ),
        ("a.txt", "编码\u{FFFD}错误", "U+FFFD"),
        ("a.txt", "身份证号11010519491231002X。", "ID-card number"),
        ("a.json", "[\"MARKERDRAFT92C4\"]", "unpublished"),
    ];
    for (path, text, kind) in cases {
        let found = check(path, text);
        assert!(found.iter().any(|p| p.contains(kind)), "{text}: {found:?}");
    }
    // And passes what is fine.
    let fine = "<a href=\"https://example.gov.cn/zwgk/docs/a.html\">a</a><script src=\"../assets/site.js\"></script>\
                <svg xmlns=\"http://www.w3.org/2000/svg\"></svg> 电话 0429-12345678 号码 110105194912310021";
    assert_eq!(check("a.html", fine), Vec::<String>::new());
}
