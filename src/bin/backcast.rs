//! The command line on the same core as the page:
//! `backcast '<share link or ?query>' [--format json|markdown|csv]`.
//!
//! JSON is the `solve` result; Markdown and CSV are the page's table,
//! with the page's rounding, units and period. Bad input exits 2 with the
//! message the page and the API give, naming every bad key.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match cli::run(std::env::args().skip(1).collect()) {
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

    const USAGE: &str = "usage: backcast '<share link or ?query>' [--format json|markdown|csv]

Prints what the Backcast page shows for the scenario in the link:
  json      the solve() result (default)
  markdown  the table as Markdown, with its caption and price note
  csv       the table as CSV
Exits 2, naming each bad key, when the link or the arguments are invalid.";

    #[derive(Clone, Copy)]
    enum Format {
        Json,
        Markdown,
        Csv,
    }

    /// The output, or the exit code and message.
    pub fn run(args: Vec<String>) -> Result<String, (i32, String)> {
        let mut format = Format::Json;
        let mut link: Option<String> = None;
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            let value = if a == "--format" || a == "-f" {
                Some(
                    it.next()
                        .ok_or((2, format!("--format needs a value\n{USAGE}")))?,
                )
            } else {
                a.strip_prefix("--format=").map(str::to_string)
            };
            if let Some(v) = value {
                format = match v.as_str() {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    "csv" => Format::Csv,
                    other => {
                        return Err((
                            2,
                            format!("unknown format \"{other}\"; expected json, markdown or csv"),
                        ))
                    }
                };
            } else if a == "--help" || a == "-h" {
                return Ok(format!("{USAGE}\n"));
            } else if a.starts_with("--") {
                return Err((2, format!("unknown option {a}\n{USAGE}")));
            } else if link.is_some() {
                return Err((2, format!("give one link, not several\n{USAGE}")));
            } else {
                link = Some(a);
            }
        }
        let link = link.unwrap_or_default();
        let (s, problems) = Scenario::from_link(&link);
        if !problems.is_empty() {
            return Err((2, error_message(&problems)));
        }
        match format {
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
