//! Every earlier schema version upgrades with its data intact. A store is
//! written at each step — migrated to version N, then filled by the
//! fixtures of versions 1..=N, each in the shape its own version had
//! (`fixtures/vNN.sql`, so every table holds a row) — then opened as a
//! school's PC would open it, and read back through the store's own
//! readers. A new migration needs a fixture (the count is checked), and
//! the step's checks below.

use std::path::Path;

use chrono::NaiveDate;
use gongshi_domain::calendar::YearSource;
use gongshi_domain::category::Category;
use gongshi_domain::grades::{Grades, SchoolGrades};
use gongshi_domain::money::Fen;
use gongshi_domain::revision::CloseResult;
use gongshi_domain::workflow::Status;
use rusqlite::Connection;

use super::{LATEST_VERSION, MIGRATIONS};
use crate::{ChainCheck, ItemFilter, Store};

/// `FIXTURES[n - 1]`: what a version-n store adds.
const FIXTURES: [&str; 16] = [
    include_str!("fixtures/v01.sql"),
    include_str!("fixtures/v02.sql"),
    include_str!("fixtures/v03.sql"),
    include_str!("fixtures/v04.sql"),
    include_str!("fixtures/v05.sql"),
    include_str!("fixtures/v06.sql"),
    include_str!("fixtures/v07.sql"),
    include_str!("fixtures/v08.sql"),
    include_str!("fixtures/v09.sql"),
    include_str!("fixtures/v10.sql"),
    include_str!("fixtures/v11.sql"),
    include_str!("fixtures/v12.sql"),
    include_str!("fixtures/v13.sql"),
    include_str!("fixtures/v14.sql"),
    include_str!("fixtures/v15.sql"),
    include_str!("fixtures/v16.sql"),
];

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A store file as version `version` wrote it, with its data.
fn written_at(version: usize, path: &Path) {
    let mut conn = Connection::open(path).unwrap();
    MIGRATIONS.to_version(&mut conn, version).unwrap();
    for fixture in &FIXTURES[..version] {
        conn.execute_batch(fixture).unwrap();
    }
    if version >= crate::chain::CHAIN_VERSION as usize {
        // From version 11 the log was sealed as it was written.
        crate::chain::seal_all(&conn).unwrap();
    }
}

fn upgrades_from(version: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("公示.sqlite3");
    written_at(version, &path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let integrity: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    school_and_people(&store, version);
    if version >= 2 {
        the_week(&store, version);
    }
    if version >= 3 {
        fees(&store, version);
    }
    if version >= 5 {
        rounds(&store);
    }
    if version >= 6 {
        calendar_years(&store);
    }
    if version >= 13 {
        own_sheet(&store);
    }
    if version >= 14 {
        meetings(&store);
    } else {
        // Stores from before meetings have none, and no votes.
        assert!(store.meetings().unwrap().is_empty());
        assert!(store.decision_votes(1).unwrap().is_empty());
        if version >= 2 {
            assert_eq!(store.feedback(1).unwrap().unwrap().meeting_id, None);
        }
    }
    if version >= 15 {
        people(&store);
    } else {
        // Stores from before 民主评议's grades have the default ones, and
        // no 师德 cases.
        assert_eq!(
            store.appraisal_scale().unwrap(),
            gongshi_domain::lines::appraisal::Scale::default()
        );
        assert!(store.ethics_cases().unwrap().is_empty());
    }
    let outreach = store
        .outreach_between(day("2000-01-01"), day("2100-01-01"))
        .unwrap();
    if version >= 16 {
        assert_eq!(outreach.len(), 1);
        assert_eq!(
            (outreach[0].subject.as_str(), outreach[0].copies),
            ("F1", 320)
        );
        let (text, basis) = store.year_text(2026).unwrap().unwrap();
        assert_eq!(text.sections[0].body, "全年公开。");
        assert_eq!(basis, "abc");
    } else {
        // Stores from before the other forms were recorded have none, and
        // no year's text.
        assert!(outreach.is_empty());
        assert_eq!(store.year_text(2026).unwrap(), None);
    }
    // Every store starts with an empty outbox and no server set.
    assert_eq!(store.outbox_counts().unwrap().total, 0);
    assert_eq!(store.district_link().unwrap(), None);
    // The log written before the chain is sealed on the way up, and whole.
    let audit_rows = match version {
        1 => 2,
        2..=12 => 3,
        _ => 4,
    };
    assert_eq!(
        store.verify_chain().unwrap(),
        ChainCheck::Whole {
            rows: audit_rows,
            sheets: i64::from(version >= 2) + i64::from(version >= 13),
        }
    );
    drop(store);
    // Opening again changes nothing (the upgrade happened once).
    let again = Store::open(&path).unwrap();
    assert_eq!(again.counts().unwrap().audit_entries, audit_rows);
}

fn people(store: &Store) {
    let scale = store.appraisal_scale().unwrap();
    assert_eq!(scale.grades(), ["满意", "基本满意", "不满意"]);
    assert_eq!(scale.satisfied(), 2);
    let cases = store.ethics_cases().unwrap();
    assert_eq!(
        (cases[0].teacher.as_str(), cases[0].recorded_by.as_str()),
        ("马骏", "王静")
    );
    let round = store
        .eval_round_named("2026年度优秀教师评选")
        .unwrap()
        .unwrap();
    assert_eq!(round.candidates[1].ethics_case, Some(1));
}

fn meetings(store: &Store) {
    let m = store.meeting(1).unwrap().unwrap();
    assert_eq!((m.expected, m.present), (48, 44));
    assert_eq!(m.kind, gongshi_domain::meeting::MeetingKind::StaffCongress);
    assert_eq!(store.meeting_items(1).unwrap(), [1]);
    assert_eq!(store.feedback(1).unwrap().unwrap().meeting_id, Some(1));
    let votes = store.decision_votes(1).unwrap();
    assert_eq!((votes[0].vote.yes, votes[0].rules.quorum.num), (40, 2));
    assert_eq!(store.vote_rules().unwrap().quorum.den, 4);
}

fn own_sheet(store: &Store) {
    let sheet = store.printed_sheet(2).unwrap().unwrap();
    assert_eq!(sheet.revision_id, None);
    assert_eq!(sheet.subject.as_deref(), Some("F1"));
    assert_eq!(
        (sheet.period_start, sheet.period_end),
        (Some(day("2026-03-02")), Some(day("2026-03-06")))
    );
    assert_eq!(store.printed_codes("F1").unwrap(), ["ABCD-F1-1-76543210"]);
    assert_eq!(sheet.printed_by.as_deref(), Some("李校长"));
}

fn school_and_people(store: &Store, version: usize) {
    let school = store.school().unwrap().unwrap();
    assert_eq!(school.name, "阳光市第一中学");
    assert_eq!(school.principal, "李新义");
    assert_eq!(school.hotlines, ["12345", "12315"]);
    let grades = if version >= 7 {
        SchoolGrades::from_code("7,8,9").unwrap()
    } else {
        // Before 7 a school printed all twelve grades.
        SchoolGrades::from_code("1,2,3,4,5,6,7,8,9,10,11,12").unwrap()
    };
    assert_eq!(school.grades, grades);
    let names: Vec<_> = store
        .operators()
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"李校长".to_owned()));
    let first = store.audit_entries(10).unwrap();
    assert!(first.iter().any(|e| e.action == "新增操作员"));
    let duties = store.duties().unwrap();
    assert_eq!(duties.relaxed, version >= 7);
    if version >= 7 {
        assert_eq!(duties.leading, ["李校长"]);
        assert_eq!(duties.supervision, ["赵老师"]);
    } else {
        assert!(duties.working.is_empty());
    }
    let threshold = (version >= 9).then_some(Fen(400_000_000));
    assert_eq!(store.tender_threshold().unwrap(), threshold);
    let folder = (version >= 10).then(|| "/media/usb/公示备份".to_owned());
    assert_eq!(store.second_backup_folder().unwrap(), folder);
}

fn the_week(store: &Store, version: usize) {
    let closed = store.revision(1).unwrap().unwrap();
    assert_eq!(closed.category, Category::Procurement);
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(closed.content.fields["采购部门"], "总务处");
    let table = closed.content.table.as_ref().unwrap();
    assert_eq!(table.rows, [["白板", "3200.00"]]);
    assert_eq!(closed.approved.as_ref().unwrap().by, "李校长");
    assert_eq!(
        closed.confidentiality.as_ref().unwrap().on,
        day("2026-03-01")
    );
    let period = closed.period.unwrap();
    assert_eq!(
        (period.start, period.end),
        (day("2026-03-02"), day("2026-03-06"))
    );
    assert_eq!(
        closed.closure.as_ref().unwrap().result,
        CloseResult::ObjectionsHandled
    );
    let draft = store.current_revision(1).unwrap().unwrap();
    assert_eq!((draft.number, draft.status), (2, Status::Draft));
    assert_eq!(draft.returned_reason.as_deref(), Some("数字有误"));
    let reason = (version >= 7).then(|| "内容有误，提前撤下".to_owned());
    assert_eq!(draft.taken_down_reason, reason);
    // The search index carries the rows written before.
    let found = store
        .list_items(&ItemFilter {
            text: Some("白板采购".into()),
            ..ItemFilter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);

    let objection = store.feedback(1).unwrap().unwrap();
    assert!(objection.is_objection);
    assert_eq!(objection.answer.unwrap().responder, "总务处");

    let sheet = &store.printed_sheets(1).unwrap()[0];
    let start = (version >= 7).then(|| day("2026-03-02"));
    assert_eq!(sheet.period_start, start);
    // Printed before sheets carried a 核验码, or with one (12), kept when
    // the table was rebuilt (13); the log names who printed it.
    let code = (version >= 12).then(|| "ABCD-1-1-01234567".to_owned());
    assert_eq!(sheet.code, code);
    assert_eq!(sheet.revision_id, Some(1));
    assert_eq!(
        store.printed_with_code("ABCD-1-1-01234567").unwrap().len(),
        usize::from(version >= 12)
    );
    assert_eq!(sheet.printed_by.as_deref(), Some("王老师"));
    assert_eq!(store.store_key().unwrap().len(), 8);
    assert_eq!(
        store.printed_pdf(sheet.id).unwrap(),
        b"%PDF-1.7 board sheet"
    );

    assert_eq!(store.min_days(Category::Finance).unwrap(), 7);
    assert_eq!(
        store.regular_disclosures().unwrap()[0].title,
        "每月财务收支"
    );
    let days = store.calendar_days().unwrap();
    assert!(days.iter().any(|d| d.name == "校运会" && d.off));
}

fn fees(store: &Store, version: usize) {
    let spring = store.fee_schedule("2026年春季学期").unwrap().unwrap();
    assert_eq!(spring.approved.as_ref().unwrap().note, "同意");
    assert_eq!(spring.items.len(), 2);
    assert_eq!(spring.items[0].amount, Fen(2550));
    assert_eq!(spring.items[0].grades, Grades::WholeSchool);
    assert_eq!(spring.items[1].grades, Grades::Some([1, 2].into()));
    assert!(spring.items[1].voluntary);
    // A schedule from before 4 keeps the policy it printed.
    assert_eq!(
        spring.reduction_policy,
        gongshi_domain::fee::DEFAULT_REDUCTION_POLICY
    );
    let months = if version >= 8 { 4 } else { 5 };
    assert_eq!(spring.terms.months, months);
    assert_eq!(store.class_sizes().unwrap()[0].students, 45);
    if version >= 4 {
        let autumn = store.fee_schedule("2026年秋季学期").unwrap().unwrap();
        assert_eq!(autumn.reduction_policy, "低保家庭学生免收作业本费。");
        assert!(autumn.approved.is_none());
    }
}

fn rounds(store: &Store) {
    let round = store
        .eval_round_named("2026年度优秀教师评选")
        .unwrap()
        .unwrap();
    assert_eq!(round.settings.quota, 1);
    assert_eq!(round.settings.objection_office, "校纪检组");
    // Stored before 名单 could name the unranked: read as off.
    assert!(!round.settings.name_unranked);
    assert_eq!(round.item_id, Some(1));
    assert_eq!(round.candidates.len(), 2);
    assert_eq!(round.candidates[0].scores[1].0, 9000);
    assert!(!round.candidates[1].ethics_ok);
    assert_eq!(round.candidates[1].note, "师德考核不合格");
}

fn calendar_years(store: &Store) {
    let years = store.calendar_years().unwrap();
    assert!(years.contains(&(2027, YearSource::Notice)));
    assert_eq!(store.calendar_days_of_arrangement(2027).unwrap(), 1);
}

#[test]
fn every_earlier_version_has_a_fixture() {
    assert_eq!(FIXTURES.len() as i64, LATEST_VERSION - 1);
}

macro_rules! each_version {
    ($($test:ident: $version:expr,)*) => {
        $(
            #[test]
            fn $test() {
                upgrades_from($version);
            }
        )*
    };
}

each_version! {
    a_version_1_store_upgrades_with_its_data: 1,
    a_version_2_store_upgrades_with_its_data: 2,
    a_version_3_store_upgrades_with_its_data: 3,
    a_version_4_store_upgrades_with_its_data: 4,
    a_version_5_store_upgrades_with_its_data: 5,
    a_version_6_store_upgrades_with_its_data: 6,
    a_version_7_store_upgrades_with_its_data: 7,
    a_version_8_store_upgrades_with_its_data: 8,
    a_version_9_store_upgrades_with_its_data: 9,
    a_version_10_store_upgrades_with_its_data: 10,
    a_version_11_store_upgrades_with_its_data: 11,
    a_version_12_store_upgrades_with_its_data: 12,
    a_version_13_store_upgrades_with_its_data: 13,
    a_version_14_store_upgrades_with_its_data: 14,
    a_version_15_store_upgrades_with_its_data: 15,
    a_version_16_store_upgrades_with_its_data: 16,
}
