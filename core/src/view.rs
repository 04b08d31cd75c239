//! The view model: everything the page shows, computed and formatted here,
//! so components only lay out strings and flags.

use crate::cost::{Lines, Model};
use crate::number::{format_count, format_number, format_sig, format_usd, to_f64};
use crate::prices;
use crate::scenario::{Arch, Scenario, Sfn, MAX_ROWS};
use crate::solve::{headroom, rows_for, solve, Knob, Limit, Solution};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// One headline figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub detail: String,
    /// Something is wrong with this figure (over budget, none fits).
    pub alert: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub gbs: String,
    pub x86: String,
    pub arm64: String,
    /// The largest GB-s whose requests still cover the needed volume.
    pub meets: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownLine {
    pub service: &'static str,
    pub dimension: &'static str,
    pub per_request: String,
    pub per_period: String,
    /// Share of the total, 0 to 100, for a bar.
    pub share: f64,
    pub share_text: String,
    pub dominant: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeadroomLine {
    pub key: &'static str,
    pub label: &'static str,
    pub current: String,
    pub max: String,
}

/// The frontier chart, in SVG user units of a `WIDTH` x `HEIGHT` box.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub path: String,
    pub x_ticks: Vec<(f64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    /// The needed volume: a horizontal line at this y, with its label.
    pub needed_y: Option<f64>,
    pub needed_label: String,
    /// Where the needed volume meets the frontier: (x, y) and its label.
    pub meet: Option<(f64, f64, String)>,
    pub x_label: String,
    pub y_label: String,
    /// A sentence that says what the chart shows, for screen readers.
    pub summary: String,
}

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 300.0;
/// Plot margins: left, right, top, bottom.
pub const MARGIN: (f64, f64, f64, f64) = (64.0, 16.0, 12.0, 40.0);

#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub period: &'static str,
    pub budget: String,
    pub figures: Vec<Figure>,
    pub table: Vec<TableRow>,
    pub rows_note: Option<String>,
    pub breakdown: Vec<BreakdownLine>,
    pub total_per_request: String,
    pub total_per_period: String,
    pub headroom: Vec<HeadroomLine>,
    pub chart: Chart,
    pub price_note: String,
}

fn limit_text(l: Limit) -> String {
    match l {
        Limit::Count(n) => format_count(n),
        Limit::NoneFits => "0".into(),
        Limit::Unlimited => "unlimited".into(),
    }
}

fn per(period: &str) -> String {
    format!("per {period}")
}

impl View {
    pub fn new(s: &Scenario) -> View {
        let sol = solve(s);
        let period = s.period.key();
        View {
            period,
            budget: format_usd(s.budget),
            figures: figures(s, &sol),
            table: table(s, &sol),
            rows_note: sol.rows_cut_from.map(|n| {
                format!(
                    "rows stands for {} values; the table shows the first {}.",
                    format_count(u64::try_from(n).unwrap_or(u64::MAX)),
                    format_count(MAX_ROWS as u64)
                )
            }),
            breakdown: breakdown(s, &sol.lines),
            total_per_request: if s.requests.is_zero() {
                "—".into()
            } else {
                format_usd(sol.cost / s.requests)
            },
            total_per_period: format_usd(sol.cost),
            headroom: headroom_lines(s, &sol),
            chart: chart(s, &sol),
            price_note: price_note(s),
        }
    }
}

fn price_note(s: &Scenario) -> String {
    let book = prices::book(s.book_id()).map(|b| b.summary).unwrap_or("");
    let region = prices::region_prices(s.book_id(), &s.region);
    let mut note = format!("Price book {} ({book}), {}", s.book_id(), s.region);
    if !s.overrides.is_empty() {
        let o: Vec<String> = s
            .overrides
            .iter()
            .map(|(d, p)| {
                format!(
                    "{} = ${} per {}",
                    d.key(),
                    crate::number::decimal_text(*p),
                    d.unit()
                )
            })
            .collect();
        note.push_str(&format!("; overridden: {}", o.join(", ")));
    }
    note.push('.');
    if let Some(c) = region.and_then(|r| r.caveat) {
        note.push(' ');
        note.push_str(c);
    }
    note
}

fn figures(s: &Scenario, sol: &Solution) -> Vec<Figure> {
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
    let needed = format_number(s.requests, 2);
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
    let left = s.budget - sol.cost;
    let over = left.is_sign_negative() && !left.is_zero();
    let cost = Figure {
        label: format!("Cost of {needed} requests"),
        value: format_usd(sol.cost),
        detail: if over {
            format!(
                "{} over the {} budget",
                format_usd(-left),
                format_usd(s.budget)
            )
        } else {
            let pct = if s.budget.is_zero() {
                Decimal::ZERO
            } else {
                left / s.budget * dec!(100)
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

/// `d` rounded down to `sig` significant digits (but to no fewer than
/// whole units), so a limit is never overstated.
fn floor_sig(d: Decimal, sig: u32) -> Decimal {
    if d.is_zero() {
        return d;
    }
    let mut mag = 0i64;
    let mut probe = d.abs();
    while probe >= Decimal::TEN {
        probe /= Decimal::TEN;
        mag += 1;
    }
    while probe < Decimal::ONE {
        probe *= Decimal::TEN;
        mag -= 1;
    }
    let dp = (sig as i64 - 1 - mag).clamp(0, 20) as u32;
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::ToZero)
}

fn table(s: &Scenario, sol: &Solution) -> Vec<TableRow> {
    let (x86, arm) = match s.arch {
        Arch::X86_64 => (sol.rows.clone(), rows_for(s, Arch::Arm64)),
        Arch::Arm64 => (rows_for(s, Arch::X86_64), sol.rows.clone()),
    };
    let fits = |l: Limit| match l {
        Limit::Count(n) => Decimal::from(n) >= s.requests,
        Limit::Unlimited => true,
        Limit::NoneFits => false,
    };
    let current = if s.arch == Arch::X86_64 { &x86 } else { &arm };
    // The row that meets the needed volume: the largest GB-s that still fits.
    let meets = current
        .iter()
        .enumerate()
        .filter(|(_, r)| fits(r.max_requests))
        .max_by(|a, b| a.1.gbs.cmp(&b.1.gbs))
        .map(|(i, _)| i);
    x86.iter()
        .zip(arm.iter())
        .enumerate()
        .map(|(i, (a, b))| TableRow {
            gbs: format_number(a.gbs, 6),
            x86: limit_text(a.max_requests),
            arm64: limit_text(b.max_requests),
            meets: Some(i) == meets,
        })
        .collect()
}

fn breakdown(s: &Scenario, l: &Lines) -> Vec<BreakdownLine> {
    let reads = if s.ddb_mode == crate::scenario::DdbMode::Provisioned {
        ("Read capacity (RCU-hours)", "Write capacity (WCU-hours)")
    } else {
        ("Read request units", "Write request units")
    };
    let mut lines = vec![
        ("Lambda", "Request fee", l.lambda_requests, true),
        ("Lambda", "Duration (GB-s)", l.lambda_duration, true),
        (
            "Step Functions",
            "State transitions",
            l.sfn_transitions,
            s.sfn == Sfn::Standard,
        ),
        (
            "Step Functions",
            "Express requests",
            l.sfn_express_requests,
            s.sfn == Sfn::Express,
        ),
        (
            "Step Functions",
            "Express duration",
            l.sfn_express_duration,
            s.sfn == Sfn::Express,
        ),
        (
            "EventBridge",
            "Custom events (64 KB chunks)",
            l.eb_events,
            !s.eb_events.is_zero(),
        ),
        ("DynamoDB", reads.0, l.ddb_reads, !s.ddb_reads.is_zero()),
        ("DynamoDB", reads.1, l.ddb_writes, !s.ddb_writes.is_zero()),
        (
            "DynamoDB",
            "Storage",
            l.ddb_storage,
            !s.ddb_storage_gb.is_zero(),
        ),
    ];
    lines.retain(|(_, _, v, used)| *used || !v.is_zero());
    let total = l.total();
    let max = lines.iter().map(|x| x.2).max().unwrap_or(Decimal::ZERO);
    lines
        .into_iter()
        .map(|(service, dimension, v, _)| {
            let share = if total.is_zero() {
                0.0
            } else {
                to_f64(v / total * dec!(100))
            };
            BreakdownLine {
                service,
                dimension,
                per_request: if s.requests.is_zero() {
                    "—".into()
                } else {
                    format_usd(v / s.requests)
                },
                per_period: format_usd(v),
                share,
                share_text: format!(
                    "{}%",
                    format_number(Decimal::from_f64_retain(share).unwrap_or_default(), 1)
                ),
                dominant: !v.is_zero() && v == max,
            }
        })
        .collect()
}

fn headroom_lines(s: &Scenario, sol: &Solution) -> Vec<HeadroomLine> {
    let mut out = vec![HeadroomLine {
        key: "gbs",
        label: "Lambda GB-s per request",
        current: format_number(s.gbs, 6),
        max: sol
            .max_gbs
            .map(|g| format_sig(floor_sig(g, 4), 4))
            .unwrap_or_else(|| "—".into()),
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
            out.push(HeadroomLine {
                key: knob.key(),
                label,
                current: format_number(knob.current(s), 6),
                max: match l {
                    Limit::NoneFits => "none: over budget".into(),
                    other => limit_text(other),
                },
            });
        }
    }
    out
}

/// Nice tick values covering `0..=max`: 1, 2 or 5 times a power of ten.
fn nice_step(max: f64, count: f64) -> f64 {
    let raw = (max / count).max(f64::MIN_POSITIVE);
    let pow = 10f64.powf(raw.log10().floor());
    let m = raw / pow;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * pow
}

fn chart(s: &Scenario, sol: &Solution) -> Chart {
    let (ml, mr, mt, mb) = MARGIN;
    let pw = WIDTH - ml - mr;
    let ph = HEIGHT - mt - mb;
    let x_max_d = s
        .rows
        .values()
        .into_iter()
        .max()
        .unwrap_or(dec!(256))
        .max(dec!(1));
    let x_max = to_f64(x_max_d);
    // The curve: most requests at GB-s from x_max/100 to x_max, log-scaled y.
    let model = Model::new(s);
    let samples = 64;
    let mut pts: Vec<(f64, f64)> = Vec::with_capacity(samples + 1);
    for i in 1..=samples {
        let g = x_max_d * Decimal::from(i as u64) / Decimal::from(samples as u64);
        let per_req = crate::cost::PerRequest {
            gbs: g,
            ..model.per
        };
        if let Limit::Count(n) = crate::solve::max_requests_with(&model, &per_req, s.budget) {
            if n > 0 {
                pts.push((to_f64(g), n as f64));
            }
        }
    }
    let needed = to_f64(s.requests);
    let y_hi_data = pts.iter().map(|p| p.1).fold(needed.max(10.0), f64::max);
    let y_lo_data = pts.iter().map(|p| p.1).fold(needed.max(1.0), f64::min);
    let lo_exp = y_lo_data.log10().floor();
    let hi_exp = y_hi_data.log10().ceil().max(lo_exp + 1.0);
    let sx = |x: f64| ml + x / x_max * pw;
    let sy = |y: f64| mt + ph - (y.max(1.0).log10() - lo_exp) / (hi_exp - lo_exp) * ph;
    let mut path = String::new();
    for (i, (x, y)) in pts.iter().enumerate() {
        // Whole pixels: integer text keeps float formatting out of the wasm.
        path.push_str(&format!(
            "{}{},{}",
            if i == 0 { "M" } else { "L" },
            sx(*x).round() as i64,
            sy(*y).round() as i64
        ));
    }
    let step = nice_step(x_max, 6.0);
    let mut x_ticks = Vec::new();
    let mut t = 0.0;
    while t <= x_max + 1e-9 {
        x_ticks.push((
            sx(t),
            format_sig(Decimal::from_f64_retain(t).unwrap_or_default(), 3),
        ));
        t += step;
    }
    let y_ticks = (lo_exp as i32..=hi_exp as i32)
        .map(|e| {
            let v = 10f64.powi(e);
            (sy(v), format_count(v as u64))
        })
        .collect();
    let period = s.period.key();
    let needed_text = format_number(s.requests, 2);
    let meet = sol.max_gbs.filter(|_| needed >= 1.0).and_then(|g| {
        let gx = to_f64(g);
        (gx <= x_max).then(|| {
            (
                sx(gx),
                sy(needed),
                format!("{} GB-s per request", format_sig(floor_sig(g, 4), 4)),
            )
        })
    });
    let summary = format!(
        "Most requests per {period} that {} buys, falling as GB-s per request grows from {} to {}; the needed {} requests per {period} fit at up to {} GB-s per request.",
        format_usd(s.budget),
        format_sig(x_max_d / Decimal::from(samples as u64), 3),
        format_sig(x_max_d, 3),
        needed_text,
        sol.max_gbs
            .map(|g| format_sig(floor_sig(g, 4), 4))
            .unwrap_or_else(|| "no".into()),
    );
    Chart {
        path,
        x_ticks,
        y_ticks,
        needed_y: (needed >= 1.0).then(|| sy(needed)),
        needed_label: format!("needed: {needed_text} per {period}"),
        meet,
        x_label: "Lambda GB-s per request".into(),
        y_label: format!("Most requests per {period} (log scale)"),
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_view_reads_like_the_article() {
        let v = View::new(&Scenario::default());
        assert_eq!(v.figures[0].value, "3,280");
        // 3280 / 86,400 s = 0.03796...
        assert_eq!(v.figures[0].detail, "0.038 per second on average");
        // 139.9877... rounded down to 4 significant digits.
        assert_eq!(v.figures[1].value, "139.9");
        // 3000 x 0.0021335376 = 6.4006128; 7 - that = 0.5993872, 8.6% of 7.
        assert_eq!(v.figures[2].value, "$6.40");
        assert_eq!(v.figures[2].detail, "$0.60 headroom (8.6% of the budget)");
        let gbs: Vec<&str> = v.table.iter().map(|r| r.gbs.as_str()).collect();
        assert_eq!(
            gbs,
            ["1", "32", "64", "96", "128", "160", "192", "224", "256"]
        );
        // 3,280 at 128 GB-s is the last row that covers 3,000 requests.
        let meets: Vec<bool> = v.table.iter().map(|r| r.meets).collect();
        assert_eq!(meets.iter().position(|m| *m), Some(4));
        assert_eq!(meets.iter().filter(|m| **m).count(), 1);
        // arm64 at 128 GB-s: 7 / (0.0000133334 x 128 + 0.0000002) =
        // 7 / 0.0017068752 = 4101.06...
        assert_eq!(v.table[4].arm64, "4,101");
        // Lambda duration dominates: 3000 x 128 x 0.0000166667 = 6.4000128.
        assert!(v
            .breakdown
            .iter()
            .any(|b| b.dominant && b.dimension.starts_with("Duration")));
        assert!(!v.chart.path.is_empty());
    }

    #[test]
    fn floor_sig_never_rounds_up() {
        assert_eq!(floor_sig(dec!(139.98772), 4), dec!(139.9));
        assert_eq!(floor_sig(dec!(0.0123456), 3), dec!(0.0123));
        // Whole units are never cut: 99,999.7 shows as 99,999.
        assert_eq!(floor_sig(dec!(99999.7), 2), dec!(99999));
    }
}
