//! The column's own pages (政府信息公开指南, 政府信息公开制度): Markdown
//! files named in site.yaml's `column:`, kept under `content/_pages/` so they
//! are not documents of the catalogue. Their links are checked and
//! rewritten like a document's.

use std::path::Path;

use serde_norway::Value;

use crate::content::attachment::Attachment;
use crate::content::links::{Registry, Resolver};
use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::msg;
use crate::site::config::SiteConfig;
use crate::{content::frontmatter, content::markdown, content::source};

/// One of the column's pages.
#[derive(Clone, Debug)]
pub struct Page {
    /// `guide` or `rules`: the page is written to `column/<key>.html`.
    pub key: &'static str,
    /// Its title.
    pub title: String,
    /// When it was last revised, if stated.
    pub updated: Option<String>,
    /// The body as safe HTML.
    pub html: String,
    /// Files its links publish.
    pub files: Vec<Attachment>,
}

/// Reads and renders the pages site.yaml names.
pub(crate) fn load(root: &Path, config: &SiteConfig, registry: &Registry) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    let Some(column) = &config.column else {
        return (pages, problems);
    };
    for (key, path) in [("guide", &column.guide), ("rules", &column.rules)] {
        let Some(path) = path else { continue };
        match load_page(
            root,
            config,
            registry,
            key,
            &Path::new(crate::site::CONTENT_DIR).join(path),
        ) {
            Ok(page) => pages.push(page),
            Err(mut d) => problems.append(&mut d),
        }
    }
    (pages, problems)
}

fn load_page(
    root: &Path,
    config: &SiteConfig,
    registry: &Registry,
    key: &'static str,
    rel: &Path,
) -> Result<Page, Vec<Diagnostic>> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        vec![
            Diagnostic::error(
                crate::site::config::FILE_NAME,
                msg!("page.unreadable", page = rel.display(), error = e),
            )
            .field("column")
            .hint(msg!("page.unreadable.hint")),
        ]
    })?;
    // Control characters are removed (the warning is for documents, which
    // feeds and data files carry).
    let (text, _) = source::read_text(rel, &bytes).map_err(|d| vec![d])?;
    let split = frontmatter::split(rel, &text).map_err(|d| vec![d])?;
    let mut meta = frontmatter::parse(rel, &split)?;
    let mut problems = std::mem::take(&mut meta.problems);
    let mut title = None;
    let mut updated = None;
    for (field, value) in &meta.fields {
        let line = meta
            .key_lines
            .get(field)
            .map_or(meta.start_line, |(line, _)| *line);
        let text = match value {
            Value::String(s) => Some(s.trim().to_owned()),
            _ => None,
        };
        match (field.as_str(), text) {
            ("title" | "标题", Some(t)) if !t.is_empty() => title = Some(t),
            ("updated" | "更新日期", Some(t)) => match crate::content::date::parse(&t) {
                Ok(d) => updated = Some(d.format("%Y-%m-%d").to_string()),
                Err(e) => problems.push(
                    Diagnostic::error(
                        rel,
                        Text::new("date.invalid")
                            .arg("field", field)
                            .nested("reason", &e.text()),
                    )
                    .at(line)
                    .field("updated")
                    .written(field.clone())
                    .hint(msg!("date.hint")),
                ),
            },
            (other, _) => problems.push(
                Diagnostic::error(rel, msg!("page.unknown_field", key = other))
                    .at(line)
                    .field(other)
                    .hint(msg!("page.unknown_field.hint")),
            ),
        }
    }
    let slug = format!("page-{key}");
    let resolver = Resolver {
        registry,
        root,
        source: rel,
        slug: &slug,
        allowed: &config.attachment_types,
        attachments: &[],
    };
    // The page is column/<key>.html; documents and files live under docs/.
    let resolve = |dest: &str| {
        resolver.resolve(dest).map(|r| {
            r.map(|mut r| {
                if !r.href.starts_with('#') && !r.href.starts_with("../") {
                    r.href = format!("../docs/{}", r.href);
                }
                r
            })
        })
    };
    let rendered = markdown::render(rel, split.body, split.body_line, &resolve);
    problems.extend(rendered.problems);
    let in_file = crate::content::privacy::scan(rel, &text, &[]);
    if in_file.is_empty() {
        problems.extend(crate::content::privacy::scan_rendered(
            rel,
            &rendered.text,
            || Some(text.to_string()),
            split.body_line,
            &[],
        ));
    }
    problems.extend(in_file);
    if title.is_none() {
        problems.push(
            Diagnostic::error(rel, msg!("page.title_missing"))
                .at(meta.start_line)
                .field("title")
                .hint(msg!("page.title_missing.hint")),
        );
    }
    match title {
        Some(title) if problems.is_empty() => Ok(Page {
            key,
            title,
            updated,
            html: rendered.html,
            files: rendered.files,
        }),
        _ => Err(problems),
    }
}

/// The column pages site.yaml names, as (source relative to the site root, key).
pub(crate) fn sources(config: &SiteConfig) -> Vec<(std::path::PathBuf, &'static str)> {
    let Some(column) = &config.column else {
        return Vec::new();
    };
    [("guide", &column.guide), ("rules", &column.rules)]
        .into_iter()
        .filter_map(|(key, path)| {
            path.as_ref()
                .map(|p| (Path::new(crate::site::CONTENT_DIR).join(p), key))
        })
        .collect()
}

/// The output path of a column page.
pub(crate) fn url(key: &str) -> String {
    format!("column/{key}.html")
}
