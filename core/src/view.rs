//! The view model: everything the page shows, computed and formatted here,
//! so components only lay out strings and flags.

use crate::arith::{add, div, mul, sub};
use crate::cost::{Lines, Model};
use crate::form::{self, Group};
use crate::number::{format_count, format_number, format_sig, format_usd, to_f64};
use crate::presets;
use crate::prices;
use crate::scenario::{Arch, Scenario, Sfn, MAX_ROWS};
use crate::solve::{headroom, rows_for, solve, Knob, Limit, Solution};
use rust_decimal::prelude::ToPrimitive;
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
    pub share_text: String,
    /// Share of the total in tenths of a percent, 0 to 1000, for a bar's
    /// width without float formatting.
    pub permille: u32,
    pub dominant: bool,
}

/// One service's subtotal.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceLine {
    pub service: &'static str,
    pub per_request: String,
    pub per_period: String,
    pub share_text: String,
    pub permille: u32,
    pub dominant: bool,
}

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

/// The frontier chart, in whole SVG user units of a `WIDTH` x `HEIGHT` box.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The frontier: the most requests the budget buys at each GB-s.
    pub path: String,
    /// The region under the frontier (what fits), closed to the x axis.
    pub area: String,
    pub x_ticks: Vec<(i32, String)>,
    pub y_ticks: Vec<(i32, String)>,
    /// Grid lines at the y ticks and tick marks at the x ticks, one path.
    pub grid: String,
    /// The two axes, one path.
    pub axes: String,
    /// The needed volume: a horizontal line at this y, with its label.
    pub needed_y: Option<i32>,
    pub needed_label: String,
    /// Where the needed volume meets the frontier: (x, y) and its label.
    pub meet: Option<(i32, i32, String)>,
    /// The scenario itself: its GB-s at the needed volume.
    pub current: Option<(i32, i32, String)>,
    /// What the curve is, for the legend.
    pub curve_label: String,
    /// Labels of the region under the frontier and the one above it.
    pub inside_label: String,
    pub outside_label: String,
    pub x_label: String,
    pub y_label: String,
    pub title: String,
    /// A sentence that says what the chart shows, for screen readers.
    pub summary: String,
}

/// A box narrow enough that its text stays legible on a 360 px phone.
pub const WIDTH: i32 = 560;
pub const HEIGHT: i32 = 320;
/// Plot margins: left, right, top, bottom.
pub const MARGIN: (i32, i32, i32, i32) = (56, 16, 38, 52);

/// A power-of-ten count as an axis writes it: `1K`, `10M`.
pub fn compact_count(v: u64) -> String {
    for (div, suffix) in [
        (1_000_000_000_000u64, "T"),
        (1_000_000_000, "B"),
        (1_000_000, "M"),
        (1_000, "K"),
    ] {
        if v >= div && v.is_multiple_of(div) {
            return format!("{}{suffix}", format_count(v / div));
        }
    }
    format_count(v)
}

#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub period: &'static str,
    /// The Lambda architecture in force (`x86_64`, `arm64`).
    pub arch: &'static str,
    pub budget: String,
    /// The needed requests per period, as shown ("3,000").
    pub needed: String,
    /// One sentence: does the needed volume fit, and with what to spare.
    pub verdict: String,
    pub verdict_ok: bool,
    /// The form, grouped by service, for this scenario.
    pub form: Vec<Group>,
    /// The preset this scenario is exactly, if any.
    pub preset: Option<&'static str>,
    pub figures: Vec<Figure>,
    pub table: Vec<TableRow>,
    pub rows_note: Option<String>,
    pub breakdown: Vec<BreakdownLine>,
    pub services: Vec<ServiceLine>,
    pub total_per_request: String,
    pub total_per_period: String,
    pub headroom: Vec<HeadroomLine>,
    /// What the headroom lines hold fixed.
    pub headroom_note: String,
    pub chart: Chart,
    pub price_note: String,
    /// The link pins an older book with known errors in its region.
    pub book_notice: Option<BookNotice>,
}

/// What an older book gets wrong in the scenario's region, and the one
/// action that re-opens the same scenario on the newest book.
#[derive(Clone, Debug, PartialEq)]
pub struct BookNotice {
    /// "Book 2026-11 has known errors in eu-central-1: DynamoDB read request
    /// units $0.125 per million (AWS: $0.1525), …"
    pub text: String,
    pub action: String,
    /// The same scenario with only `prices` changed: `?…&prices=2026-12…`.
    pub href: String,
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
        // Texts that many lines share, formatted once.
        let t = Texts {
            budget: format_usd(s.budget),
            needed: format_number(s.requests, 2),
            cost: format_usd(sol.cost),
        };
        let (verdict, verdict_ok) = verdict(s, &sol, &t);
        View {
            period,
            arch: s.arch.key(),
            verdict,
            verdict_ok,
            form: form::groups(s),
            preset: presets::matching(s).map(|p| p.id),
            figures: figures(s, &sol, &t),
            table: table(s, &sol),
            rows_note: sol.rows_cut_from.map(|n| {
                let many = match u64::try_from(n) {
                    Ok(n) if n < u64::MAX => format_count(n),
                    _ => format!("more than {}", format_count(u64::MAX)),
                };
                format!(
                    "rows stands for {many} values; the table shows the first {}.",
                    format_count(MAX_ROWS as u64)
                )
            }),
            breakdown: breakdown(s, &sol.lines),
            services: services(s, &sol.lines),
            total_per_request: per_request(sol.cost, s.requests),
            total_per_period: t.cost.clone(),
            headroom: headroom_lines(s, &sol),
            headroom_note: format!(
                "Holding everything else fixed, the most each request could use while {} requests per {period} still cost at most {}.",
                t.needed, t.budget
            ),
            chart: chart(s, &sol, &t),
            price_note: price_note(s),
            book_notice: book_notice(s),
            budget: t.budget,
            needed: t.needed,
        }
    }
}

fn price_note(s: &Scenario) -> String {
    let id = s.book_id();
    let book = prices::book(id).map(|b| b.summary).unwrap_or("");
    let mut note = format!("Price book {id} ({book}");
    if let Some((lo, hi)) = prices::published(id) {
        note.push_str("; offer files published ");
        note.push_str(lo);
        if hi != lo {
            note.push_str(" to ");
            note.push_str(hi);
        }
    }
    note.push_str("), ");
    note.push_str(&s.region);
    let mut sep = "; overridden: ";
    for (d, p) in &s.overrides {
        note.push_str(sep);
        note.push_str(&format!(
            "{} = ${} per {}",
            d.key(),
            crate::number::decimal_text(*p),
            d.unit()
        ));
        sep = ", ";
    }
    note.push('.');
    if let Some(c) = prices::region_prices(id, &s.region).and_then(|r| r.caveat) {
        note.push(' ');
        note.push_str(c);
    }
    if let Some(b) = prices::basis(id, &s.region) {
        let list = |assumed: bool| {
            let mut out = String::new();
            for item in prices::Item::ALL {
                if b.is_assumed(item) == assumed {
                    if !out.is_empty() {
                        out.push_str(", ");
                    }
                    out.push_str(item.label());
                }
            }
            out
        };
        if b.assumed == 0 {
            note.push_str(" Every price is from AWS's price list.");
        } else {
            note.push_str(" From AWS's price list: ");
            note.push_str(&list(false));
            note.push_str(". Assumed, as no copy of AWS's price for this region was found (never below the evidence): ");
            note.push_str(&list(true));
            note.push('.');
        }
    }
    note
}

fn book_notice(s: &Scenario) -> Option<BookNotice> {
    let id = s.book_id();
    if id == prices::NEWEST {
        return None;
    }
    let mut text = String::new();
    for e in prices::known_errors(id, &s.region) {
        // An override replaces the book's price: its error does not count.
        if s.overrides.get(&e.item.dimension()).is_some() {
            continue;
        }
        text.push_str(if text.is_empty() { ": " } else { ", " });
        text.push_str(e.item.label());
        text.push(' ');
        text.push_str(&e.item.price_text(e.book_price));
        text.push_str(if e.confirmed {
            " (AWS: "
        } else {
            " (current book, assumed: "
        });
        text.push_str(&e.item.amount_text(e.corrected));
        text.push(')');
    }
    if text.is_empty() {
        return None;
    }
    let mut now = s.clone();
    now.prices = Some(prices::NEWEST.to_string());
    Some(BookNotice {
        text: format!(
            "Book {id} has known errors in {}{text}. This link keeps book {id}, so it shows what it always showed.",
            s.region
        ),
        action: format!("Re-open on book {}", prices::NEWEST),
        href: format!("?{}", now.to_query(true)),
    })
}

/// The budget, the needed requests and their cost, as shown.
struct Texts {
    budget: String,
    needed: String,
    cost: String,
}

fn figures(s: &Scenario, sol: &Solution, t: &Texts) -> Vec<Figure> {
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
    let left = sub(s.budget, sol.cost);
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
                mul(left / s.budget, dec!(100))
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
        probe = div(probe, Decimal::TEN);
        mag += 1;
    }
    while probe < Decimal::ONE {
        probe = mul(probe, Decimal::TEN);
        mag -= 1;
    }
    let dp = (sig as i64 - 1 - mag).clamp(0, 20) as u32;
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::ToZero)
}

fn table(s: &Scenario, sol: &Solution) -> Vec<TableRow> {
    let other = rows_for(
        s,
        match s.arch {
            Arch::X86_64 => Arch::Arm64,
            Arch::Arm64 => Arch::X86_64,
        },
    );
    let (x86, arm) = match s.arch {
        Arch::X86_64 => (&sol.rows, &other),
        Arch::Arm64 => (&other, &sol.rows),
    };
    // The row that meets the needed volume: the largest GB-s that still
    // fits (of equal ones, the last, as `max_by` picks).
    let mut meets = None;
    let mut most = Decimal::ZERO;
    for (i, r) in sol.rows.iter().enumerate() {
        let fits = match r.max_requests {
            Limit::Count(n) => Decimal::from(n) >= s.requests,
            Limit::Unlimited => true,
            Limit::NoneFits => false,
        };
        if fits && (meets.is_none() || r.gbs >= most) {
            meets = Some(i);
            most = r.gbs;
        }
    }
    let mut out = Vec::with_capacity(x86.len());
    for (i, (a, b)) in x86.iter().zip(arm).enumerate() {
        out.push(TableRow {
            gbs: format_number(a.gbs, 6),
            x86: limit_text(a.max_requests),
            arm64: limit_text(b.max_requests),
            meets: Some(i) == meets,
        });
    }
    out
}

fn breakdown(s: &Scenario, l: &Lines) -> Vec<BreakdownLine> {
    let reads = if s.ddb_mode == crate::scenario::DdbMode::Provisioned {
        ("Read capacity (RCU-hours)", "Write capacity (WCU-hours)")
    } else {
        ("Read request units", "Write request units")
    };
    let all = [
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
    // The lines shown: those in use, and any that cost something.
    let shown = |used: bool, v: Decimal| used || !v.is_zero();
    let total = l.total();
    let mut max = None;
    for &(_, _, v, used) in &all {
        if shown(used, v) {
            max = max.max(Some(v));
        }
    }
    let max = max.unwrap_or(Decimal::ZERO);
    let mut out = Vec::new();
    for (service, dimension, v, used) in all {
        if shown(used, v) {
            let pct = percent(v, total);
            out.push(BreakdownLine {
                service,
                dimension,
                per_request: per_request(v, s.requests),
                per_period: format_usd(v),
                share_text: format!("{}%", format_number(pct, 1)),
                permille: permille(pct),
                dominant: !v.is_zero() && v == max,
            });
        }
    }
    out
}

/// USD per request of `cost` spread over `requests`; a dash for none.
fn per_request(cost: Decimal, requests: Decimal) -> String {
    if requests.is_zero() {
        "—".into()
    } else {
        // A fixed cost over a tiny fraction of a request can exceed what a
        // decimal holds.
        match cost.checked_div(requests) {
            Some(v) => format_usd(v),
            None => format!("over {}", format_usd(Decimal::MAX)),
        }
    }
}

/// `part` as a percentage of `total` (0 when the total is 0).
fn percent(part: Decimal, total: Decimal) -> Decimal {
    if total.is_zero() {
        Decimal::ZERO
    } else {
        mul(part.checked_div(total).unwrap_or_default(), dec!(100))
    }
}

/// A percentage in tenths, 0 to 1000.
fn permille(pct: Decimal) -> u32 {
    mul(pct, dec!(10)).round().to_u32().unwrap_or(0).min(1000)
}

fn services(s: &Scenario, l: &Lines) -> Vec<ServiceLine> {
    let all = [
        ("Lambda", l.lambda(), true),
        ("Step Functions", l.step_functions(), s.sfn != Sfn::None),
        ("EventBridge", l.eventbridge(), !s.eb_events.is_zero()),
        (
            "DynamoDB",
            l.dynamodb(),
            !(s.ddb_reads.is_zero() && s.ddb_writes.is_zero() && s.ddb_storage_gb.is_zero()),
        ),
    ];
    let total = l.total();
    let max = all.iter().map(|x| x.1).max().unwrap_or_default();
    let mut out = Vec::new();
    for (service, v, used) in all {
        if used || !v.is_zero() {
            let pct = percent(v, total);
            out.push(ServiceLine {
                service,
                per_request: per_request(v, s.requests),
                per_period: format_usd(v),
                share_text: format!("{}%", format_number(pct, 1)),
                permille: permille(pct),
                dominant: !v.is_zero() && v == max,
            });
        }
    }
    out
}

fn verdict(s: &Scenario, sol: &Solution, t: &Texts) -> (String, bool) {
    let period = s.period.key();
    let (needed, cost, budget) = (&t.needed, &t.cost, &t.budget);
    let left = sub(s.budget, sol.cost);
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

fn headroom_lines(s: &Scenario, sol: &Solution) -> Vec<HeadroomLine> {
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
            Some(g) if g >= s.gbs => format!("+{}", format_sig(floor_sig(sub(g, s.gbs), 4), 4)),
            Some(g) => format!("over by {}", format_sig(sub(s.gbs, g), 4)),
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
                    format!("+{}", format_number(sub(Decimal::from(n), cur), 6)),
                    false,
                ),
                Limit::Count(n) => (
                    format!("over by {}", format_number(sub(cur, Decimal::from(n)), 6)),
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

/// A nice tick step for `0..=max` in about `count` steps: 1, 2 or 5
/// times a power of ten, in exact decimal (no float formatting).
fn nice_step(max: Decimal, count: u32) -> Decimal {
    let raw = max / Decimal::from(count);
    if raw <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut pow = Decimal::ONE;
    while raw >= mul(pow, Decimal::TEN) {
        pow = mul(pow, Decimal::TEN);
    }
    while raw < pow && pow > dec!(0.000000001) {
        pow = div(pow, Decimal::TEN);
    }
    let m = raw / pow;
    let nice = if m <= Decimal::ONE {
        dec!(1)
    } else if m <= dec!(2) {
        dec!(2)
    } else if m <= dec!(5) {
        dec!(5)
    } else {
        dec!(10)
    };
    mul(nice, pow)
}

/// A float position as a whole SVG unit (integers format cheaply in wasm).
/// Not inlined: the chart places a dozen of them.
#[inline(never)]
fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round() as i32
    } else {
        0
    }
}

fn chart(s: &Scenario, sol: &Solution, texts: &Texts) -> Chart {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    let pw = f64::from(right - left);
    let ph = f64::from(bottom - top);
    // Twice the larger of the scenario's GB-s and the most that fits, so
    // both sit well inside the plot; the table's range when neither helps.
    let focus = s.gbs.max(sol.max_gbs.unwrap_or_default());
    let x_max_d = if focus.is_zero() {
        // The largest value (the last of equal ones, as `max` picks).
        let mut top = None;
        for v in s.rows.values() {
            if top.is_none_or(|t| v >= t) {
                top = Some(v);
            }
        }
        top.unwrap_or(dec!(256))
    } else {
        // Capped before doubling: a near-free request can afford more
        // GB-s than a decimal holds twice.
        mul(focus.min(crate::scenario::MAX_PER_REQUEST), dec!(2))
    }
    .max(dec!(0.001))
    .min(crate::scenario::MAX_PER_REQUEST);
    let x_max = to_f64(x_max_d);
    // The frontier: most requests at GB-s from x_max/64 to x_max, log-scaled y.
    let model = Model::new(s);
    let at_zero = model.fixed_cost();
    let samples = 64u64;
    let mut pts: Vec<(f64, f64)> = Vec::with_capacity(samples as usize);
    for i in 1..=samples {
        let g = mul(x_max_d, Decimal::from(i)) / Decimal::from(samples);
        let mut per_req = model.per;
        per_req.gbs = g;
        if let Limit::Count(n) =
            crate::solve::max_requests_from(&model, &per_req, s.budget, at_zero)
        {
            if n > 0 {
                pts.push((to_f64(g), n as f64));
            }
        }
    }
    let needed = to_f64(s.requests);
    let y_hi_data = pts.iter().map(|p| p.1).fold(needed.max(10.0), f64::max);
    let y_lo_data = pts.iter().map(|p| p.1).fold(needed.max(1.0), f64::min);
    let lo_exp = y_lo_data.log10().floor().max(0.0);
    let hi_exp = y_hi_data.log10().ceil().max(lo_exp + 1.0).min(16.0);
    let sx = |x: f64| px(f64::from(left) + x / x_max * pw);
    let sy = |y: f64| {
        let t = (y.max(1.0).log10() - lo_exp) / (hi_exp - lo_exp);
        px(f64::from(top) + ph - t.clamp(0.0, 1.0) * ph)
    };
    let mut path = String::new();
    for (i, (x, y)) in pts.iter().enumerate() {
        // Whole pixels: integer text keeps float formatting out of the wasm.
        path.push_str(&format!(
            "{}{},{}",
            if i == 0 { "M" } else { "L" },
            sx(*x),
            sy(*y)
        ));
    }
    let area = match (pts.first(), pts.last()) {
        (Some(first), Some(last)) => {
            format!("{path}L{},{bottom}L{},{bottom}Z", sx(last.0), sx(first.0))
        }
        _ => String::new(),
    };
    let step = nice_step(x_max_d, 6);
    let mut x_ticks = Vec::new();
    let mut t = Decimal::ZERO;
    while t <= x_max_d && x_ticks.len() < 20 {
        x_ticks.push((sx(to_f64(t)), format_sig(t, 3)));
        t = add(t, step);
    }
    let (lo, hi) = (lo_exp as u32, hi_exp as u32);
    let stride = (hi - lo) / 6 + 1;
    let mut y_ticks: Vec<(i32, String)> = Vec::new();
    let mut e = lo;
    while e <= hi {
        let v = 10u64.saturating_pow(e);
        y_ticks.push((sy(v as f64), compact_count(v)));
        e += stride;
    }
    let period = s.period.key();
    let needed_text = &texts.needed;
    let max_gbs_text = sol
        .max_gbs
        .map(|g| format_sig(floor_sig(g, 4), 4))
        .unwrap_or_else(|| "no".into());
    let needed_y = (needed >= 1.0).then(|| sy(needed));
    let meet = needed_y.and_then(|y| {
        let gx = to_f64(sol.max_gbs?);
        (gx <= x_max).then(|| (sx(gx), y, format!("at most {max_gbs_text} GB-s")))
    });
    let gbs_text = format_sig(s.gbs, 4);
    let current = needed_y.map(|y| (sx(to_f64(s.gbs)), y, format!("you: {gbs_text} GB-s")));
    let budget = &texts.budget;
    let from = format_sig(x_max_d / Decimal::from(samples), 3);
    let to = format_sig(x_max_d, 3);
    let summary = if pts.is_empty() {
        format!(
            "{budget} per {period} buys no requests at any GB-s per request from {from} to {to}."
        )
    } else {
        format!(
            "Most requests per {period} that {budget} buys, falling as GB-s per request grows from {from} to {to}; the needed {needed_text} requests per {period} fit at up to {max_gbs_text} GB-s per request, and the scenario uses {gbs_text}."
        )
    };
    let mut grid = String::new();
    for (y, _) in &y_ticks {
        grid.push_str(&format!("M{left},{y}H{right}"));
    }
    for (x, _) in &x_ticks {
        grid.push_str(&format!("M{x},{bottom}v5"));
    }
    Chart {
        grid,
        axes: format!("M{left},{top}V{bottom}H{right}"),
        path,
        area,
        x_ticks,
        y_ticks,
        needed_y,
        needed_label: format!("needed: {needed_text} per {period}"),
        meet,
        current,
        curve_label: format!("Frontier: the most requests per {period} that {budget} buys"),
        inside_label: format!("within {budget} per {period}"),
        outside_label: "over budget".into(),
        x_label: "Lambda GB-s per request".into(),
        y_label: format!("Most requests per {period} (log scale)"),
        title: format!("Requests per {period} that {budget} buys, by GB-s per request"),
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_link_in_an_affected_region_names_its_errors_and_offers_the_reprice() {
        let (s, p) = Scenario::from_link("?prices=2026-11&region=eu-central-1&ddb_reads=1");
        assert!(p.is_empty());
        let v = View::new(&s);
        let n = v.book_notice.expect("a notice");
        assert!(
            n.text.starts_with(
                "Book 2026-11 has known errors in eu-central-1: EventBridge custom events $1 per million (current book, assumed: $1.15), DynamoDB read request units $0.125 per million (AWS: $0.1525), DynamoDB write request units $0.625 per million (AWS: $0.7625), "
            ),
            "{}",
            n.text
        );
        assert!(n.text.ends_with(", DynamoDB storage $0.25 per GB-month (AWS: $0.306). This link keeps book 2026-11, so it shows what it always showed."), "{}", n.text);
        assert_eq!(n.action, "Re-open on book 2026-12");
        // The same scenario, only `prices` changed.
        assert_eq!(n.href, "?region=eu-central-1&prices=2026-12&ddb_reads=1");
        let (again, p) = Scenario::from_link(&n.href);
        assert!(p.is_empty());
        assert_eq!(
            Scenario {
                prices: Some("2026-11".into()),
                ..again.clone()
            },
            s
        );
        assert!(View::new(&again).book_notice.is_none());
        // The link keeps its book: 3,000 requests at 128 GB-s, 1 eventual
        // 4 KB read (0.5 RRU) each: 3,000 x (128 x 0.0000166667 + 0.0000002
        // + 0.5 x 0.000000125) = 3,000 x 0.0021336001 = 6.4008003 on
        // 2026-11; with 2026-12's 0.5 x 0.0000001525: 3,000 x
        // 0.00213361385 = 6.40084155.
        assert_eq!(
            crate::cost::Model::new(&s).cost(dec!(3000)),
            dec!(6.4008003)
        );
        assert_eq!(
            crate::cost::Model::new(&again).cost(dec!(3000)),
            dec!(6.40084155)
        );
    }

    #[test]
    fn no_notice_where_the_old_book_was_right_or_overridden() {
        for q in [
            "?prices=2026-11",
            "?prices=2026-11&region=us-west-2",
            "?region=eu-central-1",
        ] {
            let (s, _) = Scenario::from_link(q);
            assert!(View::new(&s).book_notice.is_none(), "{q}");
        }
        // An override replaces the book's price: only the others are named.
        let (s, _) =
            Scenario::from_link("?prices=2026-11&region=af-south-1&p.lambda_request=0.00000027");
        let n = View::new(&s).book_notice.unwrap();
        assert!(!n.text.contains("Lambda requests"), "{}", n.text);
        assert!(n
            .text
            .contains("DynamoDB read capacity $0.00013 per hour (AWS: $0.00017493)"));
        assert!(
            n.href
                .contains("prices=2026-12&p.lambda_request=0.00000027"),
            "{}",
            n.href
        );
    }

    #[test]
    fn the_price_note_names_the_book_its_dates_and_what_is_assumed() {
        let (s, _) = Scenario::from_link("");
        let note = View::new(&s).price_note;
        assert!(note.starts_with("Price book 2026-12 (AWS Price List offer files, every region's own prices; offer files published 2026-08-31 to 2026-10-01), us-east-1."), "{note}");
        assert!(
            note.ends_with(" Every price is from AWS's price list."),
            "{note}"
        );
        let (s, _) = Scenario::from_link("?region=ap-southeast-1");
        let note = View::new(&s).price_note;
        assert!(
            note.contains(" From AWS's price list: Lambda requests, Lambda duration (x86), "),
            "{note}"
        );
        assert!(note.contains("Assumed, as no copy of AWS's price for this region was found (never below the evidence): Lambda duration volume tiers (x86), Lambda duration volume tiers (arm64), Step Functions Express duration volume tiers."), "{note}");
        // An old book keeps its own caveat.
        let (s, _) = Scenario::from_link("?prices=2026-11&region=eu-west-1");
        let note = View::new(&s).price_note;
        assert!(
            note.starts_with(
                "Price book 2026-11 (AWS list prices as of November 2026), eu-west-1."
            ),
            "{note}"
        );
        assert!(note.contains("use us-east-1 prices"));
    }

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
    fn services_verdict_and_headroom_read_at_a_glance() {
        let v = View::new(&Scenario::default());
        // Only Lambda is in use: 3000 x 0.0021335376 = 6.4006128, all of it.
        assert_eq!(v.services.len(), 1);
        assert_eq!(v.services[0].service, "Lambda");
        assert_eq!(v.services[0].per_period, "$6.40");
        assert_eq!(v.services[0].permille, 1000);
        // 7 - 6.4006128 = 0.5993872 left.
        assert_eq!(
            v.verdict,
            "Fits: 3,000 requests per day cost $6.40 of the $7.00 budget, leaving $0.60."
        );
        assert!(v.verdict_ok);
        // Duration is 6.4000128 of 6.4006128: 99.99%, 1000 tenths.
        let dur = v.breakdown.iter().find(|b| b.dominant).unwrap();
        assert_eq!(dur.share_text, "100%");
        assert_eq!(dur.permille, 1000);
        // GB-s: 139.9877... - 128 = 11.9877..., 4 digits rounded down.
        assert_eq!(v.headroom[0].spare, "+11.98");
        // EventBridge: 199 events fit (solve.rs), 0 used now.
        let eb = v.headroom.iter().find(|h| h.key == "eb_events").unwrap();
        assert_eq!((eb.max.as_str(), eb.spare.as_str()), ("199", "+199"));
        assert_eq!(v.preset, Some("article"));
        assert_eq!(v.form.len(), 6);
    }

    #[test]
    fn over_budget_says_by_how_much() {
        // 4,000 requests of 128 GB-s: 4000 x 0.0021335376 = 8.5341504, $1.53 over $7.
        let (s, _) = Scenario::from_link("requests=4000");
        let v = View::new(&s);
        assert!(!v.verdict_ok);
        assert_eq!(
            v.verdict,
            "Over budget: 4,000 requests per day cost $8.53, $1.53 more than $7.00."
        );
        // 6.9992 / 4000 / 0.0000166667 = 104.99 GB-s fit; 128 is over by 23.01.
        assert!(v.headroom[0].over);
        assert!(
            v.headroom[0].spare.starts_with("over by 23.0"),
            "{}",
            v.headroom[0].spare
        );
        assert_eq!(v.preset, None);
    }

    #[test]
    fn a_near_free_request_charts_up_to_the_largest_gbs_a_link_allows() {
        // Found by the fuzzer: with requests free, 7.3398e-24 requests a day
        // may use 7 / 7.3398e-24 / 0.0000166667 = 5.7e28 GB-s each, more
        // than a decimal holds twice (7.9e28). The x axis stops at the
        // 10,000,000 GB-s a link may ask for: ticks every 2,000,000, the
        // sixth of them on the plot's right edge.
        let (s, problems) =
            Scenario::from_link("requests=0.0000000000000000000000073398&p.lambda_request=0");
        assert!(problems.is_empty(), "{problems:?}");
        let c = View::new(&s).chart;
        assert_eq!(c.x_ticks.len(), 6);
        assert_eq!(c.x_ticks[5].0, WIDTH - MARGIN.1);
    }

    #[test]
    fn a_cost_per_request_past_the_decimal_range_says_so() {
        // 10^12 GB stored at $10^6 a GB-month is 10^18 x 24 / 730 =
        // $3.29 x 10^16 a day; over 10^-20 requests that is 3.29 x 10^36
        // each, past a decimal's largest value, 2^96 - 1.
        let (s, problems) = Scenario::from_link(
            "requests=0.00000000000000000001&ddb_storage_gb=1000000000000\
             &p.ddb_storage_gb_month=1000000",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let v = View::new(&s);
        let storage = v.breakdown.iter().find(|b| b.dominant).unwrap();
        assert_eq!(
            storage.per_request,
            "over $79,228,162,514,264,337,593,543,950,335.00"
        );
    }

    #[test]
    fn rows_with_more_steps_than_a_decimal_holds_are_cut_and_said_so() {
        // (10,000,000 - 10^-28) / 10^-28 is about 10^35 steps, past a
        // decimal's 7.9 x 10^28 and a u64's 18,446,744,073,709,551,615.
        let (s, problems) = Scenario::from_link(
            "rows=0.0000000000000000000000000001:10000000:0.0000000000000000000000000001",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let v = View::new(&s);
        assert_eq!(v.table.len(), 1000);
        assert_eq!(
            v.rows_note.as_deref(),
            Some(
                "rows stands for more than 18,446,744,073,709,551,615 values; \
                 the table shows the first 1,000."
            )
        );
    }

    #[test]
    fn the_chart_uses_whole_units() {
        let c = View::new(&Scenario::default()).chart;
        assert!(!c.path.contains('.') && !c.area.contains('.'));
        assert!(c.area.ends_with('Z'));
        // x to twice the most that fits, 2 x 139.98 = 279.98; 279.98 / 6 =
        // 46.7: a step of 50.
        let xs: Vec<&str> = c.x_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(xs, ["0", "50", "100", "150", "200", "250"]);
        assert_eq!(c.x_ticks[0].0, MARGIN.0);
        // y from 7 / (279.98 x 0.0000166667 + 0.0000002) = 1,500 at the right
        // to 7 / (4.37 x 0.0000166667 + 0.0000002) = 95,800 at the left:
        // decades 10^3..10^5.
        let ys: Vec<&str> = c.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(ys, ["1K", "10K", "100K"]);
        // 3,000 on that log axis, plot from y 38 to 268 (230 high):
        // 268 - (log10(3000) - 3) / 2 x 230 = 268 - 0.23856 x 230 = 213.1.
        assert_eq!(c.needed_y, Some(213));
        assert!(c.meet.is_some() && c.current.is_some());
        assert!(c.summary.contains("139.9"));
    }

    #[test]
    fn the_chart_survives_nothing_fitting() {
        // 1,000 GB of storage: $250 a month, over $7.
        let (s, _) = Scenario::from_link("period=month&ddb_storage_gb=1000");
        let c = View::new(&s).chart;
        assert!(c.path.is_empty() && c.area.is_empty());
        assert!(c.summary.contains("no requests"));
    }

    #[test]
    fn compact_counts() {
        assert_eq!(compact_count(1), "1");
        assert_eq!(compact_count(100), "100");
        assert_eq!(compact_count(1000), "1K");
        assert_eq!(compact_count(100_000), "100K");
        assert_eq!(compact_count(10_000_000_000_000_000), "10,000T");
        assert_eq!(compact_count(1500), "1,500");
    }

    #[test]
    fn floor_sig_never_rounds_up() {
        assert_eq!(floor_sig(dec!(139.98772), 4), dec!(139.9));
        assert_eq!(floor_sig(dec!(0.0123456), 3), dec!(0.0123));
        // Whole units are never cut: 99,999.7 shows as 99,999.
        assert_eq!(floor_sig(dec!(99999.7), 2), dec!(99999));
    }
}
