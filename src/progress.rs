//! How far a run has got, for the command line's progress bar. The library
//! never draws anything: it reports stages and steps to an [`Observer`].

use std::fmt;
use std::sync::Arc;

/// Receives a run's progress; called from many threads at once.
pub trait Observer: Send + Sync {
    /// A stage (`reading`, `rendering`, `indexing`, `exporting`) begins with
    /// `total` steps.
    fn stage(&self, name: &'static str, total: u64);
    /// `steps` more steps of the current stage are done.
    fn advance(&self, steps: u64);
}

/// A cheap handle to an optional [`Observer`]; the default reports nowhere.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<dyn Observer>>);

impl Progress {
    /// Reports to `observer`.
    pub fn new(observer: impl Observer + 'static) -> Self {
        Progress(Some(Arc::new(observer)))
    }

    /// A stage begins.
    pub fn stage(&self, name: &'static str, total: usize) {
        if let Some(o) = &self.0 {
            o.stage(name, total as u64);
        }
    }

    /// Steps of the current stage are done.
    pub fn advance(&self, steps: usize) {
        if let Some(o) = &self.0 {
            o.advance(steps as u64);
        }
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(observed)"
        } else {
            "Progress(silent)"
        })
    }
}
