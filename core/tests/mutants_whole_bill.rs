//! Tests added to kill the mutants cargo-mutants found missed in the core
//! code of 2026-12-03 (issue 12 item 9). Every expected value is worked
//! out by hand in the comment beside it, from `docs/pricing.md` and
//! `docs/scenario-v1.md`.

use backcast_core::around::{around_prices, init_billed, per_million};
use backcast_core::limits::check;
use backcast_core::scenario::Scenario;
use rust_decimal_macros::dec;

fn scenario(q: &str) -> Scenario {
    let (s, problems) = Scenario::from_link(q);
    assert!(problems.is_empty(), "{q}: {problems:?}");
    s
}

// ---------------------------------------------------------------- limits

#[test]
fn limits_at_their_edges_fit_and_one_past_them_do_not() {
    // Lambda takes 128 to 10,240 MB and runs at most 900 s; an Express
    // workflow at most 5 minutes (300,000 ms). Each exactly at its limit
    // fits. 3,000 requests a day = 0.0347 a second; the functions keep an
    // execution busy 900 + 0.001 s: 0.0347 x 900.001 = 31.25, 32 <= 1,000.
    let s = scenario("fns=big:10240:900000,small:128:1&sfn=express&sfn_express_ms=300000");
    let n = check(&s);
    assert_eq!(n.broken, Vec::<String>::new());
    assert_eq!(n.concurrency, Some(dec!(32)));
    // One past each.
    let s = scenario("fns=big:10241:900001,small:127:1&sfn=express&sfn_express_ms=300001");
    let b = check(&s).broken;
    assert_eq!(b.len(), 4, "{b:?}");
    assert!(b[0].contains("big has 10,241 MB"), "{b:?}");
    assert!(b[1].contains("big runs 900 s, over"), "{b:?}");
    assert!(b[2].contains("small has 127 MB"), "{b:?}");
    assert!(b[3].contains("at most 5 minutes"), "{b:?}");
    // A Standard workflow has no 5-minute limit.
    let s = scenario("sfn=standard&sfn_express_ms=400000");
    assert_eq!(check(&s).broken, Vec::<String>::new());
}

#[test]
fn concurrency_counts_invocations_and_cold_starts() {
    // 86,400,000 requests a day = 1,000 a second. Per request, a runs twice
    // for 100 ms and b once for 50 ms; half the invocations start cold
    // with a 200 ms INIT: a 2 x (100 + 0.5 x 200) = 400 ms, b 50 + 100 =
    // 150 ms, 0.55 s in all. 1,000 x 0.55 = 550 executions.
    let s = scenario("requests=86400000&fns=a:128:100:2,b:256:50&cold_pct=50&init_ms=200");
    let n = check(&s);
    assert_eq!(n.peak_rate, dec!(1000));
    assert_eq!(n.concurrency, Some(dec!(550)));
    assert!(n.broken.is_empty());
    // At 2.5x peak: 2,500 a second, 1,375 executions, over 1,000.
    let s = scenario("requests=86400000&peak=2.5&fns=a:128:100:2,b:256:50&cold_pct=50&init_ms=200");
    let n = check(&s);
    assert_eq!(n.peak_rate, dec!(2500));
    assert_eq!(n.concurrency, Some(dec!(1375)));
    assert_eq!(
        n.broken,
        ["needs 1,375 concurrent executions at its peak, over the account's limit of 1,000"]
    );
    // Exactly at the limit fits: 1,000 a second x 1 s = 1,000.
    let s = scenario("requests=86400000&fns=a:128:1000");
    let n = check(&s);
    assert_eq!(n.concurrency, Some(dec!(1000)));
    assert!(n.broken.is_empty());
    // A month is 730 hours: 2,628,000 requests a month = 1 a second.
    let s = scenario("period=month&requests=2628000");
    assert_eq!(check(&s).peak_rate, dec!(1));
    // Without functions no concurrency is estimated.
    assert_eq!(check(&s).concurrency, None);
}

#[test]
fn dynamodb_and_eventbridge_at_and_over_their_limits() {
    // 864,000,000 requests a day = 10,000 a second. 4 strong reads and 4
    // writes of 1 KB each: 40,000 read and 40,000 write units a second,
    // exactly the table's 40,000: fits.
    let s = scenario("requests=864000000&ddb_reads=4&ddb_read=strong&ddb_writes=4");
    assert_eq!(check(&s).broken, Vec::<String>::new());
    // 5 writes: 50,000 write units a second.
    let s = scenario("requests=864000000&ddb_writes=5");
    assert_eq!(
        check(&s).broken,
        ["needs 50,000 DynamoDB write units a second, over the 40,000 a table allows"]
    );
    // us-east-2 allows 2,400 PutEvents a second: 0.24 events a request x
    // 10,000 = 2,400 fits, 0.25 (2,500) does not.
    let s = scenario("requests=864000000&eb_events=0.24&region=us-east-2");
    assert_eq!(check(&s).broken, Vec::<String>::new());
    let s = scenario("requests=864000000&eb_events=0.25&region=us-east-2");
    assert_eq!(
        check(&s).broken,
        [
            "puts 2,500 EventBridge events a second (one a call), over the 2,400 PutEvents calls \
             a second allowed in us-east-2"
        ]
    );
    // Elsewhere 400: 0.04 x 10,000 = 400 fits in eu-west-1.
    let s = scenario("requests=864000000&eb_events=0.04&region=eu-west-1");
    assert_eq!(check(&s).broken, Vec::<String>::new());
}

// ---------------------------------------------------------------- around

#[test]
fn init_is_billed_and_lambda_logs_tiered_from_their_dates() {
    // docs/pricing.md, "The rest of the bill": INIT billed from 2025-08-01,
    // Lambda's vended logs tiered from 2025-05-01 (flat $0.50 / $0.25
    // before: second tier $0.25 / $0.15 after).
    assert!(init_billed("2025-08"));
    assert!(!init_billed("2025-07"));
    assert!(around_prices("2025-08", "us-east-1").init_billed);
    assert!(!around_prices("2025-07", "eu-west-1").init_billed);
    let may = around_prices("2025-05", "us-east-1");
    assert_eq!(may.logs_standard[1].price, dec!(0.25));
    assert_eq!(may.logs_ia[1].price, dec!(0.15));
    let april = around_prices("2025-04", "us-east-1");
    assert_eq!(april.logs_standard[1].price, dec!(0.50));
    assert_eq!(april.logs_ia[1].price, dec!(0.25));
    // $3.50 per million.
    assert_eq!(per_million(dec!(0.0000035)), dec!(3.5));
}

#[test]
fn every_regional_price_takes_the_larger_premium() {
    // eu-west-1's Lambda is us-east-1's (ratio 1), so each price is
    // us-east-1's times its service's premium (docs/pricing.md, "Regional
    // prices of the rest of the bill"), and Lambda's own lines are as in
    // us-east-1.
    let p = around_prices("2026-12", "eu-west-1");
    assert!(p.assumed);
    assert_eq!(p.logs_standard[0].price, dec!(0.76)); // 0.50 x 1.52
    assert_eq!(p.logs_standard[3].price, dec!(0.076)); // 0.05 x 1.52
    assert_eq!(p.logs_standard[0].up_to, Some(dec!(10240)));
    assert_eq!(p.logs_ia[0].price, dec!(0.38)); // 0.25 x 1.52
    assert_eq!(p.http_api[0].price, dec!(0.0000014)); // 1.00 x 1.4 per million
    assert_eq!(p.rest_api[0].price, dec!(0.0000049)); // 3.50 x 1.4
    assert_eq!(p.sqs_standard[0].price, dec!(0.0000005)); // 0.40 x 1.25
    assert_eq!(p.sqs_fifo[0].price, dec!(0.000000625)); // 0.50 x 1.25
    assert_eq!(p.s3_storage[0].price, dec!(0.0276)); // 0.023 x 1.2
    assert_eq!(p.egress[0].price, dec!(0.1548)); // 0.09 x 1.72
    assert_eq!(p.eph_gbs, dec!(0.0000000309));
    assert_eq!(p.pc_x86, dec!(0.0000041667));
    assert_eq!(p.pc_arm, dec!(0.0000033334));
    assert_eq!(p.pc_dur_x86, dec!(0.0000097222));
    assert_eq!(p.pc_dur_arm, dec!(0.0000077778));
    assert_eq!(p.logs_storage, dec!(0.0456)); // 0.03 x 1.52
    assert_eq!(p.sns_publish, dec!(0.000000625)); // 0.50 x 1.25 per million
    assert_eq!(p.sns_http, dec!(0.00000075)); // 0.60 x 1.25
    assert_eq!(p.s3_put, dec!(0.000006)); // 0.005 x 1.2 per 1,000
    assert_eq!(p.s3_get, dec!(0.00000048)); // 0.0004 x 1.2
    assert_eq!(p.nat_hour, dec!(0.0725)); // 0.05 x 1.45
    assert_eq!(p.nat_gb, dec!(0.06525)); // 0.045 x 1.45
                                         // af-south-1's Lambda premium, 0.0000221 / 0.0000166667 = 1.325997..,
                                         // rounded up to 1.326, beats S3's 1.2 and SQS/SNS's 1.25 but not
                                         // API Gateway's 1.4.
    let p = around_prices("2026-12", "af-south-1");
    assert_eq!(p.s3_storage[0].price, dec!(0.030498)); // 0.023 x 1.326
    assert_eq!(p.s3_put, dec!(0.00000663)); // 0.000005 x 1.326
    assert_eq!(p.sqs_standard[0].price, dec!(0.0000005304)); // 0.0000004 x 1.326
    assert_eq!(p.pc_x86, dec!(0.0000055250442)); // 0.0000041667 x 1.326
    assert_eq!(p.rest_api[0].price, dec!(0.0000049)); // 3.50 x 1.4
}

// --------------------------------------------------------------- compare

#[test]
fn compare_the_same_plan_an_empty_plan_and_unlimited_ones() {
    use backcast_core::compare::compare;
    // The article (7 a day, 3,000 requests of 128 GB-s) against itself:
    // 3,280 requests each (7 / 0.0021335376 = 3,280.9), the same cost.
    let a = scenario("");
    let c = compare(&a, &a);
    assert_eq!(c.more_requests, Some(0));
    assert_eq!(c.cost_change_pct, Some(dec!(0)));
    assert_eq!(
        c.summary,
        "B serves as many requests as A for its budget; at 3,000 requests per day it costs the same."
    );
    // Per month, B buys the same 3,280 for 7 a month and costs the same
    // at 3,000 a month; the summary says the periods differ.
    let c = compare(&a, &scenario("period=month"));
    assert_eq!(
        c.summary,
        "B serves as many requests as A for its budget; at 3,000 requests per day it costs the \
         same. (A is per day, B per month: B's figures are per its own period.)"
    );
    // A needs no requests: it costs 0, so there is no change in percent,
    // and B at A's 0 requests costs 0.
    let c = compare(&scenario("requests=0"), &a);
    assert_eq!(c.cost_change_pct, None);
    assert_eq!(c.b_cost_at_a, dec!(0));
    assert_eq!(c.summary, "B serves as many requests as A for its budget.");
    // Lambda priced at 0: B buys unlimited requests and costs 0, 100%
    // less than A's 6.4006128.
    let free = scenario("p.lambda_request=0&p.lambda_gbs=0");
    let c = compare(&a, &free);
    assert_eq!(c.more_requests, None);
    assert_eq!(c.b_cost_at_a, dec!(0));
    assert_eq!(
        c.summary,
        "One of the plans buys unlimited requests; at 3,000 requests per day it costs 100% less \
         ($0.00 against $6.40)."
    );
    let c = compare(&free, &a);
    assert_eq!(c.more_requests, None);
    assert_eq!(c.summary, "One of the plans buys unlimited requests.");
}

#[test]
fn compare_lists_a_service_only_one_plan_has() {
    use backcast_core::compare::compare;
    // B adds a Standard workflow of 10 transitions (0.000025 each) and
    // needs 1,000 requests: Step Functions 1,000 x 10 x 0.000025 = 0.25 in
    // B, 0 in A; Lambda 3,000 x 0.0021335376 = 6.4006128 in A, 1,000 x
    // 0.0021335376 = 2.1335376 in B.
    let c = compare(
        &scenario(""),
        &scenario("sfn=standard&sfn_transitions=10&requests=1000"),
    );
    let got: Vec<_> = c.services.iter().map(|d| (d.service, d.a, d.b)).collect();
    assert_eq!(
        got,
        [
            ("Lambda", dec!(6.4006128), dec!(2.1335376)),
            ("Step Functions", dec!(0), dec!(0.25)),
        ]
    );
}

// ------------------------------------------------------------ plan_actual

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/actual/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

#[test]
fn the_bill_over_at_and_under_the_budget() {
    use backcast_core::actual::parse;
    use backcast_core::plan_actual::plan_against_actual;
    // ce_daily_article.csv: 2.15 a day; the plan 6.4006128 (the article).
    let a = parse(&fixture("ce_daily_article.csv")).unwrap();
    let p = plan_against_actual(&scenario("budget=2"), &a).unwrap();
    assert_eq!(
        p.verdict,
        "Actual $2.15 a day against a $2.00 budget and a $6.40 plan: over the budget by $0.15."
    );
    // Exactly the budget is not over it: 2.15 / 2.15 = 100% (a whole
    // percent is written without its decimal, as "20% less" in compare).
    let p = plan_against_actual(&scenario("budget=2.15"), &a).unwrap();
    assert_eq!(
        p.verdict,
        "Actual $2.15 a day against a $2.15 budget and a $6.40 plan, 100% of the budget."
    );
}

#[test]
fn a_monthly_bill_with_tax_and_an_unmapped_line_and_a_nat() {
    use backcast_core::actual::parse;
    use backcast_core::plan_actual::{markdown, plan_against_actual};
    // ce_monthly.csv: September 37.50 and October 38.75, 2 months:
    // 38.125 a month; Lambda (30 + 31) / 2 = 30.5, EC2-Other unmapped,
    // tax (3 + 3.1) / 2 = 3.05. The plan per month: Lambda 3,000 x
    // 0.0021335376 = 6.4006128, and a NAT gateway 0.05 x 730 = 36.5.
    let a = parse(&fixture("ce_monthly.csv")).unwrap();
    let p = plan_against_actual(&scenario("period=month&budget=100&nat=1"), &a).unwrap();
    assert_eq!(p.covers, "2026-09-01 to 2026-10-31 (2 months)");
    assert_eq!(p.actual, dec!(38.125));
    assert_eq!(p.tax, dec!(3.05));
    // 38.125 / 100 = 38.1%.
    assert!(
        p.verdict.ends_with("plan, 38.1% of the budget."),
        "{}",
        p.verdict
    );
    let nat = p.rows.iter().find(|r| r.service == "NAT gateway").unwrap();
    assert_eq!(
        (nat.planned, nat.actual, nat.difference, nat.share_of_budget),
        (dec!(36.5), None, dec!(-36.5), dec!(0))
    );
    let md = markdown(&p);
    // Lambda: 30.5 - 6.4006128 = +24.0993872; 30.5 / 100 = 30.5%.
    assert!(
        md.contains("| Lambda | $6.40 | $30.50 | +$24.10 | 30.5% |"),
        "{md}"
    );
    assert!(
        md.contains("| NAT gateway | $36.50 | not in the file | −$36.50 | — |"),
        "{md}"
    );
    assert!(md.contains("| EC2-Other (not in the plan) | — | $"), "{md}");
    assert!(md.contains("| Tax | — | $3.05 | — | — |"), "{md}");
    assert!(!md.contains("| Credits"), "{md}");
    assert!(md.contains("| Service | Planned per month | Actual per month |"));
}

#[test]
fn one_day_and_one_month_are_singular() {
    use backcast_core::actual::parse;
    use backcast_core::plan_actual::plan_against_actual;
    let day = b"\"Service\",\"Lambda($)\",\"Total costs($)\"\n\"Service total\",\"1\",\"1\"\n\"2026-11-01\",\"1\",\"1\"\n";
    let p = plan_against_actual(&scenario(""), &parse(day).unwrap()).unwrap();
    assert_eq!(p.covers, "2026-11-01 to 2026-11-01 (1 day)");
    let month = b"\"Service\",\"Lambda($)\",\"Total costs($)\"\n\"Service total\",\"1\",\"1\"\n\"2026-10\",\"1\",\"1\"\n";
    let p = plan_against_actual(&scenario("period=month"), &parse(month).unwrap()).unwrap();
    assert_eq!(p.covers, "2026-10-01 to 2026-10-31 (1 month)");
}

// -------------------------------------------------------------- functions

#[test]
fn function_entries_at_and_past_every_bound() {
    use backcast_core::scenario::Functions;
    // Blank: no functions, no error.
    assert_eq!(Functions::parse("  "), (Functions::default(), None));
    // 20 functions are kept; a 21st is refused with the first 20 kept.
    let twenty: Vec<String> = (0..20).map(|i| format!("f{i}:128:1")).collect();
    let (f, e) = Functions::parse(&twenty.join(","));
    assert_eq!((f.0.len(), e), (20, None));
    let (f, e) = Functions::parse(&format!("{},f20:128:1", twenty.join(",")));
    assert_eq!(f.0.len(), 20);
    assert_eq!(
        e.as_deref(),
        Some("more than 20 functions; the first 20 are kept")
    );
    // Names: 64 letters, digits, - and _ are fine; 65 or none are not.
    let n64 = "a".repeat(64);
    let (f, e) = Functions::parse(&format!("{n64}:128:1,x-1_Y:128:1"));
    assert_eq!((f.0.len(), e), (2, None));
    for bad in [format!("{}:128:1", "a".repeat(65)), ":128:1".to_string()] {
        let (f, e) = Functions::parse(&bad);
        assert!(f.0.is_empty());
        assert!(e.unwrap().contains("the name must be 1 to 64"), "{bad}");
    }
    // 7 fields are too many.
    let (_, e) = Functions::parse("a:128:1:1:x86_64:0:9");
    assert!(e.unwrap().contains("expected name:memory_mb:duration_ms"));
    // Memory: 100,000 MB is the most accepted, 0 is refused; duration 0
    // and -0 are 0.
    let (f, e) = Functions::parse("a:100000:0,b:128:-0");
    assert_eq!(e, None);
    assert_eq!(f.0[0].memory_mb, dec!(100000));
    assert_eq!(f.text(), "a:100000:0,b:128:0");
    let (_, e) = Functions::parse("a:100001:1,b:0:1,c:128:100000001,d:128:1:1::1000001");
    let e = e.unwrap();
    assert!(
        e.contains("function 1 (\"a:100001:1\"): memory must be at most 100000, not 100001"),
        "{e}"
    );
    assert!(
        e.contains("function 2 (\"b:0:1\"): memory must be greater than 0, not 0"),
        "{e}"
    );
    assert!(
        e.contains("function 3 (\"c:128:100000001\"): duration must be at most"),
        "{e}"
    );
    assert!(
        e.contains("function 4 (\"d:128:1:1::1000001\"): provisioned concurrency must be at most"),
        "{e}"
    );
    assert_eq!(e.matches("; ").count(), 3, "{e}");
    // 100,000,000 ms and 1,000,000 environments are the most accepted.
    let (_, e) = Functions::parse("c:128:100000000:1::1000000");
    assert_eq!(e, None);
}

#[test]
fn function_text_writes_a_field_only_when_a_later_one_needs_it() {
    use backcast_core::scenario::Functions;
    // An empty invocations field is 1; an architecture alone still needs
    // the invocations before it; 3 invocations alone need no more.
    let (f, e) = Functions::parse("a:128:1:,b:128:1:1:arm64,c:128:1:3,d:128:1:1:x86_64:0");
    assert_eq!(e, None);
    assert_eq!(f.0[0].invocations, dec!(1));
    assert_eq!(
        f.text(),
        "a:128:1,b:128:1:1:arm64,c:128:1:3,d:128:1:1:x86_64"
    );
    assert!(!f.is_empty());
    assert!(Functions::default().is_empty());
    // An empty provisioned field is its default, 0 (docs/scenario-v1.md,
    // "fns": fields left empty take their defaults).
    let (f, e) = Functions::parse("e:128:1:1:arm64:");
    assert_eq!(e, None);
    assert_eq!(f.0[0].provisioned, dec!(0));
}
