//! Per-solve time of the exact solver, natively (`make bench` reads the
//! estimates criterion writes under target/criterion/).
//!
//!   cargo bench -p backcast-core --bench solve
//!
//! - `solve/default`: the default scenario ($7 a day, the 9-row table).
//! - `solve/rows-1000`: the same with a 1,000-row table (`rows=1:1000:1`).
//! - `view/rows-1000`: the whole view model the page renders for it
//!   (solve, both architectures' tables, breakdown, chart, text).

use backcast_core::scenario::Scenario;
use backcast_core::solve::solve;
use backcast_core::view::View;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn scenario(query: &str) -> Scenario {
    let (s, problems) = Scenario::from_link(query);
    assert!(problems.is_empty(), "bad bench scenario {query}");
    s
}

fn bench(c: &mut Criterion) {
    let default = scenario("");
    let rows = scenario("?rows=1:1000:1");
    assert_eq!(solve(&rows).rows.len(), 1000);
    c.bench_function("solve/default", |b| b.iter(|| solve(black_box(&default))));
    c.bench_function("solve/rows-1000", |b| b.iter(|| solve(black_box(&rows))));
    c.bench_function("view/rows-1000", |b| b.iter(|| View::new(black_box(&rows))));
}

criterion_group! {
    name = benches;
    // Short runs: 2 shared cores; the estimates are stable to a few percent.
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
