//! Files published with a document (附件 and linked images): the path rules
//! that keep them inside the site, the types that may be published, and
//! where each lands in the output.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::diagnostic::Problem;
use crate::lang::Text;
use crate::msg;

/// Why `name` cannot be a file name on a Windows server (a device name
/// such as `CON` or `COM1`, whatever its type; a character Windows
/// refuses; a control character; a trailing dot or space), if it cannot.
pub(crate) fn not_portable(name: &str) -> Option<Text> {
    const DEVICES: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_lowercase();
    if DEVICES.contains(&stem.as_str()) {
        return Some(msg!("name.device", stem = stem));
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, ':' | '*' | '?' | '|' | '<' | '>' | '"') || c.is_control())
    {
        return Some(msg!("name.char", char = c.escape_default()));
    }
    if name.ends_with(['.', ' ']) {
        return Some(msg!("name.trailing"));
    }
    None
}

/// A file published with a document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    /// The file, relative to the site root.
    pub source: PathBuf,
    /// Its file name, as readers will download it.
    pub name: String,
    /// The title shown in the list of 附件 (the file name by default).
    pub title: String,
    /// The type, from the extension, upper case (`PDF`).
    pub kind: String,
    /// Size in bytes.
    pub size: u64,
    /// Where it is written, relative to the output root.
    pub output: String,
    /// The link to it from the document's page.
    pub href: String,
}

/// Characters escaped in a path segment of an href.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'/')
    .add(b'\\');

/// Resolves `written` (relative to the document `doc_source`, percent
/// escapes allowed) to a path relative to the site root that stays inside
/// `content/`; refuses `..` above it, absolute paths, backslashes and NUL,
/// also when written with percent escapes.
pub fn resolve_path(doc_source: &Path, written: &str) -> Result<PathBuf, Problem> {
    let decoded = percent_decode_str(written)
        .decode_utf8()
        .map_err(|_| Problem::new(msg!("path.not_utf8", path = written), msg!("path.not_utf8.hint")))?;
    if crate::content::url::scheme(written).is_some_and(|s| s.len() > 1) || written.starts_with("//") {
        return Err(Problem::new(
            msg!("path.address", path = written),
            msg!("path.address.hint"),
        ));
    }
    if decoded.contains(['\\', '\0']) {
        return Err(Problem::new(
            msg!("path.backslash", path = written),
            msg!("path.backslash.hint"),
        ));
    }
    if decoded.starts_with('/') || Path::new(decoded.as_ref()).is_absolute() {
        return Err(Problem::new(
            msg!("path.absolute", path = written),
            msg!("path.absolute.hint"),
        ));
    }
    let mut resolved = doc_source.parent().unwrap_or(Path::new("")).to_path_buf();
    for component in Path::new(decoded.as_ref()).components() {
        match component {
            Component::Normal(part) => resolved.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !resolved.pop() || !resolved.starts_with(crate::site::CONTENT_DIR) {
                    return Err(leaves(written));
                }
            }
            _ => return Err(leaves(written)),
        }
    }
    if !resolved.starts_with(crate::site::CONTENT_DIR) || resolved == Path::new(crate::site::CONTENT_DIR) {
        return Err(leaves(written));
    }
    Ok(resolved)
}

fn leaves(written: &str) -> Problem {
    Problem::new(msg!("path.leaves", path = written), msg!("path.leaves.hint"))
}

/// The lower-case extension of a file name.
pub fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Checks that `path` (relative to the site root) is a file of an allowed
/// type inside the site, and describes it for publication with the
/// document whose page is `docs/<slug>.html`.
pub fn publish(
    root: &Path,
    path: &Path,
    title: Option<&str>,
    slug: &str,
    allowed: &BTreeSet<String>,
) -> Result<Attachment, Problem> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    if let Some(why) = not_portable(&name) {
        return Err(Problem::new(
            Text::new("file.not_portable")
                .arg("file", &shown)
                .nested("why", &why),
            msg!("file.not_portable.hint"),
        ));
    }
    let kind = extension(&name);
    if crate::site::config::FORBIDDEN_TYPES.contains(&kind.as_str()) {
        return Err(Problem::new(
            msg!("file.script", file = shown, kind = kind),
            msg!("file.script.hint"),
        ));
    }
    if kind.is_empty() {
        return Err(Problem::new(
            msg!("file.no_type", file = shown),
            msg!("file.no_type.hint"),
        ));
    }
    if !allowed.contains(&kind) {
        let list: Vec<&str> = allowed.iter().map(String::as_str).collect();
        return Err(Problem::new(
            msg!("file.type", file = shown, kind = kind),
            msg!("file.type.hint", types = list.join(", ")),
        ));
    }
    let abs = root.join(path);
    let metadata = std::fs::metadata(&abs).map_err(|_| {
        Problem::new(
            msg!("attachment.missing", file = shown),
            msg!("attachment.missing.hint"),
        )
    })?;
    if !metadata.is_file() {
        return Err(Problem::new(
            msg!("file.not_file", file = shown),
            msg!("file.not_file.hint"),
        ));
    }
    // A symbolic link inside content/ may still point elsewhere.
    let inside = abs
        .canonicalize()
        .ok()
        .zip(root.join(crate::site::CONTENT_DIR).canonicalize().ok())
        .is_some_and(|(file, content)| file.starts_with(content));
    if !inside {
        return Err(leaves(&shown));
    }
    Ok(Attachment {
        source: path.to_path_buf(),
        title: title.map_or_else(|| name.clone(), str::to_owned),
        kind: kind.to_ascii_uppercase(),
        size: metadata.len(),
        output: crate::content::url::document_file(slug, &name),
        href: format!("{slug}/{}", utf8_percent_encode(&name, SEGMENT)),
        name,
    })
}

/// A name as case-insensitive, normalising file systems (Windows, macOS)
/// see it: two names with one key are one file there.
pub fn portable_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        name.nfc().collect::<String>().to_lowercase()
    }
}

/// A size for readers: `812 B`, `23.4 KB`, `1.2 MB`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> &'static Path {
        Path::new("content/2017/a.md")
    }

    #[test]
    fn paths_stay_inside_content() {
        assert_eq!(
            resolve_path(doc(), "附件1.pdf"),
            Ok(PathBuf::from("content/2017/附件1.pdf"))
        );
        assert_eq!(
            resolve_path(doc(), "../common/表.xlsx"),
            Ok(PathBuf::from("content/common/表.xlsx"))
        );
        assert_eq!(
            resolve_path(doc(), "%E9%99%84.pdf"),
            Ok(PathBuf::from("content/2017/附.pdf"))
        );
        for bad in [
            "../../site.yaml",
            "%2e%2e/%2e%2e/site.yaml",
            "/etc/passwd",
            "..\\..\\x",
            "a\0.pdf",
            "../..",
            "%2E%2E%2F%2E%2E%2Fx",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1).pdf",
            "data:text/html,<script>x</script>",
            "https://example.com/a.pdf",
            "//evil.example/a.pdf",
            "C:\\a.pdf",
        ] {
            assert!(resolve_path(doc(), bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(23_962), "23.4 KB");
        assert_eq!(human_size(1_258_291), "1.2 MB");
    }
}
