//! Document bodies rendered again on demand.
//!
//! Loading renders every body once, to check its links and anchors and to
//! take its text and summary. It keeps the HTML of bodies up to a budget
//! ([`HTML_BUDGET`]) and only a hash of the others: their pages render them
//! again when they are written. So a large site never holds every
//! document's HTML at once (at 100,000 documents it was most of what a build
//! held), a small one renders each body once, and a rebuild that keeps a
//! page as it is never needs its body.

use std::collections::BTreeSet;
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

/// Bytes of body HTML kept in memory as it is from loading to rendering
/// (about 100,000 documents of the generated corpora). Keeping is cheaper
/// than compressing: with 192 MB, packing and unpacking the rest was 5.6 %
/// of a 100,000-document build's instructions (callgrind), against 160 MB
/// more held now.
pub(crate) const HTML_BUDGET: usize = 512 << 20;

/// Bytes of lz4-compressed body HTML kept once [`HTML_BUDGET`] is spent
/// (about 80,000 more documents of the generated corpora): compressing
/// and expanding a body took 233 k instructions against about 330 k for
/// reading and rendering it again.
pub(crate) const PACKED_BUDGET: usize = 192 << 20;

/// What rendering a body needs besides the document: the site folder, every
/// document (for links) and the file types that may be published; and what
/// is left of the budget for keeping bodies' HTML.
#[derive(Debug, Default)]
pub struct Bodies {
    root: PathBuf,
    registry: Registry,
    allowed: BTreeSet<String>,
    budget: AtomicUsize,
    packed_budget: AtomicUsize,
}

impl Bodies {
    /// Bodies of the site in `root`, links resolved against `registry`.
    pub fn new(root: &Path, registry: Registry, allowed: BTreeSet<String>) -> Bodies {
        Bodies {
            root: root.to_path_buf(),
            registry,
            allowed,
            budget: AtomicUsize::new(HTML_BUDGET),
            packed_budget: AtomicUsize::new(PACKED_BUDGET),
        }
    }

    /// Keeps a body's HTML in memory while the budget allows, then
    /// compressed into `packed` while the second budget allows; else frees
    /// it (the page will render it again). Which bodies are kept, and how,
    /// depends on the order threads finish in, never what a page holds.
    pub fn admit(&self, html: &mut String, packed: &mut Vec<u8>) {
        let take = |budget: &AtomicUsize, bytes: usize| {
            budget
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                    left.checked_sub(bytes)
                })
                .is_ok()
        };
        if take(&self.budget, html.len()) {
            return;
        }
        if self.packed_budget.load(Ordering::Relaxed) > 0 {
            let mut compressed = lz4_flex::compress_prepend_size(html.as_bytes());
            // Allocated for the worst case: keep only what it holds.
            compressed.shrink_to_fit();
            if take(&self.packed_budget, compressed.len()) {
                *packed = compressed;
            }
        }
        *html = String::new();
    }

    /// Every document, as links see them.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The resolver of `document`'s links.
    pub fn resolver<'a>(&'a self, document: &'a Document) -> Resolver<'a> {
        self.resolver_of(&document.source, &document.slug, &document.attachments)
    }

    /// The resolver of the links of the document at `source` (relative to
    /// the site) with this slug and these declared attachments.
    pub fn resolver_of<'a>(
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

    /// `document`'s body as HTML, rendered again from its file exactly as
    /// when it was loaded; an error if the file changed since.
    pub fn html(&self, document: &Document) -> Result<String, Diagnostic> {
        if !document.body_html.is_empty() {
            return Ok(document.body_html.clone());
        }
        if let Some(html) = lz4_flex::decompress_size_prepended(&document.body_packed)
            .ok()
            .and_then(|bytes| simdutf8::basic::from_utf8(&bytes).ok().map(str::to_owned))
            .filter(|html| !document.body_packed.is_empty() && hash(html) == document.body_hash)
        {
            return Ok(html);
        }
        let (html, _) = self.render(document, true)?;
        Ok(html)
    }

    /// `document`'s body as plain text, like [`Bodies::html`].
    pub fn text(&self, document: &Document) -> Result<String, Diagnostic> {
        let (_, text) = self.render(document, false)?;
        Ok(text)
    }

    fn render(&self, document: &Document, html: bool) -> Result<(String, String), Diagnostic> {
        let path = &document.source;
        let changed = || {
            Diagnostic::error(path, "the file changed while the site was being built")
                .hint("build again once the file is saved")
        };
        let bytes = std::fs::read(self.root.join(path)).map_err(|_| changed())?;
        let text = source::decode(path, &bytes)?;
        let split = frontmatter::split(path, &text)?;
        let resolver = self.resolver(document);
        let resolve = |dest: &str| resolver.resolve(dest);
        let rendered = markdown::render(path, split.body, split.body_line, &resolve);
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
        let bodies = super::Bodies::new(std::path::Path::new("."), Default::default(), Default::default());
        bodies.budget.store(1500, std::sync::atomic::Ordering::Relaxed);
        bodies
            .packed_budget
            .store(1000, std::sync::atomic::Ordering::Relaxed);
        let mut packed = Vec::new();
        let mut small = "x".repeat(1000);
        bodies.admit(&mut small, &mut packed);
        assert_eq!((small.len(), packed.len()), (1000, 0), "kept as it is");
        let mut repeated = "政务公开".repeat(500);
        bodies.admit(&mut repeated, &mut packed);
        assert!(repeated.is_empty(), "over the first budget: not kept as it is");
        assert!(
            !packed.is_empty() && packed.len() < 200,
            "but compressed: {}",
            packed.len()
        );
        let expanded = lz4_flex::decompress_size_prepended(&packed).expect("expands");
        assert_eq!(expanded, "政务公开".repeat(500).as_bytes());
        // Text that does not compress, larger than what is left of both.
        let mut varied: String = (0..2000u32)
            .map(|i| char::from_u32(0x4e00 + i.wrapping_mul(2_654_435_761) % 20_000).expect("CJK"))
            .collect();
        let mut none = Vec::new();
        bodies.admit(&mut varied, &mut none);
        assert!(varied.is_empty() && none.is_empty(), "over both budgets: freed");
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
        let (catalogue, _, _) = crate::catalogue::load::load(root, &Default::default()).expect("loads");
        let a = catalogue
            .documents
            .iter()
            .find(|d| d.index_number == "X-1")
            .expect("a");
        let kept = a.body_html.clone();
        assert!(!kept.is_empty(), "a small site keeps its bodies' HTML");
        // Kept compressed: the same HTML.
        let mut a = a.clone();
        a.body_html = String::new();
        a.body_packed = lz4_flex::compress_prepend_size(kept.as_bytes());
        assert_eq!(catalogue.bodies.html(&a).expect("expands"), kept);
        // Rendered again when not kept: the same HTML.
        a.body_packed = Vec::new();
        let html = catalogue.bodies.html(&a).expect("renders");
        assert!(
            html.contains("href=\"x-2.html\"") && html.contains("小标题"),
            "{html}"
        );
        assert_eq!(html, kept);
        assert_eq!(super::hash(&html), a.body_hash);

        fs::write(root.join("content/a.md"), doc("X-1", "改过的正文。")).expect("write");
        let e = catalogue.bodies.html(&a).expect_err("changed");
        assert!(e.message.contains("changed while"), "{e:?}");
    }
}
