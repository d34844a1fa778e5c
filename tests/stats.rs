//! Statistics on a fixture whose counts are known (tests/fixtures/stats):
//!
//! | kind | year | 制发 | 废止 | 现行有效 |
//! | --- | --- | --- | --- | --- |
//! | 规章 | 2019 | 2 (r1, r2) | 0 | 2 |
//! | 规章 | 2020 | 1 (r3) | 1 (r2, replaced by r3) | 2 |
//! | 规章 | 2021 | 0 | 0 | 2 |
//! | 行政规范性文件 | 2019 | 1 (n1) | 0 | 1 |
//! | 行政规范性文件 | 2020 | 1 (n2) | 1 (n2, repealed_on) | 1 |
//! | 行政规范性文件 | 2021 | 2 (n3, n4) | 1 (n1, valid_until 2020-12-31) | 2 (n3; n4 undated) |
//!
//! Per year 3, 2, 3 (cumulative 3, 5, 8); 有效 4, 已修改 0, 已废止 3, 已失效 1.

mod common;

use common::*;

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, site) = fixture_site("stats");
    (dir, site)
}

#[test]
fn the_annual_report_table_has_the_known_numbers_in_every_format() {
    let (_dir, site) = site();
    let root = site.to_string_lossy().into_owned();
    let out = gongkai_env(
        &["stats", "--root", &root, "--year", "2021"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "2021年 主动公开政府信息情况（第二十条第（一）项）\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --: | --: | --: |\n| 规章 | 0 | 0 | 2 |\n| 行政规范性文件 | 2 | 1 | 2 |\n"
    );
    assert!(
        stderr(&out).contains("0001-02-2021-000014: repealed or expired without a date"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("cross-year check"),
        "the table is consistent across years"
    );

    let out = gongkai_env(
        &["stats", "--root", &root, "--year", "2020", "--format", "csv"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "信息内容,本年制发件数,本年废止件数,现行有效件数\r\n规章,1,1,2\r\n行政规范性文件,1,1,1\r\n"
    );
    let out = gongkai_env(
        &["stats", "--root", &root, "--year", "2019", "--format", "json"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        json["rows"][0],
        serde_json::json!({ "kind": "规章", "issued": 2, "repealed": 0, "in_force": 2 })
    );
    assert_eq!(
        json["rows"][1],
        serde_json::json!({ "kind": "行政规范性文件", "issued": 1, "repealed": 0, "in_force": 1 })
    );
}

#[test]
fn the_statistics_page_shows_the_known_numbers_as_tables_and_a_chart() {
    let (_dir, site) = site();
    build_site(&site);
    let page = read(&site.join("public/statistics/index.html"));
    for row in [
        "<tr><th scope=\"row\">2019</th><td>3</td><td>0</td><td>3</td><td>3</td></tr>",
        "<tr><th scope=\"row\">2020</th><td>2</td><td>0</td><td>2</td><td>5</td></tr>",
        "<tr><th scope=\"row\">2021</th><td>2</td><td>1</td><td>3</td><td>8</td></tr>",
        "<tr><th scope=\"row\">有效</th><td>4</td></tr>",
        "<tr><th scope=\"row\">已废止</th><td>3</td></tr>",
        "<tr><th scope=\"row\">已失效</th><td>1</td></tr>",
        "<tr><th scope=\"row\">区政府办公室</th><td>8</td></tr>",
        "<tr><th scope=\"row\">2020</th><td>1</td><td>1</td><td>2</td></tr>",
        "<tr><th scope=\"row\">2021</th><td>2</td><td>1</td><td>2</td></tr>",
    ] {
        assert!(page.contains(row), "{row} missing in\n{page}");
    }
    assert!(page.contains("<svg class=\"chart\" role=\"img\" aria-label=\"各年度公开文件数\""));
    assert_eq!(
        page.matches("<rect ").count(),
        3 + 4,
        "one bar per year, one per validity"
    );
    assert!(page.contains("<svg class=\"chart\" role=\"img\" aria-label=\"按有效性\""));
}

#[test]
fn a_kind_must_be_declared_and_a_kind_written_as_genre_says_where_it_goes() {
    let (_dir, site) = site();
    let yaml = read(&site.join("site.yaml")).replace("kinds: [规章, 行政规范性文件]\n", "kinds: [规章]\n");
    std::fs::write(site.join("site.yaml"), yaml).expect("write");
    // A site written before kinds were separate from 文种.
    let r1 = read(&site.join("content/r1.md")).replace("kind: 规章", "genre: 规章");
    std::fs::write(site.join("content/r1.md"), r1).expect("write");
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/n1.md:7: kind: `行政规范性文件` is not a kind of this site"),
        "{err}"
    );
    assert!(
        err.contains("content/r1.md:7: genre: `规章` is a kind, not a genre (genre)")
            && err.contains("write `kind: 规章` instead"),
        "{err}"
    );
}
