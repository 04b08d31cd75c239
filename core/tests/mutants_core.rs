//! Tests added to kill the mutants cargo-mutants found missed in the core
//! (issue 12 item 9: the second pass over cost.rs, solve.rs, arith.rs and
//! prices.rs, and the third over the rest of the core: the book, the API,
//! headroom, the shared summary, the tuning report, reading a link, the
//! breakdown, the figures and the chart). Every expected value is worked out by hand in the comment
//! beside it, from the published prices in `docs/pricing.md` and the keys
//! of `docs/scenario-v1.md`; none is copied from the code's output.

use backcast_core::actual::Service;
use backcast_core::api::{error_message, solve_pairs};
use backcast_core::cost::{request_gbs, Lines, Model, PerRequest, Schedule};
use backcast_core::fragment::{from_summary, summary};
use backcast_core::prices::{basis, region_prices, Item, Tier, NEWEST, REGIONS};
use backcast_core::scenario::Raw;
use backcast_core::scenario::Scenario;
use backcast_core::solve::{function_headroom, Knob};
use backcast_core::view::View;
use backcast_core::{solve, Limit};
use rust_decimal_macros::dec;

// ---------------------------------------------------------------- prices

#[test]
fn frozen_books_name_their_region_and_its_caveat() {
    // docs/pricing.md, "Regions in book 2026-11": a region is named by its
    // own code and name (prices::REGIONS), not us-east-1's.
    let p = region_prices("2026-11", "eu-west-1").unwrap();
    assert_eq!(p.code, "eu-west-1");
    assert_eq!(p.name, "Europe (Ireland)");
    // "The nine other regions at us-east-1's Lambda price" say that
    // Express, EventBridge and DynamoDB are us-east-1's.
    assert_eq!(
        p.caveat,
        Some(
            "Lambda and Step Functions Standard use this region's prices; Express, \
             EventBridge and DynamoDB use us-east-1 prices (not confirmed for this region)."
        )
    );
    // The five dearer regions say that arm64 is derived and the tiers flat.
    let p = region_prices("2026-11", "af-south-1").unwrap();
    assert_eq!(p.code, "af-south-1");
    assert_eq!(p.name, "Africa (Cape Town)");
    assert_eq!(
        p.caveat,
        Some(
            "Lambda's first-tier x86 price is this region's; arm64 is derived as 80% of x86; \
             the higher volume tiers are not confirmed, so every tier is priced at the \
             first-tier rate (never understates); Express, EventBridge and DynamoDB use \
             us-east-1 prices (not confirmed)."
        )
    );
    // us-east-1 itself has nothing to say.
    assert_eq!(region_prices("2026-11", "us-east-1").unwrap().caveat, None);
}

// ---------------------------------------------------------------- cost

#[test]
fn a_free_tier_with_a_bound_is_counted_before_the_paid_one() {
    // A schedule whose first 100 units cost nothing and the rest 2 each
    // (a tier priced at zero, not a free allowance): 10 USD buys the 100
    // free units and 10 / 2 = 5 paid ones, 105 in all; nothing buys the 100.
    let s = Schedule {
        free: dec!(0),
        tiers: [
            Tier {
                up_to: Some(dec!(100)),
                price: dec!(0),
            },
            Tier {
                up_to: None,
                price: dec!(2),
            },
            Tier {
                up_to: None,
                price: dec!(2),
            },
            Tier {
                up_to: None,
                price: dec!(2),
            },
        ],
    };
    assert_eq!(s.max_quantity(dec!(10)), Some(dec!(105)));
    assert_eq!(s.max_quantity(dec!(0)), Some(dec!(100)));
    // And cost agrees: 105 units = 5 paid x 2 = 10.
    assert_eq!(s.cost(dec!(105)), dec!(10));
}

fn month(q: &str) -> Lines {
    let (s, problems) = Scenario::from_link(&format!("period=month&requests=1000000&{q}"));
    assert!(problems.is_empty(), "{q}: {problems:?}");
    Model::new(&s).lines(dec!(1000000))
}

#[test]
fn each_service_subtotal_adds_its_own_lines() {
    // us-east-1, book 2026-12, no free tier, 1,000,000 requests a month.
    // Lambda: api 512 MB x 120 ms, worker 1,024 MB x 800 ms twice, and warm
    // 1,024 MB x 100 ms on 2 provisioned environments; 1% of the on-demand
    // invocations start cold with 300 ms of INIT; 1,024 MB of /tmp.
    // - requests: 4 invocations x 1,000,000 x 0.0000002 = 0.80;
    // - on-demand duration without INIT: (0.5 x 0.12 + 2 x 1 x 0.8) = 1.66
    //   GB-s, 1,660,000 x 0.0000166667 = 27.666722;
    // - INIT: (0.5 x 0.003 + 2 x 1 x 0.003) = 0.0075 GB-s, 7,500 x
    //   0.0000166667 = 0.12500025;
    // - ephemeral: 0.5 GB x (0.123 + 2 x 0.803 + 0.1) s = 0.9145 GB-s,
    //   914,500 x 0.0000000309 = 0.02825805;
    // - provisioned: 2 x 1 GB x 2,628,000 s x 0.0000041667 = 21.9001752,
    //   and 100,000 GB-s on it x 0.0000097222 = 0.97222.
    // 0.80 + 27.666722 + 0.12500025 + 0.02825805 + 21.9001752 + 0.97222
    // = 51.4923755.
    let l = month(
        "fns=api:512:120,worker:1024:800:2,warm:1024:100:1::2\
         &cold_pct=1&init_ms=300&eph_mb=1024",
    );
    assert_eq!(l.lambda(), dec!(51.4923755));
    assert_eq!(l.by_service()[0], ("Lambda", dec!(51.4923755)));
    // CloudWatch Logs: one invocation a request logging 1 MB (2^20 bytes)
    // with its 300 bytes of START, END and REPORT (log_kb = 1,024 - 300 /
    // 1,024): 1,000,000 MB = 976.5625 GB, ingested at 0.50 = 488.28125,
    // kept 2 months at 0.03 a GB-month = 58.59375; 546.875 in all.
    let l = month("gbs=0&invocations=1&logs=1&log_kb=1023.70703125&log_months=2");
    assert_eq!(l.cloudwatch_logs(), dec!(546.875));
    assert_eq!(l.by_service()[4], ("CloudWatch Logs", dec!(546.875)));
    // SNS: 1,000,000 publishes x 0.0000005 = 0.50 and 2,000,000 HTTP/S
    // deliveries x 0.0000006 = 1.20: 1.70.
    let l = month("sns_publishes=1&sns_http=2");
    assert_eq!(l.sns(), dec!(1.7));
    assert_eq!(l.by_service()[7], ("SNS", dec!(1.7)));
    // S3: 1,000,000 PUTs x 0.000005 = 5.00 and 4,000,000 GETs x 0.0000004
    // = 1.60, 100 GB stored x 0.023 = 2.30: 8.90.
    let l = month("s3_puts=1&s3_gets=4&s3_storage_gb=100");
    assert_eq!(l.s3(), dec!(8.9));
    assert_eq!(l.by_service()[8], ("S3", dec!(8.9)));
    // NAT: 730 h x (0.045 + 0.005) = 36.50, and 976.5625 GB x 0.045 =
    // 43.9453125: 80.4453125.
    let l = month("nat=1&nat_kb=1024");
    assert_eq!(l.nat_gateway(), dec!(80.4453125));
    assert_eq!(l.by_service()[10], ("NAT gateway", dec!(80.4453125)));
}

#[test]
fn arm64_as_the_main_architecture_with_an_x86_function() {
    // The same two functions as whole_bill.rs's two-architecture test, but
    // with arch=arm64 and the first function x86_64: 1 GB for 1 s on each,
    // 1,000,000 GB-s x86 x 0.0000166667 = 16.6667 and 1,000,000 GB-s arm64
    // x 0.0000133334 = 13.3334: 30.0001 whichever is the main one.
    let q = "arch=arm64&fns=a:1024:1000:1:x86_64,b:1024:1000";
    assert_eq!(month(q).lambda_duration, dec!(30.0001));
    // The free 400,000 GB-s still go to arm64 first: 600,000 x
    // 0.0000133334 = 8.00004, plus 16.6667 = 24.66674.
    assert_eq!(
        month(&format!("{q}&free_tier=1")).lambda_duration,
        dec!(24.66674)
    );
    // With more free GB-s than arm64 uses, the rest go to x86: 1 GB x
    // 0.1 s on arm64 = 100,000 GB-s, all free; x86 1,000,000 - 300,000 =
    // 700,000 x 0.0000166667 = 11.66669.
    let q = "arch=arm64&fns=a:1024:1000:1:x86_64,b:1024:100&free_tier=1";
    assert_eq!(month(q).lambda_duration, dec!(11.66669));
}

#[test]
fn provisioned_concurrency_on_arm64() {
    // 2 environments of 1 GB on arm64 for 730 h = 2,628,000 s: 2 x 1 x
    // 2,628,000 x 0.0000033334 = 17.5203504; duration on them: 100,000
    // GB-s x 0.0000077778 = 0.77778.
    let l = month("fns=warm:1024:100:1:arm64:2");
    assert_eq!(l.lambda_provisioned, dec!(17.5203504));
    assert_eq!(l.lambda_provisioned_duration, dec!(0.77778));
    assert_eq!(l.lambda_duration, dec!(0));
    // The same on x86 at 0.0000041667 and 0.0000097222 (whole_bill.rs)
    // with arch=arm64 as the default for the others.
    let l = month("arch=arm64&fns=warm:1024:100:1:x86_64:2");
    assert_eq!(l.lambda_provisioned, dec!(21.9001752));
    assert_eq!(l.lambda_provisioned_duration, dec!(0.97222));
}

fn day(q: &str) -> Lines {
    let (s, problems) = Scenario::from_link(&format!("period=day&requests=1000000&{q}"));
    assert!(problems.is_empty(), "{q}: {problems:?}");
    Model::new(&s).lines(dec!(1000000))
}

#[test]
fn fixed_costs_of_a_day_are_a_day_of_the_month() {
    // A day is 24 of a month's 730 hours. S3: 100 GB x 0.023 = 2.30 a
    // month, 2.30 x 24 / 730 = 0.0756164383... a day.
    let l = day("gbs=0&invocations=0&s3_storage_gb=100");
    assert!(
        (l.s3_storage - dec!(0.0756164383561643835616)).abs() < dec!(0.0000000001),
        "{}",
        l.s3_storage
    );
    // NAT: 24 h x (0.045 + 0.005) = 1.20 a day.
    assert_eq!(day("gbs=0&invocations=0&nat=1").nat_hours, dec!(1.2));
    // Provisioned concurrency: 1 environment of 1 GB for 86,400 s x
    // 0.0000041667 = 0.36000288 a day.
    assert_eq!(
        day("fns=warm:1024:100:1::1").lambda_provisioned,
        dec!(0.36000288)
    );
}

#[test]
fn a_table_row_splits_its_gbs_between_the_architectures_as_the_pipeline_does() {
    // a: 1 GB x 1 s on x86_64 (the main arch), b: 1 GB x 3 s on arm64:
    // 1 GB-s on x86 and 3 on arm64 a request, 4 in all (what the table and
    // the headroom call "GB-s per request").
    let (s, p) = Scenario::from_link("period=month&fns=a:1024:1000,b:1024:3000:1:arm64");
    assert!(p.is_empty(), "{p:?}");
    let per = PerRequest::of(&s);
    assert_eq!(per.total_gbs(), dec!(4));
    assert_eq!(request_gbs(&s), dec!(4));
    // A row at 8 GB-s keeps the 1 : 3 split: 2 on x86, 6 on arm64.
    let row = per.with_gbs(dec!(8));
    assert_eq!(row.gbs, dec!(2));
    assert_eq!(row.gbs_other, dec!(6));
    // Priced for 1,000,000 requests a month: 2,000,000 GB-s x 0.0000166667
    // = 33.3334 and 6,000,000 x 0.0000133334 = 80.0004: 113.3338.
    let l = Model::new(&s).lines_with(&row, dec!(1000000));
    assert_eq!(l.lambda_duration, dec!(113.3338));
}

#[test]
fn init_and_provisioned_duration_on_both_architectures() {
    // a on x86_64 (the main arch) and b on arm64, 1 GB for 1 s each; 10%
    // of invocations start cold with 500 ms of INIT, billed as ceil(500 +
    // 1,000) - 1,000 = 500 ms more: 0.1 x 1 GB x 0.5 s = 0.05 GB-s of INIT
    // a request on each arch. Duration without INIT: 1,000,000 GB-s x
    // 0.0000166667 = 16.6667 plus 1,000,000 x 0.0000133334 = 13.3334:
    // 30.0001. INIT: 50,000 x 0.0000166667 = 0.833335 plus 50,000 x
    // 0.0000133334 = 0.66667: 1.500005.
    let l = month("fns=a:1024:1000,b:1024:1000:1:arm64&cold_pct=10&init_ms=500");
    assert_eq!(l.lambda_duration, dec!(30.0001));
    assert_eq!(l.lambda_init, dec!(1.500005));
    // One provisioned environment of 1 GB on each arch, 100 ms a request:
    // configured 2,628,000 s x (0.0000041667 + 0.0000033334) = 10.9500876
    // + 8.7601752 = 19.7102628; duration 100,000 GB-s x 0.0000097222 =
    // 0.97222 plus 100,000 x 0.0000077778 = 0.77778: 1.75.
    let l = month("fns=w1:1024:100:1:x86_64:1,w2:1024:100:1:arm64:1");
    assert_eq!(l.lambda_provisioned, dec!(19.7102628));
    assert_eq!(l.lambda_provisioned_duration, dec!(1.75));
}

// ---------------------------------------------------------------- solve

#[test]
fn a_budget_equal_to_the_fixed_costs_buys_zero_requests_not_none() {
    // 28 GB of DynamoDB storage x 0.25 = 7.00 a month, the whole $7
    // budget: zero requests fit (cost 7.00 <= 7), one does not.
    let (s, p) = Scenario::from_link("period=month&budget=7&ddb_storage_gb=28");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(solve(&s).max_requests, Limit::Count(0));
    // 0.01 GB more (7.0025) and none fits.
    let (s, _) = Scenario::from_link("period=month&budget=7&ddb_storage_gb=28.01");
    assert_eq!(solve(&s).max_requests, Limit::NoneFits);
}

#[test]
fn max_gbs_when_the_request_fees_take_the_whole_budget() {
    // 3,000 requests a day, one invocation each: 3,000 x 0.0000002 =
    // 0.0006, exactly the budget: they fit at 0 GB-s, and not one GB-s more.
    let (s, p) = Scenario::from_link("budget=0.0006&requests=3000&invocations=1");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(solve(&s).max_gbs, Some(dec!(0)));
}

#[test]
fn max_gbs_on_both_architectures() {
    // 1,000,000 requests a month through a (x86_64) and b (arm64), whose
    // GB-s split 1 : 3 (1 GB x 1 s and 1 GB x 3 s). Request fees: 2 x
    // 1,000,000 x 0.0000002 = 0.40. At g GB-s a request in all: g / 4 x
    // 1,000,000 x 0.0000166667 + 3g / 4 x 1,000,000 x 0.0000133334 = g x
    // (4.166675 + 10.00005) = g x 14.166725. A budget of 0.40 + 2 x
    // 14.166725 = 28.73345 buys exactly 2 GB-s a request (the search is in
    // steps of 0.000000001 GB-s, and 2.000000001 costs more).
    let (s, p) = Scenario::from_link(
        "period=month&requests=1000000&budget=28.73345\
         &fns=a:1024:1000,b:1024:3000:1:arm64",
    );
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(solve(&s).max_gbs, Some(dec!(2)));
}

#[test]
fn rows_are_cut_only_past_a_thousand() {
    // rows=1:1000:1 is 1, 2, ..., 1,000: exactly MAX_ROWS values, all in
    // the table, nothing cut; 1:1001:1 stands for 1,001 and is cut.
    let (s, p) = Scenario::from_link("rows=1:1000:1");
    assert!(p.is_empty(), "{p:?}");
    let sol = solve(&s);
    assert_eq!(sol.rows.len(), 1000);
    assert_eq!(sol.rows_cut_from, None);
    let (s, _) = Scenario::from_link("rows=1:1001:1");
    let sol = solve(&s);
    assert_eq!(sol.rows.len(), 1000);
    assert_eq!(sol.rows_cut_from, Some(1001));
}

#[test]
fn the_knobs_read_the_scenario_and_apply_once_in_use() {
    // Values as the link gives them (docs/scenario-v1.md keys).
    let (s, p) = Scenario::from_link("sns_publishes=2&sns_http=3&s3_puts=4&s3_gets=5&egress_kb=6");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(Knob::SnsPublishes.current(&s), dec!(2));
    assert_eq!(Knob::SnsHttp.current(&s), dec!(3));
    assert_eq!(Knob::S3Puts.current(&s), dec!(4));
    assert_eq!(Knob::S3Gets.current(&s), dec!(5));
    assert_eq!(Knob::EgressKb.current(&s), dec!(6));
    // A service around the functions applies once it is in use.
    assert!(Knob::SnsPublishes.applies(&s));
    assert!(Knob::EgressKb.applies(&s));
    let (d, _) = Scenario::from_link("");
    assert!(!Knob::SnsPublishes.applies(&d));
    // SQS messages apply with a queue, not without.
    assert!(!Knob::SqsMessages.applies(&d));
    let (q, _) = Scenario::from_link("sqs=standard");
    assert!(Knob::SqsMessages.applies(&q));
    // NAT data applies with a NAT gateway, not without.
    assert!(!Knob::NatKb.applies(&d));
    let (n, _) = Scenario::from_link("nat=1");
    assert!(Knob::NatKb.applies(&n));
}

#[test]
fn function_headroom_needs_requests_and_the_function() {
    // No requests: no headroom to speak of, even for a function that exists.
    let (s, p) = Scenario::from_link("requests=0&fns=api:512:120");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(function_headroom(&s, 0, dec!(512)), None);
    // Requests but no second function.
    let (s, _) = Scenario::from_link("fns=api:512:120");
    assert_eq!(function_headroom(&s, 1, dec!(512)), None);
}

// ---------------------------------------------------------------- report

#[test]
fn output_formats_by_name() {
    // `json`, `markdown` (or `md`), `csv`; anything else is not a format.
    use backcast_core::report::Output;
    assert_eq!(Output::from_name("json"), Some(Output::Json));
    assert_eq!(Output::from_name("markdown"), Some(Output::Markdown));
    assert_eq!(Output::from_name("md"), Some(Output::Markdown));
    assert_eq!(Output::from_name("csv"), Some(Output::Csv));
    assert_eq!(Output::from_name("html"), None);
}

// ------------------------------------------------------------ the book

/// The core's name for the price an assumed row of
/// `prices/2026-12/assumed.json` stands in for: the dimension's first tier,
/// or, for a row that starts above zero, the dimension's volume tiers
/// where the page reports those apart (docs/pricing.md, "Confirmed and
/// assumed"). DynamoDB storage is one item however it is tiered.
fn assumed_item(dimension: &str, tiers_above: bool) -> Item {
    match (dimension, tiers_above) {
        ("lambda_request" | "lambda_request_arm64", _) => Item::LambdaRequest,
        ("lambda_gbs_x86", false) => Item::LambdaGbsX86,
        ("lambda_gbs_x86", true) => Item::LambdaGbsX86Tiers,
        ("lambda_gbs_arm64", false) => Item::LambdaGbsArm64,
        ("lambda_gbs_arm64", true) => Item::LambdaGbsArm64Tiers,
        ("sfn_transition", _) => Item::SfnTransition,
        ("sfn_express_request", _) => Item::SfnExpressRequest,
        ("sfn_express_gbs", false) => Item::SfnExpressGbs,
        ("sfn_express_gbs", true) => Item::SfnExpressGbsTiers,
        ("eb_event", _) => Item::EbEvent,
        ("ddb_rru", _) => Item::DdbRru,
        ("ddb_wru", _) => Item::DdbWru,
        ("ddb_rcu_hour", _) => Item::DdbRcuHour,
        ("ddb_wcu_hour", _) => Item::DdbWcuHour,
        ("ddb_storage_gb_month", _) => Item::DdbStorage,
        (other, _) => panic!("assumed.json names an unknown dimension {other}"),
    }
}

#[test]
fn each_region_reports_as_assumed_exactly_the_rows_of_the_assumptions_file() {
    // The generated book carries, per region, which prices the page must
    // call assumed. Read them back from the generator's input instead:
    // a region's price is assumed exactly when prices/2026-12/assumed.json
    // has a row for it (pricegen uses a row only where the offer files
    // have no price), and every other price is confirmed.
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../prices/2026-12/assumed.json")).unwrap();
    let rows = file["prices"].as_array().unwrap();
    assert!(rows.len() > 100, "{}", rows.len());
    let mut expected: std::collections::BTreeMap<&str, Vec<Item>> = Default::default();
    for row in rows {
        let above = row["beginRange"].as_str().is_some_and(|b| b != "0");
        let item = assumed_item(row["dimension"].as_str().unwrap(), above);
        let items = expected.entry(row["region"].as_str().unwrap()).or_default();
        if !items.contains(&item) {
            items.push(item);
        }
    }
    let mut checked = 0;
    for &(region, _) in REGIONS {
        let Some(basis) = basis(NEWEST, region) else {
            continue;
        };
        let want = expected.get(region).cloned().unwrap_or_default();
        for item in Item::ALL {
            assert_eq!(
                basis.is_assumed(item),
                want.contains(&item),
                "{region}: {}",
                item.label()
            );
        }
        checked += 1;
    }
    // Every region of the newest book is checked, and each region the
    // file names is one of them (us-east-1 alone has nothing assumed).
    assert_eq!(checked, REGIONS.len());
    assert!(expected.keys().all(|r| REGIONS.iter().any(|(c, _)| c == r)));
    assert!(!expected.contains_key("us-east-1"));
}

#[test]
fn each_item_has_a_bit_of_its_own() {
    // The book's `assumed` sets are unions of these bits, written `a | b`;
    // with no two items sharing a bit, `a | b` and `a ^ b` are the same
    // set (why `|` to `^` in core/src/books is excluded from make mutants).
    let mut seen = 0u16;
    for item in Item::ALL {
        assert_eq!(item.bit().count_ones(), 1, "{}", item.label());
        assert_eq!(seen & item.bit(), 0, "{}", item.label());
        seen |= item.bit();
    }
    assert_eq!(seen.count_ones(), 15);
}

// ------------------------------------------------------------- the API

#[test]
fn the_api_result_writes_a_later_breakdown_line_only_when_it_costs_something() {
    // docs/scenario-v1.md, "The result of solve(scenario)": the lines added
    // within v1 (sqs, s3, ...) are written only when not 0, so the default
    // scenario's breakdown has the five original fields and no more, and a
    // scenario with an SQS queue also has `sqs`.
    let plain = solve_pairs([("budget", Raw::Text("7"))]).unwrap();
    let json = serde_json::to_value(&plain).unwrap();
    let keys: Vec<&str> = json["breakdown"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    // (serde_json's map lists its keys sorted.)
    assert_eq!(
        keys,
        [
            "dynamodb",
            "eventbridge",
            "lambda_duration",
            "lambda_requests",
            "step_functions"
        ]
    );
    // One standard queue at the defaults (1 message of 1 KB a request, 3
    // calls each; no free tier by default): 3,000 requests a day make 9,000
    // SQS requests, at $0.40 a million (docs/pricing.md) $0.0036.
    let queued = solve_pairs([("budget", Raw::Text("7")), ("sqs", Raw::Text("standard"))]).unwrap();
    let json = serde_json::to_value(&queued).unwrap();
    let sqs = json["breakdown"]["sqs"].as_f64().unwrap();
    assert_eq!(sqs, 0.0036);
    assert!(json["breakdown"].get("s3").is_none());
}

#[test]
fn the_api_reads_a_good_scenario_and_names_every_problem_of_a_bad_one() {
    // docs/scenario-v1.md, "Errors": the message starts `invalid scenario: `
    // and joins the problems with `; `.
    assert!(solve_pairs([("budget", Raw::Text("7"))]).is_ok());
    let problems =
        solve_pairs([("budget", Raw::Text("-3")), ("period", Raw::Text("week"))]).unwrap_err();
    assert_eq!(
        error_message(&problems),
        "invalid scenario: budget: must be greater than 0, not -3; \
         period: \"week\" is not one of day, month"
    );
}

// ------------------------------------------------------------ headroom

/// What the page shows for a link that must read without a problem.
fn view(link: &str) -> View {
    let (s, problems) = Scenario::from_link(link);
    assert!(problems.is_empty(), "{problems:?}");
    View::new(&s)
}

fn headroom_line(link: &str, key: &str) -> backcast_core::view::HeadroomLine {
    view(link)
        .headroom
        .into_iter()
        .find(|l| l.key == key)
        .unwrap()
}

#[test]
fn a_budget_that_buys_exactly_the_gbs_used_is_not_over() {
    // 3,000 requests a day in us-east-1 (book 2026-12): request fees
    // 3,000 × $0.0000002 = $0.0006, and 128 GB-s each cost
    // 3,000 × 128 × $0.0000166667 = $6.4000128, so a budget of $6.4006128
    // buys exactly 128 GB-s a request: no room left, and not over.
    let l = headroom_line("budget=6.4006128&requests=3000&gbs=128", "gbs");
    assert_eq!(l.max, "128");
    assert_eq!(l.spare, "+0");
    assert!(!l.over);
}

#[test]
fn a_quantity_past_its_headroom_is_over_by_the_difference() {
    // As above with $7: $7 − $6.4006128 = $0.5993872 is left for Step
    // Functions Standard at $0.000025 a transition, 3,000 × $0.000025 =
    // $0.075 per transition per request: 7 transitions fit (7.99), so 10
    // are over by 3.
    let l = headroom_line(
        "budget=7&requests=3000&gbs=128&sfn=standard&sfn_transitions=10",
        "sfn_transitions",
    );
    assert_eq!(l.max, "7");
    assert_eq!(l.spare, "over by 3");
    assert!(l.over);
}

// ------------------------------------------------ the shared summary

fn summary_pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_monthly_summary_reads_back_as_months() {
    // docs/scenario-v1.md, "The fragment": with actual.months the amounts
    // are per month. Two months at $10 of Lambda and $1 of other services
    // a month are $20 and $2 in all, over 2 × 30 = 60 days.
    let (a, warnings) = from_summary(&summary_pairs(&[
        ("months", "2"),
        ("lambda", "10"),
        ("other", "1"),
    ]))
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(a.monthly);
    assert_eq!((a.months, a.days), (2, 60));
    assert_eq!(a.per_service[&Service::Lambda], dec!(20));
    assert_eq!(a.unmapped, vec![("Other services".to_string(), dec!(2))]);
    // And it is shared again per month, as it came.
    let again = summary(&a).unwrap();
    assert_eq!(
        again,
        summary_pairs(&[
            ("months", "2"),
            ("days", "60"),
            ("lambda", "10"),
            ("other", "1")
        ])
    );
}

#[test]
fn a_monthly_file_without_months_is_shared_per_day() {
    // A file marked monthly that names no month (never read from a real
    // file, but Actual's fields are public) is averaged over its days:
    // $3 over 3 days is $1 a day, and no actual.months is written.
    let (mut a, _) = from_summary(&summary_pairs(&[("days", "3"), ("lambda", "1")])).unwrap();
    assert_eq!(a.per_service[&Service::Lambda], dec!(3));
    a.monthly = true;
    a.months = 0;
    assert_eq!(
        summary(&a).unwrap(),
        summary_pairs(&[("days", "3"), ("lambda", "1")])
    );
}

#[test]
fn a_summary_names_each_period_and_amount_out_of_range() {
    // Periods are whole numbers from 1 to 100,000; amounts at most a
    // billion USD either way. Bad ones are named; the rest is used.
    let (a, w) = from_summary(&summary_pairs(&[
        ("days", "0"),
        ("months", "100001"),
        ("days", "100000"),
        ("lambda", "2000000000"),
        ("sfn", "-1000000000"),
    ]))
    .unwrap();
    assert_eq!(
        w,
        [
            "actual.days: must be a whole number from 1 to 100,000, found \"0\"",
            "actual.months: must be a whole number from 1 to 100,000, found \"100001\"",
            "actual.lambda: must be an amount in USD, found \"2000000000\"",
        ]
    );
    assert_eq!((a.days, a.months, a.monthly), (100_000, 0, false));
    // -$1,000,000,000 a day (a credit, in range) over 100,000 days.
    assert_eq!(
        a.per_service[&Service::StepFunctions],
        dec!(-100_000_000_000_000)
    );
}

// ------------------------------------------------- the tuning report

#[test]
fn each_format_of_a_tuning_report() {
    use backcast_core::report::{self, Output};
    use backcast_core::tuning;
    // Default plan: $7 a day, 3,000 requests, x86 in us-east-1 (book
    // 2026-12): $0.0000002 a request, $0.0000166667 a GB-s.
    // Headroom is the requests beyond the 3,000 needed.
    // 1,024 MB × 100 ms = 0.1 GB-s: $0.00000186667 a request, so $7 buys
    // 3,749,993 (3,749,993.3), 3,746,993 more than needed.
    // 512 MB × 250 ms = 0.125 GB-s: $0.0000022833375, 3,065,687
    // requests, 3,062,687 more. Rows come in memory order (512 MB
    // first); the 1,024 MB one has the most headroom.
    let t = tuning::parse(
        r#"{"stats": [{"value": 1024, "averageDuration": 100}, {"value": 512, "averageDuration": 250}]}"#,
    )
    .unwrap();
    let s = Scenario::default();
    let rows = tuning::evaluate(&s, &t, None);
    let top = tuning::best(&rows);
    assert_eq!(top, Some(1));

    let json = report::tuning(&rows, top, Output::Json);
    assert!(json.starts_with("[\n") && json.ends_with("]\n"), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v, report::tuning_json(&rows, top));
    assert_eq!(v[1]["memory_mb"], 1024.0);
    assert_eq!(v[1]["gbs_per_request"], 0.1);
    assert_eq!(v[1]["max_requests"], 3_749_993);
    assert_eq!(v[1]["headroom"], 3_746_993.0);
    assert_eq!(v[1]["best"], true);
    assert_eq!(v[0]["max_requests"], 3_065_687);
    assert_eq!(v[0]["best"], false);

    let csv = report::tuning(&rows, top, Output::Csv);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "memory_mb,duration_ms,gbs_per_request,max_requests,fits,headroom,best"
    );
    let cells: Vec<&str> = lines[1].split(',').collect();
    let num = |c: &str| c.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(num(cells[0]), dec!(512));
    assert_eq!(num(cells[2]), dec!(0.125));
    assert_eq!(cells[3], "3065687");
    assert_eq!(cells[4], "true");
    assert_eq!(cells[5], "3062687");
    assert_eq!(cells[6], "false");
    assert_eq!(lines.len(), 4, "{csv:?}");

    let md = report::tuning(&rows, top, Output::Markdown);
    assert!(md.starts_with("| Memory (MB) |"), "{md}");
    assert!(md.contains(" (most headroom) |"), "{md}");
    assert_eq!(md.matches("(most headroom)").count(), 1);
    assert_eq!(md.lines().count(), 4);
}

// ------------------------------------------------ reading a link

#[test]
fn the_version_key_reads_1_and_nothing_else() {
    // docs/scenario-v1.md, "Version": v=1 is this version; no other.
    let (_, problems) = Scenario::from_link("v=1&budget=7");
    assert!(problems.is_empty(), "{problems:?}");
    let (_, problems) = Scenario::from_link("v=2");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, "v");
    let (mut s, _) = Scenario::from_link("p.lambda_gbs=0.00002");
    assert_eq!(s.get("v").as_deref(), Some("1"));
    assert_eq!(s.get("p.lambda_gbs").as_deref(), Some("0.00002"));
    assert_eq!(s.get("p.eb_event"), None);
    assert_eq!(s.get("p.nope"), None);
    // v is never written.
    assert!(s.set("v", Raw::Text("1")).is_ok());
    assert_eq!(s.to_query(false), "p.lambda_gbs=0.00002");
}

#[test]
fn an_unknown_price_dimension_lists_the_known_ones() {
    // docs/scenario-v1.md, "Values, keys and problems", and the dimension
    // table of "Prices", in its order.
    let (_, problems) = Scenario::from_link("p.nope=1");
    assert_eq!(
        problems[0].message,
        "is not a price dimension; known: lambda_request, lambda_gbs, \
         sfn_transition, sfn_express_request, sfn_express_gbs, eb_event, \
         ddb_rru, ddb_wru, ddb_storage_gb_month, ddb_rcu_hour, ddb_wcu_hour"
    );
}

#[test]
fn fifty_problems_are_listed_and_the_rest_counted() {
    use backcast_core::scenario::MAX_PROBLEMS;
    assert_eq!(MAX_PROBLEMS, 50);
    let link = |n: usize| {
        (0..n)
            .map(|i| format!("zz{i}=1"))
            .collect::<Vec<_>>()
            .join("&")
    };
    // 50 unknown keys: each is listed, nothing more.
    let (_, problems) = Scenario::from_link(&link(50));
    assert_eq!(problems.len(), 50);
    assert_eq!(problems[49].key, "zz49");
    // 51: the first 50, then "and 1 more".
    let (_, problems) = Scenario::from_link(&link(51));
    assert_eq!(problems.len(), 51);
    assert_eq!(problems[50].message, "and 1 more problems not listed");
}

#[test]
fn repeats_are_recognised_among_the_first_200_distinct_keys() {
    // docs/scenario-v1.md: "Repeats are recognised among the first 200
    // distinct keys of a link." 200 unknown keys, then a 201st given
    // twice: each time it is unknown (one problem, the two the same), and
    // it is past the 200 remembered, so not reported as a repeat: 201
    // problems, listed as 50 and "and 151 more".
    let mut keys: Vec<String> = (0..201).map(|i| format!("zz{i}=1")).collect();
    keys.push("zz200=1".into());
    let (_, problems) = Scenario::from_link(&keys.join("&"));
    assert_eq!(problems[50].message, "and 151 more problems not listed");
    // The 200th given twice is remembered: reported as a repeat too
    // (zz199 unknown, repeated, unknown: 3 problems; 200 + 2 in all).
    let mut keys: Vec<String> = (0..200).map(|i| format!("zz{i}=1")).collect();
    keys.push("zz199=1".into());
    let (_, problems) = Scenario::from_link(&keys.join("&"));
    assert_eq!(problems[50].message, "and 152 more problems not listed");
}

#[test]
fn the_dynamodb_lines_are_named_by_capacity_mode() {
    let dims = |link: &str| -> Vec<&'static str> {
        view(link)
            .breakdown
            .into_iter()
            .filter(|l| l.service == "DynamoDB")
            .map(|l| l.dimension)
            .collect()
    };
    let on_demand = dims("ddb_reads=1&ddb_writes=1");
    assert!(on_demand.contains(&"Read request units"), "{on_demand:?}");
    assert!(on_demand.contains(&"Write request units"), "{on_demand:?}");
    let provisioned = dims("ddb_mode=provisioned&ddb_reads=1&ddb_writes=1");
    assert!(
        provisioned.contains(&"Read capacity (RCU-hours)"),
        "{provisioned:?}"
    );
    assert!(
        provisioned.contains(&"Write capacity (WCU-hours)"),
        "{provisioned:?}"
    );
}

#[test]
fn a_range_may_start_and_end_on_one_value_and_rows_are_written_as_read() {
    // docs/scenario-v1.md, "Display": `start:end:step` with end ≥ start.
    let (s, problems) = Scenario::from_link("rows=32:32:1,64");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(s.to_query(false), "rows=32:32:1,64");
    let (_, problems) = Scenario::from_link("rows=64:32:1");
    assert_eq!(problems[0].key, "rows");
}

#[test]
fn an_unknown_book_lists_the_bundled_ones() {
    // docs/scenario-v1.md, "Prices": the bundled books, newest first.
    let (_, problems) = Scenario::from_link("prices=1999-01");
    assert_eq!(
        problems[0].message,
        "price book \"1999-01\" is not bundled; bundled: 2026-12, 2026-11, 2024-10"
    );
}

fn breakdown_lines(link: &str) -> Vec<(&'static str, &'static str)> {
    view(link)
        .breakdown
        .into_iter()
        .map(|l| (l.service, l.dimension))
        .collect()
}

#[test]
fn the_breakdown_shows_the_lines_in_use_even_at_zero_and_no_others() {
    // The default plan uses Lambda alone: its two lines, nothing more.
    assert_eq!(
        breakdown_lines(""),
        [("Lambda", "Request fee"), ("Lambda", "Duration (GB-s)")]
    );
    // At 0 requests every per-request line costs $0; each service turned
    // on still shows its lines (NAT's hours cost something anyway).
    assert_eq!(
        breakdown_lines(
            "requests=0&sfn=express&eb_events=1&ddb_reads=1&ddb_writes=1&logs=1\
             &apigw=rest&sqs=standard&sns_publishes=1&sns_http=1&s3_gets=1\
             &egress_kb=1&nat=1"
        ),
        [
            ("Lambda", "Request fee"),
            ("Lambda", "Duration (GB-s)"),
            ("Step Functions", "Express requests"),
            ("Step Functions", "Express duration"),
            ("EventBridge", "Custom events (64 KB chunks)"),
            ("DynamoDB", "Read request units"),
            ("DynamoDB", "Write request units"),
            ("CloudWatch Logs", "Ingestion"),
            ("CloudWatch Logs", "Storage for the retention kept"),
            ("API Gateway", "REST API requests"),
            ("SQS", "Requests (64 KB chunks)"),
            ("SNS", "Publishes"),
            ("SNS", "HTTP/S deliveries"),
            ("S3", "Requests"),
            ("Data transfer", "Out to the internet"),
            ("NAT gateway", "Hours"),
            ("NAT gateway", "Data processed"),
        ]
    );
    assert_eq!(
        breakdown_lines("requests=0&sfn=standard&apigw=http&s3_puts=1&ddb_storage_gb=1"),
        [
            ("Lambda", "Request fee"),
            ("Lambda", "Duration (GB-s)"),
            ("Step Functions", "State transitions"),
            ("DynamoDB", "Storage"),
            ("API Gateway", "HTTP API requests (512 KB increments)"),
            ("S3", "Requests"),
        ]
    );
}

#[test]
fn the_service_subtotals_mark_only_the_dearest_as_dominant() {
    let services = |link: &str| -> Vec<(&'static str, bool)> {
        view(link)
            .services
            .into_iter()
            .map(|l| (l.service, l.dominant))
            .collect()
    };
    // Default: Lambda alone, $6.40 a day: the one dominant service.
    assert_eq!(services(""), [("Lambda", true)]);
    // 3,000 requests with 10 Standard transitions each: 30,000 × $0.000025
    // = $0.75, less than Lambda's $6.40; Lambda stays the dominant one.
    assert_eq!(
        services("sfn=standard&sfn_transitions=10"),
        [("Lambda", true), ("Step Functions", false)]
    );
    // At 0 requests nothing costs: the services in use are listed at $0
    // and none dominates.
    assert_eq!(
        services("requests=0&sfn=standard&sqs=fifo"),
        [("Lambda", false), ("Step Functions", false), ("SQS", false)]
    );
}

// ------------------------------------------------------------ figures

fn figures(link: &str) -> Vec<backcast_core::view::Figure> {
    view(link).figures
}

#[test]
fn the_figures_raise_an_alert_only_when_something_is_wrong() {
    // Default: 3,280 requests fit, 139.9 GB-s, $0.60 headroom: no alert.
    let f = figures("");
    assert!(!f[0].alert && !f[1].alert && !f[2].alert);
    // $0.000001 a day buys no request of $0.0021335376: 0, an alert.
    let f = figures("budget=0.000001");
    assert_eq!(f[0].value, "0");
    assert!(f[0].alert);
    // 100,000,000 requests a day: $20 of request fees alone
    // (100,000,000 × $0.0000002) are over $7 at 0 GB-s. At 128 GB-s they
    // use 1.28e10 GB-s a day, 3.8933e11 a month (× 730/24), priced in
    // the monthly tiers (docs/pricing.md): 6e9 × $0.0000166667 + 9e9 ×
    // $0.000015 + 3.7433e11 × $0.0000133334 = $5,226,136.27 a month,
    // $171,818.18 a day, plus $20 of request fees: $171,838.18, which is
    // $171,831.18 over $7.
    let f = figures("requests=100000000");
    assert_eq!(f[1].value, "—");
    assert_eq!(
        f[1].detail,
        "100,000,000 requests do not fit even at 0 GB-s"
    );
    assert!(f[1].alert);
    assert_eq!(f[2].detail, "$171,831.18 over the $7.00 budget");
    assert!(f[2].alert);
}

#[test]
fn without_a_gbs_answer_the_figure_says_why() {
    // No requests needed: nothing to solve for, and nothing wrong.
    let f = figures("requests=0");
    assert_eq!(f[1].detail, "no requests needed");
    assert!(!f[1].alert);
    // Duration priced at 0 and the request fees fit ($0.0006): no limit.
    let f = figures("p.lambda_gbs=0");
    assert_eq!(f[1].detail, "no limit: Lambda duration costs nothing here");
    // Duration at 0 but the request fees alone ($20) are over $7.
    let f = figures("p.lambda_gbs=0&requests=100000000");
    assert_eq!(
        f[1].detail,
        "100,000,000 requests do not fit even at 0 GB-s"
    );
}

// -------------------------------------------------------------- chart

#[test]
fn the_chart_draws_its_axes_and_grid_in_the_plot_box() {
    // The box is 560 × 320 with margins 56 left, 16 right, 38 top and 52
    // bottom: the plot spans x 56 to 544 and y 38 to 268.
    let c = view("").chart;
    assert_eq!(c.axes, "M56,38V268H544");
    // One grid line across the plot per y tick, one tick mark down from
    // the x axis per x tick.
    let mut want = String::new();
    for (y, _) in &c.y_ticks {
        want += &format!("M56,{y}H544");
    }
    for (x, _) in &c.x_ticks {
        want += &format!("M{x},268v5");
    }
    assert_eq!(c.grid, want);
    assert!(
        c.area.ends_with("Z") && c.area.contains(",268L"),
        "{}",
        c.area
    );
    // Twice the most GB-s that fits (139.98…): to 279.97…, sampled from
    // a 64th of it, 4.374…
    assert!(
        c.summary.contains("grows from 4.37 to 280;"),
        "{}",
        c.summary
    );
}

#[test]
fn the_price_note_names_each_override_with_its_unit() {
    // docs/scenario-v1.md, "Prices": each p.<dimension> is USD per its unit.
    let note = view("p.lambda_gbs=0.00002&p.eb_event=0.000001").price_note;
    assert!(
        note.contains(
            "; overridden: lambda_gbs = $0.00002 per GB-s, \
             eb_event = $0.000001 per 64 KB event chunk."
        ),
        "{note}"
    );
}

#[test]
fn a_tuning_result_of_exactly_the_size_limit_is_read() {
    use backcast_core::tuning::{parse, MAX_INPUT_BYTES};
    // At most 1,000,000 bytes: a result padded with spaces to exactly that
    // is read; one byte more is not.
    let json = r#"{"stats": [{"value": 1024, "averageDuration": 100}]}"#;
    let padded = json.to_string() + &" ".repeat(MAX_INPUT_BYTES - json.len());
    assert_eq!(padded.len(), 1_000_000);
    assert_eq!(parse(&padded).unwrap().points.len(), 1);
    assert!(parse(&(padded + " ")).is_err());
}

#[test]
fn a_problem_reads_key_colon_message() {
    let (_, problems) = Scenario::from_link("budget=-3");
    assert_eq!(
        problems[0].to_string(),
        "budget: must be greater than 0, not -3"
    );
}

#[test]
fn the_best_size_ties_to_the_lower_memory_in_any_order() {
    use backcast_core::tuning;
    // Every price used at 0: any size fits without limit (headroom None
    // for each), so the tie goes to the lower memory, wherever it is.
    let (s, _) = Scenario::from_link("p.lambda_gbs=0&p.lambda_request=0");
    let t = tuning::parse(
        r#"{"stats": [{"value": 512, "averageDuration": 100}, {"value": 1024, "averageDuration": 100}]}"#,
    )
    .unwrap();
    let mut rows = tuning::evaluate(&s, &t, None);
    assert_eq!(tuning::best(&rows), Some(0));
    rows.reverse();
    assert_eq!(rows[1].memory_mb, dec!(512));
    assert_eq!(tuning::best(&rows), Some(1));
}
