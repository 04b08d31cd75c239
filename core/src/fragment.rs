//! What a link may carry after `#`, beside the scenario in its query
//! (docs/scenario-v1.md, "The fragment"): plan B of a comparison, and a
//! summary of actual spend that someone chose to share. The query's keys
//! keep their meaning; a link without a fragment is a single plan, as it
//! always was. Browsers never send the fragment to the server that serves
//! the page.
//!
//! - `b` (no value needed) marks a comparison; `b.<key>` is plan B's value
//!   of scenario key `<key>` (any v1 key, same meaning and same codec).
//!   Plan B starts from the defaults, as a query does.
//! - `tuning`: Lambda Power Tuning measurements, `MB:ms[:USD]` per memory
//!   size, comma-separated (`512:300000.4,1024:140500.2`), exact as
//!   pasted; `crate::tuning::parse` reads it.
//! - `actual.from`, `actual.to` (dates), `actual.days` or `actual.months`
//!   (the period covered), `actual.<service>` (the average spend per day,
//!   or per month with `actual.months`, of each service:
//!   [`Service::id`]), `actual.other` (what the file mapped to no
//!   service), `actual.tax`, `actual.credits`. USD, rounded up to 4
//!   decimal places, so a summary never shows less than the file.
//!
//! Anything else is reported and ignored; nothing here panics.

use crate::actual::{Actual, Date, Format, Service};
use crate::arith::Sat;
use crate::scenario::{Problem, Raw, Scenario};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

/// A parsed fragment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragment {
    /// Plan B's `(key, value)` pairs (without `b.`), when the link holds a
    /// comparison.
    pub b: Option<Vec<(String, String)>>,
    /// The shared summary's `(key, value)` pairs (without `actual.`).
    pub actual: Vec<(String, String)>,
    /// Power Tuning measurements (`tuning`).
    pub tuning: Option<String>,
    /// Keys this version does not know.
    pub unknown: Vec<String>,
}

impl Fragment {
    /// Reads `#…` (the leading `#` is optional).
    pub fn parse(hash: &str) -> Fragment {
        let text = hash.strip_prefix('#').unwrap_or(hash);
        let mut f = Fragment::default();
        for (k, v) in form_urlencoded::parse(text.as_bytes()) {
            if k == "b" {
                f.b.get_or_insert_with(Vec::new);
            } else if let Some(key) = k.strip_prefix("b.") {
                f.b.get_or_insert_with(Vec::new)
                    .push((key.to_string(), v.into_owned()));
            } else if k == "tuning" {
                f.tuning = Some(v.into_owned());
            } else if let Some(key) = k.strip_prefix("actual.") {
                f.actual.push((key.to_string(), v.into_owned()));
            } else if !k.is_empty() {
                f.unknown.push(k.into_owned());
            }
        }
        f
    }

    /// Plan B (with the problems of its keys, named `b.<key>`), when the
    /// link holds a comparison.
    pub fn plan_b(&self) -> Option<(Scenario, Vec<Problem>)> {
        let pairs = self.b.as_ref()?;
        let (s, mut problems) = Scenario::from_pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.as_str(), Raw::Text(v.as_str()))),
        );
        for p in &mut problems {
            p.key = format!("b.{}", p.key);
        }
        Some((s, problems))
    }

    /// Plan B becomes `b` (its keys that differ from the defaults), or
    /// none.
    pub fn set_b(&mut self, b: Option<&Scenario>) {
        self.b = b.map(|b| {
            form_urlencoded::parse(b.to_query(false).as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        });
    }

    /// `#…` for these parts (unknown keys are dropped), or "" when there
    /// are none: plan B, then the tuning, then the summary.
    pub fn hash(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(b) = &self.b {
            out.append_key_only("b");
            for (k, v) in b {
                out.append_pair(&format!("b.{k}"), v);
            }
        }
        if let Some(t) = &self.tuning {
            out.append_pair("tuning", t);
        }
        for (k, v) in &self.actual {
            out.append_pair(&format!("actual.{k}"), v);
        }
        // `:` and `,` stay as they are, as in the query (docs/scenario-v1.md,
        // "Order of keys in written links"), so `fns` and `tuning` read as typed.
        let text = out.finish().replace("%3A", ":").replace("%2C", ",");
        if text.is_empty() {
            text
        } else {
            format!("#{text}")
        }
    }
}

fn up4(d: Decimal) -> String {
    d.round_dp_with_strategy(4, RoundingStrategy::ToPositiveInfinity)
        .normalize()
        .to_string()
}

/// The summary of `a` to share: the period covered and each average (per
/// month for a monthly file, else per day). `None` when the file covers
/// no dated period.
pub fn summary(a: &Actual) -> Option<Vec<(String, String)>> {
    let monthly = a.monthly && a.months > 0;
    let avg = if monthly {
        a.per_month()?
    } else {
        if a.days == 0 {
            return None;
        }
        a.per_day()?
    };
    let mut out = Vec::new();
    if let (Some(f), Some(t)) = (a.first_day, a.last_day) {
        out.push(("from".into(), f.to_string()));
        out.push(("to".into(), t.to_string()));
    }
    if monthly {
        out.push(("months".into(), a.months.to_string()));
    }
    out.push(("days".into(), a.days.to_string()));
    for s in Service::ALL {
        if let Some(d) = avg.per_service.get(&s) {
            out.push((s.id().into(), up4(*d)));
        }
    }
    let other = avg.unmapped.iter().map(|(_, d)| Sat(*d)).sum::<Sat>().0;
    if !avg.unmapped.is_empty() {
        out.push(("other".into(), up4(other)));
    }
    if !avg.tax.is_zero() {
        out.push(("tax".into(), up4(avg.tax)));
    }
    if !avg.credits.is_zero() {
        out.push(("credits".into(), up4(avg.credits)));
    }
    Some(out)
}

/// The spend a shared summary stands for, as if read from a file of its
/// period: each average times the days (or months) covered. Bad entries
/// are named and left out; no period at all is an error.
pub fn from_summary(pairs: &[(String, String)]) -> Result<(Actual, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut amounts: Vec<(&str, Decimal)> = Vec::new();
    let (mut from, mut to, mut days, mut months) = (None, None, 0u32, 0u32);
    for (k, v) in pairs {
        let bad = |what: &str| format!("actual.{k}: {what}, found {v:?}");
        match k.as_str() {
            "from" | "to" => match Date::parse(v) {
                Some(d) if k == "from" => from = Some(d),
                Some(d) => to = Some(d),
                None => warnings.push(bad("must be a date (YYYY-MM-DD)")),
            },
            "days" | "months" => match v.parse::<u32>() {
                Ok(n) if n > 0 && n <= 100_000 => {
                    if k == "days" {
                        days = n
                    } else {
                        months = n
                    }
                }
                _ => warnings.push(bad("must be a whole number from 1 to 100,000")),
            },
            _ => match crate::number::parse_decimal(v) {
                Ok(d) if d.abs() <= Decimal::from(1_000_000_000u64) => {
                    amounts.push((k.as_str(), d))
                }
                _ => warnings.push(bad("must be an amount in USD")),
            },
        }
    }
    let periods = if months > 0 { months } else { days };
    if periods == 0 {
        return Err("the summary gives no period (actual.days or actual.months)".into());
    }
    let total = |d: Decimal| (Sat(d) * Decimal::from(periods)).0;
    let mut a = Actual {
        format: Format::Summary,
        per_service: BTreeMap::new(),
        unmapped: Vec::new(),
        tax: Decimal::ZERO,
        credits: Decimal::ZERO,
        first_day: from,
        last_day: to,
        days: if days > 0 {
            days
        } else {
            months.saturating_mul(30)
        },
        months,
        monthly: months > 0,
        from_total_row: false,
        currency: Some("USD".into()),
        rows: 0,
        issues: Vec::new(),
    };
    for (k, d) in amounts {
        match k {
            "other" => a.unmapped.push(("Other services".into(), total(d))),
            "tax" => a.tax = total(d),
            "credits" => a.credits = total(d),
            _ => match Service::ALL.iter().find(|s| s.id() == k) {
                Some(s) => {
                    a.per_service.insert(*s, total(d));
                }
                None => warnings.push(format!("actual.{k}: not a service this version knows")),
            },
        }
    }
    Ok((a, warnings))
}
