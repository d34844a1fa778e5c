//! The rules of addresses: which URL schemes a document may link to (as a
//! browser reads them), and where a document's page and files land in the
//! output. Every stage that names a document's URL asks here, so the
//! `docs/` layout is spelled once.

/// The output folder of document pages and their files.
pub(crate) const DOCS_DIR: &str = "docs";

/// A document's page, relative to the output root: `docs/<slug>.html`.
pub(crate) fn document_page(slug: &str) -> String {
    DocumentPage(slug).to_string()
}

/// [`document_page`] written where it is displayed, without a `String`.
pub(crate) struct DocumentPage<'a>(pub(crate) &'a str);

impl std::fmt::Display for DocumentPage<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{DOCS_DIR}/{}.html", self.0)
    }
}

/// A file published with a document: `docs/<slug>/<name>`.
pub(crate) fn document_file(slug: &str, name: &str) -> String {
    format!("{DOCS_DIR}/{slug}/{name}")
}

/// Schemes a link may use; anything else (javascript:, data:, vbscript:, …)
/// could run script or fetch content from elsewhere. `idx:` is gongkai's own
/// link to a document by 索引号, always rewritten (or refused) by the resolver.
const SAFE_SCHEMES: [&str; 5] = ["http", "https", "mailto", "tel", "idx"];

/// The scheme of `url` as a browser would read it, if it has one: ASCII
/// whitespace and control characters are dropped first, as browsers do, so
/// `java\tscript:` is seen as `javascript:`.
pub(crate) fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect();
    let colon = cleaned.find(':')?;
    let before = &cleaned[..colon];
    if before.is_empty() || before.contains(['/', '?', '#']) {
        return None;
    }
    Some(before.to_ascii_lowercase())
}

/// Whether `url` is relative or uses a safe scheme.
pub(crate) fn is_safe_url(url: &str) -> bool {
    scheme(url).is_none_or(|s| SAFE_SCHEMES.contains(&s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_is_read_as_a_browser_reads_it() {
        assert_eq!(scheme(" java\tscript:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("VBScript:x").as_deref(), Some("vbscript"));
        assert_eq!(scheme("docs/a.html#x:y"), None);
        assert_eq!(scheme("./a:b"), None);
        assert!(is_safe_url("HTTPS://example.gov.cn"));
    }
}
