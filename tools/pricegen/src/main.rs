//! `pricegen`: writes a bundled price book from AWS Price List offer files.
//!
//! ```text
//! pricegen --book 2026-12 --offers prices/offers/2026-12 \
//!          --assumed prices/2026-12/assumed.json --out core/src/books/b2026_12.rs
//! ```
//!
//! Every `*.json` under `--offers` is read (the per-service files of the
//! Price List Bulk API, or its per-region files in subfolders). Exit codes:
//! 0 written (or, with `--check`, unchanged), 1 bad input, 2 prices missing,
//! 3 `--check` found the file out of date.

use backcast_pricegen::{generate, read_offer_dir, Error, InputFile, Inputs};
use clap::{Arg, ArgAction, Command};
use std::path::PathBuf;
use std::process::ExitCode;

fn command() -> Command {
    Command::new("pricegen")
        .about("Writes Backcast's bundled price book from AWS Price List bulk offer files")
        .arg(
            Arg::new("book")
                .long("book")
                .required(true)
                .value_name("YYYY-MM")
                .help("the book id links pin (prices=YYYY-MM)"),
        )
        .arg(
            Arg::new("offers")
                .long("offers")
                .required(true)
                .value_name("DIR")
                .help("folder of offer files (*.json, subfolders too)"),
        )
        .arg(
            Arg::new("assumed")
                .long("assumed")
                .value_name("FILE")
                .help("assumptions file: prices the offer files lack, with rule and evidence"),
        )
        .arg(
            Arg::new("out")
                .long("out")
                .required(true)
                .value_name("FILE")
                .help("the data file to write (Rust source core includes)"),
        )
        .arg(
            Arg::new("regions")
                .long("regions")
                .value_name("LIST")
                .help("only these regions, comma-separated (default: every region in the files)"),
        )
        .arg(
            Arg::new("allow-missing")
                .long("allow-missing")
                .action(ArgAction::SetTrue)
                .help("leave out regions with missing prices (reported) instead of failing"),
        )
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .help("write nothing; fail if --out differs from what would be written"),
        )
}

fn main() -> ExitCode {
    let m = match command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let get = |k: &str| m.get_one::<String>(k).cloned();
    let (Some(book), Some(offers), Some(out)) = (get("book"), get("offers"), get("out")) else {
        eprintln!("pricegen: --book, --offers and --out are required");
        return ExitCode::from(1);
    };
    let offers_dir = PathBuf::from(&offers);
    let files = match read_offer_dir(&offers_dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("pricegen: {e}");
            return ExitCode::from(1);
        }
    };
    let assumed = match get("assumed") {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => Some(InputFile { name: path, text }),
            Err(e) => {
                eprintln!("pricegen: {path}: {e}");
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let inputs = Inputs {
        book,
        offers_label: offers.trim_end_matches('/').to_string(),
        offers: files,
        assumed,
        regions: get("regions").map(|r| {
            r.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        }),
        allow_missing: m.get_flag("allow-missing"),
    };
    let output = match generate(&inputs) {
        Ok(o) => o,
        Err(e @ Error::Missing(_)) => {
            eprintln!("pricegen: {e}");
            eprintln!("pricegen: nothing written. Add the offer files that price them, an assumption (with rule and evidence) to the assumptions file, or leave those regions out (--regions, --allow-missing).");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("pricegen: {e}");
            return ExitCode::from(1);
        }
    };
    for w in &output.warnings {
        eprintln!("pricegen: warning: {w}");
    }
    if m.get_flag("check") {
        let current = std::fs::read_to_string(&out).unwrap_or_default();
        if current != output.rust {
            eprintln!("pricegen: {out} differs from the generator's output: run `make prices` (never edit it by hand)");
            return ExitCode::from(3);
        }
        println!("pricegen: {out} is up to date: {}", output.summary);
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::write(&out, &output.rust) {
        eprintln!("pricegen: {out}: {e}");
        return ExitCode::from(1);
    }
    println!("pricegen: wrote {out}: {}", output.summary);
    for (region, dim) in &output.summary.assumed_dimensions {
        println!("  assumed: {region} {dim}");
    }
    ExitCode::SUCCESS
}
