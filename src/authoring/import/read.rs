//! A saved page as lines of text: plain-text pages line by line, HTML pages
//! (parsed with scraper, html5ever's tree) block by block, with tables kept
//! as rows of cells and the links and `<meta>` fields noted. Legacy sites
//! often serve GBK: a page that is not UTF-8 is decoded as its `charset`
//! says, else as GBK.

use scraper::{ElementRef, Html, Node};

/// One block of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A line or paragraph of text.
    Text(String),
    /// A heading of an HTML page (level 1–6).
    Heading(u8, String),
    /// A row of an HTML table.
    Row(Vec<String>),
    /// The end of an HTML table.
    TableEnd,
}

/// A page as read.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Its blocks, in reading order.
    pub lines: Vec<Line>,
    /// `<meta name=… content=…>` fields (CMS pages carry ArticleTitle,
    /// PubDate, ContentSource), lower-cased names.
    pub meta: Vec<(String, String)>,
    /// `<title>`.
    pub title: Option<String>,
    /// Links: text and href.
    pub links: Vec<(String, String)>,
}

/// Decodes a page's bytes: UTF-8 (a BOM dropped), else the encoding its
/// `charset` names, else GBK (which also reads GB2312 pages).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.replace("\r\n", "\n").replace('\r', "\n");
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let named = head
        .split("charset=")
        .nth(1)
        .map(|rest| {
            rest.trim_start_matches(['"', '\''])
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let encoding = named.unwrap_or(encoding_rs::GBK);
    let (text, _, _) = encoding.decode(bytes);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whether `text` is an HTML page rather than plain text.
pub fn is_html(text: &str) -> bool {
    let start = text
        .trim_start()
        .get(..200)
        .unwrap_or(text.trim_start())
        .to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.contains("<head")
        || start.contains("<body")
}

/// Spaces as legacy pages write them (NBSP, ideographic space) trimmed.
pub fn clean(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c == '\u{a0}' || c == '\u{3000}' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plain-text page: one block per non-blank line.
pub fn text_page(text: &str) -> Page {
    Page {
        lines: text
            .lines()
            .map(clean)
            .filter(|l| !l.is_empty())
            .map(Line::Text)
            .collect(),
        ..Page::default()
    }
}

/// Elements whose text is never content.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "select",
    "button", "form", "nav",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "center",
    "font",
    "address",
    "figure",
    "figcaption",
    "caption",
];

/// An HTML page: headings, paragraphs and other blocks as lines, tables as
/// rows.
pub fn html_page(text: &str) -> Page {
    let document = Html::parse_document(text);
    let mut page = Page::default();
    for node in document.tree.nodes() {
        if let Some(element) = ElementRef::wrap(node) {
            match element.value().name() {
                "meta" => {
                    let name = element.value().attr("name").unwrap_or("").to_ascii_lowercase();
                    if let (false, Some(content)) = (name.is_empty(), element.value().attr("content")) {
                        page.meta.push((name, clean(content)));
                    }
                }
                "title" if page.title.is_none() => {
                    page.title = Some(clean(&element.text().collect::<String>())).filter(|t| !t.is_empty());
                }
                _ => {}
            }
        }
    }
    let mut walker = Walker {
        page: &mut page,
        line: String::new(),
    };
    if let Some(body) = document
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
    {
        walker.element(body);
    } else {
        walker.element(document.root_element());
    }
    walker.flush();
    page
}

struct Walker<'p> {
    page: &'p mut Page,
    line: String,
}

impl Walker<'_> {
    fn flush(&mut self) {
        let line = clean(&self.line);
        if !line.is_empty() {
            self.page.lines.push(Line::Text(line));
        }
        self.line.clear();
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if SKIPPED.contains(&name) {
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name[1..].parse().unwrap_or(2);
                let text = clean(&element.text().collect::<String>());
                if !text.is_empty() {
                    self.page.lines.push(Line::Heading(level, text));
                }
                return;
            }
            "table" => {
                self.flush();
                self.table(element);
                return;
            }
            "a" => {
                if let Some(href) = element.value().attr("href") {
                    let text = clean(&element.text().collect::<String>());
                    self.page.links.push((text, href.trim().to_owned()));
                }
            }
            _ => {}
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.flush();
        }
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.line.push_str(text),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }

    /// Rows of cells; a table used for layout (a cell holding a table, or a
    /// single column) is read as ordinary blocks instead.
    fn table(&mut self, table: ElementRef<'_>) {
        let rows: Vec<ElementRef<'_>> = table
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == "tr")
            .collect();
        let nested = table
            .descendants()
            .filter_map(ElementRef::wrap)
            .skip(1)
            .any(|e| e.value().name() == "table");
        let widest = rows
            .iter()
            .map(|r| {
                r.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .count()
            })
            .max()
            .unwrap_or(0);
        if nested || widest < 2 {
            for child in table.children().filter_map(ElementRef::wrap) {
                self.element(child);
            }
            self.flush();
            return;
        }
        for row in rows {
            let cells: Vec<String> = row
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| {
                    for a in c
                        .descendants()
                        .filter_map(ElementRef::wrap)
                        .filter(|a| a.value().name() == "a")
                    {
                        if let Some(href) = a.value().attr("href") {
                            self.page
                                .links
                                .push((clean(&a.text().collect::<String>()), href.trim().to_owned()));
                        }
                    }
                    clean(&c.text().collect::<Vec<_>>().join(" "))
                })
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                self.page.lines.push(Line::Row(cells));
            }
        }
        self.page.lines.push(Line::TableEnd);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_blocks_tables_and_meta() {
        let page = html_page(
            "<html><head><title>标题页</title><meta name=\"ArticleTitle\" content=\"关于 印发的通知\">\
             <script>var x = '不是正文';</script></head><body><div>当前位置：首页</div>\
             <h1>关于印发的通知</h1><p>第一段<br>第二行</p>\
             <table><tr><td>甲</td><td>乙</td></tr><tr><td>1</td><td><a href=\"a.pdf\">附件</a></td></tr></table>\
             </body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("标题页"));
        assert_eq!(
            page.meta,
            vec![("articletitle".to_owned(), "关于 印发的通知".to_owned())]
        );
        assert_eq!(
            page.lines,
            vec![
                Line::Text("当前位置：首页".into()),
                Line::Heading(1, "关于印发的通知".into()),
                Line::Text("第一段".into()),
                Line::Text("第二行".into()),
                Line::Row(vec!["甲".into(), "乙".into()]),
                Line::Row(vec!["1".into(), "附件".into()]),
                Line::TableEnd,
            ]
        );
        assert_eq!(page.links, vec![("附件".to_owned(), "a.pdf".to_owned())]);
    }

    #[test]
    fn gbk_pages_are_decoded() {
        let (bytes, _, _) = encoding_rs::GBK
            .encode("<html><head><meta charset=\"gb2312\"></head><body>政务公开</body></html>");
        assert!(decode(&bytes).contains("政务公开"));
        let (bytes, _, _) = encoding_rs::GBK.encode("索引号：0101");
        assert_eq!(decode(&bytes), "索引号：0101");
    }
}
