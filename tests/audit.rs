//! `gongkai audit`: a new site, filled in and built, passes every rule; each
//! kind of breakage fails the rule it breaks, and only that one.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// One rule's outcome: its code, whether it passed, its problems.
type Finding = (String, bool, Vec<String>);

/// The audit's findings, and its exit code.
fn audit(root: &Path, today: &str) -> (Vec<Finding>, Option<i32>) {
    let out = gongkai(&[
        "audit",
        "--root",
        &root.to_string_lossy(),
        "--today",
        today,
        "--format",
        "json",
    ]);
    let findings = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            (
                v["code"].as_str().unwrap_or_default().to_owned(),
                v["passed"].as_bool().unwrap_or_default(),
                v["problems"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| p.as_str().unwrap_or_default().to_owned())
                    .collect(),
            )
        })
        .collect();
    (findings, out.status.code())
}

fn failed(findings: &[Finding]) -> Vec<&str> {
    findings.iter().filter(|f| !f.1).map(|f| f.0.as_str()).collect()
}

#[test]
fn a_filled_in_new_site_passes_and_each_breakage_fails_its_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    fill_placeholders(&site);
    let build = gongkai(&["build", "--strict", "--root", &site.to_string_lossy()]);
    assert!(build.status.success(), "{}", stderr(&build));

    let (findings, code) = audit(&site, "2026-12-05");
    assert_eq!(findings.len(), 9, "{findings:?}");
    assert!(failed(&findings).is_empty(), "{findings:?}");
    assert_eq!(code, Some(0));

    // The human checklist names each rule's source.
    let out = gongkai_env(
        &[
            "audit",
            "--root",
            &site.to_string_lossy(),
            "--today",
            "2026-12-05",
        ],
        &[("GONGKAI_LANG", "zh")],
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("✓ [通过] 网站信息完整"), "{text}");
    assert!(text.contains("国办公开办函〔2019〕61号"), "{text}");
    assert!(text.contains("《政府信息公开条例》第四十九条"), "{text}");
    assert!(text.contains("9 项规则，9 项通过"), "{text}");

    // Two years on, the 2026 and 2027 reports are overdue (31 March).
    let (findings, code) = audit(&site, "2028-04-01");
    assert_eq!(failed(&findings), ["audit.reports"]);
    let reports = &findings
        .iter()
        .find(|f| f.0 == "audit.reports")
        .expect("reports")
        .2;
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert!(reports[0].contains("2026"), "{reports:?}");
    assert_eq!(code, Some(1));
    // A department's deadline is 31 January: on 1 April 2027, 2026's is late.
    let yaml = fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
    fs::write(
        site.join("site.yaml"),
        yaml.replace(
            "  reports: \"15\"",
            "  reports: \"15\"\n  report_deadline: \"01-31\"",
        ),
    )
    .expect("write");
    assert!(
        gongkai(&["build", "--root", &site.to_string_lossy()])
            .status
            .success()
    );
    assert_eq!(failed(&audit(&site, "2027-02-01").0), ["audit.reports"]);
    assert!(failed(&audit(&site, "2027-01-30").0).is_empty());

    // A page that loads a script from elsewhere, and a rules page gone.
    let public = site.join("public");
    let page = public.join("docs/0001-03-2026-000001.html");
    let html = fs::read_to_string(&page).expect("page");
    fs::write(
        &page,
        html.replace(
            "</body>",
            "<script src=\"https://cdn.example.com/a.js\"></script></body>",
        ),
    )
    .expect("write");
    fs::remove_file(public.join("column/rules.html")).expect("remove");
    let (findings, code) = audit(&site, "2027-01-30");
    assert_eq!(
        failed(&findings),
        ["audit.column", "audit.links", "audit.external"],
        "{findings:?}"
    );
    assert_eq!(code, Some(1));

    // A page without its tags or footer (a theme that dropped them).
    let index = public.join("index.html");
    let html = fs::read_to_string(&index).expect("index");
    let stripped: String = html
        .lines()
        .filter(|l| !l.starts_with("<meta name=\"SiteIDCode\""))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("3703020001", "");
    fs::write(&index, stripped).expect("write");
    let (findings, _) = audit(&site, "2027-01-30");
    let failing = failed(&findings);
    assert!(
        failing.contains(&"audit.tags") && failing.contains(&"audit.identity"),
        "{findings:?}"
    );
    let tags = &findings.iter().find(|f| f.0 == "audit.tags").expect("tags").2;
    assert_eq!(tags, &["index.html: no SiteIDCode"], "{tags:?}");
}

#[test]
fn an_unbuilt_site_is_an_error_that_says_to_build_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    let out = gongkai(&["audit", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run gongkai build first"),
        "{}",
        stderr(&out)
    );
}
