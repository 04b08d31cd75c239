//! The rest of a serverless bill, line by line, each figure worked out by
//! hand from the prices in docs/pricing.md (us-east-1, book 2026-12 unless
//! a link says otherwise, no free tier unless `free_tier=1`), for
//! 1,000,000 requests a month.

use backcast_core::cost::{Lines, Model};
use backcast_core::scenario::Scenario;
use backcast_core::Decimal;
use rust_decimal_macros::dec;

fn lines(q: &str) -> Lines {
    let (s, problems) = Scenario::from_link(&format!("period=month&requests=1000000&{q}"));
    assert!(problems.is_empty(), "{problems:?}");
    Model::new(&s).lines(dec!(1000000))
}

#[test]
fn a_pipeline_with_cold_starts() {
    // api: 512 MB, 120 ms; worker: 1,024 MB, 800 ms, twice a request. 1% of
    // invocations start cold with 300 ms of INIT.
    // api: 0.5 GB x (120 + 0.01 x 300) ms = 0.0615 GB-s, of which INIT
    // 0.0015; worker: 2 x 1 GB x (800 + 3) ms = 1.606 GB-s, INIT 0.006.
    // Without INIT: 0.06 + 1.6 = 1.66 GB-s; x 1,000,000 = 1,660,000 GB-s
    // x 0.0000166667 = 27.666722. INIT: 7,500 GB-s x 0.0000166667 =
    // 0.12500025. Requests: 3,000,000 x 0.0000002 = 0.60.
    let q = "fns=api:512:120,worker:1024:800:2&cold_pct=1&init_ms=300";
    let l = lines(q);
    assert_eq!(l.lambda_duration, dec!(27.666722));
    assert_eq!(l.lambda_init, dec!(0.12500025));
    assert_eq!(l.lambda_requests, dec!(0.6));
    // Book 2024-10 predates INIT billing (2025-08-01): the same plan pays
    // no INIT, and the same duration.
    let old = lines(&format!("{q}&prices=2024-10"));
    assert_eq!(old.lambda_init, Decimal::ZERO);
    assert_eq!(old.lambda_duration, dec!(27.666722));
}

#[test]
fn a_pipeline_without_cold_starts_is_its_gbs() {
    // 512 MB for 120.2 ms is billed as 121 ms: 0.5 x 0.121 = 0.0605 GB-s,
    // the same as gbs=0.0605 with one invocation.
    let a = lines("fns=api:512:120.2");
    let b = lines("gbs=0.0605&invocations=1");
    assert_eq!(a.total(), b.total());
    assert_eq!(a.lambda_duration, dec!(1.00833535)); // 60,500 x 0.0000166667
}

#[test]
fn ephemeral_storage_above_512_mb() {
    // 1,024 MB of /tmp: 0.5 GB billed. api runs 0.123 s on average (with
    // cold starts), worker 2 x 0.803 s: 0.5 x (0.123 + 1.606) = 0.8645
    // GB-s a request, 864,500 x 0.0000000309 = 0.02671305.
    let l = lines("fns=api:512:120,worker:1024:800:2&cold_pct=1&init_ms=300&eph_mb=1024");
    assert_eq!(l.lambda_ephemeral, dec!(0.02671305));
}

#[test]
fn provisioned_concurrency() {
    // 2 environments of 1 GB configured for 730 h = 2,628,000 s:
    // 2 x 1 x 2,628,000 x 0.0000041667 = 21.9001752. Duration on them:
    // 1,000,000 x 1 GB x 0.1 s = 100,000 GB-s x 0.0000097222 = 0.97222.
    // No on-demand duration is left.
    let l = lines("fns=warm:1024:100:1::2");
    assert_eq!(l.lambda_provisioned, dec!(21.9001752));
    assert_eq!(l.lambda_provisioned_duration, dec!(0.97222));
    assert_eq!(l.lambda_duration, Decimal::ZERO);
}

#[test]
fn two_architectures_share_the_free_allowance_arm64_first() {
    // 1 GB for 1 s on each: 1,000,000 GB-s x86 x 0.0000166667 = 16.6667,
    // 1,000,000 GB-s arm64 x 0.0000133334 = 13.3334: 30.0001.
    let q = "fns=a:1024:1000,b:1024:1000:1:arm64";
    assert_eq!(lines(q).lambda_duration, dec!(30.0001));
    // With the free tier, its 400,000 GB-s go to arm64 (the cheaper rate,
    // which can only overstate): 600,000 x 0.0000133334 = 8.00004, plus
    // 16.6667 = 24.66674. Requests: (2,000,000 - 1,000,000) x 0.0000002.
    let l = lines(&format!("{q}&free_tier=1"));
    assert_eq!(l.lambda_duration, dec!(24.66674));
    assert_eq!(l.lambda_requests, dec!(0.2));
}

#[test]
fn cloudwatch_logs() {
    // 3 invocations a request of 2 KB each plus 300 bytes of START, END
    // and REPORT: 3 x 2,348 = 7,044 bytes; 7,044,000,000 bytes a month =
    // 6.5602362155914306640625 GB (2^30 bytes). Ingestion at 0.50 =
    // 3.28011810779571533203125; 3 months kept at 0.03 a GB-month =
    // 0.590421259403228759765625.
    let l = lines("fns=api:512:120,worker:1024:800:2&logs=1&log_kb=2&log_months=3");
    let near = |a: Decimal, b: Decimal| (a - b).abs() < dec!(0.000000000000000001);
    assert!(
        near(l.logs_ingestion, dec!(3.28011810779571533203125)),
        "{}",
        l.logs_ingestion
    );
    assert!(
        near(l.logs_storage, dec!(0.590421259403228759765625)),
        "{}",
        l.logs_storage
    );
    // Infrequent Access ingests at 0.25: half.
    let ia = lines("fns=api:512:120,worker:1024:800:2&logs=1&log_kb=2&log_months=3&log_class=ia");
    assert!(near(ia.logs_ingestion, dec!(1.640059053897857666015625)));
    // Off, no line, whatever log_kb says.
    assert_eq!(lines("log_kb=2").cloudwatch_logs(), Decimal::ZERO);
}

#[test]
fn logs_tiers_past_10_tb() {
    // 2,000 invocations a month of 5,905,580.032 KB each, the 300 bytes of
    // fixed lines included: 2,000 x 5,905,580.032 x 1,024 bytes =
    // 12,094,627,905,536 bytes = 11,264 GB (2^30). Standard tiers:
    // 10,240 GB x 0.50 = 5,120, then 1,024 GB x 0.25 = 256: 5,376.
    let kb = dec!(5905580.032) - dec!(300) / dec!(1024);
    let (s, p) = Scenario::from_link(&format!(
        "period=month&requests=2000&gbs=0&logs=1&log_months=0&log_kb={kb}"
    ));
    assert!(p.is_empty(), "{p:?}");
    let l = Model::new(&s).lines(dec!(2000));
    assert!(
        (l.logs_ingestion - dec!(5376)).abs() < dec!(0.0000001),
        "{}",
        l.logs_ingestion
    );
}

#[test]
fn api_gateway() {
    // HTTP API, 600 KB requests: 2 metered requests each (512 KB steps):
    // 2,000,000 x $1.00 per million = 2.00.
    assert_eq!(lines("apigw=http&apigw_kb=600").api_gateway, dec!(2));
    // REST API: 1,000,000 x $3.50 per million = 3.50.
    assert_eq!(lines("apigw=rest").api_gateway, dec!(3.5));
}

#[test]
fn sqs_sns_s3() {
    // 2 messages of 100 KB (2 chunks), 3 calls each: 12 requests a request,
    // 12,000,000 x 0.0000004 = 4.80; with the free tier, 11,000,000: 4.40.
    assert_eq!(
        lines("sqs=standard&sqs_messages=2&sqs_kb=100").sqs,
        dec!(4.8)
    );
    assert_eq!(
        lines("sqs=standard&sqs_messages=2&sqs_kb=100&free_tier=1").sqs,
        dec!(4.4)
    );
    // FIFO: 12,000,000 x 0.0000005 = 6.00.
    assert_eq!(lines("sqs=fifo&sqs_messages=2&sqs_kb=100").sqs, dec!(6));
    // SNS: 1,000,000 publishes x 0.0000005 = 0.50; free with the free tier.
    assert_eq!(lines("sns_publishes=1").sns(), dec!(0.5));
    assert_eq!(lines("sns_publishes=1&free_tier=1").sns(), Decimal::ZERO);
    // S3: 1,000,000 PUTs x 0.000005 = 5.00, 4,000,000 GETs x 0.0000004 =
    // 1.60; 100 GB x 0.023 = 2.30 a month.
    let l = lines("s3_puts=1&s3_gets=4&s3_storage_gb=100");
    assert_eq!(l.s3_requests, dec!(6.6));
    assert_eq!(l.s3_storage, dec!(2.3));
}

#[test]
fn data_transfer_and_nat() {
    // 1,024 KB a request: 1,000,000 MB = 976.5625 GB x 0.09 = 87.890625;
    // with the free 100 GB, 876.5625 x 0.09 = 78.890625.
    assert_eq!(lines("egress_kb=1024").data_transfer, dec!(87.890625));
    assert_eq!(
        lines("egress_kb=1024&free_tier=1").data_transfer,
        dec!(78.890625)
    );
    // One NAT gateway: 730 h x (0.045 + 0.005 for its IPv4 address) =
    // 36.50; 976.5625 GB processed x 0.045 = 43.9453125.
    let l = lines("nat=1&nat_kb=1024");
    assert_eq!(l.nat_hours, dec!(36.5));
    assert_eq!(l.nat_data, dec!(43.9453125));
}

#[test]
fn old_links_are_priced_as_before() {
    // The article's scenario: 3,000 requests of 128 GB-s a day cost
    // 3000 x (0.0000002 + 128 x 0.0000166667) = 6.4006128, and nothing
    // else appears.
    let (s, _) = Scenario::from_link("");
    let l = Model::new(&s).lines(dec!(3000));
    assert_eq!(l.total(), dec!(6.4006128));
    assert_eq!(l.total(), l.lambda());
}

#[test]
fn the_verdict_names_a_limit_that_the_budget_does_not_see() {
    // 100,000,000 requests a day at 5x peak: 100,000,000 / 86,400 x 5 =
    // 5,787.037 a second; one 200 ms function keeps 5,787.037 x 0.2 =
    // 1,157.4 executions busy: 1,158 > the default 1,000. The budget is
    // met: 1e8 x (0.0000002 + 0.125 GB x 0.2 s x 0.0000166667) = 61.66675
    // a day.
    let (s, problems) =
        Scenario::from_link("budget=100000&requests=100000000&peak=5&fns=api:128:200");
    assert!(problems.is_empty());
    let v = backcast_core::view::View::new(&s);
    assert_eq!(
        v.verdict,
        "Fits the budget but not the limits: the plan needs 1,158 concurrent \
         executions at its peak, over the account's limit of 1,000."
    );
    assert!(!v.verdict_ok);
    assert_eq!(v.limits.len(), 1);
    // The Markdown export says it too, before the price note.
    assert!(backcast_core::export::markdown(&v).contains(
        "Over a limit: the plan needs 1,158 concurrent executions at its peak, over the \
         account's limit of 1,000.\nPrice book"
    ));
    // The JSON result carries it too.
    let r = backcast_core::api::ApiResult::new(&s, &backcast_core::solve::solve(&s));
    assert_eq!(r.limits, v.limits);
    assert_eq!(r.peak_concurrency, Some(1158));
}

#[test]
fn the_price_note_names_the_assumed_lines_outside_us_east_1() {
    let note = |q: &str| {
        let (s, problems) = Scenario::from_link(q);
        assert!(problems.is_empty(), "{problems:?}");
        backcast_core::view::View::new(&s).price_note
    };
    // us-east-1: these prices are us-east-1's own (docs/pricing.md).
    assert!(!note("apigw=http&logs=1").contains("Assumed from us-east-1"));
    // eu-west-1: every book price is confirmed there, so the note says
    // which ones, then names the rest of the bill's lines in use.
    let n = note("region=eu-west-1&apigw=http&logs=1&fns=a:128:1:1:x86_64:1");
    assert!(
        n.contains(
            " Assumed from us-east-1's prices times this region's premium, as no regional price \
         list for them is bundled: Lambda ephemeral storage and provisioned concurrency, \
         CloudWatch Logs, API Gateway."
        ),
        "{n}"
    );
    assert!(!n.contains("Every price is from"), "{n}");
    // Nothing of the rest of the bill in use: nothing assumed to name.
    assert!(!note("region=eu-west-1").contains("Assumed from us-east-1"));
}

#[test]
fn headroom_per_function_and_its_memory_duration_pairs() {
    // $7 a day, 3,000 requests, one x86 function of 1,024 MB. At memory M
    // a duration of d ms costs 3000 x (M / 1024 x d / 1000 x 0.0000166667
    // + 0.0000002); it fits while M / 1024 x d / 1000 <= (7 / 3000 -
    // 0.0000002) / 0.0000166667 = 139.98877... GB-s:
    //   1,024 MB: d <= 139,987.7 -> 139,987 ms
    //     128 MB: 1,119,901 ms, past Lambda's 900 s timeout -> capped
    //   3,008 MB: 139.98877 / 2.9375 = 47.655 s -> 47,655 ms
    //  10,240 MB: 13,998.8 -> 13,998 ms
    let (s, problems) = Scenario::from_link("budget=7&requests=3000&fns=api:1024:1000");
    assert!(problems.is_empty());
    let v = backcast_core::view::View::new(&s);
    let h = v.headroom.iter().find(|h| h.key == "fns").unwrap();
    assert_eq!(h.label, "api duration at 1,024 MB");
    assert_eq!(h.current, "1,000 ms");
    assert_eq!(h.max, "139,987 ms");
    assert!(
        h.pairs
            .starts_with("At most, by memory size: 128 MB: 900,000 ms (the timeout) · "),
        "{}",
        h.pairs
    );
    assert!(h.pairs.contains("3,008 MB: 47,655 ms"), "{}", h.pairs);
    assert!(h.pairs.ends_with("10,240 MB: 13,998 ms"), "{}", h.pairs);
    // 50,000,000 requests: their fees alone, 50e6 x 0.0000002 = 10, are
    // over $7, so no duration fits at any size: no pairs line.
    let (s, _) = Scenario::from_link("budget=7&requests=50000000&fns=api:1024:1000");
    let v = backcast_core::view::View::new(&s);
    let h = v.headroom.iter().find(|h| h.key == "fns").unwrap();
    assert_eq!(h.pairs, "");
}

#[test]
fn the_chart_marks_the_pipelines_gbs() {
    // One function of 512 MB for 100 ms: 0.5 x 0.1 = 0.05 GB-s a request,
    // whatever the `gbs` key (unused with a pipeline) says.
    let (s, _) = Scenario::from_link("gbs=128&fns=api:512:100");
    let v = backcast_core::view::View::new(&s);
    let chart = format!("{:?}", v.chart);
    assert!(chart.contains("you: 0.05 GB-s"), "{chart}");
    assert!(!chart.contains("you: 128 GB-s"));
}
