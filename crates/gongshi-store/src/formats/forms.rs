//! The stored shapes, version 1. Field names and variant spellings here
//! are what schools' files hold: never rename one; add a version.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::V1;

/// 审核/批准/保密审查's stamp: who, on which day, with what remark.
#[derive(Serialize, Deserialize)]
pub(crate) struct StampV1 {
    #[serde(default)]
    pub v: V1,
    pub by: String,
    pub on: NaiveDate,
    pub note: String,
}

/// A feedback's answer.
#[derive(Serialize, Deserialize)]
pub(crate) struct AnswerV1 {
    #[serde(default)]
    pub v: V1,
    pub text: String,
    pub responder: String,
    pub answered_on: NaiveDate,
}

/// How a posting period ended.
#[derive(Serialize, Deserialize)]
pub(crate) struct ClosureV1 {
    #[serde(default)]
    pub v: V1,
    pub result: CloseResultV1,
    pub on: NaiveDate,
    pub note: String,
}

#[derive(Serialize, Deserialize)]
pub(crate) enum CloseResultV1 {
    #[serde(rename = "no_objection")]
    NoObjection,
    #[serde(rename = "objections_handled")]
    ObjectionsHandled,
}

/// An item's table: header and rows of text, as typed or imported.
#[derive(Serialize, Deserialize)]
pub(crate) struct TableV1 {
    #[serde(default)]
    pub v: V1,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A fee's grades: `"WholeSchool"` or `{"Some":[1,2]}`. Not an object in
/// the first case, so it has no `v`: a new shape is a new spelling.
#[derive(Serialize, Deserialize)]
pub(crate) enum GradesV1 {
    WholeSchool,
    Some(Vec<u8>),
}

/// A round's rules (its name is the column's).
#[derive(Serialize, Deserialize)]
pub(crate) struct RoundV1 {
    #[serde(default)]
    pub v: V1,
    pub kind: RoundKindV1,
    pub quota: u32,
    pub criteria: String,
    pub components: Vec<ComponentV1>,
    pub tie_break: Vec<String>,
    pub posting_days: u32,
    pub objection_office: String,
    pub objection_phone: String,
    /// Rounds stored before the setting existed read as off.
    #[serde(default)]
    pub name_unranked: bool,
}

#[derive(Serialize, Deserialize)]
pub(crate) enum RoundKindV1 {
    Award,
    Title,
    Other,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct ComponentV1 {
    pub name: String,
    pub weight: u32,
}

/// The school's 民主评议 grades, best first, and how many count as
/// satisfied.
#[derive(Serialize, Deserialize)]
pub(crate) struct ScaleV1 {
    #[serde(default)]
    pub v: V1,
    pub grades: Vec<String>,
    pub satisfied: usize,
}

/// A year's report text as the clerk edited it.
#[derive(Serialize, Deserialize)]
pub(crate) struct YearTextV1 {
    #[serde(default)]
    pub v: V1,
    pub sections: Vec<SectionV1>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct SectionV1 {
    pub heading: String,
    pub body: String,
}
