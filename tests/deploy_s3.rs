//! `gongkai deploy` to S3-compatible object storage, against a real S3
//! server (`s3s-fs`, checking SigV4 signatures, storing objects as files)
//! started in this process on 127.0.0.1, every request it gets logged.
//! The first deploy uploads everything; an edit uploads exactly the
//! objects whose bytes changed, entry points last; a removal deletes the
//! object; the mass-delete guard holds; a deploy killed midway leaves the
//! old home page serving, and the next deploy makes the bucket equal to
//! `public/`; objects carry their Content-Type and Cache-Control; wrong or
//! missing keys are clear errors that never print the secret.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::*;

const KEY: &str = "GONGKAITESTKEY";
const SECRET: &str = "gongkai-test-secret-do-not-print";
const BUCKET: &str = "zwgk";
const PREFIX: &str = "site";

type Log = Arc<Mutex<Vec<(String, String)>>>;

/// The S3 service, each request logged (method, path) before it is served.
#[derive(Clone)]
struct Logged {
    inner: s3s::service::S3Service,
    log: Log,
}

type Incoming = hyper::Request<hyper::body::Incoming>;

impl hyper::service::Service<Incoming> for Logged {
    type Response = <s3s::service::S3Service as hyper::service::Service<Incoming>>::Response;
    type Error = <s3s::service::S3Service as hyper::service::Service<Incoming>>::Error;
    type Future = <s3s::service::S3Service as hyper::service::Service<Incoming>>::Future;

    fn call(&self, req: Incoming) -> Self::Future {
        let path = percent_encoding::percent_decode_str(req.uri().path())
            .decode_utf8_lossy()
            .into_owned();
        self.log
            .lock()
            .expect("log")
            .push((req.method().to_string(), path));
        hyper::service::Service::call(&self.inner, req)
    }
}

/// A running S3 server storing its buckets under `root`.
struct Server {
    addr: SocketAddr,
    log: Log,
    root: PathBuf,
    _runtime: tokio::runtime::Runtime,
}

impl Server {
    fn start(root: &Path) -> Server {
        fs::create_dir_all(root.join(BUCKET)).expect("bucket");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let mut builder = s3s::service::S3ServiceBuilder::new(s3s_fs::FileSystem::new(root).expect("s3s-fs"));
        builder.set_auth(s3s::auth::SimpleAuth::from_single(KEY, SECRET));
        let service = Logged {
            inner: builder.build(),
            log: Log::default(),
        };
        let log = service.log.clone();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        runtime.spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let service = service.clone();
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(socket), service)
                        .await;
                });
            }
        });
        Server {
            addr,
            log,
            root: root.to_path_buf(),
            _runtime: runtime,
        }
    }

    /// The requests served since the last call: (method, path in the bucket).
    fn requests(&self) -> Vec<(String, String)> {
        let prefix = format!("/{BUCKET}/{PREFIX}/");
        std::mem::take(&mut *self.log.lock().expect("log"))
            .into_iter()
            .map(|(method, path)| (method, path.strip_prefix(&prefix).unwrap_or(&path).to_owned()))
            .collect()
    }

    /// The site's objects (the bucket under the prefix, the record left out).
    fn objects(&self) -> BTreeMap<String, Vec<u8>> {
        let dir = self.root.join(BUCKET).join(PREFIX);
        if !dir.exists() {
            return BTreeMap::new();
        }
        tree(&dir)
            .into_iter()
            .filter(|(p, _)| p != ".gongkai-deploy")
            .collect()
    }

    /// An object as a browser gets it: status, Content-Type, Cache-Control, bytes.
    fn get(&self, path: &str) -> (u16, String, String, Vec<u8>) {
        use rusty_s3::S3Action;
        let bucket = rusty_s3::Bucket::new(
            format!("http://{}", self.addr).parse().expect("url"),
            rusty_s3::UrlStyle::Path,
            BUCKET,
            "us-east-1",
        )
        .expect("bucket");
        let credentials = rusty_s3::Credentials::new(KEY, SECRET);
        let key = format!("{PREFIX}/{path}");
        let url = rusty_s3::actions::GetObject::new(&bucket, Some(&credentials), &key)
            .sign(std::time::Duration::from_secs(60));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent.get(url.as_str()).call().expect("get");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let (content_type, cache_control) = (header("content-type"), header("cache-control"));
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_vec().expect("body");
        (status, content_type, cache_control, body)
    }
}

/// The example site with a bucket target `oss` on `server`.
fn site(dir: &Path, server: &Server) -> PathBuf {
    let site = dir.join("site");
    fs::create_dir_all(&site).expect("mkdir");
    copy_tree(&repo().join("content"), &site.join("content"));
    let yaml = read(&repo().join("site.yaml"))
        + &format!(
            "deploy:\n  targets:\n    - name: oss\n      s3:\n        endpoint: http://{}\n        bucket: {BUCKET}\n        prefix: {PREFIX}/\n        path_style: true\n        parallel: 4\n",
            server.addr
        );
    fs::write(site.join("site.yaml"), yaml).expect("write");
    site
}

fn build(site: &Path) {
    let out = gongkai(&["build", "--root", &site.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Runs `gongkai deploy` with the keys in the environment (`env` added
/// after them, so it may blank them).
fn deploy(site: &Path, extra: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let root = site.to_string_lossy();
    let mut args = vec!["deploy", "--root", &*root];
    args.extend(extra);
    let mut vars = vec![
        ("AWS_ACCESS_KEY_ID", KEY),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("NO_PROXY", "127.0.0.1"),
    ];
    vars.extend(env);
    gongkai_env(&args, &vars)
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder's files but the hidden ones.
fn visible(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir)
        .into_iter()
        .filter(|(p, _)| !p.split('/').any(|part| part.starts_with('.')))
        .collect()
}

/// The paths `requests` put, the record left out, in order.
fn puts(requests: &[(String, String)]) -> Vec<String> {
    requests
        .iter()
        .filter(|(m, p)| m == "PUT" && p != ".gongkai-deploy")
        .map(|(_, p)| p.clone())
        .collect()
}

#[test]
fn a_bucket_gets_exactly_what_changed_with_its_types_and_deletions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::start(&dir.path().join("s3"));
    let site = site(dir.path(), &server);
    build(&site);
    let public = site.join("public");

    let out = deploy(&site, &[], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = visible(&public);
    assert_eq!(server.objects(), first, "the first deploy uploads everything");
    let sent = puts(&server.requests());
    assert_eq!(sent.len(), first.len(), "each file once");
    assert_eq!(
        sent.last().map(String::as_str),
        Some("index.html"),
        "the home page last"
    );
    assert!(
        stdout(&out).contains(&format!("{} files uploaded", first.len())),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains(SECRET) && !stderr(&out).contains(SECRET));

    // What a browser gets: the type with its charset, and how long to keep it.
    let style = first
        .keys()
        .find(|p| p.starts_with("assets/style.") && p.ends_with(".css") && p.len() > "assets/style.css".len())
        .expect("a fingerprinted stylesheet")
        .clone();
    let expected = [
        ("index.html", "text/html; charset=utf-8", "no-cache"),
        (
            "search/manifest.json",
            "application/json; charset=utf-8",
            "no-cache",
        ),
        ("search/t/0.bin", "application/octet-stream", "no-cache"),
        ("catalogue.csv", "text/csv; charset=utf-8", "no-cache"),
        ("feed.xml", "application/xml; charset=utf-8", "no-cache"),
        (
            style.as_str(),
            "text/css; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        ("assets/favicon.svg", "image/svg+xml", "public, max-age=3600"),
        (
            "docs/page-guide/政府信息公开申请表.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "public, max-age=3600",
        ),
    ];
    for (path, content_type, cache_control) in expected {
        let (status, got_type, got_cache, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert_eq!(
            (got_type.as_str(), got_cache.as_str()),
            (content_type, cache_control),
            "{path}"
        );
        assert_eq!(&body, &first[path], "{path}");
    }
    server.requests();

    // Nothing changed: nothing is sent, nothing downloaded but the record.
    let out = deploy(&site, &[], &[]);
    assert!(stdout(&out).contains("0 files uploaded"), "{}", stdout(&out));
    let requests = server.requests();
    assert!(puts(&requests).is_empty(), "{requests:?}");
    let gets: Vec<&(String, String)> = requests.iter().filter(|(m, _)| m == "GET").collect();
    assert!(gets.len() <= 2, "the record and one listing page: {gets:?}");

    // Someone else's object beside the site is left alone, and reported.
    fs::write(server.root.join(BUCKET).join(PREFIX).join("old-banner.png"), "x").expect("write");

    // One document edited: exactly the objects whose bytes changed go.
    edit_annual_report(&site);
    build(&site);
    let second = visible(&public);
    let mut changed: Vec<String> = second
        .iter()
        .filter(|(p, bytes)| first.get(*p) != Some(*bytes))
        .map(|(p, _)| p.clone())
        .collect();
    assert!(changed.len() > 1 && changed.len() < 20, "{changed:?}");
    let dry = deploy(&site, &["--dry-run"], &[]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(puts(&server.requests()).is_empty(), "a dry run uploads nothing");
    let out = deploy(&site, &[], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("were not put there by gongkai (e.g. old-banner.png)"),
        "{}",
        stderr(&out)
    );
    let mut sent = puts(&server.requests());
    let last = sent.last().cloned();
    sent.sort();
    changed.sort();
    assert_eq!(sent, changed, "exactly the changed objects");
    assert_eq!(
        last.as_deref(),
        Some("search/manifest.json"),
        "the search manifest after the pages"
    );
    let mut want = second.clone();
    want.insert("old-banner.png".into(), b"x".to_vec());
    assert_eq!(server.objects(), want);
    let refresh = read(&site.join(".gongkai/deploy-oss-refresh.txt"));
    assert!(
        refresh.contains("https://example.gov.cn/zwgk/docs/3504-15-2018-000001.html\n"),
        "{refresh}"
    );

    // One document removed: its object is deleted, after the uploads.
    fs::remove_file(site.join("content/6200-03-2018-000083.md")).expect("remove");
    build(&site);
    let out = deploy(&site, &["--force"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let requests = server.requests();
    let delete = requests
        .iter()
        .position(|(m, _)| m == "POST")
        .expect("a DeleteObjects request");
    assert!(
        requests[delete..]
            .iter()
            .all(|(m, p)| m != "PUT" || p == ".gongkai-deploy"),
        "deletions after every upload: {requests:?}"
    );
    assert!(!server.objects().contains_key("docs/6200-03-2018-000083.html"));
    let mut want = visible(&public);
    want.insert("old-banner.png".into(), b"x".to_vec());
    assert_eq!(server.objects(), want);
}

#[test]
fn the_mass_delete_guard_holds_for_a_bucket() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::start(&dir.path().join("s3"));
    let site = site(dir.path(), &server);
    let yaml = read(&site.join("site.yaml")).replace("deploy:\n", "deploy:\n  max_delete_percent: 1\n");
    fs::write(site.join("site.yaml"), yaml).expect("write");
    build(&site);
    assert!(deploy(&site, &[], &[]).status.success());
    for doc in ["6200-03-2018-000083", "4420-03-2017-000001"] {
        fs::remove_file(site.join(format!("content/{doc}.md"))).expect("remove");
    }
    build(&site);
    let before = server.objects();
    server.requests();
    let out = deploy(&site, &[], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("more than 1% of the target's"),
        "{}",
        stderr(&out)
    );
    assert!(
        server.requests().iter().all(|(m, _)| m == "GET"),
        "nothing was changed"
    );
    assert_eq!(server.objects(), before);
    let out = deploy(&site, &["--force"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.objects(), visible(&site.join("public")));
}

#[test]
fn a_deploy_killed_midway_leaves_the_old_site_serving_and_the_next_finishes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::start(&dir.path().join("s3"));
    let site = site(dir.path(), &server);
    build(&site);
    assert!(deploy(&site, &[], &[]).status.success());
    let old_home = server.objects()["index.html"].clone();
    let doc = site.join("content/0101-03-2017-000525.md");
    fs::write(&doc, read(&doc).replace("淄川区", "淄川区（修订）")).expect("write");
    fs::remove_file(site.join("content/6200-03-2018-000083.md")).expect("remove");
    build(&site);
    assert_ne!(
        visible(&site.join("public"))["index.html"],
        old_home,
        "the home page changes"
    );
    // Killed as it reaches the document's page (GONGKAI_FAIL, debug builds).
    let out = deploy(
        &site,
        &["--force"],
        &[("GONGKAI_FAIL", "deploy:docs/0101-03-2017-000525")],
    );
    assert!(!out.status.success(), "the deploy was to die");
    let half = server.objects();
    assert_ne!(half, visible(&site.join("public")), "it died midway");
    assert_eq!(half["index.html"], old_home, "the old home page still serves");
    assert!(
        half.contains_key("docs/6200-03-2018-000083.html"),
        "nothing deleted yet"
    );
    let out = deploy(&site, &["--force"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.objects(), visible(&site.join("public")));
}

#[test]
fn wrong_or_missing_keys_are_clear_errors_that_never_print_the_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::start(&dir.path().join("s3"));
    let site = site(dir.path(), &server);
    build(&site);
    let wrong = "a-wrong-secret-never-printed";
    let out = deploy(&site, &[], &[("AWS_SECRET_ACCESS_KEY", wrong)]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("the object storage refused the request (403"),
        "{err}"
    );
    assert!(err.contains("check that the access key is right"), "{err}");
    assert!(!err.contains(wrong) && !stdout(&out).contains(wrong));
    assert!(server.objects().is_empty());

    // No keys anywhere: the environment's and the file's names, in Chinese.
    let empty = dir.path().join("no-credentials");
    let no_keys = [("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")];
    let out = deploy(
        &site,
        &[],
        &[
            no_keys[0],
            no_keys[1],
            ("GONGKAI_LANG", "zh"),
            ("AWS_SHARED_CREDENTIALS_FILE", &empty.to_string_lossy()),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("找不到对象存储的访问密钥"), "{err}");
    assert!(
        err.contains("AWS_ACCESS_KEY_ID") && err.contains("[default]"),
        "{err}"
    );

    // The keys in a credentials file's profile work.
    let file = dir.path().join("credentials");
    fs::write(
        &file,
        format!("[default]\naws_access_key_id = x\naws_secret_access_key = y\n\n[zwgk]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n"),
    )
    .expect("write");
    let out = deploy(
        &site,
        &[],
        &[
            no_keys[0],
            no_keys[1],
            ("AWS_SHARED_CREDENTIALS_FILE", &file.to_string_lossy()),
            ("AWS_PROFILE", "zwgk"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(server.objects(), visible(&site.join("public")));
}

#[test]
fn a_target_must_be_a_folder_or_a_bucket() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    fs::create_dir_all(&site).expect("mkdir");
    copy_tree(&repo().join("content"), &site.join("content"));
    let yaml = read(&repo().join("site.yaml"))
        + "deploy:\n  targets:\n    - name: both\n      folder: www\n      s3: { endpoint: http://127.0.0.1:9, bucket: b }\n    - name: oss\n      precompress: true\n      s3: { endpoint: oss-cn-hangzhou.aliyuncs.com, bucket: a/b }\n";
    fs::write(site.join("site.yaml"), yaml).expect("write");
    let out = gongkai(&["check", "--root", &site.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "the deploy target “both” needs exactly one of folder (a folder) and s3 (object storage)",
        "the object storage endpoint “oss-cn-hangzhou.aliyuncs.com” is not an http:// or https:// address",
        "the bucket name “a/b” is not valid",
        "the deploy target “oss” is object storage: precompress does not apply",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}
