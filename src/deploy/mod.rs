//! `gongkai deploy`: publishes the built output to where the public reads
//! it, sending only what changed. A target is declared in site.yaml
//! (`deploy: targets:`): a folder, the web server's root for the site, on
//! this machine or a mounted share ([`folder`]), or a bucket of
//! S3-compatible object storage ([`bucket`], speaking [`s3`] with keys
//! from [`credentials`]).
//!
//! A deploy is a [`Plan`] (what to upload, what to delete, the bytes, the
//! addresses a CDN must refresh), then its application in an order that
//! keeps the site consistent if it is interrupted: files nothing links to
//! yet first, pages next, the search manifest and the home page last, and
//! deletions only after every upload. The target remembers what deploys
//! put there (a record), so only those files are ever deleted; a deploy
//! that would delete more than a share of them (default 10 %) stops
//! unless forced.

pub mod bucket;
pub mod credentials;
pub mod folder;
pub mod s3;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::config::{DeployTarget, SiteConfig};

pub use tree::Sum;

/// What the command asked for.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The target's name (default: the first declared).
    pub target: Option<String>,
    /// Print the plan, change nothing.
    pub dry_run: bool,
    /// Delete beyond the share site.yaml allows.
    pub force: bool,
}

/// What a deploy does to a target.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Paths to upload, in the order they are uploaded.
    pub uploads: Vec<String>,
    /// Their bytes in all.
    pub bytes: u64,
    /// Paths a previous deploy put there that the output no longer has.
    pub deletions: Vec<String>,
    /// Paths already there as they are in the output.
    pub unchanged: usize,
}

/// What a deploy did.
#[derive(Debug)]
pub struct Deployed {
    /// The target's name.
    pub target: String,
    /// What it did (or, with `--dry-run`, would do).
    pub plan: Plan,
    /// The addresses a CDN must refresh, and the file they were written to.
    pub refresh: Option<(Vec<String>, PathBuf)>,
    /// Warnings (no absolute base_url for the refresh list, …).
    pub notes: Vec<Diagnostic>,
}

/// The plan from the output's files and what the target holds: uploads
/// ordered so that what links to a file comes after it.
pub fn plan(output: &BTreeMap<String, Sum>, there: &BTreeMap<String, Sum>) -> Plan {
    let mut uploads: Vec<&String> = output
        .iter()
        .filter(|(path, sum)| there.get(*path) != Some(sum))
        .map(|(path, _)| path)
        .collect();
    uploads.sort_by_key(|p| {
        let (file, copy) = match Encoding::of(p) {
            Some((file, encoding)) => (file, encoding as u8),
            None => (p.as_str(), u8::MAX),
        };
        (rank(p), file, copy)
    });
    Plan {
        bytes: uploads.iter().map(|p| output[*p].size).sum(),
        unchanged: output.len() - uploads.len(),
        uploads: uploads.into_iter().cloned().collect(),
        deletions: there
            .keys()
            .filter(|p| !output.contains_key(*p))
            .cloned()
            .collect(),
    }
}

/// Text files compressed beside themselves (`precompress: true`); smaller
/// ones are not worth it.
const PRECOMPRESS: [&str; 9] = ["html", "css", "js", "json", "txt", "xml", "csv", "svg", "bin"];
const PRECOMPRESS_MIN: u64 = 512;

/// A compressed copy kept beside a file, for a web server to send as is
/// (nginx's `gzip_static`, and `brotli_static` with its module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// `<file>.gz`, deterministic (no time in its header), level 9.
    Gzip,
    /// `<file>.br`, quality 9 (11 is ten times slower for about 5 % less).
    Brotli,
}

impl Encoding {
    const ALL: [Encoding; 2] = [Encoding::Gzip, Encoding::Brotli];

    /// What a copy's sum is derived from besides its file's (the gzip one
    /// as before Brotli came, so deployed copies are not sent again).
    fn tag(self) -> &'static [u8] {
        match self {
            Encoding::Gzip => b"gzip",
            Encoding::Brotli => b"brotli",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Encoding::Gzip => ".gz",
            Encoding::Brotli => ".br",
        }
    }

    /// The file a copy's path names and the copy's encoding, when `path`
    /// names a copy.
    pub(crate) fn of(path: &str) -> Option<(&str, Encoding)> {
        Encoding::ALL
            .into_iter()
            .find_map(|e| path.strip_suffix(e.suffix()).map(|file| (file, e)))
    }

    /// `bytes` compressed.
    pub(crate) fn compress(self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        use std::io::Write;
        match self {
            Encoding::Gzip => {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                gz.write_all(bytes)?;
                gz.finish()
            }
            Encoding::Brotli => {
                let mut out = Vec::new();
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 9,
                    lgwin: 22,
                    ..Default::default()
                };
                brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
                Ok(out)
            }
        }
    }
}

/// The compressed copies a precompressing target holds beside the
/// output's text files: their sums stand for "made from this file" (the
/// copy's bytes follow from the file's), so the plan needs no compression.
fn precompressed(files: &BTreeMap<String, Sum>) -> Vec<(String, Sum)> {
    files
        .iter()
        .filter(|(path, sum)| {
            sum.size >= PRECOMPRESS_MIN
                && path
                    .rsplit_once('.')
                    .is_some_and(|(_, ext)| PRECOMPRESS.contains(&ext))
        })
        .flat_map(|(path, sum)| {
            Encoding::ALL.into_iter().map(move |encoding| {
                let mut seed = sum.hash.to_vec();
                seed.extend_from_slice(encoding.tag());
                (
                    format!("{path}{}", encoding.suffix()),
                    Sum {
                        size: 0,
                        hash: crate::hash::hash16(&seed),
                    },
                )
            })
        })
        .collect()
}

/// The file a compressed copy is made from, and how, when `path` is one
/// (no output file of that name).
pub(crate) fn copy_source<'a>(path: &'a str, output: &Path) -> Option<(&'a str, Encoding)> {
    Encoding::of(path).filter(|_| !output.join(path).exists())
}

/// When a file is uploaded (uploads of one rank may go in parallel): what
/// pages link to first, then the pages, then
/// the entry points (the search manifest, the home page); compressed
/// copies just before their file.
fn rank(path: &str) -> u8 {
    let path = Encoding::of(path).map_or(path, |(file, _)| file);
    match path {
        "index.html" => 3,
        "search/manifest.json" => 2,
        p if p.ends_with(".html") => 1,
        _ => 0,
    }
}

/// The addresses a CDN must refresh after `plan`: each uploaded or deleted
/// file under `base_url`, and a folder's address for its `index.html`.
pub fn refresh_urls(base_url: &str, plan: &Plan) -> Vec<String> {
    let base = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    let mut urls = Vec::new();
    // A compressed copy is served for its file's address.
    for path in plan
        .uploads
        .iter()
        .chain(&plan.deletions)
        .filter(|p| Encoding::of(p).is_none())
    {
        let encoded: String = path
            .split('/')
            .map(|part| {
                percent_encoding::utf8_percent_encode(part, percent_encoding::NON_ALPHANUMERIC).to_string()
            })
            .map(|p| p.replace("%2E", ".").replace("%2D", "-").replace("%5F", "_"))
            .collect::<Vec<_>>()
            .join("/");
        if let Some(folder) = encoded.strip_suffix("index.html") {
            urls.push(format!("{base}{folder}"));
        }
        urls.push(format!("{base}{encoded}"));
    }
    urls
}

/// Deploys the site at `root` (built already) to the target `options` names.
pub fn deploy(root: &Path, options: &Options) -> Result<Deployed, Vec<Diagnostic>> {
    let config = SiteConfig::load(root)?;
    let target = pick(&config, options.target.as_deref())?;
    let place = target.place();
    let output = root.join(&config.output_dir);
    if !output.join(crate::output::MARKER).exists() {
        return Err(vec![
            Diagnostic::error(&config.output_dir, msg!("deploy.not_built"))
                .hint(msg!("deploy.not_built.hint")),
        ]);
    }
    let mut files = tree::sums(&output).map_err(|e| {
        vec![Diagnostic::error(
            &config.output_dir,
            msg!("error.unreadable", error = e),
        )]
    })?;
    if target.precompress {
        files.extend(precompressed(&files));
    }
    let mut notes = Vec::new();
    let mut destination = match (&target.folder, &target.s3) {
        (Some(folder), _) => {
            let dest = root.join(folder);
            let there = folder::State::read(&dest, &files).map_err(|e| {
                vec![
                    Diagnostic::error(&place, msg!("deploy.target_unreadable", error = e))
                        .hint(msg!("deploy.target_unreadable.hint")),
                ]
            })?;
            Destination::Folder(dest, there)
        }
        (None, Some(s3)) => {
            let keys = credentials::find(s3.profile.as_deref()).map_err(|missing| {
                vec![
                    Diagnostic::error(&place, msg!("deploy.no_credentials")).hint(msg!(
                        "deploy.no_credentials.hint",
                        file = missing.file.display(),
                        profile = missing.profile
                    )),
                ]
            })?;
            let client = s3::Client::new(s3, keys).map_err(|e| vec![s3_problem(&place, &e)])?;
            let remote =
                bucket::Remote::read(client, &output, &files).map_err(|e| vec![s3_problem(&place, &e)])?;
            if let Some(example) = remote.foreign.first() {
                notes.push(
                    Diagnostic::warning(
                        &place,
                        msg!("deploy.foreign", n = remote.foreign.len(), example = example),
                    )
                    .hint(msg!("deploy.foreign.hint")),
                );
            }
            Destination::Bucket(Box::new(remote), s3.parallel.unwrap_or(8))
        }
        (None, None) => unreachable!("site.yaml's check requires a folder or a bucket"),
    };
    let there = match &destination {
        Destination::Folder(_, state) => &state.files,
        Destination::Bucket(remote, _) => &remote.files,
    };
    let plan = plan(&files, there);
    let share = u64::from(config.deploy.max_delete_percent.unwrap_or(10));
    let known = there.len() as u64;
    if !options.force && !plan.deletions.is_empty() && plan.deletions.len() as u64 * 100 > known * share {
        return Err(vec![
            Diagnostic::error(
                &place,
                msg!(
                    "deploy.too_many_deletions",
                    n = plan.deletions.len(),
                    of = known,
                    share = share
                ),
            )
            .field("deploy.max_delete_percent")
            .hint(msg!("deploy.too_many_deletions.hint")),
        ]);
    }
    let absolute = config.base_url.starts_with("http://") || config.base_url.starts_with("https://");
    let urls = refresh_urls(&config.base_url, &plan);
    if !absolute {
        notes.push(
            Diagnostic::warning(crate::site::config::FILE_NAME, msg!("deploy.no_base_url"))
                .field("base_url")
                .hint(msg!("deploy.no_base_url.hint")),
        );
    }
    if options.dry_run {
        return Ok(Deployed {
            target: target.name.clone(),
            plan,
            refresh: None,
            notes,
        });
    }
    match &mut destination {
        Destination::Folder(dest, state) => {
            folder::apply(&output, dest, &plan, &files, state).map_err(|e| {
                vec![
                    Diagnostic::error(&place, msg!("deploy.write", error = e))
                        .hint(msg!("deploy.write.hint")),
                ]
            })?
        }
        Destination::Bucket(remote, parallel) => remote
            .apply(&output, &plan, &files, *parallel)
            .map_err(|e| vec![s3_problem(&place, &e)])?,
    }
    let refresh = if absolute && !urls.is_empty() {
        let file = root
            .join(crate::site::STATE_DIR)
            .join(format!("deploy-{}-refresh.txt", target.name));
        let text: String = urls.iter().map(|u| format!("{u}\n")).collect();
        let written = std::fs::create_dir_all(root.join(crate::site::STATE_DIR))
            .and_then(|()| std::fs::write(&file, text));
        if let Err(e) = written {
            notes.push(Diagnostic::warning(&file, msg!("deploy.write", error = e)));
        }
        Some((urls, file))
    } else {
        None
    };
    Ok(Deployed {
        target: target.name.clone(),
        plan,
        refresh,
        notes,
    })
}

/// Where a deploy goes, with what is there.
enum Destination {
    Folder(PathBuf, folder::State),
    Bucket(Box<bucket::Remote>, usize),
}

/// The problem an object-storage failure is, with the hint that fits it.
fn s3_problem(place: &Path, error: &s3::Error) -> Diagnostic {
    match error {
        s3::Error::Refused {
            status,
            code,
            message,
        } => {
            let hint = match (*status, code.as_str()) {
                (401 | 403, _) | (_, "InvalidAccessKeyId" | "SignatureDoesNotMatch" | "AccessDenied") => {
                    msg!("deploy.s3_refused.auth")
                }
                (_, "NoSuchBucket") | (404, _) => msg!("deploy.s3_refused.bucket"),
                _ => msg!("deploy.s3_refused.other"),
            };
            Diagnostic::error(
                place,
                msg!(
                    "deploy.s3_refused",
                    status = status,
                    code = code,
                    message = message
                ),
            )
            .hint(hint)
        }
        s3::Error::Garbled(e) => Diagnostic::error(place, msg!("deploy.s3_garbled", error = e))
            .hint(msg!("deploy.s3_refused.other")),
        s3::Error::Local(e) => Diagnostic::error(place, msg!("error.unreadable", error = e)),
        s3::Error::Unreachable(e) => Diagnostic::error(place, msg!("deploy.s3_unreachable", error = e))
            .hint(msg!("deploy.s3_unreachable.hint")),
    }
}

/// The target `name` names, or the first.
fn pick<'a>(config: &'a SiteConfig, name: Option<&str>) -> Result<&'a DeployTarget, Vec<Diagnostic>> {
    let targets = &config.deploy.targets;
    let found = match name {
        Some(name) => targets.iter().find(|t| t.name == name),
        None => targets.first(),
    };
    found.ok_or_else(|| {
        let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
        let message = match name {
            Some(name) => msg!("deploy.unknown_target", name = name),
            None => msg!("deploy.no_targets"),
        };
        let hint = if names.is_empty() {
            msg!("deploy.no_targets.hint")
        } else {
            msg!("hint.use_one_of", names = names.join("、"))
        };
        vec![
            Diagnostic::error(crate::site::config::FILE_NAME, message)
                .field("deploy.targets")
                .hint(hint),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(n: u8) -> Sum {
        Sum {
            size: u64::from(n),
            hash: [n; 16],
        }
    }

    #[test]
    fn the_plan_uploads_what_changed_entry_points_last_and_deletes_what_went() {
        let output: BTreeMap<String, Sum> = [
            ("index.html", 1),
            ("search/manifest.json", 2),
            ("docs/a.html", 3),
            ("assets/style.css", 4),
            ("search/t/1.bin", 5),
            ("docs/same.html", 6),
        ]
        .into_iter()
        .map(|(p, n)| (p.to_owned(), sum(n)))
        .collect();
        let there: BTreeMap<String, Sum> = [("docs/same.html", 6), ("docs/a.html", 9), ("docs/gone.html", 7)]
            .into_iter()
            .map(|(p, n)| (p.to_owned(), sum(n)))
            .collect();
        let plan = plan(&output, &there);
        assert_eq!(
            plan.uploads,
            [
                "assets/style.css",
                "search/t/1.bin",
                "docs/a.html",
                "search/manifest.json",
                "index.html"
            ]
        );
        assert_eq!(plan.bytes, 4 + 5 + 3 + 2 + 1);
        assert_eq!(plan.deletions, ["docs/gone.html"]);
        assert_eq!(plan.unchanged, 1);
        let urls = refresh_urls(
            "https://www.x.gov.cn/zwgk",
            &Plan {
                uploads: vec!["index.html".into(), "docs/政策 1.html".into()],
                ..Plan::default()
            },
        );
        assert_eq!(
            urls,
            [
                "https://www.x.gov.cn/zwgk/",
                "https://www.x.gov.cn/zwgk/index.html",
                "https://www.x.gov.cn/zwgk/docs/%E6%94%BF%E7%AD%96%201.html"
            ]
        );
    }
}
