//! Time-bounded fuzzing of the link decoder, the JS-object decoder (the same
//! `from_pairs` the wasm API feeds) and the solver, with proptest's
//! generators: structured junk (real keys with hostile values), raw junk
//! (arbitrary bytes and escapes) and extreme numbers.
//!
//! `FUZZ_CASES` runs that many executions from proptest's fixed seed, so a
//! run finds the same inputs on any machine: `make test` runs 150,000 in
//! release (about a minute). Without it, `FUZZ_SECONDS` bounds the run
//! (default 3, so a plain `cargo test` stays quick) and `FUZZ_SEED` picks
//! other inputs: `make fuzz` runs 10 minutes from a new seed each time. It
//! prints the executions; any panic fails the test with the input that
//! caused it, the seed and the execution's number.

use backcast_core::scenario::{Raw, Scenario, KEYS};
use backcast_core::solve::solve;
use backcast_core::view::View;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// Values a hostile or careless link might carry.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        // Numbers of every shape, including extremes.
        any::<f64>().prop_map(|f| f.to_string()),
        any::<f64>().prop_map(|f| format!("{f:e}")),
        any::<i64>().prop_map(|i| i.to_string()),
        proptest::sample::select(
            &[
                "1e308",
                "-1e308",
                "1e-300",
                "0",
                "-0",
                "0.0000000000000000000000000001",
                "79228162514264337593543950335",
                "79228162514264337593543950336",
                "NaN",
                "Infinity",
                "1e",
                "e5",
                "..1",
                "1..2",
                "--1",
                "+-1",
                "0x10",
                "1_000",
                " 7 ",
                "",
                "true",
                "false",
                "0:1000000000:0.000001",
                "1:1e9:1",
                "0:0:0",
                "5:1:1",
                "1,,2",
                ":::",
                "1:2:3:4",
            ][..]
        )
        .prop_map(|s| s.to_string()),
        // Script, HTML and CSV-formula payloads.
        proptest::sample::select(
            &[
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "=HYPERLINK(\"http://x\")",
                "+SUM(A1)",
                "@cmd",
                "%00",
                "%",
                "%zz",
                "\u{202e}",
                "💸",
            ][..]
        )
        .prop_map(|s| s.to_string()),
        // Anything at all.
        ".{0,40}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(|k| k.to_string()),
        2 => proptest::sample::select(&[
            "p.lambda_gbs", "p.lambda_request", "p.ddb_rru", "p.sfn_express_gbs", "p.", "p.nope",
        ][..]).prop_map(|k| k.to_string()),
        1 => "[a-z_.%&=]{0,12}",
    ]
}

/// A query string: structured pairs, or raw junk.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec((key(), value()), 0..12).prop_map(|pairs| {
            let mut ser = form_urlencoded_like(pairs);
            let chars = ser.chars().count();
            if chars > 3 && chars.is_multiple_of(7) {
                ser = ser.chars().take(chars / 2).collect(); // a truncated link
            }
            ser
        }),
        1 => ".{0,200}",
        1 => proptest::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn form_urlencoded_like(pairs: Vec<(String, String)>) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", k, v.replace('&', "%26").replace('#', "%23")))
        .collect::<Vec<_>>()
        .join("&")
}

/// One execution: decode, solve, render the view model, and round-trip.
fn run_one(q: &str, bools: &[(String, bool)]) {
    let (s, _problems) = Scenario::from_link(q);
    let sol = solve(&s);
    assert!(
        !sol.cost.is_sign_negative() || sol.cost.is_zero(),
        "negative cost for {q:?}"
    );
    let _ = View::new(&s);
    // Whatever was kept writes a link that reads back to the same scenario.
    let (back, problems) = Scenario::from_link(&s.to_query(true));
    assert!(problems.is_empty(), "{q:?} -> {problems:?}");
    let mut pinned = s.clone();
    pinned.prices = Some(s.book_id().to_string());
    assert_eq!(back, pinned, "round trip of {q:?}");
    // The JS-object path: the same keys as booleans.
    let pairs: Vec<(&str, Raw)> = bools
        .iter()
        .map(|(k, b)| (k.as_str(), Raw::Bool(*b)))
        .collect();
    let (s2, _) = Scenario::from_pairs(pairs);
    let _ = solve(&s2);
}

#[test]
fn fuzz_decoders_and_solver() {
    let env = |name: &str| -> Option<u64> { std::env::var(name).ok()?.parse().ok() };
    let cases = env("FUZZ_CASES");
    let seconds = env("FUZZ_SECONDS").unwrap_or(3);
    let seed = env("FUZZ_SEED");
    let started_all = Instant::now();
    let deadline = started_all + Duration::from_secs(seconds);
    let mut runner = match seed {
        Some(n) => {
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&n.to_le_bytes());
            TestRunner::new_with_rng(
                Config::default(),
                TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
            )
        }
        None => TestRunner::deterministic(),
    };
    let seed_text = seed.map_or("proptest's fixed seed".to_string(), |n| format!("seed {n}"));
    let strategy = (
        query(),
        proptest::collection::vec((key(), any::<bool>()), 0..4),
    );
    let mut executions: u64 = 0;
    let mut slowest = Duration::ZERO;
    while match cases {
        Some(n) => executions < n,
        None => Instant::now() < deadline,
    } {
        let (q, bools) = strategy.new_tree(&mut runner).expect("generator").current();
        let started = Instant::now();
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| run_one(&q, &bools))) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!(
                "crash on query {q:?} / {bools:?}: {msg} \
                 (execution {}, {seed_text})",
                executions + 1
            );
        }
        slowest = slowest.max(started.elapsed());
        executions += 1;
    }
    // A 100 KB link of junk: decoded, with every bad key named, quickly.
    let huge = "x=1&".repeat(25_000);
    let (_, problems) = Scenario::from_link(&huge);
    assert!(!problems.is_empty());
    println!(
        "fuzz: {executions} executions from {seed_text} in {:.1} s, 0 crashes, slowest {} ms",
        started_all.elapsed().as_secs_f64(),
        slowest.as_millis()
    );
    assert!(executions > 0);
}
