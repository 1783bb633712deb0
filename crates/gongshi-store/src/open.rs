//! Opening a file safely: look before writing.
//!
//! A clerk's only copy of years of records may be that file. Before the
//! store opens it read-write (which sets WAL and may migrate), it is read
//! read-only and checked: is it SQLite, is it ours, is it whole, is it from a
//! version we understand. Any "no" refuses the file untouched.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::migrations::LATEST_VERSION;
use crate::{Result, StoreError};

/// `PRAGMA application_id` of a Gongshi store: "GSHI" in ASCII.
pub const APPLICATION_ID: i32 = 0x4753_4849;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub(crate) fn check_before_writing(path: &Path) -> Result<()> {
    let unreadable = |reason: String| StoreError::Unreadable {
        path: path.to_owned(),
        reason,
    };
    let not_ours = |reason: &str| StoreError::NotOurs {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::Missing {
                path: path.to_owned(),
            });
        }
        Err(e) => return Err(unreadable(e.to_string())),
    };
    if !meta.is_file() {
        return Err(unreadable("这是一个文件夹，不是文件".into()));
    }
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let read = file
        .read(&mut header)
        .map_err(|e| unreadable(e.to_string()))?;
    if read == 0 {
        return Err(not_ours("文件是空的"));
    }
    if read < header.len() || &header != SQLITE_HEADER {
        return Err(not_ours("文件开头不是 SQLite 数据库的格式"));
    }

    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        detail,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| unreadable(e.to_string()))?;
    let pragma = |name: &str| -> std::result::Result<i64, StoreError> {
        conn.pragma_query_value(None, name, |r| r.get(0))
            .map_err(|e| corrupt(e.to_string()))
    };
    let app_id = pragma("application_id")?;
    let version = pragma("user_version")?;
    if app_id != i64::from(APPLICATION_ID) {
        return Err(not_ours("这是别的程序的 SQLite 数据库"));
    }
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| corrupt(e.to_string()))?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| corrupt(e.to_string()))?;
    if problems != ["ok"] {
        return Err(corrupt(format!(
            "完整性检查未通过：{}",
            problems.into_iter().take(3).collect::<Vec<_>>().join("；")
        )));
    }
    Ok(())
}

pub(crate) fn connect(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

pub(crate) fn create(path: &Path) -> Result<Connection> {
    if path.exists() {
        return Err(StoreError::AlreadyExists {
            path: path.to_owned(),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Unreadable {
            path: dir.to_owned(),
            reason: format!("无法创建文件夹：{e}"),
        })?;
    }
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// The pragmas every connection runs with. WAL lets the CLI read while the
/// app writes; the busy timeout makes them wait for each other, not fail.
pub(crate) fn apply_pragmas(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}
