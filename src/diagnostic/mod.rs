//! A problem found in the site's input, reported with its location and a hint.
//!
//! Every stage collects its problems as [`Diagnostic`] values instead of
//! stopping at the first one, so a webmaster sees all of a run's errors at once.

pub mod panics;

use std::fmt;
use std::path::PathBuf;

use crate::lang::{Lang, Text};

/// What is wrong and how to fix it, before it is placed in a file: what a
/// rule returns, which its caller makes into a [`Diagnostic`] with the file
/// and line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub hint: Text,
}

impl Problem {
    /// A problem with its hint.
    pub fn new(message: Text, hint: Text) -> Problem {
        Problem { message, hint }
    }
}

/// How serious a problem is: errors fail the run, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The build cannot succeed until this is fixed.
    Error,
    /// Worth a look; the build goes on.
    Warning,
}

/// A problem in one input file, reported with its location.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line in the whole file, when known.
    pub line: Option<u32>,
    /// The front-matter or site.yaml field concerned, by its English key
    /// (what `--format json` reports).
    pub field: Option<String>,
    /// The field as the file writes it (`标题` for `title`), when it does:
    /// what a person is shown.
    pub written: Option<String>,
    /// What is wrong.
    pub message: Text,
    /// How to fix it.
    pub hint: Option<Text>,
    /// What the caret underlines on `line`, when the stage that found the
    /// problem knows it (a link's target, an unknown key, a template
    /// expression); else the value of a `key: value` line, or the line.
    pub span: Option<Span>,
}

/// Bytes `start..end` of a diagnostic's line (0-based, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// The first byte underlined.
    pub start: u32,
    /// The byte after the last one underlined.
    pub end: u32,
}

impl Span {
    /// The bytes of `part`, a slice of `line`, as a span of it; None when
    /// `part` is not inside `line`.
    pub fn of(line: &str, part: &str) -> Option<Span> {
        let start = (part.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
        let end = start + part.len();
        (end <= line.len()).then(|| Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        })
    }

    fn range(self, line: &str) -> Option<std::ops::Range<usize>> {
        let (start, end) = (self.start as usize, self.end as usize);
        (start <= end && end <= line.len() && line.is_char_boundary(start) && line.is_char_boundary(end))
            .then_some(start..end)
    }
}

/// Text as the message of a GitHub Actions workflow command: %, CR and LF
/// escaped.
pub fn github_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Text as a property of a workflow command (`title=…`): also `:` and `,`.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Diagnostic {
    /// An error in `path`, with no line or field yet.
    pub fn error(path: impl Into<PathBuf>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            field: None,
            written: None,
            message,
            hint: None,
            span: None,
        }
    }

    /// A warning in `path`.
    pub fn warning(path: impl Into<PathBuf>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// The same diagnostic at `line`.
    pub fn at(mut self, line: impl Into<Option<u32>>) -> Self {
        self.line = line.into();
        self
    }

    /// The same diagnostic about `field`.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The same diagnostic naming its field as the file writes it.
    pub fn written(mut self, name: impl Into<String>) -> Self {
        self.written = Some(name.into());
        self
    }

    /// The same diagnostic underlining bytes `start..end` of its line.
    pub fn span(mut self, span: impl Into<Option<Span>>) -> Self {
        self.span = span.into();
        self
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The same diagnostic as an error (`--strict` makes warnings errors).
    pub fn as_error(mut self) -> Self {
        self.severity = Severity::Error;
        self
    }

    /// The stable code of the message, e.g. `date.invalid`.
    pub fn code(&self) -> &str {
        &self.message.code
    }

    /// The field as a person is shown it: as written, else its key.
    fn shown_field(&self) -> Option<&str> {
        self.written.as_deref().or(self.field.as_deref())
    }

    /// Whether this diagnostic fails the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What the caret underlines on `line`: the span, else [`line_span`].
    fn caret(&self, line: &str) -> std::ops::Range<usize> {
        self.span
            .and_then(|s| s.range(line))
            .unwrap_or_else(|| line_span(line))
    }

    fn severity_name(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// `错误` / `error`, as the run's language names the severity.
    fn label(&self, lang: Lang) -> &'static str {
        match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        }
    }

    /// The 1-based column (in characters) of what is wrong on the
    /// diagnostic's line of `source` (the whole file): where the caret goes.
    pub fn column(&self, source: &str) -> Option<u32> {
        let line = source_line(source, self.line?)?;
        let span = self.caret(line);
        u32::try_from(line[..span.start].chars().count() + 1).ok()
    }

    /// One JSON object (for `--format json`, one per line): path, line,
    /// column (when `source`, the file's text, is given), field (its English
    /// key), severity, code (stable, English), message and hint (in `lang`).
    pub fn to_json(&self, source: Option<&str>, lang: Lang) -> String {
        serde_json::json!({
            "path": self.path.to_string_lossy().replace('\\', "/"),
            "line": self.line,
            "column": source.and_then(|s| self.column(s)),
            "field": self.field,
            "severity": self.severity_name(),
            "code": self.code(),
            "message": self.message.get(lang),
            "hint": self.hint.as_ref().map(|h| h.get(lang)),
        })
        .to_string()
    }

    /// A GitHub Actions workflow command (for `--format github`), which
    /// annotates the file and line in the pull request.
    pub fn to_github(&self, source: Option<&str>, lang: Lang) -> String {
        let (data, property) = (github_data, github_property);
        let mut properties = format!("file={}", property(&self.path.to_string_lossy()));
        if let Some(line) = self.line {
            properties.push_str(&format!(",line={line}"));
            if let Some(column) = source.and_then(|s| self.column(s)) {
                properties.push_str(&format!(",col={column}"));
            }
        }
        if let Some(field) = self.shown_field() {
            properties.push_str(&format!(",title={}", property(field)));
        }
        let mut message = self.message.get(lang);
        if let Some(hint) = &self.hint {
            message.push_str(&format!("\n{}: {}", hint_label(lang), hint.get(lang)));
        }
        format!("::{} {properties}::{}", self.severity_name(), data(&message))
    }
}

impl Diagnostic {
    /// The diagnostic as a terminal shows it: the header line of
    /// [`Display`](fmt::Display), then the offending line of `source` (the
    /// whole file's text) with a caret under the field's value, then the
    /// hint. Without a line, or when the line is not in `source`, it is the
    /// plain form. `color` styles it with ANSI colours.
    pub fn render(&self, source: Option<&str>, color: bool, lang: Lang) -> String {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let located = self
            .line
            .zip(source)
            .and_then(|(line, text)| Some((line, source_line(text, line)?)));
        let Some((line, source_line)) = located else {
            return self.plain(lang);
        };
        let mut title = format!("{}:{line}", self.path.display());
        if let Some(field) = self.shown_field() {
            title.push_str(&format!(": {field}"));
        }
        title.push_str(&format!(": {}", self.message.get(lang)));
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        }
        .with_name(Some(self.label(lang)));
        let path = self.path.to_string_lossy();
        let report = [level.primary_title(title.as_str()).element(
            Snippet::source(source_line)
                .line_start(line as usize)
                .path(path.as_ref())
                .annotation(AnnotationKind::Primary.span(self.caret(source_line))),
        )];
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = renderer.render(&report).to_string();
        if let Some(hint) = &self.hint {
            let (label, hint) = (hint_label(lang), hint.get(lang));
            let hint = if color {
                format!("\x1b[1;36m{label}\x1b[0m: {hint}")
            } else {
                format!("{label}: {hint}")
            };
            out.push_str(&format!("\n  {hint}"));
        }
        out
    }

    /// `error: content/a.md:4: date: message` and an indented `hint:`
    /// line, in `lang`: the form without the source line.
    pub fn plain(&self, lang: Lang) -> String {
        let mut out = format!("{}: {}", self.label(lang), self.path.display());
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if let Some(field) = self.shown_field() {
            out.push_str(&format!(": {field}"));
        }
        out.push_str(&format!(": {}", self.message.get(lang)));
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n  {}: {}", hint_label(lang), hint.get(lang)));
        }
        out
    }
}

/// `提示` / `hint`.
fn hint_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "提示",
        Lang::En => "hint",
    }
}

/// Line `line` (1-based) of a file's text, without its line ending.
fn source_line(text: &str, line: u32) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    Some(text.split('\n').nth(index)?.trim_end_matches('\r'))
}

/// What the caret underlines in a line when the diagnostic has no span:
/// the value of a `key: value` line, else the line without its indentation.
fn line_span(line: &str) -> std::ops::Range<usize> {
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len().max(start);
    let content = &line[start..end];
    // A front-matter or site.yaml line: underline what follows `key:`.
    let key_end = content
        .find(": ")
        .filter(|&i| !content[..i].contains(['[', '{', '"', '\'', '(']));
    match key_end {
        Some(i) if content[i + 1..].trim().is_empty() => start..end,
        Some(i) => {
            let value = &content[i + 1..];
            let value_start = start + i + 1 + (value.len() - value.trim_start().len());
            value_start..end
        }
        None if start == end => start..start,
        None => start..end,
    }
}

impl fmt::Display for Diagnostic {
    /// The plain form in English (logs and test failures).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain(Lang::En))
    }
}

/// Sorts diagnostics by file, line and message so reports read in order and
/// do not depend on thread timing.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, &a.field, &a.message).cmp(&(&b.path, b.line, &b.field, &b.message))
    });
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// The name among `candidates` closest to `unknown`, if any is close enough
/// to be a likely typo.
pub fn did_you_mean<'a>(unknown: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(unknown, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    /// `` `2017-02-30` is not a day of the calendar `` (`date.impossible`).
    fn impossible() -> Text {
        msg!("date.impossible", text = "2017-02-30")
    }

    /// "write 2017-02-28" (`hint.example`).
    fn write_28() -> Text {
        msg!("hint.example", example = "2017-02-28")
    }

    #[test]
    fn display_has_location_field_and_hint() {
        let d = Diagnostic::error("content/a.md", impossible())
            .at(4)
            .field("date")
            .hint(msg!("newdoc.date.hint"));
        assert_eq!(
            d.to_string(),
            "error: content/a.md:4: date: `2017-02-30` is not a day of the calendar\n  hint: write it as 2017-07-18 or 2017年7月18日"
        );
        assert_eq!(
            d.written("发文日期").plain(Lang::Zh),
            "错误: content/a.md:4: 发文日期: 日历上没有“2017-02-30”这一天\n  提示: 写作 2017-07-18 或 2017年7月18日"
        );
    }

    #[test]
    fn json_and_github_forms() {
        let d = Diagnostic::error("content/a,b.md", impossible())
            .at(4)
            .field("date")
            .hint(write_28());
        let json: serde_json::Value = serde_json::from_str(&d.to_json(None, Lang::En)).expect("json");
        assert_eq!(json["path"], "content/a,b.md");
        assert_eq!(json["line"], 4);
        assert_eq!(json["severity"], "error");
        assert_eq!(json["code"], "date.impossible");
        assert_eq!(json["hint"], "write e.g. 2017-02-28");
        assert_eq!(json["column"], serde_json::Value::Null);
        let json: serde_json::Value =
            serde_json::from_str(&d.to_json(Some("\n\n\n 日期: 2017-02-30\n"), Lang::Zh)).expect("json");
        assert_eq!(json["column"], 6, "counted in characters");
        assert_eq!(
            json["code"], "date.impossible",
            "the code does not change with the language"
        );
        assert_eq!(json["field"], "date");
        assert_eq!(json["message"], "日历上没有“2017-02-30”这一天");
        assert_eq!(
            d.to_github(Some("\n\n\ndate: 2017-02-30\n"), Lang::En),
            "::error file=content/a%2Cb.md,line=4,col=7,title=date::`2017-02-30` is not a day of the calendar%0Ahint: write e.g. 2017-02-28"
        );
    }

    #[test]
    fn render_shows_the_line_with_a_caret_under_the_value() {
        let source = "---\ntitle: 通知\ndate: 2017-02-30\n---\n";
        let d = Diagnostic::error("content/a.md", impossible())
            .at(3)
            .field("date")
            .hint(write_28());
        let text = d.render(Some(source), false, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "error: content/a.md:3: date: `2017-02-30` is not a day of the calendar"
        );
        let shown = lines
            .iter()
            .position(|l| l.ends_with("| date: 2017-02-30"))
            .expect("source line");
        assert!(lines[shown].trim_start().starts_with("3 |"), "{text}");
        let caret = lines[shown + 1];
        let column = |l: &str, needle: &str| l.find(needle).expect("needle");
        assert_eq!(column(caret, "^"), column(lines[shown], "2017"), "{text}");
        assert_eq!(caret.matches('^').count(), "2017-02-30".len(), "{text}");
        assert_eq!(*lines.last().expect("hint"), "  hint: write e.g. 2017-02-28");
        assert!(!text.contains('\x1b'));
        assert!(d.render(Some(source), true, Lang::En).contains('\x1b'));
        let zh = d.render(Some(source), false, Lang::Zh);
        assert!(zh.starts_with("错误: content/a.md:3: date: 日历上没有"), "{zh}");
        assert!(zh.ends_with("  提示: 例如写作 2017-02-28"), "{zh}");
    }

    #[test]
    fn render_without_a_line_or_source_is_the_plain_form() {
        let d = Diagnostic::error("content/a.md", msg!("error.unreadable", error = "denied"))
            .hint(msg!("hint.save_utf8"));
        assert_eq!(d.render(Some("x"), false, Lang::En), d.to_string());
        let d = d.at(9);
        assert_eq!(d.render(Some("one line"), false, Lang::En), d.to_string());
        assert_eq!(d.render(None, false, Lang::Zh), d.plain(Lang::Zh));
    }

    #[test]
    fn carets_fall_back_to_the_value_or_the_line() {
        assert_eq!(line_span("date: 2017"), 6..10);
        assert_eq!(line_span("  - path: a.pdf  "), 10..15);
        assert_eq!(line_span("attachments:"), 0..12);
        let body = "见[链接](idx:1): 说明";
        assert_eq!(line_span(body), 0..body.len());
        assert_eq!(line_span("   "), 3..3);
    }

    #[test]
    fn a_span_decides_the_caret_and_the_column() {
        let source = "---\ntitel: 通知\n见[链接](idx:1)\n";
        let key = Diagnostic::error("a.md", msg!("field.unknown", key = "titel"))
            .at(2)
            .span(Span { start: 0, end: 5 });
        assert_eq!(key.column(source), Some(1));
        let line = "见[链接](idx:1)";
        let link = Diagnostic::error("a.md", msg!("link.no_index", number = "1"))
            .at(3)
            .span(Span::of(line, &line["见[链接](".len()..line.len() - 1]));
        assert_eq!(link.column(source), Some(7), "in characters");
        let text = link.render(Some(source), false, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines.iter().position(|l| l.ends_with(line)).expect("the line");
        assert_eq!(lines[shown + 1].matches('^').count(), "idx:1".len(), "{text}");
        // A span that does not fit the line (the file changed) falls back.
        let stale = Diagnostic::error("a.md", msg!("fm.key"))
            .at(2)
            .span(Span { start: 3, end: 90 });
        assert_eq!(stale.column(source), Some(8));
    }

    #[test]
    fn line_of_counts_newlines_before_offset() {
        let text = "a\nb\nc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 4), 3);
        assert_eq!(line_of(text, 99), 3);
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        let names = ["title", "index_number", "issuer", "索引号"];
        assert_eq!(did_you_mean("titel", names), Some("title"));
        assert_eq!(did_you_mean("index_no", names), Some("index_number"));
        assert_eq!(did_you_mean("索引", names), Some("索引号"));
        assert_eq!(did_you_mean("colour", names), None);
    }
}
