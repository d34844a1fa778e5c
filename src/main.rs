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
        /// How to print problems: human, json (one object per line) or github.
        #[arg(long, default_value = "human", value_parser = ["human", "json", "github"])]
        format: String,
    },
    /// Run every validation and write nothing.
    Check {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems: human, json (one object per line) or github
        /// (GitHub Actions annotations).
        #[arg(long, default_value = "human", value_parser = ["human", "json", "github"])]
        format: String,
    },
    /// Print the annual report's table 二(一) (规章, 行政规范性文件 …) for a year.
    Stats {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The report's year.
        #[arg(long)]
        year: i32,
        /// md (a Markdown table to paste into the report), csv or json.
        #[arg(long, default_value = "md", value_parser = ["md", "csv", "json"])]
        format: String,
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
        Command::Build { root, out, format } => {
            report(gongkai::build(&BuildOptions { root, out }), "built", &format)
        }
        Command::Check { root, format } => report(gongkai::check(&root), "checked", &format),
        Command::Stats { root, year, format } => stats(&root, year, &format),
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

fn stats(root: &std::path::Path, year: i32, format: &str) -> ExitCode {
    let (catalogue, _, warnings) = match gongkai::build::load(root) {
        Ok(loaded) => loaded,
        Err(e) => return report(Err(e), "checked", "human"),
    };
    print_diagnostics(&warnings);
    let stats = gongkai::stats::compute(&catalogue);
    if stats.genres.is_empty() {
        eprintln!(
            "error: site.yaml declares no genres\n  hint: add genres: [规章, 行政规范性文件] and give documents a genre:"
        );
        return ExitCode::from(2);
    }
    for undated in &stats.undated {
        eprintln!(
            "warning: {undated}: repealed or expired without a date; counted as in force (set repealed_on)"
        );
    }
    for problem in gongkai::stats::cross_year_check(&stats) {
        eprintln!("warning: cross-year check: {problem}");
    }
    let format = match format {
        "csv" => gongkai::stats::Format::Csv,
        "json" => gongkai::stats::Format::Json,
        _ => gongkai::stats::Format::Markdown,
    };
    print!("{}", gongkai::stats::annual_table(&stats, year, format));
    ExitCode::SUCCESS
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    print_diagnostics_as(diagnostics, "human");
}

/// Human text goes to stderr; json and github go to stdout, for tools.
fn print_diagnostics_as(diagnostics: &[Diagnostic], format: &str) {
    match format {
        "json" => diagnostics.iter().for_each(|d| println!("{}", d.to_json())),
        "github" => diagnostics.iter().for_each(|d| println!("{}", d.to_github())),
        _ => {
            let mut err = std::io::stderr().lock();
            for d in diagnostics {
                let _ = writeln!(err, "{d}");
            }
        }
    }
}

fn report(result: Result<Report, BuildError>, verb: &str, format: &str) -> ExitCode {
    match result {
        Ok(report) => {
            print_diagnostics_as(&report.warnings, format);
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
            // With json or github output, stdout holds only those lines.
            let summary = |line: String| {
                if format == "human" {
                    println!("{line}");
                } else {
                    eprintln!("{line}");
                }
            };
            summary(format!(
                "{verb} {} documents{pages} ({} not published){target} in {:.2} s",
                report.documents,
                report.unpublished,
                report.elapsed.as_secs_f64()
            ));
            if let Some(index) = &report.search {
                summary(format!(
                    "search index: {} terms in {} shards, {} files, {:.1} MB, {:.2} s",
                    index.terms,
                    index.shards,
                    index.files,
                    index.bytes as f64 / 1e6,
                    report.search_time.as_secs_f64()
                ));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let diagnostics = e.diagnostics();
            print_diagnostics_as(diagnostics, format);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            match &e {
                BuildError::Output(o) => eprintln!("error: {o}"),
                _ => eprintln!("{errors} error(s); nothing was written, the previous output is unchanged"),
            }
            ExitCode::from(e.exit_code())
        }
    }
}
