//! DTOs of fees.

use gongshi_app::domain::fee;
use gongshi_app::domain::grades::{SchoolGrades, grade_name};
use gongshi_app::store::{ClassSize, Schedule};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ScheduleDto {
    pub semester: String,
    /// 李新义 2026-08-25, or null while it may still change
    pub approved: Option<String>,
    /// 减免政策, printed on the board sheet and every letter
    pub reduction_policy: String,
    /// A 每月 fee is billed this many months (1–6).
    pub months: u8,
    /// 每年 fees are collected in this semester.
    pub yearly_here: bool,
    /// The units a fee may be written in (每生每学期…), from the domain.
    pub units: Vec<String>,
    /// The items as the grid's rows, cells in the schema's order.
    pub rows: Vec<Vec<String>>,
    /// What the export's 按年级合计 sheet holds.
    pub grade_totals: Vec<GradeTotalDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct GradeTotalDto {
    /// 1–12 (初一 is 7)
    pub number: u8,
    /// 一年级
    pub grade: String,
    /// 1,280.50
    pub required: String,
    pub voluntary: String,
    pub all: String,
}

impl ScheduleDto {
    /// The schedule, with totals for the grades the school has.
    pub fn new(s: &Schedule, school: &SchoolGrades) -> Self {
        Self {
            semester: s.semester.clone(),
            approved: s.approved.as_ref().map(|a| format!("{} {}", a.by, a.on)),
            reduction_policy: s.reduction_policy.clone(),
            months: s.terms.months,
            yearly_here: s.terms.yearly_here,
            units: fee::unit::UNITS
                .iter()
                .map(|(n, _)| (*n).to_owned())
                .collect(),
            rows: {
                let schema = fee::schema();
                s.items
                    .iter()
                    .map(|i| schema.cells_of(|k| i.cell(k)))
                    .collect()
            },
            grade_totals: fee::grade_totals(&s.items, school, s.terms)
                .into_iter()
                .map(|(g, t)| GradeTotalDto {
                    number: g,
                    grade: grade_name(g),
                    required: t.required.to_string(),
                    voluntary: t.voluntary.to_string(),
                    all: t.all().to_string(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ClassSizeDto {
    pub grade: u8,
    /// 一年级, 初一… (shown; ignored when sent)
    #[serde(default)]
    #[ts(optional)]
    pub grade_name: Option<String>,
    pub class: String,
    pub students: u32,
}

impl From<&ClassSize> for ClassSizeDto {
    fn from(c: &ClassSize) -> Self {
        Self {
            grade: c.grade,
            grade_name: Some(grade_name(c.grade)),
            class: c.class.clone(),
            students: c.students,
        }
    }
}

/// What is wrong with one field of a grid row.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldProblemDto {
    /// The cell's column, in the schema's order (0 = the first).
    pub column: Option<u32>,
    /// The column's header: 金额(元), 适用年级…
    pub field: String,
    pub message: String,
}

/// How far a batch of letters is.
#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct ProgressDto {
    pub done: u32,
    pub total: u32,
}
