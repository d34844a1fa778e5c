//! `gencorpus`: writes a generated corpus site for tests and benchmarks.
//!
//! ```text
//! cargo run --release -p gongkai-corpus -- --docs 10000 --seed 1 --out /tmp/native-10000
//! cargo run --release -p gongkai-corpus -- --docs 10000 --seed 1 --format hugo --out /tmp/hugo-10000
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use gongkai_corpus::{Format, Options};

fn usage() -> ExitCode {
    eprintln!("usage: gencorpus --docs N --out DIR [--seed S] [--format native|hugo] [--model [--subjects]]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut docs = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut format = Format::Native;
    let mut model = false;
    let mut subjects = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--model" {
            model = true;
            continue;
        }
        if arg == "--subjects" {
            subjects = true;
            continue;
        }
        let Some(value) = args.next() else {
            return usage();
        };
        match arg.as_str() {
            "--docs" => docs = value.parse::<usize>().ok(),
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => match value.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            "--format" => match value.as_str() {
                "native" => format = Format::Native,
                "hugo" => format = Format::Hugo,
                _ => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(docs), Some(out)) = (docs, out) else {
        return usage();
    };
    let options = Options {
        docs,
        seed,
        format,
        model,
        subjects,
    };
    match gongkai_corpus::generate(&options, &out) {
        Ok(bytes) => {
            eprintln!("wrote {docs} documents, {bytes} bytes, to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gencorpus: {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
