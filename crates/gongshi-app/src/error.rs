use gongshi_domain::{DomainError, FieldError};
use gongshi_store::StoreError;
use thiserror::Error;

/// What a job reports to a face. `code()` is stable for scripts and the UI;
/// the message is Chinese and says what to do.
#[derive(Debug, Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("{0}")]
    Invalid(#[from] DomainError),

    #[error(transparent)]
    Print(#[from] gongshi_print::PrintError),

    #[error("无法写入 {path}：{reason}")]
    Write { path: String, reason: String },

    /// An import refused as a whole: every bad row and field, one a line.
    #[error("导入失败，没有保存任何内容。请改正后重新导入：\n{}", .0.join("\n"))]
    Import(Vec<String>),
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Invalid(e.into())
    }
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Invalid(_) => "invalid",
            AppError::Print(gongshi_print::PrintError::Privacy { .. }) => "print.privacy",
            AppError::Print(_) => "print.failed",
            AppError::Write { .. } => "write.failed",
            AppError::Import(_) => "import.refused",
        }
    }

    /// The user's input or file was refused (CLI exit 1), as opposed to
    /// something failing underneath.
    pub fn is_refusal(&self) -> bool {
        match self {
            AppError::Store(e) => e.is_refusal(),
            AppError::Invalid(_) => true,
            AppError::Print(e) => matches!(e, gongshi_print::PrintError::Privacy { .. }),
            AppError::Write { .. } | AppError::Import(_) => true,
        }
    }
}
