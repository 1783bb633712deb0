use std::collections::BTreeMap;

use chrono::NaiveDate;
use gongshi_domain::calendar::Calendar;
use gongshi_domain::category::Category;
use gongshi_domain::item::ItemContent;
use gongshi_domain::revision::{Revision, Stamp};
use gongshi_domain::workflow::Status;
use gongshi_store::{ItemFilter, Store};

use crate::clerk;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal() -> Calendar {
    Calendar::from_json(include_str!("../../../../assets/calendar/cn-official.json")).unwrap()
}

fn content(title: &str, body: &str) -> ItemContent {
    ItemContent {
        title: title.into(),
        body: body.into(),
        fields: BTreeMap::new(),
        table: None,
        posting_days: 5,
        planned_start: Some(d("2026-09-28")),
    }
}

fn add(store: &mut Store, title: &str, body: &str) -> Revision {
    let draft = Revision::draft(Category::Other, content(title, body)).unwrap();
    store.write(&clerk(), |w| w.insert_item(&draft)).unwrap()
}

fn stamp(by: &str) -> Stamp {
    Stamp::new("签字人", by, d("2026-09-25"), "").unwrap()
}

#[test]
fn every_workflow_step_is_in_the_audit_log_with_before_and_after() {
    let mut store = Store::open_in_memory().unwrap();
    let mut rev = add(&mut store, "冬季作息时间调整", "自10月8日起执行。");
    rev.submit().unwrap();
    store
        .write(&clerk(), |w| w.save_revision(&rev, "提交审核"))
        .unwrap();
    rev.review(Some(stamp("王静")), Some(stamp("赵敏")), &anyone())
        .unwrap();
    store
        .write(&clerk(), |w| w.save_revision(&rev, "审查签字"))
        .unwrap();
    rev.approve(stamp("李新义"), &anyone()).unwrap();
    store
        .write(&clerk(), |w| w.save_revision(&rev, "批准"))
        .unwrap();
    rev.post(d("2026-09-28"), &cal()).unwrap();
    store
        .write(&clerk(), |w| w.save_revision(&rev, "张贴公示"))
        .unwrap();

    let stored = store.revision(rev.id).unwrap().unwrap();
    assert_eq!(stored, rev);
    let log: Vec<_> = store
        .audit_entries(50)
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == "item")
        .map(|e| {
            (
                e.action,
                e.before.is_some(),
                e.after.unwrap_or_default().contains("posted"),
            )
        })
        .collect();
    assert_eq!(
        log,
        [
            ("张贴公示".to_owned(), true, true),
            ("批准".to_owned(), true, false),
            ("审查签字".to_owned(), true, false),
            ("提交审核".to_owned(), true, false),
            ("新建事项".to_owned(), false, false),
        ]
    );
}

#[test]
fn a_correction_is_a_new_revision_and_the_history_keeps_both() {
    let mut store = Store::open_in_memory().unwrap();
    let first = add(&mut store, "食堂招标结果", "中标单位：甲公司。");
    let mut second = first.clone();
    second.status = Status::Posted;
    let second = Revision {
        number: 2,
        status: Status::Draft,
        ..second
    };
    let second = store
        .write(&clerk(), |w| w.insert_revision(&second))
        .unwrap();
    let history = store.item_revisions(first.item_id).unwrap();
    assert_eq!(history.iter().map(|r| r.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        store.current_revision(first.item_id).unwrap().unwrap().id,
        second.id
    );
}

#[test]
fn chinese_substring_search_over_titles_and_bodies() {
    let mut store = Store::open_in_memory().unwrap();
    add(
        &mut store,
        "2026年秋季学期收费公示",
        "课后服务费每生每学期300元。",
    );
    add(
        &mut store,
        "多媒体设备采购结果",
        "以政府招标形式采购交互式白板。",
    );
    add(&mut store, "教师节评优结果", "经民意测评和工作量化。");
    let search = |text: &str| -> Vec<String> {
        let filter = ItemFilter {
            text: Some(text.into()),
            ..Default::default()
        };
        let mut titles: Vec<String> = store
            .list_items(&filter)
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(search("政府招标"), ["多媒体设备采购结果"]);
    assert_eq!(search("课后服务费"), ["2026年秋季学期收费公示"]);
    assert_eq!(search("结果"), ["多媒体设备采购结果", "教师节评优结果"]);
    assert_eq!(search("采"), ["多媒体设备采购结果"]);
    assert!(search("不存在的内容").is_empty());
}

#[test]
fn the_week_board_sees_what_goes_up_comes_down_and_is_overdue() {
    let mut store = Store::open_in_memory().unwrap();
    let cal = cal();
    let mut post = |title: &str, planned: &str, posted: Option<&str>| {
        let mut c = content(title, "正文。");
        c.planned_start = Some(d(planned));
        let mut rev = Revision::draft(Category::Other, c).unwrap();
        rev.submit().unwrap();
        rev.review(Some(stamp("王静")), Some(stamp("赵敏")), &anyone())
            .unwrap();
        rev.approve(stamp("李新义"), &anyone()).unwrap();
        if let Some(day) = posted {
            rev.post(d(day), &cal).unwrap();
        }
        store.write(&clerk(), |w| w.insert_item(&rev)).unwrap()
    };
    post("本周张贴", "2026-11-23", None);
    post("上周批准未贴", "2026-11-16", None);
    post("上周已贴", "2026-11-17", Some("2026-11-17"));
    post("早已期满", "2026-11-02", Some("2026-11-02"));

    let week = store.week_rows(d("2026-11-23"), d("2026-11-29")).unwrap();
    let titles =
        |rows: &[gongshi_store::ItemRow]| rows.iter().map(|r| r.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&week.going_up), ["本周张贴"]);
    // 11-17 + 5 working days ends 11-23 (Monday of this week).
    assert_eq!(titles(&week.coming_down), ["上周已贴"]);
    assert_eq!(titles(&week.on_board), ["上周已贴"]);
    assert_eq!(titles(&week.not_posted), ["上周批准未贴"]);
    assert_eq!(titles(&week.not_closed), ["早已期满"]);
}

#[test]
fn the_week_lists_follow_one_rule_whatever_came_after() {
    use gongshi_domain::revision::{CloseResult, Closure, Objections};
    let mut store = Store::open_in_memory().unwrap();
    let cal = cal();
    let posted = |title: &str, day: &str| {
        let mut c = content(title, "正文。");
        c.planned_start = Some(d(day));
        let mut rev = Revision::draft(Category::Other, c).unwrap();
        rev.submit().unwrap();
        rev.review(Some(stamp("王静")), Some(stamp("赵敏")), &anyone())
            .unwrap();
        rev.approve(stamp("李新义"), &anyone()).unwrap();
        rev.post(d(day), &cal).unwrap();
        rev
    };
    // Posted this Monday and already taken down: not to be posted again.
    let mut down = posted("本周贴出已撤下", "2026-11-23");
    down.take_down(d("2026-11-24"), "名单有误").unwrap();
    store.write(&clerk(), |w| w.insert_item(&down)).unwrap();
    // Posted last week, closed, then corrected: the posted revision is
    // still on the board this week, and still comes down.
    let mut first = posted("上周贴出后更正", "2026-11-17");
    first.take_down(d("2026-11-23"), "名单有误").unwrap();
    let closure = Closure {
        result: CloseResult::NoObjection,
        on: d("2026-11-24"),
        note: String::new(),
    };
    first.close(closure, Objections::default()).unwrap();
    let first = store.write(&clerk(), |w| w.insert_item(&first)).unwrap();
    let second = first.revise().unwrap();
    store
        .write(&clerk(), |w| w.insert_revision(&second))
        .unwrap();

    let week = store.week_rows(d("2026-11-23"), d("2026-11-29")).unwrap();
    let titles =
        |rows: &[gongshi_store::ItemRow]| rows.iter().map(|r| r.title.clone()).collect::<Vec<_>>();
    assert!(titles(&week.going_up).is_empty(), "{:?}", week.going_up);
    // Both come (or came) down this week, both were up this week.
    assert_eq!(
        titles(&week.coming_down),
        ["上周贴出后更正", "本周贴出已撤下"]
    );
    assert_eq!(titles(&week.on_board), ["上周贴出后更正", "本周贴出已撤下"]);
}

/// The store does not judge who signs (the domain does): any name will do.
fn anyone() -> gongshi_domain::duties::Duties {
    gongshi_domain::duties::Duties {
        relaxed: true,
        ..Default::default()
    }
}
