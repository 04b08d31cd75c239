//! Two plans side by side (issue 16): plan B against plan A, each solved
//! exactly, with the differences a person asks for: how many more (or
//! fewer) requests B's budget buys, and how much more or less B costs at
//! the requests A needs. "B serves 821 more requests per day for its
//! budget; at 3,000 requests per day it costs 20% less ($5.12 against
//! $6.40)."
//!
//! Native only for now (the command line's `--compare`); the page's side
//! by side view is to load when first used.

use crate::arith::Sat;
use crate::number::{format_count, format_number, format_usd};
use crate::scenario::Scenario;
use crate::solve::{solve, Limit, Solution};
use rust_decimal::Decimal;

/// One service's cost per period in each plan, at each plan's needed
/// requests.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceDiff {
    pub service: &'static str,
    pub a: Decimal,
    pub b: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub a: Solution,
    pub b: Solution,
    /// B's most requests minus A's; `None` when either is unlimited.
    pub more_requests: Option<i128>,
    /// B's cost at A's needed requests, and its change against A's cost
    /// there, in percent (negative: B is cheaper); `None` when A costs 0.
    pub b_cost_at_a: Decimal,
    pub cost_change_pct: Option<Decimal>,
    pub services: Vec<ServiceDiff>,
    /// The comparison in one sentence.
    pub summary: String,
}

/// Plan `b` against plan `a`. Both periods must agree for the figures to
/// be comparable; when they do not, B is compared per its own period and
/// the summary says so.
pub fn compare(a: &Scenario, b: &Scenario) -> Comparison {
    let sa = solve(a);
    let sb = solve(b);
    // B priced at A's needed requests (same everything else as B).
    let mut b_at = b.clone();
    b_at.requests = a.requests;
    let b_cost_at_a = if b.requests == a.requests {
        sb.cost
    } else {
        solve(&b_at).cost
    };
    let more_requests = match (sa.max_requests, sb.max_requests) {
        (Limit::Unlimited, _) | (_, Limit::Unlimited) => None,
        (x, y) => Some(i128::from(y.count().unwrap_or(0)) - i128::from(x.count().unwrap_or(0))),
    };
    let cost_change_pct = (!sa.cost.is_zero())
        .then(|| (Sat(b_cost_at_a) - sa.cost) * Decimal::ONE_HUNDRED / sa.cost)
        .map(|x| x.0);
    let period = a.period.key();
    let mut summary = match more_requests {
        Some(0) => "B serves as many requests as A for its budget".to_string(),
        Some(n) => format!(
            "B serves {} {} requests per {period} than A for its budget",
            format_count(n.unsigned_abs().min(u128::from(u64::MAX)) as u64),
            if n > 0 { "more" } else { "fewer" }
        ),
        None => "One of the plans buys unlimited requests".to_string(),
    };
    let needed = format_number(a.requests, 2);
    match cost_change_pct {
        Some(p) if p.is_zero() => summary.push_str(&format!(
            "; at {needed} requests per {period} it costs the same"
        )),
        Some(p) => summary.push_str(&format!(
            "; at {needed} requests per {period} it costs {}% {} ({} against {})",
            format_number(p.abs().round_dp(1), 1),
            if p.is_sign_negative() { "less" } else { "more" },
            format_usd(b_cost_at_a),
            format_usd(sa.cost)
        )),
        None => {}
    }
    summary.push('.');
    if a.period != b.period {
        summary.push_str(&format!(
            " (A is per {period}, B per {}: B's figures are per its own period.)",
            b.period.key()
        ));
    }
    let services = sa
        .lines
        .by_service()
        .into_iter()
        .zip(sb.lines.by_service())
        .filter(|((_, x), (_, y))| !(x.is_zero() && y.is_zero()))
        .map(|((service, a), (_, b))| ServiceDiff { service, a, b })
        .collect();
    Comparison {
        a: sa,
        b: sb,
        more_requests,
        b_cost_at_a,
        cost_change_pct,
        services,
        summary,
    }
}
