//! Whether an imported year looks whole: the seven statutory holidays
//! (法定节假日) each have at least one day off. A notice pasted without its
//! last paragraph, or a file holding only half a year, parses without a
//! single error — this check is what tells the clerk something is missing
//! before the calendar counts posting periods on it.

use chrono::Datelike;

use super::SpecialDay;

/// The statutory holidays every year's arrangement covers.
pub const STATUTORY: [&str; 7] = [
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
];

/// The statutory holidays with no day off in `year`, in calendar order.
/// A day named "中秋节、国庆节" covers both (names match by containment).
pub fn missing_holidays(days: &[SpecialDay], year: i32) -> Vec<&'static str> {
    STATUTORY
        .into_iter()
        .filter(|holiday| {
            !days
                .iter()
                .any(|day| day.off && day.name.contains(holiday) && holiday_year(day) == year)
        })
        .collect()
}

/// The year whose holiday a day belongs to: 元旦 is New Year's Day of the
/// following year when its break starts in December (2022-12-31 was part of
/// 2023's 元旦), so a December 元旦 day counts for the next year, not its own.
fn holiday_year(day: &SpecialDay) -> i32 {
    let date = day.date;
    if day.name.contains("元旦") && date.month() == 12 {
        date.year() + 1
    } else {
        date.year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, name: &str, off: bool) -> SpecialDay {
        SpecialDay {
            date: date.parse().unwrap(),
            name: name.into(),
            off,
        }
    }

    /// One off day for each statutory holiday of 2027, with 中秋/国庆 merged.
    fn whole_2027() -> Vec<SpecialDay> {
        vec![
            day("2027-01-01", "元旦", true),
            day("2027-02-06", "春节", true),
            day("2027-04-05", "清明节", true),
            day("2027-05-01", "劳动节", true),
            day("2027-06-09", "端午节", true),
            day("2027-10-01", "国庆节、中秋节", true),
        ]
    }

    fn check(days: &[SpecialDay], year: i32, expected: &[&str]) {
        assert_eq!(missing_holidays(days, year), expected, "{days:?}");
    }

    #[test]
    fn a_whole_year_misses_nothing_and_a_merged_name_covers_both() {
        check(&whole_2027(), 2027, &[]);
        let mut reversed = whole_2027();
        reversed[5].name = "中秋节、国庆节".into();
        check(&reversed, 2027, &[]);
    }

    #[test]
    fn missing_holidays_are_named_in_calendar_order() {
        check(&[], 2027, &STATUTORY);
        let without_spring_and_autumn: Vec<_> = whole_2027()
            .into_iter()
            .filter(|d| d.name != "春节" && !d.name.contains("中秋"))
            .collect();
        check(
            &without_spring_and_autumn,
            2027,
            &["春节", "中秋节", "国庆节"],
        );
    }

    #[test]
    fn working_days_and_other_years_do_not_count() {
        let mut days = whole_2027();
        days[1] = day("2027-02-07", "春节", false);
        check(&days, 2027, &["春节"]);
        check(&whole_2027(), 2028, &STATUTORY);
    }

    #[test]
    fn new_years_day_starting_in_december_counts_for_the_next_year() {
        // 2023's 元旦 ran 2022-12-31 … 2023-01-02.
        let only_december = [day("2022-12-31", "元旦", true)];
        check(&only_december, 2023, &STATUTORY[1..]);
        assert!(missing_holidays(&only_december, 2022).contains(&"元旦"));
        let whole = [
            day("2022-12-31", "元旦", true),
            day("2023-01-01", "元旦", true),
        ];
        check(&whole, 2023, &STATUTORY[1..]);
    }
}
