//! The hostile-input corpus, one folder per case under
//! tests/fixtures/hostile/: script in every place it could hide, paths that
//! leave the site, symbolic links, YAML bombs, pathological Markdown, wrong
//! encodings, names that collide on other file systems, output folders that
//! would overwrite the site. Each case's `expected.txt` says what must
//! happen:
//!
//! - `exit: N` — the exit code of `check` and of `build`;
//! - `stderr: text` — a line both print;
//! - `stderr never: text` — text neither prints (a false or repeated error);
//! - `within: Ns` — both finish within N seconds (five times that for the
//!   unoptimised binary `cargo test` runs: a release build of the deep
//!   nesting case takes 0.2 s, a debug build 0.85 s);
//! - `page PATH contains: text` — a file of the output holds the text;
//! - `html lacks: text` — no page or feed (`.html`, `.xml`) holds it;
//! - `same-as: CASE` — the output is byte for byte that of another case.
//!
//! Cases whose files cannot be committed (links, 10 MB lines, other
//! encodings) are made by [`generate`]. A failed build must leave the
//! previous output as it was; a successful one must pass the post-build
//! scanner (tests/common/scan.rs).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;

fn head(index_number: &str) -> String {
    format!(
        "---\ntitle: 关于印发工作要点的通知\nindex_number: {index_number}\nissuer: 区政府办公室\n\
         category: 规划计划\ndate: 2017-07-18\n---\n"
    )
}

/// Writes the files of the cases that are made rather than committed.
fn generate(case: &str, site: &Path) {
    let content = site.join("content");
    let write = |name: &str, bytes: &[u8]| fs::write(content.join(name), bytes).expect("write");
    match case {
        #[cfg(unix)]
        "symlink_outside" => {
            let outside = site.parent().expect("parent").join("outside.md");
            fs::write(&outside, head("0101-03-2017-000009") + "机密\n").expect("write");
            std::os::unix::fs::symlink(&outside, content.join("secret.md")).expect("symlink");
            std::os::unix::fs::symlink("/etc", content.join("etc")).expect("symlink");
        }
        #[cfg(unix)]
        "symlink_loop" => {
            std::os::unix::fs::symlink(".", content.join("self")).expect("symlink");
            std::os::unix::fs::symlink("loop2", content.join("loop1")).expect("symlink");
            std::os::unix::fs::symlink("loop1", content.join("loop2")).expect("symlink");
            std::os::unix::fs::symlink("missing.md", content.join("gone.md")).expect("symlink");
        }
        "yaml_deep_nesting" => {
            let depth = 10_000;
            let flow = format!("keywords: {}{}\n", "[".repeat(depth), "]".repeat(depth));
            // `- - - x`: a sequence in a sequence … on one line.
            let block = format!("  {}x\n", "- ".repeat(depth));
            let with =
                |extra: &str, n: &str| head(n).replacen("---\n", &format!("---\n{extra}"), 1) + "正文\n";
            write("flow.md", with(&flow, "0101-03-2017-000001").as_bytes());
            write(
                "block.md",
                with(&format!("summary:\n{block}"), "0101-03-2017-000002").as_bytes(),
            );
        }
        "long_line" => {
            let words: Vec<char> = "政府信息公开工作要点推进决策执行管理服务结果公开加强解读回应平台建设"
                .chars()
                .collect();
            let mut line = String::with_capacity(10_000_100);
            let mut seed: u32 = 1;
            while line.len() < 10_000_000 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                line.push(words[(seed >> 16) as usize % words.len()]);
            }
            write(
                "a.md",
                (head("0101-03-2017-000001") + "长文开头" + &line + "\n").as_bytes(),
            );
        }
        "pathological_markdown" => {
            let mut body = String::new();
            body += &format!("{}a{}\n\n", "[".repeat(20_000), "]".repeat(20_000));
            body += &"[a](".repeat(5_000);
            body += "\n\n";
            body += &"*a_".repeat(30_000);
            body += "\n\n";
            body += &"**".repeat(20_000);
            body += "\n\n";
            body += &format!("{} 引用\n\n", ">".repeat(5_000));
            body += &(0..3_000)
                .map(|i| format!("{}- 项\n", "  ".repeat(i)))
                .collect::<String>();
            body += "\n";
            body += &format!("{}|\n{}|\n", "|列".repeat(5_000), "|-".repeat(5_000));
            body += &format!("{}|\n\n", "|值".repeat(5_000));
            body += &"[x] ".repeat(20_000);
            body += "\n\n[x]: https://example.gov.cn/zwgk/\n\n";
            body += &format!("{}a{}\n", "`".repeat(10_000), "`".repeat(9_999));
            body += &"<a".repeat(20_000);
            body += "\n";
            write("a.md", (head("0101-03-2017-000001") + &body).as_bytes());
        }
        "encodings" => {
            let text = head("0101-03-2017-000001") + "正文\n";
            let (gbk, _, _) = encoding_rs::GBK.encode(&text);
            write("gbk.md", &gbk);
            let utf16: Vec<u8> = [0xFF, 0xFE]
                .into_iter()
                .chain(
                    head("0101-03-2017-000002")
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                )
                .collect();
            write("utf16.md", &utf16);
            let mut stray = head("0101-03-2017-000003").into_bytes();
            stray.push(0xFF);
            stray.extend_from_slice("正文\n".as_bytes());
            write("ff.md", &stray);
        }
        _ => {}
    }
}

struct Expected {
    exit: i32,
    stderr: Vec<String>,
    stderr_never: Vec<String>,
    within: Option<Duration>,
    contains: Vec<(String, String)>,
    html_lacks: Vec<String>,
    same_as: Option<String>,
}

fn expected(case: &Path) -> Result<Expected, String> {
    let text = read(&case.join("expected.txt"));
    let mut e = Expected {
        exit: -1,
        stderr: Vec::new(),
        stderr_never: Vec::new(),
        within: None,
        contains: Vec::new(),
        html_lacks: Vec::new(),
        same_as: None,
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some(code) = line.strip_prefix("exit: ") {
            e.exit = code.parse().map_err(|_| format!("bad exit line {line:?}"))?;
        } else if let Some(want) = line.strip_prefix("stderr: ") {
            e.stderr.push(want.to_owned());
        } else if let Some(never) = line.strip_prefix("stderr never: ") {
            e.stderr_never.push(never.to_owned());
        } else if let Some(limit) = line.strip_prefix("within: ").and_then(|l| l.strip_suffix('s')) {
            e.within = Some(Duration::from_secs_f64(
                limit.parse().map_err(|_| format!("bad {line:?}"))?,
            ));
        } else if let Some(rest) = line.strip_prefix("page ") {
            let (path, want) = rest
                .split_once(" contains: ")
                .ok_or_else(|| format!("bad {line:?}"))?;
            e.contains.push((path.to_owned(), want.to_owned()));
        } else if let Some(want) = line.strip_prefix("html lacks: ") {
            e.html_lacks.push(want.to_owned());
        } else if let Some(other) = line.strip_prefix("same-as: ") {
            e.same_as = Some(other.to_owned());
        } else {
            return Err(format!("unknown line {line:?} in expected.txt"));
        }
    }
    if e.exit < 0 {
        return Err("expected.txt has no `exit: N` line".to_owned());
    }
    Ok(e)
}

/// Copies the case into a temp site (with the shared site.yaml when it has
/// none), makes its generated files and a previous output the build must
/// keep when it fails.
fn prepare(case: &Path, site: &Path) {
    copy_tree(case, site);
    fs::remove_file(site.join("expected.txt")).expect("expected.txt");
    fs::create_dir_all(site.join("content")).expect("content");
    if !site.join("site.yaml").exists() {
        fs::copy(
            case.parent().expect("dir").join("site.yaml"),
            site.join("site.yaml"),
        )
        .expect("site.yaml");
    }
    generate(&case.file_name().expect("name").to_string_lossy(), site);
}

/// Runs one case; returns its output tree when it built.
fn run_case(case: &Path) -> Result<Option<BTreeMap<String, Vec<u8>>>, String> {
    let name = case.file_name().expect("name").to_string_lossy().into_owned();
    let e = expected(case).map_err(|m| format!("{name}: {m}"))?;
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    prepare(case, &site);
    let out = dir.path().join("public");
    let previous = if e.exit == 0 {
        None
    } else {
        fs::create_dir_all(out.join("docs")).expect("public");
        fs::write(out.join("index.html"), "previous build").expect("write");
        fs::write(out.join("docs/old.html"), "an older page").expect("write");
        Some(tree(&out))
    };
    // `check` writes nothing, so the output-folder cases run `build` only.
    let commands: &[&str] = if name.starts_with("output_") {
        &["build"]
    } else {
        &["check", "build"]
    };
    for &command in commands {
        let mut args = vec![
            command.to_owned(),
            "--root".into(),
            site.to_string_lossy().into_owned(),
        ];
        // The output-folder cases test site.yaml's output_dir.
        if command == "build" && !name.starts_with("output_") {
            args.extend(["--out".to_owned(), out.to_string_lossy().into_owned()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let result = gongkai_env(&args, &[("SOURCE_DATE_EPOCH", "1700000000")]);
        let took = started.elapsed();
        let err = stderr(&result);
        if result.status.code() != Some(e.exit) {
            return Err(format!(
                "{name} ({command}): exit {:?}, expected {}\n{err}",
                result.status.code(),
                e.exit
            ));
        }
        let slack = if cfg!(debug_assertions) { 5 } else { 1 };
        if let Some(limit) = e.within.map(|l| l * slack)
            && took > limit
        {
            return Err(format!("{name} ({command}): took {took:?}, more than {limit:?}"));
        }
        for want in &e.stderr {
            if !err.contains(want.as_str()) {
                return Err(format!(
                    "{name} ({command}): stderr lacks {want:?}\n--- stderr ---\n{err}"
                ));
            }
        }
        for never in &e.stderr_never {
            if err.contains(never.as_str()) {
                return Err(format!(
                    "{name} ({command}): stderr has {never:?}\n--- stderr ---\n{err}"
                ));
            }
        }
    }
    if let Some(previous) = previous {
        if tree(&out) != previous {
            return Err(format!(
                "{name}: the previous output was changed by a failed build"
            ));
        }
        if dir.path().join(".public.gongkai-staging").exists() || site.join("public").exists() {
            return Err(format!("{name}: a failed build left files behind"));
        }
        return Ok(None);
    }
    let files = tree(&out);
    for (path, want) in &e.contains {
        let text = files
            .get(path)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .ok_or_else(|| format!("{name}: no {path} in the output"))?;
        if !text.contains(want.as_str()) {
            return Err(format!("{name}: {path} lacks {want:?}"));
        }
    }
    for (path, bytes) in &files {
        if path.ends_with(".html") || path.ends_with(".xml") {
            let text = String::from_utf8_lossy(bytes);
            if let Some(bad) = e.html_lacks.iter().find(|l| text.contains(l.as_str())) {
                return Err(format!("{name}: {path} contains {bad:?}"));
            }
        }
    }
    let (report, _) = scan::scan_tree(&out, "example.gov.cn", &[]);
    if !report.is_empty() {
        return Err(format!("{name}: the scanner found\n{}", report.join("\n")));
    }
    Ok(Some(files))
}

#[test]
fn every_hostile_case_has_its_expected_outcome() {
    let root = fixture("hostile");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "cases missing: {cases:?}");
    let mut outputs = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        match run_case(case) {
            Ok(Some(files)) => {
                outputs.insert(
                    case.file_name().expect("name").to_string_lossy().into_owned(),
                    files,
                );
            }
            Ok(None) => {}
            Err(message) => failures.push(message),
        }
    }
    for case in &cases {
        let name = case.file_name().expect("name").to_string_lossy().into_owned();
        if let Some(other) = expected(case).ok().and_then(|e| e.same_as)
            && outputs.get(&name) != outputs.get(&other)
        {
            failures.push(format!("{name}: the output differs from {other}'s"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
