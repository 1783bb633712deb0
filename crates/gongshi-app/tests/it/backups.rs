//! Backups taken, found, thinned (only our own files), restored with the
//! store before kept, and a corrupt store set aside for the newest good
//! backup.

use gongshi_app::backups::{self, SecondCopy};
use gongshi_app::{Store, school};

use super::{clerk, profile};

fn store_at(dir: &std::path::Path) -> (Store, std::path::PathBuf) {
    let path = dir.join("gongshi.sqlite3");
    let mut store = Store::create(&path).unwrap();
    school::save_school(&mut store, &clerk(), profile()).unwrap();
    (store, path)
}

#[test]
fn a_backup_goes_beside_the_store_and_to_the_second_folder_when_it_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = store_at(dir.path());
    assert!(backups::due(&path));
    let taken = backups::take(&store, &path).unwrap();
    assert!(taken.path.starts_with(backups::home_folder(&path)));
    assert_eq!(taken.summary.school.as_deref(), Some("阳光市实验小学"));
    assert_eq!(taken.second, SecondCopy::NotSet);
    assert!(!backups::due(&path));

    // A USB stick: chosen, then unplugged.
    let usb = dir.path().join("U盘");
    std::fs::create_dir(&usb).unwrap();
    backups::set_second_folder(&mut store, &path, &clerk(), Some(usb.to_str().unwrap())).unwrap();
    let taken = backups::take(&store, &path).unwrap();
    assert!(
        matches!(taken.second, SecondCopy::Written { .. }),
        "{:?}",
        taken.second
    );
    assert_eq!(backups::in_folder(&usb).len(), 1);
    std::fs::remove_dir_all(&usb).unwrap();
    let taken = backups::take(&store, &path).unwrap();
    let SecondCopy::Failed { reason, .. } = &taken.second else {
        panic!("{:?}", taken.second)
    };
    assert!(reason.contains("文件夹不存在"), "{reason}");
    // The first copy was still written.
    assert!(taken.path.exists());
    // The folder beside the store is not a second place.
    let home = backups::home_folder(&path);
    let same =
        backups::set_second_folder(&mut store, &path, &clerk(), Some(home.to_str().unwrap()))
            .unwrap_err()
            .to_string();
    assert!(same.contains("这就是本机的备份文件夹"), "{same}");
    let refused =
        backups::set_second_folder(&mut store, &path, &clerk(), Some("/没有/这个/文件夹"))
            .unwrap_err()
            .to_string();
    assert!(refused.starts_with("第二备份位置："), "{refused}");
}

#[test]
fn thinning_removes_only_old_backups_named_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = store_at(dir.path());
    let home = backups::home_folder(&path);
    let real = backups::take(&store, &path).unwrap().path;
    let copy = home.join("副本");
    std::fs::rename(&real, &copy).unwrap();
    // Two backups of one day a month ago and a year-old one (real copies);
    // files that are not backups at all (the clerk's own, near-miss names);
    // a damaged file with a backup's name, which is left alone.
    for name in [
        "公示备份-20261101-080000.sqlite3",
        "公示备份-20261101-170000.sqlite3",
        "公示备份-20251101-170000.sqlite3",
    ] {
        std::fs::copy(&copy, home.join(name)).unwrap();
    }
    for name in [
        "公示备份-说明.txt",
        "我的文件.sqlite3",
        "公示备份-2026.sqlite3",
        "公示备份-20251001-170000.sqlite3",
    ] {
        std::fs::write(home.join(name), b"x").unwrap();
    }
    backups::take(&store, &path).unwrap();
    let mut left: Vec<String> = std::fs::read_dir(&home)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert!(
        left.contains(&"公示备份-20261101-170000.sqlite3".to_owned()),
        "{left:?}"
    );
    assert!(
        !left.contains(&"公示备份-20261101-080000.sqlite3".to_owned()),
        "{left:?}"
    );
    assert!(
        !left.contains(&"公示备份-20251101-170000.sqlite3".to_owned()),
        "{left:?}"
    );
    for theirs in [
        "公示备份-说明.txt",
        "我的文件.sqlite3",
        "公示备份-2026.sqlite3",
    ] {
        assert!(left.contains(&theirs.to_owned()), "{theirs} in {left:?}");
    }
}

#[test]
fn a_restore_keeps_the_store_before_it_and_is_in_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = store_at(dir.path());
    let first = backups::take(&store, &path).unwrap().path;
    let mut changed = profile();
    changed.name = "阳光市第二实验小学".into();
    school::save_school(&mut store, &clerk(), changed).unwrap();
    drop(store);
    // Two backups in one second would share a name: wait past it.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (store, kept) = backups::restore(&path, &first, &clerk()).unwrap();
    assert_eq!(store.school().unwrap().unwrap().name, "阳光市实验小学");
    assert_eq!(
        backups::verify(&kept).unwrap().school.as_deref(),
        Some("阳光市第二实验小学")
    );
    let last = &store.audit_entries(1).unwrap()[0];
    assert_eq!(last.action, "恢复备份");
    assert!(
        last.after.as_deref().unwrap().contains("公示备份-"),
        "{last:?}"
    );
}

#[test]
fn a_corrupt_store_is_set_aside_and_the_newest_good_backup_offered() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = store_at(dir.path());
    let good = backups::take(&store, &path).unwrap().path;
    drop(store);
    // A newer backup that is not whole (a 0-byte file from a full disk).
    std::fs::write(
        backups::home_folder(&path).join("公示备份-29991231-235959.sqlite3"),
        b"",
    )
    .unwrap();
    // The store's schema page overwritten after its header.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[100..4096].fill(0xAB);
    std::fs::write(&path, &bytes).unwrap();
    assert!(Store::open(&path).is_err());

    let (offered, summary) = backups::newest_good(&path).unwrap();
    assert_eq!(offered.path, good);
    assert_eq!(summary.school.as_deref(), Some("阳光市实验小学"));
    let (store, aside) = backups::restore(&path, &offered.path, &clerk()).unwrap();
    assert!(aside.to_string_lossy().contains(".损坏-"), "{aside:?}");
    assert_eq!(std::fs::read(&aside).unwrap(), bytes);
    assert_eq!(store.school().unwrap().unwrap().name, "阳光市实验小学");
}

#[test]
fn two_backups_in_one_second_are_two_files_and_a_bad_backup_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = store_at(dir.path());
    let a = backups::take(&store, &path).unwrap().path;
    let b = backups::take(&store, &path).unwrap().path;
    assert_ne!(a, b);
    assert!(a.exists() && b.exists());
    assert_eq!(backups::in_folder(&backups::home_folder(&path)).len(), 2);
    drop(store);
    // A file that passes its check but would not open here (its version
    // says 10 though it already has the chain's column): refused before
    // anything is replaced.
    let odd = dir.path().join("公示备份-20261130-080000.sqlite3");
    std::fs::copy(&a, &odd).unwrap();
    rusqlite::Connection::open(&odd)
        .unwrap()
        .pragma_update(None, "user_version", 10)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let Err(err) = backups::restore(&path, &odd, &clerk()) else {
        panic!("restored a file that does not open")
    };
    let err = err.to_string();
    assert!(err.contains("不能在本版本中打开"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(Store::open(&path).is_ok());
}

/// Rows cut from the end of the log leave the chain whole, but a backup
/// taken before still holds them: the check names that backup. A restore
/// starts the comparison afresh (the backups before it followed another
/// log).
#[test]
fn rows_cut_from_the_end_of_the_log_are_found_by_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = store_at(dir.path());
    let mut changed = profile();
    changed.principal = "张校长".into();
    school::save_school(&mut store, &clerk(), changed).unwrap();
    let taken = backups::take(&store, &path).unwrap().path;
    let said = gongshi_app::audit::verify(&store, &path).unwrap();
    assert!(said.contains("与1份备份对照"), "{said}");

    // Someone removes the last rows with the sqlite3 tool.
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let last: i64 = conn
        .query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    conn.execute("DELETE FROM audit_log WHERE id >= ?1", [last])
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert!(matches!(
        store.verify_chain().unwrap(),
        gongshi_app::store::ChainCheck::Whole { .. }
    ));
    let err = gongshi_app::audit::verify(&store, &path).unwrap_err();
    assert!(matches!(err, gongshi_app::AppError::Tampered(_)), "{err}");
    let said = err.to_string();
    assert!(said.contains(&format!("第{last}条")), "{said}");
    assert!(said.contains("公示备份-"), "{said}");

    drop(store);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (store, _) = backups::restore(&path, &taken, &clerk()).unwrap();
    let said = gongshi_app::audit::verify(&store, &path).unwrap();
    assert!(said.contains("修改记录完整"), "{said}");
}

/// Backups taken in one second sort with the later copy first, and a
/// second damaged store set aside in that second keeps the first.
#[test]
fn same_second_backups_and_set_asides_keep_their_order_and_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = store_at(dir.path());
    let mut taken = Vec::new();
    for i in 0..4 {
        let mut p = profile();
        p.address = format!("地址{i}");
        school::save_school(&mut store, &clerk(), p).unwrap();
        taken.push(backups::take(&store, &path).unwrap().path);
    }
    let listed: Vec<_> = backups::list(Some(&store), &path)
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect();
    // Within one second the names are -2, -3…: newest (the last taken) first.
    let same_second = listed
        .iter()
        .zip(taken.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert!(same_second >= 2, "{listed:?} vs {taken:?}");
    drop(store);
    std::fs::write(&path, b"first damaged").unwrap();
    let first = backups::set_aside(&path).unwrap();
    std::fs::write(&path, b"second").unwrap();
    let second = backups::set_aside(&path).unwrap();
    assert_ne!(first, second);
    assert_eq!(std::fs::read(&first).unwrap(), b"first damaged");
}
