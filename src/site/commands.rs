//! The site.yaml sections that commands beyond the build read: the
//! office's registers (`gongkai report`) and the deploy targets
//! (`gongkai deploy`). Validated with the rest of site.yaml (`config`),
//! which holds them as `SiteConfig::registers` and `SiteConfig::deploy`.

use std::path::PathBuf;

use serde::Deserialize;

use crate::lang::Text;
use crate::msg;

/// The `registers:` section of site.yaml: the office's own records that
/// `gongkai report` reads for the annual report. They hold personal data:
/// they are read, never published, and belong outside `content/`. Paths
/// are relative to the site root; `{year}` in a path stands for the
/// report's year (a register per year).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RegistersConfig {
    /// 依申请公开登记: CSV or a spreadsheet, one row per application.
    #[serde(default = "default_applications", alias = "依申请公开")]
    pub applications: String,
    /// 行政复议、行政诉讼登记: one row per case.
    #[serde(default = "default_reviews", alias = "复议诉讼")]
    pub reviews: String,
    /// 年报数据: 行政许可, 行政处罚, 行政强制, 行政事业性收费 per year.
    #[serde(default = "default_figures", alias = "年报数据")]
    pub figures: String,
}

impl Default for RegistersConfig {
    fn default() -> Self {
        RegistersConfig {
            applications: default_applications(),
            reviews: default_reviews(),
            figures: default_figures(),
        }
    }
}

fn default_applications() -> String {
    "registers/applications.csv".to_owned()
}

fn default_reviews() -> String {
    "registers/reviews.csv".to_owned()
}

fn default_figures() -> String {
    "registers/figures.yaml".to_owned()
}

/// The `deploy:` section of site.yaml: where `gongkai deploy` publishes
/// the output, and how much it may delete at once.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DeployConfig {
    /// The targets, the first being the default.
    #[serde(default)]
    pub targets: Vec<DeployTarget>,
    /// The largest share of a target's files (in per cent) a deploy may
    /// delete without `--force` (default 10).
    #[serde(default)]
    pub max_delete_percent: Option<u8>,
}

/// One place `gongkai deploy` publishes to: a folder or a bucket (exactly
/// one of them; `config` checks it).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DeployTarget {
    /// The name `--target` picks it by.
    pub name: String,
    /// A folder on this machine or a mounted share (the web server's root
    /// for the site), absolute or relative to the site root.
    #[serde(default)]
    pub folder: Option<PathBuf>,
    /// A bucket of S3-compatible object storage.
    #[serde(default)]
    pub s3: Option<BucketConfig>,
    /// Also write a gzip copy (`<file>.gz`) beside each text file, for
    /// nginx's `gzip_static` (folders only).
    #[serde(default)]
    pub precompress: bool,
}

impl DeployTarget {
    /// Where the target is, as the messages name it: the folder, or
    /// `s3://bucket/prefix`.
    pub fn place(&self) -> PathBuf {
        match (&self.folder, &self.s3) {
            (Some(folder), _) => folder.clone(),
            (None, Some(s3)) => PathBuf::from(format!("s3://{}/{}", s3.bucket, s3.prefix())),
            (None, None) => PathBuf::from(&self.name),
        }
    }
}

/// A bucket of S3-compatible object storage (阿里云 OSS, 腾讯云 COS, 华为云
/// OBS, MinIO, AWS S3). The keys come from the environment
/// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`) or
/// the credentials file (`~/.aws/credentials`), never from site.yaml.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct BucketConfig {
    /// The service's address, e.g. `https://oss-cn-hangzhou.aliyuncs.com`.
    pub endpoint: String,
    /// The bucket's name.
    pub bucket: String,
    /// The region the keys are signed for (default `us-east-1`, which
    /// MinIO expects; OSS and COS name theirs, e.g. `oss-cn-hangzhou`).
    #[serde(default = "default_region")]
    pub region: String,
    /// A folder in the bucket for the site (default: the bucket's root).
    #[serde(default)]
    pub prefix: String,
    /// Address the bucket as `endpoint/bucket` (MinIO, servers without
    /// their own domain) instead of `bucket.endpoint` (OSS, COS, OBS).
    #[serde(default)]
    pub path_style: bool,
    /// The credentials file's profile (default `AWS_PROFILE`, else
    /// `default`).
    #[serde(default)]
    pub profile: Option<String>,
    /// Uploads at once (default 8).
    #[serde(default)]
    pub parallel: Option<usize>,
}

impl BucketConfig {
    /// The prefix as keys start with it: empty, or ending in `/`.
    pub fn prefix(&self) -> String {
        let prefix = self.prefix.trim_matches('/');
        if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        }
    }
}

fn default_region() -> String {
    "us-east-1".to_owned()
}

/// The deploy targets' problems: a target must be a folder or a bucket,
/// names must differ, a bucket needs an `http(s)://` endpoint and a name.
pub(crate) fn check_deploy(deploy: &DeployConfig, problem: &mut impl FnMut(&str, Text, Text, &str)) {
    let mut names = std::collections::BTreeSet::new();
    for target in &deploy.targets {
        if !names.insert(target.name.as_str()) {
            problem(
                "deploy.targets",
                msg!("config.deploy_name", name = target.name),
                msg!("config.deploy_name.hint"),
                &target.name,
            );
        }
        match (&target.folder, &target.s3) {
            (Some(_), None) => {}
            (None, Some(s3)) => {
                let endpoint = s3.endpoint.trim();
                let host = endpoint
                    .strip_prefix("https://")
                    .or_else(|| endpoint.strip_prefix("http://"))
                    .unwrap_or_default();
                if host.is_empty() || host.contains(['?', '#', ' ']) {
                    problem(
                        "deploy.targets.s3.endpoint",
                        msg!("config.deploy_endpoint", value = s3.endpoint),
                        msg!("config.deploy_endpoint.hint"),
                        "endpoint",
                    );
                }
                if s3.bucket.trim().is_empty() || s3.bucket.contains(['/', ' ']) {
                    problem(
                        "deploy.targets.s3.bucket",
                        msg!("config.deploy_bucket", value = s3.bucket),
                        msg!("config.deploy_bucket.hint"),
                        "bucket",
                    );
                }
                if target.precompress {
                    problem(
                        "deploy.targets.precompress",
                        msg!("config.deploy_precompress", name = target.name),
                        msg!("config.deploy_precompress.hint"),
                        "precompress",
                    );
                }
                if s3.parallel == Some(0) {
                    problem(
                        "deploy.targets.s3.parallel",
                        msg!("config.deploy_parallel"),
                        msg!("config.deploy_parallel.hint"),
                        "parallel",
                    );
                }
            }
            _ => problem(
                "deploy.targets",
                msg!("config.deploy_kind", name = target.name),
                msg!("config.deploy_kind.hint"),
                &target.name,
            ),
        }
    }
}
