//! `gongkai new-doc`: a new document with the next free 索引号 in the site's
//! pattern, its date (today unless given) and the required fields filled in.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::content::source;
use crate::diagnostic::Diagnostic;
use crate::site::config::{self, SiteConfig};
use crate::site::index_number::Values;

/// What the new document is.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// The category's name or code, e.g. `规划计划` or `03`.
    pub category: String,
    /// The title; a `TODO` placeholder (which `check` reports) when absent.
    pub title: Option<String>,
    /// The issuer; else site.yaml's `index_number.issuer`, else the only
    /// declared issuer.
    pub issuer: Option<String>,
    /// The document's date (any form `date` accepts); else today. The
    /// 索引号's year and month are taken from it.
    pub date: Option<String>,
    /// The 文件编号, when it has one.
    pub doc_number: Option<String>,
}

/// Creates the document under `content/` and returns its path relative to
/// `root`. Problems are about the request or site.yaml.
pub fn create(root: &Path, request: &Request, today: chrono::NaiveDate) -> Result<PathBuf, Vec<Diagnostic>> {
    let config = SiteConfig::load(root)?;
    let today = match request.date.as_deref().map(str::trim) {
        None | Some("") => today,
        Some(text) => crate::content::date::parse(text).map_err(|e| {
            vec![
                Diagnostic::error(
                    "--date",
                    crate::lang::Text::new("newdoc.date")
                        .arg("text", &text)
                        .nested("reason", &e.text()),
                )
                .hint(crate::msg!("newdoc.date.hint")),
            ]
        })?,
    };
    let problem = |field: &str, message: crate::lang::Text, hint: crate::lang::Text| {
        vec![
            Diagnostic::error(config::FILE_NAME, message)
                .field(field)
                .hint(hint),
        ]
    };
    let Some(numbering) = &config.index_number else {
        return Err(problem(
            "index_number",
            crate::msg!("newdoc.no_pattern"),
            crate::msg!("newdoc.no_pattern.hint"),
        ));
    };
    let Some(category) = config
        .category(request.category.trim())
        .map(|i| &config.categories[i])
    else {
        let known: Vec<String> = config
            .categories
            .iter()
            .map(|c| format!("{} ({})", c.name, c.code))
            .collect();
        return Err(problem(
            "categories",
            crate::msg!("newdoc.category", name = request.category),
            crate::msg!("hint.use_one_of", names = known.join("、")),
        ));
    };
    let issuer = request
        .issuer
        .clone()
        .or_else(|| numbering.issuer.clone())
        .or_else(|| match config.issuers.as_slice() {
            [only] => Some(only.name.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "TODO: 发布机构".to_owned());

    let values = Values {
        org: &numbering.org,
        category_code: &category.code,
        year: today.year(),
        month: today.month(),
    };
    // Every text under content/ counts, drafts and links included, so a
    // number is never given twice.
    let (files, _) = source::discover(root);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read(&f.abs_path).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    let mut seq = numbering
        .pattern
        .next_seq(&values, texts.iter().map(String::as_str));
    let content = root.join(crate::site::CONTENT_DIR);
    let io_problem = |path: &Path, e: std::io::Error| {
        vec![Diagnostic::error(path, crate::msg!("newdoc.create", error = e))]
    };
    loop {
        let number = numbering.pattern.format(&values, seq);
        let rel = Path::new(crate::site::CONTENT_DIR).join(format!("{}.md", file_stem(&number)));
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(root.join(&rel));
        match file {
            Ok(mut file) => {
                let text = front_matter(request, &number, &issuer, &category.name, today);
                file.write_all(text.as_bytes()).map_err(|e| io_problem(&rel, e))?;
                return Ok(rel);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => seq += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !content.exists() => {
                std::fs::create_dir_all(&content).map_err(|e| io_problem(&rel, e))?;
            }
            Err(e) => return Err(io_problem(&rel, e)),
        }
    }
}

/// The file name for an index number: characters that file systems or URLs
/// dislike become `-`.
pub(crate) fn file_stem(number: &str) -> String {
    number
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A YAML scalar: plain when that reads back as the same text, else quoted.
pub(crate) fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_〔〕（）·、".contains(c))
        && !text.chars().all(|c| c.is_ascii_digit() || c == '-')
        && !text.starts_with('-');
    if plain {
        text.to_owned()
    } else {
        serde_json::Value::String(text.to_owned()).to_string()
    }
}

fn front_matter(
    request: &Request,
    number: &str,
    issuer: &str,
    category: &str,
    today: chrono::NaiveDate,
) -> String {
    let title = request
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("TODO: 标题");
    format!(
        "---\n\
         title: {}\n\
         index_number: {}\n\
         issuer: {}\n\
         category: {}\n\
         date: {}\n\
         disclosure: 主动公开\n\
         status: 有效\n\
         {}\n\
         # summary: 内容概述（不写则取正文第一段）\n\
         # keywords: [主题词]\n\
         ---\n\n",
        scalar(title),
        scalar(number),
        scalar(issuer),
        scalar(category),
        today.format("%Y-%m-%d"),
        match request
            .doc_number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(number) => format!("doc_number: {}", scalar(number)),
            None => format!("# doc_number: 某政办发〔{}〕1号", today.year()),
        },
    )
}
