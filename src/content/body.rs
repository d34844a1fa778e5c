//! Document bodies rendered again on demand.
//!
//! Loading renders every body once, to check its links and anchors and to
//! take its text and summary. It keeps the HTML of bodies up to a budget
//! (`crate::memory::Budgets`) and only a hash of the others: their pages render them
//! again when they are written. So a large site never holds every
//! document's HTML at once (at 100,000 documents it was most of what a build
//! held), a small one renders each body once, and a rebuild that keeps a
//! page as it is never needs its body.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::content::document::Document;
use crate::content::links::{Registry, Resolver};
use crate::diagnostic::Diagnostic;
use crate::{content::frontmatter, content::markdown, content::source};

/// The hash a document keeps of its body's HTML and of its text.
fn hash(text: &str) -> [u8; 16] {
    crate::hash::hash16(text.as_bytes())
}

// What is kept is bounded by `crate::memory::Budgets`. Measured with the
// generated corpora: keeping HTML as it is (512 MB, about 100,000
// documents) is cheaper than compressing it: with 192 MB, packing and
// unpacking the rest was 5.6 % of a 100,000-document build's instructions
// (callgrind), against 160 MB more held. Compressing and expanding a body
// took 233 k instructions against about 330 k for reading and rendering it
// again. At 85,000 documents keeping no text at all lowered the peak from
// 1.50 to 1.10 GB and cost 5 s of indexing: large sites and portals trade
// that time for memory.

/// A body's HTML as the store keeps it.
#[derive(Debug, Default)]
pub(crate) enum Kept {
    /// Not kept: the page renders it again from its file.
    #[default]
    None,
    /// Kept as it is.
    Html(String),
    /// Kept compressed (lz4, size prepended).
    Packed(Vec<u8>),
}

/// What loading rendered of one body: its HTML as the budget allows it to
/// be kept, and its plain text for the search index.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub(crate) html: Kept,
    pub(crate) text: String,
}

/// The documents' bodies, beside the read-only catalogue: each published
/// document's HTML (kept, packed or to render again) and plain text, by
/// position in [`crate::catalogue::Catalogue::documents`], and what
/// rendering a body again needs: the site folder, every document (for
/// links) and the file types that may be published.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    root: PathBuf,
    registry: Registry,
    allowed: BTreeSet<String>,
    budget: AtomicUsize,
    packed_budget: AtomicUsize,
    text_budget: AtomicUsize,
    html: Vec<Kept>,
    texts: Vec<String>,
}

impl Bodies {
    /// Bodies of the site in `root`, links resolved against `registry`.
    pub(crate) fn new(root: &Path, registry: Registry, allowed: BTreeSet<String>) -> Bodies {
        let budgets = crate::memory::Budgets::from_env();
        Bodies {
            root: root.to_path_buf(),
            registry,
            allowed,
            budget: AtomicUsize::new(budgets.html),
            packed_budget: AtomicUsize::new(budgets.packed),
            text_budget: AtomicUsize::new(budgets.texts),
            html: Vec::new(),
            texts: Vec::new(),
        }
    }

    /// Keeps a body's HTML in memory while the budget allows, then
    /// compressed while the second budget allows; else frees it (the page
    /// will render it again). Which bodies are kept, and how, depends on the
    /// order threads finish in, never what a page holds.
    pub(crate) fn admit(&self, html: String) -> Kept {
        let take = |budget: &AtomicUsize, bytes: usize| {
            budget
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                    left.checked_sub(bytes)
                })
                .is_ok()
        };
        if take(&self.budget, html.len()) {
            return Kept::Html(html);
        }
        if self.packed_budget.load(Ordering::Relaxed) > 0 {
            let mut compressed = lz4_flex::compress_prepend_size(html.as_bytes());
            // Allocated for the worst case: keep only what it holds.
            compressed.shrink_to_fit();
            if take(&self.packed_budget, compressed.len()) {
                return Kept::Packed(compressed);
            }
        }
        Kept::None
    }

    /// Keeps a body's plain text for the search index while the text
    /// budget allows; else frees it (the index renders it again).
    pub(crate) fn admit_text(&self, text: String) -> String {
        let kept = self
            .text_budget
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(text.len())
            })
            .is_ok();
        if kept { text } else { String::new() }
    }

    /// Files what loading rendered under the positions of `documents`
    /// (the catalogue's order); a document without an entry (taken from the
    /// parse cache) has its body rendered again when needed.
    pub(crate) fn arrange(&mut self, documents: &[Document], mut loaded: HashMap<PathBuf, Loaded>) {
        let (html, texts) = documents
            .iter()
            .map(|d| {
                let body = loaded.remove(&d.source).unwrap_or_default();
                (body.html, body.text)
            })
            .unzip();
        self.html = html;
        self.texts = texts;
    }

    /// Frees the bodies' HTML (their pages are written).
    pub(crate) fn drop_html(&mut self) {
        self.html = Vec::new();
    }

    /// Moves the plain texts out, by catalogue position (empty where the
    /// body was not rendered while loading: see [`Bodies::text`]), so that
    /// the index can free them batch by batch.
    pub(crate) fn take_texts(&mut self) -> Vec<String> {
        std::mem::take(&mut self.texts)
    }

    /// The site folder.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Every document, as links see them.
    pub(crate) fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The resolver of `document`'s links.
    pub(crate) fn resolver<'a>(&'a self, document: &'a Document) -> Resolver<'a> {
        self.resolver_of(&document.source, &document.slug, &document.attachments)
    }

    /// The resolver of the links of the document at `source` (relative to
    /// the site) with this slug and these declared attachments.
    pub(crate) fn resolver_of<'a>(
        &'a self,
        source: &'a Path,
        slug: &'a str,
        attachments: &'a [crate::content::attachment::Attachment],
    ) -> Resolver<'a> {
        Resolver {
            registry: &self.registry,
            root: &self.root,
            source,
            slug,
            allowed: &self.allowed,
            attachments,
        }
    }

    /// The body of the document at `position` in the catalogue as HTML:
    /// as kept, or rendered again from its file exactly as when it was
    /// loaded; an error if the file changed since.
    pub(crate) fn html(&self, position: usize, document: &Document) -> Result<String, Diagnostic> {
        match self.html.get(position) {
            Some(Kept::Html(html)) => return Ok(html.clone()),
            Some(Kept::Packed(packed)) => {
                if let Some(html) = lz4_flex::decompress_size_prepended(packed)
                    .ok()
                    .and_then(|bytes| simdutf8::basic::from_utf8(&bytes).ok().map(str::to_owned))
                    .filter(|html| hash(html) == document.body_hash)
                {
                    return Ok(html);
                }
            }
            Some(Kept::None) | None => {}
        }
        let (html, _) = self.render(document, true)?;
        Ok(html)
    }

    /// `document`'s body as plain text, like [`Bodies::html`].
    pub(crate) fn text(&self, document: &Document) -> Result<String, Diagnostic> {
        let (_, text) = self.render(document, false)?;
        Ok(text)
    }

    fn render(&self, document: &Document, html: bool) -> Result<(String, String), Diagnostic> {
        let path = &document.source;
        let changed =
            || Diagnostic::error(path, crate::msg!("body.changed")).hint(crate::msg!("body.changed.hint"));
        let bytes = std::fs::read(self.root.join(path)).map_err(|_| changed())?;
        let text = source::decode(path, &bytes)?;
        let split = frontmatter::split(path, &text)?;
        let resolver = self.resolver(document);
        let resolve = |dest: &str| resolver.resolve(dest);
        let rendered = markdown::render(path, split.body, split.body_line, &resolve, &document.slug);
        let same = if html {
            hash(&rendered.html) == document.body_hash
        } else {
            hash(&rendered.text) == document.body_text_hash
        };
        if same {
            Ok((rendered.html, rendered.text))
        } else {
            Err(changed())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    #[test]
    fn the_html_budget_keeps_bodies_until_it_is_spent() {
        use super::Kept;
        let bodies = super::Bodies::new(std::path::Path::new("."), Default::default(), Default::default());
        bodies.budget.store(1500, std::sync::atomic::Ordering::Relaxed);
        bodies
            .packed_budget
            .store(1000, std::sync::atomic::Ordering::Relaxed);
        let small = "x".repeat(1000);
        assert!(
            matches!(bodies.admit(small.clone()), Kept::Html(h) if h == small),
            "kept as it is"
        );
        // Over the first budget: not kept as it is, but compressed.
        let Kept::Packed(packed) = bodies.admit("政务公开".repeat(500)) else {
            panic!("packed")
        };
        assert!(packed.len() < 200, "{}", packed.len());
        let expanded = lz4_flex::decompress_size_prepended(&packed).expect("expands");
        assert_eq!(expanded, "政务公开".repeat(500).as_bytes());
        // Text that does not compress, larger than what is left of both.
        let varied: String = (0..2000u32)
            .map(|i| char::from_u32(0x4e00 + i.wrapping_mul(2_654_435_761) % 20_000).expect("CJK"))
            .collect();
        assert!(
            matches!(bodies.admit(varied), Kept::None),
            "over both budgets: freed"
        );
        // Texts: kept until their budget is spent, then left to render again.
        bodies.text_budget.store(12, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(bodies.admit_text("政务公开".to_owned()), "政务公开");
        assert_eq!(bodies.admit_text("公开".to_owned()), "", "over the budget");
    }

    #[test]
    fn a_body_renders_again_as_loaded_and_a_changed_file_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("content")).expect("mkdir");
        fs::write(
            root.join("site.yaml"),
            "title: 测试\ncategories:\n  - { code: \"03\", name: 规划计划 }\n",
        )
        .expect("write");
        let doc = |index: &str, body: &str| {
            format!(
                "---\ntitle: 文件{index}\nindex_number: {index}\nissuer: 区政府\ncategory: 规划计划\ndate: 2020-01-02\n---\n\n{body}\n"
            )
        };
        fs::write(
            root.join("content/a.md"),
            doc("X-1", "见[另一文件](b.md)。\n\n## 小标题"),
        )
        .expect("write");
        fs::write(root.join("content/b.md"), doc("X-2", "正文。")).expect("write");
        let mut site = crate::catalogue::load::load(root, &Default::default()).expect("loads");
        let position = site
            .catalogue
            .documents
            .iter()
            .position(|d| d.index_number == "X-1")
            .expect("a");
        let a = site.catalogue.documents[position].clone();
        let kept = match &site.bodies.html[position] {
            super::Kept::Html(html) => html.clone(),
            other => panic!("a small site keeps its bodies' HTML: {other:?}"),
        };
        // Kept compressed: the same HTML.
        site.bodies.html[position] = super::Kept::Packed(lz4_flex::compress_prepend_size(kept.as_bytes()));
        assert_eq!(site.bodies.html(position, &a).expect("expands"), kept);
        // Rendered again when not kept: the same HTML.
        site.bodies.drop_html();
        let html = site.bodies.html(position, &a).expect("renders");
        assert!(
            html.contains("href=\"x-2.html\"") && html.contains("小标题"),
            "{html}"
        );
        assert_eq!(html, kept);
        assert_eq!(super::hash(&html), a.body_hash);
        let texts = site.bodies.take_texts();
        assert_eq!(site.bodies.text(&a).expect("renders"), texts[position]);

        fs::write(root.join("content/a.md"), doc("X-1", "改过的正文。")).expect("write");
        let e = site.bodies.html(position, &a).expect_err("changed");
        assert!(e.message.en().contains("changed while"), "{e:?}");
    }
}
