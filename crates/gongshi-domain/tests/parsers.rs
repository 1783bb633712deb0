//! Property tests over the parsers of what people type: amounts, dates,
//! grades, semester names, scores and text fields. None panics on any
//! string, and what one accepts comes back the same when it is shown and
//! read again.
#![allow(clippy::unwrap_used)] // tests may unwrap

use chrono::NaiveDate;
use gongshi_domain::dates::parse_date;
use gongshi_domain::evaluation::Score;
use gongshi_domain::fee::semester;
use gongshi_domain::grades::{Grades, grade_name, parse_grade};
use gongshi_domain::money::Fen;
use gongshi_domain::text;
use proptest::prelude::*;

/// Any text, and text made of the characters each parser cares about, so
/// that the cases reach past the first refusal.
fn typed(alphabet: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::string::string_regex(alphabet).unwrap(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    // Amounts.

    #[test]
    fn amounts_never_panic(s in typed("[0-9０-９,，.．¥￥元 \\-+]{0,24}")) {
        let _ = Fen::parse("金额", &s);
    }

    #[test]
    fn an_amount_shown_reads_back(fen in 0i64..=i64::MAX) {
        let shown = Fen(fen).to_yuan_string();
        prop_assert_eq!(Fen::parse("金额", &shown), Ok(Fen(fen)), "{}", shown);
    }

    #[test]
    fn an_accepted_amount_round_trips(s in typed("[0-9０-９,，.．¥￥元]{1,20}")) {
        if let Ok(fen) = Fen::parse("金额", &s) {
            prop_assert!(fen.0 >= 0);
            prop_assert_eq!(Fen::parse("金额", &fen.to_yuan_string()), Ok(fen));
        }
    }

    // Dates.

    #[test]
    fn dates_never_panic(s in typed("[0-9０-９年月日号/.／．\\-－— ]{0,20}")) {
        let _ = parse_date("日期", &s);
    }

    #[test]
    fn a_date_in_any_written_form_reads_back(year in 0i32..=9999, ordinal in 1u32..=366) {
        let Some(day) = NaiveDate::from_yo_opt(year, ordinal) else {
            return Ok(());
        };
        for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%-m.%-d", "%Y年%-m月%-d日", "%Y年%m月%d号"] {
            let written = day.format(format).to_string();
            prop_assert_eq!(parse_date("日期", &written), Ok(day), "{}", written);
        }
    }

    #[test]
    fn an_accepted_date_round_trips(
        s in typed("[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?"),
    ) {
        if let Ok(day) = parse_date("日期", &s) {
            prop_assert_eq!(parse_date("日期", &day.to_string()), Ok(day));
        }
    }

    // Grades.

    #[test]
    fn grades_never_panic(s in typed("[0-9一二三四五六七八九十初高年级至到~～\\-,，、;全校 ]{0,16}")) {
        if let Ok(grades) = Grades::parse("适用年级", &s) {
            let shown = grades.to_string();
            prop_assert_eq!(Grades::parse("适用年级", &shown), Ok(grades), "{} → {}", s, shown);
        }
    }

    #[test]
    fn any_set_of_grades_reads_back(set in proptest::collection::btree_set(1u8..=12, 1..=12)) {
        let grades = Grades::Some(set);
        let shown = grades.to_string();
        prop_assert_eq!(Grades::parse("适用年级", &shown), Ok(grades), "{}", shown);
    }

    #[test]
    fn one_grade_never_panics_and_reads_back(s in typed("[0-9０-９一二三四五六七八九十初高年级 ]{0,6}")) {
        if let Ok(g) = parse_grade("年级", &s) {
            prop_assert!((1..=12).contains(&g));
            prop_assert_eq!(parse_grade("年级", &grade_name(g)), Ok(g));
        }
    }

    #[test]
    fn every_grade_number_has_a_name(g in any::<u8>()) {
        prop_assert!(!grade_name(g).is_empty());
    }

    // Semester names.

    #[test]
    fn semesters_never_panic_and_read_back(
        s in typed("(20[0-9]{2}—20[0-9]{2}学年第[一二]学期|20[0-9]{2}年[春秋]季学期|[年学期季春秋第一二 ]{0,12})"),
    ) {
        if let Ok(name) = semester("学期", &s) {
            prop_assert_eq!(semester("学期", &name), Ok(name.clone()));
        }
    }

    // Scores.

    #[test]
    fn scores_never_panic(s in typed("[0-9０-９.．\\- ]{0,8}")) {
        if let Ok(score) = Score::parse(&s) {
            prop_assert!((0..=Score::MAX.0).contains(&score.0));
            prop_assert_eq!(Score::parse(&score.to_string()), Ok(score));
        }
    }

    #[test]
    fn a_score_shown_reads_back(hundredths in 0i64..=Score::MAX.0) {
        let score = Score(hundredths);
        prop_assert_eq!(Score::parse(&score.to_string()), Ok(score));
    }

    // Text fields: nothing hidden gets through, and what is accepted is
    // accepted again unchanged.

    #[test]
    fn text_fields_never_panic_and_hide_nothing(s in any::<String>()) {
        match text::limited("标题", &s, 50) {
            Ok(kept) => {
                prop_assert!(!kept.chars().any(text::is_hidden));
                prop_assert_eq!(text::limited("标题", &kept, 50), Ok(kept.clone()));
            }
            Err(e) => prop_assert!(e.to_string().starts_with("标题：")),
        }
    }

    #[test]
    fn a_hidden_character_anywhere_is_named(
        before in "[学校公示a-z0-9]{0,10}",
        hidden in prop_oneof![
            Just('\u{200B}'), Just('\u{200E}'), Just('\u{202E}'), Just('\u{2066}'),
            Just('\u{2069}'), Just('\u{2060}'), Just('\u{FEFF}'), Just('\u{0}'),
        ],
        after in "[学校公示a-z0-9]{1,10}",
    ) {
        let value = format!("{before}{hidden}{after}");
        let err = text::limited("标题", &value, 50).unwrap_err().to_string();
        let expected = format!(
            "标题：第{}个字符是看不见的控制字符（U+{:04X}），请删去",
            before.chars().count() + 1,
            u32::from(hidden)
        );
        prop_assert_eq!(err, expected);
    }
}
