//! Working days on the official PRC calendar: holidays and make-up
//! working days (调休) of each year, the ordinary week for days not listed.
//! A posting period (公示期) is counted in these working days.
//!
//! A later year's days come from what a clerk has at hand — the State
//! Council's notice ([`notice`]), a holiday-cn JSON file ([`holiday_json`]),
//! an .ics subscription file ([`ics`]) — and [`completeness`] tells whether
//! a year so read has all its statutory holidays. [`coverage`] says how a
//! year came to be known: only a whole arrangement counts.

pub mod completeness;
pub mod coverage;
pub mod holiday_json;
pub mod ics;
pub mod notice;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::FieldError;
pub use coverage::YearSource;

/// One listed day: a holiday (off) or a make-up working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialDay {
    pub date: NaiveDate,
    /// 国庆节, 春节…
    pub name: String,
    /// true: a day off (possibly a weekday); false: a working day (possibly
    /// a Saturday or Sunday).
    pub off: bool,
}

/// The calendar: which years it knows whole (and how), and the listed days
/// (of those years, and of any year the school has begun to enter).
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeMap<i32, YearSource>,
    days: HashMap<NaiveDate, SpecialDay>,
}

/// The shape of `assets/calendar/cn-official.json`.
#[derive(Deserialize)]
struct CalendarFile {
    years: Vec<i32>,
    days: Vec<SpecialDay>,
}

/// A posting period: from its first working day to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub working_days: u32,
}

impl fmt::Display for Period {
    /// 公示期：2026年9月28日至2026年10月9日（5个工作日）
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "公示期：{}至{}（{}个工作日）",
            chinese(self.start),
            chinese(self.end),
            self.working_days
        )
    }
}

fn chinese(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

impl Calendar {
    /// Parses the embedded official calendar (JSON text).
    pub fn from_json(text: &str) -> Result<Self, String> {
        let file: CalendarFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut cal = Calendar::default();
        cal.add_days(file.days);
        for year in file.years {
            cal.cover_year(year, YearSource::Official);
        }
        Ok(cal)
    }

    /// Adds (or overrides) listed days. Their years are not covered by this
    /// alone: see [`Calendar::cover_year`].
    pub fn add_days(&mut self, days: Vec<SpecialDay>) {
        for day in days {
            self.days.insert(day.date, day);
        }
    }

    /// Marks `year`'s whole arrangement as known.
    pub fn cover_year(&mut self, year: i32, source: YearSource) {
        self.years.insert(year, source);
    }

    /// The covered years, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }

    /// How `year` came to be covered; `None` when it is not.
    pub fn year_source(&self, year: i32) -> Option<YearSource> {
        self.years.get(&year).copied()
    }

    /// The listed days dated in `year`, in date order.
    pub fn days_of(&self, year: i32) -> Vec<SpecialDay> {
        let mut days: Vec<SpecialDay> = self
            .days
            .values()
            .filter(|d| d.date.year() == year)
            .cloned()
            .collect();
        days.sort_by_key(|d| d.date);
        days
    }

    /// The statutory holidays `year` lacks, counting days entered for it so
    /// far (empty for a covered year).
    pub fn missing_holidays(&self, year: i32) -> Vec<&'static str> {
        if self.years.contains_key(&year) {
            return Vec::new();
        }
        let days: Vec<SpecialDay> = self.days.values().cloned().collect();
        completeness::missing_holidays(&days, year)
    }

    pub fn special_day(&self, date: NaiveDate) -> Option<&SpecialDay> {
        self.days.get(&date)
    }

    /// Whether `date` is a working day; an error when its year is not in
    /// the calendar (counting it by the ordinary week could be wrong).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let year = date.year();
        if !self.years.contains_key(&year) {
            let begun = self.days.keys().any(|d| d.year() == year);
            return Err(CalendarError::YearNotCovered {
                year,
                known: self.years().collect(),
                missing: begun.then(|| self.missing_holidays(year)),
            });
        }
        Ok(match self.days.get(&date) {
            Some(day) => !day.off,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        })
    }

    /// The period of `days` working days from `from`: the first day counts
    /// when it is a working day; otherwise the period starts on the next.
    pub fn period(&self, from: NaiveDate, days: u32) -> Result<Period, CalendarError> {
        if days == 0 {
            return Err(CalendarError::NoDays);
        }
        let mut date = from;
        while !self.is_working_day(date)? {
            date = next(date)?;
        }
        let start = date;
        let mut counted = 1;
        while counted < days {
            date = next(date)?;
            if self.is_working_day(date)? {
                counted += 1;
            }
        }
        Ok(Period {
            start,
            end: date,
            working_days: days,
        })
    }

    /// Working days from `start` to `end`, both included.
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<u32, CalendarError> {
        if end < start {
            return Err(CalendarError::EndsBeforeStart { start, end });
        }
        let mut count = 0;
        let mut date = start;
        loop {
            if self.is_working_day(date)? {
                count += 1;
            }
            if date == end {
                return Ok(count);
            }
            date = next(date)?;
        }
    }
}

fn next(date: NaiveDate) -> Result<NaiveDate, CalendarError> {
    date.succ_opt().ok_or(CalendarError::NoDays)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{}", not_covered_text(*.year, .known, .missing.as_deref()))]
    YearNotCovered {
        year: i32,
        known: Vec<i32>,
        /// For a year begun but not complete: the statutory holidays not
        /// yet entered (empty when all are there but none confirmed it).
        missing: Option<Vec<&'static str>>,
    },
    #[error("公示期至少要1个工作日")]
    NoDays,
    #[error("结束日期（{end}）早于开始日期（{start}）")]
    EndsBeforeStart { start: NaiveDate, end: NaiveDate },
}

fn not_covered_text(year: i32, known: &[i32], missing: Option<&[&str]>) -> String {
    let what = match missing {
        None => format!(
            "工作日历里没有{year}年的节假日安排（现有：{}）",
            years_text(known)
        ),
        Some([]) => format!("{year}年的节假日安排已逐日录入，但还没有确认完整"),
        Some(missing) => format!("{year}年的节假日安排还不完整，缺少：{}", missing.join("、")),
    };
    format!(
        "{what}，按普通周末计算可能算错公示期。请导入国务院办公厅关于{year}年部分节假日安排的通知\
         （应用：设置 → 工作日历 → 导入国务院通知；命令行：gongshi calendar import-notice 文件 --year {year}），\
         或在录完全部日期后确认{year}年已完整。"
    )
}

fn years_text(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}—{b}年"),
        (Some(a), _) => format!("{a}年"),
        _ => "无".into(),
    }
}

impl CalendarError {
    /// The error as a refusal of a form field.
    pub fn for_field(self, field: &'static str) -> FieldError {
        FieldError::new(field, self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static OFFICIAL: &str = include_str!("../../../../assets/calendar/cn-official.json");

    fn cal() -> Calendar {
        Calendar::from_json(OFFICIAL).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn check(from: &str, days: u32, start: &str, end: &str) {
        let p = cal().period(d(from), days).unwrap();
        assert_eq!((p.start, p.end), (d(start), d(end)), "{from} + {days}");
    }

    #[test]
    fn the_domain_example_spans_national_day() {
        check("2026-09-28", 5, "2026-09-28", "2026-10-09");
        assert_eq!(
            cal().period(d("2026-09-28"), 5).unwrap().to_string(),
            "公示期：2026年9月28日至2026年10月9日（5个工作日）"
        );
    }

    #[test]
    fn make_up_saturdays_count_and_holidays_do_not() {
        // 2026-10-10 is a Saturday worked for National Day.
        assert!(cal().is_working_day(d("2026-10-10")).unwrap());
        assert!(!cal().is_working_day(d("2026-10-05")).unwrap());
        check("2026-10-08", 3, "2026-10-08", "2026-10-10");
        // 2025-09-28 (Sunday) is a make-up day: a period may start on it.
        check("2025-09-28", 2, "2025-09-28", "2025-09-29");
    }

    #[test]
    fn a_start_on_an_off_day_moves_to_the_next_working_day() {
        // Saturday 2026-11-28 → Monday 2026-11-30.
        check("2026-11-28", 5, "2026-11-30", "2026-12-04");
        // In the Spring Festival: the period starts after it.
        let p = cal().period(d("2026-02-17"), 1).unwrap();
        assert!(p.start > d("2026-02-17"));
        assert!(cal().is_working_day(p.start).unwrap());
    }

    #[test]
    fn periods_cross_year_boundaries() {
        // 2025-12-29 (Mon) … New Year's Day 2026 is off.
        let p = cal().period(d("2025-12-29"), 5).unwrap();
        assert_eq!(p.start, d("2025-12-29"));
        assert!(p.end.year() == 2026);
        assert_eq!(cal().working_days_between(p.start, p.end).unwrap(), 5);
    }

    #[test]
    fn a_year_outside_the_calendar_is_refused_until_it_is_added() {
        let err = cal().period(d("2026-12-28"), 10).unwrap_err();
        assert!(
            matches!(
                err,
                CalendarError::YearNotCovered {
                    year: 2027,
                    missing: None,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("2027年"));
        assert!(err.to_string().contains("gongshi calendar import-notice"));
        let mut c = cal();
        c.add_days(vec![SpecialDay {
            date: d("2027-01-01"),
            name: "元旦".into(),
            off: true,
        }]);
        c.cover_year(2027, YearSource::Notice);
        let p = c.period(d("2026-12-28"), 10).unwrap();
        // 12-28…12-31 (4), 1-1 off, 1-4…1-8 (5), 1-11 (10th).
        assert_eq!(p.end, d("2027-01-11"));
    }

    #[test]
    fn one_entered_day_does_not_make_a_year_known() {
        let mut c = cal();
        c.add_days(vec![SpecialDay {
            date: d("2027-01-01"),
            name: "元旦".into(),
            off: true,
        }]);
        // A period across the Spring Festival would be counted as ordinary
        // weeks: refused, naming what is missing.
        let err = c.period(d("2027-02-01"), 10).unwrap_err();
        let CalendarError::YearNotCovered {
            missing: Some(missing),
            ..
        } = &err
        else {
            panic!("{err}");
        };
        assert_eq!(
            missing,
            &["春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
        );
        assert!(err.to_string().contains("缺少：春节、清明节"), "{err}");
        assert_eq!(c.year_source(2027), None);
        assert_eq!(c.year_source(2026), Some(YearSource::Official));
    }

    #[test]
    fn a_year_with_every_holiday_still_waits_for_its_confirmation() {
        let mut c = cal();
        let days = (1..=7)
            .zip(completeness::STATUTORY)
            .map(|(month, name)| SpecialDay {
                date: NaiveDate::from_ymd_opt(2027, month, 1).unwrap(),
                name: name.into(),
                off: true,
            })
            .collect();
        c.add_days(days);
        assert!(c.missing_holidays(2027).is_empty());
        let err = c.period(d("2027-03-01"), 5).unwrap_err();
        assert!(err.to_string().contains("还没有确认完整"), "{err}");
        c.cover_year(2027, YearSource::Confirmed);
        assert!(c.period(d("2027-03-01"), 5).is_ok());
    }

    #[test]
    fn working_days_between_refuses_a_reversed_range() {
        assert!(matches!(
            cal().working_days_between(d("2026-10-09"), d("2026-09-28")),
            Err(CalendarError::EndsBeforeStart { .. })
        ));
        assert_eq!(
            cal()
                .working_days_between(d("2026-09-28"), d("2026-10-09"))
                .unwrap(),
            5
        );
    }
}
