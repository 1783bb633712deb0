use std::path::PathBuf;

use thiserror::Error;

/// Why the store refused or failed. Messages are for the clerk: Chinese, and
/// they say whether the file was touched and what to do.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("无法读取数据文件 {path}：{reason}。文件未被改动。")]
    Unreadable { path: PathBuf, reason: String },

    #[error("找不到数据文件 {path}。")]
    Missing { path: PathBuf },

    #[error("数据文件 {path} 已经存在，不会覆盖它。")]
    AlreadyExists { path: PathBuf },

    #[error("{path} 不是公示的数据文件（{reason}）。文件未被改动。")]
    NotOurs { path: PathBuf, reason: String },

    #[error(
        "数据文件 {path} 已损坏（{detail}）。文件未被改动；请用最新的完好备份恢复（应用：打开公示时按提示恢复；命令行：gongshi backup recover）。"
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "数据文件 {path} 由更新版本的公示写入（数据版本 {found}，本程序只认识到 {supported}）。请升级公示后再打开；文件未被改动。"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{0}")]
    Invalid(#[from] gongshi_domain::DomainError),

    #[error("升级数据文件结构失败：{0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("数据库操作失败：{0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// A stable code for the UI and scripts (`store.corrupt`…).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Unreadable { .. } => "store.unreadable",
            StoreError::Missing { .. } => "store.missing",
            StoreError::AlreadyExists { .. } => "store.exists",
            StoreError::NotOurs { .. } => "store.not_ours",
            StoreError::Corrupt { .. } => "store.corrupt",
            StoreError::TooNew { .. } => "store.too_new",
            StoreError::Invalid(_) => "invalid",
            StoreError::Migration(_) => "store.migration",
            StoreError::Sqlite(_) => "store.sqlite",
        }
    }

    /// Refusals of the user's input or file, as opposed to failures.
    pub fn is_refusal(&self) -> bool {
        !matches!(self, StoreError::Migration(_) | StoreError::Sqlite(_))
    }
}
