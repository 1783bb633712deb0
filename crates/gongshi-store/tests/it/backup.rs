//! Backups whole or absent, read back without writing, and a restore that
//! leaves no stale write-ahead log beside the restored file.

use gongshi_store::{Store, backup};

use super::{clerk, profile};

/// A store in `dir` with its school saved (the change still in the -wal).
fn store_of(dir: &std::path::Path, school: &str) -> (std::path::PathBuf, Store) {
    let path = dir.join("gongshi.sqlite3");
    let mut store = Store::create(&path).unwrap();
    store
        .write(&clerk(), |w| w.save_school(profile(school)))
        .unwrap();
    (path, store)
}

#[test]
fn a_backup_holds_what_the_open_store_holds_even_before_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = store_of(dir.path(), "一中");
    // The change is in the -wal, the store still open: the copy has it.
    let dest = dir.path().join("备份.sqlite3");
    let summary = backup::copy_store(&path, &dest).unwrap();
    assert_eq!(summary.school.as_deref(), Some("一中"));
    assert_eq!(summary.audit_entries, store.counts().unwrap().audit_entries);
    assert_eq!(summary.last_change.as_ref().unwrap().1, "王老师");
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("写入中")), "{names:?}");
    assert_eq!(backup::inspect(&dest).unwrap(), summary);
}

#[test]
fn a_copy_that_fails_leaves_nothing_and_a_bad_file_is_refused_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gongshi.sqlite3");
    drop(Store::create(&path).unwrap());
    let nowhere = dir.path().join("没有的文件夹").join("备份.sqlite3");
    assert!(backup::copy_store(&path, &nowhere).is_err());
    assert!(!nowhere.exists());

    let junk = dir.path().join("坏.sqlite3");
    std::fs::write(&junk, b"not a database").unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(backup::replace_store(&path, &junk).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_restore_removes_the_old_wal_and_opens_as_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_of(dir.path(), "一中");
    let saved = dir.path().join("备份.sqlite3");
    backup::copy_store(&path, &saved).unwrap();
    store
        .write(&clerk(), |w| w.save_school(profile("二中")))
        .unwrap();
    // A stale -wal beside the store, as a crash would leave it.
    let wal = dir.path().join("gongshi.sqlite3-wal");
    drop(store);
    std::fs::write(&wal, b"stale write-ahead log").unwrap();
    backup::replace_store(&path, &saved).unwrap();
    assert!(!wal.exists());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.school().unwrap().unwrap().name, "一中");
}
