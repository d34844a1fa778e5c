//! Internal links in documents (杜绝错链断链): every relative link and
//! image is resolved at build time to a document page, an anchor or a
//! published file, and rewritten to its URL; a link that leads nowhere is an
//! error. `idx:0101-03-2017-000525` links a document by its 索引号, so the
//! link survives a change of file name or URL.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use crate::content::attachment::{self, Attachment};
use crate::content::markdown::{AnchorRef, LinkRewrite};
use crate::diagnostic::Problem;

/// What a link may point at: every document of the site.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    by_index: FxHashMap<String, Entry>,
    by_source: FxHashMap<PathBuf, Entry>,
    pages: FxHashMap<PathBuf, String>,
}

/// One document as links see it.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// Its page, `docs/<slug>.html`.
    pub slug: String,
    /// Only published documents can be linked.
    pub published: bool,
}

impl Registry {
    /// Adds a document.
    pub(crate) fn add(&mut self, source: &Path, index_number: &str, slug: &str, published: bool) {
        let entry = Entry {
            slug: slug.to_owned(),
            published,
        };
        let key = index_number.trim();
        let key = if key.is_ascii() {
            key.to_ascii_lowercase()
        } else {
            key.to_lowercase()
        };
        self.by_index.insert(key, entry.clone());
        self.by_source.insert(source.to_path_buf(), entry);
    }

    /// Adds a column page (content/_pages/…), written to `column/<key>.html`.
    pub(crate) fn add_page(&mut self, source: &Path, key: &str) {
        self.pages.insert(source.to_path_buf(), key.to_owned());
    }

    /// The document with this 索引号.
    pub(crate) fn by_index(&self, index_number: &str) -> Option<&Entry> {
        self.by_index.get(&index_number.trim().to_lowercase())
    }
}

/// Resolves the links of one document.
pub(crate) struct Resolver<'a> {
    /// Every document.
    pub registry: &'a Registry,
    /// The site folder.
    pub root: &'a Path,
    /// The document's source, relative to the site root.
    pub source: &'a Path,
    /// The document's slug.
    pub slug: &'a str,
    /// File types that may be published.
    pub allowed: &'a BTreeSet<String>,
    /// The document's declared attachments.
    pub attachments: &'a [Attachment],
}

fn refuse(message: String, hint: &str) -> Problem {
    Problem::new(message, hint)
}

impl Resolver<'_> {
    /// What `dest` becomes: `Ok(None)` leaves an external link as it is.
    pub(crate) fn resolve(&self, dest: &str) -> Result<Option<LinkRewrite>, Problem> {
        let dest = dest.trim();
        if dest.is_empty() || dest.starts_with("//") {
            return Ok(None);
        }
        // Schemes are case-insensitive: IDX: and Idx: are idx: too.
        if let Some(rest) = dest
            .get(..4)
            .filter(|scheme| scheme.eq_ignore_ascii_case("idx:"))
            .map(|_| &dest[4..])
        {
            let (number, anchor) = split_anchor(rest);
            let entry = self.registry.by_index(number).ok_or_else(|| {
                refuse(
                    format!("`idx:{number}`: no document has the 索引号 `{number}`"),
                    "check the number; idx: links take the target's index_number",
                )
            })?;
            return self.page(entry, &format!("idx:{number}"), anchor);
        }
        if crate::content::url::scheme(dest).is_some() {
            return Ok(None); // external (unsafe schemes are reported by the renderer)
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            return Ok(Some(LinkRewrite {
                href: dest.to_owned(),
                anchor: Some(AnchorRef {
                    document: None,
                    anchor: decode(anchor),
                }),
                file: None,
            }));
        }
        if dest.starts_with('/') {
            return Err(refuse(
                format!(
                    "`{dest}` is an absolute path, which breaks when the site is served under a sub-path"
                ),
                "link documents with idx:<索引号> or a relative path to the .md file, files with a path relative to the document",
            ));
        }
        let (path, anchor) = split_anchor(dest);
        let path = path.split('?').next().unwrap_or(path);
        let target = attachment::resolve_path(self.source, path)?;
        if attachment::extension(path) == "md" {
            if let Some(key) = self.registry.pages.get(&target) {
                // Column pages are rendered after the documents: an anchor
                // into one is kept but not verified.
                let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                return Ok(Some(LinkRewrite {
                    href: format!("../column/{key}.html{fragment}"),
                    anchor: None,
                    file: None,
                }));
            }
            let entry = self.registry.by_source.get(&target).ok_or_else(|| {
                refuse(
                    format!("`{dest}`: no document {}", target.display()),
                    "check the path, or link the document by its 索引号 as idx:<索引号>",
                )
            })?;
            return self.page(entry, dest, anchor);
        }
        if let Some(declared) = self.attachments.iter().find(|a| a.source == target) {
            return Ok(Some(LinkRewrite {
                href: declared.href.clone(),
                anchor: None,
                file: None,
            }));
        }
        let file = attachment::publish(self.root, &target, None, self.slug, self.allowed)
            .map_err(|p| Problem::new(format!("broken link: {}", p.message), p.hint))?;
        let key = attachment::portable_key(&file.name);
        if let Some(declared) = self
            .attachments
            .iter()
            .find(|a| attachment::portable_key(&a.name) == key)
        {
            return Err(refuse(
                format!(
                    "{} would be published under the name of the attachment {}",
                    target.display(),
                    declared.source.display()
                ),
                "rename the file (names differing only in case or Unicode form count as one)",
            ));
        }
        Ok(Some(LinkRewrite {
            href: file.href.clone(),
            anchor: None,
            file: Some(file),
        }))
    }

    fn page(
        &self,
        entry: &Entry,
        written: &str,
        anchor: Option<&str>,
    ) -> Result<Option<LinkRewrite>, Problem> {
        if !entry.published {
            return Err(refuse(
                format!("`{written}` links a document that is not published (a draft, or not 主动公开)"),
                "remove the link, or publish the document",
            ));
        }
        let href = match anchor {
            Some(a) => format!("{}.html#{a}", entry.slug),
            None => format!("{}.html", entry.slug),
        };
        Ok(Some(LinkRewrite {
            href,
            anchor: anchor.map(|a| AnchorRef {
                document: Some(entry.slug.clone()),
                anchor: decode(a),
            }),
            file: None,
        }))
    }
}

fn split_anchor(dest: &str) -> (&str, Option<&str>) {
    match dest.split_once('#') {
        Some((path, anchor)) if !anchor.is_empty() => (path, Some(anchor)),
        Some((path, _)) => (path, None),
        None => (dest, None),
    }
}

fn decode(anchor: &str) -> String {
    percent_encoding::percent_decode_str(anchor)
        .decode_utf8_lossy()
        .into_owned()
}
