//! The addresses of the catalogue's own pages, relative to the output root:
//! the lists of each facet, the lists of repealed documents, the feeds.
//! Every stage that links or writes one asks here. A document's page is
//! `Document::url()`: its rule (in `crate::content::url`) is needed while
//! links are resolved, before there is a catalogue.

use super::{Facet, FacetKind};

/// The output path of the list of repealed and expired documents, of one
/// category or (None) of all.
pub(crate) fn abolished_url(category: Option<&Facet>) -> String {
    match category {
        Some(f) => format!("abolished/{}.html", f.key),
        None => "abolished/index.html".to_owned(),
    }
}

/// The output path of page `page` (1-based) of a facet's list.
pub(crate) fn facet_url(kind: FacetKind, facet: &Facet, page: usize) -> String {
    list_url(kind, &facet.key, page)
}

/// The list page `page` of the facet whose key (a category's code, an
/// issuer's URL code, a year) is `key`.
pub(crate) fn list_url(kind: FacetKind, key: &str, page: usize) -> String {
    if page <= 1 {
        format!("{}/{key}/index.html", kind.dir())
    } else {
        format!("{}/{key}/{page}.html", kind.dir())
    }
}

/// The Atom feed of a category.
pub(crate) fn category_feed(category: &Facet) -> String {
    format!("{}/{}/feed.xml", FacetKind::Category.dir(), category.key)
}

/// The first list page of a year (which need not have a facet).
pub(crate) fn year_page(year: i32) -> String {
    format!("{}/{year}/index.html", FacetKind::Year.dir())
}
