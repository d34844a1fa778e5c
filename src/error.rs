//! Why a run failed, as one type for every stage: site.yaml problems,
//! content problems (each a [`Diagnostic`]), an output that could not be
//! written, or a bug. Each kind maps onto one exit code.

use crate::diagnostic::{self, Diagnostic};
use crate::output::OutputError;

/// Why a run failed; each kind maps onto one exit code.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// site.yaml is missing or invalid (exit 2).
    #[error("site.yaml has problems")]
    Config(Vec<Diagnostic>),
    /// Content or theme files have problems (exit 1).
    #[error("the site has problems")]
    Content(Vec<Diagnostic>),
    /// The output could not be written (exit 2).
    #[error(transparent)]
    Output(#[from] OutputError),
    /// gongkai met a bug outside the handling of any one file (exit 3).
    #[error(
        "gongkai stopped on an internal error ({0}); nothing was written, the previous output is unchanged\n  hint: please report it, with the site if you can"
    )]
    Internal(String),
}

impl BuildError {
    /// The diagnostics to report, if the failure has any.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            BuildError::Config(d) | BuildError::Content(d) => d,
            BuildError::Output(_) | BuildError::Internal(_) => &[],
        }
    }

    /// What the run prints after the diagnostics, in the run's language:
    /// the error count, or why the output could not be written.
    pub fn text(&self) -> crate::lang::Text {
        match self {
            BuildError::Config(d) | BuildError::Content(d) => {
                crate::msg!("run.failed", n = d.iter().filter(|d| d.is_error()).count())
            }
            BuildError::Output(e @ OutputError::Interrupted(_)) => e.text(),
            BuildError::Output(e) => crate::lang::Text::new("run.output_failed").nested("error", &e.text()),
            BuildError::Internal(detail) => crate::msg!("run.internal", detail = detail),
        }
    }

    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            BuildError::Content(_) => 1,
            BuildError::Config(_) | BuildError::Output(_) => 2,
            BuildError::Internal(_) => 3,
        }
    }
}

/// The failure of a run whose `problems` (errors) are reported with its
/// `notices`, sorted and without repeats.
pub(crate) fn content_error(mut problems: Vec<Diagnostic>, notices: Vec<Diagnostic>) -> BuildError {
    problems.extend(notices);
    diagnostic::sort(&mut problems);
    problems.dedup();
    BuildError::Content(problems)
}
