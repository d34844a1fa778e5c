//! The search index holds published documents only, and the optional lunr
//! export is written when asked for.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const YAML: &str = "title: 测试站点\ncategories:\n  - { code: \"03\", name: 规划计划 }\n";

fn doc(site: &Path, name: &str, index: &str, extra: &str, marker: &str) {
    fs::write(
        site.join("content").join(name),
        format!(
            "---\ntitle: 关于{marker}的通知\nindex_number: {index}\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2020-01-02\ndoc_number: 区政发〔2020〕{}号\n{extra}---\n\n政务公开 {marker} 正文。\n",
            &index[index.len() - 1..]
        ),
    )
    .expect("write");
}

fn site(dir: &Path, yaml: &str) -> std::path::PathBuf {
    let site = dir.join("s");
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::write(site.join("site.yaml"), yaml).expect("write");
    doc(&site, "a.md", "X-1", "", "publishedmarker");
    doc(
        &site,
        "b.md",
        "X-2",
        "disclosure: 依申请公开\n",
        "onrequestmarker",
    );
    doc(&site, "c.md", "X-3", "公开方式: 不予公开\n", "withheldmarker");
    doc(&site, "d.md", "X-4", "draft: true\n", "draftmarker");
    site
}

#[test]
fn unpublished_documents_reach_no_index_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = site(dir.path(), &format!("{YAML}search:\n  lunr_export: true\n"));
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.join("public");
    let files = tree(&public);
    let search: Vec<&String> = files.keys().filter(|k| k.starts_with("search/")).collect();
    assert!(search.len() > 5, "no index written: {search:?}");
    let bytes: Vec<u8> = files.values().flatten().copied().collect();
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("publishedmarker"), "the published document must be indexed");
    for marker in [
        "onrequestmarker",
        "withheldmarker",
        "draftmarker",
        "X-2",
        "X-3",
        "X-4",
        "〔2020〕2号",
        "〔2020〕3号",
    ] {
        assert!(!has(marker), "{marker} leaked into public/");
    }
    // Counts shown to readers leave them out too.
    assert!(read(&public.join("index.html")).contains("共公开文件 1 件"));
    assert!(read(&public.join("category/03/index.html")).contains("共 1 件"));
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&public.join("search/manifest.json"))).expect("json");
    assert_eq!(manifest["documents"], 1);
    assert!(search_texts(&public)[&0].contains("publishedmarker"));

    // The lunr export: elasticlunr's JSON, with bigram tokens and URL refs.
    let lunr: serde_json::Value =
        serde_json::from_str(&read(&public.join("search/lunr.json"))).expect("lunr json");
    assert_eq!(lunr["ref"], "url");
    assert_eq!(
        lunr["fields"],
        serde_json::json!(["title", "doc_number", "index_number"])
    );
    let title = lunr["index"]["title"]["root"].to_string();
    assert!(title.contains("\"docs\":{\"docs/x-1.html\""), "{title}");
    assert!(lunr["documentStore"]["docs"]["docs/x-1.html"].is_object());
}

#[test]
fn lunr_export_is_off_by_default_and_bad_search_keys_are_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = site(dir.path(), YAML);
    assert!(
        gongkai(&["build", "--root", &site.to_string_lossy()])
            .status
            .success()
    );
    assert!(!site.join("public/search/lunr.json").exists());
    assert!(site.join("public/search/index.html").exists());

    fs::write(site.join("site.yaml"), format!("{YAML}search:\n  lunr: true\n")).expect("write");
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown field `lunr`"), "{}", stderr(&out));
}

/// The search client a reader downloads (the core and the page script, as
/// a built site ships them) stays within 10 KB gzipped.
#[test]
fn the_shipped_search_client_is_at_most_ten_kilobytes_gzipped() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let site = site(dir.path(), YAML);
    build_site(&site);
    let mut client = Vec::new();
    for name in ["gongkai-search.js", "search.js"] {
        let bytes = fs::read(site.join("public/assets").join(name)).expect(name);
        assert!(
            !String::from_utf8_lossy(&bytes)
                .lines()
                .any(|l| l.trim_start().starts_with("//")),
            "{name} is shipped with its comment lines"
        );
        client.extend(bytes);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&client).expect("gzip");
    let size = gz.finish().expect("gzip").len();
    assert!(size <= 10 * 1024, "search client: {size} bytes gzipped");
}

/// A synonym group needs two different words; a bad one is reported with
/// its line and field, in the reader's language, with the others.
#[test]
fn synonym_groups_of_one_word_are_rejected_with_their_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = site(
        dir.path(),
        &format!(
            "{YAML}search:\n  synonyms:\n    - [放管服, 简政放权]\n    - [营商环境]\n    - [一网通办, 一网通办]\n"
        ),
    );
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("GONGKAI_LANG", "zh")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("site.yaml:7"), "{err}");
    assert!(err.contains("“营商环境”至少要有两个不同、非空的词"), "{err}");
    assert!(err.contains("site.yaml:8"), "{err}");
    assert!(err.contains("search.synonyms"), "{err}");
    assert!(
        !err.contains("放管服、简政放权"),
        "a good group is no problem: {err}"
    );
    assert!(!site.join("public").exists(), "nothing built");
}

/// A long document's text file names its headings with where each starts
/// in the text (UTF-16 units, as the browser counts) and its anchor, as on
/// the page; a short one names none.
#[test]
fn long_documents_name_their_sections_for_results_to_link_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = site(dir.path(), YAML);
    let filler = "各单位要按照要求做好政务公开工作，𠀀确保信息及时准确。".repeat(30);
    fs::write(
        site.join("content/long.md"),
        format!(
            "---\ntitle: 关于长文件的通知\nindex_number: X-9\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2020-01-03\n---\n\n{filler}\n\n## 一、总体要求\n\n{filler}\n\n## 二、重点任务\n\n### （一）扶贫资金公开\n\n{filler}扶贫资金。\n\n## 二、重点任务\n\n{filler}\n"
        ),
    )
    .expect("write");
    let public = build_site(&site);
    let texts: Vec<String> = search_texts(&public).into_values().collect();
    let meta = |t: &str| -> serde_json::Value {
        serde_json::from_str(t.lines().next().expect("meta line")).expect("meta json")
    };
    let long = texts
        .iter()
        .find(|t| t.contains("关于长文件的通知"))
        .expect("long text");
    let sections = meta(long)[9].as_array().expect("sections").clone();
    let anchors: Vec<&str> = sections.iter().map(|s| s[1].as_str().expect("anchor")).collect();
    assert_eq!(
        anchors,
        ["一总体要求", "二重点任务", "一扶贫资金公开", "二重点任务-2"]
    );
    let text: Vec<u16> = long[long.find('\n').expect("nl") + 1..].encode_utf16().collect();
    for (s, heading) in sections.iter().zip([
        "一、总体要求",
        "二、重点任务",
        "（一）扶贫资金公开",
        "二、重点任务",
    ]) {
        let at = s[0].as_u64().expect("offset") as usize;
        let line = String::from_utf16_lossy(&text[at..at + heading.encode_utf16().count()]);
        assert_eq!(line, heading);
    }
    let page = read(&public.join(meta(long)[1].as_str().expect("url")));
    for anchor in anchors {
        assert!(
            page.contains(&format!("id=\"{anchor}\"")),
            "{anchor} not on the page"
        );
    }
    let short = texts
        .iter()
        .find(|t| t.contains("publishedmarker"))
        .expect("short text");
    assert_eq!(meta(short)[9], serde_json::json!([]));
}

/// A build allowed almost no memory (`GONGKAI_MEMORY=1`: 1 MB for its
/// caches) reads its bodies again, renders their HTML and texts again and
/// merges the index on disk in runs: the output is byte for byte the one
/// built with the default budget, and the runs (and what a killed build
/// left of them) are removed.
#[test]
fn a_build_with_almost_no_memory_writes_what_the_default_build_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    gencorpus(1200, &site);
    let build = |out: &Path, env: &[(&str, &str)]| {
        let mut env = env.to_vec();
        env.push(("SOURCE_DATE_EPOCH", "1700000000"));
        let out = gongkai_env(
            &[
                "build",
                "--clean",
                "--root",
                &site.to_string_lossy(),
                "--out",
                &out.to_string_lossy(),
            ],
            &env,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out)
    };
    let memory = dir.path().join("memory");
    let said = build(&memory, &[]);
    assert!(!said.contains("merged on disk"), "{said}");

    // What a killed build left.
    let runs = site.join(".gongkai/index-runs");
    fs::create_dir_all(&runs).expect("mkdir");
    fs::write(runs.join("0-0.run"), b"\x05trunc").expect("write");
    let disk = dir.path().join("disk");
    let said = build(&disk, &[("GONGKAI_MEMORY", "1")]);
    let count: usize = said
        .split("merged on disk in ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no runs reported: {said}"));
    assert!(count >= 2, "{said}");
    assert!(!runs.exists(), "the runs are removed");

    let (memory, disk) = (tree(&memory), tree(&disk));
    assert!(
        memory.keys().any(|k| k.starts_with("search/p/")),
        "large lists are packed"
    );
    assert_eq!(memory.len(), disk.len());
    for (path, bytes) in &memory {
        assert!(disk.get(path) == Some(bytes), "{path} differs");
    }
}
