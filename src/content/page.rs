//! The site's own pages: the column's 政府信息公开指南 and 政府信息公开制度,
//! Markdown files named in site.yaml's `column:`, kept under
//! `content/_pages/` so they are not documents of the catalogue; and the
//! 无障碍 and 隐私 statements every footer links to, from a file named under
//! `identity:` or, by default, written here from what gongkai's pages do.
//! Their links are checked and rewritten like a document's.

use std::path::Path;

use serde_norway::Value;

use crate::content::attachment::Attachment;
use crate::content::links::{Registry, Resolver};
use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::msg;
use crate::site::config::SiteConfig;
use crate::{content::frontmatter, content::markdown, content::source};

/// One of the column's pages.
#[derive(Clone, Debug)]
pub struct Page {
    /// `guide`, `rules`, `accessibility` or `privacy`: the page is written
    /// to `column/<key>.html`.
    pub key: &'static str,
    /// Its file, relative to the site root (None: gongkai's default text).
    pub source: Option<std::path::PathBuf>,
    /// Its plain text, one line per block.
    pub text: String,
    /// Its title.
    pub title: String,
    /// When it was last revised, if stated.
    pub updated: Option<String>,
    /// The body as safe HTML.
    pub html: String,
    /// Files its links publish.
    pub files: Vec<Attachment>,
}

/// Reads and renders the pages site.yaml names, and the two statements.
pub(crate) fn load(root: &Path, config: &SiteConfig, registry: &Registry) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for (path, key) in sources(config) {
        match load_page(root, config, registry, key, &path) {
            Ok(page) => pages.push(page),
            Err(mut d) => problems.append(&mut d),
        }
    }
    for key in STATEMENTS {
        if !pages.iter().any(|p| p.key == key) {
            pages.push(default_statement(key, config));
        }
    }
    (pages, problems)
}

/// The statements every footer links to.
pub(crate) const STATEMENTS: [&str; 2] = ["accessibility", "privacy"];

/// gongkai's own 无障碍 or 隐私 statement: what its pages do, with the
/// office's contact details.
fn default_statement(key: &'static str, config: &SiteConfig) -> Page {
    let id = &config.identity;
    let english = crate::lang::Lang::of_site(&config.language) == crate::lang::Lang::En;
    let contact: Vec<String> = [
        id.sponsor.as_deref().map(str::to_owned),
        id.phone.as_deref().map(|p| {
            if english {
                format!("telephone {p}")
            } else {
                format!("电话 {p}")
            }
        }),
        id.email.as_deref().map(|e| {
            if english {
                format!("email {e}")
            } else {
                format!("电子邮箱 {e}")
            }
        }),
        id.address.as_deref().map(|a| {
            if english {
                format!("address {a}")
            } else {
                format!("地址 {a}")
            }
        }),
    ]
    .into_iter()
    .flatten()
    .filter(|v| !v.contains(crate::site::config::PLACEHOLDER))
    .collect();
    let contact = if contact.is_empty() {
        String::new()
    } else if english {
        format!(" Contact: {}.", contact.join(", "))
    } else {
        format!("联系方式：{}。", contact.join("，"))
    };
    let (title, paragraphs): (&str, Vec<String>) = match (key, english) {
        ("accessibility", false) => (
            "无障碍与适老化声明",
            vec![
                "本站页面可以只用键盘操作，每页开头有“跳到正文”链接；标题、表格和导航带有读屏软件可以识别的标记；统计图的数据同时以表格给出。".into(),
                "不开启 JavaScript 也能阅读和浏览全部页面（站内搜索除外）。手机上页面按屏幕宽度排版，文字不需要左右拖动。".into(),
                "页面顶部的“长者模式”按钮放大字号和行距、提高对比度、加粗链接，设置在本浏览器中保留；浏览器自带的放大功能同样可用。本站没有弹窗、广告和自动播放的内容。".into(),
                format!("如果您在使用中遇到困难，或发现页面无法读取，请告诉我们。{contact}"),
            ],
        ),
        ("accessibility", true) => (
            "Accessibility statement",
            vec![
                "Every page can be used with the keyboard alone and starts with a link to skip to the content; headings, tables and navigation are marked up for screen readers; the data of every chart is also given as a table.".into(),
                "Every page reads without JavaScript (the site search aside), and on a phone pages fit the screen's width.".into(),
                "The elderly-mode button at the top of each page enlarges text and spacing and raises contrast; the choice is kept in this browser. The site has no pop-ups, advertising or autoplaying media.".into(),
                format!("If something does not work for you, please tell us.{contact}"),
            ],
        ),
        (_, false) => (
            "隐私声明",
            vec![
                "本站不使用 Cookie，不要求登录，不收集访问者的个人信息，也不引用任何第三方的脚本、字体或统计代码。".into(),
                "站内搜索在您的浏览器中完成：浏览器从本站下载索引文件后在本机查找。搜索词会出现在搜索页的网址中，可能像其他访问一样被网站服务器的访问日志记录（IP 地址、时间、所访问的网址），这些日志只用于网站安全。".into(),
                "“长者模式”的开关保存在您浏览器的本地存储中，不会发送给任何人。".into(),
                format!("本站发布的政府信息在公开前经过个人信息保护审查。如果您发现页面中含有您的个人信息，请联系我们，我们将及时处理。{contact}"),
            ],
        ),
        (_, true) => (
            "Privacy statement",
            vec![
                "This site sets no cookies, needs no login, collects no personal information about its visitors and loads no third-party script, font or analytics.".into(),
                "The site search runs in your browser: it downloads the index from this site and searches it on your device. The search words appear in the search page's address and, like any visit, may be recorded in the web server's access log (IP address, time, address visited), used only to keep the site secure.".into(),
                "The elderly-mode switch is stored in your browser's local storage and sent to no one.".into(),
                format!("Published information is checked for personal data before it is published. If you find your personal information on a page, please contact us and we will deal with it promptly.{contact}"),
            ],
        ),
    };
    let html = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>\n", quick_xml::escape::escape(p.as_str())))
        .collect();
    Page {
        key,
        source: None,
        text: paragraphs.join("\n"),
        title: title.to_owned(),
        updated: None,
        html,
        files: Vec::new(),
    }
}

fn load_page(
    root: &Path,
    config: &SiteConfig,
    registry: &Registry,
    key: &'static str,
    rel: &Path,
) -> Result<Page, Vec<Diagnostic>> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        vec![
            Diagnostic::error(
                crate::site::config::FILE_NAME,
                msg!("page.unreadable", page = rel.display(), error = e),
            )
            .field("column")
            .hint(msg!("page.unreadable.hint")),
        ]
    })?;
    // Control characters are removed (the warning is for documents, which
    // feeds and data files carry).
    let (text, _) = source::read_text(rel, &bytes).map_err(|d| vec![d])?;
    let split = frontmatter::split(rel, &text).map_err(|d| vec![d])?;
    let mut meta = frontmatter::parse(rel, &split)?;
    let mut problems = std::mem::take(&mut meta.problems);
    let mut title = None;
    let mut updated = None;
    for (field, value) in &meta.fields {
        let line = meta
            .key_lines
            .get(field)
            .map_or(meta.start_line, |(line, _)| *line);
        let text = match value {
            Value::String(s) => Some(s.trim().to_owned()),
            _ => None,
        };
        match (field.as_str(), text) {
            ("title" | "标题", Some(t)) if !t.is_empty() => title = Some(t),
            ("updated" | "更新日期", Some(t)) => match crate::content::date::parse(&t) {
                Ok(d) => updated = Some(d.format("%Y-%m-%d").to_string()),
                Err(e) => problems.push(
                    Diagnostic::error(
                        rel,
                        Text::new("date.invalid")
                            .arg("field", field)
                            .nested("reason", &e.text()),
                    )
                    .at(line)
                    .field("updated")
                    .written(field.clone())
                    .hint(msg!("date.hint")),
                ),
            },
            (other, _) => problems.push(
                Diagnostic::error(rel, msg!("page.unknown_field", key = other))
                    .at(line)
                    .field(other)
                    .hint(msg!("page.unknown_field.hint")),
            ),
        }
    }
    let slug = format!("page-{key}");
    let resolver = Resolver {
        registry,
        root,
        source: rel,
        slug: &slug,
        allowed: &config.attachment_types,
        attachments: &[],
    };
    // The page is column/<key>.html; documents and files live under docs/.
    let resolve = |dest: &str| {
        resolver.resolve(dest).map(|r| {
            r.map(|mut r| {
                if !r.href.starts_with('#') && !r.href.starts_with("../") {
                    r.href = format!("../docs/{}", r.href);
                }
                r
            })
        })
    };
    let rendered = markdown::render(rel, split.body, split.body_line, &resolve, "");
    problems.extend(rendered.problems);
    let in_file = crate::content::privacy::scan(rel, &text, &[]);
    if in_file.is_empty() {
        problems.extend(crate::content::privacy::scan_rendered(
            rel,
            &rendered.text,
            || Some(text.to_string()),
            split.body_line,
            &[],
        ));
    }
    problems.extend(in_file);
    if title.is_none() {
        problems.push(
            Diagnostic::error(rel, msg!("page.title_missing"))
                .at(meta.start_line)
                .field("title")
                .hint(msg!("page.title_missing.hint")),
        );
    }
    match title {
        Some(title) if problems.is_empty() => Ok(Page {
            key,
            source: Some(rel.to_path_buf()),
            text: rendered.text,
            title,
            updated,
            html: rendered.html,
            files: rendered.files,
        }),
        _ => Err(problems),
    }
}

/// The pages site.yaml names (column pages, statements), as (source
/// relative to the site root, key).
pub(crate) fn sources(config: &SiteConfig) -> Vec<(std::path::PathBuf, &'static str)> {
    let column = config.column.as_ref();
    let identity = &config.identity;
    [
        ("guide", column.and_then(|c| c.guide.as_ref())),
        ("rules", column.and_then(|c| c.rules.as_ref())),
        ("accessibility", identity.accessibility.as_ref()),
        ("privacy", identity.privacy.as_ref()),
    ]
    .into_iter()
    .filter_map(|(key, path)| path.map(|p| (Path::new(crate::site::CONTENT_DIR).join(p), key)))
    .collect()
}

/// The output path of a column page.
pub(crate) fn url(key: &str) -> String {
    format!("column/{key}.html")
}
