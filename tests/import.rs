//! `gongkai import`: the five seed pages (tests/fixtures/seeds/) and HTML
//! fixtures in the shapes legacy sites use (tests/fixtures/import/) become
//! documents with the metadata their pages state, without the sites'
//! chrome, with their tables as Markdown tables; a register in CSV or xlsx
//! gives one document per row; nothing is overwritten without --force.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;

fn seeds() -> PathBuf {
    fixture("seeds")
}

fn seed(prefix: &str) -> PathBuf {
    fs::read_dir(seeds())
        .expect("tests/fixtures/seeds")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// A new site with the import fixtures' site.yaml.
fn new_site(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::copy(fixture("import/site.yaml"), site.join("site.yaml")).expect("site.yaml");
    site
}

fn import(site: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["import", "--root"];
    let root = site.to_string_lossy().into_owned();
    all.push(&root);
    all.extend(args);
    gongkai(&all)
}

/// Runs an import that must succeed; returns the written documents' paths
/// (relative to the site) in the order printed.
fn imported(site: &Path, args: &[&str]) -> Vec<PathBuf> {
    let out = import(site, args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{stdout}{}", stderr(&out));
    stdout
        .lines()
        .filter_map(|l| l.split_once(" → ").map(|(_, d)| PathBuf::from(d)))
        .collect()
}

/// The front-matter of a document as key → value, and its body.
fn document(path: &Path) -> (BTreeMap<String, serde_norway::Value>, String) {
    let text = read(path);
    let rest = text.strip_prefix("---\n").expect("front-matter");
    let (yaml, body) = rest.split_once("\n---\n").expect("front-matter end");
    (serde_norway::from_str(yaml).expect("YAML"), body.to_owned())
}

fn text(fields: &BTreeMap<String, serde_norway::Value>, key: &str) -> String {
    match fields.get(key) {
        Some(serde_norway::Value::String(s)) => s.clone(),
        Some(other) => serde_norway::to_string(other).expect("yaml").trim().to_owned(),
        None => String::new(),
    }
}

/// How lines of the sites' chrome start; they must not survive (the words
/// themselves may appear in the text: 新媒体 is also a policy topic).
const CHROME_STARTS: &[&str] = &[
    "当前位置",
    "您现在的位置",
    "隐私声明",
    "使用帮助",
    "扫一扫在手机打开当前页",
    "责任编辑",
    "【责任编辑",
    "主办",
    "承办",
    "相关文章",
    "新媒体",
    "微信",
    "手机版",
    "【收藏",
    "【关闭窗口",
    "附件下载",
];
/// Chrome that may not appear anywhere.
const CHROME_ANYWHERE: &[&str] = &["ICP备", "mailto:", "网站标识码", "中山市 中山市"];

fn assert_no_chrome(label: &str, body: &str) {
    for line in body.lines() {
        let line = line.trim_start_matches(['#', ' ', '|']);
        if let Some(chrome) = CHROME_STARTS.iter().find(|c| line.starts_with(**c)) {
            panic!("{label}: chrome line `{chrome}` left: {line}");
        }
    }
    if let Some(chrome) = CHROME_ANYWHERE.iter().find(|c| body.contains(**c)) {
        panic!("{label}: chrome `{chrome}` left in the body");
    }
}

#[test]
fn each_seed_becomes_a_document_with_what_its_page_states() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    // (seed, --category, title, issuer, doc_number, date, index_number)
    let cases = [
        (
            "000",
            "规划计划",
            "关于印发2017年淄川区政务公开工作要点的通知",
            "区政府办公室",
            "川政办字〔2017〕89号",
            "2017-07-18",
            Some("0101-03-2017-000525"),
        ),
        (
            "001",
            "规划计划",
            "中山市人民政府办公室关于印发中山市贯彻落实省政府办公厅2017年政务公开工作要点分工方案的通知",
            "中山市人民政府办公室",
            "",
            "2017-06-09",
            None,
        ),
        (
            "002",
            "规划计划",
            "甘肃省人民政府办公厅关于印发《甘肃省2018年政务公开工作要点》的通知",
            "甘肃省人民政府办公厅",
            "甘政办发〔2018〕83号",
            "2018-05-23",
            None,
        ),
        (
            "003",
            "政府信息公开年报",
            "三元区2017年政府信息公开工作年度报告",
            "三元区政府办",
            "",
            "2018-01-12",
            None,
        ),
        (
            "004",
            "规划计划",
            "关于印发南票区2021年政务公开工作要点的通知",
            "葫芦岛市南票区人民政府办公室",
            "南政办发〔2021〕14号",
            "2021-06-28",
            None,
        ),
    ];
    let mut numbers = Vec::new();
    for (prefix, category, title, issuer, doc_number, date, index_number) in cases {
        let written = imported(&site, &[&seed(prefix).to_string_lossy(), "--category", category]);
        assert_eq!(written.len(), 1, "{prefix}");
        let (fields, body) = document(&site.join(&written[0]));
        assert_eq!(text(&fields, "title"), title, "{prefix}");
        assert_eq!(text(&fields, "issuer"), issuer, "{prefix}");
        assert_eq!(text(&fields, "doc_number"), doc_number, "{prefix}");
        assert_eq!(text(&fields, "date"), date, "{prefix}");
        assert_eq!(text(&fields, "category"), category, "{prefix}");
        let number = text(&fields, "index_number");
        match index_number {
            Some(n) => assert_eq!(number, n, "{prefix}: the page's 索引号"),
            // Assigned in site.yaml's pattern: org, category code, year.
            None => assert!(
                number.starts_with("0101-") && !number.contains("TODO"),
                "{prefix}: {number}"
            ),
        }
        numbers.push(number);
        assert_no_chrome(prefix, &body);
        assert!(!body.contains('\u{FFFD}'), "{prefix}: a damaged character left");
        assert!(
            !body.contains(title) || prefix == "001",
            "{prefix}: the title repeated in the body"
        );
    }
    let mut unique = numbers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        numbers.len(),
        "assigned numbers are distinct: {numbers:?}"
    );

    // The tables a text copy flattened are tables again.
    let docs: Vec<PathBuf> = fs::read_dir(site.join("content"))
        .expect("content")
        .map(|e| e.expect("entry").path())
        .collect();
    let body_of = |needle: &str| {
        docs.iter()
            .map(|p| read(p))
            .find(|t| t.contains(needle))
            .unwrap_or_else(|| panic!("no document holds {needle}"))
    };
    let plan = body_of("分工方案的通知");
    assert!(
        plan.contains("| 工作任务 | 具体要求 | 牵头落实单位 |\n| --- | --- | --- |\n"),
        "{plan}"
    );
    assert!(
        plan.contains("| 一、加强预期引导 | 1.科学合理制定国民经济和社会发展年度计划。密切跟踪研判全市经济形势，加强对宏观政策的解读。 | 市发展改革局 |"),
        "{plan}"
    );
    assert!(
        plan.contains("| 市人力资源社会保障局 |"),
        "a unit's name broken over two lines is one cell"
    );
    assert!(plan.matches("\n| ").count() > 100, "every task is a row");
    let report = body_of("年度报告");
    assert!(report.contains("| 指标名称 | 单位 | 2017 | 历年累计 |\n| --- | --- | --- | --- |\n| 主动公开文件数 |  | 912 | 8131 |\n"), "{report}");
    assert!(report.contains("| 行政诉讼数 |  | 0 | 0 |"), "{report}");

    // What was imported builds, and passes the post-build scanner.
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (problems, _) = scan::scan_tree(&site.join("public"), "example.gov.cn", &[]);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn html_pages_in_the_usual_shapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let pages = fixture("import/pages");
    let written = imported(&site, &[&pages.to_string_lossy()]);
    assert_eq!(written.len(), 3, "{written:?}");

    // A CMS page: a metadata table, <meta> fields, a data table, an attachment.
    let (fields, body) = document(&site.join("content/0101-03-2019-000017.md"));
    assert_eq!(text(&fields, "title"), "关于做好2019年政务公开工作的通知");
    assert_eq!(text(&fields, "issuer"), "某区人民政府办公室");
    assert_eq!(text(&fields, "doc_number"), "某政办发〔2019〕5号");
    assert_eq!(text(&fields, "category"), "规划计划");
    assert_eq!(text(&fields, "date"), "2019-03-06");
    assert_eq!(text(&fields, "status"), "有效");
    assert_eq!(text(&fields, "keywords"), "- 政务公开\n- 工作要点");
    assert!(text(&fields, "attachments").contains("0101-03-2019-000017/附件1.pdf"));
    assert_eq!(
        fs::read(site.join("content/0101-03-2019-000017/附件1.pdf")).expect("copied"),
        fs::read(pages.join("files/附件1.pdf")).expect("fixture")
    );
    assert!(
        body.contains("## 一、总体要求\n\n### （一）坚持以公开为常态。\n\n1\\.全面推进"),
        "{body}"
    );
    assert!(
        body.contains(
            "| 任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- |\n| 公开年度报告 | 区政府办公室 | 3月31日前 |"
        ),
        "{body}"
    );
    assert_no_chrome("cms_table.html", &body);
    for gone in ["cdn.example.com", "color:red", "扫一扫"] {
        assert!(!body.contains(gone), "`{gone}` left in {body}");
    }

    // A red header: the 文号 on its own line, a title broken over two lines,
    // a portal as 来源 (not an issuer): the signature gives issuer and date.
    let (fields, body) = document(&site.join("content/red_header.md"));
    assert_eq!(
        text(&fields, "title"),
        "某市人民政府办公室关于印发《某市2020年政务公开工作要点》的通知"
    );
    assert_eq!(text(&fields, "doc_number"), "某政办发〔2020〕12号");
    assert_eq!(text(&fields, "issuer"), "某市人民政府办公室");
    assert_eq!(text(&fields, "date"), "2020-03-27");
    assert!(
        text(&fields, "category").starts_with("TODO:"),
        "not stated, not given: TODO"
    );
    assert!(text(&fields, "index_number").starts_with("TODO:"));
    assert!(
        !body.contains("人民政府办公室文件") && !body.contains("发布时间"),
        "{body}"
    );
    assert!(body.starts_with("\n各县（区）人民政府，市政府各部门："), "{body}");

    // A GBK page with a 信息来源 / 发布日期 line.
    let (fields, body) = document(&site.join("content/gbk_source_line.md"));
    assert_eq!(text(&fields, "title"), "《某区2021年政务公开工作要点》解读");
    assert_eq!(text(&fields, "issuer"), "某区人民政府办公室");
    assert_eq!(text(&fields, "date"), "2021-05-10");
    assert!(
        body.contains("## 一、出台背景\n\n为深入贯彻落实国务院办公厅要求，制定本要点。"),
        "{body}"
    );

    // What could not be filled is what `check` reports, and nothing else.
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 4, "{err}");
    assert!(
        errors.iter().all(|e| e.contains("is still a placeholder: TODO")),
        "{err}"
    );
}

#[test]
fn a_document_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let page = seed("001");
    let page = page.to_string_lossy();
    let written = imported(&site, &[&page, "--category", "规划计划"]);
    let path = site.join(&written[0]);
    fs::write(&path, read(&path) + "\n本地修改。\n").expect("edit");
    let edited = read(&path);

    let out = import(&site, &[&page, "--category", "规划计划"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("exists: nothing left TODO that this page fills; kept as it is")
    );
    assert_eq!(read(&path), edited, "the document was changed");
    assert_eq!(
        fs::read_dir(site.join("content")).expect("content").count(),
        1,
        "no second copy"
    );

    // --force replaces it, keeping the 索引号 it was given.
    let again = imported(&site, &[&page, "--category", "规划计划", "--force"]);
    assert_eq!(again, written);
    assert!(!read(&path).contains("本地修改"));
    assert_eq!(fs::read_dir(site.join("content")).expect("content").count(), 1);
}

#[test]
fn importing_again_fills_only_what_is_still_todo_and_keeps_every_edit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let page = seed("001");
    let page = page.to_string_lossy();
    // Without a category the page's 信息分类 is left TODO.
    let written = imported(&site, &[&page]);
    let path = site.join(&written[0]);
    let first = read(&path);
    assert!(first.contains("category: \"TODO"), "{first}");
    // The webmaster corrects the title and adds a line to the body.
    let title_line = first
        .lines()
        .find(|l| l.starts_with("title: "))
        .expect("title")
        .to_owned();
    let edited = first.replace(&title_line, "title: 手工改过的标题") + "\n本地补充的一段。\n";
    fs::write(&path, &edited).expect("edit");

    let out = import(&site, &[&page, "--category", "规划计划"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The category, and the 索引号 it lets site.yaml's pattern assign.
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        stdout.contains("exists: filled index_number, category (other lines kept as edited)"),
        "{stdout}"
    );
    let now = read(&path);
    assert!(now.contains("category: 规划计划"), "{now}");
    assert!(
        now.contains("title: 手工改过的标题") && now.contains("本地补充的一段。"),
        "{now}"
    );
    let without = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with("category: ") && !l.starts_with("index_number: "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(without(&now), without(&edited), "only the TODO lines changed");
    assert_eq!(
        fs::read_dir(site.join("content")).expect("content").count(),
        1,
        "no second copy"
    );
}

#[test]
fn a_register_in_csv_or_xlsx_gives_a_document_per_row() {
    let mut outputs = Vec::new();
    for register in ["register.csv", "register.xlsx"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = new_site(dir.path());
        let path = fixture("import/register").join(register);
        let written = imported(&site, &["--csv", &path.to_string_lossy()]);
        assert_eq!(
            written,
            [
                PathBuf::from("content/0101-15-2019-000002.md"),
                PathBuf::from("content/register-3.md")
            ],
            "{register}"
        );
        let (fields, body) = document(&site.join(&written[0]));
        assert_eq!(text(&fields, "title"), "某区2018年政府信息公开工作年度报告");
        assert_eq!(text(&fields, "category"), "政府信息公开年报");
        assert_eq!(
            text(&fields, "date"),
            "2019-01-15",
            "{register}: the row's date, not the page's"
        );
        assert!(
            body.contains("## 一、概述") && !body.contains("当前位置"),
            "{body}"
        );
        let (fields, body) = document(&site.join(&written[1]));
        assert_eq!(
            text(&fields, "title"),
            "关于某项工作的通知",
            "the row's title over the file's"
        );
        assert_eq!(text(&fields, "doc_number"), "某政办发〔2019〕9号");
        assert!(
            text(&fields, "date").starts_with("TODO: the register's 发文日期 `2019-13-40` is not a date")
        );
        assert!(body.starts_with("\n正文第一段。"), "{body:?}");
        let texts: Vec<String> = written
            .iter()
            .map(|p| read(&site.join(p)).lines().skip(2).collect::<Vec<_>>().join("\n"))
            .collect();
        outputs.push(texts);
    }
    assert_eq!(outputs[0], outputs[1], "CSV and xlsx give the same documents");
}

/// A legacy page stating a 公开方式 other than plainly 主动公开 is never
/// imported as a published document: a known spelling is kept (normalised),
/// anything else is a TODO that fails the build until it is written.
#[test]
fn a_stated_disclosure_is_kept_or_left_todo_never_dropped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let pages = dir.path().join("pages");
    fs::create_dir_all(&pages).expect("mkdir");
    let cases = [
        ("不予公开（涉及国家秘密）", Some("不予公开")),
        ("不予公开(内部事务)", Some("不予公开")),
        ("依申请", Some("依申请公开")),
        ("依申请提供", Some("依申请公开")),
        ("依申请公开。", Some("依申请公开")),
        ("  依申请公开 ", Some("依申请公开")),
        ("主动公开", Some("主动公开")),
        ("部分公开", None),
        ("主动公开；依申请公开", None),
    ];
    for (n, (stated, _)) in cases.iter().enumerate() {
        let page = format!(
            "索引号    0101-03-2017-00010{n} 公开方式    {stated} 发布机构    区政府办公室\n\
             文件编号    川政办字〔2017〕8{n}号 信息分类    规划计划 发文日期    2017-7-18\n\
             信息标题    关于第{n}项工作的通知\n\
             关于第{n}项工作的通知\n\n\
             各镇人民政府，各街道办事处：现将第{n}项工作的有关事项通知如下，请认真贯彻执行。\n"
        );
        fs::write(pages.join(format!("page{n}.txt")), page).expect("write");
    }
    let written = imported(&site, &[&pages.to_string_lossy()]);
    assert_eq!(written.len(), cases.len());
    let mut todo = Vec::new();
    for (path, (stated, expected)) in written.iter().zip(cases) {
        let (fields, _) = document(&site.join(path));
        let value = text(&fields, "disclosure");
        match expected {
            Some(expected) => assert_eq!(value, expected, "{stated}"),
            None => {
                assert!(value.starts_with("TODO"), "{stated}: {value}");
                todo.push(site.join(path));
            }
        }
    }
    // The TODOs fail the build, and nothing is published meanwhile.
    let root = site.to_string_lossy().into_owned();
    let out = gongkai(&["build", "--root", &root]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!site.join("public").exists());
    // Written by a person (here: removed), the site builds and publishes
    // only the 主动公开 page.
    for path in todo {
        fs::remove_file(path).expect("remove");
    }
    let out = gongkai(&["build", "--root", &root]);
    assert!(out.status.success(), "{}", stderr(&out));
    let everything = all_text(&site.join("public"));
    assert!(everything.contains("关于第6项工作的通知"));
    for n in 0..6 {
        assert!(
            !everything.contains(&format!("关于第{n}项工作的通知")),
            "page {n} leaked"
        );
    }
}

/// The same rule for a register's 公开方式 and 有效性 columns.
#[test]
fn a_register_disclosure_is_normalised_or_left_todo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let register = dir.path().join("register.csv");
    fs::write(
        &register,
        "标题,索引号,发布机构,信息分类,发文日期,公开方式,有效性\n\
         甲,0101-03-2019-000001,区政府办公室,规划计划,2019-01-15,依申请提供,现行有效\n\
         乙,0101-03-2019-000002,区政府办公室,规划计划,2019-01-15,不予公开（内部事务）,废止\n\
         丙,0101-03-2019-000003,区政府办公室,规划计划,2019-01-15,待定,作废\n",
    )
    .expect("write");
    let written = imported(&site, &["--csv", &register.to_string_lossy()]);
    let fields: Vec<_> = written.iter().map(|p| document(&site.join(p)).0).collect();
    assert_eq!(
        (text(&fields[0], "disclosure"), text(&fields[0], "status")),
        ("依申请公开".to_owned(), "有效".to_owned())
    );
    assert_eq!(
        (text(&fields[1], "disclosure"), text(&fields[1], "status")),
        ("不予公开".to_owned(), "已废止".to_owned())
    );
    assert!(
        text(&fields[2], "disclosure").starts_with("TODO"),
        "{:?}",
        fields[2]
    );
    assert!(text(&fields[2], "status").starts_with("TODO"), "{:?}", fields[2]);
}

#[test]
fn notes_and_todos_are_in_the_webmasters_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let page = seed("001");
    let mut args = vec!["import".to_owned(), "--root".to_owned()];
    args.push(site.to_string_lossy().into_owned());
    args.push(page.to_string_lossy().into_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = gongkai_env(&args, &[("GONGKAI_LANG", "zh")]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{stdout}{}", stderr(&out));
    assert!(
        stdout.contains("  待填写 category: 页面没有写本站的信息分类（可用 --category 指定）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  说明：issuer: 取自页面的“信息来源”"),
        "{stdout}"
    );
    assert!(stdout.contains("已导入 1 / 1 个页面；2 个字段待填写"), "{stdout}");
    let written = fs::read_dir(site.join("content"))
        .expect("content")
        .next()
        .expect("a document");
    let text = read(&written.expect("entry").path());
    assert!(
        text.contains("category: \"TODO: 页面没有写本站的信息分类（可用 --category 指定）\""),
        "{text}"
    );
    let out = gongkai_env(
        &["check", "--root", &site.to_string_lossy()],
        &[("GONGKAI_LANG", "zh")],
    );
    assert!(
        stderr(&out).contains("“category”还是占位内容：TODO: 页面没有写本站的信息分类"),
        "{}",
        stderr(&out)
    );
}
