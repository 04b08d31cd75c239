//! The number parser (`number::parse_decimal`, written by hand to keep
//! rust_decimal's parsers out of the wasm) against rust_decimal's own exact
//! parsers, on random number-shaped texts (issue 12, item 6).
//!
//! Where both accept a text they give the same value. Where they differ in
//! acceptance, the difference is one of Backcast's documented rules:
//! - a leading `+` is accepted (`String(x)` of a JS number never writes one,
//!   but people do); rust_decimal is asked without it;
//! - surrounding spaces are ignored;
//! - zeros past the 28th decimal place are dropped, so `0.1` written with
//!   30 places still reads as 0.1 (rust_decimal's exact parser rejects it);
//!   other digits past it are rounded to 28 places, as rust_decimal's
//!   rounding parser does (a fraction of the smallest unit, never money);
//! - a value beyond the decimal's range is an error, never a rounded value.

use backcast_core::number::parse_decimal;
use backcast_core::Decimal;
use proptest::prelude::*;
use std::str::FromStr;

/// Number-shaped text: sign, integer digits, fraction, exponent, padding.
fn number_text() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(""), Just("-"), Just("+")],
        "[0-9]{0,31}",
        proptest::option::of("[0-9]{0,31}"),
        proptest::option::of((
            "[eE]",
            prop_oneof![Just(""), Just("-"), Just("+")],
            "[0-9]{1,3}",
        )),
        prop_oneof![Just(""), Just(" "), Just("\t ")],
    )
        .prop_map(|(sign, int, frac, exp, pad)| {
            let mut t = format!("{pad}{sign}{int}");
            if let Some(f) = frac {
                t.push('.');
                t.push_str(&f);
            }
            if let Some((e, s, d)) = exp {
                t.push_str(&format!("{e}{s}{d}"));
            }
            t + pad
        })
}

/// rust_decimal's reading of `text`, with Backcast's documented rules
/// applied first (spaces, a leading `+`, zeros past the 28th place).
fn reference(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let d = if let Some((m, e)) = t.split_once(['e', 'E']) {
        // rust_decimal's from_scientific rounds the mantissa before it
        // scales (".00000000000000000000000000001E+1" gives 0, not 1e-28),
        // so the reference moves the point in the text and reads that.
        return reference(&shift(m, e.parse::<i64>().ok()?)?);
    } else {
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        let (neg, digits) = int.strip_prefix('-').map_or((false, int), |d| (true, d));
        if digits.is_empty() && frac.is_empty() {
            return None;
        }
        let frac = if frac.len() > 28 {
            frac.trim_end_matches('0')
        } else {
            frac
        };
        let digits = if digits.is_empty() { "0" } else { digits };
        let sign = if neg { "-" } else { "" };
        let s = if frac.is_empty() {
            format!("{sign}{digits}")
        } else {
            format!("{sign}{digits}.{frac}")
        };
        // Past 28 places rust_decimal's exact parser refuses; its
        // rounding parser rounds to 28 places, as Backcast does.
        Decimal::from_str_exact(&s)
            .or_else(|_| Decimal::from_str(&s))
            .ok()?
    };
    Some(d.normalize())
}

/// `m` × 10^`exp` written without an exponent (`m` has no exponent).
fn shift(m: &str, exp: i64) -> Option<String> {
    let (neg, m) = m.strip_prefix('-').map_or((false, m), |r| (true, r));
    let (int, frac) = m.split_once('.').unwrap_or((m, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let digits = format!("{int}{frac}");
    // The point sits after `point` digits (may be outside the digits).
    let point = int.len() as i64 + exp;
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    Some(if neg { format!("-{text}") } else { text })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, .. ProptestConfig::default() })]

    #[test]
    fn agrees_with_rust_decimal(text in number_text()) {
        let ours = parse_decimal(&text).ok();
        let theirs = reference(&text);
        prop_assert_eq!(ours, theirs, "{:?}", text);
    }
}

#[test]
fn the_documented_differences() {
    // A leading +, spaces, and zeros past the 28th place.
    assert_eq!(parse_decimal(" +3 ").unwrap(), Decimal::from(3));
    // One sign only, as JavaScript's Number() reads them.
    assert!(parse_decimal("+-5").is_err());
    assert!(parse_decimal("++5").is_err());
    assert!(Decimal::from_str_exact("0.100000000000000000000000000000").is_err());
    assert_eq!(
        parse_decimal("0.100000000000000000000000000000")
            .unwrap()
            .to_string(),
        "0.1"
    );
    // More digits than a decimal holds: rounded, as rust_decimal rounds.
    assert_eq!(
        parse_decimal("1.00000000000000000000000000001").unwrap(),
        Decimal::ONE
    );
    // Beyond the range: an error.
    assert!(parse_decimal("1e29").is_err());
    // 8 × 10^28 is past the decimal's largest, 79,228,162,514,264,337,593,543,950,335.
    assert!(parse_decimal("80E27").is_err());
    assert_eq!(
        parse_decimal("7.9e28").unwrap(),
        Decimal::from_str("79000000000000000000000000000").unwrap()
    );
    assert!(parse_decimal("100000000000000000000000000000.5").is_err());
}
