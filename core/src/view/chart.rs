//! The frontier chart: requests against GB-s, with the needed line.

use super::*;

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

/// A nice tick step for `0..=max` in about `count` steps: 1, 2 or 5
/// times a power of ten, in exact decimal (no float formatting).
pub(crate) fn nice_step(max: Decimal, count: u32) -> Decimal {
    let raw = max / Decimal::from(count);
    if raw <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut pow = Decimal::ONE;
    while raw >= (Sat(pow) * Decimal::TEN).0 {
        pow = (Sat(pow) * Decimal::TEN).0;
    }
    while raw < pow && pow > dec!(0.000000001) {
        pow = (Sat(pow) / Decimal::TEN).0;
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
    (Sat(nice) * pow).0
}

/// A float position as a whole SVG unit (integers format cheaply in wasm).
/// Not inlined: the chart places a dozen of them.
#[inline(never)]
pub(crate) fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round() as i32
    } else {
        0
    }
}

/// Points on the frontier.
const SAMPLES: u64 = 64;

/// The chart's GB-s range, 0 to this: twice the larger of the scenario's
/// GB-s and the most that fits, so both sit well inside the plot; the
/// table's range when neither helps.
pub(crate) fn x_range(s: &Scenario, sol: &Solution) -> Decimal {
    let gbs = crate::cost::request_gbs(s);
    let focus = gbs.max(sol.max_gbs.unwrap_or_default());
    if focus.is_zero() {
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
        (Sat(focus.min(crate::scenario::MAX_PER_REQUEST)) * dec!(2)).0
    }
    .max(dec!(0.001))
    .min(crate::scenario::MAX_PER_REQUEST)
}

/// The frontier: the most requests the budget buys at GB-s from
/// `x_max`/64 to `x_max` (where it buys any), as `(GB-s, requests)`.
pub(crate) fn frontier(s: &Scenario, x_max_d: Decimal) -> Vec<(f64, f64)> {
    let model = Model::new(s);
    let at_zero = model.fixed_cost();
    let mut pts: Vec<(f64, f64)> = Vec::with_capacity(SAMPLES as usize);
    for i in 1..=SAMPLES {
        let g = (Sat(x_max_d) * Decimal::from(i)).0 / Decimal::from(SAMPLES);
        let per_req = model.per.with_gbs(g);
        if let Limit::Count(n) =
            crate::solve::max_requests_from(&model, &per_req, s.budget, at_zero)
        {
            if n > 0 {
                pts.push((to_f64(g), n as f64));
            }
        }
    }
    pts
}

/// The chart's scales in its plot box: GB-s per request linear from 0 to
/// `x_max`, requests log-scaled over the decades around the data.
pub(crate) struct Axes {
    x_max_d: Decimal,
    x_max: f64,
    lo_exp: f64,
    hi_exp: f64,
}

impl Axes {
    /// For GB-s up to `x_max_d` and requests from `y_lo` to `y_hi`.
    pub(crate) fn new(x_max_d: Decimal, y_lo: f64, y_hi: f64) -> Axes {
        let lo_exp = y_lo.log10().floor().max(0.0);
        Axes {
            x_max_d,
            x_max: to_f64(x_max_d),
            lo_exp,
            hi_exp: y_hi.log10().ceil().max(lo_exp + 1.0).min(16.0),
        }
    }

    pub(crate) fn x(&self, x: f64) -> i32 {
        let (ml, mr, _, _) = MARGIN;
        px(f64::from(ml) + x / self.x_max * f64::from(WIDTH - mr - ml))
    }

    pub(crate) fn y(&self, y: f64) -> i32 {
        let (_, _, mt, mb) = MARGIN;
        let ph = f64::from(HEIGHT - mb - mt);
        let t = (y.max(1.0).log10() - self.lo_exp) / (self.hi_exp - self.lo_exp);
        px(f64::from(mt) + ph - t.clamp(0.0, 1.0) * ph)
    }

    /// `(GB-s, requests)` points as an SVG path, in whole pixels (integer
    /// text keeps float formatting out of the wasm).
    pub(crate) fn path(&self, pts: &[(f64, f64)]) -> String {
        let mut path = String::new();
        for (i, (x, y)) in pts.iter().enumerate() {
            path.push_str(&format!(
                "{}{},{}",
                if i == 0 { "M" } else { "L" },
                self.x(*x),
                self.y(*y)
            ));
        }
        path
    }

    /// About six nice GB-s ticks from 0, at most 20.
    pub(crate) fn x_ticks(&self) -> Vec<(i32, String)> {
        let step = nice_step(self.x_max_d, 6);
        let mut ticks = Vec::new();
        let mut t = Decimal::ZERO;
        while t <= self.x_max_d && ticks.len() < 20 {
            ticks.push((self.x(to_f64(t)), format_sig(t, 3)));
            t = (Sat(t) + step).0;
        }
        ticks
    }

    /// Powers of ten, at most about seven.
    pub(crate) fn y_ticks(&self) -> Vec<(i32, String)> {
        let (lo, hi) = (self.lo_exp as u32, self.hi_exp as u32);
        let stride = (hi - lo) / 6 + 1;
        let mut ticks = Vec::new();
        let mut e = lo;
        while e <= hi {
            let v = 10u64.saturating_pow(e);
            ticks.push((self.y(v as f64), compact_count(v)));
            e += stride;
        }
        ticks
    }
}

/// Grid lines at the y ticks and tick marks at the x ticks, one path.
pub(crate) fn grid(x_ticks: &[(i32, String)], y_ticks: &[(i32, String)]) -> String {
    let (ml, mr, _, mb) = MARGIN;
    let (left, right, bottom) = (ml, WIDTH - mr, HEIGHT - mb);
    let mut grid = String::new();
    for (y, _) in y_ticks {
        grid.push_str(&format!("M{left},{y}H{right}"));
    }
    for (x, _) in x_ticks {
        grid.push_str(&format!("M{x},{bottom}v5"));
    }
    grid
}

pub(super) fn chart(s: &Scenario, sol: &Solution, texts: &Texts) -> Chart {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    let gbs = crate::cost::request_gbs(s);
    let x_max_d = x_range(s, sol);
    let x_max = to_f64(x_max_d);
    let samples = SAMPLES;
    let pts = frontier(s, x_max_d);
    let needed = to_f64(s.requests);
    let y_hi_data = pts.iter().map(|p| p.1).fold(needed.max(10.0), f64::max);
    let y_lo_data = pts.iter().map(|p| p.1).fold(needed.max(1.0), f64::min);
    let axes = Axes::new(x_max_d, y_lo_data, y_hi_data);
    let sx = |x: f64| axes.x(x);
    let sy = |y: f64| axes.y(y);
    let path = axes.path(&pts);
    let area = match (pts.first(), pts.last()) {
        (Some(first), Some(last)) => {
            format!("{path}L{},{bottom}L{},{bottom}Z", sx(last.0), sx(first.0))
        }
        _ => String::new(),
    };
    let (x_ticks, y_ticks) = (axes.x_ticks(), axes.y_ticks());
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
    let gbs_text = format_sig(gbs, 4);
    let current = needed_y.map(|y| (sx(to_f64(gbs)), y, format!("you: {gbs_text} GB-s")));
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
    Chart {
        grid: grid(&x_ticks, &y_ticks),
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
    fn nice_steps_are_1_2_or_5_times_a_power_of_ten() {
        // About 10 steps: 250/10 = 25 → 50; 0.5/10 = 0.05 → 0.05;
        // 7/10 = 0.7 → 1; 1,000/10 = 100 → 100.
        assert_eq!(nice_step(dec!(250), 10), dec!(50));
        assert_eq!(nice_step(dec!(0.5), 10), dec!(0.05));
        assert_eq!(nice_step(dec!(0.12), 4), dec!(0.05));
        assert_eq!(nice_step(dec!(7), 10), dec!(1));
        assert_eq!(nice_step(dec!(1000), 10), dec!(100));
        // Steps stop at 10^-9: 10^-9/10 is a tenth of it, so 10^-9.
        assert_eq!(nice_step(dec!(0.000000001), 10), dec!(0.000000001));
        assert_eq!(nice_step(Decimal::ZERO, 10), Decimal::ONE);
    }

    #[test]
    fn without_gbs_the_chart_spans_the_tables_largest_value() {
        // No GB-s and no answer (0 requests): the table's range, 1 to
        // 256 by default, so the chart goes to 256 GB-s; 64 alone: 64.
        for (link, want) in [
            ("requests=0&gbs=0", dec!(256)),
            ("requests=0&gbs=0&rows=64,8", dec!(64)),
        ] {
            let (s, _) = Scenario::from_link(link);
            assert_eq!(x_range(&s, &solve(&s)), want, "{link}");
        }
        // With GB-s: twice the larger of 128 and the most that fits
        // (139.98...): 279.97...
        let s = Scenario::default();
        let x = x_range(&s, &solve(&s));
        assert!(x > dec!(279.9) && x < dec!(280), "{x}");
    }

    #[test]
    fn the_frontier_samples_64_points_up_to_the_range() {
        // Default plan to 128 GB-s: points at 2, 4, ..., 128 GB-s. At 2
        // GB-s a request costs $0.0000002 + 2 × $0.0000166667 =
        // $0.0000335334: $7 buys 208,747 (208,747.1); at 128 GB-s 3,280.
        let s = Scenario::default();
        let pts = frontier(&s, dec!(128));
        assert_eq!(pts.len(), 64);
        assert_eq!(pts[0], (2.0, 208_747.0));
        assert_eq!(pts[1].0, 4.0);
        assert_eq!(pts[63], (128.0, 3_280.0));
        // $0.00001 a day buys no request at 2 GB-s or more: no point at 0.
        let (tiny, _) = Scenario::from_link("budget=0.00001");
        assert!(frontier(&tiny, dec!(128)).is_empty());
    }
}
