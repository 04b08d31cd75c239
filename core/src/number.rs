//! Reading and writing the numbers of a scenario, and formatting for people.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Parses a number as a person or `String(x)` in JavaScript writes it:
/// `7`, `7.50`, `+3`, `1e3`, `2e-7`. Returns a message on failure.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("is empty; expected a number".into());
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    let ok_chars = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'e' | b'E' | b'+'));
    if !ok_chars || !t.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!("\"{}\" is not a number", shorten(text)));
    }
    let parsed = if t.contains(['e', 'E']) {
        Decimal::from_scientific(t)
    } else {
        Decimal::from_str(t)
    };
    match parsed {
        Ok(d) => Ok(d.normalize()),
        Err(_) => {
            // Well-formed but out of Decimal's range (about 7.9e28), or
            // more fractional digits than it holds.
            // (Only digits, signs, `.` and `e` got here, so an `f64` that
            // parses is a well-formed number; infinite means huge.)
            if let Ok(f) = t.parse::<f64>() {
                if !f.is_finite() || f.abs() >= 1.0 {
                    Err(format!("{} is too large", shorten(text)))
                } else {
                    // Too many digits to hold exactly: round rather than fail.
                    Ok(Decimal::from_f64_retain(f)
                        .map(|d| d.round_dp(28).normalize())
                        .unwrap_or(Decimal::ZERO))
                }
            } else {
                Err(format!("\"{}\" is not a number", shorten(text)))
            }
        }
    }
}

/// A JavaScript number as the text `parse_decimal` reads, exactly as
/// `String(x)` would show it (shortest round trip).
pub fn f64_text(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        }
    } else {
        // `{:e}` is Rust's shortest round-trip form with an exponent.
        format!("{x:e}")
    }
}

/// The canonical text of a decimal in a link: no exponent, no trailing zeros.
pub fn decimal_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// At most 40 characters of untrusted text, for messages.
pub fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        s.push('…');
    }
    s
}

/// `1234567` → `1,234,567`.
pub fn group_thousands(digits: &str) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A whole number with thousands separators.
pub fn format_count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A decimal with thousands separators and at most `max_dp` decimals,
/// trailing zeros dropped: `format_number(1234.5000, 2)` → `1,234.5`.
pub fn format_number(d: Decimal, max_dp: u32) -> String {
    let r = d
        .round_dp_with_strategy(max_dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let s = r.to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    match frac {
        Some(f) => format!("{}.{}", group_thousands(&int), f),
        None => group_thousands(&int),
    }
}

/// A number with about `sig` significant digits, for small quantities such
/// as GB-s per request: `0.0123456` → `0.01235`, `1234.567` → `1,234.57`.
pub fn format_sig(d: Decimal, sig: u32) -> String {
    if d.is_zero() {
        return "0".into();
    }
    let abs = d.abs();
    let mut magnitude: i64 = 0; // digits before the point, or minus leading zeros after
    let mut probe = abs;
    if probe >= Decimal::ONE {
        while probe >= Decimal::TEN {
            probe /= Decimal::TEN;
            magnitude += 1;
        }
        magnitude += 1;
    } else {
        while probe < Decimal::ONE {
            probe *= Decimal::TEN;
            magnitude -= 1;
        }
        magnitude += 1;
    }
    let dp = (sig as i64 - magnitude).clamp(0, 12) as u32;
    format_number(d, dp)
}

/// Money: `$1,234.57`; below a cent, enough digits to be non-zero
/// (`$0.0021`), so a tiny cost never reads as `$0.00`.
pub fn format_usd(d: Decimal) -> String {
    let neg = d.is_sign_negative() && !d.is_zero();
    let a = d.abs();
    let body = if a.is_zero() || a >= dec_cent() {
        let r = a.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let s = format!("{r:.2}");
        let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
        format!("{}.{}", group_thousands(int), frac)
    } else {
        format_sig(a, 2)
    };
    if neg {
        format!("−${body}")
    } else {
        format!("${body}")
    }
}

fn dec_cent() -> Decimal {
    Decimal::new(1, 2)
}

/// A decimal as an `f64` for the JavaScript API (nearest value).
pub fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn parses_what_people_and_javascript_write() {
        let cases = [
            ("7", dec!(7)),
            (" 7.50 ", dec!(7.5)),
            ("+3", dec!(3)),
            ("1e3", dec!(1000)),
            ("2e-7", dec!(0.0000002)),
            ("0.00001667", dec!(0.00001667)),
            ("-1", dec!(-1)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_decimal(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in ["", "abc", "7$", "NaN", "Infinity", "1,000", "--1", "e"] {
            assert!(parse_decimal(text).is_err(), "{text:?} should fail");
        }
        assert!(parse_decimal("1e308").unwrap_err().contains("too large"));
    }

    #[test]
    fn javascript_numbers_become_the_same_decimals() {
        assert_eq!(parse_decimal(&f64_text(0.0000002)), Ok(dec!(0.0000002)));
        assert_eq!(parse_decimal(&f64_text(7.0)), Ok(dec!(7)));
        assert_eq!(parse_decimal(&f64_text(0.1)), Ok(dec!(0.1)));
        assert!(parse_decimal(&f64_text(f64::NAN)).is_err());
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(format_count(414937), "414,937");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1000), "1,000");
        assert_eq!(format_number(dec!(1234.5000), 2), "1,234.5");
        assert_eq!(format_usd(dec!(7)), "$7.00");
        assert_eq!(format_usd(dec!(1234567.891)), "$1,234,567.89");
        assert_eq!(format_usd(dec!(0.0021335376)), "$0.0021");
        assert_eq!(format_usd(dec!(-2.5)), "−$2.50");
        assert_eq!(format_sig(dec!(0.0123456), 4), "0.01235");
        assert_eq!(format_sig(dec!(131.23456), 4), "131.2");
    }
}
