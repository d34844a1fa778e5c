//! The site.yaml sections that commands beyond the build read: the
//! office's registers (`gongkai report`) and the deploy targets
//! (`gongkai deploy`). Validated with the rest of site.yaml (`config`),
//! which holds them as `SiteConfig::registers` and `SiteConfig::deploy`.

use std::path::PathBuf;

use serde::Deserialize;

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

/// One place `gongkai deploy` publishes to.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DeployTarget {
    /// The name `--target` picks it by.
    pub name: String,
    /// A folder on this machine or a mounted share (the web server's root
    /// for the site), absolute or relative to the site root.
    pub folder: PathBuf,
    /// Also write a gzip copy (`<file>.gz`) beside each text file, for
    /// nginx's `gzip_static`.
    #[serde(default)]
    pub precompress: bool,
}
