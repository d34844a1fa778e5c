//! The document model of a real catalogue, on tests/fixtures/model: the
//! three dates, 主题分类, 文种 and kinds, joint issuers, a revision chain
//! with its 题注, the 规范性文件库, a document not yet in force, and the
//! fields the site declares — on pages, in lists, facets and exports.

mod common;

use std::path::Path;

use common::*;

/// SOURCE_DATE_EPOCH of 2099-01-02, the day after p1's 施行日期.
const AFTER_P1: &str = "4070995200";

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, site) = fixture_site("model");
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "no warnings: {}", stderr(&out));
    (dir, site)
}

fn page(site: &Path, path: &str) -> String {
    read(&site.join("public").join(path))
}

fn json(site: &Path, path: &str) -> serde_json::Value {
    serde_json::from_str(&page(site, path)).expect("json")
}

#[test]
fn a_revised_rule_carries_its_caption_and_every_version_the_newest_marked_in_force() {
    let (_dir, site) = built();
    let r2 = page(&site, "docs/m-02-2021-0002.html");
    assert!(
        r2.contains("<p class=\"caption\">（2019年3月8日区政府办公室模政令〔2019〕1号公布　根据2021年6月10日区政府办公室模政令〔2021〕3号第一次修订　自2021年7月1日起施行）</p>"),
        "{r2}"
    );
    let versions = &r2[r2.find("rel-versions").expect("versions")..];
    let first = versions
        .find("模型区城市管理办法</a>")
        .expect("first version linked");
    let second = versions
        .find("（2021年修订） <span class=\"badge\">本页</span>")
        .expect("this page, marked");
    assert!(first < second, "oldest first: {versions}");
    assert!(
        versions.contains("badge-valid"),
        "the newest version is marked in force"
    );
    // The first version's page: its own caption (no revision yet) and the chain.
    let r1 = page(&site, "docs/m-02-2019-0001.html");
    assert!(r1.contains("（2019年3月8日区政府办公室模政令〔2019〕1号公布　自2019年5月1日起施行）"));
    assert!(r1.contains("href=\"../docs/m-02-2021-0002.html\">模型区城市管理办法（2021年修订）</a> <strong class=\"badge badge-valid\">"));
    // The 规范性文件库: per kind, the newest version in force, and the repealed.
    let library = page(&site, "library/index.html");
    for row in [
        "<tr><td><a href=\"#kind-1\">规章</a></td><td>1</td><td>0</td></tr>",
        "<tr><td><a href=\"#kind-2\">行政规范性文件</a></td><td>2</td><td>1</td></tr>",
    ] {
        assert!(library.contains(row), "{row} in {library}");
    }
    assert!(
        !library.contains("m-02-2019-0001.html"),
        "the amended version is not listed as in force"
    );
    assert!(
        library.contains("m-02-2018-0006.html"),
        "the repealed one is listed apart"
    );
    assert!(
        page(&site, "index.html").contains("library/index.html"),
        "linked from the home page"
    );
}

#[test]
fn the_three_dates_show_and_lists_and_years_follow_the_publication_date() {
    let (_dir, site) = built();
    let n1 = page(&site, "docs/m-02-2022-0003.html");
    assert!(
        n1.contains(
            "<th scope=\"row\">成文日期</th><td><time datetime=\"2022-02-10\">2022-02-10</time></td>"
        )
    );
    assert!(n1.contains("<th scope=\"row\">发布日期</th><td><a href=\"../year/2022/index.html\"><time datetime=\"2022-03-01\">"));
    let r2 = page(&site, "docs/m-02-2021-0002.html");
    assert!(
        r2.contains(
            "<th scope=\"row\">施行日期</th><td><time datetime=\"2021-07-01\">2021-07-01</time></td>"
        )
    );
    // n1 was written 2022-02-10 but published 2022-03-01; i1 written and
    // published 2022-02-25: by publication n1 comes first.
    let year = page(&site, "year/2022/index.html");
    let i1 = year.find("m-08-2022-0004.html").expect("i1 in 2022");
    let n1_at = year.find("m-02-2022-0003.html").expect("n1 in 2022");
    assert!(n1_at < i1, "newest publication first: {year}");
    // p1 was written in 2023 and published in 2024: a 2024 document.
    assert!(page(&site, "year/2024/index.html").contains("m-02-2023-0005.html"));
    assert!(!site.join("public/year/2023").exists());
    // JSON-LD tells the dates apart.
    assert!(
        n1.contains("\"datePublished\":\"2022-03-01\"") && n1.contains("\"legislationDate\":\"2022-02-10\"")
    );
    assert!(r2.contains("\"legislationDateOfApplicability\":\"2021-07-01\""));
}

#[test]
fn a_document_not_yet_in_force_says_so_until_the_build_on_its_day() {
    let (_dir, site) = built();
    let status = |site: &Path| {
        json(site, "catalogue.json")["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .find(|d| d["index_number"] == "M-02-2023-0005")
            .map(|d| d["status"].clone())
    };
    assert_eq!(status(&site), Some(serde_json::json!("尚未生效")));
    assert!(page(&site, "docs/m-02-2023-0005.html").contains("badge-pending"));
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("SOURCE_DATE_EPOCH", AFTER_P1)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(status(&site), Some(serde_json::json!("有效")));
    assert!(!page(&site, "docs/m-02-2023-0005.html").contains("badge-pending"));
}

#[test]
fn joint_issuers_each_get_the_document_on_their_page() {
    let (_dir, site) = built();
    let n1 = page(&site, "docs/m-02-2022-0003.html");
    assert!(n1.contains("<a href=\"../issuer/bgs/index.html\">区政府办公室</a>、<a href=\"../issuer/czj/index.html\">区财政局</a><span class=\"meta\">（联合发文）</span>"), "{n1}");
    assert!(page(&site, "issuer/czj/index.html").contains("m-02-2022-0003.html"));
    assert!(page(&site, "issuer/bgs/index.html").contains("m-02-2022-0003.html"));
    assert!(n1.contains("\"legislationPassedBy\":[{\"@type\":\"GovernmentOrganization\",\"name\":\"区政府办公室\"},{\"@type\":\"GovernmentOrganization\",\"name\":\"区财政局\"}]"));
    let doc = &json(&site, "catalogue.json")["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["index_number"] == "M-02-2022-0003")
        .cloned()
        .expect("n1");
    assert_eq!(doc["issuers"], serde_json::json!(["区政府办公室", "区财政局"]));
}

#[test]
fn subjects_have_pages_in_two_levels() {
    let (_dir, site) = built();
    let overview = page(&site, "subject/index.html");
    for row in [
        "<tr><td><a href=\"../subject/10/index.html\">城乡建设、环境保护</a></td><td>3</td></tr>",
        "<tr class=\"sub-facet\"><td><a href=\"../subject/10-01/index.html\">城市规划</a></td><td>2</td></tr>",
        "<tr class=\"sub-facet\"><td><a href=\"../subject/02-01/index.html\">政务公开</a></td><td>1</td></tr>",
    ] {
        assert!(overview.contains(row), "{row} in {overview}");
    }
    assert!(
        !overview.contains("国防"),
        "classes without documents are left out"
    );
    // Written as the sub-class alone (r2: 城市规划), found under its class.
    let list = page(&site, "subject/10-01/index.html");
    assert!(list.contains("m-02-2019-0001.html") && list.contains("m-02-2021-0002.html"));
    let r2 = page(&site, "docs/m-02-2021-0002.html");
    assert!(r2.contains("<a href=\"../subject/10-01/index.html\">城乡建设、环境保护/城市规划</a>"));
}

#[test]
fn declared_fields_are_shown_browsed_and_exported() {
    let (_dir, site) = built();
    let n1 = page(&site, "docs/m-02-2022-0003.html");
    assert!(n1.contains("<th scope=\"row\">资金规模（万元）</th><td colspan=\"3\">120.5</td>"));
    // `after: 内容概述` puts it right under that row; others follow 主题词.
    let row = |label: &str| n1.find(&format!("<th scope=\"row\">{label}</th>")).expect(label);
    assert!(row("内容概述") < row("资金规模（万元）") && row("资金规模（万元）") < row("有效性"));
    assert!(row("有效性") < row("评估日期"));
    assert!(n1.contains("<th scope=\"row\">评估日期</th><td colspan=\"3\">2024-02-10</td>"));
    assert!(n1.contains("<th scope=\"row\">专题</th><td colspan=\"3\"><a href=\"../topics/"));
    let i1 = page(&site, "docs/m-08-2022-0004.html");
    assert!(i1.contains("<th scope=\"row\">上位文件</th><td colspan=\"3\"><a href=\"../docs/m-02-2022-0003.html\">关于进一步推进政务公开的通知</a>"));
    assert!(i1.contains("<th scope=\"row\">解读形式</th><td colspan=\"3\">图解</td>"));
    // An enumeration's facet lists its values in site.yaml order.
    let regions = page(&site, "region/index.html");
    let at = |name: &str| regions.find(&format!(">{name}</a>")).expect(name);
    assert!(at("城区") < at("郊区") && at("郊区") < at("全区"), "{regions}");
    assert!(regions.contains(">城区</a></td><td>2</td>"));
    // Cards show the field declared for them.
    assert!(page(&site, "category/02/index.html").contains(" · 适用区域：全区</span>"));
    // A list field: each value its facet.
    let topics = page(&site, "topics/index.html");
    assert!(
        topics.contains(">营商环境</a></td><td>2</td>") && topics.contains(">城市管理</a></td><td>1</td>")
    );
    assert!(
        page(&site, "index.html").contains("topics/index.html"),
        "the home page links each facet"
    );

    // catalogue.json: the values typed, valid against the site's schema.
    let catalogue = json(&site, "catalogue.json");
    let schema = json(&site, "catalogue.schema.json");
    if let Err(e) = jsonschema::validate(&schema, &catalogue) {
        panic!("catalogue.json does not match its schema: {e}");
    }
    assert_eq!(
        schema["properties"]["documents"]["items"]["properties"]["fields"]["properties"]["region"]["enum"],
        serde_json::json!(["城区", "郊区", "全区"])
    );
    let by_number = |n: &str| {
        catalogue["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .find(|d| d["index_number"] == n)
            .cloned()
            .expect(n)
    };
    let n1 = by_number("M-02-2022-0003");
    assert_eq!(
        n1["fields"],
        serde_json::json!({ "budget": 120.5, "region": "全区", "review_by": "2024-02-10", "topics": ["营商环境", "政务公开"] })
    );
    assert_eq!(n1["subject"], "综合政务/政务公开");
    assert_eq!(n1["kind"], "行政规范性文件");
    assert_eq!(n1["registration"], "MGB-2022-005");
    assert_eq!(n1["genre"], "通知");
    assert_eq!(
        by_number("M-08-2022-0004")["fields"],
        serde_json::json!({ "source_policy": "M-02-2022-0003" })
    );
    assert_eq!(by_number("M-02-2021-0002")["revises"], "M-02-2019-0001");
    // A broken document does not match: a value outside the enumeration.
    let mut broken = catalogue.clone();
    broken["documents"][0]["fields"]["region"] = serde_json::json!("外星");
    assert!(jsonschema::validate(&schema, &broken).is_err());

    // The CSV: a column per declared field, by its label.
    let csv_text = page(&site, "catalogue.csv");
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let column = |h: &str| headers.iter().position(|x| x == h).expect(h);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = rows.iter().find(|r| &r[0] == "M-02-2022-0003").expect("n1 row");
    assert_eq!(&row[column("专题")], "营商环境、政务公开");
    assert_eq!(&row[column("发布机构")], "区政府办公室、区财政局");
    assert_eq!(&row[column("发布日期")], "2022-03-01");
    assert_eq!(&row[column("成文日期")], "2022-02-10");
    assert_eq!(&row[column("主题分类")], "综合政务/政务公开");
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn deadlines_in_working_days_are_warned_and_tabled() {
    let (_dir, site) = fixture_site("model");
    let root = site.to_string_lossy().into_owned();
    // n1 published 31 working days after it was written (art. 26: 20).
    edit(
        &site.join("content/n1.md"),
        "发布日期: 2022-03-01",
        "发布日期: 2022-03-25",
    );
    // 规章 need a 解读 within 5 working days; i1 comes 10 after n1.
    let yaml = site.join("site.yaml");
    edit(
        &yaml,
        "subjects: preset",
        "subjects: preset\ninterpretation: { kinds: [规章, 行政规范性文件], within_working_days: 5 }\ncolumn: { reports: \"09\", report_deadline: \"03-31\" }",
    );
    edit(
        &yaml,
        "  - { code: \"08\", name: 政策解读 }",
        "  - { code: \"08\", name: 政策解读 }\n  - { code: \"09\", name: 年度报告 }",
    );
    edit(
        &site.join("content/i1.md"),
        "成文日期: 2022-02-25",
        "成文日期: 2022-02-25\n发布日期: 2022-04-08",
    );
    // The 2022 report, ten days late; no report for the other years.
    std::fs::write(
        site.join("content/report.md"),
        "---\n标题: 模型区2022年政府信息公开工作年度报告\n索引号: M-09-2023-0007\n发布机构: 区政府办公室\n信息分类: 年度报告\n成文日期: 2023-04-10\n---\n\n一、总体情况\n",
    )
    .expect("report");
    let out = gongkai_env(
        &["check", "--root", &root, "--deadlines"],
        &[("SOURCE_DATE_EPOCH", "1700000000")], // 2023-11-14
    );
    assert!(out.status.success(), "warnings only: {}", stderr(&out));
    let err = stderr(&out);
    for want in [
        "content/n1.md:7: 发布日期: published 2022-03-25, 31 working days after it was written (2022-02-10): more than the 20 of 《政府信息公开条例》 art. 26",
        "content/i1.md:7: 发布日期: interpretation published 2022-04-08, 9 working days after 《关于进一步推进政务公开的通知》 (2022-03-25): more than the site's 5",
        "content/r2.md:3: 《模型区城市管理办法（2021年修订）》 needs an interpretation and has none",
        "content/report.md:6: 成文日期: the 2022 annual report was published 2023-04-10, after its deadline 2023-03-31",
        "site.yaml: column.reports: no annual report for 2018、2019、2020、2021 (due by 03-31 of the next year)",
    ] {
        assert!(err.contains(want), "{want}\n--- stderr ---\n{err}");
    }
    // Only the version in force needs a 解读, and not a repealed document.
    assert!(
        !err.contains("content/r1.md:3:") && !err.contains("content/x1.md:3:"),
        "{err}"
    );
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    for row in [
        "| rule | what | file | due | done |",
        "| publication | 关于进一步推进政务公开的通知 | content/n1.md | 2022-03-10 | 2022-03-25 |",
        "| annual report | 2018 | site.yaml | 2019-03-31 | not done |",
        "| annual report | 模型区2022年政府信息公开工作年度报告 | content/report.md | 2023-03-31 | 2023-04-10 |",
        "| interpretation | 图解：关于进一步推进政务公开的通知 | content/i1.md | 2022-04-01 | 2022-04-08 |",
    ] {
        assert!(table.contains(row), "{row}\n--- table ---\n{table}");
    }
    // --strict makes them errors.
    let strict = gongkai_env(
        &["check", "--root", &root, "--strict"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn a_site_adds_the_holidays_of_a_year_not_shipped() {
    let (_dir, site) = fixture_site("model");
    let root = site.to_string_lossy().into_owned();
    // 2030 is not shipped: from Friday 2030-02-01 to Monday 03-04 are 21
    // weekdays, one more than art. 26 allows.
    edit(
        &site.join("content/n1.md"),
        "成文日期: 2022-02-10",
        "成文日期: 2030-02-01",
    );
    edit(
        &site.join("content/n1.md"),
        "发布日期: 2022-03-01",
        "发布日期: 2030-03-04",
    );
    let env = [("SOURCE_DATE_EPOCH", "1900000000")]; // 2030-03-17
    let out = gongkai_env(&["check", "--root", &root], &env);
    let err = stderr(&out);
    assert!(
        err.contains("content/n1.md:7: 发布日期: published 2030-03-04, 21 working days after it was written (2030-02-01)")
            && err.contains("(2030: holidays not known, counted with weekends only; add them under calendar: in site.yaml)"),
        "{err}"
    );
    // The site's calendar: a week off in February, and it is on time.
    edit(
        &site.join("site.yaml"),
        "subjects: preset",
        "subjects: preset\ncalendar:\n  放假: [2030-02-04~2030-02-08]",
    );
    let out = gongkai_env(&["check", "--root", &root], &env);
    assert!(!stderr(&out).contains("content/n1.md:7"), "{}", stderr(&out));
}

#[test]
fn personal_data_in_a_declared_field_stops_the_build_like_anywhere_else() {
    let (_dir, site) = fixture_site("model");
    edit(
        &site.join("site.yaml"),
        "  - key: budget",
        "  - key: contact\n    label: 联系人\n  - key: budget",
    );
    edit(
        &site.join("content/n1.md"),
        "评估日期: 2024-02-10",
        "评估日期: 2024-02-10\n联系人: 张三 13800138000",
    );
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("content/n1.md:17: personal data: mobile number 138****8000"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("138****8000"), "{}", stderr(&out));
    assert!(!site.join("public").exists(), "nothing was written");
}
