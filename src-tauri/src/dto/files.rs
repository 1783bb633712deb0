//! Files chosen in the open dialog, and the archived copies of sheets.

use gongshi_app::store::PrintedSheet;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an import reads, so the open dialog shows those files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKindDto {
    /// A filled template: fee items, scores.
    Table,
    /// The State Council's notice (text), a holiday-cn JSON or an .ics file.
    Calendar,
    /// A hand-off file from another PC (.gongshi).
    Transfer,
}

impl ImportKindDto {
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            ImportKindDto::Table => ("Excel 或 CSV 表格", &["xlsx", "xls", "ods", "csv"]),
            ImportKindDto::Calendar => ("通知文本或日历文件", &["txt", "json", "ics"]),
            ImportKindDto::Transfer => ("公示数据文件", &["gongshi"]),
        }
    }
}

/// A file the clerk chose to import, read.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ChosenFileDto {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A sheet archived when it was printed for the board.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ArchivedSheetDto {
    #[ts(type = "number")]
    pub id: i64,
    pub printed_on: String,
    pub sha256: String,
    #[ts(type = "number")]
    pub size: i64,
}

impl From<&PrintedSheet> for ArchivedSheetDto {
    fn from(s: &PrintedSheet) -> Self {
        Self {
            id: s.id,
            printed_on: s.printed_on.to_string(),
            sha256: s.sha256.clone(),
            size: s.size,
        }
    }
}
