//! `site.yaml` → [`SiteConfig`]: the site's title, address, categories and
//! issuers, with unknown keys rejected and every problem reported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use crate::site::identity::{Gap, Identity, PLACEHOLDER};

use serde::Deserialize;

pub use super::commands::{BucketConfig, DeployConfig, DeployTarget, RegistersConfig};

use crate::diagnostic::{Diagnostic, line_of};
use crate::lang::Text;
use crate::msg;
pub use crate::site::fields::{DeclaredField, FieldType, Subject, SubjectChild};
use crate::site::vocabulary;

/// Types published when site.yaml does not say otherwise.
pub const DEFAULT_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "jpg", "jpeg", "png", "gif",
    "txt", "csv",
];

/// Types that can carry script when a browser opens them: never published,
/// whatever site.yaml says.
pub const FORBIDDEN_TYPES: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "shtm", "mht", "mhtml", "svg", "svgz", "js", "mjs", "xml", "xsl",
    "xslt", "htc", "hta", "vml", "rdf", "swf", "php", "asp", "aspx", "jsp",
];

/// The name of the site configuration file in the site root.
pub const FILE_NAME: &str = "site.yaml";

/// The validated configuration of one site.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The site's title, shown on every page.
    pub title: String,
    /// Absolute address of the published site, always ending in `/`.
    pub base_url: String,
    /// The `lang` of the pages, e.g. `zh-CN`.
    pub language: String,
    /// Who runs the site, shown in every page's footer.
    pub identity: Identity,
    /// Where the site is written, relative to the site root.
    pub output_dir: PathBuf,
    /// Documents per list page.
    pub page_size: usize,
    /// Documents on the home page's "newest" list.
    pub home_recent: usize,
    /// The theme folder under `themes/` that overrides the default theme.
    pub theme: String,
    /// The 信息分类 in display order.
    pub categories: Vec<Category>,
    /// Issuers declared with a URL code; others get a code derived from the name.
    pub issuers: Vec<DeclaredIssuer>,
    /// Search options.
    pub search: SearchConfig,
    /// The office's registers that `gongkai report` reads.
    pub registers: RegistersConfig,
    /// Where `gongkai deploy` publishes the output.
    pub deploy: DeployConfig,
    /// File types that may be published as attachments (lower case, no dot).
    pub attachment_types: std::collections::BTreeSet<String>,
    /// The disclosure column's structure, when declared.
    pub column: Option<Column>,
    /// Entries in each Atom feed (newest first).
    pub feed_entries: usize,
    /// Kinds of 规范性文件 counted in the annual report (规章, 行政规范性文件 …):
    /// [`vocabulary::KINDS`] unless site.yaml says otherwise.
    pub kinds: Vec<String>,
    /// 文种 a document may have: [`vocabulary::GENRES`] and the site's own.
    pub genres: Vec<String>,
    /// 主题分类, two levels; empty when the site does not classify by subject.
    pub subjects: Vec<Subject>,
    /// Front-matter fields the site declares beyond the built-in ones.
    pub fields: Vec<DeclaredField>,
    /// Which days are working days: the shipped holiday notices and the
    /// site's `calendar:`.
    pub calendar: crate::site::calendar::WorkCalendar,
    /// Which documents must have a 解读, and how soon (`interpretation:`).
    pub interpretation: Interpretation,
    /// How `gongkai new-doc` numbers new documents, when declared.
    pub index_number: Option<IndexNumberConfig>,
    /// The member sites of a portal (`sources:`); empty for an office's
    /// own site.
    pub sources: Vec<crate::site::sources::Source>,
    /// A hash of site.yaml's text: what the parse cache was made with.
    pub(crate) text_hash: crate::hash::Stamp,
}

/// `interpretation:` in site.yaml: the documents that must have a 政策解读
/// (by kind or category), and within how many working days of the policy
/// it must be published.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Interpretation {
    /// Kinds whose documents need a 解读 (规章, 行政规范性文件 …).
    #[serde(default, alias = "文件类型")]
    pub kinds: Vec<String>,
    /// Categories (code or name) whose documents need one.
    #[serde(default, alias = "信息分类")]
    pub categories: Vec<String>,
    /// At most this many working days between the policy's 发布日期 and
    /// its 解读's.
    #[serde(default, alias = "工作日")]
    pub within_working_days: Option<u32>,
}

/// The `index_number:` section of site.yaml, for `gongkai new-doc`.
#[derive(Clone, Debug)]
pub struct IndexNumberConfig {
    /// The pattern, e.g. `{org}-{category_code}-{year}-{seq:06}`.
    pub pattern: crate::site::index_number::Pattern,
    /// What `{org}` stands for, e.g. `0101`.
    pub org: String,
    /// The issuer new documents get when `--issuer` is not given.
    pub issuer: Option<String>,
}

/// `index_number:` as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndexNumber {
    pattern: String,
    #[serde(default)]
    org: String,
    #[serde(default)]
    issuer: Option<String>,
}

/// The `feeds:` section of site.yaml.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct RawFeeds {
    #[serde(default = "default_feed_entries")]
    entries: usize,
}

impl Default for RawFeeds {
    fn default() -> Self {
        RawFeeds {
            entries: default_feed_entries(),
        }
    }
}

fn default_feed_entries() -> usize {
    50
}

/// The 政务公开 column's four sections (国办公开办函〔2019〕61号):
/// 政府信息公开指南, 政府信息公开制度, 法定主动公开内容, 政府信息公开年报.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// 政府信息公开指南: a Markdown page, relative to content/.
    pub guide: Option<String>,
    /// 政府信息公开制度: a Markdown page, relative to content/.
    pub rules: Option<String>,
    /// 法定主动公开内容: items of 《政府信息公开条例》 art. 20 (and art. 21
    /// for city and county governments), each with the categories that hold it.
    #[serde(default)]
    pub mandatory: Vec<MandatoryItem>,
    /// 政府信息公开年报: the code of the category that holds the annual reports.
    pub reports: Option<String>,
    /// The day (`MM-DD`) each year's report is due the next year: `01-31`
    /// for a government department, `03-31` (the default) for a county or
    /// higher government (《政府信息公开条例》 arts. 49–50). `gongkai audit`
    /// checks the reports against it.
    #[serde(default)]
    pub report_deadline: Option<String>,
}

/// One item of 法定主动公开内容.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MandatoryItem {
    /// The item as the regulation words it, e.g. `（一）行政法规、规章和规范性文件`.
    pub item: String,
    /// Codes of the categories that hold it.
    #[serde(default)]
    pub categories: Vec<String>,
}

/// The `attachments:` section of site.yaml.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct RawAttachments {
    /// Replaces the default list of types.
    #[serde(default)]
    allowed_types: Option<Vec<String>>,
}

/// The `search:` section of site.yaml.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Also write `search/lunr.json`, an elasticlunr index of titles,
    /// document numbers and index numbers.
    #[serde(default)]
    pub lunr_export: bool,
    /// Groups of words a reader may type for one another (`[放管服,
    /// 简政放权、放管结合、优化服务]`): a query holding one also finds the
    /// documents holding another, at query time.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

/// One 信息分类 of the catalogue.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// ASCII code used in URLs and index numbers, e.g. `03`.
    pub code: String,
    /// Display name, e.g. `规划计划`.
    pub name: String,
}

/// An issuer (发布机构) whose URL code the site chose.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DeclaredIssuer {
    /// ASCII code used in URLs, e.g. `0101`.
    pub code: String,
    /// The issuer's name as documents write it.
    pub name: String,
}

/// `site.yaml` as written, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSiteConfig {
    title: String,
    #[serde(default = "default_base_url")]
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_output_dir")]
    output_dir: PathBuf,
    #[serde(default = "default_page_size")]
    page_size: usize,
    #[serde(default = "default_home_recent")]
    home_recent: usize,
    #[serde(default = "default_theme")]
    theme: String,
    categories: Vec<Category>,
    #[serde(default)]
    issuers: Vec<DeclaredIssuer>,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    registers: RegistersConfig,
    #[serde(default)]
    deploy: DeployConfig,
    #[serde(default)]
    attachments: RawAttachments,
    #[serde(default)]
    column: Option<Column>,
    #[serde(default)]
    feeds: RawFeeds,
    #[serde(default)]
    genres: Vec<String>,
    #[serde(default)]
    kinds: Option<Vec<String>>,
    #[serde(default)]
    subjects: Option<crate::site::fields::RawSubjects>,
    #[serde(default)]
    fields: Vec<crate::site::fields::RawField>,
    #[serde(default)]
    calendar: Option<crate::site::calendar::RawCalendar>,
    #[serde(default, alias = "政策解读")]
    interpretation: Interpretation,
    #[serde(default)]
    index_number: Option<RawIndexNumber>,
    #[serde(default, alias = "网站信息", alias = "footer", alias = "页脚")]
    identity: Identity,
    #[serde(default, alias = "成员网站")]
    sources: Vec<crate::site::sources::RawSource>,
}

fn default_base_url() -> String {
    "/".to_owned()
}
fn default_language() -> String {
    "zh-CN".to_owned()
}
fn default_output_dir() -> PathBuf {
    PathBuf::from("public")
}
fn default_page_size() -> usize {
    20
}
fn default_home_recent() -> usize {
    20
}
fn default_theme() -> String {
    "default".to_owned()
}

impl SiteConfig {
    /// Reads and validates `site.yaml` in `root`.
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![
                Diagnostic::error(FILE_NAME, msg!("config.unreadable", file = FILE_NAME, error = e))
                    .hint(msg!("config.unreadable.hint")),
            ]
        })?;
        Self::parse(&text)
    }

    /// Parses and validates the text of a `site.yaml`.
    pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawSiteConfig = serde_norway::from_str(text).map_err(|e| {
            let line = e.location().map(|l| u32::try_from(l.line()).unwrap_or(u32::MAX));
            vec![
                Diagnostic::error(FILE_NAME, msg!("config.yaml", detail = yaml_message(&e)))
                    .at(line)
                    .hint(msg!("config.yaml.hint")),
            ]
        })?;
        validate(raw, text)
    }

    /// The host of an absolute `base_url` (None for a path like `/`).
    pub fn domain(&self) -> Option<&str> {
        let (_, rest) = self.base_url.split_once("://")?;
        let host = rest.split(['/', '?', '#']).next()?;
        (!host.is_empty()).then_some(host)
    }

    /// The path of an absolute `base_url` below its domain's root
    /// (`https://a.gov.cn/zwgk/` → `/zwgk/`), None at the root or for a
    /// relative base_url.
    pub fn sub_path(&self) -> Option<&str> {
        let host = self.domain()?;
        let (_, rest) = self.base_url.split_once("://")?;
        let path = &rest[host.len()..];
        (!path.is_empty() && path != "/").then_some(path)
    }

    /// Adds categories a portal's members use that site.yaml does not
    /// list, after its own; the parse cache is told (a document's category
    /// is a position in the list).
    pub fn add_categories(&mut self, more: Vec<Category>) {
        if more.is_empty() {
            return;
        }
        let mut hasher = blake3::Hasher::new();
        hasher.update(&self.text_hash);
        for c in &more {
            hasher.update(c.code.as_bytes());
            hasher.update(b"\0");
            hasher.update(c.name.as_bytes());
            hasher.update(b"\0");
        }
        self.text_hash = crate::hash::short(&hasher.finalize());
        self.categories.extend(more);
    }

    /// The category whose code or name is `key`.
    pub fn category(&self, key: &str) -> Option<usize> {
        self.categories
            .iter()
            .position(|c| c.name == key)
            .or_else(|| self.categories.iter().position(|c| c.code == key))
    }
}

/// The `language` site.yaml in `root` gives, read without validating the
/// rest (the command line needs it before anything is checked).
pub fn peek_language(root: &Path) -> Option<String> {
    peek(root, "language")
}

/// The `output_dir` site.yaml in `root` gives, read without validating
/// the rest (a portal reading a member's site folder).
pub fn peek_output_dir(root: &Path) -> Option<PathBuf> {
    peek(root, "output_dir").map(PathBuf::from)
}

/// A top-level text value of site.yaml in `root`, if it reads as YAML.
fn peek(root: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(root.join(FILE_NAME)).ok()?;
    let value: serde_norway::Value = serde_norway::from_str(&text).ok()?;
    value.get(key)?.as_str().map(str::to_owned)
}

/// serde's message without the location suffix it sometimes appends (we print
/// the location ourselves).
pub(crate) fn yaml_message(e: &serde_norway::Error) -> String {
    let message = e.to_string();
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

fn validate(raw: RawSiteConfig, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let line_with = |needle: &str| text.find(needle).map(|i| line_of(text, i));
    let mut problem = |field: &str, message: Text, hint: Text, needle: &str| {
        problems.push(
            Diagnostic::error(FILE_NAME, message)
                .at(line_with(needle))
                .field(field)
                .hint(hint),
        );
    };

    if raw.title.trim().is_empty() {
        problem("title", msg!("config.title"), msg!("config.title.hint"), "title");
    }
    if raw.categories.is_empty() {
        problem(
            "categories",
            msg!("config.categories"),
            msg!("config.categories.hint"),
            "categories",
        );
    }
    check_codes(
        "categories",
        raw.categories.iter().map(|c| (c.code.as_str(), c.name.as_str())),
        &mut problem,
    );
    check_codes(
        "issuers",
        raw.issuers.iter().map(|c| (c.code.as_str(), c.name.as_str())),
        &mut problem,
    );
    for group in &raw.search.synonyms {
        let words: Vec<&str> = group.iter().map(|w| w.trim()).filter(|w| !w.is_empty()).collect();
        let distinct: std::collections::BTreeSet<&str> = words.iter().copied().collect();
        if distinct.len() < 2 || words.len() != group.len() {
            problem(
                "search.synonyms",
                msg!("config.synonyms", group = group.join("、")),
                msg!("config.synonyms.hint"),
                group.first().map_or("synonyms", |w| w.as_str()),
            );
        }
    }
    if raw.page_size == 0 {
        problem(
            "page_size",
            msg!("config.page_size"),
            msg!("config.page_size.hint"),
            "page_size",
        );
    }
    let base_url = if raw.base_url.ends_with('/') {
        raw.base_url
    } else {
        format!("{}/", raw.base_url)
    };
    if base_url.starts_with("//") {
        problem(
            "base_url",
            msg!("config.base_url_scheme", url = base_url),
            msg!("config.base_url_scheme.hint"),
            "base_url",
        );
    } else if !(base_url.starts_with("https://")
        || base_url.starts_with("http://")
        || base_url.starts_with('/'))
    {
        problem(
            "base_url",
            msg!("config.base_url", url = base_url),
            msg!("config.base_url.hint"),
            "base_url",
        );
    }
    if raw.theme.is_empty() || raw.theme.contains(['/', '\\']) || raw.theme.starts_with('.') {
        problem(
            "theme",
            msg!("config.theme", theme = raw.theme),
            msg!("config.theme.hint"),
            "theme",
        );
    }
    if raw.output_dir.as_os_str().is_empty()
        || raw.output_dir.is_absolute()
        || raw
            .output_dir
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        problem(
            "output_dir",
            msg!("config.output_dir", dir = raw.output_dir.display()),
            msg!("config.output_dir.hint"),
            "output_dir",
        );
    }

    let attachment_types: std::collections::BTreeSet<String> = match &raw.attachments.allowed_types {
        Some(types) => types
            .iter()
            .map(|t| t.trim_start_matches('.').to_ascii_lowercase())
            .collect(),
        None => DEFAULT_TYPES.iter().map(|t| (*t).to_owned()).collect(),
    };
    for t in &attachment_types {
        if FORBIDDEN_TYPES.contains(&t.as_str()) {
            problem(
                "attachments",
                msg!("config.type_forbidden", kind = t),
                msg!("config.type_forbidden.hint"),
                "allowed_types",
            );
        }
    }

    if let Some(column) = &raw.column {
        let known = |code: &str| raw.categories.iter().any(|c| c.code == code);
        for code in column
            .mandatory
            .iter()
            .flat_map(|m| &m.categories)
            .chain(&column.reports)
        {
            if !known(code) {
                problem(
                    "column",
                    msg!("config.column_code", code = code),
                    msg!("config.column_code.hint"),
                    code,
                );
            }
        }
        if let Some(day) = &column.report_deadline
            && chrono::NaiveDate::parse_from_str(&format!("2001-{day}"), "%Y-%m-%d").is_err()
        {
            problem(
                "column",
                msg!("config.report_deadline", day = day),
                msg!("config.report_deadline.hint"),
                "report_deadline",
            );
        }
        for page in column.guide.iter().chain(&column.rules) {
            if !page.ends_with(".md") || page.starts_with('/') || page.contains("..") {
                problem(
                    "column",
                    msg!("config.column_page", page = page),
                    msg!("config.column_page.hint"),
                    page,
                );
            }
        }
    }

    for page in raw.identity.accessibility.iter().chain(&raw.identity.privacy) {
        if !page.ends_with(".md") || page.starts_with('/') || page.contains("..") {
            problem(
                "identity",
                msg!("config.column_page", page = page),
                msg!("config.column_page.hint"),
                page,
            );
        }
    }

    let index_number = raw.index_number.and_then(|n| {
        let pattern = match crate::site::index_number::Pattern::parse(&n.pattern) {
            Ok(p) => p,
            Err(message) => {
                problem("index_number", message, msg!("config.pattern.hint"), "pattern");
                return None;
            }
        };
        if pattern.uses_org() && n.org.trim().is_empty() {
            problem(
                "index_number",
                msg!("config.pattern_org"),
                msg!("config.pattern_org.hint"),
                "index_number",
            );
        }
        Some(IndexNumberConfig {
            pattern,
            org: n.org.trim().to_owned(),
            issuer: n.issuer.filter(|i| !i.trim().is_empty()),
        })
    });

    let kinds = raw
        .kinds
        .unwrap_or_else(|| vocabulary::KINDS.iter().map(|k| (*k).to_owned()).collect());
    let mut genres: Vec<String> = vocabulary::GENRES.iter().map(|g| (*g).to_owned()).collect();
    for genre in raw.genres {
        if kinds.contains(&genre) {
            problem(
                "genres",
                msg!("config.genre_is_kind", genre = genre),
                msg!("config.genre_is_kind.hint"),
                &genre,
            );
        } else if !genres.contains(&genre) {
            genres.push(genre);
        }
    }
    let subjects = raw
        .subjects
        .map(|s| crate::site::fields::subjects(s, &mut problem))
        .unwrap_or_default();
    let mut fields = crate::site::fields::declared(raw.fields, &mut problem);
    let sources = crate::site::sources::sources(raw.sources, &mut problem);
    if !sources.is_empty() {
        for added in crate::site::sources::portal_fields(&sources) {
            if let Some(taken) = fields
                .iter()
                .find(|f| f.is_named(&added.key) || f.is_named(&added.label))
            {
                problem(
                    "fields",
                    msg!("config.field_taken", name = taken.key),
                    msg!("config.source_field.hint"),
                    &format!("key: {}", taken.key),
                );
            }
            fields.push(added);
        }
    }
    let calendar = crate::site::calendar::WorkCalendar::with(raw.calendar, &mut problem);
    crate::site::commands::check_deploy(&raw.deploy, &mut problem);
    for code in &raw.interpretation.categories {
        if !raw.categories.iter().any(|c| &c.code == code || &c.name == code) {
            problem(
                "interpretation",
                msg!("config.column_code", code = code),
                msg!("config.column_code.hint"),
                code,
            );
        }
    }
    for kind in &raw.interpretation.kinds {
        if !kinds.contains(kind) {
            problem(
                "interpretation",
                msg!("kind.unknown", value = kind),
                msg!("hint.use_one_of", names = kinds.join("、")),
                kind,
            );
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SiteConfig {
        title: raw.title.trim().to_owned(),
        base_url,
        language: raw.language,
        identity: raw.identity,
        output_dir: raw.output_dir,
        page_size: raw.page_size,
        home_recent: raw.home_recent,
        theme: raw.theme,
        categories: raw.categories,
        issuers: raw.issuers,
        search: raw.search,
        registers: raw.registers,
        deploy: raw.deploy,
        attachment_types,
        column: raw.column,
        feed_entries: raw.feeds.entries,
        kinds,
        genres,
        subjects,
        fields,
        calendar,
        interpretation: raw.interpretation,
        index_number,
        sources,
        text_hash: crate::hash::hash16(text.as_bytes()),
    })
}

/// Codes must be URL-safe and unique, names unique.
fn check_codes<'a>(
    field: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)>,
    problem: &mut impl FnMut(&str, Text, Text, &str),
) {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for (code, name) in entries {
        if !is_url_code(code) {
            problem(
                field,
                msg!("config.code_unsafe", code = code, name = name),
                msg!("config.code_unsafe.hint"),
                &format!("code: {code}"),
            );
        } else if !codes.insert(code.to_ascii_lowercase()) {
            problem(
                field,
                msg!("config.code_twice", code = code),
                msg!("config.code_twice.hint"),
                code,
            );
        }
        if name.trim().is_empty() {
            problem(
                field,
                msg!("config.name_empty"),
                msg!("config.name_empty.hint"),
                "name",
            );
        } else if !names.insert(name) {
            problem(
                field,
                msg!("config.name_twice", name = name),
                msg!("config.name_twice.hint"),
                name,
            );
        }
    }
}

/// Whether `code` can stand in a URL path segment as it is.
pub fn is_url_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: 测试站\ncategories:\n  - { code: \"01\", name: 机构职能 }\n";

    #[test]
    fn defaults_apply() {
        let c = SiteConfig::parse(MINIMAL).expect("valid");
        assert_eq!(c.base_url, "/");
        assert_eq!(c.language, "zh-CN");
        assert_eq!(c.output_dir, PathBuf::from("public"));
        assert_eq!(c.page_size, 20);
        assert_eq!(c.category("机构职能"), Some(0));
        assert_eq!(c.category("01"), Some(0));
    }

    #[test]
    fn the_domain_and_sub_path_come_from_an_absolute_base_url() {
        let with = |url: &str| SiteConfig::parse(&format!("{MINIMAL}base_url: {url}\n")).expect("valid");
        let c = with("https://www.zichuan.gov.cn/zwgk/");
        assert_eq!(
            (c.domain(), c.sub_path()),
            (Some("www.zichuan.gov.cn"), Some("/zwgk/"))
        );
        let c = with("http://a.gov.cn:8080");
        assert_eq!((c.domain(), c.sub_path()), (Some("a.gov.cn:8080"), None));
        let c = with("/zwgk/");
        assert_eq!((c.domain(), c.sub_path()), (None, None));
    }

    #[test]
    fn unknown_key_is_rejected_with_its_line() {
        let e = SiteConfig::parse(&format!("{MINIMAL}colour: red\n")).expect_err("unknown key");
        assert_eq!(e[0].line, Some(4));
        assert!(
            e[0].message.en().contains("unknown field `colour`"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn every_problem_is_reported() {
        let text = "title: ''\npage_size: 0\ncategories:\n  - { code: \"a b\", name: X }\n  - { code: \"02\", name: X }\n";
        let e = SiteConfig::parse(text).expect_err("invalid");
        let fields: Vec<_> = e.iter().filter_map(|d| d.field.as_deref()).collect();
        assert_eq!(
            fields,
            ["title", "categories", "categories", "page_size"],
            "{e:?}"
        );
    }
}
