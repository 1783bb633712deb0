//! The working-day calendar: the official days shipped in the binary, plus
//! the days the school added in the store.

use std::sync::LazyLock;

use chrono::NaiveDate;
use gongshi_domain::OperatorName;
use gongshi_domain::calendar::{Calendar, Period, SpecialDay};
use gongshi_domain::{FieldError, text};
use gongshi_store::Store;

use crate::Result;

static OFFICIAL_JSON: &str = include_str!("../../../assets/calendar/cn-official.json");

static OFFICIAL: LazyLock<Calendar> = LazyLock::new(|| {
    // The asset is part of the binary; a test parses it.
    Calendar::from_json(OFFICIAL_JSON).unwrap_or_default()
});

/// The official calendar alone (no store needed).
pub fn official() -> Calendar {
    OFFICIAL.clone()
}

/// The official calendar with the school's added days.
pub fn calendar(store: Option<&Store>) -> Result<Calendar> {
    let mut cal = official();
    if let Some(store) = store {
        cal.add_year_days(&[], store.calendar_days()?);
    }
    Ok(cal)
}

/// The posting period of `days` working days from `from`.
pub fn workdays(store: Option<&Store>, from: NaiveDate, days: u32) -> Result<Period> {
    Ok(calendar(store)?
        .period(from, days)
        .map_err(|e| e.for_field("公示期"))?)
}

/// Adds (or corrects) a holiday or make-up working day.
pub fn set_day(
    store: &mut Store,
    operator: &OperatorName,
    date: NaiveDate,
    name: &str,
    off: bool,
) -> Result<SpecialDay> {
    let day = SpecialDay {
        date,
        name: text::required("名称", name, 20)?,
        off,
    };
    store.write(operator, |w| w.set_calendar_day(&day))?;
    Ok(day)
}

pub fn remove_day(store: &mut Store, operator: &OperatorName, date: NaiveDate) -> Result<()> {
    if !store.write(operator, |w| w.remove_calendar_day(date))? {
        return Err(FieldError::new("日期", format!("{date}不是录入过的日历日")).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_calendar_parses_and_covers_2020_to_2026() {
        let cal = Calendar::from_json(OFFICIAL_JSON).unwrap();
        assert_eq!(
            cal.years().collect::<Vec<_>>(),
            (2020..=2026).collect::<Vec<_>>()
        );
    }

    #[test]
    fn added_days_extend_the_calendar_to_a_later_year() {
        let mut store = Store::open_in_memory().unwrap();
        let op = OperatorName::parse("王静").unwrap();
        let from: NaiveDate = "2027-01-04".parse().unwrap();
        assert!(workdays(Some(&store), from, 5).is_err());
        set_day(&mut store, &op, "2027-01-01".parse().unwrap(), "元旦", true).unwrap();
        let p = workdays(Some(&store), from, 5).unwrap();
        assert_eq!(p.end, "2027-01-08".parse::<NaiveDate>().unwrap());
    }
}
