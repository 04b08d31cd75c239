//! Plan from measured durations: AWS Lambda Power Tuning results
//! (issue 16, item 2).
//!
//! [`parse`] reads what Power Tuning gives: its results link
//! (`https://lambda-power-tuning.show/#<memory>;<durations>;<costs>`, or
//! the fragment alone), or its state machine's output JSON. [`evaluate`]
//! then prices each measured memory size against a scenario with the exact
//! solver of `solve.rs`: GB-s per request, the requests the budget buys,
//! whether the needed requests fit, and the headroom; [`best`] marks the
//! memory size that leaves the most.
//!
//! # The inputs (`docs` of Power Tuning, `/work/shared/pricing.md`)
//!
//! - The link's fragment is three standard base64 strings joined by `;`:
//!   the memory sizes as little-endian Int16, the average durations (ms)
//!   as little-endian Float32, the average costs (USD per invocation) as
//!   little-endian Float32.
//! - The output JSON is `{"results": {"power": "128", "cost": …,
//!   "duration": …, "stateMachine": {"visualization": "<link>", …},
//!   "stats": [{"averagePrice": …, "averageDuration": …, "value": 128},
//!   …]}}`. Also read: the object without the `results` wrapper, `stats`
//!   entries with `duration` and `cost` (and `power` for `value`), numbers
//!   written as strings, a bare `stats` list, and a Step Functions
//!   execution description whose `output` is that JSON as a string.
//!   Without `stats`, the `stateMachine.visualization` link is read; without
//!   either, the one measurement of `power`, `duration` and `cost`.
//!
//! # From floats to decimals
//!
//! A duration that is too low makes a cost that is too low, so durations
//! are never rounded down: each becomes the smallest multiple of 0.001 ms
//! at or above the value given.
//!
//! - A Float32 of the link is taken at its exact binary value (a float32
//!   times 1000 is exact as a float64: 24 significant bits times the 7 of
//!   1000 fit in 53), so 37002.3984375 (the float32 nearest 37002.4)
//!   becomes 37002.399 ms. The float32 itself may sit below the
//!   measurement it encodes by up to half a step of its own: under 0.001 ms
//!   for durations under 32,768 ms, under 0.002 ms up to 65,536 ms. Nothing
//!   in the link says by how much, and billing then rounds up to the next
//!   whole millisecond, so this changes a billed duration only for a
//!   measurement within that half step above a whole millisecond.
//! - A JSON number is decimal text; serde_json reads it as the nearest
//!   float64, whose shortest round-trip form is that text again (for up to
//!   15 significant digits), so `2.9066` is read as 2.9066 and rounded up
//!   to 2.907 ms, and `2.907` stays 2.907 (its float64 is a hair above).
//!   A positive value under 0.001 ms becomes 0.001 ms.
//!
//! Measured costs are only shown, never used to price (the scenario's
//! price book is): each is the shortest decimal of its float, rounded up to
//! a millionth of a millionth of a dollar (12 places).
//!
//! Nothing here panics on any input: a bad measurement is left out with a
//! warning naming it, and `parse` fails only when no measurement is usable.

use crate::arith::Sat;
use crate::cost::Model;
use crate::number::{decimal_text, f64_text, parse_decimal, shorten};
use crate::scenario::{Scenario, MAX_PROBLEMS};
use crate::solve::{max_requests_from, Limit};
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use serde_json::{Map, Value};

/// Lambda's smallest memory size, MB.
pub const MIN_MB: Decimal = dec!(128);
/// Lambda's largest memory size, MB.
pub const MAX_MB: Decimal = dec!(10240);
/// Lambda's timeout, 15 minutes: no invocation is measured longer.
pub const MAX_DURATION_MS: Decimal = dec!(900000);
/// The largest measured cost read, USD per invocation (a 10 GB
/// invocation of 15 minutes costs about $0.15).
pub const MAX_COST_USD: Decimal = dec!(1000);
/// The most measurements kept; Power Tuning measures a handful.
pub const MAX_POINTS: usize = 1000;
/// The longest input read, bytes (an output JSON is a few KB).
pub const MAX_INPUT_BYTES: usize = 1_000_000;

/// Decimal places kept of a duration (ms) and of a cost (USD).
const DURATION_DP: u32 = 3;
const COST_DP: u32 = 12;

/// One measured memory size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// A whole number of MB, 128 to 10,240.
    pub memory_mb: Decimal,
    /// The average duration of one invocation, ms, more than 0: rounded up
    /// to 0.001 ms (see the module's notes).
    pub duration_ms: Decimal,
    /// The average cost of one invocation as Power Tuning measured it,
    /// USD; `None` when the input has none (or a bad one).
    pub cost_usd: Option<Decimal>,
}

/// A Power Tuning result: its measurements, sorted by memory, one per
/// memory size.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tuning {
    pub points: Vec<Point>,
    /// The memory size Power Tuning itself picked (`power` in its output),
    /// when the input says.
    pub chosen_mb: Option<Decimal>,
    /// What was wrong with the input and left out, one sentence each (at
    /// most `MAX_PROBLEMS`, then one that counts the rest).
    pub warnings: Vec<String>,
}

/// Reads a Power Tuning results link, its `#` fragment, or its output JSON.
/// `Err` names what is wrong when no measurement is usable; otherwise every
/// usable measurement is kept and the others are named in `warnings`.
pub fn parse(text: &str) -> Result<Tuning, String> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "the input is {} bytes; a Power Tuning result is at most {MAX_INPUT_BYTES}",
            text.len()
        ));
    }
    let t = text.trim().trim_start_matches('\u{feff}').trim();
    if t.is_empty() {
        return Err(
            "the input is empty; paste a Lambda Power Tuning results link \
                    (https://lambda-power-tuning.show/#…) or its output JSON"
                .into(),
        );
    }
    let mut r = Reader::default();
    if t.starts_with(['{', '[']) {
        r.json(t)?;
    } else if t.as_bytes().first().is_some_and(u8::is_ascii_digit) && t.contains(':') {
        r.compact(t);
    } else {
        r.link(t)?;
    }
    r.finish()
}

/// The measurements as a Backcast link keeps them (`#tuning=…`,
/// `crate::fragment`): `MB:ms[:USD]` per memory size, comma-separated,
/// each number exactly as read; [`parse`] reads it back.
pub fn to_text(t: &Tuning) -> String {
    let mut out = String::new();
    for (i, p) in t.points.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "{}:{}",
            decimal_text(p.memory_mb),
            decimal_text(p.duration_ms)
        ));
        if let Some(c) = p.cost_usd {
            out.push_str(&format!(":{}", decimal_text(c)));
        }
    }
    out
}

/// One measurement as read, before it is checked.
struct Raw {
    /// Where it is, for messages: `measurement 3`, `stats entry 3`.
    at: String,
    memory: Result<Decimal, String>,
    duration: Result<Decimal, String>,
    /// `None`: the input has no cost for it (no warning).
    cost: Option<Result<Decimal, String>>,
}

#[derive(Default)]
struct Reader {
    points: Vec<Point>,
    chosen_mb: Option<Decimal>,
    warnings: Vec<String>,
    /// Warnings past `MAX_PROBLEMS`, counted, not kept.
    more: usize,
}

impl Reader {
    /// Keeps the first `MAX_PROBLEMS` warnings (a repeat of the last one
    /// once) and counts the rest.
    fn warn(&mut self, w: String) {
        if self.warnings.last() == Some(&w) {
            return;
        }
        if self.warnings.len() < MAX_PROBLEMS {
            self.warnings.push(w);
        } else {
            self.more += 1;
        }
    }

    /// Checks one measurement: kept when its memory and duration are good
    /// (a bad cost is dropped alone), named in a warning otherwise.
    fn add(&mut self, raw: Raw) {
        let memory = raw.memory.and_then(memory_mb);
        let at = match &memory {
            Ok(mb) => format!("{} ({} MB)", raw.at, decimal_text(*mb)),
            Err(_) => raw.at,
        };
        let (memory, duration) = match (memory, raw.duration) {
            (Ok(m), Ok(d)) => (m, d),
            (Err(e), Ok(_)) | (Ok(_), Err(e)) => {
                self.warn(format!("{at}: {e}; left out"));
                return;
            }
            (Err(e), Err(f)) => {
                self.warn(format!("{at}: {e}, and {f}; left out"));
                return;
            }
        };
        let cost_usd = match raw.cost {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                self.warn(format!("{at}: {e}; its measured cost is not shown"));
                None
            }
        };
        self.points.push(Point {
            memory_mb: memory,
            duration_ms: duration,
            cost_usd,
        });
    }

    /// Sorted by memory, one point per memory size, at most `MAX_POINTS`.
    fn finish(mut self) -> Result<Tuning, String> {
        // Stable: of two measurements of one size, the first given is kept.
        self.points.sort_by_key(|p| p.memory_mb);
        let mut points: Vec<Point> = Vec::with_capacity(self.points.len());
        for p in std::mem::take(&mut self.points) {
            if points.last().is_some_and(|q| q.memory_mb == p.memory_mb) {
                self.warn(format!(
                    "memory {} MB is measured more than once; the first measurement is used",
                    decimal_text(p.memory_mb)
                ));
            } else {
                points.push(p);
            }
        }
        if points.len() > MAX_POINTS {
            self.warn(format!(
                "{} memory sizes; the smallest {MAX_POINTS} are used",
                points.len()
            ));
            points.truncate(MAX_POINTS);
        }
        let mut warnings = self.warnings;
        if self.more > 0 {
            warnings.push(format!("and {} more problems not listed", self.more));
        }
        if points.is_empty() {
            let why = if warnings.is_empty() {
                "the input has no measurements".to_string()
            } else {
                warnings.join("; ")
            };
            return Err(format!("no usable measurement: {why}"));
        }
        Ok(Tuning {
            points,
            chosen_mb: self.chosen_mb,
            warnings,
        })
    }

    /// A results link, or its fragment: `<memory>;<durations>;<costs>`.
    /// `MB:ms[:USD],…` ([`to_text`]).
    fn compact(&mut self, t: &str) {
        for (i, item) in t.split(',').enumerate() {
            let mut parts = item.trim().split(':');
            let num = |x: Option<&str>, what: &str| -> Result<Decimal, String> {
                let x = x
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .ok_or(format!("no {what}"))?;
                crate::number::parse_decimal(x).map_err(|e| format!("{what}: {e}"))
            };
            let memory = num(parts.next(), "memory");
            let duration = num(parts.next(), "duration").and_then(duration_decimal);
            let cost = parts
                .next()
                .map(|c| num(Some(c), "cost").and_then(cost_decimal));
            self.add(Raw {
                at: format!("measurement {}", i + 1),
                memory,
                duration,
                cost,
            });
        }
    }

    fn link(&mut self, t: &str) -> Result<(), String> {
        // A link pasted from JSON or from a page may keep its quotes.
        let t = t.trim_matches(['"', '\'', '<', '>']).trim();
        let fragment = match t.split_once('#') {
            Some((_, f)) => f,
            None if t.contains("://") => {
                return Err(
                    "the link has no # part; a Power Tuning results link ends in \
                            #<memory sizes>;<durations>;<costs>"
                        .into(),
                )
            }
            None => t,
        };
        // Pasted text may be wrapped or percent-encoded.
        let fragment: String = percent_decoded(fragment)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let parts: Vec<&str> = fragment.split(';').collect();
        if parts.len() < 2 {
            return Err(format!(
                "expected three base64 parts separated by ; (memory sizes;durations;costs), \
                 found {}: the input looks truncated",
                parts.len()
            ));
        }
        if parts.len() > 3 {
            self.warn(format!(
                "{} parts separated by ; where Power Tuning writes 3; the parts after the \
                 third are ignored",
                parts.len()
            ));
        }
        let part = |i: usize| parts.get(i).copied().unwrap_or_default();
        let memory: Vec<i16> = self
            .base64_part(part(0), 1, "memory sizes", 2)?
            .chunks_exact(2)
            .filter_map(|c| <[u8; 2]>::try_from(c).ok())
            .map(i16::from_le_bytes)
            .collect();
        let durations: Vec<f32> = self
            .base64_part(part(1), 2, "durations", 4)?
            .chunks_exact(4)
            .filter_map(|c| <[u8; 4]>::try_from(c).ok())
            .map(f32::from_le_bytes)
            .collect();
        let costs: Option<Vec<f32>> = match parts.get(2) {
            None => {
                self.warn("no part 3 (costs): the measured costs are not shown".into());
                None
            }
            Some(p) => match self.base64_part(p, 3, "costs", 4) {
                Ok(bytes) => Some(
                    bytes
                        .chunks_exact(4)
                        .filter_map(|c| <[u8; 4]>::try_from(c).ok())
                        .map(f32::from_le_bytes)
                        .collect(),
                ),
                Err(e) => {
                    self.warn(format!("{e}; the measured costs are not shown"));
                    None
                }
            },
        };
        let n = memory.len().min(durations.len());
        if memory.len() != durations.len() {
            self.warn(format!(
                "{} but {}: only the first {n} are paired",
                count(memory.len(), "memory size", "memory sizes"),
                count(durations.len(), "duration", "durations"),
            ));
        }
        if let Some(c) = &costs {
            if c.len() != memory.len() {
                self.warn(format!(
                    "{} but {}: the measured cost is not shown where it is missing",
                    count(memory.len(), "memory size", "memory sizes"),
                    count(c.len(), "cost", "costs"),
                ));
            }
        }
        for (i, (&mb, &ms)) in memory.iter().zip(&durations).enumerate() {
            let cost = costs.as_ref().and_then(|c| c.get(i)).map(|&c| cost_f32(c));
            self.add(Raw {
                at: format!("measurement {}", i + 1),
                memory: Ok(Decimal::from(mb)),
                duration: duration_f32(ms),
                cost,
            });
        }
        Ok(())
    }

    /// The bytes of one base64 part (`n` of the link, 1 to 3), whole
    /// values of `width` bytes; a part cut short loses its last value
    /// with a warning. `Err` when it is not base64 at all.
    fn base64_part(
        &mut self,
        text: &str,
        n: usize,
        what: &str,
        width: usize,
    ) -> Result<Vec<u8>, String> {
        let name = format!("part {n} ({what})");
        // base64url spellings read as the standard ones.
        let text: String = text
            .trim_end_matches('=')
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        if text.is_empty() {
            return Err(format!("{name} is empty"));
        }
        if let Some((i, c)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '+' || *c == '/'))
        {
            return Err(format!(
                "{name} is not base64: {c:?} at character {} is not a base64 digit",
                i + 1
            ));
        }
        // One character past a whole number of bytes holds no byte.
        let usable = text.len() - usize::from(text.len() % 4 == 1);
        let mut bytes = ENGINE
            .decode(text.get(..usable).unwrap_or_default())
            .map_err(|e| format!("{name} is not base64: {e}"))?;
        let extra = bytes.len() % width;
        if extra != 0 || usable < text.len() {
            self.warn(format!(
                "{name} ends in the middle of a value ({} bytes, {width} per value): the \
                 input looks truncated, and the cut value is left out",
                bytes.len()
            ));
            bytes.truncate(bytes.len() - extra);
        }
        Ok(bytes)
    }

    /// The output JSON of the state machine, in any of the shapes the
    /// module's notes list.
    fn json(&mut self, t: &str) -> Result<(), String> {
        let root: Value = serde_json::from_str(t).map_err(|e| {
            if e.is_eof() {
                format!(
                    "the JSON is truncated (it stops at line {}, column {}): paste the \
                     whole output",
                    e.line(),
                    e.column()
                )
            } else {
                format!("the JSON is not valid: {e}")
            }
        })?;
        self.json_value(&root, true)
    }

    fn json_value(&mut self, root: &Value, outer: bool) -> Result<(), String> {
        let obj = match root {
            Value::Array(stats) => return self.stats(stats),
            Value::Object(o) => o,
            other => {
                return Err(format!(
                    "unknown JSON shape: expected an object with results.stats, found {}",
                    kind(other)
                ))
            }
        };
        // A Step Functions execution description: its output is a string.
        if let (true, Some(Value::String(inner)), None) =
            (outer, obj.get("output"), obj.get("results"))
        {
            let inner: Value = serde_json::from_str(inner)
                .map_err(|e| format!("the execution's output is not JSON: {e}"))?;
            return self.json_value(&inner, false);
        }
        let results = match obj.get("results") {
            Some(Value::Object(r)) => r,
            Some(other) => {
                return Err(format!(
                    "unknown JSON shape: results is {}, expected an object with stats",
                    kind(other)
                ))
            }
            None => obj,
        };
        if let Some(p) = results.get("power") {
            match json_decimal(p).and_then(memory_mb) {
                Ok(mb) => self.chosen_mb = Some(mb),
                Err(e) => self.warn(format!("power (the memory Power Tuning picked): {e}")),
            }
        }
        match results.get("stats") {
            Some(Value::Array(stats)) => self.stats(stats),
            Some(other) => Err(format!(
                "unknown JSON shape: stats is {}, expected a list of \
                 {{value, averageDuration, averagePrice}}",
                kind(other)
            )),
            None => self.without_stats(results),
        }
    }

    /// `results` without `stats`: its visualisation link, or the one
    /// measurement of `power`, `duration` and `cost`.
    fn without_stats(&mut self, results: &Map<String, Value>) -> Result<(), String> {
        let link = results
            .get("stateMachine")
            .and_then(|m| m.get("visualization"))
            .and_then(Value::as_str);
        if let Some(link) = link {
            return self.link(link);
        }
        let duration = field(results, &["averageDuration", "duration"]);
        match (results.get("power"), duration) {
            (Some(power), Some(duration)) => {
                self.add(Raw {
                    at: "the measurement of power".into(),
                    memory: json_decimal(power),
                    duration: json_duration(duration),
                    cost: field(results, &["averagePrice", "cost"]).map(json_cost),
                });
                Ok(())
            }
            _ => {
                let mut keys: Vec<&str> = results.keys().map(String::as_str).take(20).collect();
                keys.sort_unstable();
                Err(format!(
                    "unknown JSON shape: expected results.stats (a list of {{value, \
                     averageDuration, averagePrice}}), or power and duration; found {}",
                    if keys.is_empty() {
                        "no fields".to_string()
                    } else {
                        shorten(&keys.join(", "))
                    }
                ))
            }
        }
    }

    fn stats(&mut self, stats: &[Value]) -> Result<(), String> {
        if stats.is_empty() {
            return Err("stats is an empty list: the output has no measurements".into());
        }
        for (i, entry) in stats.iter().enumerate() {
            let at = format!("stats entry {}", i + 1);
            let Value::Object(e) = entry else {
                self.warn(format!("{at} is {}, not an object; left out", kind(entry)));
                continue;
            };
            let memory = match field(e, &["value", "power"]) {
                Some(v) => json_decimal(v),
                None => Err("no value (the memory size, MB)".into()),
            };
            let duration = match field(e, &["averageDuration", "duration"]) {
                Some(v) => json_duration(v),
                None => Err("no averageDuration or duration (ms)".into()),
            };
            self.add(Raw {
                at,
                memory,
                duration,
                cost: field(e, &["averagePrice", "cost"]).map(json_cost),
            });
        }
        Ok(())
    }
}

/// Standard base64, padding optional, and a last character's spare bits
/// ignored (a link cut in the middle of a group).
const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// `%3B`, `%2B`, `%2F` and `%3D` (either case) as `;`, `+`, `/` and `=`:
/// the characters of a fragment that a copy may have escaped.
fn percent_decoded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('%') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let code = rest.get(i + 1..i + 3).map(str::to_ascii_uppercase);
        let c = match code.as_deref() {
            Some("3B") => Some(';'),
            Some("2B") => Some('+'),
            Some("2F") => Some('/'),
            Some("3D") => Some('='),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = rest.get(i + 3..).unwrap_or_default();
            }
            None => {
                out.push('%');
                rest = rest.get(i + 1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// `6 memory sizes`, `1 duration`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The first of `names` that `obj` has.
fn field<'a>(obj: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| obj.get(*n))
}

/// What a JSON value is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A memory size: a whole number of MB, 128 to 10,240.
fn memory_mb(mb: Decimal) -> Result<Decimal, String> {
    if !mb.fract().is_zero() {
        return Err(format!(
            "memory {} MB is not a whole number",
            decimal_text(mb)
        ));
    }
    if mb < MIN_MB || mb > MAX_MB {
        return Err(format!(
            "memory {} MB is outside Lambda's 128 to 10,240 MB",
            decimal_text(mb)
        ));
    }
    Ok(mb.normalize())
}

/// A duration already in decimal, checked and rounded up to 0.001 ms.
fn duration_decimal(ms: Decimal) -> Result<Decimal, String> {
    if ms.is_sign_negative() && !ms.is_zero() {
        return Err(format!("duration {} ms is negative", decimal_text(ms)));
    }
    if ms.is_zero() {
        return Err("duration 0 ms: a measured invocation takes some time".into());
    }
    if ms > MAX_DURATION_MS {
        return Err(format!(
            "duration {} ms is over Lambda's 15-minute timeout",
            decimal_text(ms)
        ));
    }
    Ok(ms
        .round_dp_with_strategy(DURATION_DP, RoundingStrategy::AwayFromZero)
        .normalize())
}

/// Why a float is not a number of ms or USD, if it is not one.
fn not_finite(x: f64, what: &str) -> Option<String> {
    if x.is_nan() {
        Some(format!("{what} is NaN"))
    } else if x.is_infinite() {
        Some(format!("{what} is infinite"))
    } else {
        None
    }
}

/// A Float32 duration of the link, at its exact value, rounded up to
/// 0.001 ms. `x * 1000` is exact as a float64 (24 + 10 significant bits),
/// and so is its ceiling.
fn duration_f32(x: f32) -> Result<Decimal, String> {
    let wide = f64::from(x);
    if let Some(e) = not_finite(wide, "duration") {
        return Err(e);
    }
    if wide < 0.0 {
        return Err(format!("duration {x} ms is negative"));
    }
    if wide == 0.0 {
        return duration_decimal(Decimal::ZERO);
    }
    if wide > 900_000.0 {
        return Err(format!(
            "duration {x} ms is over Lambda's 15-minute timeout"
        ));
    }
    // 0 < x <= 900,000: the thousandths fit a u64 with room to spare.
    let thousandths = (wide * 1000.0).ceil() as u64;
    duration_decimal(Decimal::new(thousandths as i64, DURATION_DP))
}

/// A Float32 cost of the link: its shortest decimal, rounded up.
fn cost_f32(x: f32) -> Result<Decimal, String> {
    if let Some(e) = not_finite(f64::from(x), "the cost") {
        return Err(e);
    }
    // Rust writes an f32 as its shortest round-trip decimal.
    cost_decimal(parse_decimal(&format!("{x:e}"))?)
}

fn cost_decimal(usd: Decimal) -> Result<Decimal, String> {
    if usd.is_sign_negative() && !usd.is_zero() {
        return Err(format!("the cost {} USD is negative", decimal_text(usd)));
    }
    if usd > MAX_COST_USD {
        return Err(format!(
            "the cost {} USD is more than an invocation can cost",
            decimal_text(usd)
        ));
    }
    Ok(usd
        .round_dp_with_strategy(COST_DP, RoundingStrategy::AwayFromZero)
        .normalize())
}

/// A JSON number, or a number written as a string, as a decimal: a
/// float64 by its shortest round-trip text, which is the JSON's own text
/// for up to 15 significant digits. A positive number too small for a
/// decimal's 28 places reads as 10^-28, not as 0 (never rounded down).
fn json_decimal(v: &Value) -> Result<Decimal, String> {
    match v {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Decimal::from(i));
            }
            if let Some(u) = n.as_u64() {
                return Ok(Decimal::from(u));
            }
            let x = n.as_f64().unwrap_or(f64::NAN);
            if let Some(e) = not_finite(x, "the number") {
                return Err(e);
            }
            if x > 0.0 && x < 1e-28 {
                return Ok(Decimal::new(1, 28));
            }
            parse_decimal(&f64_text(x))
        }
        Value::String(s) => {
            let t = s.trim();
            if t.eq_ignore_ascii_case("nan") {
                return Err(format!("\"{}\" is NaN", shorten(t)));
            }
            let d = parse_decimal(t)?;
            // `parse_decimal` rounds a tiny positive number to 0.
            let mantissa = t.split(['e', 'E']).next().unwrap_or_default();
            if d.is_zero()
                && !t.starts_with('-')
                && mantissa.bytes().any(|b| matches!(b, b'1'..=b'9'))
            {
                return Ok(Decimal::new(1, 28));
            }
            Ok(d)
        }
        other => Err(format!("is {}, expected a number", kind(other))),
    }
}

fn json_duration(v: &Value) -> Result<Decimal, String> {
    json_decimal(v)
        .map_err(|e| format!("duration {e}"))
        .and_then(duration_decimal)
}

fn json_cost(v: &Value) -> Result<Decimal, String> {
    json_decimal(v)
        .map_err(|e| format!("the cost {e}"))
        .and_then(cost_decimal)
}

/// The part of a request's Lambda work that one measured function does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// GB-s per request of everything else (other functions).
    pub others_gbs: Decimal,
    /// Invocations of the measured function per request.
    pub invocations: Decimal,
}

impl Share {
    /// The whole of a scenario without a pipeline: its `gbs` is all the
    /// measured function's, invoked `invocations` times per request.
    pub fn whole(s: &Scenario) -> Share {
        Share {
            others_gbs: Decimal::ZERO,
            invocations: s.invocations,
        }
    }
}

/// One measured memory size, priced against a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub memory_mb: Decimal,
    /// As measured (rounded up to 0.001 ms).
    pub duration_ms: Decimal,
    /// Billed per invocation: rounded up to the next whole ms.
    pub billed_ms: Decimal,
    /// memory / 1024 × billed ms / 1000.
    pub gbs_per_invocation: Decimal,
    /// The scenario's GB-s per request with this function's share at
    /// this memory size.
    pub gbs_per_request: Decimal,
    /// The requests the budget buys at that GB-s per request.
    pub max_requests: Limit,
    /// Whether the scenario's `requests` fit in the budget.
    pub fits: bool,
    /// Requests bought minus requests needed (negative when they do not
    /// fit; a budget that buys none counts as 0 bought); `None` when the
    /// budget buys an unlimited number.
    pub headroom: Option<Decimal>,
    /// USD per period at the scenario's `requests`.
    pub cost: Decimal,
    /// The measured cost of one invocation, as Power Tuning reported it.
    pub measured_cost_usd: Option<Decimal>,
}

/// Each measured memory size of `t`, priced against `s`.
///
/// `function: None` is the measured function doing the whole of the
/// request's Lambda work, the scenario's `gbs`: GB-s per request is the
/// GB-s per invocation times the scenario's `invocations`. `Some(i)` is
/// function `i` of the pipeline (`fns`), at each measured memory size and
/// duration with everything else as the scenario has it; a scenario
/// without function `i` gets no rows.
pub fn evaluate(s: &Scenario, t: &Tuning, function: Option<usize>) -> Vec<Row> {
    match function {
        None => evaluate_share(s, t, Share::whole(s)),
        Some(i) => evaluate_function(s, t, i),
    }
}

/// Function `i` of the pipeline (`fns`) at each measured memory size and
/// duration, everything else as the scenario has it (its invocations,
/// architecture, cold starts, logs and the rest of the bill): each row is
/// `solve` of the scenario with that function changed. No rows when the
/// scenario has no function `i`.
fn evaluate_function(s: &Scenario, t: &Tuning, i: usize) -> Vec<Row> {
    if s.fns.0.get(i).is_none() {
        return Vec::new();
    }
    let mut rows = Vec::with_capacity(t.points.len());
    for p in &t.points {
        let mut at = s.clone();
        if let Some(g) = at.fns.0.get_mut(i) {
            g.memory_mb = p.memory_mb;
            g.duration_ms = p.duration_ms;
        }
        let sol = crate::solve::solve(&at);
        let billed_ms = Sat(p.duration_ms).ceil();
        let (fits, headroom) = fit(sol.max_requests, s.requests);
        rows.push(Row {
            memory_mb: p.memory_mb,
            duration_ms: p.duration_ms,
            billed_ms: billed_ms.0,
            gbs_per_invocation: (Sat(p.memory_mb) / dec!(1024) * billed_ms / dec!(1000))
                .0
                .normalize(),
            gbs_per_request: crate::cost::PerRequest::of(&at).total_gbs().normalize(),
            max_requests: sol.max_requests,
            fits,
            headroom,
            cost: sol.cost,
            measured_cost_usd: p.cost_usd,
        });
    }
    rows
}

/// Whether `requests` fit in what the budget buys, and the headroom.
fn fit(max: Limit, requests: Decimal) -> (bool, Option<Decimal>) {
    match max {
        Limit::Count(n) => (
            Decimal::from(n) >= requests,
            Some((Sat(Decimal::from(n)) - requests).0),
        ),
        Limit::NoneFits => (false, Some((Sat::ZERO - requests).0)),
        Limit::Unlimited => (true, None),
    }
}

/// `evaluate` for the measured function's `share` of each request.
///
/// Requests bought are `solve`'s: the same model and the same exact search
/// as `solve(s)` with `gbs` set to each row's GB-s per request
/// (`max_requests_from`, as the GB-s table uses it).
pub fn evaluate_share(s: &Scenario, t: &Tuning, share: Share) -> Vec<Row> {
    let model = Model::new(s);
    let at_zero = model.fixed_cost();
    let mut rows = Vec::with_capacity(t.points.len());
    for p in &t.points {
        let billed_ms = Sat(p.duration_ms).ceil();
        let gbs_per_invocation = Sat(p.memory_mb) / dec!(1024) * billed_ms / dec!(1000);
        let gbs_per_request = Sat(share.others_gbs) + gbs_per_invocation * share.invocations;
        let mut per = model.per;
        per.gbs = gbs_per_request.0.normalize();
        let max_requests = max_requests_from(&model, &per, s.budget, at_zero);
        let (fits, headroom) = fit(max_requests, s.requests);
        rows.push(Row {
            memory_mb: p.memory_mb,
            duration_ms: p.duration_ms,
            billed_ms: billed_ms.0,
            gbs_per_invocation: gbs_per_invocation.0.normalize(),
            gbs_per_request: per.gbs,
            max_requests,
            fits,
            headroom,
            cost: model.lines_with(&per, s.requests).total(),
            measured_cost_usd: p.cost_usd,
        });
    }
    rows
}

/// The row that leaves the most headroom among those where the needed
/// requests fit (an unlimited budget leaves the most), ties to the lower
/// memory; `None` when none fits.
pub fn best(rows: &[Row]) -> Option<usize> {
    let mut best: Option<(usize, &Row)> = None;
    for (i, r) in rows.iter().enumerate() {
        if !r.fits {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, b)) => {
                let more = match (r.headroom, b.headroom) {
                    (None, Some(_)) => true,
                    (Some(h), Some(g)) => h > g,
                    (_, None) => false,
                };
                more || (r.headroom == b.headroom && r.memory_mb < b.memory_mb)
            }
        };
        if better {
            best = Some((i, r));
        }
    }
    best.map(|(i, _)| i)
}

/// `s` with `row`'s measured memory size applied: to function `i` of the
/// pipeline (its memory and duration), or, without one, to `gbs` (the
/// GB-s of one invocation, billed ms rounded up). The scenario the page
/// loads when a person applies a measured size.
pub fn apply(s: &Scenario, row: &Row, function: Option<usize>) -> Scenario {
    let mut out = s.clone();
    match function {
        Some(i) => {
            if let Some(f) = out.fns.0.get_mut(i) {
                f.memory_mb = row.memory_mb;
                f.duration_ms = row.duration_ms;
            }
        }
        None => out.gbs = row.gbs_per_invocation,
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float32_durations_round_up_to_the_thousandth() {
        // 37002.4 as a float32 is 37002.3984375: up to 37002.399.
        assert_eq!(duration_f32(37002.4), Ok(dec!(37002.399)));
        // Exactly on the grid stays (0.5 and 3 are exact floats).
        assert_eq!(duration_f32(0.5), Ok(dec!(0.5)));
        assert_eq!(duration_f32(3.0), Ok(dec!(3)));
        // 2.907 as a float32 is 2.90700006…: up, to 2.908.
        assert_eq!(duration_f32(2.907), Ok(dec!(2.908)));
        // The smallest positive float32 is 0.001 ms.
        assert_eq!(duration_f32(f32::from_bits(1)), Ok(dec!(0.001)));
        assert!(duration_f32(-1.0).unwrap_err().contains("negative"));
        assert!(duration_f32(f32::NAN).unwrap_err().contains("NaN"));
        assert!(duration_f32(f32::INFINITY)
            .unwrap_err()
            .contains("infinite"));
        assert!(duration_f32(900_001.0).unwrap_err().contains("timeout"));
        assert!(duration_f32(0.0).unwrap_err().contains("0 ms"));
    }

    #[test]
    fn json_numbers_are_their_text() {
        let n = |t: &str| json_duration(&serde_json::from_str::<Value>(t).unwrap());
        assert_eq!(n("2.907"), Ok(dec!(2.907)));
        assert_eq!(n("2.9066"), Ok(dec!(2.907)));
        assert_eq!(n("\"2.9066\""), Ok(dec!(2.907)));
        assert_eq!(n("1e-300"), Ok(dec!(0.001)));
        assert_eq!(n("\"1e-40\""), Ok(dec!(0.001)));
        assert_eq!(n("120"), Ok(dec!(120)));
        assert!(n("-0.5").unwrap_err().contains("negative"));
        assert!(n("\"NaN\"").unwrap_err().contains("NaN"));
        assert!(n("null").unwrap_err().contains("null"));
    }

    #[test]
    fn percent_escapes_in_a_fragment() {
        assert_eq!(percent_decoded("a%3Bb%2fc%3d%zz%"), "a;b/c=%zz%");
    }
}
