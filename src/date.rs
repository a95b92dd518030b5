//! ISO calendar dates, ages on a date, and calendar-month spans.
//!
//! The engine reads no clock: every date comes from the caller.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// 2011-01-01: the first day any built-in pack covers.
    pub const EARLIEST_RULES: Date = Date {
        year: 2011,
        month: 1,
        day: 1,
    };
    /// 2021-01-01: the monitoring regime (防止返贫监测) replaces the exit regime.
    pub const MONITORING_START: Date = Date {
        year: 2021,
        month: 1,
        day: 1,
    };
    /// 2026-01-01: after the five-year transition period (过渡期).
    pub const AFTER_TRANSITION: Date = Date {
        year: 2026,
        month: 1,
        day: 1,
    };

    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let year = digits(text.get(0..4)?)?;
        let month = digits(text.get(5..7)?)?;
        let day = digits(text.get(8..10)?)?;
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// Parses `YYYYMMDD`, as in the birth-date part of an ID number.
    pub fn parse_compact(text: &str) -> Option<Date> {
        if text.len() != 8 {
            return None;
        }
        let year = digits(text.get(0..4)?)?;
        Date::new(
            i32::try_from(year).ok()?,
            digits(text.get(4..6)?)?,
            digits(text.get(6..8)?)?,
        )
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// Whole years of age on `on` (a birthday counts from its own day).
    pub fn age_on(&self, on: Date) -> i32 {
        let mut age = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            age -= 1;
        }
        age
    }

    /// Days from `self` to `to` (negative when `to` is earlier).
    pub fn days_until(&self, to: Date) -> i64 {
        to.day_number() - self.day_number()
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    fn day_number(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole calendar months from `self` to `to`: 2022-05-15 → 2022-11-15 is 6, → 2022-11-14
    /// is 5. Negative when `to` is earlier.
    ///
    /// 民法典 第二百零二条 (contract v1.1 item 1): a period of months ends on the corresponding
    /// day of the last month, or on that month's last day when it has no corresponding day. So
    /// from 2022-08-31 the sixth month ends on 2023-02-28, and 2024-01-31 → 2024-07-30 is
    /// still 5 (July has a 31st). The same reading applies backwards.
    pub fn months_until(&self, to: Date) -> i32 {
        let raw = (to.year - self.year) * 12 + to.month as i32 - self.month as i32;
        // The day `self.day` falls on in `to`'s month, clamped to that month's last day.
        let due = self.day.min(days_in_month(to.year, to.month));
        if raw > 0 && to.day < due {
            raw - 1
        } else if raw < 0 {
            // Backwards: `to` is in an earlier month; the span from `to` to `self` is whole
            // months when `self.day` reaches `to.day` clamped into `self`'s month.
            let back_due = to.day.min(days_in_month(self.year, self.month));
            if self.day < back_due {
                raw + 1
            } else {
                raw
            }
        } else {
            raw
        }
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_only_real_dates() {
        assert!(Date::parse("2019-02-29").is_none());
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2019-2-28").is_none());
        assert!(Date::parse("2019-13-01").is_none());
    }

    #[test]
    fn age_counts_from_the_birthday() {
        assert_eq!(d("2004-01-01").age_on(d("2019-12-31")), 15);
        assert_eq!(d("2004-01-01").age_on(d("2020-01-01")), 16);
        assert_eq!(d("2004-12-31").age_on(d("2020-12-30")), 15);
    }

    #[test]
    fn counts_days_across_leap_years() {
        assert_eq!(d("1970-01-01").days_until(d("1970-01-02")), 1);
        assert_eq!(d("2020-02-28").days_until(d("2020-03-01")), 2);
        assert_eq!(d("2019-02-28").days_until(d("2019-03-01")), 1);
        assert_eq!(d("2019-01-01").days_until(d("2020-01-01")), 365);
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(d("2022-05-15").months_until(d("2022-11-15")), 6);
        assert_eq!(d("2022-05-15").months_until(d("2022-11-14")), 5);
        assert_eq!(d("2022-05-15").months_until(d("2022-05-14")), 0);
    }

    /// Contract v1.1 item 1, 民法典 第二百零二条: a month period ending in a month without the
    /// corresponding day ends on that month's last day.
    #[test]
    fn month_spans_at_the_end_of_a_month_follow_civil_code_202() {
        assert_eq!(d("2022-08-31").months_until(d("2023-02-28")), 6);
        assert_eq!(d("2023-08-31").months_until(d("2024-02-29")), 6);
        assert_eq!(d("2023-08-31").months_until(d("2024-02-28")), 5);
        assert_eq!(d("2022-08-31").months_until(d("2023-02-27")), 5);
        assert_eq!(d("2024-01-31").months_until(d("2024-07-30")), 5);
        assert_eq!(d("2024-01-31").months_until(d("2024-07-31")), 6);
        assert_eq!(d("2024-01-31").months_until(d("2024-06-30")), 5);
        assert_eq!(d("2024-01-30").months_until(d("2024-02-29")), 1);
        assert_eq!(d("2023-01-29").months_until(d("2023-02-28")), 1);
        assert_eq!(d("2023-01-28").months_until(d("2023-02-27")), 0);
    }

    /// Backwards spans mirror forwards ones, so ordering checks stay symmetric.
    #[test]
    fn backward_month_spans_mirror_forward_ones() {
        assert_eq!(d("2023-02-28").months_until(d("2022-08-31")), -6);
        assert_eq!(d("2022-11-14").months_until(d("2022-05-15")), -5);
        assert_eq!(d("2022-11-15").months_until(d("2022-05-15")), -6);
    }
}
