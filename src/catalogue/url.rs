//! The addresses of the catalogue's own pages, relative to the output root:
//! the lists of each facet, the lists of repealed documents, the feeds.
//! Every stage that links or writes one asks here. A document's page is
//! `Document::url()`: its rule (in `crate::content::url`) is needed while
//! links are resolved, before there is a catalogue.

use super::{Facet, FacetKind};
use crate::site::config::SiteConfig;

/// The output path of the list of repealed and expired documents, of one
/// category or (None) of all.
pub(crate) fn abolished_url(category: Option<&Facet>) -> String {
    match category {
        Some(f) => format!("abolished/{}.html", f.key),
        None => "abolished/index.html".to_owned(),
    }
}

/// The output path of page `page` (1-based) of a facet's list.
pub(crate) fn facet_url(config: &SiteConfig, kind: FacetKind, facet: &Facet, page: usize) -> String {
    list_url(config, kind, &facet.key, page)
}

/// The list page `page` of the facet whose key (a category's code, an
/// issuer's URL code, a year) is `key`.
pub(crate) fn list_url(config: &SiteConfig, kind: FacetKind, key: &str, page: usize) -> String {
    let dir = kind.dir(config);
    if page <= 1 {
        format!("{dir}/{key}/index.html")
    } else {
        format!("{dir}/{key}/{page}.html")
    }
}

/// The overview of a kind's facets.
pub(crate) fn overview_url(config: &SiteConfig, kind: FacetKind) -> String {
    format!("{}/index.html", kind.dir(config))
}

/// The 规范性文件库: the documents of each kind in force, and those no longer.
pub(crate) const LIBRARY: &str = "library/index.html";

/// The first list page of the category whose code is `code`.
pub(crate) fn category_page(code: &str) -> String {
    format!("category/{code}/index.html")
}

/// The Atom feed of a category.
pub(crate) fn category_feed(category: &Facet) -> String {
    format!("category/{}/feed.xml", category.key)
}

/// The first list page of a year (which need not have a facet).
pub(crate) fn year_page(year: i32) -> String {
    format!("year/{year}/index.html")
}
