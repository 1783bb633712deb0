//! The privacy scan where the register is written: an item whose sheet
//! would not print cannot be submitted, approved or posted, and the store is
//! left as it was; text the app writes itself (the Q&A sheet's headings and
//! dates) prints.

use gongshi_app::domain::category::Category;
use gongshi_app::domain::item::{ItemContent, ItemTable};
use gongshi_app::domain::workflow::Status;
use gongshi_app::feedback::{self, NewFeedback};
use gongshi_app::items::{self, ReviewInput};
use gongshi_app::print::sheet::Paper;
use gongshi_app::{AppError, Store, school};

use super::{award, clerk, d, now, pdftotext, profile, store};

fn created(store: &mut Store, content: ItemContent) -> i64 {
    items::create(store, &clerk(), Category::Award, content)
        .unwrap()
        .revision
        .item_id
}

fn status(store: &Store, item: i64) -> Status {
    store.current_revision(item).unwrap().unwrap().status
}

fn log_len(store: &Store) -> usize {
    store.audit_entries(1000).unwrap().len()
}

/// `step` is refused: the message names the step, the place and the kind,
/// quotes none of `hidden`, and the store is as it was.
fn refused(
    store: &mut Store,
    item: i64,
    step: impl FnOnce(&mut Store) -> Result<(), AppError>,
    expect: &[&str],
    hidden: &str,
) {
    let (before, log) = (status(store, item), log_len(store));
    let err = step(store).unwrap_err();
    assert_eq!(err.code(), "print.privacy", "{err}");
    assert!(err.is_refusal(), "{err}");
    let msg = err.to_string();
    for e in expect {
        assert!(msg.contains(e), "{e}: {msg}");
    }
    assert!(!msg.contains(hidden), "the message quotes {hidden}: {msg}");
    assert_eq!(status(store, item), before, "{msg}");
    assert_eq!(log_len(store), log, "a refused step left a log row: {msg}");
}

fn with_table(columns: &[&str], row: &[&str]) -> ItemContent {
    ItemContent {
        table: Some(ItemTable {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: vec![row.iter().map(|c| (*c).to_owned()).collect()],
        }),
        ..award()
    }
}

#[test]
fn an_item_that_would_not_print_cannot_be_submitted() {
    let with_body = |body: &str| ItemContent {
        body: format!("经民意测评、工作量化和考核，现将拟推荐人选公示如下。\n{body}"),
        ..award()
    };
    let with_title = |title: &str| ItemContent {
        title: title.into(),
        ..award()
    };
    let mut quota = award();
    quota
        .fields
        .insert("criteria".into(), "联系人手机13912345678".into());
    let cases: Vec<(ItemContent, Vec<&str>, &str)> = vec![
        // The examples: an address in the body…
        (
            with_body("李老师住在城关区幸福路12号院。"),
            vec!["正文第2段", "家庭住址", "住在城关"],
            "幸福路12号院",
        ),
        (
            with_body("李老师（1985.03.07生）。"),
            vec!["正文第2段", "出生日期"],
            "1985.03.07",
        ),
        // …a column naming personal data, whatever its cells hold…
        (
            with_table(
                &["排序", "姓名", "家庭住址"],
                &["1", "李老师", "城关区幸福路12号"],
            ),
            vec!["表格的“家庭住址”一栏", "家庭住址"],
            "幸福路12号",
        ),
        (
            with_table(
                &["排序", "姓名", "出生日期"],
                &["1", "李老师", "1985-03-07"],
            ),
            vec!["表格的“出生日期”一栏", "出生日期"],
            "1985-03-07",
        ),
        // …numbers however written, in a cell, a field and the title.
        (
            with_table(
                &["排序", "姓名", "备注"],
                &["1", "李老师", "410105 19900307 1002"],
            ),
            vec!["表格第1行“备注”栏", "身份证号码"],
            "19900307",
        ),
        (quota, vec!["“公开标准”一行", "手机号码"], "13912345678"),
        (
            with_title("李老师（410105199003071002）推荐公示"),
            vec![
                "《李老师（41****************）推荐公示》",
                "标题",
                "身份证号码",
            ],
            "410105199003071002",
        ),
    ];
    let mut store = store();
    for (content, expect, hidden) in cases {
        let item = created(&mut store, content);
        let mut expect = expect;
        expect.push("不能提交审核");
        refused(
            &mut store,
            item,
            |s| items::submit(s, &clerk(), item).map(|_| ()),
            &expect,
            hidden,
        );
        assert_eq!(status(&store, item), Status::Draft);
    }
}

#[test]
fn approval_and_posting_run_the_scan_again() {
    // The body gives a phone that is the school's when submitted; the
    // profile then changes, and the number is nobody's the app knows.
    let mut store = store();
    let op = clerk();
    let content = ItemContent {
        body: "经民意测评、工作量化和考核，现将拟推荐人选公示如下。如有疑问请致电 0371-6523 8002。"
            .into(),
        ..award()
    };
    let item = created(&mut store, content);
    items::submit(&mut store, &op, item).unwrap();
    let review = ReviewInput {
        confidentiality: Some(("王静", d("2026-11-20"), "无个人隐私信息")),
        signoff: Some(("赵敏", d("2026-11-20"), "同意公示")),
    };
    items::review(&mut store, &op, item, review).unwrap();

    let moved = |store: &mut Store, phone: &str| {
        let p = gongshi_app::domain::SchoolProfile {
            supervision_phone: phone.into(),
            ..profile()
        };
        school::save_school(store, &clerk(), p).unwrap();
    };
    moved(&mut store, "0371-6523 8009");
    refused(
        &mut store,
        item,
        |s| items::approve(s, &clerk(), item, "李新义", d("2026-11-20"), "").map(|_| ()),
        &["不能批准", "正文第1段", "电话号码"],
        "6523 8002",
    );
    moved(&mut store, "0371-6523 8002");
    items::approve(&mut store, &op, item, "李新义", d("2026-11-20"), "").unwrap();

    moved(&mut store, "0371-6523 8009");
    refused(
        &mut store,
        item,
        |s| items::post(s, &clerk(), item, d("2026-11-23")).map(|_| ()),
        &["不能张贴公示", "正文第1段", "电话号码"],
        "6523 8002",
    );
    assert_eq!(status(&store, item), Status::Approved);
    moved(&mut store, "0371-6523 8002");
    items::post(&mut store, &op, item, d("2026-11-23")).unwrap();
    assert_eq!(status(&store, item), Status::Posted);
}

#[test]
fn the_qa_sheet_with_answers_by_phone_prints() {
    let mut store = store();
    let op = clerk();
    for (on, channel, question) in [
        ("2026-11-24", "电话", "课后服务几点结束？"),
        ("2026-11-25", "信箱", "校服能否分码更换？"),
        ("2026-11-26", "电话", "寒假放假时间？"),
    ] {
        let f = feedback::add(
            &mut store,
            &op,
            NewFeedback {
                received_on: d(on),
                channel,
                item_id: None,
                content: question,
                is_objection: false,
                meeting_id: None,
            },
        )
        .unwrap();
        feedback::answer(
            &mut store,
            &op,
            f.id,
            "已答复，详见学校通知。",
            "教务处",
            d("2026-11-27"),
            true,
        )
        .unwrap();
    }
    let pdf = feedback::qa_sheet(&store, now(), Paper::default()).unwrap();
    let text = pdftotext(&pdf);
    // Newest first: the sheet's own headings, dates after 电话.
    assert!(text.contains("1. 来自电话（2026-11-26）"), "{text}");
    assert!(text.contains("3. 来自电话（2026-11-24）"), "{text}");
    assert!(text.contains("教务处，2026-11-27"), "{text}");
}

/// 学生资助: a list imported with ID numbers, addresses and phones is
/// fine — those columns stay internal — and the public sheet shows every
/// name masked and none of them; the body is still scanned.
#[test]
fn a_subsidy_list_prints_masked_names_and_nothing_internal() {
    let mut store = store();
    let op = clerk();
    let csv = "\u{feff}序号,姓名,班级,资助项目,资助档次,金额（元）,身份证号,家庭住址,联系电话\r\n\
               1,张小明,三年级1班,家庭经济困难学生生活补助,一档,750.00,11010519491231002X,城关区幸福路12号,13812345678\r\n\
               2,欧阳华,五年级2班,家庭经济困难学生生活补助,二档,500.00,440524188001010014,城关区人民路3号,13912345678\r\n";
    let table =
        gongshi_app::line_tables::read(&store, Category::Subsidy, csv.as_bytes(), "名单.csv")
            .unwrap();
    let content = ItemContent {
        title: "2026年秋季学期家庭经济困难学生生活补助名单公示".into(),
        body: "经学生申请、班级评议、学校审核，拟资助以下学生。".into(),
        fields: [
            ("subsidy".to_owned(), "家庭经济困难学生生活补助".to_owned()),
            ("office".to_owned(), "学生资助管理办公室".to_owned()),
        ]
        .into_iter()
        .collect(),
        table: Some(table),
        posting_days: 5,
        planned_start: Some(d("2026-11-23")),
    };
    let item = items::create(&mut store, &op, Category::Subsidy, content.clone())
        .unwrap()
        .revision
        .item_id;
    items::submit(&mut store, &op, item).unwrap();

    let (pages, refused) =
        items::preview(&store, Category::Subsidy, content.clone(), d("2026-11-23")).unwrap();
    assert_eq!(refused, None);
    let shown: String = pages
        .iter()
        .flat_map(|p| p.text_lines())
        .collect::<Vec<_>>()
        .join("\n");
    for masked in ["张*明", "欧阳*", "一档", "750.00"] {
        assert!(shown.contains(masked), "{masked} in {shown}");
    }
    for internal in [
        "张小明",
        "欧阳华",
        "1101",
        "幸福路",
        "138",
        "身份证号",
        "家庭住址",
    ] {
        assert!(!shown.contains(internal), "{internal} in {shown}");
    }

    // The whole list, internal columns too, as a workbook marked 内部.
    {
        use calamine::{Reader, Xlsx};
        let bytes = gongshi_app::internal_list::workbook(&store, item).unwrap();
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("内部名单").unwrap();
        let title = sheet.get_value((0, 0)).unwrap().to_string();
        assert!(title.contains("内部名单"), "{title}");
        let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
        assert!(cells.contains(&"张小明".to_owned()), "{cells:?}");
        assert!(
            cells.contains(&"11010519491231002X".to_owned()),
            "{cells:?}"
        );
    }

    // The body still may not carry what the columns keep inside.
    let leaked = ItemContent {
        body: "张小明同学（身份证号11010519491231002X）家庭困难。".into(),
        ..content
    };
    let (_, refused) = items::preview(&store, Category::Subsidy, leaked, d("2026-11-23")).unwrap();
    assert!(refused.is_some_and(|r| r.contains("身份证号码")));
}
