//! Open data from the [`Catalogue`]: `catalogue.json` with its JSON Schema,
//! `catalogue.csv` (UTF-8 BOM, RFC 4180) for Excel and WPS, Atom feeds
//! (RFC 4287) for the site and each category, `sitemap.xml` (a sitemap index
//! past 50,000 URLs), `robots.txt`, and `data.json` describing the exports
//! in the Project Open Data (DCAT) shape. Only published documents are in
//! the catalogue, so nothing else can be exported. Every file is
//! deterministic: no build time is written, feed dates are document dates.

use quick_xml::escape::escape;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::catalogue::Catalogue;
use crate::content::document::{Document, FieldValue};
use crate::output::{OutputError, Sink, Stamp};
use crate::site::config::FieldType;

/// URLs per sitemap file (the protocol's limit).
const SITEMAP_LIMIT: usize = 50_000;

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
/// the site's pages, for the sitemap.
pub(crate) fn write(catalogue: &Catalogue, pages: &[String], sink: &dyn Sink) -> Result<(), ExportError> {
    let stamp = stamp(catalogue, pages);
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
    let mut made = Vec::new();
    for (path, bytes) in make_all(catalogue, pages)? {
        sink.write(&path, &bytes, Some(&stamp))?;
        made.push(path);
    }
    if made != listed {
        return Err(ExportError::Mismatch { made, listed });
    }
    Ok(())
}

/// Every export, as (path, bytes), in the order of [`paths`].
fn make_all(catalogue: &Catalogue, pages: &[String]) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    // Each file is made independently of the others: in parallel.
    let ((json, csv), (data, feeds)) = rayon::join(
        || rayon::join(|| catalogue_json(catalogue), || catalogue_csv(catalogue)),
        || rayon::join(|| to_json(&data_json(catalogue)), || feeds(catalogue, pages)),
    );
    let mut files = vec![
        ("catalogue.json".to_owned(), json?),
        ("catalogue.schema.json".to_owned(), schema(&catalogue.config)?),
        ("catalogue.csv".to_owned(), csv?),
        ("data.json".to_owned(), data?),
    ];
    files.extend(feeds.into_iter().map(|(path, text)| (path, text.into_bytes())));
    files.extend(
        // With a UTF-8 BOM, as catalogue.csv, for Excel and WPS.
        report_tables(catalogue).map(|(path, table)| {
            (
                path,
                [
                    &b"\xEF\xBB\xBF"[..],
                    crate::content::annual::csv(table).as_bytes(),
                ]
                .concat(),
            )
        }),
    );
    Ok(files)
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
        "catalogue.json",
        "catalogue.schema.json",
        "catalogue.csv",
        "data.json",
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
        if pages.len() > SITEMAP_LIMIT {
            paths.extend((1..=pages.len().div_ceil(SITEMAP_LIMIT)).map(|n| format!("sitemap-{n}.xml")));
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
fn stamp(catalogue: &Catalogue, pages: &[String]) -> Stamp {
    let config = &catalogue.config;
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"gongkai exports 1\0");
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
    let rows: Vec<[u8; 16]> = catalogue
        .documents
        .par_iter()
        .enumerate()
        .chunks(1024)
        .map(|chunk| {
            let rows: Vec<DocumentJson<'_>> = chunk
                .into_iter()
                .map(|(i, d)| document_json(catalogue, i, d))
                .collect();
            crate::hash::hash16(&postcard::to_stdvec(&rows).unwrap_or_default())
        })
        .collect();
    hasher.update(&(catalogue.documents.len() as u64).to_le_bytes());
    for row in rows {
        hasher.update(&row);
    }
    let tables: Vec<(String, &crate::content::annual::Table)> = report_tables(catalogue).collect();
    hasher.update(&postcard::to_stdvec(&tables).unwrap_or_default());
    crate::hash::short(&hasher.finalize())
}

fn absolute(base: &str) -> bool {
    base.starts_with("http://") || base.starts_with("https://")
}

/// The Atom feeds, sitemaps and robots.txt, which need absolute addresses:
/// none without an http(s) `base_url`.
fn feeds(catalogue: &Catalogue, pages: &[String]) -> Vec<(String, String)> {
    let base = &catalogue.config.base_url;
    if !absolute(base) {
        return Vec::new();
    }
    let all: Vec<usize> = (0..catalogue.documents.len()).collect();
    let mut files = vec![(
        "feed.xml".to_owned(),
        feed(catalogue, &catalogue.config.title, "feed.xml", &all),
    )];
    let categories: Vec<(String, String)> = catalogue
        .categories
        .par_iter()
        .map(|facet| {
            let path = crate::catalogue::url::category_feed(facet);
            let title = format!("{} - {}", facet.name, catalogue.config.title);
            let text = feed(catalogue, &title, &path, &facet.documents);
            (path, text)
        })
        .collect();
    files.extend(categories);
    files.extend(sitemaps(base, pages));
    let robots = match catalogue.config.sub_path() {
        // Crawlers read robots.txt only at the domain's root: written to be
        // copied there (or its Sitemap line added to the root's own).
        Some(path) => format!(
            "# This site lives under {path}: crawlers read robots.txt only at the root of the domain.\n\
             # Copy this file there, or add its Sitemap line to the root's robots.txt.\n\
             # 本站位于 {path} 子路径下：搜索引擎只读取网站根目录的 robots.txt。\n\
             # 请把本文件复制到网站根目录，或把其中的 Sitemap 一行加到根目录的 robots.txt 中。\n\
             User-agent: *\nAllow: {path}\nSitemap: {base}sitemap.xml\n"
        ),
        None => format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
    };
    files.push(("robots.txt".to_owned(), robots));
    files
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
    title: &'a str,
}

/// One document as open data.
#[derive(serde::Serialize)]
struct DocumentJson<'a> {
    attachments: Vec<AttachmentJson<'a>>,
    category: &'a str,
    category_code: &'a str,
    date: String,
    disclosure: &'static str,
    doc_number: Option<&'a str>,
    effective: Option<String>,
    fields: std::collections::BTreeMap<&'a str, Value>,
    genre: Option<&'a str>,
    index_number: &'a str,
    interpretation_form: Option<&'a str>,
    interprets: Vec<&'a str>,
    issuer: &'a str,
    issuers: Vec<&'a str>,
    keywords: &'a [String],
    kind: Option<&'a str>,
    published: String,
    registration: Option<&'a str>,
    replaced_by: Option<&'a str>,
    revises: Option<&'a str>,
    status: &'static str,
    subject: Option<String>,
    subject_code: Option<&'a str>,
    summary: &'a str,
    title: &'a str,
    url: String,
    valid_until: Option<String>,
}

#[derive(serde::Serialize)]
struct AttachmentJson<'a> {
    size: u64,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    url: String,
}

fn document_json<'a>(catalogue: &'a Catalogue, i: usize, d: &'a Document) -> DocumentJson<'a> {
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
        date: day(d.date),
        disclosure: d.disclosure.label(),
        doc_number: d.doc_number.as_deref(),
        effective: d.effective.map(day),
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
        published: day(d.published),
        registration: d.registration.as_deref(),
        replaced_by: relations.replaced_by.map(index_of),
        revises: relations.revises.map(index_of),
        status: d.status.label(),
        subject: d.subject.map(|s| {
            let subject = &catalogue.config.subjects[usize::from(s.top)];
            match s.sub.and_then(|j| subject.children.get(usize::from(j))) {
                Some(child) => format!("{}/{}", subject.name, child.name),
                None => subject.name.clone(),
            }
        }),
        subject_code: d.subject.map(|s| {
            let subject = &catalogue.config.subjects[usize::from(s.top)];
            s.sub
                .and_then(|j| subject.children.get(usize::from(j)))
                .map_or(subject.code.as_str(), |c| c.code.as_str())
        }),
        summary: &d.summary,
        title: &d.title,
        url: format!("{base}{}", d.url()),
        valid_until: d.valid_until.map(|v| v.format("%Y-%m-%d").to_string()),
    }
}

fn catalogue_json(catalogue: &Catalogue) -> Result<Vec<u8>, ExportError> {
    let json = CatalogueJson {
        base_url: &catalogue.config.base_url,
        documents: catalogue
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| document_json(catalogue, i, d))
            .collect(),
        title: &catalogue.config.title,
    };
    to_json(&json)
}

/// The JSON Schema of `catalogue.json`, one description per field; the
/// site's declared fields are added under `fields`.
const SCHEMA: &str = include_str!("catalogue.schema.json");

fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
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
fn catalogue_csv(catalogue: &Catalogue) -> Result<Vec<u8>, ExportError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
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
        writer.write_record(&header)?;
        for (i, d) in catalogue.documents.iter().enumerate() {
            let json = document_json(catalogue, i, d);
            let mut record: Vec<String> = vec![
                d.index_number.clone(),
                d.title.clone(),
                json.issuers.join("、"),
                config.categories[d.category].name.clone(),
                json.date,
                json.published,
                json.effective.unwrap_or_default(),
                d.doc_number.clone().unwrap_or_default(),
                d.status.label().to_owned(),
                d.summary.clone(),
                d.keywords.join("、"),
                json.subject.unwrap_or_default(),
                d.genre.clone().unwrap_or_default(),
                d.kind.clone().unwrap_or_default(),
                d.registration.clone().unwrap_or_default(),
                json.url,
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
            writer.write_record(
                record
                    .iter()
                    .map(|cell| spreadsheet_text(cell))
                    .map(|c| c.into_owned()),
            )?;
        }
        writer.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
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

/// An Atom feed (RFC 4287) of the newest documents among `documents`.
fn feed(catalogue: &Catalogue, title: &str, path: &str, documents: &[usize]) -> String {
    let base = &catalogue.config.base_url;
    let entries: Vec<&Document> = documents
        .iter()
        .take(catalogue.config.feed_entries)
        .map(|&i| &catalogue.documents[i])
        .collect();
    let stamp = |d: &Document| format!("{}T00:00:00+08:00", d.published.format("%Y-%m-%d"));
    // No build time: the feed changes when its newest entry does.
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |d| stamp(d));
    let mut xml = String::with_capacity(1024 + entries.len() * 512);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
    );
    xml.push_str(&escape(catalogue.config.language.as_str()));
    xml.push_str("\">\n");
    xml.push_str(&format!("  <title>{}</title>\n", escape(title)));
    xml.push_str(&format!("  <id>{}</id>\n", escape(format!("{base}{path}"))));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(format!("{base}{path}"))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(base.as_str())
    ));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(catalogue.config.title.as_str())
    ));
    for d in entries {
        let url = format!("{base}{}", d.url());
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape(d.title.as_str())));
        xml.push_str(&format!("    <id>{}</id>\n", escape(url.as_str())));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(url.as_str())
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", stamp(d)));
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape(d.issuer.as_str())
        ));
        xml.push_str(&format!(
            "    <category term=\"{}\"/>\n",
            escape(catalogue.config.categories[d.category].name.as_str())
        ));
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape(d.summary.as_str())
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// `sitemap.xml`, or past [`SITEMAP_LIMIT`] URLs a sitemap index and its parts.
fn sitemaps(base: &str, pages: &[String]) -> Vec<(String, String)> {
    let urlset = |urls: &[String]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in urls {
            xml.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                escape(format!("{base}{url}"))
            ));
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if pages.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".to_owned(), urlset(pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in pages.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(format!("{base}{name}"))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_owned(), index));
    files
}

/// The exports described as a Project Open Data (DCAT) catalog.
fn data_json(catalogue: &Catalogue) -> Value {
    let base = &catalogue.config.base_url;
    let modified = catalogue
        .documents
        .first()
        .map(|d| d.published.format("%Y-%m-%d").to_string());
    let publishers: Vec<&str> = catalogue.issuers.iter().map(|f| f.name.as_str()).collect();
    json!({
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [{
            "@type": "dcat:Dataset",
            "identifier": format!("{base}catalogue.json"),
            "title": format!("{} 政府信息公开目录", catalogue.config.title),
            "description": format!("{} 件主动公开的政府信息的元数据：索引号、信息标题、发布机构、信息分类、发文日期、文件编号、有效性、内容概述。", catalogue.documents.len()),
            "keyword": ["政府信息公开", "政务公开"],
            "modified": modified,
            "publisher": { "@type": "org:Organization", "name": catalogue.config.title },
            "contributors": publishers,
            "accessLevel": "public",
            "language": [catalogue.config.language],
            "landingPage": base,
            "distribution": [
                { "@type": "dcat:Distribution", "title": "catalogue.json", "downloadURL": format!("{base}catalogue.json"), "mediaType": "application/json", "format": "JSON", "describedBy": format!("{base}catalogue.schema.json"), "describedByType": "application/schema+json" },
                { "@type": "dcat:Distribution", "title": "catalogue.csv", "downloadURL": format!("{base}catalogue.csv"), "mediaType": "text/csv", "format": "CSV" },
                { "@type": "dcat:Distribution", "title": "feed.xml", "downloadURL": format!("{base}feed.xml"), "mediaType": "application/atom+xml", "format": "Atom" }
            ]
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemaps_split_past_fifty_thousand_urls() {
        let pages: Vec<String> = (0..SITEMAP_LIMIT + 1).map(|i| format!("docs/{i}.html")).collect();
        let files = sitemaps("https://x.gov.cn/", &pages);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(
            files[0].1.contains("<sitemapindex")
                && files[0].1.contains("<loc>https://x.gov.cn/sitemap-2.xml</loc>")
        );
        assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_LIMIT);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        let small = sitemaps("https://x.gov.cn/", &pages[..3]);
        assert_eq!(small.len(), 1);
        assert!(
            small[0].1.contains("<urlset") && small[0].1.contains("<loc>https://x.gov.cn/docs/2.html</loc>")
        );
    }
}
