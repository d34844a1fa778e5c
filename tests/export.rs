//! Open data: catalogue.json valid against its schema, catalogue.csv with a
//! BOM and RFC 4180 quoting, Atom feeds and the sitemap well-formed and
//! complete, data.json describing the exports.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use quick_xml::Reader;
use quick_xml::events::Event;

fn build(extra_yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, site) = fixture_site("rules");
    let yaml = read(&site.join("site.yaml"));
    fs::write(
        site.join("site.yaml"),
        format!("base_url: https://www.example.gov.cn/zwgk/\n{extra_yaml}{yaml}"),
    )
    .expect("write");
    // A title that needs CSV quoting, and a document that must not be exported.
    fs::write(
        site.join("content/zhengce/quoted.md"),
        "---\ntitle: '关于\"公开\",解读的通知'\nindex_number: 0101-02-2020-000020\nissuer: 区政府办公室\ncategory: 政策文件\ndate: 2020-05-01\n---\n\n第一行，\n第二行。\n",
    )
    .expect("write");
    fs::write(
        site.join("content/zhengce/hidden.md"),
        "---\ntitle: 不予公开的文件\nindex_number: 0101-02-2020-000021\nissuer: 区政府办公室\ncategory: 政策文件\ndate: 2020-05-02\ndisclosure: 不予公开\n---\n\nwithheldmarker\n",
    )
    .expect("write");
    let public = build_site(&site);
    (dir, public)
}

#[test]
fn catalogue_json_is_valid_against_its_schema_and_complete() {
    let (_dir, public) = build("");
    let schema: serde_json::Value =
        serde_json::from_str(&read(&public.join("catalogue.schema.json"))).expect("schema");
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(&public.join("catalogue.json"))).expect("json");
    if let Err(e) = jsonschema::validate(&schema, &catalogue) {
        panic!("catalogue.json does not match its schema: {e}");
    }
    let docs = catalogue["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5, "published documents only");
    let by_index = |n: &str| {
        docs.iter()
            .find(|d| d["index_number"] == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    let policy = by_index("0101-02-2020-000001");
    assert_eq!(
        policy["url"],
        "https://www.example.gov.cn/zwgk/docs/0101-02-2020-000001.html"
    );
    assert_eq!(policy["doc_number"], "区政发〔2020〕1号");
    assert_eq!(policy["attachments"][0]["size"], 25);
    assert_eq!(policy["attachments"][1]["title"], "2019年统计表");
    assert_eq!(
        by_index("0101-08-2020-000001")["interprets"],
        serde_json::json!(["0101-02-2020-000001"])
    );
    assert_eq!(
        by_index("0101-02-2018-000007")["replaced_by"],
        "0101-02-2020-000001"
    );
    assert_eq!(by_index("0101-02-2019-000003")["status"], "已失效");
    // The schema rejects what it should: a document without an index number.
    let mut broken = catalogue.clone();
    broken["documents"][0]
        .as_object_mut()
        .expect("object")
        .remove("index_number");
    assert!(jsonschema::validate(&schema, &broken).is_err());

    let data: serde_json::Value = serde_json::from_str(&read(&public.join("data.json"))).expect("data.json");
    assert_eq!(data["@type"], "dcat:Catalog");
    let urls: Vec<&str> = data["dataset"][0]["distribution"]
        .as_array()
        .expect("distribution")
        .iter()
        .map(|d| d["downloadURL"].as_str().expect("url"))
        .collect();
    assert_eq!(
        urls,
        [
            "https://www.example.gov.cn/zwgk/catalogue.json",
            "https://www.example.gov.cn/zwgk/catalogue.csv",
            "https://www.example.gov.cn/zwgk/feed.xml"
        ]
    );
    assert!(
        !all_text(&public).contains("withheldmarker")
            && !read(&public.join("catalogue.csv")).contains("0101-02-2020-000021")
    );
}

#[test]
fn catalogue_csv_opens_in_excel_and_parses_as_rfc_4180() {
    let (_dir, public) = build("");
    let bytes = fs::read(public.join("catalogue.csv")).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel and WPS");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "索引号");
    assert_eq!(headers.len(), 16);
    let url = headers.iter().position(|h| h == "网址").expect("网址 column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 5);
    let quoted = rows
        .iter()
        .find(|r| &r[0] == "0101-02-2020-000020")
        .expect("quoted row");
    assert_eq!(&quoted[1], "关于\"公开\",解读的通知");
    assert_eq!(
        &quoted[url],
        "https://www.example.gov.cn/zwgk/docs/0101-02-2020-000020.html"
    );
}

/// The elements of an XML file, by name, with their text; panics if it is not well-formed.
fn xml_elements(path: &Path) -> Vec<(String, String)> {
    let text = read(path);
    let mut reader = Reader::from_str(&text);
    let mut out = Vec::new();
    let mut open: Vec<String> = Vec::new();
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        {
            Event::Start(e) => open.push(AsRef::<str>::as_ref(&e.name()).to_owned()),
            Event::Empty(e) => out.push((AsRef::<str>::as_ref(&e.name()).to_owned(), String::new())),
            Event::Text(t) => {
                let t = t.into_inner();
                if let (Some(name), false) = (open.last(), t.trim().is_empty()) {
                    out.push((name.clone(), t.into_owned()));
                }
            }
            Event::End(e) => {
                let name = AsRef::<str>::as_ref(&e.name()).to_owned();
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name.as_str()),
                    "{}: unbalanced",
                    path.display()
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "{}: unclosed elements", path.display());
    out
}

#[test]
fn feeds_and_sitemap_are_well_formed_and_complete() {
    let (_dir, public) = build("feeds: { entries: 3 }\n");
    let feed = xml_elements(&public.join("feed.xml"));
    let count = |name: &str| feed.iter().filter(|(n, _)| n == name).count();
    let ids: Vec<&str> = feed
        .iter()
        .filter(|(n, t)| n == "id" && t.contains("/docs/"))
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(ids.len(), 3, "feeds.entries limits the feed");
    assert_eq!(
        ids[0], "https://www.example.gov.cn/zwgk/docs/0101-02-2020-000020.html",
        "newest first"
    );
    for required in ["title", "updated", "name", "summary"] {
        assert!(count(required) >= 3, "{required}");
    }
    assert!(read(&public.join("feed.xml")).contains("<title>关于&quot;公开&quot;,解读的通知</title>"));
    let interpretation_feed = xml_elements(&public.join("category/08/feed.xml"));
    assert!(
        interpretation_feed
            .iter()
            .any(|(n, t)| n == "id" && t.ends_with("docs/0101-08-2020-000001.html"))
    );

    let sitemap = xml_elements(&public.join("sitemap.xml"));
    let locs: Vec<&str> = sitemap
        .iter()
        .filter(|(n, _)| n == "loc")
        .map(|(_, t)| t.as_str())
        .collect();
    let pages = tree(&public).into_keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(locs.len(), pages, "every page is in the sitemap");
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://www.example.gov.cn/zwgk/"))
    );
    assert!(
        read(&public.join("robots.txt")).contains("Sitemap: https://www.example.gov.cn/zwgk/sitemap.xml")
    );
}

#[test]
fn without_an_absolute_base_url_feeds_are_skipped_with_a_notice() {
    let (_dir, site) = fixture_site("rules");
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success());
    assert!(
        stderr(&out)
            .contains("warning: site.yaml: base_url: no Atom feeds, sitemap.xml or robots.txt were written"),
        "{}",
        stderr(&out)
    );
    assert!(!site.join("public/feed.xml").exists() && site.join("public/catalogue.json").exists());
}

/// A vertical tab (Word's pasted line break), NUL, ESC or another control
/// character in a field or body is removed with a warning naming its line:
/// every feed, JSON and CSV file stays well-formed (issue 22, item 6).
#[test]
fn control_characters_never_reach_a_feed_or_data_file() {
    let (_dir, site) = fixture_site("rules");
    let yaml = read(&site.join("site.yaml"));
    fs::write(
        site.join("site.yaml"),
        format!("base_url: https://www.example.gov.cn/zwgk/\n{yaml}"),
    )
    .expect("write");
    fs::write(
        site.join("content/zhengce/pasted.md"),
        "---\ntitle: 关于\u{0B}粘贴\u{0}的通知\nindex_number: 0101-02-2020-000030\nissuer: 区政府办公室\ncategory: 政策文件\ndate: 2020-06-01\nsummary: 概述\u{1B}[0m内容\n---\n\n第一段\u{0B}第二行\u{7F}，\u{0C}完。\n",
    )
    .expect("write");
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [2, 7, 10] {
        assert!(
            err.contains(&format!("content/zhengce/pasted.md:{line}: a control character")),
            "line {line}: {err}"
        );
    }
    let public = site.join("public");
    for (path, bytes) in tree(&public) {
        if [".xml", ".json", ".csv", ".html"]
            .iter()
            .any(|e| path.ends_with(e))
        {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
                "{path} carries a control character"
            );
        }
    }
    xml_elements(&public.join("feed.xml"));
    let json: serde_json::Value = serde_json::from_str(&read(&public.join("catalogue.json"))).expect("JSON");
    assert!(
        json.to_string().contains("关于粘贴的通知"),
        "the text around it is kept"
    );
}
