//! The year's record across the boundary: the ranges a register covers,
//! the annual report's text and its preview.

use gongshi_app::domain::record::range::RangeKind;
use gongshi_app::domain::record::{DateRange, Section, YearText};
use gongshi_app::report::YearReport;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::week::PreviewDto;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RangeKindDto {
    CalendarYear,
    SchoolYear,
    FirstSemester,
    SecondSemester,
}

impl From<RangeKind> for RangeKindDto {
    fn from(k: RangeKind) -> Self {
        match k {
            RangeKind::CalendarYear => Self::CalendarYear,
            RangeKind::SchoolYear => Self::SchoolYear,
            RangeKind::FirstSemester => Self::FirstSemester,
            RangeKind::SecondSemester => Self::SecondSemester,
        }
    }
}

impl From<RangeKindDto> for RangeKind {
    fn from(k: RangeKindDto) -> Self {
        match k {
            RangeKindDto::CalendarYear => Self::CalendarYear,
            RangeKindDto::SchoolYear => Self::SchoolYear,
            RangeKindDto::FirstSemester => Self::FirstSemester,
            RangeKindDto::SecondSemester => Self::SecondSemester,
        }
    }
}

/// A kind of range with its label, for the form's choices.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RangeKindOptionDto {
    pub kind: RangeKindDto,
    pub label: String,
}

impl From<RangeKind> for RangeKindOptionDto {
    fn from(k: RangeKind) -> Self {
        Self {
            kind: k.into(),
            label: k.label().to_owned(),
        }
    }
}

/// Two ISO dates, both included.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RangeDto {
    pub from: String,
    pub to: String,
    /// 2026年度, 2025年9月1日至2026年8月31日 (out only).
    #[serde(default)]
    pub label: String,
}

impl From<DateRange> for RangeDto {
    fn from(r: DateRange) -> Self {
        Self {
            from: r.from.to_string(),
            to: r.to.to_string(),
            label: r.label(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SectionDto {
    pub heading: String,
    pub body: String,
}

pub fn text_of(sections: Vec<SectionDto>) -> YearText {
    YearText {
        sections: sections
            .into_iter()
            .map(|s| Section {
                heading: s.heading,
                body: s.body,
            })
            .collect(),
    }
}

pub fn sections_of(text: &YearText) -> Vec<SectionDto> {
    text.sections
        .iter()
        .map(|s| SectionDto {
            heading: s.heading.clone(),
            body: s.body.clone(),
        })
        .collect()
}

/// A year's report as the screen shows it: the text (the clerk's or the
/// draft) and the printed pages, charts and all.
#[derive(Debug, Clone, Serialize, TS)]
pub struct YearReportDto {
    pub year: i32,
    /// The text is the clerk's, kept with the year.
    pub edited: bool,
    /// Why the kept text may be out of date (the figures changed since it
    /// was saved), if it may.
    pub stale: Option<String>,
    pub sections: Vec<SectionDto>,
    pub posted: u32,
    pub preview: PreviewDto,
}

impl YearReportDto {
    pub fn new(r: &YearReport, preview: PreviewDto) -> Self {
        Self {
            year: r.year,
            edited: r.edited,
            stale: r.stale.then(|| gongshi_app::report::STALE.to_owned()),
            sections: sections_of(&r.text),
            posted: u32::try_from(r.figures.posted).unwrap_or(u32::MAX),
            preview,
        }
    }
}
