//! The personal-data scan (去标识化, seed 002 四(十四) 41): before a document
//! is published, its whole file (front-matter and body) is searched for
//! mainland ID-card numbers (18 characters, valid checksum and birth date,
//! also in full-width digits or split by spaces) and mobile numbers; then,
//! once the body is rendered, the text a reader sees ([`scan_rendered`]):
//! a number split by emphasis, written with character references or over
//! a line break is whole there. Zero-width and other invisible format
//! characters are ignored in both. A finding is an error showing the value
//! masked; the document may allow a value with a reason (`personal_data:`),
//! which makes it a notice.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::content::document::Allowance;
use crate::diagnostic::Diagnostic;

/// 17 digits and a check character, digits optionally grouped by single
/// spaces or hyphens, not inside a longer run of digits.
static ID_CARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:[0-9][ -]?){17}[0-9Xx])(?:[^0-9]|$)").expect("valid regex")
});
/// A mainland mobile number (1[3-9] and nine digits), optionally +86, in
/// groups of 3-4-4.
static MOBILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})(?:[^0-9]|$)")
        .expect("valid regex")
});

/// What was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line in the file.
    pub line: u32,
    /// "ID-card number" or "mobile number".
    pub kind: &'static str,
    /// The digits (and X) only.
    pub value: String,
}

impl Finding {
    /// The kind of number, in the run's language.
    fn kind_text(&self) -> crate::lang::Text {
        match self.kind {
            "ID-card number" => crate::msg!("privacy.id_card"),
            _ => crate::msg!("privacy.mobile"),
        }
    }

    /// The value with its middle hidden: `110105********1234`, `138****5678`.
    pub fn masked(&self) -> String {
        let v = &self.value;
        match self.kind {
            "ID-card number" => format!("{}********{}", &v[..6], &v[14..]),
            _ => format!("{}****{}", &v[..v.len() - 8], &v[v.len() - 4..]),
        }
    }
}

/// Whether 17 digits and a check character form a valid ID-card number
/// (GB 11643-1999 checksum, plausible birth date).
pub fn is_id_card(value: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = value.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    if CHECK[(sum % 11) as usize] != bytes[17].to_ascii_uppercase() {
        return false;
    }
    let number = |r: std::ops::Range<usize>| value[r].parse::<u32>().unwrap_or(0);
    let year = number(6..10);
    (1900..=2100).contains(&year)
        && chrono::NaiveDate::from_ymd_opt(year as i32, number(10..12), number(12..14)).is_some()
}

/// Every ID-card and mobile number in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        // Both kinds have at least 11 digits: most lines are skipped without
        // normalising them.
        let digits = raw
            .chars()
            .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count();
        if digits < 11 {
            continue;
        }
        let line: String = raw.nfkc().filter(|c| !is_invisible(*c)).collect();
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for (re, kind) in [(&*ID_CARD, "ID-card number"), (&*MOBILE, "mobile number")] {
            for m in re.captures_iter(&line) {
                let digits: String = m[1].chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                let value = match kind {
                    "ID-card number" if is_id_card(&digits) => digits.to_ascii_uppercase(),
                    "mobile number" => digits
                        .strip_prefix("86")
                        .filter(|d| d.len() == 11)
                        .unwrap_or(&digits)
                        .to_owned(),
                    _ => continue,
                };
                if !found
                    .iter()
                    .any(|f: &Finding| f.value == value && f.line == number)
                {
                    found.push(Finding {
                        line: number,
                        kind,
                        value,
                    });
                }
            }
        }
    }
    found
}

/// Characters a page shows as nothing: zero-width spaces and joiners,
/// direction marks and embeddings, the soft hyphen, word joiners, the BOM,
/// and every other format character (Unicode category Cf) in those blocks.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `line` with its numeric character references (`&#49;`, `&#x31;`)
/// written as the characters they stand for.
fn decode_references(line: &str) -> String {
    static REFERENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));").expect("valid regex"));
    REFERENCE
        .replace_all(line, |c: &regex::Captures<'_>| {
            let code = match (c.get(1), c.get(2)) {
                (Some(hex), _) => u32::from_str_radix(hex.as_str(), 16).ok(),
                (_, Some(dec)) => dec.as_str().parse().ok(),
                _ => None,
            };
            code.and_then(char::from_u32)
                .map(String::from)
                .unwrap_or_default()
        })
        .into_owned()
}

/// Scans the text a reader sees of a document's body (`rendered`: the
/// body as plain text, entities resolved, emphasis gone): errors for
/// values that are not allowed. The file scan ([`scan`]) has already
/// passed, so what is found here was hidden in the source by markup; the
/// line is where the number starts in the file (`source`, read only when
/// something is found), as far as its first digits tell, else `body_line`.
pub fn scan_rendered(
    path: &Path,
    rendered: &str,
    source_text: impl Fn() -> Option<String>,
    body_line: u32,
    allowed: &[Allowance],
) -> Vec<Diagnostic> {
    let digits = |v: &str| -> String {
        v.nfkc()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase()
    };
    let source = std::cell::OnceCell::new();
    let located = |value: &str| -> u32 {
        let head = &value[..4];
        let Some(source) = source.get_or_init(&source_text) else {
            return body_line;
        };
        source
            .lines()
            .enumerate()
            .skip(body_line.saturating_sub(1) as usize)
            .find(|(_, l)| {
                decode_references(l)
                    .nfkc()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .contains(head)
            })
            .map_or(body_line, |(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX))
    };
    let mut reported: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for f in find(rendered) {
        let allowed = allowed.iter().any(|a| {
            let a = digits(&a.value);
            a == f.value || a.strip_prefix("86") == Some(f.value.as_str())
        });
        if allowed || reported.contains(&f.value) {
            continue;
        }
        problems.push(
            Diagnostic::error(
                path,
                crate::lang::Text::new("privacy.split")
                    .nested("kind", &f.kind_text())
                    .arg("value", &f.masked()),
            )
            .at(located(&f.value))
            .hint(crate::msg!("privacy.split.hint")),
        );
        reported.push(f.value);
    }
    problems
}

/// Scans a document's file: errors for findings, notices for allowed ones.
pub fn scan(path: &Path, text: &str, allowed: &[Allowance]) -> Vec<Diagnostic> {
    let digits = |v: &str| -> String {
        v.nfkc()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase()
    };
    find(text)
        .into_iter()
        .map(|f| {
            let allowance = allowed.iter().find(|a| {
                let a = digits(&a.value);
                a == f.value || a.strip_prefix("86") == Some(f.value.as_str())
            });
            match allowance {
                Some(a) => Diagnostic::warning(
                    path,
                    crate::lang::Text::new("privacy.allowed")
                        .nested("kind", &f.kind_text())
                        .arg("value", &f.masked())
                        .arg("reason", &a.reason),
                )
                .at(f.line),
                None => Diagnostic::error(
                    path,
                    crate::lang::Text::new("privacy.found")
                        .nested("kind", &f.kind_text())
                        .arg("value", &f.masked()),
                )
                .at(f.line)
                .hint(crate::msg!("privacy.found.hint")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // A checksum-valid test number (not a real person's): GB 11643 example.
    const ID: &str = "11010519491231002X";

    #[test]
    fn id_cards_need_a_valid_checksum_and_date() {
        assert!(is_id_card(ID));
        assert!(!is_id_card("110105194912310021"), "wrong check digit");
        assert!(!is_id_card("110105194913310025"), "month 13");
    }

    #[test]
    fn finds_written_forms_and_masks_them() {
        let text = format!(
            "身份证 {ID}\n全角 １１０１０５１９４９１２３１００２Ｘ\n空格 110105 19491231 002X\n手机 138 0013 8000，+86 13900139000\n索引号 0101-03-2017-000525 金额 13546789012345元\n"
        );
        let found = find(&text);
        let got: Vec<(u32, &str, String)> = found.iter().map(|f| (f.line, f.kind, f.masked())).collect();
        assert_eq!(
            got,
            [
                (1, "ID-card number", "110105********002X".to_owned()),
                (2, "ID-card number", "110105********002X".to_owned()),
                (3, "ID-card number", "110105********002X".to_owned()),
                (4, "mobile number", "138****8000".to_owned()),
                (4, "mobile number", "139****9000".to_owned()),
            ]
        );
    }

    #[test]
    fn invisible_characters_do_not_hide_a_number() {
        let found = find("身份证 110105\u{200B}19491231\u{2060}002X，手机 138\u{00AD}0013\u{FEFF}8000\n");
        let got: Vec<String> = found.iter().map(Finding::masked).collect();
        assert_eq!(got, ["110105********002X", "138****8000"]);
    }

    #[test]
    fn allowed_values_become_notices() {
        let allowed = [Allowance {
            value: "139 0013 9000".into(),
            reason: "单位值班电话".into(),
        }];
        let d = scan(
            Path::new("a.md"),
            "电话 13900139000，手机 13800138000\n",
            &allowed,
        );
        assert_eq!(d.len(), 2);
        assert!(d.iter().any(|d| {
            !d.is_error()
                && d.message
                    .en()
                    .contains("139****9000 is published as allowed: 单位值班电话")
        }));
        assert!(
            d.iter()
                .any(|d| d.is_error() && d.message.en() == "personal data: mobile number 138****8000")
        );
    }
}
