//! The headline figures and the verdict.

use super::*;

/// One headline figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub detail: String,
    /// Something is wrong with this figure (over budget, none fits).
    pub alert: bool,
}

pub(super) fn figures(s: &Scenario, sol: &Solution, t: &Texts) -> Vec<Figure> {
    let period = s.period.key();
    let max_req = match sol.max_requests {
        Limit::Count(n) => {
            let per_s = Decimal::from(n) / s.period.seconds();
            Figure {
                label: format!("Most requests {}", per(period)),
                value: format_count(n),
                detail: format!("{} per second on average", format_sig(per_s, 3)),
                alert: n == 0,
            }
        }
        Limit::NoneFits => Figure {
            label: format!("Most requests {}", per(period)),
            value: "0".into(),
            detail: format!(
                "fixed costs alone ({}) exceed the budget",
                format_usd(sol.lines.ddb_storage)
            ),
            alert: true,
        },
        Limit::Unlimited => Figure {
            label: format!("Most requests {}", per(period)),
            value: "unlimited".into(),
            detail: "nothing in this scenario costs per request".into(),
            alert: false,
        },
    };
    let needed = &t.needed;
    let gbs = match sol.max_gbs {
        Some(g) => Figure {
            label: "Most GB-s per request".into(),
            value: format_sig(floor_sig(g, 4), 4),
            detail: format!("to serve {needed} requests {}", per(period)),
            alert: false,
        },
        None => Figure {
            label: "Most GB-s per request".into(),
            value: "—".into(),
            detail: if s.requests.is_zero() {
                "no requests needed".into()
            } else if sol.lines.lambda_duration.is_zero() && sol.cost <= s.budget {
                "no limit: Lambda duration costs nothing here".into()
            } else {
                format!("{needed} requests do not fit even at 0 GB-s")
            },
            alert: !s.requests.is_zero(),
        },
    };
    let left = (Sat(s.budget) - sol.cost).0;
    let over = left.is_sign_negative() && !left.is_zero();
    let cost = Figure {
        label: format!("Cost of {needed} requests"),
        value: t.cost.clone(),
        detail: if over {
            format!("{} over the {} budget", format_usd(-left), t.budget)
        } else {
            let pct = if s.budget.is_zero() {
                Decimal::ZERO
            } else {
                (Sat(left / s.budget) * dec!(100)).0
            };
            format!(
                "{} headroom ({}% of the budget)",
                format_usd(left),
                format_number(pct, 1)
            )
        },
        alert: over,
    };
    vec![max_req, gbs, cost]
}

pub(super) fn verdict(s: &Scenario, sol: &Solution, t: &Texts) -> (String, bool) {
    let period = s.period.key();
    let (needed, cost, budget) = (&t.needed, &t.cost, &t.budget);
    let left = (Sat(s.budget) - sol.cost).0;
    if left.is_sign_negative() && !left.is_zero() {
        (
            format!(
                "Over budget: {needed} requests per {period} cost {cost}, {} more than {budget}.",
                format_usd(-left),
            ),
            false,
        )
    } else {
        (
            format!(
                "Fits: {needed} requests per {period} cost {cost} of the {budget} budget, leaving {}.",
                format_usd(left)
            ),
            true,
        )
    }
}
