//! The site's own settings: `site.yaml` ([`config`]), the theme
//! (`theme`: the embedded default with the site's overrides) and the
//! 索引号 pattern ([`index_number`]). Read once per run, before any content.

/// The folder of documents and column pages, in the site folder.
pub const CONTENT_DIR: &str = "content";
/// The folder of themes overriding the default one.
pub(crate) const THEMES_DIR: &str = "themes";
/// gongkai's own state in the site folder: the lock, the parse cache and
/// the output manifests.
pub const STATE_DIR: &str = ".gongkai";

pub mod calendar;
pub mod commands;
pub mod config;
pub mod fields;
pub mod identity;
pub mod index_number;
pub mod sources;
pub(crate) mod theme;
pub mod vocabulary;
