//! Every message gongkai prints, as (code, Chinese, English). `{name}` is a
//! value filled in when the message is printed; `{{` is a brace. The code is
//! what `--format json` reports: keep it when the words change.
//!
//! A test checks that both languages are written and name the same values,
//! that every code the sources use is here, and every entry is used.
//!
//! The table is split by what a message is about, one file each.

mod advice;
mod audit;
mod authoring;
mod deploy;
mod document;
mod help;
mod model;
mod portal;
mod report;
mod run;
mod site;

/// (code, 中文, English).
pub type Message = (&'static str, &'static str, &'static str);

/// Every part of the table.
static PARTS: [&[Message]; 11] = [
    help::MESSAGES,
    document::MESSAGES,
    site::MESSAGES,
    run::MESSAGES,
    advice::MESSAGES,
    audit::MESSAGES,
    authoring::MESSAGES,
    model::MESSAGES,
    report::MESSAGES,
    deploy::MESSAGES,
    portal::MESSAGES,
];

/// Every message, part after part.
pub fn all() -> impl Iterator<Item = &'static Message> {
    PARTS.iter().flat_map(|part| part.iter())
}
