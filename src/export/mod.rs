//! Open data from the [`Catalogue`]: `catalogue.json` with its JSON Schema
//! and `catalogue.csv` (UTF-8 BOM, RFC 4180) for Excel and WPS (here), what
//! harvesters need to take only changes ([`harvest`]), the feeds, sitemaps
//! and robots.txt ([`feeds`]), and `data.json` and `dcat.jsonld` describing
//! the exports for data catalogues ([`open_data`]). Only published documents are in
//! the catalogue, so nothing else can be exported. No build time is
//! written: feed and sitemap dates are each document's `modified`
//! ([`harvest`]), which depends only on the documents, the build date and
//! the previous build's record.

pub(crate) mod bulk;
mod feeds;
mod harvest;
mod open_data;
mod rows;

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::catalogue::Catalogue;
use crate::content::document::{Document, FieldValue};
use crate::output::{OutputError, Sink, Stamp};
use crate::site::config::FieldType;
use harvest::Harvest;

/// Why an export could not be made or written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ExportError {
    /// A file could not be written or kept.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// JSON could not be encoded.
    #[error("cannot encode an export: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV could not be encoded.
    #[error("cannot encode catalogue.csv: {0}")]
    Csv(#[from] csv::Error),
    /// The files made are not those [`paths`] lists (a bug).
    #[error("the exports made ({made:?}) are not those listed ({listed:?})")]
    Mismatch {
        /// What was made.
        made: Vec<String>,
        /// What [`paths`] lists.
        listed: Vec<String>,
    },
}

/// Writes the exports into `sink`, or keeps the output's when they were
/// made from what they would be made of now (see [`stamp`]). `pages` are
/// the site's pages, for the sitemap. `state` is the site's state folder
/// (`.gongkai/`), where the rows of catalogue.json and catalogue.csv are
/// recorded for the next build ([`rows`]); None keeps no record.
pub(crate) fn write(
    catalogue: &Catalogue,
    pages: &[String],
    sink: &dyn Sink,
    state: Option<&std::path::Path>,
) -> Result<(), ExportError> {
    let row = |i: usize| {
        postcard::to_stdvec(&document_json(catalogue, i, &catalogue.documents[i], None)).unwrap_or_default()
    };
    let previous = sink.history(harvest::RECORD);
    let harvest = Harvest::new(
        catalogue,
        row,
        previous.as_deref(),
        crate::content::date::build_date(),
    );
    let stamp = stamp(catalogue, pages, &harvest);
    let listed = paths(catalogue, pages);
    if listed
        .iter()
        .all(|p| sink.stamp(p) == Some(stamp) && sink.intact(p))
    {
        for path in &listed {
            sink.keep(path)?;
        }
        return Ok(());
    }
    let record = state.map(rows::path);
    let key = rows::key(&catalogue.config.text_hash);
    let previous = rows::Previous::open(record.as_deref(), key, sink);
    let mut made = Vec::new();
    let at = make_all(catalogue, pages, &harvest, &previous, &mut |path, bytes| {
        sink.write_owned(&path, bytes, Some(&stamp))?;
        made.push(path);
        Ok(())
    })?;
    if made != listed {
        return Err(ExportError::Mismatch { made, listed });
    }
    drop(previous);
    if let Some(record) = record {
        let rows = catalogue
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let row = rows::Row::new(
                    harvest.digest[i],
                    harvest::days(harvest.modified[i]),
                    at.json[i],
                    at.csv[i],
                );
                (d.index_number.clone(), row)
            })
            .collect();
        rows::store(&record, key, stamp, rows);
    }
    Ok(())
}

/// Where a row lies in its file: offset and length.
type Span = (u64, u32);

/// Where each document's rows were written in catalogue.json and in
/// catalogue.csv, in the catalogue's order.
struct RowsAt {
    json: Vec<Span>,
    csv: Vec<Span>,
}

/// Makes every export and hands each to `put` as (path, bytes), in the
/// order of [`paths`]. The large ones are made one after the other, each
/// handed on before the next is made (a province's catalogue.json is over
/// a gigabyte); each is made in parallel inside.
fn make_all(
    catalogue: &Catalogue,
    pages: &[String],
    harvest: &Harvest,
    previous: &rows::Previous,
    put: &mut dyn FnMut(String, Vec<u8>) -> Result<(), ExportError>,
) -> Result<RowsAt, ExportError> {
    put(harvest::RECORD.to_owned(), harvest.record(catalogue))?;
    let (json, json_at) = catalogue_json(catalogue, harvest, previous)?;
    put("catalogue.json".to_owned(), json)?;
    put("catalogue.schema.json".to_owned(), schema(&catalogue.config)?)?;
    let (csv, csv_at) = catalogue_csv(catalogue, harvest, previous)?;
    put("catalogue.csv".to_owned(), csv)?;
    let (data, feeds) = rayon::join(
        || to_json(&open_data::data_json(catalogue, harvest)),
        || feeds::feeds(catalogue, pages, harvest),
    );
    put("data.json".to_owned(), data?)?;
    put(
        "dcat.jsonld".to_owned(),
        to_json(&open_data::dcat_jsonld(catalogue, harvest))?,
    )?;
    for (path, text) in feeds {
        put(path, text.into_bytes())?;
    }
    // With a UTF-8 BOM, as catalogue.csv, for Excel and WPS.
    for (path, table) in report_tables(catalogue) {
        let bytes = [
            &b"\xEF\xBB\xBF"[..],
            crate::content::annual::csv(table).as_bytes(),
        ]
        .concat();
        put(path, bytes)?;
    }
    Ok(RowsAt {
        json: json_at,
        csv: csv_at,
    })
}

/// The tables of the annual reports, each as the CSV beside its page
/// (`docs/<slug>-table<n>.csv`, which the page's table links to).
fn report_tables(catalogue: &Catalogue) -> impl Iterator<Item = (String, &crate::content::annual::Table)> {
    catalogue.documents.iter().flat_map(|d| {
        d.annual
            .iter()
            .filter(|t| t.section != crate::content::annual::Section::Six)
            .map(move |t| (format!("docs/{}", t.section.csv_name(&d.slug)), t))
    })
}

/// The paths of the exports, without making the files.
pub(crate) fn paths(catalogue: &Catalogue, pages: &[String]) -> Vec<String> {
    let mut paths: Vec<String> = [
        harvest::RECORD,
        "catalogue.json",
        "catalogue.schema.json",
        "catalogue.csv",
        "data.json",
        "dcat.jsonld",
    ]
    .map(str::to_owned)
    .into();
    if absolute(&catalogue.config.base_url) {
        paths.push("feed.xml".to_owned());
        paths.extend(
            catalogue
                .categories
                .iter()
                .map(crate::catalogue::url::category_feed),
        );
        paths.push("sitemap.xml".to_owned());
        if pages.len() > feeds::SITEMAP_LIMIT {
            paths
                .extend((1..=pages.len().div_ceil(feeds::SITEMAP_LIMIT)).map(|n| format!("sitemap-{n}.xml")));
        }
        paths.push("robots.txt".to_owned());
    }
    paths.extend(report_tables(catalogue).map(|(path, _)| path));
    paths
}

/// A hash of everything the exports are made of: this program, the
/// configuration they show, every document's row, the facets, the pages of
/// the sitemap. Equal stamps, equal files: a build whose stamp is the one
/// the output's exports were written with keeps them.
fn stamp(catalogue: &Catalogue, pages: &[String], harvest: &Harvest) -> Stamp {
    let config = &catalogue.config;
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"gongkai exports 2\0");
    crate::hash::program_identity(&mut hasher);
    let head = (
        &config.title,
        &config.base_url,
        &config.language,
        config.feed_entries,
        config
            .categories
            .iter()
            .map(|c| (&c.code, &c.name))
            .collect::<Vec<_>>(),
        catalogue
            .categories
            .iter()
            .map(|f| (&f.key, &f.name, &f.documents))
            .collect::<Vec<_>>(),
        catalogue.issuers.iter().map(|f| &f.name).collect::<Vec<_>>(),
        pages,
        &config.fields,
    );
    hasher.update(&postcard::to_stdvec(&head).unwrap_or_default());
    // Each document's digest covers its row of catalogue.json and its body.
    hasher.update(&(catalogue.documents.len() as u64).to_le_bytes());
    for (digest, modified) in harvest.digest.iter().zip(&harvest.modified) {
        hasher.update(digest);
        hasher.update(&modified.to_string().into_bytes());
    }
    hasher.update(&postcard::to_stdvec(&harvest.tombstones).unwrap_or_default());
    let tables: Vec<(String, &crate::content::annual::Table)> = report_tables(catalogue).collect();
    hasher.update(&postcard::to_stdvec(&tables).unwrap_or_default());
    crate::hash::short(&hasher.finalize())
}

pub(super) fn absolute(base: &str) -> bool {
    base.starts_with("http://") || base.starts_with("https://")
}

fn to_json(value: &impl serde::Serialize) -> Result<Vec<u8>, ExportError> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `catalogue.json`. Fields are declared in alphabetical order, as the
/// schema lists them; serialised straight from these borrowed rows (no
/// intermediate `Value`: at 50,000 documents building one cost more than
/// writing the file).
#[derive(serde::Serialize)]
struct CatalogueJson<'a> {
    base_url: &'a str,
    documents: Vec<DocumentJson<'a>>,
    schema_version: u32,
    title: &'a str,
    withdrawn: Vec<WithdrawnJson<'a>>,
}

/// A tombstone in catalogue.json.
#[derive(serde::Serialize)]
struct WithdrawnJson<'a> {
    index_number: &'a str,
    url: String,
    withdrawn: String,
}

/// The version of catalogue.json's format (see its schema).
const SCHEMA_VERSION: u32 = 2;

/// One document as open data.
#[derive(serde::Serialize)]
struct DocumentJson<'a> {
    attachments: Vec<AttachmentJson<'a>>,
    category: &'a str,
    category_code: &'a str,
    date: Day,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<String>,
    disclosure: &'static str,
    doc_number: Option<&'a str>,
    effective: Option<Day>,
    fields: std::collections::BTreeMap<&'a str, Value>,
    genre: Option<&'a str>,
    index_number: &'a str,
    interpretation_form: Option<&'a str>,
    interprets: Vec<&'a str>,
    issuer: &'a str,
    issuers: Vec<&'a str>,
    keywords: &'a [String],
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<Day>,
    published: Day,
    registration: Option<&'a str>,
    replaced_by: Option<&'a str>,
    revises: Option<&'a str>,
    status: &'static str,
    subject: Option<String>,
    subject_code: Option<&'a str>,
    summary: &'a str,
    title: &'a str,
    url: Address<'a>,
    valid_until: Option<Day>,
}

#[derive(serde::Serialize)]
struct AttachmentJson<'a> {
    size: u64,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    url: String,
}

/// Document `i`'s row; with its `harvest` (digest, modified) in
/// catalogue.json, without it for computing the digest.
fn document_json<'a>(
    catalogue: &'a Catalogue,
    i: usize,
    d: &'a Document,
    harvest: Option<&Harvest>,
) -> DocumentJson<'a> {
    let base = &catalogue.config.base_url;
    let relations = &catalogue.relations[i];
    let index_of = |j: usize| catalogue.documents[j].index_number.as_str();
    let category = &catalogue.config.categories[d.category];
    DocumentJson {
        attachments: d
            .attachments
            .iter()
            .map(|a| AttachmentJson {
                size: a.size,
                title: &a.title,
                kind: &a.kind,
                url: format!("{base}docs/{}", a.href),
            })
            .collect(),
        category: &category.name,
        category_code: &category.code,
        date: Day(d.date),
        digest: harvest.map(|h| hex(&h.digest[i])),
        disclosure: d.disclosure.label(),
        doc_number: d.doc_number.as_deref(),
        effective: d.effective.map(Day),
        fields: d
            .extra
            .iter()
            .map(|(f, v)| {
                let field = &catalogue.config.fields[usize::from(*f)];
                (field.key.as_str(), field_json(field, v))
            })
            .collect(),
        genre: d.genre.as_deref(),
        index_number: &d.index_number,
        interpretation_form: d.interpretation_form.as_deref(),
        interprets: relations.interprets.iter().map(|&j| index_of(j)).collect(),
        issuer: &d.issuer,
        issuers: std::iter::once(&d.issuer)
            .chain(&d.joint_issuers)
            .map(String::as_str)
            .collect(),
        keywords: &d.keywords,
        kind: d.kind.as_deref(),
        modified: harvest.map(|h| Day(h.modified[i])),
        published: Day(d.published),
        registration: d.registration.as_deref(),
        replaced_by: relations.replaced_by.map(index_of),
        revises: relations.revises.map(index_of),
        status: d.status.label(),
        subject: d.subject.map(|s| subject_label(&catalogue.config, s)),
        subject_code: d.subject.map(|s| {
            let subject = &catalogue.config.subjects[usize::from(s.top)];
            s.sub
                .and_then(|j| subject.children.get(usize::from(j)))
                .map_or(subject.code.as_str(), |c| c.code.as_str())
        }),
        summary: &d.summary,
        title: &d.title,
        url: Address { base, slug: &d.slug },
        valid_until: d.valid_until.map(Day),
    }
}

fn catalogue_json(
    catalogue: &Catalogue,
    harvest: &Harvest,
    previous: &rows::Previous,
) -> Result<(Vec<u8>, Vec<Span>), ExportError> {
    let base = &catalogue.config.base_url;
    let json = CatalogueJson {
        base_url: base,
        documents: Vec::new(),
        schema_version: SCHEMA_VERSION,
        title: &catalogue.config.title,
        withdrawn: harvest
            .tombstones
            .iter()
            .map(|t| WithdrawnJson {
                index_number: &t.index_number,
                url: format!("{base}{}", t.path),
                withdrawn: day(t.withdrawn),
            })
            .collect(),
    };
    let frame = to_json(&json)?;
    if catalogue.documents.is_empty() {
        return Ok((frame, Vec::new()));
    }
    // The documents are written into the frame's empty array as the pretty
    // printer would write them there (four spaces in; strings hold no raw
    // newline), made in parallel a slice at a time rather than as one
    // tree of rows: at a million documents the rows were 0.9 GB. A row the
    // last build made from the same digest and date is copied from its file.
    const EMPTY: &[u8] = b"\"documents\": []";
    let at = frame
        .windows(EMPTY.len())
        .position(|w| w == EMPTY)
        .map(|i| i + EMPTY.len() - 1)
        .unwrap_or(frame.len());
    let mut out = Vec::with_capacity(frame.len() + previous.json_len().max(catalogue.documents.len() * 1024));
    out.extend_from_slice(&frame[..at]);
    out.push(b'\n');
    let documents = &catalogue.documents;
    let offsets = append_rows(
        &mut out,
        documents.len(),
        b",\n",
        |i| previous_rows(previous, catalogue, harvest, i).map(|(json, _)| json),
        |i| {
            let row = serde_json::to_vec_pretty(&document_json(catalogue, i, &documents[i], Some(harvest)))?;
            let mut indented = Vec::with_capacity(row.len() + row.len() / 8);
            indented.extend_from_slice(b"    ");
            for &b in &row {
                indented.push(b);
                if b == b'\n' {
                    indented.extend_from_slice(b"    ");
                }
            }
            Ok(indented)
        },
    )?;
    out.extend_from_slice(b"\n  ");
    out.extend_from_slice(&frame[at..]);
    Ok((out, offsets))
}

/// Appends the rows of documents 0..`count` to `out`, in order, with
/// `separator` between them: each the last build's (`copied`) or made by
/// `make`, in parallel a slice at a time (never all rows at once: at a
/// million documents they are gigabytes). Returns where each row lies.
fn append_rows<'p>(
    out: &mut Vec<u8>,
    count: usize,
    separator: &[u8],
    copied: impl Fn(usize) -> Option<&'p [u8]> + Sync,
    make: impl Fn(usize) -> Result<Vec<u8>, ExportError> + Sync,
) -> Result<Vec<Span>, ExportError> {
    let mut offsets = Vec::with_capacity(count);
    for first in (0..count).step_by(JSON_SLICE) {
        let end = (first + JSON_SLICE).min(count);
        let rows: Vec<std::borrow::Cow<'p, [u8]>> = (first..end)
            .into_par_iter()
            .map(|i| match copied(i) {
                Some(row) => Ok(row.into()),
                None => make(i).map(Into::into),
            })
            .collect::<Result<_, ExportError>>()?;
        for (j, row) in rows.into_iter().enumerate() {
            if first + j > 0 {
                out.extend_from_slice(separator);
            }
            offsets.push((out.len() as u64, row.len() as u32));
            out.extend_from_slice(&row);
        }
    }
    Ok(offsets)
}

/// Document `i`'s rows as the last build wrote them, when it made them
/// from the digest and date this build gives the document.
fn previous_rows<'p>(
    previous: &'p rows::Previous,
    catalogue: &Catalogue,
    harvest: &Harvest,
    i: usize,
) -> Option<(&'p [u8], &'p [u8])> {
    if previous.len() == 0 {
        return None;
    }
    previous.rows(
        &catalogue.documents[i].index_number,
        &harvest.digest[i],
        harvest::days(harvest.modified[i]),
    )
}

/// Rows of catalogue.json and catalogue.csv made at once.
const JSON_SLICE: usize = 4096;

/// The JSON Schema of `catalogue.json`, one description per field; the
/// site's declared fields are added under `fields`.
const SCHEMA: &str = include_str!("catalogue.schema.json");

/// A 主题分类 as `class/sub-class` (or the class alone).
fn subject_label(
    config: &crate::site::config::SiteConfig,
    s: crate::content::document::SubjectRef,
) -> String {
    let subject = &config.subjects[usize::from(s.top)];
    match s.sub.and_then(|j| subject.children.get(usize::from(j))) {
        Some(child) => format!("{}/{}", subject.name, child.name),
        None => subject.name.clone(),
    }
}

/// A date in a row, written as [`day`] writes it without making a
/// `String` (a row is made for every document at every build, to hash it).
#[derive(Clone, Copy)]
struct Day(chrono::NaiveDate);

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        let (year, month, date) = (self.0.year(), self.0.month(), self.0.day());
        let Ok(year) = u32::try_from(year) else {
            return serializer.collect_str(&self.0);
        };
        if year > 9999 {
            return serializer.collect_str(&self.0);
        }
        let mut text = *b"0000-00-00";
        for (at, value, digits) in [(0, year, 4), (5, month, 2), (8, date, 2)] {
            let mut value = value;
            for place in (at..at + digits).rev() {
                text[place] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        match std::str::from_utf8(&text) {
            Ok(text) => serializer.serialize_str(text),
            Err(_) => serializer.collect_str(&self.0),
        }
    }
}

/// A document page's address in a row, `<base_url>docs/<slug>.html`,
/// written without making a `String`.
struct Address<'a> {
    base: &'a str,
    slug: &'a str,
}

impl std::fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.base, crate::content::url::DocumentPage(self.slug))
    }
}

impl serde::Serialize for Address<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn day(d: chrono::NaiveDate) -> String {
    // NaiveDate's Display is YYYY-MM-DD for the years a catalogue has,
    // without parsing a format string per date (twice per row).
    d.to_string()
}

/// Bytes as lowercase hexadecimal (one allocation, not one per byte).
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// A declared field's value in catalogue.json: numbers as numbers, dates
/// as `YYYY-MM-DD`, a link as the 索引号 it names.
fn field_json(field: &crate::site::config::DeclaredField, value: &FieldValue) -> Value {
    match value {
        FieldValue::Text(t) => json!(t),
        FieldValue::Date(d) => json!(day(*d)),
        FieldValue::Number(n) => n
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| json!(n), Value::Number),
        FieldValue::Choice(c) => match &field.kind {
            FieldType::Choice(values) => json!(values.get(usize::from(*c))),
            _ => Value::Null,
        },
        FieldValue::List(items) => json!(items),
        FieldValue::Link(r) => json!(r.index_number),
    }
}

/// The schema of this site's catalogue.json: [`SCHEMA`] with a property
/// for each declared field.
fn schema(config: &crate::site::config::SiteConfig) -> Result<Vec<u8>, ExportError> {
    let mut schema: Value = serde_json::from_str(SCHEMA)?;
    let date = json!({ "type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" });
    let properties: serde_json::Map<String, Value> = config
        .fields
        .iter()
        .map(|f| {
            let mut property = match &f.kind {
                FieldType::Text => json!({ "type": "string" }),
                FieldType::Date => date.clone(),
                FieldType::Number => json!({ "type": "number" }),
                FieldType::Choice(values) => json!({ "enum": values }),
                FieldType::List => json!({ "type": "array", "items": { "type": "string" } }),
                FieldType::Link => json!({ "type": "string", "description": "索引号" }),
            };
            if let Some(object) = property.as_object_mut() {
                object.insert("title".into(), json!(f.label));
            }
            (f.key.clone(), property)
        })
        .collect();
    let required: Vec<&str> = config
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key.as_str())
        .collect();
    let fields = &mut schema["properties"]["documents"]["items"]["properties"]["fields"];
    fields["properties"] = Value::Object(properties);
    fields["required"] = json!(required);
    to_json(&schema)
}

/// The catalogue as CSV: a UTF-8 BOM (so Excel and WPS on Chinese Windows
/// read it as UTF-8), Chinese headers, RFC 4180 quoting and CRLF lines.
fn catalogue_csv(
    catalogue: &Catalogue,
    harvest: &Harvest,
    previous: &rows::Previous,
) -> Result<(Vec<u8>, Vec<Span>), ExportError> {
    let config = &catalogue.config;
    let mut header: Vec<&str> = vec![
        "索引号",
        "信息标题",
        "发布机构",
        "信息分类",
        "成文日期",
        "发布日期",
        "施行日期",
        "文件编号",
        "有效性",
        "内容概述",
        "主题词",
        "主题分类",
        "文种",
        "文件类型",
        "登记号",
        "网址",
    ];
    header.extend(config.fields.iter().map(|f| f.label.as_str()));
    let mut out = Vec::with_capacity(previous.csv_len().max(catalogue.documents.len() * 512));
    out.extend_from_slice(b"\xEF\xBB\xBF");
    csv_rows(&mut out, std::iter::once(header))?;
    // A record's bytes do not depend on the records before it.
    let offsets = append_rows(
        &mut out,
        catalogue.documents.len(),
        b"",
        |i| previous_rows(previous, catalogue, harvest, i).map(|(_, csv)| csv),
        |i| {
            let mut row = Vec::new();
            csv_rows(&mut row, std::iter::once(csv_record(catalogue, i)))?;
            Ok(row)
        },
    )?;
    Ok((out, offsets))
}

/// Writes `records` to `out` as catalogue.csv writes them (CRLF, each cell
/// as a spreadsheet shows it as text).
fn csv_rows<R, C>(out: &mut Vec<u8>, records: impl Iterator<Item = R>) -> Result<(), ExportError>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    for record in records {
        writer.write_record(
            record
                .into_iter()
                .map(|cell| spreadsheet_text(cell.as_ref()).into_owned()),
        )?;
    }
    writer.flush().map_err(csv::Error::from)?;
    Ok(())
}

/// Document `i`'s row of catalogue.csv.
fn csv_record(catalogue: &Catalogue, i: usize) -> Vec<String> {
    let config = &catalogue.config;
    let d = &catalogue.documents[i];
    let json = document_json(catalogue, i, d, None);
    let mut record: Vec<String> = vec![
        d.index_number.clone(),
        d.title.clone(),
        json.issuers.join("、"),
        config.categories[d.category].name.clone(),
        day(d.date),
        day(d.published),
        d.effective.map(day).unwrap_or_default(),
        d.doc_number.clone().unwrap_or_default(),
        d.status.label().to_owned(),
        d.summary.clone(),
        d.keywords.join("、"),
        json.subject.unwrap_or_default(),
        d.genre.clone().unwrap_or_default(),
        d.kind.clone().unwrap_or_default(),
        d.registration.clone().unwrap_or_default(),
        json.url.to_string(),
    ];
    record.extend(config.fields.iter().map(|f| {
        match json.fields.get(f.key.as_str()) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("、"),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }));
    record
}

/// A cell that a spreadsheet shows as text: one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be read as a formula by Excel
/// and WPS (CSV injection, e.g. `=HYPERLINK(…)`), so it gets a leading `'`,
/// which they hide. catalogue.json keeps every value as written.
fn spreadsheet_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_and_digests_are_written_as_the_exports_always_wrote_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2017, 3, 5).expect("a valid date");
        assert_eq!(super::day(d), d.format("%Y-%m-%d").to_string());
        assert_eq!(super::day(d), "2017-03-05");
        // A row's dates and address, made without a String, are the same
        // text in catalogue.json and the same bytes in the digest's input.
        for (y, m, d) in [
            (2017, 3, 5),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 1),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a valid date");
            let json = serde_json::to_string(&super::Day(date)).expect("json");
            assert_eq!(json, serde_json::to_string(&super::day(date)).expect("json"));
            let bytes = postcard::to_stdvec(&super::Day(date)).expect("postcard");
            assert_eq!(bytes, postcard::to_stdvec(&super::day(date)).expect("postcard"));
        }
        let address = super::Address {
            base: "https://example.gov.cn/\"\u{2028}",
            slug: "0101-03-2017-000525",
        };
        let made = format!(
            "https://example.gov.cn/\"\u{2028}{}",
            crate::content::url::document_page("0101-03-2017-000525")
        );
        assert_eq!(address.to_string(), made);
        assert_eq!(
            serde_json::to_string(&address).expect("json"),
            serde_json::to_string(&made).expect("json")
        );
        assert_eq!(
            postcard::to_stdvec(&address).expect("postcard"),
            postcard::to_stdvec(&made).expect("postcard")
        );
        let bytes = [0x00, 0x0f, 0xa5, 0xff];
        let once: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(super::hex(&bytes), once);
        assert_eq!(super::hex(&bytes), "000fa5ff");
    }
}
