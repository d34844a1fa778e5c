//! The exports described for data catalogues: `data.json` (Project Open
//! Data v1.1, with the contact it requires) and `dcat.jsonld` (DCAT-AP in
//! JSON-LD, its context inline) for CKAN-style harvesters.

use serde_json::{Value, json};

use super::harvest::Harvest;
use crate::catalogue::Catalogue;

/// The exports described as a Project Open Data (DCAT) catalog.
pub(super) fn data_json(catalogue: &Catalogue, harvest: &Harvest) -> Value {
    let base = &catalogue.config.base_url;
    let modified = harvest
        .modified
        .iter()
        .chain(harvest.tombstones.iter().map(|t| &t.withdrawn))
        .max()
        .map(|d| d.format("%Y-%m-%d").to_string());
    let identity = &catalogue.config.identity;
    // Project Open Data v1.1 requires a contact: the sponsor (主办单位), its
    // e-mail where site.yaml gives one.
    let mut contact = json!({
        "@type": "vcard:Contact",
        "fn": identity.sponsor.as_deref().unwrap_or(catalogue.config.title.as_str()),
    });
    if let Some(email) = identity.email.as_deref().filter(|e| e.contains('@')) {
        contact["hasEmail"] = json!(format!("mailto:{}", email.trim()));
    }
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
            "publisher": { "@type": "org:Organization", "name": identity.sponsor.as_deref().unwrap_or(catalogue.config.title.as_str()) },
            "contactPoint": contact,
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

/// The same description as DCAT-AP in JSON-LD, with its context inline
/// (no fetch), for CKAN-style portals (ckanext-dcat) to harvest.
pub(super) fn dcat_jsonld(catalogue: &Catalogue, harvest: &Harvest) -> Value {
    let base = &catalogue.config.base_url;
    let config = &catalogue.config;
    let identity = &config.identity;
    let modified = harvest
        .modified
        .iter()
        .chain(harvest.tombstones.iter().map(|t| &t.withdrawn))
        .max()
        .map(|d| json!({ "@value": d.format("%Y-%m-%d").to_string(), "@type": "xsd:date" }));
    let text = |s: &str| json!({ "@value": s, "@language": config.language });
    let sponsor = identity.sponsor.as_deref().unwrap_or(config.title.as_str());
    let publisher = json!({ "@type": "foaf:Agent", "foaf:name": text(sponsor) });
    let mut contact = json!({ "@type": "vcard:Organization", "vcard:fn": sponsor });
    if let Some(email) = identity.email.as_deref().filter(|e| e.contains('@')) {
        contact["vcard:hasEmail"] = json!({ "@id": format!("mailto:{}", email.trim()) });
    }
    let distribution = |name: &str, media: &str, format: &str| {
        json!({
            "@id": format!("{base}{name}"),
            "@type": "dcat:Distribution",
            "dct:title": name,
            "dcat:accessURL": { "@id": format!("{base}{name}") },
            "dcat:downloadURL": { "@id": format!("{base}{name}") },
            "dcat:mediaType": { "@id": format!("http://www.iana.org/assignments/media-types/{media}") },
            "dct:format": format,
        })
    };
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"
        },
        "@id": format!("{base}dcat.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": text(&format!("{} 政府信息公开目录", config.title)),
        "dct:description": text(&format!("{} 的主动公开政府信息目录及其开放数据。", config.title)),
        "dct:publisher": publisher,
        "dct:modified": modified,
        "foaf:homepage": { "@id": base },
        "dcat:dataset": [{
            "@id": format!("{base}catalogue.json#dataset"),
            "@type": "dcat:Dataset",
            "dct:identifier": format!("{base}catalogue.json"),
            "dct:title": text(&format!("{} 政府信息公开目录", config.title)),
            "dct:description": text(&format!("{} 件主动公开的政府信息的元数据：索引号、信息标题、发布机构、信息分类、发文日期、文件编号、有效性、内容概述。", catalogue.documents.len())),
            "dcat:keyword": [text("政府信息公开"), text("政务公开")],
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:modified": modified,
            "dcat:landingPage": { "@id": base },
            "dct:accessRights": { "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC" },
            "dct:conformsTo": { "@id": format!("{base}catalogue.schema.json") },
            "dcat:distribution": [
                distribution("catalogue.json", "application/json", "JSON"),
                distribution("catalogue.csv", "text/csv", "CSV"),
                distribution("feed.xml", "application/atom+xml", "Atom"),
            ]
        }]
    })
}
