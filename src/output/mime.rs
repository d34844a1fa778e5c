//! What a file of the output is, for whoever serves it: its `Content-Type`
//! (with the charset for text, which is always UTF-8) and how long a
//! browser or a CDN may keep it. The preview server and the object-storage
//! deploy send these; `docs/nginx.conf` says the same to nginx.

/// The `Content-Type` of the output file `path` (by its extension).
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "ofd" => "application/ofd",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "wps" => "application/vnd.ms-works",
        "zip" => "application/zip",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        // The search index's shards and postings.
        _ => "application/octet-stream",
    }
}

/// Whether `path` is an asset named by its content (`assets/style.1a2b3c4d.css`):
/// a new version gets a new name, so it can be kept for a year.
pub fn is_fingerprinted(path: &str) -> bool {
    let Some(name) = path.strip_prefix("assets/") else {
        return false;
    };
    let mut parts = name.rsplit('.');
    let (Some(_ext), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !stem.is_empty()
        && hash.len() == 8
        && hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// The `Cache-Control` of the output file `path`: a year for fingerprinted
/// assets; revalidate every time (a cheap `304` while unchanged) for pages,
/// the search index (its manifest and its shards must match) and the data
/// exports, which change with every deploy; an hour for the rest
/// (attachments, images).
pub fn cache_control(path: &str) -> &'static str {
    const YEAR: &str = "public, max-age=31536000, immutable";
    const REVALIDATE: &str = "no-cache";
    const HOUR: &str = "public, max-age=3600";
    if is_fingerprinted(path) {
        return YEAR;
    }
    let ext = path.rsplit_once('.').map(|(_, ext)| ext).unwrap_or_default();
    if path.starts_with("search/") || matches!(ext, "html" | "json" | "csv" | "xml" | "txt") {
        REVALIDATE
    } else {
        HOUR
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_carry_the_charset_and_assets_named_by_content_keep_a_year() {
        assert_eq!(content_type("docs/政策.HTML"), "text/html; charset=utf-8");
        assert_eq!(content_type("search/t/1.bin"), "application/octet-stream");
        assert_eq!(content_type("catalogue.csv"), "text/csv; charset=utf-8");
        assert!(is_fingerprinted("assets/style.0a1b2c3d.css"));
        assert!(is_fingerprinted("assets/gongkai-search.0a1b2c3d.js"));
        assert!(!is_fingerprinted("assets/style.css"));
        assert!(!is_fingerprinted("assets/.0a1b2c3d.css"));
        assert!(!is_fingerprinted("docs/style.0a1b2c3d.css"));
        assert!(!is_fingerprinted("assets/style.0A1B2C3D.css"));
        assert_eq!(
            cache_control("assets/style.0a1b2c3d.css"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control("index.html"), "no-cache");
        assert_eq!(cache_control("search/manifest.json"), "no-cache");
        assert_eq!(cache_control("search/t/1.bin"), "no-cache");
        assert_eq!(cache_control("files/a.pdf"), "public, max-age=3600");
    }
}
