//! The one error that crosses to the UI: `{code, message}`, message in Chinese.

use gongshi_app::AppError;
use gongshi_app::domain::faces::{Face, for_face};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApiError {
    /// Stable, for the UI to branch on: `store.corrupt`, `invalid`, …
    pub code: String,
    /// For the clerk to read.
    pub message: String,
}

impl ApiError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }

    /// A print command asked for something it does not make.
    pub fn unknown_print(what: &str) -> Self {
        Self::new("invalid", format!("不认识的打印内容：{what}"))
    }
}

impl From<AppError> for ApiError {
    /// Where the message names the next step for both faces, the desktop
    /// keeps the screen (see `gongshi_domain::faces`).
    fn from(e: AppError) -> Self {
        let message = for_face(&e.to_string(), Face::App);
        Self::new(e.code(), message)
    }
}

impl From<gongshi_app::StoreError> for ApiError {
    fn from(e: gongshi_app::StoreError) -> Self {
        AppError::from(e).into()
    }
}

impl From<gongshi_app::domain::FieldError> for ApiError {
    fn from(e: gongshi_app::domain::FieldError) -> Self {
        AppError::from(e).into()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosses_as_code_and_chinese_message() {
        let field = gongshi_app::domain::FieldError::new("学校名称", "不能为空");
        let json = serde_json::to_value(ApiError::from(field)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid", "message": "学校名称：不能为空"})
        );
        let missing = gongshi_app::domain::FieldError::new(
            "学校名称",
            gongshi_app::domain::school::fill_in_first(),
        );
        assert_eq!(
            ApiError::from(missing).message,
            "学校名称：请先填写学校信息（设置 → 学校信息）"
        );
    }
}
