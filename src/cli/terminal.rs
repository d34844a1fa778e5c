//! What the command line prints: diagnostics (with source snippets on a
//! terminal, JSON lines or GitHub annotations for tools), the progress bar
//! and the one-line summary.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use gongkai::lang::{Lang, Text};
use gongkai::progress::{Observer, Progress};
use gongkai::{BuildError, Diagnostic, Report, msg};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Format;

/// How one run prints.
pub(crate) struct Output {
    root: PathBuf,
    format: Format,
    quiet: bool,
    /// Human output goes to a terminal: colours and a progress bar.
    terminal: bool,
    /// The language of everything printed.
    pub(crate) lang: Lang,
    /// Warnings fail the run (`--strict`).
    strict: bool,
}

impl Output {
    /// `format` is human, json or github; `quiet` prints only problems.
    pub(crate) fn new(root: &Path, format: Format, quiet: bool, lang: Lang) -> Self {
        let stderr_terminal = std::io::stderr().is_terminal();
        Output {
            root: root.to_path_buf(),
            format,
            quiet,
            terminal: stderr_terminal && std::env::var_os("NO_COLOR").is_none(),
            lang,
            strict: false,
        }
    }

    /// The same output, failing the run on warnings.
    pub(crate) fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Prints one message on stdout, in the run's language.
    pub(crate) fn say(&self, text: &Text) {
        println!("{}", text.get(self.lang));
    }

    /// Prints one message on stderr, in the run's language.
    pub(crate) fn complain(&self, text: &Text) {
        eprintln!("{}", text.get(self.lang));
    }

    /// `错误：…` / `error: …` on stderr.
    pub(crate) fn error(&self, text: &Text) {
        let label = match self.lang {
            Lang::Zh => "错误",
            Lang::En => "error",
        };
        eprintln!("{label}: {}", text.get(self.lang));
    }

    /// A progress bar on a terminal, outside CI, unless quiet; else nothing.
    pub(crate) fn progress(&self) -> Progress {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        if self.quiet || ci || !std::io::stderr().is_terminal() || self.format != Format::Human {
            return Progress::default();
        }
        Progress::new(Bar::new(self.lang))
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
                Format::Json => writeln!(out, "{}", d.to_json(source, self.lang)),
                Format::Github => writeln!(out, "{}", d.to_github(source, self.lang)),
                Format::Human => writeln!(err, "{}", d.render(source, self.terminal, self.lang)),
            };
        }
    }

    /// Prints a run's problems and its one-line summary; the exit code.
    /// `verb` is `verb.built` or `verb.checked`. With `--strict`, a run
    /// with warnings prints them as errors and fails (exit 1); a build's
    /// output is then written already, a check's never is.
    pub(crate) fn report(&self, result: Result<Report, BuildError>, verb: Text) -> ExitCode {
        match result {
            Ok(report) if self.strict && !report.warnings.is_empty() => {
                let errors: Vec<Diagnostic> = report
                    .warnings
                    .iter()
                    .cloned()
                    .map(Diagnostic::as_error)
                    .collect();
                self.diagnostics(&errors);
                self.complain(&msg!("run.strict", n = errors.len()));
                ExitCode::from(1)
            }
            Ok(report) => {
                self.diagnostics(&report.warnings);
                if !self.quiet {
                    let line = summary(&report, verb, self.lang);
                    // With json or github output, stdout holds only those lines.
                    if self.format == Format::Human {
                        println!("{line}");
                    } else {
                        eprintln!("{line}");
                    }
                    for note in &report.notes {
                        if self.format == Format::Human {
                            println!("{}", note.get(self.lang));
                        } else {
                            eprintln!("{}", note.get(self.lang));
                        }
                    }
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                self.diagnostics(e.diagnostics());
                match &e {
                    BuildError::Output(_) | BuildError::Internal(_) => self.error(&e.text()),
                    _ => self.complain(&e.text()),
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
                println!("{}", summary(report, msg!("verb.built"), self.lang));
                for note in &report.notes {
                    println!("{}", note.get(self.lang));
                }
                None
            }
            Err(e) => {
                let mut sources = Sources::new(&self.root);
                self.print(e.diagnostics(), &mut sources);
                let mut text: Vec<String> = e
                    .diagnostics()
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.render(sources.get(&d.path), false, self.lang))
                    .collect();
                if let BuildError::Output(_) | BuildError::Internal(_) = e {
                    text.push(e.text().get(self.lang));
                }
                self.complain(&msg!("serve.failed"));
                let heading = msg!("serve.overlay").get(self.lang);
                Some(format!("{heading}\n\n{}", text.join("\n\n")))
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
pub(crate) fn open_browser(url: &str, lang: Lang) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("{}", msg!("serve.browser", opener = opener, url = url).get(lang));
    }
}

/// `built 830 documents, 991 pages, 149 search shards (170 not published) into public in 0.52 s`;
/// a rebuild adds the pages rendered and the files written:
/// `built 830 documents, 991 pages (3 rendered), … into public (9 files written, 0 deleted) in 0.31 s`
fn summary(report: &Report, verb: Text, lang: Lang) -> String {
    let mut line = Text::new("summary.head")
        .nested("verb", &verb)
        .arg("n", &report.documents)
        .get(lang);
    let mut push = |text: Text| line.push_str(&text.get(lang));
    if report.pages > 0 {
        push(msg!("summary.pages", n = report.pages));
        if report.out_dir.is_some() && report.rendered < report.pages {
            push(msg!("summary.rendered", n = report.rendered));
        }
    }
    if let Some(index) = &report.search {
        let patched = match index.patched {
            Some(1) => msg!("summary.patched_one").get(lang),
            Some(n) => msg!("summary.patched", n = n).get(lang),
            None => String::new(),
        };
        let patched = match index.runs {
            0 => patched,
            n => patched + &msg!("summary.runs", n = n).get(lang),
        };
        push(msg!(
            "summary.search",
            shards = index.shards,
            terms = index.terms,
            mb = format!("{:.1}", index.bytes as f64 / 1e6),
            patched = patched
        ));
    }
    push(msg!("summary.unpublished", n = report.unpublished));
    if let Some(out) = &report.out_dir {
        push(msg!("summary.into", dir = out.display()));
        let f = &report.files;
        if f.unchanged > 0 || f.deleted > 0 {
            push(msg!("summary.files", written = f.written, deleted = f.deleted));
        }
    }
    push(msg!(
        "summary.time",
        secs = format!("{:.2}", report.elapsed.as_secs_f64())
    ));
    if !report.warnings.is_empty() {
        push(msg!("summary.warnings", n = report.warnings.len()));
    }
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
    lang: Lang,
}

impl Bar {
    fn new(lang: Lang) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{prefix:>10.cyan.bold} [{bar:30}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        Bar {
            bar,
            start: Instant::now(),
            shown: Mutex::new(false),
            lang,
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
        let code = format!("stage.{name}");
        self.bar
            .set_prefix(gongkai::lang::template(&code, self.lang).unwrap_or(name));
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
