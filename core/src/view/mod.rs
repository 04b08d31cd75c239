//! The view model: everything the page shows, computed and formatted here,
//! so components only lay out strings and flags.

use crate::arith::Sat;
use crate::cost::{Lines, Model};
use crate::form::{self, Group};
use crate::number::{format_count, format_number, format_sig, format_usd, to_f64};
use crate::presets;
use crate::prices;
use crate::scenario::{ApiGw, Arch, Queue, Scenario, Sfn, MAX_ROWS};
use crate::solve::{function_headroom, headroom, rows_for, solve, Knob, Limit, Solution};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

mod breakdown;
mod chart;
mod figures;
mod headroom;
mod table;

use breakdown::per_request;
use breakdown::{breakdown, services};
pub use breakdown::{BreakdownLine, ServiceLine};
use chart::chart;
pub use chart::{compact_count, Chart, HEIGHT, MARGIN, WIDTH};
#[cfg(feature = "tools")]
pub(crate) use chart::{frontier, grid, x_range, Axes};
pub use figures::Figure;
use figures::{figures, verdict};
use headroom::headroom_lines;
pub use headroom::HeadroomLine;
use table::table;
pub use table::TableRow;

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
    /// The service limits the plan breaks, whatever the budget.
    pub limits: Vec<String>,
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

pub(super) fn limit_text(l: Limit) -> String {
    match l {
        Limit::Count(n) => format_count(n),
        Limit::NoneFits => "0".into(),
        Limit::Unlimited => "unlimited".into(),
    }
}

pub(super) fn per(period: &str) -> String {
    format!("per {period}")
}

impl View {
    pub fn new(s: &Scenario) -> View {
        let sol = solve(s);
        let services = services(s, &sol.lines);
        let period = s.period.key();
        // Texts that many lines share, formatted once.
        let t = Texts {
            budget: format_usd(s.budget),
            needed: format_number(s.requests, 2),
            cost: format_usd(sol.cost),
        };
        let (mut verdict, mut verdict_ok) = verdict(s, &sol, &t);
        let limits = crate::limits::check(s).broken;
        if !limits.is_empty() {
            verdict = if verdict_ok {
                format!(
                    "Fits the budget but not the limits: the plan {}.",
                    limits.join("; ")
                )
            } else {
                format!(
                    "{verdict} It also breaks a limit: the plan {}.",
                    limits.join("; ")
                )
            };
            verdict_ok = false;
        }
        View {
            period,
            arch: s.arch.key(),
            verdict,
            verdict_ok,
            limits,
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
            price_note: price_note(s, &sol.lines, &services),
            services,
            total_per_request: per_request(sol.cost, s.requests),
            total_per_period: t.cost.clone(),
            headroom: headroom_lines(s, &sol),
            headroom_note: format!(
                "Holding everything else fixed, the most each request could use while {} requests per {period} still cost at most {}.",
                t.needed, t.budget
            ),
            chart: chart(s, &sol, &t),
            book_notice: book_notice(s),
            budget: t.budget,
            needed: t.needed,
        }
    }
}

pub(super) fn price_note(s: &Scenario, l: &crate::cost::Lines, services: &[ServiceLine]) -> String {
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
    // The rest of the bill has no regional price list here: outside
    // us-east-1 each price is us-east-1's times the region's premium
    // (`crate::around`), and the note names the lines that use one.
    let mut assumed_around: Vec<&str> = Vec::new();
    if crate::around::around_prices(id, &s.region).assumed {
        assumed_around = services
            .iter()
            .map(|x| x.service)
            .filter(|n| !matches!(*n, "Lambda" | "Step Functions" | "EventBridge" | "DynamoDB"))
            .collect();
        if !(l.lambda_ephemeral.is_zero() && l.lambda_provisioned.is_zero()) {
            assumed_around.insert(0, "Lambda ephemeral storage and provisioned concurrency");
        }
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
            note.push_str(if assumed_around.is_empty() {
                " Every price is from AWS's price list."
            } else {
                " Every Lambda, Step Functions, EventBridge and DynamoDB price is from AWS's price list."
            });
        } else {
            note.push_str(" From AWS's price list: ");
            note.push_str(&list(false));
            note.push_str(". Assumed, as no copy of AWS's price for this region was found (never below the evidence): ");
            note.push_str(&list(true));
            note.push('.');
        }
    }
    if !assumed_around.is_empty() {
        note.push_str(" Assumed from us-east-1's prices times this region's premium, as no regional price list for them is bundled: ");
        note.push_str(&assumed_around.join(", "));
        note.push('.');
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
pub(super) struct Texts {
    budget: String,
    needed: String,
    cost: String,
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
        probe = (Sat(probe) / Decimal::TEN).0;
        mag += 1;
    }
    while probe < Decimal::ONE {
        probe = (Sat(probe) * Decimal::TEN).0;
        mag -= 1;
    }
    let dp = (sig as i64 - 1 - mag).clamp(0, 20) as u32;
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::ToZero)
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
        assert_eq!(v.figures[0].label, "Most requests per day");
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
        assert_eq!(v.form.len(), 9);
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
