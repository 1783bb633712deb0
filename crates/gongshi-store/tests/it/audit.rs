use gongshi_domain::OperatorName;
use gongshi_store::{Store, StoreError};

use crate::{clerk, profile};

#[test]
fn a_change_is_logged_with_operator_and_before_after() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(&clerk(), |w| w.save_school(profile("旧名")))
        .unwrap();
    let principal = OperatorName::parse("李校长").unwrap();
    store
        .write(&principal, |w| w.save_school(profile("新名")))
        .unwrap();

    let log = store.audit_entries(10).unwrap();
    let newest = &log[0];
    assert_eq!(newest.operator, "李校长");
    assert_eq!(newest.entity, "school");
    assert_eq!(newest.action, "修改学校信息");
    assert!(newest.before.as_deref().unwrap().contains("旧名"));
    assert!(newest.after.as_deref().unwrap().contains("新名"));
    // The first save by each operator also added them.
    let added: Vec<_> = log
        .iter()
        .filter(|e| e.action == "新增操作人")
        .map(|e| e.entity_id.as_str())
        .collect();
    assert_eq!(added, ["李校长", "王老师"]);
    let names: Vec<_> = store
        .operators()
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert!(names.contains(&"李校长".to_owned()) && names.contains(&"王老师".to_owned()));
}

#[test]
fn saving_the_same_profile_twice_logs_once() {
    let mut store = Store::open_in_memory().unwrap();
    for _ in 0..2 {
        store
            .write(&clerk(), |w| w.save_school(profile("阳光市实验小学")))
            .unwrap();
    }
    let saves = store
        .audit_entries(10)
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == "school")
        .count();
    assert_eq!(saves, 1);
}

#[test]
fn a_failed_change_rolls_back_everything_including_its_log() {
    let mut store = Store::open_in_memory().unwrap();
    let newcomer = OperatorName::parse("新来的").unwrap();
    let result: Result<(), StoreError> = store.write(&newcomer, |w| {
        w.save_school(profile("半途"))?;
        Err(StoreError::Missing {
            path: "模拟失败".into(),
        })
    });
    assert!(result.is_err());
    assert_eq!(store.school().unwrap(), None);
    assert!(store.audit_entries(10).unwrap().is_empty());
    assert!(store.operators().unwrap().is_empty());
}

/// The audit log is a chain: an edited, removed or inserted row is named
/// (the first that does not match), and an archived PDF altered is found.
#[test]
fn the_chain_names_the_first_row_that_was_tampered_with() {
    use gongshi_store::ChainCheck;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    let mut store = Store::create(&path).unwrap();
    for name in ["一中", "二中", "三中", "四中"] {
        store
            .write(&clerk(), |w| w.save_school(profile(name)))
            .unwrap();
    }
    let ChainCheck::Whole { rows, .. } = store.verify_chain().unwrap() else {
        panic!("a fresh chain is whole")
    };
    assert!(rows >= 4);
    drop(store);
    let ids: Vec<i64> = {
        let c = rusqlite::Connection::open(&path).unwrap();
        let mut s = c.prepare("SELECT id FROM audit_log ORDER BY id").unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let tamper = |sql: &str| {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(sql).unwrap();
    };
    let broken_at = || match Store::open(&path).unwrap().verify_chain().unwrap() {
        ChainCheck::BrokenAt { id, .. } => id,
        other => panic!("{other:?}"),
    };
    // An edit: the row itself.
    tamper(&format!(
        "UPDATE audit_log SET operator = '别人' WHERE id = {}",
        ids[2]
    ));
    assert_eq!(broken_at(), ids[2]);
    tamper(&format!(
        "UPDATE audit_log SET operator = '王老师' WHERE id = {}",
        ids[2]
    ));
    assert!(matches!(
        Store::open(&path).unwrap().verify_chain().unwrap(),
        ChainCheck::Whole { .. }
    ));
    // A row removed: the one after it no longer follows.
    tamper(&format!("DELETE FROM audit_log WHERE id = {}", ids[1]));
    assert_eq!(broken_at(), ids[2]);
}

/// Taking the hashes away from a rewritten row on does not hide it: only a
/// change the program makes seals rows (and a store from before the chain,
/// once, as it is migrated).
#[test]
fn a_rewritten_row_with_its_hashes_removed_is_still_named() {
    use gongshi_store::ChainCheck;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    let mut store = Store::create(&path).unwrap();
    for name in ["一中", "二中", "三中"] {
        store
            .write(&clerk(), |w| w.save_school(profile(name)))
            .unwrap();
    }
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    let second: i64 = c
        .query_row(
            "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch(&format!(
        "UPDATE audit_log SET operator = '李新义（校长）' WHERE id = {second};
         UPDATE audit_log SET hash = NULL WHERE id >= {second};"
    ))
    .unwrap();
    drop(c);
    let mut store = Store::open(&path).unwrap();
    let ChainCheck::BrokenAt { id, .. } = store.verify_chain().unwrap() else {
        panic!("the rewrite is hidden")
    };
    assert_eq!(id, second);
    // A change made since does not seal the rows before it either.
    store
        .write(&clerk(), |w| w.save_school(profile("四中")))
        .unwrap();
    assert!(matches!(
        store.verify_chain().unwrap(),
        ChainCheck::BrokenAt { id, .. } if id == second
    ));
}
