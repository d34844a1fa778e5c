//! `gongkai report` on a fixture office with two years of registers
//! (tests/fixtures/report: several hundred applications, every outcome of
//! the 2021 format used, tables written out by hand in expected-*.txt), the
//! report documents it drafts, their pages and CSV, and every check: the
//! sums of a hand-edited table, the carry-over between years, each kind of
//! broken register row.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// 2026-02-01: the day the reports are drafted (their 发文日期 and 索引号).
const DAY: (&str, &str) = ("SOURCE_DATE_EPOCH", "1769904000");

fn report(site: &Path, year: &str) -> std::process::Output {
    gongkai_env(
        &["report", "--root", &site.to_string_lossy(), "--year", year],
        &[DAY],
    )
}

/// The table block of `section` (二, 三, 四, 六) of `year` in `text`, its rows only.
fn block(text: &str, year: &str, section: &str) -> String {
    let fence = format!("```年报 {year} {section}\n");
    let start = text
        .find(&fence)
        .unwrap_or_else(|| panic!("no block {fence} in:\n{text}"))
        + fence.len();
    let end = start + text[start..].find("```").expect("closing fence");
    text[start..end].to_owned()
}

/// Table 三 of `year` in `text` is the one written out by hand in the
/// fixture's expected-<year>.txt, and 二, 四 and 六 are `others`.
fn tables_are(text: &str, year: &str, others: [&str; 3]) {
    let expected = read(&fixture("report").join(format!("expected-{year}.txt")));
    assert_eq!(block(text, year, "三"), expected);
    for (section, rows) in ["二", "四", "六"].into_iter().zip(others) {
        assert_eq!(block(text, year, section), rows, "table {section} of {year}");
    }
}

/// The report document of `year` the run wrote (the file with its blocks).
fn document(site: &Path, year: &str) -> PathBuf {
    fs::read_dir(site.join("content"))
        .expect("content/")
        .map(|e| e.expect("entry").path())
        .find(|p| read(p).contains(&format!("```年报 {year} 三")))
        .unwrap_or_else(|| panic!("no {year} report under content/"))
}

/// Writes the prose and publishes the report (no 【待填写】, no draft).
fn publish(path: &Path) {
    let text = read(path);
    let text: String = text
        .lines()
        .filter(|l| *l != "draft: true")
        .map(|l| {
            if l.starts_with("【待填写") {
                "本机关认真落实《条例》，依法做好政府信息公开工作。"
            } else {
                l
            }
        })
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(path, text).expect("write");
}

#[test]
fn two_years_of_registers_make_the_tables_written_out_by_hand() {
    let (_dir, site) = fixture_site("report");
    let out = report(&site, "2024");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("drafted the 2024 annual report"));
    let path = document(&site, "2024");
    let text = read(&path);
    assert!(
        text.contains("title: 样例县人民政府办公室2024年政府信息公开工作年度报告"),
        "{text}"
    );
    assert!(
        text.contains("draft: true") && text.contains("category: 政府信息公开年报"),
        "{text}"
    );
    tables_are(
        &text,
        "2024",
        [
            "规章: 0 0 0\n行政规范性文件: 2 0 3\n行政许可: 1203\n行政处罚: 87\n行政强制: 4\n行政事业性收费: 36.25\n",
            "行政复议: 1 0 0 1 2\n行政诉讼 未经复议直接起诉: 0 0 0 0 0\n行政诉讼 复议后起诉: 0 0 0 0 0\n",
            "收取信息处理费件数: 0\n收取信息处理费金额（元）: 0\n",
        ],
    );
    // A draft's prose still to write is a warning, not an error.
    let check = gongkai_env(&["check", "--root", &site.to_string_lossy()], &[DAY]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert_eq!(
        stderr(&check)
            .matches("the report still has a part to write")
            .count(),
        3,
        "{}",
        stderr(&check)
    );
    publish(&path);

    let out = report(&site, "2025");
    assert!(out.status.success(), "{}", stderr(&out));
    let path = document(&site, "2025");
    let text = read(&path);
    // 规章: one issued and in force; 行政规范性文件: one issued, one
    // repealed, 3 + 1 − 1 in force; three fees.
    tables_are(
        &text,
        "2025",
        [
            "规章: 1 0 1\n行政规范性文件: 1 1 3\n行政许可: 1341\n行政处罚: 92\n行政强制: 6\n行政事业性收费: 40.1\n",
            "行政复议: 1 1 0 0 2\n行政诉讼 未经复议直接起诉: 0 0 1 0 1\n行政诉讼 复议后起诉: 0 0 0 1 1\n",
            "收取信息处理费件数: 3\n收取信息处理费金额（元）: 200.50\n",
        ],
    );

    // Run again: the tables are refreshed, the prose kept.
    publish(&path);
    let written = read(&path).replace("本机关认真落实", "我县认真落实");
    fs::write(&path, &written).expect("write");
    let out = report(&site, "2025");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("refreshed the tables of the 2025 report"));
    assert_eq!(read(&path), written, "nothing changed, so nothing moves");

    // Both published: the pages show accessible tables with their CSV beside.
    let build = gongkai_env(&["build", "--root", &site.to_string_lossy()], &[DAY]);
    assert!(build.status.success(), "{}", stderr(&build));
    let public = site.join("public");
    let stem = path.file_stem().expect("stem").to_string_lossy().into_owned();
    let page = read(&public.join(format!("docs/{stem}.html")));
    assert!(
        page.contains("<caption>收到和处理政府信息公开申请情况</caption>"),
        "{page}"
    );
    assert!(page.contains("<th rowspan=\"22\" scope=\"rowgroup\">三、本年度办理结果</th>"));
    assert!(page.contains(&format!("href=\"{stem}-table3.csv\"")));
    assert!(page.contains("收取信息处理费 3 件，共计 200.50 元"));
    let csv = fs::read(public.join(format!("docs/{stem}-table3.csv"))).expect("csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let csv = String::from_utf8_lossy(&csv[3..]).into_owned();
    let total = read(&fixture("report").join("expected-2025.txt"))
        .lines()
        .find(|l| l.starts_with("（七）总计"))
        .expect("total")
        .replace(": ", ",")
        .replace(' ', ",");
    assert!(csv.contains(&format!("{total}\r\n")), "{csv}");
    // The registers' people never reach the output.
    let everything = all_text(&public);
    for private in ["申请人1", "某地址", "申请公开某事项", "YS0001"] {
        assert!(!everything.contains(private), "{private} leaked");
    }
}

#[test]
fn a_hand_edited_table_that_does_not_add_up_fails_with_its_line_and_numbers() {
    let (_dir, site) = fixture_site("report");
    for year in ["2024", "2025"] {
        assert!(report(&site, year).status.success());
        publish(&document(&site, year));
    }
    let build = gongkai_env(&["build", "--root", &site.to_string_lossy()], &[DAY]);
    assert!(build.status.success(), "{}", stderr(&build));
    let before = tree(&site.join("public"));
    // 2024 carrying out one more 自然人 (balanced within 2024) than 2025 carries in.
    let path24 = document(&site, "2024");
    let text = read(&path24)
        .replace(
            "四、结转下年度继续办理: 3 0 0 0 1 0 4",
            "四、结转下年度继续办理: 4 0 0 0 1 0 5",
        )
        .replace(
            "一、本年新收政府信息公开申请数量: 104 17 3 2 6 3 135",
            "一、本年新收政府信息公开申请数量: 105 17 3 2 6 3 136",
        );
    fs::write(&path24, text).expect("write");
    let path25 = document(&site, "2025");
    let name = path25
        .strip_prefix(&site)
        .expect("rel")
        .to_string_lossy()
        .replace('\\', "/");
    let build = gongkai_env(&["build", "--root", &site.to_string_lossy()], &[DAY]);
    assert_eq!(build.status.code(), Some(1));
    let err = stderr(&build);
    let carried = read(&path25)
        .lines()
        .position(|l| l.starts_with("二、上年结转"))
        .expect("row")
        + 1;
    assert!(
        err.contains(&format!(
            "{name}:{carried}: column “自然人”: the 2025 report carries in 3, but the 2024 report"
        )),
        "{err}"
    );
    assert!(err.contains("carried out 4"), "{err}");
    assert_eq!(err.matches("error:").count(), 2, "自然人 and 总计: {err}");
    // One more 予以公开 for 自然人 in 2025, totals left as they were.
    let text = read(&path25);
    let row = text
        .lines()
        .position(|l| l.starts_with("（一）予以公开"))
        .expect("row")
        + 1;
    fs::write(
        &path25,
        text.replacen("（一）予以公开: 52 ", "（一）予以公开: 53 ", 1),
    )
    .expect("write");
    let build = gongkai_env(&["build", "--root", &site.to_string_lossy()], &[DAY]);
    assert_eq!(build.status.code(), Some(1));
    let err = stderr(&build);
    assert!(
        err.contains(&format!("{name}:{row}: the total of “（一）予以公开” is 72, but its parts add up to 53 + 10 + 3 + 2 + 4 + 1 = 73")),
        "{err}"
    );
    assert!(
        err.contains("the （七）总计 of the column “自然人” is 122, but rows （一）–（六） add up to 123"),
        "{err}"
    );
    assert_eq!(
        tree(&site.join("public")),
        before,
        "a failed build leaves the output as it was"
    );
}

/// Writes `rows` (after the fixture's heading row) as the register.
fn register(site: &Path, rows: &[&str]) {
    let mut text = String::from("编号,收到日期,申请人姓名,申请人类型,办理结果,办结日期,收费金额\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    fs::write(site.join("registers/applications.csv"), text).expect("write");
}

#[test]
fn every_broken_register_row_is_reported_with_its_file_row_and_id() {
    let (_dir, site) = fixture_site("report");
    register(
        &site,
        &[
            "B1,2025-03-01,甲,自然人,予以公开,2025-03-10,",
            "B2,2025-03-01,乙,自然人,同意公开,2025-03-10,",
            "B3,2025-03-01,丙,个体户,予以公开,2025-03-10,",
            "B4,2025-03-10,丁,自然人,部分公开,2025-03-01,",
            "B5,2025-03-01,戊,自然人,不予公开,2025-03-10,",
            "B6,2025-03-01,己,自然人,予以公开,,",
            "B7,2025-02-30,庚,自然人,予以公开,2025-03-10,",
            "B8,2025-03-01,辛,自然人,予以公开,2025-03-10,五十元",
            "B9,2027-01-01,壬,自然人,,,",
        ],
    );
    let before = tree(&site.join("content"));
    let out = report(&site, "2025");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for (row, id, what) in [
        (
            3,
            "B2",
            "the outcome “同意公开” is not one of the 2021 report format's results",
        ),
        (4, "B3", "the applicant type “个体户”"),
        (
            5,
            "B4",
            "closed on 2025-03-01, before it was received on 2025-03-10",
        ),
        (6, "B5", "the outcome “不予公开” is not one"),
        (7, "B6", "the outcome is “予以公开” but there is no closed date"),
        (8, "B7", "the received date cannot be read"),
        (9, "B8", "the fee “五十元” is not an amount"),
        (10, "B9", "the date 2027-01-01 is in the future"),
    ] {
        assert!(
            err.contains(&format!(
                "registers/applications.csv:{row}: row {row} (id {id}): {what}"
            )),
            "row {row}:\n{err}"
        );
    }
    assert!(!err.contains("(id B1)"), "a good row is no problem: {err}");
    assert_eq!(tree(&site.join("content")), before, "nothing is written");

    // A register without its outcome column, in Chinese.
    fs::write(
        site.join("registers/applications.csv"),
        "编号,收到日期,申请人类型,办结日期\nC1,2025-01-01,自然人,\n",
    )
    .expect("write");
    let out = gongkai_env(
        &["report", "--root", &site.to_string_lossy(), "--year", "2025"],
        &[DAY, ("GONGKAI_LANG", "zh")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("registers/applications.csv:1: 登记表缺少“办理结果”一列"),
        "{err}"
    );
    assert!(
        err.contains("登记表现有的列：编号、收到日期、申请人类型、办结日期"),
        "{err}"
    );
    // A row's problem is in the reader's language too, inside its row.
    register(&site, &["C2,2025-02-30,甲,自然人,予以公开,2025-03-10,"]);
    let out = gongkai_env(
        &["report", "--root", &site.to_string_lossy(), "--year", "2025"],
        &[DAY, ("GONGKAI_LANG", "zh")],
    );
    assert!(
        stderr(&out).contains("第 2 行（编号 C2）：收到日期读不出：日历上没有“2025-02-30”这一天"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_register_per_year_holds_only_its_year_and_carries_over_from_the_last() {
    let (_dir, site) = fixture_site("report");
    let yaml =
        read(&site.join("site.yaml")) + "registers:\n  applications: registers/依申请公开-{year}.csv\n";
    fs::write(site.join("site.yaml"), yaml).expect("write");
    let write = |year: &str, rows: &[&str]| {
        let mut text = String::from("编号,收到日期,申请人类型,办理结果,办结日期\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        fs::write(site.join(format!("registers/依申请公开-{year}.csv")), text).expect("write");
    };
    // 2024 carries out two (one company); 2025's register carries in one.
    write(
        "2024",
        &[
            "A1,2024-05-01,自然人,予以公开,2024-05-09",
            "A2,2024-12-28,自然人,,",
            "A3,2024-12-29,商业企业,,",
        ],
    );
    write(
        "2025",
        &[
            "A2,2024-12-28,自然人,予以公开,2025-01-05",
            "A4,2025-02-01,自然人,部分公开,2025-02-09",
            "A5,2023-06-01,自然人,予以公开,2023-06-09",
        ],
    );
    let out = report(&site, "2025");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "row 4 (id A5): an application received on 2023-06-01 does not belong in the 2025 register"
        ),
        "{err}"
    );
    write(
        "2025",
        &[
            "A2,2024-12-28,自然人,予以公开,2025-01-05",
            "A4,2025-02-01,自然人,部分公开,2025-02-09",
        ],
    );
    let out = report(&site, "2025");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("column “商业企业”: the 2025 report carries in 0, but the 2024 report"),
        "{err}"
    );
    assert!(err.contains("依申请公开-2024.csv) carried out 1"), "{err}");
    write(
        "2025",
        &[
            "A2,2024-12-28,自然人,予以公开,2025-01-05",
            "A3,2024-12-29,商业企业,予以公开,2025-01-06",
            "A4,2025-02-01,自然人,部分公开,2025-02-09",
        ],
    );
    let out = gongkai_env(
        &[
            "report",
            "--root",
            &site.to_string_lossy(),
            "--year",
            "2025",
            "--format",
            "json",
        ],
        &[DAY],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let three = &json[1]["rows"];
    assert_eq!(
        three[0],
        serde_json::json!(["1", "0", "0", "0", "0", "0", "1"]),
        "new"
    );
    assert_eq!(
        three[1],
        serde_json::json!(["1", "1", "0", "0", "0", "0", "2"]),
        "carried in"
    );
}

#[test]
fn figures_and_registers_are_checked_before_anything_is_written() {
    let (_dir, site) = fixture_site("report");
    fs::write(
        site.join("registers/figures.yaml"),
        "2025:\n  行政许可: 12\n  行政处罚: 一百\n  收费: 3\n",
    )
    .expect("write");
    let out = report(&site, "2025");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("registers/figures.yaml:3: the 2025 “行政处罚” is “一百”, not a valid number"),
        "{err}"
    );
    assert!(
        err.contains("registers/figures.yaml:4: the 2025 figures have no item “收费”"),
        "{err}"
    );
    assert!(
        err.contains("the 2025 figures lack: 行政强制、行政事业性收费"),
        "{err}"
    );
    let out = report(&site, "2023");
    assert!(
        stderr(&out).contains("the yearly figures file has no entry for 2023"),
        "{}",
        stderr(&out)
    );
    // Registers hold personal data: never inside content/.
    let yaml = read(&site.join("site.yaml")) + "registers:\n  applications: content/登记.csv\n";
    fs::write(site.join("site.yaml"), yaml).expect("write");
    let out = report(&site, "2025");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the register content/登记.csv is inside content/"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_register_kept_as_an_xlsx_spreadsheet_gives_the_same_tables() {
    let (_dir, site) = fixture_site("report");
    fs::remove_file(site.join("registers/applications.csv")).expect("remove");
    // registers/applications.csv is missing: the same name as .xlsx is read.
    fs::copy(
        site.join("applications.xlsx"),
        site.join("registers/applications.xlsx"),
    )
    .expect("copy");
    let out = report(&site, "2025");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("read 304 application register rows"),
        "{}",
        stderr(&out)
    );
    let text = read(&document(&site, "2025"));
    assert_eq!(
        block(&text, "2025", "三"),
        read(&fixture("report").join("expected-2025.txt"))
    );
}
