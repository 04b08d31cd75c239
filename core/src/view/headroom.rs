//! Headroom per service: the most of each per-request quantity that fits.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub struct HeadroomLine {
    pub key: &'static str,
    pub label: &'static str,
    pub current: String,
    pub max: String,
    /// How much more than now fits ("+199", "none", "over by 3").
    pub spare: String,
    /// The limit is below what the scenario uses.
    pub over: bool,
}

pub(super) fn headroom_lines(s: &Scenario, sol: &Solution) -> Vec<HeadroomLine> {
    let gbs_over = sol.max_gbs.is_some_and(|g| g < s.gbs);
    let mut out = vec![HeadroomLine {
        key: "gbs",
        label: "Lambda GB-s per request",
        current: format_number(s.gbs, 6),
        max: sol
            .max_gbs
            .map(|g| format_sig(floor_sig(g, 4), 4))
            .unwrap_or_else(|| "—".into()),
        spare: match sol.max_gbs {
            Some(g) if g >= s.gbs => {
                format!("+{}", format_sig(floor_sig((Sat(g) - s.gbs).0, 4), 4))
            }
            Some(g) => format!("over by {}", format_sig((Sat(s.gbs) - g).0, 4)),
            None => "—".into(),
        },
        over: gbs_over,
    }];
    for knob in Knob::ALL {
        let label = match knob {
            Knob::Invocations => "Lambda invocations per request",
            Knob::SfnTransitions => "Step Functions transitions per request",
            Knob::EbEvents => "EventBridge events per request",
            Knob::DdbReads => "DynamoDB reads per request",
            Knob::DdbWrites => "DynamoDB writes per request",
        };
        if let Some(l) = headroom(s, knob) {
            let cur = knob.current(s);
            let (spare, over) = match l {
                Limit::Count(n) if Decimal::from(n) >= cur => (
                    format!("+{}", format_number((Sat(Decimal::from(n)) - cur).0, 6)),
                    false,
                ),
                Limit::Count(n) => (
                    format!(
                        "over by {}",
                        format_number((Sat(cur) - Decimal::from(n)).0, 6)
                    ),
                    true,
                ),
                Limit::NoneFits => ("none".into(), true),
                Limit::Unlimited => ("no limit".into(), false),
            };
            out.push(HeadroomLine {
                key: knob.key(),
                label,
                current: format_number(cur, 6),
                max: match l {
                    Limit::NoneFits => "none: over budget".into(),
                    other => limit_text(other),
                },
                spare,
                over,
            });
        }
    }
    out
}
