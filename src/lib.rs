//! gongkai (公开): a static site generator for government
//! information-disclosure catalogues (政府信息公开目录).
//!
//! The modules follow the data flow: [`config`] and [`source`] read the
//! site, [`frontmatter`], [`document`] and [`markdown`] turn each file into a
//! validated [`document::Document`], [`catalogue`] assembles the model,
//! [`render`] draws the pages with the [`theme`], [`search`] writes the
//! browser's search index, and [`output`] writes them
//! atomically. [`build`] runs the pipeline; [`scaffold`] creates new sites.

pub mod attachment;
pub mod body;
pub mod build;
pub mod cache;
pub mod catalogue;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod export;
pub mod frontmatter;
pub mod i18n;
pub mod import;
pub mod index_number;
pub mod links;
pub mod load;
pub mod markdown;
pub mod new_doc;
pub mod output;
pub mod page;
pub mod panics;
pub mod privacy;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod source;
pub mod stats;
pub mod theme;

pub use build::{BuildError, BuildOptions, Report, build, check};
pub use diagnostic::Diagnostic;
