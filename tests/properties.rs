//! Properties over generated inputs (proptest): the search tokenizer, date
//! parsing, index-number patterns and the path rules. Each property is a
//! promise the rest of gongkai relies on; a failure prints the smallest
//! input that breaks it.

use std::path::{Component, Path};

use chrono::{Datelike, NaiveDate};
use gongkai::search::tokenizer::{self, Mode};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text like a disclosure document's: Han characters, ASCII words and
/// digits, full-width forms, punctuation, combining marks, and any char.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::char::range('\u{4E00}', '\u{4E40}').prop_map(String::from),
        2 => "[A-Za-z0-9]{1,6}",
        1 => proptest::char::range('\u{FF01}', '\u{FF5E}').prop_map(String::from),
        1 => prop::sample::select(vec!["，", "。", "〔", "〕", " ", "-", "\n", "（", "）", "·"]).prop_map(String::from),
        1 => proptest::char::range('\u{300}', '\u{36F}').prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn han_run() -> impl Strategy<Value = String> {
    prop::collection::vec(proptest::char::range('\u{4E00}', '\u{9FA5}'), 2..12)
        .prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// The piecewise normaliser equals NFKC + lower case + folding of the
    /// whole text (its documented shortcut must not change a character).
    #[test]
    fn normalize_equals_nfkc_lowercase_folded_whole_text(text in mixed_text()) {
        let whole: String = text.nfkc().flat_map(char::to_lowercase).map(tokenizer::fold).collect();
        prop_assert_eq!(tokenizer::normalize(&text), whole);
    }

    /// Every token is non-empty and a piece of the normalised text; a query
    /// never yields a token the index of the same text lacks.
    #[test]
    fn tokens_are_pieces_and_query_tokens_are_indexed(text in mixed_text()) {
        let normalized = tokenizer::normalize(&text);
        let index = tokenizer::tokens(&text, Mode::Index);
        for token in &index {
            prop_assert!(!token.is_empty());
            prop_assert!(normalized.contains(token.as_str()), "{:?} not in {:?}", token, normalized);
        }
        for token in tokenizer::tokens(&text, Mode::Query) {
            prop_assert!(index.contains(&token), "query token {:?} not indexed", token);
        }
    }

    /// Searching any two or more consecutive Han characters of a text
    /// finds it: each of the query's tokens is among the text's.
    #[test]
    fn any_han_phrase_of_a_text_matches_it(
        before in mixed_text(),
        run in han_run(),
        after in mixed_text(),
        start in 0usize..10,
        len in 2usize..10,
    ) {
        let text = format!("{before}{run}{after}");
        let chars: Vec<char> = run.chars().collect();
        let start = start % (chars.len() - 1);
        let end = (start + len).min(chars.len());
        let phrase: String = chars[start..end].iter().collect();
        let index = tokenizer::tokens(&text, Mode::Index);
        for token in tokenizer::tokens(&phrase, Mode::Query) {
            prop_assert!(index.contains(&token), "{:?} of {:?} not indexed for {:?}", token, phrase, text);
        }
    }

    /// Every accepted form of a real date reads back as that date; full-width
    /// digits and separators too.
    #[test]
    fn every_form_of_a_date_reads_back(
        days in 0i64..(366 * 1000),
        form in 0usize..5,
        full_width in any::<bool>(),
        padded in any::<bool>(),
    ) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).expect("date") + chrono::Duration::days(days);
        let (y, m, d) = (date.year(), date.month(), date.day());
        let (m, d) = if padded { (format!("{m:02}"), format!("{d:02}")) } else { (m.to_string(), d.to_string()) };
        let text = match form {
            0 => format!("{y}-{m}-{d}"),
            1 => format!("{y}/{m}/{d}"),
            2 => format!("{y}.{m}.{d}"),
            3 => format!("{y}年{m}月{d}日"),
            _ => format!(" {y}-{m}-{d} "),
        };
        let text = if full_width {
            text.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                    '-' => '－',
                    '/' => '／',
                    '.' => '．',
                    other => other,
                })
                .collect()
        } else {
            text
        };
        prop_assert_eq!(gongkai::content::date::parse(&text), Ok(date), "{}", text);
    }

    /// No text makes the date parser panic, and what it accepts is a real
    /// four-digit-year date.
    #[test]
    fn date_parsing_accepts_only_real_dates(text in "\\PC{0,16}|[0-9０-９]{1,5}[-/.年][0-9]{1,3}[-/.月][0-9]{1,3}日?") {
        if let Ok(date) = gongkai::content::date::parse(&text) {
            prop_assert!((1000..=9999).contains(&date.year()), "{} → {}", text, date);
        }
    }

    /// The next running number is one past the largest taken, whatever
    /// text surrounds the numbers and however wide they are written.
    #[test]
    fn the_next_running_number_follows_the_largest_taken(
        org in "[0-9]{2,6}",
        code in "[0-9]{2}",
        year in 1990i32..2100,
        taken in prop::collection::vec(1u64..2_000_000, 0..20),
        width in 1usize..9,
        noise in "[^0-9A-Za-z]{0,3}",
    ) {
        let pattern = gongkai::site::index_number::Pattern::parse(&format!("{{org}}-{{category_code}}-{{year}}-{{seq:0{width}}}"))
            .expect("pattern");
        let values = gongkai::site::index_number::Values { org: &org, category_code: &code, year, month: 1 };
        let texts: Vec<String> = taken
            .iter()
            .map(|&seq| format!("见{noise}idx:{}{noise}。", pattern.format(&values, seq)))
            .collect();
        let next = pattern.next_seq(&values, texts.iter().map(String::as_str));
        prop_assert_eq!(next, taken.iter().max().map_or(1, |m| m + 1));
        let number = pattern.format(&values, next);
        let written = format!("{next:0width$}");
        prop_assert!(number.ends_with(&written));
    }

    /// A path accepted for an attachment or link stays inside content/,
    /// whatever was written (percent escapes, `..`, backslashes, schemes).
    #[test]
    fn accepted_paths_stay_inside_content(
        written in prop::collection::vec(
            prop_oneof![
                Just("..".to_owned()), Just(".".to_owned()), Just("%2e%2e".to_owned()), Just("%2F".to_owned()),
                Just("/".to_owned()), Just("\\".to_owned()), Just("%5c".to_owned()), Just("%00".to_owned()),
                Just("javascript:".to_owned()), Just("//".to_owned()), "[a-z附件]{1,4}", "\\PC{1,3}",
            ],
            1..8,
        ).prop_map(|p| p.join("/"))
    ) {
        if let Ok(path) = gongkai::content::attachment::resolve_path(Path::new("content/2017/a.md"), &written) {
            prop_assert!(path.starts_with("content") && path != Path::new("content"), "{:?} → {:?}", written, path);
            prop_assert!(path.components().all(|c| matches!(c, Component::Normal(_))), "{:?} → {:?}", written, path);
            let shown = path.to_string_lossy();
            prop_assert!(!shown.contains(['\\', '\0']), "{:?} → {:?}", written, path);
        }
    }

    /// The page name made from any 索引号 is a safe file name in docs/.
    #[test]
    fn any_index_number_gives_a_safe_page_name(index_number in "\\PC{0,120}") {
        let slug = gongkai::content::document::slug_from_index_number(&index_number);
        prop_assert!(gongkai::content::document::is_valid_slug(&slug), "{:?} → {:?}", index_number, slug);
    }

    /// Two names that are one file on Windows or macOS have one key.
    #[test]
    fn names_differing_in_case_or_unicode_form_have_one_key(name in "[a-zA-Zéüñ附件.]{1,12}") {
        let nfd: String = name.nfd().collect();
        let key = gongkai::content::attachment::portable_key(&name);
        prop_assert_eq!(&gongkai::content::attachment::portable_key(&nfd), &key);
        prop_assert_eq!(&gongkai::content::attachment::portable_key(&name.to_uppercase()), &key);
    }
}
