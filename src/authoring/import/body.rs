//! A page's body lines as Markdown: 一、 headings as `##`, （一） as `###`,
//! paragraphs as they are (numbered items keep their numbers as text),
//! HTML tables as Markdown tables, and tables that a text copy flattened
//! into one cell per line put back together.

use super::read::Line;

/// Chinese numerals that start section headings.
const NUMERALS: &str = "一二三四五六七八九十";

/// `一、总体要求` (a level-2 heading).
fn is_section(line: &str) -> bool {
    let mut chars = line.chars();
    let numeral = chars.by_ref().take_while(|c| NUMERALS.contains(*c)).count();
    numeral > 0 && line.chars().nth(numeral) == Some('、') && short_heading(line)
}

/// `（一）加强预期引导。` (a level-3 heading).
fn is_subsection(line: &str) -> bool {
    let rest = line
        .strip_prefix('（')
        .or_else(|| line.strip_prefix('('))
        .unwrap_or("");
    let numeral = rest.chars().take_while(|c| NUMERALS.contains(*c)).count();
    numeral > 0 && rest.chars().nth(numeral).is_some_and(|c| c == '）' || c == ')') && short_heading(line)
}

fn short_heading(line: &str) -> bool {
    line.chars().count() <= 40 && !line.trim_end_matches('。').contains('。')
}

/// `1.科学合理…` or `(1)…`: an item of a numbered list, written as text.
fn is_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && line
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '.' | '、' | '．'))
}

/// A cell's text: short, no sentence punctuation.
fn is_short(line: &str) -> bool {
    let n = line.chars().count();
    n > 0
        && n <= 16
        && !line.contains(['。', '，', ',', '；', ';', '：'])
        && !is_item(line)
        && !is_section(line)
}

fn is_number(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '-' | ','))
}

/// Text that Markdown would read as markup at the start of a line is
/// escaped, so the line shows as written.
fn escape(line: &str) -> String {
    let line = line.replace('\\', "\\\\");
    let first = line.chars().next().unwrap_or(' ');
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if matches!(first, '#' | '>' | '-' | '*' | '+' | '|' | '=' | '`' | '~' | '<')
        || (digits > 0 && line[digits..].starts_with(['.', ')']))
    {
        if digits > 0 {
            format!("{}\\{}", &line[..digits], &line[digits..])
        } else {
            format!("\\{line}")
        }
    } else {
        line
    }
}

fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|")
}

fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = (0..columns)
            .map(|c| cell(row.get(c).map_or("", String::as_str)))
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if i == 0 {
            let rules: Vec<&str> = (0..columns).map(|_| "---").collect();
            out.push_str(&format!("| {} |\n", rules.join(" | ")));
        }
    }
    out
}

/// The Markdown of the body lines.
pub fn markdown(lines: &[Line]) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match &lines[i] {
            Line::Row(cells) => rows.push(cells.clone()),
            Line::TableEnd => {
                if !rows.is_empty() {
                    blocks.push(table(&rows).trim_end().to_owned());
                    rows.clear();
                }
            }
            Line::Heading(level, text) => blocks.push(format!(
                "{} {}",
                "#".repeat(usize::from((*level).clamp(2, 4))),
                text
            )),
            Line::Text(text) => {
                if let Some((rows, used)) = flattened_table(&lines[i..]) {
                    blocks.push(table(&rows).trim_end().to_owned());
                    i += used;
                    continue;
                }
                if is_section(text) {
                    blocks.push(format!("## {text}"));
                } else if is_subsection(text) {
                    blocks.push(format!("### {text}"));
                } else {
                    blocks.push(escape(text));
                }
            }
        }
        i += 1;
    }
    if !rows.is_empty() {
        blocks.push(table(&rows).trim_end().to_owned());
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn texts(lines: &[Line]) -> Vec<&str> {
    lines
        .iter()
        .map_while(|l| match l {
            Line::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

/// A table a text copy flattened into one cell per line, starting at
/// `lines[0]`: a header of 2–6 short lines, then either rows of a label and
/// numbers (statistics: 指标名称 单位 2017 历年累计) or rows of a numbered
/// item and the short cells after it, a 一、 line opening a group (a task
/// table: 工作任务 具体要求 牵头落实单位). Returns the rows, header first,
/// and how many lines they used.
fn flattened_table(lines: &[Line]) -> Option<(Vec<Vec<String>>, usize)> {
    let texts = texts(lines);
    let header_ok = |h: &[&str]| {
        h.iter()
            .all(|l| is_short(l) && l.chars().count() <= 8 && (!is_number(l) || is_year(l)))
    };
    for h in 2..=6usize.min(texts.len().saturating_sub(2)) {
        if !header_ok(&texts[..h]) {
            break;
        }
        if !is_number(texts[h]) && is_number(texts[h + 1]) {
            return numeric_rows(&texts, h);
        }
        if h == 3 && (is_section(texts[h]) || is_item(texts[h])) {
            return task_rows(&texts, h);
        }
    }
    None
}

fn header_row(texts: &[&str], columns: usize) -> Vec<Vec<String>> {
    vec![texts[..columns].iter().map(|h| (*h).to_owned()).collect()]
}

/// Label, then up to columns − 1 numbers; missing ones are the columns
/// right after the label (the 单位 column left empty).
fn numeric_rows(texts: &[&str], columns: usize) -> Option<(Vec<Vec<String>>, usize)> {
    let mut rows = header_row(texts, columns);
    let mut k = columns;
    while k < texts.len() && !is_number(texts[k]) && texts[k].chars().count() <= 40 {
        let numbers: Vec<&str> = texts[k + 1..]
            .iter()
            .copied()
            .take_while(|l| is_number(l))
            .take(columns - 1)
            .collect();
        if numbers.is_empty() {
            break;
        }
        let mut row = vec![texts[k].to_owned()];
        row.extend(std::iter::repeat_n(String::new(), columns - 1 - numbers.len()));
        row.extend(numbers.iter().map(|n| (*n).to_owned()));
        rows.push(row);
        k += 1 + numbers.len();
    }
    (rows.len() >= 3).then_some((rows, k))
}

/// Rows of a task, the short cells after it joined into the last column,
/// a 一、 line opening a group (its first row carries it). A task without
/// a number counts when short cells follow it; the table ends at a line
/// that is neither.
fn task_rows(texts: &[&str], columns: usize) -> Option<(Vec<Vec<String>>, usize)> {
    let mut rows = header_row(texts, columns);
    let mut group = String::new();
    let mut k = columns;
    while k < texts.len() {
        let line = texts[k];
        if is_section(line) {
            group = line.to_owned();
            k += 1;
            continue;
        }
        let cells = texts[k + 1..].iter().take_while(|l| is_cell(l)).count();
        if !is_item(line) && cells == 0 {
            break;
        }
        let mut units: Vec<String> = Vec::new();
        for cell in &texts[k + 1..k + 1 + cells] {
            // A unit's name broken over two lines joins; two units are
            // listed with 、.
            match units.last_mut() {
                Some(last) if !super::header::is_organisation(last.trim_end_matches(['、', '，', ','])) => {
                    last.push_str(cell)
                }
                _ => units.push((*cell).to_owned()),
            }
        }
        let units: Vec<&str> = units
            .iter()
            .map(|u| u.trim_end_matches(['、', '，', ',']))
            .collect();
        rows.push(vec![
            std::mem::take(&mut group),
            line.to_owned(),
            units.join("、"),
        ]);
        k += 1 + cells;
    }
    (rows.len() >= 3).then_some((rows, k))
}

/// A short cell of a task table (a unit's name, maybe ending in 、 or ，).
fn is_cell(line: &str) -> bool {
    is_short(line.trim_end_matches(['、', '，', ',']))
}

fn is_year(line: &str) -> bool {
    line.len() == 4 && line.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines().map(|l| Line::Text(l.to_owned())).collect()
    }

    #[test]
    fn headings_items_and_escapes() {
        let md = markdown(&lines(
            "一、总体要求\n（一）加强预期引导。\n1.科学合理制定计划。\n# 不是标题",
        ));
        assert_eq!(
            md,
            "## 一、总体要求\n\n### （一）加强预期引导。\n\n1\\.科学合理制定计划。\n\n\\# 不是标题\n"
        );
    }

    #[test]
    fn flattened_statistics_table() {
        let md = markdown(&lines(
            "指标名称\n单位\n2017\n历年累计\n主动公开文件数\n912\n8131\n其中:1.政府网站公开数\n912\n7673\n二、说明",
        ));
        assert!(md.starts_with("| 指标名称 | 单位 | 2017 | 历年累计 |\n| --- | --- | --- | --- |\n| 主动公开文件数 |  | 912 | 8131 |\n"), "{md}");
        assert!(md.ends_with("\n\n## 二、说明\n"), "{md}");
    }

    #[test]
    fn flattened_task_table() {
        let md = markdown(&lines(
            "工作任务\n具体要求\n牵头落实单位\n一、加强预期引导\n1.制定计划。\n市发展改革局\n2.宣传政策。\n市人力资源社会\n保障局\n3.公开预算。\n市财政局\n市统计局",
        ));
        assert_eq!(
            md,
            "| 工作任务 | 具体要求 | 牵头落实单位 |\n| --- | --- | --- |\n| 一、加强预期引导 | 1.制定计划。 | 市发展改革局 |\n\
             |  | 2.宣传政策。 | 市人力资源社会保障局 |\n|  | 3.公开预算。 | 市财政局、市统计局 |\n"
        );
    }
}
