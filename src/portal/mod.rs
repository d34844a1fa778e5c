//! Harvesting a portal's members (`sources:` in site.yaml) before a build.
//!
//! Each member's published `catalogue.json` is read (from a folder, or
//! over http(s) with its ETag); when it changed, the documents whose
//! digest changed get their texts from the member's search data and are
//! written as Markdown files under `.gongkai/sources/<code>/`, the
//! documents it no longer lists are removed. Those files are the portal's
//! copy of the member: the build reads them beside `content/` (the parse
//! cache then re-reads only the rewritten files), and when a member cannot
//! be read — missing, malformed, a schema the portal does not know — its
//! last good copy stays, with a warning naming it. One broken office does
//! not take the province down.
//!
//! References (`interprets`, `replaced_by`, `revises`) are 索引号 of the
//! member; they are resolved among every member's documents (the member's
//! own first) and rewritten in the files whenever what they resolve to
//! changes.

pub(crate) mod read;
pub(crate) mod write;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::config::{Category, SiteConfig};
use crate::site::sources::{CATEGORIES_FILE, Source, extra_categories, member_dir};
use read::{Fetched, Reader, Row};
use write::Resolved;

/// The version of [`State`]'s format.
const FORMAT: u32 = 2;

/// What the portal holds of a member: what its catalogue was, and per
/// document what its file was written from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct State {
    format: u32,
    /// Hash of the `catalogue.json` the copy was made from.
    hash: Option<String>,
    /// The server's ETag of it.
    etag: Option<String>,
    /// When the copy was last updated (the build date).
    updated: Option<String>,
    /// The categories its documents use (code, name), in first use order.
    categories: Vec<(String, String)>,
    /// By the member's 索引号.
    documents: BTreeMap<String, DocState>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct DocState {
    /// The row's digest when its file was written.
    version: String,
    /// The file's name, without `.md`.
    slug: String,
    /// The member's references, as published (its own 索引号).
    #[serde(default, skip_serializing_if = "is_empty")]
    references: Resolved,
    /// What they were resolved to in the file.
    #[serde(default, skip_serializing_if = "is_empty")]
    resolved: Resolved,
}

fn is_empty(r: &Resolved) -> bool {
    *r == Resolved::default()
}

const STATE_FILE: &str = ".state.json";

impl State {
    fn load(dir: &Path) -> Option<State> {
        let bytes = std::fs::read(dir.join(STATE_FILE)).ok()?;
        serde_json::from_slice::<State>(&bytes)
            .ok()
            .filter(|s| s.format == FORMAT)
    }

    fn save(&self, dir: &Path) -> std::io::Result<()> {
        write_atomic(
            &dir.join(STATE_FILE),
            &serde_json::to_vec(self).unwrap_or_default(),
        )
    }
}

/// What harvesting did: the categories the members use that site.yaml
/// does not list, a line per member, and the members it could not read.
#[derive(Debug, Default)]
pub struct Harvested {
    /// Categories to add to the site's, in order.
    pub categories: Vec<Category>,
    /// Members that could not be read (their last good copy is used).
    pub warnings: Vec<Diagnostic>,
    /// Per member: documents held, written, removed.
    pub members: Vec<MemberReport>,
}

/// What harvesting did with one member.
#[derive(Debug, Default, Clone)]
pub struct MemberReport {
    /// The member's code.
    pub code: String,
    /// Documents the portal holds of it.
    pub documents: usize,
    /// Files written (new or changed documents, or references).
    pub written: usize,
    /// Files removed (documents it no longer publishes).
    pub removed: usize,
    /// Whether reading it failed (and the last good copy is used).
    pub failed: bool,
}

/// A member without a copy yet.
static EMPTY: State = State {
    format: FORMAT,
    hash: None,
    etag: None,
    updated: None,
    categories: Vec::new(),
    documents: BTreeMap::new(),
};

/// A member's documents whose references resolve otherwise now, with
/// what they resolve to, and how many files were rewritten for them.
type Moves = (Vec<(String, Resolved)>, usize);

/// What the first pass did with a member.
enum Written {
    /// Its catalogue did not change.
    Unchanged,
    /// It could not be read: why.
    Unreadable(read::Failure),
    /// It was read: its new state, the files written and removed, and
    /// whether writing them failed.
    Changed {
        state: State,
        written: usize,
        removed: usize,
        result: std::io::Result<()>,
    },
}

/// Resolves a member's references (索引号) among the members' documents:
/// the member's own first, else the first member holding it.
struct Resolver<'a> {
    sources: &'a [Source],
    holders: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Resolver<'a> {
    fn new(sources: &'a [Source], states: &[&'a State]) -> Resolver<'a> {
        let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
        for (m, state) in states.iter().enumerate() {
            for index_number in state.documents.keys() {
                holders.entry(index_number.as_str()).or_default().push(m);
            }
        }
        Resolver { sources, holders }
    }

    fn one(&self, m: usize, reference: &str) -> Option<String> {
        let found = self.holders.get(reference)?;
        let at = if found.contains(&m) { m } else { *found.first()? };
        Some(write::portal_id(&self.sources[at].code, reference))
    }

    fn all(&self, m: usize, doc: &DocState) -> Resolved {
        let refs = &doc.references;
        Resolved {
            interprets: refs.interprets.iter().filter_map(|r| self.one(m, r)).collect(),
            replaced_by: refs.replaced_by.as_deref().and_then(|r| self.one(m, r)),
            revises: refs.revises.as_deref().and_then(|r| self.one(m, r)),
        }
    }
}

/// A member's new catalogue, read but not yet written.
struct Update {
    state: State,
    /// Rows to write, with their texts.
    rows: Vec<(Row, Option<String>)>,
    /// Files to remove.
    removed: Vec<String>,
}

/// Harvests every member into `.gongkai/sources/`. Members are read side
/// by side, each written as soon as it is read, so that only the texts of
/// the members being read are held (a province's first harvest brings a
/// million); a member that fails keeps its last copy.
pub fn harvest(root: &Path, config: &SiteConfig, build_date: &str) -> Harvested {
    let sources = &config.sources;
    let before: Vec<Option<State>> = sources
        .par_iter()
        .map(|source| State::load(&member_dir(root, &source.code)))
        .collect();
    // A changed document's references are written as the copies held
    // before resolve them; the second pass below rewrites those that
    // resolve otherwise once every member is read.
    let earlier: Vec<&State> = before.iter().map(|s| s.as_ref().unwrap_or(&EMPTY)).collect();
    let resolver = Resolver::new(sources, &earlier);

    // 1. Each member read and its changed documents written.
    let outcomes: Vec<Written> = sources
        .par_iter()
        .enumerate()
        .map(|(m, source)| {
            let update = match update(root, source, before[m].as_ref()) {
                Ok(Some(update)) => update,
                Ok(None) => return Written::Unchanged,
                Err(why) => return Written::Unreadable(why),
            };
            let dir = member_dir(root, &source.code);
            // A member seen for the first time is written whole into a
            // folder beside its copy's, then moved in: each file is written
            // once instead of through a temporary file and a rename (on
            // ext4, a third of the harvest's time), and a build killed
            // meanwhile leaves no half copy where the build reads.
            let first = FirstCopy::of(&dir);
            let mut state = update.state;
            let (mut written, mut removed) = (0, 0);
            let result = (|| -> std::io::Result<()> {
                let into = first.as_ref().map_or(dir.as_path(), |f| f.dir.as_path());
                std::fs::create_dir_all(into)?;
                for slug in &update.removed {
                    match std::fs::remove_file(into.join(format!("{slug}.md"))) {
                        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                        _ => removed += 1,
                    }
                }
                for (row, text) in update.rows {
                    let doc = state.documents.get_mut(&row.index_number).expect("listed");
                    doc.resolved = resolver.all(m, doc);
                    let file = write::markdown(source, config, &row, text.as_deref(), &doc.resolved);
                    let path = into.join(format!("{}.md", doc.slug));
                    if first.is_some() {
                        std::fs::write(&path, file.as_bytes())?;
                    } else {
                        write_atomic(&path, file.as_bytes())?;
                    }
                    written += 1;
                }
                match &first {
                    Some(first) => first.move_in(&dir),
                    None => Ok(()),
                }
            })();
            Written::Changed {
                state,
                written,
                removed,
                result,
            }
        })
        .collect();

    let mut harvested = Harvested::default();
    // Per member: its state now, whether it changed, files written and
    // removed, and whether writing failed.
    let mut states: Vec<(State, bool, usize, usize, std::io::Result<()>)> = Vec::with_capacity(sources.len());
    for ((source, state), outcome) in sources.iter().zip(before).zip(outcomes) {
        let mut report = MemberReport {
            code: source.code.clone(),
            ..MemberReport::default()
        };
        match outcome {
            Written::Changed {
                state,
                written,
                removed,
                result,
            } => states.push((state, true, written, removed, result)),
            Written::Unchanged => states.push((state.unwrap_or_default(), false, 0, 0, Ok(()))),
            Written::Unreadable(why) => {
                report.failed = true;
                let held = state
                    .as_ref()
                    .map(|s| (s.documents.len(), s.updated.clone().unwrap_or_default()));
                let hint = match held {
                    Some((count, day)) => msg!("portal.kept.hint", count = count, date = day),
                    None => msg!("portal.none.hint"),
                };
                harvested.warnings.push(
                    Diagnostic::warning(
                        crate::site::config::FILE_NAME,
                        msg!(
                            "portal.unreadable",
                            name = source.name,
                            code = source.code,
                            reason = why
                        ),
                    )
                    .field("sources")
                    .hint(hint),
                );
                states.push((state.unwrap_or_default(), false, 0, 0, Ok(())));
            }
        }
        harvested.members.push(report);
    }

    // 2. References that resolve differently now: their files rewritten,
    //    then what they resolve to noted in the states, which are saved.
    let now: Vec<&State> = states.iter().map(|s| &s.0).collect();
    let resolver = Resolver::new(sources, &now);
    let moves: Vec<std::io::Result<Moves>> = states
        .par_iter()
        .enumerate()
        .map(|(m, (state, _, _, _, first))| {
            if let Err(e) = first {
                return Err(std::io::Error::new(e.kind(), e.to_string()));
            }
            let dir = member_dir(root, &sources[m].code);
            let (mut moves, mut rewritten) = (Vec::new(), 0);
            for (index_number, doc) in &state.documents {
                if is_empty(&doc.references) {
                    continue;
                }
                let now = resolver.all(m, doc);
                if now != doc.resolved {
                    let path = dir.join(format!("{}.md", doc.slug));
                    let text = std::fs::read_to_string(&path)?;
                    if let Some(file) = write::with_references(&text, &now) {
                        write_atomic(&path, file.as_bytes())?;
                        rewritten += 1;
                    }
                    moves.push((index_number.clone(), now));
                }
            }
            Ok((moves, rewritten))
        })
        .collect();
    drop(resolver);
    let written: Vec<(usize, usize, std::io::Result<State>)> = states
        .into_par_iter()
        .zip(moves)
        .enumerate()
        .map(|(m, ((mut state, changed, written, removed, _), moves))| {
            let dir = member_dir(root, &sources[m].code);
            let result = moves.and_then(|(moves, rewritten)| {
                let moved = !moves.is_empty();
                for (index_number, now) in moves {
                    if let Some(doc) = state.documents.get_mut(&index_number) {
                        doc.resolved = now;
                    }
                }
                if changed || moved {
                    std::fs::create_dir_all(&dir)?;
                    if changed {
                        state.updated = Some(build_date.to_owned());
                        write_atomic(
                            &dir.join(CATEGORIES_FILE),
                            &serde_json::to_vec(&state.categories).unwrap_or_default(),
                        )?;
                    }
                    state.save(&dir)?;
                }
                Ok((rewritten, state))
            });
            match result {
                Ok((rewritten, state)) => (written + rewritten, removed, Ok(state)),
                Err(e) => (written, removed, Err(e)),
            }
        })
        .collect();

    let mut held: Vec<(&str, State)> = Vec::with_capacity(sources.len());
    for (m, (written, removed, result)) in written.into_iter().enumerate() {
        let report = &mut harvested.members[m];
        report.written = written;
        report.removed = removed;
        match result {
            Ok(state) => {
                report.documents = state.documents.len();
                held.push((&sources[m].code, state));
            }
            Err(e) => {
                report.failed = true;
                harvested.warnings.push(
                    Diagnostic::warning(
                        member_dir(root, &sources[m].code),
                        msg!("portal.unwritable", name = sources[m].name, error = e),
                    )
                    .hint(msg!("portal.unwritable.hint")),
                );
            }
        }
    }
    forget_former_members(root, sources);
    let categories = extra_categories(config, held.iter().map(|(c, s)| (*c, s.categories.as_slice())));
    harvested.categories = categories;
    harvested
}

/// Reads a member: None when its catalogue did not change.
fn update(root: &Path, source: &Source, state: Option<&State>) -> Result<Option<Update>, String> {
    let reader = Reader::new(root, &source.location);
    let fetched = reader.catalogue(
        state.and_then(|s| s.hash.as_deref()),
        state.and_then(|s| s.etag.as_deref()),
    )?;
    let Fetched::Changed { bytes, hash, etag } = fetched else {
        return Ok(None);
    };
    let catalogue: read::Catalogue =
        serde_json::from_slice(&bytes).map_err(|e| format!("catalogue.json: {e}"))?;
    drop(bytes);
    match catalogue.schema_version {
        Some(v) if read::KNOWN_SCHEMAS.contains(&v) => {}
        other => {
            return Err(format!(
                "catalogue.json schema_version {} (known: {})",
                other.map_or_else(|| "—".to_owned(), |v| v.to_string()),
                read::KNOWN_SCHEMAS.map(|v| v.to_string()).join(", ")
            ));
        }
    }
    let mut next = State {
        format: FORMAT,
        hash: Some(hash),
        etag,
        updated: state.and_then(|s| s.updated.clone()),
        categories: Vec::new(),
        documents: BTreeMap::new(),
    };
    let texts = read::Texts::new(&reader, catalogue.documents.len());
    let mut changed: Vec<usize> = Vec::new();
    let mut slugs: HashMap<String, &str> = HashMap::new();
    for (position, row) in catalogue.documents.iter().enumerate() {
        if row.index_number.trim().is_empty() || row.title.trim().is_empty() {
            return Err(format!(
                "catalogue.json: document {} has no 索引号 or title",
                position + 1
            ));
        }
        let slug = write::file_slug(&source.code, row);
        if let Some(other) = slugs.insert(slug.clone(), &row.index_number) {
            return Err(format!(
                "catalogue.json: {} and {} have the same page name",
                other, row.index_number
            ));
        }
        if !next.categories.iter().any(|(_, n)| n == &row.category) {
            next.categories
                .push((row.category_code.clone(), row.category.clone()));
        }
        let version = row.version();
        let references = Resolved {
            interprets: row.interprets.clone(),
            replaced_by: row.replaced_by.clone(),
            revises: row.revises.clone(),
        };
        let before = state.and_then(|s| s.documents.get(&row.index_number));
        let doc = DocState {
            version: version.clone(),
            slug,
            references,
            resolved: before.map(|b| b.resolved.clone()).unwrap_or_default(),
        };
        let same = before.is_some_and(|b| b.version == version && b.slug == doc.slug);
        if next.documents.insert(row.index_number.clone(), doc).is_some() {
            return Err(format!("catalogue.json: 索引号 {} twice", row.index_number));
        }
        if !same {
            changed.push(position);
        }
    }
    // The texts, several requests at a time (a member far away answers
    // each after a round trip).
    let fetched = read::each(&changed, read::WORKERS, |&position| {
        texts.text(position, &catalogue.documents[position].index_number)
    })?;
    let rows: Vec<(Row, Option<String>)> = changed
        .iter()
        .zip(fetched)
        .map(|(&position, text)| (catalogue.documents[position].clone(), text))
        .collect();
    let removed = state
        .map(|s| {
            s.documents
                .iter()
                .filter(|(k, d)| next.documents.get(*k).is_none_or(|n| n.slug != d.slug))
                .map(|(_, d)| d.slug.clone())
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(Update {
        state: next,
        rows,
        removed,
    }))
}

/// Removes the copies of members site.yaml no longer lists (folders under
/// `.gongkai/sources/` holding a harvest's state file): their documents
/// leave the portal with them.
fn forget_former_members(root: &Path, sources: &[Source]) {
    let Ok(entries) = std::fs::read_dir(crate::site::sources::copies_dir(root)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let listed = sources.iter().any(|s| s.code == name);
        if !listed && entry.path().join(STATE_FILE).is_file() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The folder a member's first copy is written into before it is moved
/// to the member's folder.
struct FirstCopy {
    dir: std::path::PathBuf,
}

impl FirstCopy {
    /// For the member whose copy belongs in `dir`, when it has none yet:
    /// `.fresh-<code>` beside it (a member's code starts with a letter or
    /// a digit, so no member's folder), emptied of what a killed build
    /// left there.
    fn of(dir: &Path) -> Option<FirstCopy> {
        if dir.exists() {
            return None;
        }
        let name = dir.file_name()?.to_string_lossy();
        let fresh = dir.with_file_name(format!(".fresh-{name}"));
        match std::fs::remove_dir_all(&fresh) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return None,
            _ => {}
        }
        Some(FirstCopy { dir: fresh })
    }

    /// Makes the written copy the member's.
    fn move_in(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.dir, dir)
    }
}

/// Writes `bytes` to `path` through a temporary file beside it.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path)
}
