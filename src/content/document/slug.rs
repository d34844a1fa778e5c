//! A document's page name: an explicit `slug` checked, or one derived from
//! its 索引号.

/// Whether an explicit `slug` is a safe, portable file name.
pub fn is_valid_slug(slug: &str) -> bool {
    crate::content::attachment::not_portable(slug).is_none()
        && slug.len() <= 100
        && slug
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
}

/// The page name derived from a 索引号: ASCII letters and digits kept
/// (lower-cased, so the name is the same on case-insensitive disks), every
/// other run of characters becomes one `-`; never starting with `-`, `.` or
/// `_` (a valid [`is_valid_slug`]).
pub fn slug_from_index_number(index_number: &str) -> String {
    let mut slug = String::with_capacity(index_number.len());
    for c in index_number.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    // Not starting with `_` either: static hosts built on Jekyll (GitHub
    // Pages) leave such files out.
    let slug = slug
        .trim_start_matches(['-', '.', '_'])
        .trim_end_matches(['-', '.']);
    let slug: String = slug.chars().take(100).collect();
    if slug.is_empty() || crate::content::attachment::not_portable(&slug).is_some() {
        // Nothing ASCII to keep, or a Windows device name (CON, NUL …): a
        // stable name from the number itself.
        let hash = blake3::hash(index_number.as_bytes()).to_hex();
        format!("doc-{}", &hash[..12])
    } else {
        slug
    }
}
