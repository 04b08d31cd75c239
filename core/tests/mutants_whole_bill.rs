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
