//! Property tests over thousands of random scenarios: the solver's answers
//! are proved against the forward model, and links round-trip exactly.

use backcast_core::cost::{Model, PerRequest};
use backcast_core::prices::Dimension;
use backcast_core::scenario::{Raw, Rule, Scenario, Spec, SPECS};
use backcast_core::solve::{headroom, max_gbs, solve, Knob, Limit};
use backcast_core::Decimal;
use proptest::prelude::*;

/// A decimal with up to `dp` places between 0 and `max` (as text, the way a
/// link carries it).
fn dec_text(max: u64, dp: u32) -> impl Strategy<Value = String> {
    (0..=max, 0..10u64.pow(dp)).prop_map(move |(i, f)| {
        if dp == 0 || f == 0 {
            i.to_string()
        } else {
            format!("{}.{:0width$}", i, f, width = dp as usize)
        }
    })
}

/// A random value for one declared key, as text, from its declaration
/// (`scenario/keys.rs`): a number up to its typical value (above 0 where
/// the key must be), one of its choices, a flag, a region, a book.
fn value_of(spec: &'static Spec) -> BoxedStrategy<String> {
    let (max, dp) = backcast_core::scenario::typical(spec.field.key);
    match spec.rule {
        Rule::Number(bound) if bound.positive => {
            let scale = 10u64.pow(dp);
            (1..=max * scale)
                .prop_map(move |n| {
                    let (i, f) = (n / scale, n % scale);
                    if f == 0 {
                        i.to_string()
                    } else {
                        format!("{i}.{f:0width$}", width = dp as usize)
                    }
                })
                .boxed()
        }
        Rule::Number(_) => dec_text(max, dp).boxed(),
        Rule::Flag => proptest::sample::select(&["0", "1"][..])
            .prop_map(str::to_string)
            .boxed(),
        Rule::Choice(options) => proptest::sample::select(options)
            .prop_map(|(k, _)| k.to_string())
            .boxed(),
        Rule::Region => proptest::sample::select(backcast_core::prices::REGIONS)
            .prop_map(|(c, _)| c.to_string())
            .boxed(),
        Rule::Book => proptest::sample::select(backcast_core::prices::BOOKS)
            .prop_map(|b| b.id.to_string())
            .boxed(),
        Rule::Rows => Just("1,32:256:32".to_string()).boxed(),
        // 0 to 3 functions: name, memory 128..10240 MB, duration with up
        // to 1 decimal place, invocations, architecture, and sometimes
        // provisioned concurrency.
        Rule::Functions => proptest::collection::vec(
            (
                128u32..=10240,
                dec_text(5000, 1),
                0u32..=3,
                proptest::sample::select(&["", "x86_64", "arm64"][..]),
                proptest::sample::select(&[0u32, 0, 0, 1, 10][..]),
            ),
            0..=3,
        )
        .prop_map(|fns| {
            let mut out = Vec::new();
            for (i, (mb, ms, inv, arch, pc)) in fns.into_iter().enumerate() {
                out.push(format!("f{i}:{mb}:{ms}:{inv}:{arch}:{pc}"));
            }
            out.join(",")
        })
        .boxed(),
    }
}

/// Random scenarios spanning every declared key that changes the price
/// (all but the table's rows and the embed flag, which `link_scenario`
/// adds).
fn scenario() -> impl Strategy<Value = Scenario> {
    let specs: Vec<&'static Spec> = SPECS
        .iter()
        .filter(|s| !matches!(s.field.key, "rows" | "embed"))
        .collect();
    let values: Vec<BoxedStrategy<String>> = specs.iter().map(|s| value_of(s)).collect();
    values.prop_map(move |values| {
        let pairs: Vec<(&str, &str)> = specs
            .iter()
            .zip(&values)
            .map(|(s, v)| (s.field.key, v.as_str()))
            .collect();
        let (s, problems) = Scenario::from_pairs(pairs.iter().map(|(k, v)| (*k, Raw::Text(v))));
        assert!(problems.is_empty(), "{problems:?}");
        s
    })
}

/// `scenario()` plus the keys that do not change the solver's inputs
/// much but must survive a link: price overrides, table rows, embed.
fn link_scenario() -> impl Strategy<Value = Scenario> {
    let dims = proptest::sample::subsequence(
        Dimension::ALL.iter().map(|d| d.key()).collect::<Vec<_>>(),
        0..4,
    );
    let prices = proptest::collection::vec(dec_text(100, 10), 4);
    let row = prop_oneof![
        dec_text(300, 3),
        (dec_text(99, 1), 0u64..200, 1u64..64)
            .prop_map(|(a, span, step)| format!("{a}:{}:{step}", span + 100)),
    ];
    let rows = proptest::collection::vec(row, 1..5).prop_map(|r| r.join(","));
    (scenario(), dims, prices, rows, any::<bool>()).prop_map(
        |(mut s, dims, prices, rows, embed)| {
            for (d, p) in dims.iter().zip(prices.iter()) {
                s.set(&format!("p.{d}"), Raw::Text(p)).unwrap();
            }
            s.set("rows", Raw::Text(&rows)).unwrap();
            s.embed = embed;
            s
        },
    )
}

fn cost(s: &Scenario, n: u64) -> Decimal {
    Model::new(s).cost(Decimal::from(n))
}

/// `limit` is the most requests `s`'s budget buys, by the forward model:
/// cost(N) <= budget < cost(N + 1).
fn prove_limit(s: &Scenario, limit: Limit) -> Result<(), TestCaseError> {
    let m = Model::new(s);
    prove_limit_with(&m, &m.per, s.budget, limit)
}

/// `prove_limit` for requests that each use `per`.
fn prove_limit_with(
    m: &Model,
    per: &PerRequest,
    budget: Decimal,
    limit: Limit,
) -> Result<(), TestCaseError> {
    let cost = |n: u64| m.lines_with(per, Decimal::from(n)).total();
    match limit {
        Limit::Count(n) => {
            prop_assert!(cost(n) <= budget);
            prop_assert!(cost(n + 1) > budget);
        }
        Limit::NoneFits => prop_assert!(cost(0) > budget),
        Limit::Unlimited => prop_assert!(cost(backcast_core::solve::SEARCH_CAP) <= budget),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn max_requests_is_proved_by_the_forward_model(s in scenario()) {
        prove_limit(&s, solve(&s).max_requests)?;
    }

    #[test]
    fn every_table_row_is_proved_by_the_forward_model(s in scenario()) {
        // Each row is the scenario's requests at that row's GB-s in all;
        // with no functions, the same as the scenario with `gbs` set to it.
        let m = Model::new(&s);
        for row in solve(&s).rows.iter().take(20) {
            prove_limit_with(&m, &m.per.with_gbs(row.gbs), s.budget, row.max_requests)?;
            if s.fns.is_empty() {
                let mut at = s.clone();
                at.gbs = row.gbs;
                prove_limit(&at, row.max_requests)?;
            }
        }
    }

    #[test]
    fn cost_never_falls_as_requests_grow(s in scenario(), a in 0u64..50_000_000, b in 0u64..50_000_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        let (c_lo, c_hi) = (cost(&s, lo), cost(&s, hi));
        prop_assert!(c_lo >= Decimal::ZERO);
        prop_assert!(c_lo <= c_hi, "cost({lo}) = {c_lo} > cost({hi}) = {c_hi}");
    }

    #[test]
    fn cost_never_falls_as_a_workload_key_grows(
        s in scenario(),
        // Every number key but the budget (from the declarations).
        key in proptest::sample::select(
            SPECS.iter().filter(|s| matches!(s.rule, Rule::Number(_)) && s.field.key != "budget")
                .map(|s| s.field.key).collect::<Vec<_>>()),
        bump in 1u64..1000,
    ) {
        let before = Model::new(&s).cost(s.requests);
        let mut t = s.clone();
        let now: Decimal = t.get(key).unwrap().parse().unwrap();
        let grown = (now + Decimal::from(bump)).to_string();
        // Past the key's bound (a percentage past 100) is no scenario.
        prop_assume!(t.set(key, Raw::Text(&grown)).is_ok());
        let after = Model::new(&t).cost(t.requests);
        prop_assert!(before <= after, "{key}: {before} -> {after}");
    }

    #[test]
    fn cost_at_max_gbs_is_the_budget(s in scenario()) {
        let m = Model::new(&s);
        if let Some(g) = max_gbs(&m, s.requests, s.budget) {
            prop_assert!(g >= Decimal::ZERO);
            let per = m.per.with_gbs(g);
            let lines = m.lines_with(&per, s.requests);
            let c = lines.total();
            if m.per.gbs_other.is_zero() {
                let rel = ((c - s.budget) / s.budget).abs();
                // The budget is spent, unless 0 GB-s already leaves money
                // over that Lambda's free allowance cannot use.
                let free_only = lines.lambda_duration.is_zero();
                prop_assert!(rel < Decimal::new(1, 9) || free_only, "cost {c} budget {}", s.budget);
            } else {
                // Both architectures: the largest nano-GB-s that fits, so a
                // nano-GB-s more per request is over.
                prop_assert!(c <= s.budget, "cost {c} budget {}", s.budget);
                let more = m.per.with_gbs(g + Decimal::new(1, 9));
                prop_assert!(m.lines_with(&more, s.requests).total() > s.budget);
            }
        }
    }

    #[test]
    fn headroom_is_proved_too(s in scenario()) {
        for knob in [Knob::EbEvents, Knob::DdbReads, Knob::DdbWrites] {
            if let Some(Limit::Count(k)) = headroom(&s, knob) {
                let at = |v: u64| {
                    let mut t = s.clone();
                    t.set(knob.key(), Raw::Text(&v.to_string())).ok();
                    Model::new(&t).cost(s.requests)
                };
                prop_assert!(at(k) <= s.budget);
                if k < 10_000_000 {
                    prop_assert!(at(k + 1) > s.budget);
                }
            }
        }
    }

    #[test]
    fn links_round_trip_exactly(s in link_scenario(), pin in any::<bool>()) {
        let q = s.to_query(pin);
        let (back, problems) = Scenario::from_link(&q);
        prop_assert!(problems.is_empty(), "{problems:?}");
        let mut want = s.clone();
        if pin {
            want.prices = Some(s.book_id().to_string());
        }
        prop_assert_eq!(&back, &want);
        prop_assert_eq!(back.to_query(pin), q);
    }

    #[test]
    fn any_query_string_keeps_its_valid_keys(junk in "[A-Z=&%.:,0-9\\-]{0,200}", s in link_scenario()) {
        // Junk before a valid link never panics, and every valid key after
        // it still wins (the last value of a key is used). Upper case keeps
        // the junk from spelling a real (lower-case) key.
        let q = format!("{junk}&{}", s.to_query(true));
        let (back, _) = Scenario::from_link(&q);
        prop_assert_eq!(back.to_query(true), s.to_query(true));
    }
}
