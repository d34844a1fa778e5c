//! What the audit reads off one built page: its meta tags, the links it
//! follows, the resources it loads, and the text of its footer.

use scraper::{Html, Selector};

/// The facts of one HTML page.
#[derive(Debug, Default)]
pub(crate) struct PageFacts {
    /// `<meta name=… content=…>`, in order.
    pub(crate) meta: Vec<(String, String)>,
    /// `<a href>` targets.
    pub(crate) links: Vec<String>,
    /// What the page loads: `src` of img, script, iframe, audio, video,
    /// source, embed; `href` of stylesheets and icons; `data` of objects.
    pub(crate) resources: Vec<String>,
    /// The text of the `<footer>` elements, with their links' addresses.
    pub(crate) footer: String,
    /// The page's text, for "本站暂无".
    pub(crate) text: String,
    /// Its JSON-LD blocks that parse as JSON.
    pub(crate) json_ld: Vec<serde_json::Value>,
}

impl PageFacts {
    /// The content of the meta tag `name`, if present.
    pub(crate) fn meta(&self, name: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, c)| c.as_str())
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// Reads the facts of the page `html`.
pub(crate) fn read(html: &str) -> PageFacts {
    let document = Html::parse_document(html);
    let mut facts = PageFacts::default();
    for meta in document.select(&selector("meta[name]")) {
        let element = meta.value();
        facts.meta.push((
            element.attr("name").unwrap_or_default().to_owned(),
            element.attr("content").unwrap_or_default().to_owned(),
        ));
    }
    for a in document.select(&selector("a[href]")) {
        facts
            .links
            .push(a.value().attr("href").unwrap_or_default().to_owned());
    }
    for (css, attribute) in [
        (
            "img[src], script[src], iframe[src], audio[src], video[src], source[src], embed[src], track[src]",
            "src",
        ),
        (
            "link[rel~=stylesheet][href], link[rel~=icon][href], link[rel=preload][href], link[rel=modulepreload][href]",
            "href",
        ),
        ("object[data]", "data"),
    ] {
        for element in document.select(&selector(css)) {
            facts
                .resources
                .push(element.value().attr(attribute).unwrap_or_default().to_owned());
        }
    }
    for footer in document.select(&selector("footer")) {
        facts.footer.push_str(&footer.text().collect::<String>());
        for a in footer.select(&selector("a[href], img[alt]")) {
            facts.footer.push(' ');
            facts.footer.push_str(
                a.value()
                    .attr("href")
                    .or(a.value().attr("alt"))
                    .unwrap_or_default(),
            );
        }
    }
    for script in document.select(&selector(r#"script[type="application/ld+json"]"#)) {
        if let Ok(value) = serde_json::from_str(&script.text().collect::<String>()) {
            facts.json_ld.push(value);
        }
    }
    facts.text = document.root_element().text().collect();
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_links_resources_and_footer_are_read() {
        let facts = read(
            r#"<!DOCTYPE html><html><head><meta name="SiteName" content="某站"><link rel="stylesheet" href="a.css"><link rel="canonical" href="https://x/"></head>
            <script type="application/ld+json">{"@type":"Legislation"}</script>
            <body><a href="b.html">b</a><img src="https://cdn.example.com/x.png" alt=""><footer>主办单位：某办 <a href="https://beian.miit.gov.cn/">鲁ICP备1号</a></footer></body></html>"#,
        );
        assert_eq!(facts.meta("sitename"), Some("某站"));
        assert_eq!(facts.links, ["b.html", "https://beian.miit.gov.cn/"]);
        assert_eq!(facts.resources, ["https://cdn.example.com/x.png", "a.css"]);
        assert!(facts.footer.contains("主办单位：某办"), "{}", facts.footer);
        assert!(
            facts.footer.contains("https://beian.miit.gov.cn/"),
            "{}",
            facts.footer
        );
    }
}
