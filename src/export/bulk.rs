//! The catalogue as bulk NDJSON for a search engine past one machine
//! (OpenSearch or Elasticsearch `_bulk`): an action line and a document
//! line per published document, with its text, and the index's mapping
//! (`opensearch-mapping.json`: `cjk` bigrams, which both engines ship, for
//! Chinese; `ik_max_word` or `smartcn` where the plugin is installed).

use std::io::Write;

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::content::body::Bodies;
use crate::content::document::FieldValue;
use crate::diagnostic::Diagnostic;

/// The index mapping the documents are written for.
pub(crate) const MAPPING: &str = include_str!("opensearch-mapping.json");

#[derive(Serialize)]
struct Action<'a> {
    index: Target<'a>,
}

#[derive(Serialize)]
struct Target<'a> {
    #[serde(rename = "_index")]
    index: &'a str,
    #[serde(rename = "_id")]
    id: &'a str,
}

/// One document as the mapping has it: absent values are left out.
#[derive(Serialize)]
struct Row<'a> {
    index_number: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_number: Option<&'a str>,
    issuer: &'a str,
    issuers: Vec<&'a str>,
    category: &'a str,
    category_code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<&'a str>,
    date: String,
    published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<String>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    genre: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    keywords: &'a [String],
    summary: &'a str,
    text: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_url: Option<&'a str>,
}

/// Writes every published document of `catalogue` as two lines into
/// `out`, for index `index`; the number written. A body not kept from
/// loading is rendered again.
pub(crate) fn write(
    catalogue: &Catalogue,
    bodies: &Bodies,
    mut texts: Vec<String>,
    index: &str,
    out: &mut dyn Write,
) -> Result<usize, BulkError> {
    let config = &catalogue.config;
    let declared = |d: &crate::content::document::Document, key: &str| -> Option<String> {
        d.extra.iter().find_map(|(f, value)| {
            let field = config.fields.get(usize::from(*f))?;
            if field.key != key {
                return None;
            }
            match (value, &field.kind) {
                (FieldValue::Text(t), _) => Some(t.clone()),
                (FieldValue::Choice(c), crate::site::fields::FieldType::Choice(values)) => {
                    values.get(usize::from(*c)).cloned()
                }
                _ => None,
            }
        })
    };
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    for (i, d) in catalogue.documents.iter().enumerate() {
        let mut text = texts.get_mut(i).map(std::mem::take).unwrap_or_default();
        if text.is_empty() && d.body_chars > 0 {
            text = bodies.text(d).map_err(BulkError::Body)?;
        }
        let category = &config.categories[d.category];
        let level = declared(d, crate::site::sources::LEVEL_KEY);
        let member = declared(d, crate::site::sources::MEMBER_KEY);
        let original = declared(d, crate::site::sources::ORIGINAL_KEY);
        let row = Row {
            index_number: &d.index_number,
            title: &d.title,
            doc_number: d.doc_number.as_deref(),
            issuer: &d.issuer,
            issuers: std::iter::once(d.issuer.as_str())
                .chain(d.joint_issuers.iter().map(String::as_str))
                .collect(),
            category: &category.name,
            category_code: &category.code,
            level: level.as_deref(),
            member: member.as_deref(),
            date: day(d.date),
            published: day(d.published),
            effective: d.effective.map(day),
            valid_until: d.valid_until.map(day),
            status: d.status.label(),
            kind: d.kind.as_deref(),
            genre: d.genre.as_deref(),
            subject: d.subject.map(|s| super::subject_label(config, s)),
            keywords: &d.keywords,
            summary: &d.summary,
            text: &text,
            url: format!("{}{}", config.base_url, d.url()),
            original_url: original.as_deref(),
        };
        serde_json::to_writer(
            &mut *out,
            &Action {
                index: Target {
                    index,
                    id: &d.index_number,
                },
            },
        )?;
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(catalogue.documents.len())
}

/// Why the bulk file could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BulkError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("a body changed while it was read")]
    Body(Diagnostic),
}
