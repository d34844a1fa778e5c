//! gongkai (公开): a static site generator for government
//! information-disclosure catalogues (政府信息公开目录).
//!
//! The folders follow the data flow of a build (`build` runs it):
//!
//! ```text
//! site.yaml ─► site ─┐
//! content/ ──────────┴─► content ─► catalogue ─┬─► render ─┐
//!                        (documents)  (the model) ├─► search ─┼─► output
//!                                              └─► export ─┘  (staging, commit)
//! ```
//!
//! - [`site`]: `site.yaml`, the theme and the 索引号 pattern;
//! - [`content`]: every file of `content/` read, validated and rendered into
//!   a document;
//! - [`catalogue`]: the read-only model (documents, facets, relations,
//!   statistics), loaded with its cache;
//! - `render`, [`search`], `export`: the pages, the browser's search
//!   index, the open-data files — each from `&Catalogue`, none calling
//!   another;
//! - [`output`]: the only writer: lock, staging folder, manifest, journal.
//!
//! Beside the pipeline: [`diagnostic`] (problems with their place),
//! `error` (why a run failed), `hash`, `memory` (what the caches of a
//! build may hold), [`progress`], [`serve`] (the
//! preview server) and [`authoring`] (commands that write into `content/`).

pub mod audit;
pub mod authoring;
pub(crate) mod build;
pub mod catalogue;
pub mod content;
pub mod deploy;
pub mod diagnostic;
pub(crate) mod error;
pub(crate) mod export;
pub(crate) mod hash;
pub mod lang;
pub(crate) mod memory;
pub mod output;
pub mod portal;
pub mod progress;
pub(crate) mod render;
pub mod report;
pub mod search;
pub mod serve;
pub mod site;

pub use build::{BuildOptions, Report, build, bulk, check};
pub use diagnostic::Diagnostic;
pub use error::BuildError;
pub use output::CommitStats;
pub use search::IndexStats;
