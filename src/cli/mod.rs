//! The command line: one struct per subcommand, each with its own `run`;
//! the options several share (`--root`, `--format`, `--quiet`) are declared
//! once. The only place that prints (with [`terminal`]).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use gongkai::lang::Lang;
use gongkai::{BuildOptions, msg};

mod help;
mod terminal;
pub(crate) use help::localized_command;
use terminal::Output;

/// Builds government information-disclosure catalogues (政府信息公开目录)
/// as static sites.
#[derive(Parser)]
#[command(version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: zh (Chinese, the default) or en; also
    /// GONGKAI_LANG, else site.yaml's language.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| "zh or en".to_owned())
}

/// The language of a run: `--lang`, else `GONGKAI_LANG`, else the language
/// of site.yaml in `root`, else Chinese.
pub(crate) fn language(flag: Option<Lang>, root: &std::path::Path) -> Lang {
    flag.or_else(Lang::from_env)
        .or_else(|| gongkai::site::config::peek_language(root).map(|l| Lang::of_site(&l)))
        .unwrap_or_default()
}

impl Cli {
    /// Runs the chosen subcommand; its exit code.
    pub(crate) fn run(self) -> ExitCode {
        let lang = self.lang;
        match self.command {
            Command::Build(c) => c.run(lang),
            Command::Serve(c) => c.run(lang),
            Command::Check(c) => c.run(lang),
            Command::Audit(c) => c.run(lang),
            Command::Stats(c) => c.run(lang),
            Command::Report(c) => c.run(lang),
            Command::Deploy(c) => c.run(lang),
            Command::Bulk(c) => c.run(lang),
            Command::NewDoc(c) => c.run(lang),
            Command::Import(c) => c.run(lang),
            Command::New(c) => c.run(lang),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or site.yaml's output_dir, or --out).
    Build(Build),
    /// Build, serve the site on 127.0.0.1, rebuild on every change in
    /// content/, themes/ or site.yaml and reload open pages.
    Serve(Serve),
    /// Run every validation and write nothing.
    Check(Check),
    /// Audit a built site against the government-website and disclosure
    /// rules (identity, page tags, column, annual reports, links …); exit 1
    /// when a required rule fails.
    Audit(Audit),
    /// Print the annual report's table 二(一) (规章, 行政规范性文件 …) for a year.
    Stats(Stats),
    /// Draft the year's 政府信息公开工作年度报告 into content/ (or refresh its
    /// tables), from the catalogue and the registers; every sum checked.
    Report(AnnualReport),
    /// Publish the built output to a target declared in site.yaml
    /// (deploy: targets:), sending only what changed.
    Deploy(Deploy),
    /// Write the published catalogue with its texts as bulk NDJSON for
    /// OpenSearch or Elasticsearch (_bulk), and the index's mapping.
    Bulk(Bulk),
    /// Create a document with the next free 索引号 (site.yaml index_number.pattern),
    /// today's date and the required fields; prints its path.
    NewDoc(NewDoc),
    /// Import a legacy site's saved pages (HTML or text), one Markdown
    /// document each; prints what was imported and every field left TODO.
    Import(Import),
    /// Create a new site with two example documents.
    New(New),
}

/// The site a command works on.
#[derive(Args)]
struct Site {
    /// The site folder, holding site.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// How problems are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Text for people, with the source line and a caret (on stderr).
    Human,
    /// One JSON object per problem and line (on stdout).
    Json,
    /// GitHub Actions annotations (on stdout).
    Github,
}

/// What a command that reports problems prints.
#[derive(Args)]
struct Report {
    /// How to print problems: human, json (one object per line) or github
    /// (GitHub Actions annotations).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// No progress bar and no summary: only problems are printed.
    #[arg(long, short)]
    quiet: bool,
    /// Warnings fail the run (exit 1), for CI: a placeholder base_url, an
    /// undeclared issuer, an empty body, a date far in the future.
    #[arg(long)]
    strict: bool,
}

impl Report {
    fn output(&self, site: &Site, lang: Option<Lang>) -> Output {
        Output::new(&site.root, self.format, self.quiet, language(lang, &site.root)).strict(self.strict)
    }
}

#[derive(Args)]
struct Build {
    #[command(flatten)]
    site: Site,
    /// Write the site here instead.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    report: Report,
    /// Write every file again, ignoring what the last build wrote.
    #[arg(long)]
    clean: bool,
    /// Build into an output folder that holds files gongkai did not write,
    /// replacing them.
    #[arg(long)]
    force: bool,
}

impl Build {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let output = self.report.output(&self.site, lang);
        let result = gongkai::build(&BuildOptions {
            root: self.site.root,
            out: self.out,
            progress: output.progress(),
            clean: self.clean,
            force: self.force,
        });
        output.report(result, msg!("verb.built"))
    }
}

#[derive(Args)]
struct Serve {
    #[command(flatten)]
    site: Site,
    /// The port to try first (the next free one is taken if it is busy).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
}

impl Serve {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let output = Output::new(
            &self.site.root,
            Format::Human,
            false,
            language(lang, &self.site.root),
        );
        let options = gongkai::serve::ServeOptions {
            build: BuildOptions {
                root: self.site.root.clone(),
                out: None,
                progress: output.progress(),
                clean: false,
                force: false,
            },
            port: self.port,
        };
        let ready = |addr: std::net::SocketAddr| {
            let url = format!("http://{addr}/");
            output.say(&msg!("serve.ready", url = url));
            if self.open {
                terminal::open_browser(&url, output.lang);
            }
        };
        match gongkai::serve::serve(&options, ready, |result| output.build_result(result)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                output.error(&gongkai::lang::Text::new("serve.error").nested("error", &e.text()));
                ExitCode::from(2)
            }
        }
    }
}

#[derive(Args)]
struct Check {
    #[command(flatten)]
    site: Site,
    #[command(flatten)]
    report: Report,
    /// Convert GBK files to UTF-8 (the original is kept beside it as .gbk).
    #[arg(long)]
    fix_encoding: bool,
    /// Also print the deadlines missed as a table.
    #[arg(long)]
    deadlines: bool,
}

impl Check {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let output = self.report.output(&self.site, lang);
        if self.fix_encoding {
            let (converted, problems) = gongkai::authoring::encoding::fix(&self.site.root);
            for c in &converted {
                output.say(&msg!(
                    "source.converted",
                    file = c.file.display(),
                    backup = c.backup.display()
                ));
            }
            output.diagnostics(&problems);
        }
        let result = gongkai::check(&self.site.root, &output.progress());
        if self.deadlines
            && result.is_ok()
            && let Ok((late, _)) = gongkai::catalogue::deadlines::of_site(&self.site.root)
        {
            print!("{}", deadline_table(&late, output.lang));
        }
        output.report(result, msg!("verb.checked"))
    }
}

/// The deadlines missed, as a Markdown table (a line saying none when none).
fn deadline_table(late: &[gongkai::catalogue::deadlines::Late], lang: Lang) -> String {
    if late.is_empty() {
        return format!("{}\n", msg!("deadline.table.none").get(lang));
    }
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let header = [
        msg!("deadline.table.rule"),
        msg!("deadline.table.subject"),
        msg!("deadline.table.file"),
        msg!("deadline.table.due"),
        msg!("deadline.table.done"),
    ]
    .map(|text| text.get(lang));
    let mut out = format!("| {} |\n|{}\n", header.join(" | "), " --- |".repeat(header.len()));
    for l in late {
        let cells = [
            l.rule.name().get(lang),
            l.subject.replace('|', "\\|"),
            gongkai::catalogue::deadlines::file_of(l).display().to_string(),
            day(l.due).unwrap_or_default(),
            day(l.done).unwrap_or_else(|| msg!("deadline.table.not_done").get(lang)),
        ];
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

#[derive(Args)]
struct Audit {
    #[command(flatten)]
    site: Site,
    /// The built folder to audit (default: site.yaml's output_dir).
    #[arg(long)]
    out: Option<PathBuf>,
    /// The day annual-report deadlines are judged on (default: today), e.g.
    /// 2026-04-01.
    #[arg(long, value_parser = parse_day)]
    today: Option<chrono::NaiveDate>,
    /// How to print the checklist: human, json (one object per rule and
    /// line) or github (GitHub Actions annotations).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| "YYYY-MM-DD".to_owned())
}

impl Audit {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let lang = language(lang, &self.site.root);
        let output = Output::new(&self.site.root, Format::Human, true, lang);
        let today = self.today.unwrap_or_else(|| chrono::Local::now().date_naive());
        let findings = match gongkai::audit::audit(&self.site.root, self.out.as_deref(), today) {
            Ok(findings) => findings,
            Err(problems) => {
                output.diagnostics(&problems);
                return ExitCode::from(2);
            }
        };
        let failed = findings.iter().filter(|f| f.required && !f.passed()).count();
        let advice = findings.iter().filter(|f| !f.required && !f.passed()).count();
        let passed = findings.iter().filter(|f| f.passed()).count();
        let source = |f: &gongkai::audit::Finding| f.source().get(lang);
        for f in &findings {
            let name = f.name().get(lang);
            let problems: Vec<String> = f.problems.iter().map(|p| p.get(lang)).collect();
            match self.format {
                Format::Human => {
                    let (mark, status) = match (f.passed(), f.required) {
                        (true, _) => ("✓", msg!("audit.pass")),
                        (false, true) => ("✗", msg!("audit.fail")),
                        (false, false) => ("!", msg!("audit.advice")),
                    };
                    println!("{mark} [{}] {name}", status.get(lang));
                    println!("    {}", source(f));
                    for p in &problems {
                        println!("    - {p}");
                    }
                }
                Format::Json => println!(
                    "{}",
                    serde_json::json!({
                        "code": f.code,
                        "required": f.required,
                        "passed": f.passed(),
                        "rule": name,
                        "source": source(f),
                        "problems": problems,
                    })
                ),
                Format::Github => {
                    if !f.passed() {
                        let level = if f.required { "error" } else { "warning" };
                        use gongkai::diagnostic::{github_data, github_property};
                        println!(
                            "::{level} title={}::{}",
                            github_property(&name),
                            github_data(&format!("{}\n{}", source(f), problems.join("\n")))
                        );
                    }
                }
            }
        }
        let dir = self.out.clone().unwrap_or_else(|| self.site.root.clone());
        if self.format == Format::Human {
            println!(
                "{}",
                msg!(
                    "audit.summary",
                    dir = dir.display(),
                    rules = findings.len(),
                    passed = passed,
                    failed = failed,
                    advice = advice
                )
                .get(lang)
            );
        }
        if failed > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// The forms of the annual report's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// A Markdown table to paste into the report.
    Md,
    /// CSV.
    Csv,
    /// JSON.
    Json,
}

#[derive(Args)]
struct Stats {
    #[command(flatten)]
    site: Site,
    /// The report's year.
    #[arg(long)]
    year: i32,
    /// md (a Markdown table to paste into the report), csv or json.
    #[arg(long, value_enum, default_value_t = TableFormat::Md)]
    format: TableFormat,
}

impl Stats {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        use gongkai::catalogue::stats;
        use gongkai::diagnostic::Diagnostic;
        let output = Output::new(
            &self.site.root,
            Format::Human,
            true,
            language(lang, &self.site.root),
        );
        let (statistics, warnings) = match stats::of_site(&self.site.root) {
            Ok(loaded) => loaded,
            Err(e) => return output.report(Err(e), msg!("verb.checked")),
        };
        output.diagnostics(&warnings);
        if statistics.kinds.is_empty() {
            output.diagnostics(&[Diagnostic::error(
                gongkai::site::config::FILE_NAME,
                msg!("stats.no_kinds"),
            )
            .field("kinds")
            .hint(msg!("stats.no_kinds.hint"))]);
            return ExitCode::from(2);
        }
        let mut notes: Vec<Diagnostic> = statistics
            .undated
            .iter()
            .map(|undated| {
                Diagnostic::warning(
                    gongkai::site::CONTENT_DIR,
                    msg!("stats.undated", number = undated),
                )
            })
            .collect();
        notes.extend(stats::cross_year_check(&statistics).into_iter().map(|problem| {
            Diagnostic::warning(
                gongkai::site::CONTENT_DIR,
                msg!("stats.cross_year", problem = problem),
            )
        }));
        output.diagnostics(&notes);
        let format = match self.format {
            TableFormat::Md => stats::Format::Markdown,
            TableFormat::Csv => stats::Format::Csv,
            TableFormat::Json => stats::Format::Json,
        };
        print!("{}", stats::annual_table(&statistics, self.year, format));
        ExitCode::SUCCESS
    }
}

#[derive(Args)]
struct AnnualReport {
    #[command(flatten)]
    site: Site,
    /// The report's year (the year the figures are of).
    #[arg(long)]
    year: i32,
    /// Print the tables instead of writing the document: md, csv or json.
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
}

impl AnnualReport {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        use gongkai::content::annual;
        let root = self.site.root;
        let output = Output::new(&root, Format::Human, true, language(lang, &root));
        let today = gongkai::content::date::build_date();
        let drafted = match gongkai::report::tables(&root, self.year, today) {
            Ok(t) => t,
            Err(e) => return output.report(Err(e), msg!("verb.checked")),
        };
        output.diagnostics(&drafted.notes);
        output.complain(&msg!("report.read", rows = drafted.applications));
        let tables = &drafted.tables;
        match self.format {
            Some(TableFormat::Md) => {
                for t in tables {
                    println!("{}", annual::markdown(t));
                }
            }
            Some(TableFormat::Csv) => {
                for t in tables {
                    println!("{} {}\r\n{}", t.year, t.section.title(), annual::csv(t));
                }
            }
            Some(TableFormat::Json) => {
                println!("{}", serde_json::to_string_pretty(tables).unwrap_or_default());
            }
            None => match gongkai::report::draft::write(&root, tables, today) {
                Ok(done) => {
                    let path = done.path.display().to_string();
                    let missing: Vec<gongkai::diagnostic::Diagnostic> = done
                        .missing
                        .iter()
                        .map(|s| {
                            gongkai::diagnostic::Diagnostic::warning(
                                &done.path,
                                msg!("report.block_missing", path = path, section = s.title()),
                            )
                            .hint(msg!(
                                "report.block_missing.hint",
                                year = self.year,
                                numeral = s.numeral()
                            ))
                        })
                        .collect();
                    output.diagnostics(&missing);
                    if done.created {
                        output.say(&msg!("report.created", year = self.year, path = path));
                    } else {
                        output.say(&msg!("report.refreshed", year = self.year, path = path));
                    }
                }
                Err(problems) => {
                    output.diagnostics(&problems);
                    return ExitCode::from(2);
                }
            },
        }
        ExitCode::SUCCESS
    }
}

#[derive(Args)]
struct Bulk {
    #[command(flatten)]
    site: Site,
    #[command(flatten)]
    report: Report,
    /// The NDJSON file to write (replaced whole).
    #[arg(long, default_value = "catalogue.ndjson")]
    out: PathBuf,
    /// The index the action lines name.
    #[arg(long, default_value = "gongkai")]
    index: String,
    /// Also write the index's mapping (settings and fields) to this file.
    #[arg(long)]
    mapping: Option<PathBuf>,
}

impl Bulk {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let output = self.report.output(&self.site, lang);
        let result = gongkai::bulk(
            &self.site.root,
            &self.out,
            &self.index,
            self.mapping.as_deref(),
            &output.progress(),
        );
        output.report(result, msg!("verb.exported"))
    }
}

#[derive(Args)]
struct Deploy {
    #[command(flatten)]
    site: Site,
    /// The target's name (default: the first in site.yaml).
    #[arg(long)]
    target: Option<String>,
    /// Print what would be uploaded and deleted; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Delete even beyond deploy.max_delete_percent.
    #[arg(long)]
    force: bool,
}

impl Deploy {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let root = self.site.root;
        let output = Output::new(&root, Format::Human, false, language(lang, &root));
        let options = gongkai::deploy::Options {
            target: self.target,
            dry_run: self.dry_run,
            force: self.force,
        };
        let done = match gongkai::deploy::deploy(&root, &options) {
            Ok(done) => done,
            Err(problems) => {
                output.diagnostics(&problems);
                return ExitCode::from(2);
            }
        };
        output.diagnostics(&done.notes);
        let plan = &done.plan;
        let bytes = format!("{:.1} MB", plan.bytes as f64 / 1e6);
        if self.dry_run {
            for path in &plan.uploads {
                println!("+ {path}");
            }
            for path in &plan.deletions {
                println!("- {path}");
            }
        }
        let summary = if self.dry_run {
            gongkai::lang::Text::new("deploy.plan")
        } else {
            gongkai::lang::Text::new("deploy.done")
        };
        output.say(
            &summary
                .arg("target", &done.target)
                .arg("uploads", &plan.uploads.len())
                .arg("bytes", &bytes)
                .arg("deletions", &plan.deletions.len())
                .arg("unchanged", &plan.unchanged),
        );
        if self.dry_run {
            output.say(&msg!("deploy.dry_run"));
        }
        if let Some((urls, file)) = &done.refresh {
            for url in urls {
                println!("{url}");
            }
            output.say(&msg!("deploy.refresh", n = urls.len(), file = file.display()));
        }
        ExitCode::SUCCESS
    }
}

#[derive(Args)]
struct NewDoc {
    #[command(flatten)]
    site: Site,
    /// The 信息分类, by name or code (e.g. 规划计划 or 03).
    #[arg(long)]
    category: String,
    /// The title (else a TODO that check reports until it is written).
    #[arg(long)]
    title: Option<String>,
    /// The 发布机构 (else site.yaml's index_number.issuer).
    #[arg(long)]
    issuer: Option<String>,
    /// The 发文日期 (else today); the 索引号's year comes from it.
    #[arg(long)]
    date: Option<String>,
    /// The 文件编号, e.g. 某政办发〔2026〕3号.
    #[arg(long)]
    doc_number: Option<String>,
}

impl NewDoc {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let root = self.site.root;
        let lang = language(lang, &root);
        let request = gongkai::authoring::new_doc::Request {
            category: self.category,
            title: self.title,
            issuer: self.issuer,
            date: self.date,
            doc_number: self.doc_number,
        };
        match gongkai::authoring::new_doc::create(&root, &request, gongkai::content::date::build_date()) {
            Ok(path) => {
                println!("{}", root.join(path).display());
                ExitCode::SUCCESS
            }
            Err(problems) => {
                Output::new(&root, Format::Human, true, lang).diagnostics(&problems);
                ExitCode::from(2)
            }
        }
    }
}

#[derive(Args)]
struct Import {
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
    #[command(flatten)]
    site: Site,
    /// The 信息分类 of pages that state none (name or code).
    #[arg(long)]
    category: Option<String>,
    /// The 发布机构 of pages that state none.
    #[arg(long)]
    issuer: Option<String>,
    /// Overwrite documents that exist.
    #[arg(long)]
    force: bool,
}

impl Import {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let root = self.site.root;
        let output = Output::new(&root, Format::Human, true, language(lang, &root));
        let options = gongkai::authoring::import::Options {
            root: root.clone(),
            inputs: self.paths,
            into: self.into,
            category: self.category,
            issuer: self.issuer,
            force: self.force,
            register: self.csv,
            lang: output.lang,
        };
        match gongkai::authoring::import::import(&options) {
            Ok(imported) => {
                let mut todo = 0;
                for page in &imported {
                    match &page.document {
                        Some(document) => output.say(&msg!(
                            "import.page",
                            page = page.page.display(),
                            document = document.display()
                        )),
                        None => output.say(&msg!("import.not_written", page = page.page.display())),
                    }
                    for field in &page.todo {
                        output.say(&msg!("import.todo", field = field));
                    }
                    for note in &page.notes {
                        output.say(&msg!("import.note", note = note));
                    }
                    todo += page.todo.len();
                }
                let written = imported.iter().filter(|p| p.document.is_some()).count();
                let mut line = msg!(
                    "import.summary",
                    written = written,
                    total = imported.len(),
                    todo = todo
                )
                .get(output.lang);
                if todo > 0 {
                    line.push_str(&msg!("import.summary.todo").get(output.lang));
                }
                println!("{line}");
                if written == imported.len() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(problems) => {
                output.diagnostics(&problems);
                ExitCode::from(2)
            }
        }
    }
}

#[derive(Args)]
struct New {
    /// The folder to create (must not exist, or be empty).
    dir: PathBuf,
}

impl New {
    fn run(self, lang: Option<Lang>) -> ExitCode {
        let output = Output::new(
            &self.dir,
            Format::Human,
            false,
            language(lang, std::path::Path::new(".")),
        );
        match gongkai::authoring::scaffold::create(&self.dir) {
            Ok(()) => {
                output.say(&msg!("new.created", dir = self.dir.display()));
                output.say(&msg!("new.next", dir = self.dir.display()));
                ExitCode::SUCCESS
            }
            Err(e) => {
                output.error(&e.text());
                ExitCode::from(2)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn shared_options_read_the_same_in_every_command() {
        let cli = Cli::try_parse_from(["gongkai", "check", "--root", "s", "--format", "github", "-q"])
            .expect("parses");
        let Command::Check(check) = cli.command else {
            panic!("check")
        };
        assert_eq!(check.site.root, PathBuf::from("s"));
        assert_eq!((check.report.format, check.report.quiet), (Format::Github, true));
        assert!(Cli::try_parse_from(["gongkai", "build", "--format", "xml"]).is_err());
        let cli =
            Cli::try_parse_from(["gongkai", "stats", "--year", "2020", "--format", "csv"]).expect("parses");
        let Command::Stats(stats) = cli.command else {
            panic!("stats")
        };
        assert_eq!((stats.year, stats.format), (2020, TableFormat::Csv));
    }
}
