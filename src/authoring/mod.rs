//! Commands that write into a site's `content/` rather than its output:
//! [`scaffold`] (a new site), [`new_doc`] (a new document with the next
//! 索引号) and [`import`] (documents from a legacy site's pages or a
//! register), and [`encoding`] (GBK files converted to UTF-8).

pub mod encoding;
pub mod import;
pub mod new_doc;
pub mod scaffold;
