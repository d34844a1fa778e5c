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
use crate::lang::Text;
use crate::msg;

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
    /// An empty registry with room for `documents`, so that filling it
    /// does not rehash its tables at every doubling.
    pub(crate) fn with_capacity(documents: usize) -> Registry {
        Registry {
            by_index: FxHashMap::with_capacity_and_hasher(documents, Default::default()),
            by_source: FxHashMap::with_capacity_and_hasher(documents, Default::default()),
            pages: FxHashMap::default(),
        }
    }

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
        // A document whose 索引号 is missing is known by its path only.
        if !key.is_empty() {
            self.by_index.insert(key, entry.clone());
        }
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
                Problem::new(msg!("link.no_index", number = number), msg!("link.no_index.hint"))
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
            return Err(Problem::new(
                msg!("link.absolute", dest = dest),
                msg!("link.absolute.hint"),
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
                Problem::new(
                    msg!("link.no_document", dest = dest, target = target.display()),
                    msg!("link.no_document.hint"),
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
            .map_err(|p| Problem::new(Text::new("link.broken").nested("reason", &p.message), p.hint))?;
        let key = attachment::portable_key(&file.name);
        if let Some(declared) = self
            .attachments
            .iter()
            .find(|a| attachment::portable_key(&a.name) == key)
        {
            return Err(Problem::new(
                msg!(
                    "link.name_clash",
                    file = target.display(),
                    attachment = declared.source.display()
                ),
                msg!("link.name_clash.hint"),
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
            return Err(Problem::new(
                msg!("link.unpublished", dest = written),
                msg!("link.unpublished.hint"),
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
