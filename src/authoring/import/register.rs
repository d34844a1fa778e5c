//! A metadata register kept in a spreadsheet (one row per document): CSV,
//! or xlsx / xls / ods read with calamine. The first row names the columns,
//! in Chinese or as the front-matter keys; a column naming the body's file
//! (正文 / 文件 / body) points at a saved page or Markdown file, relative to
//! the register.

use std::path::Path;

use calamine::{Data, Reader};

use crate::diagnostic::Diagnostic;

/// What a register's column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// A front-matter key.
    Field(&'static str),
    /// The body's file.
    Body,
}

/// Column headings as registers write them.
const HEADINGS: &[(&str, Column)] = &[
    ("标题", Column::Field("title")),
    ("信息标题", Column::Field("title")),
    ("名称", Column::Field("title")),
    ("title", Column::Field("title")),
    ("索引号", Column::Field("index_number")),
    ("index_number", Column::Field("index_number")),
    ("发布机构", Column::Field("issuer")),
    ("发文机关", Column::Field("issuer")),
    ("issuer", Column::Field("issuer")),
    ("文件编号", Column::Field("doc_number")),
    ("文号", Column::Field("doc_number")),
    ("发文字号", Column::Field("doc_number")),
    ("doc_number", Column::Field("doc_number")),
    ("信息分类", Column::Field("category")),
    ("分类", Column::Field("category")),
    ("category", Column::Field("category")),
    ("发文日期", Column::Field("date")),
    ("成文日期", Column::Field("date")),
    ("日期", Column::Field("date")),
    ("date", Column::Field("date")),
    ("公开方式", Column::Field("disclosure")),
    ("disclosure", Column::Field("disclosure")),
    ("有效性", Column::Field("status")),
    ("status", Column::Field("status")),
    ("内容概述", Column::Field("summary")),
    ("摘要", Column::Field("summary")),
    ("summary", Column::Field("summary")),
    ("主题词", Column::Field("keywords")),
    ("关键词", Column::Field("keywords")),
    ("keywords", Column::Field("keywords")),
    ("正文", Column::Body),
    ("正文文件", Column::Body),
    ("文件", Column::Body),
    ("body", Column::Body),
    ("file", Column::Body),
];

/// A register's rows as text, the first being the headings.
pub fn rows(path: &Path) -> Result<Vec<Vec<String>>, Diagnostic> {
    let ext = crate::content::attachment::extension(&path.to_string_lossy());
    if ext == "csv" {
        let bytes = std::fs::read(path)
            .map_err(|e| Diagnostic::error(path, crate::msg!("error.unreadable", error = e)))?;
        let text = super::read::decode(&bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        return reader
            .records()
            .enumerate()
            .map(|(i, r)| {
                r.map(|r| r.iter().map(super::read::clean).collect())
                    .map_err(|e| {
                        Diagnostic::error(path, crate::msg!("register.csv", error = e))
                            .at(u32::try_from(i + 1).unwrap_or(0))
                    })
            })
            .collect();
    }
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| {
        Diagnostic::error(path, crate::msg!("register.sheet", error = e))
            .hint(crate::msg!("register.sheet.hint"))
    })?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| Diagnostic::error(path, crate::msg!("register.no_sheet")))?
        .map_err(|e| Diagnostic::error(path, crate::msg!("register.first_sheet", error = e)))?;
    Ok(range.rows().map(|row| row.iter().map(cell).collect()).collect())
}

/// A cell as text; a date cell as YYYY-MM-DD.
pub(crate) fn cell(data: &Data) -> String {
    match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => super::read::clean(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            // Excel's day count from 1899-12-30.
            let days = d.as_f64().floor() as i64;
            chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(days)))
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        }
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// The meaning of each heading; unknown headings are reported.
pub fn columns(path: &Path, headings: &[String]) -> Result<Vec<Option<Column>>, Diagnostic> {
    let mut unknown = Vec::new();
    let columns: Vec<Option<Column>> = headings
        .iter()
        .map(|h| {
            let found = HEADINGS.iter().find(|(name, _)| name == h).map(|(_, c)| *c);
            if found.is_none() && !h.is_empty() {
                unknown.push(h.clone());
            }
            found
        })
        .collect();
    if !columns
        .iter()
        .any(|c| matches!(c, Some(Column::Field("title")) | Some(Column::Body)))
    {
        return Err(Diagnostic::error(path, crate::msg!("register.no_columns"))
            .at(1)
            .hint(crate::msg!("register.no_columns.hint")));
    }
    if !unknown.is_empty() {
        return Err(Diagnostic::error(
            path,
            crate::msg!("register.unknown_columns", names = unknown.join(", ")),
        )
        .at(1)
        .hint(crate::msg!("register.unknown_columns.hint")));
    }
    Ok(columns)
}
