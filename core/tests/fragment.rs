//! The link's fragment: plan B and a shared summary of actual spend
//! (docs/scenario-v1.md, "The fragment"). Worked out by hand.

use backcast_core::actual::{parse, Format, Service};
use backcast_core::fragment::{from_summary, summary, Fragment};
use backcast_core::plan_actual::plan_against_actual;
use backcast_core::scenario::{Arch, Scenario};
use backcast_core::tuning;
use rust_decimal_macros::dec;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/actual/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn plan_b_round_trips_and_keeps_the_other_parts() {
    let f = Fragment::parse("#b&b.arch=arm64&b.budget=9&actual.days=2&actual.lambda=1.5");
    let (b, problems) = f.plan_b().unwrap();
    assert!(problems.is_empty());
    assert_eq!((b.arch, b.budget), (Arch::Arm64, dec!(9)));
    // Everything else is the defaults, as a query's.
    assert_eq!(b.requests, Scenario::default().requests);
    assert_eq!(f.actual, pairs(&[("days", "2"), ("lambda", "1.5")]));
    let mut written = Fragment {
        actual: f.actual.clone(),
        ..Fragment::default()
    };
    written.set_b(Some(&b));
    let hash = written.hash();
    let again = Fragment::parse(&hash);
    assert_eq!(again.plan_b().unwrap().0, b);
    assert_eq!(again.actual, f.actual);
    // No parts, no fragment; a default plan B is `#b` alone.
    assert_eq!(Fragment::default().hash(), "");
    let mut only_b = Fragment::default();
    only_b.set_b(Some(&Scenario::default()));
    assert_eq!(only_b.hash(), "#b");
    assert!(Fragment::parse("").plan_b().is_none());
    assert!(Fragment::parse("#b").plan_b().is_some());
}

#[test]
fn bad_keys_of_plan_b_are_named_and_the_rest_kept() {
    let f = Fragment::parse("b.budget=seven&b.arch=arm64&zzz=1");
    let (b, problems) = f.plan_b().unwrap();
    assert_eq!(b.arch, Arch::Arm64);
    assert_eq!(b.budget, Scenario::default().budget);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, "b.budget");
    assert_eq!(f.unknown, vec!["zzz".to_string()]);
}

#[test]
fn the_articles_bill_as_a_summary_gives_the_same_comparison() {
    // ce_daily_article.csv: three days averaging Lambda 0.80, Step
    // Functions 0.60, EventBridge 0.20, DynamoDB 0.55 (2.15 a day).
    let a = parse(&fixture("ce_daily_article.csv")).unwrap();
    let s = summary(&a).unwrap();
    assert_eq!(
        s,
        pairs(&[
            ("from", "2026-11-01"),
            ("to", "2026-11-03"),
            ("days", "3"),
            ("lambda", "0.8"),
            ("sfn", "0.6"),
            ("eventbridge", "0.2"),
            ("dynamodb", "0.55"),
        ])
    );
    let (b, warnings) = from_summary(&s).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(b.format, Format::Summary);
    // Totals: each average times 3 days.
    assert_eq!(b.per_service[&Service::Lambda], dec!(2.4));
    let plan = Scenario::default();
    let (pa, pb) = (
        plan_against_actual(&plan, &a).unwrap(),
        plan_against_actual(&plan, &b).unwrap(),
    );
    assert_eq!(pa.verdict, pb.verdict);
    assert_eq!(pa.covers, pb.covers);
    assert_eq!(pa.rows, pb.rows);
}

#[test]
fn averages_round_up_so_a_summary_never_shows_less() {
    // 1.00 over 3 days is 0.3333… a day: 0.3334 in the link.
    let csv = "\"Service\",\"Lambda($)\",\"Total costs($)\"\n\"Service total\",\"1\",\"1\"\n\"2026-11-01\",\"0.5\",\"0.5\"\n\"2026-11-02\",\"0.25\",\"0.25\"\n\"2026-11-03\",\"0.25\",\"0.25\"\n";
    let a = parse(csv.as_bytes()).unwrap();
    let s = summary(&a).unwrap();
    assert!(
        s.contains(&("lambda".to_string(), "0.3334".to_string())),
        "{s:?}"
    );
}

#[test]
fn a_bad_summary_is_named_and_the_rest_used() {
    let (a, w) = from_summary(&pairs(&[
        ("days", "2"),
        ("lambda", "abc"),
        ("sfn", "0.5"),
        ("nope", "1"),
        ("from", "yesterday"),
        ("tax", "0.1"),
        ("credits", "-0.2"),
    ]))
    .unwrap();
    assert_eq!(a.days, 2);
    assert_eq!(a.per_service.get(&Service::StepFunctions), Some(&dec!(1.0)));
    assert!(!a.per_service.contains_key(&Service::Lambda));
    assert_eq!((a.tax, a.credits), (dec!(0.2), dec!(-0.4)));
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].starts_with("actual.lambda"));
    assert!(w.iter().any(|m| m.starts_with("actual.nope")));
    assert!(w.iter().any(|m| m.starts_with("actual.from")));
    // No period: nothing to average over.
    assert!(from_summary(&pairs(&[("lambda", "1")])).is_err());
    assert!(from_summary(&pairs(&[("days", "0"), ("lambda", "1")])).is_err());
}

#[test]
fn a_measured_size_applied_to_the_plan() {
    let t = tuning::parse(r#"{"stats": [{"value": 1024, "averageDuration": 140500.2}]}"#).unwrap();
    let s = Scenario::default();
    let rows = tuning::evaluate(&s, &t, None);
    // 1 GB × 140.501 s billed = 140.501 GB-s per invocation.
    assert_eq!(tuning::apply(&s, &rows[0], None).gbs, dec!(140.501));
    let (p, _) = Scenario::from_link("fns=api:512:100,worker:256:50");
    let rows = tuning::evaluate(&p, &t, Some(1));
    let applied = tuning::apply(&p, &rows[0], Some(1));
    assert_eq!(applied.fns.0[1].memory_mb, dec!(1024));
    assert_eq!(applied.fns.0[1].duration_ms, dec!(140500.2));
    assert_eq!(applied.fns.0[0], p.fns.0[0]);
}

#[test]
fn tuning_measurements_round_trip_through_the_link() {
    let t = tuning::parse(
        r#"{"stats": [{"value": 512, "averageDuration": 300000.4, "averagePrice": 0.0025000667},
        {"value": 1024, "averageDuration": 140500.2}]}"#,
    )
    .unwrap();
    let text = tuning::to_text(&t);
    assert_eq!(text, "512:300000.4:0.0025000667,1024:140500.2");
    let mut f = Fragment::parse("#b&b.arch=arm64");
    f.tuning = Some(text.clone());
    let hash = f.hash();
    assert_eq!(
        hash,
        "#b&b.arch=arm64&tuning=512:300000.4:0.0025000667,1024:140500.2"
    );
    let back = Fragment::parse(&hash);
    assert_eq!(back.tuning.as_deref(), Some(text.as_str()));
    assert_eq!(back.plan_b().unwrap().0.arch, Arch::Arm64);
    assert_eq!(tuning::parse(&text).unwrap().points, t.points);
    // A bad measurement is named and the rest kept.
    let r = tuning::parse("512:abc,1024:10").unwrap();
    assert_eq!(r.points.len(), 1);
    assert!(
        r.warnings[0].starts_with("measurement 1"),
        "{:?}",
        r.warnings
    );
}
