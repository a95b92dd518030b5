//! Exact decimal numbers read from JSON.
//!
//! JSON (and JavaScript) hand us IEEE doubles. A double typed as `12.34` is not exactly 12.34,
//! but its shortest round-trip representation is the text `12.34`, which is what the person
//! typed. So every number of the input is turned back into that text and read as an exact
//! decimal: no float ever takes part in a comparison or a sum.

use crate::json_value::{Json, JsonNumber};
use std::cmp::Ordering;
use std::fmt;

/// An exact decimal: `mantissa × 10^-scale`.
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Largest magnitude accepted for any number (10^15): far above any amount of money, area or
/// count that a household record can hold, and small enough that sums and cross-multiplications
/// in i128 never overflow.
pub const MAX_ABS: i128 = 1_000_000_000_000_000;
/// [`MAX_ABS`] as the `expected` of an out-of-range problem. Written out rather than formatted
/// at run time: `{}` on an i128 is the only thing that would bring core's u128 formatting into
/// the wasm module (issue 8 item 6). `tests::max_abs_text_is_max_abs` ties the two together.
pub const MAX_ABS_TEXT: &str = "±1000000000000000";
/// More fractional digits than this are never meaningful here and are refused.
pub const MAX_SCALE: u32 = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// NaN or infinite.
    NotFinite,
    /// Larger in magnitude than any meaningful value.
    OutOfRange,
    /// More fractional digits than [`MAX_SCALE`].
    TooPrecise,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    pub fn from_int(n: i64) -> Decimal {
        Decimal {
            mantissa: i128::from(n),
            scale: 0,
        }
    }

    /// Reads a JSON number (integer or double) exactly as it was written.
    pub fn from_json(n: &JsonNumber) -> Result<Decimal, NumberError> {
        if let Some(i) = n.as_i64() {
            return Self::checked(i128::from(i), 0);
        }
        if let Some(u) = n.as_u64() {
            return Self::checked(i128::from(u), 0);
        }
        match n.as_f64() {
            Some(f) => Self::from_f64(f),
            None => Err(NumberError::NotFinite),
        }
    }

    pub fn from_f64(f: f64) -> Result<Decimal, NumberError> {
        if !f.is_finite() {
            return Err(NumberError::NotFinite);
        }
        // The shortest text that reads back to the same double (what `{}` on f64 prints), from
        // serde_json's float writer (`zmij`, what `serde_json::Number` prints with), which the
        // wasm module carries anyway: core's `<f64 as Display>` would add ~6 KB gzipped to it
        // (issue 8 item 6). That writer may use exponent form, which is spelled out here as
        // plain decimal text.
        Self::parse(&plain_decimal(zmij::Buffer::new().format_finite(f)))
    }

    /// Parses plain decimal text: optional sign, digits, optional fraction.
    pub fn parse(text: &str) -> Result<Decimal, NumberError> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
        if whole.is_empty() && frac.is_empty() {
            return Err(NumberError::NotFinite);
        }
        let frac = frac.trim_end_matches('0');
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberError::NotFinite);
        }
        let scale = u32::try_from(frac.len()).map_err(|_| NumberError::TooPrecise)?;
        if scale > MAX_SCALE {
            return Err(NumberError::TooPrecise);
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 16 {
            return Err(NumberError::OutOfRange);
        }
        let mut mantissa: i128 = 0;
        for b in whole.bytes().chain(frac.bytes()) {
            mantissa = mantissa * 10 + i128::from(b - b'0');
        }
        if negative {
            mantissa = -mantissa;
        }
        Self::checked(mantissa, scale)
    }

    fn checked(mantissa: i128, scale: u32) -> Result<Decimal, NumberError> {
        let d = Decimal { mantissa, scale };
        if d.whole_part().abs() >= MAX_ABS {
            return Err(NumberError::OutOfRange);
        }
        Ok(d)
    }

    fn whole_part(&self) -> i128 {
        self.mantissa / 10i128.pow(self.scale)
    }

    /// An amount of fen as yuan (scale 2), exact for every i64.
    /// Trailing zeros are dropped, as [`Decimal::parse`] drops them.
    pub fn from_fen(fen: i64) -> Decimal {
        let mut d = Decimal {
            mantissa: i128::from(fen),
            scale: 2,
        };
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }

    /// Whether `|self| ≥ n`.
    pub fn abs_ge_int(&self, n: i64) -> bool {
        self.mantissa.unsigned_abs() >= i128::from(n).unsigned_abs() * 10u128.pow(self.scale)
    }

    /// Number of fractional digits actually used (trailing zeros do not count).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// The value scaled to `scale` fractional digits, when that is exact.
    pub fn to_scaled(&self, scale: u32) -> Option<i128> {
        if self.scale > scale {
            return None;
        }
        Some(self.mantissa * 10i128.pow(scale - self.scale))
    }

    /// `(numerator, denominator)` with a positive denominator.
    pub fn as_fraction(&self) -> (i128, i128) {
        (self.mantissa, 10i128.pow(self.scale))
    }

    /// The whole number this decimal is, if it has no fractional part.
    pub fn as_integer(&self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// For display and JSON output only (never for arithmetic on the value). Both parts are
    /// exact doubles for any amount a record holds, so one division rounds correctly.
    pub fn to_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Decimal {}
impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let s = self.scale.max(other.scale);
        let a = self.mantissa * 10i128.pow(s - self.scale);
        let b = other.mantissa * 10i128.pow(s - other.scale);
        a.cmp(&b)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Digits by hand, last first: core's u128 formatting would add ~1.3 KB to the wasm
        // module for this one use (issue 8 item 6).
        let mut abs = self.mantissa.unsigned_abs();
        let mut text = Vec::with_capacity(48);
        let mut written = 0u32;
        loop {
            text.push(b'0' + (abs % 10) as u8);
            abs /= 10;
            written += 1;
            if written == self.scale {
                text.push(b'.');
            }
            if abs == 0 && written > self.scale {
                break;
            }
        }
        if self.mantissa < 0 {
            text.push(b'-');
        }
        text.reverse();
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

impl Decimal {
    /// The JSON value this decimal is written as (its `Serialize`: an integer, else a double).
    pub fn to_json(&self) -> Json {
        match self.as_integer() {
            Some(i) => Json::from(i),
            None => JsonNumber::from_f64(self.to_f64())
                .map(Json::Number)
                .unwrap_or(Json::Null),
        }
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_integer() {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

/// A ratio held as an exact fraction, e.g. a rate threshold of 2% or a spending ratio of 1.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    num: i128,
    den: i128,
}

impl Ratio {
    pub fn new(num: i128, den: i128) -> Option<Ratio> {
        if den <= 0 {
            return None;
        }
        Some(Ratio { num, den })
    }

    pub fn from_decimal(d: Decimal) -> Ratio {
        let (num, den) = d.as_fraction();
        Ratio { num, den }
    }

    /// Compares `a / b` with this ratio exactly (`b > 0`).
    pub fn cmp_fraction(&self, a: i128, b: i128) -> Ordering {
        (a * self.den).cmp(&(self.num * b))
    }

    /// `self × x` compared with `y`, exactly: is `y` above `self × x`?
    pub fn cmp_scaled(&self, y: i128, x: i128) -> Ordering {
        (y * self.den).cmp(&(self.num * x))
    }

    pub fn to_f64(&self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl serde::Serialize for Ratio {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

/// `text` as an i64, exactly as `str::parse::<i64>` reads it (an optional `+` or `-`, then
/// digits), through the `u64` parser: the core module then holds one integer parser, not two
/// (issue 8 item 6). Used by the pack text reader too.
pub fn parse_i64(text: &str) -> Option<i64> {
    match text.strip_prefix('-') {
        Some(digits) if !digits.starts_with('+') => {
            0i64.checked_sub_unsigned(digits.parse::<u64>().ok()?)
        }
        Some(_) => None,
        None => i64::try_from(text.parse::<u64>().ok()?).ok(),
    }
}

/// `d.ddd e±N` (or `d.ddd`) as plain decimal text without exponent: the digits are moved, never
/// rounded, so the value is exactly the same.
fn plain_decimal(text: &str) -> String {
    let Some((mant, exp)) = text.split_once(['e', 'E']) else {
        return text.to_string();
    };
    let Some(exp) = parse_i64(exp) else {
        return text.to_string();
    };
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mant),
    };
    let (whole, frac) = mant.split_once('.').unwrap_or((mant, ""));
    // Pushed as two slices, not collected char by char (UTF-8 decoding and encoding code for
    // ASCII digits: 0.15 KB gzipped, issue 8 item 6).
    let mut digits = String::with_capacity(whole.len() + frac.len());
    digits.push_str(whole);
    digits.push_str(frac);
    // Position of the decimal point within `digits` after shifting by `exp`.
    let point = i64::try_from(whole.len())
        .unwrap_or(i64::MAX)
        .saturating_add(exp);
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        for _ in 0..point.unsigned_abs() {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let point = usize::try_from(point).unwrap_or(usize::MAX);
        if point >= digits.len() {
            out.push_str(&digits);
            for _ in digits.len()..point {
                out.push('0');
            }
        } else {
            // `get`, not `split_at`: the digits are ASCII so it always succeeds, and
            // `split_at`'s panic path formats a `char`, which brings core's Unicode tables
            // into the wasm module (issue 8 item 6).
            let (Some(int), Some(rest)) = (digits.get(..point), digits.get(point..)) else {
                return text.to_string();
            };
            out.push_str(int);
            out.push('.');
            out.push_str(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 8 item 6: the written-out bound is the bound.
    #[test]
    fn max_abs_text_is_max_abs() {
        assert_eq!(MAX_ABS_TEXT, format!("±{MAX_ABS}"));
    }

    #[test]
    fn reads_doubles_as_typed() {
        let d = Decimal::from_f64(12.34).unwrap();
        assert_eq!(d.to_scaled(2), Some(1234));
        assert_eq!(
            Decimal::from_f64(0.1 + 0.2).unwrap_err(),
            NumberError::TooPrecise
        );
    }

    #[test]
    fn trailing_zeros_do_not_count_as_precision() {
        assert_eq!(Decimal::parse("12.3400").unwrap().scale(), 2);
        assert_eq!(Decimal::parse("1000").unwrap().as_integer(), Some(1000));
    }

    #[test]
    fn refuses_out_of_range_and_non_finite() {
        assert_eq!(
            Decimal::from_f64(f64::NAN).unwrap_err(),
            NumberError::NotFinite
        );
        assert_eq!(
            Decimal::from_f64(1e20).unwrap_err(),
            NumberError::OutOfRange
        );
    }

    /// `parse_i64` reads what `str::parse::<i64>` reads and refuses what it refuses.
    #[test]
    fn parse_i64_is_str_parse() {
        for t in [
            "0",
            "-0",
            "+0",
            "7",
            "-7",
            "+7",
            "-+7",
            "+-7",
            "--7",
            "",
            "-",
            "+",
            "1e3",
            " 1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "007",
            "-007",
        ] {
            assert_eq!(parse_i64(t), t.parse::<i64>().ok(), "{t:?}");
        }
    }

    #[test]
    fn compares_across_scales() {
        assert!(Decimal::parse("2.5").unwrap() < Decimal::parse("2.51").unwrap());
        assert_eq!(
            Decimal::parse("2.50").unwrap(),
            Decimal::parse("2.5").unwrap()
        );
    }

    /// Issue 8 item 6: the double → decimal reading no longer uses `<f64 as Display>`; it must
    /// read every double exactly as `format!("{f}")` (shortest round-trip text, no exponent)
    /// did, including the exponent-form cases of serde_json's writer (tiny and huge values).
    #[test]
    fn reads_doubles_as_display_did() {
        let mut cases = vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            0.5,
            12.34,
            1e-5,
            1e-7,
            1.5e-9,
            2.5e-10,
            123456.789,
            1e15,
            1e16,
            1.5e16,
            1e17,
            9.007199254740993e15,
            1e20,
            1e300,
            1e-300,
            5e-324,
            -3.25,
            -1e-6,
        ];
        // A deterministic spread of doubles: mantissas times powers of ten.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let cents = (x % 10_000_000_000) as f64;
            let exp = (x >> 40) % 24;
            cases.push(cents / 10f64.powi(exp as i32));
            cases.push(f64::from_bits(x >> 2));
        }
        for f in cases {
            if !f.is_finite() {
                continue;
            }
            let old = Decimal::parse(&format!("{f}"));
            assert_eq!(Decimal::from_f64(f), old, "{f:e}");
        }
    }

    /// Issue 8 item 6: decimals are written digit by hand; the text is what the `{}.{:0w$}`
    /// formatting of the whole and fractional parts gave.
    #[test]
    fn writes_decimals_as_before() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..20_000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let scale = i % (MAX_SCALE + 1);
            let magnitude = 10i128.pow(i % 25);
            let mantissa = i128::from(x) % magnitude.max(1) * if x % 3 == 0 { -1 } else { 1 };
            let d = Decimal { mantissa, scale };
            let abs = mantissa.unsigned_abs();
            let sign = if mantissa < 0 { "-" } else { "" };
            let want = if scale == 0 {
                format!("{sign}{abs}")
            } else {
                let p = 10u128.pow(scale);
                format!("{sign}{}.{:0w$}", abs / p, abs % p, w = scale as usize)
            };
            assert_eq!(d.to_string(), want);
        }
    }
}
