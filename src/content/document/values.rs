//! The values a document's fields take beyond text and dates: 公开方式,
//! 有效性, 主题分类, declared fields' values, references to other
//! documents, and the personal data a document may publish.

use chrono::NaiveDate;

/// 公开方式: how a document is disclosed. Only [`Disclosure::Active`]
/// documents are published (《政府信息公开条例》 art. 19–20 主动公开).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Disclosure {
    /// 主动公开: published proactively.
    Active,
    /// 依申请公开: disclosed only on request; never published here.
    OnRequest,
    /// 不予公开: not disclosed; never published here.
    Withheld,
}

impl Disclosure {
    pub(super) const NAMES: [(Disclosure, &'static str, &'static str); 3] = [
        (Disclosure::Active, "主动公开", "active"),
        (Disclosure::OnRequest, "依申请公开", "on_request"),
        (Disclosure::Withheld, "不予公开", "withheld"),
    ];

    /// The Chinese label shown on pages.
    pub fn label(self) -> &'static str {
        Self::NAMES.iter().find(|n| n.0 == self).map_or("", |n| n.1)
    }
}

/// 有效性: whether a document is still in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Validity {
    /// 有效.
    Valid,
    /// 尚未生效: its 施行日期 is after the build date; the first build on
    /// or after that day shows it 有效.
    Pending,
    /// 已修改: amended by a later document.
    Amended,
    /// 部分失效: some of its provisions no longer apply.
    PartlyInvalid,
    /// 已废止: repealed.
    Repealed,
    /// 已失效: expired.
    Expired,
}

impl Validity {
    /// Every value, in the order of the status column and the manifest.
    pub const ALL: [Validity; 6] = [
        Validity::Valid,
        Validity::Pending,
        Validity::Amended,
        Validity::PartlyInvalid,
        Validity::Repealed,
        Validity::Expired,
    ];

    pub(super) const NAMES: [(Validity, &'static str, &'static str); 6] = [
        (Validity::Valid, "有效", "valid"),
        (Validity::Pending, "尚未生效", "pending"),
        (Validity::Amended, "已修改", "amended"),
        (Validity::PartlyInvalid, "部分失效", "partly"),
        (Validity::Repealed, "已废止", "repealed"),
        (Validity::Expired, "已失效", "expired"),
    ];

    /// Whether the document no longer applies at all (已废止, 已失效): it
    /// leaves the lists of documents in force and ranks lower in search.
    pub fn is_abolished(self) -> bool {
        matches!(self, Validity::Repealed | Validity::Expired)
    }

    /// The Chinese label shown on pages.
    pub fn label(self) -> &'static str {
        Self::NAMES.iter().find(|n| n.0 == self).map_or("", |n| n.1)
    }

    /// A short ASCII name for CSS classes and data files.
    pub fn code(self) -> &'static str {
        Self::NAMES.iter().find(|n| n.0 == self).map_or("", |n| n.2)
    }
}

/// A document's 主题分类: a class and, when given, its sub-class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SubjectRef {
    /// Position in the site's subjects.
    pub top: u16,
    /// Position among that class's sub-classes.
    pub sub: Option<u16>,
}

/// The value of a declared field.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FieldValue {
    /// A text.
    Text(String),
    /// A day.
    Date(NaiveDate),
    /// A number, as written.
    Number(String),
    /// One of the field's values, by position.
    Choice(u16),
    /// Several texts.
    List(Vec<String>),
    /// Another document.
    Link(Reference),
}

/// 解读形式: how a policy is interpreted (the work plans ask for more than
/// text: 图解, 音视频, 新闻发布会 …).
pub const INTERPRETATION_FORMS: &[&str] = &[
    "文字",
    "图解",
    "音视频",
    "新闻发布会",
    "专家解读",
    "媒体解读",
    "动漫",
    "其他",
];

/// A reference to another document by its 索引号, with the line it is on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reference {
    /// The 索引号 as written.
    pub index_number: String,
    /// The line of the field.
    pub line: u32,
}

/// A finding the personal-data scan should report as a notice, not an error.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Allowance {
    /// The value as written (an ID-card or mobile number).
    pub value: String,
    /// Why it may be published (e.g. 单位办公电话).
    pub reason: String,
}
