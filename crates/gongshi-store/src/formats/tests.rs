//! What schools' files hold, as written: renaming a Rust field or variant
//! cannot change these texts (the forms are declared apart), and each is
//! read back. Texts from before versions were written still read.

use chrono::NaiveDate;
use gongshi_domain::evaluation::RoundSettings;
use gongshi_domain::feedback::Answer;
use gongshi_domain::grades::Grades;
use gongshi_domain::item::ItemTable;
use gongshi_domain::revision::{CloseResult, Closure, Stamp};

use super::{Stored, read, write};

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// Written as `stored`, and read back from it.
fn same<T: Stored + PartialEq + std::fmt::Debug>(value: &T, stored: &str) {
    assert_eq!(write(value), stored);
    assert_eq!(&read::<T>(stored).unwrap(), value);
}

/// A text from before versions were written: the same, without `"v":1,`.
fn unversioned(stored: &str) -> String {
    stored.replacen(r#""v":1,"#, "", 1)
}

#[test]
fn the_stored_json_formats_are_fixed() {
    let stamp = Stamp {
        by: "李新义".into(),
        on: on(),
        note: "同意".into(),
    };
    let stored = r#"{"v":1,"by":"李新义","on":"2026-11-24","note":"同意"}"#;
    same(&stamp, stored);
    assert_eq!(read::<Stamp>(&unversioned(stored)).unwrap(), stamp);

    same(
        &Answer {
            text: "已处理".into(),
            responder: "教务处".into(),
            answered_on: on(),
        },
        r#"{"v":1,"text":"已处理","responder":"教务处","answered_on":"2026-11-24"}"#,
    );
    same(
        &gongshi_domain::record::YearText {
            sections: vec![gongshi_domain::record::Section {
                heading: "一、提高认识".into(),
                body: "全年公开。".into(),
            }],
        },
        r#"{"v":1,"sections":[{"heading":"一、提高认识","body":"全年公开。"}]}"#,
    );
    same(
        &Closure {
            result: CloseResult::ObjectionsHandled,
            on: on(),
            note: "已答复".into(),
        },
        r#"{"v":1,"result":"objections_handled","on":"2026-11-24","note":"已答复"}"#,
    );
    same(
        &ItemTable {
            columns: vec!["姓名".into()],
            rows: vec![vec!["张三".into()]],
        },
        r#"{"v":1,"columns":["姓名"],"rows":[["张三"]]}"#,
    );
    same(&Grades::WholeSchool, r#""WholeSchool""#);
    same(&Grades::Some([1, 2, 3].into()), r#"{"Some":[1,2,3]}"#);
}

/// A round's rules as `eval_rounds.settings` holds them (its name is the
/// column's).
const ROUND_V1: &str = concat!(
    r#"{"v":1,"kind":"Award","quota":1,"criteria":"","#,
    r#""components":[{"name":"民意测评","weight":40},{"name":"工作量化","weight":30},"#,
    r#"{"name":"考核成绩","weight":30}],"tie_break":["考核成绩"],"posting_days":5,"#,
    r#""objection_office":"","objection_phone":"","name_unranked":false}"#
);

#[test]
fn a_rounds_rules_are_stored_without_its_name() {
    let settings = RoundSettings::default();
    same(&settings, ROUND_V1);
    let named = RoundSettings {
        name: "2026年度评优".into(),
        ..RoundSettings::default()
    };
    assert_eq!(write(&named), ROUND_V1);
}

#[test]
fn rounds_stored_before_read_as_they_were() {
    // Before versions: the name inside, and before 名单 could name the
    // unranked, no name_unranked (read as off).
    let older = unversioned(ROUND_V1)
        .replace(r#","name_unranked":false"#, "")
        .replacen('{', r#"{"name":"2025年度评优","#, 1);
    let read_back = read::<RoundSettings>(&older).unwrap();
    assert_eq!(read_back, RoundSettings::default());
}

#[test]
fn a_newer_format_is_refused_not_misread() {
    let newer = r#"{"v":2,"by":"李新义","on":"2026-11-24","note":"同意"}"#;
    let err = read::<Stamp>(newer).unwrap_err().to_string();
    assert!(err.contains("version 2"), "{err}");
}
