//! What a build may hold in memory to save work, beside the catalogue
//! itself: `GONGKAI_MEMORY` megabytes (2048 when it is not set), shared
//! among the caches of a build —
//!
//! - the Markdown bodies read in loading's first phase, for its second
//!   (`catalogue::load`; past its share a body is read again),
//! - the bodies' HTML, for the pages, as it is and then compressed
//!   (`content::body`; past them a page renders its body again),
//! - the bodies' plain texts, for the search index (past its share a text
//!   is rendered again),
//! - the postings merged in memory (`search::runs`; past its share they
//!   are merged on disk in runs).
//!
//! The shares are fractions of the whole and are not all full at once:
//! the bodies read are rendered into HTML and texts, the HTML is freed
//! before the index is built. Whatever the budget, the output is the
//! same, byte for byte (`tests/search.rs`); only time and memory differ.

/// Bytes each cache may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Budgets {
    /// Markdown bodies between loading's two phases.
    pub(crate) sources: usize,
    /// Bodies' HTML as it is.
    pub(crate) html: usize,
    /// Bodies' HTML compressed, once `html` is spent.
    pub(crate) packed: usize,
    /// Bodies' plain texts for the index.
    pub(crate) texts: usize,
    /// Postings merged in memory.
    pub(crate) index: usize,
}

/// Megabytes when `GONGKAI_MEMORY` is not set.
const DEFAULT_MB: usize = 2048;

impl Budgets {
    /// The budgets `GONGKAI_MEMORY` asks for (a number of megabytes).
    pub(crate) fn from_env() -> Budgets {
        let mb = std::env::var("GONGKAI_MEMORY")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(DEFAULT_MB);
        Budgets::of(mb.saturating_mul(1 << 20))
    }

    /// The shares of `total` bytes.
    pub(crate) fn of(total: usize) -> Budgets {
        Budgets {
            sources: total / 4,
            html: total / 4,
            packed: total / 32 * 3,
            texts: total / 4,
            index: total / 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_shares_are_the_budgets_measured_before() {
        // 512 MB of HTML (about 100,000 documents), 192 MB compressed,
        // 512 MB of texts, 1 GB of postings (150,000 documents).
        let b = Budgets::of(DEFAULT_MB << 20);
        assert_eq!(
            (b.html, b.packed, b.texts, b.index),
            (512 << 20, 192 << 20, 512 << 20, 1 << 30)
        );
        assert_eq!(b.sources, 512 << 20);
        let none = Budgets::of(0);
        assert_eq!(
            none.sources + none.html + none.packed + none.texts + none.index,
            0
        );
    }
}
