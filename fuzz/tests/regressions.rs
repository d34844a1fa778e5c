//! Every input saved under fuzz/regressions/<target>/ (crashes the fuzzers
//! found, once fixed, and hostile seeds) run through its target's checks.

use std::fs;
use std::path::Path;

fn run(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("regressions")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no saved inputs in {}", dir.display());
    for file in files {
        let data = fs::read(&file).expect("read");
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("{} fails its target's checks", file.display());
        }
    }
}

#[test]
fn frontmatter_inputs() {
    run("frontmatter", gongkai_fuzz::frontmatter);
}

#[test]
fn markdown_inputs() {
    run("markdown", gongkai_fuzz::markdown);
}

#[test]
fn pipeline_inputs() {
    run("pipeline", gongkai_fuzz::pipeline);
}
