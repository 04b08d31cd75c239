//! The plan against a billing export, worked out by hand from the fixture
//! files (core/tests/fixtures/actual/) and the published prices.

use backcast_core::actual::parse;
use backcast_core::plan_actual::{markdown, plan_against_actual};
use backcast_core::scenario::Scenario;
use backcast_core::Decimal;
use rust_decimal_macros::dec;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/actual/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn scenario(q: &str) -> Scenario {
    let (s, problems) = Scenario::from_link(q);
    assert!(problems.is_empty(), "{problems:?}");
    s
}

#[test]
fn the_articles_case_a_7_dollar_plan_and_2_15_a_day() {
    // The plan: the article's $7 a day, 3,000 requests of 128 GB-s:
    // 3000 x (128 x 0.0000166667 + 0.0000002) = 6.4006128.
    // The bill (ce_daily_article.csv), three days of 2.15:
    //   Lambda (0.80 + 0.75 + 0.85) / 3 = 0.80
    //   Step Functions (0.60 + 0.65 + 0.55) / 3 = 0.60
    //   EventBridge, "CloudWatch Events" (0.20 + 0.25 + 0.15) / 3 = 0.20
    //   DynamoDB (0.55 + 0.50 + 0.60) / 3 = 0.55
    let a = parse(&fixture("ce_daily_article.csv")).unwrap();
    let p = plan_against_actual(&scenario(""), &a).unwrap();
    assert_eq!(p.planned, dec!(6.4006128));
    assert_eq!(p.actual, dec!(2.15));
    let rows: Vec<(&str, Decimal, Option<Decimal>)> = p
        .rows
        .iter()
        .map(|r| (r.service, r.planned, r.actual))
        .collect();
    assert_eq!(
        rows,
        [
            ("Lambda", dec!(6.4006128), Some(dec!(0.8))),
            ("Step Functions", dec!(0), Some(dec!(0.6))),
            ("EventBridge", dec!(0), Some(dec!(0.2))),
            ("DynamoDB", dec!(0), Some(dec!(0.55))),
        ]
    );
    // Lambda: 0.80 - 6.4006128 = -5.6006128; 0.80 / 7 = 11.43%.
    assert_eq!(p.rows[0].difference, dec!(-5.6006128));
    assert_eq!(p.rows[0].share_of_budget.round_dp(2), dec!(11.43));
    // 2.15 / 7 = 30.71%.
    assert_eq!(
        p.verdict,
        "Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget."
    );
    assert_eq!(p.covers, "2026-11-01 to 2026-11-03 (3 days)");
    let md = markdown(&p);
    assert!(
        md.contains("| Lambda | $6.40 | $0.80 | −$5.60 | 11.4% |"),
        "{md}"
    );
    assert!(
        md.contains("| Step Functions | $0.00 | $0.60 | +$0.60 | 8.6% |"),
        "{md}"
    );
}

#[test]
fn a_monthly_plan_takes_the_days_average_over_a_730_hour_month() {
    // 2.15 a day x 730 / 24 = 65.3958333… a month, against a $200 budget:
    // 32.7%. The plan: 5,000,000 requests x 128 GB-s is far over.
    let a = parse(&fixture("ce_daily_article.csv")).unwrap();
    let p = plan_against_actual(&scenario("period=month&budget=200"), &a).unwrap();
    assert_eq!(p.actual.round_dp(7), dec!(65.3958333));
    assert!(
        p.verdict
            .starts_with("Actual $65.40 a month against a $200.00 budget"),
        "{}",
        p.verdict
    );
}

#[test]
fn what_the_plan_has_not_is_listed_and_a_planned_nat_has_no_actual() {
    // A plan with a NAT gateway (billed under EC2, which the export does
    // not split): its line shows with no actual.
    let a = parse(&fixture("ce_daily_article.csv")).unwrap();
    let p = plan_against_actual(&scenario("nat=1"), &a).unwrap();
    let nat = p.rows.iter().find(|r| r.service == "NAT gateway").unwrap();
    assert_eq!(nat.actual, None);
    // 0.05 an hour (0.045 + 0.005 for its address) x 24 = 1.20 a day.
    assert_eq!(nat.planned, dec!(1.2));
    assert!(markdown(&p).contains("| NAT gateway | $1.20 | not in the file |"));
}

#[test]
fn a_file_with_only_a_total_row_cannot_be_averaged() {
    let a = parse(&fixture("ce_total_only.csv")).unwrap();
    let e = plan_against_actual(&scenario(""), &a).unwrap_err();
    assert!(e.contains("no dated period"), "{e}");
}
