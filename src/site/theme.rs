//! The theme: the default theme embedded in the binary, with a site's own
//! `themes/<name>/` overriding any template or asset of it by file name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

use crate::site::THEMES_DIR;

/// Templates and assets, after overrides.
#[derive(Debug, Default)]
pub(crate) struct Theme {
    /// Template name (path under `templates/`) → (source, where it came from).
    pub templates: BTreeMap<String, (String, PathBuf)>,
    /// Asset path under `assets/` → bytes; written to `assets/` in the output.
    pub assets: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme overridden by `root/themes/<name>/`.
    pub(crate) fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::default();
        add_embedded(&DEFAULT, &mut theme);
        let dir = root.join(THEMES_DIR).join(name);
        if !dir.is_dir() {
            if name == "default" {
                return Ok(theme);
            }
            return Err(vec![
                Diagnostic::error(
                    crate::site::config::FILE_NAME,
                    crate::msg!("theme.missing", name = name),
                )
                .field("theme")
                .hint(crate::msg!("theme.missing.hint")),
            ]);
        }
        let mut problems = Vec::new();
        for entry in WalkDir::new(&dir).sort_by_file_name().follow_links(false) {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push(Diagnostic::error(
                        dir.clone(),
                        crate::msg!("theme.unreadable", error = e),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let site_path = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            let Some(key) = slash_path(rel) else { continue };
            let read = std::fs::read(entry.path());
            let bytes = match read {
                Ok(b) => b,
                Err(e) => {
                    problems.push(Diagnostic::error(
                        site_path,
                        crate::msg!("error.unreadable", error = e),
                    ));
                    continue;
                }
            };
            if let Some(name) = key.strip_prefix("templates/") {
                match String::from_utf8(bytes) {
                    Ok(source) => {
                        theme.templates.insert(name.to_owned(), (source, site_path));
                    }
                    Err(_) => problems.push(
                        Diagnostic::error(site_path, crate::msg!("template.not_utf8"))
                            .hint(crate::msg!("hint.save_utf8")),
                    ),
                }
            } else if let Some(name) = key.strip_prefix("assets/") {
                theme.assets.insert(name.to_owned(), bytes);
            }
        }
        if problems.is_empty() {
            Ok(theme)
        } else {
            Err(problems)
        }
    }
}

fn add_embedded(dir: &Dir<'static>, theme: &mut Theme) {
    for file in dir.files() {
        let Some(key) = slash_path(file.path()) else {
            continue;
        };
        let origin = Path::new("themes/default").join(file.path());
        if let Some(name) = key.strip_prefix("templates/") {
            if let Some(source) = file.contents_utf8() {
                theme
                    .templates
                    .insert(name.to_owned(), (source.to_owned(), origin));
            }
        } else if let Some(name) = key.strip_prefix("assets/") {
            let bytes = match file.contents_utf8() {
                Some(source) if name.ends_with(".js") => shipped_script(source).into_bytes(),
                _ => file.contents().to_vec(),
            };
            theme.assets.insert(name.to_owned(), bytes);
        }
    }
    for sub in dir.dirs() {
        add_embedded(sub, theme);
    }
}

/// The shipped theme's JavaScript without its whole-line `//` comments,
/// its blank lines and its indentation: they are a third of its bytes, and
/// every reader of the search page downloads them (the search client must
/// stay within 10 KB gzipped). Only whole lines and leading blanks go, so
/// no string or regular expression is touched; the theme's scripts hold no
/// multi-line template literal or string (a test checks).
fn shipped_script(source: &str) -> String {
    source
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A relative path with `/` separators, if every part is plain UTF-8.
fn slash_path(path: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = path.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_go_and_code_with_slashes_stays() {
        let source = "// about\nconst a = 'http://x'; // why\n  // more\n\n  const b = /\\/\\//;\n";
        assert_eq!(
            shipped_script(source),
            "const a = 'http://x'; // why\nconst b = /\\/\\//;\n"
        );
    }

    /// Trimming lines is safe only while no literal spans lines: no line of
    /// the theme's scripts holds an odd number of backticks or ends in a
    /// backslash.
    #[test]
    fn no_theme_script_holds_a_literal_across_lines() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/assets");
        let mut scripts = 0;
        for entry in std::fs::read_dir(&dir).expect("theme assets") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "js") {
                continue;
            }
            scripts += 1;
            let source = std::fs::read_to_string(&path).expect("script");
            for (n, line) in source.lines().enumerate() {
                let code = if line.trim_start().starts_with("//") {
                    ""
                } else {
                    line
                };
                assert!(
                    code.matches('`').count() % 2 == 0 && !code.ends_with('\\'),
                    "{}:{}: a literal spans lines",
                    path.display(),
                    n + 1
                );
            }
        }
        assert!(scripts >= 3, "found {scripts} scripts");
    }
}
