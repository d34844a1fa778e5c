//! The search tokenizer, shared with the browser: its JS twin is
//! `themes/default/assets/gongkai-search.js`, and both are checked against
//! `tests/search-vectors.json`.
//!
//! Text is NFKC-normalised (full-width digits and letters fold to ASCII),
//! lower-cased, and traditional characters are folded to simplified ones. Runs of ASCII letters and digits are whole tokens. Runs of
//! Han characters become overlapping bigrams; a run of one character is a
//! unigram. Indexing also emits the first and last character of every Han
//! run as unigrams, so that a query which cuts a run at either end (`开，党`
//! in `公开，党中央`) still finds the document: any substring of two or more
//! characters that does not split an ASCII word finds every document holding it.

use unicode_normalization::UnicodeNormalization;

/// Whether tokens are for the index or for a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Document text: bigrams plus the edge unigrams of every Han run.
    Index,
    /// A query: bigrams, or a unigram for a lone Han character.
    Query,
}

pub use crate::content::han::is_han;

/// NFKC and lower case: the form in which text is indexed and compared.
///
/// Chinese text is mostly ideographs, which NFKC leaves alone and which
/// never compose with a neighbour, so they split the text into pieces that
/// can be normalised independently: only the pieces between them (ASCII,
/// punctuation, full-width forms) go through the normaliser, and pure ASCII
/// pieces only through lower-casing. The result is the same as normalising
/// the whole text, several times faster.
pub fn normalize(text: &str) -> String {
    let table = fold_table();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ideographs is copied, folding the traditional ones (in
        // the same pass that finds where the run ends), the piece after it
        // normalised.
        let mut inert = rest.len();
        let mut from = 0;
        for (i, c) in rest.char_indices() {
            if !is_inert(c) {
                inert = i;
                break;
            }
            if table.is_folded(c) {
                out.push_str(&rest[from..i]);
                out.push(table.fold(c));
                from = i + c.len_utf8();
            }
        }
        out.push_str(&rest[from..inert]);
        rest = &rest[inert..];
        let piece = rest.find(is_inert).unwrap_or(rest.len());
        let (piece, after) = rest.split_at(piece);
        if piece.is_ascii() {
            let start = out.len();
            out.push_str(piece);
            out[start..].make_ascii_lowercase();
        } else if !alone_table().push(piece, &mut out) {
            out.extend(piece.nfkc().flat_map(char::to_lowercase).map(|c| table.fold(c)));
        }
        rest = after;
    }
    out
}

/// The traditional characters search folds, and their simplified forms
/// (`fold.txt`, from OpenCC): the same table the browser reads as
/// `search/fold.txt`.
pub const FOLD_TABLE: &str = include_str!("fold.txt");

/// The simplified form of a traditional character (the character itself if
/// it is not one), so that 政務公開 finds 政务公开 and the reverse.
pub fn fold(c: char) -> char {
    fold_table().fold(c)
}

/// The pairs of [`FOLD_TABLE`] by code point: a direct table over the
/// unified ideographs and extension A (where almost all are), with a bit
/// per character saying whether it folds (a table small enough to stay in
/// the cache while every character of a text is looked up), and a sorted
/// list for the rest.
struct FoldTable {
    direct: Vec<u32>,
    folds: Vec<u64>,
    rest: Vec<(char, char)>,
}

/// The first code point of [`FoldTable`]'s direct table, and its last.
const DIRECT: (u32, u32) = (0x3400, 0x9FFF);

impl FoldTable {
    /// Whether `c`, an ideograph of the direct table, folds.
    fn is_folded(&self, c: char) -> bool {
        let i = (c as u32).wrapping_sub(DIRECT.0) as usize;
        self.folds
            .get(i >> 6)
            .is_some_and(|bits| bits >> (i & 63) & 1 == 1)
    }

    fn fold(&self, c: char) -> char {
        match (c as u32).checked_sub(DIRECT.0) {
            Some(i) if (i as usize) < self.direct.len() => match self.direct[i as usize] {
                0 => c,
                to => char::from_u32(to).unwrap_or(c),
            },
            _ if (c as u32) < 0x2_0000 => c,
            _ => self
                .rest
                .binary_search_by_key(&c, |&(from, _)| from)
                .map_or(c, |i| self.rest[i].1),
        }
    }
}

fn fold_table() -> &'static FoldTable {
    static TABLE: std::sync::LazyLock<FoldTable> = std::sync::LazyLock::new(|| {
        let size = (DIRECT.1 - DIRECT.0 + 1) as usize;
        let mut table = FoldTable {
            direct: vec![0; size],
            folds: vec![0; size.div_ceil(64)],
            rest: Vec::new(),
        };
        for line in FOLD_TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut chars = line.chars();
            if let (Some(from), Some(to)) = (chars.next(), chars.next()) {
                match (from as usize).checked_sub(DIRECT.0 as usize) {
                    Some(i) if i < size => {
                        table.direct[i] = to as u32;
                        table.folds[i >> 6] |= 1 << (i & 63);
                    }
                    _ => table.rest.push((from, to)),
                }
            }
        }
        table.rest.sort_unstable();
        table
    });
    &TABLE
}

/// What the characters between the ideographs of Chinese text (ASCII,
/// general and CJK punctuation, full-width forms) become, each alone: a
/// piece of them only is normalised a character at a time, without the
/// normaliser's buffers (a piece per punctuation mark was a sixth of the
/// index's time). A character is here when its NFKC form begins with a
/// character of combining class 0: then no reordering or composition
/// crosses it, which a test checks for every pair of them.
struct AloneTable {
    /// Each character's form: where it starts in `text` and its length;
    /// None for a character that is not here.
    spans: Vec<Option<(u32, u32)>>,
    text: String,
}

/// The code points of [`AloneTable`], in order. Half-width katakana
/// (U+FF61–U+FF9F) are not: their voiced marks compose with the kana
/// before them.
const ALONE: [(u32, u32); 5] = [
    (0x0000, 0x007F),
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFEE),
];

impl AloneTable {
    /// Where `c` is in [`ALONE`].
    fn index(c: char) -> Option<usize> {
        let c = c as u32;
        let mut base = 0;
        for (first, last) in ALONE {
            if (first..=last).contains(&c) {
                return Some(base + (c - first) as usize);
            }
            base += (last - first + 1) as usize;
        }
        None
    }

    /// Appends `piece` normalised to `out` when every character of it is
    /// here; otherwise leaves `out` as it was and returns false.
    fn push(&self, piece: &str, out: &mut String) -> bool {
        let start = out.len();
        for c in piece.chars() {
            match Self::index(c).and_then(|i| self.spans[i]) {
                Some((at, len)) => {
                    out.push_str(&self.text[at as usize..(at + len) as usize]);
                }
                None => {
                    out.truncate(start);
                    return false;
                }
            }
        }
        true
    }
}

fn alone_table() -> &'static AloneTable {
    static TABLE: std::sync::LazyLock<AloneTable> = std::sync::LazyLock::new(|| {
        let mut table = AloneTable {
            spans: Vec::new(),
            text: String::new(),
        };
        let fold = fold_table();
        for c in ALONE.iter().flat_map(|&(first, last)| first..=last) {
            let Some(c) = char::from_u32(c) else {
                table.spans.push(None);
                continue;
            };
            let starts_clean = std::iter::once(c)
                .nfkd()
                .next()
                .is_none_or(|d| unicode_normalization::char::canonical_combining_class(d) == 0);
            if !starts_clean {
                table.spans.push(None);
                continue;
            }
            let at = table.text.len() as u32;
            table.text.extend(
                std::iter::once(c)
                    .nfkc()
                    .flat_map(char::to_lowercase)
                    .map(|c| fold.fold(c)),
            );
            table.spans.push(Some((at, table.text.len() as u32 - at)));
        }
        table
    });
    &TABLE
}

/// Characters that NFKC keeps, that compose with nothing and have no case:
/// CJK unified ideographs and extension A.
fn is_inert(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Splits `text` into tokens, calling `emit` for each in text order.
pub fn tokenize(text: &str, mode: Mode, emit: impl FnMut(&str)) {
    tokenize_normalized(&normalize(text), mode, emit);
}

/// [`tokenize`] for text already [`normalize`]d: the tokens borrow from it.
pub fn tokenize_normalized<'a>(text: &'a str, mode: Mode, mut emit: impl FnMut(&'a str)) {
    // Byte ranges of the current Han run's characters.
    let mut han: Vec<(usize, usize)> = Vec::new();
    let mut word_start: Option<usize> = None;
    let flush_han = |han: &mut Vec<(usize, usize)>, emit: &mut dyn FnMut(&'a str)| {
        match han.len() {
            0 => {}
            1 => emit(&text[han[0].0..han[0].1]),
            n => {
                if mode == Mode::Index {
                    emit(&text[han[0].0..han[0].1]);
                }
                for w in han.windows(2) {
                    emit(&text[w[0].0..w[1].1]);
                }
                if mode == Mode::Index {
                    emit(&text[han[n - 1].0..han[n - 1].1]);
                }
            }
        }
        han.clear();
    };
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() {
            flush_han(&mut han, &mut emit);
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            emit(&text[start..i]);
        }
        if is_han(c) {
            han.push((i, i + c.len_utf8()));
        } else {
            flush_han(&mut han, &mut emit);
        }
    }
    if let Some(start) = word_start {
        emit(&text[start..]);
    }
    flush_han(&mut han, &mut emit);
}

/// A token of the index as [`index_tokens`] gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexToken<'a> {
    /// One or two Han characters: their UTF-8 bytes, the first in the low
    /// byte (at most eight bytes, zero-padded).
    Packed(u64),
    /// A run of ASCII letters and digits.
    Word(&'a str),
}

/// The tokens [`tokenize_normalized`] gives normalised text in
/// [`Mode::Index`] (in another order), and the keys [`trigram_keys`]
/// gives, in one pass: what indexing a document reads, without making a
/// string of each token.
pub fn index_tokens<'a>(text: &'a str, mut token: impl FnMut(IndexToken<'a>), mut trigram: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    // The current Han run: its length, its first character and the one
    // before this (packed, with its length in bytes), its last three.
    let mut run = 0usize;
    let mut first = 0u64;
    let mut previous = (0u64, 0usize);
    let mut window = 0u64;
    let end_run = |run: &mut usize, first: u64, last: u64, token: &mut dyn FnMut(IndexToken<'a>)| {
        match *run {
            0 => {}
            1 => token(IndexToken::Packed(first)),
            _ => {
                token(IndexToken::Packed(first));
                token(IndexToken::Packed(last));
            }
        }
        *run = 0;
    };
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() {
            end_run(&mut run, first, previous.0, &mut token);
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            token(IndexToken::Word(&text[start..i]));
        }
        if is_han(c) {
            let len = c.len_utf8();
            let packed = bytes[i..i + len]
                .iter()
                .enumerate()
                .fold(0u64, |p, (k, &b)| p | u64::from(b) << (8 * k));
            if run == 0 {
                first = packed;
            } else {
                token(IndexToken::Packed(previous.0 | packed << (8 * previous.1)));
            }
            previous = (packed, len);
            run += 1;
            window = (window << 21 | u64::from(c)) & ((1 << 63) - 1);
            if run >= 3 {
                trigram(window);
            }
        } else {
            end_run(&mut run, first, previous.0, &mut token);
        }
    }
    if let Some(start) = word_start {
        token(IndexToken::Word(&text[start..]));
    }
    end_run(&mut run, first, previous.0, &mut token);
}

/// Calls `emit` with every three ideographs in a row of normalised text
/// (the runs [`tokenize`] makes bigrams of), packed as their code points,
/// 21 bits each, the first in the high bits. A document's trigrams are
/// terms of the index, so that a query's trigrams find the documents
/// holding it as written.
pub fn trigram_keys(normalized: &str, mut emit: impl FnMut(u64)) {
    let mut window = 0u64;
    let mut run = 0;
    for c in normalized.chars() {
        if is_han(c) {
            window = (window << 21 | u64::from(c)) & ((1 << 63) - 1);
            run += 1;
            if run >= 3 {
                emit(window);
            }
        } else {
            run = 0;
        }
    }
}

/// The three characters of a key of [`trigram_keys`].
pub fn trigram_text<T: FromIterator<char>>(key: u64) -> T {
    [42, 21, 0]
        .into_iter()
        .filter_map(|shift| char::from_u32((key >> shift) as u32 & 0x1F_FFFF))
        .collect()
}

/// The trigrams of `text` (see [`trigram_keys`]) as strings.
pub fn trigrams(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    trigram_keys(&normalize(text), |key| out.push(trigram_text(key)));
    out
}

/// The tokens of `text` as owned strings (for tests and queries).
pub fn tokens(text: &str, mode: Mode) -> Vec<String> {
    let mut out = Vec::new();
    tokenize(text, mode, |t| out.push(t.to_owned()));
    out
}

/// 32-bit FNV-1a of the UTF-8 bytes: how terms and keys are assigned to
/// shards, identically in Rust and JS.
pub fn fnv1a(text: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// The exact-match form of a 文件编号 or 索引号: NFKC, lower case, every
/// kind of bracket (〔〕 [] () ［］ 【】 （）) as `[]`, spaces removed.
pub fn normalize_key(text: &str) -> String {
    normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '〔' | '(' | '【' | '〖' | '{' => '[',
            '〕' | ')' | '】' | '〗' | '}' => ']',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Vectors {
        tokens: Vec<TokenCase>,
        keys: Vec<[String; 2]>,
        hashes: Vec<(String, u32)>,
    }

    #[derive(Deserialize)]
    struct TokenCase {
        text: String,
        index: Vec<String>,
        query: Vec<String>,
        trigrams: Vec<String>,
    }

    #[test]
    fn normalising_in_pieces_equals_normalising_the_whole_text() {
        let whole = |t: &str| -> String { t.nfkc().flat_map(char::to_lowercase).map(fold).collect() };
        for c in (0x3400..=0x4DBF)
            .chain(0x4E00..=0x9FFF)
            .filter_map(char::from_u32)
        {
            assert!(is_inert(c));
            let nfkc: String = c.to_string().nfkc().flat_map(char::to_lowercase).collect();
            assert_eq!(nfkc, c.to_string(), "{c} is not inert");
        }
        for text in [
            "关于ＡＢＣ１２３（试行）的通知：Ｅ\u{301}公开",
            "e\u{301}中\u{301}国 ﬁ ㍿ ①② ΣΑΣ Ⅻ",
            "政务公开\r\n第一条　　",
            "",
            "中",
            "ABC",
            "中文ABC。ＤＥＦ中",
            "ＸＹ中",
            "政務公開，國務院辦公廳𠁞",
        ] {
            assert_eq!(normalize(text), whole(text), "{text:?}");
        }
    }

    #[test]
    fn characters_normalised_alone_normalise_so_beside_each_other() {
        let whole = |t: &str| -> String { t.nfkc().flat_map(char::to_lowercase).map(fold).collect() };
        let table = alone_table();
        let alone: Vec<char> = ALONE
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .filter_map(char::from_u32)
            .filter(|&c| {
                let mut out = String::new();
                table.push(c.encode_utf8(&mut [0; 4]), &mut out)
            })
            .collect();
        // Punctuation and full-width forms are here; the katakana voiced
        // mark's half-width form is not.
        for c in [
            '，', '。', '、', '：', '（', '）', '“', '”', '…', '　', 'Ａ', '１', 'a', '\n',
        ] {
            assert!(alone.contains(&c), "{c:?}");
        }
        assert!(!alone.contains(&'\u{FF9E}'));
        assert!(alone.len() > 400, "{}", alone.len());
        let mut pair = String::new();
        let mut fast = String::new();
        for &a in &alone {
            for &b in &alone {
                pair.clear();
                pair.push(a);
                pair.push(b);
                fast.clear();
                assert!(table.push(&pair, &mut fast));
                assert_eq!(fast, whole(&pair), "{pair:?}");
            }
        }
        // A piece with a character not here is normalised whole.
        assert_eq!(normalize("，e\u{301}。"), whole("，e\u{301}。"));
        assert_eq!(normalize("中ｶﾞ中"), whole("中ｶﾞ中"));
    }

    #[test]
    fn traditional_characters_fold_to_simplified() {
        assert_eq!(normalize("政務公開工作年度報告"), "政务公开工作年度报告");
        assert_eq!(normalize("國務院辦公廳"), "国务院办公厅");
        assert_eq!(normalize("政务公开"), "政务公开", "simplified text is kept");
        assert_eq!(tokens("資訊公開", Mode::Query), tokens("资讯公开", Mode::Query));
        // Every pair of the table folds, and no simplified form folds again.
        let pairs: Vec<(char, char)> = FOLD_TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.chars();
                Some((c.next()?, c.next()?))
            })
            .collect();
        assert!(pairs.len() > 3000, "{} pairs", pairs.len());
        for (from, to) in pairs {
            assert_eq!(fold(from), to, "{from}");
            assert_eq!(fold(to), to, "{to} folds again");
        }
    }

    #[test]
    fn shared_vectors_hold() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search-vectors.json");
        let vectors: Vectors =
            serde_json::from_str(&std::fs::read_to_string(path).expect("vectors")).expect("json");
        for case in &vectors.tokens {
            assert_eq!(
                tokens(&case.text, Mode::Index),
                case.index,
                "index tokens of {:?}",
                case.text
            );
            assert_eq!(
                tokens(&case.text, Mode::Query),
                case.query,
                "query tokens of {:?}",
                case.text
            );
            assert_eq!(trigrams(&case.text), case.trigrams, "trigrams of {:?}", case.text);
        }
        // The one-pass reader indexing uses gives the same tokens and
        // trigrams, for the vectors and for every mix of their pieces.
        let mut texts: Vec<String> = vectors.tokens.iter().map(|c| c.text.clone()).collect();
        for a in &vectors.tokens {
            for b in &vectors.tokens {
                texts.push(format!("{}{}", a.text, b.text));
            }
        }
        for text in &texts {
            let text = normalize(text);
            let mut expected: Vec<String> = Vec::new();
            tokenize_normalized(&text, Mode::Index, |t| expected.push(t.to_owned()));
            let (mut got, mut tris): (Vec<String>, Vec<u64>) = (Vec::new(), Vec::new());
            index_tokens(
                &text,
                |t| {
                    got.push(match t {
                        IndexToken::Packed(p) => {
                            let bytes = p.to_le_bytes();
                            let len = bytes.iter().position(|&b| b == 0).unwrap_or(8);
                            String::from_utf8(bytes[..len].to_vec()).expect("utf-8")
                        }
                        IndexToken::Word(w) => w.to_owned(),
                    });
                },
                |k| tris.push(k),
            );
            expected.sort();
            got.sort();
            assert_eq!(got, expected, "index tokens of {text:?}");
            let mut want = Vec::new();
            trigram_keys(&text, |k| want.push(k));
            assert_eq!(tris, want, "trigrams of {text:?}");
        }
        for [raw, key] in &vectors.keys {
            assert_eq!(&normalize_key(raw), key, "key of {raw:?}");
        }
        for (text, hash) in &vectors.hashes {
            assert_eq!(fnv1a(text), *hash, "hash of {text:?}");
        }
    }
}
