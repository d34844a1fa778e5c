//! A member's document as a Markdown file of the portal: the member's row
//! as front-matter (its 索引号 prefixed with the member's code, 层级 and
//! 成员单位 added, references resolved among the portal's documents), its
//! published text as the body, every line a paragraph.

use crate::portal::read::Row;
use crate::site::config::SiteConfig;
use crate::site::sources::{LEVEL_KEY, MEMBER_KEY, ORIGINAL_KEY, Pages, Source};

/// The portal's 索引号 of a member's document.
pub(crate) fn portal_id(code: &str, index_number: &str) -> String {
    format!("{code}-{index_number}")
}

/// The file name (and page name) of a member's document on the portal.
/// The member's own page name when it is a safe one (gongkai members'
/// always are), else one made from the 索引号.
pub(crate) fn file_slug(code: &str, row: &Row) -> String {
    let own = row
        .slug()
        .map(|slug| format!("{code}-{slug}"))
        .filter(|slug| crate::content::document::is_valid_slug(slug));
    own.unwrap_or_else(|| {
        format!(
            "{code}-{}",
            crate::content::document::slug_from_index_number(&row.index_number)
        )
    })
}

/// A document's references: `interprets`, `replaced_by`, `revises` —
/// as a member publishes them (its 索引号), or as the portal writes them
/// (each a portal 索引号, or left out when no member has it).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Resolved {
    pub(crate) interprets: Vec<String>,
    pub(crate) replaced_by: Option<String>,
    pub(crate) revises: Option<String>,
}

/// The line that ends the references block of a written file.
const REFERENCES_END: &str = "# references end";

/// The Markdown file of `row`.
pub(crate) fn markdown(
    source: &Source,
    config: &SiteConfig,
    row: &Row,
    text: Option<&str>,
    references: &Resolved,
) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::with_capacity(1024 + text.map_or(0, str::len) * 11 / 10);
    out.push_str("---\n");
    let mut line = |key: &str, value: String| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
    };
    line("title", q(&row.title));
    line("index_number", q(&portal_id(&source.code, &row.index_number)));
    line("slug", q(&file_slug(&source.code, row)));
    let issuers: Vec<&str> = std::iter::once(row.issuer.as_str())
        .chain(
            row.issuers
                .iter()
                .map(String::as_str)
                .filter(|i| *i != row.issuer),
        )
        .collect();
    if issuers.len() > 1 {
        line("issuer", serde_json::to_string(&issuers).unwrap_or_default());
    } else {
        line("issuer", q(&row.issuer));
    }
    line("category", q(&row.category));
    line("date", q(&row.date));
    line("published", q(&row.published));
    if let Some(day) = &row.effective {
        line("effective", q(day));
    }
    if let Some(day) = &row.valid_until {
        line("valid_until", q(day));
    }
    if let Some(number) = &row.doc_number {
        line("doc_number", q(number));
    }
    // 有效 and 尚未生效 follow from the dates, and so does an expiry date.
    let derived = matches!(row.status.as_str(), "有效" | "尚未生效")
        || (row.status == "已失效" && row.valid_until.is_some());
    if !derived {
        line("status", q(&row.status));
    }
    if !row.keywords.is_empty() {
        line(
            "keywords",
            serde_json::to_string(&row.keywords).unwrap_or_default(),
        );
    }
    if let Some(genre) = row.genre.as_ref().filter(|g| config.genres.contains(g)) {
        line("genre", q(genre));
    }
    if let Some(kind) = row.kind.as_ref().filter(|k| config.kinds.contains(k)) {
        line("kind", q(kind));
        if let Some(registration) = &row.registration {
            line("registration", q(registration));
        }
    }
    if let Some(form) = &row.interpretation_form {
        line("interpretation_form", q(form));
    }
    line(LEVEL_KEY, q(&source.level));
    line(MEMBER_KEY, q(&source.name));
    if source.pages == Pages::Link && row.url.starts_with("http") {
        line(ORIGINAL_KEY, q(&row.url));
    }
    write_references(&mut out, references);
    out.push_str("---\n\n");
    match text {
        Some(text) => push_paragraphs(&mut out, text),
        None => push_paragraphs(&mut out, &row.summary),
    }
    if source.pages == Pages::Copy && row.url.starts_with("http") {
        out.push_str(&format!(
            "来源：[{}](<{}>)\n",
            escape(&source.name),
            row.url.replace(['<', '>', ' '], "")
        ));
    }
    out
}

fn write_references(out: &mut String, references: &Resolved) {
    if !references.interprets.is_empty() {
        out.push_str(&format!(
            "interprets: {}\n",
            serde_json::to_string(&references.interprets).unwrap_or_default()
        ));
    }
    for (key, value) in [
        ("replaced_by", &references.replaced_by),
        ("revises", &references.revises),
    ] {
        if let Some(value) = value {
            out.push_str(&format!(
                "{key}: {}\n",
                serde_json::to_string(value).unwrap_or_default()
            ));
        }
    }
    out.push_str(REFERENCES_END);
    out.push('\n');
}

/// `file` with its references replaced by `references`; None when the
/// file is not one this module wrote.
pub(crate) fn with_references(file: &str, references: &Resolved) -> Option<String> {
    let end = file.find(&format!("\n{REFERENCES_END}\n"))?;
    let head = &file[..end + 1];
    let tail = &file[end + REFERENCES_END.len() + 2..];
    let mut out = String::with_capacity(file.len() + 64);
    for l in head.lines() {
        if !(l.starts_with("interprets: ") || l.starts_with("replaced_by: ") || l.starts_with("revises: ")) {
            out.push_str(l);
            out.push('\n');
        }
    }
    write_references(&mut out, references);
    out.push_str(tail);
    Some(out)
}

/// Each non-empty line of `text` as a paragraph, Markdown's punctuation
/// escaped so it reads as it was published.
fn push_paragraphs(out: &mut String, text: &str) {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(&escape(line));
        out.push_str("\n\n");
    }
}

/// `text` with every ASCII punctuation mark backslash-escaped (CommonMark
/// reads `\` before any of them as the mark itself).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_rewritten_in_place_and_the_rest_kept() {
        let file = "---\ntitle: \"t\"\ninterprets: [\"a-1\"]\n# references end\n---\n\n正文\\*\n\n";
        let new = Resolved {
            interprets: vec![],
            replaced_by: Some("b-2".into()),
            revises: None,
        };
        let out = with_references(file, &new).expect("ours");
        assert_eq!(
            out,
            "---\ntitle: \"t\"\nreplaced_by: \"b-2\"\n# references end\n---\n\n正文\\*\n\n"
        );
        assert!(with_references("---\ntitle: x\n---\n", &new).is_none());
        assert_eq!(escape("1.5 *粗* [链](x)"), "1\\.5 \\*粗\\* \\[链\\]\\(x\\)");
    }
}
