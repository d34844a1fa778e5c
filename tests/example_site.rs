//! The repository's own example site (the five seed documents) builds, and its
//! pages carry what the source pages state.

mod common;

use common::*;

/// Copies the example site (site.yaml, content/, themes/) out of the repository,
/// so tests never write into it or contend for its lock.
fn example_site(dir: &std::path::Path) -> std::path::PathBuf {
    let site = dir.join("example");
    std::fs::create_dir_all(&site).expect("mkdir");
    std::fs::copy(repo().join("site.yaml"), site.join("site.yaml")).expect("site.yaml");
    copy_tree(&repo().join("content"), &site.join("content"));
    copy_tree(&repo().join("themes"), &site.join("themes"));
    site
}

fn build_example(out: &std::path::Path, threads: &str) {
    let site = example_site(out.parent().expect("parent"));
    let result = gongkai_env(
        &[
            "build",
            "--root",
            &site.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
        ],
        &[("RAYON_NUM_THREADS", threads)],
    );
    assert!(result.status.success(), "{}", stderr(&result));
}

#[test]
fn example_site_pages_show_the_seed_metadata_and_structure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    build_example(&out, "2");

    let docs: Vec<_> = tree(&out.join("docs")).into_keys().collect();
    assert_eq!(
        docs,
        [
            "0101-03-2017-000525.html",
            "2114-03-2021-000014.html",
            "3504-15-2018-000001.html",
            "4420-03-2017-000001.html",
            "6200-03-2018-000083.html",
            // The guide's application form.
            "page-guide/政府信息公开申请表.docx"
        ]
    );

    // Seed 000: the metadata block as the page states it.
    let page = read(&out.join("docs/0101-03-2017-000525.html"));
    for want in [
        "<th scope=\"row\">索引号</th><td>0101-03-2017-000525</td>",
        "<th scope=\"row\">公开方式</th><td>主动公开</td>",
        "<th scope=\"row\">文件编号</th><td>川政办字〔2017〕89号</td>",
        "<time datetime=\"2017-07-18\">2017-07-18</time>",
        "<h1 class=\"doc-title\">关于印发2017年淄川区政务公开工作要点的通知</h1>",
        "<h3 id=\"一以政务公开助力稳增长\">一、以政务公开助力稳增长</h3>",
        "本文件已失效",
        "href=\"../category/03/index.html\"",
        "href=\"../issuer/zichuan/index.html\"",
    ] {
        assert!(page.contains(want), "seed 000 page lacks {want:?}");
    }
    let body = &page[page.find("<div class=\"doc-body\">").expect("body")..];
    // The body, not the footer after it (which has the ICP number).
    let body = &body[..body.find("</article>").expect("article end")];
    for chrome in ["当前位置", "ICP", "隐私声明", "扫一扫", "责任编辑", "-----"] {
        assert!(
            !body.contains(chrome),
            "website chrome {chrome:?} left in the body"
        );
    }

    // Seed 001: the 分工方案 table.
    let page = read(&out.join("docs/4420-03-2017-000001.html"));
    assert!(
        page.contains("<th>工作任务</th>") && page.contains("<th>牵头落实单位</th>"),
        "分工方案 table missing"
    );
    assert!(
        page.contains("<td>市人力资源社会保障局</td>"),
        "split table cell not joined"
    );
    assert!(page.matches("<tr>").count() > 60, "the table lost rows");

    // Seed 003: the statistics table with its figures.
    let page = read(&out.join("docs/3504-15-2018-000001.html"));
    assert!(page.contains("<td>主动公开文件数</td>"), "附表 missing");
    assert!(
        page.contains("<td class=\"align-right\">8131</td>"),
        "附表 figures missing"
    );

    // Lists: the category page lists its four documents newest first.
    let list = read(&out.join("category/03/index.html"));
    let order: Vec<usize> = [
        "2114-03-2021-000014",
        "6200-03-2018-000083",
        "0101-03-2017-000525",
        "4420-03-2017-000001",
    ]
    .iter()
    .map(|id| {
        list.find(&format!("docs/{id}.html"))
            .unwrap_or_else(|| panic!("{id} not listed"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "not newest first: {order:?}"
    );
    assert!(list.contains("共 4 件"));

    // Home: every category with its count; years and issuers have pages.
    let home = read(&out.join("index.html"));
    assert!(
        home.contains("href=\"category/03/index.html\">规划计划</a> <span class=\"count\">4</span>"),
        "{home}"
    );
    assert!(
        home.contains("href=\"category/15/index.html\">政府信息公开年报</a> <span class=\"count\">1</span>")
    );
    for page in [
        "year/2017/index.html",
        "year/index.html",
        "issuer/index.html",
        "category/index.html",
        "issuer/gansu/index.html",
        "assets/style.css",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let years = read(&out.join("year/index.html"));
    assert!(years.contains("2017年</a></td><td>2</td>"), "{years}");

    // Nothing is fetched from another host.
    let text = all_text(&out);
    assert!(
        !text.contains("src=\"http") && !text.contains("href=\"//"),
        "external reference in output"
    );
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut trees = Vec::new();
    for (i, threads) in ["1", "2", "1", "2"].iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        build_example(&out, threads);
        trees.push(tree(&out));
    }
    assert!(
        trees.iter().all(|t| *t == trees[0]),
        "builds differ between runs or thread counts"
    );
}

#[test]
fn the_column_has_its_four_sections_and_the_navigation_follows_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    build_example(&out, "2");
    let home = read(&out.join("index.html"));
    let nav =
        &home[home.find("<nav aria-label=\"主导航\">").expect("nav")..home.find("</nav>").expect("end")];
    let order: Vec<usize> = [
        "政府信息公开指南",
        "政府信息公开制度",
        "法定主动公开内容",
        "政府信息公开年报",
        "搜索",
    ]
    .iter()
    .map(|label| {
        nav.find(label)
            .unwrap_or_else(|| panic!("{label} missing from the navigation"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "navigation order");
    assert!(nav.contains("<a href=\"category/15/index.html\">政府信息公开年报</a>"));

    let guide = read(&out.join("column/guide.html"));
    assert!(guide.contains("<h1>政府信息公开指南</h1>") && guide.contains("<time datetime=\"2026-11-01\">"));
    assert!(
        guide.contains("href=\"../docs/3504-15-2018-000001.html\""),
        "idx: link from a page"
    );
    let rules = read(&out.join("column/rules.html"));
    assert!(rules.contains("<td>公开前保密审查制度</td>"));
    assert!(rules.contains("href=\"../docs/0101-03-2017-000525.html\""));

    let mandatory = read(&out.join("column/mandatory.html"));
    assert_eq!(
        mandatory.matches("<tr><td>（").count(),
        15,
        "the fifteen items of art. 20"
    );
    assert!(mandatory.contains("<td>（三）国民经济和社会发展规划、专项规划、区域规划及相关政策</td><td><a href=\"../category/03/index.html\">规划计划</a>（4）</td>"), "{mandatory}");
    assert!(mandatory.contains("（六）实施行政处罚") && mandatory.contains("本站暂无此类信息"));

    // The four expired work plans are listed with their category.
    let abolished = read(&out.join("abolished/index.html"));
    assert!(
        abolished.contains("<td><a href=\"../abolished/03.html\">规划计划</a></td><td>4</td>"),
        "{abolished}"
    );
    assert!(
        !out.join("docs/guide.html").exists(),
        "column pages are not documents"
    );
}
