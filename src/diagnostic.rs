//! A problem found in the site's input, reported with its location and a hint.
//!
//! Every stage collects its problems as [`Diagnostic`] values instead of
//! stopping at the first one, so a webmaster sees all of a run's errors at once.

use std::fmt;
use std::path::PathBuf;

/// How serious a problem is: errors fail the run, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot succeed until this is fixed.
    Error,
    /// Worth a look; the build goes on.
    Warning,
}

/// A problem in one input file, reported with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line in the whole file, when known.
    pub line: Option<u32>,
    /// The front-matter or site.yaml field concerned, by its English key.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error in `path`, with no line or field yet.
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            field: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning in `path`.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
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

    /// The same diagnostic with a hint on how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this diagnostic fails the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn severity_name(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// One JSON object (for `--format json`, one per line): path, line,
    /// column, field, severity, message, hint.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "path": self.path.to_string_lossy().replace('\\', "/"),
            "line": self.line,
            "column": null,
            "field": self.field,
            "severity": self.severity_name(),
            "message": self.message,
            "hint": self.hint,
        })
        .to_string()
    }

    /// A GitHub Actions workflow command (for `--format github`), which
    /// annotates the file and line in the pull request.
    pub fn to_github(&self) -> String {
        // Workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
        let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
        let mut properties = format!("file={}", property(&self.path.to_string_lossy()));
        if let Some(line) = self.line {
            properties.push_str(&format!(",line={line}"));
        }
        if let Some(field) = &self.field {
            properties.push_str(&format!(",title={}", property(field)));
        }
        let mut message = self.message.clone();
        if let Some(hint) = &self.hint {
            message.push_str(&format!("\nhint: {hint}"));
        }
        format!("::{} {properties}::{}", self.severity_name(), data(&message))
    }
}

impl fmt::Display for Diagnostic {
    /// `error: content/a.md:4: date: message` and an indented `hint:` line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
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

    #[test]
    fn display_has_location_field_and_hint() {
        let d = Diagnostic::error("content/a.md", "`date` is not a valid date: 2017-02-30")
            .at(4)
            .field("date")
            .hint("dates are written 2017-07-18 or 2017年7月18日");
        assert_eq!(
            d.to_string(),
            "error: content/a.md:4: date: `date` is not a valid date: 2017-02-30\n  hint: dates are written 2017-07-18 or 2017年7月18日"
        );
    }

    #[test]
    fn json_and_github_forms() {
        let d = Diagnostic::error("content/a,b.md", "`date` is not a valid date: 2017-02-30")
            .at(4)
            .field("date")
            .hint("write 2017-02-28");
        let json: serde_json::Value = serde_json::from_str(&d.to_json()).expect("json");
        assert_eq!(json["path"], "content/a,b.md");
        assert_eq!(json["line"], 4);
        assert_eq!(json["severity"], "error");
        assert_eq!(json["hint"], "write 2017-02-28");
        assert_eq!(
            d.to_github(),
            "::error file=content/a%2Cb.md,line=4,title=date::`date` is not a valid date: 2017-02-30%0Ahint: write 2017-02-28"
        );
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
