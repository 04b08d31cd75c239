//! The typed scenario of `shared/scenario-v1.md`: every key, its default, its
//! validation, and its text form (the query string of a share link).
//!
//! The same decoder serves the link, the JavaScript API and the command line:
//! each hands over `(key, value)` pairs. A bad value is reported with its key
//! and the default is kept for it; every valid key is kept.

use crate::arith;
use crate::number::{decimal_text, parse_decimal, shorten};
use crate::prices::{self, Dimension};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Month,
}

impl Period {
    pub fn key(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Month => "month",
        }
    }
    /// Hours in the period: a month is 730 hours, AWS's convention.
    pub fn hours(self) -> Decimal {
        match self {
            Period::Day => dec!(24),
            Period::Month => dec!(730),
        }
    }
    pub fn seconds(self) -> Decimal {
        crate::arith::mul(self.hours(), dec!(3600))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    X86_64,
    Arm64,
}

impl Arch {
    pub fn key(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm64 => "arm64",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sfn {
    None,
    Standard,
    Express,
}

impl Sfn {
    pub fn key(self) -> &'static str {
        match self {
            Sfn::None => "none",
            Sfn::Standard => "standard",
            Sfn::Express => "express",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DdbMode {
    OnDemand,
    Provisioned,
}

impl DdbMode {
    pub fn key(self) -> &'static str {
        match self {
            DdbMode::OnDemand => "on_demand",
            DdbMode::Provisioned => "provisioned",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReadMode {
    Eventual,
    Strong,
    Transactional,
}

impl ReadMode {
    pub fn key(self) -> &'static str {
        match self {
            ReadMode::Eventual => "eventual",
            ReadMode::Strong => "strong",
            ReadMode::Transactional => "transactional",
        }
    }
    /// Request units per 4 KB read.
    pub fn units_per_4kb(self) -> Decimal {
        match self {
            ReadMode::Eventual => dec!(0.5),
            ReadMode::Strong => dec!(1),
            ReadMode::Transactional => dec!(2),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WriteMode {
    Standard,
    Transactional,
}

impl WriteMode {
    pub fn key(self) -> &'static str {
        match self {
            WriteMode::Standard => "standard",
            WriteMode::Transactional => "transactional",
        }
    }
    /// Request units per 1 KB written.
    pub fn units_per_kb(self) -> Decimal {
        match self {
            WriteMode::Standard => dec!(1),
            WriteMode::Transactional => dec!(2),
        }
    }
}

/// One part of the `rows` key: a value, or a `start:end:step` range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowPart {
    Value(Decimal),
    Range {
        start: Decimal,
        end: Decimal,
        step: Decimal,
    },
}

/// The GB-s values of the table, as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rows(pub Vec<RowPart>);

/// The most table rows the page and API produce; a longer `rows` is cut
/// here, and the cut is reported.
pub const MAX_ROWS: usize = 1000;

impl Default for Rows {
    fn default() -> Self {
        Rows(vec![
            RowPart::Value(dec!(1)),
            RowPart::Range {
                start: dec!(32),
                end: dec!(256),
                step: dec!(32),
            },
        ])
    }
}

impl Rows {
    /// Parses `1,32:256:32`. Values are GB-s per request, >= 0.
    pub fn parse(text: &str) -> Result<Rows, String> {
        let mut parts = Vec::new();
        if text.trim().is_empty() {
            return Err(
                "is empty; expected numbers or start:end:step ranges, e.g. 1,32:256:32".into(),
            );
        }
        for item in text.split(',') {
            let item = item.trim();
            let part =
                Rows::parse_item(item).map_err(|e| ["\"", &shorten(item), "\"", &e].concat())?;
            parts.push(part);
        }
        Ok(Rows(parts))
    }

    /// One item of `rows`: a value or a range. The error goes after the
    /// quoted item.
    fn parse_item(item: &str) -> Result<RowPart, String> {
        let num = |s: &str| -> Result<Decimal, String> {
            let d = parse_decimal(s).map_err(|e| " ".to_string() + &e)?;
            if d.is_sign_negative() {
                return Err(format!(": {} is negative", s.trim()));
            }
            if d > MAX_PER_REQUEST {
                return Err(format!(": {} is too large", s.trim()));
            }
            Ok(d)
        };
        let mut fields = item.split(':');
        match (fields.next(), fields.next(), fields.next(), fields.next()) {
            (Some(v), None, _, _) => Ok(RowPart::Value(num(v)?)),
            (Some(a), Some(b), Some(c), None) => {
                let (start, end, step) = (num(a)?, num(b)?, num(c)?);
                if step.is_zero() {
                    return Err(": the step must be greater than 0".into());
                }
                if end < start {
                    return Err(": the end is below the start".into());
                }
                Ok(RowPart::Range { start, end, step })
            }
            _ => Err(" is neither a number nor a start:end:step range".into()),
        }
    }

    /// The canonical text: `1,32:256:32`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match *p {
                RowPart::Value(v) => out.push_str(&decimal_text(v)),
                RowPart::Range { start, end, step } => {
                    out.push_str(&decimal_text(start));
                    out.push(':');
                    out.push_str(&decimal_text(end));
                    out.push(':');
                    out.push_str(&decimal_text(step));
                }
            }
        }
        out
    }

    /// How many values the spec stands for, without expanding it.
    pub fn count(&self) -> u128 {
        let mut count = 0u128;
        for p in &self.0 {
            let n = match *p {
                RowPart::Value(_) => 1,
                // A tiny step over a wide range has more steps than a
                // decimal holds: that many is "too many" all the same.
                RowPart::Range { start, end, step } => {
                    match arith::sub(end, start).checked_div(step) {
                        Some(q) => u128::try_from(arith::floor(q).mantissa())
                            .unwrap_or(u128::MAX)
                            .saturating_add(1),
                        None => u128::MAX,
                    }
                }
            };
            count = count.saturating_add(n);
        }
        count
    }

    /// The values, at most `MAX_ROWS` of them.
    pub fn values(&self) -> Vec<Decimal> {
        let mut out = Vec::new();
        for p in &self.0 {
            match *p {
                RowPart::Value(v) => out.push(v),
                RowPart::Range { start, end, step } => {
                    let mut i = Decimal::ZERO;
                    loop {
                        if out.len() >= MAX_ROWS {
                            break;
                        }
                        let v = arith::add(start, arith::mul(step, i));
                        if v > end {
                            break;
                        }
                        out.push(v.normalize());
                        i = arith::add(i, Decimal::ONE);
                    }
                }
            }
            if out.len() >= MAX_ROWS {
                out.truncate(MAX_ROWS);
                break;
            }
        }
        out
    }
}

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

/// The `p.<dimension>` price overrides, in the dimensions' order (the
/// order a link writes them). A sorted `Vec`: there are at most a dozen,
/// and a `BTreeMap`'s node code cost the wasm more than the rest of the
/// link decoder's bookkeeping.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides(Vec<(Dimension, Decimal)>);

impl Overrides {
    /// The override of `d`, if any.
    pub fn get(&self, d: &Dimension) -> Option<&Decimal> {
        self.0.iter().find(|(k, _)| k == d).map(|(_, p)| p)
    }

    /// Sets the override of `d` (replacing an earlier one).
    pub fn insert(&mut self, d: Dimension, price: Decimal) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&d)) {
            Ok(i) => self.0[i].1 = price,
            Err(i) => self.0.insert(i, (d, price)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Each override, in the dimensions' order.
    pub fn iter(&self) -> std::slice::Iter<'_, (Dimension, Decimal)> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a Overrides {
    type Item = &'a (Dimension, Decimal);
    type IntoIter = std::slice::Iter<'a, (Dimension, Decimal)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Every key of scenario v1, with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub budget: Decimal,
    pub period: Period,
    pub requests: Decimal,
    pub region: String,
    pub arch: Arch,
    pub free_tier: bool,
    /// `None`: the newest bundled book, resolved when pricing.
    pub prices: Option<String>,
    pub overrides: Overrides,
    pub gbs: Decimal,
    pub invocations: Decimal,
    pub sfn: Sfn,
    pub sfn_transitions: Decimal,
    pub sfn_express_ms: Decimal,
    pub sfn_express_mb: Decimal,
    pub eb_events: Decimal,
    pub eb_event_kb: Decimal,
    pub ddb_mode: DdbMode,
    pub ddb_reads: Decimal,
    pub ddb_read_kb: Decimal,
    pub ddb_read: ReadMode,
    pub ddb_writes: Decimal,
    pub ddb_write_kb: Decimal,
    pub ddb_write: WriteMode,
    pub ddb_storage_gb: Decimal,
    pub rows: Rows,
    pub embed: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            budget: dec!(7),
            period: Period::Day,
            requests: dec!(3000),
            region: "us-east-1".into(),
            arch: Arch::X86_64,
            free_tier: false,
            prices: None,
            overrides: Overrides::default(),
            gbs: dec!(128),
            invocations: dec!(1),
            sfn: Sfn::None,
            sfn_transitions: dec!(0),
            sfn_express_ms: dec!(0),
            sfn_express_mb: dec!(64),
            eb_events: dec!(0),
            eb_event_kb: dec!(1),
            ddb_mode: DdbMode::OnDemand,
            ddb_reads: dec!(0),
            ddb_read_kb: dec!(4),
            ddb_read: ReadMode::Eventual,
            ddb_writes: dec!(0),
            ddb_write_kb: dec!(1),
            ddb_write: WriteMode::Standard,
            ddb_storage_gb: dec!(0),
            rows: Rows::default(),
            embed: false,
        }
    }
}

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

/// Every key v1 defines, in the order links write them.
pub const KEYS: &[&str] = &[
    "v",
    "budget",
    "period",
    "requests",
    "region",
    "arch",
    "free_tier",
    "prices",
    "gbs",
    "invocations",
    "sfn",
    "sfn_transitions",
    "sfn_express_ms",
    "sfn_express_mb",
    "eb_events",
    "eb_event_kb",
    "ddb_mode",
    "ddb_reads",
    "ddb_read_kb",
    "ddb_read",
    "ddb_writes",
    "ddb_write_kb",
    "ddb_write",
    "ddb_storage_gb",
    "rows",
    "embed",
];

/// How a number must be bounded: at least 0 (above 0 when `positive`)
/// and at most `max`.
#[derive(Clone, Copy)]
struct Bound {
    positive: bool,
    max: Decimal,
}

const PER_REQUEST: Bound = Bound {
    positive: false,
    max: MAX_PER_REQUEST,
};
const SIZE: Bound = Bound {
    positive: true,
    max: MAX_PER_REQUEST,
};

fn number(raw: Raw<'_>, bound: Bound) -> Result<Decimal, String> {
    let text = match raw {
        Raw::Text(t) => t,
        Raw::Bool(_) => return Err("is a boolean; expected a number".into()),
    };
    let d = parse_decimal(text)?;
    let low = if bound.positive {
        d <= Decimal::ZERO
    } else {
        d.is_sign_negative() && !d.is_zero()
    };
    let rule = if low {
        if bound.positive {
            "must be greater than 0".to_string()
        } else {
            "must be 0 or more".to_string()
        }
    } else if d > bound.max {
        "must be at most ".to_string() + &decimal_text(bound.max)
    } else {
        // -0 reads as 0.
        return Ok(if d.is_zero() { Decimal::ZERO } else { d });
    };
    Err(rule + ", not " + &shorten(text.trim()))
}

/// The index in `names` of the raw value.
fn choice(raw: Raw<'_>, names: &[&str]) -> Result<usize, String> {
    let head = match raw {
        Raw::Text(t) => match names.iter().position(|k| *k == t.trim()) {
            Some(i) => return Ok(i),
            None => ["\"", &shorten(t), "\" is not one of "].concat(),
        },
        Raw::Bool(_) => "is a boolean; expected one of ".to_string(),
    };
    Err(head + &names.join(", "))
}

fn flag(raw: Raw<'_>) -> Result<bool, String> {
    match raw {
        Raw::Bool(b) => Ok(b),
        Raw::Text(t) => match t.trim() {
            "1" | "true" => Ok(true),
            "0" | "false" => Ok(false),
            other => Err(["\"", &shorten(other), "\" is not 0 or 1"].concat()),
        },
    }
}

/// How `Scenario::set` reads a key's value, and where it puts it.
#[derive(Clone, Copy)]
enum Slot {
    Number(Bound, fn(&mut Scenario) -> &mut Decimal),
    Flag(fn(&mut Scenario) -> &mut bool),
    /// One of the names; the setter takes the index of the one given.
    Choice(&'static [&'static str], fn(&mut Scenario, usize)),
}

/// The keys that are a plain number, flag or choice, one entry each; the
/// others (`v`, `region`, `prices`, `rows`, `p.` overrides) are read by
/// `Scenario::set_other`.
const SLOTS: &[(&str, Slot)] = &[
    (
        "budget",
        Slot::Number(
            Bound {
                positive: true,
                max: MAX_BUDGET,
            },
            |s| &mut s.budget,
        ),
    ),
    (
        "period",
        Slot::Choice(&["day", "month"], |s, i| {
            s.period = if i == 0 { Period::Day } else { Period::Month }
        }),
    ),
    (
        "requests",
        Slot::Number(
            Bound {
                positive: false,
                max: MAX_REQUESTS,
            },
            |s| &mut s.requests,
        ),
    ),
    (
        "arch",
        Slot::Choice(&["x86_64", "arm64"], |s, i| {
            s.arch = if i == 0 { Arch::X86_64 } else { Arch::Arm64 }
        }),
    ),
    ("free_tier", Slot::Flag(|s| &mut s.free_tier)),
    ("gbs", Slot::Number(PER_REQUEST, |s| &mut s.gbs)),
    (
        "invocations",
        Slot::Number(PER_REQUEST, |s| &mut s.invocations),
    ),
    (
        "sfn",
        Slot::Choice(&["none", "standard", "express"], |s, i| {
            s.sfn = match i {
                0 => Sfn::None,
                1 => Sfn::Standard,
                _ => Sfn::Express,
            }
        }),
    ),
    (
        "sfn_transitions",
        Slot::Number(PER_REQUEST, |s| &mut s.sfn_transitions),
    ),
    (
        "sfn_express_ms",
        Slot::Number(PER_REQUEST, |s| &mut s.sfn_express_ms),
    ),
    (
        "sfn_express_mb",
        Slot::Number(PER_REQUEST, |s| &mut s.sfn_express_mb),
    ),
    ("eb_events", Slot::Number(PER_REQUEST, |s| &mut s.eb_events)),
    ("eb_event_kb", Slot::Number(SIZE, |s| &mut s.eb_event_kb)),
    (
        "ddb_mode",
        Slot::Choice(&["on_demand", "provisioned"], |s, i| {
            s.ddb_mode = if i == 0 {
                DdbMode::OnDemand
            } else {
                DdbMode::Provisioned
            }
        }),
    ),
    ("ddb_reads", Slot::Number(PER_REQUEST, |s| &mut s.ddb_reads)),
    ("ddb_read_kb", Slot::Number(SIZE, |s| &mut s.ddb_read_kb)),
    (
        "ddb_read",
        Slot::Choice(&["eventual", "strong", "transactional"], |s, i| {
            s.ddb_read = match i {
                0 => ReadMode::Eventual,
                1 => ReadMode::Strong,
                _ => ReadMode::Transactional,
            }
        }),
    ),
    (
        "ddb_writes",
        Slot::Number(PER_REQUEST, |s| &mut s.ddb_writes),
    ),
    ("ddb_write_kb", Slot::Number(SIZE, |s| &mut s.ddb_write_kb)),
    (
        "ddb_write",
        Slot::Choice(&["standard", "transactional"], |s, i| {
            s.ddb_write = if i == 0 {
                WriteMode::Standard
            } else {
                WriteMode::Transactional
            }
        }),
    ),
    (
        "ddb_storage_gb",
        Slot::Number(
            Bound {
                positive: false,
                max: MAX_STORAGE_GB,
            },
            |s| &mut s.ddb_storage_gb,
        ),
    ),
    ("embed", Slot::Flag(|s| &mut s.embed)),
];

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
        match SLOTS.iter().find(|(k, _)| *k == key) {
            Some((_, Slot::Number(bound, at))) => *at(self) = number(raw, *bound)?,
            Some((_, Slot::Flag(at))) => *at(self) = flag(raw)?,
            Some((_, Slot::Choice(names, set))) => {
                let i = choice(raw, names)?;
                set(self, i)
            }
            None => self.set_other(key, raw)?,
        }
        Ok(())
    }

    /// The keys whose values are not a plain number, choice or flag.
    fn set_other(&mut self, key: &str, raw: Raw<'_>) -> Result<(), String> {
        let text = match raw {
            Raw::Text(t) => t,
            Raw::Bool(_) => {
                return Err(match key {
                    "v" => "is a boolean; expected 1",
                    "region" => "is a boolean; expected a region code",
                    "prices" => "is a boolean; expected a price-book id",
                    "rows" => "is a boolean; expected a list such as 1,32:256:32",
                    _ => return self.set_price(key, raw),
                }
                .into())
            }
        };
        let t = text.trim();
        match key {
            "v" => {
                if t != "1" {
                    return Err([
                        "version \"",
                        &shorten(text),
                        "\" is not supported; this Backcast reads v=1",
                    ]
                    .concat());
                }
            }
            "region" => {
                if !prices::REGIONS.iter().any(|(c, _)| *c == t) {
                    return Err([
                        "\"",
                        &shorten(t),
                        "\" is not a region Backcast has prices for (e.g. us-east-1, eu-west-1)",
                    ]
                    .concat());
                }
                self.region = t.to_string();
            }
            "prices" => {
                if prices::book(t).is_none() {
                    let mut ids = String::new();
                    for (i, b) in prices::BOOKS.iter().enumerate() {
                        if i > 0 {
                            ids.push_str(", ");
                        }
                        ids.push_str(b.id);
                    }
                    return Err([
                        "price book \"",
                        &shorten(t),
                        "\" is not bundled; bundled: ",
                        &ids,
                    ]
                    .concat());
                }
                self.prices = Some(t.to_string());
            }
            "rows" => self.rows = Rows::parse(text)?,
            _ => return self.set_price(key, raw),
        }
        Ok(())
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
        let price = number(
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
        let num = |x: Decimal| Some(decimal_text(x));
        let flag = |b: bool| Some(if b { "1" } else { "0" }.to_string());
        match key {
            "v" => Some("1".into()),
            "budget" => num(self.budget),
            "period" => Some(self.period.key().into()),
            "requests" => num(self.requests),
            "region" => Some(self.region.clone()),
            "arch" => Some(self.arch.key().into()),
            "free_tier" => flag(self.free_tier),
            "prices" => Some(self.book_id().to_string()),
            "gbs" => num(self.gbs),
            "invocations" => num(self.invocations),
            "sfn" => Some(self.sfn.key().into()),
            "sfn_transitions" => num(self.sfn_transitions),
            "sfn_express_ms" => num(self.sfn_express_ms),
            "sfn_express_mb" => num(self.sfn_express_mb),
            "eb_events" => num(self.eb_events),
            "eb_event_kb" => num(self.eb_event_kb),
            "ddb_mode" => Some(self.ddb_mode.key().into()),
            "ddb_reads" => num(self.ddb_reads),
            "ddb_read_kb" => num(self.ddb_read_kb),
            "ddb_read" => Some(self.ddb_read.key().into()),
            "ddb_writes" => num(self.ddb_writes),
            "ddb_write_kb" => num(self.ddb_write_kb),
            "ddb_write" => Some(self.ddb_write.key().into()),
            "ddb_storage_gb" => num(self.ddb_storage_gb),
            "rows" => Some(self.rows.text()),
            "embed" => flag(self.embed),
            _ => {
                let dim = Dimension::from_key(key.strip_prefix("p.")?)?;
                self.overrides.get(&dim).and_then(|p| num(*p))
            }
        }
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
            let keep = match k {
                "v" => false,
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
