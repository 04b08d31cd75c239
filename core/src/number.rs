//! Reading and writing the numbers of a scenario, and formatting for people.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// Parses a number as a person or `String(x)` in JavaScript writes it:
/// `7`, `7.50`, `+3`, `1e3`, `2e-7`. Returns a message on failure.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("is empty; expected a number".into());
    }
    let t = match t.strip_prefix('+') {
        // One sign only: `+-5` and `++5` are not numbers (as in JS).
        Some(rest) if rest.starts_with(['+', '-']) => {
            return Err(format!("\"{}\" is not a number", shorten(text)))
        }
        Some(rest) => rest,
        None => t,
    };
    // `parts` accepts only digits, one point, a leading `-` and an
    // exponent, with at least one digit: anything else is not a number.
    read(t, text).ok_or_else(|| format!("\"{}\" is not a number", shorten(text)))?
}

/// The parts of a well-formed number: sign, integer digits, fraction
/// digits, and the power-of-ten exponent (saturated at ±10^9, beyond which
/// no answer changes). `None` when `t` is not a number.
fn parts(t: &str) -> Option<(bool, &str, &str, i64)> {
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    // At the first `e` or `E` (with both, either split leaves a letter
    // that makes the number invalid, as splitting at the first would).
    let (mantissa, exp) = match body.split_once('e').or_else(|| body.split_once('E')) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !all_digits(frac) || int.len() + frac.len() == 0 {
        return None;
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(rest) => (-1, rest),
                None => (1, e.strip_prefix('+').unwrap_or(e)),
            };
            if digits.is_empty() || !all_digits(digits) {
                return None;
            }
            // Saturates at 10^9: past it, no answer changes.
            sign * digits.bytes().fold(0i64, |v, b| {
                (v * 10 + i64::from(b - b'0')).min(1_000_000_000)
            })
        }
    };
    Some((neg, int, frac, exp))
}

/// The digits of a number, integer part then fraction, by index.
#[derive(Clone, Copy)]
struct Digits<'a> {
    int: &'a [u8],
    frac: &'a [u8],
}

impl Digits<'_> {
    fn len(self) -> usize {
        self.int.len() + self.frac.len()
    }

    /// The digit at `i` (`i` < `len`).
    fn at(self, i: usize) -> u8 {
        let b = match self.int.get(i) {
            Some(b) => *b,
            None => self.frac.get(i - self.int.len()).copied().unwrap_or(b'0'),
        };
        b - b'0'
    }

    /// How many zeros the digits start with.
    fn leading_zeros(self) -> usize {
        let mut n = 0;
        while n < self.len() && self.at(n) == 0 {
            n += 1;
        }
        n
    }

    /// The whole number that up to `count` digits from `from` write, then
    /// `zeros` more zeros (at most 29 digits in all, so it fits).
    fn whole(self, from: usize, count: usize, zeros: usize) -> i128 {
        let end = self.len().min(from + count);
        let m = (from..end).fold(0i128, |m, i| m * 10 + i128::from(self.at(i)));
        (0..zeros).fold(m, |m, _| m * 10)
    }
}

/// A well-formed number as a decimal: exactly when Decimal holds it (at
/// most 28 places, a mantissa under 2^96); rounded half up to 29
/// significant digits (28 where 29 do not fit, at most 28 places) when it
/// has more digits than that; an error when it is 10^29 or more in
/// magnitude, or rounds past Decimal's range (about 7.9e28). `None` when
/// `t` is not a well-formed number at all. Our own loop over the digits
/// alone, rather than `Decimal::from_str` and `from_scientific` (which cost
/// the wasm build several KB) or floating point (its parsing tables).
fn read(t: &str, text: &str) -> Option<Result<Decimal, String>> {
    let (neg, int, frac, exp) = parts(t)?;
    let digits = Digits {
        int: int.as_bytes(),
        frac: frac.as_bytes(),
    };
    // The first significant digit, and the power of ten it stands for.
    let lead = digits.leading_zeros();
    if lead == digits.len() {
        return Some(Ok(Decimal::ZERO));
    }
    let pow = int.len() as i64 - 1 - lead as i64 + exp;
    // Round half up to as many significant digits as a decimal holds: 29
    // when the mantissa stays under 2^96, else 28 (which always fit), with
    // at most 28 fractional places, as rust_decimal's rounding parser
    // does. 1.00000000000000000000000000001 reads as 1; only a number of
    // 10^29 or more, or one that rounds past the range, is too large.
    let round = |kept: usize, scale: u32| {
        // `kept` digits from the first significant one, padded with zeros
        // where the number has fewer (`80E27` is 8 followed by 28 zeros).
        let have = (digits.len() - lead).min(kept);
        let mut m = digits.whole(lead, have, kept - have);
        let next = lead + kept;
        if next < digits.len() && digits.at(next) >= 5 {
            m += 1;
        }
        Decimal::try_from_i128_with_scale(m, scale).ok()
    };
    let rounded = if pow >= 0 {
        let Ok(pow) = u32::try_from(pow) else {
            return Some(Err(shorten(text) + " is too large"));
        };
        let wide = 28u32.checked_sub(pow).and_then(|scale| round(29, scale));
        let narrow = 27u32.checked_sub(pow).and_then(|scale| round(28, scale));
        wide.or(narrow)
    } else {
        // 0.000ddd…: 28 fractional places.
        let zeros = (-pow - 1) as usize;
        if zeros >= 29 {
            return Some(Ok(Decimal::ZERO));
        }
        round(28 - zeros, 28)
    };
    let Some(mut d) = rounded else {
        return Some(Err(shorten(text) + " is too large"));
    };
    if neg {
        d = -d;
    }
    Some(Ok(d.normalize()))
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
    match text.char_indices().nth(40) {
        Some((end, _)) => text.get(..end).unwrap_or_default().to_string() + "…",
        None => text.to_string(),
    }
}

/// `1234567` → `1,234,567`.
pub fn group_thousands(digits: &str) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    match s.split_once('.') {
        Some((int, frac)) => {
            let mut out = group_thousands(int);
            out.push('.');
            out.push_str(frac);
            out
        }
        None => group_thousands(&s),
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
            probe = (crate::arith::Sat(probe) / Decimal::TEN).0;
            magnitude += 1;
        }
        magnitude += 1;
    } else {
        while probe < Decimal::ONE {
            probe = (crate::arith::Sat(probe) * Decimal::TEN).0;
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
    let mut out = String::from(if neg { "−$" } else { "$" });
    if a.is_zero() || a >= dec_cent() {
        let r = a.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let s = format!("{r:.2}");
        let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
        out.push_str(&group_thousands(int));
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str(&format_sig(a, 2));
    }
    out
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
    fn our_digit_loop_agrees_with_rust_decimal() {
        use std::str::FromStr;
        let texts = [
            "0",
            "-0",
            "7",
            "7.50",
            "0.00001667",
            "-1",
            "1e3",
            "2e-7",
            "1E+2",
            "12.5e-3",
            ".5",
            "5.",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "1e28",
            "123456789.123456789",
            "0.1234567890123456789012345678",
            "00012.3400",
        ];
        for t in texts {
            let want = if t.contains(['e', 'E']) {
                Decimal::from_scientific(t)
            } else {
                Decimal::from_str(t)
            };
            assert_eq!(read(t, t).and_then(Result::ok), want.ok(), "{t}");
        }
    }

    #[test]
    fn numbers_beyond_decimal_are_too_large_or_rounded() {
        // Decimal holds about 7.9e28: 1e29 is too large, either sign.
        assert!(read("1e29", "1e29")
            .unwrap()
            .unwrap_err()
            .contains("too large"));
        assert!(read("-1e40", "-1e40").unwrap().is_err());
        // Below 1, rounded half up to 28 places:
        // 1e-40 is 0 at 28 places.
        assert_eq!(read("1e-40", "").unwrap(), Ok(dec!(0)));
        // 0.1234567890123456789012345678|9: the 29th digit 9 rounds up.
        assert_eq!(
            read("0.12345678901234567890123456789", "").unwrap(),
            Ok(dec!(0.1234567890123456789012345679))
        );
        // 9.87e-28 = 0.000…0009|87 (27 zeros): rounds to 10e-28 = 1e-27.
        assert_eq!(
            read("987e-30", "").unwrap(),
            Ok(dec!(0.000000000000000000000000001))
        );
        // 5e-29 = half of 1e-28: half up gives 1e-28; 1.23e-29 gives 0.
        assert_eq!(read("5e-29", "").unwrap(), Ok(Decimal::new(1, 28)));
        assert_eq!(read("-123e-31", "").unwrap(), Ok(dec!(0)));
        assert_eq!(read("-5e-29", "").unwrap(), Ok(-Decimal::new(1, 28)));
        // Not numbers at all.
        for t in ["-", ".", "1e", "1e+", "1-2", "1..2", "e5", "1e5e5"] {
            assert_eq!(read(t, t), None, "{t}");
        }
        // Whole path: too many places still parses.
        assert_eq!(parse_decimal("1e-999999999999999"), Ok(dec!(0)));
    }

    #[test]
    fn javascript_numbers_become_the_same_decimals() {
        assert_eq!(parse_decimal(&f64_text(0.0000002)), Ok(dec!(0.0000002)));
        assert_eq!(parse_decimal(&f64_text(7.0)), Ok(dec!(7)));
        assert_eq!(parse_decimal(&f64_text(0.1)), Ok(dec!(0.1)));
        assert!(parse_decimal(&f64_text(f64::NAN)).is_err());
        // As String(x) writes them, so a message quotes what was passed.
        assert_eq!(f64_text(f64::INFINITY), "Infinity");
        assert_eq!(f64_text(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(f64_text(f64::NAN), "NaN");
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
        // Powers of ten read the same at any number of places.
        assert_eq!(format_sig(dec!(0.01), 3), "0.01");
        assert_eq!(format_sig(dec!(1000), 2), "1,000");
    }
}
