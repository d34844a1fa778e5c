//! What the page says about itself to machines: the page tags 《政府网站发展
//! 指引》 asks of every page of a government website (`SiteName`,
//! `SiteIDCode`, the column's, and an article's), and the schema.org JSON-LD
//! of a document page.
//!
//! Every page carries the site's and its column's tags; a page that is an
//! article (a document, the guide, a statement) carries the article's too.

use serde_json::json;

use crate::catalogue::Catalogue;
use crate::content::document::{Document, Validity};
use crate::render::i18n;

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
    catalogue: &Catalogue,
    path: &str,
    column: &Column<'_>,
    article: Option<&Article<'_>>,
) -> Tags {
    let config = &catalogue.config;
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

/// The tags of a document's page.
pub(super) fn document(catalogue: &Catalogue, d: &Document) -> Tags {
    let category = &catalogue.config.categories[d.category].name;
    let keywords = if d.keywords.is_empty() {
        [category.as_str(), d.issuer.as_str()].join(",")
    } else {
        d.keywords.join(",")
    };
    let description = if d.summary.is_empty() {
        &d.title
    } else {
        &d.summary
    };
    tags(
        catalogue,
        &d.url(),
        &Column { name: category },
        Some(&Article {
            title: &d.title,
            date: Some(d.published.format("%Y-%m-%d").to_string()),
            source: &d.issuer,
            keywords,
            description,
        }),
    )
}

/// A document as schema.org `Legislation`, for aggregators and search
/// engines: its 索引号, 文件编号, dates, issuer and legal force. `<` is
/// escaped, so the JSON cannot end the script element it is put in.
pub(super) fn json_ld(catalogue: &Catalogue, d: &Document) -> String {
    let config = &catalogue.config;
    let url = format!("{}{}", config.base_url, d.url());
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let organisation = |name: &str| json!({ "@type": "GovernmentOrganization", "name": name });
    let issuer = if d.joint_issuers.is_empty() {
        organisation(&d.issuer)
    } else {
        std::iter::once(&d.issuer)
            .chain(&d.joint_issuers)
            .map(|name| organisation(name))
            .collect()
    };
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": url,
        "url": url,
        "name": d.title,
        "identifier": d.index_number,
        "legislationDate": day(d.date),
        "datePublished": day(d.published),
        "legislationPassedBy": issuer,
        "author": issuer,
        "publisher": { "@type": "GovernmentOrganization", "name": config.identity.sponsor.as_deref().unwrap_or(&config.title) },
        "legislationLegalForce": match d.status {
            Validity::Valid => "https://schema.org/InForce",
            Validity::Amended | Validity::PartlyInvalid => "https://schema.org/PartiallyInForce",
            Validity::Pending | Validity::Repealed | Validity::Expired => "https://schema.org/NotInForce",
        },
        "inLanguage": config.language,
        "isPartOf": { "@type": "WebSite", "name": config.title, "url": config.base_url },
    });
    let object = value.as_object_mut().expect("an object");
    if let Some(number) = &d.doc_number {
        object.insert("legislationIdentifier".into(), json!(number));
    }
    if let Some(kind) = d.kind.as_ref().or(d.genre.as_ref()) {
        object.insert("legislationType".into(), json!(kind));
    }
    if let Some(effective) = d.effective {
        object.insert("legislationDateOfApplicability".into(), json!(day(effective)));
    }
    if !d.summary.is_empty() {
        object.insert("abstract".into(), json!(d.summary));
    }
    if !d.keywords.is_empty() {
        object.insert("keywords".into(), json!(d.keywords.join(",")));
    }
    if let Some(until) = d.valid_until {
        object.insert("expires".into(), json!(until.format("%Y-%m-%d").to_string()));
    }
    object.insert(
        "about".into(),
        json!({ "@type": "Thing", "name": config.categories[d.category].name }),
    );
    serde_json::to_string(&value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
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
