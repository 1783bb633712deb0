//! Backups that happen on their own: when the app starts and the newest
//! is older than a day, in a thread of its own (the clerk is not held up);
//! and when it closes after changes. A failure is written to the log
//! (stderr) and shown by the dashboard's warnings, never in the clerk's way.

use std::path::{Path, PathBuf};

use gongshi_app::{Store, backups};

/// At start: a backup in the background if one is due.
pub fn at_start(db_path: &Path) {
    if !db_path.exists() || !backups::due(db_path) {
        return;
    }
    let path: PathBuf = db_path.to_owned();
    std::thread::spawn(move || take(&path));
}

/// At exit: a backup if anything changed since the app started.
pub fn at_exit(db_path: &Path, audit_at_start: i64) {
    let changed = Store::open(db_path)
        .map_err(gongshi_app::AppError::from)
        .and_then(|s| backups::changes(&s))
        .is_ok_and(|n| n != audit_at_start);
    if changed {
        take(db_path);
    }
}

fn take(db_path: &Path) {
    let done = Store::open(db_path)
        .map_err(gongshi_app::AppError::from)
        .and_then(|store| backups::take(&store, db_path));
    if let Err(e) = done {
        eprintln!("自动备份没有完成：{e}");
    }
}
