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
