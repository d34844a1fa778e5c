//! `RawMeta` → validated [`Document`]: required fields, Chinese aliases,
//! dates, categories and enumerations, each problem a [`Diagnostic`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_norway::Value;

use crate::content::frontmatter::{self, RawMeta};
use crate::content::markdown;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::lang::Text;
use crate::msg;
use crate::site::config::SiteConfig;

mod fields;
mod slug;
mod subject;
mod values;
use fields::Fields;
pub use slug::{is_valid_slug, slug_from_index_number};
use subject::subject_of;
pub use values::*;

pub use crate::site::fields::{FIELDS, FieldSpec};

/// The lines of a document's 发布机构, 发文日期 and body's start, and the
/// names its keys are written under.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldLines {
    /// The line of 发布机构.
    pub issuer: u32,
    /// The line of 发文日期.
    pub date: u32,
    /// The line of 发布日期 (发文日期's when not given).
    pub published: u32,
    /// The first line of the body.
    pub body: u32,
    /// Keys the file writes under another name than the English one
    /// (`index_number` → `索引号`), for messages that name them.
    pub keys: Vec<(String, String)>,
}

impl FieldLines {
    /// `key` as the file writes it.
    pub fn written<'a>(&'a self, key: &'a str) -> &'a str {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map_or(key, |(_, w)| w.as_str())
    }
}

/// A validated document of the catalogue.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// The source file, relative to the site root.
    pub source: PathBuf,
    /// 信息标题.
    pub title: String,
    /// 索引号, unique across the site.
    pub index_number: String,
    /// The line of `index_number` in the source, for cross-file reports.
    pub index_number_line: u32,
    /// 发布机构.
    pub issuer: String,
    /// Where the fields the site-wide checks name are written.
    pub lines: FieldLines,
    /// 信息分类, as an index into the site's categories.
    pub category: usize,
    /// 成文日期 (also written 发文日期): the day it was signed.
    pub date: NaiveDate,
    /// 发布日期: the day it was published; 成文日期 when not given. Lists
    /// are sorted and years grouped by it.
    pub published: NaiveDate,
    /// 施行日期: the day it takes effect, when given.
    pub effective: Option<NaiveDate>,
    /// The other 发文机关 of a joint document (联合发文), after `issuer`.
    pub joint_issuers: Vec<String>,
    /// 主题分类, as positions in the site's subjects.
    pub subject: Option<SubjectRef>,
    /// 文件类型: one of the site's kinds (规章, 行政规范性文件 …).
    pub kind: Option<String>,
    /// 登记号 (统一编号) of a 规章 or 行政规范性文件.
    pub registration: Option<String>,
    /// 修订对象: the earlier version this one amends.
    pub revises: Option<Reference>,
    /// 解读形式 of an interpretation (文字, 图解 …).
    pub interpretation_form: Option<String>,
    /// Values of the site's declared fields, by field position, ascending.
    pub extra: Vec<(u16, FieldValue)>,
    /// 文件编号, e.g. 川政办字〔2017〕89号.
    pub doc_number: Option<String>,
    /// 公开方式.
    pub disclosure: Disclosure,
    /// 有效性.
    pub status: Validity,
    /// 内容概述: given, or the first paragraph.
    pub summary: String,
    /// Whether `summary` is the body's first paragraph (not given): the
    /// search text leaves it out, so that excerpts do not show it twice.
    #[serde(default)]
    pub summary_from_body: bool,
    /// 主题词.
    pub keywords: Vec<String>,
    /// A draft is never published.
    pub draft: bool,
    /// The file name of the document's page (without `.html`).
    pub slug: String,
    /// The line of the field the slug came from.
    pub slug_line: u32,
    /// A hash of the body as safe HTML; pages render it again on demand
    /// (`crate::content::body`).
    pub body_hash: [u8; 16],
    /// A hash of the body's plain text.
    pub body_text_hash: [u8; 16],
    /// The number of characters of the body's plain text.
    pub body_chars: u32,
    /// The body's headings: where each starts in its plain text (UTF-16
    /// units) and its anchor (`markdown::Rendered::sections`).
    #[serde(default)]
    pub sections: Vec<(u32, String)>,
    /// The annual-report tables its body holds (a 年度报告 drafted by
    /// `gongkai report`), checked across years by the catalogue.
    #[serde(default)]
    pub annual: Vec<crate::content::annual::Table>,
    /// 索引号 of the policies this document interprets (政策解读).
    pub interprets: Vec<Reference>,
    /// 索引号 of the document that repealed or amended this one.
    pub replaced_by: Option<Reference>,
    /// The day from which the document is 已失效.
    pub valid_until: Option<NaiveDate>,
    /// Declared 附件, in front-matter order.
    pub attachments: Vec<crate::content::attachment::Attachment>,
    /// Files linked from the body that are published with it.
    pub linked_files: Vec<crate::content::attachment::Attachment>,
    /// Personal data the document may publish, each with its reason.
    pub personal_data: Vec<Allowance>,
    /// 文种 (通知, 意见, 办法 …): one of the shipped list or site.yaml's `genres`.
    pub genre: Option<String>,
    /// The day it was repealed or expired, when no other field tells.
    pub repealed_on: Option<NaiveDate>,
}

/// A declared attachment before its file is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentRef {
    /// The path as written, relative to the document.
    pub path: String,
    /// The title to show, if given.
    pub title: Option<String>,
    /// The line of the `attachments` field.
    pub line: u32,
}

/// A document whose front-matter is validated, with its body still to render.
#[derive(Debug)]
pub struct Parsed {
    /// The document, without its body.
    pub document: Document,
    /// The Markdown body (empty once [`render_body`] has taken it).
    pub body: String,
    /// The line the body starts on.
    pub body_line: u32,
    /// Whether `summary` was given (else it comes from the body).
    pub has_summary: bool,
    /// Declared attachments, checked once the site root is known.
    pub attachments: Vec<AttachmentRef>,
    /// Notices about this document that do not stop the build.
    pub notices: Vec<Diagnostic>,
    /// Errors found in the file: the document is checked on (its body,
    /// links, attachments) but never published.
    pub problems: Vec<Diagnostic>,
}

impl Document {
    /// Whether the document may appear anywhere in the output: 主动公开 and
    /// not a draft.
    pub fn is_published(&self) -> bool {
        self.disclosure == Disclosure::Active && !self.draft
    }
}

/// Longest default summary, in characters.
const SUMMARY_CHARS: usize = 200;

/// Parses and validates one document's front-matter (text already decoded).
pub fn parse(config: &SiteConfig, path: &Path, text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let split = frontmatter::split(path, text).map_err(|d| vec![d])?;
    let mut meta = frontmatter::parse(path, &split)?;
    let mut problems = std::mem::take(&mut meta.problems);
    let fields = Fields::collect(path, &meta, config, &mut problems);

    let title = fields.text("title", &mut problems);
    let index_number = fields.text("index_number", &mut problems);
    let (issuer, joint_issuers) = fields.issuers(&mut problems);
    let category = fields.text("category", &mut problems).and_then(|name| {
        let found = config.category(&name);
        if found.is_none() {
            let names = config.categories.iter().map(|c| c.name.as_str());
            let hint = match did_you_mean(&name, names.clone()) {
                Some(close) => msg!("hint.did_you_mean", name = close),
                None => msg!("hint.use_one_of", names = names.collect::<Vec<_>>().join("、")),
            };
            problems.push(fields.problem("category", msg!("category.unknown", value = name), hint));
        }
        found
    });
    let date = fields
        .text("date", &mut problems)
        .and_then(|text| fields.date("date", &text, msg!("date.hint"), &mut problems));
    let doc_number = fields.optional_text("doc_number", &mut problems);
    let disclosure = fields.choice(
        "disclosure",
        &Disclosure::NAMES,
        Disclosure::Active,
        &mut problems,
    );
    let status = fields.choice("status", &Validity::NAMES, Validity::Valid, &mut problems);
    let summary = fields.optional_text("summary", &mut problems);
    let keywords = fields.keywords(&mut problems);
    let draft = fields.flag("draft", &mut problems);
    let explicit_slug = fields.optional_text("slug", &mut problems);
    if let Some(slug) = &explicit_slug
        && !is_valid_slug(slug)
    {
        problems.push(fields.problem("slug", msg!("slug.unsafe", slug = slug), msg!("slug.unsafe.hint")));
    }

    let interprets = fields.references("interprets", &mut problems);
    let replaced_by = fields.references("replaced_by", &mut problems);
    if replaced_by.len() > 1 {
        problems.push(fields.problem(
            "replaced_by",
            msg!("replaced_by.many", field = fields.name("replaced_by")),
            msg!("replaced_by.many.hint"),
        ));
    }
    if !replaced_by.is_empty() && status == Validity::Valid {
        problems.push(fields.problem(
            "replaced_by",
            msg!("replaced_by.valid", field = fields.name("replaced_by")),
            msg!("replaced_by.valid.hint"),
        ));
    }
    let valid_until = fields
        .optional_text("valid_until", &mut problems)
        .and_then(|text| {
            let example = msg!(
                "hint.example",
                example = format!("{}: 2025-12-31", fields.name("valid_until"))
            );
            fields.date("valid_until", &text, example, &mut problems)
        });
    let attachments = fields.attachments(&mut problems);
    let personal_data = fields.allowances(&mut problems);
    let genre = fields.optional_text("genre", &mut problems).filter(|g| {
        let known = config.genres.contains(g);
        if !known {
            let (message, hint) = if config.kinds.contains(g) {
                (
                    msg!("genre.is_kind", value = g, field = fields.name("genre")),
                    msg!("genre.is_kind.hint", value = g),
                )
            } else {
                let hint = match did_you_mean(g, config.genres.iter().map(String::as_str)) {
                    Some(close) => msg!("hint.did_you_mean", name = close),
                    None => msg!("genre.unknown.hint"),
                };
                (msg!("genre.unknown", value = g), hint)
            };
            problems.push(fields.problem("genre", message, hint));
        }
        known
    });
    let kind = fields.optional_text("kind", &mut problems).filter(|k| {
        let known = config.kinds.contains(k);
        if !known {
            problems.push(fields.problem(
                "kind",
                msg!("kind.unknown", value = k),
                msg!("hint.use_one_of", names = config.kinds.join("、")),
            ));
        }
        known
    });
    let registration = fields.optional_text("registration", &mut problems);
    if registration.is_some() && kind.is_none() && !fields.has("kind") {
        problems.push(fields.problem(
            "registration",
            msg!("registration.no_kind", field = fields.name("registration")),
            msg!("registration.no_kind.hint", kinds = config.kinds.join("、")),
        ));
    }
    let subject =
        fields
            .optional_text("subject", &mut problems)
            .and_then(|text| match subject_of(config, &text) {
                Ok(found) => Some(found),
                Err(hint) => {
                    problems.push(fields.problem("subject", msg!("subject.unknown", value = text), hint));
                    None
                }
            });
    let revises = fields.references("revises", &mut problems);
    if revises.len() > 1 {
        problems.push(fields.problem(
            "revises",
            msg!("revises.many", field = fields.name("revises")),
            msg!("revises.many.hint"),
        ));
    }
    let interpretation_form = fields
        .optional_text("interpretation_form", &mut problems)
        .filter(|form| {
            let known = INTERPRETATION_FORMS.contains(&form.as_str());
            if !known {
                problems.push(fields.problem(
                    "interpretation_form",
                    msg!("interpretation_form.unknown", value = form),
                    msg!("hint.use_one_of", names = INTERPRETATION_FORMS.join("、")),
                ));
            }
            known
        });
    if interpretation_form.is_some() && interprets.is_empty() {
        problems.push(fields.problem(
            "interpretation_form",
            msg!(
                "interpretation_form.alone",
                field = fields.name("interpretation_form")
            ),
            msg!("interpretation_form.alone.hint"),
        ));
    }
    let published = fields.optional_text("published", &mut problems).and_then(|text| {
        let example = msg!(
            "hint.example",
            example = format!("{}: 2017-06-08", fields.name("published"))
        );
        fields.date("published", &text, example, &mut problems)
    });
    if let (Some(published), Some(date)) = (published, date)
        && published < date
    {
        problems.push(fields.problem(
            "published",
            msg!(
                "published.before",
                field = fields.name("published"),
                published = published,
                date = date
            ),
            msg!("published.before.hint"),
        ));
    }
    let effective = fields.optional_text("effective", &mut problems).and_then(|text| {
        let example = msg!(
            "hint.example",
            example = format!("{}: 2018-01-01", fields.name("effective"))
        );
        fields.date("effective", &text, example, &mut problems)
    });
    if status == Validity::Pending && effective.is_none() {
        problems.push(fields.problem(
            "status",
            msg!("status.pending_without_date"),
            msg!("status.pending_without_date.hint"),
        ));
    }
    let extra = fields.declared(config, &mut problems);
    let repealed_on = fields
        .optional_text("repealed_on", &mut problems)
        .and_then(|text| {
            let example = msg!(
                "hint.example",
                example = format!("{}: 2020-06-30", fields.name("repealed_on"))
            );
            fields.date("repealed_on", &text, example, &mut problems)
        });
    if repealed_on.is_some() && !matches!(status, Validity::Repealed | Validity::Expired) {
        problems.push(fields.problem(
            "repealed_on",
            msg!("repealed_on.status", field = fields.name("repealed_on")),
            msg!("repealed_on.status.hint"),
        ));
    }
    // A document cannot stop being in force before it was issued: the
    // annual report's 本年废止 and 现行有效 counts would not add up.
    for (key, end) in [("repealed_on", repealed_on), ("valid_until", valid_until)] {
        if let (Some(end), Some(date)) = (end, date)
            && end < date
        {
            problems.push(fields.problem(
                key,
                msg!(
                    "date.end_before",
                    field = fields.name(key),
                    end = end,
                    date = date
                ),
                msg!("date.end_before.hint"),
            ));
        }
    }

    // A document with problems is still made, from what could be read, so
    // that the rest of the run checks its body, its attachments and the
    // links to it: every problem is found in one run. `problems` keeps it
    // out of the output.
    let index_number = index_number.unwrap_or_default();
    let (slug, slug_field) = match explicit_slug.filter(|s| is_valid_slug(s)) {
        Some(slug) => (slug, "slug"),
        None if !index_number.is_empty() => (slug_from_index_number(&index_number), "index_number"),
        None => (
            format!(
                "invalid-{}",
                &blake3::hash(path.as_os_str().as_encoded_bytes()).to_hex()[..12]
            ),
            "index_number",
        ),
    };
    let (title, issuer) = (title.unwrap_or_default(), issuer.unwrap_or_default());
    let (category, date) = (category.unwrap_or(0), date.unwrap_or_default());
    let published = published.unwrap_or(date);
    Ok(Parsed {
        document: Document {
            source: path.to_path_buf(),
            title,
            index_number,
            index_number_line: fields.line("index_number"),
            issuer,
            lines: FieldLines {
                issuer: fields.line("issuer"),
                date: fields.line("date"),
                published: if fields.has("published") {
                    fields.line("published")
                } else {
                    fields.line("date")
                },
                body: split.body_line,
                keys: fields.renamed(config),
            },
            category,
            date,
            published,
            effective,
            joint_issuers,
            subject,
            kind,
            registration,
            revises: revises.into_iter().next(),
            interpretation_form,
            extra,
            doc_number,
            disclosure,
            status,
            summary: summary.clone().unwrap_or_default(),
            summary_from_body: false,
            keywords,
            draft,
            slug,
            slug_line: fields.line(slug_field),
            body_hash: [0; 16],
            body_text_hash: [0; 16],
            body_chars: 0,
            sections: Vec::new(),
            annual: Vec::new(),
            interprets,
            replaced_by: replaced_by.into_iter().next(),
            valid_until,
            attachments: Vec::new(),
            linked_files: Vec::new(),
            personal_data,
            genre,
            repealed_on,
        },
        body: split.body.to_owned(),
        body_line: split.body_line,
        has_summary: summary.is_some(),
        attachments,
        notices: Vec::new(),
        problems,
    })
}

impl Document {
    /// The document's page, relative to the output root (see
    /// [`crate::content::url`]).
    pub(crate) fn url(&self) -> String {
        crate::content::url::document_page(&self.slug)
    }
}

/// Renders a parsed document's body with `resolve` for its links, filling
/// in the hashes of its HTML and text and (when none was given) the
/// summary; the HTML and text stay in what is returned. The Markdown is
/// taken: its memory holds the text.
pub fn render_body(parsed: &mut Parsed, resolve: markdown::Resolve<'_>) -> markdown::Rendered {
    let mut rendered = markdown::render(
        &parsed.document.source,
        &parsed.body,
        parsed.body_line,
        resolve,
        &parsed.document.slug,
    );
    let document = &mut parsed.document;
    document.body_hash = crate::hash::hash16(rendered.html.as_bytes());
    // The text goes into the Markdown's allocation, which is not needed any
    // more and is almost always large enough (markup and entities are longer
    // than what they stand for): held from here to indexing, it then takes
    // no fresh memory. When it is longer, its own string is kept.
    let mut text = std::mem::take(&mut parsed.body);
    if text.capacity() >= rendered.text.len() {
        text.clear();
        text.push_str(&rendered.text);
        rendered.text = text;
    }
    document.body_text_hash = crate::hash::hash16(rendered.text.as_bytes());
    document.body_chars = u32::try_from(rendered.text.chars().count()).unwrap_or(u32::MAX);
    if !parsed.has_summary {
        document.summary = truncate(&rendered.first_paragraph, SUMMARY_CHARS);
        document.summary_from_body = true;
    }
    document.linked_files = std::mem::take(&mut rendered.files);
    document.sections = std::mem::take(&mut rendered.sections);
    document.annual = std::mem::take(&mut rendered.annual);
    rendered
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteConfig {
        SiteConfig::parse("title: t\ncategories:\n  - { code: \"03\", name: 规划计划 }\n").expect("config")
    }

    fn doc(text: &str) -> Result<Document, Vec<Diagnostic>> {
        let mut parsed = parse(&site(), Path::new("content/a.md"), text)?;
        let rendered = render_body(&mut parsed, &markdown::keep_links);
        let mut problems = std::mem::take(&mut parsed.problems);
        problems.extend(rendered.problems);
        if problems.is_empty() {
            Ok(parsed.document)
        } else {
            Err(problems)
        }
    }

    #[test]
    fn the_plain_text_is_the_rendered_text_whichever_string_holds_it() {
        let head = "---\ntitle: 通知\nindex_number: X-1\nissuer: 区政府\ncategory: 规划计划\ndate: 2020-01-02\n---\n\n";
        let body = "## 一、总体要求\n\n**加强**政务公开，见[附件](https://example.gov.cn/a)。\n\n| 项目 | 数量 |\n| --- | ---: |\n| 主动公开 | 912 |\n";
        let mut parsed = parse(&site(), Path::new("content/a.md"), &format!("{head}{body}")).expect("valid");
        let expected = markdown::render(
            Path::new("content/a.md"),
            body,
            parsed.body_line,
            &markdown::keep_links,
            "",
        )
        .text;
        let rendered = render_body(&mut parsed, &markdown::keep_links);
        assert_eq!(rendered.text, expected);
        assert!(parsed.body.is_empty(), "the Markdown is not kept beside its text");
        assert_eq!(
            parsed.document.body_text_hash,
            crate::hash::hash16(expected.as_bytes())
        );
        assert_eq!(parsed.document.body_chars as usize, expected.chars().count());
        // A file ending without a newline: the text (which ends each
        // paragraph with one) is longer than the Markdown and keeps its own
        // string.
        let file = format!("{}第一段。", head.strip_suffix('\n').expect("blank line"));
        let mut parsed = parse(&site(), Path::new("content/a.md"), &file).expect("valid");
        assert_eq!(parsed.body.capacity(), "第一段。".len(), "{:?}", parsed.body);
        let rendered = render_body(&mut parsed, &markdown::keep_links);
        assert_eq!(rendered.text, "第一段。\n");
    }

    #[test]
    fn numbers_in_text_fields_are_kept_as_written() {
        for written in ["1.10", "0x1F", "1e3", "007", "2017.10"] {
            let d = doc(&format!(
                "---\ntitle: 通知\nindex_number: 0101-03-2017-000525\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2017-07-18\n文件编号: {written}  # 旧编号\n---\n\n正文。\n"
            ))
            .expect("valid");
            assert_eq!(d.doc_number.as_deref(), Some(written));
        }
    }

    #[test]
    fn a_document_cannot_end_before_it_begins() {
        let head = "---\ntitle: 通知\nindex_number: 0101-03-2017-000525\nissuer: 区政府办公室\ncategory: 规划计划\ndate: 2017-07-18\n";
        let e = doc(&format!(
            "{head}status: 已废止\nrepealed_on: 2016-01-01\n---\n\n正文。\n"
        ))
        .expect_err("invalid");
        assert!(
            e.iter().any(|d| d.line == Some(8)
                && d.message
                    .en()
                    .contains("`repealed_on` (2016-01-01) is before the document's date (2017-07-18)")),
            "{e:#?}"
        );
        let e = doc(&format!("{head}valid_until: 2017-07-17\n---\n\n正文。\n")).expect_err("invalid");
        assert!(
            e.iter()
                .any(|d| d.line == Some(7) && d.field.as_deref() == Some("valid_until")),
            "{e:#?}"
        );
        // The same day is fine.
        doc(&format!(
            "{head}status: 已废止\nrepealed_on: 2017-07-18\n---\n\n正文。\n"
        ))
        .expect("valid");
    }

    #[test]
    fn other_names_for_a_field_get_did_you_mean_and_attachment_keys_take_chinese() {
        let head =
            "---\ntitle: 通知\nindex_number: 0101-03-2017-000525\ncategory: 规划计划\ndate: 2017-07-18\n";
        let e = doc(&format!("{head}发文单位: 区政府办公室\n---\n\n正文。\n")).expect_err("unknown key");
        let unknown = e
            .iter()
            .find(|d| d.message.en() == "unknown field `发文单位`")
            .expect("reported");
        assert_eq!(
            unknown.hint.as_ref().map(Text::en).as_deref(),
            Some("did you mean `发布机构`?")
        );
        assert_eq!(
            unknown.hint.as_ref().map(Text::zh).as_deref(),
            Some("是否要写“发布机构”？")
        );
        assert_eq!(unknown.line, Some(6));
        let parsed = parse(
            &site(),
            Path::new("content/a.md"),
            &format!("{head}发布机构: 区政府办公室\n附件:\n  - {{ 路径: 表.xlsx, 标题: 统计表 }}\n  - {{ 文件: 二.pdf }}\n---\n\n正文。\n"),
        )
        .expect("valid");
        let got: Vec<(&str, Option<&str>)> = parsed
            .attachments
            .iter()
            .map(|a| (a.path.as_str(), a.title.as_deref()))
            .collect();
        assert_eq!(got, [("表.xlsx", Some("统计表")), ("二.pdf", None)]);
        let parsed = parse(
            &site(),
            Path::new("content/a.md"),
            &format!("{head}发布机构: 区政府办公室\n个人信息:\n  - {{ 内容: \"0571-12345678\", 理由: 单位办公电话 }}\n---\n\n正文。\n"),
        )
        .expect("valid");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.document.personal_data[0].reason, "单位办公电话");
    }

    #[test]
    fn chinese_keys_are_accepted() {
        let d = doc("---\n标题: 通知\n索引号: 0101-03-2017-000525\n发布机构: 区政府办公室\n信息分类: 规划计划\n发文日期: 2017年7月18日\n文件编号: 川政办字〔2017〕89号\n有效性: 已废止\n主题词: 政务公开、工作要点\n---\n\n第一段。\n")
            .expect("valid");
        assert_eq!(d.title, "通知");
        assert_eq!(d.slug, "0101-03-2017-000525");
        assert_eq!(d.status, Validity::Repealed);
        assert_eq!(d.summary, "第一段。");
        assert_eq!(d.keywords, ["政务公开", "工作要点"]);
        assert_eq!(d.index_number_line, 3);
        assert!(d.is_published());
    }

    #[test]
    fn every_problem_in_a_file_is_reported() {
        let e = doc("---\ntitel: x\nindex_number: 1\nissuer: y\ncategory: 规化计划\ndate: 2017-02-30\nstatus: 作废\n---\n")
            .expect_err("invalid");
        let got: Vec<_> = e
            .iter()
            .map(|d| (d.line, d.field.clone().unwrap_or_default()))
            .collect();
        assert!(got.contains(&(Some(2), "titel".into())), "{e:#?}");
        // `titel` is the missing `title`: one mistake, reported once.
        assert!(!got.contains(&(Some(1), "title".into())), "{e:#?}");
        assert!(got.contains(&(Some(5), "category".into())), "{e:#?}");
        assert!(got.contains(&(Some(6), "date".into())), "{e:#?}");
        assert!(got.contains(&(Some(7), "status".into())), "{e:#?}");
        let typo = e
            .iter()
            .find(|d| d.field.as_deref() == Some("titel"))
            .expect("typo");
        assert_eq!(
            typo.hint.as_ref().map(Text::en).as_deref(),
            Some("did you mean `title`?")
        );
        let cat = e
            .iter()
            .find(|d| d.field.as_deref() == Some("category"))
            .expect("category");
        assert_eq!(
            cat.hint.as_ref().map(Text::en).as_deref(),
            Some("did you mean `规划计划`?")
        );
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(
            slug_from_index_number("0101-03-2017-000525"),
            "0101-03-2017-000525"
        );
        assert_eq!(
            slug_from_index_number("11440600MB2C/2017-00123"),
            "11440600mb2c-2017-00123"
        );
        assert_eq!(slug_from_index_number("临〔2017〕5号"), "2017-5");
        assert!(slug_from_index_number("索引").starts_with("doc-"));
        assert!(is_valid_slug("plan-2017"));
        assert!(!is_valid_slug("../x") && !is_valid_slug("A") && !is_valid_slug(".x"));
    }
}
