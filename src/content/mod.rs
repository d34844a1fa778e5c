//! Content: each file under `content/` read, split, validated and rendered
//! into a [`document::Document`] (or a column `page::Page`), with every
//! problem a [`crate::diagnostic::Diagnostic`]. Nothing here knows of the
//! other documents except through the link `links::Registry`.
//!
//! [`source`] walks the folder, `frontmatter` splits and parses the YAML
//! block, [`document`] validates it, [`markdown`] renders the body, `links`
//! and [`attachment`] resolve what the body and front-matter point at,
//! [`privacy`] scans what will be published, `body` renders bodies again
//! for their pages, `url` holds the output's URL rules.

pub mod annual;
pub mod attachment;
pub(crate) mod body;
pub mod date;
pub mod document;
pub(crate) mod frontmatter;
pub mod han;
pub(crate) mod links;
pub mod markdown;
pub(crate) mod page;
pub mod privacy;
pub mod source;
pub(crate) mod url;
