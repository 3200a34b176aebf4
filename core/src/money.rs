//! Money in 万元, held exactly as whole yuan so sums and the 30 % rule never drift.

use serde::{Serialize, Serializer};
use std::fmt;

/// An amount of money. Held as whole yuan (1 万元 = 10,000 yuan); read and written in 万元.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wan(i64);

/// Why a number cannot be an amount of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// NaN or infinite.
    NotFinite,
    /// Below zero.
    Negative,
    /// Above [`Wan::MAX`].
    TooLarge,
}

const YUAN_PER_WAN: i64 = 10_000;
/// Amounts of the funding estimate are exact to 0.01 万元 = 100 yuan.
const CENT_OF_WAN: i64 = 100;

impl Wan {
    /// Nothing.
    pub const ZERO: Wan = Wan(0);
    /// The largest amount accepted: 100 billion 万元 (far above any real centre, and small
    /// enough that five of them still add up exactly).
    pub const MAX: Wan = Wan(100_000_000_000 * YUAN_PER_WAN);

    /// An amount of whole yuan.
    pub const fn from_yuan(yuan: i64) -> Wan {
        Wan(yuan)
    }

    /// The amount in whole yuan.
    pub const fn yuan(self) -> i64 {
        self.0
    }

    /// Reads a number of 万元, rounded to the nearest yuan.
    pub fn from_wan(wan: f64) -> Result<Wan, MoneyError> {
        if !wan.is_finite() {
            return Err(MoneyError::NotFinite);
        }
        if wan < 0.0 {
            return Err(MoneyError::Negative);
        }
        if wan > Wan::MAX.as_wan() {
            return Err(MoneyError::TooLarge);
        }
        Ok(Wan((wan * YUAN_PER_WAN as f64).round() as i64))
    }

    /// The amount in 万元, as the nearest `f64` (exact for every amount of whole cents of 万元
    /// below 2^53 yuan, which [`Wan::MAX`] is).
    pub fn as_wan(self) -> f64 {
        self.0 as f64 / YUAN_PER_WAN as f64
    }

    /// `self + other`, saturating (never reached for accepted inputs).
    pub fn plus(self, other: Wan) -> Wan {
        Wan(self.0.saturating_add(other.0))
    }

    /// `self − other`, never below zero.
    pub fn minus(self, other: Wan) -> Wan {
        Wan(self.0.saturating_sub(other.0).max(0))
    }

    /// `rate_bp` basis points (1/10,000) of this amount, rounded down to 0.01 万元.
    pub fn share_floor(self, rate_bp: u32) -> Wan {
        let yuan = (self.0 as i128 * rate_bp as i128) / 10_000;
        let yuan = yuan as i64;
        Wan(yuan - yuan.rem_euclid(CENT_OF_WAN))
    }

    /// The smallest base, in whole 0.01 万元, of which `rate_bp` basis points (rounded down as in
    /// [`Wan::share_floor`]) reach `target`. `None` when the rate is zero.
    pub fn base_reaching(target: Wan, rate_bp: u32) -> Option<Wan> {
        if rate_bp == 0 {
            return None;
        }
        let target = ceil_to(target.0, CENT_OF_WAN) as i128;
        let need = (target * 10_000 + rate_bp as i128 - 1) / rate_bp as i128;
        Some(Wan(ceil_to(need as i64, CENT_OF_WAN)))
    }
}

fn ceil_to(x: i64, step: i64) -> i64 {
    let r = x.rem_euclid(step);
    if r == 0 {
        x
    } else {
        x + (step - r)
    }
}

/// A whole number with thousands separators: `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl Serialize for Wan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_wan())
    }
}

/// Writes the amount in 万元 with thousands separators and no needless decimals:
/// `1,666.67`, `10,000`, `0.5`.
impl fmt::Display for Wan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / YUAN_PER_WAN;
        let frac = (self.0 % YUAN_PER_WAN).unsigned_abs();
        if self.0 < 0 {
            f.write_str("-")?;
        }
        f.write_str(&grouped(whole.unsigned_abs()))?;
        if frac != 0 {
            let s = format!("{frac:04}");
            write!(f, ".{}", s.trim_end_matches('0'))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_decimals_exactly() {
        assert_eq!(Wan::from_wan(1666.67).unwrap().yuan(), 16_666_700);
        assert_eq!(Wan::from_wan(0.0001).unwrap().yuan(), 1);
        assert_eq!(Wan::from_wan(-0.5), Err(MoneyError::Negative));
        assert_eq!(Wan::from_wan(f64::NAN), Err(MoneyError::NotFinite));
        assert_eq!(Wan::from_wan(1e12), Err(MoneyError::TooLarge));
    }

    #[test]
    fn share_rounds_down_to_a_cent_of_wan() {
        // 30 % of 1,666.67 万元 is 500.001 万元: 500.00.
        let base = Wan::from_wan(1666.67).unwrap();
        assert_eq!(base.share_floor(3000), Wan::from_wan(500.0).unwrap());
        // 30 % of 0.0333 万元 is 0.00999: 0.
        assert_eq!(Wan::from_yuan(333).share_floor(3000), Wan::ZERO);
    }

    #[test]
    fn base_reaching_is_the_smallest() {
        let cap = Wan::from_wan(500.0).unwrap();
        let b = Wan::base_reaching(cap, 3000).unwrap();
        assert_eq!(b, Wan::from_wan(1666.67).unwrap());
        assert!(b.share_floor(3000) >= cap);
        assert!(Wan::from_yuan(b.yuan() - 100).share_floor(3000) < cap);
    }

    #[test]
    fn displays_grouped() {
        assert_eq!(Wan::from_wan(1666.67).unwrap().to_string(), "1,666.67");
        assert_eq!(Wan::from_wan(10000.0).unwrap().to_string(), "10,000");
        assert_eq!(Wan::from_wan(0.5).unwrap().to_string(), "0.5");
        assert_eq!(Wan::from_wan(123.0).unwrap().to_string(), "123");
        assert_eq!(Wan::from_yuan(-12_345_600).to_string(), "-1,234.56");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(999), "999");
    }
}
