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

/// Both frontiers on one chart (shared axes): the most requests each
/// plan's budget buys against Lambda GB-s per request, and each plan's
/// needed volume. Same geometry as the page's chart
/// ([`crate::view::WIDTH`], [`crate::view::HEIGHT`], [`crate::view::MARGIN`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PairChart {
    pub a_path: String,
    pub b_path: String,
    pub x_ticks: Vec<(i32, String)>,
    pub y_ticks: Vec<(i32, String)>,
    pub grid: String,
    pub axes: String,
    /// Each plan's needed volume: y, and its label.
    pub needed: Vec<(i32, String)>,
    pub x_label: String,
    pub y_label: String,
    pub summary: String,
}

pub fn frontiers(a: &Scenario, b: &Scenario, c: &Comparison) -> PairChart {
    use crate::number::to_f64;
    use crate::view::{grid, Axes, HEIGHT, MARGIN, WIDTH};
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    let x_max_d = crate::view::x_range(a, &c.a).max(crate::view::x_range(b, &c.b));
    let pa = crate::view::frontier(a, x_max_d);
    let pb = crate::view::frontier(b, x_max_d);
    let needs = [to_f64(a.requests), to_f64(b.requests)];
    let ys = pa.iter().chain(pb.iter()).map(|p| p.1);
    let hi = ys.clone().fold(needs[0].max(needs[1]).max(10.0), f64::max);
    let lo = ys.fold(needs[0].min(needs[1]).max(1.0), f64::min);
    // The page's chart's scales, over both plans' data.
    let axes = Axes::new(x_max_d, lo, hi);
    let (x_ticks, y_ticks) = (axes.x_ticks(), axes.y_ticks());
    let sy = |y: f64| axes.y(y);
    let period = a.period.key();
    let grid = grid(&x_ticks, &y_ticks);
    let mut needed = Vec::new();
    for (i, (n, s)) in needs.iter().zip([a, b]).enumerate() {
        if *n >= 1.0 && (i == 0 || s.requests != a.requests) {
            let who = if i == 0 && b.requests != a.requests {
                "A needs"
            } else if i == 1 {
                "B needs"
            } else {
                "needed"
            };
            needed.push((
                sy(*n),
                // A whole count as 3,000, a fraction to 3 places.
                format!("{who}: {} per {period}", format_number(s.requests, 3)),
            ));
        }
    }
    PairChart {
        a_path: axes.path(&pa),
        b_path: axes.path(&pb),
        x_ticks,
        y_ticks,
        grid,
        axes: format!("M{left},{top}V{bottom}H{right}"),
        needed,
        x_label: "Lambda GB-s per request".into(),
        y_label: format!("Most requests per {period} (log scale)"),
        summary: format!(
            "Two frontiers, plan A's and plan B's: the most requests per {period} each budget buys at each Lambda GB-s per request. {}",
            c.summary
        ),
    }
}
