//! Walks `content/` (sorted, symlinks kept inside the site) and decodes each
//! Markdown file to text.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, line_of};
use crate::msg;

use crate::site::CONTENT_DIR;

/// One Markdown file found under `content/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the site root, e.g. `content/zhengce/a.md`.
    pub rel_path: PathBuf,
    /// Path on disk.
    pub abs_path: PathBuf,
}

/// Lists the Markdown documents under `root/content`, in path order.
///
/// Hidden files and folders (`.git`, editor swap files) are skipped, and so
/// are folders whose names start with `_` (`_pages/`: the column's pages,
/// which are not documents of the catalogue). Symbolic
/// links are followed only while they stay inside the site: one pointing
/// outside, or a loop, is reported.
pub fn discover(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !content.is_dir() {
        problems
            .push(Diagnostic::error(CONTENT_DIR, msg!("content.missing")).hint(msg!("content.missing.hint")));
        return (files, problems);
    }
    let site_root = match root.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            problems.push(Diagnostic::error(root, msg!("content.root", error = e)));
            return (files, problems);
        }
    };
    // Not sorted while walking (walkdir compares file names parsed again
    // from each path, at 50,000 files a tenth of a second): the files are
    // sorted by their components at the end, which is the same order.
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !(name.starts_with('.') || (name.starts_with('_') && e.file_type().is_dir()))
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| CONTENT_DIR.into());
                let link = e.path().is_some_and(|p| p.is_symlink());
                let message = if e.loop_ancestor().is_some() {
                    msg!("link.loop")
                } else if link
                    && e.io_error()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
                {
                    msg!("link.dangling")
                } else if link {
                    // ELOOP: a chain of links that never ends in a file.
                    msg!("link.unfollowable")
                } else {
                    msg!("error.unreadable", error = e)
                };
                problems.push(Diagnostic::error(path, message).hint(msg!("link.loop.hint")));
                continue;
            }
        };
        let rel_path = relative(root, entry.path());
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .map(|target| target.starts_with(&site_root))
                .unwrap_or(false);
            if !inside {
                problems
                    .push(Diagnostic::error(rel_path, msg!("link.outside")).hint(msg!("link.outside.hint")));
                continue;
            }
        }
        let is_markdown = entry.file_type().is_file()
            && entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if is_markdown {
            files.push(SourceFile {
                rel_path,
                abs_path: entry.path().to_path_buf(),
            });
        }
    }
    files.sort_by_cached_key(|f| {
        f.rel_path
            .components()
            .map(|c| c.as_os_str().to_owned())
            .collect::<Vec<_>>()
    });
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    (files, problems)
}

/// The Markdown files in each of `folders` (a portal's copies of its
/// members, `.gongkai/sources/<code>/`), folder after folder, each in name
/// order; hidden files are skipped, a missing folder holds nothing.
pub fn copies(root: &Path, folders: &[PathBuf]) -> Vec<SourceFile> {
    let mut files = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut found: Vec<SourceFile> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                !name.starts_with('.') && name.ends_with(".md") && e.file_type().is_ok_and(|t| t.is_file())
            })
            .map(|e| SourceFile {
                rel_path: relative(root, &e.path()),
                abs_path: e.path(),
            })
            .collect();
        found.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
        files.extend(found);
    }
    files
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Decodes a content file like [`read_text`], dropping its warnings.
pub fn decode(rel_path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    read_text(rel_path, bytes).map(|(text, _)| text)
}

/// Decodes a content file: UTF-8 only, a leading BOM removed, CRLF and lone
/// CR turned into LF, control characters other than tab and line feed
/// removed (they make feeds and data files malformed; Word leaves U+000B
/// for a line break), each line that had one noted in a warning. A file in
/// another encoding is an error that names it when it can be recognised.
pub fn read_text(rel_path: &Path, bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let text = decode_utf8(rel_path, bytes)?;
    Ok(remove_controls(rel_path, text))
}

/// Whether `c` is a control character no output may carry.
fn is_stray_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

fn remove_controls(rel_path: &Path, text: String) -> (String, Vec<Diagnostic>) {
    if !text.contains(is_stray_control) {
        return (text, Vec::new());
    }
    let mut warnings = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if let Some(c) = line.chars().find(|c| is_stray_control(*c)) {
            warnings.push(
                Diagnostic::warning(
                    rel_path,
                    msg!("source.control", code = format!("{:04X}", u32::from(c))),
                )
                .at(u32::try_from(i + 1).unwrap_or(u32::MAX))
                .hint(msg!("source.control.hint")),
            );
        }
    }
    (text.replace(is_stray_control, ""), warnings)
}

fn decode_utf8(rel_path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(rel_path, msg!("source.utf16"))
            .at(1)
            .hint(msg!("source.utf16.hint")));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // simdutf8 checks Chinese text about ten times as fast as the standard
    // library (whose check was 3 % of a large build's instructions).
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => Ok(normalize_newlines(text)),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = line_of(valid, valid.len());
            let looks_gbk = encoding_rs::GBK
                .decode_without_bom_handling_and_without_replacement(bytes)
                .is_some();
            let diagnostic =
                Diagnostic::error(rel_path, msg!("source.not_utf8", offset = e.valid_up_to())).at(line);
            Err(if looks_gbk {
                diagnostic.hint(msg!("source.gbk.hint"))
            } else {
                diagnostic.hint(msg!("hint.save_utf8"))
            })
        }
    }
}

fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let text = decode(Path::new("a.md"), b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n").expect("utf8");
        assert_eq!(text, "---\ntitle: x\n---\n");
    }

    #[test]
    fn gbk_is_recognised() {
        let (gbk, _, _) = encoding_rs::GBK.encode("---\ntitle: 政务公开\n---\n");
        let e = decode(Path::new("a.md"), &gbk).expect_err("not utf8");
        assert_eq!(e.line, Some(2));
        assert!(
            e.hint
                .as_ref()
                .map(|h| h.en())
                .unwrap_or_default()
                .contains("iconv -f GBK -t UTF-8")
        );
    }

    #[test]
    fn utf16_and_stray_bytes_are_errors() {
        let e = decode(Path::new("a.md"), b"\xFF\xFE-\x00").expect_err("utf16");
        assert!(e.message.en().contains("UTF-16"));
        let e = decode(Path::new("a.md"), b"ok\n\xFF\xFF\xFF").expect_err("bad bytes");
        assert_eq!(e.line, Some(2));
        assert!(
            !e.hint
                .as_ref()
                .map(|h| h.en())
                .unwrap_or_default()
                .contains("GBK")
        );
    }
}
