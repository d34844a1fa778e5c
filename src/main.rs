//! The `gongkai` command line: parses arguments, runs one subcommand, prints
//! its diagnostics and sets the exit code (0 ok, 1 content problems,
//! 2 usage, site.yaml or I/O problems).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gongkai::BuildOptions;
use gongkai::progress::Progress;

mod terminal;
use terminal::Output;

/// jemalloc instead of the system allocator: a build allocates and frees
/// millions of small strings from several threads, where glibc's malloc
/// spent an eighth of a 50,000-document build searching its free lists.
/// mimalloc, used before, returned freed memory to the system after a
/// second and faulted it in again (zeroed) when a later stage allocated:
/// builds longer than that paid for it in every stage. jemalloc returns
/// freed memory gradually, over about ten seconds, and holds less: a
/// 100,000-document build peaked at 1.46 GB instead of 1.6
/// (`bench/RESULTS.md`). jemalloc does not build for MSVC: Windows keeps
/// mimalloc.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[cfg(target_env = "msvc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        /// No progress bar and no summary: only problems are printed.
        #[arg(long, short)]
        quiet: bool,
        /// Write every file again, ignoring what the last build wrote.
        #[arg(long)]
        clean: bool,
    },
    /// Build, serve the site on 127.0.0.1, rebuild on every change in
    /// content/, themes/ or site.yaml and reload open pages.
    Serve {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to try first (the next free one is taken if it is busy).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
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
        /// No progress bar and no summary: only problems are printed.
        #[arg(long, short)]
        quiet: bool,
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
    /// Create a document with the next free 索引号 (site.yaml index_number.pattern),
    /// today's date and the required fields; prints its path.
    NewDoc {
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The 信息分类, by name or code (e.g. 规划计划 or 03).
        #[arg(long)]
        category: String,
        /// The title (else a TODO that check reports until it is written).
        #[arg(long)]
        title: Option<String>,
        /// The 发布机构 (else site.yaml's index_number.issuer).
        #[arg(long)]
        issuer: Option<String>,
    },
    /// Import a legacy site's saved pages (HTML or text), one Markdown
    /// document each; prints what was imported and every field left TODO.
    Import {
        /// Saved pages, or folders of them (.html, .htm, .txt).
        #[arg(required_unless_present = "csv")]
        paths: Vec<PathBuf>,
        /// A metadata register, one row per document (.csv, .xlsx, .xls or
        /// .ods); a 正文 column names each body's file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Where the documents go, relative to the site folder.
        #[arg(long, default_value = "content")]
        into: PathBuf,
        /// The site folder, holding site.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The 信息分类 of pages that state none (name or code).
        #[arg(long)]
        category: Option<String>,
        /// The 发布机构 of pages that state none.
        #[arg(long)]
        issuer: Option<String>,
        /// Overwrite documents that exist.
        #[arg(long)]
        force: bool,
    },
    /// Create a new site with two example documents.
    New {
        /// The folder to create (must not exist, or be empty).
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    gongkai::diagnostic::panics::install_hook();
    match args.command {
        Command::Build {
            root,
            out,
            format,
            quiet,
            clean,
        } => {
            let output = Output::new(&root, &format, quiet);
            let progress = output.progress();
            let result = gongkai::build(&BuildOptions {
                root,
                out,
                progress,
                clean,
            });
            output.report(result, "built")
        }
        Command::Serve { root, port, open } => {
            let output = Output::new(&root, "human", false);
            let options = gongkai::serve::ServeOptions {
                build: BuildOptions {
                    root: root.clone(),
                    out: None,
                    progress: output.progress(),
                    clean: false,
                },
                port,
            };
            let ready = |addr: std::net::SocketAddr| {
                let url = format!("http://{addr}/");
                println!("serving {url} (Ctrl-C stops)");
                if open {
                    terminal::open_browser(&url);
                }
            };
            match gongkai::serve::serve(&options, ready, |result| output.build_result(result)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot serve: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Check { root, format, quiet } => {
            let output = Output::new(&root, &format, quiet);
            let result = gongkai::check(&root, &output.progress());
            output.report(result, "checked")
        }
        Command::Stats { root, year, format } => stats(&root, year, &format),
        Command::NewDoc {
            root,
            category,
            title,
            issuer,
        } => {
            let request = gongkai::authoring::new_doc::Request {
                category,
                title,
                issuer,
            };
            match gongkai::authoring::new_doc::create(&root, &request, gongkai::build::build_date()) {
                Ok(path) => {
                    println!("{}", root.join(path).display());
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    Output::new(&root, "human", true).diagnostics(&problems);
                    ExitCode::from(2)
                }
            }
        }
        Command::Import {
            paths,
            csv,
            into,
            root,
            category,
            issuer,
            force,
        } => import(&gongkai::authoring::import::Options {
            root,
            inputs: paths,
            into,
            category,
            issuer,
            force,
            register: csv,
        }),
        Command::New { dir } => match gongkai::authoring::scaffold::create(&dir) {
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

fn import(options: &gongkai::authoring::import::Options) -> ExitCode {
    match gongkai::authoring::import::import(options) {
        Ok(imported) => {
            let mut todo = 0;
            for page in &imported {
                match &page.document {
                    Some(document) => println!("{} → {}", page.page.display(), document.display()),
                    None => println!("{} → not written", page.page.display()),
                }
                for field in &page.todo {
                    println!("  TODO {field}");
                }
                for note in &page.notes {
                    println!("  note: {note}");
                }
                todo += page.todo.len();
            }
            let written = imported.iter().filter(|p| p.document.is_some()).count();
            println!(
                "imported {written} of {} page(s); {todo} field(s) left TODO{}",
                imported.len(),
                if todo > 0 {
                    " (gongkai check lists them until they are written)"
                } else {
                    ""
                }
            );
            if written == imported.len() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(problems) => {
            Output::new(&options.root, "human", true).diagnostics(&problems);
            ExitCode::from(2)
        }
    }
}

fn stats(root: &std::path::Path, year: i32, format: &str) -> ExitCode {
    let output = Output::new(root, "human", true);
    let (catalogue, _, warnings) = match gongkai::build::load(root, &Progress::default()) {
        Ok(loaded) => loaded,
        Err(e) => return output.report(Err(e), "checked"),
    };
    output.diagnostics(&warnings);
    let stats = gongkai::catalogue::stats::compute(&catalogue);
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
    for problem in gongkai::catalogue::stats::cross_year_check(&stats) {
        eprintln!("warning: cross-year check: {problem}");
    }
    let format = match format {
        "csv" => gongkai::catalogue::stats::Format::Csv,
        "json" => gongkai::catalogue::stats::Format::Json,
        _ => gongkai::catalogue::stats::Format::Markdown,
    };
    print!(
        "{}",
        gongkai::catalogue::stats::annual_table(&stats, year, format)
    );
    ExitCode::SUCCESS
}
