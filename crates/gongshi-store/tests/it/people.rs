use chrono::NaiveDate;
use gongshi_domain::ethics::EthicsCase;
use gongshi_domain::lines::appraisal::Scale;
use gongshi_store::Store;

use crate::clerk;

#[test]
fn the_appraisal_scale_is_kept_and_logged() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.appraisal_scale().unwrap(), Scale::default());
    let three: Vec<String> = ["满意", "基本满意", "不满意"].map(String::from).to_vec();
    let scale = Scale::new(&three, 1).unwrap();
    store
        .write(&clerk(), |w| w.set_appraisal_scale(&scale))
        .unwrap();
    assert_eq!(store.appraisal_scale().unwrap(), scale);
    let entry = &store.audit_entries(1).unwrap()[0];
    assert_eq!(entry.action, "设置民主评议等次");
    assert_eq!(
        entry.after.as_deref(),
        Some(r#"{"v":1,"grades":["满意","基本满意","不满意"],"satisfied":1}"#)
    );
}

#[test]
fn ethics_cases_are_recorded_with_who_recorded_them() {
    let mut store = Store::open_in_memory().unwrap();
    let on = NaiveDate::from_ymd_opt(2026, 5, 8).unwrap();
    let case = EthicsCase::new("赵强", on, "收受家长购物卡一张").unwrap();
    let id = store.write(&clerk(), |w| w.add_ethics_case(&case)).unwrap();
    let cases = store.ethics_cases().unwrap();
    assert_eq!((cases[0].id, cases[0].teacher.as_str()), (id, "赵强"));
    assert_eq!(cases[0].recorded_by, "王老师");
}
