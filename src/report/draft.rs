//! The year's report document under `content/`: created as a draft
//! (`draft: true`, in the category of the column's 政府信息公开年报, the
//! next free 索引号) with the six sections of the 2021 format, the tables
//! filled in and the prose marked 【待填写…】, which `check` reports until
//! written; or, when the document is there, its tables replaced and
//! everything else kept. The file is replaced whole or not at all.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::content::annual::{self, Section, Table};
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::config::SiteConfig;

/// What was written.
#[derive(Debug)]
pub struct Drafted {
    /// The document, relative to the site root.
    pub path: PathBuf,
    /// Whether it was created (else its tables were refreshed).
    pub created: bool,
    /// Sections whose block the document lacks (not refreshed).
    pub missing: Vec<Section>,
}

/// Writes `tables` (one year's) into that year's report document.
pub fn write(root: &Path, tables: &[Table], today: NaiveDate) -> Result<Drafted, Vec<Diagnostic>> {
    let year = tables.first().map_or(0, |t| t.year);
    if let Some((path, text)) = find(root, year) {
        let (text, missing) = refresh(&text, tables);
        save(root, &path, &text)?;
        return Ok(Drafted {
            path,
            created: false,
            missing,
        });
    }
    let config = SiteConfig::load(root)?;
    let Some(category) = config.column.as_ref().and_then(|c| c.reports.clone()) else {
        return Err(vec![
            Diagnostic::error(crate::site::config::FILE_NAME, msg!("report.no_category"))
                .field("column.reports")
                .hint(msg!("report.no_category.hint")),
        ]);
    };
    let office = config
        .index_number
        .as_ref()
        .and_then(|n| n.issuer.clone())
        .or_else(|| match config.issuers.as_slice() {
            [only] => Some(only.name.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let request = crate::authoring::new_doc::Request {
        category,
        title: Some(format!("{office}{year}年政府信息公开工作年度报告")),
        ..Default::default()
    };
    let path = crate::authoring::new_doc::create(root, &request, today)?;
    let head = std::fs::read_to_string(root.join(&path))
        .map_err(|e| vec![Diagnostic::error(&path, msg!("error.unreadable", error = e))])?;
    // The front matter new-doc wrote, marked a draft, then the body.
    let head = match head.rfind("---\n") {
        Some(end) if end > 0 => format!("{}draft: true\n{}", &head[..end], &head[end..]),
        _ => head,
    };
    save(root, &path, &format!("{head}{}", body(year, tables)))?;
    Ok(Drafted {
        path,
        created: true,
        missing: Vec::new(),
    })
}

/// The report document of `year` under `content/`: the file holding a
/// table block of that year.
fn find(root: &Path, year: i32) -> Option<(PathBuf, String)> {
    let (files, _) = crate::content::source::discover(root);
    files.into_iter().find_map(|f| {
        let text = std::fs::read_to_string(&f.abs_path).ok()?;
        text.lines()
            .any(|l| block_of(l).is_some_and(|(y, _)| y == year))
            .then(|| (f.rel_path.clone(), text))
    })
}

/// The year and section of a table block's opening fence.
fn block_of(line: &str) -> Option<(i32, Section)> {
    annual::info(line.trim().strip_prefix("```")?)?.ok()
}

/// `text` with each table block of `tables`' year replaced by the fresh
/// table; the sections it has no block for.
fn refresh(text: &str, tables: &[Table]) -> (String, Vec<Section>) {
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut lines = text.split_inclusive('\n');
    while let Some(line) = lines.next() {
        let fresh = block_of(line)
            .and_then(|(year, section)| tables.iter().find(|t| t.year == year && t.section == section));
        match fresh {
            Some(table) => {
                out.push_str(&table.block());
                found.push(table.section);
                // Skip the old rows and the closing fence.
                for old in lines.by_ref() {
                    if old.trim_start().starts_with("```") {
                        break;
                    }
                }
            }
            None => out.push_str(line),
        }
    }
    let missing = tables
        .iter()
        .map(|t| t.section)
        .filter(|s| !found.contains(s))
        .collect();
    (out, missing)
}

/// The body of a new report: the 2021 format's six sections.
fn body(year: i32, tables: &[Table]) -> String {
    let block = |s: Section| {
        tables
            .iter()
            .find(|t| t.section == s)
            .map(Table::block)
            .unwrap_or_default()
    };
    let todo = |what: &str| format!("{}：{what}】\n", annual::TODO);
    format!(
        "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n\n\
         ## 一、总体情况\n\n{}\n\
         ## 二、主动公开政府信息情况\n\n{}\n\
         ## 三、收到和处理政府信息公开申请情况\n\n{}\n\
         ## 四、政府信息公开行政复议、行政诉讼情况\n\n{}\n\
         ## 五、存在的主要问题及改进情况\n\n{}\n\
         ## 六、其他需要报告的事项\n\n{}\n{}",
        todo("主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况"),
        block(Section::Two),
        block(Section::Three),
        block(Section::Four),
        todo("上一年度存在问题的改进情况，本年度存在的主要问题和改进措施"),
        block(Section::Six),
        todo("其他需要报告的事项，没有则写“无”"),
    )
}

/// Replaces `path` (under `root`) with `text`: written beside it, then
/// renamed over it, so that a failure leaves the file as it was.
fn save(root: &Path, path: &Path, text: &str) -> Result<(), Vec<Diagnostic>> {
    let file = root.join(path);
    let temp = file.with_extension("md.gongkai-tmp");
    let problem = |e: std::io::Error| vec![Diagnostic::error(path, msg!("report.write", error = e))];
    std::fs::write(&temp, text).map_err(problem)?;
    std::fs::rename(&temp, &file).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        problem(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refreshing_replaces_the_tables_and_keeps_the_prose() {
        let old = Table::zero(2025, Section::Four);
        let mut new = Table::zero(2025, Section::Four);
        new.set(0, 0, 2);
        new.set(0, 4, 2);
        let text = format!(
            "---\ntitle: 报告\n---\n\n## 一、总体情况\n\n我们写好的总体情况。\n\n{}\n后记。\n",
            old.block()
        );
        let (fresh, missing) = refresh(&text, &[new.clone(), Table::zero(2025, Section::Two)]);
        assert!(
            fresh.contains("我们写好的总体情况。") && fresh.ends_with("\n后记。\n"),
            "{fresh}"
        );
        assert!(fresh.contains("行政复议: 2 0 0 0 2\n"), "{fresh}");
        assert!(!fresh.contains("行政复议: 0 0 0 0 0"), "{fresh}");
        assert_eq!(missing, [Section::Two]);
        // Another year's table is left alone.
        let (same, _) = refresh(&text, &[Table { year: 2024, ..new }]);
        assert_eq!(same, text);
    }
}
