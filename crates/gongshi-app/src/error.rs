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

    /// A workflow step refused because the item's sheet would not print:
    /// the privacy scan runs at submit, approval and posting, not only at
    /// the weekly batch. `title` and `reason` are masked.
    #[error(
        "《{title}》不能{step}：{reason}。公示材料上不能出现个人信息，张贴时这张公示也打印不出来。请删去或改写后再{step}。"
    )]
    Unprintable {
        step: &'static str,
        title: String,
        reason: String,
    },

    #[error("无法写入 {path}：{reason}")]
    Write { path: String, reason: String },

    /// The history does not match what was written: a row or an archived
    /// sheet changed outside the program.
    #[error("{0}")]
    Tampered(String),

    /// An import refused as a whole: every bad row and field, one a line.
    #[error("导入失败，没有保存任何内容。请改正后重新导入：\n{}", .0.join("\n"))]
    Import(Vec<String>),
}

/// Why a file could not be read or written, in words a clerk reads (the
/// system's own text is English on most machines).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "文件或文件夹不存在".into(),
        ErrorKind::PermissionDenied => "没有权限（文件可能是只读的，或正被其他程序打开）".into(),
        ErrorKind::AlreadyExists => "同名文件已存在".into(),
        ErrorKind::StorageFull => "磁盘空间不足".into(),
        ErrorKind::ReadOnlyFilesystem => "所在磁盘是只读的".into(),
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件".into(),
        ErrorKind::InvalidData => "内容无法读取".into(),
        _ => format!("系统错误（{e}）"),
    }
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
            AppError::Print(
                gongshi_print::PrintError::Privacy { .. }
                | gongshi_print::PrintError::PersonalField { .. },
            )
            | AppError::Unprintable { .. } => "print.privacy",
            AppError::Print(_) => "print.failed",
            AppError::Write { .. } => "write.failed",
            AppError::Import(_) => "import.refused",
            AppError::Tampered(_) => "audit.tampered",
        }
    }

    /// The user's input or file was refused (CLI exit 1), as opposed to
    /// something failing underneath.
    pub fn is_refusal(&self) -> bool {
        match self {
            AppError::Store(e) => e.is_refusal(),
            AppError::Invalid(_) => true,
            AppError::Print(e) => {
                e.privacy_reason().is_some()
                    || matches!(e, gongshi_print::PrintError::TooTall { .. })
            }
            AppError::Unprintable { .. }
            | AppError::Write { .. }
            | AppError::Import(_)
            | AppError::Tampered(_) => true,
        }
    }
}
