//! The command line on the same core as the page:
//! `backcast '<share link or ?query>' [--format json|markdown|csv]`.
//! Prints the `solve` result; bad input exits 2 with the keys named.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use backcast_core::api::{error_message, ApiResult};
    use backcast_core::scenario::Scenario;
    use backcast_core::solve::solve;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let link = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_default();
    let (s, problems) = Scenario::from_link(&link);
    if !problems.is_empty() {
        eprintln!("backcast: {}", error_message(&problems));
        std::process::exit(2);
    }
    let result = ApiResult::new(&s, &solve(&s));
    match serde_json::to_string_pretty(&result) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("backcast: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
