//! The terms of one document, as the index merges them: every token of its
//! title and text counted (title, all), and the marked tokens of its
//! numbers and title that number-like and field queries read, each keyed
//! compactly and assigned to a merge partition. Every three ideographs in
//! a row are a term too (a trigram): a query's trigrams tell the documents
//! holding it as written from those holding its bigrams apart.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Term;
use super::tokenizer::{self, IndexToken, Mode, fnv1a};
use crate::content::document::Document;

/// A term of a document: one of up to eight bytes (every Han bigram and
/// unigram, most words) packed into an integer; a trigram of ideographs
/// as its three code points (21 bits each); a longer one as its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Key {
    Packed(u64),
    Trigram(u64),
    Long(Term),
}

impl Key {
    pub(super) fn into_term(self) -> Term {
        match self {
            Key::Packed(packed) => {
                let bytes = packed.to_le_bytes();
                let len = bytes.iter().position(|&b| b == 0).unwrap_or(8);
                // Packed from a whole &str: its bytes are UTF-8.
                Term::from(std::str::from_utf8(&bytes[..len]).unwrap_or_default())
            }
            Key::Trigram(packed) => tokenizer::trigram_text(packed),
            Key::Long(term) => term,
        }
    }
}

/// Which of `partitions` merges a packed or trigram key (any function of
/// the term will do: the merged terms are sorted). A multiplication into
/// the range, not a division: it is asked twice for every term.
fn partition_of(key: u64, partitions: usize) -> usize {
    (((key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) * partitions as u64) >> 32) as usize
}

/// A document's terms, by kind: packed tokens and long ones with their
/// counts (title, all), trigrams alone (they are counted nowhere). Each
/// kind is one list grouped by merge partition, partition `p`'s terms at
/// `at[p]..at[p + 1]`: one allocation per kind and document, however
/// many partitions.
#[derive(Debug)]
pub(super) struct DocTerms {
    packed: Vec<(u64, u16, u16)>,
    trigrams: Vec<u64>,
    long: Vec<(Term, u16, u16)>,
    /// Where each partition's terms of each kind start (packed, trigrams,
    /// long), and the ends.
    at: Vec<[u32; 3]>,
}

/// One merge partition's part of a document's terms.
pub(super) struct Part<'a> {
    pub(super) packed: &'a [(u64, u16, u16)],
    pub(super) trigrams: &'a [u64],
    pub(super) long: &'a [(Term, u16, u16)],
}

impl DocTerms {
    /// Partition `p`'s terms.
    pub(super) fn part(&self, p: usize) -> Part<'_> {
        let (from, to) = (self.at[p], self.at[p + 1]);
        let span = |k: usize| from[k] as usize..to[k] as usize;
        Part {
            packed: &self.packed[span(0)],
            trigrams: &self.trigrams[span(1)],
            long: &self.long[span(2)],
        }
    }

    /// Every term with its counts (a trigram's are 0, 0).
    pub(super) fn into_terms(self) -> impl Iterator<Item = (Key, u16, u16)> {
        self.packed
            .into_iter()
            .map(|(key, t, a)| (Key::Packed(key), t, a))
            .chain(self.trigrams.into_iter().map(|key| (Key::Trigram(key), 0, 0)))
            .chain(self.long.into_iter().map(|(term, t, a)| (Key::Long(term), t, a)))
    }
}

impl Part<'_> {
    /// How many terms it holds.
    pub(super) fn len(&self) -> usize {
        self.packed.len() + self.trigrams.len() + self.long.len()
    }
}

/// The `len` items of `items` (an iterator read twice: once to count,
/// once to place) grouped by partition `of` each, a counting sort, with
/// where each partition starts in `at[p][kind]`, for `p` in 0..=partitions.
fn group<T: Clone + Default>(
    items: impl Iterator<Item = T> + Clone,
    len: usize,
    partitions: usize,
    kind: usize,
    at: &mut [[u32; 3]],
    of: impl Fn(&T) -> usize,
) -> Vec<T> {
    let mut next = vec![0u32; partitions + 1];
    for item in items.clone() {
        next[of(&item) + 1] += 1;
    }
    for p in 0..partitions {
        next[p + 1] += next[p];
    }
    for (p, start) in next.iter().enumerate() {
        at[p][kind] = *start;
    }
    let mut grouped = vec![T::default(); len];
    for item in items {
        let slot = &mut next[of(&item)];
        grouped[*slot as usize] = item;
        *slot += 1;
    }
    grouped
}

/// A token of at most eight bytes as an integer (little-endian, zero-padded).
/// Tokens never hold a NUL byte, so the padding is unambiguous.
fn pack(term: &str) -> Option<u64> {
    let bytes = term.as_bytes();
    // A loop of at most eight shifts, not a copy: a copy of a variable
    // length is a call to memcpy, for each of millions of tokens.
    (bytes.len() <= 8).then(|| {
        bytes
            .iter()
            .enumerate()
            .fold(0u64, |packed, (i, &b)| packed | u64::from(b) << (8 * i))
    })
}

/// What marks a term of a document's numbers (文件编号 and 索引号): `#`
/// and the token, so that a query for part of a number (`〔2017〕89号`,
/// `川政办字`, `2017-000525`) finds the documents whose number holds it,
/// apart from those whose text merely cites it.
pub(super) const NUMBER_MARK: char = '#';

/// What marks a term of a document's title: `^` and the token, for field
/// queries (`标题:…`) that must match the title only.
pub(super) const TITLE_MARK: char = '^';

/// The numbers of a document as [`doc_terms`] reads them.
pub(super) fn numbers_of(d: &Document) -> String {
    numbers(d.doc_number.as_deref().unwrap_or(""), &d.index_number)
}

/// A 文件编号 and an 索引号 as [`doc_terms`] reads them (also from the
/// metadata line of a text file the patcher reads back).
pub(super) fn numbers(doc_number: &str, index_number: &str) -> String {
    format!("{doc_number} {index_number}")
}

/// The distinct terms of a document with their counts in the title and in
/// all its text, and its number and title terms ([`NUMBER_MARK`],
/// [`TITLE_MARK`]), grouped by
/// `partitions` partitions ([`partition_of`]).
pub(super) fn doc_terms(title: &str, text: &str, numbers: &str, partitions: usize) -> DocTerms {
    let title = tokenizer::normalize(title);
    let text = tokenizer::normalize(text);
    let numbers = tokenizer::normalize(numbers);
    // At most one bigram per character of Chinese text (three bytes each),
    // and as many marked terms as the title and numbers make: sized once
    // for that instead of growing (a table grown once costs more than one
    // made larger).
    let mut packed: FxHashMap<u64, (u16, u16)> =
        FxHashMap::with_capacity_and_hasher(text.len() / 3 + 16, Default::default());
    let mut long: FxHashMap<Term, (u16, u16)> = FxHashMap::default();
    let mut count_token = |t: IndexToken<'_>, in_title: bool| {
        let c = match t {
            IndexToken::Packed(key) => packed.entry(key).or_default(),
            IndexToken::Word(t) => match pack(t) {
                Some(key) => packed.entry(key).or_default(),
                None => long.entry(Term::from(t)).or_default(),
            },
        };
        if in_title {
            c.0 = c.0.saturating_add(1);
        } else {
            c.1 = c.1.saturating_add(1);
        }
    };
    // The title is the text's first line, so the text holds its trigrams.
    // A trigram is counted nowhere (0, 0): its postings say only which
    // documents hold it (ids alone, see postings::List::Presence).
    let mut trigrams: FxHashSet<u64> =
        FxHashSet::with_capacity_and_hasher(text.len() / 3 + 16, Default::default());
    tokenizer::index_tokens(&title, |t| count_token(t, true), |_| {});
    tokenizer::index_tokens(
        &text,
        |t| count_token(t, false),
        |key| {
            trigrams.insert(key);
        },
    );
    let mut count = |t: &str, in_title: bool| count_token(IndexToken::Word(t), in_title);
    let mut marked = String::new();
    for (mark, field) in [(NUMBER_MARK, &numbers), (TITLE_MARK, &title)] {
        tokenizer::tokenize_normalized(field, Mode::Query, |t| {
            marked.clear();
            marked.push(mark);
            marked.push_str(t);
            count(&marked, false);
        });
    }
    let partitions = partitions.max(1);
    let mut at = vec![[0u32; 3]; partitions + 1];
    let packed = group(
        packed.iter().map(|(&key, &(t, a))| (key, t, a)),
        packed.len(),
        partitions,
        0,
        &mut at,
        |&(key, _, _)| partition_of(key, partitions),
    );
    let trigrams = group(
        trigrams.iter().copied(),
        trigrams.len(),
        partitions,
        1,
        &mut at,
        |&key| partition_of(key, partitions),
    );
    let long = group(
        long.iter().map(|(term, &(t, a))| (term.clone(), t, a)),
        long.len(),
        partitions,
        2,
        &mut at,
        |(term, _, _)| fnv1a(term) as usize % partitions,
    );
    DocTerms {
        packed,
        trigrams,
        long,
        at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_up_to_eight_bytes_are_packed_and_come_back_whole() {
        for term in ["公开", "政务", "中", "2017", "abcdefgh", "𠀀𠀁"] {
            let key = Key::Packed(pack(term).expect(term));
            assert_eq!(key.into_term(), term);
        }
        assert_eq!(pack("abcdefghi"), None);
        assert_ne!(pack("ab"), pack("ba"));
        let long = doc_terms("", "abcdefghijk", "", 3);
        let keys: Vec<Key> = long.into_terms().map(|(k, _, _)| k).collect();
        assert_eq!(keys, [Key::Long(Term::from("abcdefghijk"))]);
    }

    #[test]
    fn each_partition_reads_exactly_its_terms() {
        let text = "关于印发2017年政务公开工作要点的通知 Administration 公开公开";
        let whole = doc_terms("", text, "川政办字〔2017〕89号", 1);
        let mut all: Vec<(Key, u16, u16)> = whole.into_terms().collect();
        for partitions in [1, 3, 8, 32] {
            let terms = doc_terms("", text, "川政办字〔2017〕89号", partitions);
            let mut seen = Vec::new();
            for p in 0..partitions {
                let part = terms.part(p);
                for &(key, t, a) in part.packed {
                    assert_eq!(partition_of(key, partitions), p);
                    seen.push((Key::Packed(key), t, a));
                }
                for &key in part.trigrams {
                    assert_eq!(partition_of(key, partitions), p);
                    seen.push((Key::Trigram(key), 0, 0));
                }
                for (term, t, a) in part.long {
                    assert_eq!(fnv1a(term) as usize % partitions, p);
                    seen.push((Key::Long(term.clone()), *t, *a));
                }
            }
            let order = |k: &(Key, u16, u16)| format!("{k:?}");
            seen.sort_by_key(order);
            all.sort_by_key(order);
            assert_eq!(seen, all, "{partitions} partitions");
            assert!(seen.iter().any(|(k, _, _)| matches!(k, Key::Long(_))));
        }
    }

    #[test]
    fn trigrams_are_three_ideographs_in_a_row_and_come_back_whole() {
        let mut found = Vec::new();
        tokenizer::trigram_keys("政务公开a工作，𠀀𠀁𠀂，年度报告", |k| {
            found.push(Key::Trigram(k).into_term().to_string());
        });
        assert_eq!(found, ["政务公", "务公开", "𠀀𠀁𠀂", "年度报", "度报告"]);
    }

    #[test]
    fn document_terms_count_title_and_text() {
        let buckets = doc_terms("公开", "公开公开", "", 4);
        let mut terms: Vec<(String, u16, u16)> = buckets
            .into_terms()
            .map(|(k, t, a)| (k.into_term().to_string(), t, a))
            .collect();
        terms.sort();
        let expected = [
            ("^公开", 0, 1),
            ("公", 1, 1),
            ("公开", 1, 2),
            ("公开公", 0, 0),
            ("开", 1, 1),
            ("开公", 0, 1),
            ("开公开", 0, 0),
        ];
        let numbered: Vec<String> = doc_terms("", "", "川政办字〔2017〕89号 0101-03-2017-000525", 2)
            .into_terms()
            .map(|(k, _, _)| k.into_term().to_string())
            .collect();
        for term in ["#川政", "#办字", "#2017", "#89", "#号", "#0101", "#000525"] {
            assert!(numbered.contains(&term.to_owned()), "{term} in {numbered:?}");
        }
        let titled: Vec<String> = doc_terms("政务公开", "", "", 1)
            .into_terms()
            .map(|(k, _, _)| k.into_term().to_string())
            .collect();
        for term in ["^政务", "^务公", "^公开"] {
            assert!(titled.contains(&term.to_owned()), "{term} in {titled:?}");
        }
        let expected: Vec<(String, u16, u16)> = expected
            .iter()
            .map(|(s, t, a)| ((*s).to_owned(), *t, *a))
            .collect();
        assert_eq!(terms, expected);
    }
}
