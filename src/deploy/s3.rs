//! The S3 protocol as a deploy speaks it: list a prefix, get, put and
//! delete objects. Requests are signed by `rusty-s3` (SigV4, presigned:
//! no I/O of its own) and sent by `ureq` (blocking, rustls); a request that
//! fails in transit or gets a 5xx, 429 or `RequestTimeout` is sent again
//! after a pause, up to [`ATTEMPTS`] times.

use std::time::Duration;

use rusty_s3::actions::{DeleteObjects, GetObject, ListObjectsV2, ObjectIdentifier, PutObject};
use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};

use crate::site::config::BucketConfig;

/// How many times a request is tried.
pub const ATTEMPTS: u32 = 4;
/// How long a signature stays valid (a slow upload of a large file must
/// start within it).
const SIGNED_FOR: Duration = Duration::from_secs(3600);
/// Keys per `DeleteObjects` request (the protocol's limit).
const DELETE_BATCH: usize = 1000;

/// What went wrong talking to the service.
#[derive(Debug)]
pub enum Error {
    /// The service answered with an error.
    Refused {
        /// The HTTP status.
        status: u16,
        /// The S3 error code (`AccessDenied`, `NoSuchBucket`, …), if given.
        code: String,
        /// The service's message, if given.
        message: String,
    },
    /// No answer (address, network, TLS).
    Unreachable(String),
    /// The answer could not be read.
    Garbled(String),
    /// A file of the output could not be read (nothing the service did).
    Local(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Refused {
                status,
                code,
                message,
            } => write!(f, "{status} {code}: {message}"),
            Error::Unreachable(e) | Error::Garbled(e) | Error::Local(e) => f.write_str(e),
        }
    }
}

/// An object the listing shows.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Its key, the prefix taken off.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its ETag, unquoted and lower-case: the MD5 of the bytes for an
    /// object uploaded in one piece.
    pub etag: String,
}

/// A bucket, with the keys to it.
pub struct Client {
    bucket: Bucket,
    credentials: Credentials,
    agent: ureq::Agent,
    prefix: String,
}

impl Client {
    /// A client for the bucket `config` describes.
    pub fn new(config: &BucketConfig, credentials: Credentials) -> Result<Client, Error> {
        let endpoint: url::Url = config
            .endpoint
            .trim()
            .parse()
            .map_err(|e: url::ParseError| Error::Unreachable(format!("{}: {e}", config.endpoint)))?;
        let style = if config.path_style {
            UrlStyle::Path
        } else {
            UrlStyle::VirtualHost
        };
        let bucket = Bucket::new(endpoint, style, config.bucket.clone(), config.region.clone())
            .map_err(|e| Error::Unreachable(format!("{}: {e}", config.endpoint)))?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(600)))
            .user_agent(concat!("gongkai/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Client {
            bucket,
            credentials,
            agent,
            prefix: config.prefix(),
        })
    }

    fn key(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// Every object under the prefix.
    pub fn list(&self) -> Result<Vec<Listed>, Error> {
        let mut listed = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut action = ListObjectsV2::new(&self.bucket, Some(&self.credentials));
            if !self.prefix.is_empty() {
                action.with_prefix(self.prefix.as_str());
            }
            if let Some(token) = &token {
                action.with_continuation_token(token.as_str());
            }
            let url = action.sign(SIGNED_FOR);
            let body = self.send(|| self.agent.get(url.as_str()).call())?.1;
            let text = String::from_utf8(body).map_err(|e| Error::Garbled(e.to_string()))?;
            let page = ListObjectsV2::parse_response(&text).map_err(|e| Error::Garbled(e.to_string()))?;
            for object in page.contents {
                let Some(path) = object.key.strip_prefix(&self.prefix) else {
                    continue;
                };
                listed.push(Listed {
                    path: path.to_owned(),
                    size: object.size.unwrap_or(0),
                    etag: object
                        .etag
                        .unwrap_or_default()
                        .trim_matches('"')
                        .to_ascii_lowercase(),
                });
            }
            match page.next_continuation_token {
                Some(next) if !next.is_empty() => token = Some(next),
                _ => return Ok(listed),
            }
        }
    }

    /// The object at `path`, or `None` when there is none.
    pub fn get(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let key = self.key(path);
        let url = GetObject::new(&self.bucket, Some(&self.credentials), &key).sign(SIGNED_FOR);
        match self.send(|| self.agent.get(url.as_str()).call()) {
            Ok((_, body)) => Ok(Some(body)),
            Err(Error::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Puts `body` at `path` with the headers a browser needs.
    pub fn put(&self, path: &str, body: &[u8], content_type: &str, cache_control: &str) -> Result<(), Error> {
        let key = self.key(path);
        let mut action = PutObject::new(&self.bucket, Some(&self.credentials), &key);
        action.headers_mut().insert("content-type", content_type);
        action.headers_mut().insert("cache-control", cache_control);
        let url = action.sign(SIGNED_FOR);
        self.send(|| {
            self.agent
                .put(url.as_str())
                .header("content-type", content_type)
                .header("cache-control", cache_control)
                .send(body)
        })
        .map(drop)
    }

    /// Deletes the objects at `paths`, a thousand a request.
    pub fn delete(&self, paths: &[String]) -> Result<(), Error> {
        for batch in paths.chunks(DELETE_BATCH) {
            let ids: Vec<ObjectIdentifier> =
                batch.iter().map(|p| ObjectIdentifier::new(self.key(p))).collect();
            let mut action = DeleteObjects::new(&self.bucket, Some(&self.credentials), ids.iter());
            action.set_quiet(true);
            let url = action.sign(SIGNED_FOR);
            let (body, md5) = action.body_with_md5();
            let answer = self
                .send(|| {
                    self.agent
                        .post(url.as_str())
                        .header("content-md5", &md5)
                        .header("content-type", "application/xml")
                        .send(body.as_bytes())
                })?
                .1;
            // A batch answers 200 and lists the keys it could not delete.
            let text = String::from_utf8_lossy(&answer);
            if let Some(code) = between(&text, "<Code>", "</Code>") {
                return Err(Error::Refused {
                    status: 200,
                    code: code.to_owned(),
                    message: between(&text, "<Message>", "</Message>")
                        .unwrap_or_default()
                        .to_owned(),
                });
            }
        }
        Ok(())
    }

    /// Sends a request, and again after a pause while it fails in a way
    /// that may pass (no answer, 5xx, 408, 429, `SlowDown`); the status and
    /// body of a success.
    fn send(
        &self,
        request: impl Fn() -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = match request() {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    let body = response
                        .body_mut()
                        .with_config()
                        .limit(1 << 30)
                        .read_to_vec()
                        .map_err(|e| Error::Unreachable(e.to_string()));
                    match body {
                        Ok(body) if (200..300).contains(&status) => return Ok((status, body)),
                        Ok(body) => Err(refused(status, &body)),
                        Err(e) => Err(e),
                    }
                }
                Err(e) => Err(Error::Unreachable(e.to_string())),
            };
            let error = match outcome {
                Ok(done) => return Ok(done),
                Err(e) => e,
            };
            let again = match &error {
                Error::Unreachable(_) | Error::Garbled(_) => true,
                Error::Local(_) => false,
                Error::Refused { status, code, .. } => {
                    *status >= 500
                        || *status == 429
                        || *status == 408
                        || code == "RequestTimeout"
                        || code == "SlowDown"
                }
            };
            if !again || attempt >= ATTEMPTS {
                return Err(error);
            }
            std::thread::sleep(Duration::from_millis(250 << attempt));
        }
    }
}

/// The error an S3 service's XML body states.
fn refused(status: u16, body: &[u8]) -> Error {
    let text = String::from_utf8_lossy(body);
    let code = between(&text, "<Code>", "</Code>").unwrap_or(match status {
        403 => "AccessDenied",
        404 => "NotFound",
        _ => "",
    });
    let message = between(&text, "<Message>", "</Message>").unwrap_or_default();
    Error::Refused {
        status,
        code: code.to_owned(),
        message: message.to_owned(),
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}
