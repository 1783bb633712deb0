//! Meetings and the staff congress: a major decision's vote held to the
//! congress's rules, and only a passed one posted as 正式稿, the vote on
//! its sheet; items announced and feedback taken at a meeting.

use std::collections::BTreeMap;

use gongshi_app::decisions::{self, Ballots};
use gongshi_app::domain::category::Category;
use gongshi_app::domain::congress::Outcome;
use gongshi_app::domain::item::ItemContent;
use gongshi_app::domain::meeting::MeetingKind;
use gongshi_app::items::{self, ReviewInput};
use gongshi_app::meetings::{self, NewMeeting};
use gongshi_app::print::sheet::Paper;
use gongshi_app::{Store, board};

use super::{approved, clerk, d, golden, now, pdftotext};

fn decision(stage: &str, start: &str) -> ItemContent {
    ItemContent {
        title: "学校教职工考核办法".into(),
        body: "本办法经教代会讨论通过后施行。".into(),
        fields: BTreeMap::from([
            ("decision_body".into(), "教职工代表大会".into()),
            ("decision_date".into(), "2026-11-27".into()),
            ("stage".into(), stage.into()),
        ]),
        table: None,
        posting_days: 5,
        planned_start: Some(d(start)),
    }
}

fn through_review(store: &mut Store, item: i64) {
    let op = clerk();
    items::submit(store, &op, item).unwrap();
    let review = ReviewInput {
        confidentiality: Some(("王静", d("2026-11-20"), "")),
        signoff: Some(("赵敏", d("2026-11-20"), "")),
    };
    items::review(store, &op, item, review).unwrap();
}

/// A 讨论稿 posted for comment: its item.
fn posted_draft(store: &mut Store) -> i64 {
    let op = clerk();
    let item = items::create(
        store,
        &op,
        Category::MajorDecision,
        decision("讨论稿", "2026-11-23"),
    )
    .unwrap()
    .revision
    .item_id;
    through_review(store, item);
    items::approve(store, &op, item, "李新义", d("2026-11-20"), "").unwrap();
    items::post(store, &op, item, d("2026-11-23")).unwrap();
    item
}

fn congress(store: &mut Store, present: u32) -> i64 {
    meetings::add(
        store,
        &clerk(),
        NewMeeting {
            kind: MeetingKind::StaffCongress,
            held_on: d("2026-11-27"),
            place: "学校报告厅",
            chair: "李新义",
            expected: 60,
            present,
            topics: "审议《学校教职工考核办法》",
            minutes: "",
        },
    )
    .unwrap()
    .id
}

fn ballots(yes: u32, no: u32, abstain: u32) -> Ballots {
    Ballots { yes, no, abstain }
}

#[test]
fn a_decision_goes_final_only_after_a_passed_vote_and_its_sheet_prints_it() {
    let mut store = super::store();
    let op = clerk();
    let item = posted_draft(&mut store);
    items::take_down(&mut store, &op, item, d("2026-11-30"), "").unwrap();

    // Too few came: the meeting could not vote, however many said yes.
    let thin = congress(&mut store, 39);
    let v = decisions::vote(&mut store, &op, item, thin, ballots(39, 0, 0)).unwrap();
    assert_eq!(v.outcome, Outcome::NoQuorum);
    assert!(v.said.contains("会议无效"), "{}", v.said);
    items::revise(&mut store, &op, item).unwrap();
    items::edit(&mut store, &op, item, decision("正式稿", "2026-11-30")).unwrap();
    let err = items::submit(&mut store, &op, item)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("正式稿须经教职工代表大会表决通过") && err.contains("会议无效"),
        "{err}"
    );

    // Enough came, but 30 of 60 is not more than half of all delegates.
    let full = congress(&mut store, 45);
    let v = decisions::vote(&mut store, &op, item, full, ballots(30, 10, 5)).unwrap();
    assert_eq!(v.outcome, Outcome::Failed);
    let err = items::submit(&mut store, &op, item)
        .unwrap_err()
        .to_string();
    assert!(err.contains("未通过"), "{err}");

    let again = congress(&mut store, 45);
    let v = decisions::vote(&mut store, &op, item, again, ballots(31, 10, 4)).unwrap();
    assert_eq!(v.outcome, Outcome::Passed);
    // The editor's live preview of the 正式稿 prints the vote as the sheet will.
    let (pages, refused) = items::preview_of(
        &store,
        item,
        decision("正式稿", "2026-11-30"),
        d("2026-11-30"),
    )
    .unwrap();
    assert_eq!(refused, None);
    let previewed: String = (pages.iter().flat_map(|p| &p.marks))
        .filter_map(|m| match m {
            gongshi_app::print::layout::Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(previewed.contains("表决结果"), "{previewed}");
    assert!(!previewed.contains("更正稿"), "{previewed}");
    through_review(&mut store, item);
    items::approve(&mut store, &op, item, "李新义", d("2026-11-30"), "").unwrap();

    let week =
        board::print_week(&mut store, &op, d("2026-11-30"), now(), Paper::default()).unwrap();
    let text = pdftotext(&week.pdf);
    assert!(
        text.contains("赞成31票，反对10票，弃权4票") && text.contains("通过。"),
        "{text}"
    );
    // The first 正式稿 is not a correction of its 讨论稿.
    assert!(!text.contains("更正稿"), "{text}");
    // The code's first part is the store's own random mark.
    let sheet: Vec<&str> = text
        .split('\u{c}')
        .nth(1)
        .unwrap_or_default()
        .lines()
        .map(|l| {
            if l.starts_with("核验码：") {
                "核验码：…"
            } else {
                l
            }
        })
        .collect();
    golden("decision_final", &sheet.join("\n"));
    // Announced at each meeting it was voted at.
    assert_eq!(meetings::of_item(&store, item).unwrap().len(), 3);
    assert_eq!(decisions::votes(&store, item).unwrap().len(), 3);
}

#[test]
fn counts_that_cannot_be_are_refused_and_nothing_is_stored() {
    let mut store = super::store();
    let op = clerk();
    let item = posted_draft(&mut store);
    let meeting = congress(&mut store, 45);
    let award = approved(&mut store);
    let parents = meetings::add(
        &mut store,
        &op,
        NewMeeting {
            kind: MeetingKind::Parents,
            held_on: d("2026-11-26"),
            place: "一楼会议室",
            chair: "王静",
            expected: 40,
            present: 35,
            topics: "家校沟通",
            minutes: "",
        },
    )
    .unwrap();
    let before = store.counts().unwrap().audit_entries;
    // (ballots, what the refusal names)
    let cases = [
        (
            ballots(40, 5, 1),
            "票数：赞成40、反对5、弃权1共46票，超过实到45人",
        ),
        (ballots(46, 0, 0), "超过实到45人"),
    ];
    for (b, says) in cases {
        let err = decisions::vote(&mut store, &op, item, meeting, b)
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{err}");
    }
    // Not a decision; not a congress; nothing that exists.
    let err = decisions::vote(&mut store, &op, award, meeting, ballots(31, 0, 0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("只有重大决策由教代会表决"), "{err}");
    let err = decisions::vote(&mut store, &op, item, parents.id, ballots(31, 0, 0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("须在教职工代表大会上表决"), "{err}");
    let err = decisions::vote(&mut store, &op, item, 999, ballots(31, 0, 0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("没有编号为999的会议"), "{err}");
    assert!(decisions::votes(&store, item).unwrap().is_empty());
    assert_eq!(store.counts().unwrap().audit_entries, before);
}

#[test]
fn the_schools_own_rules_hold_for_votes_after_they_are_set_and_not_before() {
    let mut store = super::store();
    let op = clerk();
    let item = posted_draft(&mut store);
    let meeting = congress(&mut store, 44);
    let first = decisions::vote(&mut store, &op, item, meeting, ballots(40, 4, 0)).unwrap();
    assert_eq!(first.outcome, Outcome::Passed);
    // Three quarters present, more than two thirds in favour.
    decisions::set_rules(&mut store, &op, "3/4", "2/3").unwrap();
    let second = decisions::vote(&mut store, &op, item, meeting, ballots(40, 4, 0)).unwrap();
    assert_eq!(second.outcome, Outcome::NoQuorum);
    assert!(second.said.contains("四分之三（45人）"), "{}", second.said);
    // The first vote keeps the rules it was held to.
    let votes = decisions::votes(&store, item).unwrap();
    assert_eq!(votes[0].outcome, Outcome::Passed);
    let err = decisions::set_rules(&mut store, &op, "三分之二", "1/1")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("法定人数") && err.contains("通过票数"),
        "{err}"
    );
}

#[test]
fn a_meeting_discloses_approved_items_and_takes_feedback() {
    let mut store = super::store();
    let op = clerk();
    let meeting = congress(&mut store, 50);
    let draft = items::create(
        &mut store,
        &op,
        Category::MajorDecision,
        decision("讨论稿", "2026-11-23"),
    )
    .unwrap()
    .revision
    .item_id;
    let err = meetings::announce(&mut store, &op, meeting, draft)
        .unwrap_err()
        .to_string();
    assert!(err.contains("还没有批准，不能在会上公开"), "{err}");
    let award = approved(&mut store);
    assert!(meetings::announce(&mut store, &op, meeting, award).unwrap());
    // Once is enough.
    assert!(!meetings::announce(&mut store, &op, meeting, award).unwrap());
    let said = gongshi_app::feedback::add(
        &mut store,
        &op,
        gongshi_app::feedback::NewFeedback {
            received_on: d("2026-11-27"),
            channel: "教代会",
            item_id: Some(award),
            content: "建议评选名额按教研组分配。",
            is_objection: false,
            meeting_id: Some(meeting),
        },
    )
    .unwrap();
    assert_eq!(said.meeting_id, Some(meeting));
    let record = meetings::record(&store, meeting).unwrap();
    assert_eq!(record.quorate, Some(true));
    assert_eq!(record.items.len(), 1);
    assert_eq!(record.items[0].item_id, award);
    assert_eq!(record.feedback, 1);
    let err = gongshi_app::feedback::add(
        &mut store,
        &op,
        gongshi_app::feedback::NewFeedback {
            received_on: d("2026-11-27"),
            channel: "教代会",
            item_id: None,
            content: "建议。",
            is_objection: false,
            meeting_id: Some(42),
        },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("会议：没有编号为42的会议"), "{err}");
    // A meeting held tomorrow, or with more present than expected, is refused.
    let err = meetings::add(
        &mut store,
        &op,
        NewMeeting {
            kind: MeetingKind::Dialogue,
            held_on: d("2099-01-01"),
            place: "",
            chair: "李新义",
            expected: 10,
            present: 11,
            topics: "作息",
            minutes: "",
        },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("会议日期"), "{err}");
}
