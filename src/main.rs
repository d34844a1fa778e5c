//! The `gongkai` command line: parses arguments, runs one subcommand, prints
//! its diagnostics and sets the exit code (0 ok, 1 content problems,
//! 2 usage, site.yaml or I/O problems, 3 an internal error).

use std::process::ExitCode;

use clap::FromArgMatches;

mod cli;

/// jemalloc instead of the system allocator: a build allocates and frees
/// millions of small strings from several threads, where glibc's malloc
/// spent an eighth of a 50,000-document build searching its free lists.
/// mimalloc, used before, returned freed memory to the system after a
/// second and faulted it in again (zeroed) when a later stage allocated:
/// builds longer than that paid for it in every stage. jemalloc returns
/// freed memory gradually, over about ten seconds, and holds less: a
/// 100,000-document build peaked at 1.46 GB instead of 1.6
/// (`bench/RESULTS.md`). jemalloc does not build for Windows: there
/// (MSVC or GNU) it is mimalloc.
#[cfg(not(windows))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[cfg(windows)]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // The language of --help is needed before the arguments are parsed:
    // --lang, GONGKAI_LANG or the site.yaml of --root (or of this folder).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = |name: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            let a = a.to_str()?;
            a.strip_prefix(&format!("{name}="))
                .map(str::to_owned)
                .or_else(|| {
                    (a == name)
                        .then(|| args.get(i + 1)?.to_str().map(str::to_owned))
                        .flatten()
                })
        })
    };
    let root = early("--root").unwrap_or_else(|| ".".to_owned());
    let flag = early("--lang").and_then(|l| gongkai::lang::Lang::parse(&l));
    let lang = cli::language(flag, std::path::Path::new(&root));
    let matches = cli::localized_command(lang).get_matches_from(&args);
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    gongkai::diagnostic::panics::install_hook();
    cli.run()
}
