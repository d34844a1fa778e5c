//! The pipeline, as a list of steps ([`build_site`]): read site.yaml, load
//! the site ([`crate::catalogue::load`]) while the staging folder is
//! prepared → render the pages → copy the attachments → the search index →
//! the exports → commit. Every step writes through the [`Sink`] of the
//! staging folder; only the commit changes the output.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use unchanged::Inputs;

use crate::catalogue::Catalogue;
use crate::catalogue::load::{CacheUse, LoadedSite, load, load_with};
use crate::content::date::source_date_epoch;
use crate::diagnostic::Diagnostic;
use crate::error::{BuildError, content_error};
use crate::export::{self, ExportError};
use crate::output::{Discard, OutputError, Sink, SiteLock, Staging};
use crate::progress::Progress;
use crate::render::{self, RenderError, RenderOptions};
use crate::search::{self, SearchError};
use crate::site::config::SiteConfig;

mod unchanged;

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
    /// Build into an output folder that holds files gongkai did not write,
    /// replacing them.
    pub force: bool,
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
    pub files: crate::output::CommitStats,
    /// What the webmaster should know that is not a problem.
    pub notes: Vec<crate::lang::Text>,
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
    let site = load(root, progress)?;
    // Render every page into nothing, so template errors are found too.
    let options = RenderOptions {
        progress: progress.clone(),
        ..RenderOptions::default()
    };
    render::render_all(&site.catalogue, &site.bodies, &site.theme, &options, &Discard)
        .map_err(render_error)?;
    Ok(Report::unwritten(&site.catalogue, site.warnings, start))
}

impl Report {
    /// The report of a run that wrote no site (a check, an export).
    fn unwritten(catalogue: &Catalogue, warnings: Vec<Diagnostic>, start: Instant) -> Report {
        Report {
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
            notes: Vec::new(),
        }
    }
}

/// Writes the site's published documents as bulk NDJSON for index
/// `index` into `out` (replaced whole, through a temporary file beside it,
/// so a failed run leaves the previous file), with the index's mapping
/// into `mapping` when given.
pub fn bulk(
    root: &Path,
    out: &Path,
    index: &str,
    mapping: Option<&Path>,
    progress: &Progress,
) -> Result<Report, BuildError> {
    crate::diagnostic::panics::catch(|| {
        let start = Instant::now();
        let mut site = load(root, progress)?;
        progress.stage("exporting", site.catalogue.documents.len());
        let local = |path: &Path, e: &dyn std::fmt::Display| {
            BuildError::Output(OutputError::Io {
                path: path.to_path_buf(),
                action: "cannot write",
                source: std::io::Error::other(e.to_string()),
            })
        };
        let write = |path: &Path, fill: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), BuildError>| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temp = path.with_file_name(format!(".{name}.gongkai-tmp"));
            let file = std::fs::File::create(&temp).map_err(|e| local(&temp, &e))?;
            let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
            let filled = fill(&mut writer)
                .and_then(|()| std::io::Write::flush(&mut writer).map_err(|e| local(&temp, &e)));
            drop(writer);
            if let Err(e) = filled {
                let _ = std::fs::remove_file(&temp);
                return Err(e);
            }
            std::fs::rename(&temp, path).map_err(|e| local(path, &e))
        };
        let texts = site.bodies.take_texts();
        let mut texts = Some(texts);
        write(out, &mut |w| {
            export::bulk::write(
                &site.catalogue,
                &site.bodies,
                texts.take().unwrap_or_default(),
                index,
                w,
            )
            .map(drop)
            .map_err(|e| match e {
                export::bulk::BulkError::Body(d) => content_error(vec![d], Vec::new()),
                other => local(out, &other),
            })
        })?;
        if let Some(mapping) = mapping {
            write(mapping, &mut |w| {
                w.write_all(export::bulk::MAPPING.as_bytes())
                    .map_err(|e| local(mapping, &e))
            })?;
        }
        let warnings = std::mem::take(&mut site.warnings);
        Ok(Report::unwritten(&site.catalogue, warnings, start))
    })
    .unwrap_or_else(|m| Err(BuildError::Internal(m)))
}

/// Builds the site into its output folder. On any failure the previous
/// output is left exactly as it was.
pub fn build(options: &BuildOptions) -> Result<Report, BuildError> {
    // A panic outside the per-file guards unwinds through the staging
    // folder (removed) and the lock (released) and is reported here.
    crate::diagnostic::panics::catch(|| build_site(options)).unwrap_or_else(|m| Err(BuildError::Internal(m)))
}

/// The steps of a build. Every step writes into the staging folder only; a
/// step that fails returns, and dropping the staging folder removes it, so
/// the output is touched by the commit alone.
fn build_site(options: &BuildOptions) -> Result<Report, BuildError> {
    let mut timer = Timer::start();
    let root = &options.root;
    let progress = &options.progress;
    let _lock = SiteLock::acquire(root)?;
    let mut config = SiteConfig::load(root).map_err(BuildError::Config)?;
    // 0. A portal reads its members' published catalogues first.
    let harvested = (!config.sources.is_empty()).then(|| {
        progress.stage("harvesting", config.sources.len());
        let date = crate::content::date::build_date().format("%Y-%m-%d").to_string();
        crate::portal::harvest(root, &config, &date)
    });
    if let Some(h) = &harvested {
        config.add_categories(h.categories.clone());
        timer.lap("harvest");
    }
    let target = options
        .out
        .clone()
        .unwrap_or_else(|| root.join(&config.output_dir));
    // Nothing read since the last build into this output changed: its
    // report again, the output as it is.
    let render_options = render_options(progress);
    let inputs = Inputs::of(options, harvested.is_some(), render_options.generated.as_deref());
    if let Some(mut report) = inputs
        .as_ref()
        .and_then(|inputs| unchanged::replay(root, &target, inputs))
    {
        timer.lap("unchanged");
        report.elapsed = timer.start.elapsed();
        report.stages = timer.stages;
        return Ok(report);
    }
    timer.lap("inputs");

    // 1. Load the site, preparing the staging folder (reading the output's
    //    manifest) meanwhile.
    let (site, staging) = rayon::join(
        || {
            let cache = if options.clean {
                CacheUse::Off
            } else {
                CacheUse::ReadWrite
            };
            load_with(root, config, progress, cache, inputs.as_ref().map(|i| &i.files))
        },
        || Staging::create(root, &target, options.clean, options.force),
    );
    let (
        LoadedSite {
            catalogue,
            mut bodies,
            theme,
            mut warnings,
        },
        staging,
    ) = (site?, staging?);
    let mut notes = Vec::new();
    if let Some(h) = harvested {
        warnings.extend(h.warnings);
        let count = |f: fn(&crate::portal::MemberReport) -> bool| h.members.iter().filter(|m| f(m)).count();
        notes.push(crate::msg!(
            "summary.portal",
            members = h.members.len(),
            changed = count(|m| m.written + m.removed > 0),
            failed = count(|m| m.failed),
            documents = h.members.iter().map(|m| m.documents).sum::<usize>(),
            written = h.members.iter().map(|m| m.written).sum::<usize>(),
            removed = h.members.iter().map(|m| m.removed).sum::<usize>()
        ));
    }
    // A link to a folder is built into the folder it points to.
    let target = staging.target().to_path_buf();
    timer.lap("load");

    // 2. Render every page whose context changed.
    let pages =
        render::render_all(&catalogue, &bodies, &theme, &render_options, &staging).map_err(render_error)?;
    timer.lap("render");
    // The pages are written: the bodies' HTML is not needed any more.
    bodies.drop_html();

    // 3. Publish the attachments and linked files.
    copy_files(root, &catalogue, &staging)?;
    timer.lap("files");

    // 4. The search index, patched when few documents changed.
    progress.stage("indexing", catalogue.documents.len());
    crate::diagnostic::panics::fail_point("search", &target);
    let texts = bodies.take_texts();
    // Runs a killed build left are removed; this build's, when it writes
    // any, when the index is written.
    let scratch = root.join(crate::site::STATE_DIR).join(search::RUNS_DIR);
    if scratch.exists() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    // 5. The open-data exports: beside the index when both are small (see
    //    [`side_by_side`]), else after it.
    warnings.extend(feed_warning(&catalogue));
    // The rows of catalogue.json and catalogue.csv are recorded under
    // .gongkai/ for the next build (a --clean build has no previous
    // output to copy them from, and makes every row).
    let state = root.join(crate::site::STATE_DIR);
    let index_site =
        || search::build(&catalogue, &bodies, texts, progress, &staging, &scratch).map_err(search_error);
    let export_site =
        || export::write(&catalogue, &pages.paths, &staging, Some(&state)).map_err(export_error);
    let index = if side_by_side(&pages, catalogue.documents.len()) {
        let (index, exported) = rayon::join(index_site, export_site);
        let index = index?;
        exported?;
        timer.lap("search+export");
        index
    } else {
        let index = index_site()?;
        timer.lap("search");
        progress.stage("exporting", 1);
        export_site()?;
        timer.lap("export");
        index
    };

    // 6. Make the output what this build wrote.
    let files = staging.commit()?;
    timer.lap("commit");

    let (documents, unpublished) = (catalogue.documents.len(), catalogue.unpublished);
    notes.extend(
        catalogue
            .config
            .sub_path()
            .map(|path| crate::msg!("summary.robots_sub_path", path = path)),
    );
    // Freeing tens of thousands of documents takes a noticeable moment: it
    // is done beside the caller (a process that exits simply stops it).
    std::thread::spawn(move || drop((catalogue, bodies, theme, pages.paths)));
    let report = Report {
        documents,
        unpublished,
        pages: pages.pages,
        rendered: pages.rendered,
        search: Some(index),
        out_dir: Some(target),
        warnings,
        elapsed: timer.start.elapsed(),
        stages: timer.stages,
        files,
        notes,
    };
    if let (Some(inputs), Some(target)) = (&inputs, &report.out_dir) {
        unchanged::record(root, target, inputs, &report);
    }
    Ok(report)
}

/// Whether the search index and the exports are made side by side. Each
/// alone leaves a core idle for part of its time (the index patched, the
/// exports joining rows and writing), so a one-edit rebuild makes them at
/// once: at 50,000 documents 0.40 s instead of 0.49. Only when at most one
/// page in twenty was rendered again (the index is then patched, without
/// its postings' share of the memory) and the exports, held whole with
/// the last build's (about [`EXPORT_BYTES`] a document), fit in half that
/// share; otherwise, as after a clean build or for a province, one after
/// the other, each with the memory to itself.
fn side_by_side(pages: &render::RenderStats, documents: usize) -> bool {
    pages.rendered.saturating_mul(20) <= pages.pages
        && documents.saturating_mul(EXPORT_BYTES) <= crate::memory::Budgets::from_env().index / 2
}

/// Bytes of catalogue.json and catalogue.csv per document, old and new
/// (2.7 KB measured at 50,000), rounded up.
const EXPORT_BYTES: usize = 4096;

/// Wall and CPU time of each step (CPU time only with `GONGKAI_TIMINGS`).
struct Timer {
    start: Instant,
    lap: Instant,
    cpu: Option<Duration>,
    timed: bool,
    stages: Vec<(&'static str, Duration, Option<Duration>)>,
}

impl Timer {
    fn start() -> Timer {
        let timed = std::env::var_os("GONGKAI_TIMINGS").is_some();
        Timer {
            start: Instant::now(),
            lap: Instant::now(),
            cpu: if timed { process_cpu_time() } else { None },
            timed,
            stages: Vec::new(),
        }
    }

    /// Ends the step `name`.
    fn lap(&mut self, name: &'static str) {
        let now = if self.timed { process_cpu_time() } else { None };
        let spent = now.zip(self.cpu).map(|(now, then)| now.saturating_sub(then));
        self.stages.push((name, self.lap.elapsed(), spent));
        self.lap = Instant::now();
        self.cpu = now;
    }
}

/// Feeds, the sitemap and robots.txt need absolute addresses: without
/// them, a warning says why they are missing.
fn feed_warning(catalogue: &Catalogue) -> Option<Diagnostic> {
    let base = &catalogue.config.base_url;
    (!(base.starts_with("http://") || base.starts_with("https://"))).then(|| {
        Diagnostic::warning(crate::site::config::FILE_NAME, crate::msg!("feeds.no_base_url"))
            .field("base_url")
            .hint(crate::msg!("feeds.no_base_url.hint"))
    })
}

/// Copies every attachment and linked file of the published documents and
/// the column's pages.
fn copy_files(root: &Path, catalogue: &Catalogue, sink: &dyn Sink) -> Result<(), OutputError> {
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
        .try_for_each(|(output, source)| sink.copy(output, &root.join(source)))
}

fn render_error(e: RenderError) -> BuildError {
    match e {
        RenderError::Template(d) => content_error(d, Vec::new()),
        RenderError::Output(e) => BuildError::Output(e),
    }
}

fn search_error(e: SearchError) -> BuildError {
    match e {
        SearchError::Output(e) => BuildError::Output(e),
        SearchError::Body(d) => content_error(vec![d], Vec::new()),
        SearchError::TooMany(_) | SearchError::Encode(_) => BuildError::Internal(e.to_string()),
    }
}

fn export_error(e: ExportError) -> BuildError {
    match e {
        ExportError::Output(e) => BuildError::Output(e),
        ExportError::Json(_) | ExportError::Csv(_) | ExportError::Mismatch { .. } => {
            BuildError::Internal(e.to_string())
        }
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
