//! The record's rules at their edges: periods kept, shares and medians,
//! and the draft saying only what the record shows.

use chrono::NaiveDate;

use super::draft::{self, Groups};
use super::figures::{self, FeeSchedule, Figures, Outreach, Share, YearRecord};
use super::register::{Kept, Posting};
use super::{DateRange, Form};
use crate::Fen;
use crate::calendar::{Calendar, Period};
use crate::feedback::{Answer, Feedback};
use crate::revision::{CloseResult, Closure, Stamp};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal() -> Calendar {
    Calendar::from_json(include_str!("../../../../assets/calendar/cn-official.json")).unwrap()
}

fn period(start: &str, days: u32) -> Period {
    cal().period(d(start), days).unwrap()
}

#[test]
fn a_sheet_taken_down_on_its_last_day_kept_its_period() {
    let p = period("2026-03-02", 5); // Mon–Fri
    let k = Kept::of(p, Some(p.end), 5, d("2026-12-01"), &cal()).unwrap();
    assert_eq!((k.days, k.met()), (5, Some(true)));
    let early = Kept::of(p, Some(d("2026-03-04")), 5, d("2026-12-01"), &cal()).unwrap();
    assert_eq!(
        (early.days, early.met(), early.met_label()),
        (3, Some(false), "否")
    );
    // Left up after the period: counted to its end.
    let late = Kept::of(p, Some(d("2026-03-20")), 5, d("2026-12-01"), &cal()).unwrap();
    assert_eq!(late.days, 5);
    let never = Kept::of(p, None, 5, d("2026-12-01"), &cal()).unwrap();
    assert_eq!((never.days, never.ongoing), (5, false));
}

#[test]
fn a_sheet_still_up_is_counted_to_today_and_not_judged_until_it_meets_the_minimum() {
    let p = period("2026-11-30", 5);
    let k = Kept::of(p, None, 5, d("2026-12-01"), &cal()).unwrap();
    assert_eq!((k.days, k.met(), k.met_label()), (2, None, "公示中"));
    // Over the minimum already while still up: it met it.
    let k = Kept::of(p, None, 1, d("2026-12-01"), &cal()).unwrap();
    assert_eq!(k.met(), Some(true));
}

#[test]
fn holidays_are_not_working_days_on_the_board() {
    // 2026-10-01..07 is the National Day holiday.
    let p = period("2026-09-29", 5);
    let k = Kept::of(p, None, 5, d("2026-12-01"), &cal()).unwrap();
    assert_eq!(k.days, 5);
    assert_eq!(p.end, d("2026-10-10"));
}

#[test]
fn shares_round_half_up_and_medians_keep_halves() {
    assert_eq!(Share::of(2, 3), Some(Share(667)));
    assert_eq!(Share::of(1, 8).unwrap().to_string(), "12.5%");
    assert_eq!(Share::of(1, 16).unwrap().to_string(), "6.3%"); // 6.25 → 6.3
    assert_eq!(Share::of(0, 0), None);
    assert_eq!(figures::median(&[]), None);
    assert_eq!(figures::median(&[5, 1, 3]).unwrap().to_string(), "3");
    assert_eq!(figures::median(&[4, 1, 2, 9]).unwrap().to_string(), "3");
    assert_eq!(figures::median(&[1, 2]).unwrap().to_string(), "1.5");
}

#[test]
fn ranges_are_checked_and_named() {
    assert_eq!(DateRange::calendar_year(2026).unwrap().label(), "2026年度");
    let sy = DateRange::school_year(2025).unwrap();
    assert_eq!((sy.from, sy.to), (d("2025-09-01"), d("2026-08-31")));
    assert_eq!(sy.label(), "2025年9月1日至2026年8月31日");
    let s2 = DateRange::semester(2025, false).unwrap();
    assert_eq!((s2.from, s2.to), (d("2026-02-01"), d("2026-08-31")));
    let err = DateRange::new(d("2026-02-01"), d("2026-01-01")).unwrap_err();
    assert_eq!(err.field, "结束日期");
    assert!(DateRange::new(d("2000-01-01"), d("2026-01-01")).is_err());
    assert_eq!(DateRange::calendar_year(1999).unwrap_err().field, "年度");
    assert!(DateRange::calendar_year(99999).is_err());
    // 2100's school year would end in 2101.
    assert!(DateRange::school_year(2100).is_err());
}

fn stamp(by: &str, on: &str) -> Option<Stamp> {
    Some(Stamp {
        by: by.into(),
        on: d(on),
        note: String::new(),
    })
}

fn posting(category: &str, title: &str, posted: &str, days: u32, kept: u32) -> Posting {
    Posting {
        number: "1".into(),
        revision: 1,
        category: category.into(),
        title: title.into(),
        forms: vec![Form::Board],
        reviewed: stamp("王静", posted),
        signed: stamp("赵敏", posted),
        approved: stamp("李新义", posted),
        posted_on: d(posted),
        taken_down_on: None,
        taken_down_reason: None,
        kept: Kept {
            days: kept,
            minimum: days,
            ongoing: false,
        },
        closes: true,
        feedback: 0,
        objections: 0,
        closure: None,
        sha256: None,
    }
}

fn feedback(
    on: &str,
    objection: bool,
    answered: Option<&str>,
    item: Option<&str>,
) -> (Feedback, Option<String>) {
    (
        Feedback {
            id: 1,
            received_on: d(on),
            channel: "信箱".into(),
            item_id: None,
            content: "问".into(),
            is_objection: objection,
            answer: answered.map(|a| Answer {
                text: "答".into(),
                responder: "办公室".into(),
                answered_on: d(a),
            }),
            publish: true,
            meeting_id: None,
        },
        item.map(str::to_owned),
    )
}

fn year(postings: Vec<Posting>, fb: Vec<(Feedback, Option<String>)>) -> YearRecord {
    YearRecord {
        range: DateRange::calendar_year(2026).unwrap(),
        postings,
        feedback: fb,
        announced: 0,
        letters: Outreach::default(),
        messages: Outreach::default(),
        fees: vec![],
        rounds: vec![],
        statements: vec![],
        purchases: vec![],
        grants: vec![],
        meetings: vec![],
    }
}

fn body(text: &draft::YearText) -> String {
    text.sections
        .iter()
        .map(|s| format!("{}\n{}", s.heading, s.body))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_draft_never_says_no_objection_when_one_was_raised_and_handled() {
    let mut upheld = posting("评优评先", "优秀教师公示", "2026-03-02", 5, 5);
    upheld.closure = Some(Closure {
        result: CloseResult::ObjectionsHandled,
        on: d("2026-03-20"),
        note: String::new(),
    });
    let record = year(
        vec![upheld, posting("其他", "作息时间调整", "2026-04-01", 5, 3)],
        vec![feedback(
            "2026-03-04",
            true,
            Some("2026-03-06"),
            Some("优秀教师公示"),
        )],
    );
    let f = Figures::of(&record);
    let text = body(&draft::draft("示例小学", &f, Groups::default()));
    assert!(!text.contains("没有收到对公示事项的异议"), "{text}");
    assert!(
        text.contains("收到对公示事项的异议1件，已答复1件，1件所涉事项经处理后办结"),
        "{text}"
    );
    // One came down short: not "均达到".
    assert!(!text.contains("均达到"), "{text}");
    assert!(text.contains("1次提前撤下（达标率50.0%）"), "{text}");
}

#[test]
fn a_quiet_year_says_so_and_an_open_objection_is_not_called_answered() {
    let quiet = Figures::of(&year(
        vec![posting("其他", "a", "2026-03-02", 5, 5)],
        vec![],
    ));
    let text = body(&draft::draft("示例小学", &quiet, Groups::default()));
    assert!(text.contains("本期内没有收到对公示事项的异议"), "{text}");
    assert!(
        text.contains("均达到规定的最短公示期（达标率100.0%）"),
        "{text}"
    );
    assert!(text.contains("全年张贴公开事项1次，均经保密审查"), "{text}");
    // Posted without its checks recorded (as an old store may hold it).
    let mut unchecked = posting("其他", "a", "2026-03-02", 5, 5);
    unchecked.reviewed = None;
    let open = Figures::of(&year(
        vec![unchecked],
        vec![feedback("2026-03-04", true, None, Some("a"))],
    ));
    let text = body(&draft::draft("示例小学", &open, Groups::default()));
    assert!(
        text.contains("收到对公示事项的异议1件，已答复0件，1件正在办理"),
        "{text}"
    );
    assert!(text.contains("其中0次经保密审查"), "{text}");
    // No groups set: the draft does not say they work.
    assert!(
        text.contains("尚未全部设立") && !text.contains("各司其职"),
        "{text}"
    );
}

#[test]
fn figures_count_by_category_month_form_and_feedback() {
    let mut record = year(
        vec![
            posting("财务收支", "1月", "2026-01-05", 5, 5),
            posting("财务收支", "2月", "2026-02-02", 5, 5),
            posting("评优评先", "优秀", "2026-02-09", 5, 2),
            posting("收费公示", "收费", "2026-09-01", 5, 5),
        ],
        vec![
            feedback("2026-03-01", false, Some("2026-03-01"), None),
            feedback("2026-03-02", false, Some("2026-03-07"), None),
            feedback("2026-03-03", false, None, None),
        ],
    );
    record.letters = Outreach {
        times: 2,
        copies: 480,
    };
    record.fees = vec![FeeSchedule {
        semester: "2026—2027学年第一学期".into(),
        items: 6,
        per_grade: vec![(1, Fen(23_000), Fen(65_000))],
    }];
    let f = Figures::of(&record);
    assert_eq!(
        f.by_category,
        vec![
            ("评优评先".into(), 1),
            ("财务收支".into(), 2),
            ("收费公示".into(), 1)
        ]
    );
    assert_eq!(f.by_month[..3], [1, 2, 0]);
    assert_eq!(f.by_month[8], 1);
    assert_eq!((f.kept.met, f.kept.short, f.kept.ongoing), (3, 1, 0));
    assert_eq!(
        f.by_form[0],
        (
            Form::Board,
            Outreach {
                times: 4,
                copies: 4
            }
        )
    );
    assert_eq!(
        f.by_form[2],
        (
            Form::Letter,
            Outreach {
                times: 2,
                copies: 480
            }
        )
    );
    assert_eq!(f.feedback.received, 3);
    assert_eq!(f.feedback.answered, 2);
    assert_eq!(f.feedback.median_days.unwrap().to_string(), "2.5");
    assert_eq!(f.feedback.longest_days, Some(5));
    let tables = f.tables();
    assert_eq!(tables.len(), 12);
    assert!(tables[0].chart.is_some() && tables[1].chart.is_some());
    // An empty part of the record still prints, saying 无.
    let rounds = tables.iter().find(|t| t.title.contains("评优")).unwrap();
    assert_eq!(rounds.rows.len(), 1);
    assert_eq!(rounds.rows[0][0], super::Cell::Text("无".into()));
}

#[test]
fn the_text_is_checked_section_by_section() {
    let bad = draft::YearText {
        sections: vec![draft::Section {
            heading: "一、".into(),
            body: "a\u{202E}b".into(),
        }],
    };
    let err = bad.validated().unwrap_err();
    assert!(err.message.contains("第1节"), "{}", err.message);
    let empty = draft::YearText { sections: vec![] };
    assert!(empty.validated().is_err());
}

#[test]
fn the_text_reads_back_from_plain_text_by_its_numbered_headings() {
    let text = draft::YearText::from_plain(
        "一、提高认识\n第一段。\n\n第二段。\n二、健全制度\n  制度。\n十二、其他\n",
    )
    .unwrap();
    assert_eq!(text.sections.len(), 3);
    assert_eq!(text.sections[0].body, "第一段。\n第二段。");
    assert_eq!(text.sections[1].body, "制度。");
    assert_eq!(text.sections[2].heading, "十二、其他");
    assert_eq!(draft::YearText::from_plain(&text.to_plain()).unwrap(), text);
    let err = draft::YearText::from_plain("没有标题的一段话。\n一、标题").unwrap_err();
    assert!(err.message.contains("之前没有节标题"), "{}", err.message);
}
