//! The clerk's week through the jobs, on a real store file.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod archive;
mod backups;
mod beyond;
mod calendar;
mod congress;
mod corpus;
mod duties;
mod evaluations;
mod fees;
mod lines;
mod people;
mod privacy;
mod record;
mod tables;

use std::collections::BTreeMap;
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDate};
use gongshi_app::domain::category::Category;
use gongshi_app::domain::item::ItemContent;
use gongshi_app::domain::revision::CloseResult;
use gongshi_app::domain::workflow::Status;
use gongshi_app::domain::{OperatorName, SchoolProfile};
use gongshi_app::feedback::{self, NewFeedback};
use gongshi_app::items::{self, ReviewInput};
use gongshi_app::print::sheet::Paper;
use gongshi_app::{Store, board, school};
use sha2::{Digest, Sha256};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T08:30:00+08:00").unwrap()
}

fn clerk() -> OperatorName {
    OperatorName::parse("王静").unwrap()
}

fn profile() -> SchoolProfile {
    SchoolProfile {
        name: "阳光市实验小学".into(),
        supervision_phone: "0371-6523 8002".into(),
        ..Default::default()
    }
}

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    school::save_school(&mut store, &clerk(), profile()).unwrap();
    school::save_duties(&mut store, &clerk(), gongshi_app::demo::demo_duties()).unwrap();
    store
}

fn award() -> ItemContent {
    ItemContent {
        title: "2026年度优秀教师评选结果公示".into(),
        body: "经民意测评、工作量化和考核，现将拟推荐人选公示如下。".into(),
        fields: BTreeMap::from([
            ("criteria".into(), "师德合格，年度考核优秀".into()),
            ("quota".into(), "2".into()),
            ("objection_channel".into(), "校务公开意见箱".into()),
        ]),
        table: Some(gongshi_app::domain::item::ItemTable {
            columns: vec!["排序".into(), "姓名".into(), "总分".into()],
            rows: vec![
                vec!["1".into(), "李老师".into(), "92.50".into()],
                vec!["2".into(), "王老师".into(), "90.10".into()],
            ],
        }),
        posting_days: 5,
        planned_start: Some(d("2026-11-23")),
    }
}

fn approved(store: &mut Store) -> i64 {
    let op = clerk();
    let item = items::create(store, &op, Category::Award, award())
        .unwrap()
        .revision
        .item_id;
    items::submit(store, &op, item).unwrap();
    let review = ReviewInput {
        confidentiality: Some(("王静", d("2026-11-20"), "无个人隐私信息")),
        signoff: Some(("赵敏", d("2026-11-20"), "同意公示")),
    };
    items::review(store, &op, item, review).unwrap();
    items::approve(store, &op, item, "李新义", d("2026-11-20"), "").unwrap();
    item
}

#[test]
fn a_week_from_approval_to_the_printed_batch_and_its_archive() {
    let mut store = store();
    let item = approved(&mut store);

    let week = board::week(&store, d("2026-11-25")).unwrap();
    assert_eq!(week.monday, d("2026-11-23"));
    assert_eq!(week.rows.going_up.len(), 1);

    let printed = board::print_week(
        &mut store,
        &clerk(),
        d("2026-11-25"),
        now(),
        Paper::default(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("week.pdf");
    std::fs::write(&path, &printed.pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("本周校务公开栏张贴清单"), "{text}");
    assert!(text.contains("2026年度优秀教师评选结果公示"), "{text}");
    assert!(
        text.contains("公示期：2026年11月23日至2026年11月27日（5个工作日）"),
        "{text}"
    );
    assert!(text.contains("公开名额：2"), "{text}");

    // The archived sheet is the one printed, and its hash proves it.
    let rev = store.current_revision(item).unwrap().unwrap();
    let archived = store.printed_sheets(rev.id).unwrap();
    assert_eq!(archived.len(), 1);
    let pdf = store.printed_pdf(archived[0].id).unwrap();
    let sha: String = Sha256::digest(&pdf)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(sha, archived[0].sha256);
    assert_eq!(printed.sheets[0].sha256, sha);
    assert_eq!(archived[0].printed_on, d("2026-11-23"));

    items::post(&mut store, &clerk(), item, d("2026-11-23")).unwrap();
    let week = board::week(&store, d("2026-11-25")).unwrap();
    assert_eq!(week.rows.on_board.len(), 1);
    assert_eq!(week.rows.coming_down.len(), 1);
}

#[test]
fn an_item_with_an_objection_closes_only_once_it_is_answered_and_as_handled() {
    let mut store = store();
    let op = clerk();
    let item = approved(&mut store);
    items::post(&mut store, &op, item, d("2026-11-23")).unwrap();
    let objection = feedback::add(
        &mut store,
        &op,
        NewFeedback {
            received_on: d("2026-11-24"),
            channel: "信箱",
            item_id: Some(item),
            content: "王老师的工作量化分是否漏计了课后服务？",
            is_objection: true,
            meeting_id: None,
        },
    )
    .unwrap();
    items::take_down(&mut store, &op, item, d("2026-11-30"), "").unwrap();
    let err = items::close(
        &mut store,
        &op,
        item,
        CloseResult::NoObjection,
        d("2026-11-30"),
        "",
    )
    .unwrap_err();
    assert!(err.to_string().contains("1条异议未答复"), "{err}");
    assert_eq!(
        store.current_revision(item).unwrap().unwrap().status,
        Status::TakenDown
    );

    feedback::answer(
        &mut store,
        &op,
        objection.id,
        "经复核，已计入，分数无误。",
        "教务处",
        d("2026-11-26"),
        true,
    )
    .unwrap();
    let err = items::close(
        &mut store,
        &op,
        item,
        CloseResult::NoObjection,
        d("2026-11-30"),
        "",
    )
    .unwrap_err();
    assert!(err.to_string().contains("收到过1条异议"), "{err}");
    items::close(
        &mut store,
        &op,
        item,
        CloseResult::ObjectionsHandled,
        d("2026-11-30"),
        "",
    )
    .unwrap();
    assert_eq!(
        store.current_revision(item).unwrap().unwrap().status,
        Status::Closed
    );

    let qa = feedback::qa_sheet(&store, now(), Paper::default()).unwrap();
    // It asks for objections within its period, so it states it.
    let text = pdftotext(&qa);
    assert!(
        text.contains("公示期：2026年11月23日至2026年11月27日（5个工作日）"),
        "{text}"
    );
}

#[test]
fn a_correction_after_posting_is_a_new_revision_through_review_again() {
    let mut store = store();
    let op = clerk();
    let item = approved(&mut store);
    items::post(&mut store, &op, item, d("2026-11-23")).unwrap();
    let mut fixed = award();
    fixed.body = "更正：第二名总分应为90.20。".into();
    let err = items::edit(&mut store, &op, item, fixed.clone()).unwrap_err();
    assert!(err.to_string().contains("公示中"), "{err}");

    let second = items::revise(&mut store, &op, item).unwrap().revision;
    assert_eq!((second.number, second.status), (2, Status::Draft));
    items::edit(&mut store, &op, item, fixed).unwrap();
    let history = items::history(&store, item).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].status, Status::Posted);
    assert!(history[1].content.body.starts_with("更正"));
}

#[test]
fn a_submit_with_missing_fields_names_them_and_changes_nothing() {
    let mut store = store();
    let op = clerk();
    let mut content = award();
    content.fields.remove("criteria");
    let item = items::create(&mut store, &op, Category::Award, content)
        .unwrap()
        .revision
        .item_id;
    let log_before = store.audit_entries(100).unwrap().len();
    let err = items::submit(&mut store, &op, item).unwrap_err();
    assert!(err.to_string().contains("公开标准"), "{err}");
    assert_eq!(
        store.current_revision(item).unwrap().unwrap().status,
        Status::Draft
    );
    assert_eq!(store.audit_entries(100).unwrap().len(), log_before);
}

#[test]
fn a_short_period_is_saved_with_a_warning() {
    let mut store = store();
    let mut content = award();
    content.posting_days = 3;
    let saved = items::create(&mut store, &clerk(), Category::Award, content).unwrap();
    assert_eq!(
        saved.warnings,
        ["公示期3个工作日，少于本类别要求的5个工作日"]
    );
}

#[test]
fn a_period_filter_that_ends_before_it_starts_is_refused() {
    let store = store();
    let filter = gongshi_app::ItemFilter {
        period: Some((d("2026-11-30"), d("2026-11-01"))),
        ..Default::default()
    };
    let err = items::list(&store, &filter).unwrap_err().to_string();
    assert!(
        err.contains("公示期：结束日期（2026-11-01）早于开始日期（2026-11-30）"),
        "{err}"
    );
}

/// A store of the demo school, in a folder of its own.
fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = gongshi_app::setup::create_store(
        &dir.path().join("demo.db"),
        &gongshi_app::setup::Start::Demo,
        &clerk(),
    )
    .unwrap();
    (dir, store)
}

/// The demo week's item of `category` (made before the demo's year).
fn demo_item(store: &Store, category: Category) -> i64 {
    items::list(store, &Default::default())
        .unwrap()
        .into_iter()
        .filter(|i| i.category == category)
        .map(|i| i.item_id)
        .min()
        .unwrap()
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8(out.stdout).unwrap()
}

/// Compares with `tests/golden/<name>.txt`; GONGSHI_UPDATE_GOLDEN=1 writes
/// it (after the sheet was looked at).
fn golden(name: &str, text: &str) {
    let path = format!("{}/tests/golden/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("GONGSHI_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        text, expected,
        "{name}: regenerate with GONGSHI_UPDATE_GOLDEN=1 after looking at it"
    );
}

/// An .xlsx as a clerk fills a template: a title row, `header`, then rows.
fn filled_template<H: AsRef<str>, const N: usize>(header: &[H], rows: &[[&str; N]]) -> Vec<u8> {
    use gongshi_app::print::workbook::{ColumnKind, Report, ReportColumn, Value};
    let report = Report {
        sheet_name: "填好的模板".into(),
        title: "阳光市实验小学".into(),
        subtitle: None,
        school_name: String::new(),
        internal: false,
        columns: header
            .iter()
            .map(|h| ReportColumn::new(h.as_ref(), ColumnKind::Text))
            .collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| Value::Text((*c).into())).collect())
            .collect(),
        totals: None,
        chart: None,
    };
    gongshi_app::print::render_xlsx(&[report]).unwrap()
}

#[test]
fn a_step_dated_in_the_future_or_before_the_step_it_follows_is_refused() {
    let mut store = store();
    let op = clerk();
    let item = approved(&mut store);
    let tomorrow = chrono::Local::now().date_naive() + chrono::Duration::days(1);
    let err = items::post(&mut store, &op, item, tomorrow).unwrap_err();
    assert!(err.to_string().contains("还没有到"), "{err}");
    // Approved on 2026-11-20 (see `approved`): not posted before that.
    let err = items::post(&mut store, &op, item, d("2026-11-19")).unwrap_err();
    assert!(err.to_string().contains("早于批准日期"), "{err}");
    assert_eq!(
        store.current_revision(item).unwrap().unwrap().status,
        Status::Approved
    );
}
