//! `gongkai serve`: builds the site, serves its output on 127.0.0.1, watches
//! `content/`, `themes/` and `site.yaml`, rebuilds on change and tells open
//! pages to reload. A failed rebuild leaves the last good site being served
//! and shows its errors as an overlay on the page.
//!
//! The reload script is added to HTML responses here, never to the files
//! written, so `public/` is the same as after `gongkai build`.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::{self, BuildOptions, Report};
use crate::error::BuildError;
use crate::site::config::{self, SiteConfig};

/// Where the reload script and the long poll live; no site file can be here
/// (generated names never start with `__`).
const PREFIX: &str = "/__gongkai/";
const LIVE_JS: &str = include_str!("live.js");
/// Changes within this time of each other are built together.
const SETTLE: Duration = Duration::from_millis(120);
/// How long a reload poll waits for a build before answering anyway.
const POLL: Duration = Duration::from_secs(25);

/// How to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// How to build (root, output folder, progress).
    pub build: BuildOptions,
    /// The port to try first; the next free one is taken when it is busy
    /// (0: any free port).
    pub port: u16,
}

/// What pages learn from the long poll: a counter of build attempts and the
/// last attempt's errors, if it failed.
#[derive(Clone, Debug, Default)]
struct Status {
    version: u64,
    error: Option<String>,
}

#[derive(Default)]
struct Shared {
    status: Mutex<Status>,
    changed: Condvar,
}

impl Shared {
    fn publish(&self, error: Option<String>) {
        if let Ok(mut status) = self.status.lock() {
            status.version += 1;
            status.error = error;
        }
        self.changed.notify_all();
    }

    /// Waits until the version differs from `since`, or [`POLL`] passes.
    fn wait(&self, since: Option<u64>) -> Status {
        let Ok(status) = self.status.lock() else {
            return Status::default();
        };
        let Some(since) = since else { return status.clone() };
        self.changed
            .wait_timeout_while(status, POLL, |s| s.version == since)
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    }
}

/// Why the preview server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// No port from the one asked for on was free.
    #[error("no free port on 127.0.0.1 from {port}: {reason}")]
    NoPort {
        /// The first port tried.
        port: u16,
        /// Why the last one failed.
        reason: String,
    },
    /// A folder of the site could not be watched for changes.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// What the watcher said.
        source: notify::Error,
    },
}

impl ServeError {
    /// The failure in words, in the run's language.
    pub fn text(&self) -> crate::lang::Text {
        match self {
            ServeError::NoPort { port, reason } => crate::msg!("serve.no_port", port = port, reason = reason),
            ServeError::Watch { path, source } => {
                crate::msg!("serve.watch", path = path.display(), error = source)
            }
        }
    }
}

/// Builds, serves and rebuilds until the process is stopped. `on_build`
/// reports each build and returns the text of its errors (shown on the
/// pages); `on_ready` gets the address once the server listens.
pub fn serve(
    options: &ServeOptions,
    on_ready: impl FnOnce(SocketAddr),
    on_build: impl Fn(&Result<Report, BuildError>) -> Option<String>,
) -> Result<(), ServeError> {
    let root = &options.build.root;
    let out_dir = options.build.out.clone().unwrap_or_else(|| {
        let output = SiteConfig::load(root).map_or_else(|_| PathBuf::from("public"), |c| c.output_dir);
        root.join(output)
    });
    let shared = Arc::new(Shared::default());
    let first = build::build(&options.build);
    shared.publish(on_build(&first));

    let (server, addr) = bind(options.port)?;
    let server = Arc::new(server);
    {
        let (server, shared, out_dir) = (Arc::clone(&server), Arc::clone(&shared), out_dir.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let (shared, out_dir) = (Arc::clone(&shared), out_dir.clone());
                std::thread::spawn(move || respond(request, &out_dir, &shared));
            }
        });
    }

    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let watch_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ServeError::Watch { path, source }
    };
    let mut watcher = notify::recommended_watcher(tx).map_err(watch_error(root))?;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(watch_error(root))?;
    for dir in [crate::site::CONTENT_DIR, crate::site::THEMES_DIR] {
        let dir = root.join(dir);
        if dir.is_dir() {
            watcher
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(watch_error(&dir))?;
        }
    }
    on_ready(addr);
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
    // A change of what the site is made of; not reads (the build's own) and
    // not the build's output.
    let relevant = |event: &notify::Event| {
        matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_) | EventKind::Any
        ) && !matches!(
            event.kind,
            EventKind::Modify(notify::event::ModifyKind::Metadata(_))
        ) && event.paths.iter().any(|path| {
            [root.as_path(), canonical.as_path()].iter().any(|r| {
                path.strip_prefix(r).is_ok_and(|rel| {
                    rel == Path::new(config::FILE_NAME)
                        || rel.starts_with(crate::site::CONTENT_DIR)
                        || rel.starts_with(crate::site::THEMES_DIR)
                })
            })
        })
    };
    while let Ok(event) = rx.recv() {
        if !event.is_ok_and(|e| relevant(&e)) {
            continue;
        }
        // Let a burst of saves settle, then build once.
        while rx.recv_timeout(SETTLE).is_ok() {}
        let result = build::build(&options.build);
        shared.publish(on_build(&result));
    }
    Ok(())
}

/// Listens on `port` of 127.0.0.1, or the next free one.
fn bind(port: u16) -> Result<(tiny_http::Server, SocketAddr), ServeError> {
    let candidates: Vec<u16> = if port == 0 {
        vec![0]
    } else {
        (port..port.saturating_add(50)).collect()
    };
    let mut last = None;
    for candidate in candidates {
        match tiny_http::Server::http((Ipv4Addr::LOCALHOST, candidate)) {
            Ok(server) => {
                let addr = server
                    .server_addr()
                    .to_ip()
                    .unwrap_or_else(|| SocketAddr::from((Ipv4Addr::LOCALHOST, candidate)));
                return Ok((server, addr));
            }
            Err(e) => last = Some(e),
        }
    }
    Err(ServeError::NoPort {
        port,
        reason: last.map(|e| e.to_string()).unwrap_or_default(),
    })
}

fn respond(request: tiny_http::Request, out_dir: &Path, shared: &Shared) {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let response = if let Some(name) = path.strip_prefix(PREFIX) {
        match name {
            "live.js" => Some(reply(
                LIVE_JS.as_bytes().to_vec(),
                "text/javascript; charset=utf-8",
            )),
            "wait" => {
                let since = query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("since="))
                    .and_then(|v| v.parse().ok());
                let status = shared.wait(since);
                let body = serde_json::json!({ "version": status.version, "error": status.error });
                Some(reply(body.to_string().into_bytes(), "application/json"))
            }
            _ => None,
        }
    } else {
        let range = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Range"))
            .map(|h| h.value.as_str().to_owned());
        file_response(out_dir, path, range.as_deref())
    };
    let response = response.unwrap_or_else(|| {
        let body = std::fs::read(out_dir.join("404.html")).unwrap_or_else(|_| b"404 not found".to_vec());
        reply(with_live_script(body), "text/html; charset=utf-8").with_status_code(404)
    });
    let _ = request.respond(response);
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn reply(body: Vec<u8>, content_type: &str) -> Response {
    let mut response = tiny_http::Response::from_data(body);
    if let Ok(header) = tiny_http::Header::from_bytes("Content-Type", content_type) {
        response.add_header(header);
    }
    if let Ok(header) = tiny_http::Header::from_bytes("Cache-Control", "no-store") {
        response.add_header(header);
    }
    response
}

/// The file for a URL path under `out_dir`, never outside it; only the
/// bytes a `Range: bytes=a-b` asks for (the search reads its packs so).
fn file_response(out_dir: &Path, url_path: &str, range: Option<&str>) -> Option<Response> {
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .ok()?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = out_dir.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let bytes = std::fs::read(&file).ok()?;
    let content_type = content_type(&file);
    if let Some((start, end)) = range.and_then(|r| byte_range(r, bytes.len())) {
        let total = bytes.len();
        let mut response = reply(bytes[start..end].to_vec(), content_type).with_status_code(206);
        let value = format!("bytes {start}-{}/{total}", end - 1);
        if let Ok(header) = tiny_http::Header::from_bytes("Content-Range", value) {
            response.add_header(header);
        }
        return Some(response);
    }
    let bytes = if content_type.starts_with("text/html") {
        with_live_script(bytes)
    } else {
        bytes
    };
    Some(reply(bytes, content_type))
}

/// The bytes `start..end` a single `bytes=a-b` or `bytes=a-` range asks of
/// a file of `len` bytes; None for anything else (the whole file is sent).
fn byte_range(header: &str, len: usize) -> Option<(usize, usize)> {
    let (a, b) = header.trim().strip_prefix("bytes=")?.split_once('-')?;
    let start: usize = a.trim().parse().ok()?;
    let end = match b.trim() {
        "" => len,
        b => b.parse::<usize>().ok()?.saturating_add(1).min(len),
    };
    (start < end).then_some((start, end))
}

/// Adds the reload script before `</body>`.
fn with_live_script(html: Vec<u8>) -> Vec<u8> {
    const TAG: &[u8] = b"<script type=\"module\" src=\"/__gongkai/live.js\"></script>";
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(TAG);
    out.extend_from_slice(&html[at..]);
    out
}

fn content_type(path: &Path) -> &'static str {
    crate::output::mime::content_type(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>".to_vec();
        let out = String::from_utf8(with_live_script(html)).expect("utf-8");
        assert!(out.ends_with("<script type=\"module\" src=\"/__gongkai/live.js\"></script></BODY></html>"));
    }

    #[test]
    fn ranges_are_single_and_within_the_file() {
        assert_eq!(byte_range("bytes=0-3", 10), Some((0, 4)));
        assert_eq!(byte_range("bytes=4-", 10), Some((4, 10)));
        assert_eq!(byte_range("bytes=8-100", 10), Some((8, 10)));
        assert_eq!(byte_range("bytes=10-12", 10), None);
        assert_eq!(byte_range("bytes=0-1,4-5", 10), None);
        assert_eq!(byte_range("items=0-1", 10), None);
    }

    #[test]
    fn paths_cannot_leave_the_output() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("index.html"), "<body></body>").expect("write");
        assert!(file_response(dir.path(), "/", None).is_some());
        assert!(file_response(dir.path(), "/index.html", None).is_some());
        for bad in ["/../etc/passwd", "/%2e%2e/x", "/a/../../x", "/missing.html"] {
            assert!(file_response(dir.path(), bad, None).is_none(), "{bad}");
        }
    }
}
