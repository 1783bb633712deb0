//! A table's schema as the UI renders its grid (columns, kinds, choices,
//! blank row) and a cell's problem: all from the domain's schema, so the
//! UI holds no copy of a column.

use gongshi_app::domain::table::{Align, CellError, Column, Kind, Schema};
use serde::Serialize;
use ts_rs::TS;

use crate::dto::fees::FieldProblemDto;

/// What a column holds (the domain's `Kind`).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKindDto {
    Text,
    Money,
    Quantity,
    Date,
    Choice,
    YesNo,
    Grades,
    Person,
    Phone,
    Score,
    Class,
    Count,
}

impl From<Kind> for ColumnKindDto {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Text { .. } => Self::Text,
            Kind::Money => Self::Money,
            Kind::Quantity => Self::Quantity,
            Kind::Date => Self::Date,
            Kind::Choice(_) => Self::Choice,
            Kind::YesNo => Self::YesNo,
            Kind::Grades => Self::Grades,
            Kind::Person => Self::Person,
            Kind::Phone => Self::Phone,
            Kind::Score => Self::Score,
            Kind::Class => Self::Class,
            Kind::Count => Self::Count,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AlignDto {
    Start,
    End,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ColumnDto {
    pub key: String,
    pub header: String,
    pub kind: ColumnKindDto,
    pub required: bool,
    /// Never on a public sheet (身份证号…).
    pub internal: bool,
    /// Masked on a public sheet (姓名 of a subsidy list).
    pub masked: bool,
    /// Characters of room it wants.
    pub width: u16,
    pub align: AlignDto,
    /// A choice's values (是/否, 采购方式…); null for typed text.
    pub choices: Option<Vec<String>>,
    /// A new row's value.
    pub blank: String,
    pub hint: String,
}

impl From<&Column> for ColumnDto {
    fn from(c: &Column) -> Self {
        Self {
            key: c.key.to_string(),
            header: c.header.to_string(),
            kind: c.kind.into(),
            required: c.required,
            internal: c.internal,
            masked: c.masked,
            width: c.width(),
            align: match c.align() {
                Align::Start => AlignDto::Start,
                Align::End => AlignDto::End,
            },
            choices: c
                .kind
                .choices()
                .map(|l| l.into_iter().map(String::from).collect()),
            blank: c.blank.to_owned(),
            hint: c.hint.to_owned(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TableSchemaDto {
    /// What one row is: 收费项目, 候选人, 采购项目.
    pub row_name: String,
    pub columns: Vec<ColumnDto>,
}

impl From<&Schema> for TableSchemaDto {
    fn from(s: &Schema) -> Self {
        Self {
            row_name: s.row_name.to_owned(),
            columns: s.columns.iter().map(Into::into).collect(),
        }
    }
}

/// A row's problems as the grid marks them, the column by its schema.
pub fn problems(schema: &Schema, errors: &[CellError]) -> Vec<FieldProblemDto> {
    errors
        .iter()
        .map(|e| FieldProblemDto {
            column: Some(e.column as u32),
            field: schema
                .columns
                .get(e.column)
                .map(|c| c.header.to_string())
                .unwrap_or_default(),
            message: e.message.clone(),
        })
        .collect()
}

/// What an import would store (rows in the schema's order), or every bad
/// row and column (第3行 金额(元)：… one a line).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPreviewDto {
    pub rows: Vec<Vec<String>>,
    pub errors: Vec<String>,
}

impl ImportPreviewDto {
    /// A file read by the import's own rules: its rows, or its refusal
    /// as the preview's list (any other failure stays an error).
    pub fn of(read: gongshi_app::Result<Vec<Vec<String>>>) -> Result<Self, crate::error::ApiError> {
        match read {
            Ok(rows) => Ok(Self {
                rows,
                errors: Vec::new(),
            }),
            Err(gongshi_app::AppError::Import(errors)) => Ok(Self {
                rows: Vec::new(),
                errors,
            }),
            Err(e) => Err(e.into()),
        }
    }
}

/// The school's 公开招标限额 as the settings screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TenderThresholdDto {
    /// The setting's name, as the domain writes it.
    pub name: String,
    /// 500,000.00
    pub yuan: String,
    /// Not set by the school: the default.
    pub is_default: bool,
}

impl TenderThresholdDto {
    pub fn new(fen: gongshi_app::domain::Fen, is_default: bool) -> Self {
        Self {
            name: gongshi_app::domain::lines::procurement::THRESHOLD_NAME.to_owned(),
            yuan: fen.to_yuan_string(),
            is_default,
        }
    }
}
