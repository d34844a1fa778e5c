//! The checks the fuzz targets run on each input, as a library so that the
//! saved inputs under `fuzz/regressions/` run as plain tests too
//! (`cargo test --manifest-path fuzz/Cargo.toml`).
//!
//! Each check returns normally or panics: a panic is a finding.

use std::path::Path;
use std::sync::LazyLock;

use gongkai::search::tokenizer::{self, Mode};
use gongkai::site::config::SiteConfig;

/// The example site's configuration, which the documents are checked against.
static CONFIG: LazyLock<SiteConfig> =
    LazyLock::new(|| SiteConfig::parse(include_str!("../../site.yaml")).expect("the example site.yaml"));

/// Front-matter: any bytes through decoding, the front-matter split, YAML
/// parsing and validation end in a document or diagnostics, never a panic,
/// and every diagnostic names the file.
pub fn frontmatter(data: &[u8]) {
    let path = Path::new("content/fuzz.md");
    let Ok(text) = gongkai::content::source::decode(path, data) else {
        return;
    };
    if let Err(problems) = gongkai::content::document::parse(&CONFIG, path, &text) {
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|d| d.path == path));
    }
}

/// Markdown with the site's options: never a panic; whatever the input, the
/// HTML carries no tag the author wrote (raw HTML is text) and, when no
/// problem was reported, no script URL in a real tag; every problem has a line.
pub fn markdown(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let rendered = gongkai::content::markdown::render(
        Path::new("content/fuzz.md"),
        body,
        8,
        &gongkai::content::markdown::keep_links,
        "fuzz",
    );
    let html = rendered.html.to_ascii_lowercase();
    for tag in [
        "<script", "<iframe", "<object", "<embed", "<svg", "<style", "<form", "<input", "<meta", "<base",
    ] {
        assert!(!html.contains(tag), "{tag} in {html}");
    }
    if rendered.problems.is_empty() {
        // Real tags only: text shown as text (`&lt;a href=…`) may hold anything.
        for tag in html
            .split('<')
            .skip(1)
            .filter(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            let tag = tag.split('>').next().unwrap_or("");
            let squeezed: String = tag
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect();
            for scheme in [
                "href=\"javascript:",
                "src=\"javascript:",
                "href=\"vbscript:",
                "href=\"data:",
                "src=\"data:",
            ] {
                assert!(!squeezed.contains(scheme), "{scheme} in <{tag}>");
            }
        }
    }
    assert!(rendered.problems.iter().all(|d| d.line.is_some()));
}

/// One document through everything that handles it on its own: decoding,
/// front-matter, the privacy scan, Markdown with every link's path checked
/// by the path rules, and the search tokenizer over its fields and text.
/// Never a panic; an accepted document's page name is a safe file name and
/// an accepted path stays inside content/.
pub fn pipeline(data: &[u8]) {
    let path = Path::new("content/2024/fuzz.md");
    let Ok(text) = gongkai::content::source::decode(path, data) else {
        return;
    };
    let Ok(mut parsed) = gongkai::content::document::parse(&CONFIG, path, &text) else {
        return;
    };
    let _ = gongkai::content::privacy::scan(path, &text, &parsed.document.personal_data);
    let slug = parsed.document.slug.clone();
    assert!(
        gongkai::content::document::is_valid_slug(&slug) || slug.starts_with("doc-"),
        "{slug}"
    );
    let resolve = |dest: &str| {
        let target = gongkai::content::attachment::resolve_path(path, dest.split('#').next().unwrap_or(""));
        if let Ok(target) = &target {
            assert!(target.starts_with("content"), "{dest} → {}", target.display());
        }
        Ok(None)
    };
    let rendered = gongkai::content::document::render_body(&mut parsed, &resolve);
    assert!(rendered.problems.iter().all(|d| d.line.is_some()));
    let d = &parsed.document;
    for field in [d.title.as_str(), &d.summary, &rendered.text] {
        for mode in [Mode::Index, Mode::Query] {
            tokenizer::tokenize(field, mode, |token| assert!(!token.is_empty()));
        }
    }
    let _ = tokenizer::normalize_key(&d.index_number);
}
