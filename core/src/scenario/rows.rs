//! The `rows` key: the GB-s values of the table, as numbers and
//! `start:end:step` ranges.

use super::MAX_PER_REQUEST;
use crate::arith::Sat;
use crate::number::{decimal_text, parse_decimal, shorten};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

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
                    match (Sat(end) - start).0.checked_div(step) {
                        Some(q) => u128::try_from(Sat(q).floor().0.mantissa())
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
                        let v = (Sat(start) + Sat(step) * i).0;
                        if v > end {
                            break;
                        }
                        out.push(v.normalize());
                        i = (Sat(i) + Decimal::ONE).0;
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
