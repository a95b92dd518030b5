//! Money as integer fen (分). The only place that rounds.
//!
//! Amounts arrive in yuan with at most two decimals and are held as whole fen. Per-capita
//! figures are exact fractions (fen ÷ persons); they are compared with lines exactly, by
//! cross-multiplication, and rounded to the fen only for display.

use crate::number::Decimal;
use std::cmp::Ordering;
use std::ops::{Add, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Money(i64);

/// Why a number cannot be an amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    TooManyDecimals,
    OutOfRange,
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_fen(fen: i64) -> Money {
        Money(fen)
    }

    pub fn from_yuan(yuan: i64) -> Money {
        Money(yuan.saturating_mul(100))
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    pub fn from_decimal(d: Decimal) -> Result<Money, MoneyError> {
        let fen = d.to_scaled(2).ok_or(MoneyError::TooManyDecimals)?;
        i64::try_from(fen)
            .map(Money)
            .map_err(|_| MoneyError::OutOfRange)
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// This amount in yuan as an exact decimal, for output. Built from the fen directly (not
    /// through text), so it is exact for every amount, however large (issue 9 item 8: a sum
    /// past the decimal reader's range once printed as 0).
    pub fn to_decimal(self) -> Decimal {
        Decimal::from_fen(self.0)
    }

    /// Checked sum: `None` past i64 fen (never reached by amounts within the supported range).
    pub fn checked_add(self, rhs: Money) -> Option<Money> {
        self.0.checked_add(rhs.0).map(Money)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_decimal().serialize(s)
    }
}

/// An amount shared among persons, kept exact: `total ÷ persons`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerCapita {
    total: Money,
    persons: i64,
}

impl PerCapita {
    /// `persons` must be at least 1 (the household record guarantees a non-empty member list).
    pub fn new(total: Money, persons: usize) -> PerCapita {
        PerCapita {
            total,
            persons: i64::try_from(persons).unwrap_or(i64::MAX).max(1),
        }
    }

    /// Exact comparison with a line (an amount per person).
    pub fn cmp_line(&self, line: Money) -> Ordering {
        i128::from(self.total.0).cmp(&(i128::from(line.0) * i128::from(self.persons)))
    }

    /// Rounded to the fen, half away from zero: for display only.
    pub fn rounded(&self) -> Money {
        let t = i128::from(self.total.0);
        let p = i128::from(self.persons);
        let q = (2 * t.abs() + p) / (2 * p);
        let q = if t < 0 { -q } else { q };
        Money(i64::try_from(q).unwrap_or(i64::MAX))
    }

    /// The exact difference from a line, rounded to the fen for display.
    pub fn margin(&self, line: Money) -> Money {
        let diff = self.total - Money(line.0.saturating_mul(self.persons));
        PerCapita {
            total: diff,
            persons: self.persons,
        }
        .rounded()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_two_decimals_exactly() {
        let m = Money::from_decimal(Decimal::from_f64(12.34).unwrap()).unwrap();
        assert_eq!(m.fen(), 1234);
        assert_eq!(
            Money::from_decimal(Decimal::parse("1.005").unwrap()),
            Err(MoneyError::TooManyDecimals)
        );
    }

    #[test]
    fn per_capita_compares_without_rounding() {
        // 10000.01 yuan among 3 persons is 3333.3366..., above 3333.33 and below 3333.34.
        let pc = PerCapita::new(Money::from_fen(1_000_001), 3);
        assert_eq!(pc.cmp_line(Money::from_fen(333_333)), Ordering::Greater);
        assert_eq!(pc.cmp_line(Money::from_fen(333_334)), Ordering::Less);
        assert_eq!(pc.rounded().fen(), 333_334);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(PerCapita::new(Money::from_fen(5), 2).rounded().fen(), 3);
        assert_eq!(PerCapita::new(Money::from_fen(-5), 2).rounded().fen(), -3);
    }

    #[test]
    fn negative_amounts_print_with_sign() {
        assert_eq!(Money::from_fen(-50).to_decimal().to_string(), "-0.5");
        assert_eq!(Money::from_fen(-150).to_decimal().to_string(), "-1.5");
    }

    #[test]
    fn issue9_item8_large_amounts_print_exactly() {
        // Once printed through the decimal reader, a sum of 10^15 yuan or more showed as 0.
        assert_eq!(
            Money::from_fen(100_000_000_000_000_000)
                .to_decimal()
                .to_string(),
            "1000000000000000"
        );
        assert_eq!(
            Money::from_fen(i64::MAX).to_decimal().to_string(),
            "92233720368547758.07"
        );
        assert_eq!(Money::from_fen(-5).to_decimal().to_string(), "-0.05");
        assert_eq!(
            Money::from_fen(120_000).to_decimal().as_integer(),
            Some(1200)
        );
        assert_eq!(
            Money::from_fen(i64::MAX).checked_add(Money::from_fen(1)),
            None
        );
    }
}
