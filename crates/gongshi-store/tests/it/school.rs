use gongshi_domain::SchoolProfile;
use gongshi_domain::duties::Duties;
use gongshi_domain::grades::SchoolGrades;
use gongshi_store::Store;

use crate::{clerk, profile};

#[test]
fn the_profile_round_trips_with_markup_kept_as_text() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.school().unwrap(), None);
    let saved = store
        .write(&clerk(), |w| {
            w.save_school(profile("<img src=x onerror=alert(1)>"))
        })
        .unwrap();
    assert_eq!(store.school().unwrap(), Some(saved));
}

#[test]
fn an_invalid_profile_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(&clerk(), |w| w.save_school(profile("阳光市实验小学")))
        .unwrap();
    let entries = store.audit_entries(100).unwrap().len();
    let bad = SchoolProfile {
        name: "".into(),
        ..profile("x")
    };
    let err = store.write(&clerk(), |w| w.save_school(bad)).unwrap_err();
    assert!(err.to_string().contains("学校名称"), "{err}");
    assert_eq!(store.school().unwrap().unwrap().name, "阳光市实验小学");
    assert_eq!(store.audit_entries(100).unwrap().len(), entries);
}

#[test]
fn the_school_grades_are_kept() {
    let mut store = Store::open_in_memory().unwrap();
    let primary = SchoolProfile {
        grades: SchoolGrades::parse("小学").unwrap(),
        ..profile("阳光市实验小学")
    };
    store.write(&clerk(), |w| w.save_school(primary)).unwrap();
    let grades = store.school().unwrap().unwrap().grades;
    assert_eq!(grades.iter().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
}

#[test]
fn the_groups_are_kept_in_order_and_relaxing_the_rule_is_logged() {
    let mut store = Store::open_in_memory().unwrap();
    let groups = Duties {
        leading: vec!["李新义".into(), "陈晓".into()],
        working: vec!["王静".into()],
        supervision: vec!["赵敏".into(), "孙立".into()],
        relaxed: false,
    };
    // Not before the school exists; nothing written.
    let err = store
        .write(&clerk(), |w| w.save_duties(groups.clone()))
        .unwrap_err();
    assert!(err.to_string().contains("学校信息"), "{err}");
    assert_eq!(store.duties().unwrap(), Duties::default());

    store
        .write(&clerk(), |w| w.save_school(profile("阳光市实验小学")))
        .unwrap();
    store
        .write(&clerk(), |w| w.save_duties(groups.clone()))
        .unwrap();
    assert_eq!(store.duties().unwrap(), groups);
    assert_eq!(
        store.audit_entries(1).unwrap()[0].action,
        "修改三个小组成员"
    );

    let relaxed = Duties {
        relaxed: true,
        ..groups.clone()
    };
    store.write(&clerk(), |w| w.save_duties(relaxed)).unwrap();
    assert!(store.duties().unwrap().relaxed);
    let last = &store.audit_entries(1).unwrap()[0];
    assert!(last.action.starts_with("放宽各司其职"), "{}", last.action);
    assert_eq!(last.operator, "王老师");

    // A bad list changes nothing.
    let bad = Duties {
        supervision: vec!["赵敏".into(), "赵敏".into()],
        ..groups
    };
    let entries = store.audit_entries(100).unwrap().len();
    assert!(store.write(&clerk(), |w| w.save_duties(bad)).is_err());
    assert!(store.duties().unwrap().relaxed);
    assert_eq!(store.audit_entries(100).unwrap().len(), entries);
}
