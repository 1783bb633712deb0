use gongshi_domain::SchoolProfile;
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
