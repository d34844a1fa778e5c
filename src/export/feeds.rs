//! The Atom feeds (RFC 4287) of the site and each category, the sitemap
//! (a sitemap index past 50,000 URLs) and robots.txt: everything that needs
//! absolute addresses, so nothing without an http(s) `base_url`.

use std::fmt::Write as _;

use quick_xml::escape::escape;
use rayon::prelude::*;

use super::absolute;
use super::harvest::Harvest;
use crate::catalogue::Catalogue;
use crate::content::document::Document;

/// URLs per sitemap file (the protocol's limit).
pub(super) const SITEMAP_LIMIT: usize = 50_000;

/// The Atom feeds, sitemaps and robots.txt, which need absolute addresses:
/// none without an http(s) `base_url`.
pub(super) fn feeds(catalogue: &Catalogue, pages: &[String], harvest: &Harvest) -> Vec<(String, String)> {
    let base = &catalogue.config.base_url;
    if !absolute(base) {
        return Vec::new();
    }
    let all: Vec<usize> = (0..catalogue.documents.len()).collect();
    let mut files = vec![(
        "feed.xml".to_owned(),
        feed(catalogue, harvest, &catalogue.config.title, "feed.xml", &all),
    )];
    let categories: Vec<(String, String)> = catalogue
        .categories
        .par_iter()
        .map(|facet| {
            let path = crate::catalogue::url::category_feed(facet);
            let title = format!("{} - {}", facet.name, catalogue.config.title);
            let text = feed(catalogue, harvest, &title, &path, &facet.documents);
            (path, text)
        })
        .collect();
    files.extend(categories);
    let lastmod: Lastmod = catalogue
        .documents
        .par_iter()
        .zip(&harvest.modified)
        .map(|(d, m)| (d.url(), *m))
        .collect();
    files.extend(sitemaps(base, pages, &lastmod));
    let robots = match catalogue.config.sub_path() {
        // Crawlers read robots.txt only at the domain's root: written to be
        // copied there (or its Sitemap line added to the root's own).
        Some(path) => format!(
            "# This site lives under {path}: crawlers read robots.txt only at the root of the domain.\n\
             # Copy this file there, or add its Sitemap line to the root's robots.txt.\n\
             # 本站位于 {path} 子路径下：搜索引擎只读取网站根目录的 robots.txt。\n\
             # 请把本文件复制到网站根目录，或把其中的 Sitemap 一行加到根目录的 robots.txt 中。\n\
             User-agent: *\nAllow: {path}\nSitemap: {base}sitemap.xml\n"
        ),
        None => format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
    };
    files.push(("robots.txt".to_owned(), robots));
    files
}

/// An Atom feed (RFC 4287) of the most recently modified documents among
/// `documents` (newest first): a document repealed, revised or corrected
/// comes back at the top with its new `updated`, so subscribers see it.
fn feed(catalogue: &Catalogue, harvest: &Harvest, title: &str, path: &str, documents: &[usize]) -> String {
    let base = &catalogue.config.base_url;
    let mut order: Vec<usize> = documents.to_vec();
    // Stable: among equal dates, the catalogue's order (newest published first).
    order.sort_by(|&a, &b| harvest.modified[b].cmp(&harvest.modified[a]));
    let entries: Vec<(&Document, chrono::NaiveDate)> = order
        .into_iter()
        .take(catalogue.config.feed_entries)
        .map(|i| (&catalogue.documents[i], harvest.modified[i]))
        .collect();
    let stamp = |day: chrono::NaiveDate| format!("{}T00:00:00+08:00", day.format("%Y-%m-%d"));
    // No build time: the feed changes when its newest entry does.
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |(_, m)| stamp(*m));
    let mut xml = String::with_capacity(1024 + entries.len() * 512);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
    );
    xml.push_str(&escape(catalogue.config.language.as_str()));
    xml.push_str("\">\n");
    xml.push_str(&format!("  <title>{}</title>\n", escape(title)));
    xml.push_str(&format!("  <id>{}</id>\n", escape(format!("{base}{path}"))));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(format!("{base}{path}"))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(base.as_str())
    ));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(catalogue.config.title.as_str())
    ));
    for (d, modified) in entries {
        let url = format!("{base}{}", d.url());
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape(d.title.as_str())));
        xml.push_str(&format!("    <id>{}</id>\n", escape(url.as_str())));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(url.as_str())
        ));
        xml.push_str(&format!("    <published>{}</published>\n", stamp(d.published)));
        xml.push_str(&format!("    <updated>{}</updated>\n", stamp(modified)));
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape(d.issuer.as_str())
        ));
        xml.push_str(&format!(
            "    <category term=\"{}\"/>\n",
            escape(catalogue.config.categories[d.category].name.as_str())
        ));
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape(d.summary.as_str())
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// `sitemap.xml`, or past [`SITEMAP_LIMIT`] URLs a sitemap index and its parts.
/// A document's page carries its `modified` as `lastmod`.
/// Each document page's `lastmod`, by its path.
type Lastmod = rustc_hash::FxHashMap<String, chrono::NaiveDate>;

fn sitemaps(base: &str, pages: &[String], lastmod: &Lastmod) -> Vec<(String, String)> {
    let base = escape(base);
    // A page's line, escaped as the whole address would be (escaping goes
    // character by character), made in parallel slices.
    let lines = |urls: &[String]| {
        let mut xml = String::with_capacity(urls.len() * (base.len() + 64));
        for url in urls {
            xml.push_str("  <url><loc>");
            xml.push_str(&base);
            xml.push_str(&escape(url.as_str()));
            xml.push_str("</loc>");
            if let Some(day) = lastmod.get(url) {
                // NaiveDate's Display is YYYY-MM-DD, as `%Y-%m-%d` writes it.
                let _ = write!(xml, "<lastmod>{day}</lastmod>");
            }
            xml.push_str("</url>\n");
        }
        xml
    };
    let urlset = |urls: &[String]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        let slices: Vec<String> = urls.par_chunks(4096).map(lines).collect();
        for slice in slices {
            xml.push_str(&slice);
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if pages.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".to_owned(), urlset(pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in pages.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(format!("{base}{name}"))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_owned(), index));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemaps_split_past_fifty_thousand_urls() {
        let pages: Vec<String> = (0..SITEMAP_LIMIT + 1).map(|i| format!("docs/{i}.html")).collect();
        let mut lastmod = Lastmod::default();
        lastmod.insert(
            "docs/2.html".to_owned(),
            chrono::NaiveDate::from_ymd_opt(2026, 1, 2).expect("date"),
        );
        let files = sitemaps("https://x.gov.cn/", &pages, &lastmod);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(
            files[0].1.contains("<sitemapindex")
                && files[0].1.contains("<loc>https://x.gov.cn/sitemap-2.xml</loc>")
        );
        assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_LIMIT);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        let small = sitemaps("https://x.gov.cn/", &pages[..3], &lastmod);
        assert_eq!(small.len(), 1);
        assert!(
            small[0].1.contains("<urlset")
                && small[0]
                    .1
                    .contains("<loc>https://x.gov.cn/docs/2.html</loc><lastmod>2026-01-02</lastmod>")
                && small[0]
                    .1
                    .contains("<loc>https://x.gov.cn/docs/1.html</loc></url>")
        );
    }
}
