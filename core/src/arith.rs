//! Decimal arithmetic with one copy of rust_decimal's addition and one of
//! its multiplication in the wasm build.
//!
//! rust_decimal inlines its whole addition (about 1.7 KB of wasm) into each
//! operator and `checked_*` method, and its multiplication (1.3 KB) too, so
//! `+`, `-`, `-=`, `checked_add`, `floor` and `ceil` each carried a copy of
//! the same code. Core adds, subtracts and multiplies here instead, with
//! results bit for bit those of the operators; dividing with `/` is
//! already one shared function.
//!
//! [`Sat`] is the one decimal type the core computes with: its operators
//! saturate, and the `checked_*` functions return `None`; no name here
//! panics on overflow.

use rust_decimal::Decimal;
use std::ops::{Add, AddAssign, Div, Mul, Sub, SubAssign};

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

/// A decimal whose `+`, `-`, `*` and `/` saturate: a result too large for
/// a `Decimal` is `Decimal::MAX` (or `Decimal::MIN` below zero), which
/// reads as "more than any budget", and never a panic (with
/// immediate-abort, a panic ends the page). Dividing by zero gives the
/// same bound, with the dividend's sign (`0 / 0` is 0).
///
/// Money and quantities are computed as `Sat` so that `a * b + c` reads
/// as arithmetic; values cross the module boundaries as plain `Decimal`
/// (`Sat(d)` in, `.0` out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sat(pub Decimal);

impl Sat {
    pub const ZERO: Sat = Sat(Decimal::ZERO);
    pub const ONE: Sat = Sat(Decimal::ONE);

    /// The bound a saturated result takes.
    fn bound(negative: bool) -> Sat {
        Sat(if negative { Decimal::MIN } else { Decimal::MAX })
    }

    /// The whole part, one less for a negative number with a fraction
    /// (rust_decimal's `floor` carries its own copy of the subtraction).
    pub fn floor(self) -> Sat {
        let t = Sat(self.0.trunc());
        if self.0.is_sign_negative() && t != self {
            t - Sat::ONE
        } else {
            t
        }
    }

    /// The whole part, one more for a positive number with a fraction.
    pub fn ceil(self) -> Sat {
        let t = Sat(self.0.trunc());
        if self.0.is_sign_positive() && t != self {
            t + Sat::ONE
        } else {
            t
        }
    }

    pub fn max(self, other: impl Into<Sat>) -> Sat {
        Ord::max(self, other.into())
    }
}

impl From<Decimal> for Sat {
    fn from(d: Decimal) -> Sat {
        Sat(d)
    }
}

impl<R: Into<Sat>> Add<R> for Sat {
    type Output = Sat;
    /// Only two numbers of one sign can overflow, towards that sign.
    fn add(self, r: R) -> Sat {
        let r = r.into();
        checked_add(self.0, r.0).map_or_else(|| Sat::bound(self.0.is_sign_negative()), Sat)
    }
}

impl<R: Into<Sat>> Sub<R> for Sat {
    type Output = Sat;
    /// Only numbers of opposite signs can overflow, towards `self`'s.
    fn sub(self, r: R) -> Sat {
        let r = r.into();
        checked_sub(self.0, r.0).map_or_else(|| Sat::bound(self.0.is_sign_negative()), Sat)
    }
}

impl<R: Into<Sat>> Mul<R> for Sat {
    type Output = Sat;
    fn mul(self, r: R) -> Sat {
        let r = r.into();
        checked_mul(self.0, r.0).map_or_else(
            || Sat::bound(self.0.is_sign_negative() != r.0.is_sign_negative()),
            Sat,
        )
    }
}

impl<R: Into<Sat>> Div<R> for Sat {
    type Output = Sat;
    fn div(self, r: R) -> Sat {
        let r = r.into();
        if r.0.is_zero() && self.0.is_zero() {
            return Sat::ZERO;
        }
        self.0.checked_div(r.0).map_or_else(
            || Sat::bound(self.0.is_sign_negative() != r.0.is_sign_negative()),
            Sat,
        )
    }
}

impl<R: Into<Sat>> AddAssign<R> for Sat {
    fn add_assign(&mut self, r: R) {
        *self = *self + r;
    }
}

impl<R: Into<Sat>> SubAssign<R> for Sat {
    fn sub_assign(&mut self, r: R) {
        *self = *self - r;
    }
}

impl std::iter::Sum for Sat {
    fn sum<I: Iterator<Item = Sat>>(iter: I) -> Sat {
        iter.fold(Sat::ZERO, |a, b| a + b)
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
            assert_eq!(
                Sat(a).floor().0.serialize(),
                a.floor().serialize(),
                "floor {a}"
            );
            assert_eq!(
                Sat(a).ceil().0.serialize(),
                a.ceil().serialize(),
                "ceil {a}"
            );
            for b in values {
                // Where the operator has a result, `Sat` has the same bits.
                let same = |got: Sat, want: Option<Decimal>, op: &str| {
                    if let Some(w) = want {
                        assert_eq!(got.0.serialize(), w.serialize(), "{a} {op} {b}");
                    }
                };
                same(Sat(a) + b, a.checked_add(b), "+");
                same(Sat(a) - b, a.checked_sub(b), "-");
                same(Sat(a) * b, a.checked_mul(b), "*");
                same(Sat(a) / b, a.checked_div(b), "/");
            }
        }
    }
}

#[cfg(test)]
mod saturation {
    use super::*;
    use rust_decimal_macros::dec;

    /// Overflow goes to the bound on the side the true result is on.
    #[test]
    fn overflow_saturates_towards_the_true_sign() {
        let (max, min) = (Sat(Decimal::MAX), Sat(Decimal::MIN));
        assert_eq!(max + dec!(1), max);
        assert_eq!(min + dec!(-1), min);
        assert_eq!(max - dec!(-1), max);
        assert_eq!(min - dec!(1), min);
        assert_eq!(max * dec!(2), max);
        assert_eq!(max * dec!(-2), min);
        assert_eq!(min * dec!(-2), max);
        assert_eq!(max / dec!(0.5), max);
        assert_eq!(min / dec!(0.5), min);
        assert_eq!(Sat(dec!(3)) / dec!(0), max);
        assert_eq!(Sat(dec!(-3)) / dec!(0), min);
        assert_eq!(Sat(dec!(0)) / dec!(0), Sat::ZERO);
        // Not saturated: an ordinary expression is ordinary arithmetic.
        assert_eq!(Sat(dec!(2)) * dec!(3) + dec!(1) - dec!(0.5), Sat(dec!(6.5)));
        assert_eq!(
            [dec!(1), dec!(2.5)].into_iter().map(Sat).sum::<Sat>(),
            Sat(dec!(3.5))
        );
    }
}
