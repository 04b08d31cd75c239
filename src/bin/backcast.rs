//! The command line on the same core as the page:
//! `backcast '<share link or ?query>' [--format json|markdown|csv]`, `-`
//! for a link on standard input; `--actual FILE` (the plan against a
//! billing export), `--tuning FILE` (Lambda Power Tuning's measurements
//! priced against the plan), `--compare LINK_B` (plan B against the
//! link's plan A); `--help`, `--version` (clap, native only:
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
    use backcast_core::report::{self, Output};
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
        /// A billing export (Cost Explorer CSV, Cost and Usage Report CSV
        /// or .csv.gz, FOCUS CSV; `-` for standard input): prints the plan
        /// against its average spend per the plan's period, per service.
        #[arg(long, value_name = "FILE", conflicts_with = "tuning")]
        pub actual: Option<String>,
        /// Lambda Power Tuning's output JSON or results link (`-` for
        /// standard input): prints each measured memory size priced against
        /// the plan, for the pipeline's first function (or the whole of
        /// `gbs` without one), and marks the one with the most headroom.
        #[arg(long, value_name = "FILE", conflicts_with = "compare")]
        pub tuning: Option<String>,
        /// A second share link, plan B: prints both plans, the difference
        /// in what their budgets buy and in their cost, per service.
        #[arg(long, value_name = "LINK_B", conflicts_with = "actual")]
        pub compare: Option<String>,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    pub enum Format {
        Json,
        #[value(alias = "md")]
        Markdown,
        Csv,
    }

    /// A file's bytes, or standard input's for `-`.
    fn read_file(path: &str) -> Result<Vec<u8>, (i32, String)> {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| (1, format!("cannot read standard input: {e}")))?;
            Ok(bytes)
        } else {
            std::fs::read(path).map_err(|e| (1, format!("cannot read {path}: {e}")))
        }
    }

    /// The output, or the exit code and message.
    pub fn run(args: &Args) -> Result<String, (i32, String)> {
        let stdin_files = [args.actual.as_deref(), args.tuning.as_deref()]
            .iter()
            .filter(|f| **f == Some("-"))
            .count();
        if args.link.as_deref() == Some("-") && stdin_files > 0 {
            return Err((
                2,
                "only one of the link and the file can come from standard input".into(),
            ));
        }
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
        if let Some(path) = &args.actual {
            return actual(&s, &read_file(path)?, args.format);
        }
        if let Some(b) = &args.compare {
            let (sb, problems) = Scenario::from_link(b);
            if !problems.is_empty() {
                return Err((2, format!("plan B: {}", error_message(&problems))));
            }
            return compare(&s, &sb, args.format);
        }
        if let Some(path) = &args.tuning {
            let bytes = read_file(path)?;
            return tuning(&s, &String::from_utf8_lossy(&bytes), args.format);
        }
        match args.format {
            Format::Json => serde_json::to_string_pretty(&ApiResult::new(&s, &solve(&s)))
                .map(|j| j + "\n")
                .map_err(|e| (1, e.to_string())),
            Format::Markdown => Ok(markdown(&View::new(&s))),
            Format::Csv => Ok(csv(&View::new(&s))),
        }
    }

    fn output(format: Format) -> Output {
        match format {
            Format::Json => Output::Json,
            Format::Markdown => Output::Markdown,
            Format::Csv => Output::Csv,
        }
    }

    /// The plan against a billing export. Problems in the file go to
    /// standard error, naming their line and column; what is valid is
    /// used. A file with nothing usable exits 2.
    fn actual(s: &Scenario, bytes: &[u8], format: Format) -> Result<String, (i32, String)> {
        let a = backcast_core::actual::parse(bytes).map_err(|e| (2, e.to_string()))?;
        for issue in &a.issues {
            eprintln!("backcast: {issue}");
        }
        let p = backcast_core::plan_actual::plan_against_actual(s, &a).map_err(|e| (2, e))?;
        Ok(report::actual(&p, &a, output(format)))
    }

    /// Plan B against plan A.
    fn compare(a: &Scenario, b: &Scenario, format: Format) -> Result<String, (i32, String)> {
        let c = backcast_core::compare::compare(a, b);
        Ok(report::compare(a, b, &c, output(format)))
    }

    /// Each measured memory size priced against the plan.
    fn tuning(s: &Scenario, text: &str, format: Format) -> Result<String, (i32, String)> {
        use backcast_core::tuning::{best, evaluate, parse};
        let t = parse(text).map_err(|e| (2, format!("tuning: {e}")))?;
        for w in &t.warnings {
            eprintln!("backcast: tuning: {w}");
        }
        let function = (!s.fns.is_empty()).then_some(0);
        let rows = evaluate(s, &t, function);
        Ok(report::tuning(&rows, best(&rows), output(format)))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
