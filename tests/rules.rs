//! The disclosure rules on a site that uses them all: validity shown and
//! linked both ways, valid_until, interpretations linked both ways,
//! attachments copied and listed, internal links rewritten, the list of
//! repealed and expired documents.

mod common;

use common::*;

fn build() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, site) = fixture_site("rules");
    let public = build_site(&site);
    (dir, public)
}

#[test]
fn repealed_documents_link_to_what_repealed_them_and_back() {
    let (_dir, public) = build();
    let old = read(&public.join("docs/0101-02-2018-000007.html"));
    assert!(
        old.contains("<p class=\"validity validity-repealed\" role=\"note\">本文件已废止：已被<a href=\"../docs/0101-02-2020-000001.html\">《关于加强政务公开工作的意见》</a>（区政发〔2020〕1号）废止。</p>"),
        "{old}"
    );
    let policy = read(&public.join("docs/0101-02-2020-000001.html"));
    let replaces = &policy[policy.find("本文件废止或修改的文件").expect("replaces section")..];
    assert!(replaces.contains("href=\"../docs/0101-02-2018-000007.html\">关于政务公开工作的旧意见</a>"));
    // The list of repealed and expired documents, per category and in all.
    let list = read(&public.join("abolished/02.html"));
    assert!(
        list.contains("0101-02-2018-000007.html") && list.contains("0101-02-2019-000003.html"),
        "{list}"
    );
    assert!(!list.contains("0101-02-2020-000001.html"));
    let all = read(&public.join("abolished/index.html"));
    assert!(
        all.contains("<td><a href=\"../abolished/02.html\">政策文件</a></td><td>2</td>"),
        "{all}"
    );
    let category = read(&public.join("category/02/index.html"));
    assert!(category.contains("本类废止和失效文件（2 件）"));
}

#[test]
fn valid_until_expires_a_document_at_build_time() {
    let (_dir, public) = build();
    let page = read(&public.join("docs/0101-02-2019-000003.html"));
    assert!(page.contains("本文件已失效（有效期至 2019-12-31）。"), "{page}");
    assert!(page.contains("<strong class=\"badge badge-expired\">已失效</strong>"));
}

#[test]
fn interpretations_and_policies_link_both_ways() {
    let (_dir, public) = build();
    let interpretation = read(&public.join("docs/0101-08-2020-000001.html"));
    let target = &interpretation[interpretation
        .find("<h2 id=\"rel-interprets\">解读对象</h2>")
        .expect("解读对象")..];
    assert!(target.contains("href=\"../docs/0101-02-2020-000001.html\">关于加强政务公开工作的意见</a>"));
    let policy = read(&public.join("docs/0101-02-2020-000001.html"));
    let related = &policy[policy
        .find("<h2 id=\"rel-interpreted-by\">相关解读</h2>")
        .expect("相关解读")..];
    assert!(
        related
            .contains("href=\"../docs/0101-08-2020-000001.html\">《关于加强政务公开工作的意见》政策解读</a>")
    );
}

#[test]
fn attachments_are_copied_listed_and_links_rewritten() {
    let (_dir, public) = build();
    assert_eq!(
        read(&public.join("docs/0101-02-2020-000001/附件1.pdf")),
        "%PDF-1.4 test attachment\n"
    );
    assert_eq!(
        std::fs::metadata(public.join("docs/0101-02-2020-000001/统计表.xlsx"))
            .expect("xlsx")
            .len(),
        3000
    );
    assert!(
        public.join("docs/0101-02-2020-000001/图1.png").is_file(),
        "a linked image is published"
    );
    let page = read(&public.join("docs/0101-02-2020-000001.html"));
    assert!(page.contains("<li><a href=\"0101-02-2020-000001/%E9%99%84%E4%BB%B61.pdf\" download>附件1.pdf</a> <span class=\"meta\">（PDF，25 B）</span></li>"), "{page}");
    assert!(page.contains(">2019年统计表</a> <span class=\"meta\">（XLSX，2.9 KB）</span>"));
    // Internal links, rewritten to the pages and files they point at.
    for href in [
        "href=\"0101-08-2020-000001.html\"",
        "href=\"0101-02-2018-000007.html\"",
        "href=\"0101-02-2020-000001/%E7%BB%9F%E8%AE%A1%E8%A1%A8.xlsx\"",
        "src=\"0101-02-2020-000001/%E5%9B%BE1.png\"",
        // pulldown-cmark percent-encodes hrefs; browsers decode the fragment.
        "href=\"#%E4%B8%80%E6%80%BB%E4%BD%93%E8%A6%81%E6%B1%82\"",
    ] {
        assert!(page.contains(href), "{href} missing in\n{page}");
    }
    let old = read(&public.join("docs/0101-02-2018-000007.html"));
    assert!(old.contains("href=\"0101-02-2020-000001.html#%E4%BA%8C%E5%B7%A5%E4%BD%9C%E4%BB%BB%E5%8A%A1\""));
    let interpretation = read(&public.join("docs/0101-08-2020-000001.html"));
    assert!(
        interpretation
            .contains("href=\"0101-02-2020-000001.html#%E4%B8%80%E6%80%BB%E4%BD%93%E8%A6%81%E6%B1%82\"")
    );
}

#[test]
fn allowed_personal_data_is_a_notice_and_unpublished_documents_are_not_scanned() {
    let (_dir, site) = fixture_site("rules");
    std::fs::write(
        site.join("content/zhengce/contact.md"),
        "---\ntitle: 政务公开工作联系方式\nindex_number: 0101-02-2020-000009\nissuer: 区政府办公室\ncategory: 政策文件\ndate: 2020-04-01\npersonal_data:\n  - { value: \"13900139000\", reason: 政务公开值班电话，依职责公开 }\n---\n\n值班电话：139 0013 9000。\n",
    )
    .expect("write");
    // A document that is not published may hold personal data: it never reaches the site.
    std::fs::write(
        site.join("content/zhengce/request.md"),
        "---\ntitle: 依申请公开答复\nindex_number: 0101-02-2020-000010\nissuer: 区政府办公室\ncategory: 政策文件\ndate: 2020-04-02\ndisclosure: 依申请公开\n---\n\n申请人身份证号 11010519491231002X。\n",
    )
    .expect("write");
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning: content/zhengce/contact.md:11: mobile number 139****9000 is published as allowed: 政务公开值班电话，依职责公开"),
        "{err}"
    );
    let all = all_text(&site.join("public"));
    assert!(!all.contains("11010519491231002X") && !all.contains("依申请公开答复"));
}

#[test]
fn documents_link_column_pages_and_pages_are_scanned_for_personal_data() {
    let (_dir, site) = fixture_site("rules");
    let yaml = read(&site.join("site.yaml"));
    std::fs::write(
        site.join("site.yaml"),
        format!("{yaml}column:\n  guide: _pages/guide.md\n"),
    )
    .expect("write");
    std::fs::create_dir_all(site.join("content/_pages")).expect("mkdir");
    std::fs::write(
        site.join("content/_pages/guide.md"),
        "---\ntitle: 政府信息公开指南\n---\n\n见[意见](../zhengce/policy.md)。\n",
    )
    .expect("write");
    let policy = read(&site.join("content/zhengce/policy.md"));
    std::fs::write(
        site.join("content/zhengce/policy.md"),
        format!("{policy}\n详见[公开指南](../_pages/guide.md)。\n"),
    )
    .expect("write");
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(&site.join("public/docs/0101-02-2020-000001.html"));
    assert!(page.contains("href=\"../column/guide.html\""), "{page}");
    let guide = read(&site.join("public/column/guide.html"));
    assert!(
        guide.contains("href=\"../docs/0101-02-2020-000001.html\""),
        "{guide}"
    );

    std::fs::write(
        site.join("content/_pages/guide.md"),
        "---\ntitle: 政府信息公开指南\n---\n\n联系人手机 13800138000。\n",
    )
    .expect("write");
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/_pages/guide.md:5: personal data: mobile number 138****8000"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_english_site_gets_english_interface_strings_and_documents_stay_as_written() {
    let (_dir, site) = fixture_site("rules");
    let yaml = read(&site.join("site.yaml"));
    std::fs::write(site.join("site.yaml"), format!("language: en\n{yaml}")).expect("write");
    build_site(&site);
    let public = site.join("public");
    let old = read(&public.join("docs/0101-02-2018-000007.html"));
    for want in [
        "<html lang=\"en\">",
        "<a class=\"skip\" href=\"#main\">Skip to content</a>",
        "<th scope=\"row\">Index number</th>",
        "This document is repealed: <a href=\"../docs/0101-02-2020-000001.html\">《关于加强政务公开工作的意见》</a>（区政发〔2020〕1号） repealed it.",
        "<h1 class=\"doc-title\">关于政务公开工作的旧意见</h1>",
    ] {
        assert!(old.contains(want), "{want} missing in\n{old}");
    }
    let home = read(&public.join("index.html"));
    assert!(
        home.contains("4 documents from 1 issuers.") && home.contains(">2020</a>"),
        "{home}"
    );
    let search = read(&public.join("search/index.html"));
    assert!(
        search.contains("&quot;found&quot;:&quot;{n} documents found&quot;"),
        "{search}"
    );
    assert!(search.contains("<option value=\"repealed\">Repealed</option>"));
    // The interface is the pages (exports are data, their Chinese field names stay).
    let all: String = tree(&public)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    for chinese_ui in [
        "跳到正文",
        "当前位置",
        "内容概述",
        "暂无公开文件",
        "本文件废止或修改的文件",
        "相关解读",
    ] {
        assert!(
            !all.contains(chinese_ui),
            "{chinese_ui} left in the English interface"
        );
    }
}
