//! Plan B against plan A, worked out by hand from the published prices.

use backcast_core::compare::{compare, frontiers};
use backcast_core::scenario::Scenario;
use backcast_core::Limit;
use rust_decimal_macros::dec;

fn scenario(q: &str) -> Scenario {
    let (s, problems) = Scenario::from_link(q);
    assert!(problems.is_empty(), "{problems:?}");
    // Each plan survives a round trip through its link.
    assert_eq!(Scenario::from_link(&s.to_query(false)).0, s);
    s
}

#[test]
fn the_articles_scenario_on_x86_and_on_arm64() {
    // A, x86: 7 / (128 x 0.0000166667 + 0.0000002) = 7 / 0.0021335376 =
    //   3,280.9: 3,280; 3,000 cost 3000 x 0.0021335376 = 6.4006128.
    // B, arm64: 7 / (128 x 0.0000133334 + 0.0000002) = 7 / 0.0017068752 =
    //   4,101.06: 4,101, 821 more; 3,000 cost 5.1206256, that is
    //   (5.1206256 - 6.4006128) / 6.4006128 = -19.998% (20% less, to one place).
    let c = compare(&scenario(""), &scenario("arch=arm64"));
    assert_eq!(c.a.max_requests, Limit::Count(3280));
    assert_eq!(c.b.max_requests, Limit::Count(4101));
    assert_eq!(c.more_requests, Some(821));
    assert_eq!(c.b_cost_at_a, dec!(5.1206256));
    assert_eq!(c.cost_change_pct.unwrap().round_dp(3), dec!(-19.998));
    assert_eq!(
        c.summary,
        "B serves 821 more requests per day than A for its budget; at 3,000 requests per day \
         it costs 20% less ($5.12 against $6.40)."
    );
    assert_eq!(c.services.len(), 1);
    assert_eq!(c.services[0].service, "Lambda");
    assert_eq!(
        (c.services[0].a, c.services[0].b),
        (dec!(6.4006128), dec!(5.1206256))
    );
}

#[test]
fn b_costs_more_and_needs_other_requests() {
    // A: the article. B: Standard workflow with 10 transitions a request
    // and 1,000 requests needed. At A's 3,000: 3000 x (0.0021335376 + 10 x
    // 0.000025) = 3000 x 0.0023835376 = 7.1506128: +11.7% (0.75 / 6.4006128
    // = 11.7176%). B buys 7 / 0.0023835376 = 2,936.8: 2,936, 344 fewer.
    let c = compare(
        &scenario(""),
        &scenario("sfn=standard&sfn_transitions=10&requests=1000"),
    );
    assert_eq!(c.b_cost_at_a, dec!(7.1506128));
    assert_eq!(c.more_requests, Some(-344));
    assert!(
        c.summary.starts_with(
            "B serves 344 fewer requests per day than A for its budget; at 3,000 requests per day \
         it costs 11.7% more ($7.15 against $6.40)."
        ),
        "{}",
        c.summary
    );
}

/// The chart's needed-volume labels for plans A and B.
fn needed_labels(a: &str, b: &str) -> Vec<String> {
    let (a, b) = (scenario(a), scenario(b));
    let c = compare(&a, &b);
    frontiers(&a, &b, &c)
        .needed
        .into_iter()
        .map(|(_, label)| label)
        .collect()
}

#[test]
fn the_pair_chart_labels_each_needed_volume_once() {
    // The same 3,000 a day for both: one line, "needed".
    assert_eq!(needed_labels("", "arch=arm64"), ["needed: 3,000 per day"]);
    // Different volumes: one line each, named by plan.
    assert_eq!(
        needed_labels("", "requests=5000"),
        ["A needs: 3,000 per day", "B needs: 5,000 per day"]
    );
    // A needs nothing (0 is below the log scale's 1): B's line alone.
    assert_eq!(
        needed_labels("requests=0", "requests=5000"),
        ["B needs: 5,000 per day"]
    );
    // A fraction is written to 3 places, grouped: 2,500.5.
    assert_eq!(
        needed_labels("", "requests=2500.5"),
        ["A needs: 3,000 per day", "B needs: 2,500.5 per day"]
    );
}

#[test]
fn the_pair_chart_draws_its_axes_in_the_pages_plot_box() {
    // The page's box: 560 x 320 with margins 56 left, 16 right, 38 top and
    // 52 bottom, so the axes run from (56, 38) down to 268 and across to
    // 560 - 16 = 544.
    let (a, b) = (scenario(""), scenario("arch=arm64"));
    let chart = frontiers(&a, &b, &compare(&a, &b));
    assert_eq!(chart.axes, "M56,38V268H544");
    assert_eq!(chart.y_label, "Most requests per day (log scale)");
}
