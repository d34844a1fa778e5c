//! A build only ever creates, replaces or deletes what gongkai created
//! (issue 22, items 3–5): an output that is a file, or a folder of someone
//! else's, is refused; folders a person keeps beside the output are never
//! touched; two builds into one output cannot interleave; a link to the
//! output folder stays a link.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn new_site(dir: &Path) -> String {
    let site = dir.join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    site.to_string_lossy().into_owned()
}

#[test]
fn an_output_that_is_a_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let file = dir.path().join("notes.txt");
    fs::write(&file, "a person's notes").expect("write");
    let yaml = Path::new(&site).join("site.yaml");
    let config = read(&yaml);
    for out in [file.clone(), yaml.clone()] {
        let result = gongkai(&["build", "--root", &site, "--out", &out.to_string_lossy()]);
        assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
        assert!(stderr(&result).contains("it is a file"), "{}", stderr(&result));
    }
    assert_eq!(read(&file), "a person's notes");
    assert_eq!(read(&yaml), config, "site.yaml was not moved aside");
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("old")), "{names:?}");
    // And the site still builds as usual.
    assert!(gongkai(&["build", "--root", &site]).status.success());
}

#[test]
fn a_folder_gongkai_did_not_write_is_refused_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let out = dir.path().join("www");
    fs::create_dir_all(out.join("images")).expect("mkdir");
    fs::write(out.join("index.html"), "the office's own home page").expect("write");
    fs::write(out.join("images/logo.png"), "logo").expect("write");
    let out_arg = out.to_string_lossy().into_owned();
    let result = gongkai(&["build", "--root", &site, "--out", &out_arg]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("holds files gongkai did not write") && stderr(&result).contains("--force"),
        "{}",
        stderr(&result)
    );
    assert_eq!(read(&out.join("index.html")), "the office's own home page");
    assert_eq!(read(&out.join("images/logo.png")), "logo");
    // An empty folder is fine; --force replaces a foreign one.
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).expect("mkdir");
    assert!(
        gongkai(&["build", "--root", &site, "--out", &empty.to_string_lossy()])
            .status
            .success()
    );
    let forced = gongkai(&["build", "--root", &site, "--out", &out_arg, "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(read(&out.join("index.html")).contains("<!DOCTYPE html>"));
    assert!(!out.join("images/logo.png").exists());
    // From then on it is gongkai's: no --force needed.
    assert!(
        gongkai(&["build", "--root", &site, "--out", &out_arg, "--clean"])
            .status
            .success()
    );
}

#[test]
fn folders_a_person_keeps_beside_the_output_survive_every_build() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let root = Path::new(&site);
    for name in ["public.old", "public.staging", "public.bak"] {
        fs::create_dir_all(root.join(name)).expect("mkdir");
        fs::write(root.join(name).join("backup.html"), name).expect("write");
    }
    for args in [vec!["build"], vec!["build"], vec!["build", "--clean"]] {
        let mut args = args;
        args.extend(["--root", &site]);
        let result = gongkai(&args);
        assert!(result.status.success(), "{}", stderr(&result));
    }
    for name in ["public.old", "public.staging", "public.bak"] {
        assert_eq!(read(&root.join(name).join("backup.html")), name);
    }
    // A folder of a person's under the backup's own name is not deleted
    // either: the build stops and says so.
    fs::create_dir_all(root.join(".public.gongkai-old")).expect("mkdir");
    fs::write(root.join(".public.gongkai-old/mine.txt"), "mine").expect("write");
    let result = gongkai(&["build", "--root", &site, "--clean"]);
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    assert_eq!(read(&root.join(".public.gongkai-old/mine.txt")), "mine");
    assert!(read(&root.join("public/index.html")).contains("<!DOCTYPE html>"));
}

#[test]
fn two_checkouts_building_into_one_output_never_publish_a_partial_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("a");
    gencorpus(300, &first);
    let second = dir.path().join("b");
    copy_tree(&first, &second);
    let out = dir.path().join("www");
    let clean = dir.path().join("clean");
    assert!(
        gongkai(&[
            "build",
            "--root",
            &first.to_string_lossy(),
            "--out",
            &clean.to_string_lossy()
        ])
        .status
        .success()
    );
    let mut expected = tree(&clean);
    expected.retain(|path, _| !path.starts_with(".gongkai"));
    for round in 0..4 {
        let children: Vec<std::process::Child> = [&first, &second]
            .iter()
            .map(|site| {
                std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
                    .env("GONGKAI_LANG", "en")
                    .args(["build", "--quiet", "--root"])
                    .arg(site)
                    .arg("--out")
                    .arg(&out)
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        let results: Vec<std::process::Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().expect("wait"))
            .collect();
        for r in &results {
            let code = r.status.code();
            assert!(
                code == Some(0)
                    || (code == Some(2) && stderr(r).contains("another gongkai build is running")),
                "round {round}: {code:?} {}",
                stderr(r)
            );
        }
        let mut built = tree(&out);
        built.retain(|path, _| !path.starts_with(".gongkai"));
        // The paths that differ, and how, so that a rare failure (seen
        // once, not reproduced since) says what it was.
        let differing: Vec<String> = expected
            .keys()
            .chain(built.keys())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter(|path| expected.get(*path) != built.get(*path))
            .take(10)
            .map(|path| {
                let size = |t: &std::collections::BTreeMap<String, Vec<u8>>| t.get(path).map(Vec::len);
                format!(
                    "{path}: expected {:?} bytes, built {:?}",
                    size(&expected),
                    size(&built)
                )
            })
            .collect();
        let codes: Vec<Option<i32>> = results.iter().map(|r| r.status.code()).collect();
        assert!(
            differing.is_empty(),
            "round {round}: the output is not the whole site (exit codes {codes:?}):\n{}",
            differing.join("\n")
        );
    }
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_into_its_folder_and_stays_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let real = dir.path().join("real");
    fs::create_dir_all(&real).expect("mkdir");
    let link = Path::new(&site).join("public");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    for args in [vec!["build"], vec!["build"], vec!["build", "--clean"]] {
        let mut args = args;
        args.extend(["--root", &site]);
        let result = gongkai(&args);
        assert!(result.status.success(), "{}", stderr(&result));
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert!(read(&real.join("index.html")).contains("<!DOCTYPE html>"));
    }
    // A link to nothing is refused, and left as it is.
    fs::remove_dir_all(&real).expect("remove");
    let result = gongkai(&["build", "--root", &site]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("a link to nothing"),
        "{}",
        stderr(&result)
    );
    assert!(fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
}
