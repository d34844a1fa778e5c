//! What the command line prints: diagnostics (with source snippets on a
//! terminal, JSON lines or GitHub annotations for tools), the progress bar
//! and the one-line summary.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use gongkai::output::OutputError;
use gongkai::progress::{Observer, Progress};
use gongkai::{BuildError, Diagnostic, Report};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Format;

/// How one run prints.
pub(crate) struct Output {
    root: PathBuf,
    format: Format,
    quiet: bool,
    /// Human output goes to a terminal: colours and a progress bar.
    terminal: bool,
}

impl Output {
    /// `format` is human, json or github; `quiet` prints only problems.
    pub(crate) fn new(root: &Path, format: Format, quiet: bool) -> Self {
        let stderr_terminal = std::io::stderr().is_terminal();
        Output {
            root: root.to_path_buf(),
            format,
            quiet,
            terminal: stderr_terminal && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    /// A progress bar on a terminal, outside CI, unless quiet; else nothing.
    pub(crate) fn progress(&self) -> Progress {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        if self.quiet || ci || !std::io::stderr().is_terminal() || self.format != Format::Human {
            return Progress::default();
        }
        Progress::new(Bar::new())
    }

    /// Prints `diagnostics` in the chosen format: human text (with the source
    /// line and a caret) on stderr; json and github on stdout, for tools.
    pub(crate) fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        self.print(diagnostics, &mut Sources::new(&self.root));
    }

    fn print(&self, diagnostics: &[Diagnostic], sources: &mut Sources) {
        let mut out = std::io::stdout().lock();
        let mut err = std::io::stderr().lock();
        for d in diagnostics {
            let source = sources.get(&d.path);
            let _ = match self.format {
                Format::Json => writeln!(out, "{}", d.to_json(source)),
                Format::Github => writeln!(out, "{}", d.to_github(source)),
                Format::Human => writeln!(err, "{}", d.render(source, self.terminal)),
            };
        }
    }

    /// Prints a run's problems and its one-line summary; the exit code.
    pub(crate) fn report(&self, result: Result<Report, BuildError>, verb: &str) -> ExitCode {
        match result {
            Ok(report) => {
                self.diagnostics(&report.warnings);
                if !self.quiet {
                    let line = summary(&report, verb);
                    // With json or github output, stdout holds only those lines.
                    if self.format == Format::Human {
                        println!("{line}");
                    } else {
                        eprintln!("{line}");
                    }
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                let diagnostics = e.diagnostics();
                self.diagnostics(diagnostics);
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                match &e {
                    BuildError::Output(OutputError::Interrupted(_)) | BuildError::Internal(_) => {
                        eprintln!("error: {e}")
                    }
                    BuildError::Output(_) => {
                        eprintln!("error: {e}\n  nothing was written, the previous output is unchanged")
                    }
                    _ => {
                        eprintln!("{errors} error(s); nothing was written, the previous output is unchanged")
                    }
                }
                ExitCode::from(e.exit_code())
            }
        }
    }
}

impl Output {
    /// Prints one build of `gongkai serve` like `report`, and returns the
    /// plain text of its errors for the page overlay.
    pub(crate) fn build_result(&self, result: &Result<Report, BuildError>) -> Option<String> {
        match result {
            Ok(report) => {
                self.diagnostics(&report.warnings);
                println!("{}", summary(report, "built"));
                None
            }
            Err(e) => {
                let mut sources = Sources::new(&self.root);
                self.print(e.diagnostics(), &mut sources);
                let mut text: Vec<String> = e
                    .diagnostics()
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.render(sources.get(&d.path), false))
                    .collect();
                if let BuildError::Output(_) | BuildError::Internal(_) = e {
                    text.push(format!("error: {e}"));
                }
                eprintln!("the build failed; still serving the last good site");
                Some(text.join("\n\n"))
            }
        }
    }
}

/// The text of the files diagnostics point at, each read once.
struct Sources {
    root: PathBuf,
    files: HashMap<PathBuf, Option<String>>,
}

impl Sources {
    fn new(root: &Path) -> Self {
        Sources {
            root: root.to_path_buf(),
            files: HashMap::new(),
        }
    }

    /// The file's text, or None when it cannot be read as UTF-8.
    fn get(&mut self, path: &Path) -> Option<&str> {
        let root = &self.root;
        self.files
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(root.join(path)).ok())
            .as_deref()
    }
}

/// Opens `url` in the desktop's browser, if there is one.
pub(crate) fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("could not start {opener}; open {url} yourself");
    }
}

/// `built 830 documents, 991 pages, 149 search shards (170 not published) into public in 0.52 s`;
/// a rebuild adds the pages rendered and the files written:
/// `built 830 documents, 991 pages (3 rendered), … into public (9 files written, 0 deleted) in 0.31 s`
fn summary(report: &Report, verb: &str) -> String {
    let mut line = format!("{verb} {} documents", report.documents);
    if report.pages > 0 {
        line.push_str(&format!(", {} pages", report.pages));
        if report.out_dir.is_some() && report.rendered < report.pages {
            line.push_str(&format!(" ({} rendered)", report.rendered));
        }
    }
    if let Some(index) = &report.search {
        line.push_str(&format!(
            ", {} search shards ({} terms, {:.1} MB{})",
            index.shards,
            index.terms,
            index.bytes as f64 / 1e6,
            index
                .patched
                .map(|n| format!(
                    ", patched for {n} changed document{}",
                    if n == 1 { "" } else { "s" }
                ))
                .unwrap_or_default()
        ));
    }
    line.push_str(&format!(" ({} not published)", report.unpublished));
    if let Some(out) = &report.out_dir {
        line.push_str(&format!(" into {}", out.display()));
        let f = &report.files;
        if f.unchanged > 0 || f.deleted > 0 {
            line.push_str(&format!(" ({} files written, {} deleted)", f.written, f.deleted));
        }
    }
    line.push_str(&format!(" in {:.2} s", report.elapsed.as_secs_f64()));
    if std::env::var_os("GONGKAI_TIMINGS").is_some() {
        let stages: Vec<String> = report
            .stages
            .iter()
            .map(|(name, t, cpu)| match cpu {
                Some(cpu) => format!("{name} {:.2} (cpu {:.2})", t.as_secs_f64(), cpu.as_secs_f64()),
                None => format!("{name} {:.2}", t.as_secs_f64()),
            })
            .collect();
        line.push_str(&format!(" [{}]", stages.join(", ")));
    }
    line
}

/// An indicatif bar that appears only once a run has taken a second.
struct Bar {
    bar: ProgressBar,
    start: Instant,
    shown: Mutex<bool>,
}

impl Bar {
    fn new() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{prefix:>10.cyan.bold} [{bar:30}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        Bar {
            bar,
            start: Instant::now(),
            shown: Mutex::new(false),
        }
    }

    fn show_if_slow(&self) {
        if self.start.elapsed() < Duration::from_secs(1) {
            return;
        }
        if let Ok(mut shown) = self.shown.try_lock()
            && !*shown
        {
            *shown = true;
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Observer for Bar {
    fn stage(&self, name: &'static str, total: u64) {
        self.bar.set_position(0);
        self.bar.set_length(total);
        self.bar.set_prefix(name);
        self.show_if_slow();
    }

    fn advance(&self, steps: u64) {
        self.bar.inc(steps);
        self.show_if_slow();
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
