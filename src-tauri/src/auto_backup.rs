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
    report(open(db_path).and_then(|store| {
        if backups::changes(&store)? == audit_at_start {
            return Ok(());
        }
        backups::take(&store, db_path).map(drop)
    }));
}

fn take(db_path: &Path) {
    report(open(db_path).and_then(|store| backups::take(&store, db_path).map(drop)));
}

fn open(db_path: &Path) -> gongshi_app::Result<Store> {
    Ok(Store::open(db_path)?)
}

fn report(done: gongshi_app::Result<()>) {
    if let Err(e) = done {
        eprintln!("自动备份没有完成：{e}");
    }
}
