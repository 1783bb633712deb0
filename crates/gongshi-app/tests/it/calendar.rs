//! A year's arrangement imported whole: all of it or nothing, replacing
//! what was typed before, and only a complete year counts.

use gongshi_app::calendar_import as import;
use gongshi_app::{Store, calendar};

use super::{clerk, d};

const NOTICE_2027: &str = include_str!("../../../gongshi-cli/tests/it/notice-2027.txt");

#[test]
fn the_notice_replaces_the_days_typed_before_and_completes_the_year() {
    let mut store = Store::open_in_memory().unwrap();
    // Typed by hand, and wrong: 2027-01-04 is not off.
    calendar::set_day(&mut store, &clerk(), d("2027-01-04"), "元旦", true).unwrap();
    let read = import::read_notice(Some(&store), NOTICE_2027, None).unwrap();
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.years.len(), 1);
    assert_eq!(read.years[0].year, 2027);
    assert!(read.years[0].missing.is_empty());
    assert_eq!(read.years[0].replaced, 1);
    assert!(
        read.ignored.iter().any(|s| s.contains("节假日期间")),
        "{:?}",
        read.ignored
    );

    let complete = import::save(&mut store, &clerk(), &read).unwrap();
    assert_eq!(complete, vec![2027]);
    let days = store.calendar_days().unwrap();
    assert_eq!(days.len(), 34);
    assert!(!days.iter().any(|day| day.date == d("2027-01-04")));
    let p = calendar::workdays(Some(&store), d("2027-02-01"), 10).unwrap();
    // 2-1…4 (4), 春节 2-5…13 off, 2-14 a make-up Sunday (5), 2-15…19 (10).
    assert_eq!(p.end, d("2027-02-19"));
}

#[test]
fn an_unreadable_sentence_saves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let broken = NOTICE_2027.replace(
        "4月3日（周六）至5日（周一）放假",
        "4月3日（周六）至五日放假",
    );
    let read = import::read_notice(Some(&store), &broken, Some(2027)).unwrap();
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    assert!(
        read.problems[0].text.contains("清明"),
        "{:?}",
        read.problems
    );
    let err = import::save(&mut store, &clerk(), &read).unwrap_err();
    assert!(err.to_string().contains("没有保存任何日期"), "{err}");
    assert!(store.calendar_days().unwrap().is_empty());
    assert!(store.calendar_years().unwrap().is_empty());
}

#[test]
fn a_notice_without_a_year_asks_for_one() {
    let text = "一、元旦：1月1日（周五）至3日（周日）放假，共3天。";
    let err = import::read_notice(None, text, None).unwrap_err();
    assert!(err.to_string().contains("年份"), "{err}");
    let read = import::read_notice(None, text, Some(2027)).unwrap();
    assert_eq!(read.days.len(), 3);
    assert_eq!(read.years[0].missing.len(), 6);
}

/// 2028's 元旦 begins in December 2027, in 2028's notice.
const NEW_YEAR_2028: &str = "国务院办公厅关于2028年部分节假日安排的通知\n\
    一、元旦：2027年12月30日（周四）至2028年1月1日（周六）放假调休，共3天。2027年12月26日（周日）上班。";

#[test]
fn importing_a_year_again_keeps_the_next_years_december_days() {
    let mut store = Store::open_in_memory().unwrap();
    let next = import::read_notice(Some(&store), NEW_YEAR_2028, None).unwrap();
    assert_eq!(next.years[0].outside.len(), 3, "{:?}", next.years);
    import::save(&mut store, &clerk(), &next).unwrap();
    for _ in 0..2 {
        let read = import::read_notice(Some(&store), NOTICE_2027, None).unwrap();
        import::save(&mut store, &clerk(), &read).unwrap();
    }
    let days = store.calendar_days().unwrap();
    assert_eq!(days.len(), 34 + 4);
    assert!(
        days.iter()
            .any(|day| day.date == d("2027-12-30") && day.off)
    );
    assert!(
        days.iter()
            .any(|day| day.date == d("2027-12-26") && !day.off)
    );
}

#[test]
fn what_may_not_be_imported_is_refused_before_anything_is_saved() {
    let store = Store::open_in_memory().unwrap();
    // A shipped year.
    let shipped = NOTICE_2027.replace("2027年", "2026年");
    let read = import::read_notice(Some(&store), &shipped, Some(2026)).unwrap();
    assert!(
        read.problems
            .iter()
            .any(|p| p.reason.contains("随软件提供")),
        "{:?}",
        read.problems
    );
    // A title that says another year than the one asked for.
    let err = import::read_notice(Some(&store), NOTICE_2027, Some(2028)).unwrap_err();
    assert!(err.to_string().contains("标题写的是2027年"), "{err}");
    // A year out of range, a binary file, a holiday-cn year with no day in it.
    assert!(import::read_notice(None, "一、元旦：1月1日放假。", Some(99999)).is_err());
    let err = import::read_file(None, b"\x89PNG\r\n\x1a\n\0\0", "通知.txt", None).unwrap_err();
    assert!(err.to_string().contains("不是通知的文本"), "{err}");
    let json =
        r#"{"year": 2028, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    let read = import::read_file(None, json.as_bytes(), "2028.json", None).unwrap();
    assert!(
        read.problems
            .iter()
            .any(|p| p.reason.contains("没有一天在2028年")),
        "{:?}",
        read.problems
    );
    assert!(import::check(&read).is_err());
}
