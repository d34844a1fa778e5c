//! What the page says about itself to machines: the page tags 《政府网站发展
//! 指引》 asks of every page of a government website (`SiteName`,
//! `SiteIDCode`, the column's, and an article's), and the schema.org JSON-LD
//! of a document page.
//!
//! Every page carries the site's and its column's tags; a page that is an
//! article (a document, the guide, a statement) carries the article's too.

use crate::catalogue::Catalogue;
use crate::content::document::{Document, Validity};
use crate::render::i18n;
use crate::site::config::SiteConfig;

/// A page's tags, as (name, content), in the 指引's order.
pub(super) type Tags = Vec<(&'static str, String)>;

/// The column a page belongs to: its name, and words for its description
/// and keywords.
pub(super) struct Column<'a> {
    pub(super) name: &'a str,
}

/// What an article page adds.
pub(super) struct Article<'a> {
    pub(super) title: &'a str,
    /// YYYY-MM-DD, when known.
    pub(super) date: Option<String>,
    pub(super) source: &'a str,
    pub(super) keywords: String,
    pub(super) description: &'a str,
}

/// The tags every page of the site carries alike: its name, domain and
/// 网站标识码 (in the context every page shares, not in each page's).
pub(super) fn site(config: &crate::site::config::SiteConfig) -> Tags {
    let mut tags: Tags = vec![("SiteName", config.title.clone())];
    if let Some(domain) = config.domain() {
        tags.push(("SiteDomain", domain.to_owned()));
    }
    if let Some(code) = config
        .identity
        .site_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        tags.push(("SiteIDCode", code.to_owned()));
    }
    tags
}

/// The tags of a page at `path` in `column`, an article or not (after
/// the site's own, [`site`]).
pub(super) fn tags(
    config: &SiteConfig,
    path: &str,
    column: &Column<'_>,
    article: Option<&Article<'_>>,
) -> Tags {
    let language = &config.language;
    let disclosure = i18n::get(language, "disclosure_catalogue");
    let mut tags = Tags::new();
    tags.extend([
        ("ColumnName", column.name.to_owned()),
        ("ColumnDescription", format!("{}：{}", config.title, column.name)),
        (
            "ColumnKeywords",
            [column.name, disclosure, config.title.as_str()].join(","),
        ),
        ("ColumnType", i18n::get(language, "column_type").to_owned()),
    ]);
    if let Some(a) = article {
        tags.push(("ArticleTitle", a.title.to_owned()));
        if let Some(date) = &a.date {
            tags.push(("PubDate", date.clone()));
        }
        tags.extend([
            ("ContentSource", a.source.to_owned()),
            ("Keywords", a.keywords.clone()),
            ("Author", a.source.to_owned()),
            ("Description", short(a.description, 200)),
            ("Url", format!("{}{}", config.base_url, path)),
        ]);
    }
    tags
}

/// At most `max` characters of `text`, on one line.
fn short(text: &str, max: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// What a document page's tags are made of, besides the site's settings
/// and the page's path: the tags are made as text only when the page is
/// rendered, and a page's fingerprint hashes this instead (making the
/// tags of every page only to hash them was a twentieth of a one-edit
/// rebuild).
#[derive(Clone, Copy, serde::Serialize)]
pub(super) struct DocumentTags<'a> {
    title: &'a str,
    published: chrono::NaiveDate,
    issuer: &'a str,
    keywords: &'a [String],
    category: usize,
    summary: &'a str,
}

impl<'a> DocumentTags<'a> {
    pub(super) fn of(d: &'a Document) -> DocumentTags<'a> {
        DocumentTags {
            title: &d.title,
            published: d.published,
            issuer: &d.issuer,
            keywords: &d.keywords,
            category: d.category,
            summary: &d.summary,
        }
    }

    /// The tags of the document's page at `path`: made from these fields
    /// and the site's settings only.
    pub(super) fn tags(&self, config: &SiteConfig, path: &str) -> Tags {
        let category = &config.categories[self.category].name;
        let keywords = if self.keywords.is_empty() {
            [category.as_str(), self.issuer].join(",")
        } else {
            self.keywords.join(",")
        };
        let description = if self.summary.is_empty() {
            self.title
        } else {
            self.summary
        };
        tags(
            config,
            path,
            &Column { name: category },
            Some(&Article {
                title: self.title,
                date: Some(self.published.to_string()),
                source: self.issuer,
                keywords,
                description,
            }),
        )
    }
}

/// A document page's schema.org `Legislation`, for aggregators and search
/// engines: its 索引号, 文件编号, dates, issuer and legal force. It
/// serialises as its JSON text for the template and, for a page's
/// fingerprint (a compact, not human-readable format), as the fields the
/// text is made from: most pages are not rendered in a rebuild, and
/// escaping their JSON only to hash it cost a twentieth of a one-edit
/// rebuild.
#[derive(Clone, Copy)]
pub(super) struct JsonLd<'a> {
    pub(super) catalogue: &'a Catalogue,
    pub(super) document: &'a Document,
}

impl serde::Serialize for JsonLd<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&json_ld(self.catalogue, self.document))
        } else {
            legislation(self.catalogue, self.document, |value| value.serialize(serializer))
        }
    }
}

/// A document as schema.org JSON-LD. `<` is escaped, so the JSON cannot
/// end the script element it is put in.
pub(super) fn json_ld(catalogue: &Catalogue, d: &Document) -> String {
    legislation(catalogue, d, |value| serde_json::to_string(value))
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// Calls `f` with the document's `Legislation`.
fn legislation<R>(catalogue: &Catalogue, d: &Document, f: impl FnOnce(&Legislation<'_>) -> R) -> R {
    let config = &catalogue.config;
    let url = format!("{}{}", config.base_url, d.url());
    let organisation = |name| Named {
        kind: "GovernmentOrganization",
        name,
    };
    let issuer = if d.joint_issuers.is_empty() {
        Issuer::One(organisation(&d.issuer))
    } else {
        Issuer::Joint(
            std::iter::once(&d.issuer)
                .chain(&d.joint_issuers)
                .map(|name| organisation(name))
                .collect(),
        )
    };
    let keywords = (!d.keywords.is_empty()).then(|| d.keywords.join(","));
    let value = Legislation {
        context: "https://schema.org",
        id: &url,
        kind: "Legislation",
        about: Named {
            kind: "Thing",
            name: &config.categories[d.category].name,
        },
        abstract_: (!d.summary.is_empty()).then_some(d.summary.as_str()),
        author: &issuer,
        date_published: d.published,
        expires: d.valid_until,
        identifier: &d.index_number,
        in_language: &config.language,
        is_part_of: WebSite {
            kind: "WebSite",
            name: &config.title,
            url: &config.base_url,
        },
        keywords: keywords.as_deref(),
        legislation_date: d.date,
        legislation_date_of_applicability: d.effective,
        legislation_identifier: d.doc_number.as_deref(),
        legislation_legal_force: match d.status {
            Validity::Valid => "https://schema.org/InForce",
            Validity::Amended | Validity::PartlyInvalid => "https://schema.org/PartiallyInForce",
            Validity::Pending | Validity::Repealed | Validity::Expired => "https://schema.org/NotInForce",
        },
        legislation_passed_by: &issuer,
        legislation_type: d.kind.as_ref().or(d.genre.as_ref()).map(String::as_str),
        name: &d.title,
        publisher: organisation(config.identity.sponsor.as_deref().unwrap_or(&config.title)),
        url: &url,
    };
    f(&value)
}

/// A document's schema.org `Legislation`, written straight from the
/// document (not through a JSON tree): the fields in the order of their
/// names, as a JSON object's keys were written before.
#[derive(serde::Serialize)]
struct Legislation<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
    about: Named<'a>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_: Option<&'a str>,
    author: &'a Issuer<'a>,
    #[serde(rename = "datePublished", serialize_with = "day")]
    date_published: chrono::NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "some_day")]
    expires: Option<chrono::NaiveDate>,
    identifier: &'a str,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "isPartOf")]
    is_part_of: WebSite<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keywords: Option<&'a str>,
    #[serde(rename = "legislationDate", serialize_with = "day")]
    legislation_date: chrono::NaiveDate,
    #[serde(
        rename = "legislationDateOfApplicability",
        skip_serializing_if = "Option::is_none",
        serialize_with = "some_day"
    )]
    legislation_date_of_applicability: Option<chrono::NaiveDate>,
    #[serde(rename = "legislationIdentifier", skip_serializing_if = "Option::is_none")]
    legislation_identifier: Option<&'a str>,
    #[serde(rename = "legislationLegalForce")]
    legislation_legal_force: &'static str,
    #[serde(rename = "legislationPassedBy")]
    legislation_passed_by: &'a Issuer<'a>,
    #[serde(rename = "legislationType", skip_serializing_if = "Option::is_none")]
    legislation_type: Option<&'a str>,
    name: &'a str,
    publisher: Named<'a>,
    url: &'a str,
}

#[derive(serde::Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(serde::Serialize)]
struct WebSite<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

/// The issuer, or every issuer of a joint document.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Issuer<'a> {
    One(Named<'a>),
    Joint(Vec<Named<'a>>),
}

/// A date as `YYYY-MM-DD`.
fn day<S: serde::Serializer>(date: &chrono::NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

fn some_day<S: serde::Serializer>(date: &Option<chrono::NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(date),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_one_short_line() {
        assert_eq!(short("一\n二  三", 10), "一 二 三");
        assert_eq!(short("一二三四五", 3), "一二三…");
    }
}
