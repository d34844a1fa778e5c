//! Splits a document into its `---` front-matter block and Markdown body, and
//! parses the block into a YAML mapping that remembers each key's line.

use std::collections::HashMap;
use std::path::Path;

use serde_norway::{Mapping, Value};

use crate::diagnostic::{Diagnostic, Span};
use crate::lang::Text;
use crate::msg;

/// A document's front-matter, parsed but not yet validated.
#[derive(Debug)]
pub(crate) struct RawMeta {
    /// The fields as YAML wrote them, in file order.
    pub fields: Vec<(String, Value)>,
    /// The 1-based line (in the whole file) of each top-level key, and
    /// where on that line the key is written.
    pub key_lines: HashMap<String, (u32, Span)>,
    /// The line of the opening `---`.
    pub start_line: u32,
    /// Each top-level key's value as written on its line (comments cut),
    /// for values YAML reads as numbers but a text field keeps as written
    /// (`文件编号: 1.10`).
    pub written: HashMap<String, String>,
    /// Lines written with a full-width colon or without a space after the
    /// colon: errors, but read as meant so the other fields are checked.
    pub problems: Vec<Diagnostic>,
}

/// A document split into front-matter and body.
#[derive(Debug)]
pub(crate) struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The line of the first YAML line in the whole file.
    pub yaml_line: u32,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// The line of the first body line in the whole file.
    pub body_line: u32,
}

/// Finds the front-matter block at the top of `text` (newlines already LF).
pub(crate) fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let missing = || {
        Diagnostic::error(path, msg!("fm.missing"))
            .at(1)
            .hint(msg!("fm.missing.hint"))
    };
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---").filter(|r| r.trim().is_empty()))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        let bare = l.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body: &rest[offset + l.len()..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Diagnostic::error(path, msg!("fm.unclosed"))
        .at(1)
        .hint(msg!("fm.unclosed.hint")))
}

/// Parses the YAML of a front-matter block into its fields. Lines written
/// with a full-width colon (`标题：通知`) or without a space after the colon
/// (`title:通知`) are reported each at its line with the fix, instead of
/// the YAML parser's message about the line after.
pub(crate) fn parse(path: &Path, split: &Split<'_>) -> Result<RawMeta, Vec<Diagnostic>> {
    let (colons, fixed) = colon_problems(path, split);
    if colons.is_empty() {
        return parse_yaml(path, split).map_err(|d| vec![d]);
    }
    // Read the block as it was meant, to check its fields in the same run.
    let fixed = Split {
        yaml: &fixed,
        ..*split
    };
    match parse_yaml(path, &fixed) {
        Ok(mut meta) => {
            meta.problems = colons;
            Ok(meta)
        }
        Err(_) => Err(colons),
    }
}

/// Top-level lines that look like `key：value` or `key:value`, and the
/// block with those lines written as `key: value`.
fn colon_problems(path: &Path, split: &Split<'_>) -> (Vec<Diagnostic>, String) {
    let mut problems = Vec::new();
    let mut fixed_yaml = String::with_capacity(split.yaml.len() + 8);
    for (i, l) in split.yaml.lines().enumerate() {
        let mut keep = || {
            fixed_yaml.push_str(l);
            fixed_yaml.push('\n');
        };
        if l.is_empty() || l.starts_with([' ', '\t', '#', '-', '"', '\'', '{', '[']) {
            keep();
            continue;
        }
        let line = split.yaml_line + u32::try_from(i).unwrap_or(u32::MAX);
        let key_like = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_');
        let fix = match (l.split_once(':'), l.split_once('：')) {
            (Some((key, value)), _)
                if key_like(key) && !value.is_empty() && !value.starts_with([' ', '\t']) =>
            {
                Some((msg!("fm.no_space", key = key), format!("{key}: {value}")))
            }
            (None, Some((key, value))) if key_like(key.trim()) => Some((
                msg!("fm.full_width_colon", key = key.trim()),
                format!("{}: {}", key.trim(), value.trim()),
            )),
            _ => None,
        };
        match fix {
            Some((message, fixed)) => {
                problems.push(
                    Diagnostic::error(path, message)
                        .at(line)
                        .hint(msg!("fm.colon.hint", fixed = fixed)),
                );
                fixed_yaml.push_str(&fixed);
                fixed_yaml.push('\n');
            }
            None => keep(),
        }
    }
    (problems, fixed_yaml)
}

/// Parses the YAML of a front-matter block into its fields.
fn parse_yaml(path: &Path, split: &Split<'_>) -> Result<RawMeta, Diagnostic> {
    let start_line = split.yaml_line - 1;
    let value: Value = if split.yaml.trim().is_empty() {
        Value::Mapping(Mapping::new())
    } else {
        serde_norway::from_str(split.yaml).map_err(|e| {
            // The parser places a repeated key at the mapping's start: the
            // second line that writes the key is the one to fix.
            let line = repeated_key_line(split, &e.to_string()).or_else(|| {
                e.location()
                    .map(|l| split.yaml_line - 1 + u32::try_from(l.line()).unwrap_or(0))
            });
            Diagnostic::error(
                path,
                msg!("fm.yaml", detail = crate::site::config::yaml_message(&e)),
            )
            .at(line.unwrap_or(start_line))
            .hint(yaml_hint(&e))
        })?
    };
    let Value::Mapping(mapping) = value else {
        return Err(Diagnostic::error(path, msg!("fm.not_mapping"))
            .at(split.yaml_line)
            .hint(msg!("fm.not_mapping.hint")));
    };
    let key_lines = key_lines(split.yaml, split.yaml_line);
    let written = written_values(split.yaml);
    let mut fields = Vec::with_capacity(mapping.len());
    for (key, value) in mapping {
        let key = match key {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => {
                return Err(Diagnostic::error(path, msg!("fm.key"))
                    .at(start_line)
                    .hint(msg!("fm.key.hint")));
            }
        };
        fields.push((key, value));
    }
    Ok(RawMeta {
        fields,
        key_lines,
        start_line,
        written,
        problems: Vec::new(),
    })
}

/// Each top-level key's value text as written, a trailing ` # comment` cut.
fn written_values(yaml: &str) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for l in yaml.lines() {
        if l.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((key, value)) = l.split_once(':') {
            let value = value.split(" #").next().unwrap_or_default().trim();
            values
                .entry(key.trim().trim_matches(['"', '\'']).to_owned())
                .or_insert_with(|| value.to_owned());
        }
    }
    values
}

/// For a "duplicate entry with key" error, the line of the key's second
/// top-level occurrence in the block.
fn repeated_key_line(split: &Split<'_>, message: &str) -> Option<u32> {
    let key = message
        .split_once("duplicate entry with key \"")?
        .1
        .split_once('"')?
        .0;
    let (i, _) = split
        .yaml
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.split_once(':').is_some_and(|(k, _)| {
                !l.starts_with([' ', '\t']) && k.trim().trim_matches(['"', '\'']) == key
            })
        })
        .nth(1)?;
    Some(split.yaml_line + u32::try_from(i).ok()?)
}

/// The line of each top-level `key:` in a block of YAML starting at
/// `first_line`, and the key's place on it (quotes included).
fn key_lines(yaml: &str, first_line: u32) -> HashMap<String, (u32, Span)> {
    let mut lines = HashMap::new();
    for (i, l) in yaml.lines().enumerate() {
        if l.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((written, _)) = l.split_once(':') {
            let written = written.trim_end();
            let key = written.trim().trim_matches(['"', '\'']);
            let line = first_line + u32::try_from(i).unwrap_or(u32::MAX - first_line);
            let span = Span::of(l, written).unwrap_or(Span { start: 0, end: 0 });
            lines.entry(key.to_owned()).or_insert((line, span));
        }
    }
    lines
}

/// What to do about a YAML error: the usual mistakes are quoting, but a
/// document can also nest too deep or expand aliases without end (both
/// stopped by the parser's limits before they cost time or memory).
fn yaml_hint(e: &serde_norway::Error) -> Text {
    let message = e.to_string();
    if message.contains("recursion limit") {
        msg!("fm.yaml.deep.hint")
    } else if message.contains("repetition limit") {
        msg!("fm.yaml.alias.hint")
    } else {
        msg!("fm.yaml.hint")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("a.md")
    }

    #[test]
    fn splits_and_counts_lines() {
        let text = "---\ntitle: 标题\n索引号: 1\n---\n\n正文\n";
        let s = split(p(), text).expect("split");
        assert_eq!(s.yaml, "title: 标题\n索引号: 1\n");
        assert_eq!(s.body, "\n正文\n");
        assert_eq!(s.body_line, 5);
        let meta = parse(p(), &s).expect("yaml");
        assert_eq!(meta.key_lines["索引号"].0, 3);
        assert_eq!(meta.fields[0].0, "title");
    }

    #[test]
    fn missing_and_unclosed_blocks_are_errors() {
        assert!(
            split(p(), "# 标题\n")
                .expect_err("none")
                .message
                .en()
                .contains("no front-matter")
        );
        assert!(
            split(p(), "---\ntitle: x\n")
                .expect_err("open")
                .message
                .en()
                .contains("not closed")
        );
    }

    #[test]
    fn yaml_errors_carry_the_file_line() {
        let text = "---\ntitle: ok\ndate: [2017\n---\n";
        let s = split(p(), text).expect("split");
        let e = parse(p(), &s).expect_err("bad yaml");
        assert!(e[0].line.is_some_and(|l| (3..=4).contains(&l)), "{e:?}");
    }

    #[test]
    fn full_width_and_missing_space_colons_are_named_at_their_lines() {
        let text = "---\ntitle:通知\nissuer：区政府\nindex_number: 0101-03-2017-000525\nurl: https://x.gov.cn/a\n---\n";
        let s = split(p(), text).expect("split");
        let e = parse(p(), &s).expect("read as meant").problems;
        assert_eq!(e[1].message.zh(), "“issuer”后面用了中文全角冒号“：”");
        let got: Vec<(Option<u32>, String)> = e
            .iter()
            .map(|d| (d.line, d.hint.as_ref().map(Text::en).unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some(2),
                    "write the line as `title: 通知` (an ASCII colon, then a space)".to_owned()
                ),
                (
                    Some(3),
                    "write the line as `issuer: 区政府` (an ASCII colon, then a space)".to_owned()
                ),
            ]
        );
    }
}
