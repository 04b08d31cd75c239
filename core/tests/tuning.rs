//! Lambda Power Tuning input (issue 16, item 2): the README's link decoded
//! by hand, an output JSON, the article's scenario priced at each measured
//! memory size with every figure worked out by hand from the published
//! prices, bad input, and random input that must never panic.
//!
//! Prices (us-east-1, x86, `/work/shared/pricing.md`): $0.0000166667 per
//! GB-s (first tier; on a day the first tier ends at 6e9 × 24 / 730 ≈ 197
//! million GB-s, far above anything here) and $0.20 per million requests,
//! $0.0000002 each. With no free tier, every other service at 0 and one
//! invocation per request, a request of G GB-s costs
//! c = G × 0.0000166667 + 0.0000002, and a budget B buys floor(B / c).

use backcast_core::scenario::Scenario;
use backcast_core::solve::{solve, Limit};
use backcast_core::tuning::{best, evaluate, evaluate_share, parse, Point, Share, Tuning};
use backcast_core::Decimal;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use proptest::prelude::*;
use rust_decimal_macros::dec;

/// The example of Power Tuning's README.
const README_LINK: &str = "https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4";

/// A fragment of the link's form from values (as the visualisation's
/// encoder writes them).
fn fragment(memory: &[i16], durations: &[f32], costs: &[f32]) -> String {
    let mem: Vec<u8> = memory.iter().flat_map(|m| m.to_le_bytes()).collect();
    let dur: Vec<u8> = durations.iter().flat_map(|d| d.to_le_bytes()).collect();
    let cost: Vec<u8> = costs.iter().flat_map(|c| c.to_le_bytes()).collect();
    [
        STANDARD.encode(mem),
        STANDARD.encode(dur),
        STANDARD.encode(cost),
    ]
    .join(";")
}

/// Asserts that one of the link's warnings contains `text`, printing
/// them all when none does.
fn assert_warns(t: &Tuning, text: &str) {
    assert!(
        t.warnings.iter().any(|w| w.contains(text)),
        "no warning contains {text:?}: {:?}",
        t.warnings
    );
}

fn memories(t: &Tuning) -> Vec<Decimal> {
    t.points.iter().map(|p| p.memory_mb).collect()
}

#[test]
fn the_readme_link_decoded_by_hand() {
    // Part 1, "gAAAAQACAAQABsAL", is 12 bytes: 80 00 | 00 01 | 00 02 |
    // 00 04 | 00 06 | C0 0B, little-endian Int16s 0x0080 = 128, 0x0100 =
    // 256, 0x0200 = 512, 0x0400 = 1024, 0x0600 = 1536, 0x0BC0 = 3008.
    // Part 2 is 6 Float32s; the first, bytes 66 8A 10 47, is 0x47108A66:
    // exponent 0x8E = 142, 2^15 × (1 + 0x108A66 / 2^23) = 37002.3984375.
    // The others are 18647.7734375, 8489.4365234375, 3890.8916015625,
    // 2512.2265625 and 2009.7933349609375 exactly. Rounded up to 0.001 ms:
    // 37002.399, 18647.774, 8489.437, 3890.892, 2512.227, 2009.794.
    // Part 3's float32s are, as their shortest decimals, 7.7168e-5,
    // 7.7792e-5, 7.072e-5, 6.4896e-5, 6.4896e-5 and 1.02648e-4 USD.
    let want = [
        (dec!(128), dec!(37002.399), dec!(0.000077168)),
        (dec!(256), dec!(18647.774), dec!(0.000077792)),
        (dec!(512), dec!(8489.437), dec!(0.00007072)),
        (dec!(1024), dec!(3890.892), dec!(0.000064896)),
        (dec!(1536), dec!(2512.227), dec!(0.000064896)),
        (dec!(3008), dec!(2009.794), dec!(0.000102648)),
    ];
    let want: Vec<Point> = want
        .iter()
        .map(|&(m, d, c)| Point {
            memory_mb: m,
            duration_ms: d,
            cost_usd: Some(c),
        })
        .collect();
    let t = parse(README_LINK).unwrap();
    assert_eq!(t.points, want);
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert_eq!(t.chosen_mb, None);
    // The fragment alone, with or without `#`, percent-escaped, wrapped.
    let frag = README_LINK.split_once('#').unwrap().1;
    assert_eq!(parse(frag).unwrap().points, want);
    assert_eq!(parse(&format!("#{frag}")).unwrap().points, want);
    let escaped = frag.replace(';', "%3B").replace('/', "%2F");
    assert_eq!(parse(&escaped).unwrap().points, want);
    let wrapped = format!("  {}\n{}  ", &frag[..20], &frag[20..]);
    assert_eq!(parse(&wrapped).unwrap().points, want);
}

/// Five memory sizes of a CPU-bound function, in the state machine's
/// output with `includeOutputResults` (numbers as the tool writes them,
/// `power` as a string, one entry with the number as a string).
const OUTPUT_JSON: &str = r#"{
  "results": {
    "power": "2048",
    "cost": 0.0022002,
    "duration": 66000.7,
    "stateMachine": {
      "executionCost": 0.00045,
      "lambdaCost": 0.0542,
      "visualization": "https://lambda-power-tuning.show/#AAI=;AAAAAA==;AAAAAA=="
    },
    "stats": [
      {"averagePrice": 0.0025000667, "averageDuration": 300000.4, "totalCost": 0.025, "value": 512},
      {"averagePrice": 0.0023416867, "averageDuration": 140500.2, "totalCost": 0.023, "value": 1024},
      {"averagePrice": 0.00225, "averageDuration": "90000", "totalCost": 0.0225, "value": 1536},
      {"averagePrice": 0.0022000333, "averageDuration": 66000.7, "totalCost": 0.022, "value": 2048},
      {"averagePrice": 0.0022521312, "averageDuration": 46000.01, "totalCost": 0.0225, "value": 3008}
    ]
  }
}"#;

#[test]
fn the_output_json() {
    let t = parse(OUTPUT_JSON).unwrap();
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert_eq!(t.chosen_mb, Some(dec!(2048)));
    // JSON numbers are read as written, rounded up to 0.001 ms: 300000.4,
    // 140500.2, 90000, 66000.7, 46000.01.
    let got: Vec<(Decimal, Decimal, Option<Decimal>)> = t
        .points
        .iter()
        .map(|p| (p.memory_mb, p.duration_ms, p.cost_usd))
        .collect();
    assert_eq!(
        got,
        [
            (dec!(512), dec!(300000.4), Some(dec!(0.0025000667))),
            (dec!(1024), dec!(140500.2), Some(dec!(0.0023416867))),
            (dec!(1536), dec!(90000), Some(dec!(0.00225))),
            (dec!(2048), dec!(66000.7), Some(dec!(0.0022000333))),
            (dec!(3008), dec!(46000.01), Some(dec!(0.0022521312))),
        ]
    );
    // The same without the `results` wrapper, with `duration` and `cost`
    // instead of `averageDuration` and `averagePrice`, unsorted, `power`
    // as a number.
    let bare = r#"{"power": 2048, "stats": [
        {"value": 3008, "duration": 46000.01, "cost": 0.0022521312},
        {"value": 512, "duration": 300000.4, "cost": 0.0025000667},
        {"value": "1024", "duration": 140500.2, "cost": 0.0023416867},
        {"value": 2048, "duration": 66000.7, "cost": 0.0022000333},
        {"value": 1536, "duration": 90000, "cost": 0.00225}
    ]}"#;
    assert_eq!(parse(bare).unwrap(), t);
    // A Step Functions execution description: the output as a string.
    let execution = serde_json::json!({"status": "SUCCEEDED", "output": OUTPUT_JSON}).to_string();
    assert_eq!(parse(&execution).unwrap(), t);
    // A bare list of stats.
    let list = r#"[{"value": 128, "averageDuration": 2.9066, "averagePrice": 2.083e-7}]"#;
    let l = parse(list).unwrap();
    assert_eq!(memories(&l), [dec!(128)]);
    assert_eq!(l.points[0].duration_ms, dec!(2.907));
    assert_eq!(l.points[0].cost_usd, Some(dec!(0.0000002083)));
}

#[test]
fn json_without_stats() {
    // Without `stats`, the visualisation link is read.
    let frag = README_LINK.split_once('#').unwrap().1;
    let j = format!(
        r#"{{"results": {{"power": "1536", "cost": 6.4896e-5, "duration": 2512.2,
            "stateMachine": {{"visualization": "https://lambda-power-tuning.show/#{frag}"}}}}}}"#
    );
    let t = parse(&j).unwrap();
    assert_eq!(t.points, parse(README_LINK).unwrap().points);
    assert_eq!(t.chosen_mb, Some(dec!(1536)));
    // Without either, the one measurement of power.
    let j = r#"{"results": {"power": "128", "cost": 0.0000002083, "duration": 2.9066}}"#;
    let t = parse(j).unwrap();
    assert_eq!(
        t.points,
        [Point {
            memory_mb: dec!(128),
            duration_ms: dec!(2.907),
            cost_usd: Some(dec!(0.0000002083)),
        }]
    );
}

/// The article's default scenario: $7 a day, 3,000 requests, x86,
/// us-east-1, one invocation per request, no free tier.
fn article() -> Scenario {
    let s = Scenario::default();
    assert_eq!(
        (s.budget, s.requests, s.invocations),
        (dec!(7), dec!(3000), dec!(1))
    );
    assert_eq!(s.region, "us-east-1");
    assert!(!s.free_tier);
    s
}

#[test]
fn the_articles_scenario_at_five_measured_sizes() {
    let s = article();
    let t = parse(OUTPUT_JSON).unwrap();
    let rows = evaluate(&s, &t, None);
    // By hand, with c = G × 0.0000166667 + 0.0000002 per request:
    // -  512 MB, 300,000.4 ms: billed 300,001 ms; 0.5 GB × 300.001 s =
    //    150.0005 GB-s; c = 0.00250021333335; 7 / c = 2,799.76…: 2,799
    //    requests, 201 short of 3,000.
    // - 1024 MB, 140,500.2 ms: billed 140,501; 1 × 140.501 = 140.501 GB-s;
    //    c = 0.0023418880167; 7 / c = 2,989.04…: 2,989, 11 short.
    // - 1536 MB, 90,000 ms: billed 90,000; 1.5 × 90 = 135 GB-s; c =
    //    0.0022502045; 7 / c = 3,110.83…: 3,110, 110 to spare.
    // - 2048 MB, 66,000.7 ms: billed 66,001; 2 × 66.001 = 132.002 GB-s;
    //    c = 0.0022002377334; 7 / c = 3,181.47…: 3,181, 181 to spare.
    // - 3008 MB, 46,000.01 ms: billed 46,001; 3008 / 1024 = 2.9375 GB ×
    //    46.001 s = 135.1279375 GB-s; c = 0.00225233679593125; 7 / c =
    //    3,107.88…: 3,107, 107 to spare.
    // Most headroom: 2048 MB.
    // Cost of the 3,000 needed: 3000 × c = 7.50064000005, 7.0256640501,
    // 6.7506135, 6.6007132002, 6.75701038779375.
    let want = [
        (
            dec!(512),
            dec!(300001),
            dec!(150.0005),
            2799,
            false,
            dec!(-201),
            dec!(7.50064000005),
        ),
        (
            dec!(1024),
            dec!(140501),
            dec!(140.501),
            2989,
            false,
            dec!(-11),
            dec!(7.0256640501),
        ),
        (
            dec!(1536),
            dec!(90000),
            dec!(135),
            3110,
            true,
            dec!(110),
            dec!(6.7506135),
        ),
        (
            dec!(2048),
            dec!(66001),
            dec!(132.002),
            3181,
            true,
            dec!(181),
            dec!(6.6007132002),
        ),
        (
            dec!(3008),
            dec!(46001),
            dec!(135.1279375),
            3107,
            true,
            dec!(107),
            dec!(6.75701038779375),
        ),
    ];
    assert_eq!(rows.len(), want.len());
    for (r, &(mb, billed, gbs, n, fits, headroom, cost)) in rows.iter().zip(&want) {
        assert_eq!(r.memory_mb, mb);
        assert_eq!(r.billed_ms, billed, "{mb} MB");
        assert_eq!(r.gbs_per_invocation, gbs, "{mb} MB");
        assert_eq!(r.gbs_per_request, gbs, "{mb} MB");
        assert_eq!(r.max_requests, Limit::Count(n), "{mb} MB");
        assert_eq!(r.fits, fits, "{mb} MB");
        assert_eq!(r.headroom, Some(headroom), "{mb} MB");
        assert_eq!(r.cost.normalize(), cost, "{mb} MB");
    }
    assert_eq!(best(&rows), Some(3));
    // Each is what `solve` finds for the scenario with that GB-s.
    for r in &rows {
        let mut copy = s.clone();
        copy.gbs = r.gbs_per_request;
        let sol = solve(&copy);
        assert_eq!(sol.max_requests, r.max_requests);
        assert_eq!(sol.cost, r.cost);
    }
}

#[test]
fn the_articles_scenario_against_the_readme_link() {
    let s = article();
    let rows = evaluate(&s, &parse(README_LINK).unwrap(), None);
    // By hand (durations as decoded above, billed rounded up to the ms):
    // -  128 MB, 37,003 ms: 0.125 × 37.003 = 4.625375 GB-s; c =
    //    0.0000772897375125; 7 / c = 90,568.29…: 90,568.
    // -  256 MB, 18,648 ms: 0.25 × 18.648 = 4.662; c = 0.0000779001554;
    //    7 / c = 89,858.61…: 89,858.
    // -  512 MB, 8,490 ms: 0.5 × 8.49 = 4.245; c = 0.0000709501415;
    //    98,660.83…: 98,660.
    // - 1024 MB, 3,891 ms: 3.891; c = 0.0000650501297; 107,609.31…: 107,609.
    // - 1536 MB, 2,513 ms: 1.5 × 2.513 = 3.7695; c = 0.00006302512565;
    //    111,066.81…: 111,066.
    // - 3008 MB, 2,010 ms: 2.9375 × 2.01 = 5.904375; c = 0.0000986064468125;
    //    70,989.27…: 70,989.
    // All fit 3,000; the most headroom is 1536 MB's, 108,066.
    let want = [
        (dec!(4.625375), 90568),
        (dec!(4.662), 89858),
        (dec!(4.245), 98660),
        (dec!(3.891), 107609),
        (dec!(3.7695), 111066),
        (dec!(5.904375), 70989),
    ];
    let got: Vec<(Decimal, Limit)> = rows
        .iter()
        .map(|r| (r.gbs_per_request, r.max_requests))
        .collect();
    let want: Vec<(Decimal, Limit)> = want.iter().map(|&(g, n)| (g, Limit::Count(n))).collect();
    assert_eq!(got, want);
    assert!(rows.iter().all(|r| r.fits));
    assert_eq!(best(&rows), Some(4));
    assert_eq!(rows[4].headroom, Some(dec!(108066)));
    assert_eq!(rows[4].measured_cost_usd, Some(dec!(0.000064896)));
}

#[test]
fn invocations_shares_and_pipelines() {
    let mut s = article();
    // Two invocations per request: 2 × 3.7695 = 7.539 GB-s at 1536 MB;
    // c = 7.539 × 0.0000166667 + 2 × 0.0000002 = 0.0001260502513;
    // 7 / c = 55,533.4…: 55,533.
    s.invocations = dec!(2);
    let t = parse(README_LINK).unwrap();
    let rows = evaluate(&s, &t, None);
    assert_eq!(rows[4].gbs_per_request, dec!(7.539));
    assert_eq!(rows[4].max_requests, Limit::Count(55533));
    // A share: 10 GB-s of other work plus one invocation at 1536 MB:
    // 13.7695 GB-s; c = 13.7695 × 0.0000166667 + 2 × 0.0000002 =
    // 0.00022949212565 + 0.0000004 = 0.00022989212565 (the request fee is
    // still two invocations'); 7 / c = 30,449.06…: 30,449.
    let share = Share {
        others_gbs: dec!(10),
        invocations: dec!(1),
    };
    let rows = evaluate_share(&s, &t, share);
    assert_eq!(rows[4].gbs_per_request, dec!(13.7695));
    assert_eq!(rows[4].max_requests, Limit::Count(30449));
    // This scenario has no pipeline: there is no function 0 to replace.
    assert!(evaluate(&s, &t, Some(0)).is_empty());
}

#[test]
fn a_function_of_the_pipeline_at_each_measured_size() {
    // $7 a day, 3,000 requests, x86, us-east-1: a pipeline of `api` (the
    // measured one) and `pre`, 128 MB for 100 ms = 0.0125 GB-s. Per
    // request: (api's GB-s + 0.0125) x 0.0000166667 + 2 x 0.0000002.
    let (s, problems) = Scenario::from_link("budget=7&requests=3000&fns=api:1024:1000,pre:128:100");
    assert!(problems.is_empty(), "{problems:?}");
    let t = parse(
        r#"{"stats": [{"value": 512, "averageDuration": 2100}, {"value": 1024, "averageDuration": 1000},
            {"value": 2048, "averageDuration": 400}, {"value": 3008, "averageDuration": 300},
            {"value": 4096, "averageDuration": 260}]}"#,
    )
    .unwrap();
    let rows = evaluate(&s, &t, Some(0));
    assert_eq!(rows.len(), 5);
    //  512 MB x 2,100 ms: 1.05 + 0.0125 = 1.0625 GB-s, 0.00001810836875 a
    //    request: 7 / it = 386,561.6
    // 1024 MB x 1,000 ms: 1.0125 GB-s, 0.00001727503375: 405,209.05
    // 2048 MB x   400 ms: 0.8125 GB-s, 0.00001394169375: 502,091.07
    // 3008 MB x   300 ms: 0.88125 + 0.0125 = 0.89375 GB-s,
    //    0.000015295863125: 457,640.08
    // 4096 MB x   260 ms: 1.04 + 0.0125 = 1.0525 GB-s, 0.00001794170175:
    //    390,152.5
    let got: Vec<(Decimal, Limit)> = rows
        .iter()
        .map(|r| (r.gbs_per_request, r.max_requests))
        .collect();
    assert_eq!(
        got,
        [
            (dec!(1.0625), Limit::Count(386_561)),
            (dec!(1.0125), Limit::Count(405_209)),
            (dec!(0.8125), Limit::Count(502_091)),
            (dec!(0.89375), Limit::Count(457_640)),
            (dec!(1.0525), Limit::Count(390_152)),
        ]
    );
    // 3,000 requests at 2048 MB cost 3000 x 0.00001394169375 = 0.04182508125.
    assert_eq!(rows[2].cost, dec!(0.04182508125));
    assert_eq!(rows[2].headroom, Some(dec!(499091)));
    // 2048 MB leaves the most headroom.
    assert_eq!(best(&rows), Some(2));
    // No function 2.
    assert!(evaluate(&s, &t, Some(2)).is_empty());
}

#[test]
fn best_ties_go_to_the_lower_memory_and_none_fits_is_none() {
    // 1024 MB × 2,000 ms and 2048 MB × 1,000 ms are both 2 GB-s.
    let t = parse(&fragment(&[2048, 1024], &[1000.0, 2000.0], &[0.0, 0.0])).unwrap();
    let rows = evaluate(&article(), &t, None);
    assert_eq!(rows[0].memory_mb, dec!(1024));
    assert_eq!(rows[0].max_requests, rows[1].max_requests);
    assert_eq!(best(&rows), Some(0));
    // 10,240 MB for 900 s is 9,000 GB-s: 3,000 requests never fit in $7.
    let t = parse(&fragment(&[10240], &[900_000.0], &[0.15])).unwrap();
    let rows = evaluate(&article(), &t, None);
    assert!(!rows[0].fits);
    assert_eq!(best(&rows), None);
    // A budget that fixed costs exceed buys none: 0 bought.
    let (s, p) = Scenario::from_link("?ddb_storage_gb=10000");
    assert!(p.is_empty());
    let rows = evaluate(&s, &parse(README_LINK).unwrap(), None);
    assert_eq!(rows[0].max_requests, Limit::NoneFits);
    assert_eq!(rows[0].headroom, Some(dec!(-3000)));
    assert_eq!(best(&rows), None);
    // Nothing costs per request: unlimited, and it fits.
    let (s, p) = Scenario::from_link("?invocations=0&p.lambda_gbs=0");
    assert!(p.is_empty());
    let rows = evaluate(&s, &parse(README_LINK).unwrap(), None);
    assert!(rows
        .iter()
        .all(|r| r.max_requests == Limit::Unlimited && r.fits));
    assert_eq!(rows[0].headroom, None);
    assert_eq!(best(&rows), Some(0));
}

#[test]
fn bad_base64() {
    let frag = README_LINK.split_once('#').unwrap().1;
    let (a, rest) = frag.split_once(';').unwrap();
    let (_, c) = rest.split_once(';').unwrap();
    let e = parse(&format!("{a};ZooQR4yv.UaQ;{c}")).unwrap_err();
    assert!(e.contains("part 2 (durations) is not base64"), "{e}");
    assert!(e.contains("character 9"), "{e}");
    let e = parse(&format!("{a}!;{rest}")).unwrap_err();
    assert!(e.contains("part 1 (memory sizes) is not base64"), "{e}");
    // Bad costs only: the points are kept without them.
    let t = parse(&format!("{a};{}", rest.replace(c, "QdWh*"))).unwrap();
    assert_eq!(t.points.len(), 6);
    assert!(t.points.iter().all(|p| p.cost_usd.is_none()));
    assert!(
        t.warnings[0].contains("part 3 (costs) is not base64"),
        "{:?}",
        t.warnings
    );
    // Not a link at all.
    let e = parse("https://lambda-power-tuning.show/").unwrap_err();
    assert!(e.contains("no # part"), "{e}");
    let e = parse("hello").unwrap_err();
    assert!(e.contains("expected three base64 parts"), "{e}");
}

#[test]
fn mismatched_lengths_keep_the_pairs() {
    let f = fragment(
        &[128, 256, 512, 1024, 1536, 3008],
        &[400.0, 200.0, 100.0, 50.0, 40.0],
        &[1e-6, 1e-6, 1e-6, 1e-6, 1e-6, 1e-6],
    );
    let t = parse(&f).unwrap();
    assert_eq!(
        memories(&t),
        [dec!(128), dec!(256), dec!(512), dec!(1024), dec!(1536)]
    );
    assert_eq!(
        t.warnings,
        ["6 memory sizes but 5 durations: only the first 5 are paired"]
    );
    let f = fragment(&[128, 256], &[400.0, 200.0], &[1e-6]);
    let t = parse(&f).unwrap();
    assert_eq!(t.points[1].cost_usd, None);
    assert!(
        t.warnings[0].contains("2 memory sizes but 1 cost"),
        "{:?}",
        t.warnings
    );
}

#[test]
fn truncated_input() {
    // The README link cut in part 3, then in part 2 (mid-value), then
    // after part 1.
    let cut = |n: usize| &README_LINK[..README_LINK.len() - n];
    let t = parse(cut(9)).unwrap();
    assert_eq!(t.points.len(), 6);
    assert_eq!(t.points[5].cost_usd, None);
    assert_warns(&t, "part 3 (costs) ends in the middle of a value");
    let frag = README_LINK.split_once('#').unwrap().1;
    let two = &frag[..frag.find(';').unwrap() + 1 + 30];
    let t = parse(two).unwrap();
    assert_eq!(t.points.len(), 5);
    assert_warns(&t, "part 2 (durations) ends in the middle");
    assert_warns(&t, "6 memory sizes but 5 durations");
    assert_warns(&t, "no part 3 (costs)");
    let e = parse(&frag[..16]).unwrap_err();
    assert!(e.contains("looks truncated"), "{e}");
    // JSON cut anywhere is named truncated.
    for n in [1, 10, 100, OUTPUT_JSON.len() - 1] {
        let e = parse(&OUTPUT_JSON[..OUTPUT_JSON.len() - n]).unwrap_err();
        assert!(e.contains("the JSON is truncated"), "{n}: {e}");
    }
    let e = parse("").unwrap_err();
    assert!(e.contains("empty"), "{e}");
}

#[test]
fn memory_outside_lambdas_range() {
    let f = fragment(&[64, 128, 10240, 10241, -128], &[9.0; 5], &[1e-6; 5]);
    let t = parse(&f).unwrap();
    assert_eq!(memories(&t), [dec!(128), dec!(10240)]);
    assert_eq!(
        t.warnings,
        [
            "measurement 1: memory 64 MB is outside Lambda's 128 to 10,240 MB; left out",
            "measurement 4: memory 10241 MB is outside Lambda's 128 to 10,240 MB; left out",
            "measurement 5: memory -128 MB is outside Lambda's 128 to 10,240 MB; left out",
        ]
    );
    let e = parse(&fragment(&[64], &[9.0], &[1e-6])).unwrap_err();
    assert_eq!(
        e,
        "no usable measurement: measurement 1: memory 64 MB is outside Lambda's 128 to \
         10,240 MB; left out"
    );
    let e = parse(r#"{"stats": [{"value": 64, "averageDuration": 3}]}"#).unwrap_err();
    assert!(e.contains("stats entry 1: memory 64 MB is outside"), "{e}");
    let e = parse(r#"{"stats": [{"value": 512.5, "averageDuration": 3}]}"#).unwrap_err();
    assert!(e.contains("not a whole number"), "{e}");
}

#[test]
fn negative_and_nan_durations() {
    let f = fragment(&[128, 256, 512], &[-5.0, f32::NAN, 7.0], &[1e-6; 3]);
    let t = parse(&f).unwrap();
    assert_eq!(memories(&t), [dec!(512)]);
    assert_eq!(
        t.warnings,
        [
            "measurement 1 (128 MB): duration -5 ms is negative; left out",
            "measurement 2 (256 MB): duration is NaN; left out",
        ]
    );
    let e = parse(r#"{"stats": [{"value": 128, "averageDuration": -3.5}]}"#).unwrap_err();
    assert!(
        e.contains("stats entry 1 (128 MB): duration -3.5 ms is negative"),
        "{e}"
    );
    let e = parse(r#"{"stats": [{"value": 128, "duration": "NaN"}]}"#).unwrap_err();
    assert!(e.contains("NaN"), "{e}");
}

#[test]
fn unknown_json_shapes_say_what_was_expected() {
    let e = parse(r#"{"foo": 1, "bar": 2}"#).unwrap_err();
    assert!(e.contains("expected results.stats"), "{e}");
    assert!(e.contains("found bar, foo"), "{e}");
    let e = parse(r#"{"results": [1]}"#).unwrap_err();
    assert!(e.contains("results is a list, expected an object"), "{e}");
    let e = parse(r#"{"results": {"stats": 5}}"#).unwrap_err();
    assert!(e.contains("stats is a number, expected a list"), "{e}");
    let e = parse(r#"{"results": {"stats": []}}"#).unwrap_err();
    assert!(e.contains("no measurements"), "{e}");
    let e = parse(r#"{"stats": [{"averageDuration": 3}, 7]}"#).unwrap_err();
    assert!(e.contains("stats entry 1: no value"), "{e}");
    assert!(
        e.contains("stats entry 2 is a number, not an object"),
        "{e}"
    );
    let e = parse(r#"{"stats": [{"value": 128}]}"#).unwrap_err();
    assert!(e.contains("no averageDuration or duration"), "{e}");
    let e = parse(r#"{"a": }"#).unwrap_err();
    assert!(e.contains("the JSON is not valid"), "{e}");
    // One bad entry among good ones is a warning; a bad cost drops the
    // cost alone; a size measured twice keeps the first.
    let t = parse(
        r#"{"power": "huge", "stats": [
            {"value": 128, "averageDuration": 10, "averagePrice": -1},
            {"value": 256, "averageDuration": "x"},
            {"value": 128, "averageDuration": 20}
        ]}"#,
    )
    .unwrap();
    assert_eq!(t.points.len(), 1);
    assert_eq!(t.points[0].duration_ms, dec!(10));
    assert_eq!(t.points[0].cost_usd, None);
    assert_eq!(t.chosen_mb, None);
    assert_eq!(t.warnings.len(), 4, "{:?}", t.warnings);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any text: a result or a message, never a panic; and a result
    /// always prices.
    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        if let Ok(t) = parse(&text) {
            let _ = evaluate(&article(), &t, None);
        }
    }

    /// Text that starts as JSON does.
    #[test]
    fn random_json_text_never_panics(text in "[\\[{][\\[\\]{}\":,. 0-9a-zA-Z_-]{0,200}") {
        let _ = parse(&text);
    }

    /// Text made of the link's own characters.
    #[test]
    fn random_fragments_never_panic(text in "#?[A-Za-z0-9+/=;%_-]{0,120}") {
        if let Ok(t) = parse(&text) {
            prop_assert!(!t.points.is_empty());
            let _ = best(&evaluate(&article(), &t, None));
        }
    }

    /// Random bytes as the three parts: any Int16 and Float32 values.
    #[test]
    fn random_values_never_panic(
        mem in proptest::collection::vec(any::<i16>(), 0..12),
        dur in proptest::collection::vec(any::<u32>(), 0..12),
        cost in proptest::collection::vec(any::<u32>(), 0..12),
    ) {
        let dur: Vec<f32> = dur.into_iter().map(f32::from_bits).collect();
        let cost: Vec<f32> = cost.into_iter().map(f32::from_bits).collect();
        if let Ok(t) = parse(&fragment(&mem, &dur, &cost)) {
            for p in &t.points {
                prop_assert!(p.duration_ms > Decimal::ZERO);
                prop_assert!(p.memory_mb >= dec!(128) && p.memory_mb <= dec!(10240));
            }
            let _ = evaluate(&article(), &t, None);
        }
    }

    /// JSON of the output's shape with hostile values.
    #[test]
    fn random_json_never_panics(
        value in prop_oneof![
            any::<f64>().prop_map(|f| serde_json::json!(f)),
            any::<i64>().prop_map(|i| serde_json::json!(i)),
            "\\PC{0,20}".prop_map(|s| serde_json::json!(s)),
            Just(serde_json::json!(null)),
            Just(serde_json::json!([])),
        ],
        key in proptest::sample::select(vec!["value", "averageDuration", "averagePrice", "power"]),
        cut in 0usize..400,
    ) {
        let mut entry = serde_json::json!({"value": 512, "averageDuration": 30.5, "averagePrice": 1e-6});
        entry[key] = value;
        let j = serde_json::json!({"results": {"power": "512", "stats": [entry]}}).to_string();
        let _ = parse(&j);
        let end = j.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(j.len());
        let _ = parse(&j[..end]);
    }
}

#[test]
fn many_problems_are_counted_and_quotes_dropped() {
    // 300 memory sizes of 64 MB: 50 named, 250 counted, then the error.
    let e = parse(&fragment(&[64; 300], &[9.0; 300], &[1e-6; 300])).unwrap_err();
    assert!(e.contains("measurement 50: memory 64 MB"), "{e}");
    assert!(!e.contains("measurement 51:"), "{e}");
    assert!(e.ends_with("and 250 more problems not listed"), "{e}");
    // A link in quotes, as a JSON string or a shell argument gives it.
    let t = parse(&format!("\"{README_LINK}\"")).unwrap();
    assert_eq!(t.points.len(), 6);
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn at_most_max_points_and_big_inputs() {
    use backcast_core::tuning::{MAX_INPUT_BYTES, MAX_POINTS};
    // 2,000 sizes from 128 MB up: the smallest 1,000 are kept and priced.
    let mem: Vec<i16> = (128..2128).collect();
    let t = parse(&fragment(&mem, &vec![100.0; 2000], &vec![1e-6; 2000])).unwrap();
    assert_eq!(t.points.len(), MAX_POINTS);
    assert_eq!(t.points[999].memory_mb, dec!(1127));
    assert_eq!(
        t.warnings,
        ["2000 memory sizes; the smallest 1000 are used"]
    );
    let rows = evaluate(&article(), &t, None);
    assert_eq!(rows.len(), MAX_POINTS);
    // 128 MB for 100 ms is the least GB-s: 0.0125.
    assert_eq!(best(&rows), Some(0));
    // Past the limit, the input is refused unread.
    let e = parse(&"A".repeat(MAX_INPUT_BYTES + 1)).unwrap_err();
    assert!(e.contains("at most 1000000"), "{e}");
}

#[test]
fn arm64_prices_the_same_measurements_lower() {
    // arm64 duration is $0.0000133334 per GB-s (first tier). 1536 MB:
    // 3.7695 × 0.0000133334 + 0.0000002 = 0.0000504602513; 7 / c =
    // 138,723.05…: 138,723. 128 MB: 4.625375 × 0.0000133334 + 0.0000002 =
    // 0.000061871975025; 113,136.84…: 113,136.
    let (s, p) = Scenario::from_link("?arch=arm64");
    assert!(p.is_empty());
    let rows = evaluate(&s, &parse(README_LINK).unwrap(), None);
    assert_eq!(rows[4].max_requests, Limit::Count(138723));
    assert_eq!(rows[0].max_requests, Limit::Count(113136));
    assert_eq!(best(&rows), Some(4));
}

#[test]
fn the_link_readers_edges() {
    use backcast_core::tuning::MAX_POINTS;
    // Exactly 1,000 sizes: all kept, nothing to say.
    let mem: Vec<i16> = (128..1128).collect();
    let t = parse(&fragment(&mem, &vec![100.0; 1000], &vec![1e-6; 1000])).unwrap();
    assert_eq!(t.points.len(), MAX_POINTS);
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    // The README link as it is: three parts, no warning; with a fourth,
    // the fourth is named and ignored.
    assert!(parse(README_LINK).unwrap().warnings.is_empty());
    let t = parse(&format!("{README_LINK};AAAA")).unwrap();
    assert_eq!(t.points.len(), 6);
    assert!(
        t.warnings[0].starts_with("4 parts separated by ;"),
        "{:?}",
        t.warnings
    );
    // Part 3 (6 costs, 24 bytes, 32 characters) with one character more:
    // a 33rd character holds no byte, so the 6 costs are read and the
    // input is named truncated.
    let t = parse(&format!("{README_LINK}A")).unwrap();
    assert_eq!(t.points.len(), 6);
    assert!(t.points.iter().all(|p| p.cost_usd.is_some()));
    assert_warns(&t, "part 3 (costs) ends in the middle of a value");
    // Part 3 cut to 29 characters (21 bytes and a character): 5 whole
    // costs; the 6th is cut and left out.
    let (head, part3) = README_LINK.rsplit_once(';').unwrap();
    let t = parse(&format!("{head};{}", &part3[..29])).unwrap();
    assert_eq!(t.points.len(), 6);
    assert!(t.points[4].cost_usd.is_some());
    assert_eq!(t.points[5].cost_usd, None);
}

#[test]
fn escaped_plus_signs_in_a_copied_link_are_read() {
    // 500 ms is the float 0x43FA0000, base64 "AAD6QwAA+kMAAPpD" for three
    // of them: a copy that escaped "+" as "%2B" reads the same.
    let plain = fragment(
        &[128, 256, 512],
        &[500.0, 500.0, 500.0],
        &[1e-6, 1e-6, 1e-6],
    );
    assert!(plain.contains("AAD6QwAA+kMAAPpD"), "{plain}");
    let escaped = plain.replace('+', "%2B");
    let (a, b) = (parse(&plain).unwrap(), parse(&escaped).unwrap());
    assert_eq!(a.points, b.points);
    assert_eq!(b.points[2].duration_ms, dec!(500));
}

#[test]
fn measured_values_at_their_edges() {
    // A duration of 0 ms is no measurement (not a negative one).
    let t = parse(&fragment(&[128, 256], &[0.0, 100.0], &[1e-6, 1e-6])).unwrap();
    assert_eq!(memories(&t), [dec!(256)]);
    assert_warns(&t, "duration 0 ms: a measured invocation takes some time");
    // A cost of exactly $1,000 (the most an invocation can cost) is kept;
    // $1,000.5 is not; a JSON 0.0 is $0, not the smallest decimal.
    let json = |price: &str| {
        format!(
            r#"{{"stats": [{{"value": 128, "averageDuration": 100, "averagePrice": {price}}}]}}"#
        )
    };
    assert_eq!(
        parse(&json("1000")).unwrap().points[0].cost_usd,
        Some(dec!(1000))
    );
    assert_eq!(parse(&json("1000.5")).unwrap().points[0].cost_usd, None);
    assert_eq!(
        parse(&json("0.0")).unwrap().points[0].cost_usd,
        Some(dec!(0))
    );
}

#[test]
fn a_functions_gbs_per_invocation_at_each_measured_size() {
    // Function "api" of a pipeline measured at 1,536 MB for 100.2 ms:
    // billed 101 ms, 1,536 / 1,024 × 101 / 1,000 = 0.1515 GB-s.
    let (s, _) = Scenario::from_link("fns=api:512:50,worker:256:20");
    let t = parse(r#"{"stats": [{"value": 1536, "averageDuration": 100.2}]}"#).unwrap();
    let rows = evaluate(&s, &t, Some(0));
    assert_eq!(rows[0].billed_ms, dec!(101));
    assert_eq!(rows[0].gbs_per_invocation, dec!(0.1515));
}
