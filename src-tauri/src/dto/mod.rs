//! The shapes that cross to the frontend. Core types are not shaped for
//! the UI; these are, and `ui/src/api/bindings.ts` is generated from them
//! (`cargo xtask bindings`; a test fails when the file is stale).

use gongshi_app::Store;
use gongshi_app::domain::duties::Duties;
use gongshi_app::domain::grades::SchoolGrades;
use gongshi_app::domain::{SchoolProfile, text};
use gongshi_app::info::Info;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;

pub mod backup;
pub mod beyond;
pub mod calendar;
pub mod district;
pub mod eval;
pub mod fees;
pub mod files;
pub mod meetings;
pub mod people;
pub mod record;
pub mod table;
pub mod week;
pub mod workflow;

/// Where the app stands when the window opens.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StartupDto {
    /// No store file yet: offer the demo school or an empty one.
    FirstRun { db_path: String },
    /// The file was refused; show why, touch nothing.
    Refused { db_path: String, error: ApiError },
    /// Open; `operator` is who is working, once chosen.
    Ready {
        db_path: String,
        school_name: Option<String>,
        is_demo: bool,
        operator: Option<String>,
    },
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CreateStoreDto {
    pub demo: bool,
    /// For an empty school; may be left empty and set in 设置 later.
    pub school_name: Option<String>,
    pub operator: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct SchoolDto {
    pub name: String,
    pub address: String,
    pub principal: String,
    pub office_phone: String,
    pub supervision_phone: String,
    pub complaint_phone: String,
    /// As the one text box shows them; the core splits them
    /// (`text::split_list`).
    pub hotlines: String,
    /// 学段: 小学… or a list of grades (`SchoolGrades::parse` reads it).
    pub grades: String,
    /// Read-only: a demo school stays a demo.
    pub is_demo: bool,
}

/// The three groups' members (the head of each first) and whether one
/// person may do several review steps.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct DutiesDto {
    pub leading: Vec<String>,
    pub working: Vec<String>,
    pub supervision: Vec<String>,
    pub relaxed: bool,
}

impl From<Duties> for DutiesDto {
    fn from(d: Duties) -> Self {
        Self {
            leading: d.leading,
            working: d.working,
            supervision: d.supervision,
            relaxed: d.relaxed,
        }
    }
}

impl From<DutiesDto> for Duties {
    fn from(d: DutiesDto) -> Self {
        Self {
            leading: d.leading,
            working: d.working,
            supervision: d.supervision,
            relaxed: d.relaxed,
        }
    }
}

impl From<SchoolProfile> for SchoolDto {
    fn from(p: SchoolProfile) -> Self {
        Self {
            name: p.name,
            address: p.address,
            principal: p.principal,
            office_phone: p.office_phone,
            supervision_phone: p.supervision_phone,
            complaint_phone: p.complaint_phone,
            hotlines: text::join_list(&p.hotlines),
            grades: p.grades.label(),
            is_demo: p.is_demo,
        }
    }
}

impl TryFrom<SchoolDto> for SchoolProfile {
    type Error = gongshi_app::domain::FieldError;
    fn try_from(d: SchoolDto) -> Result<Self, Self::Error> {
        Ok(Self {
            name: d.name,
            address: d.address,
            principal: d.principal,
            office_phone: d.office_phone,
            supervision_phone: d.supervision_phone,
            complaint_phone: d.complaint_phone,
            hotlines: text::split_list(&d.hotlines),
            grades: SchoolGrades::parse(&d.grades)?,
            is_demo: d.is_demo,
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct OperatorDto {
    pub name: String,
    /// ISO 8601, UTC
    pub last_active_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CountDto {
    pub label: String,
    // Counts stay far below 2^53, so a JS number is exact.
    #[ts(type = "number")]
    pub value: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DashboardDto {
    pub school: Option<SchoolDto>,
    pub counts: Vec<CountDto>,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub db_path: String,
    /// A holiday arrangement the calendar lacks, and what to do.
    pub calendar_warning: Option<String>,
    /// The newest backup: when and where; null when there is none.
    pub backup_last: Option<String>,
    /// No backup, too old, no second copy.
    pub backup_warnings: Vec<String>,
}

impl From<Info> for DashboardDto {
    fn from(i: Info) -> Self {
        let count = |label: &str, value| CountDto {
            label: label.into(),
            value,
        };
        Self {
            school: i.school.map(Into::into),
            counts: vec![
                count("公开事项", i.counts.items),
                count("反馈", i.counts.feedback),
                count("收费标准", i.counts.fee_schedules),
                count("评选", i.counts.eval_rounds),
                count("操作人", i.counts.operators),
                count("修改记录", i.counts.audit_entries),
            ],
            schema_version: i.schema_version,
            db_path: i.db_path,
            calendar_warning: i.calendar_warning.map(|w| w.text),
            backup_last: i.backup.last.map(|b| {
                format!(
                    "{}（{}）",
                    b.taken_at.format("%Y-%m-%d %H:%M"),
                    b.path.display()
                )
            }),
            backup_warnings: i
                .backup
                .warnings
                .iter()
                .map(|w| {
                    gongshi_app::domain::faces::for_face(w, gongshi_app::domain::faces::Face::App)
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PaperDto {
    A4,
    A3,
}

impl From<PaperDto> for gongshi_app::print::sheet::Paper {
    fn from(p: PaperDto) -> Self {
        use gongshi_app::print::sheet::{Paper, PaperSize};
        let size = match p {
            PaperDto::A4 => PaperSize::A4,
            PaperDto::A3 => PaperSize::A3,
        };
        Paper {
            size,
            ..Paper::default()
        }
    }
}

pub use files::{ChosenFileDto, ImportKindDto};

/// A file the app printed, where the clerk chose to save it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintedDto {
    pub path: String,
}

impl From<std::path::PathBuf> for PrintedDto {
    fn from(path: std::path::PathBuf) -> Self {
        Self {
            path: path.display().to_string(),
        }
    }
}

pub fn ready(
    db_path: String,
    store: &Store,
    operator: Option<String>,
) -> Result<StartupDto, gongshi_app::AppError> {
    let school = gongshi_app::school::profile(store)?;
    Ok(StartupDto::Ready {
        db_path,
        is_demo: school.as_ref().is_some_and(|s| s.is_demo),
        school_name: school.map(|s| s.name),
        operator,
    })
}

#[cfg(test)]
mod bindings {
    //! `ui/src/api/bindings.ts`, generated from the DTOs above.

    use std::path::Path;

    use ts_rs::TS;

    use super::*;

    /// Every DTO, in the order `bindings.ts` declares them.
    fn declarations() -> Vec<String> {
        let cfg = ts_rs::Config::default();
        vec![
            ApiError::decl(&cfg),
            StartupDto::decl(&cfg),
            CreateStoreDto::decl(&cfg),
            SchoolDto::decl(&cfg),
            DutiesDto::decl(&cfg),
            OperatorDto::decl(&cfg),
            CountDto::decl(&cfg),
            DashboardDto::decl(&cfg),
            PaperDto::decl(&cfg),
            PrintedDto::decl(&cfg),
            calendar::YearSourceDto::decl(&cfg),
            calendar::YearStatusDto::decl(&cfg),
            calendar::ImportProblemDto::decl(&cfg),
            calendar::YearOutcomeDto::decl(&cfg),
            calendar::CalendarImportDto::decl(&cfg),
            calendar::CalendarSourceDto::decl(&cfg),
            files::ImportKindDto::decl(&cfg),
            files::ChosenFileDto::decl(&cfg),
            files::ArchivedSheetDto::decl(&cfg),
            beyond::SheetJobDto::decl(&cfg),
            beyond::PictureOptionsDto::decl(&cfg),
            beyond::SmsJobDto::decl(&cfg),
            beyond::SmsDto::decl(&cfg),
            beyond::VerifiedDto::decl(&cfg),
            meetings::MeetingKindDto::decl(&cfg),
            meetings::MeetingKindOptionDto::decl(&cfg),
            meetings::MeetingDto::decl(&cfg),
            meetings::NewMeetingDto::decl(&cfg),
            meetings::VoteOutcomeDto::decl(&cfg),
            meetings::VotedDto::decl(&cfg),
            meetings::AnnouncedDto::decl(&cfg),
            meetings::MeetingRecordDto::decl(&cfg),
            meetings::BallotsDto::decl(&cfg),
            meetings::VoteRulesDto::decl(&cfg),
            people::AppraisalScaleDto::decl(&cfg),
            people::EthicsCaseDto::decl(&cfg),
            people::NewEthicsCaseDto::decl(&cfg),
            record::RangeKindDto::decl(&cfg),
            record::RangeKindOptionDto::decl(&cfg),
            record::RangeDto::decl(&cfg),
            record::SectionDto::decl(&cfg),
            record::YearReportDto::decl(&cfg),
            district::DistrictDto::decl(&cfg),
            district::DistrictSetDto::decl(&cfg),
            week::FieldSpecDto::decl(&cfg),
            week::CategoryDto::decl(&cfg),
            week::ContentDto::decl(&cfg),
            week::StampDto::decl(&cfg),
            week::RevisionDto::decl(&cfg),
            week::SavedDto::decl(&cfg),
            week::ItemRowDto::decl(&cfg),
            week::ItemFilterDto::decl(&cfg),
            week::WeekBoardDto::decl(&cfg),
            week::FeedbackDto::decl(&cfg),
            week::NewFeedbackDto::decl(&cfg),
            week::AnswerDto::decl(&cfg),
            week::CalendarDayDto::decl(&cfg),
            week::MarkDto::decl(&cfg),
            week::PageDto::decl(&cfg),
            week::PreviewDto::decl(&cfg),
            week::StepDto::decl(&cfg),
            workflow::StatusDto::decl(&cfg),
            workflow::StatusOptionDto::decl(&cfg),
            workflow::ActionDto::decl(&cfg),
            week::RegularDto::decl(&cfg),
            fees::ScheduleDto::decl(&cfg),
            fees::ClassSizeDto::decl(&cfg),
            fees::GradeTotalDto::decl(&cfg),
            fees::FieldProblemDto::decl(&cfg),
            fees::ProgressDto::decl(&cfg),
            eval::ComponentDto::decl(&cfg),
            eval::RoundKindDto::decl(&cfg),
            eval::OutcomeDto::decl(&cfg),
            eval::RoundHeadDto::decl(&cfg),
            eval::RoundDto::decl(&cfg),
            eval::RankedDto::decl(&cfg),
            eval::RoundViewDto::decl(&cfg),
            week::FieldKindDto::decl(&cfg),
            backup::BackupDto::decl(&cfg),
            backup::BackupsDto::decl(&cfg),
            backup::TakenDto::decl(&cfg),
            table::ColumnKindDto::decl(&cfg),
            table::AlignDto::decl(&cfg),
            table::ColumnDto::decl(&cfg),
            table::TableSchemaDto::decl(&cfg),
            table::ImportPreviewDto::decl(&cfg),
            table::TenderThresholdDto::decl(&cfg),
        ]
    }

    fn bindings() -> String {
        let mut out = String::from(
            "// Generated from src-tauri/src/dto.rs by `cargo xtask bindings`. Do not edit.\n\n",
        );
        for decl in declarations() {
            out.push_str("export ");
            out.push_str(&decl);
            out.push_str("\n\n");
        }
        out.trim_end().to_owned() + "\n"
    }

    #[test]
    fn typescript_bindings_are_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/bindings.ts");
        let fresh = bindings();
        if std::env::var_os("GONGSHI_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == fresh,
            "ui/src/api/bindings.ts is stale: run `cargo xtask bindings`"
        );
    }
}
