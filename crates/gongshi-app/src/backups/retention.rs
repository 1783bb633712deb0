//! Which backups to keep, as Anki thins them: every backup of the last two
//! days, then the newest of each day for 12 days, of each week for 10
//! weeks, of each month for 9 months; older ones go.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDateTime};

/// For backups taken at `times` (any order), whether each is kept at `now`.
pub fn keep(now: NaiveDateTime, times: &[NaiveDateTime]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    // Newest first: the newest of each bucket is the one kept.
    order.sort_by(|a, b| times[*b].cmp(&times[*a]));
    let mut seen: HashSet<(u8, i32, u32)> = HashSet::new();
    let mut kept = vec![false; times.len()];
    let days = Duration::days;
    for i in order {
        let t = times[i];
        let age = now - t;
        let bucket = if age < days(2) {
            None
        } else if age < days(2 + 12) {
            Some((1, t.year(), t.ordinal()))
        } else if age < days(14 + 7 * 10) {
            let week = t.iso_week();
            Some((2, week.year(), week.week()))
        } else if age < days(84 + 31 * 9) {
            Some((3, t.year(), t.month()))
        } else {
            kept[i] = false;
            continue;
        };
        kept[i] = match bucket {
            None => true,
            Some(b) => seen.insert(b),
        };
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn backups_thin_to_days_weeks_and_months() {
        let now = at("2026-12-01 18:00");
        let cases: &[(&str, bool)] = &[
            // The last two days: all of them.
            ("2026-12-01 08:00", true),
            ("2026-11-30 17:00", true),
            ("2026-11-30 09:00", true),
            // Then the newest of each day.
            ("2026-11-28 16:00", true),
            ("2026-11-28 08:00", false),
            ("2026-11-20 12:00", true),
            // Then the newest of each week (2026-11-02 and -03 share one).
            ("2026-11-03 12:00", true),
            ("2026-11-02 12:00", false),
            ("2026-09-10 12:00", true),
            // Then the newest of each month.
            ("2026-08-20 12:00", true),
            ("2026-08-05 12:00", false),
            ("2026-02-10 12:00", true),
            // Beyond nine months or so: gone.
            ("2025-12-01 12:00", false),
        ];
        let times: Vec<NaiveDateTime> = cases.iter().map(|(t, _)| at(t)).collect();
        let kept = keep(now, &times);
        for ((t, want), got) in cases.iter().zip(kept) {
            assert_eq!(got, *want, "{t}");
        }
    }

    #[test]
    fn the_order_given_does_not_matter() {
        let now = at("2026-12-01 18:00");
        let a = [at("2026-11-20 08:00"), at("2026-11-20 12:00")];
        let b = [a[1], a[0]];
        assert_eq!(keep(now, &a), [false, true]);
        assert_eq!(keep(now, &b), [true, false]);
    }
}
