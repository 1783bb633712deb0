//! The working calendar's years and what an import would save.

use gongshi_app::calendar::YearStatus;
use gongshi_app::calendar_import::{CalendarImport, outcome_line};
use gongshi_app::domain::calendar::YearSource;
use serde::Serialize;
use ts_rs::TS;

use super::week::CalendarDayDto;

/// How a year's arrangement came to be known.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum YearSourceDto {
    Official,
    Notice,
    File,
    Confirmed,
}

impl From<YearSource> for YearSourceDto {
    fn from(s: YearSource) -> Self {
        match s {
            YearSource::Official => Self::Official,
            YearSource::Notice => Self::Notice,
            YearSource::File => Self::File,
            YearSource::Confirmed => Self::Confirmed,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct YearStatusDto {
    pub year: i32,
    /// `null` while the year is not complete.
    pub source: Option<YearSourceDto>,
    pub source_label: Option<String>,
    pub days: u32,
    /// Statutory holidays not entered yet.
    pub missing: Vec<String>,
    /// The core's answer: confirming by hand is offered.
    pub can_confirm: bool,
}

impl From<&YearStatus> for YearStatusDto {
    fn from(y: &YearStatus) -> Self {
        Self {
            year: y.year,
            source: y.source.map(Into::into),
            source_label: y.source.map(|s| s.label().to_owned()),
            days: y.days as u32,
            missing: y.missing.iter().map(|&m| m.to_owned()).collect(),
            can_confirm: y.can_confirm(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProblemDto {
    /// The sentence or event as read (empty for the file as a whole).
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct YearOutcomeDto {
    pub year: i32,
    /// Empty: the year becomes complete.
    pub missing: Vec<String>,
    /// What the import does to the year, said by the core.
    pub text: String,
}

/// What an import would save; `problems` non-empty means it would not.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CalendarImportDto {
    pub days: Vec<CalendarDayDto>,
    pub problems: Vec<ImportProblemDto>,
    pub ignored: Vec<String>,
    pub years: Vec<YearOutcomeDto>,
}

impl From<&CalendarImport> for CalendarImportDto {
    fn from(i: &CalendarImport) -> Self {
        Self {
            days: i.days.iter().map(Into::into).collect(),
            problems: i
                .problems
                .iter()
                .map(|p| ImportProblemDto {
                    text: p.text.clone(),
                    reason: p.reason.clone(),
                })
                .collect(),
            ignored: i.ignored.clone(),
            years: i
                .years
                .iter()
                .map(|y| YearOutcomeDto {
                    year: y.year,
                    missing: y.missing.iter().map(|&m| m.to_owned()).collect(),
                    text: outcome_line(y),
                })
                .collect(),
        }
    }
}

/// Where an import's days come from: the notice's text as pasted, or a
/// file chosen in the open dialog.
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CalendarSourceDto {
    Notice { text: String, year: Option<i32> },
    File { bytes: Vec<u8>, file_name: String },
}

impl CalendarSourceDto {
    pub fn read(&self, store: &gongshi_app::Store) -> gongshi_app::Result<CalendarImport> {
        use gongshi_app::calendar_import::{read_file, read_notice};
        match self {
            Self::Notice { text, year } => read_notice(Some(store), text, *year),
            Self::File { bytes, file_name } => read_file(Some(store), bytes, file_name, None),
        }
    }
}
