//! The range of dates a register or report covers: a calendar year, a
//! school year (9月1日 to 8月31日), a semester (第一学期 9月1日 to 1月31日,
//! 第二学期 2月1日 to 8月31日), or any two dates.

use chrono::{Datelike, NaiveDate};

use crate::FieldError;

/// Both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The longest range a register covers: a few years of a school's record
/// fit one workbook.
const MAX_DAYS: i64 = 366 * 5;

/// The years a record can be asked for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

impl DateRange {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, FieldError> {
        for (field, day) in [("开始日期", from), ("结束日期", to)] {
            if !YEARS.contains(&day.year()) {
                return Err(FieldError::new(
                    field,
                    format!(
                        "{}不在可查的年份内（{}至{}年）",
                        chinese(day),
                        YEARS.start(),
                        YEARS.end()
                    ),
                ));
            }
        }
        if to < from {
            return Err(FieldError::new(
                "结束日期",
                format!("{to}早于开始日期{from}"),
            ));
        }
        if (to - from).num_days() > MAX_DAYS {
            return Err(FieldError::new(
                "结束日期",
                "一次最多导出五年的台账，请缩短日期范围",
            ));
        }
        Ok(Self { from, to })
    }

    /// 1月1日 to 12月31日.
    pub fn calendar_year(year: i32) -> Result<Self, FieldError> {
        Self::new(ymd(year, 1, 1)?, ymd(year, 12, 31)?)
    }

    /// The school year that begins in September of `start_year`.
    pub fn school_year(start_year: i32) -> Result<Self, FieldError> {
        Self::new(ymd(start_year, 9, 1)?, ymd(start_year + 1, 8, 31)?)
    }

    /// A semester of the school year beginning in `start_year`: the first
    /// (autumn) or the second (spring).
    pub fn semester(start_year: i32, first: bool) -> Result<Self, FieldError> {
        if first {
            Self::new(ymd(start_year, 9, 1)?, ymd(start_year + 1, 1, 31)?)
        } else {
            Self::new(ymd(start_year + 1, 2, 1)?, ymd(start_year + 1, 8, 31)?)
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// 2026年1月1日至2026年12月31日 (a calendar year reads 2026年度).
    pub fn label(&self) -> String {
        let whole_year = self.from.year() == self.to.year()
            && (self.from.month(), self.from.day()) == (1, 1)
            && (self.to.month(), self.to.day()) == (12, 31);
        if whole_year {
            return format!("{}年度", self.from.year());
        }
        format!("{}至{}", chinese(self.from), chinese(self.to))
    }
}

/// The ranges a face offers by name, each for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKind {
    CalendarYear,
    /// The school year beginning in September of the year.
    SchoolYear,
    FirstSemester,
    SecondSemester,
}

impl RangeKind {
    pub const ALL: [RangeKind; 4] = [
        RangeKind::CalendarYear,
        RangeKind::SchoolYear,
        RangeKind::FirstSemester,
        RangeKind::SecondSemester,
    ];

    /// 自然年, 学年…: what the year means under each kind is in [`Self::of`].
    pub fn label(self) -> &'static str {
        match self {
            RangeKind::CalendarYear => "自然年",
            RangeKind::SchoolYear => "学年（9月至次年8月）",
            RangeKind::FirstSemester => "第一学期（9月至次年1月）",
            RangeKind::SecondSemester => "第二学期（次年2月至8月）",
        }
    }

    pub fn of(self, year: i32) -> Result<DateRange, FieldError> {
        match self {
            RangeKind::CalendarYear => DateRange::calendar_year(year),
            RangeKind::SchoolYear => DateRange::school_year(year),
            RangeKind::FirstSemester => DateRange::semester(year, true),
            RangeKind::SecondSemester => DateRange::semester(year, false),
        }
    }
}

/// 2026年1月5日
pub fn chinese(day: NaiveDate) -> String {
    format!("{}年{}月{}日", day.year(), day.month(), day.day())
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, FieldError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| {
            FieldError::new(
                "年度",
                format!(
                    "{year}年不在可查的年份内（{}至{}年）",
                    YEARS.start(),
                    YEARS.end()
                ),
            )
        })
}
