//! `gongkai check --fix-encoding`: Markdown files saved as GBK (Notepad and
//! WPS on older Windows) converted to UTF-8 in place, each original kept
//! beside it as `<name>.gbk`. A file that is neither UTF-8 nor clean GBK is
//! left alone (check then reports it).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::CONTENT_DIR;

/// One converted file: the Markdown file and its backup, relative to the
/// site folder.
#[derive(Debug, PartialEq, Eq)]
pub struct Converted {
    /// The file, now UTF-8.
    pub file: PathBuf,
    /// The original bytes.
    pub backup: PathBuf,
}

/// Converts every GBK Markdown file under `root/content`. Files whose
/// backup name is taken are skipped and reported.
pub fn fix(root: &Path) -> (Vec<Converted>, Vec<Diagnostic>) {
    let mut converted = Vec::new();
    let mut problems = Vec::new();
    let walk = WalkDir::new(root.join(CONTENT_DIR))
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"));
    for entry in walk {
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        if std::str::from_utf8(&bytes).is_ok() {
            continue;
        }
        let Some(text) = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes) else {
            continue;
        };
        let mut backup_name = entry.file_name().to_os_string();
        backup_name.push(".gbk");
        let backup = entry.path().with_file_name(&backup_name);
        let rel_backup = rel.with_file_name(&backup_name);
        let result = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&backup)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
            .and_then(|()| write_replacing(entry.path(), text.as_bytes()));
        match result {
            Ok(()) => converted.push(Converted {
                file: rel,
                backup: rel_backup,
            }),
            Err(e) => problems.push(Diagnostic::error(&rel, msg!("error.unwritable", error = e))),
        }
    }
    (converted, problems)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`: a crash leaves the old file or the new one, never half of one.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = path.as_os_str().to_os_string();
    temp.push(".gongkai-tmp");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_files_become_utf8_with_a_backup_and_others_are_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let content = dir.path().join(CONTENT_DIR);
        std::fs::create_dir_all(content.join("sub")).expect("mkdir");
        let (gbk, _, _) = encoding_rs::GBK.encode("---\n标题: 政务公开\n---\n正文\n");
        std::fs::write(content.join("sub/a.md"), &gbk).expect("write");
        std::fs::write(content.join("b.md"), "---\n标题: 已是 UTF-8\n---\n").expect("write");
        std::fs::write(content.join("c.md"), b"\xff\xfe\x00binary").expect("write");
        let (done, problems) = fix(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            done,
            [Converted {
                file: PathBuf::from("content/sub/a.md"),
                backup: PathBuf::from("content/sub/a.md.gbk"),
            }]
        );
        let text = std::fs::read_to_string(content.join("sub/a.md")).expect("utf8 now");
        assert!(text.contains("标题: 政务公开"));
        assert_eq!(
            std::fs::read(content.join("sub/a.md.gbk")).expect("backup"),
            gbk.as_ref()
        );
        assert_eq!(
            std::fs::read(content.join("c.md")).expect("c"),
            b"\xff\xfe\x00binary"
        );
        // A second run finds nothing to do and keeps the backup.
        assert_eq!(fix(dir.path()), (Vec::new(), Vec::new()));
    }
}
