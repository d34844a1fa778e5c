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

/// The host of an absolute http(s) or protocol-relative URL.
fn host(url: &str) -> Option<&str> {
    let lower = url.trim_start();
    let rest = ["https://", "http://", "//"].iter().find_map(|p| {
        lower
            .get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &lower[p.len()..])
    })?;
    Some(rest.split(['/', '?', '#', ':']).next().unwrap_or(""))
}

/// Whether `digits` (18 characters) is an ID-card number whose check
/// character is right (GB 11643-1999).
fn valid_id_number(digits: &[u8]) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = digits[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    digits[17].to_ascii_uppercase() == CHECK[(sum % 11) as usize]
}

/// Every run of exactly 18 digits (the last may be X) that is a
/// checksum-valid ID-card number.
fn id_numbers(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i < bytes.len() && (bytes[i] == b'X' || bytes[i] == b'x') {
            i += 1;
        }
        let run = &bytes[start..i];
        let next_is_alnum = i < bytes.len() && bytes[i].is_ascii_alphanumeric();
        if run.len() == 18
            && !next_is_alnum
            && run[..17].iter().all(u8::is_ascii_digit)
            && valid_id_number(run)
        {
            found.push(text[start..i].to_owned());
        }
    }
    found
}

/// Numeric character references and the named ones that can hide a
/// scheme (`&colon;`, `&Tab;`, `&NewLine;`) decoded; others left as they are.
fn decode_references(value: &str) -> String {
    let reference = regex::Regex::new(r"(?i)&(#x[0-9a-f]+|#[0-9]+|colon|tab|newline);?").expect("pattern");
    reference
        .replace_all(value, |c: &regex::Captures<'_>| {
            let name = c[1].to_ascii_lowercase();
            let code = match name.as_str() {
                "colon" => Some(':' as u32),
                "tab" => Some(9),
                "newline" => Some(10),
                n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16).ok(),
                n => n[1..].parse().ok(),
            };
            code.and_then(char::from_u32)
                .map_or_else(|| c[0].to_owned(), String::from)
        })
        .into_owned()
}

/// What is wrong with one written text file (empty when nothing).
fn problems(path: &str, text: &str, site_host: &str) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains('\u{FFFD}') {
        found.push("U+FFFD (a character lost in decoding)".to_owned());
    }
    for marker in MARKERS {
        if text.contains(marker) || path.contains(marker) {
            found.push(format!("the unpublished document's marker {marker}"));
        }
    }
    for number in id_numbers(text) {
        found.push(format!("an ID-card number {number}"));
    }
    let is = |ext: &str| path.ends_with(ext);
    if is(".html") {
        let event = regex::Regex::new(r#"(?i)<[a-z][^>]*\son[a-z]+\s*="#).expect("pattern");
        if let Some(m) = event.find(text) {
            found.push(format!("an inline event handler: {}", m.as_str()));
        }
        let script = regex::Regex::new(r#"(?i)<script\b[^>]*>"#).expect("pattern");
        for tag in script.find_iter(text) {
            if !tag.as_str().contains(" src=") {
                found.push(format!("an inline script: {}", tag.as_str()));
            }
        }
        let attribute = regex::Regex::new(
            r#"(?i)\s(?:href|src|srcset|action|formaction|poster|data|cite|background)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#,
        )
        .expect("pattern");
        for capture in attribute.captures_iter(text) {
            let raw = capture
                .get(1)
                .or(capture.get(2))
                .or(capture.get(3))
                .map_or("", |m| m.as_str());
            // As a browser reads it: character references decoded, tabs and
            // line breaks dropped.
            let value = decode_references(raw)
                .to_ascii_lowercase()
                .replace(['\t', '\n', '\r'], "");
            if ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|scheme| value.trim_start().starts_with(scheme))
            {
                found.push(format!("a script URL: {}", &capture[0]));
            }
            if let Some(other) = host(&value).filter(|h| !h.eq_ignore_ascii_case(site_host)) {
                found.push(format!("a reference to another host ({other}): {}", &capture[0]));
            }
        }
    }
    if is(".css") || is(".js") || is(".html") {
        let url = regex::Regex::new(r#"(?i)(url\(\s*["']?|@import\s+["']|fetch\(\s*["'`]|import\s*\(\s*["'`]|from\s+["'])((?:https?:)?//[^"'`)\s]+)"#)
            .expect("pattern");
        for capture in url.captures_iter(text) {
            if let Some(other) = host(&capture[2]).filter(|h| !h.eq_ignore_ascii_case(site_host)) {
                found.push(format!("a resource from another host ({other}): {}", &capture[0]));
            }
        }
    }
    found
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
    let mut report = Vec::new();
    let mut scanned = 0;
    for (path, bytes) in &files {
        // Binary files (search shards) are checked for the markers as bytes.
        let Ok(text) = std::str::from_utf8(bytes) else {
            for marker in MARKERS {
                if path.contains(marker) || bytes.windows(marker.len()).any(|w| w == marker.as_bytes()) {
                    report.push(format!("{path}: the marker {marker}"));
                }
            }
            continue;
        };
        scanned += 1;
        report.extend(
            problems(path, text, "example.gov.cn")
                .into_iter()
                .map(|p| format!("{path}: {p}")),
        );
    }
    assert!(scanned > 100, "{scanned} text files scanned");
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The scanner itself finds what it looks for (it would otherwise pass on
/// anything).
#[test]
fn the_scanner_finds_each_kind_of_problem() {
    let check = |path: &str, text: &str| problems(path, text, "example.gov.cn");
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
