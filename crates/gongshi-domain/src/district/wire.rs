//! What the school and the server say to each other over HTTP (JSON): a
//! batch of records, and the receipt: each record's outcome and where the
//! school's chain stands on the server.

use serde::{Deserialize, Serialize};

use super::Record;

/// `POST /api/v1/records`, with the school's token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Batch {
    /// The school code the sender was set up with: the server refuses a
    /// batch whose token belongs to another school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    pub records: Vec<Record>,
}

/// The most records one request carries.
pub const MAX_BATCH: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Accepted,
    /// Held already: a retry after a lost acknowledgement.
    Duplicate,
    Refused,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Result {
    pub seq: i64,
    pub outcome: Outcome,
    /// Why, for a refusal (学校…第n条…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Receipt {
    pub results: Vec<Result>,
    pub status: Status,
}

/// Where a school's chain stands on the server (`GET /api/v1/status`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub school: String,
    pub name: String,
    /// Records held.
    pub received: i64,
    /// The highest number held.
    pub highest: i64,
    /// Numbers missing below the highest, as ranges (both ends included).
    pub gaps: Vec<(i64, i64)>,
    /// Records refused so far.
    pub refused: i64,
}

impl Status {
    /// 缺第3条、第7–9条.
    pub fn gaps_label(&self) -> String {
        self.gaps
            .iter()
            .map(|(a, b)| {
                if a == b {
                    format!("第{a}条")
                } else {
                    format!("第{a}–{b}条")
                }
            })
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// An error the server states (status 4xx/5xx), in Chinese.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    pub error: String,
}

/// The outbox written to a file, for a school with no connection to take
/// to one that has and upload on the district's page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutboxFile {
    /// Always [`OUTBOX_FORMAT`]: what the file is.
    pub format: String,
    pub v: u32,
    pub school: String,
    pub records: Vec<Record>,
}

pub const OUTBOX_FORMAT: &str = "gongshi-district-outbox";

impl OutboxFile {
    pub fn read(text: &str) -> std::result::Result<Self, crate::FieldError> {
        let bad = |why: String| crate::FieldError::new("上报文件", why);
        let file: Self = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|_| bad("不是公示导出的上报文件：请选择 gongshi district export（或 导出离线上报文件）导出的 .json 文件".into()))?;
        if file.format != OUTBOX_FORMAT {
            return Err(bad("不是公示导出的上报文件".into()));
        }
        if file.v > 1 {
            return Err(bad(format!("第{}版的文件，请升级服务器", file.v)));
        }
        Ok(file)
    }
}
