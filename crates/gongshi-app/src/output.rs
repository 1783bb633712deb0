//! Writing output files so that a failure leaves nothing half-written: the
//! bytes go to a temporary file beside the target, which is then renamed.

use std::io::Write;
use std::path::Path;

use crate::{AppError, Result};

/// What every SQLite file begins with: a store, a backup, or any other
/// program's database.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// Whether `path` is a database file (read only: its first bytes).
fn is_database(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == SQLITE_HEADER)
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| AppError::Write {
        path: path.display().to_string(),
        reason: crate::error::io_reason(&e),
    };
    // A mistyped --out (the store's own name) must not replace the school's
    // record, or a backup, with a printout.
    if is_database(path) {
        return Err(AppError::Write {
            path: path.display().to_string(),
            reason: "这是一个数据文件（公示的数据或备份），不能用导出的文件覆盖它；请换一个文件名"
                .into(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    // A temporary file is private (0600); what is saved is an ordinary
    // file, to share and print (0644).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Refuses a path whose folder is not there, before anything is written
/// (a job writing two files checks the second first).
pub fn check_folder(path: &Path) -> Result<()> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() && !d.is_dir() => Err(AppError::Write {
            path: path.display().to_string(),
            reason: "文件夹不存在".into(),
        }),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` inside `dir`, making the folder if needed.
pub fn write_into(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| AppError::Write {
        path: dir.display().to_string(),
        reason: crate::error::io_reason(&e),
    })?;
    write_atomically(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("公示.pdf");
        write_atomically(&path, b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_reported_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("没有这个文件夹").join("a.pdf");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("没有这个文件夹"), "{err}");
    }

    #[test]
    fn a_database_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gongshi.sqlite3");
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        let before = std::fs::read(&db).unwrap();
        let err = write_atomically(&db, b"PK...").unwrap_err();
        assert!(err.to_string().contains("数据文件"), "{err}");
        assert_eq!(std::fs::read(&db).unwrap(), before);
        let other = dir.path().join("a.xlsx");
        write_atomically(&other, b"one").unwrap();
        write_atomically(&other, b"two").unwrap();
        assert_eq!(std::fs::read(&other).unwrap(), b"two");
    }
}
