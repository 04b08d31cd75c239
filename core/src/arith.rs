//! Decimal arithmetic with one copy of rust_decimal's addition and one of
//! its multiplication in the wasm build.
//!
//! rust_decimal inlines its whole addition (about 1.7 KB of wasm) into each
//! operator and `checked_*` method, and its multiplication (1.3 KB) too, so
//! `+`, `-`, `-=`, `checked_add`, `floor` and `ceil` each carried a copy of
//! the same code. Core adds, subtracts and multiplies here instead, with
//! results bit for bit those of the operators; dividing with `/` is
//! already one shared function.

use rust_decimal::Decimal;

/// `a + b`; `None` on overflow.
#[inline(never)]
pub fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a - b`; `None` on overflow. rust_decimal subtracts by adding with the
/// sign of `b` flipped, and the sign of `b` is used nowhere else; only
/// when `b` is zero would the flipped sign show (`0 - 0` is `0`, `0 + -0`
/// is `-0`), so a zero `b` is added as it is, which is what subtracting
/// zero does too.
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    checked_add(a, if b.is_zero() { b } else { -b })
}

/// `a * b`; `None` on overflow.
#[inline(never)]
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a + b`, panicking on overflow as the operator does.
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    checked_add(a, b).expect("Addition overflowed")
}

/// `a - b`, panicking on overflow as the operator does.
pub fn sub(a: Decimal, b: Decimal) -> Decimal {
    checked_sub(a, b).expect("Subtraction overflowed")
}

/// `a * b`, panicking on overflow as the operator does.
pub fn mul(a: Decimal, b: Decimal) -> Decimal {
    checked_mul(a, b).expect("Multiplication overflowed")
}

/// `a / b`, for loops that would write `/=` (whose own copy of the
/// division's checks would ship beside the operator's).
pub fn div(a: Decimal, b: Decimal) -> Decimal {
    a / b
}

/// `d.floor()`: the whole part, one less for a negative number with a
/// fraction (rust_decimal's `floor` carries its own subtraction).
pub fn floor(d: Decimal) -> Decimal {
    let t = d.trunc();
    if d.is_sign_negative() && t != d {
        sub(t, Decimal::ONE)
    } else {
        t
    }
}

/// `d.ceil()`: the whole part, one more for a positive number with a
/// fraction.
pub fn ceil(d: Decimal) -> Decimal {
    let t = d.trunc();
    if d.is_sign_positive() && t != d {
        add(t, Decimal::ONE)
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Every result, sign and scale included, is the operator's.
    #[test]
    fn same_bits_as_the_operators() {
        let values = [
            dec!(0),
            -dec!(0),
            dec!(0.000),
            -dec!(0.00),
            dec!(1),
            dec!(-1),
            dec!(0.5),
            dec!(-0.5),
            dec!(2.50),
            dec!(-7.25),
            dec!(128),
            dec!(0.0000166667),
            dec!(-0.0000000000000000000000000001),
            dec!(4294967295),
            dec!(4294967296),
            dec!(18446744073709551616.5),
            dec!(79228162514264337593543950335),
            dec!(-79228162514264337593543950335),
            dec!(7.9228162514264337593543950335),
            Decimal::MAX,
            Decimal::MIN,
        ];
        let bits = |d: Option<Decimal>| d.map(|d| d.serialize());
        for a in values {
            for b in values {
                assert_eq!(bits(checked_add(a, b)), bits(a.checked_add(b)), "{a} + {b}");
                assert_eq!(bits(checked_sub(a, b)), bits(a.checked_sub(b)), "{a} - {b}");
                assert_eq!(bits(checked_mul(a, b)), bits(a.checked_mul(b)), "{a} * {b}");
            }
            assert_eq!(floor(a).serialize(), a.floor().serialize(), "floor {a}");
            assert_eq!(ceil(a).serialize(), a.ceil().serialize(), "ceil {a}");
        }
    }
}
