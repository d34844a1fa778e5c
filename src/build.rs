//! The pipeline: load the site ([`crate::catalogue::load`]) → render into a staging
//! folder → copy attachments → search index → exports → swap it into place.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::catalogue::Catalogue;
pub use crate::catalogue::load::{load, load_with};
pub use crate::content::date::build_date;
use crate::content::date::source_date_epoch;
use crate::diagnostic::Diagnostic;
pub use crate::error::BuildError;
use crate::error::content_error;
use crate::output::{self, OutputError, SiteLock, Staging};
use crate::progress::Progress;
use crate::render::{self, RenderError, RenderOptions};
use crate::{export, search};

/// How to build.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site folder (holding site.yaml).
    pub root: PathBuf,
    /// Where to write instead of site.yaml's `output_dir`.
    pub out: Option<PathBuf>,
    /// Where to report progress.
    pub progress: Progress,
    /// Write the whole output again instead of only the files that changed.
    pub clean: bool,
}

/// What a successful run did.
#[derive(Debug)]
pub struct Report {
    /// Documents published.
    pub documents: usize,
    /// Documents read but not published (drafts, not 主动公开).
    pub unpublished: usize,
    /// Pages written (0 for a check).
    pub pages: usize,
    /// Of those, the pages rendered: the others' contexts had not changed
    /// since the output was written, so they were kept as they were.
    pub rendered: usize,
    /// What the search index holds (None for a check).
    pub search: Option<search::IndexStats>,
    /// Where the site was written (None for a check).
    pub out_dir: Option<PathBuf>,
    /// Warnings that did not stop the run.
    pub warnings: Vec<Diagnostic>,
    /// Wall time of the run.
    pub elapsed: Duration,
    /// Wall and CPU time of each stage, in order (`GONGKAI_TIMINGS=1`
    /// prints them; the CPU time is read only then, and only on Linux).
    pub stages: Vec<(&'static str, Duration, Option<Duration>)>,
    /// Files written, left unchanged and deleted in the output.
    pub files: output::CommitStats,
}

/// CPU time (user and system) this process has used, from
/// `/proc/self/stat` (fields 14 and 15, in clock ticks of 1/100 s): only for
/// `GONGKAI_TIMINGS`, so None where there is no such file.
fn process_cpu_time() -> Option<Duration> {
    cpu_time_of(&std::fs::read_to_string("/proc/self/stat").ok()?)
}

/// User + system time from a `/proc/<pid>/stat` line.
fn cpu_time_of(stat: &str) -> Option<Duration> {
    // The command name (field 2) may hold spaces and parentheses: count
    // from the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some(Duration::from_millis((ticks(11)? + ticks(12)?) * 10))
}

/// Validates the site without writing anything.
pub fn check(root: &Path, progress: &Progress) -> Result<Report, BuildError> {
    crate::diagnostic::panics::catch(|| check_site(root, progress))
        .unwrap_or_else(|m| Err(BuildError::Internal(m)))
}

fn check_site(root: &Path, progress: &Progress) -> Result<Report, BuildError> {
    let start = Instant::now();
    let (catalogue, theme, warnings) = load(root, progress)?;
    // Render every page into nothing, so template errors are found too.
    let options = RenderOptions {
        progress: progress.clone(),
        ..RenderOptions::default()
    };
    render::render_all(&catalogue, &theme, &options, &Discard).map_err(render_error)?;
    Ok(Report {
        documents: catalogue.documents.len(),
        unpublished: catalogue.unpublished,
        pages: 0,
        rendered: 0,
        search: None,
        out_dir: None,
        warnings,
        elapsed: start.elapsed(),
        stages: Vec::new(),
        files: Default::default(),
    })
}

/// Builds the site into its output folder. On any failure the previous
/// output is left exactly as it was.
pub fn build(options: &BuildOptions) -> Result<Report, BuildError> {
    // A panic outside the per-file guards unwinds through the staging
    // folder (removed) and the lock (released) and is reported here.
    crate::diagnostic::panics::catch(|| build_site(options)).unwrap_or_else(|m| Err(BuildError::Internal(m)))
}

fn build_site(options: &BuildOptions) -> Result<Report, BuildError> {
    let start = Instant::now();
    let root = &options.root;
    let _lock = SiteLock::acquire(root)?;
    let progress = &options.progress;
    let target = match &options.out {
        Some(out) => out.clone(),
        None => {
            let config = crate::site::config::SiteConfig::load(root).map_err(BuildError::Config)?;
            root.join(&config.output_dir)
        }
    };
    // The staging folder is prepared (reading the output's manifest) while
    // the site loads.
    let (loaded, staging) = rayon::join(
        || load_with(root, progress, !options.clean),
        || {
            output::check_target(root, &target)?;
            Staging::create(root, &target, options.clean)
        },
    );
    let ((mut catalogue, theme, warnings), staging) = match (loaded, staging) {
        (Ok(loaded), Ok(staging)) => (loaded, staging),
        (Err(e), staging) => {
            if let Ok(staging) = staging {
                staging.discard();
            }
            return Err(e);
        }
        (Ok(_), Err(e)) => return Err(e.into()),
    };
    let timed = std::env::var_os("GONGKAI_TIMINGS").is_some();
    let cpu = || if timed { process_cpu_time() } else { None };
    let mut cpu_lap = cpu();
    let mut stages = vec![("load", start.elapsed(), cpu_lap)];
    let mut lap = Instant::now();
    let mut stage = |name: &'static str| {
        let now = cpu();
        let spent = now.zip(cpu_lap).map(|(now, then)| now.saturating_sub(then));
        stages.push((name, lap.elapsed(), spent));
        lap = Instant::now();
        cpu_lap = now;
    };
    let rendered = render::render_all(&catalogue, &theme, &render_options(progress), &staging);
    let stats = match rendered {
        Ok(stats) => stats,
        Err(e) => {
            staging.discard();
            return Err(render_error(e));
        }
    };
    stage("render");
    // The pages are written: the bodies' HTML kept for them is not needed
    // by the index or the exports.
    for d in &mut catalogue.documents {
        d.body_html = String::new();
        d.body_packed = Vec::new();
    }
    if let Err(e) = publish_files(root, &catalogue, &staging) {
        staging.discard();
        return Err(render_error(RenderError::Io(e)));
    }
    stage("files");
    progress.stage("indexing", catalogue.documents.len());
    let body_texts = search::take_body_texts(&mut catalogue);
    crate::diagnostic::panics::fail_point("search", &target);
    let index = match search::build(&catalogue, body_texts, progress, &staging) {
        Ok(index) => index,
        Err(e) => {
            staging.discard();
            return Err(render_error(RenderError::Io(e)));
        }
    };
    stage("search");
    let mut warnings = warnings;
    let base = &catalogue.config.base_url;
    if !(base.starts_with("http://") || base.starts_with("https://")) {
        warnings.push(
            Diagnostic::warning(
                crate::site::config::FILE_NAME,
                "no Atom feeds, sitemap.xml or robots.txt were written: they need absolute addresses",
            )
            .field("base_url")
            .hint("set base_url to the published address, e.g. https://www.example.gov.cn/zwgk/"),
        );
    }
    progress.stage("exporting", 1);
    if let Err(e) = write_exports(&catalogue, &stats.paths, &staging) {
        staging.discard();
        return Err(render_error(RenderError::Io(e)));
    }
    stage("export");
    let files = staging.commit()?;
    stage("commit");
    let (documents, unpublished) = (catalogue.documents.len(), catalogue.unpublished);
    // Freeing tens of thousands of documents takes a noticeable moment: it
    // is done beside the caller (a process that exits simply stops it).
    std::thread::spawn(move || drop((catalogue, theme, stats.paths)));
    Ok(Report {
        documents,
        unpublished,
        pages: stats.pages,
        rendered: stats.rendered,
        search: Some(index),
        out_dir: Some(target),
        warnings,
        elapsed: start.elapsed(),
        stages,
        files,
    })
}

/// Pages go into the staging folder; a page rendered from the same context
/// as the one in the output is kept as it is.
impl render::Pages for Staging {
    fn unchanged(&self, path: &str, fingerprint: &render::Fingerprint) -> std::io::Result<bool> {
        self.unchanged_page(path, fingerprint)
    }

    fn page(&self, path: &str, html: &[u8], fingerprint: &render::Fingerprint) -> std::io::Result<()> {
        self.write_page(path, html, fingerprint)
    }

    fn asset(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.write(path, bytes)
    }
}

/// The search index goes into the staging folder too, and is patched from
/// the output's when few documents changed.
impl search::Store for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<bool> {
        self.write_changed(path, bytes)
    }

    fn write_stamped(&self, path: &str, bytes: &[u8], stamp: &[u8; 16]) -> std::io::Result<bool> {
        Staging::write_stamped(self, path, bytes, stamp)
    }

    fn stamp(&self, path: &str) -> Option<[u8; 16]> {
        self.previous_stamp(path)
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        self.previous_file(path)
    }

    fn intact(&self, path: &str) -> bool {
        self.previous_intact(path)
    }

    fn keep(&self, path: &str) -> std::io::Result<u64> {
        Staging::keep(self, path)
    }
}

/// `check` renders every page and keeps none.
struct Discard;

impl render::Pages for Discard {
    fn unchanged(&self, _: &str, _: &render::Fingerprint) -> std::io::Result<bool> {
        Ok(false)
    }

    fn page(&self, _: &str, _: &[u8], _: &render::Fingerprint) -> std::io::Result<()> {
        Ok(())
    }

    fn asset(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }

    fn keeps_pages(&self) -> bool {
        false
    }
}

/// Writes the exports, or keeps the output's when they were made from what
/// they would be made of now (see [`export::stamp`]).
fn write_exports(catalogue: &Catalogue, pages: &[String], staging: &Staging) -> std::io::Result<()> {
    let stamp = export::stamp(catalogue, pages);
    let paths = export::paths(catalogue, pages);
    if paths
        .iter()
        .all(|p| staging.previous_stamp(p) == Some(stamp) && staging.previous_intact(p))
    {
        for path in &paths {
            staging.keep(path)?;
        }
        return Ok(());
    }
    let written = export::write_all(catalogue, pages, |path, bytes| {
        staging.write_stamped(path, bytes, &stamp).map(drop)
    })?;
    if written != paths {
        return Err(std::io::Error::other(format!(
            "internal error: the exports written ({written:?}) are not those listed ({paths:?})"
        )));
    }
    Ok(())
}

/// Copies every attachment and linked file of the published documents.
fn publish_files(root: &Path, catalogue: &Catalogue, staging: &Staging) -> std::io::Result<()> {
    let files: std::collections::BTreeMap<&str, &Path> = catalogue
        .documents
        .iter()
        .flat_map(|d| d.attachments.iter().chain(&d.linked_files))
        .chain(catalogue.pages.iter().flat_map(|p| &p.files))
        .map(|a| (a.output.as_str(), a.source.as_path()))
        .collect();
    let files: Vec<(&str, &Path)> = files.into_iter().collect();
    files
        .par_iter()
        .try_for_each(|(output, source)| staging.copy(output, &root.join(source)))
}

fn render_error(e: RenderError) -> BuildError {
    match e {
        RenderError::Template(d) => content_error(d, Vec::new()),
        RenderError::Io(e) => BuildError::Output(OutputError::Io {
            action: "cannot write",
            path: PathBuf::from("(output)"),
            source: e,
        }),
    }
}

/// The build date for the footer: only from SOURCE_DATE_EPOCH, so that two
/// builds of the same input are byte-identical.
fn render_options(progress: &Progress) -> RenderOptions {
    let generated = source_date_epoch().map(|t| t.format("%Y-%m-%d").to_string());
    RenderOptions {
        generated,
        progress: progress.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_time_is_user_plus_system_ticks_after_the_command_name() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt
        // majflt cmajflt utime stime …; a name with a space and a ')'.
        let stat = "4242 (gong kai) x) R 1 4242 4242 0 -1 4194304 900 0 0 0 123 45 0 0 20 0 3 0";
        assert_eq!(cpu_time_of(stat), Some(Duration::from_millis(1680)));
        assert_eq!(cpu_time_of("4242 (gongkai) R 1 2"), None);
        assert_eq!(cpu_time_of("no parenthesis"), None);
    }
}
