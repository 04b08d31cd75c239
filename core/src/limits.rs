//! Feasibility beside affordability: what the plan needs at its peak,
//! against the service quotas that would stop it whatever the budget
//! (`docs/pricing.md`, "Quotas"). Each check that fails is one sentence.

use crate::arith::Sat;
use crate::cost::PerRequest;
use crate::number::{format_count, format_number};
use crate::scenario::{Scenario, Sfn};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Lambda's memory range and timeout.
const MIN_MB: Decimal = dec!(128);
const MAX_MB: Decimal = dec!(10240);
pub const TIMEOUT_MS: Decimal = dec!(900000);
/// Express workflows run at most 5 minutes.
const EXPRESS_MS: Decimal = dec!(300000);
/// DynamoDB: read and write units per second per table.
const DDB_UNITS_PER_S: Decimal = dec!(40000);

/// EventBridge PutEvents calls per second in `region`: 10,000 in
/// us-east-1, 2,400 in us-east-2, and 400 elsewhere, the lowest default
/// seen (so that a plan is never said to fit where it may not).
fn put_events_limit(region: &str) -> Decimal {
    match region {
        "us-east-1" => dec!(10000),
        "us-east-2" => dec!(2400),
        _ => dec!(400),
    }
}

/// What the plan needs at its peak second.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Needs {
    /// Requests per second at the peak: the period's average times `peak`.
    pub peak_rate: Decimal,
    /// Concurrent Lambda executions at the peak; `None` without functions
    /// (GB-s alone does not say how long a request runs).
    pub concurrency: Option<Decimal>,
    /// Each limit the plan breaks, as a sentence.
    pub broken: Vec<String>,
}

pub fn check(s: &Scenario) -> Needs {
    let rate = (Sat(s.requests) / s.period.seconds() * s.peak).0;
    let mut broken = Vec::new();
    let mut concurrency = None;
    if !s.fns.is_empty() {
        let cold = Sat(s.cold_pct) / dec!(100);
        let mut busy_s = Sat::ZERO;
        for f in &s.fns.0 {
            busy_s += Sat(f.invocations) * (Sat(f.duration_ms) + cold * s.init_ms) / dec!(1000);
            if f.memory_mb < MIN_MB || f.memory_mb > MAX_MB {
                broken.push(format!(
                    "function {} has {} MB, outside Lambda's 128 to 10,240 MB",
                    f.name,
                    format_number(f.memory_mb, 0)
                ));
            }
            if f.duration_ms > TIMEOUT_MS {
                broken.push(format!(
                    "function {} runs {} s, over Lambda's 900 s timeout",
                    f.name,
                    format_number((Sat(f.duration_ms) / dec!(1000)).0, 1)
                ));
            }
        }
        // Little's law: executions in flight = arrivals per second x
        // seconds each request keeps an execution busy.
        let needed = (Sat(rate) * busy_s).ceil().0;
        if needed > s.concurrency {
            broken.push(format!(
                "needs {} concurrent executions at its peak, over the account's limit of {}",
                count(needed),
                count(s.concurrency)
            ));
        }
        concurrency = Some(needed);
    }
    if s.sfn == Sfn::Express && s.sfn_express_ms > EXPRESS_MS {
        broken.push("an Express workflow runs at most 5 minutes".into());
    }
    let per = PerRequest::of(s);
    // On-demand and provisioned tables are capped alike, per table.
    for (units, what) in [(per.read_units, "read"), (per.write_units, "write")] {
        let at_peak = (Sat(rate) * units).ceil().0;
        if at_peak > DDB_UNITS_PER_S {
            broken.push(format!(
                "needs {} DynamoDB {what} units a second, over the 40,000 a table allows",
                count(at_peak)
            ));
        }
    }
    let events = (Sat(rate) * s.eb_events).ceil().0;
    let put_limit = put_events_limit(&s.region);
    if events > put_limit {
        broken.push(format!(
            "puts {} EventBridge events a second (one a call), over the {} PutEvents calls a second allowed in {}",
            count(events),
            count(put_limit),
            s.region
        ));
    }
    Needs {
        peak_rate: rate,
        concurrency,
        broken,
    }
}

fn count(d: Decimal) -> String {
    d.to_u64().map_or_else(|| format_number(d, 0), format_count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::valid as scenario;

    /// A plan that fits the budget but not the account's concurrency.
    #[test]
    fn fits_the_budget_but_needs_more_than_1000_executions() {
        // 100,000,000 requests a day at 5x peak: 100,000,000 / 86,400 x 5
        // = 5,787.037 a second. One function of 200 ms: 5,787.037 x 0.2 =
        // 1,157.4 executions, so 1,158 > 1,000.
        let s = scenario("budget=100000&requests=100000000&peak=5&fns=api:128:200");
        let n = check(&s);
        assert_eq!(n.concurrency, Some(dec!(1158)));
        assert_eq!(
            n.broken,
            ["needs 1,158 concurrent executions at its peak, over the account's limit of 1,000"]
        );
        // The budget: 1e8 x (0.0000002 + 0.125 GB x 0.2 s x 0.0000166667)
        // = 20 + 41.66675 = 61.66675 a day, far below 100,000.
        let sol = crate::solve::solve(&s);
        assert_eq!(sol.cost, dec!(61.66675));
        // A raised limit clears it.
        let s =
            scenario("budget=100000&requests=100000000&peak=5&fns=api:128:200&concurrency=2000");
        assert!(check(&s).broken.is_empty());
    }

    #[test]
    fn every_other_limit() {
        let s = scenario("fns=big:20000:1000000&sfn=express&sfn_express_ms=400000");
        let b = check(&s).broken;
        assert!(b[0].contains("big has 20,000 MB"), "{b:?}");
        assert!(b[1].contains("runs 1,000 s, over Lambda's 900 s"), "{b:?}");
        assert!(b[2].contains("at most 5 minutes"), "{b:?}");
        // 864,000,000 requests a day = 10,000 a second; 5 strong reads of
        // 4 KB = 50,000 RRU a second > 40,000.
        let s = scenario("requests=864000000&ddb_reads=5&ddb_read=strong");
        assert!(check(&s).broken[0].contains("50,000 DynamoDB read units"));
        // 1 event each at 10,000 a second fits us-east-1 (10,000), not
        // eu-west-1 (400).
        let s = scenario("requests=864000000&eb_events=1");
        assert!(check(&s).broken.is_empty());
        let s = scenario("requests=864000000&eb_events=1&region=eu-west-1");
        assert!(check(&s).broken[0].contains("400 PutEvents calls a second allowed in eu-west-1"));
    }
}
