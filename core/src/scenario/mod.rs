//! The typed scenario of `docs/scenario-v1.md`: every key, its default, its
//! validation, and its text form (the query string of a share link).
//! The keys themselves are declared once, in `keys.rs`.
//!
//! The same decoder serves the link, the JavaScript API and the command line:
//! each hands over `(key, value)` pairs. A bad value is reported with its key
//! and the default is kept for it; every valid key is kept.

mod functions;
mod keys;
mod overrides;
mod rows;
mod value;

pub use functions::{Function, Functions, MAX_FUNCTIONS};
pub use keys::{
    spec, typical, ApiGw, Arch, Choice, DdbMode, LogClass, Period, Queue, ReadMode, Scenario, Sfn,
    Spec, WriteMode, KEYS, SPECS,
};
pub use overrides::Overrides;
pub use rows::{RowPart, Rows, MAX_ROWS};
pub use value::{Bound, Rule};

use crate::number::{decimal_text, shorten};
use crate::prices::{self, Dimension};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::fmt;

/// The largest budget accepted, USD per period.
pub const MAX_BUDGET: Decimal = dec!(1000000000000);
/// The largest `requests` accepted, per period.
pub const MAX_REQUESTS: Decimal = dec!(1000000000000000);
/// The largest per-request quantity (GB-s, counts, ms, MB, KB) accepted.
pub const MAX_PER_REQUEST: Decimal = dec!(10000000);
/// The largest unit price override, USD.
pub const MAX_PRICE: Decimal = dec!(1000000);
/// The largest table storage, GB.
pub const MAX_STORAGE_GB: Decimal = dec!(1000000000000);

/// A problem with one key: shown next to its field, in the link notice, and
/// in the API's and command line's error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// All problems in one message: `budget: must be greater than 0; gbs: …`.
pub fn problems_message(problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&p.key);
        out.push_str(": ");
        out.push_str(&p.message);
    }
    out
}

/// The most problems listed for one link or API call; a junk link of
/// 100 KB names the first ones and counts the rest in one last problem.
pub const MAX_PROBLEMS: usize = 50;

/// A raw value for a key: text (from a link, or a JS number or string) or a
/// JavaScript boolean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Raw<'a> {
    Text(&'a str),
    Bool(bool),
}

/// What `Scenario::from_pairs` has read so far. Its work is here, apart
/// from the generic loop, so each caller's copy of that loop is small.
#[derive(Default)]
struct Reader {
    s: Scenario,
    problems: Vec<Problem>,
    seen: Vec<String>,
}

impl Reader {
    fn read(&mut self, key: &str, raw: Raw<'_>) {
        if self.seen.iter().any(|k| k == key) {
            self.problems.push(Problem {
                key: shorten(key),
                message: "is given more than once; the last value is used".into(),
            });
        } else if self.seen.len() < 200 {
            self.seen.push(key.to_string());
        }
        if let Err(message) = self.s.set(key, raw) {
            self.problems.push(Problem {
                key: shorten(key),
                message,
            });
        }
    }

    fn finish(self) -> (Scenario, Vec<Problem>) {
        let mut problems = self.problems;
        problems.dedup();
        if problems.len() > MAX_PROBLEMS {
            let more = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            problems.push(Problem {
                key: "…".into(),
                message: format!("and {more} more problems not listed"),
            });
        }
        (self.s, problems)
    }
}

impl Scenario {
    /// Reads `(key, value)` pairs. Returns the scenario with every valid key
    /// applied and defaults elsewhere, and one problem per bad key.
    pub fn from_pairs<'a, I>(pairs: I) -> (Scenario, Vec<Problem>)
    where
        I: IntoIterator<Item = (&'a str, Raw<'a>)>,
    {
        let mut r = Reader::default();
        for (key, raw) in pairs {
            r.read(key, raw);
        }
        r.finish()
    }

    /// Reads a share link, a `?query`, or a bare query string.
    pub fn from_link(link: &str) -> (Scenario, Vec<Problem>) {
        let query = query_part(link);
        let mut pairs = Vec::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            if !k.is_empty() {
                pairs.push((k, v));
            }
        }
        Scenario::from_pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.as_ref(), Raw::Text(v.as_ref()))),
        )
    }

    /// Sets one key from its raw value; on error nothing changes.
    pub fn set(&mut self, key: &str, raw: Raw<'_>) -> Result<(), String> {
        if let Some(done) = self.set_declared(key, raw) {
            return done;
        }
        if key == "v" {
            return match raw {
                Raw::Text(t) if t.trim() == "1" => Ok(()),
                Raw::Text(t) => Err([
                    "version \"",
                    &shorten(t),
                    "\" is not supported; this Backcast reads v=1",
                ]
                .concat()),
                Raw::Bool(_) => Err("is a boolean; expected 1".into()),
            };
        }
        self.set_price(key, raw)
    }

    /// A `p.<dimension>` price override; any other key is unknown.
    fn set_price(&mut self, key: &str, raw: Raw<'_>) -> Result<(), String> {
        let Some(dim) = key.strip_prefix("p.") else {
            return Err("is not a key Backcast knows (scenario v1)".into());
        };
        let d = Dimension::from_key(dim).ok_or_else(|| {
            let mut known = "is not a price dimension; known: ".to_string();
            for (i, d) in Dimension::ALL.iter().enumerate() {
                if i > 0 {
                    known.push_str(", ");
                }
                known.push_str(d.key());
            }
            known
        })?;
        let price = value::number(
            raw,
            Bound {
                positive: false,
                max: MAX_PRICE,
            },
        )?;
        self.overrides.insert(d, price);
        Ok(())
    }

    /// The price book id in force.
    pub fn book_id(&self) -> &str {
        self.prices.as_deref().unwrap_or(prices::NEWEST)
    }

    /// The canonical text of one key's value, as a link writes it; `None`
    /// for a key v1 does not define. `prices` gives the book in force.
    pub fn get(&self, key: &str) -> Option<String> {
        if let Some(text) = self.get_declared(key) {
            return Some(text);
        }
        if key == "v" {
            return Some("1".into());
        }
        let dim = Dimension::from_key(key.strip_prefix("p.")?)?;
        self.overrides.get(&dim).map(|p| decimal_text(*p))
    }

    /// Every key whose value differs from the default, as `(key, text)`, in
    /// contract order, `p.` overrides right after `prices`. With `pin`, the
    /// price book id is written even when it is the newest, so the link
    /// keeps its prices when newer books ship.
    pub fn to_pairs(&self, pin: bool) -> Vec<(String, String)> {
        let d = Scenario::default();
        let mut out: Vec<(String, String)> = Vec::new();
        for &k in KEYS {
            let v = self.get(k);
            // `v` is never written: its only value is the default.
            let keep = match k {
                "prices" => pin || self.prices.is_some(),
                _ => v != d.get(k),
            };
            if let (true, Some(v)) = (keep, v) {
                out.push((k.to_string(), v));
            }
            if k == "prices" {
                for (dim, price) in &self.overrides {
                    out.push(("p.".to_string() + dim.key(), decimal_text(*price)));
                }
            }
        }
        out
    }

    /// The query string without `?`: `budget=8&period=month`. Empty when
    /// everything is the default (and `pin` is off).
    pub fn to_query(&self, pin: bool) -> String {
        let mut out = String::new();
        for (k, v) in self.to_pairs(pin) {
            if !out.is_empty() {
                out.push('&');
            }
            push_query_text(&mut out, &k);
            out.push('=');
            push_query_text(&mut out, &v);
        }
        out
    }
}

/// Appends `text` form-urlencoded (`form_urlencoded::byte_serialize`: space
/// as `+`, bytes other than `*-._` and ASCII letters and digits as `%XX`),
/// except that `:` and `,` stay readable in `rows`: both are safe in a
/// query. Chunk by chunk, so no `str::replace` ships in the wasm.
fn push_query_text(out: &mut String, text: &str) {
    for chunk in form_urlencoded::byte_serialize(text.as_bytes()) {
        out.push_str(match chunk {
            "%3A" => ":",
            "%2C" => ",",
            other => other,
        });
    }
}

/// A scenario from a link that must be valid (for tests): panics with the
/// problems otherwise.
#[cfg(test)]
pub(crate) fn valid(q: &str) -> Scenario {
    let (s, p) = Scenario::from_link(q);
    assert!(p.is_empty(), "{p:?}");
    s
}

/// The query part of a link: after `?`, before `#`; a bare query is itself.
pub fn query_part(link: &str) -> &str {
    let s = link.trim();
    let s = match s.split_once('?') {
        Some((_, query)) => query,
        // No `?`: a bare query, unless it is a link (`contains("://")`
        // without the substring searcher).
        None if s.as_bytes().windows(3).any(|w| w == b"://") => "",
        None => s,
    };
    s.split_once('#').map_or(s, |(query, _)| query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(q: &str) -> (Scenario, Vec<Problem>) {
        Scenario::from_link(q)
    }

    #[test]
    fn empty_link_is_the_article_default() {
        let (s, p) = link("");
        assert!(p.is_empty());
        assert_eq!(s.budget, dec!(7));
        assert_eq!(s.period, Period::Day);
        assert_eq!(s.requests, dec!(3000));
        assert_eq!(s.gbs, dec!(128));
        assert_eq!(s.rows.values().len(), 9);
        assert_eq!(s.to_query(false), "");
    }

    #[test]
    fn reads_the_articles_link() {
        let (s, p) =
            link("https://example.org/backcast/?budget=7&period=day&p.lambda_gbs=0.00001667#top");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(
            s.overrides.get(&Dimension::LambdaGbs),
            Some(&dec!(0.00001667))
        );
        // Defaults are left out of the link it writes.
        assert_eq!(s.to_query(false), "p.lambda_gbs=0.00001667");
    }

    #[test]
    fn bad_values_are_named_and_the_rest_kept() {
        let (s, p) =
            link("?budget=-3&gbs=64&period=week&wat=1&p.nope=1&rows=1,5:2:1&free_tier=yes");
        let keys: Vec<&str> = p.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            ["budget", "period", "wat", "p.nope", "rows", "free_tier"]
        );
        assert!(p[0].message.contains("greater than 0"), "{}", p[0].message);
        assert!(p[1].message.contains("day, month"));
        assert!(p[2].message.contains("not a key"));
        assert!(p[4].message.contains("end is below the start"));
        // The valid key is kept, the bad ones keep their defaults.
        assert_eq!(s.gbs, dec!(64));
        assert_eq!(s.budget, dec!(7));
        assert_eq!(s.period, Period::Day);
    }

    #[test]
    fn each_key_rejects_its_bad_values() {
        let cases: &[(&str, &str, &str)] = &[
            ("v", "2", "not supported"),
            ("budget", "0", "greater than 0"),
            ("budget", "abc", "not a number"),
            ("budget", "1e13", "at most"),
            ("budget", "1e308", "too large"),
            ("requests", "-1", "0 or more"),
            ("region", "mars-1", "not a region"),
            ("arch", "arm", "x86_64, arm64"),
            ("prices", "1999-01", "not bundled"),
            ("p.lambda_gbs", "-1", "0 or more"),
            ("gbs", "", "empty"),
            ("invocations", "1e9", "at most"),
            ("sfn", "fast", "none, standard, express"),
            ("eb_event_kb", "0", "greater than 0"),
            ("ddb_mode", "auto", "on_demand, provisioned"),
            ("ddb_read", "weak", "eventual, strong, transactional"),
            ("ddb_write", "x", "standard, transactional"),
            ("ddb_read_kb", "0", "greater than 0"),
            ("ddb_storage_gb", "-5", "0 or more"),
            ("rows", "1:10:0", "step must be greater than 0"),
            ("rows", "a", "not a number"),
            ("rows", "1:2", "neither"),
            ("embed", "2", "not 0 or 1"),
        ];
        for (key, value, want) in cases {
            let mut s = Scenario::default();
            let err = s.set(key, Raw::Text(value)).unwrap_err();
            assert!(err.contains(want), "{key}={value}: {err}");
            assert_eq!(s, Scenario::default(), "{key}={value} changed the scenario");
        }
    }

    #[test]
    fn javascript_booleans_only_for_flags() {
        let (s, p) =
            Scenario::from_pairs([("free_tier", Raw::Bool(true)), ("budget", Raw::Bool(true))]);
        assert!(s.free_tier);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].key, "budget");
    }

    #[test]
    fn repeated_keys_are_reported() {
        let (s, p) = link("budget=5&budget=6");
        assert_eq!(s.budget, dec!(6));
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("more than once"));
    }

    #[test]
    fn pinned_link_names_the_book() {
        let s = Scenario::default();
        assert_eq!(s.to_query(true), format!("prices={}", prices::NEWEST));
    }

    #[test]
    fn rows_parse_count_and_cap() {
        let r = Rows::parse("1, 32:256:32").unwrap();
        assert_eq!(r, Rows::default());
        assert_eq!(r.text(), "1,32:256:32");
        let vals: Vec<String> = r.values().iter().map(|v| v.to_string()).collect();
        assert_eq!(
            vals,
            ["1", "32", "64", "96", "128", "160", "192", "224", "256"]
        );
        let huge = Rows::parse("0:10000000:0.001").unwrap();
        assert_eq!(huge.count(), 10_000_000_001);
        assert_eq!(huge.values().len(), MAX_ROWS);
        let frac = Rows::parse("0.5:1.5:0.25").unwrap();
        let vals: Vec<String> = frac.values().iter().map(|v| v.to_string()).collect();
        assert_eq!(vals, ["0.5", "0.75", "1", "1.25", "1.5"]);
    }

    #[test]
    fn huge_and_truncated_links_keep_what_is_valid() {
        // Truncated mid-key and mid-value: the whole keys are kept.
        let (s, p) = link("?budget=9&gbs=64&peri");
        assert_eq!((s.budget, s.gbs), (dec!(9), dec!(64)));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].key, "peri");
        let (s, p) = link("?budget=9&gbs=");
        assert_eq!(s.budget, dec!(9));
        assert_eq!(p[0].key, "gbs");
        assert!(p[0].message.contains("empty"));
        // Broken escapes are read literally and reported, never a panic.
        let (s, p) = link("?budget=%&gbs=6%4&period=%zz&%=1&rows=%E0%A4%A&budget2=%FF");
        assert_eq!(s, Scenario::default());
        let keys: Vec<&str> = p.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["budget", "gbs", "period", "%", "rows", "budget2"]);
        // 100 KB of junk parses; problems are capped.
        let junk: String = (0..20_000).map(|i| format!("k{i}=%&")).collect();
        assert!(junk.len() > 100_000);
        let (s, p) = link(&format!("?budget=8&{junk}gbs=32"));
        assert_eq!((s.budget, s.gbs), (dec!(8), dec!(32)));
        assert_eq!(p.len(), MAX_PROBLEMS + 1);
        assert_eq!(p[0].key, "k0");
        // 20,000 unknown keys: 50 listed, 19,950 counted.
        assert_eq!(
            p[MAX_PROBLEMS].message,
            "and 19950 more problems not listed"
        );
        // One huge value, and one huge key.
        let big = "9".repeat(100_000);
        let (s, p) = link(&format!("?budget={big}&gbs=1"));
        assert_eq!(s.gbs, dec!(1));
        assert!(p[0].message.contains("too large"), "{}", p[0].message);
        assert!(p[0].message.len() < 200);
        let (_, p) = link(&format!("?{big}=1"));
        assert!(p[0].key.chars().count() <= 41);
        // A huge list of rows: kept, and the table stops at MAX_ROWS.
        let rows: String = (0..30_000).map(|i| format!("{},", i % 500)).collect();
        let (s, p) = link(&format!("?rows={}", rows.trim_end_matches(',')));
        assert!(p.is_empty());
        assert_eq!(s.rows.values().len(), MAX_ROWS);
        // The same junk as separators only.
        let (s, p) = link(&"&".repeat(100_000));
        assert!(p.is_empty());
        assert_eq!(s, Scenario::default());
    }

    #[test]
    fn query_part_finds_the_query() {
        assert_eq!(query_part("https://x.org/a/?budget=1#f"), "budget=1");
        assert_eq!(query_part("?budget=1"), "budget=1");
        assert_eq!(query_part("budget=1"), "budget=1");
        assert_eq!(query_part("https://x.org/a/"), "");
    }

    #[test]
    fn query_text_is_form_urlencoded_with_readable_rows() {
        // The reference: form_urlencoded's serializer, then `:` and `,`
        // put back.
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [every_ascii.as_str(), "1,32:256:32", "a b+c", "é💸%3A", ""] {
            let want: String = form_urlencoded::byte_serialize(text.as_bytes())
                .collect::<String>()
                .replace("%3A", ":")
                .replace("%2C", ",");
            let mut got = String::new();
            push_query_text(&mut got, text);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn overrides_keep_the_dimensions_order_and_the_last_price() {
        let mut o = Overrides::default();
        assert!(o.is_empty());
        o.insert(Dimension::EbEvent, dec!(0.000002));
        o.insert(Dimension::LambdaGbs, dec!(0.00001667));
        o.insert(Dimension::EbEvent, dec!(0.000001));
        assert_eq!(o.len(), 2);
        assert!(!o.is_empty());
        let order: Vec<_> = o.iter().map(|(d, _)| *d).collect();
        assert_eq!(order, [Dimension::LambdaGbs, Dimension::EbEvent]);
        assert_eq!(o.get(&Dimension::EbEvent), Some(&dec!(0.000001)));
        assert_eq!(o.get(&Dimension::DdbRru), None);
        // A link writes them in that order, whatever order it was given.
        let (s, problems) = Scenario::from_link("p.eb_event=0.000001&p.lambda_gbs=0.00001667");
        assert!(problems.is_empty());
        assert_eq!(
            s.to_query(false),
            "p.lambda_gbs=0.00001667&p.eb_event=0.000001"
        );
    }
}
