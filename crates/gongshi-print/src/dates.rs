//! Dates as a Chinese notice prints them.

use chrono::{Datelike, NaiveDate};

/// 2026-11-24 → 2026年11月24日 (no leading zeros, as official notices write).
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2026, 9, 8).unwrap();
        assert_eq!(chinese_date(d), "2026年9月8日");
    }
}
