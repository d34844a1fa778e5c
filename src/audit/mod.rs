//! `gongkai audit`: a built site checked against what inspections of
//! government websites look for, one finding per rule with its source.
//!
//! It reads the output as a visitor's browser would (the HTML files, the
//! exported `catalogue.json`), so it holds for any theme; only the site's
//! declarations (identity, column, report deadline) come from site.yaml.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::content::page::url as page_url;
use crate::diagnostic::Diagnostic;
use crate::lang::Text;
use crate::msg;
use crate::site::config::{Gap, Identity, SiteConfig};

mod page;

/// The outcome of one rule.
#[derive(Debug)]
pub struct Finding {
    /// Its stable code, e.g. `audit.tags` (name and source are in the
    /// message table under it and `<code>.source`).
    pub code: &'static str,
    /// Whether failing it fails the audit (exit 1); the others are advice.
    pub required: bool,
    /// What is wrong, each naming its page or item; empty when it passes.
    pub problems: Vec<Text>,
}

impl Finding {
    /// The rule, in words.
    pub fn name(&self) -> Text {
        Text::new(self.code)
    }

    /// Where the rule comes from.
    pub fn source(&self) -> Text {
        match self.code {
            "audit.identity" => Text::new("audit.identity.source"),
            "audit.tags" => Text::new("audit.tags.source"),
            "audit.column" => Text::new("audit.column.source"),
            "audit.mandatory" => Text::new("audit.mandatory.source"),
            "audit.reports" => Text::new("audit.reports.source"),
            "audit.links" => Text::new("audit.links.source"),
            "audit.external" => Text::new("audit.external.source"),
            "audit.depth" => Text::new("audit.depth.source"),
            _ => Text::new("audit.json_ld.source"),
        }
    }

    /// Whether the rule holds.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Tags every page carries (《政府网站发展指引》).
const SITE_TAGS: [&str; 7] = [
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ColumnDescription",
    "ColumnKeywords",
    "ColumnType",
];

/// Tags an article page (a document, a column page) adds.
const ARTICLE_TAGS: [&str; 7] = [
    "ArticleTitle",
    "PubDate",
    "ContentSource",
    "Keywords",
    "Author",
    "Description",
    "Url",
];

/// How many clicks from the home page every page should be.
const MAX_CLICKS: usize = 3;

/// Audits the site in `root` as built into `out` (default: its output
/// folder), on `today`.
pub fn audit(root: &Path, out: Option<&Path>, today: NaiveDate) -> Result<Vec<Finding>, Vec<Diagnostic>> {
    let config = SiteConfig::load(root)?;
    let out: PathBuf = out.map_or_else(|| root.join(&config.output_dir), Path::to_path_buf);
    if !out.join("index.html").is_file() {
        return Err(vec![
            Diagnostic::error(&out, msg!("audit.no_site", dir = out.display()))
                .hint(msg!("audit.no_site.hint")),
        ]);
    }
    let mut files = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&out).sort_by_file_name() {
        let entry = entry.map_err(|e| vec![Diagnostic::error(&out, msg!("audit.unreadable", error = e))])?;
        if entry.file_type().is_file()
            && let Ok(rel) = entry.path().strip_prefix(&out)
        {
            files.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    let pages: BTreeMap<String, page::PageFacts> = files
        .par_iter()
        .filter(|f| f.ends_with(".html"))
        .filter_map(|f| Some((f.clone(), page::read(&std::fs::read_to_string(out.join(f)).ok()?))))
        .collect();
    let site = Site {
        config: &config,
        out: &out,
        files: &files,
        pages: &pages,
    };
    Ok(vec![
        site.identity(),
        site.tags(),
        site.column(),
        site.mandatory(),
        site.reports(today),
        site.links(),
        site.external(),
        site.depth(),
        site.json_ld(),
    ])
}

struct Site<'a> {
    config: &'a SiteConfig,
    out: &'a Path,
    files: &'a BTreeSet<String>,
    pages: &'a BTreeMap<String, page::PageFacts>,
}

/// At most this many problems of one kind are listed; the rest are counted.
const SHOWN: usize = 8;

fn capped(code: &'static str, required: bool, mut problems: Vec<Text>) -> Finding {
    if problems.len() > SHOWN {
        let more = problems.len() - SHOWN;
        problems.truncate(SHOWN);
        problems.push(msg!("audit.more", n = more));
    }
    Finding {
        code,
        required,
        problems,
    }
}

impl Site<'_> {
    fn facts(&self) -> impl Iterator<Item = (&String, &page::PageFacts)> {
        self.pages.iter()
    }

    /// Whether the page at `path` is an article (a document, the guide, the
    /// rules).
    fn is_article(path: &str) -> bool {
        path.starts_with("docs/") || path == page_url("guide") || path == page_url("rules")
    }

    fn identity(&self) -> Finding {
        let identity = &self.config.identity;
        let mut problems: Vec<Text> = identity
            .gaps()
            .into_iter()
            .map(|(_, chinese, _, gap)| match gap {
                Gap::Missing => msg!("audit.identity.missing", name = chinese),
                _ => msg!("audit.identity.placeholder", name = chinese),
            })
            .collect();
        if problems.is_empty() {
            // What every footer must show: the required items as written,
            // and the link to the ICP register.
            let mut expected: Vec<&str> = identity
                .fields()
                .into_iter()
                .filter(|(key, _, _)| Identity::REQUIRED.contains(key))
                .filter_map(|(_, _, value)| value.map(str::trim))
                .collect();
            expected.push("https://beian.miit.gov.cn/");
            for (path, facts) in self.facts() {
                if let Some(missing) = expected.iter().find(|v| !facts.footer.contains(**v)) {
                    problems.push(msg!("audit.identity.page", page = path, value = missing));
                }
            }
        }
        capped("audit.identity", true, problems)
    }

    fn tags(&self) -> Finding {
        let mut problems = Vec::new();
        for (path, facts) in self.facts() {
            let article = Self::is_article(path);
            let wanted = SITE_TAGS
                .iter()
                .chain(if article { &ARTICLE_TAGS[..] } else { &[] });
            let missing: Vec<&str> = wanted
                .filter(|name| facts.meta(name).is_none_or(|c| c.trim().is_empty()))
                .copied()
                .collect();
            if !missing.is_empty() {
                problems.push(msg!("audit.tags.missing", page = path, tags = missing.join(", ")));
                continue;
            }
            if let Some(code) = facts.meta("SiteIDCode").filter(|c| !Identity::is_site_code(c)) {
                problems.push(msg!(
                    "audit.tags.bad",
                    page = path,
                    tag = "SiteIDCode",
                    value = code
                ));
            }
            if article {
                if let Some(date) = facts.meta("PubDate").filter(|d| !is_pub_date(d)) {
                    problems.push(msg!("audit.tags.bad", page = path, tag = "PubDate", value = date));
                }
                if let Some(url) = facts
                    .meta("Url")
                    .filter(|u| !(u.starts_with("https://") || u.starts_with("http://")))
                {
                    problems.push(msg!("audit.tags.bad", page = path, tag = "Url", value = url));
                }
            }
        }
        capped("audit.tags", true, problems)
    }

    /// The column's four sections, as output paths (None: not declared).
    fn sections(&self) -> [(&'static str, Option<String>); 4] {
        let column = self.config.column.as_ref();
        let page = |key: &str, declared: bool| declared.then(|| page_url(key));
        [
            ("guide", page("guide", column.is_some_and(|c| c.guide.is_some()))),
            ("rules", page("rules", column.is_some_and(|c| c.rules.is_some()))),
            (
                "mandatory",
                page("mandatory", column.is_some_and(|c| !c.mandatory.is_empty())),
            ),
            (
                "reports",
                column.and_then(|c| c.reports.as_deref()).map(category_url),
            ),
        ]
    }

    fn column(&self) -> Finding {
        let mut problems = Vec::new();
        let mut targets = Vec::new();
        for (key, path) in self.sections() {
            let name = crate::render::i18n::get(&self.config.language, key);
            match path {
                None => problems.push(msg!("audit.column.undeclared", name = name)),
                Some(path) if !self.files.contains(&path) => {
                    problems.push(msg!("audit.column.absent", name = name, page = path))
                }
                Some(path) => targets.push((name, path)),
            }
        }
        if problems.is_empty() {
            for (path, facts) in self.facts() {
                let reached: BTreeSet<String> = facts.links.iter().filter_map(|l| resolve(path, l)).collect();
                if let Some((name, _)) = targets.iter().find(|(_, t)| !reached.contains(t)) {
                    problems.push(msg!("audit.column.unlinked", page = path, name = *name));
                }
            }
        }
        capped("audit.column", true, problems)
    }

    fn mandatory(&self) -> Finding {
        let mut problems = Vec::new();
        let Some(column) = self.config.column.as_ref().filter(|c| !c.mandatory.is_empty()) else {
            return capped("audit.mandatory", true, vec![msg!("audit.mandatory.undeclared")]);
        };
        let language = &self.config.language;
        let none = crate::render::i18n::get(language, "mandatory_none");
        let empty = crate::render::i18n::get(language, "none");
        let Some(facts) = self.pages.get(&page_url("mandatory")) else {
            return capped("audit.mandatory", true, vec![msg!("audit.mandatory.undeclared")]);
        };
        for item in &column.mandatory {
            if item.categories.is_empty() {
                if !facts.text.contains(none) {
                    problems.push(msg!("audit.mandatory.silent", item = item.item));
                }
                continue;
            }
            for code in &item.categories {
                let list = category_url(code);
                match self.pages.get(&list) {
                    None => problems.push(msg!("audit.mandatory.absent", item = item.item, page = list)),
                    Some(list_facts) => {
                        let has_documents = list_facts
                            .links
                            .iter()
                            .filter_map(|l| resolve(&list, l))
                            .any(|t| t.starts_with("docs/"));
                        if !has_documents && !list_facts.text.contains(empty.trim_end_matches('。')) {
                            problems.push(msg!("audit.mandatory.silent_list", item = item.item, page = list));
                        }
                    }
                }
            }
        }
        capped("audit.mandatory", true, problems)
    }

    fn reports(&self, today: NaiveDate) -> Finding {
        let Some(column) = self.config.column.as_ref() else {
            return capped("audit.reports", true, vec![msg!("audit.reports.undeclared")]);
        };
        let Some(code) = &column.reports else {
            return capped("audit.reports", true, vec![msg!("audit.reports.undeclared")]);
        };
        let deadline = column.report_deadline.as_deref().unwrap_or("03-31");
        let catalogue: serde_json::Value = match std::fs::read(self.out.join("catalogue.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
        {
            Some(v) => v,
            None => return capped("audit.reports", true, vec![msg!("audit.reports.no_catalogue")]),
        };
        let documents = catalogue["documents"].as_array().cloned().unwrap_or_default();
        let year_of = |d: &serde_json::Value| {
            d["published"]
                .as_str()
                .or_else(|| d["date"].as_str())
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .map(|d| d.year())
        };
        let Some(first) = documents.iter().filter_map(year_of).min() else {
            return capped("audit.reports", true, Vec::new());
        };
        static YEAR: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(r"((?:19|20)\d\d)\s*年").expect("valid pattern"));
        let covered: BTreeSet<i32> = documents
            .iter()
            .filter(|d| d["category_code"].as_str() == Some(code.as_str()))
            .filter_map(|d| d["title"].as_str())
            .filter_map(|t| YEAR.captures(t)?.get(1)?.as_str().parse().ok())
            .collect();
        let mut problems = Vec::new();
        for year in first..today.year() {
            let due = NaiveDate::parse_from_str(&format!("{}-{deadline}", year + 1), "%Y-%m-%d");
            if due.is_ok_and(|due| due < today) && !covered.contains(&year) {
                problems.push(msg!(
                    "audit.reports.missing",
                    year = year,
                    due = format!("{}-{deadline}", year + 1)
                ));
            }
        }
        capped("audit.reports", true, problems)
    }

    fn links(&self) -> Finding {
        let mut problems = Vec::new();
        for (path, facts) in self.facts() {
            for link in facts.links.iter().chain(&facts.resources) {
                if let Some(target) = resolve(path, link)
                    && !self.files.contains(&target)
                    && !self
                        .files
                        .contains(&format!("{}/index.html", target.trim_end_matches('/')))
                {
                    problems.push(msg!("audit.links.broken", page = path, link = link));
                }
            }
        }
        capped("audit.links", true, problems)
    }

    fn external(&self) -> Finding {
        let mut problems = Vec::new();
        for (path, facts) in self.facts() {
            for resource in &facts.resources {
                if is_external(resource) {
                    problems.push(msg!("audit.external.page", page = path, url = resource));
                }
            }
        }
        static URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r#"(?i)(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)"#)
                .expect("valid pattern")
        });
        for file in self
            .files
            .iter()
            .filter(|f| f.ends_with(".css") || f.ends_with(".js"))
        {
            let text = std::fs::read_to_string(self.out.join(file)).unwrap_or_default();
            for found in URL.captures_iter(&text) {
                problems.push(msg!("audit.external.page", page = file, url = &found[1]));
            }
        }
        capped("audit.external", true, problems)
    }

    fn depth(&self) -> Finding {
        let mut clicks: BTreeMap<&str, usize> = BTreeMap::new();
        let mut queue = VecDeque::from([("index.html", 0)]);
        clicks.insert("index.html", 0);
        while let Some((path, depth)) = queue.pop_front() {
            let Some(facts) = self.pages.get(path) else {
                continue;
            };
            for link in &facts.links {
                let Some(target) = resolve(path, link) else {
                    continue;
                };
                if let Some((key, _)) = self.pages.get_key_value(&target)
                    && !clicks.contains_key(key.as_str())
                {
                    clicks.insert(key, depth + 1);
                    queue.push_back((key, depth + 1));
                }
            }
        }
        let problems = self
            .pages
            .keys()
            .filter_map(|p| match clicks.get(p.as_str()) {
                Some(&n) if n <= MAX_CLICKS => None,
                Some(&n) => Some(msg!("audit.depth.far", page = p, n = n)),
                None => Some(msg!("audit.depth.unreached", page = p)),
            })
            .collect();
        capped("audit.depth", false, problems)
    }

    fn json_ld(&self) -> Finding {
        let problems = self
            .facts()
            .filter(|(p, facts)| {
                p.starts_with("docs/")
                    && !facts
                        .json_ld
                        .iter()
                        .any(|d| d["@type"].is_string() && d["identifier"].is_string())
            })
            .map(|(p, _)| msg!("audit.json_ld.missing", page = p))
            .collect();
        capped("audit.json_ld", false, problems)
    }
}

/// The first list page of the category with `code`.
fn category_url(code: &str) -> String {
    crate::catalogue::url::category_page(code)
}

/// Whether a `PubDate` reads `YYYY-MM-DD`, with `HH:MM` or `HH:MM:SS` after
/// it or not.
fn is_pub_date(text: &str) -> bool {
    let (date, time) = text.split_once(' ').unwrap_or((text, ""));
    date.len() == 10
        && NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
        && (time.is_empty()
            || chrono::NaiveTime::parse_from_str(time, "%H:%M").is_ok()
            || chrono::NaiveTime::parse_from_str(time, "%H:%M:%S").is_ok())
}

/// Whether a resource address leaves the site.
fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

/// The output path a link on the page at `from` leads to, if it stays on
/// the site (not `#…`, not another scheme or host).
fn resolve(from: &str, link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty()
        || link.starts_with('#')
        || link.starts_with("//")
        || link.contains(':') && !link.starts_with('.')
    {
        return None;
    }
    let link = link.split(['#', '?']).next()?;
    if link.is_empty() {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(link).decode_utf8().ok()?;
    let mut parts: Vec<&str> = if decoded.starts_with('/') {
        Vec::new()
    } else {
        from.split('/').collect::<Vec<_>>()[..from.matches('/').count()].to_vec()
    };
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut target = parts.join("/");
    if decoded.ends_with('/') || target.is_empty() {
        target = format!("{}{}index.html", target, if target.is_empty() { "" } else { "/" });
    }
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_page() {
        assert_eq!(
            resolve("docs/a.html", "../index.html").as_deref(),
            Some("index.html")
        );
        assert_eq!(resolve("docs/a.html", "b.html#x").as_deref(), Some("docs/b.html"));
        assert_eq!(
            resolve("category/03/index.html", "2.html").as_deref(),
            Some("category/03/2.html")
        );
        assert_eq!(
            resolve("index.html", "search/").as_deref(),
            Some("search/index.html")
        );
        assert_eq!(
            resolve("docs/a.html", "%E9%99%84.pdf").as_deref(),
            Some("docs/附.pdf")
        );
        assert_eq!(resolve("index.html", "https://beian.miit.gov.cn/"), None);
        assert_eq!(resolve("index.html", "#main"), None);
        assert_eq!(resolve("index.html", "mailto:a@b.cn"), None);
        assert_eq!(resolve("index.html", "../../x.html"), None);
    }

    #[test]
    fn pub_dates_are_dates_with_an_optional_time() {
        for ok in ["2017-06-08", "2017-06-08 16:15", "2017-06-08 16:15:00"] {
            assert!(is_pub_date(ok), "{ok}");
        }
        for bad in ["2017-6-8", "2017年6月8日", "2017-06-08T16:15", ""] {
            assert!(!is_pub_date(bad), "{bad}");
        }
    }
}
