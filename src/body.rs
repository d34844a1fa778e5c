//! Document bodies rendered again on demand.
//!
//! Loading renders every body once, to check its links and anchors and to
//! take its text and summary, but keeps only a hash of its HTML: a page
//! renders its body again when it is written. So the HTML of every document
//! is never in memory at once (at 100,000 documents it was most of what a
//! build held), and a rebuild that keeps a page as it is never needs it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::links::{Registry, Resolver};
use crate::{frontmatter, markdown, source};

/// The hash a document keeps of its body's HTML.
pub fn hash(html: &str) -> [u8; 16] {
    let mut hash = [0u8; 16];
    hash.copy_from_slice(&blake3::hash(html.as_bytes()).as_bytes()[..16]);
    hash
}

/// What rendering a body needs besides the document: the site folder, every
/// document (for links) and the file types that may be published.
#[derive(Debug, Default)]
pub struct Bodies {
    root: PathBuf,
    registry: Registry,
    allowed: BTreeSet<String>,
}

impl Bodies {
    /// Bodies of the site in `root`, links resolved against `registry`.
    pub fn new(root: &Path, registry: Registry, allowed: BTreeSet<String>) -> Bodies {
        Bodies {
            root: root.to_path_buf(),
            registry,
            allowed,
        }
    }

    /// Every document, as links see them.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The resolver of `document`'s links.
    pub fn resolver<'a>(&'a self, document: &'a Document) -> Resolver<'a> {
        Resolver {
            registry: &self.registry,
            root: &self.root,
            source: &document.source,
            slug: &document.slug,
            allowed: &self.allowed,
            attachments: &document.attachments,
        }
    }

    /// `document`'s body as HTML, rendered again from its file exactly as
    /// when it was loaded; an error if the file changed since.
    pub fn html(&self, document: &Document) -> Result<String, Diagnostic> {
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
        let (catalogue, _, _) = crate::build::load(root, &Default::default()).expect("loads");
        let a = catalogue
            .documents
            .iter()
            .find(|d| d.index_number == "X-1")
            .expect("a");
        let html = catalogue.bodies.html(a).expect("renders");
        assert!(
            html.contains("href=\"x-2.html\"") && html.contains("小标题"),
            "{html}"
        );
        assert_eq!(super::hash(&html), a.body_hash);

        fs::write(root.join("content/a.md"), doc("X-1", "改过的正文。")).expect("write");
        let e = catalogue.bodies.html(a).expect_err("changed");
        assert!(e.message.contains("changed while"), "{e:?}");
    }
}
