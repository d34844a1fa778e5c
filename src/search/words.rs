//! `words.txt`: the words a "did you mean" suggestion is made of when a
//! query finds nothing — every two ideographs in a row of the documents'
//! titles and keywords, those in the most documents first, one a line.
//!
//! The browser reads it only when a query's pieces are in no document: it
//! replaces the one character that every unknown piece shares with the one
//! that makes the commonest title word (`政付` → `政府`). Titles say what
//! documents are about, and are a small part of the text: the file stays a
//! few tens of kilobytes at any size of catalogue.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::tokenizer::{is_han, normalize};

/// At most this many words are listed.
const MAX_WORDS: usize = 4000;

/// The file's text from each document's title and keywords: the words, by
/// the number of documents holding them (most first), then by code point.
/// The documents are counted on every core (the counts add up the same in
/// any order; the order of the list is total).
pub(super) fn title_words<'a, I>(documents: I) -> String
where
    I: IntoParallelIterator<Item = (&'a str, &'a [String])>,
{
    let df: FxHashMap<[char; 2], u32> = documents
        .into_par_iter()
        .fold(
            || (FxHashMap::default(), Vec::new()),
            |(mut df, mut seen): (FxHashMap<[char; 2], u32>, Vec<[char; 2]>), (title, keywords)| {
                seen.clear();
                for part in std::iter::once(title).chain(keywords.iter().map(String::as_str)) {
                    let chars: Vec<char> = normalize(part).chars().collect();
                    for pair in chars.windows(2) {
                        if is_han(pair[0]) && is_han(pair[1]) {
                            seen.push([pair[0], pair[1]]);
                        }
                    }
                }
                seen.sort_unstable();
                seen.dedup();
                for w in &seen {
                    *df.entry(*w).or_insert(0) += 1;
                }
                (df, seen)
            },
        )
        .map(|(df, _)| df)
        .reduce(FxHashMap::default, |a, b| {
            let (mut into, from) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (w, n) in from {
                *into.entry(w).or_insert(0) += n;
            }
            into
        });
    let mut words: Vec<([char; 2], u32)> = df.into_iter().collect();
    words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words
        .iter()
        .take(MAX_WORDS)
        .flat_map(|(w, _)| [w[0], w[1], '\n'])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_by_the_documents_holding_them() {
        let docs = [
            ("政府工作报告", vec![]),
            ("政府信息公开，政府网站", vec!["年报".to_owned()]),
            ("2020年 政務", vec![]),
        ];
        let words = title_words(docs.par_iter().map(|(t, k)| (*t, k.as_slice())));
        let lines: Vec<&str> = words.lines().collect();
        // 政府 is in two documents (twice in one: counted once); the
        // traditional 政務 is folded; 年 and 政 across a space are no word.
        assert_eq!(lines[0], "政府");
        assert!(lines.contains(&"政务") && lines.contains(&"年报"), "{lines:?}");
        assert!(!lines.contains(&"年政"), "{lines:?}");
        assert_eq!(lines.len(), 13, "{lines:?}");
    }
}
