//! The exact inverses: what a budget buys.
//!
//! Cost is monotone in the number of requests, but not linear: free-tier
//! allowances, volume tiers and whole provisioned capacity units bend it.
//! So `max_requests` is not a division. A float estimate starts the search
//! near the answer; a galloping, then bisecting search on whole N proves
//! cost(N) <= budget < cost(N + 1) with exact decimal costs.

use crate::arith::Sat;
use crate::cost::{Model, PerRequest};
use crate::scenario::{Arch, Scenario, MAX_ROWS};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Searches stop here, at JavaScript's `Number.MAX_SAFE_INTEGER` (2^53 - 1,
/// about 9.007e15): a budget that buys more requests (or units) buys, for
/// any purpose, an unlimited number, and every count stays exact in JS.
pub const SEARCH_CAP: u64 = 9_007_199_254_740_991;

/// The answer to "how many".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The largest whole number that fits.
    Count(u64),
    /// Not even zero fits: fixed costs alone exceed the budget.
    NoneFits,
    /// More than `SEARCH_CAP` fit: nothing in the scenario costs per unit.
    Unlimited,
}

impl Limit {
    /// The count, 0 when none fits, `None` when unlimited.
    pub fn count(self) -> Option<u64> {
        match self {
            Limit::Count(n) => Some(n),
            Limit::NoneFits => Some(0),
            Limit::Unlimited => None,
        }
    }
}

/// The largest whole k in [0, SEARCH_CAP] with `fits(k)`, for a `fits`
/// that is true up to some k and false after it. Starts at `estimate`.
pub fn largest_whole(estimate: u64, fits: impl Fn(u64) -> bool) -> Limit {
    search(estimate, &fits)
}

/// `largest_whole` for any `fits`: one copy of the search in the build,
/// however many closures call it.
/// Zero is tried only when the search comes down to it: when the estimate
/// fits, so does zero.
fn search(estimate: u64, fits: &dyn Fn(u64) -> bool) -> Limit {
    let est = estimate.min(SEARCH_CAP);
    let (mut lo, mut hi);
    if fits(est) {
        lo = est;
        let mut step = 1u64;
        loop {
            let probe = est.saturating_add(step).min(SEARCH_CAP);
            if probe == lo {
                return Limit::Unlimited; // lo is SEARCH_CAP and fits
            }
            if fits(probe) {
                lo = probe;
                step = step.saturating_mul(2);
            } else {
                hi = probe;
                break;
            }
        }
    } else {
        hi = est;
        let mut step = 1u64;
        loop {
            if hi == 0 {
                return Limit::NoneFits; // not even zero fits
            }
            let probe = est.saturating_sub(step);
            if fits(probe) {
                lo = probe;
                break;
            }
            hi = probe;
            step = step.saturating_mul(2);
        }
    }
    // Invariant: fits(lo), !fits(hi), lo < hi.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Limit::Count(lo)
}

/// A starting point for a search: (budget - cost at 0) / slope.
fn estimate(budget: Decimal, at_zero: Decimal, slope: Decimal) -> u64 {
    if slope.is_zero() {
        return SEARCH_CAP;
    }
    let left = Sat(budget) - at_zero;
    if left.0.is_sign_negative() {
        return 0;
    }
    // A quotient past any u64 (saturated or not) starts at the cap.
    (left / slope).floor().0.to_u64().unwrap_or(SEARCH_CAP)
}

/// The most whole requests per period, each using `per`, within `budget`.
pub fn max_requests_with(model: &Model, per: &PerRequest, budget: Decimal) -> Limit {
    max_requests_from(model, per, budget, model.fixed_cost())
}

/// `max_requests_with`, given the model's cost at zero requests (the same
/// for every `per`, so a table or a chart works it out once).
pub fn max_requests_from(
    model: &Model,
    per: &PerRequest,
    budget: Decimal,
    at_zero: Decimal,
) -> Limit {
    if at_zero > budget {
        return Limit::NoneFits;
    }
    let est = estimate(budget, at_zero, model.marginal(per));
    largest_whole(est, |n| {
        model.lines_with(per, Decimal::from(n)).total() <= budget
    })
}

/// The most Lambda GB-s per request at which `requests` requests fit in the
/// budget; `None` when there is no finite answer (even 0 GB-s does not fit,
/// `requests` is 0, or GB-s cost nothing).
pub fn max_gbs(model: &Model, requests: Decimal, budget: Decimal) -> Option<Decimal> {
    if requests.is_zero() {
        return None;
    }
    let others = model
        .lines_with(&model.per.with_gbs(Decimal::ZERO), requests)
        .total();
    if others > budget {
        return None;
    }
    if model.per.gbs_other.is_zero() {
        let total_gbs = model.lambda_gbs.max_quantity((Sat(budget) - others).0)?;
        return total_gbs.checked_div(requests);
    }
    // Both architectures, in the pipeline's proportion: the most whole
    // nano-GB-s per request that fits (the page shows 4 digits).
    let nano = dec!(0.000000001);
    let fits = |k: u64| {
        let per = model.per.with_gbs((Sat(Decimal::from(k)) * nano).0);
        model.lines_with(&per, requests).total() <= budget
    };
    match largest_whole(0, fits) {
        Limit::Count(k) => Some((Sat(Decimal::from(k)) * nano).0.normalize()),
        _ => None,
    }
}

/// One row of the GB-s-to-requests table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub gbs: Decimal,
    pub max_requests: Limit,
}

/// The table for `scenario`, priced for `arch`; other workload unchanged.
pub fn rows_for(scenario: &Scenario, arch: Arch) -> Vec<Row> {
    let mut s = scenario.clone();
    s.arch = arch;
    let model = Model::new(&s);
    let values = scenario.rows.values();
    let at_zero = model.fixed_cost();
    let mut rows = Vec::with_capacity(values.len());
    for &gbs in &values {
        let per = model.per.with_gbs(gbs);
        rows.push(Row {
            gbs,
            max_requests: max_requests_from(&model, &per, scenario.budget, at_zero),
        });
    }
    rows
}

/// Everything the JS API, the command line and the page show for a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub max_requests: Limit,
    pub max_gbs: Option<Decimal>,
    /// USD per period at `requests`.
    pub cost: Decimal,
    pub lines: crate::cost::Lines,
    pub rows: Vec<Row>,
    /// How many values `rows` stands for, when more than `MAX_ROWS`.
    pub rows_cut_from: Option<u128>,
}

pub fn solve(s: &Scenario) -> Solution {
    let model = Model::new(s);
    let lines = model.lines(s.requests);
    let count = s.rows.count();
    Solution {
        max_requests: max_requests_with(&model, &model.per, s.budget),
        max_gbs: max_gbs(&model, s.requests, s.budget),
        cost: lines.total(),
        lines,
        rows: rows_for(s, s.arch),
        rows_cut_from: (count > MAX_ROWS as u128).then_some(count),
    }
}

/// Declares the per-request quantities whose headroom the page shows, one
/// line each: the variant, the scenario field (its name is the link key)
/// and the headroom table's label, in the table's order.
macro_rules! knobs {
    ($($knob:ident: $field:ident, $label:literal;)+) => {
        /// A per-request quantity whose headroom the page shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Knob {
            $($knob,)+
        }

        impl Knob {
            pub const ALL: [Knob; [$(Knob::$knob),+].len()] = [$(Knob::$knob),+];
            /// The scenario key.
            pub fn key(self) -> &'static str {
                match self {
                    $(Knob::$knob => stringify!($field),)+
                }
            }
            /// The headroom table's label.
            pub fn label(self) -> &'static str {
                match self {
                    $(Knob::$knob => $label,)+
                }
            }
            fn value(self, s: &mut Scenario) -> &mut Decimal {
                match self {
                    $(Knob::$knob => &mut s.$field,)+
                }
            }
        }
    };
}

knobs! {
    Invocations: invocations, "Lambda invocations per request";
    SfnTransitions: sfn_transitions, "Step Functions transitions per request";
    EbEvents: eb_events, "EventBridge events per request";
    DdbReads: ddb_reads, "DynamoDB reads per request";
    DdbWrites: ddb_writes, "DynamoDB writes per request";
    SqsMessages: sqs_messages, "SQS messages per request";
    SnsPublishes: sns_publishes, "SNS publishes per request";
    SnsHttp: sns_http, "SNS HTTP deliveries per request";
    S3Puts: s3_puts, "S3 PUT requests per request";
    S3Gets: s3_gets, "S3 GET requests per request";
    EgressKb: egress_kb, "KB out to the internet per request";
    NatKb: nat_kb, "KB through NAT per request";
    LogKb: log_kb, "Log KB per invocation";
}

impl Knob {
    pub fn current(self, s: &Scenario) -> Decimal {
        *self.value(&mut s.clone())
    }
    fn set(self, s: &mut Scenario, v: Decimal) {
        *self.value(s) = v;
    }
    /// Whether the knob prices anything in `s`: each service around the
    /// functions once it is in use (0 of a service is not a plan for it).
    pub fn applies(self, s: &Scenario) -> bool {
        use crate::scenario::{Queue, Sfn};
        match self {
            Knob::Invocations => s.fns.is_empty(),
            Knob::SfnTransitions => s.sfn == Sfn::Standard,
            Knob::EbEvents | Knob::DdbReads | Knob::DdbWrites => true,
            Knob::SqsMessages => s.sqs != Queue::None,
            Knob::LogKb => s.logs,
            Knob::NatKb => !s.nat.is_zero(),
            k => !k.current(s).is_zero(),
        }
    }
}

/// Holding everything else fixed, the most whole `knob` per request at
/// which `requests` requests still fit in the budget. `None` when the knob
/// does not apply (Step Functions transitions without a Standard workflow)
/// or when `requests` is 0.
pub fn headroom(s: &Scenario, knob: Knob) -> Option<Limit> {
    if s.requests.is_zero() || !knob.applies(s) {
        return None;
    }
    let model = Model::new(s);
    let cost_at = |k: Decimal| {
        let mut t = s.clone();
        knob.set(&mut t, k);
        model.lines_with(&PerRequest::of(&t), s.requests).total()
    };
    // The slope per unit of the knob, from one unit at the needed volume.
    let base = cost_at(Decimal::ZERO);
    let slope = (Sat(cost_at(Decimal::ONE)) - base).0;
    let fits = |k: u64| cost_at(Decimal::from(k)) <= s.budget;
    Some(largest_whole(estimate(s.budget, base, slope), fits))
}

/// Holding everything else fixed, the longest whole duration (ms) that
/// function `i` of the pipeline may run at `memory_mb` while the needed
/// requests still fit. `None` when there is no such function or no
/// requests.
pub fn function_headroom(s: &Scenario, i: usize, memory_mb: Decimal) -> Option<Limit> {
    if s.requests.is_zero() || i >= s.fns.0.len() {
        return None;
    }
    // The model of the scenario at this memory size: a function on
    // provisioned concurrency pays for its memory around the clock.
    let mut at = s.clone();
    at.fns.0[i].memory_mb = memory_mb;
    let model = Model::new(&at);
    let cost_at = |ms: Decimal| {
        let mut t = at.clone();
        t.fns.0[i].duration_ms = ms;
        model.lines_with(&PerRequest::of(&t), s.requests).total()
    };
    let base = cost_at(Decimal::ZERO);
    let slope = (Sat(cost_at(Decimal::ONE)) - base).0;
    let fits = |k: u64| cost_at(Decimal::from(k)) <= s.budget;
    Some(largest_whole(estimate(s.budget, base, slope), fits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Raw;
    use rust_decimal_macros::dec;

    use crate::scenario::valid as scenario;

    #[test]
    fn each_knob_is_a_per_request_key_that_sets_its_field() {
        use crate::scenario::{spec, Bound, Rule, MAX_PER_REQUEST};
        let mut labels: Vec<&str> = Vec::new();
        for knob in Knob::ALL {
            let key = knob.key();
            // A number key of 0 or more, up to the per-request bound.
            assert_eq!(
                spec(key).map(|s| s.rule),
                Some(Rule::Number(Bound {
                    positive: false,
                    max: MAX_PER_REQUEST
                })),
                "{key}"
            );
            // Setting the key through the link codec is what the knob reads.
            let mut s = Scenario::default();
            s.set(key, Raw::Text("7")).unwrap();
            assert_eq!(knob.current(&s), dec!(7), "{key}");
            assert!(
                knob.label().ends_with(" per request") || knob.label().ends_with(" per invocation")
            );
            assert!(!labels.contains(&knob.label()), "{key}: label twice");
            labels.push(knob.label());
        }
        assert_eq!(labels.len(), 13);
    }

    #[test]
    fn the_articles_table() {
        // The article (CloudZero, 2020): $7 a day at 0.00001667 per GB-s and
        // 0.0000002 per request, requests = 7 / (0.00001667 x GB-s + 0.0000002),
        // rounded down. The article prints 6558 for 64 GB-s; its own
        // arithmetic gives 7 / 0.00106708 = 6559.96..., so 6559.
        let s = scenario("?budget=7&period=day&p.lambda_gbs=0.00001667");
        let got: Vec<(String, Option<u64>)> = solve(&s)
            .rows
            .iter()
            .map(|r| (r.gbs.to_string(), r.max_requests.count()))
            .collect();
        let want = [
            ("1", 414937),
            ("32", 13117),
            ("64", 6559),
            ("96", 4373),
            ("128", 3280),
            ("160", 2624),
            ("192", 2186),
            ("224", 1874),
            ("256", 1640),
        ];
        let want: Vec<(String, Option<u64>)> = want
            .iter()
            .map(|(g, n)| (g.to_string(), Some(*n)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn published_price_default() {
        // 7 / (0.0000166667 x 128 + 0.0000002) = 7 / 0.0021335376 = 3280.93...
        let sol = solve(&Scenario::default());
        assert_eq!(sol.max_requests, Limit::Count(3280));
        // 3,000 requests cost 3000 x 0.0021335376 = 6.4006128.
        assert_eq!(sol.cost, dec!(6.4006128));
    }

    #[test]
    fn exact_multiple_buys_exactly() {
        // 10 requests of 128 GB-s cost 10 x 0.0021335376 = 0.021335376: that
        // budget buys exactly 10 (a float division gives 9.999...).
        let s = scenario("period=month&budget=0.021335376");
        assert_eq!(solve(&s).max_requests, Limit::Count(10));
        let float = std::hint::black_box(0.021335376_f64) / (0.0000166667_f64 * 128.0 + 0.0000002);
        assert!(float < 10.0, "the float division lands one short: {float}");
        // A thousandth of a cent less buys 9.
        let s = scenario("period=month&budget=0.021335375");
        assert_eq!(solve(&s).max_requests, Limit::Count(9));
        // Daily periods are exact too: 0.0021335376 x 7 on a day.
        let s = scenario("budget=0.0149347632");
        assert_eq!(solve(&s).max_requests, Limit::Count(7));
    }

    #[test]
    fn free_tier_kink() {
        // Month, 1 GB-s per request, free tier: the first 400,000 requests'
        // duration and the first 1,000,000 requests' fee are free. A budget of
        // 0 fits 400,000 requests exactly... budgets must be > 0, so $0.0000166667
        // buys exactly one more GB-s: 400,001 requests.
        let s = scenario("period=month&gbs=1&free_tier=1&budget=0.0000166667");
        assert_eq!(solve(&s).max_requests, Limit::Count(400001));
    }

    #[test]
    fn none_fits_and_unlimited() {
        // 1,000 GB of storage costs $250 a month, more than $7.
        let s = scenario("period=month&ddb_storage_gb=1000");
        assert_eq!(solve(&s).max_requests, Limit::NoneFits);
        // Nothing costs per request.
        let s = scenario("gbs=0&invocations=0");
        assert_eq!(solve(&s).max_requests, Limit::Unlimited);
        assert_eq!(solve(&s).max_requests.count(), None);
    }

    #[test]
    fn max_gbs_at_the_needed_volume() {
        // 3,000 requests a day in $7: (7 - 3000 x 0.0000002) / 3000 / 0.0000166667
        // = 6.9994 / 0.0500001 = 139.9877... GB-s per request.
        let s = Scenario::default();
        let g = solve(&s).max_gbs.unwrap();
        assert!(
            (g - dec!(139.98772002455995088)).abs() < dec!(0.000001),
            "{g}"
        );
        // No finite answer for 0 requests, or when requests alone exceed the budget.
        let mut s0 = Scenario::default();
        s0.set("requests", Raw::Text("0")).unwrap();
        assert_eq!(solve(&s0).max_gbs, None);
        let s1 = scenario("requests=100000000");
        assert_eq!(solve(&s1).max_gbs, None);
    }

    #[test]
    fn headroom_per_service() {
        // $7 a day, 3,000 requests of 128 GB-s cost 6.4006128: 0.5993872 left.
        // Each EventBridge event per request costs 3000 x 0.000001 = 0.003:
        // 199 more events fit (199.79...).
        let s = Scenario::default();
        assert_eq!(headroom(&s, Knob::EbEvents), Some(Limit::Count(199)));
        // Reads: 3000 x 0.5 RRU x 0.000000125 = 0.0001875 each: 3196 fit.
        assert_eq!(headroom(&s, Knob::DdbReads), Some(Limit::Count(3196)));
        assert_eq!(headroom(&s, Knob::SfnTransitions), None);
    }

    #[test]
    fn largest_whole_finds_the_edge_from_any_start() {
        for est in [0, 1, 5, 99, 100, 101, 10_000, SEARCH_CAP] {
            assert_eq!(largest_whole(est, |k| k <= 100), Limit::Count(100));
        }
        assert_eq!(largest_whole(3, |_| true), Limit::Unlimited);
        assert_eq!(largest_whole(3, |_| false), Limit::NoneFits);
    }
}
