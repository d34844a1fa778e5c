//! Loading a site: `site.yaml`, the theme, then every content file read,
//! validated and rendered in parallel (or taken from the parse cache), links
//! and anchors checked across files, the catalogue assembled. Every problem
//! of every file is collected before failing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::catalogue::cache::{Cache, Entry, FileStamp, FileStamps};
use crate::content::body::{self, Bodies};
use crate::content::date::build_date;
use crate::content::document::{self, Document, Parsed};
use crate::content::links::Registry;
use crate::content::source::{self, SourceFile};
use crate::diagnostic::{self, Diagnostic, Problem};
use crate::error::{BuildError, content_error};
use crate::hash::Stamp;
use crate::lang::Text;
use crate::msg;
use crate::progress::Progress;
use crate::site::config::SiteConfig;
use crate::site::theme::Theme;
use crate::{content::attachment, content::page, content::privacy};

/// Reads and validates the whole site: every problem of every file is
/// collected before failing. Two phases: every front-matter first (so links
/// can be resolved against all documents), then every body. Files unchanged
/// since the last run come from the parse cache ([`crate::catalogue::cache`]).
pub(crate) fn load(root: &Path, progress: &Progress) -> Result<LoadedSite, BuildError> {
    let mut config = SiteConfig::load(root).map_err(BuildError::Config)?;
    let held = crate::site::sources::held_categories(root, &config);
    config.add_categories(held);
    load_with(root, config, progress, CacheUse::Read, None)
}

/// How loading uses the parse cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CacheUse {
    /// Neither read nor written (`--clean`).
    Off,
    /// Read, not written: `check` and `stats` write nothing.
    Read,
    /// Read, and written for the next build.
    ReadWrite,
}

/// A site loaded and validated: the read-only catalogue, the documents'
/// bodies beside it, the theme, and the warnings that did not stop it.
#[derive(Debug)]
pub(crate) struct LoadedSite {
    pub(crate) catalogue: Catalogue,
    pub(crate) bodies: Bodies,
    pub(crate) theme: Theme,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// A file as the first phase leaves it.
enum Loaded {
    /// Taken from the cache (true when given the file's new stamp: its
    /// bytes are those it was made from); checked against the other files
    /// later.
    Cached(Box<Entry>, bool),
    /// Read and parsed, with the stamp the file had and the hash of its
    /// bytes; its Markdown, when the budget did not keep it, is read again
    /// to be rendered.
    Parsed(Box<Parsed>, Option<FileStamp>, Stamp, Option<Dropped>),
}

/// A body not kept: its length (the end of the file's text) and hash.
struct Dropped {
    len: usize,
    hash: [u8; 16],
}

/// A file that could not be read (again): its problems alone.
fn unread(problems: Vec<Diagnostic>) -> (Done, Option<body::Loaded>) {
    let done = Done::Other {
        document: None,
        anchors: Vec::new(),
        foreign_anchors: Vec::new(),
        problems,
        notices: Vec::new(),
    };
    (done, None)
}

/// Keeps `parsed`'s body while `budget` allows, else drops it.
fn admit_body(parsed: &mut Parsed, budget: &AtomicUsize) -> Option<Dropped> {
    let len = parsed.body.len();
    let kept = budget
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| left.checked_sub(len))
        .is_ok();
    (!kept).then(|| Dropped {
        len,
        hash: crate::hash::hash16(std::mem::take(&mut parsed.body).as_bytes()),
    })
}

/// Reads a dropped body again: the end of its file's text, which must be
/// what was parsed (else the file changed during the build).
fn reread_body(file: &SourceFile, parsed: &mut Parsed, dropped: &Dropped) -> Result<(), Vec<Diagnostic>> {
    let changed =
        || vec![Diagnostic::error(&file.rel_path, msg!("body.changed")).hint(msg!("body.changed.hint"))];
    let (text, _, _) = read_file(file)?;
    let body = text
        .len()
        .checked_sub(dropped.len)
        .and_then(|at| text.get(at..))
        .filter(|body| crate::hash::hash16(body.as_bytes()) == dropped.hash)
        .ok_or_else(changed)?;
    parsed.body = body.to_owned();
    Ok(())
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
        foreign_anchors: Vec<(crate::content::markdown::AnchorRef, u32)>,
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

    fn anchors(&self) -> (&[String], &[(crate::content::markdown::AnchorRef, u32)]) {
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

/// [`load`] with site.yaml already read, using the parse cache as
/// `cache_use` says.
pub(crate) fn load_with(
    root: &Path,
    config: SiteConfig,
    progress: &Progress,
    cache_use: CacheUse,
    taken: Option<&FileStamps>,
) -> Result<LoadedSite, BuildError> {
    let theme = Theme::load(root, &config.theme).map_err(BuildError::Config)?;
    let ((files, mut problems), mut cache) = rayon::join(
        || {
            let (mut files, problems) = source::discover(root);
            let copies: Vec<PathBuf> = config
                .sources
                .iter()
                .map(|s| crate::site::sources::member_dir(root, &s.code))
                .collect();
            files.extend(source::copies(root, &copies));
            (files, problems)
        },
        || {
            if cache_use != CacheUse::Off {
                Cache::open(root, &config.text_hash)
            } else {
                Cache::default()
            }
        },
    );
    let cache_file = cache.file();

    progress.stage("reading", files.len());
    // Stamps taken before this build read anything are as good as new ones.
    let stamps: Vec<Option<FileStamp>> = files
        .par_iter()
        .map(|f| {
            taken
                .and_then(|t| t.get(&f.rel_path).copied())
                .or_else(|| FileStamp::of(&f.abs_path))
        })
        .collect();
    let hits: Vec<Option<Box<Entry>>> = files.iter().map(|f| cache.take(&f.rel_path)).collect();
    drop(cache);
    // Markdown bodies held between the two phases: past the budget, a
    // body is read again when it is rendered (a province's portal reads
    // some 6 GB of them).
    let source_budget = AtomicUsize::new(crate::memory::Budgets::from_env().sources);
    let loaded: Vec<(&SourceFile, Result<Loaded, Vec<Diagnostic>>)> = files
        .par_iter()
        .zip(stamps)
        .zip(hits)
        .map(|((file, stamp), hit)| {
            let loaded = match hit.and_then(|entry| entry.reuse(stamp, &file.abs_path)) {
                Some((entry, restamped)) => Ok(Loaded::Cached(entry, restamped)),
                None => crate::diagnostic::panics::guard(&file.rel_path, "reading", || {
                    parse_file(root, &config, file)
                })
                .map(|(mut p, content)| {
                    let dropped = admit_body(&mut p, &source_budget);
                    Loaded::Parsed(Box::new(p), stamp, content, dropped)
                }),
            };
            progress.advance(1);
            (file, loaded)
        })
        .collect();
    // A portal's copy of a member's document that does not pass is the
    // member's problem: reported, left out, the build goes on.
    let copies = Copies::of(&config);
    let mut left_out: Vec<Diagnostic> = Vec::new();
    let mut documents = Vec::with_capacity(loaded.len());
    for (file, result) in loaded {
        match result {
            Ok(d) => documents.push((file, d)),
            Err(d) => match copies.member(&file.rel_path) {
                Some(member) => left_out.extend(d.into_iter().map(|d| copies.left_out(member, None, d))),
                None => problems.extend(d),
            },
        }
    }

    let mut registry = Registry::with_capacity(documents.len());
    for (source, key) in page::sources(&config) {
        registry.add_page(&source, key);
    }
    for (_, loaded) in &documents {
        let d = match loaded {
            Loaded::Cached(entry, _) => &entry.document,
            Loaded::Parsed(p, ..) => &p.document,
        };
        registry.add(&d.source, &d.index_number, &d.slug, d.is_published());
    }
    let mut bodies = Bodies::new(root, registry, config.attachment_types.clone());
    let done: Vec<(Done, Option<body::Loaded>)> = documents
        .into_par_iter()
        .map(|(file, loaded)| match loaded {
            Loaded::Cached(entry, restamped)
                if entry.still_valid(root, &bodies.resolver(&entry.document)) =>
            {
                (
                    Done::Cacheable {
                        entry,
                        fresh: restamped,
                    },
                    None,
                )
            }
            // Unchanged, but what its links point to changed: read it again.
            Loaded::Cached(..) => {
                match crate::diagnostic::panics::guard(&file.rel_path, "reading", || {
                    parse_file(root, &config, file)
                }) {
                    Ok((parsed, content)) => {
                        render_parsed(&bodies, parsed, FileStamp::of(&file.abs_path), content)
                    }
                    Err(problems) => unread(problems),
                }
            }
            Loaded::Parsed(mut parsed, stamp, content, dropped) => {
                match dropped.map_or(Ok(()), |dropped| reread_body(file, &mut parsed, &dropped)) {
                    Ok(()) => render_parsed(&bodies, *parsed, stamp, content),
                    Err(problems) => unread(problems),
                }
            }
        })
        .collect();
    let (done, rendered): (Vec<Done>, Vec<Option<body::Loaded>>) = done.into_iter().unzip();
    let mut notices: Vec<Diagnostic> = done.iter().flat_map(|d| d.problems().1.iter().cloned()).collect();
    diagnostic::sort(&mut notices);
    // Anchors in other documents, now that every body is rendered.
    let anchors: HashMap<&str, &[String]> = done
        .iter()
        .filter_map(|d| Some((d.document()?.slug.as_str(), d.anchors().0)))
        .collect();
    let mut dropped: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for d in &done {
        if let Some(document) = d.document()
            && let Some(member) = copies.member(&document.source)
        {
            if !d.problems().0.is_empty() {
                dropped.insert(document.source.clone());
                left_out.extend(
                    d.problems()
                        .0
                        .iter()
                        .map(|p| copies.left_out(member, Some(&document.index_number), p.clone())),
                );
            }
            continue;
        }
        problems.extend(d.problems().0.iter().cloned());
        let Some(document) = d.document() else { continue };
        for (target, line) in d.anchors().1 {
            let Some(slug) = &target.document else { continue };
            let there = anchors.get(slug.as_str()).copied().unwrap_or_default();
            if !there.contains(&target.anchor) {
                problems.push(
                    Diagnostic::error(
                        &document.source,
                        msg!("anchor.missing_there", slug = slug, anchor = target.anchor),
                    )
                    .at(*line)
                    .hint(crate::content::markdown::anchor_hint(there)),
                );
            }
        }
    }
    drop(anchors);
    if cache_use == CacheUse::ReadWrite {
        let entries: Vec<(&Entry, bool)> = done
            .iter()
            .filter_map(|d| match d {
                Done::Cacheable { entry, fresh } => Some((&**entry, *fresh)),
                Done::Other { .. } => None,
            })
            .collect();
        cache_file.store(entries);
    }
    let registry = bodies.registry();
    let (pages, page_problems) = page::load(root, &config, registry);
    problems.extend(page_problems);
    let mut documents: Vec<Document> = Vec::with_capacity(done.len());
    let mut loaded: HashMap<PathBuf, body::Loaded> = HashMap::with_capacity(done.len());
    for (done, rendered) in done.into_iter().zip(rendered) {
        let Some(document) = done.into_document() else {
            continue;
        };
        if dropped.contains(&document.source) {
            continue;
        }
        if let Some(rendered) = rendered {
            loaded.insert(document.source.clone(), rendered);
        }
        documents.push(document);
    }
    if !dropped.is_empty() {
        copies.forget_references(&mut documents);
    }
    notices.extend(left_out);
    problems.extend(super::reports::check(&documents));
    let catalogue = Catalogue::assemble(config, documents, build_date());
    let catalogue = match catalogue {
        Ok(mut c) if problems.is_empty() => {
            c.pages = pages;
            bodies.arrange(&c.documents, loaded);
            c
        }
        Ok(_) => return Err(content_error(problems, notices)),
        Err(more) => {
            problems.extend(more);
            return Err(content_error(problems, notices));
        }
    };
    notices.extend(super::advice::warnings(
        &catalogue,
        &super::advice::config_text(root),
        build_date(),
    ));
    crate::diagnostic::sort(&mut notices);
    Ok(LoadedSite {
        catalogue,
        bodies,
        theme,
        warnings: notices,
    })
}

/// The portal's copies of its members' documents, as loading tells them
/// apart (`.gongkai/sources/<code>/`).
struct Copies<'a> {
    members: Vec<(&'a str, &'a str)>,
}

impl<'a> Copies<'a> {
    fn of(config: &'a SiteConfig) -> Copies<'a> {
        Copies {
            members: config
                .sources
                .iter()
                .map(|s| (s.code.as_str(), s.name.as_str()))
                .collect(),
        }
    }

    /// The member's name when `path` is a copy of one of its documents.
    fn member(&self, path: &Path) -> Option<&'a str> {
        if self.members.is_empty() || !crate::site::sources::is_copy(path) {
            return None;
        }
        let code = path.components().nth(2)?.as_os_str().to_str()?;
        self.members
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, name)| *name)
    }

    /// A problem of a member's document, as the warning that it is left out.
    fn left_out(&self, member: &str, index_number: Option<&str>, problem: Diagnostic) -> Diagnostic {
        let which = index_number.map_or_else(
            || {
                problem
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            },
            str::to_owned,
        );
        Diagnostic {
            severity: crate::diagnostic::Severity::Warning,
            message: Text::new("portal.document")
                .arg("name", &member)
                .arg("index_number", &which)
                .nested("reason", &problem.message),
            hint: Some(msg!("portal.document.hint")),
            ..problem
        }
    }

    /// Drops the references of copies to documents no longer there (left
    /// out): a member's reference is kept only while both ends are.
    fn forget_references(&self, documents: &mut [Document]) {
        let present: std::collections::HashSet<String> =
            documents.iter().map(|d| d.index_number.clone()).collect();
        for d in documents.iter_mut().filter(|d| self.member(&d.source).is_some()) {
            d.interprets.retain(|r| present.contains(&r.index_number));
            if d.replaced_by
                .as_ref()
                .is_some_and(|r| !present.contains(&r.index_number))
            {
                d.replaced_by = None;
            }
            if d.revises
                .as_ref()
                .is_some_and(|r| !present.contains(&r.index_number))
            {
                d.revises = None;
            }
        }
    }
}

/// Renders the body of a parsed document, noting what each link resolved
/// to for the parse cache; its HTML (as the budget allows) and text go
/// beside it.
fn render_parsed(
    bodies: &Bodies,
    mut parsed: Parsed,
    stamp: Option<FileStamp>,
    content: Stamp,
) -> (Done, Option<body::Loaded>) {
    let notices = std::mem::take(&mut parsed.notices);
    let found = std::mem::take(&mut parsed.problems);
    let source = parsed.document.source.clone();
    // The resolver reads these while rendering fills in the document.
    let slug = parsed.document.slug.clone();
    let attachments = parsed.document.attachments.clone();
    let resolver = bodies.resolver_of(&source, &slug, &attachments);
    let links = std::sync::Mutex::new(Vec::new());
    let resolve = |dest: &str| {
        let outcome = resolver.resolve(dest);
        if let Ok(mut links) = links.lock() {
            links.push((dest.to_owned(), outcome.clone()));
        }
        outcome
    };
    // A drafted annual report's prose still to write (【待填写…】): noted
    // before rendering takes the body's text.
    let todos: Vec<(u32, String)> = if parsed.body.contains(crate::content::annual::TODO) {
        parsed
            .body
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(crate::content::annual::TODO))
            .map(|(i, l)| {
                (
                    parsed.body_line + u32::try_from(i).unwrap_or(0),
                    l.trim().to_owned(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let rendered = crate::diagnostic::panics::guard(&source, "rendering", || {
        crate::diagnostic::panics::fail_point("markdown", &source);
        Ok(document::render_body(&mut parsed, &resolve))
    });
    let (anchors, foreign_anchors, mut problems, body) = match rendered {
        Ok(r) => {
            let body = body::Loaded {
                html: bodies.admit(r.html),
                text: bodies.admit_text(r.text),
            };
            (r.anchors, r.foreign_anchors, r.problems, Some(body))
        }
        Err(problems) => (Vec::new(), Vec::new(), problems, None),
    };

    // What the reader sees, once markup is resolved, holds no personal data
    // either (the file itself was scanned while parsing).
    // Numbers already found in the file are not reported twice.
    if let Some(body) = &body
        && parsed.document.is_published()
        && !found.iter().any(|d| d.code() == "privacy.found")
    {
        let file = bodies.root().join(&parsed.document.source);
        problems.extend(privacy::scan_rendered(
            &parsed.document.source,
            &body.text,
            || std::fs::read_to_string(&file).ok(),
            parsed.body_line,
            &parsed.document.personal_data,
        ));
    }
    problems.extend(found);
    // In a report (a document holding the tables), each is a warning while
    // it is a draft and an error once it would be published.
    let mut notices = notices;
    if !parsed.document.annual.is_empty() {
        for (line, text) in todos {
            let d = Diagnostic::warning(&source, crate::msg!("annual.todo", text = text))
                .at(line)
                .hint(crate::msg!("annual.todo.hint"));
            if parsed.document.draft {
                notices.push(d);
            } else {
                problems.push(d.as_error());
            }
        }
    }
    let done = match (stamp, links.into_inner()) {
        (Some(stamp), Ok(links)) if problems.is_empty() && notices.is_empty() => Done::Cacheable {
            entry: Box::new(Entry {
                path: source,
                stamp,
                content,
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
    };
    (done, body)
}

/// A file's text, decoded, with the notices decoding gave and the hash of
/// its bytes.
fn read_file(file: &SourceFile) -> Result<(String, Vec<Diagnostic>, Stamp), Vec<Diagnostic>> {
    let bytes = std::fs::read(&file.abs_path).map_err(|e| {
        vec![Diagnostic::error(
            &file.rel_path,
            msg!("error.unreadable", error = e),
        )]
    })?;
    let content = crate::hash::hash16(&bytes);
    let (text, notices) = source::read_text(&file.rel_path, &bytes).map_err(|d| vec![d])?;
    Ok((text, notices, content))
}

/// Reads, decodes and validates one file's front-matter and attachments;
/// with the hash of the file's bytes.
fn parse_file(
    root: &Path,
    config: &SiteConfig,
    file: &SourceFile,
) -> Result<(Parsed, Stamp), Vec<Diagnostic>> {
    crate::diagnostic::panics::fail_point("parse", &file.rel_path);
    let (text, controls, content) = read_file(file)?;
    let mut parsed = document::parse(config, &file.rel_path, &text)?;
    let mut problems = std::mem::take(&mut parsed.problems);
    if parsed.document.is_published() {
        let (errors, notices): (Vec<Diagnostic>, Vec<Diagnostic>) =
            privacy::scan(&file.rel_path, &text, &parsed.document.personal_data)
                .into_iter()
                .partition(Diagnostic::is_error);
        problems.extend(errors);
        parsed.notices = notices;
        parsed.notices.extend(controls);
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
                    .insert(attachment::portable_key(&a.name), a.source.clone())
                    .filter(|o| *o != a.source)
                {
                    let other_name = other.file_name().map(|n| n.to_string_lossy().into_owned());
                    let message = if other_name.as_deref() == Some(a.name.as_str()) {
                        msg!(
                            "attachment.same_name",
                            name = a.name,
                            first = other.display(),
                            second = a.source.display()
                        )
                    } else {
                        msg!(
                            "attachment.case",
                            first = other.display(),
                            second = a.source.display()
                        )
                    };
                    problems.push(
                        Diagnostic::error(&file.rel_path, message)
                            .at(declared.line)
                            .field("attachments")
                            .written(parsed.document.lines.written("attachments"))
                            .hint(msg!("attachment.rename.hint")),
                    );
                }
                parsed.document.attachments.push(a);
            }
            Err(Problem { message, hint }) => problems.push(
                Diagnostic::error(
                    &file.rel_path,
                    Text::new("attachment.problem").nested("reason", &message),
                )
                .at(declared.line)
                .field("attachments")
                .written(parsed.document.lines.written("attachments"))
                .hint(hint),
            ),
        }
    }
    parsed.problems = problems;
    Ok((parsed, content))
}
