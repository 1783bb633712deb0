use gongshi_domain::privacy::{Finding, FindingKind};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PrintError {
    /// A sheet holds personal data; nothing was written. The sheet's title
    /// and the place are masked like the finding.
    #[error("《{sheet}》不能打印：{place}{finding}。请删去或改写后再打印。")]
    Privacy {
        sheet: String,
        place: String,
        finding: Finding,
    },

    /// A table column (or a filled key–value line) whose name says it holds
    /// personal data: 家庭住址, 身份证号, 联系电话…; nothing was written.
    #[error("《{sheet}》不能打印：{place}列出的是{}，公示材料上不能出现。请删去后再打印。", kind.label())]
    PersonalField {
        sheet: String,
        place: String,
        kind: FindingKind,
    },

    #[error("生成 Excel 文件失败：{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),

    #[error("生成图片失败：{0}")]
    Picture(String),

    /// One tall picture of this many pages would be too tall for a phone.
    #[error(
        "共{pages}页，拼成一张长图太长了，手机上看不清。请改为每页一张图片（不选“拼成长图”，命令行不加 --tall）。"
    )]
    TooTall { pages: usize },
}

impl PrintError {
    /// For a privacy refusal: the sheet's title (masked) and what was found
    /// where ("正文第1段含有家庭住址：“住在城关*******”"), for a message
    /// of the caller's own.
    pub fn privacy_reason(&self) -> Option<(&str, String)> {
        match self {
            PrintError::Privacy {
                sheet,
                place,
                finding,
            } => Some((sheet, format!("{place}{finding}"))),
            PrintError::PersonalField { sheet, place, kind } => {
                Some((sheet, format!("{place}列出的是{}", kind.label())))
            }
            _ => None,
        }
    }
}
