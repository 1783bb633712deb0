//! 各司其职 through the jobs: the sign-off from the supervision group, the
//! approval from the leading group, three people for three steps, and a
//! relaxation the audit log keeps; a take-down before the period ends
//! keeps its reason.

use gongshi_app::domain::category::Category;
use gongshi_app::domain::workflow::Status;
use gongshi_app::items::{self, ReviewInput};
use gongshi_app::{Store, school};

use super::{award, clerk, d, store};

fn submitted(store: &mut Store) -> i64 {
    let item = items::create(store, &clerk(), Category::Award, award())
        .unwrap()
        .revision
        .item_id;
    items::submit(store, &clerk(), item).unwrap();
    item
}

fn review<'a>(conf: &'a str, sign: &'a str) -> ReviewInput<'a> {
    ReviewInput {
        confidentiality: Some((conf, d("2026-11-20"), "")),
        signoff: Some((sign, d("2026-11-20"), "")),
    }
}

#[test]
fn the_wrong_person_is_refused_and_nothing_changes() {
    let mut store = store();
    let item = submitted(&mut store);
    let audit = store.audit_entries(1000).unwrap().len();

    // 王静 is in the working group, not the supervision group.
    let err = items::review(&mut store, &clerk(), item, review("刘洋", "王静"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("监督小组签字人：王静不是监督小组成员（成员：赵敏、孙丽华）"),
        "{err}"
    );
    // 赵敏 cannot check and sign the same revision.
    let err = items::review(&mut store, &clerk(), item, review("赵敏", "赵敏"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("赵敏已经做了这一版的"), "{err}");
    let rev = store.current_revision(item).unwrap().unwrap();
    assert!(rev.confidentiality.is_none() && rev.signoff.is_none());
    assert_eq!(store.audit_entries(1000).unwrap().len(), audit);

    items::review(&mut store, &clerk(), item, review("王静", "赵敏")).unwrap();
    // The approval comes from the leading group, and not from a reviewer.
    let err = items::approve(&mut store, &clerk(), item, "赵敏", d("2026-11-20"), "")
        .unwrap_err()
        .to_string();
    assert!(err.contains("赵敏不是领导小组成员"), "{err}");
    assert_eq!(
        store.current_revision(item).unwrap().unwrap().status,
        Status::Pending
    );
    items::approve(&mut store, &clerk(), item, "陈晓", d("2026-11-20"), "").unwrap();
}

#[test]
fn a_school_without_groups_is_told_where_to_enter_them_and_may_relax_the_rule() {
    let mut store = store();
    let mut duties = school::duties(&store).unwrap();
    let groups = duties.clone();
    duties.supervision.clear();
    school::save_duties(&mut store, &clerk(), duties.clone()).unwrap();
    let item = submitted(&mut store);
    let err = items::review(&mut store, &clerk(), item, review("王静", "赵敏"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("学校还没有填写监督小组成员"), "{err}");
    assert!(err.contains("设置 → 三个小组"), "{err}");

    // Relaxed: one person may check, sign and approve; the log says so.
    duties.relaxed = true;
    school::save_duties(&mut store, &clerk(), duties).unwrap();
    let logged = &store.audit_entries(1).unwrap()[0];
    assert!(
        logged.action.starts_with("放宽各司其职"),
        "{}",
        logged.action
    );
    assert_eq!(logged.operator, "王静");
    items::review(&mut store, &clerk(), item, review("李新义", "李新义")).unwrap();
    items::approve(&mut store, &clerk(), item, "李新义", d("2026-11-20"), "").unwrap();

    school::save_duties(&mut store, &clerk(), groups).unwrap();
    assert_eq!(store.audit_entries(1).unwrap()[0].action, "恢复各司其职");
}

#[test]
fn a_take_down_before_the_period_ends_needs_its_reason_and_keeps_it() {
    let mut store = store();
    let item = super::approved(&mut store);
    items::post(&mut store, &clerk(), item, d("2026-11-23")).unwrap(); // to 11-27
    let err = items::take_down(&mut store, &clerk(), item, d("2026-11-25"), "")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("提前撤下原因") && err.contains("公示期至2026-11-27"),
        "{err}"
    );
    assert_eq!(
        store.current_revision(item).unwrap().unwrap().status,
        Status::Posted
    );
    items::take_down(
        &mut store,
        &clerk(),
        item,
        d("2026-11-25"),
        "拟推荐人选有变动，更正后重新公示",
    )
    .unwrap();
    let rev = store.current_revision(item).unwrap().unwrap();
    assert_eq!(
        rev.taken_down_reason.as_deref(),
        Some("拟推荐人选有变动，更正后重新公示")
    );
    // The week lists it as coming down, the day it came down.
    let week = gongshi_app::board::week(&store, d("2026-11-25")).unwrap();
    assert_eq!(week.rows.coming_down.len(), 1);
}
