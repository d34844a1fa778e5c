//! A generated 200-document corpus (the `gongkai-corpus` crate) builds,
//! every published document gets its page and its place in every list, and
//! no unpublished document reaches any output.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::*;

/// What the test reads back from a generated document's front-matter.
struct Meta {
    index_number: String,
    category: String,
    year: String,
    published: bool,
}

fn front_matter(text: &str) -> Meta {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    Meta {
        index_number: field("index_number"),
        category: field("category"),
        year: field("date")[..4].to_owned(),
        published: field("disclosure") == "主动公开" || field("disclosure").is_empty(),
    }
}

#[test]
fn generated_corpus_builds_completely_and_leaks_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    gencorpus(200, &site);
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.join("public");

    let mut metas = Vec::new();
    for entry in fs::read_dir(site.join("content/docs")).expect("docs") {
        metas.push(front_matter(&read(&entry.expect("entry").path())));
    }
    assert_eq!(metas.len(), 200);
    let published: Vec<&Meta> = metas.iter().filter(|m| m.published).collect();
    let hidden: Vec<&Meta> = metas.iter().filter(|m| !m.published).collect();
    assert!(
        !hidden.is_empty() && published.len() > 100,
        "the corpus should mix disclosure kinds"
    );

    // One page per published document, none for the others.
    let pages = tree(&public.join("docs"));
    assert_eq!(pages.len(), published.len());
    for m in &published {
        assert!(
            pages.contains_key(&format!("{}.html", m.index_number.to_lowercase())),
            "{} has no page",
            m.index_number
        );
    }
    let everything = all_text(&public);
    for m in &hidden {
        assert!(
            !everything.contains(&m.index_number),
            "unpublished {} leaked",
            m.index_number
        );
    }

    // Every category's list pages hold exactly its published documents.
    let site_yaml = read(&site.join("site.yaml"));
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &published {
        *per_category.entry(m.category.as_str()).or_default() += 1;
    }
    for line in site_yaml.lines().filter(|l| l.contains("code:")) {
        let code = line.split('"').nth(1).expect("code");
        let name = line
            .split("name: ")
            .nth(1)
            .expect("name")
            .trim_end_matches(['}', ' ']);
        let want = per_category.get(name).copied().unwrap_or(0);
        let mut listed = 0;
        let mut page = 1;
        loop {
            let file = if page == 1 {
                "index.html".to_owned()
            } else {
                format!("{page}.html")
            };
            let path = public.join(format!("category/{code}/{file}"));
            if !path.exists() {
                break;
            }
            listed += read(&path).matches("<li>\n    <a href=\"../../docs/").count();
            page += 1;
        }
        assert_eq!(
            listed, want,
            "category {name} lists {listed} documents, expected {want}"
        );
        assert_eq!(
            page - 1,
            want.div_ceil(20).max(1),
            "category {name}: wrong number of pages"
        );
    }

    // Year pages add up to the published total.
    let years = read(&public.join("year/index.html"));
    let total: usize = years
        .split("</a></td><td>")
        .skip(1)
        .map(|s| {
            s.split('<')
                .next()
                .expect("count")
                .parse::<usize>()
                .expect("number")
        })
        .sum();
    assert_eq!(total, published.len());
    let mut per_year: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &published {
        *per_year.entry(m.year.as_str()).or_default() += 1;
    }
    for (year, count) in per_year {
        assert!(
            years.contains(&format!("{year}年</a></td><td>{count}</td>")),
            "year {year}: {count}"
        );
    }
}

/// The same input gives byte-identical output whatever the thread count: a
/// 2,000-document corpus built with one and with two threads, twice each.
#[test]
fn a_large_corpus_builds_byte_identically_on_one_and_two_threads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    gencorpus(2000, &site);
    let root = site.to_string_lossy().into_owned();
    let mut outputs = Vec::new();
    for (round, threads) in ["1", "2", "1", "2"].into_iter().enumerate() {
        let out = dir.path().join(format!("out-{round}"));
        let result = gongkai_env(
            &[
                "build",
                "--clean",
                "--quiet",
                "--root",
                &root,
                "--out",
                &out.to_string_lossy(),
            ],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert!(result.status.success(), "{}", stderr(&result));
        outputs.push((threads, tree(&out)));
    }
    let (_, first) = &outputs[0];
    assert!(first.len() > 2000, "{} files", first.len());
    for (threads, other) in &outputs[1..] {
        let differing: Vec<&String> = first
            .keys()
            .chain(other.keys())
            .filter(|path| first.get(*path) != other.get(*path))
            .take(5)
            .collect();
        assert!(
            differing.is_empty(),
            "{threads} thread(s) wrote other files: {differing:?}"
        );
    }
}
