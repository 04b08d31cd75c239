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

use backcast_core::export::{csv, markdown};
use backcast_core::helper::{compute, HelperField, HelperInput};
use backcast_core::prices::Dimension;
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
                // Each bound a link may reach, and the smallest steps.
                "1000000000000",
                "1000000000000000",
                "10000000",
                "1000000",
                "9999999.9999999999999999999",
                "0.00000000000000000001",
                "0.0000000000000000000000000001",
                "1e-28",
                "1e15",
                "5:1:1",
                "1,,2",
                ":::",
                "1:2:3:4",
                "api:512:120,worker:1024:800:2:arm64:3",
                "a:1:1,a:1:1,:::,x:9:9:9:9:9:9",
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
        2 => proptest::sample::select(&Dimension::ALL[..]).prop_map(|d| format!("p.{}", d.key())),
        1 => proptest::sample::select(&["p.", "p.nope", "p.p.lambda_gbs"][..])
            .prop_map(|k| k.to_string()),
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
    let v = View::new(&s);
    let _ = (markdown(&v), csv(&v));
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
    // The GB-s helper, fed the link's values as typed text.
    let mut input = HelperInput::default();
    for (f, (_, text)) in HelperField::ALL
        .into_iter()
        .zip(q.split('&').filter_map(|p| p.split_once('=')))
    {
        input.set(f, text.to_string());
    }
    let out = compute(&input);
    if let Some(edits) = out.edits() {
        let mut applied = s.clone();
        for (k, text) in edits {
            let _ = applied.set(k, Raw::Text(&text));
        }
        let _ = View::new(&applied);
    }
}

/// The panic message, when `f` panics.
fn crash(f: impl FnOnce()) -> Option<String> {
    let e = catch_unwind(AssertUnwindSafe(f)).err()?;
    Some(
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    )
}

fn env(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

/// Proptest's fixed seed, or `FUZZ_SEED`'s; and how to name it.
fn runner() -> (TestRunner, String) {
    match env("FUZZ_SEED") {
        Some(n) => {
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&n.to_le_bytes());
            let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
            (
                TestRunner::new_with_rng(Config::default(), rng),
                format!("seed {n}"),
            )
        }
        None => (
            TestRunner::deterministic(),
            "proptest's fixed seed".to_string(),
        ),
    }
}

#[test]
fn fuzz_decoders_and_solver() {
    let cases = env("FUZZ_CASES");
    let seconds = env("FUZZ_SECONDS").unwrap_or(3);
    let started_all = Instant::now();
    let deadline = started_all + Duration::from_secs(seconds);
    let (mut runner, seed_text) = runner();
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
        if let Some(msg) = crash(|| run_one(&q, &bools)) {
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

/// Corners: every key at once, each at zero, the smallest step, one, or a
/// bound (or one of its choices), so overflow needs no lucky pairing. The
/// tenth as many executions as the fuzz above (`FUZZ_CASES`, default
/// 2,000), from the same seed.
#[test]
fn every_key_at_its_corners() {
    const VALUES: &[&str] = &[
        "0",
        "0.0000000000000000000000000001",
        "0.00000000000000000001",
        "1",
        "1000000",
        "10000000",
        "1000000000000",
        "1000000000000000",
        "day",
        "month",
        "arm64",
        "express",
        "standard",
        "provisioned",
        "strong",
        "transactional",
        "1,10000000",
        "0.0000000000000000000000000001:10000000:0.0000000000000000000000000001",
        // The whole bill's choices, and pipelines at their bounds.
        "http",
        "rest",
        "fifo",
        "ia",
        "f:10240:10000000:10000000:arm64:10000000",
        "a:128:0.0000000000000000000000000001,b:0.0000000000000000000000000001:1:0",
    ];
    let cases = env("FUZZ_CASES").map_or(2_000, |n| n / 10);
    let mut keys: Vec<String> = KEYS.iter().map(|k| k.to_string()).collect();
    keys.extend(Dimension::ALL.iter().map(|d| format!("p.{}", d.key())));
    let strategy = proptest::collection::vec(0..VALUES.len() * 2, keys.len());
    let (mut runner, seed_text) = runner();
    for execution in 1..=cases {
        let picks = strategy.new_tree(&mut runner).expect("generator").current();
        // Half the picks leave the key out.
        let q: Vec<String> = keys
            .iter()
            .zip(&picks)
            .filter(|(_, i)| **i < VALUES.len())
            .map(|(k, i)| format!("{k}={}", VALUES[*i]))
            .collect();
        let q = q.join("&");
        if let Some(msg) = crash(|| run_one(&q, &[])) {
            panic!("crash on query {q:?}: {msg} (corner execution {execution}, {seed_text})");
        }
    }
}
