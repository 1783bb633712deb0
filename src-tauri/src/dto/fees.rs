//! DTOs of fees.

use gongshi_app::domain::fee::FeeItem;
use gongshi_app::store::{ClassSize, Schedule};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct FeeItemDto {
    pub name: String,
    /// 1,280.50
    pub amount: String,
    pub unit: String,
    pub grades: String,
    pub department: String,
    pub phone: String,
    pub basis: String,
    pub voluntary: bool,
    pub note: String,
}

impl From<&FeeItem> for FeeItemDto {
    fn from(i: &FeeItem) -> Self {
        Self {
            name: i.name.clone(),
            amount: i.amount.to_string(),
            unit: i.unit.clone(),
            grades: i.grades.to_string(),
            department: i.department.clone(),
            phone: i.phone.clone(),
            basis: i.basis.clone(),
            voluntary: i.voluntary,
            note: i.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ScheduleDto {
    pub semester: String,
    /// 李新义 2026-08-25, or null while it may still change
    pub approved: Option<String>,
    pub items: Vec<FeeItemDto>,
}

impl From<&Schedule> for ScheduleDto {
    fn from(s: &Schedule) -> Self {
        Self {
            semester: s.semester.clone(),
            approved: s.approved.as_ref().map(|a| format!("{} {}", a.by, a.on)),
            items: s.items.iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FeeImportPreviewDto {
    pub items: Vec<FeeItemDto>,
    /// 第3行 金额(元)：… — one a line; empty when the file is good.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ClassSizeDto {
    pub grade: u8,
    pub class: String,
    pub students: u32,
}

impl From<&ClassSize> for ClassSizeDto {
    fn from(c: &ClassSize) -> Self {
        Self {
            grade: c.grade,
            class: c.class.clone(),
            students: c.students,
        }
    }
}
