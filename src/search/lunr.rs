//! The optional elasticlunr-compatible export (`search: { lunr_export: true }`):
//! titles, document numbers and index numbers, tokenized with gongkai's
//! bigram tokenizer, for sites under a few thousand documents that use
//! lunr-based tools. It is an export, not the engine of the search page; a
//! tool querying it must split its queries with the same tokenizer.

use elasticlunr::{IndexBuilder, Pipeline, lang::Language};

use super::tokenizer::{Mode, tokens};
use crate::catalogue::Catalogue;

/// Han bigrams and whole ASCII words, with no pipeline: elasticlunr's
/// English trimmer and stemmer would mangle Chinese tokens and numbers.
struct Bigrams;

impl Language for Bigrams {
    fn name(&self) -> String {
        "Chinese (gongkai bigrams)".into()
    }
    fn code(&self) -> String {
        "zh".into()
    }
    fn tokenize(&self, text: &str) -> Vec<String> {
        tokens(text, Mode::Index)
    }
    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

fn bigrams(text: &str) -> Vec<String> {
    tokens(text, Mode::Index)
}

/// The export as JSON; document refs are the page URLs.
pub fn export(catalogue: &Catalogue) -> String {
    let mut index = IndexBuilder::with_language(Box::new(Bigrams))
        .save_docs(true)
        .add_field_with_tokenizer("title", Box::new(bigrams))
        .add_field_with_tokenizer("doc_number", Box::new(bigrams))
        .add_field_with_tokenizer("index_number", Box::new(bigrams))
        .set_ref("url")
        .build();
    for d in &catalogue.documents {
        index.add_doc(
            &d.url(),
            [
                d.title.as_str(),
                d.doc_number.as_deref().unwrap_or(""),
                d.index_number.as_str(),
            ],
        );
    }
    index.to_json()
}
