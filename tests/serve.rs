//! `gongkai serve`: serves the built site, rebuilds when a file changes,
//! keeps serving the last good site when a change breaks it and tells the
//! pages (through the long poll) what happened.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;

/// Kills the server when the test ends, passed or not.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path, port: u16) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .env("GONGKAI_LANG", "en")
        .args([
            "serve",
            "--port",
            &port.to_string(),
            "--root",
            &root.to_string_lossy(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start gongkai serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines.next().expect("serve printed its address").expect("line");
        if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
            break rest.split('/').next().and_then(|p| p.parse().ok()).expect("port");
        }
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Server { child, port }
}

/// Status code and body of a GET.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("response");
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status code");
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn status(port: u16, since: Option<u64>) -> serde_json::Value {
    let path = match since {
        Some(v) => format!("/__gongkai/wait?since={v}"),
        None => "/__gongkai/wait".to_owned(),
    };
    let (code, body) = get(port, &path);
    assert_eq!(code, 200);
    serde_json::from_str(&body).expect("json status")
}

/// Waits for the next build after `version` (a build may be triggered by
/// more than one event: wait until one reports what `done` expects).
fn next_build(port: u16, mut version: u64, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    for _ in 0..20 {
        let s = status(port, Some(version));
        if done(&s) {
            return s;
        }
        version = s["version"].as_u64().expect("version");
    }
    panic!("no build reported the expected state");
}

#[test]
fn serve_rebuilds_on_change_and_keeps_the_last_good_site_on_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    let server = start(&site, 0);
    let page = "/docs/0001-01-2026-000001.html";

    let (code, body) = get(server.port, page);
    assert_eq!(code, 200);
    assert!(body.contains("主要职责"));
    assert!(body.contains("/__gongkai/live.js"), "the reload script is served");
    let file = read(&site.join("public").join(&page[1..]));
    assert!(!file.contains("__gongkai"), "but never written to public/");
    let (code, script) = get(server.port, "/__gongkai/live.js");
    assert_eq!(code, 200);
    assert!(script.contains("location.reload"));

    let first = status(server.port, None);
    assert!(first["error"].is_null(), "{first}");
    let version = first["version"].as_u64().expect("version");

    // A change: rebuilt, and the page shows it.
    let source = site.join("content/0001-01-2026-000001.md");
    let text = read(&source);
    fs::write(&source, text.replace("## 主要职责", "## 主要职责和内设机构")).expect("edit");
    let s = next_build(server.port, version, |s| {
        s["error"].is_null() && get(server.port, page).1.contains("主要职责和内设机构")
    });
    let version = s["version"].as_u64().expect("version");

    // A broken change: the error is reported, the last good page still served.
    fs::write(
        &source,
        read(&source).replace("date: 2026-01-05", "date: 2026-13-05"),
    )
    .expect("break");
    let s = next_build(server.port, version, |s| !s["error"].is_null());
    let error = s["error"].as_str().expect("error text");
    assert!(
        error.contains("content/0001-01-2026-000001.md:6: date:"),
        "{error}"
    );
    assert!(error.contains("6 | date: 2026-13-05"), "the source line: {error}");
    let (code, body) = get(server.port, page);
    assert_eq!(code, 200);
    assert!(
        body.contains("主要职责和内设机构"),
        "the last good site is served"
    );

    // Fixed: the error is gone.
    fs::write(
        &source,
        read(&source).replace("date: 2026-13-05", "date: 2026-01-06"),
    )
    .expect("fix");
    let version = s["version"].as_u64().expect("version");
    next_build(server.port, version, |s| {
        s["error"].is_null() && get(server.port, page).1.contains("2026-01-06")
    });

    // Nothing outside the output folder is served.
    for path in ["/../site.yaml", "/%2e%2e/site.yaml", "/nothing.html"] {
        assert_eq!(get(server.port, path).0, 404, "{path}");
    }
}

#[test]
fn a_busy_port_makes_serve_take_the_next_free_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    let busy = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind");
    let port = busy.local_addr().expect("addr").port();
    let server = start(&site, port);
    assert!(
        server.port > port && server.port < port.saturating_add(50),
        "{} after {port}",
        server.port
    );
    assert_eq!(get(server.port, "/index.html").0, 200);
}
