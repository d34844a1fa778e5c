//! `sources:` in site.yaml: the member sites a portal (集约化平台) is built
//! from, each read from what it published — a folder holding a built site,
//! or the address of its `catalogue.json`. A site with sources is a portal;
//! its members' documents join its own (`crate::portal` harvests them).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lang::Text;
use crate::msg;
use crate::site::config::Category;
use crate::site::fields::{DeclaredField, FieldType};

/// The administrative level of a member (层级).
pub const LEVELS: [&str; 4] = ["省", "市", "县", "乡"];

/// Where a member's published site is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A folder holding the built site (or a site whose output folder
    /// holds it), relative to the portal's folder or absolute.
    Folder(PathBuf),
    /// The http(s) address of its `catalogue.json`.
    Url(String),
}

/// How the portal shows a member's documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Pages {
    /// A page with the metadata and summary, linking to the member's own
    /// page, which is the canonical address.
    #[default]
    #[serde(rename = "link", alias = "链接")]
    Link,
    /// A full local copy of the text, canonical on the portal.
    #[serde(rename = "copy", alias = "副本")]
    Copy,
}

/// One member site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its name, e.g. 某某县人民政府 (a facet value: unique).
    pub name: String,
    /// One of [`LEVELS`].
    pub level: String,
    /// Its code: lower-case letters, digits and `-`; prefixes its
    /// documents' ids and page names on the portal.
    pub code: String,
    /// Where it is read from.
    pub location: Location,
    /// Link or copy.
    pub pages: Pages,
}

/// `sources:` entries as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[serde(alias = "名称")]
    name: String,
    #[serde(alias = "层级")]
    level: String,
    #[serde(alias = "代码")]
    code: String,
    #[serde(default, alias = "文件夹")]
    folder: Option<PathBuf>,
    #[serde(default, alias = "地址")]
    url: Option<String>,
    #[serde(default, alias = "页面")]
    pages: Pages,
}

/// The folder of the members' copies under the site's state folder.
pub const COPIES_DIR: &str = "sources";

/// The folder of every member's copy (`.gongkai/sources`).
pub fn copies_dir(root: &Path) -> PathBuf {
    root.join(crate::site::STATE_DIR).join(COPIES_DIR)
}

/// The folder holding member `code`'s copy (`.gongkai/sources/<code>`).
pub fn member_dir(root: &Path, code: &str) -> PathBuf {
    copies_dir(root).join(code)
}

/// Whether `path` (relative to the site) is a member's document copied
/// by the portal: its problems are the member's, not the portal's.
pub fn is_copy(path: &Path) -> bool {
    path.starts_with(Path::new(crate::site::STATE_DIR).join(COPIES_DIR))
}

/// The file in a member's copy listing the categories its documents use
/// (code, name), written by the portal's harvest.
pub const CATEGORIES_FILE: &str = ".categories.json";

/// The categories the members' copies use that site.yaml does not list,
/// as the last harvest left them (for `check` and `stats`, which read no
/// member).
pub fn held_categories(root: &Path, config: &crate::site::config::SiteConfig) -> Vec<Category> {
    let held: Vec<(&str, Vec<(String, String)>)> = config
        .sources
        .iter()
        .filter_map(|s| {
            let bytes = std::fs::read(member_dir(root, &s.code).join(CATEGORIES_FILE)).ok()?;
            Some((s.code.as_str(), serde_json::from_slice(&bytes).ok()?))
        })
        .collect();
    extra_categories(config, held.iter().map(|(c, list)| (*c, list.as_slice())))
}

/// The categories of the members' lists (by member code) that the site's
/// do not name, in order: each with the member's code for it unless that
/// code is taken.
pub fn extra_categories<'a>(
    config: &crate::site::config::SiteConfig,
    lists: impl Iterator<Item = (&'a str, &'a [(String, String)])>,
) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for (member, list) in lists {
        for (code, name) in list {
            if config.category(name).is_some() || categories.iter().any(|c| &c.name == name) {
                continue;
            }
            let taken = |code: &str| {
                config
                    .categories
                    .iter()
                    .chain(&categories)
                    .any(|c| c.code == code)
            };
            let code = if !code.is_empty() && !taken(code) {
                code.clone()
            } else {
                format!("{member}-{}", categories.len() + 1)
            };
            categories.push(Category {
                code,
                name: name.clone(),
            });
        }
    }
    categories
}

/// The keys of the fields a portal adds to every document: 层级, 成员单位
/// (both browsed as facets) and 原文地址.
pub const LEVEL_KEY: &str = "level";
/// See [`LEVEL_KEY`].
pub const MEMBER_KEY: &str = "member";
/// See [`LEVEL_KEY`].
pub const ORIGINAL_KEY: &str = "original_url";

/// The validated sources, problems through `problem`.
pub(crate) fn sources(raw: Vec<RawSource>, problem: &mut impl FnMut(&str, Text, Text, &str)) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::with_capacity(raw.len());
    let mut seen: Vec<(String, String)> = Vec::with_capacity(raw.len());
    for r in raw {
        let code = r.code.trim().to_owned();
        let name = r.name.trim().to_owned();
        let needle = format!("code: {code}");
        let valid_code = !code.is_empty()
            && code.len() <= 32
            && code.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_code {
            problem(
                "sources",
                msg!("config.source_code", code = code),
                msg!("config.source_code.hint"),
                &needle,
            );
            continue;
        }
        if name.is_empty() {
            problem(
                "sources",
                msg!("config.source_name", code = code),
                msg!("config.source_name.hint"),
                &needle,
            );
            continue;
        }
        let twice = seen.iter().any(|(c, n)| *c == code || *n == name);
        seen.push((code.clone(), name.clone()));
        if twice {
            problem(
                "sources",
                msg!("config.source_twice", code = code, name = name),
                msg!("config.source_twice.hint"),
                &needle,
            );
            continue;
        }
        let level = match r.level.trim() {
            "省" | "province" | "省级" => "省",
            "市" | "city" | "市级" => "市",
            "县" | "county" | "县级" | "区" => "县",
            "乡" | "township" | "乡级" | "镇" | "乡镇" => "乡",
            other => {
                problem(
                    "sources",
                    msg!("config.source_level", code = code, level = other),
                    msg!("config.source_level.hint"),
                    &needle,
                );
                continue;
            }
        };
        let location = match (r.folder, r.url) {
            (Some(folder), None) => Location::Folder(folder),
            (None, Some(url)) if url.starts_with("http://") || url.starts_with("https://") => {
                Location::Url(url.trim().to_owned())
            }
            (None, Some(url)) => {
                problem(
                    "sources",
                    msg!("config.source_url", code = code, url = url),
                    msg!("config.source_url.hint"),
                    &url,
                );
                continue;
            }
            _ => {
                problem(
                    "sources",
                    msg!("config.source_where", code = code),
                    msg!("config.source_where.hint"),
                    &needle,
                );
                continue;
            }
        };
        out.push(Source {
            name,
            level: level.to_owned(),
            code,
            location,
            pages: r.pages,
        });
    }
    out
}

/// The fields a portal declares for its members' documents: 层级 and
/// 成员单位 as facets (pages, search filters), 原文地址 shown in the table.
pub(crate) fn portal_fields(sources: &[Source]) -> Vec<DeclaredField> {
    let field = |key: &str, label: &str, kind: FieldType, facet: bool| DeclaredField {
        key: key.to_owned(),
        label: label.to_owned(),
        aliases: Vec::new(),
        kind,
        required: false,
        // 原文地址 has a row of its own, as a link.
        in_table: facet,
        in_cards: facet,
        after: "title",
        facet,
    };
    vec![
        field(
            LEVEL_KEY,
            "层级",
            FieldType::Choice(LEVELS.iter().map(|l| (*l).to_owned()).collect()),
            true,
        ),
        field(
            MEMBER_KEY,
            "成员单位",
            FieldType::Choice(sources.iter().map(|s| s.name.clone()).collect()),
            true,
        ),
        field(ORIGINAL_KEY, "原文地址", FieldType::Text, false),
    ]
}
