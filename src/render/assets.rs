//! The theme's assets under names that carry their content's hash
//! (`assets/style.1a2b3c4d.css`), so a server may let browsers and CDNs
//! keep them for a year: a changed file gets a new name, and the pages
//! that link to it change with it. Each asset is also written under its
//! plain name, for a theme's own templates that name it so.
//!
//! A script that imports another asset (`import … from './gongkai-search.js'`)
//! names it by its fingerprinted name in its own fingerprinted copy; one
//! level of imports, which is all the default theme has.

use std::collections::BTreeMap;

use crate::site::theme::Theme;

/// An asset to write: its name under `assets/` and its bytes.
pub(crate) struct Asset {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The assets with their fingerprinted names: (plain name → fingerprinted
/// name, every file to write).
pub(crate) fn fingerprinted(theme: &Theme) -> (BTreeMap<String, String>, Vec<Asset>) {
    let mut names = BTreeMap::new();
    let mut files = Vec::new();
    let imports = |bytes: &[u8]| -> bool {
        theme
            .assets
            .keys()
            .any(|other| contains(bytes, format!("'./{other}'").as_bytes()))
    };
    // Assets importing no other first, then those importing them.
    for second in [false, true] {
        for (name, bytes) in &theme.assets {
            if imports(bytes) != second {
                continue;
            }
            let mut bytes = bytes.clone();
            if second {
                let mut text = String::from_utf8_lossy(&bytes).into_owned();
                for (plain, hashed) in &names {
                    text = text.replace(&format!("'./{plain}'"), &format!("'./{hashed}'"));
                }
                bytes = text.into_bytes();
            }
            let hashed = with_hash(name, &bytes);
            names.insert(name.clone(), hashed.clone());
            files.push(Asset { name: hashed, bytes });
        }
    }
    for (name, bytes) in &theme.assets {
        files.push(Asset {
            name: name.clone(),
            bytes: bytes.clone(),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    (names, files)
}

/// `style.css` → `style.1a2b3c4d.css` (8 hex digits of the content's blake3).
fn with_hash(name: &str, bytes: &[u8]) -> String {
    let hash = crate::hash::hash16(bytes);
    let hex: String = hash[..4].iter().map(|b| format!("{b:02x}")).collect();
    let file_at = name.rfind('/').map_or(0, |i| i + 1);
    match name[file_at..].rfind('.') {
        Some(dot) if dot > 0 => {
            let (stem, ext) = name.split_at(file_at + dot);
            format!("{stem}.{hex}{ext}")
        }
        _ => format!("{name}.{hex}"),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_importing_script_names_the_fingerprinted_import() {
        let mut theme = Theme::default();
        theme
            .assets
            .insert("lib.js".into(), b"export const a = 1;".to_vec());
        theme
            .assets
            .insert("main.js".into(), b"import { a } from './lib.js';".to_vec());
        theme.assets.insert("style.css".into(), b"p{}".to_vec());
        let (names, files) = fingerprinted(&theme);
        let lib = &names["lib.js"];
        assert!(lib.starts_with("lib.") && lib.ends_with(".js") && lib.len() == "lib.12345678.js".len());
        let main = files.iter().find(|f| f.name == names["main.js"]).expect("main");
        assert_eq!(
            String::from_utf8_lossy(&main.bytes),
            format!("import {{ a }} from './{lib}';")
        );
        let plain = files.iter().find(|f| f.name == "main.js").expect("plain main");
        assert_eq!(plain.bytes, b"import { a } from './lib.js';");
        assert_eq!(files.len(), 6);
        assert!(with_hash("img.d/logo", b"").starts_with("img.d/logo."));
        assert!(
            with_hash("img/logo.png", b"").starts_with("img/logo.")
                && with_hash("img/logo.png", b"").ends_with(".png")
        );
    }
}
