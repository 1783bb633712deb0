//! Checking the history: the audit log's chain walked from its first row,
//! every archived sheet against its digest, the district's outbox against
//! the seals the log recorded, and the log against the
//! school's backups — rows cut from the end of the log leave the chain
//! whole, but a backup taken before still holds them.

use std::path::Path;

use chrono::{DateTime, Local, Utc};
use gongshi_store::backup;
use gongshi_store::{ChainCheck, Store};

use crate::{AppError, Result, backups};

/// The chain walked and compared with the backups: what was found, or a
/// refusal naming the first row (its time and operator), the archived
/// sheet, or the backup whose rows the log no longer has.
pub fn verify(store: &Store, store_path: &Path) -> Result<String> {
    let (rows, sheets) = walk(store)?;
    // The district's outbox: each record as its seal in the log says.
    if let Some((_, why)) = store.outbox_forgeries()?.into_iter().next() {
        return Err(AppError::Tampered(why));
    }
    let compared = against_backups(store, store_path)?;
    let backups = match compared {
        0 => "（还没有可对照的备份）".to_owned(),
        n => format!("，与{n}份备份对照，没有记录被删去"),
    };
    Ok(format!(
        "修改记录完整：{rows}条记录、{sheets}份张贴稿存档都与写入时一致{backups}。"
    ))
}

fn local(at: &DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

fn walk(store: &Store) -> Result<(i64, i64)> {
    match store.verify_chain()? {
        ChainCheck::Whole { rows, sheets } => Ok((rows, sheets)),
        ChainCheck::BrokenAt {
            id,
            at,
            operator,
            action,
        } => {
            let when = DateTime::parse_from_rfc3339(&at)
                .map(|t| local(&t.with_timezone(&Utc)))
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

/// Each of this school's backups taken since the store was last replaced
/// (before that, the log followed another file) must find its last row in
/// the log, unchanged. Returns how many were compared; a backup that does
/// not open, or is another school's, is no evidence and is passed over.
fn against_backups(store: &Store, store_path: &Path) -> Result<usize> {
    let school = store.school()?.map(|s| s.name);
    let since = store
        .last_replaced()?
        .map(|t| t.with_timezone(&Local).naive_local());
    let mut compared = 0;
    for b in backups::list(Some(store), store_path)? {
        if since.is_some_and(|t| b.taken_at <= t) {
            continue;
        }
        let Ok(summary) = backup::inspect(&b.path) else {
            continue;
        };
        let Some((id, hash)) = summary.chain_head.filter(|_| summary.school == school) else {
            continue;
        };
        if store.audit_hash(id)?.as_deref() != Some(hash.as_str()) {
            return Err(AppError::Tampered(format!(
                "备份“{}”（{}）中的修改记录到第{id}条，现在的记录中第{id}条已没有或不同：记录在这份备份之后被删去或改动过。",
                b.path.display(),
                b.taken_at.format("%Y-%m-%d %H:%M:%S"),
            )));
        }
        compared += 1;
    }
    Ok(compared)
}
