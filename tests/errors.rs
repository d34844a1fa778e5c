//! Every validation error, one fixture folder each under tests/fixtures/errors/:
//! the build must print the expected lines, exit with the expected code, and
//! leave the previous output byte-identical.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Copies a fixture into a temp site, with the shared site.yaml when it has none,
/// and a previous `public/` that the failed build must not touch.
fn prepare(case: &Path, site: &Path) {
    copy_tree(case, site);
    fs::remove_file(site.join("expected.txt")).expect("expected.txt");
    if !site.join("site.yaml").exists() {
        fs::copy(
            case.parent().expect("errors dir").join("site.yaml"),
            site.join("site.yaml"),
        )
        .expect("site.yaml");
    }
    fs::create_dir_all(site.join("public/docs")).expect("public");
    fs::write(site.join("public/index.html"), "previous build").expect("write");
    fs::write(site.join("public/docs/old.html"), "an older page").expect("write");
}

fn run_case(case: &Path) -> Result<(), String> {
    let name = case.file_name().expect("name").to_string_lossy().into_owned();
    let expected = read(&case.join("expected.txt"));
    let mut lines = expected.lines();
    let exit: i32 = lines
        .next()
        .and_then(|l| l.strip_prefix("exit: "))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("{name}: expected.txt must start with `exit: N`"))?;
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path();
    prepare(case, site);
    let before = tree(&site.join("public"));

    for command in ["check", "build"] {
        let out = gongkai(&[command, "--root", &site.to_string_lossy()]);
        let err = stderr(&out);
        if out.status.code() != Some(exit) {
            return Err(format!(
                "{name} ({command}): exit {:?}, expected {exit}\n{err}",
                out.status.code()
            ));
        }
        for want in expected.lines().skip(1) {
            if !err.contains(want) {
                return Err(format!(
                    "{name} ({command}): stderr lacks {want:?}\n--- stderr ---\n{err}"
                ));
            }
        }
    }
    if tree(&site.join("public")) != before {
        return Err(format!(
            "{name}: the previous public/ was changed by a failed build"
        ));
    }
    for leftover in [".public.gongkai-staging", ".public.gongkai-old"] {
        if site.join(leftover).exists() {
            return Err(format!("{name}: {leftover} was left behind"));
        }
    }
    Ok(())
}

#[test]
fn every_error_fixture_reports_its_message_line_and_exit_code_and_keeps_the_output() {
    let root = fixture("errors");
    let mut cases: Vec<_> = fs::read_dir(&root)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "fixtures missing: {cases:?}");
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn minimal_site(site: &Path) {
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::copy(fixture("errors/site.yaml"), site.join("site.yaml")).expect("site.yaml");
}

#[test]
fn gbk_file_is_named_with_the_iconv_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    minimal_site(dir.path());
    let text = "---\ntitle: 关于印发工作要点的通知\nindex_number: 1\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2017-07-18\n---\n正文\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    fs::write(dir.path().join("content/gbk.md"), &gbk).expect("write");
    let out = gongkai(&["build", "--root", &dir.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("content/gbk.md:2: the file is not UTF-8"), "{err}");
    assert!(
        err.contains("convert it with iconv -f GBK -t UTF-8")
            && err.contains("Notepad (记事本) or WPS")
            && err.contains("gongkai check --fix-encoding"),
        "{err}"
    );
    // The same in Chinese, the default language.
    let root = dir.path().to_string_lossy().into_owned();
    let out = gongkai_env(&["check", "--root", &root], &[("GONGKAI_LANG", "zh")]);
    let err = stderr(&out);
    assert!(
        err.contains("错误: content/gbk.md:2: 文件不是 UTF-8 编码")
            && err.contains("用记事本或 WPS 打开，另存为时把编码选为 UTF-8"),
        "{err}"
    );
    // --fix-encoding converts it, keeps the original, and the check passes.
    let out = gongkai(&["check", "--fix-encoding", "--root", &root]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "content/gbk.md: converted from GBK to UTF-8 (the original is kept as content/gbk.md.gbk)"
    ));
    assert_eq!(
        fs::read_to_string(dir.path().join("content/gbk.md")).expect("utf-8 now"),
        text
    );
    assert_eq!(
        fs::read(dir.path().join("content/gbk.md.gbk")).expect("backup"),
        gbk.as_ref()
    );
    assert!(
        !dir.path().join("public").exists(),
        "a failed first build must write nothing"
    );
}

#[test]
fn bom_and_crlf_build_like_plain_utf8() {
    let text = "---\ntitle: 通知\nindex_number: 0101-03-2017-000001\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2017-07-18\n---\n\n第一段，\n接续。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n";
    let mut outputs = Vec::new();
    for variant in [
        text.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), text.replace('\n', "\r\n").as_bytes()].concat(),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        minimal_site(dir.path());
        fs::write(dir.path().join("content/a.md"), variant).expect("write");
        let out = gongkai(&["build", "--root", &dir.path().to_string_lossy()]);
        assert!(out.status.success(), "{}", stderr(&out));
        outputs.push(tree(&dir.path().join("public")));
    }
    assert_eq!(outputs[0], outputs[1], "BOM + CRLF must give the same site as LF");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_site_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    minimal_site(&site);
    let outside = dir.path().join("secret.md");
    fs::write(&outside, "---\ntitle: x\n---\n").expect("write");
    std::os::unix::fs::symlink(&outside, site.join("content/link.md")).expect("symlink");
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/link.md: this symbolic link points outside the site folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_dir_inside_content_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    minimal_site(dir.path());
    let out_dir = dir.path().join("content/out");
    let out = gongkai(&[
        "build",
        "--root",
        &dir.path().to_string_lossy(),
        "--out",
        &out_dir.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not allowed"), "{}", stderr(&out));
    let out = gongkai(&[
        "build",
        "--root",
        &dir.path().to_string_lossy(),
        "--out",
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(dir.path().join("site.yaml").exists());
}

/// Eleven mistakes in three files, found in one `check` and each once: a
/// file whose fields are wrong is still registered (links to it work), its
/// body and attachments still checked, and a key written for a required
/// field (`发文单位` for `发布机构`) is one mistake, not also a missing field.
#[test]
fn one_check_reports_every_mistake_of_every_file_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixture("one_round"), dir.path());
    let root = dir.path().to_string_lossy().into_owned();
    let out = gongkai(&["check", "--root", &root, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let mut got: Vec<(String, u64, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (
                v["path"].as_str().unwrap_or_default().to_owned(),
                v["line"].as_u64().unwrap_or_default(),
                v["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    got.sort();
    let want = [
        ("content/a.md", 5, "category.unknown"),
        ("content/a.md", 6, "date.invalid"),
        ("content/a.md", 9, "markdown.link"),
        ("content/a.md", 11, "markdown.link"),
        ("content/b.md", 3, "index_number.twice"),
        ("content/b.md", 4, "field.unknown"),
        ("content/b.md", 7, "attachment.problem"),
        ("content/b.md", 10, "privacy.found"),
        ("content/c.md", 2, "fm.full_width_colon"),
        ("content/c.md", 6, "date.invalid"),
        ("content/c.md", 9, "anchor.missing_here"),
    ];
    let want: Vec<(String, u64, String)> = want
        .iter()
        .map(|(p, l, c)| ((*p).to_owned(), *l, (*c).to_owned()))
        .collect();
    assert_eq!(got, want);

    // The same run in Chinese, for a person: each mistake named in the
    // file's own words, with its fix.
    let out = gongkai_env(&["check", "--root", &root], &[("GONGKAI_LANG", "zh")]);
    let err = stderr(&out);
    for line in [
        "错误: content/a.md:5: category: “规划计化”不是本站的信息分类",
        "提示: 是否要写“规划计划”？",
        "错误: content/a.md:6: date: “date”不是有效的日期：日历上没有“2017-02-30”这一天",
        "错误: content/a.md:9: 链接：“idx:0101-03-2017-999999”：没有索引号为“0101-03-2017-999999”的文件",
        "错误: content/a.md:11: 链接：“old.md”：没有文件 content/old.md",
        "错误: content/b.md:3: 索引号: 索引号“0101-03-2017-000001”已被 content/a.md:3 使用",
        "错误: content/b.md:4: 发文单位: 未知字段“发文单位”",
        "提示: 是否要写“发布机构”？",
        "错误: content/b.md:7: 附件: 附件：content/附件1.pdf 不存在",
        "错误: content/b.md:10: 个人信息：手机号码 138****8000",
        "错误: content/c.md:2: “标题”后面用了中文全角冒号“：”",
        "提示: 把这一行改为 `标题: 《工作要点》政策解读`（英文半角冒号，后面加一个空格）",
        "错误: content/c.md:6: 发文日期: “发文日期”不是有效的日期：日历上没有“2017年13月1日”这一天",
        "共 11 个错误；没有写入任何文件，原有输出未改变",
    ] {
        assert!(err.contains(line), "stderr lacks {line:?}\n{err}");
    }
    assert!(
        !err.contains("c.md”：没有文件"),
        "the link to c.md is not a mistake:\n{err}"
    );
}
