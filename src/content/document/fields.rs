//! The front-matter values of one document by English key (Chinese aliases
//! resolved, unknown keys reported), read as the types fields take: text,
//! choices, flags, references, attachments, allowances, keywords.

use super::*;

/// An attachment's file, by its English and Chinese sub-keys.
const ATTACHMENT_PATH: [&str; 3] = ["path", "路径", "文件"];
/// An attachment's title, likewise.
const ATTACHMENT_TITLE: [&str; 3] = ["title", "标题", "名称"];

/// Names webmasters write for a field under another name than gongkai's
/// (from legacy catalogues and CMS exports): not accepted as keys, but
/// suggested by "did you mean".
const SYNONYMS: &[(&str, &str)] = &[
    ("发文单位", "发布机构"),
    ("发布单位", "发布机构"),
    ("发文机构", "发布机构"),
    ("来源", "发布机构"),
    ("信息来源", "发布机构"),
    ("印发日期", "发文日期"),
    ("生成日期", "发文日期"),
    ("发文号", "文件编号"),
    ("文件字号", "文件编号"),
    ("类别", "信息分类"),
    ("效力状态", "有效性"),
    ("时效性", "有效性"),
    ("是否有效", "有效性"),
    ("公开形式", "公开方式"),
    ("公开属性", "公开方式"),
    ("概述", "内容概述"),
    ("简介", "内容概述"),
    ("关键字", "主题词"),
    ("标签", "主题词"),
];

/// The front-matter values by English key, with the line each was written on.
pub(super) struct Fields<'a> {
    path: &'a Path,
    /// Values as written on their lines (see `RawMeta::written`).
    written: &'a HashMap<String, String>,
    /// The key each field was written under (English or an alias).
    keys: HashMap<&'static str, &'a str>,
    start_line: u32,
    values: HashMap<&'static str, (&'a Value, u32)>,
    /// Values of the site's declared fields by position: the value, its
    /// line and the key it was written under.
    declared: Vec<Option<(&'a Value, u32, &'a str)>>,
}

impl<'a> Fields<'a> {
    pub(super) fn collect(
        path: &'a Path,
        meta: &'a RawMeta,
        config: &SiteConfig,
        problems: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut values: HashMap<&'static str, (&'a Value, u32)> = HashMap::new();
        let mut declared: Vec<Option<(&'a Value, u32, &'a str)>> = vec![None; config.fields.len()];
        let mut written: HashMap<&'static str, &str> = HashMap::new();
        let mut keys: HashMap<&'static str, &'a str> = HashMap::new();
        // Fields an unknown key was probably meant as: not also "missing".
        let mut meant: Vec<&str> = Vec::new();
        for (key, value) in &meta.fields {
            let (line, key_span) = meta
                .key_lines
                .get(key)
                .map_or((meta.start_line, None), |(line, span)| (*line, Some(*span)));
            if let Some(i) = config.fields.iter().position(|f| f.is_named(key)) {
                if let Some((_, _, first)) = declared[i] {
                    problems.push(
                        Diagnostic::error(
                            path,
                            msg!(
                                "field.twice",
                                key = config.fields[i].key,
                                first = first,
                                second = key
                            ),
                        )
                        .at(line)
                        .span(key_span)
                        .field(config.fields[i].key.clone())
                        .written(key.clone())
                        .hint(msg!("field.twice.hint")),
                    );
                } else {
                    declared[i] = Some((value, line, key.as_str()));
                }
                continue;
            }
            let Some(spec) = FIELDS
                .iter()
                .find(|f| f.key == key || f.aliases.contains(&key.as_str()))
            else {
                let names = FIELDS
                    .iter()
                    .flat_map(|f| std::iter::once(f.key).chain(f.aliases.iter().copied()))
                    .chain(
                        config
                            .fields
                            .iter()
                            .flat_map(|f| [f.key.as_str(), f.label.as_str()]),
                    );
                let synonym = SYNONYMS
                    .iter()
                    .find(|(other, _)| other == key)
                    .map(|(_, ours)| *ours);
                let hint = match synonym.or_else(|| did_you_mean(key, names)) {
                    Some(close) => {
                        meant.push(close);
                        msg!("hint.did_you_mean", name = close)
                    }
                    None => msg!(
                        "field.unknown.hint",
                        names = FIELDS
                            .iter()
                            .map(|f| f
                                .aliases
                                .first()
                                .map_or(f.key.to_owned(), |a| format!("{a}（{}）", f.key)))
                            .collect::<Vec<_>>()
                            .join("、")
                    ),
                };
                problems.push(
                    Diagnostic::error(path, msg!("field.unknown", key = key))
                        .at(line)
                        .span(key_span)
                        .field(key.clone())
                        .hint(hint),
                );
                continue;
            };
            if let Some(first) = written.get(spec.key) {
                problems.push(
                    Diagnostic::error(
                        path,
                        msg!("field.twice", key = spec.key, first = first, second = key),
                    )
                    .at(line)
                    .span(key_span)
                    .field(spec.key)
                    .written(key.clone())
                    .hint(msg!("field.twice.hint")),
                );
                continue;
            }
            written.insert(spec.key, key);
            keys.insert(spec.key, key.as_str());
            values.insert(spec.key, (value, line));
        }
        for spec in FIELDS.iter().filter(|f| {
            f.required
                && !values.contains_key(f.key)
                && !meant.iter().any(|m| *m == f.key || f.aliases.contains(m))
        }) {
            let alias = spec.aliases.first().copied().unwrap_or(spec.key);
            problems.push(
                Diagnostic::error(path, msg!("field.missing", key = spec.key, alias = alias))
                    .at(meta.start_line)
                    .field(spec.key)
                    .hint(msg!("field.missing.hint", key = spec.key, alias = alias)),
            );
        }
        for (field, _) in config
            .fields
            .iter()
            .zip(&declared)
            .filter(|(f, v)| f.required && v.is_none())
        {
            problems.push(
                Diagnostic::error(path, msg!("field.missing", key = field.key, alias = field.label))
                    .at(meta.start_line)
                    .field(field.key.clone())
                    .hint(msg!("field.missing.hint", key = field.key, alias = field.label)),
            );
        }
        Fields {
            path,
            written: &meta.written,
            keys,
            start_line: meta.start_line,
            values,
            declared,
        }
    }

    /// Whether the file gives field `key` (even with a wrong value).
    pub(super) fn has(&self, key: &str) -> bool {
        self.values.contains_key(key)
    }

    /// 发布机构: one name, or a list of them for a joint document (联合发文),
    /// the lead issuer first. The first is required.
    pub(super) fn issuers(&self, problems: &mut Vec<Diagnostic>) -> (Option<String>, Vec<String>) {
        match self.values.get("issuer") {
            Some((Value::Sequence(items), _)) => {
                let mut names: Vec<String> = Vec::with_capacity(items.len());
                for item in items {
                    match scalar_text(item) {
                        Ok(name) if !name.is_empty() => {
                            if !names.contains(&name) {
                                names.push(name);
                            }
                        }
                        Ok(_) => {}
                        Err(kind) => problems.push(
                            self.problem(
                                "issuer",
                                Text::new("field.not_text")
                                    .arg("field", &self.name("issuer"))
                                    .nested("kind", &kind),
                                msg!("issuer.list.hint", field = self.name("issuer")),
                            ),
                        ),
                    }
                }
                if names.is_empty() {
                    problems.push(self.problem(
                        "issuer",
                        msg!("field.empty", field = self.name("issuer")),
                        msg!("issuer.list.hint", field = self.name("issuer")),
                    ));
                    return (None, Vec::new());
                }
                let lead = names.remove(0);
                (Some(lead), names)
            }
            _ => (self.text("issuer", problems), Vec::new()),
        }
    }

    /// The values of the site's declared fields, each checked against its
    /// type.
    pub(super) fn declared(
        &self,
        config: &SiteConfig,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<(u16, FieldValue)> {
        use crate::site::config::FieldType;
        let mut out = Vec::new();
        for (i, (field, found)) in config.fields.iter().zip(&self.declared).enumerate() {
            let Some((value, line, written)) = *found else {
                continue;
            };
            let problem = |message: Text, hint: Text| {
                Diagnostic::error(self.path, message)
                    .at(line)
                    .field(field.key.clone())
                    .written(written)
                    .hint(hint)
            };
            let text = || match value {
                // A number in a text field is kept as written.
                Value::Number(n) => Ok(self
                    .written
                    .get(written)
                    .map_or_else(|| n.to_string(), |w| w.trim_matches(['"', '\'']).to_owned())),
                other => scalar_text(other),
            };
            let not_text = |kind: Text| {
                problem(
                    Text::new("field.not_text")
                        .arg("field", &written)
                        .nested("kind", &kind),
                    msg!("field.not_text.hint", field = written),
                )
            };
            let parsed = match &field.kind {
                FieldType::Text => match text() {
                    Ok(t) if t.is_empty() => None,
                    Ok(t) => Some(FieldValue::Text(t)),
                    Err(kind) => {
                        problems.push(not_text(kind));
                        None
                    }
                },
                FieldType::Date => match text() {
                    Ok(t) if t.is_empty() => None,
                    Ok(t) => match crate::content::date::parse(&t) {
                        Ok(day) => Some(FieldValue::Date(day)),
                        Err(e) => {
                            problems.push(problem(
                                Text::new("date.invalid")
                                    .arg("field", &written)
                                    .nested("reason", &e.text()),
                                msg!("hint.example", example = format!("{written}: 2025-06-30")),
                            ));
                            None
                        }
                    },
                    Err(kind) => {
                        problems.push(not_text(kind));
                        None
                    }
                },
                FieldType::Number => match text() {
                    Ok(t) if t.is_empty() => None,
                    Ok(t) if t.parse::<f64>().is_ok_and(f64::is_finite) => Some(FieldValue::Number(t)),
                    Ok(t) => {
                        problems.push(problem(
                            msg!("field.not_number", field = written, value = t),
                            msg!("hint.example", example = format!("{written}: 12.5")),
                        ));
                        None
                    }
                    Err(kind) => {
                        problems.push(not_text(kind));
                        None
                    }
                },
                FieldType::Choice(values) => match text() {
                    Ok(t) if t.is_empty() => None,
                    Ok(t) => match values.iter().position(|v| *v == t) {
                        Some(at) => Some(FieldValue::Choice(u16::try_from(at).unwrap_or(u16::MAX))),
                        None => {
                            let hint = match did_you_mean(&t, values.iter().map(String::as_str)) {
                                Some(close) => msg!("hint.did_you_mean", name = close),
                                None => msg!("hint.use_one_of", names = values.join("、")),
                            };
                            problems.push(problem(msg!("field.choice", value = t, field = written), hint));
                            None
                        }
                    },
                    Err(kind) => {
                        problems.push(not_text(kind));
                        None
                    }
                },
                FieldType::List => {
                    let items: Result<Vec<String>, Text> = match value {
                        Value::Sequence(items) => items.iter().map(scalar_text).collect(),
                        other => scalar_text(other).map(|t| {
                            t.split([',', '，', '、', ';', '；'])
                                .map(|w| w.trim().to_owned())
                                .collect()
                        }),
                    };
                    match items {
                        Ok(items) => {
                            let mut list: Vec<String> = Vec::with_capacity(items.len());
                            for item in items.into_iter().filter(|w| !w.is_empty()) {
                                if !list.contains(&item) {
                                    list.push(item);
                                }
                            }
                            (!list.is_empty()).then_some(FieldValue::List(list))
                        }
                        Err(kind) => {
                            problems.push(not_text(kind));
                            None
                        }
                    }
                }
                FieldType::Link => match text() {
                    Ok(t) if t.is_empty() => None,
                    Ok(t) => Some(FieldValue::Link(Reference {
                        index_number: t,
                        line,
                    })),
                    Err(kind) => {
                        problems.push(not_text(kind));
                        None
                    }
                },
            };
            if let Some(v) = parsed {
                out.push((u16::try_from(i).unwrap_or(u16::MAX), v));
            } else if field.required
                && problems
                    .last()
                    .is_none_or(|d| d.field.as_deref() != Some(&field.key))
            {
                problems.push(problem(
                    msg!("field.empty", field = written),
                    msg!("field.value.hint", field = written),
                ));
            }
        }
        out
    }

    /// The fields written under another name than their English key, as
    /// (key, name), sorted.
    pub(super) fn renamed(&self, config: &SiteConfig) -> Vec<(String, String)> {
        let declared = config
            .fields
            .iter()
            .zip(&self.declared)
            .filter_map(|(f, v)| v.map(|(_, _, written)| (f.key.as_str(), written)));
        let mut renamed: Vec<(String, String)> = self
            .keys
            .iter()
            .map(|(key, written)| (*key, *written))
            .chain(declared)
            .filter(|(key, written)| key != written)
            .map(|(key, written)| (key.to_owned(), written.to_owned()))
            .collect();
        renamed.sort();
        renamed
    }

    pub(super) fn line(&self, key: &str) -> u32 {
        self.values.get(key).map_or(self.start_line, |v| v.1)
    }

    /// The name a field is written under in this file: `标题` where the
    /// file writes `标题:`, the English key where it writes none.
    pub(super) fn name(&self, key: &'static str) -> &str {
        self.keys.get(key).copied().unwrap_or(key)
    }

    pub(super) fn problem(&self, key: &'static str, message: Text, hint: Text) -> Diagnostic {
        let d = Diagnostic::error(self.path, message)
            .at(self.line(key))
            .field(key)
            .hint(hint);
        match self.keys.get(key) {
            Some(written) => d.written(*written),
            None => d,
        }
    }

    /// A required text field: present (checked in `collect`) and not empty.
    pub(super) fn text(&self, key: &'static str, problems: &mut Vec<Diagnostic>) -> Option<String> {
        if !self.values.contains_key(key) {
            return None;
        }
        let value = self.optional_text(key, problems);
        if value.as_deref().is_some_and(|v| {
            v.chars()
                .all(|c| c.is_whitespace() || crate::content::privacy::is_invisible(c))
        }) {
            problems.push(self.problem(
                key,
                msg!("field.invisible", field = self.name(key)),
                msg!("field.value.hint", field = self.name(key)),
            ));
            return None;
        }
        if value.is_none() && problems.last().is_none_or(|d| d.field.as_deref() != Some(key)) {
            problems.push(self.problem(
                key,
                msg!("field.empty", field = self.name(key)),
                msg!("field.value.hint", field = self.name(key)),
            ));
        }
        value
    }

    /// `text`, the value of date field `key`, as a date; a problem with
    /// `hint` when it is not one.
    pub(super) fn date(
        &self,
        key: &'static str,
        text: &str,
        hint: Text,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<chrono::NaiveDate> {
        crate::content::date::parse(text)
            .map_err(|e| {
                let message = Text::new("date.invalid")
                    .arg("field", &self.name(key))
                    .nested("reason", &e.text());
                problems.push(self.problem(key, message, hint));
            })
            .ok()
    }

    /// A text field, or `None` when absent or empty.
    pub(super) fn optional_text(&self, key: &'static str, problems: &mut Vec<Diagnostic>) -> Option<String> {
        let (value, _) = self.values.get(key)?;
        // A number in a text field is the text as written: YAML would read
        // 1.10 as 1.1 and 0x1F as 31.
        let as_written = match value {
            Value::Number(_) => self
                .keys
                .get(key)
                .and_then(|k| self.written.get(*k))
                .map(|w| w.trim_matches(['"', '\'']).to_owned()),
            _ => None,
        };
        match as_written.map_or_else(|| scalar_text(value), Ok) {
            Ok(text) if text.starts_with("TODO") => {
                problems.push(self.problem(
                    key,
                    msg!("field.todo", field = self.name(key), text = text),
                    msg!("field.todo.hint"),
                ));
                None
            }
            Ok(text) => Some(text).filter(|t| !t.is_empty()),
            Err(kind) => {
                problems.push(
                    self.problem(
                        key,
                        Text::new("field.not_text")
                            .arg("field", &self.name(key))
                            .nested("kind", &kind),
                        msg!("field.not_text.hint", field = self.name(key)),
                    ),
                );
                None
            }
        }
    }

    pub(super) fn choice<T: Copy>(
        &self,
        key: &'static str,
        names: &[(T, &'static str, &'static str)],
        default: T,
        problems: &mut Vec<Diagnostic>,
    ) -> T {
        let Some(text) = self.optional_text(key, problems) else {
            return default;
        };
        match names
            .iter()
            .find(|n| n.1 == text || n.2.eq_ignore_ascii_case(&text))
        {
            Some(n) => n.0,
            None => {
                let allowed: Vec<_> = names.iter().map(|n| n.1).collect();
                problems.push(self.problem(
                    key,
                    msg!("field.choice", value = text, field = self.name(key)),
                    msg!("hint.use_one_of", names = allowed.join("、")),
                ));
                default
            }
        }
    }

    pub(super) fn flag(&self, key: &'static str, problems: &mut Vec<Diagnostic>) -> bool {
        match self.values.get(key) {
            None | Some((Value::Null, _)) => false,
            Some((Value::Bool(b), _)) => *b,
            Some(_) => {
                problems.push(self.problem(
                    key,
                    msg!("field.not_flag", field = self.name(key)),
                    msg!("field.not_flag.hint", field = self.name(key)),
                ));
                false
            }
        }
    }

    /// One 索引号 or a list of them.
    pub(super) fn references(&self, key: &'static str, problems: &mut Vec<Diagnostic>) -> Vec<Reference> {
        let Some((value, line)) = self.values.get(key) else {
            return Vec::new();
        };
        let items: Vec<&Value> = match value {
            Value::Sequence(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            other => vec![other],
        };
        let mut out = Vec::new();
        for item in items {
            match scalar_text(item) {
                Ok(text) if !text.is_empty() => out.push(Reference {
                    index_number: text,
                    line: *line,
                }),
                Ok(_) => {}
                Err(kind) => problems.push(
                    self.problem(
                        key,
                        Text::new("field.not_reference")
                            .arg("field", &self.name(key))
                            .nested("kind", &kind),
                        msg!("field.reference.hint", field = self.name(key)),
                    ),
                ),
            }
        }
        out
    }

    /// 附件: paths, or `{ path, title }` groups.
    pub(super) fn attachments(&self, problems: &mut Vec<Diagnostic>) -> Vec<AttachmentRef> {
        let Some((value, line)) = self.values.get("attachments") else {
            return Vec::new();
        };
        let hint = || msg!("attachments.hint");
        let Value::Sequence(items) = value else {
            problems.push(self.problem(
                "attachments",
                msg!("field.not_list", field = self.name("attachments")),
                hint(),
            ));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let (path, title) = match item {
                Value::Mapping(map) => {
                    // Each sub-key in English or Chinese (路径, 标题).
                    let get = |names: &[&str]| {
                        names
                            .iter()
                            .find_map(|k| map.get(*k))
                            .and_then(|v| scalar_text(v).ok())
                            .filter(|t| !t.is_empty())
                    };
                    let unknown: Vec<String> = map
                        .keys()
                        .filter_map(|k| k.as_str())
                        .filter(|k| !ATTACHMENT_PATH.contains(k) && !ATTACHMENT_TITLE.contains(k))
                        .map(str::to_owned)
                        .collect();
                    if !unknown.is_empty() {
                        problems.push(self.problem(
                            "attachments",
                            msg!("attachments.unknown_key", keys = unknown.join("`, `")),
                            hint(),
                        ));
                    }
                    (get(&ATTACHMENT_PATH), get(&ATTACHMENT_TITLE))
                }
                other => (scalar_text(other).ok().filter(|t| !t.is_empty()), None),
            };
            match path {
                Some(path) => out.push(AttachmentRef {
                    path,
                    title,
                    line: *line,
                }),
                None => problems.push(self.problem("attachments", msg!("attachments.no_path"), hint())),
            }
        }
        out
    }

    /// Personal data allowed in this document, each with a reason.
    pub(super) fn allowances(&self, problems: &mut Vec<Diagnostic>) -> Vec<Allowance> {
        let Some((value, _)) = self.values.get("personal_data") else {
            return Vec::new();
        };
        let hint = || msg!("personal_data.hint");
        let Value::Sequence(items) = value else {
            problems.push(self.problem(
                "personal_data",
                msg!("field.not_list", field = self.name("personal_data")),
                hint(),
            ));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            // Each sub-key in English or Chinese (内容, 理由).
            let get = |names: &[&str]| match item {
                Value::Mapping(map) => names
                    .iter()
                    .find_map(|k| map.get(*k))
                    .and_then(|v| scalar_text(v).ok())
                    .filter(|t| !t.is_empty()),
                _ => None,
            };
            match (get(&["value", "内容", "号码"]), get(&["reason", "理由"])) {
                (Some(value), Some(reason)) => out.push(Allowance { value, reason }),
                _ => problems.push(self.problem("personal_data", msg!("personal_data.entry"), hint())),
            }
        }
        out
    }

    /// 主题词 as a YAML list or as one text separated by commas, 、 or spaces.
    pub(super) fn keywords(&self, problems: &mut Vec<Diagnostic>) -> Vec<String> {
        let Some((value, _)) = self.values.get("keywords") else {
            return Vec::new();
        };
        let words: Vec<String> = match value {
            Value::Sequence(items) => {
                let mut words = Vec::new();
                for item in items {
                    match scalar_text(item) {
                        Ok(text) => words.push(text),
                        Err(kind) => {
                            problems.push(self.problem(
                                "keywords",
                                Text::new("keywords.not_text").nested("kind", &kind),
                                msg!("keywords.hint"),
                            ));
                            return Vec::new();
                        }
                    }
                }
                words
            }
            other => match scalar_text(other) {
                Ok(text) => text
                    .split([',', '，', '、', ';', '；', ' ', '\u{3000}'])
                    .map(str::to_owned)
                    .collect(),
                Err(kind) => {
                    problems.push(
                        self.problem(
                            "keywords",
                            Text::new("field.not_list_kind")
                                .arg("field", &self.name("keywords"))
                                .nested("kind", &kind),
                            msg!("keywords.hint"),
                        ),
                    );
                    return Vec::new();
                }
            },
        };
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        for w in words
            .into_iter()
            .map(|w| w.trim().to_owned())
            .filter(|w| !w.is_empty())
        {
            if !out.contains(&w) {
                out.push(w);
            }
        }
        out
    }
}

/// A YAML scalar as trimmed text; the error names the kind of value found.
fn scalar_text(value: &Value) -> Result<String, Text> {
    match value {
        Value::String(s) => Ok(s.trim().to_owned()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Null => Ok(String::new()),
        Value::Bool(_) => Err(msg!("kind.bool")),
        Value::Sequence(_) => Err(msg!("kind.list")),
        Value::Mapping(_) => Err(msg!("kind.map")),
        Value::Tagged(_) => Err(msg!("kind.tagged")),
    }
}
