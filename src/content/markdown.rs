//! Markdown → safe HTML with pulldown-cmark: tables, footnotes,
//! strikethrough and heading anchors; raw HTML shown as text; links and
//! images only with safe schemes.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::content::url::{is_safe_url, scheme};
use crate::diagnostic::{Diagnostic, Problem, Span};
use crate::lang::Text;
use crate::msg;

/// What the link resolver makes of a link.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkRewrite {
    /// The URL written into the page.
    pub href: String,
    /// An anchor that must exist for the link to work.
    pub anchor: Option<AnchorRef>,
    /// A file that must be published for the link to work.
    pub file: Option<crate::content::attachment::Attachment>,
}

/// An anchor a link relies on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnchorRef {
    /// The slug of the document holding it; `None` for the linking document.
    pub document: Option<String>,
    /// The anchor's name.
    pub anchor: String,
}

/// Resolves a link destination: `Ok(None)` keeps it as written, an error is
/// (message, hint).
pub type Resolve<'a> = &'a dyn Fn(&str) -> Result<Option<LinkRewrite>, Problem>;

/// A document body rendered to HTML.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The body as HTML, safe to put into a page as it is.
    pub html: String,
    /// The plain text of the first paragraph, for a default 内容概述.
    pub first_paragraph: String,
    /// The plain text of the whole body, one line per block, for search.
    pub text: String,
    /// Unsafe or broken links and other problems, with their lines.
    pub problems: Vec<Diagnostic>,
    /// The anchors of this body (headings, footnotes).
    pub anchors: Vec<String>,
    /// Anchors in other documents that links rely on, with their lines.
    pub foreign_anchors: Vec<(AnchorRef, u32)>,
    /// Files that links publish with the document.
    pub files: Vec<crate::content::attachment::Attachment>,
    /// The headings: where each starts in `text` (in UTF-16 units, as the
    /// browser counts) and its anchor, for search results to link to.
    pub sections: Vec<(u32, String)>,
    /// The annual-report tables of a report document (```年报 blocks).
    pub annual: Vec<crate::content::annual::Table>,
}

/// Renders `body`, whose first line is line `first_line` of the file at
/// `path`, with every link and image passed through `resolve`. An
/// annual-report table links to its CSV as `<csv_stem>-table<n>.csv`
/// (no link when `csv_stem` is empty).
pub fn render(path: &Path, body: &str, first_line: u32, resolve: Resolve<'_>, csv_stem: &str) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Rendered::default();
    let mut own_anchors: Vec<(String, u32)> = Vec::new();
    // About an event per 40 bytes of Chinese Markdown: sized once rather
    // than grown through every power of two.
    let mut events: Vec<Event<'_>> = Vec::with_capacity(body.len() / 32 + 16);
    // Line numbers by binary search over the newlines, found once: counting
    // from the start for each link is quadratic (20,000 links took 40 s).
    let newlines: std::cell::OnceCell<Vec<usize>> = std::cell::OnceCell::new();
    let mut file_keys: HashMap<String, std::path::PathBuf> = HashMap::new();
    // Annual-report table blocks: where each starts, its line and info.
    let mut tables: Vec<(usize, u32, String)> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let line = || {
            let newlines = newlines.get_or_init(|| newline_offsets(body));
            first_line + u32::try_from(newlines.partition_point(|&n| n < range.start)).unwrap_or(u32::MAX)
        };
        // Where `dest` is written on its line, when the link's source holds
        // it as written and on one line: what the caret underlines.
        let dest_span = |dest: &str| -> Option<Span> {
            let at = range.start + body.get(range.clone())?.find(dest)?;
            let newlines = newlines.get_or_init(|| newline_offsets(body));
            let line_start = match newlines.partition_point(|&n| n < at) {
                0 => 0,
                i => newlines[i - 1] + 1,
            };
            let line_end = body[line_start..]
                .find('\n')
                .map_or(body.len(), |n| line_start + n);
            let line_text = &body[line_start..line_end];
            Span::of(
                line_text,
                body.get(at..at + dest.len())
                    .filter(|_| at + dest.len() <= line_end)?,
            )
        };
        let mut link = |dest: CowStr<'static>, what: Text| -> CowStr<'static> {
            if !is_safe_url(&dest) {
                let scheme = scheme(&dest).unwrap_or_default();
                out.problems.push(
                    Diagnostic::error(
                        path,
                        Text::new("markdown.scheme")
                            .nested("what", &what)
                            .arg("scheme", &scheme),
                    )
                    .at(line())
                    .span(dest_span(&dest))
                    .hint(msg!("markdown.scheme.hint")),
                );
                return dest;
            }
            if what.code == "word.image" && (scheme(&dest).is_some() || dest.starts_with("//")) {
                out.problems.push(
                    Diagnostic::error(path, msg!("markdown.remote_image", dest = dest))
                        .at(line())
                        .span(dest_span(&dest))
                        .hint(msg!("markdown.remote_image.hint")),
                );
                return dest;
            }
            match resolve(&dest) {
                Ok(None) => dest,
                Ok(Some(rewrite)) => {
                    match rewrite.anchor {
                        Some(AnchorRef {
                            document: None,
                            anchor,
                        }) => own_anchors.push((anchor, line())),
                        Some(foreign) => out.foreign_anchors.push((foreign, line())),
                        None => {}
                    }
                    if let Some(file) = rewrite.file {
                        let key = crate::content::attachment::portable_key(&file.name);
                        match file_keys.get(&key) {
                            None => {
                                file_keys.insert(key, file.source.clone());
                                out.files.push(file);
                            }
                            Some(source) if *source == file.source => {}
                            Some(source) => out.problems.push(
                                Diagnostic::error(
                                    path,
                                    Text::new("markdown.file_clash")
                                        .nested("what", &what)
                                        .arg("first", &source.display())
                                        .arg("second", &file.source.display())
                                        .arg("name", &file.output.trim_start_matches("docs/")),
                                )
                                .at(line())
                                .span(dest_span(&dest))
                                .hint(msg!("markdown.file_clash.hint")),
                            ),
                        }
                    }
                    CowStr::from(rewrite.href)
                }
                Err(Problem { message, hint }) => {
                    out.problems.push(
                        Diagnostic::error(
                            path,
                            Text::new("markdown.link")
                                .nested("what", &what)
                                .nested("reason", &message),
                        )
                        .at(line())
                        .span(dest_span(&dest))
                        .hint(hint),
                    );
                    dest
                }
            }
        };
        let event = match event {
            // Raw HTML is never passed through: the reader sees it as text.
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = link(dest_url.into_static(), msg!("word.link"));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = link(dest_url.into_static(), msg!("word.image"));
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if crate::content::annual::info(&info).is_some() =>
            {
                tables.push((events.len(), line(), info.to_string()));
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
            }
            other => other,
        };
        events.push(event);
    }
    // Each annual-report table block becomes its table (last first, so
    // that the positions of the others stay).
    for (start, line, info) in tables.into_iter().rev() {
        let end = (start..events.len())
            .find(|&i| matches!(events[i], Event::End(TagEnd::CodeBlock)))
            .unwrap_or(events.len() - 1);
        let text: String = events[start..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let html = match crate::content::annual::info(&info) {
            Some(Ok((year, section))) => {
                match crate::content::annual::parse(path, &text, line + 1, year, section) {
                    Ok(table) => {
                        let html = crate::content::annual::html(&table, csv_stem);
                        out.annual.insert(0, table);
                        Some(html)
                    }
                    Err(problems) => {
                        out.problems.extend(problems);
                        None
                    }
                }
            }
            _ => {
                out.problems.push(
                    Diagnostic::error(path, msg!("annual.info", info = info))
                        .at(line)
                        .hint(msg!("annual.info.hint")),
                );
                None
            }
        };
        if let Some(html) = html {
            events.splice(
                start..=end.min(events.len() - 1),
                [Event::Html(CowStr::from(html))],
            );
        }
    }
    out.anchors = add_heading_anchors(&mut events);
    out.anchors.extend(events.iter().filter_map(|e| match e {
        Event::Start(Tag::FootnoteDefinition(label)) => Some(label.to_string()),
        _ => None,
    }));
    for (anchor, line) in own_anchors {
        if !out.anchors.contains(&anchor) {
            out.problems.push(
                Diagnostic::error(path, msg!("anchor.missing_here", anchor = anchor))
                    .at(line)
                    .hint(anchor_hint(&out.anchors)),
            );
        }
    }
    out.first_paragraph = first_paragraph(&events);
    (out.text, out.sections) = plain_text(&events, body.len());
    let mut html = String::with_capacity(body.len() + body.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = alignment_as_classes(html);
    out
}

/// The offsets of the newlines in `text`.
fn newline_offsets(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect()
}

/// The hint for a missing anchor: the anchors there are.
pub fn anchor_hint(anchors: &[String]) -> Text {
    if anchors.is_empty() {
        msg!("anchor.none.hint")
    } else {
        let shown: Vec<String> = anchors.iter().take(8).map(|a| format!("#{a}")).collect();
        msg!("anchor.some.hint", anchors = shown.join(" "))
    }
}

/// A resolver that keeps every link as written (for tests and snippets).
pub fn keep_links(_: &str) -> Result<Option<LinkRewrite>, Problem> {
    Ok(None)
}

/// Table column alignment as classes instead of `style` attributes, which
/// the pages' Content-Security-Policy (`style-src 'self'`) blocks. Raw HTML
/// is escaped, so the attribute can only come from the renderer.
fn alignment_as_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    html.replace(" style=\"text-align: left\"", " class=\"align-left\"")
        .replace(" style=\"text-align: center\"", " class=\"align-center\"")
        .replace(" style=\"text-align: right\"", " class=\"align-right\"")
}

/// Gives every heading an `id` from its text, unique within the document,
/// so sections can be linked (`#一总体要求`); returns the ids.
fn add_heading_anchors(events: &mut [Event<'_>]) -> Vec<String> {
    let mut ids = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = anchor(&text);
            let count = used.entry(base.clone()).or_insert(0);
            *count += 1;
            let anchor = if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
            };
            ids.push(anchor.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(anchor));
            }
            i = j;
        }
        i += 1;
    }
    ids
}

/// An anchor name from heading text: letters and digits of any script,
/// spaces as `-`, punctuation dropped.
pub fn anchor(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "section".to_owned()
    } else {
        out.to_owned()
    }
}

/// The text a reader sees, blocks and table cells on lines of their own;
/// and where in it each heading starts, with its anchor.
fn plain_text(events: &[Event<'_>], size: usize) -> (String, Vec<(u32, String)>) {
    let mut text = String::with_capacity(size);
    let mut sections = Vec::new();
    // UTF-16 units of text[..counted], counted as headings come.
    let (mut units, mut counted) = (0usize, 0usize);
    for event in events {
        match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                units += text[counted..].encode_utf16().count();
                counted = text.len();
                sections.push((u32::try_from(units).unwrap_or(u32::MAX), id.to_string()));
            }
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak if text.chars().next_back().is_some_and(|c| c.is_ascii()) => text.push(' '),
            Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::FootnoteDefinition,
            ) if !text.ends_with('\n') => text.push('\n'),
            _ => {}
        }
    }
    (text, sections)
}

/// Paragraphs shorter than this (in characters) are taken for headings
/// written as paragraphs (`引言`) and skipped by [`first_paragraph`].
const SUMMARY_MIN_CHARS: usize = 10;

/// The plain text of the first paragraph that says something: a 通知 opens
/// with its addressees (主送机关, "各镇人民政府，各街道办事处："), and a
/// report with a heading written as a paragraph (`引言`); paragraphs ending
/// in a colon or shorter than [`SUMMARY_MIN_CHARS`] are skipped. When none
/// qualifies, the first paragraph is used.
fn first_paragraph(events: &[Event<'_>]) -> String {
    let mut first: Option<String> = None;
    let mut text = String::new();
    let mut inside = false;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) if !inside => inside = true,
            Event::End(TagEnd::Paragraph) if inside => {
                let said = text.trim();
                if !said.ends_with(['：', ':']) && said.chars().count() >= SUMMARY_MIN_CHARS {
                    return said.to_owned();
                }
                first.get_or_insert_with(|| said.to_owned());
                text.clear();
                inside = false;
            }
            Event::Text(t) | Event::Code(t) if inside => text.push_str(t),
            Event::SoftBreak | Event::HardBreak
                if inside && text.chars().next_back().is_some_and(|c| c.is_ascii()) =>
            {
                text.push(' ');
            }
            _ => {}
        }
    }
    first.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(Path::new("a.md"), md, 1, &keep_links, "").html
    }

    #[test]
    fn raw_html_is_text() {
        let out = html("<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>\n");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn tables_footnotes_strikethrough_anchors() {
        let out = html(
            "## 一、总体要求\n\n| 任务 | 单位 |\n|---|---|\n| 公开 | 办公室 |\n\n~~旧~~注[^1]\n\n[^1]: 说明\n\n## 一、总体要求\n",
        );
        assert!(out.contains("<h2 id=\"一总体要求\">"), "{out}");
        assert!(out.contains("<h2 id=\"一总体要求-2\">"), "{out}");
        assert!(out.contains("<table>") && out.contains("<th>任务</th>"), "{out}");
        assert!(out.contains("<del>旧</del>"), "{out}");
        let aligned = html("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
        assert!(
            aligned.contains("<td class=\"align-center\">1</td><td class=\"align-right\">2</td>"),
            "{aligned}"
        );
        assert!(!aligned.contains("style="), "{aligned}");
        assert!(out.contains("footnote-definition"), "{out}");
    }

    #[test]
    fn unsafe_schemes_are_reported_with_lines() {
        let r = render(
            Path::new("a.md"),
            "ok [a](https://x.cn) [b](/rel) [c](mailto:a@b.cn)\n\n[d](JaVaScRiPt:alert(1))\n![e](data:text/html,x)\n[f](java&#x09;script:alert(1))\n",
            10,
            &keep_links,
            "",
        );
        let lines: Vec<_> = r.problems.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(12), Some(13), Some(14)], "{:?}", r.problems);
        assert!(r.problems[0].message.en().contains("`javascript:`"));
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let r = render(
            Path::new("a.md"),
            "# 标题\n\n引言\n\n第一段**加粗**\n接续，说明本文件的内容。\n\n第二段\n",
            1,
            &keep_links,
            "",
        );
        assert_eq!(r.first_paragraph, "第一段加粗接续，说明本文件的内容。");
        let r = render(Path::new("a.md"), "短句\n\n各位：\n", 1, &keep_links, "");
        assert_eq!(r.first_paragraph, "短句", "falls back to the first paragraph");
    }
}
