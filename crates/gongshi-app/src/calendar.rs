//! The working-day calendar: the official days shipped in the binary, plus
//! the days the school added in the store and the years it entered whole.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use gongshi_domain::OperatorName;
use gongshi_domain::calendar::{Calendar, Period, SpecialDay, YearSource};
use gongshi_domain::{FieldError, text};
use gongshi_store::Store;
use serde::Serialize;

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

/// The official calendar with the school's added days and whole years.
pub fn calendar(store: Option<&Store>) -> Result<Calendar> {
    let mut cal = official();
    if let Some(store) = store {
        cal.add_days(store.calendar_days()?);
        for (year, source) in store.calendar_years()? {
            cal.cover_year(year, source);
        }
    }
    Ok(cal)
}

/// One year as the calendar knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearStatus {
    pub year: i32,
    /// How it came to be complete; `None` while it is not.
    pub source: Option<YearSource>,
    /// Days listed for it (holidays and make-up working days).
    pub days: usize,
    /// Statutory holidays not entered yet (for an incomplete year).
    pub missing: Vec<&'static str>,
}

impl YearStatus {
    /// Whether [`confirm_year`] would take it: begun by hand, not complete,
    /// lacking no statutory holiday.
    pub fn can_confirm(&self) -> bool {
        self.source.is_none() && self.days > 0 && self.missing.is_empty()
    }
}

/// Every year the calendar covers or has days for, and the next year.
pub fn years(store: Option<&Store>, today: NaiveDate) -> Result<Vec<YearStatus>> {
    let cal = calendar(store)?;
    let mut years: Vec<i32> = cal.years().collect();
    if let Some(store) = store {
        years.extend(store.calendar_days()?.iter().map(|d| d.date.year()));
    }
    years.push(today.year() + 1);
    years.sort_unstable();
    years.dedup();
    Ok(years
        .into_iter()
        .map(|year| YearStatus {
            year,
            source: cal.year_source(year),
            days: cal.days_of(year).len(),
            missing: cal.missing_holidays(year),
        })
        .collect())
}

/// Marks `year` complete after its days were entered one by one. Refused
/// for a year already complete, or one still lacking a statutory holiday.
pub fn confirm_year(store: &mut Store, operator: &OperatorName, year: i32) -> Result<()> {
    let cal = calendar(Some(store))?;
    if let Some(source) = cal.year_source(year) {
        return Err(FieldError::new(
            "年份",
            format!("{year}年的安排已经完整（{}）", source.label()),
        )
        .into());
    }
    if cal.days_of(year).is_empty() {
        return Err(FieldError::new(
            "年份",
            format!("{year}年还没有录入任何放假或调休日期：请先导入国务院的通知，或逐日录入"),
        )
        .into());
    }
    let missing = cal.missing_holidays(year);
    if !missing.is_empty() {
        return Err(FieldError::new(
            "年份",
            format!(
                "{year}年还缺少{}的放假日期，不能确认完整：请先录入它们，或导入国务院的通知",
                missing.join("、")
            ),
        )
        .into());
    }
    store.write(operator, |w| {
        w.set_calendar_year(year, YearSource::Confirmed)
    })?;
    Ok(())
}

/// A year's arrangement the calendar lacks, said for the dashboard; each
/// face adds where to import it (a screen, or a command).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarWarning {
    pub year: i32,
    /// What is missing and what it means, in a sentence.
    pub text: String,
}

/// What the dashboard says when a year's arrangement is missing: this
/// year's at any time, next year's from 1 November (the State Council
/// publishes it in October to December).
pub fn missing_year_warning(
    store: Option<&Store>,
    today: NaiveDate,
) -> Result<Option<CalendarWarning>> {
    let cal = calendar(store)?;
    let this = today.year();
    let year = if cal.year_source(this).is_none() {
        this
    } else if today.month() >= 11 && cal.year_source(this + 1).is_none() {
        this + 1
    } else {
        return Ok(None);
    };
    let missing = cal.missing_holidays(year);
    let begun = !cal.days_of(year).is_empty();
    let what = match (begun, missing.is_empty()) {
        (false, _) => format!("工作日历还没有{year}年的节假日安排"),
        (true, false) => format!("{year}年的节假日安排不完整（缺少{}）", missing.join("、")),
        (true, true) => format!("{year}年的节假日安排已逐日录入，但还没有确认完整"),
    };
    Ok(Some(CalendarWarning {
        year,
        text: format!("{what}：跨入{year}年的公示期会被拒绝。"),
    }))
}

/// The posting period of `days` working days from `from`.
pub fn workdays(store: Option<&Store>, from: NaiveDate, days: u32) -> Result<Period> {
    Ok(calendar(store)?
        .period(from, days)
        .map_err(|e| e.for_field("公示期"))?)
}

/// Adds (or corrects) a holiday or make-up working day.
/// The days the school entered or imported, by date.
pub fn days(store: &Store) -> Result<Vec<SpecialDay>> {
    Ok(store.calendar_days()?)
}

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
    store.write(operator, |w| w.set_calendar_day(&day, None))?;
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
    fn added_days_extend_the_calendar_once_the_year_is_confirmed() {
        let mut store = Store::open_in_memory().unwrap();
        let op = OperatorName::parse("王静").unwrap();
        let from: NaiveDate = "2027-01-04".parse().unwrap();
        assert!(workdays(Some(&store), from, 5).is_err());
        assert!(confirm_year(&mut store, &op, 2027).is_err());
        set_day(&mut store, &op, "2027-01-01".parse().unwrap(), "元旦", true).unwrap();
        let err = workdays(Some(&store), from, 5).unwrap_err();
        assert!(err.to_string().contains("缺少：春节"), "{err}");
        // Confirming a year that lacks a holiday would count it as weeks.
        let err = confirm_year(&mut store, &op, 2027).unwrap_err();
        assert!(err.to_string().contains("缺少春节、清明节"), "{err}");
        enter_every_holiday(&mut store, &op, 2027);
        confirm_year(&mut store, &op, 2027).unwrap();
        let p = workdays(Some(&store), from, 5).unwrap();
        assert_eq!(p.end, "2027-01-08".parse::<NaiveDate>().unwrap());
        assert!(confirm_year(&mut store, &op, 2027).is_err());
    }

    /// One off day for each statutory holiday, on the first of its month
    /// (the dates are the test's, not a real arrangement).
    fn enter_every_holiday(store: &mut Store, op: &OperatorName, year: i32) {
        use gongshi_domain::calendar::completeness::STATUTORY;
        for (month, name) in [1, 2, 4, 5, 6, 9, 10].into_iter().zip(STATUTORY) {
            let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
            set_day(store, op, first, name, true).unwrap();
        }
    }

    #[test]
    fn the_dashboard_warns_from_november_about_next_year() {
        let mut store = Store::open_in_memory().unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            missing_year_warning(Some(&store), d("2026-10-31")).unwrap(),
            None
        );
        let warning = missing_year_warning(Some(&store), d("2026-11-01"))
            .unwrap()
            .unwrap();
        assert_eq!(warning.year, 2027);
        assert!(
            warning.text.contains("没有2027年的节假日安排"),
            "{warning:?}"
        );
        // In 2027 itself, whatever the month.
        assert!(
            missing_year_warning(Some(&store), d("2027-03-01"))
                .unwrap()
                .is_some()
        );
        let op = OperatorName::parse("王静").unwrap();
        enter_every_holiday(&mut store, &op, 2027);
        confirm_year(&mut store, &op, 2027).unwrap();
        assert_eq!(
            missing_year_warning(Some(&store), d("2026-12-20")).unwrap(),
            None
        );
    }
}
