//! 民主评议's grades and 师德 cases across the boundary.

use gongshi_app::domain::lines::appraisal::Scale;
use gongshi_app::store::RecordedCase;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The school's grades, best first; how many count as satisfied; the
/// formula the sheet prints.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppraisalScaleDto {
    pub grades: Vec<String>,
    pub satisfied: u32,
    pub formula: String,
}

impl From<&Scale> for AppraisalScaleDto {
    fn from(s: &Scale) -> Self {
        Self {
            grades: s.grades().to_vec(),
            satisfied: u32::try_from(s.satisfied()).unwrap_or(u32::MAX),
            formula: s.formula(),
        }
    }
}

/// A recorded 师德 case (internal).
#[derive(Debug, Clone, Serialize, TS)]
pub struct EthicsCaseDto {
    #[ts(type = "number")]
    pub id: i64,
    pub teacher: String,
    /// ISO date
    pub found_on: String,
    pub summary: String,
    pub recorded_by: String,
}

impl From<&RecordedCase> for EthicsCaseDto {
    fn from(c: &RecordedCase) -> Self {
        Self {
            id: c.id,
            teacher: c.teacher.clone(),
            found_on: c.found_on.to_string(),
            summary: c.summary.clone(),
            recorded_by: c.recorded_by.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewEthicsCaseDto {
    pub teacher: String,
    /// ISO date
    pub found_on: String,
    pub summary: String,
}
