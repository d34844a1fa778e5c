//! What a document may say about itself: the built-in front-matter fields
//! (their English keys and the Chinese names accepted for them, the one
//! place where the two map), the fields a site declares in site.yaml
//! (`fields:`), and the site's 主题分类 (`subjects:`).

use serde::Deserialize;

use crate::lang::Text;
use crate::msg;
use crate::site::vocabulary;

/// A built-in front-matter field: its English key and the Chinese names
/// accepted for it.
#[derive(Debug)]
pub struct FieldSpec {
    /// The English snake_case key.
    pub key: &'static str,
    /// Other names accepted for it, as government pages label them.
    pub aliases: &'static [&'static str],
    /// Whether a document must have it.
    pub required: bool,
}

/// Every built-in front-matter field.
pub const FIELDS: &[FieldSpec] = &[
    field("title", &["标题", "信息标题", "名称"], true),
    field("index_number", &["索引号"], true),
    field("issuer", &["发布机构", "发文机关"], true),
    field("category", &["信息分类", "分类"], true),
    field("date", &["成文日期", "发文日期", "日期"], true),
    field("published", &["发布日期"], false),
    field("effective", &["施行日期", "实施日期"], false),
    field("doc_number", &["文件编号", "文号", "发文字号"], false),
    field("disclosure", &["公开方式"], false),
    field("status", &["有效性"], false),
    field("summary", &["内容概述", "摘要"], false),
    field("keywords", &["主题词", "关键词"], false),
    field("subject", &["主题分类"], false),
    field("genre", &["文种", "体裁"], false),
    field("kind", &["文件类型"], false),
    field("registration", &["登记号", "统一编号"], false),
    field("draft", &["草稿"], false),
    field("slug", &[], false),
    field("interprets", &["解读对象"], false),
    field("interpretation_form", &["解读形式"], false),
    field("replaced_by", &["替代文件"], false),
    field("revises", &["修订对象", "修改对象"], false),
    field("valid_until", &["有效期至"], false),
    field("attachments", &["附件"], false),
    field("personal_data", &["个人信息"], false),
    field("repealed_on", &["废止日期"], false),
];

const fn field(key: &'static str, aliases: &'static [&'static str], required: bool) -> FieldSpec {
    FieldSpec {
        key,
        aliases,
        required,
    }
}

/// Top-level folders of the output: a declared facet's key cannot be one.
const RESERVED_DIRS: &[&str] = &[
    "docs",
    "category",
    "issuer",
    "year",
    "subject",
    "search",
    "abolished",
    "column",
    "assets",
    "files",
    "statistics",
    "library",
    "index",
    "sitemap",
    "robots",
    "catalogue",
    "data",
    "feed",
];

/// One 主题分类 of the first level, with its sub-classes.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Subject {
    /// URL code: `01` for the first class, unless site.yaml gives one.
    pub code: String,
    /// The class's name, e.g. `综合政务`.
    pub name: String,
    /// Its sub-classes.
    pub children: Vec<SubjectChild>,
}

/// A 主题分类 of the second level.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SubjectChild {
    /// URL code: its class's code, `-` and its position (`02-01`).
    pub code: String,
    /// The sub-class's name, e.g. `政务公开`.
    pub name: String,
}

/// `subjects:` as written: `preset`, or the site's own list.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum RawSubjects {
    /// `subjects: preset` (or 国务院): [`vocabulary::SUBJECT_PRESET`].
    Preset(String),
    /// The site's own classes.
    List(Vec<RawSubject>),
}

/// One class as written: a name, or a name with a code and sub-classes.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum RawSubject {
    /// A class without sub-classes.
    Name(String),
    /// A class with its code and sub-classes.
    Full {
        /// The name.
        name: String,
        /// The URL code.
        #[serde(default)]
        code: Option<String>,
        /// Sub-class names.
        #[serde(default)]
        children: Vec<String>,
    },
}

/// The site's 主题分类 from `subjects:`, problems through `problem`.
pub(crate) fn subjects(raw: RawSubjects, problem: &mut impl FnMut(&str, Text, Text, &str)) -> Vec<Subject> {
    let list: Vec<(String, Option<String>, Vec<String>)> = match raw {
        RawSubjects::Preset(word) if matches!(word.trim(), "preset" | "国务院" | "默认") => {
            vocabulary::SUBJECT_PRESET
                .iter()
                .map(|(name, children)| {
                    (
                        (*name).to_owned(),
                        None,
                        children.iter().map(|c| (*c).to_owned()).collect(),
                    )
                })
                .collect()
        }
        RawSubjects::Preset(word) => {
            problem(
                "subjects",
                msg!("config.subjects", value = word),
                msg!("config.subjects.hint"),
                "subjects",
            );
            return Vec::new();
        }
        RawSubjects::List(items) => items
            .into_iter()
            .map(|item| match item {
                RawSubject::Name(name) => (name, None, Vec::new()),
                RawSubject::Full { name, code, children } => (name, code, children),
            })
            .collect(),
    };
    let mut out: Vec<Subject> = Vec::with_capacity(list.len());
    for (i, (name, code, children)) in list.into_iter().enumerate() {
        let name = name.trim().to_owned();
        let code = code.unwrap_or_else(|| format!("{:02}", i + 1));
        if !crate::site::config::is_url_code(&code) {
            problem(
                "subjects",
                msg!("config.code_unsafe", code = code, name = name),
                msg!("config.code_unsafe.hint"),
                &name,
            );
        }
        if name.is_empty() || out.iter().any(|s| s.name == name || s.code == code) {
            problem(
                "subjects",
                msg!("config.name_twice", name = name),
                msg!("config.name_twice.hint"),
                &name,
            );
            continue;
        }
        let mut subject = Subject {
            code: code.clone(),
            name,
            children: Vec::with_capacity(children.len()),
        };
        for (j, child) in children.into_iter().enumerate() {
            let child = child.trim().to_owned();
            if child.is_empty() || subject.children.iter().any(|c| c.name == child) {
                problem(
                    "subjects",
                    msg!("config.name_twice", name = child),
                    msg!("config.name_twice.hint"),
                    &child,
                );
                continue;
            }
            subject.children.push(SubjectChild {
                code: format!("{code}-{:02}", j + 1),
                name: child,
            });
        }
        out.push(subject);
    }
    out
}

/// The type of a declared field's value.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum FieldType {
    /// One line of text.
    Text,
    /// A day, written as 发文日期 is.
    Date,
    /// A number.
    Number,
    /// One of the values listed.
    Choice(Vec<String>),
    /// A list of texts.
    List,
    /// Another document, by its 索引号.
    Link,
}

impl FieldType {
    /// The name site.yaml writes for the type.
    pub fn name(&self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Date => "date",
            FieldType::Number => "number",
            FieldType::Choice(_) => "enum",
            FieldType::List => "list",
            FieldType::Link => "link",
        }
    }
}

/// A front-matter field the site declares in site.yaml.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DeclaredField {
    /// The English key (ASCII), also the URL folder of its facet pages.
    pub key: String,
    /// The Chinese label: the metadata table's heading, also accepted as
    /// the front-matter key.
    pub label: String,
    /// Other names accepted as the front-matter key.
    pub aliases: Vec<String>,
    /// What its values are.
    pub kind: FieldType,
    /// Whether every document must have it.
    pub required: bool,
    /// Shown in the document's metadata table.
    pub in_table: bool,
    /// Shown on the document's card in lists.
    pub in_cards: bool,
    /// The metadata table's row it follows: one of [`TABLE_ANCHORS`].
    pub after: &'static str,
    /// Browsed like 信息分类: overview and list pages, a search filter.
    pub facet: bool,
}

impl DeclaredField {
    /// Whether the front-matter key `key` names this field.
    pub fn is_named(&self, key: &str) -> bool {
        self.key == key || self.label == key || self.aliases.iter().any(|a| a == key)
    }
}

/// The rows of the metadata table a declared field may follow (`after:`),
/// by their front-matter keys; the last is the default.
pub const TABLE_ANCHORS: [&str; 4] = ["title", "summary", "status", "keywords"];

/// `fields:` entries as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    key: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default = "default_type", rename = "type")]
    kind: String,
    #[serde(default)]
    values: Vec<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    show: Option<Vec<String>>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    facet: bool,
}

fn default_type() -> String {
    "text".to_owned()
}

/// The declared fields from `fields:`, problems through `problem`.
pub(crate) fn declared(
    raw: Vec<RawField>,
    problem: &mut impl FnMut(&str, Text, Text, &str),
) -> Vec<DeclaredField> {
    let mut out: Vec<DeclaredField> = Vec::with_capacity(raw.len());
    for r in raw {
        let key = r.key.trim().to_owned();
        let needle = format!("key: {key}");
        let valid_key = key.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid_key || RESERVED_DIRS.contains(&key.as_str()) {
            problem(
                "fields",
                msg!("config.field_key", key = key),
                msg!("config.field_key.hint"),
                &needle,
            );
            continue;
        }
        let label = r.label.map_or_else(|| key.clone(), |l| l.trim().to_owned());
        let names: Vec<&str> = std::iter::once(key.as_str())
            .chain(std::iter::once(label.as_str()))
            .chain(r.aliases.iter().map(String::as_str))
            .collect();
        if let Some(taken) = names.iter().find(|n| {
            FIELDS.iter().any(|f| f.key == **n || f.aliases.contains(n)) || out.iter().any(|d| d.is_named(n))
        }) {
            problem(
                "fields",
                msg!("config.field_taken", name = taken),
                msg!("config.field_taken.hint"),
                &needle,
            );
            continue;
        }
        let kind = match r.kind.trim() {
            "text" | "文本" => FieldType::Text,
            "date" | "日期" => FieldType::Date,
            "number" | "数字" | "数值" => FieldType::Number,
            "enum" | "choice" | "选项" | "枚举" => {
                if r.values.is_empty() {
                    problem(
                        "fields",
                        msg!("config.field_values", key = key),
                        msg!("config.field_values.hint"),
                        &needle,
                    );
                    continue;
                }
                FieldType::Choice(r.values.iter().map(|v| v.trim().to_owned()).collect())
            }
            "list" | "列表" => FieldType::List,
            "link" | "链接" | "关联文件" => FieldType::Link,
            other => {
                problem(
                    "fields",
                    msg!("config.field_type", key = key, kind = other),
                    msg!("config.field_type.hint"),
                    &needle,
                );
                continue;
            }
        };
        if r.facet && !matches!(kind, FieldType::Text | FieldType::Choice(_) | FieldType::List) {
            problem(
                "fields",
                msg!("config.field_facet", key = key, kind = kind.name()),
                msg!("config.field_facet.hint"),
                &needle,
            );
            continue;
        }
        let show = r.show.unwrap_or_else(|| vec!["table".to_owned()]);
        let mut in_table = false;
        let mut in_cards = false;
        for place in &show {
            match place.trim() {
                "table" | "信息表" => in_table = true,
                "cards" | "列表" => in_cards = true,
                "none" | "不显示" => {}
                other => problem(
                    "fields",
                    msg!("config.field_show", key = key, place = other),
                    msg!("config.field_show.hint"),
                    &needle,
                ),
            }
        }
        let after = match r.after.as_deref().map(str::trim) {
            None => TABLE_ANCHORS[TABLE_ANCHORS.len() - 1],
            Some(anchor) => {
                let found = TABLE_ANCHORS.iter().find(|a| {
                    **a == anchor || FIELDS.iter().any(|f| f.key == **a && f.aliases.contains(&anchor))
                });
                match found {
                    Some(a) => a,
                    None => {
                        problem(
                            "fields",
                            msg!("config.field_after", key = key, after = anchor),
                            msg!("config.field_after.hint"),
                            &needle,
                        );
                        continue;
                    }
                }
            }
        };
        out.push(DeclaredField {
            after,
            key,
            label,
            aliases: r.aliases.into_iter().map(|a| a.trim().to_owned()).collect(),
            kind,
            required: r.required,
            in_table,
            in_cards,
            facet: r.facet,
        });
    }
    out
}
