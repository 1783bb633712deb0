//! Copies of the store that are whole or absent: written with `VACUUM
//! INTO` from a read-only connection of their own (the clerk's connection
//! is not held), under a temporary name, synced to disk, checked as any
//! file is before it is opened (SQLite header, ours, not from a newer
//! version, `integrity_check`), then renamed into place. A backup is read
//! back the same way, with what it holds for the person choosing it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

use crate::{Result, StoreError};

/// What a checked backup (or any store file) holds, read without writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    pub schema_version: i64,
    pub school: Option<String>,
    pub items: i64,
    pub fee_schedules: i64,
    pub eval_rounds: i64,
    pub audit_entries: i64,
    /// The last change: when and by whom.
    pub last_change: Option<(DateTime<Utc>, String)>,
    /// The audit chain's last sealed row: its id and hash (None for a log
    /// that is empty or from before the chain). A later store must still
    /// hold that row, unchanged: see `Store::audit_hash`.
    pub chain_head: Option<(i64, String)>,
}

/// Writes a whole, checked copy of the store at `store` to `dest`: it is
/// there complete, or not at all (a temporary file beside it is removed
/// on failure). Returns what the copy holds.
pub fn copy_store(store: &Path, dest: &Path) -> Result<FileSummary> {
    crate::open::check_before_writing(store)?;
    let temp = temp_beside(dest);
    let written = write_checked(store, &temp);
    match written {
        Ok(summary) => {
            std::fs::rename(&temp, dest).map_err(|e| io(dest, &e))?;
            sync_dir(dest);
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

fn write_checked(store: &Path, temp: &Path) -> Result<FileSummary> {
    let _ = std::fs::remove_file(temp);
    let conn = Connection::open_with_flags(
        store,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    let target = temp.to_str().ok_or_else(|| StoreError::Unreadable {
        path: temp.to_owned(),
        reason: "路径不是有效的文字".into(),
    })?;
    conn.execute("VACUUM INTO ?1", [target])?;
    drop(conn);
    std::fs::File::open(temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| io(temp, &e))?;
    inspect(temp)
}

/// Checks a store file as [`crate::Store::open`] would, without writing to
/// it, and says what it holds.
pub fn inspect(path: &Path) -> Result<FileSummary> {
    crate::open::check_before_writing(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap_or(0)
    };
    let last_change = conn
        .query_row(
            "SELECT at, operator FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
        .and_then(|(at, by)| {
            DateTime::parse_from_rfc3339(&at)
                .ok()
                .map(|t| (t.with_timezone(&Utc), by))
        });
    Ok(FileSummary {
        schema_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        school: conn
            .query_row("SELECT name FROM school WHERE id = 1", [], |r| r.get(0))
            .optional()
            .unwrap_or(None),
        items: count("items"),
        fee_schedules: count("fee_schedules"),
        eval_rounds: count("eval_rounds"),
        audit_entries: count("audit_log"),
        last_change,
        chain_head: conn
            .query_row(
                "SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok(),
    })
}

/// Puts the checked file `from` in place of the store at `store`: copied
/// beside it under a temporary name, synced, then renamed over it, with the
/// store's -wal and -shm removed first (an old write-ahead log beside a
/// restored file would read as "malformed"). The caller has closed every
/// connection to `store` and backed it up.
pub fn replace_store(store: &Path, from: &Path) -> Result<FileSummary> {
    let summary = inspect(from)?;
    let temp = temp_beside(store);
    let copied = std::fs::copy(from, &temp)
        .and_then(|_| std::fs::File::open(&temp)?.sync_all())
        .map_err(|e| io(&temp, &e));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    for side in side_files(store) {
        match std::fs::remove_file(side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(store, &e)),
        }
    }
    std::fs::rename(&temp, store).map_err(|e| io(store, &e))?;
    sync_dir(store);
    Ok(summary)
}

/// Puts the checked file `from` into the store at `store`, which opens:
/// through SQLite's online backup, all pages in one write transaction under
/// the store's own lock. A command writing at the same moment waits and
/// then writes on top of the restored data — nothing goes into a file that
/// was replaced under it — and a restore cut short leaves the store as it
/// was.
pub fn restore_into(store: &Path, from: &Path) -> Result<FileSummary> {
    let summary = inspect(from)?;
    let source = Connection::open_with_flags(
        from,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut target = Connection::open_with_flags(
        store,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    target.busy_timeout(std::time::Duration::from_secs(30))?;
    let copy = rusqlite::backup::Backup::new(&source, &mut target)?;
    // All pages in one step: one write transaction.
    copy.run_to_completion(i32::MAX, std::time::Duration::from_millis(100), None)?;
    Ok(summary)
}

/// The files SQLite keeps beside a store in WAL mode: its -wal and -shm.
pub fn side_files(store: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut side = store.as_os_str().to_owned();
        side.push(suffix);
        PathBuf::from(side)
    })
}

/// `名字.sqlite3` → `.名字.sqlite3.写入中`: in the same folder (so the rename
/// is atomic), hidden, never mistaken for a backup.
fn temp_beside(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The process id keeps two backups started at once from sharing it.
    dest.with_file_name(format!(".{name}.{}.写入中", std::process::id()))
}

/// The folder's entry made durable too (where the system allows it).
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

fn io(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Unreadable {
        path: path.to_owned(),
        reason: e.to_string(),
    }
}
