//! Reading what a member published: its `catalogue.json` and, for the
//! documents that changed, their texts from its search data
//! (`search/x/<n>.pack`), from a folder or over http(s). Nothing else of
//! the member is read: the portal sees only what the member published.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::site::sources::Location;

/// Why a member could not be read: words for the message.
pub(crate) type Failure = String;

/// Where a member's published files are.
pub(crate) enum Reader {
    /// A folder holding `catalogue.json` and `search/`.
    Folder(PathBuf),
    /// The address of the folder holding `catalogue.json` (ends in `/`),
    /// and the client.
    Http(String, ureq::Agent),
}

/// The catalogue as fetched, or that it has not changed.
pub(crate) enum Fetched {
    /// Not changed since the copy the portal holds (same hash or ETag).
    Unchanged,
    /// Its bytes, the hash of them and the ETag the server gave.
    Changed {
        bytes: Vec<u8>,
        hash: String,
        etag: Option<String>,
    },
}

impl Reader {
    /// The reader of `location`; a folder relative to the portal's `root`.
    /// A folder holding a site (site.yaml) is read in its output folder.
    pub(crate) fn new(root: &Path, location: &Location) -> Reader {
        match location {
            Location::Folder(folder) => {
                let folder = root.join(folder);
                let built = if folder.join("catalogue.json").is_file() || !folder.join("site.yaml").is_file()
                {
                    folder
                } else {
                    let output =
                        crate::site::config::peek_output_dir(&folder).unwrap_or_else(|| "public".into());
                    folder.join(output)
                };
                Reader::Folder(built)
            }
            Location::Url(url) => {
                let base = match url.rfind('/') {
                    Some(i) if i > url.find("://").map_or(0, |j| j + 2) => url[..=i].to_owned(),
                    _ => format!("{url}/"),
                };
                let agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .timeout_connect(Some(Duration::from_secs(15)))
                    .timeout_global(Some(Duration::from_secs(300)))
                    .build()
                    .into();
                Reader::Http(base, agent)
            }
        }
    }

    /// `catalogue.json`, unless it is what `hash`/`etag` say the portal holds.
    pub(crate) fn catalogue(&self, hash: Option<&str>, etag: Option<&str>) -> Result<Fetched, Failure> {
        let (bytes, new_etag) = match self {
            Reader::Folder(folder) => {
                let path = folder.join("catalogue.json");
                let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                (bytes, None)
            }
            Reader::Http(base, agent) => {
                let url = format!("{base}catalogue.json");
                let mut request = agent.get(&url);
                if let Some(etag) = etag {
                    request = request.header("If-None-Match", etag);
                }
                let mut response = request.call().map_err(|e| format!("{url}: {e}"))?;
                let status = response.status().as_u16();
                if status == 304 {
                    return Ok(Fetched::Unchanged);
                }
                if status != 200 {
                    return Err(format!("{url}: HTTP {status}"));
                }
                let etag = response
                    .headers()
                    .get("etag")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let bytes = response
                    .body_mut()
                    .with_config()
                    .limit(4 << 30)
                    .read_to_vec()
                    .map_err(|e| format!("{url}: {e}"))?;
                (bytes, etag)
            }
        };
        let new_hash = blake3::hash(&bytes).to_hex().to_string();
        if hash == Some(new_hash.as_str()) {
            return Ok(Fetched::Unchanged);
        }
        Ok(Fetched::Changed {
            bytes,
            hash: new_hash,
            etag: new_etag,
        })
    }

    /// A published file below the site's root, None when there is none.
    pub(crate) fn file(&self, rel: &str) -> Result<Option<Vec<u8>>, Failure> {
        match self {
            Reader::Folder(folder) => match std::fs::read(folder.join(rel)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(format!("{}: {e}", folder.join(rel).display())),
            },
            Reader::Http(base, agent) => {
                let url = format!("{base}{rel}");
                let mut response = agent.get(&url).call().map_err(|e| format!("{url}: {e}"))?;
                match response.status().as_u16() {
                    200 => response
                        .body_mut()
                        .with_config()
                        .limit(1 << 30)
                        .read_to_vec()
                        .map(Some)
                        .map_err(|e| format!("{url}: {e}")),
                    404 | 410 => Ok(None),
                    status => Err(format!("{url}: HTTP {status}")),
                }
            }
        }
    }
}

/// `catalogue.json` as the portal reads it: the schema versions it knows.
#[derive(Debug, Deserialize)]
pub(crate) struct Catalogue {
    pub(crate) schema_version: Option<u32>,
    #[serde(default)]
    pub(crate) documents: Vec<Row>,
}

/// The schema versions of `catalogue.json` the portal reads.
pub(crate) const KNOWN_SCHEMAS: [u32; 2] = [1, 2];

/// One document of a member's catalogue, as published.
/// Fields a row lacks are empty: the document then fails the portal's
/// checks and is left out with a warning.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(default)]
pub(crate) struct Row {
    pub(crate) title: String,
    pub(crate) index_number: String,
    pub(crate) issuer: String,
    pub(crate) issuers: Vec<String>,
    pub(crate) category: String,
    pub(crate) category_code: String,
    pub(crate) date: String,
    pub(crate) published: String,
    pub(crate) effective: Option<String>,
    pub(crate) valid_until: Option<String>,
    pub(crate) doc_number: Option<String>,
    pub(crate) status: String,
    pub(crate) summary: String,
    pub(crate) keywords: Vec<String>,
    pub(crate) genre: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) registration: Option<String>,
    pub(crate) interpretation_form: Option<String>,
    pub(crate) interprets: Vec<String>,
    pub(crate) replaced_by: Option<String>,
    pub(crate) revises: Option<String>,
    pub(crate) digest: Option<String>,
    pub(crate) url: String,
}

impl Row {
    /// What says the row changed: its digest (schema 2: row and body), or a
    /// hash of the row (schema 1).
    pub(crate) fn version(&self) -> String {
        match &self.digest {
            Some(d) => d.clone(),
            None => blake3::hash(&serde_json::to_vec(self).unwrap_or_default())
                .to_hex()
                .to_string(),
        }
    }

    /// The page's name on the member's site (`docs/<slug>.html`).
    pub(crate) fn slug(&self) -> Option<&str> {
        let name = self.url.rsplit('/').next()?.strip_suffix(".html")?;
        (!name.is_empty()).then_some(name)
    }
}

/// The texts of a member's documents, found through its search data: the
/// document with id `i` of `n` is usually catalogue row `n - 1 - i` (ids
/// count from the oldest); its entry's metadata line says which 索引号 it
/// holds, and the keys (`search/k/`) find the others. Packs are read whole
/// (one request for up to 64 texts) and the last few kept.
pub(crate) struct Texts<'a> {
    reader: &'a Reader,
    count: usize,
    keys: std::sync::OnceLock<Result<std::collections::HashMap<String, Vec<u32>>, Failure>>,
    packs: std::sync::Mutex<Vec<(usize, Pack)>>,
}

/// A pack as read: its bytes, or none when the member has no such file.
type Pack = std::sync::Arc<std::sync::OnceLock<Result<Option<Vec<u8>>, Failure>>>;

/// Packs kept while a member's texts are read (in catalogue order, so
/// mostly one after another).
const PACKS_KEPT: usize = 16;

impl<'a> Texts<'a> {
    pub(crate) fn new(reader: &'a Reader, count: usize) -> Texts<'a> {
        Texts {
            reader,
            count,
            keys: std::sync::OnceLock::new(),
            packs: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The indexed text of the document at `position` in the catalogue
    /// with 索引号 `index_number`, from where its summary or body starts;
    /// None when the member publishes no search data for it.
    pub(crate) fn text(&self, position: usize, index_number: &str) -> Result<Option<String>, Failure> {
        let guess = self.count.checked_sub(position + 1);
        if let Some(id) = guess
            && let Some(text) = self.of(id, index_number)?
        {
            return Ok(Some(text));
        }
        for id in self.ids(index_number)? {
            if Some(id as usize) != guess
                && let Some(text) = self.of(id as usize, index_number)?
            {
                return Ok(Some(text));
            }
        }
        Ok(None)
    }

    /// Pack `n`, read once by whichever worker asks first.
    fn pack(&self, n: usize) -> Pack {
        let mut packs = self
            .packs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, pack)) = packs.iter().find(|(m, _)| *m == n) {
            return pack.clone();
        }
        if packs.len() >= PACKS_KEPT {
            packs.remove(0);
        }
        let pack = Pack::default();
        packs.push((n, pack.clone()));
        pack
    }

    /// Entry `id` of the member's texts, if it is `index_number`'s; a
    /// member built by a gongkai older than the packs has a file per text.
    fn of(&self, id: usize, index_number: &str) -> Result<Option<String>, Failure> {
        use crate::search::texts;
        let (n, j) = texts::locate(id);
        let path = format!("search/{}", texts::pack_path(n));
        let pack = self.pack(n);
        let bytes = pack.get_or_init(|| self.reader.file(&path));
        let bytes = match bytes.as_ref().map_err(Clone::clone)? {
            Some(pack) => texts::entry(pack, j).map(<[u8]>::to_vec),
            None => self.reader.file(&format!("search/x/{id}.txt"))?,
        };
        let Some(bytes) = bytes else {
            return Ok(None);
        };
        let file = String::from_utf8(bytes).map_err(|_| format!("{path} ({id}): not UTF-8"))?;
        let (meta, text) = file.split_once('\n').unwrap_or((&file, ""));
        let meta: serde_json::Value =
            serde_json::from_str(meta).map_err(|e| format!("{path} ({id}): {e}"))?;
        if meta.get(7).and_then(|v| v.as_str()) != Some(index_number) {
            return Ok(None);
        }
        let at = meta.get(8).and_then(serde_json::Value::as_u64).unwrap_or(0) as usize;
        // `at` counts UTF-16 units.
        let mut units = 0;
        let start = text
            .char_indices()
            .find(|(_, c)| {
                let here = units >= at;
                units += c.len_utf16();
                here
            })
            .map_or(text.len(), |(i, _)| i);
        Ok(Some(text[start..].to_owned()))
    }

    /// The ids the member's keys give for `index_number`.
    fn ids(&self, index_number: &str) -> Result<Vec<u32>, Failure> {
        let keys = self.keys.get_or_init(|| {
            let mut keys = std::collections::HashMap::new();
            let shards = match self.reader.file("search/manifest.json")? {
                Some(bytes) => serde_json::from_slice::<serde_json::Value>(&bytes)
                    .ok()
                    .and_then(|m| m.get("key_shards")?.as_u64())
                    .unwrap_or(1),
                None => 0,
            };
            for shard in 0..shards {
                if let Some(bytes) = self.reader.file(&format!("search/k/{shard}.json"))? {
                    let map: std::collections::HashMap<String, Vec<u32>> =
                        serde_json::from_slice(&bytes).map_err(|e| format!("search/k/{shard}.json: {e}"))?;
                    keys.extend(map);
                }
            }
            Ok(keys)
        });
        let keys = keys.as_ref().map_err(Clone::clone)?;
        let key = crate::search::tokenizer::normalize_key(index_number);
        Ok(keys.get(&key).cloned().unwrap_or_default())
    }
}

/// Requests in flight at once while reading a member's texts.
pub(crate) const WORKERS: usize = 8;

/// `f` of every item, `workers` at a time, in the items' order; the first
/// failure (in order) if any.
pub(crate) fn each<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> Result<R, Failure> + Sync,
) -> Result<Vec<R>, Failure> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let mut done: Vec<(usize, Result<R, Failure>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.clamp(1, items.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        if failed.load(std::sync::atomic::Ordering::Relaxed) {
                            break;
                        }
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let result = f(item);
                        if result.is_err() {
                            failed.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                        mine.push((i, result));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    let results: Result<Vec<R>, Failure> = done.into_iter().map(|(_, r)| r).collect();
    match results {
        // A worker that panicked lost its items.
        Ok(all) if all.len() != items.len() => Err("interrupted while reading".to_owned()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_keeps_the_order_and_stops_at_a_failure() {
        let items: Vec<u32> = (0..100).collect();
        let doubled = super::each(&items, 8, |&i| Ok(i * 2)).expect("all");
        assert_eq!(doubled, (0..100).map(|i| i * 2).collect::<Vec<_>>());
        let failed = super::each(
            &items,
            3,
            |&i| if i == 40 { Err(format!("no {i}")) } else { Ok(i) },
        );
        assert_eq!(failed, Err("no 40".to_owned()));
        assert_eq!(super::each(&[] as &[u32], 8, |&i| Ok(i)), Ok(Vec::new()));
    }
}
