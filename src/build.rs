//! The pipeline: config → discover → parse and validate in parallel →
//! catalogue → render into a staging folder → swap it into place.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::body::Bodies;
use crate::cache::{Cache, Entry, Stamp};
use crate::catalogue::Catalogue;
use crate::config::SiteConfig;
use crate::diagnostic::{self, Diagnostic};
use std::collections::HashMap;

use crate::document::{self, Document, Parsed};
use crate::links::Registry;
use crate::output::{self, OutputError, SiteLock, Staging};
use crate::progress::Progress;
use crate::render::{self, RenderError, RenderOptions};
use crate::search;
use crate::source::{self, SourceFile};
use crate::theme::Theme;
use crate::{attachment, export, page, privacy};

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

/// Why a run failed; each kind maps onto one exit code.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// site.yaml is missing or invalid (exit 2).
    #[error("site.yaml has problems")]
    Config(Vec<Diagnostic>),
    /// Content or theme files have problems (exit 1).
    #[error("the site has problems")]
    Content(Vec<Diagnostic>),
    /// The output could not be written (exit 2).
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl BuildError {
    /// The diagnostics to report, if the failure has any.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            BuildError::Config(d) | BuildError::Content(d) => d,
            BuildError::Output(_) => &[],
        }
    }

    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            BuildError::Content(_) => 1,
            BuildError::Config(_) | BuildError::Output(_) => 2,
        }
    }
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
    /// Wall time of each stage, in order (`GONGKAI_TIMINGS=1` prints them).
    pub stages: Vec<(&'static str, Duration)>,
    /// Files written, left unchanged and deleted in the output.
    pub files: output::CommitStats,
}

/// Reads and validates the whole site: every problem of every file is
/// collected before failing. Two phases: every front-matter first (so links
/// can be resolved against all documents), then every body. Files unchanged
/// since the last run come from the parse cache ([`crate::cache`]).
pub fn load(root: &Path, progress: &Progress) -> Result<(Catalogue, Theme, Vec<Diagnostic>), BuildError> {
    load_with(root, progress, true)
}

/// A file as the first phase leaves it.
enum Loaded {
    /// Taken from the cache; checked against the other files later.
    Cached(Box<Entry>),
    /// Read and parsed, with the stamp the file had.
    Parsed(Box<Parsed>, Option<Stamp>),
}

/// A document as the second phase leaves it: with what the cache keeps of
/// it, or (when it cannot be cached) with its problems and notices.
enum Done {
    Cacheable {
        entry: Box<Entry>,
        fresh: bool,
    },
    Other {
        /// None when the file could not be read again.
        document: Option<Box<Document>>,
        anchors: Vec<String>,
        foreign_anchors: Vec<(crate::markdown::AnchorRef, u32)>,
        problems: Vec<Diagnostic>,
        notices: Vec<Diagnostic>,
    },
}

impl Done {
    fn document(&self) -> Option<&Document> {
        match self {
            Done::Cacheable { entry, .. } => Some(&entry.document),
            Done::Other { document, .. } => document.as_deref(),
        }
    }

    fn anchors(&self) -> (&[String], &[(crate::markdown::AnchorRef, u32)]) {
        match self {
            Done::Cacheable { entry, .. } => (&entry.anchors, &entry.foreign_anchors),
            Done::Other {
                anchors,
                foreign_anchors,
                ..
            } => (anchors, foreign_anchors),
        }
    }

    fn problems(&self) -> (&[Diagnostic], &[Diagnostic]) {
        match self {
            Done::Cacheable { .. } => (&[], &[]),
            Done::Other {
                problems, notices, ..
            } => (problems, notices),
        }
    }

    fn into_document(self) -> Option<Document> {
        match self {
            Done::Cacheable { entry, .. } => Some(entry.document),
            Done::Other { document, .. } => document.map(|d| *d),
        }
    }
}

/// [`load`], using the parse cache or not (`--clean`).
pub fn load_with(
    root: &Path,
    progress: &Progress,
    use_cache: bool,
) -> Result<(Catalogue, Theme, Vec<Diagnostic>), BuildError> {
    let config = SiteConfig::load(root).map_err(BuildError::Config)?;
    let theme = Theme::load(root, &config.theme).map_err(BuildError::Config)?;
    let ((files, mut problems), mut cache) = rayon::join(
        || source::discover(root),
        || {
            if use_cache {
                Cache::open(
                    root,
                    &std::fs::read(root.join(crate::config::FILE_NAME)).unwrap_or_default(),
                )
            } else {
                Cache::default()
            }
        },
    );
    let cached_before = cache.len();
    let cache_file = cache.file();

    progress.stage("reading", files.len());
    let stamps: Vec<Option<Stamp>> = files.par_iter().map(|f| Stamp::of(&f.abs_path)).collect();
    let hits: Vec<Option<Box<Entry>>> = files
        .iter()
        .zip(&stamps)
        .map(|(f, stamp)| cache.take(&f.rel_path, *stamp).map(Box::new))
        .collect();
    drop(cache);
    let loaded: Vec<(&SourceFile, Result<Loaded, Vec<Diagnostic>>)> = files
        .par_iter()
        .zip(stamps)
        .zip(hits)
        .map(|((file, stamp), hit)| {
            let loaded = match hit {
                Some(entry) => Ok(Loaded::Cached(entry)),
                None => guarded(&file.rel_path, || parse_file(root, &config, file))
                    .map(|p| Loaded::Parsed(Box::new(p), stamp)),
            };
            progress.advance(1);
            (file, loaded)
        })
        .collect();
    let mut documents = Vec::with_capacity(loaded.len());
    for (file, result) in loaded {
        match result {
            Ok(d) => documents.push((file, d)),
            Err(d) => problems.extend(d),
        }
    }

    let mut registry = Registry::default();
    for (source, key) in page::sources(&config) {
        registry.add_page(&source, key);
    }
    for (_, loaded) in &documents {
        let d = match loaded {
            Loaded::Cached(entry) => &entry.document,
            Loaded::Parsed(p, _) => &p.document,
        };
        registry.add(&d.source, &d.index_number, &d.slug, d.is_published());
    }
    let bodies = Bodies::new(root, registry, config.attachment_types.clone());
    let done: Vec<Done> = documents
        .into_par_iter()
        .map(|(file, loaded)| match loaded {
            Loaded::Cached(entry) if entry.still_valid(root, &bodies.resolver(&entry.document)) => {
                Done::Cacheable { entry, fresh: false }
            }
            // Unchanged, but what its links point to changed: read it again.
            Loaded::Cached(_) => match guarded(&file.rel_path, || parse_file(root, &config, file)) {
                Ok(parsed) => render_parsed(&bodies, parsed, Stamp::of(&file.abs_path)),
                Err(problems) => Done::Other {
                    document: None,
                    anchors: Vec::new(),
                    foreign_anchors: Vec::new(),
                    problems,
                    notices: Vec::new(),
                },
            },
            Loaded::Parsed(parsed, stamp) => render_parsed(&bodies, *parsed, stamp),
        })
        .collect();
    let mut notices: Vec<Diagnostic> = done.iter().flat_map(|d| d.problems().1.iter().cloned()).collect();
    diagnostic::sort(&mut notices);
    // Anchors in other documents, now that every body is rendered.
    let anchors: HashMap<&str, &[String]> = done
        .iter()
        .filter_map(|d| Some((d.document()?.slug.as_str(), d.anchors().0)))
        .collect();
    for d in &done {
        problems.extend(d.problems().0.iter().cloned());
        let Some(document) = d.document() else { continue };
        for (target, line) in d.anchors().1 {
            let Some(slug) = &target.document else { continue };
            let there = anchors.get(slug.as_str()).copied().unwrap_or_default();
            if !there.contains(&target.anchor) {
                problems.push(
                    Diagnostic::error(
                        &document.source,
                        format!(
                            "link: docs/{slug}.html has no heading or footnote `#{}`",
                            target.anchor
                        ),
                    )
                    .at(*line)
                    .hint(crate::markdown::anchor_hint(there)),
                );
            }
        }
    }
    drop(anchors);
    if use_cache {
        let entries: Vec<&Entry> = done
            .iter()
            .filter_map(|d| match d {
                Done::Cacheable { entry, .. } => Some(&**entry),
                Done::Other { .. } => None,
            })
            .collect();
        let fresh = done
            .iter()
            .any(|d| matches!(d, Done::Cacheable { fresh: true, .. }));
        if fresh || entries.len() != cached_before {
            cache_file.store(entries);
        }
    }
    let registry = bodies.registry();
    let (pages, page_problems) = page::load(root, &config, registry);
    problems.extend(page_problems);
    let documents: Vec<Document> = done.into_iter().filter_map(Done::into_document).collect();
    let catalogue = Catalogue::assemble(config, documents, build_date());
    let catalogue = match catalogue {
        Ok(mut c) if problems.is_empty() => {
            c.pages = pages;
            c.bodies = bodies;
            c
        }
        Ok(_) => return Err(content_error(problems, notices)),
        Err(more) => {
            problems.extend(more);
            return Err(content_error(problems, notices));
        }
    };
    Ok((catalogue, theme, notices))
}

fn content_error(mut problems: Vec<Diagnostic>, notices: Vec<Diagnostic>) -> BuildError {
    problems.extend(notices);
    diagnostic::sort(&mut problems);
    problems.dedup();
    BuildError::Content(problems)
}

/// Renders the body of a parsed document, noting what each link resolved
/// to for the parse cache.
fn render_parsed(bodies: &Bodies, mut parsed: Parsed, stamp: Option<Stamp>) -> Done {
    let notices = std::mem::take(&mut parsed.notices);
    let source = parsed.document.source.clone();
    // The resolver reads the document while rendering fills it in.
    let before = parsed.document.clone();
    let resolver = bodies.resolver(&before);
    let links = std::sync::Mutex::new(Vec::new());
    let resolve = |dest: &str| {
        let outcome = resolver.resolve(dest);
        if let Ok(mut links) = links.lock() {
            links.push((dest.to_owned(), outcome.clone()));
        }
        outcome
    };
    let rendered = guarded(&source, || Ok(document::render_body(&mut parsed, &resolve)));
    bodies.admit(&mut parsed.document.body_html);
    let (anchors, foreign_anchors, problems) = match rendered {
        Ok(r) => (r.anchors, r.foreign_anchors, r.problems),
        Err(problems) => (Vec::new(), Vec::new(), problems),
    };
    match (stamp, links.into_inner()) {
        (Some(stamp), Ok(links)) if problems.is_empty() && notices.is_empty() => Done::Cacheable {
            entry: Box::new(Entry {
                path: source,
                stamp,
                document: parsed.document,
                anchors,
                foreign_anchors,
                links,
            }),
            fresh: true,
        },
        _ => Done::Other {
            document: Some(Box::new(parsed.document)),
            anchors,
            foreign_anchors,
            problems,
            notices,
        },
    }
}

/// Runs `work` for one file; a panic becomes a diagnostic for that file
/// rather than a crash.
fn guarded<T>(path: &Path, work: impl FnOnce() -> Result<T, Vec<Diagnostic>>) -> Result<T, Vec<Diagnostic>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(vec![
            Diagnostic::error(path, "gongkai failed on this file (internal error)")
                .hint("please report it with the file attached; the other files were checked"),
        ])
    })
}

/// Reads, decodes and validates one file's front-matter and attachments.
fn parse_file(root: &Path, config: &SiteConfig, file: &SourceFile) -> Result<Parsed, Vec<Diagnostic>> {
    let bytes = std::fs::read(&file.abs_path)
        .map_err(|e| vec![Diagnostic::error(&file.rel_path, format!("cannot read: {e}"))])?;
    let text = source::decode(&file.rel_path, &bytes).map_err(|d| vec![d])?;
    let mut parsed = document::parse(config, &file.rel_path, &text)?;
    let mut problems = Vec::new();
    if parsed.document.is_published() {
        let (errors, notices): (Vec<Diagnostic>, Vec<Diagnostic>) =
            privacy::scan(&file.rel_path, &text, &parsed.document.personal_data)
                .into_iter()
                .partition(Diagnostic::is_error);
        problems.extend(errors);
        parsed.notices = notices;
    }
    let mut names: HashMap<String, PathBuf> = HashMap::new();
    for declared in std::mem::take(&mut parsed.attachments) {
        let checked = attachment::resolve_path(&file.rel_path, &declared.path).and_then(|path| {
            attachment::publish(
                root,
                &path,
                declared.title.as_deref(),
                &parsed.document.slug,
                &config.attachment_types,
            )
        });
        match checked {
            Ok(a) => {
                if let Some(other) = names
                    .insert(a.name.clone(), a.source.clone())
                    .filter(|o| *o != a.source)
                {
                    problems.push(
                        Diagnostic::error(
                            &file.rel_path,
                            format!(
                                "two attachments are named {} ({} and {})",
                                a.name,
                                other.display(),
                                a.source.display()
                            ),
                        )
                        .at(declared.line)
                        .field("attachments")
                        .hint("rename one of the files"),
                    );
                }
                parsed.document.attachments.push(a);
            }
            Err((message, hint)) => problems.push(
                Diagnostic::error(&file.rel_path, format!("attachment {message}"))
                    .at(declared.line)
                    .field("attachments")
                    .hint(hint),
            ),
        }
    }
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

/// The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else
/// today. It decides which documents `valid_until` has made 已失效.
pub fn build_date() -> chrono::NaiveDate {
    source_date_epoch().map_or_else(|| chrono::Local::now().date_naive(), |t| t.date_naive())
}

fn source_date_epoch() -> Option<chrono::DateTime<chrono::Utc>> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
}

/// Validates the site without writing anything.
pub fn check(root: &Path, progress: &Progress) -> Result<Report, BuildError> {
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
    let start = Instant::now();
    let root = &options.root;
    let _lock = SiteLock::acquire(root)?;
    let progress = &options.progress;
    let (mut catalogue, theme, warnings) = load_with(root, progress, !options.clean)?;
    let mut stages = vec![("load", start.elapsed())];
    let mut lap = Instant::now();
    let mut stage = |name: &'static str| {
        stages.push((name, lap.elapsed()));
        lap = Instant::now();
    };
    let target = match &options.out {
        Some(out) => out.clone(),
        None => root.join(&catalogue.config.output_dir),
    };
    output::check_target(root, &target)?;
    let staging = Staging::create(root, &target, options.clean)?;
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
    }
    if let Err(e) = publish_files(root, &catalogue, &staging) {
        staging.discard();
        return Err(render_error(RenderError::Io(e)));
    }
    stage("files");
    progress.stage("indexing", catalogue.documents.len());
    let body_texts = search::take_body_texts(&mut catalogue);
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
                crate::config::FILE_NAME,
                "no Atom feeds, sitemap.xml or robots.txt were written: they need absolute addresses",
            )
            .field("base_url")
            .hint("set base_url to the published address, e.g. https://www.example.gov.cn/zwgk/"),
        );
    }
    progress.stage("exporting", 1);
    if let Err(e) = export::write_all(&catalogue, &stats.paths, |path, bytes| staging.write(path, bytes)) {
        staging.discard();
        return Err(render_error(RenderError::Io(e)));
    }
    stage("export");
    let files = staging.commit()?;
    stage("commit");
    Ok(Report {
        documents: catalogue.documents.len(),
        unpublished: catalogue.unpublished,
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
