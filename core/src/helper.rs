//! The GB-s helper: Lambda GB-seconds per request from memory, duration
//! and invocations, as Lambda bills them (memory in MB, duration rounded
//! up to whole milliseconds). Its inputs are page-only fields; applying it
//! writes the scenario keys `gbs` and `invocations`.

use crate::arith::Sat;
use crate::number::{decimal_text, format_number, parse_decimal, shorten};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Lambda's memory range, MB.
pub const MIN_MB: Decimal = dec!(128);
pub const MAX_MB: Decimal = dec!(10240);
/// At most 15 minutes per invocation.
pub const MAX_MS: Decimal = dec!(900000);

/// The helper's three fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HelperField {
    MemoryMb,
    DurationMs,
    Invocations,
}

impl HelperField {
    pub const ALL: [HelperField; 3] = [
        HelperField::MemoryMb,
        HelperField::DurationMs,
        HelperField::Invocations,
    ];
    /// The id the page gives the field (`helper-memory_mb`).
    pub fn id(self) -> &'static str {
        match self {
            HelperField::MemoryMb => "memory_mb",
            HelperField::DurationMs => "duration_ms",
            HelperField::Invocations => "invocations",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            HelperField::MemoryMb => "Memory",
            HelperField::DurationMs => "Duration per invocation",
            HelperField::Invocations => "Invocations per request",
        }
    }
    pub fn unit(self) -> &'static str {
        match self {
            HelperField::MemoryMb => "MB",
            HelperField::DurationMs => "ms",
            HelperField::Invocations => "per request",
        }
    }
    pub fn hint(self) -> &'static str {
        match self {
            HelperField::MemoryMb => "128 to 10,240 MB, as configured.",
            HelperField::DurationMs => "Billed per 1 ms, rounded up.",
            HelperField::Invocations => "How many times one request runs the function.",
        }
    }
}

/// The helper's field texts, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelperInput {
    pub memory_mb: String,
    pub duration_ms: String,
    pub invocations: String,
}

impl Default for HelperInput {
    /// 1,024 MB for 128 s once: the article's 128 GB-s.
    fn default() -> Self {
        HelperInput {
            memory_mb: "1024".into(),
            duration_ms: "128000".into(),
            invocations: "1".into(),
        }
    }
}

impl HelperInput {
    pub fn get(&self, f: HelperField) -> &str {
        match f {
            HelperField::MemoryMb => &self.memory_mb,
            HelperField::DurationMs => &self.duration_ms,
            HelperField::Invocations => &self.invocations,
        }
    }
    pub fn set(&mut self, f: HelperField, text: String) {
        match f {
            HelperField::MemoryMb => self.memory_mb = text,
            HelperField::DurationMs => self.duration_ms = text,
            HelperField::Invocations => self.invocations = text,
        }
    }
}

/// What the helper shows: the result, or a message per bad field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelperOutput {
    /// GB-s per request and invocations, when every field is valid.
    pub gbs: Option<Decimal>,
    pub invocations: Option<Decimal>,
    /// The sum, written out: `1,024 MB × 128,000 ms × 1 = 128 GB-s`.
    pub text: String,
    pub errors: Vec<(HelperField, String)>,
}

impl HelperOutput {
    pub fn error(&self, f: HelperField) -> Option<&str> {
        self.errors
            .iter()
            .find(|(k, _)| *k == f)
            .map(|(_, m)| m.as_str())
    }
    /// The scenario edits that applying the helper makes: `gbs`, `invocations`.
    pub fn edits(&self) -> Option<[(&'static str, String); 2]> {
        Some([
            ("gbs", decimal_text(self.gbs?)),
            ("invocations", decimal_text(self.invocations?)),
        ])
    }
}

fn bounded(text: &str, min: Decimal, max: Decimal, unit: &str) -> Result<Decimal, String> {
    let d = parse_decimal(text)?;
    if d < min || d > max {
        return Err(format!(
            "must be from {} to {} {unit}, not {}",
            format_number(min, 0),
            format_number(max, 0),
            shorten(text.trim())
        ));
    }
    Ok(d)
}

/// GB-s for one invocation of `memory_mb` running `duration_ms`, billed
/// per 1 ms: MB x ceil(ms) / 1000 / 1024.
pub fn gbs_per_invocation(memory_mb: Decimal, duration_ms: Decimal) -> Decimal {
    (Sat(memory_mb) * Sat(duration_ms).ceil() / dec!(1000) / dec!(1024)).0
}

pub fn compute(input: &HelperInput) -> HelperOutput {
    let mut errors = Vec::new();
    let mut check = |f: HelperField, r: Result<Decimal, String>| match r {
        Ok(d) => Some(d),
        Err(m) => {
            errors.push((f, m));
            None
        }
    };
    let mb = check(
        HelperField::MemoryMb,
        bounded(&input.memory_mb, MIN_MB, MAX_MB, "MB"),
    );
    let ms = check(
        HelperField::DurationMs,
        bounded(&input.duration_ms, Decimal::ZERO, MAX_MS, "ms"),
    );
    let inv = check(
        HelperField::Invocations,
        bounded(
            &input.invocations,
            Decimal::ZERO,
            crate::scenario::MAX_PER_REQUEST,
            "invocations",
        ),
    );
    match (mb, ms, inv) {
        (Some(mb), Some(ms), Some(inv)) => {
            let gbs = (Sat(gbs_per_invocation(mb, ms)) * inv).0.normalize();
            HelperOutput {
                gbs: Some(gbs),
                invocations: Some(inv.normalize()),
                text: format!(
                    "{} MB × {} ms × {} = {} GB-s per request",
                    format_number(mb, 6),
                    format_number(Sat(ms).ceil().0, 0),
                    format_number(inv, 6),
                    format_number(gbs, 6)
                ),
                errors,
            }
        }
        _ => HelperOutput {
            gbs: None,
            invocations: None,
            text: "Fix the fields marked to see the GB-s.".into(),
            errors,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(mb: &str, ms: &str, inv: &str) -> HelperInput {
        HelperInput {
            memory_mb: mb.into(),
            duration_ms: ms.into(),
            invocations: inv.into(),
        }
    }

    #[test]
    fn the_default_is_the_articles_128_gbs() {
        // 1024 MB x 128000 ms / 1000 / 1024 = 128 GB-s.
        let out = compute(&HelperInput::default());
        assert_eq!(out.gbs, Some(dec!(128)));
        assert_eq!(out.text, "1,024 MB × 128,000 ms × 1 = 128 GB-s per request");
        assert_eq!(
            out.edits(),
            Some([("gbs", "128".into()), ("invocations", "1".into())])
        );
    }

    #[test]
    fn duration_is_billed_per_whole_millisecond() {
        // 128 MB x 101 ms (100.2 rounded up) / 1000 / 1024 = 0.012625 GB-s,
        // x 4 invocations = 0.0505.
        let out = compute(&input("128", "100.2", "4"));
        assert_eq!(out.gbs, Some(dec!(0.0505)));
        // 512 MB x 100 ms = 0.05 GB-s: the API preset's figure.
        assert_eq!(compute(&input("512", "100", "1")).gbs, Some(dec!(0.05)));
        // 1769 MB (one vCPU) x 1000 ms = 1.727539... GB-s; exact: 1769/1024.
        assert_eq!(
            compute(&input("1769", "1000", "1")).gbs,
            Some(dec!(1769) / dec!(1024))
        );
    }

    #[test]
    fn bad_fields_are_named() {
        let out = compute(&input("64", "abc", "-1"));
        assert_eq!(out.gbs, None);
        assert!(out.error(HelperField::MemoryMb).unwrap().contains("128"));
        assert!(out
            .error(HelperField::DurationMs)
            .unwrap()
            .contains("not a number"));
        assert!(out.error(HelperField::Invocations).is_some());
        assert_eq!(out.edits(), None);
        // The bounds themselves are in range: 128 and 10,240 MB; one MB
        // more is not.
        assert_eq!(compute(&input("10240", "1000", "1")).gbs, Some(dec!(10)));
        assert_eq!(compute(&input("128", "1000", "1")).gbs, Some(dec!(0.125)));
        let over = compute(&input("10241", "1000", "1"));
        assert_eq!(
            over.error(HelperField::MemoryMb),
            Some("must be from 128 to 10,240 MB, not 10241")
        );
    }

    #[test]
    fn each_field_has_its_own_words_and_text() {
        // The page lays out each field from these: an id the page gives
        // the control (helper-memory_mb), and a label, unit and hint that
        // differ from field to field.
        let ids: Vec<&str> = HelperField::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(ids, ["memory_mb", "duration_ms", "invocations"]);
        let units: Vec<&str> = HelperField::ALL.iter().map(|f| f.unit()).collect();
        assert_eq!(units, ["MB", "ms", "per request"]);
        for words in [HelperField::label, HelperField::hint] {
            let w: Vec<&str> = HelperField::ALL.iter().map(|f| words(*f)).collect();
            assert!(w.iter().all(|t| t.len() > 3), "{w:?}");
            assert!(w[0] != w[1] && w[1] != w[2] && w[0] != w[2], "{w:?}");
        }
        assert!(HelperField::MemoryMb.hint().contains("10,240 MB"));
        assert_eq!(HelperField::DurationMs.label(), "Duration per invocation");
        // Each field's text is set and read back on its own.
        let mut t = HelperInput::default();
        assert_eq!(t.get(HelperField::MemoryMb), "1024");
        for (f, text) in HelperField::ALL.into_iter().zip(["256", "75.5", "3"]) {
            t.set(f, text.into());
        }
        assert_eq!(t, input("256", "75.5", "3"));
        let back: Vec<&str> = HelperField::ALL.iter().map(|f| t.get(*f)).collect();
        assert_eq!(back, ["256", "75.5", "3"]);
    }
}
