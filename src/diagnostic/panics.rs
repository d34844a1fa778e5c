//! Panics as diagnostics. A bug met while handling one file is reported for
//! that file, with the place in gongkai's code where it happened, and the
//! other files are still checked; a panic anywhere else ends the run with
//! the same kind of message (see [`catch`]). The previous output is never
//! touched: nothing is committed after a panic.

use std::cell::RefCell;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::Diagnostic;

thread_local! {
    /// The message and place of the last panic on this thread.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The message and place of the last panic on any thread: a panic on a
/// worker thread is caught on the thread that waits for it.
static LAST_ANYWHERE: Mutex<Option<String>> = Mutex::new(None);

/// How many [`catch`]es are running: while none is, a panic is printed as
/// usual (it ends the program).
static CATCHING: AtomicUsize = AtomicUsize::new(0);

/// Notes each panic's message and place for [`catch`]; the default output (a
/// backtrace hint on stderr, in the middle of the progress bar) is kept for
/// panics that nothing catches.
pub fn install_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.load(Ordering::SeqCst) == 0 {
            default(info);
            return;
        }
        let message = payload_message(info.payload());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let noted = format!("{message}{place}");
        if let Ok(mut last) = LAST_ANYWHERE.lock() {
            *last = Some(noted.clone());
        }
        LAST.with(|last| *last.borrow_mut() = Some(noted));
    }));
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// Runs `work`; a panic becomes `Err` with its message (and its place, when
/// the hook is installed and the panic happened on this thread).
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    CATCHING.fetch_add(1, Ordering::SeqCst);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    CATCHING.fetch_sub(1, Ordering::SeqCst);
    result.map_err(|payload| {
        LAST.with(|last| last.borrow_mut().take())
            .or_else(|| LAST_ANYWHERE.lock().ok().and_then(|mut last| last.take()))
            .unwrap_or_else(|| payload_message(payload.as_ref()))
    })
}

/// Runs `work` for the file at `path`, a panic becoming an error for it.
pub fn guard<T>(
    path: &Path,
    doing: &str,
    work: impl FnOnce() -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    catch(work).unwrap_or_else(|message| {
        Err(vec![
            Diagnostic::error(
                path,
                crate::lang::Text::new("internal.file")
                    .nested("stage", &stage_word(doing))
                    .arg("detail", &message),
            )
            .hint(crate::msg!("internal.file.hint")),
        ])
    })
}

/// `reading` / `rendering` in the run's language.
fn stage_word(doing: &str) -> crate::lang::Text {
    match doing {
        "reading" => crate::msg!("word.reading"),
        _ => crate::msg!("word.rendering"),
    }
}

/// Test seam, in debug builds only: panics when `GONGKAI_FAIL` is
/// `<stage>:<text>` and `subject` (a file's path) contains `<text>`, so the
/// tests can prove that a panic in each stage is reported. Release builds
/// compile it to nothing.
pub fn fail_point(stage: &str, subject: &Path) {
    if armed(stage, subject) {
        panic!(
            "GONGKAI_FAIL={}",
            std::env::var("GONGKAI_FAIL").unwrap_or_default()
        );
    }
}

/// Whether the test seam `GONGKAI_FAIL=<stage>:<text>` names this stage and
/// `subject` (debug builds only; always false in release builds). The
/// writer uses it to fail as a full disk would (`write:<text>`).
pub fn armed(stage: &str, subject: &Path) -> bool {
    cfg!(debug_assertions)
        && std::env::var("GONGKAI_FAIL").is_ok_and(|spec| {
            spec.split_once(':')
                .is_some_and(|(wanted, text)| wanted == stage && subject.to_string_lossy().contains(text))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_diagnostic_for_its_file() {
        let result: Result<(), _> = guard(Path::new("content/a.md"), "rendering", || panic!("boom"));
        let problems = result.expect_err("a panic is an error");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, Path::new("content/a.md"));
        assert!(
            problems[0].message.en().contains("boom"),
            "{}",
            problems[0].message
        );
        assert_eq!(catch(|| 7), Ok(7));
    }
}
