//! Checking the history: the audit log's chain walked from its first row,
//! every archived sheet against its digest.

use chrono::DateTime;
use gongshi_store::{ChainCheck, Store};

use crate::{AppError, Result};

/// The chain walked: whole, or a refusal naming the first row (its time
/// and operator) or the archived sheet that does not match.
pub fn verify(store: &Store) -> Result<String> {
    match store.verify_chain()? {
        ChainCheck::Whole { rows, sheets } => Ok(format!(
            "修改记录完整：{rows}条记录、{sheets}份张贴稿存档都与写入时一致。"
        )),
        ChainCheck::BrokenAt {
            id,
            at,
            operator,
            action,
        } => {
            let when = DateTime::parse_from_rfc3339(&at)
                .map(|t| {
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string()
                })
                .unwrap_or(at);
            Err(AppError::Tampered(format!(
                "修改记录第{id}条（{when}，{operator}，“{action}”）与写入时不一致：这一条或它前面的一条在程序之外被改动或删除过。"
            )))
        }
        ChainCheck::SheetAltered { sheet_id } if sheet_id < 0 => Err(AppError::Tampered(
            "张贴稿存档里有一份在修改记录中没有记载：它是在程序之外放进去的。".into(),
        )),
        ChainCheck::SheetAltered { sheet_id } => Err(AppError::Tampered(format!(
            "张贴稿存档第{sheet_id}份与修改记录中存档时的 SHA-256 不一致（或已被删除）：它在程序之外被改动过。"
        ))),
    }
}
