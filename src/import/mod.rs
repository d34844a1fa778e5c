//! `gongkai import`: documents from a legacy site's saved pages. Each page
//! ([`read`]: HTML or plain text) gives one Markdown document whose
//! front-matter holds what the page states ([`header`]) and whose body is
//! the page's text without its chrome ([`body`]). A field the page does not
//! state is taken from `--category` / `--issuer`, or left as a `TODO` value
//! that `gongkai check` reports: nothing is guessed silently, and the report
//! lists every field that was not filled and where each value came from
//! when that was not a label.

pub mod body;
pub mod header;
pub mod read;
pub mod register;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::config::SiteConfig;
use crate::diagnostic::Diagnostic;
use crate::document::Validity;
use header::Field;
use read::{Line, Page};

/// What to import and where.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The site folder (holding site.yaml).
    pub root: PathBuf,
    /// Saved pages, or folders of them (`.html`, `.htm`, `.txt`).
    pub inputs: Vec<PathBuf>,
    /// Where the documents go, relative to `root` (normally `content/`).
    pub into: PathBuf,
    /// The 信息分类 of pages that do not state one (name or code).
    pub category: Option<String>,
    /// The 发布机构 of pages that do not state one.
    pub issuer: Option<String>,
    /// Overwrite documents that exist.
    pub force: bool,
    /// A metadata register (.csv, .xlsx, .xls, .ods): one row per document,
    /// its values over what the body's page states.
    pub register: Option<PathBuf>,
}

/// One page imported (or not).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The page.
    pub page: PathBuf,
    /// The document written, relative to the site; `None` when it existed
    /// and `--force` was not given.
    pub document: Option<PathBuf>,
    /// Fields left as TODO, each with why.
    pub todo: Vec<String>,
    /// Where values came from when not from a label, and what was dropped.
    pub notes: Vec<String>,
}

/// A document made from a page, before it is written.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// Front-matter fields in order of the reference, as YAML values.
    pub fields: Vec<(&'static str, String)>,
    /// Fields left as TODO, with why.
    pub todo: Vec<String>,
    /// Provenance notes.
    pub notes: Vec<String>,
    /// The body, Markdown.
    pub body: String,
    /// Files the page links that exist beside it: (source, file name, title).
    pub attachments: Vec<(PathBuf, String, String)>,
    /// The index number (for the file name), when known.
    pub index_number: Option<String>,
}

/// How many lines from the top are searched for the header.
const HEADER_LINES: usize = 14;

/// Imports every page of `options.inputs`.
pub fn import(options: &Options) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let config = SiteConfig::load(&options.root)?;
    let mut problems = Vec::new();
    if let Some(category) = &options.category
        && config.category(category).is_none()
    {
        problems.push(
            Diagnostic::error(
                "--category",
                format!("`{category}` is not a category of this site"),
            )
            .hint("use a name or code declared under categories: in site.yaml"),
        );
    }
    let mut pages = Vec::new();
    for input in &options.inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
                .filter(|p| {
                    let ext = crate::attachment::extension(&p.to_string_lossy());
                    matches!(ext.as_str(), "html" | "htm" | "shtml" | "txt")
                })
                .collect();
            found.sort();
            pages.extend(found);
        } else if input.is_file() {
            pages.push(input.clone());
        } else {
            problems.push(Diagnostic::error(input, "no such file or folder"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut taken: Vec<(PathBuf, String)> = existing_texts(&options.root);
    let mut imported = Vec::new();
    for page_path in pages {
        let draft = draft_of_page(&page_path, &config, options)?;
        let name = page_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        imported.push(place(options, &config, draft, page_path, name, &mut taken)?);
    }
    if let Some(path) = &options.register {
        let rows = register::rows(path).map_err(|d| vec![d])?;
        let Some((headings, rows)) = rows.split_first() else {
            return Err(vec![Diagnostic::error(path, "the register is empty")]);
        };
        let columns = register::columns(path, headings).map_err(|d| vec![d])?;
        let dir = path.parent().unwrap_or(Path::new("."));
        for (n, row) in rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        {
            let line = n + 2;
            let body = columns
                .iter()
                .zip(row)
                .find(|(c, v)| **c == Some(register::Column::Body) && !v.is_empty())
                .map(|(_, v)| dir.join(v));
            let mut draft = match &body {
                Some(file) if file.is_file() => draft_of_page(file, &config, options)?,
                Some(file) => {
                    let mut draft = Draft::default();
                    draft
                        .notes
                        .push(format!("body: {} does not exist", file.display()));
                    draft
                }
                None => Draft::default(),
            };
            for (column, value) in columns.iter().zip(row) {
                if let (Some(register::Column::Field(key)), false) = (column, value.is_empty()) {
                    draft.set_from_register(key, value, &config);
                }
            }
            for key in ["title", "issuer", "category", "date"] {
                if !draft.fields.iter().any(|(k, _)| *k == key) {
                    draft.todo_field(key, format!("row {line} of the register has no value"));
                }
            }
            if !draft.fields.iter().any(|(k, _)| *k == "index_number") {
                draft.fields.push(("index_number", String::new()));
            }
            draft.sort_fields();
            let origin = PathBuf::from(format!("{}:{line}", path.display()));
            let name = format!(
                "{}-{line}",
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            );
            imported.push(place(options, &config, draft, origin, name, &mut taken)?);
        }
    }
    Ok(imported)
}

/// A page read, decoded and turned into a draft with its attachments.
fn draft_of_page(page_path: &Path, config: &SiteConfig, options: &Options) -> Result<Draft, Vec<Diagnostic>> {
    let bytes = std::fs::read(page_path)
        .map_err(|e| vec![Diagnostic::error(page_path, format!("cannot read: {e}"))])?;
    let text = read::decode(&bytes);
    if crate::attachment::extension(&page_path.to_string_lossy()) == "md" {
        // Already Markdown (a register's body file): taken as the body.
        let body = crate::frontmatter::split(page_path, &text)
            .map_or(text.as_str(), |s| s.body)
            .to_owned();
        return Ok(Draft {
            body: body.trim_start_matches('\n').to_owned(),
            ..Draft::default()
        });
    }
    let page = if read::is_html(&text) {
        read::html_page(&text)
    } else {
        read::text_page(&text)
    };
    let mut draft = extract(&page, config, options);
    find_attachments(&page, page_path, &mut draft);
    Ok(draft)
}

/// Numbers a draft when it has no 索引号 and writes it with its
/// attachments, unless the document exists and `--force` was not given.
fn place(
    options: &Options,
    config: &SiteConfig,
    mut draft: Draft,
    origin: PathBuf,
    fallback_name: String,
    taken: &mut Vec<(PathBuf, String)>,
) -> Result<Imported, Vec<Diagnostic>> {
    // A page imported before: its document is the one to keep or replace,
    // with the 索引号 it was given.
    let origin_line = origin_line(&origin);
    let earlier = taken
        .iter()
        .find(|(_, text)| text.lines().take(3).any(|l| l == origin_line))
        .map(|(path, text)| (path.clone(), text.clone()));
    if draft.index_number.is_none() {
        let earlier_number = earlier.as_ref().and_then(|(_, text)| {
            text.lines()
                .find_map(|l| l.strip_prefix("index_number: "))
                .map(|v| v.trim().trim_matches('"').to_owned())
                .filter(|v| !v.starts_with("TODO"))
        });
        match earlier_number {
            Some(number) => {
                if let Some(slot) = draft.fields.iter_mut().find(|(k, _)| *k == "index_number") {
                    slot.1 = scalar(&number);
                }
                draft.index_number = Some(number);
            }
            None => {
                let texts: Vec<&str> = taken.iter().map(|(_, t)| t.as_str()).collect();
                assign_index_number(config, &mut draft, &texts);
            }
        }
    }
    let stem = draft
        .index_number
        .as_deref()
        .map(crate::new_doc::file_stem)
        .unwrap_or(fallback_name);
    let rel = match &earlier {
        Some((path, _)) if path.starts_with(&options.into) => path.clone(),
        _ => options.into.join(format!("{stem}.md")),
    };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(stem);
    let abs = options.root.join(&rel);
    if (abs.exists() || earlier.is_some()) && !options.force {
        return Ok(Imported {
            page: origin,
            document: None,
            todo: Vec::new(),
            notes: vec![format!("{} exists: not overwritten (use --force)", rel.display())],
        });
    }
    let text = write_out(&draft, &stem, &origin_line);
    let io = |e: std::io::Error| vec![Diagnostic::error(&rel, format!("cannot write: {e}"))];
    if let Some(parent) = abs.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    for (source, name, _) in &draft.attachments {
        let folder = abs.with_file_name(&stem);
        std::fs::create_dir_all(&folder).map_err(io)?;
        std::fs::copy(source, folder.join(name)).map_err(io)?;
    }
    std::fs::write(&abs, &text).map_err(io)?;
    taken.retain(|(path, _)| *path != rel);
    taken.push((rel.clone(), text));
    Ok(Imported {
        page: origin,
        document: Some(rel),
        todo: draft.todo,
        notes: draft.notes,
    })
}

/// The front-matter keys in the order documents are written.
const ORDER: &[&str] = &[
    "title",
    "index_number",
    "issuer",
    "doc_number",
    "category",
    "date",
    "disclosure",
    "status",
    "summary",
    "keywords",
];

impl Draft {
    /// Leaves `key` as a TODO value with why.
    fn todo_field(&mut self, key: &'static str, why: String) {
        self.todo.push(format!("{key}: {why}"));
        self.fields.push((key, format!("\"TODO: {why}\"")));
    }

    /// Writes `key` with `value`, or as a TODO saying why there is none.
    fn fill(&mut self, key: &'static str, value: Option<String>, why: &str) {
        match value {
            Some(value) => self.fields.push((key, value)),
            None => self.todo_field(key, why.to_owned()),
        }
    }

    /// Sets `key` from a register's cell, over what the page stated.
    fn set_from_register(&mut self, key: &'static str, value: &str, config: &SiteConfig) {
        self.fields.retain(|(k, _)| *k != key);
        self.todo.retain(|t| !t.starts_with(&format!("{key}:")));
        self.notes.retain(|t| !t.starts_with(&format!("{key}:")));
        let yaml = match key {
            "date" => match header::date(value) {
                Some(d) => d.format("%Y-%m-%d").to_string(),
                None => {
                    return self.todo_field(key, format!("the register's 发文日期 `{value}` is not a date"));
                }
            },
            "category" => match config.category(value) {
                Some(i) => scalar(&config.categories[i].name),
                None => {
                    return self.todo_field(
                        key,
                        format!("the register's 信息分类 `{value}` is not a category of this site"),
                    );
                }
            },
            "keywords" => {
                let words: Vec<String> = value
                    .split([',', '，', '、', ';', '；', ' '])
                    .filter(|w| !w.is_empty())
                    .map(scalar)
                    .collect();
                format!("[{}]", words.join(", "))
            }
            "index_number" => {
                self.index_number = Some(value.to_owned());
                scalar(value)
            }
            _ => scalar(value),
        };
        self.fields.push((key, yaml));
    }

    fn sort_fields(&mut self) {
        self.fields
            .sort_by_key(|(k, _)| ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()));
    }
}

/// Every document under content/ (path relative to the site, text): an
/// assigned 索引号 must be new, and a page imported before is found by the
/// `# imported from:` line its document carries.
fn existing_texts(root: &Path) -> Vec<(PathBuf, String)> {
    let (files, _) = crate::source::discover(root);
    files
        .iter()
        .filter_map(|f| {
            Some((
                f.rel_path.clone(),
                String::from_utf8_lossy(&std::fs::read(&f.abs_path).ok()?).into_owned(),
            ))
        })
        .collect()
}

/// The line that records where a document was imported from.
fn origin_line(origin: &Path) -> String {
    let shown = origin.canonicalize().unwrap_or_else(|_| origin.to_path_buf());
    format!("# imported from: {}", shown.display())
}

/// A page's fields and body.
pub fn extract(page: &Page, config: &SiteConfig, options: &Options) -> Draft {
    let mut draft = Draft::default();
    let mut stated: BTreeMap<Field, String> = BTreeMap::new();
    // The page without its chrome and footer; header lines taken out.
    let mut rest: Vec<Line> = Vec::new();
    let mut label_line_at: Option<usize> = None;
    let mut pending_summary = false;
    let mut seen = 0;
    for line in &page.lines {
        // A metadata table (索引号 | 0101-… | 公开方式 | 主动公开): its rows
        // are read like labelled lines.
        if let Line::Row(cells) = line
            && seen <= HEADER_LINES
        {
            let joined = cells.join(" ");
            let fields = header::labelled(&joined);
            if !fields.is_empty()
                && joined.starts_with(|c: char| !c.is_ascii_digit())
                && fields.len() * 2 >= cells.len()
            {
                label_line_at.get_or_insert(rest.len());
                for (field, value) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
                    stated.entry(field).or_insert(value);
                }
                continue;
            }
        }
        let Some(text) = header::text(line) else {
            rest.push(line.clone());
            continue;
        };
        if seen > 3 && header::starts_footer(text) {
            break;
        }
        if header::is_chrome(text) {
            continue;
        }
        seen += 1;
        if pending_summary {
            pending_summary = false;
            stated.entry(Field::Summary).or_insert_with(|| text.to_owned());
            continue;
        }
        if seen <= HEADER_LINES {
            let fields = header::labelled(text);
            if !fields.is_empty() && (text.chars().count() < 120) {
                label_line_at.get_or_insert(rest.len());
                for (field, value) in fields {
                    if value.is_empty() && field == Field::Summary {
                        pending_summary = true;
                    } else if !value.is_empty() {
                        stated.entry(field).or_insert(value);
                    }
                }
                continue;
            }
        }
        rest.push(line.clone());
    }
    for (name, field) in [
        ("articletitle", Field::Title),
        ("pubdate", Field::Published),
        ("contentsource", Field::Source),
    ] {
        if let Some((_, value)) = page.meta.iter().find(|(n, v)| n == name && !v.is_empty()) {
            stated.entry(field).or_insert_with(|| value.clone());
        }
    }

    // Title: the 信息标题 label, else a 关于…通知 line near the top (joined
    // when a line break split it), else the page's headline.
    let top: Vec<(usize, String)> = rest
        .iter()
        .enumerate()
        .take(10)
        .filter_map(|(i, l)| header::text(l).map(|t| (i, t.to_owned())))
        .collect();
    let mut doc_number = stated.remove(&Field::DocNumber);
    let mut title_lines: Vec<usize> = Vec::new();
    let title = stated.remove(&Field::Title).or_else(|| {
        for (k, (i, line)) in top.iter().enumerate() {
            let (number, line) = split_doc_number(line);
            if !line.contains("关于") {
                continue;
            }
            if header::is_title_like(line) {
                if let (Some(n), None) = (number, &doc_number) {
                    doc_number = Some(n);
                }
                title_lines.push(*i);
                return Some(line.to_owned());
            }
            if let Some((j, next)) = top.get(k + 1)
                && header::is_title_like(&format!("{line}{next}"))
            {
                title_lines.extend([*i, *j]);
                return Some(format!("{line}{next}"));
            }
        }
        None
    });
    let title = title.or_else(|| {
        let headline = label_line_at
            .and_then(|at| top.iter().find(|(i, _)| *i < at))
            .cloned();
        headline.map(|(i, t)| {
            title_lines.push(i);
            draft.notes.push("title: the page's headline".to_owned());
            t
        })
    });
    let title = title.or_else(|| {
        page.title
            .clone()
            .inspect(|_| draft.notes.push("title: the page's <title>".to_owned()))
    });
    // Lines above the title (the red header), the title, its repeats and
    // the 文号 line belong to the header.
    let mut dropped: Vec<usize> = Vec::new();
    if let Some(last) = title_lines.iter().max() {
        dropped.extend(top.iter().map(|(i, _)| *i).filter(|i| i <= last));
    }
    for (i, line) in &top {
        let repeat = title.as_ref().is_some_and(|t| {
            let n = line.chars().count();
            (line == t || (n >= 6 && t.ends_with(line.as_str()))) && !dropped.contains(i)
        });
        if repeat && dropped.len() <= *i + 3 {
            dropped.push(*i);
        }
        if header::is_doc_number(line) {
            doc_number.get_or_insert_with(|| line.clone());
            dropped.push(*i);
        }
    }
    let rest: Vec<Line> = rest
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, l)| l)
        .collect();

    // The signature: an organisation's name over a date.
    let mut signature: Option<(Option<String>, chrono::NaiveDate)> = None;
    for pair in rest.windows(2) {
        let (Some(above), Some(below)) = (header::text(&pair[0]), header::text(&pair[1])) else {
            continue;
        };
        let Some(date) = (below.chars().count() <= 12)
            .then(|| header::date(below))
            .flatten()
        else {
            continue;
        };
        let name = above
            .trim_start_matches("(此件公开发布)")
            .trim_start_matches("（此件公开发布）")
            .trim();
        if header::is_organisation(name) {
            signature = Some((Some(name.to_owned()), date));
            break;
        }
        if name.contains('\u{FFFD}') {
            draft
                .notes
                .push(format!("signature damaged on the page: `{name}`"));
            signature = Some((None, date));
            break;
        }
    }

    // The front-matter, in the reference's order.
    draft.fill("title", title.map(|t| scalar(&t)), "the page states no title");
    match stated.remove(&Field::IndexNumber) {
        Some(n) => {
            draft.index_number = Some(n.clone());
            draft.fields.push(("index_number", scalar(&n)));
        }
        None => draft.fields.push(("index_number", String::new())), // filled by assign_index_number
    }
    let source = stated.remove(&Field::Source).filter(|s| {
        let org_like = header::is_organisation(s) || s.ends_with("政府办") || s.ends_with('办');
        org_like && !s.contains('网') && !s.contains("www")
    });
    let issuer = stated
        .remove(&Field::Issuer)
        .or_else(|| source.inspect(|_| draft.notes.push("issuer: the page's 信息来源".into())))
        .or_else(|| {
            signature
                .as_ref()
                .and_then(|(name, _)| name.clone())
                .inspect(|_| draft.notes.push("issuer: the signature (落款)".into()))
        })
        .or_else(|| {
            options
                .issuer
                .clone()
                .inspect(|_| draft.notes.push("issuer: --issuer".into()))
        });
    draft.fill(
        "issuer",
        issuer.map(|i| scalar(&i)),
        "the page states no 发布机构 (give --issuer)",
    );
    if let Some(n) = doc_number {
        draft.fields.push(("doc_number", scalar(&n)));
    }
    let category = stated
        .remove(&Field::Category)
        .and_then(|c| match config.category(&c) {
            Some(i) => Some(config.categories[i].name.clone()),
            None => {
                draft.notes.push(format!(
                    "category: the page's 信息分类 `{c}` is not a category of this site"
                ));
                None
            }
        })
        .or_else(|| {
            options
                .category
                .as_deref()
                .and_then(|c| config.category(c))
                .map(|i| config.categories[i].name.clone())
                .inspect(|_| draft.notes.push("category: --category".into()))
        });
    draft.fill(
        "category",
        category.map(|c| scalar(&c)),
        "the page states no 信息分类 of this site (give --category)",
    );
    let stated_date = stated.remove(&Field::Date).and_then(|d| header::date(&d));
    let published = stated.remove(&Field::Published).and_then(|d| header::date(&d));
    let date = stated_date
        .or_else(|| {
            signature
                .as_ref()
                .map(|(_, d)| *d)
                .inspect(|_| draft.notes.push("date: the signature's date (落款日期)".into()))
        })
        .or_else(|| {
            published.inspect(|_| {
                draft
                    .notes
                    .push("date: the page's 发布日期 (the day it was put online)".into())
            })
        });
    draft.fill(
        "date",
        date.map(|d| d.format("%Y-%m-%d").to_string()),
        "the page states no date",
    );
    if let Some(d) = stated.remove(&Field::Disclosure).filter(|d| d.ends_with("公开")) {
        draft.fields.push(("disclosure", scalar(&d)));
    }
    if let Some(s) = stated.remove(&Field::Status) {
        match Validity::ALL.iter().find(|v| v.label() == s) {
            Some(v) => draft.fields.push(("status", v.label().to_owned())),
            None => draft.notes.push(format!(
                "status: the page's 有效性 `{s}` is not one of 有效、已修改、已废止、已失效"
            )),
        }
    }
    let title_text = draft.fields.first().map(|(_, t)| t.clone()).unwrap_or_default();
    if let Some(s) = stated.remove(&Field::Summary).filter(|s| scalar(s) != title_text) {
        draft.fields.push(("summary", scalar(&s)));
    }
    if let Some(k) = stated.remove(&Field::Keywords) {
        let words: Vec<String> = k
            .split([',', '，', '、', ';', '；', ' '])
            .filter(|w| !w.is_empty())
            .map(scalar)
            .collect();
        if !words.is_empty() {
            draft.fields.push(("keywords", format!("[{}]", words.join(", "))));
        }
    }

    // The body: an empty 附件 line dropped, damaged characters removed,
    // ASCII punctuation inside Chinese text made full-width.
    let mut damaged = 0;
    let rest: Vec<Line> = rest
        .into_iter()
        .filter(|l| !matches!(header::text(l), Some("附件:" | "附件：" | "附件")))
        .map(|l| {
            let fix = |t: &str, damaged: &mut usize| {
                *damaged += t.matches('\u{FFFD}').count();
                full_width(&t.replace('\u{FFFD}', ""))
            };
            match l {
                Line::Text(t) => Line::Text(fix(&t, &mut damaged)),
                Line::Heading(n, t) => Line::Heading(n, fix(&t, &mut damaged)),
                Line::Row(cells) => Line::Row(cells.iter().map(|c| fix(c, &mut damaged)).collect()),
                Line::TableEnd => Line::TableEnd,
            }
        })
        .filter(|l| header::text(l).is_none_or(|t| !t.is_empty()))
        .collect();
    if damaged > 0 {
        draft
            .notes
            .push(format!("body: {damaged} damaged character(s) (U+FFFD) removed"));
    }
    draft.body = body::markdown(&rest);
    draft
}

/// `南政办发〔2021〕14号关于印发…的通知` → the number and the title.
fn split_doc_number(line: &str) -> (Option<String>, &str) {
    if let Some(end) = line.find('号') {
        let (number, title) = line.split_at(end + '号'.len_utf8());
        if header::is_doc_number(number) && !title.is_empty() {
            return (Some(number.to_owned()), title);
        }
    }
    (None, line)
}

/// `,` `:` `;` `(` `)` `?` `!` next to Chinese text as their full-width forms,
/// as the documents were written (text copies of pages often lose them).
fn full_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: Option<&char>| {
        c.is_some_and(|c| {
            crate::search::tokenizer::is_han(*c)
                || ('\u{3000}'..='\u{303F}').contains(c)
                || ('\u{FF00}'..='\u{FFEF}').contains(c)
                || matches!(c, '“' | '”' | '‘' | '’' | '《' | '》')
        })
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let near = cjk(i.checked_sub(1).and_then(|p| chars.get(p))) || cjk(chars.get(i + 1));
            match (c, near) {
                (',', true) => '，',
                (':', true) => '：',
                (';', true) => '；',
                ('(', true) => '（',
                (')', true) => '）',
                ('?', true) => '？',
                ('!', true) => '！',
                (c, _) => *c,
            }
        })
        .collect()
}

/// Files the page links that exist beside it, as attachments.
fn find_attachments(page: &Page, page_path: &Path, draft: &mut Draft) {
    let dir = page_path.parent().unwrap_or(Path::new("."));
    for (text, href) in &page.links {
        let ext = crate::attachment::extension(href);
        if !crate::attachment::DEFAULT_TYPES.contains(&ext.as_str())
            || crate::markdown::scheme(href).is_some()
        {
            continue;
        }
        let decoded = percent_encoding::percent_decode_str(href.split(['?', '#']).next().unwrap_or(href))
            .decode_utf8_lossy()
            .into_owned();
        let source = dir.join(decoded.trim_start_matches('/'));
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if source.is_file() && !name.is_empty() && !draft.attachments.iter().any(|(_, n, _)| *n == name) {
            let title = if text.is_empty() {
                name.clone()
            } else {
                text.clone()
            };
            draft.attachments.push((source, name, title));
        } else if !source.is_file() {
            draft.notes.push(format!(
                "attachment `{href}` is linked but not on disk: not copied"
            ));
        }
    }
}

/// A new 索引号 in site.yaml's pattern for a page that states none.
fn assign_index_number(config: &SiteConfig, draft: &mut Draft, taken: &[&str]) {
    let field = |key: &str| {
        draft
            .fields
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    };
    let category = field("category").and_then(|c| config.category(c.trim_matches('"')));
    let year = field("date").and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let slot = draft.fields.iter().position(|(k, _)| *k == "index_number");
    let value = match (&config.index_number, category, year) {
        (Some(numbering), Some(c), Some(date)) => {
            let values = crate::index_number::Values {
                org: &numbering.org,
                category_code: &config.categories[c].code,
                year: date.year(),
                month: date.month(),
            };
            let seq = numbering.pattern.next_seq(&values, taken.iter().copied());
            let number = numbering.pattern.format(&values, seq);
            draft.notes.push(
                "index_number: the page states none; assigned from site.yaml's index_number pattern".into(),
            );
            draft.index_number = Some(number.clone());
            scalar(&number)
        }
        _ => {
            let why = "the page states no 索引号 (site.yaml's index_number pattern, a category and a date would assign one)";
            draft.todo.push(format!("index_number: {why}"));
            format!("\"TODO: {why}\"")
        }
    };
    if let Some(slot) = slot {
        draft.fields[slot].1 = value;
    }
}

fn scalar(text: &str) -> String {
    crate::new_doc::scalar(text)
}

/// The document's text.
fn write_out(draft: &Draft, stem: &str, origin_line: &str) -> String {
    let mut out = format!("---\n{origin_line}\n");
    for (key, value) in &draft.fields {
        out.push_str(&format!("{key}: {value}\n"));
    }
    if !draft.attachments.is_empty() {
        out.push_str("attachments:\n");
        for (_, name, title) in &draft.attachments {
            out.push_str(&format!(
                "  - {{ path: {}, title: {} }}\n",
                scalar(&format!("{stem}/{name}")),
                scalar(title)
            ));
        }
    }
    out.push_str("---\n\n");
    out.push_str(&draft.body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SiteConfig {
        SiteConfig::parse("title: 测试\ncategories:\n  - { code: \"03\", name: 规划计划 }\n")
            .expect("site.yaml")
    }

    fn field<'d>(draft: &'d Draft, key: &str) -> Option<&'d str> {
        draft
            .fields
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn a_text_page_gives_its_fields_and_a_clean_body() {
        let page = read::text_page(
            "当前位置:首页 > 政务公开 > 通知\n某县政办发〔2022〕3号\n关于做好某项工作的通知\n发布时间:2022-03-02 10:00 | 来源:某县政府网\n\
             各乡镇人民政府:\n现将有关事项通知如下(请遵照执行)。\n一、工作要求\n数据见表\u{FFFD}。\n\
             (此件公开发布)    某县人民政府办公室\n2022年3月1日\n责任编辑:李四\n鲁ICP备05024477号\n",
        );
        let draft = extract(&page, &config(), &Options::default());
        assert_eq!(field(&draft, "title"), Some("关于做好某项工作的通知"));
        assert_eq!(field(&draft, "doc_number"), Some("某县政办发〔2022〕3号"));
        assert_eq!(
            field(&draft, "issuer"),
            Some("某县人民政府办公室"),
            "the signature, not the portal"
        );
        assert_eq!(
            field(&draft, "date"),
            Some("2022-03-01"),
            "the signature's date, not the page's"
        );
        assert!(field(&draft, "category").is_some_and(|c| c.starts_with("\"TODO:")));
        assert_eq!(
            draft.body,
            "各乡镇人民政府：\n\n现将有关事项通知如下（请遵照执行）。\n\n## 一、工作要求\n\n数据见表。\n\n（此件公开发布） 某县人民政府办公室\n\n2022年3月1日\n"
        );
        assert!(
            draft.notes.iter().any(|n| n.contains("1 damaged character")),
            "{:?}",
            draft.notes
        );
        let draft = extract(
            &page,
            &config(),
            &Options {
                category: Some("03".into()),
                ..Options::default()
            },
        );
        assert_eq!(field(&draft, "category"), Some("规划计划"));
        assert!(draft.todo.is_empty(), "{:?}", draft.todo);
    }
}
