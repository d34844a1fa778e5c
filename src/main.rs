//! The `gongkai` command line: parses arguments, runs one subcommand, prints
//! its diagnostics and sets the exit code (0 ok, 1 content problems,
//! 2 usage, site.yaml or I/O problems).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gongkai::{BuildError, BuildOptions, Diagnostic, Report};

/// Builds government information-disclosure catalogues (政府信息公开目录)
/// as static sites.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or site.yaml's output_dir, or --out).
    Build {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write the site here instead.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Run every validation and write nothing.
    Check {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new site with two example documents.
    New {
        /// The folder to create (must not exist, or be empty).
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Command::Build { root, out } => report(gongkai::build(&BuildOptions { root, out }), "built"),
        Command::Check { root } => report(gongkai::check(&root), "checked"),
        Command::New { dir } => match gongkai::scaffold::create(&dir) {
            Ok(()) => {
                println!("created a new site in {}", dir.display());
                println!("next: cd {} && gongkai build", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "{d}");
    }
}

fn report(result: Result<Report, BuildError>, verb: &str) -> ExitCode {
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let target = report
                .out_dir
                .as_ref()
                .map(|d| format!(" into {}", d.display()))
                .unwrap_or_default();
            let pages = if report.pages > 0 {
                format!(", {} pages", report.pages)
            } else {
                String::new()
            };
            println!(
                "{verb} {} documents{pages} ({} not published){target} in {:.2} s",
                report.documents,
                report.unpublished,
                report.elapsed.as_secs_f64()
            );
            if let Some(index) = &report.search {
                println!(
                    "search index: {} terms in {} shards, {} files, {:.1} MB, {:.2} s",
                    index.terms,
                    index.shards,
                    index.files,
                    index.bytes as f64 / 1e6,
                    report.search_time.as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let diagnostics = e.diagnostics();
            print_diagnostics(diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            match &e {
                BuildError::Output(o) => eprintln!("error: {o}"),
                _ => eprintln!("{errors} error(s); nothing was written, the previous output is unchanged"),
            }
            ExitCode::from(e.exit_code())
        }
    }
}
