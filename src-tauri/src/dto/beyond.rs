//! Beyond the board: which sheet to save as pictures, a text message, and
//! what the archive holds for a 核验码.

use gongshi_app::domain::sms::Sms;
use gongshi_app::verification::Verified;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A sheet the app prints, to be saved as pictures.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "sheet", rename_all = "snake_case")]
pub enum SheetJobDto {
    /// The engine's specimen (设置 → 打印样张).
    Specimen,
    FeeBoard {
        semester: String,
    },
    /// A picture a class, for its WeChat group.
    FeeLetters {
        semester: String,
        grade: Option<u8>,
    },
    EvalSheet {
        #[ts(type = "number")]
        round: i64,
    },
    QaSheet,
    /// The week's batch, printed (and archived) with it.
    Week {
        date: String,
    },
}

/// How the pictures are made.
#[derive(Debug, Clone, Copy, Deserialize, TS)]
pub struct PictureOptionsDto {
    /// One tall picture of every page (else one a page).
    pub tall: bool,
    /// Twice the pixels, for printing.
    pub sharp: bool,
}

/// What a text message is about.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "about", rename_all = "snake_case")]
pub enum SmsJobDto {
    Item {
        #[ts(type = "number")]
        id: i64,
    },
    Fees {
        semester: String,
        grade: Option<u8>,
    },
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SmsDto {
    pub text: String,
    #[ts(type = "number")]
    pub chars: usize,
    #[ts(type = "number")]
    pub segments: usize,
    pub fits: bool,
    /// 共63字，1条短信（不超过70字）
    pub summary: String,
}

impl From<Sms> for SmsDto {
    fn from(s: Sms) -> Self {
        Self {
            fits: s.fits,
            summary: s.summary(),
            chars: s.chars,
            segments: s.segments,
            text: s.text,
        }
    }
}

/// A genuine 核验码: the archived sheet it names.
#[derive(Debug, Clone, Serialize, TS)]
pub struct VerifiedDto {
    pub code: String,
    /// 公开事项, 收费公示, 反馈答复公示.
    pub kind: String,
    /// Which one of its kind (财务，事项编号15，第2版; 第1次印发).
    pub described: String,
    #[ts(type = "number")]
    pub revision: i64,
    pub title: String,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub printed_on: String,
    pub printed_by: Option<String>,
    #[ts(type = "number")]
    pub sheet_id: i64,
    #[ts(type = "number | null")]
    pub corrected_by: Option<i64>,
}

impl From<Verified> for VerifiedDto {
    fn from(v: Verified) -> Self {
        Self {
            code: v.code,
            kind: v.kind.to_owned(),
            described: v.described,
            revision: v.revision,
            title: v.title,
            period_start: v.period_start.map(|d| d.to_string()),
            period_end: v.period_end.map(|d| d.to_string()),
            printed_on: v.printed_on.to_string(),
            printed_by: v.printed_by,
            sheet_id: v.sheet_id,
            corrected_by: v.corrected_by,
        }
    }
}
