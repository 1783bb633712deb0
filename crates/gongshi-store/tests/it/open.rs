//! Opening, creating and refusing files. A refused file is never modified.

use std::path::{Path, PathBuf};

use gongshi_store::{LATEST_VERSION, Store, StoreError};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gongshi.sqlite3");
    (dir, path)
}

fn made_store(path: &Path) {
    let mut store = Store::create(path).unwrap();
    store
        .write(&crate::clerk(), |w| {
            w.save_school(crate::profile("阳光市实验小学"))
        })
        .unwrap();
    drop(store);
}

/// Opens `path`, expects a refusal with `code`, and checks the bytes of the
/// file (and that no WAL/SHM companions were created) are as before.
fn assert_refused_untouched(path: &Path, code: &str) -> StoreError {
    let before = std::fs::read(path).ok();
    let err = Store::open(path).err().expect("the file must be refused");
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(
        std::fs::read(path).ok(),
        before,
        "a refused file was modified"
    );
    assert!(!path.with_extension("sqlite3-wal").exists() || before.is_none());
    err
}

#[test]
fn a_created_store_opens_again_with_its_data() {
    let (_dir, path) = temp();
    made_store(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.school().unwrap().unwrap().name, "阳光市实验小学");
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn create_makes_the_folder_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("新建文件夹").join("gongshi.sqlite3");
    made_store(&path);
    let err = Store::create(&path).err().unwrap();
    assert_eq!(err.code(), "store.exists");
    assert!(Store::open(&path).unwrap().school().unwrap().is_some());
}

#[test]
fn a_missing_file_is_reported() {
    let (_dir, path) = temp();
    let err = Store::open(&path).err().unwrap();
    assert_eq!(err.code(), "store.missing");
    assert!(!path.exists(), "open must not create a file");
}

#[test]
fn a_text_file_is_refused_untouched() {
    let (_dir, path) = temp();
    std::fs::write(&path, "学生名单\n张三,李四\n".repeat(200)).unwrap();
    let err = assert_refused_untouched(&path, "store.not_ours");
    assert!(err.to_string().contains("不是公示的数据文件"), "{err}");
}

#[test]
fn an_empty_file_is_refused_untouched() {
    let (_dir, path) = temp();
    std::fs::write(&path, b"").unwrap();
    assert_refused_untouched(&path, "store.not_ours");
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let (_dir, path) = temp();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, "store.not_ours");
}

#[test]
fn a_store_from_a_newer_version_is_refused_untouched() {
    let (_dir, path) = temp();
    made_store(&path);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let err = assert_refused_untouched(&path, "store.too_new");
    assert!(err.to_string().contains("更新版本"), "{err}");
}

#[test]
fn a_corrupt_store_is_refused_untouched() {
    let (_dir, path) = temp();
    made_store(&path);
    // Checkpoint into the main file and leave WAL mode, so the file alone is
    // the database, then scribble over the pages after the first.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4096 * 2);
    for b in &mut bytes[4096 + 8..4096 * 2] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = assert_refused_untouched(&path, "store.corrupt");
    assert!(err.to_string().contains("已损坏"), "{err}");
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(dir.path()).err().unwrap();
    assert_eq!(err.code(), "store.unreadable");
}
