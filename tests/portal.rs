//! A portal (集约化): member sites built with gongkai, one read from its
//! folder and one over HTTP (a server on 127.0.0.1 started here, logging
//! every request), merged into one site with level and member facets; a
//! one-document change harvested alone; a member that breaks keeps its
//! last good copy; the bulk NDJSON export against its mapping.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::*;

const EPOCH: (&str, &str) = ("SOURCE_DATE_EPOCH", "1767225600"); // 2026-01-01

fn doc(index: &str, title: &str, extra: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\nindex_number: {index}\nissuer: 县政府办公室\ncategory: 政策文件\ndate: 2024-03-01\n{extra}---\n\n{body}\n"
    )
}

/// A member site in `dir`: its documents, built, its folder returned.
fn member(dir: &Path, name: &str, base_url: &str, docs: &[(&str, String)]) -> PathBuf {
    let site = dir.join(name);
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::write(
        site.join("site.yaml"),
        format!(
            "title: {name}\nbase_url: {base_url}\ncategories:\n  - {{ code: \"02\", name: 政策文件 }}\n  - {{ code: \"08\", name: 政策解读 }}\n"
        ),
    )
    .expect("site.yaml");
    for (file, text) in docs {
        fs::write(site.join("content").join(file), text).expect("doc");
    }
    build_member(&site);
    site
}

fn build_member(site: &Path) {
    let out = gongkai_env(&["build", "--root", &site.to_string_lossy()], &[EPOCH]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A static server of `folder` on 127.0.0.1 answering `If-None-Match`
/// with 304 (the ETag is a hash of the bytes); every request's path and
/// status is logged.
struct Server {
    url: String,
    log: Arc<Mutex<Vec<(String, u16)>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(folder: PathBuf) -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("listen"));
        let url = format!("http://{}/", server.server_addr().to_ip().expect("ip"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (s, l) = (Arc::clone(&server), Arc::clone(&log));
        let thread = std::thread::spawn(move || {
            for request in s.incoming_requests() {
                let path = request.url().trim_start_matches('/').to_owned();
                let file = folder.join(&path);
                let (status, body, etag) = match fs::read(&file) {
                    Ok(bytes) => {
                        let etag = format!("\"{}\"", blake3::hash(&bytes).to_hex());
                        let same = request
                            .headers()
                            .iter()
                            .any(|h| h.field.equiv("If-None-Match") && h.value.as_str() == etag);
                        if same {
                            (304, Vec::new(), Some(etag))
                        } else {
                            (200, bytes, Some(etag))
                        }
                    }
                    Err(_) => (404, b"not found".to_vec(), None),
                };
                l.lock().expect("log").push((path, status));
                let mut response = tiny_http::Response::from_data(body).with_status_code(status);
                if let Some(etag) = etag {
                    response.add_header(tiny_http::Header::from_bytes("ETag", etag).expect("header"));
                }
                let _ = request.respond(response);
            }
        });
        Server {
            url,
            log,
            server,
            thread: Some(thread),
        }
    }

    fn take_log(&self) -> Vec<(String, u16)> {
        std::mem::take(&mut *self.log.lock().expect("log"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Portal {
    _dir: tempfile::TempDir,
    root: PathBuf,
    county: PathBuf,
    city: PathBuf,
    server: Server,
}

/// Two members — a county read from its site folder, a city over HTTP —
/// and the portal's site.yaml.
fn portal() -> Portal {
    let dir = tempfile::tempdir().expect("tempdir");
    let county = member(
        dir.path(),
        "county",
        "https://county.example.gov.cn/zwgk/",
        &[
            (
                "policy.md",
                doc(
                    "C-2024-01",
                    "县级政策文件",
                    "",
                    "县级政策正文，关于农田水利建设。\n\n## 第二节\n\n第三条 费用 1.5 万元 \\[见附表\\] \\*注\\*",
                ),
            ),
            (
                "reading.md",
                doc(
                    "C-2024-02",
                    "县级政策的解读",
                    "category: 政策解读\ninterprets: C-2024-01\n",
                    "解读正文。",
                )
                .replace("category: 政策文件\n", ""),
            ),
            (
                "draft.md",
                doc("C-2024-03", "草稿不公开标题", "draft: true\n", "草稿正文不可外泄"),
            ),
            (
                "request.md",
                doc(
                    "C-2024-04",
                    "依申请公开标题",
                    "disclosure: 依申请公开\n",
                    "依申请正文不可外泄",
                ),
            ),
        ],
    );
    let city = member(
        dir.path(),
        "city",
        "https://city.example.gov.cn/",
        &[
            // The same 索引号 as the county's: two members may.
            (
                "same.md",
                doc("C-2024-01", "市级同号文件", "", "市级正文，关于城市更新。"),
            ),
            (
                "other.md",
                doc("S-2024-09", "市级另一文件", "", "市级另一正文，关于公共交通。"),
            ),
        ],
    );
    let server = Server::start(city.join("public"));
    let root = dir.path().join("portal");
    fs::create_dir_all(root.join("content")).expect("mkdir");
    fs::write(
        root.join("site.yaml"),
        format!(
            "title: 某省政务公开\nbase_url: https://www.example.gov.cn/\ncategories:\n  - {{ code: \"02\", name: 政策文件 }}\nsources:\n  - {{ name: 某县人民政府, level: 县, code: county, folder: ../county }}\n  - {{ name: 某市人民政府, level: 市, code: city, url: \"{}catalogue.json\", pages: copy }}\n",
            server.url
        ),
    )
    .expect("site.yaml");
    Portal {
        _dir: dir,
        root,
        county,
        city,
        server,
    }
}

fn build_portal(root: &Path) -> std::process::Output {
    let out = gongkai_env(&["build", "--root", &root.to_string_lossy()], &[EPOCH]);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

#[test]
fn members_merge_into_one_site_with_level_and_member_facets() {
    let p = portal();
    build_portal(&p.root);
    let public = p.root.join("public");

    // Every published member document once, by member code + 索引号.
    let catalogue: serde_json::Value =
        serde_json::from_str(&read(&public.join("catalogue.json"))).expect("catalogue");
    let mut ids: Vec<&str> = catalogue["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["index_number"].as_str().expect("id"))
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "city-C-2024-01",
            "city-S-2024-09",
            "county-C-2024-01",
            "county-C-2024-02"
        ]
    );
    let row = catalogue["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["index_number"] == "county-C-2024-01")
        .expect("row");
    assert_eq!(row["fields"]["level"], "县");
    assert_eq!(row["fields"]["member"], "某县人民政府");

    // What the members did not publish is nowhere.
    let everything = all_text(&public) + &all_text(&p.root.join(".gongkai"));
    for secret in [
        "草稿不公开标题",
        "草稿正文不可外泄",
        "依申请公开标题",
        "依申请正文不可外泄",
    ] {
        assert!(!everything.contains(secret), "{secret} leaked");
    }

    // Level and member pages, as facets.
    let levels = read(&public.join("level/index.html"));
    assert!(levels.contains("县") && levels.contains("市"), "{levels}");
    let members = read(&public.join("member/index.html"));
    assert!(members.contains("某县人民政府") && members.contains("某市人民政府"));
    let manifest = read(&public.join("search/manifest.json"));
    assert!(
        manifest.contains("level") && manifest.contains("member"),
        "{manifest}"
    );

    // The county links: its page points at the member's page, canonical
    // there; the city is copied: its text on the portal's own page.
    let county_page = read(&public.join("docs/county-c-2024-01.html"));
    assert!(
        county_page.contains(
            "<link rel=\"canonical\" href=\"https://county.example.gov.cn/zwgk/docs/c-2024-01.html\">"
        ),
        "{county_page}"
    );
    assert!(county_page.contains("href=\"https://county.example.gov.cn/zwgk/docs/c-2024-01.html\""));
    let city_page = read(&public.join("docs/city-c-2024-01.html"));
    assert!(city_page.contains("市级正文，关于城市更新。"), "{city_page}");
    assert!(
        city_page.contains(
            "<link rel=\"canonical\" href=\"https://www.example.gov.cn/docs/city-c-2024-01.html\">"
        )
    );
    // Text with Markdown's marks reads as published (escaped, not markup).
    let county_copy = read(&p.root.join(".gongkai/sources/county/county-c-2024-01.md"));
    assert!(
        county_copy.contains("1\\.5 万元 \\[见附表\\] \\*注\\*"),
        "{county_copy}"
    );
    // The search has the county's full text even though its page links out.
    let texts = all_text(&public.join("search/x"));
    assert!(
        texts.contains("关于农田水利建设") && texts.contains("1.5 万元 [见附表] *注*"),
        "{texts}"
    );

    // The interpretation link holds within the member.
    let reading = read(&public.join("docs/county-c-2024-02.html"));
    assert!(reading.contains("county-c-2024-01.html"), "{reading}");

    // The HTTP member was read from its published files only.
    let log = p.server.take_log();
    assert!(
        log.iter().any(|(path, s)| path == "catalogue.json" && *s == 200),
        "{log:?}"
    );
    assert!(
        log.iter()
            .all(|(path, _)| path == "catalogue.json" || path.starts_with("search/")),
        "{log:?}"
    );
}

#[test]
fn one_changed_document_is_all_that_is_read_and_rewritten() {
    let p = portal();
    build_portal(&p.root);
    p.server.take_log();
    let copies = p.root.join(".gongkai/sources");
    let before_copies = mtimes(&copies);
    let before_pages = mtimes(&p.root.join("public/docs"));
    std::thread::sleep(std::time::Duration::from_millis(1100));

    // Nothing changed: the city answers 304, nothing is written.
    let out = build_portal(&p.root);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(
            "2 member sites (0 changed, 0 unreadable), 4 documents; this build wrote 0 copies and removed 0"
        ),
        "{said}"
    );
    assert_eq!(p.server.take_log(), [("catalogue.json".to_owned(), 304)]);
    assert_eq!(mtimes(&copies), before_copies);

    // The city corrects one document's body.
    fs::write(
        p.city.join("content/other.md"),
        doc(
            "S-2024-09",
            "市级另一文件",
            "",
            "市级另一正文，更正为关于轨道交通。",
        ),
    )
    .expect("edit");
    build_member(&p.city);
    let out = build_portal(&p.root);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("(1 changed, 0 unreadable), 4 documents; this build wrote 1 copies")
    );
    let log = p.server.take_log();
    let texts: Vec<&str> = log
        .iter()
        .filter(|(path, _)| path.starts_with("search/x/"))
        .map(|(path, _)| path.as_str())
        .collect();
    assert_eq!(
        texts.len(),
        1,
        "only the changed document's text is read: {log:?}"
    );
    let after_copies = mtimes(&copies);
    let changed: Vec<&String> = after_copies
        .iter()
        .filter(|(k, v)| before_copies.get(*k) != Some(*v) && !k.contains("/."))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed, ["city/city-s-2024-09.md"]);
    let after_pages = mtimes(&p.root.join("public/docs"));
    let rewritten: Vec<&String> = after_pages
        .iter()
        .filter(|(k, v)| before_pages.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(rewritten, ["city-s-2024-09.html"], "only that page is rewritten");
    assert!(read(&p.root.join("public/docs/city-s-2024-09.html")).contains("更正为关于轨道交通"));

    // A document the member withdraws leaves the portal.
    fs::remove_file(p.county.join("content/reading.md")).expect("remove");
    build_member(&p.county);
    build_portal(&p.root);
    assert!(!p.root.join("public/docs/county-c-2024-02.html").exists());
    assert!(!copies.join("county/county-c-2024-02.md").exists());
}

#[test]
fn a_member_that_fails_keeps_its_last_good_copy_and_the_portal_builds() {
    let p = portal();
    build_portal(&p.root);
    let page = p.root.join("public/docs/county-c-2024-01.html");
    let before = read(&page);

    // Malformed: reported by name, the last copy kept.
    fs::write(p.county.join("public/catalogue.json"), "{ not json").expect("break");
    let out = build_portal(&p.root);
    let err = stderr(&out);
    assert!(
        err.contains("某县人民政府") && err.contains("last good copy"),
        "{err}"
    );
    assert_eq!(read(&page), before);

    // A schema the portal does not know: the same.
    fs::write(
        p.county.join("public/catalogue.json"),
        r#"{"schema_version": 99, "documents": []}"#,
    )
    .expect("future");
    let out = build_portal(&p.root);
    let err = stderr(&out);
    assert!(err.contains("schema_version 99"), "{err}");
    assert!(page.exists(), "its documents stay");

    // The HTTP member answers 404 for its catalogue: the same, in Chinese.
    fs::rename(
        p.city.join("public/catalogue.json"),
        p.city.join("public/catalogue.json.moved"),
    )
    .expect("move");
    let root = &p.root;
    let out = gongkai_env(
        &["build", "--root", &root.to_string_lossy()],
        &[EPOCH, ("GONGKAI_LANG", "zh")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("成员网站“某市人民政府”（city）读取失败")
            && err.contains("HTTP 404")
            && err.contains("沿用上次成功读取的副本"),
        "{err}"
    );
    assert!(root.join("public/docs/city-s-2024-09.html").exists());

    // A member never read: reported, the portal builds without it.
    let yaml = read(&root.join("site.yaml"));
    fs::write(
        root.join("site.yaml"),
        format!("{yaml}  - {{ name: 某乡人民政府, level: 乡, code: xiang, folder: ../nowhere }}\n"),
    )
    .expect("add");
    let out = build_portal(root);
    assert!(stderr(&out).contains("has no copy of it yet"), "{}", stderr(&out));

    // A member taken out of site.yaml leaves the portal, copies and all.
    let yaml = read(&root.join("site.yaml"));
    let without: String = yaml
        .lines()
        .filter(|l| !l.contains("code: county"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(root.join("site.yaml"), without).expect("remove");
    build_portal(root);
    assert!(!root.join("public/docs/county-c-2024-01.html").exists());
    assert!(!root.join(".gongkai/sources/county").exists());
    assert!(root.join("public/docs/city-s-2024-09.html").exists());
}

#[test]
fn a_members_first_copy_is_written_beside_and_moved_in_whole() {
    // A build killed while writing the county's first copy left a half
    // copy beside where the build reads: it is never read, and is replaced.
    let p = portal();
    let fresh = p.root.join(".gongkai/sources/.fresh-county");
    fs::create_dir_all(&fresh).expect("mkdir");
    fs::write(
        fresh.join("county-half.md"),
        doc("C-2024-99", "半截的副本", "", "写到一半"),
    )
    .expect("leftover");
    build_portal(&p.root);
    let sources = p.root.join(".gongkai/sources");
    assert!(!fresh.exists(), "the leftover is gone");
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("a folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        names(&sources).iter().filter(|n| n.starts_with('.')).count(),
        0,
        "{:?}",
        names(&sources)
    );
    let county = names(&sources.join("county"));
    assert!(county.iter().all(|n| !n.ends_with(".tmp")), "{county:?}");
    assert_eq!(
        county.iter().filter(|n| n.ends_with(".md")).count(),
        2,
        "{county:?}"
    );
    let catalogue = read(&p.root.join("public/catalogue.json"));
    assert!(catalogue.contains("county-C-2024-01") && !catalogue.contains("半截的副本"));

    // Later changes are written into the copy, each file whole.
    fs::write(
        p.county.join("content/policy.md"),
        doc("C-2024-01", "县级政策文件（修订）", "", "修订后的正文。"),
    )
    .expect("edit");
    build_member(&p.county);
    build_portal(&p.root);
    assert_eq!(names(&sources.join("county")), county);
    assert!(read(&p.root.join("public/catalogue.json")).contains("县级政策文件（修订）"));
}

#[test]
fn sources_are_checked_with_line_and_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::create_dir_all(root.join("content")).expect("mkdir");
    fs::write(
        root.join("site.yaml"),
        "title: 门户\ncategories:\n  - { code: \"02\", name: 政策文件 }\nsources:\n  - { name: 甲, level: 区县, code: jia, folder: a }\n  - { name: 乙, level: 县, code: Yi!, folder: b }\n  - { name: 丙, level: 县, code: bing }\n  - { name: 丁, level: 市, code: ding, url: ftp://x/catalogue.json }\n  - { name: 甲, level: 县, code: jia2, folder: c }\n",
    )
    .expect("site.yaml");
    let out = gongkai(&["check", "--root", &root.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for (line, what) in [
        (5, "the level “区县” of member “jia”"),
        (6, "the member code “Yi!”"),
        (7, "member “bing” needs exactly one of folder and url"),
        (8, "is not an http(s) URL"),
        (9, "is used twice"),
    ] {
        assert!(
            err.contains(&format!("site.yaml:{line}")) && err.contains(what),
            "{what}: {err}"
        );
    }
}

#[test]
fn bulk_ndjson_fits_its_mapping() {
    let p = portal();
    build_portal(&p.root);
    let ndjson = p.root.join("bulk.ndjson");
    let mapping = p.root.join("mapping.json");
    let out = gongkai(&[
        "bulk",
        "--root",
        &p.root.to_string_lossy(),
        "--out",
        &ndjson.to_string_lossy(),
        "--index",
        "province",
        "--mapping",
        &mapping.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mapping: serde_json::Value = serde_json::from_str(&read(&mapping)).expect("mapping is JSON");
    let properties = mapping["mappings"]["properties"].as_object().expect("properties");
    assert_eq!(mapping["mappings"]["dynamic"], "strict");
    let analyzers = mapping["settings"]["analysis"]["analyzer"]
        .as_object()
        .expect("analyzers");
    for (field, spec) in properties {
        let kind = spec["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{field} has a type"));
        assert!(["keyword", "text", "date"].contains(&kind), "{field}: {kind}");
        if let Some(a) = spec.get("analyzer") {
            assert!(analyzers.contains_key(a.as_str().expect("name")), "{field}: {a}");
        }
    }
    let text = read(&ndjson);
    assert!(text.ends_with('\n'));
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    assert_eq!(lines.len(), 8, "an action and a document for each of 4");
    let mut ids = std::collections::BTreeSet::new();
    for pair in lines.chunks(2) {
        let action = &pair[0]["index"];
        assert_eq!(action["_index"], "province");
        let id = action["_id"].as_str().expect("id");
        assert!(ids.insert(id.to_owned()), "{id} twice");
        let docu = pair[1].as_object().expect("document");
        assert_eq!(docu["index_number"], id);
        for (key, value) in docu {
            let spec = properties
                .get(key)
                .unwrap_or_else(|| panic!("{key} is not mapped"));
            if spec["type"] == "date" {
                let day = value.as_str().expect("date");
                chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap_or_else(|_| panic!("{key}: {day}"));
            }
        }
        assert!(docu["level"].is_string() && docu["member"].is_string());
    }
    assert!(text.contains("关于农田水利建设"), "texts are in");
    for secret in ["草稿正文不可外泄", "依申请正文不可外泄"] {
        assert!(!text.contains(secret));
    }
}

/// A department whose own system publishes `catalogue` (no search data),
/// in a folder beside the portal, added to its sources.
fn add_department(root: &Path, catalogue: &serde_json::Value) {
    let dept = root.parent().expect("dir").join("dept");
    fs::create_dir_all(&dept).expect("mkdir");
    fs::write(dept.join("catalogue.json"), catalogue.to_string()).expect("catalogue");
    let yaml = read(&root.join("site.yaml"));
    fs::write(
        root.join("site.yaml"),
        format!("{yaml}  - {{ name: 某局, level: 市, code: dept, folder: ../dept }}\n"),
    )
    .expect("add");
}

#[test]
fn references_across_members_resolve_when_both_ends_are_present() {
    let p = portal();
    // A department's own system publishes a catalogue.json (schema 2, no
    // search data): its interpretation of the city's document, and a
    // reference to a document no member has.
    let catalogue = serde_json::json!({
        "schema_version": 2,
        "documents": [{
            "title": "部门对市级文件的解读",
            "index_number": "D-1",
            "issuer": "某局",
            "issuers": ["某局"],
            "category": "部门解读",
            "category_code": "88",
            "date": "2024-05-01",
            "published": "2024-05-02",
            "status": "有效",
            "summary": "部门解读的摘要。",
            "keywords": [],
            "interprets": ["S-2024-09", "X-404"],
            "digest": "d1",
            "url": "https://dept.example.gov.cn/docs/d-1.html"
        }]
    });
    add_department(&p.root, &catalogue);
    build_portal(&p.root);
    let public = p.root.join("public");
    let reading = read(&public.join("docs/dept-d-1.html"));
    assert!(reading.contains("city-s-2024-09.html"), "{reading}");
    assert!(!reading.contains("X-404"));
    let policy = read(&public.join("docs/city-s-2024-09.html"));
    assert!(policy.contains("dept-d-1.html"), "interpreted by: {policy}");
    // The category the portal did not declare is added, with its code.
    assert!(public.join("category/88/index.html").exists());
    // Without search data, the summary stands for the text.
    assert!(all_text(&public.join("search/x")).contains("部门解读的摘要"));

    // The city withdraws the document: the reference goes, the rest stays.
    fs::remove_file(p.city.join("content/other.md")).expect("remove");
    build_member(&p.city);
    build_portal(&p.root);
    let reading = read(&public.join("docs/dept-d-1.html"));
    assert!(!reading.contains("city-s-2024-09.html"), "{reading}");
    assert!(!public.join("docs/city-s-2024-09.html").exists());
}

#[test]
fn a_member_document_that_fails_the_portals_checks_is_left_out_alone() {
    let p = portal();
    let row = |index: &str, title: &str, published: &str, summary: &str| {
        serde_json::json!({
            "title": title, "index_number": index, "issuer": "某局", "issuers": ["某局"],
            "category": "政策文件", "category_code": "02", "date": "2024-05-01",
            "published": published, "status": "有效", "summary": summary, "keywords": [],
            "digest": index, "url": format!("https://dept.example.gov.cn/docs/{index}.html")
        })
    };
    let catalogue = serde_json::json!({
        "schema_version": 2,
        "documents": [
            row("D-1", "日期错误的文件", "2024-13-40", "摘要。"),
            row("D-2", "含身份证号的文件", "2024-05-02", "申请人身份证号110101199003071233。"),
            row("D-3", "正常的文件", "2024-05-03", "正常摘要。"),
        ]
    });
    add_department(&p.root, &catalogue);
    let out = build_portal(&p.root);
    let err = stderr(&out);
    for index in ["dept-D-1", "dept-D-2"] {
        assert!(
            err.contains(&format!("the document “{index}” of member “某局” is left out")),
            "{index}: {err}"
        );
    }
    let public = p.root.join("public");
    assert!(
        public.join("docs/dept-d-3.html").exists(),
        "{err}\n{:?}",
        fs::read_dir(public.join("docs"))
            .expect("docs")
            .map(|e| e.expect("entry").file_name())
            .collect::<Vec<_>>()
    );
    assert!(!public.join("docs/dept-d-1.html").exists() && !public.join("docs/dept-d-2.html").exists());
    assert!(
        !all_text(&public).contains("110101199003071233"),
        "personal data never reaches a page"
    );
    assert!(
        public.join("docs/county-c-2024-01.html").exists(),
        "the other members are built"
    );
}
