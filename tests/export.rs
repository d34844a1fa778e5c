//! Open data: catalogue.json valid against its schema, catalogue.csv with a
//! BOM and RFC 4180 quoting, Atom feeds and the sitemap well-formed and
//! complete, data.json describing the exports.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use quick_xml::Reader;
use quick_xml::events::Event;

/// The rules fixture with an absolute base_url (feeds and sitemap are
/// made) and `extra_yaml` in its site.yaml.
fn rules_site(extra_yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, site) = fixture_site("rules");
    let yaml = read(&site.join("site.yaml"));
    fs::write(
        site.join("site.yaml"),
        format!("base_url: https://www.example.gov.cn/zwgk/\n{extra_yaml}{yaml}"),
    )
    .expect("write");
    (dir, site)
}

fn build(extra_yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, site) = rules_site(extra_yaml);
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
    let (_dir, site) = rules_site("");
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

/// Builds `site` on the day `epoch` (SOURCE_DATE_EPOCH) and reads catalogue.json.
fn build_on(site: &Path, epoch: &str) -> serde_json::Value {
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("SOURCE_DATE_EPOCH", epoch)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&read(&site.join("public/catalogue.json"))).expect("catalogue.json")
}

fn entry<'a>(catalogue: &'a serde_json::Value, number: &str) -> &'a serde_json::Value {
    catalogue["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["index_number"] == number)
        .unwrap_or_else(|| panic!("{number}"))
}

#[test]
fn harvesters_get_modified_dates_digests_and_tombstones() {
    let (_dir, site) = rules_site("");
    // Day one: each document's modified is its latest dated event.
    let first = build_on(&site, "1767225600"); // 2026-01-01
    assert_eq!(first["schema_version"], 2);
    assert_eq!(first["withdrawn"], serde_json::json!([]));
    let modified =
        |c: &serde_json::Value, n: &str| entry(c, n)["modified"].as_str().expect("modified").to_owned();
    let digest = |c: &serde_json::Value, n: &str| entry(c, n)["digest"].as_str().expect("digest").to_owned();
    assert_eq!(
        modified(&first, "0101-02-2018-000007"),
        "2020-03-01",
        "repealed the day its successor was published"
    );
    assert_eq!(
        modified(&first, "0101-02-2019-000003"),
        "2020-01-01",
        "expired the day after valid_until"
    );
    assert_eq!(
        modified(&first, "0101-02-2020-000001"),
        "2020-03-02",
        "interpreted on 2020-03-02"
    );
    assert_eq!(modified(&first, "0101-08-2020-000001"), "2020-03-02");
    assert_eq!(digest(&first, "0101-02-2020-000001").len(), 32);
    let schema: serde_json::Value =
        serde_json::from_str(&read(&site.join("public/catalogue.schema.json"))).expect("schema");
    if let Err(e) = jsonschema::validate(&schema, &first) {
        panic!("catalogue.json does not match its schema: {e}");
    }
    let sitemap = read(&site.join("public/sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://www.example.gov.cn/zwgk/docs/0101-02-2018-000007.html</loc><lastmod>2020-03-01</lastmod>"),
        "{sitemap}"
    );
    let data: serde_json::Value =
        serde_json::from_str(&read(&site.join("public/data.json"))).expect("data.json");
    let dataset = &data["dataset"][0];
    for required in [
        "title",
        "description",
        "keyword",
        "modified",
        "publisher",
        "contactPoint",
        "identifier",
        "accessLevel",
    ] {
        assert!(
            !dataset[required].is_null(),
            "Project Open Data v1.1 requires {required}"
        );
    }
    assert_eq!(dataset["contactPoint"]["@type"], "vcard:Contact");
    assert!(
        dataset["contactPoint"]["fn"]
            .as_str()
            .is_some_and(|f| !f.is_empty())
    );

    // A corrected body, built a month later: that document alone is modified
    // that day; nothing else changes.
    let policy = site.join("content/zhengce/policy.md");
    let text = read(&policy);
    let at = text.rfind("\n\n").expect("a body");
    fs::write(&policy, format!("{}\n\n（更正）{}", &text[..at], &text[at + 2..])).expect("write");
    let second = build_on(&site, "1769904000"); // 2026-02-01
    assert_eq!(modified(&second, "0101-02-2020-000001"), "2026-02-01");
    assert_ne!(
        digest(&second, "0101-02-2020-000001"),
        digest(&first, "0101-02-2020-000001")
    );
    for n in [
        "0101-02-2018-000007",
        "0101-02-2019-000003",
        "0101-08-2020-000001",
    ] {
        assert_eq!(entry(&second, n), entry(&first, n), "{n} unchanged");
    }
    // The feed shows the corrected document again, first.
    let feed = read(&site.join("public/feed.xml"));
    let first_entry = &feed[feed.find("<entry>").expect("an entry")..];
    assert!(
        first_entry.contains("docs/0101-02-2020-000001.html")
            && first_entry.contains("<updated>2026-02-01T00:00:00+08:00</updated>"),
        "{feed}"
    );

    // Built again later with nothing changed: the date stays.
    let third = build_on(&site, "1772323200"); // 2026-03-01
    assert_eq!(modified(&third, "0101-02-2020-000001"), "2026-02-01");

    // A document withdrawn: a tombstone dated that build, kept afterwards.
    fs::remove_file(site.join("content/zhengce/expiring.md")).expect("remove");
    let fourth = build_on(&site, "1775001600"); // 2026-04-01
    let tombstone = serde_json::json!([{
        "index_number": "0101-02-2019-000003",
        "url": "https://www.example.gov.cn/zwgk/docs/0101-02-2019-000003.html",
        "withdrawn": "2026-04-01"
    }]);
    assert_eq!(fourth["withdrawn"], tombstone);
    let fifth = build_on(&site, "1777593600"); // 2026-05-01
    assert_eq!(fifth["withdrawn"], tombstone, "kept, with its first date");
    if let Err(e) = jsonschema::validate(&schema, &fifth) {
        panic!("catalogue.json does not match its schema: {e}");
    }
    assert!(!read(&site.join("public/sitemap.xml")).contains("0101-02-2019-000003"));
}

/// Every key of a JSON-LD node is a keyword or a term of `prefixes`; every
/// `@id` an absolute IRI.
fn check_jsonld(value: &serde_json::Value, prefixes: &[String], problems: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key == "@context" {
                    continue;
                }
                let known = key.starts_with('@')
                    || key
                        .split_once(':')
                        .is_some_and(|(p, _)| prefixes.iter().any(|q| q == p));
                if !known {
                    problems.push(format!("unknown term {key}"));
                }
                if key == "@id" {
                    let iri = v.as_str().unwrap_or_default();
                    if !(iri.starts_with("https://")
                        || iri.starts_with("http://")
                        || iri.starts_with("mailto:"))
                    {
                        problems.push(format!("not an absolute IRI: {iri}"));
                    }
                }
                if key == "@type" && v.as_str().is_some_and(|t| !t.contains(':')) {
                    problems.push(format!("type without a prefix: {v}"));
                }
                check_jsonld(v, prefixes, problems);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_jsonld(v, prefixes, problems)),
        _ => {}
    }
}

#[test]
fn a_dcat_ap_catalogue_describes_the_exports_for_ckan() {
    let (_dir, public) = build("");
    let dcat: serde_json::Value =
        serde_json::from_str(&read(&public.join("dcat.jsonld"))).expect("dcat.jsonld");
    let prefixes: Vec<String> = dcat["@context"]
        .as_object()
        .expect("an inline context")
        .keys()
        .cloned()
        .collect();
    for (prefix, iri) in dcat["@context"].as_object().expect("context") {
        assert!(iri.as_str().is_some_and(|i| i.starts_with("http://")), "{prefix}");
    }
    let mut problems = Vec::new();
    check_jsonld(&dcat, &prefixes, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(dcat["@type"], "dcat:Catalog");
    for required in ["dct:title", "dct:description", "dct:publisher", "dcat:dataset"] {
        assert!(!dcat[required].is_null(), "the catalogue's {required}");
    }
    let dataset = &dcat["dcat:dataset"][0];
    assert_eq!(dataset["@type"], "dcat:Dataset");
    for required in [
        "dct:title",
        "dct:description",
        "dcat:contactPoint",
        "dcat:distribution",
        "dct:modified",
    ] {
        assert!(!dataset[required].is_null(), "the dataset's {required}");
    }
    let distributions = dataset["dcat:distribution"].as_array().expect("distributions");
    assert_eq!(distributions.len(), 3);
    for d in distributions {
        assert_eq!(d["@type"], "dcat:Distribution");
        let url = d["dcat:accessURL"]["@id"].as_str().expect("accessURL");
        let file = url
            .strip_prefix("https://www.example.gov.cn/zwgk/")
            .expect("under base_url");
        assert!(public.join(file).is_file(), "{file} is published");
    }
    assert!(
        dataset["dct:modified"]["@value"]
            .as_str()
            .is_some_and(|d| d.len() == 10)
    );
}
