//! The command line on the same core as the page:
//! `backcast '<share link or ?query>' [--format json|markdown|csv]`, `-`
//! for a link on standard input; `--help`, `--version` (clap, native only:
//! never in the wasm).
//!
//! JSON is the `solve` result; Markdown and CSV are the page's table,
//! with the page's rounding, units and period. Bad input exits 2 with the
//! message the page and the API give, naming every bad key.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use clap::Parser;
    let args = cli::Args::parse();
    match cli::run(&args) {
        Ok(out) => print!("{out}"),
        Err((code, message)) => {
            eprintln!("backcast: {message}");
            std::process::exit(code);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use backcast_core::api::{error_message, ApiResult};
    use backcast_core::export::{csv, markdown};
    use backcast_core::scenario::Scenario;
    use backcast_core::solve::solve;
    use backcast_core::view::View;
    use std::io::Read;

    /// Prints what the Backcast page shows for the scenario in a share link:
    /// the solve() result as JSON, or the page's table as Markdown or CSV.
    /// Exits 2, naming each bad key, when the link or the arguments are
    /// invalid.
    #[derive(clap::Parser)]
    #[command(name = "backcast", version, about, long_about = None)]
    pub struct Args {
        /// A share link, a `?query` or a bare query string; `-` reads it
        /// from standard input. None: the default scenario.
        pub link: Option<String>,
        /// json: the solve() result; markdown: the table with its caption
        /// and price note; csv: the table.
        #[arg(short, long, value_enum, default_value_t = Format::Json)]
        pub format: Format,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    pub enum Format {
        Json,
        #[value(alias = "md")]
        Markdown,
        Csv,
    }

    /// The output, or the exit code and message.
    pub fn run(args: &Args) -> Result<String, (i32, String)> {
        let link = match args.link.as_deref() {
            Some("-") => {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| (1, format!("cannot read standard input: {e}")))?;
                text
            }
            Some(link) => link.to_string(),
            None => String::new(),
        };
        let (s, problems) = Scenario::from_link(&link);
        if !problems.is_empty() {
            return Err((2, error_message(&problems)));
        }
        match args.format {
            Format::Json => serde_json::to_string_pretty(&ApiResult::new(&s, &solve(&s)))
                .map(|j| j + "\n")
                .map_err(|e| (1, e.to_string())),
            Format::Markdown => Ok(markdown(&View::new(&s))),
            Format::Csv => Ok(csv(&View::new(&s))),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
