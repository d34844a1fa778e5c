//! `gongkai import`: documents from a legacy site's saved pages. Each page
//! ([`read`]: HTML or plain text) gives one Markdown document whose
//! front-matter holds what the page states ([`header`]) and whose body is
//! the page's text without its chrome ([`body`]). A field the page does not
//! state is taken from `--category` / `--issuer`, or left as a `TODO` value
//! that `gongkai check` reports: nothing is guessed silently, and the report
//! lists every field that was not filled and where each value came from
//! when that was not a label.

pub mod body;
mod extract;
pub mod header;
pub mod read;
pub mod register;

pub use extract::extract;

use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::diagnostic::Diagnostic;
use crate::lang::{Lang, Text};
use crate::msg;
use crate::site::config::SiteConfig;
use read::Page;

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
    /// The language of the notes and of the TODOs written into documents.
    pub lang: Lang,
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
    /// The language of notes and TODOs.
    pub lang: Lang,
}

/// Imports every page of `options.inputs`.
pub fn import(options: &Options) -> Result<Vec<Imported>, Vec<Diagnostic>> {
    let config = SiteConfig::load(&options.root)?;
    let mut problems = Vec::new();
    if let Some(category) = &options.category
        && config.category(category).is_none()
    {
        problems.push(
            Diagnostic::error("--category", crate::msg!("import.category", name = category))
                .hint(crate::msg!("import.category.hint")),
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
                    let ext = crate::content::attachment::extension(&p.to_string_lossy());
                    matches!(ext.as_str(), "html" | "htm" | "shtml" | "txt")
                })
                .collect();
            found.sort();
            pages.extend(found);
        } else if input.is_file() {
            pages.push(input.clone());
        } else {
            problems.push(Diagnostic::error(input, crate::msg!("import.no_input")));
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
            return Err(vec![Diagnostic::error(
                path,
                crate::msg!("import.empty_register"),
            )]);
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
                    let mut draft = Draft::new(options.lang);
                    draft.note("body", msg!("attachment.missing", file = file.display()));
                    draft
                }
                None => Draft::new(options.lang),
            };
            for (column, value) in columns.iter().zip(row) {
                if let (Some(register::Column::Field(key)), false) = (column, value.is_empty()) {
                    draft.set_from_register(key, value, &config);
                }
            }
            for key in ["title", "issuer", "category", "date"] {
                if !draft.fields.iter().any(|(k, _)| *k == key) {
                    draft.todo_field(key, msg!("import.row_empty", line = line));
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
    let bytes = std::fs::read(page_path).map_err(|e| {
        vec![Diagnostic::error(
            page_path,
            crate::msg!("error.unreadable", error = e),
        )]
    })?;
    let text = read::decode(&bytes);
    if crate::content::attachment::extension(&page_path.to_string_lossy()) == "md" {
        // Already Markdown (a register's body file): taken as the body.
        let body = crate::content::frontmatter::split(page_path, &text)
            .map_or(text.as_str(), |s| s.body)
            .to_owned();
        return Ok(Draft {
            body: body.trim_start_matches('\n').to_owned(),
            ..Draft::new(options.lang)
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
        .map(crate::authoring::new_doc::file_stem)
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
        // Imported before: fill what is still TODO there, keep every edit.
        let existing = match &earlier {
            Some((_, text)) => Some(text.clone()),
            None => std::fs::read_to_string(&abs).ok(),
        };
        let Some(existing) = existing else {
            return Ok(Imported {
                page: origin,
                document: None,
                todo: Vec::new(),
                notes: vec![msg!("import.exists", file = rel.display()).get(options.lang)],
            });
        };
        let (merged, filled, still) = fill_todos(&existing, &draft);
        let mut notes = Vec::new();
        if filled.is_empty() {
            notes.push(msg!("import.kept", file = rel.display()).get(options.lang));
        } else {
            std::fs::write(&abs, &merged).map_err(|e| {
                vec![Diagnostic::error(
                    &rel,
                    crate::msg!("error.unwritable", error = e),
                )]
            })?;
            taken.retain(|(path, _)| *path != rel);
            taken.push((rel.clone(), merged));
            notes.push(
                msg!("import.filled", file = rel.display(), keys = filled.join(", ")).get(options.lang),
            );
        }
        return Ok(Imported {
            page: origin,
            document: Some(rel),
            todo: still,
            notes,
        });
    }
    let text = write_out(&draft, &stem, &origin_line);
    let io = |e: std::io::Error| {
        vec![Diagnostic::error(
            &rel,
            crate::msg!("error.unwritable", error = e),
        )]
    };
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
    /// An empty draft whose notes and TODOs are in `lang`.
    fn new(lang: Lang) -> Draft {
        Draft {
            lang,
            ..Draft::default()
        }
    }

    /// Notes where `key`'s value came from (or what happened to it).
    fn note(&mut self, key: &str, text: Text) {
        self.notes.push(format!("{key}: {}", text.get(self.lang)));
    }

    /// Leaves `key` as a TODO value with why.
    fn todo_field(&mut self, key: &'static str, why: Text) {
        let why = why.get(self.lang);
        self.todo.push(format!("{key}: {why}"));
        self.fields
            .push((key, format!("\"TODO: {}\"", why.replace('"', "'"))));
    }

    /// Writes `key` with `value`, or as a TODO saying why there is none.
    fn fill(&mut self, key: &'static str, value: Option<String>, why: Text) {
        match value {
            Some(value) => self.fields.push((key, value)),
            None => self.todo_field(key, why),
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
                    return self.todo_field(key, msg!("import.register_date", value = value));
                }
            },
            "category" => match config.category(value) {
                Some(i) => scalar(&config.categories[i].name),
                None => {
                    return self.todo_field(key, msg!("import.register_category", value = value));
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
            "disclosure" => match disclosure(value) {
                Some(d) => d.to_owned(),
                None => {
                    return self.todo_field(key, msg!("import.register_disclosure", value = value));
                }
            },
            "status" => match validity(value) {
                Some(v) => v.to_owned(),
                None => {
                    return self.todo_field(key, msg!("import.register_status", value = value));
                }
            },
            _ => scalar(value),
        };
        self.fields.push((key, yaml));
    }

    fn sort_fields(&mut self) {
        self.fields
            .sort_by_key(|(k, _)| ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()));
    }
}

/// A stated 公开方式 as the site writes it: the known spellings normalised
/// (依申请, 依申请提供, 依申请公开。 → 依申请公开; 不予公开（涉及国家秘密） →
/// 不予公开); None for anything else, which the caller leaves as a TODO that
/// fails the build until a person writes it. An import never turns a stated
/// value into 主动公开 by default.
pub(crate) fn disclosure(stated: &str) -> Option<&'static str> {
    let text: String = stated.chars().filter(|c| !c.is_whitespace()).collect();
    // A reason in brackets or after a colon; a closing full stop.
    let core = text
        .split(['（', '(', '：', ':'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(['。', '.', '；', ';', '，', ',', '、']);
    match core {
        "主动公开" => Some("主动公开"),
        "依申请公开" | "依申请" | "依申请提供" | "依申请公开提供" => Some("依申请公开"),
        "不予公开" | "不公开" | "免予公开" => Some("不予公开"),
        _ => None,
    }
}

/// A stated 有效性 as the site writes it (现行有效 → 有效, 废止 → 已废止 …);
/// None for anything else (left as a TODO).
pub(crate) fn validity(stated: &str) -> Option<&'static str> {
    let text: String = stated.chars().filter(|c| !c.is_whitespace()).collect();
    match text.trim_end_matches(['。', '.']) {
        "有效" | "现行有效" | "继续有效" => Some("有效"),
        "已修改" | "修改" | "已修订" | "修订" => Some("已修改"),
        "已废止" | "废止" => Some("已废止"),
        "已失效" | "失效" => Some("已失效"),
        _ => None,
    }
}

/// Every document under content/ (path relative to the site, text): an
/// assigned 索引号 must be new, and a page imported before is found by the
/// `# imported from:` line its document carries.
fn existing_texts(root: &Path) -> Vec<(PathBuf, String)> {
    let (files, _) = crate::content::source::discover(root);
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

/// Files the page links that exist beside it, as attachments.
fn find_attachments(page: &Page, page_path: &Path, draft: &mut Draft) {
    let dir = page_path.parent().unwrap_or(Path::new("."));
    for (text, href) in &page.links {
        let ext = crate::content::attachment::extension(href);
        if !crate::site::config::DEFAULT_TYPES.contains(&ext.as_str())
            || crate::content::url::scheme(href).is_some()
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
            let note = msg!("import.attachment_missing", href = href).get(draft.lang);
            draft.notes.push(note);
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
            let values = crate::site::index_number::Values {
                org: &numbering.org,
                category_code: &config.categories[c].code,
                year: date.year(),
                month: date.month(),
            };
            let seq = numbering.pattern.next_seq(&values, taken.iter().copied());
            let number = numbering.pattern.format(&values, seq);
            draft.note("index_number", msg!("import.index_assigned"));
            draft.index_number = Some(number.clone());
            scalar(&number)
        }
        _ => {
            let why = msg!("import.no_index").get(draft.lang);
            draft.todo.push(format!("index_number: {why}"));
            format!("\"TODO: {why}\"")
        }
    };
    if let Some(slot) = slot {
        draft.fields[slot].1 = value;
    }
}

fn scalar(text: &str) -> String {
    crate::authoring::new_doc::scalar(text)
}

/// The document's text.
/// `existing` (a document imported before, perhaps edited since) with each
/// front-matter value that is still a TODO replaced by what `draft` found
/// for it; every other line as it is. Returns the text, the keys filled and
/// the TODOs left (as `key: why`).
fn fill_todos(existing: &str, draft: &Draft) -> (String, Vec<&'static str>, Vec<String>) {
    let spec_of = |written: &str| {
        crate::content::document::FIELDS
            .iter()
            .find(|f| f.key == written || f.aliases.contains(&written))
    };
    let mut out = String::with_capacity(existing.len() + 64);
    let mut filled = Vec::new();
    let mut still = Vec::new();
    let mut fences = 0;
    for line in existing.split_inclusive('\n') {
        if line.trim_end() == "---" {
            fences += 1;
        }
        let in_front_matter = fences == 1 && !line.starts_with([' ', '\t', '#', '-']);
        let todo = in_front_matter
            .then(|| line.split_once(':'))
            .flatten()
            .filter(|(_, value)| value.trim().trim_matches(['"', '\'']).starts_with("TODO"));
        let Some((key, value)) = todo else {
            out.push_str(line);
            continue;
        };
        let found = spec_of(key.trim()).and_then(|spec| {
            draft
                .fields
                .iter()
                .find(|(k, v)| *k == spec.key && !v.trim_matches(['"', '\'']).starts_with("TODO"))
                .map(|(k, v)| (*k, v))
        });
        match found {
            Some((k, v)) => {
                out.push_str(&format!("{}: {v}\n", key.trim_end()));
                filled.push(k);
            }
            None => {
                out.push_str(line);
                still.push(format!(
                    "{}: {}",
                    key.trim(),
                    value.trim().trim_matches(['"', '\''])
                ));
            }
        }
    }
    (out, filled, still)
}

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
