//! What a page is rendered from, typed: each document's card (hashed once,
//! made into a template value only for pages that are rendered), the
//! contexts of document and list pages, and the cards a page shows.

use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::Stamp;

/// The summary of a document shown in lists.
#[derive(Serialize)]
pub(super) struct Card<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) date: String,
    pub(super) index_number: &'a str,
    pub(super) doc_number: Option<&'a str>,
    pub(super) issuer: std::borrow::Cow<'a, str>,
    pub(super) category: &'a str,
    pub(super) status: &'static str,
    pub(super) status_code: &'static str,
    /// The declared fields shown on cards, each as `label：value`.
    pub(super) more: Vec<String>,
}

/// Every document's card: a hash of it for fingerprints, and its value,
/// made the first time a page showing it is rendered (a rebuild that keeps
/// every page never makes one).
pub(super) struct CardTable<'a> {
    pub(super) cards: Vec<Card<'a>>,
    pub(super) hashes: Vec<Stamp>,
    pub(super) values: Vec<std::sync::OnceLock<Value>>,
}

impl CardTable<'_> {
    pub(super) fn value(&self, i: usize) -> Value {
        self.values[i]
            .get_or_init(|| Value::from(Serde(&self.cards[i])))
            .clone()
    }
}

/// A page's own context: a value, or for the many document and list pages
/// a typed one, which hashes much faster than a value serialises and
/// becomes a value only when the page is rendered.
pub(super) enum Ctx<'a> {
    Value(Value),
    Document(Box<DocumentCtx<'a>>),
    List(ListCtx<'a>),
}

impl Ctx<'_> {
    /// Appends the context's bytes to a page's fingerprint input: a tag,
    /// the length, then the context serialised (this cannot fail: it is
    /// built from plain values).
    pub(super) fn hash(&self, input: &mut Vec<u8>) {
        let tag: &[u8] = match self {
            Ctx::Value(_) => b"value",
            Ctx::Document(_) => b"document",
            Ctx::List(_) => b"list",
        };
        input.extend_from_slice(tag);
        crate::hash::append_sized(input, |bytes| match self {
            Ctx::Value(value) => drop(serde_json::to_writer(bytes, value)),
            Ctx::Document(ctx) => drop(postcard::to_io(ctx, bytes)),
            Ctx::List(ctx) => drop(postcard::to_io(ctx, bytes)),
        });
    }

    pub(super) fn into_value(self) -> Value {
        match self {
            Ctx::Value(value) => value,
            Ctx::Document(ctx) => Value::from(Serde(ctx)),
            Ctx::List(ctx) => Value::from(Serde(ctx)),
        }
    }
}

/// A document page's own context (its cards apart).
#[derive(Serialize)]
pub(super) struct DocumentCtx<'a> {
    pub(super) disclosure: &'static str,
    pub(super) summary: &'a str,
    pub(super) keywords: &'a [String],
    pub(super) issuer_url: Option<String>,
    pub(super) category_url: String,
    pub(super) year_url: String,
    pub(super) valid_until: Option<String>,
    /// 成文日期.
    pub(super) written: String,
    /// 施行日期, when given.
    pub(super) effective: Option<String>,
    /// Every issuer with its list page, the lead one first (several for a
    /// joint document).
    pub(super) issuers: Vec<Link<'a>>,
    /// Rows of the metadata table beyond the standard ones, by the row
    /// they follow: 主题分类, 文种, 文件类型, 登记号, 解读形式 after 主题词,
    /// the declared fields where site.yaml puts them.
    pub(super) rows: MetaRows<'a>,
    /// The 题注 of a version of a revision chain (or of a document with a
    /// 文号 or 施行日期): 公布, each 修订, 施行.
    pub(super) caption: Option<String>,
    /// For each of `versions` (oldest first): whether it is this page, and
    /// whether it is the newest version in force (现行有效).
    pub(super) version_marks: Vec<(bool, bool)>,
    pub(super) attachments: Vec<AttachmentCtx<'a>>,
    /// The document as schema.org JSON-LD ([`super::tags::json_ld`]).
    pub(super) json_ld: super::tags::JsonLd<'a>,
    /// A portal's copy of a member's document shown as a link: the
    /// member's page, which is also the canonical address.
    pub(super) original: Option<&'a str>,
    /// The canonical address when it is not the page's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) canonical: Option<&'a str>,
}

/// A name and the page it links to.
#[derive(Serialize)]
pub(super) struct Link<'a> {
    pub(super) name: &'a str,
    pub(super) url: Option<String>,
}

/// The extra rows of a document's metadata table, by the standard row
/// each group follows.
#[derive(Serialize, Default)]
pub(super) struct MetaRows<'a> {
    pub(super) title: Vec<MetaRow<'a>>,
    pub(super) summary: Vec<MetaRow<'a>>,
    pub(super) status: Vec<MetaRow<'a>>,
    pub(super) keywords: Vec<MetaRow<'a>>,
}

impl<'a> MetaRows<'a> {
    /// Adds `row` after the standard row `after`.
    pub(super) fn push(&mut self, after: &str, row: MetaRow<'a>) {
        match after {
            "title" => self.title.push(row),
            "summary" => self.summary.push(row),
            "status" => self.status.push(row),
            _ => self.keywords.push(row),
        }
    }
}

/// One row of a document's metadata table.
#[derive(Serialize)]
pub(super) struct MetaRow<'a> {
    pub(super) label: &'a str,
    /// The values (several for a list), each with the page it links to.
    pub(super) values: Vec<Shown<'a>>,
}

/// A value shown in the metadata table, and the page it links to.
#[derive(Serialize)]
pub(super) struct Shown<'a> {
    pub(super) text: std::borrow::Cow<'a, str>,
    pub(super) url: Option<String>,
}

#[derive(Serialize)]
pub(super) struct AttachmentCtx<'a> {
    pub(super) title: &'a str,
    pub(super) href: &'a str,
    pub(super) kind: &'a str,
    pub(super) size: String,
}

/// A facet list page's own context (its cards apart).
#[derive(Serialize)]
pub(super) struct ListCtx<'a> {
    pub(super) kind: &'a str,
    pub(super) kind_title: &'a str,
    pub(super) facet_name: String,
    pub(super) abolished: Option<AbolishedLink>,
    pub(super) count: usize,
    pub(super) first: usize,
    pub(super) pager: Pager,
}

#[derive(Serialize)]
pub(super) struct AbolishedLink {
    pub(super) url: String,
    pub(super) count: usize,
}

#[derive(Serialize)]
pub(super) struct Pager {
    pub(super) current: usize,
    pub(super) total: usize,
    pub(super) prev: Option<String>,
    pub(super) next: Option<String>,
    pub(super) pages: Vec<(usize, String)>,
}

/// The cards of one context variable: a card or none, or a list of cards.
pub(super) enum Cards {
    One(Option<usize>),
    Many(Vec<usize>),
}

impl Cards {
    pub(super) fn value(&self, cards: &CardTable<'_>) -> Value {
        match self {
            Cards::One(card) => Value::from(card.map(|i| cards.value(i))),
            Cards::Many(list) => list.iter().map(|&i| cards.value(i)).collect(),
        }
    }

    /// Appends the cards' hashes to a page's fingerprint input.
    pub(super) fn hash(&self, input: &mut Vec<u8>, hashes: &[Stamp]) {
        match self {
            Cards::One(None) => input.extend_from_slice(b"none"),
            Cards::One(Some(i)) => {
                input.extend_from_slice(b"one");
                input.extend_from_slice(&hashes[*i]);
            }
            Cards::Many(list) => {
                input.extend_from_slice(b"many");
                input.extend_from_slice(&(list.len() as u64).to_le_bytes());
                for &i in list {
                    input.extend_from_slice(&hashes[i]);
                }
            }
        }
    }
}
