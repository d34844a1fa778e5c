//! The language a person reads gongkai in, and every message it prints: one
//! table ([`all_messages`]) with each message in Chinese and English under a
//! stable code. Stages build a [`Text`] (a code and its named values); the
//! command line turns it into words at the end, in the run's [`Lang`].
//!
//! Chinese is the default. English is chosen by `--lang en` (or
//! `GONGKAI_LANG=en`), else by a site.yaml `language` that starts with `en`.

mod messages;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

pub use messages::{Message, all as all_messages};

/// The language of what gongkai prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language a site.yaml `language` (a page language such as
    /// `zh-CN` or `en`) asks for: English for `en…`, else Chinese.
    pub fn of_site(language: &str) -> Lang {
        if language.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// `zh` / `en` (also `zh-CN`, `en-US`, `中文`, `english`), else None.
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim().to_ascii_lowercase();
        if t.starts_with("en") {
            Some(Lang::En)
        } else if t.starts_with("zh") || t == "cn" || t == "中文" {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The language `GONGKAI_LANG` names, if it names one.
    pub fn from_env() -> Option<Lang> {
        std::env::var("GONGKAI_LANG").ok().and_then(|v| Lang::parse(&v))
    }
}

/// A message before it is put into words: its code in [`all_messages()`] and the
/// values its placeholders (`{name}`) take.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text {
    /// The stable code, e.g. `date.invalid`: what `--format json` reports.
    pub code: Cow<'static, str>,
    /// `(name, value)` for each placeholder.
    pub args: Vec<(Cow<'static, str>, String)>,
}

/// Builds a [`Text`]: `msg!("field.unknown", key = name)`. Each value is
/// formatted with `Display`.
#[macro_export]
macro_rules! msg {
    ($code:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::lang::Text::new($code)$(.arg(stringify!($name), &$value))*
    };
}

impl Text {
    /// The message `code` with no values yet.
    pub fn new(code: &'static str) -> Text {
        Text {
            code: Cow::Borrowed(code),
            args: Vec::new(),
        }
    }

    /// The same message with `{name}` standing for `value`.
    pub fn arg(mut self, name: &'static str, value: &dyn fmt::Display) -> Text {
        self.args.push((Cow::Borrowed(name), value.to_string()));
        self
    }

    /// The same message with `{name}` standing for another message, put into
    /// words in the same language when this one is (see [`Text::get`]): a
    /// value that is itself a message, such as a reason.
    pub fn nested(mut self, name: &'static str, text: &Text) -> Text {
        self.args
            .push((Cow::Owned(format!("{NESTED}{name}")), encode(text)));
        self
    }

    /// The message in `lang`, its placeholders filled.
    pub fn get(&self, lang: Lang) -> String {
        let Some(template) = template(&self.code, lang) else {
            // Not in the table (an older cache, a bug): the code and values.
            let values: Vec<String> = self.args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            return format!("{} {}", self.code, values.join(" "))
                .trim_end()
                .to_owned();
        };
        fill(template, |name| {
            if let Some((_, v)) = self.args.iter().find(|(k, _)| k == name) {
                return Some(v.clone());
            }
            let nested = format!("{NESTED}{name}");
            let (_, v) = self.args.iter().find(|(k, _)| *k == nested)?;
            decode(v).map(|t| t.get(lang))
        })
    }

    /// The message in English (tests and logs).
    pub fn en(&self) -> String {
        self.get(Lang::En)
    }

    /// The message in Chinese.
    pub fn zh(&self) -> String {
        self.get(Lang::Zh)
    }
}

/// Marks an argument whose value is an encoded [`Text`].
const NESTED: &str = "\u{1}";

fn encode(text: &Text) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn decode(value: &str) -> Option<Text> {
    serde_json::from_str(value).ok()
}

/// The English form, so `{}` in logs and test failures reads as before.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

static TABLE: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| all_messages().map(|&(code, zh, en)| (code, (zh, en))).collect());

/// The template of `code` in `lang`.
pub fn template(code: &str, lang: Lang) -> Option<&'static str> {
    TABLE.get(code).map(|&(zh, en)| match lang {
        Lang::Zh => zh,
        Lang::En => en,
    })
}

/// `template` with each `{name}` replaced by `value(name)`; `{{` is a brace.
/// A name without a value is left as written.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            out.push('{');
            rest = stripped;
            continue;
        }
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                let name = &after[..close];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The placeholder names of a template, sorted and without repeats.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            rest = stripped;
            continue;
        }
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                names.push(after[..close].to_owned());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        let mut seen = std::collections::HashSet::new();
        for &(code, zh, en) in all_messages() {
            assert!(seen.insert(code), "{code} is in the table twice");
            assert!(
                code.split('.').count() >= 2 && code.split('.').all(is_name),
                "{code}: codes are dotted lower-case names"
            );
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{code}: a language is empty"
            );
            assert_eq!(
                placeholders(zh),
                placeholders(en),
                "{code}: the languages name different values"
            );
            assert!(
                !zh.is_ascii() || zh == en,
                "{code}: the Chinese text has no Chinese: {zh}"
            );
        }
    }

    #[test]
    fn placeholders_are_filled_and_braces_kept() {
        let t = msg!("field.unknown", key = "titel");
        assert_eq!(t.en(), "unknown field `titel`");
        assert_eq!(t.zh(), "未知字段“titel”");
        assert_eq!(
            fill("{a} {{b}} {c} {", |n| (n == "a").then(|| "1".into())),
            "1 {b}} {c} {"
        );
        assert_eq!(placeholders("{a}{b}{{c}}{a}"), ["a", "b"]);
    }

    #[test]
    fn a_nested_message_takes_the_outer_language() {
        let inner = msg!("attachment.missing", file = "附件1.pdf");
        let outer = Text::new("link.broken").nested("reason", &inner);
        assert!(outer.zh().contains("附件1.pdf 不存在"), "{}", outer.zh());
        assert!(outer.en().contains("附件1.pdf does not exist"), "{}", outer.en());
        // It survives the parse cache (serde).
        let back: Text = serde_json::from_str(&serde_json::to_string(&outer).expect("json")).expect("back");
        assert_eq!(back.zh(), outer.zh());
    }

    #[test]
    fn languages_are_read_from_flags_and_site_languages() {
        assert_eq!(Lang::of_site("zh-CN"), Lang::Zh);
        assert_eq!(Lang::of_site("en-GB"), Lang::En);
        assert_eq!(Lang::of_site(""), Lang::Zh);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("中文"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn every_code_the_sources_use_is_in_the_table_and_every_entry_is_used() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let used = regex::Regex::new(
            r#"(?:msg!\(|Text::new\(|lang::t\(|\bt\(|code: |capped\()\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#,
        )
        .expect("regex");
        let mut codes = std::collections::BTreeSet::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("walk src");
            if entry.path().extension().is_some_and(|e| e == "rs")
                && !entry.path().components().any(|c| c.as_os_str() == "messages")
            {
                let text = std::fs::read_to_string(entry.path()).expect("read source");
                for c in used.captures_iter(&text) {
                    codes.insert(c[1].to_owned());
                }
            }
        }
        let table: std::collections::BTreeSet<String> = all_messages().map(|m| m.0.to_owned()).collect();
        let missing: Vec<_> = codes.difference(&table).collect();
        assert!(
            missing.is_empty(),
            "codes used but not in lang/messages/: {missing:?}"
        );
        let prefixes = ["cli.", "progress.", "stage."];
        let unused: Vec<_> = table
            .difference(&codes)
            .filter(|c| !prefixes.iter().any(|p| c.starts_with(p)))
            .collect();
        assert!(unused.is_empty(), "messages no source uses: {unused:?}");
    }
}
