//! Headroom per service: the most of each per-request quantity that fits.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub struct HeadroomLine {
    pub key: &'static str,
    pub label: String,
    pub current: String,
    pub max: String,
    /// How much more than now fits ("+199", "none", "over by 3").
    pub spare: String,
    /// The limit is below what the scenario uses.
    pub over: bool,
    /// For a function of the pipeline: the longest duration at other
    /// memory sizes ("128 MB: 4,000 ms · …"); empty otherwise.
    pub pairs: String,
}

/// Memory sizes a function's headroom is shown at, MB.
const MEMORY_SIZES: [u32; 8] = [128, 256, 512, 1024, 1769, 3008, 5120, 10240];

pub(super) fn headroom_lines(s: &Scenario, sol: &Solution) -> Vec<HeadroomLine> {
    // With a pipeline, GB-s per request is its functions'.
    let gbs = crate::cost::request_gbs(s);
    let gbs_over = sol.max_gbs.is_some_and(|g| g < gbs);
    let mut out = vec![HeadroomLine {
        key: "gbs",
        label: "Lambda GB-s per request".into(),
        pairs: String::new(),
        current: format_number(gbs, 6),
        max: sol
            .max_gbs
            .map(|g| format_sig(floor_sig(g, 4), 4))
            .unwrap_or_else(|| "—".into()),
        spare: match sol.max_gbs {
            Some(g) if g >= gbs => {
                format!("+{}", format_sig(floor_sig((Sat(g) - gbs).0, 4), 4))
            }
            Some(g) => format!("over by {}", format_sig((Sat(gbs) - g).0, 4)),
            None => "—".into(),
        },
        over: gbs_over,
    }];
    for (i, f) in s.fns.0.iter().enumerate() {
        let Some(l) = function_headroom(s, i, f.memory_mb) else {
            continue;
        };
        let (spare, over) = spare(l, f.duration_ms);
        // The sizes at which some duration still fits (none fits at a
        // size: left out; none at any: no line).
        let mut pairs = Vec::new();
        for mb in MEMORY_SIZES {
            match function_headroom(s, i, Decimal::from(mb)) {
                None | Some(Limit::NoneFits) => {}
                Some(l) => pairs.push(format!(
                    "{} MB: {}",
                    format_count(u64::from(mb)),
                    ms_text(l)
                )),
            }
        }
        out.push(HeadroomLine {
            key: "fns",
            label: format!(
                "{} duration at {} MB",
                f.name,
                format_number(f.memory_mb, 0)
            ),
            current: format!("{} ms", format_number(f.duration_ms, 1)),
            max: ms_text(l),
            spare,
            over,
            pairs: if pairs.is_empty() {
                String::new()
            } else {
                format!("At most, by memory size: {}", pairs.join(" · "))
            },
        });
    }
    for knob in Knob::ALL {
        if let Some(l) = headroom(s, knob) {
            let cur = knob.current(s);
            let (spare, over) = spare(l, cur);
            out.push(HeadroomLine {
                key: knob.key(),
                label: knob.label().into(),
                pairs: String::new(),
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

/// "+N" room left, or "over by N", for limit `l` against `cur` now.
fn spare(l: Limit, cur: Decimal) -> (String, bool) {
    match l {
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
    }
}

fn ms_text(l: Limit) -> String {
    match l {
        // A longer duration cannot run, whatever it costs.
        Limit::Count(n) if Decimal::from(n) >= crate::limits::TIMEOUT_MS => {
            "900,000 ms (the timeout)".into()
        }
        Limit::Count(n) => format!("{} ms", format_count(n)),
        Limit::NoneFits => "none".into(),
        Limit::Unlimited => "no limit".into(),
    }
}
