//! Warnings: mistakes a citizen would see that do not stop a build (a
//! placeholder base_url or footer, an undeclared issuer, an empty body, a
//! date far ahead), listed with the summary; `--strict` fails on them.

mod common;

use std::fs;

use common::*;

#[test]
fn a_new_site_has_the_column_and_footer_and_is_warned_about_until_they_are_filled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("新站点");
    let root = site.to_string_lossy().into_owned();
    assert!(gongkai(&["new", &root]).status.success());

    let out = gongkai_env(&["check", "--root", &root], &[("GONGKAI_LANG", "zh")]);
    assert_eq!(out.status.code(), Some(0), "warnings do not fail a check");
    let err = stderr(&out);
    assert!(
        err.contains("警告: site.yaml:6: base_url: base_url 还是示例地址"),
        "{err}"
    );
    assert_eq!(err.matches("还是占位内容").count(), 9, "{err}");
    // Each at its own line, named as the file writes it.
    for (line, key) in [
        (30, "主办单位"),
        (32, "联系电话"),
        (33, "地址"),
        (36, "网站标识码"),
        (37, "ICP备案号"),
        (38, "公安机关备案号"),
        (40, "党政机关标识"),
    ] {
        assert!(
            err.contains(&format!("警告: site.yaml:{line}: {key}: 还是占位内容")),
            "{key}\n{err}"
        );
    }
    assert!(
        err.contains("警告: content/_pages/guide.md: 政府信息公开指南中还有“待填写”的内容"),
        "{err}"
    );
    // The guide states everything art. 12 asks and offers the form.
    assert!(!err.contains("没有写明"), "{err}");
    assert!(!err.contains("申请表下载"), "{err}");
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(summary.contains("；警告 11 条，见上文"), "{summary}");

    let out = gongkai(&["check", "--strict", "--root", &root]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: site.yaml:6: base_url"), "{err}");
    assert!(err.contains("--strict: 11 warning(s) count as errors"), "{err}");

    // The column and the footer are on the pages.
    let out = gongkai(&["build", "--root", &root]);
    assert!(out.status.success(), "{}", stderr(&out));
    for page in [
        "column/guide.html",
        "column/rules.html",
        "column/mandatory.html",
        "column/accessibility.html",
        "column/privacy.html",
        "docs/page-guide/政府信息公开申请表.docx",
    ] {
        assert!(site.join("public").join(page).is_file(), "{page}");
    }
    let home = read(&site.join("public/index.html"));
    assert!(
        home.contains("主办单位：某某区人民政府办公室（待填写）"),
        "footer missing"
    );
    assert!(home.contains("网站标识码：待填写"));

    // Filled in, the site passes --strict.
    fill_placeholders(&site);
    let out = gongkai(&["build", "--strict", "--root", &root]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    let home = read(&site.join("public/index.html"));
    assert!(home.contains("网站标识码：3703020001"), "{home}");
    assert!(
        home.contains("<meta name=\"SiteIDCode\" content=\"3703020001\">"),
        "{home}"
    );
    assert!(
        home.contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code=37030202000001\""),
        "{home}"
    );
    assert!(home.contains("href=\"https://beian.miit.gov.cn/\""), "{home}");
    assert!(
        home.contains("jiucuo.html?site_code=3703020001&amp;url=https%3A%2F%2Fwww%2Ezichuan%2Egov%2Ecn%2Fzwgk%2Findex%2Ehtml"),
        "{home}"
    );
    assert!(site.join("public/assets/police.svg").is_file());
    assert!(site.join("public/assets/dzjg.svg").is_file());
}

#[test]
fn missing_identity_items_and_guide_elements_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let root = site.to_string_lossy().into_owned();
    assert!(gongkai(&["new", &root]).status.success());
    fill_placeholders(&site);
    // Three required items left out, the site code mistyped.
    let yaml = read(&site.join("site.yaml"))
        .lines()
        .filter(|l| {
            !l.starts_with("  ICP备案号") && !l.starts_with("  党政机关标识") && !l.starts_with("  地址")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\"3703020001\"", "37030200");
    fs::write(site.join("site.yaml"), yaml).expect("write");
    // A guide without the fax, the hours, or the form.
    let guide_path = site.join("content/_pages/guide.md");
    let guide = read(&guide_path)
        .replace("- 传真号码：0533-5181235\n", "")
        .replace("- 办公时间：", "- 时段：")
        .replace("[政府信息公开申请表](政府信息公开申请表.docx)", "申请表");
    fs::write(&guide_path, guide).expect("write");

    let out = gongkai_env(&["check", "--root", &root], &[("GONGKAI_LANG", "zh")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for name in ["ICP备案号", "党政机关标识", "地址"] {
        assert!(err.contains(&format!("网站信息缺少“{name}”")), "{name}\n{err}");
    }
    assert!(err.contains("网站标识码“37030200”不是 10 位字母或数字"), "{err}");
    assert!(err.contains("政府信息公开指南没有写明“传真号码”"), "{err}");
    assert!(err.contains("政府信息公开指南没有写明“办公时间”"), "{err}");
    assert!(err.contains("政府信息公开指南没有提供申请表下载"), "{err}");
    assert!(!err.contains("没有写明“联系电话”"), "{err}");
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(summary.contains("；警告 7 条，见上文"), "{err}\n{summary}");
    let out = gongkai(&["check", "--strict", "--root", &root]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_undeclared_issuer_an_empty_body_and_a_far_date_are_warned_about_once_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path();
    fs::create_dir_all(site.join("content")).expect("mkdir");
    fs::write(
        site.join("site.yaml"),
        "title: 测试站点\nbase_url: /\ncategories:\n  - { code: \"03\", name: 规划计划 }\nissuers:\n  - { code: bgs, name: 区政府办公室 }\n  - { code: fgw, name: 区发展和改革局 }\n",
    )
    .expect("site.yaml");
    let doc = |n: u32, issuer: &str, date: &str, body: &str| {
        format!(
            "---\n标题: 通知{n}\n索引号: 0101-03-2017-00000{n}\n发布机构: {issuer}\n信息分类: 规划计划\n发文日期: {date}\n---\n{body}"
        )
    };
    let files = [
        ("a.md", doc(1, "区政府办公厅", "2017-07-18", "正文。\n")),
        ("b.md", doc(2, "区政府办公室", "2017-07-18", "\n")),
        ("c.md", doc(3, "区政府办公室", "2917-07-18", "正文。\n")),
        ("d.md", doc(4, "区政府办公室", "2017-07-18", "正文。\n")),
    ];
    for (name, text) in &files {
        fs::write(site.join("content").join(name), text).expect("write");
    }
    let root = site.to_string_lossy().into_owned();
    let out = gongkai_env(
        &["check", "--root", &root, "--format", "json"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut got: Vec<(String, u64, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            assert_eq!(v["severity"], "warning");
            (
                v["path"].as_str().unwrap_or_default().to_owned(),
                v["line"].as_u64().unwrap_or_default(),
                v["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    got.sort();
    let want: Vec<(String, u64, String)> = [
        ("content/a.md", 4, "advice.issuer"),
        ("content/b.md", 7, "advice.empty_body"),
        ("content/c.md", 6, "advice.future_date"),
        // No identity block: one warning for it, not one per item.
        ("site.yaml", 0, "advice.identity_absent"),
    ]
    .iter()
    .map(|(p, l, c)| ((*p).to_owned(), *l, (*c).to_owned()))
    .collect();
    assert_eq!(got, want);
    // The closest declared name is suggested.
    let out = gongkai(&["check", "--root", &root]);
    assert!(
        stderr(&out).contains("hint: did you mean `区政府办公室`?"),
        "{}",
        stderr(&out)
    );
    // A draft is not the public's concern yet.
    fs::write(
        site.join("content/a.md"),
        files[0].1.replace("---\n标题", "---\ndraft: true\n标题"),
    )
    .expect("write");
    let out = gongkai(&["check", "--strict", "--root", &root]);
    assert!(!stderr(&out).contains("区政府办公厅"), "{}", stderr(&out));
}
