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
        }
    }

    /// The user's input or file was refused (CLI exit 1), as opposed to
    /// something failing underneath.
    pub fn is_refusal(&self) -> bool {
        match self {
            AppError::Store(e) => e.is_refusal(),
            AppError::Invalid(_) => true,
        }
    }
}
