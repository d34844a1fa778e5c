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
    // Both kinds have at least 11 digits (ASCII or full-width): a line
    // with fewer is skipped without normalising it. Counted by bytes
    // first: every full-width digit starts with the byte 0xEF, so ASCII
    // digits and 0xEF bytes are at least as many as the digits (counted
    // in bytes by stretches of 255, which the compiler makes vector code).
    let at_most = |s: &str| -> usize {
        s.as_bytes()
            .chunks(255)
            .map(|chunk| {
                let n: u8 = chunk
                    .iter()
                    .map(|&b| u8::from(b.is_ascii_digit() | (b == 0xEF)))
                    .sum();
                usize::from(n)
            })
            .sum()
    };
    for (i, raw) in text.lines().enumerate() {
        if at_most(raw) < 11
            || !may_hold_number(raw)
            || raw
                .chars()
                .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
                .count()
                < 11
        {
            continue;
        }
        find_in_line(u32::try_from(i + 1).unwrap_or(u32::MAX), raw, &mut found);
    }
    found
}

/// The numbers of line `number`, `raw`, not yet in `found`, added to it.
fn find_in_line(number: u32, raw: &str, found: &mut Vec<Finding>) {
    let line: String = raw.nfkc().filter(|c| !is_invisible(*c)).collect();
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

/// Whether some stretch of `line` could hold 11 digits in a row, as both
/// kinds need once normalised (digits with at most single spaces or
/// hyphens between, see [`ID_CARD`] and [`MOBILE`]). Ideographs, CJK
/// punctuation and ASCII (or full-width) characters other than digits,
/// spaces and hyphens end a stretch; any other character counts as three
/// digits, the most NFKC makes of one (`⅒` is `1⁄10`). Long lines of
/// Chinese text with a date or a 文号 here and there are skipped without
/// normalising them.
fn may_hold_number(line: &str) -> bool {
    let mut run = 0usize;
    for c in line.chars() {
        match c {
            '0'..='9' | '０'..='９' => run += 1,
            ' ' | '-' | '\u{3000}' | '－' => {}
            // Ideographs, CJK punctuation (〔〕，。) and the other
            // full-width forms: NFKC makes no digit, space or hyphen of them.
            '\u{3001}'..='\u{303F}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{FF01}'..='\u{FF5E}' => {
                run = 0;
            }
            _ if c.is_ascii() => run = 0,
            _ => run += 3,
        }
        if run >= 11 {
            return true;
        }
    }
    false
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
    fn lines_skipped_unread_hold_no_number() {
        // Pieces a line is made of: digits of every width and form,
        // separators, invisible characters, ideographs, punctuation.
        let pieces = [
            "1", "3", "8", "0", "9", "X", "１", "３", "⑪", "⅒", "㊿", " ", "-", "\u{200B}", "\u{3000}", "－",
            "政", "〔", "〕", "，", "。", "年", "（", "）", "+86", "138", "0013", "8000", "110105",
            "19491231", "002X",
        ];
        let mut seed = 7u64;
        let mut lines = Vec::new();
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..(seed % 23 + 4) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            lines.push(line);
        }
        lines.push("电话13800138000，身份证号11010519491231002X。".to_owned());
        let text = lines.join("\n");
        // Every line read whole: none that the quick tests skip holds a
        // number, and those that count 11 digits find what `find` finds.
        let mut every = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let mut here = Vec::new();
            find_in_line(i as u32 + 1, line, &mut here);
            assert!(here.is_empty() || may_hold_number(line), "{line}");
            let digits = line
                .chars()
                .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
            if digits.count() >= 11 {
                every.extend(here);
            }
        }
        assert!(every.len() > 100, "the pieces make numbers: {}", every.len());
        let got: Vec<(u32, String)> = find(&text).into_iter().map(|f| (f.line, f.value)).collect();
        let want: Vec<(u32, String)> = every.into_iter().map(|f| (f.line, f.value)).collect();
        assert_eq!(got, want);
        assert!(!may_hold_number(
            "2017年3月15日，青政函〔2020〕11号，占2.1万元，共47条"
        ));
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
