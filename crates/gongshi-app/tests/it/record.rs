//! The year's record on a constructed year: every figure of the report
//! compared, the register and the feedback log read back with calamine
//! (the report's charts present in the workbook), the report's PDF read
//! back as golden text.

use std::collections::BTreeMap;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, FixedOffset, NaiveDate};
use gongshi_app::domain::Fen;
use gongshi_app::domain::category::Category;
use gongshi_app::domain::item::{ItemContent, ItemTable};
use gongshi_app::domain::meeting::MeetingKind;
use gongshi_app::domain::record::figures::Outreach;
use gongshi_app::domain::record::{DateRange, Form};
use gongshi_app::domain::revision::CloseResult;
use gongshi_app::domain::verify_code::Subject;
use gongshi_app::feedback::{self, NewFeedback};
use gongshi_app::items::{self, ReviewInput};
use gongshi_app::meetings::{self, NewMeeting};
use gongshi_app::{Store, fees, record, register, report, verification};

use super::{clerk, d, golden, pdftotext, store};

/// The day the register and report are made.
const TODAY: &str = "2026-12-01";

fn at(day: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{day}T09:00:00+08:00")).unwrap()
}

fn content(title: &str, fields: &[(&str, &str)], table: Option<ItemTable>) -> ItemContent {
    ItemContent {
        title: title.into(),
        body: "现予公示。".into(),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        table,
        posting_days: 5,
        planned_start: None,
    }
}

fn lines(category: Category, rows: &[&[&str]]) -> ItemTable {
    let schema = gongshi_app::domain::lines::schema(category, &Default::default()).unwrap();
    ItemTable {
        columns: schema.headers(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect(),
    }
}

/// Reviewed, signed and approved on `on`, posted the same day.
fn posted(store: &mut Store, category: Category, c: ItemContent, on: &str) -> i64 {
    let op = clerk();
    let item = items::create(store, &op, category, c)
        .unwrap()
        .revision
        .item_id;
    put_up(store, item, on);
    item
}

fn put_up(store: &mut Store, item: i64, on: &str) {
    let op = clerk();
    items::submit(store, &op, item).unwrap();
    let review = ReviewInput {
        confidentiality: Some(("王静", d(on), "无个人隐私信息")),
        signoff: Some(("赵敏", d(on), "同意公示")),
    };
    items::review(store, &op, item, review).unwrap();
    items::approve(store, &op, item, "李新义", d(on), "").unwrap();
    items::post(store, &op, item, d(on)).unwrap();
}

fn ask(store: &mut Store, on: &str, channel: &str, item: Option<i64>, objection: bool) -> i64 {
    feedback::add(
        store,
        &clerk(),
        NewFeedback {
            received_on: d(on),
            channel,
            item_id: item,
            content: "请问具体安排？",
            is_objection: objection,
            meeting_id: None,
        },
    )
    .unwrap()
    .id
}

fn answer(store: &mut Store, id: i64, on: &str, publish: bool) {
    feedback::answer(store, &clerk(), id, "已答复。", "办公室", d(on), publish).unwrap();
}

const FEES: &str = "项目,金额(元),计费单位,适用年级,收费部门,咨询电话,收费依据,是否自愿,备注
作业本费,30,每生每学期,全校,学校财务室,0371-6523 8001,豫发改收费〔2023〕781号,否,
课后服务费,300,每生每学期,一至六年级,学校财务室,0371-6523 8001,豫发改收费〔2023〕781号,是,自愿参加
校服费（代收）,180,每套,一年级,总务处,0371-6523 8001,阳教财〔2024〕12号,是,
";
const SEMESTER: &str = "2026—2027学年第一学期";

/// A year with every kind of record, and what it should count.
fn a_year() -> (Store, BTreeMap<&'static str, i64>) {
    let mut store = store();
    let op = clerk();
    store
        .write(&op, |w| {
            let mut profile = super::profile();
            profile.grades = gongshi_app::domain::grades::SchoolGrades::parse("小学").unwrap();
            profile.complaint_phone = "0371-6890 1234".into();
            w.save_school(profile)
        })
        .unwrap();
    // 其他: up its whole period, closed; announced at the congress; a text
    // message made; a question by phone answered in 2 days, published.
    let rest = posted(
        &mut store,
        Category::Other,
        content("作息时间调整", &[], None),
        "2026-03-02",
    );
    items::take_down(&mut store, &op, rest, d("2026-03-06"), "").unwrap();
    items::close(
        &mut store,
        &op,
        rest,
        CloseResult::NoObjection,
        d("2026-03-09"),
        "",
    )
    .unwrap();
    let q = ask(&mut store, "2026-03-03", "电话", Some(rest), false);
    answer(&mut store, q, "2026-03-05", true);
    record::message_made(
        &mut store,
        &op,
        Subject::Item(rest),
        "作息时间调整",
        d("2026-03-02"),
    )
    .unwrap();
    // 评优评先: an objection, answered in 6 days, closed as handled.
    let award = posted(
        &mut store,
        Category::Award,
        content(
            "优秀教师推荐人选公示",
            &[
                ("criteria", "师德合格"),
                ("quota", "1"),
                ("objection_channel", "意见箱"),
            ],
            Some(ItemTable {
                columns: vec!["姓名".into(), "总分".into()],
                rows: vec![vec!["李老师".into(), "92.50".into()]],
            }),
        ),
        "2026-04-13",
    );
    let objection = ask(&mut store, "2026-04-14", "信箱", Some(award), true);
    answer(&mut store, objection, "2026-04-20", false);
    items::take_down(&mut store, &op, award, d("2026-04-17"), "").unwrap();
    items::close(
        &mut store,
        &op,
        award,
        CloseResult::ObjectionsHandled,
        d("2026-04-20"),
        "",
    )
    .unwrap();
    // 财务收支: taken down early and corrected; the correction up its
    // whole period. Only the correction's amounts count.
    let statement = |closing: &str, amount: &str| {
        content(
            "2026年4月财务收支公开",
            &[
                ("period", "2026年4月"),
                ("office", "总务处"),
                ("opening", "1,000.00"),
                ("closing", closing),
            ],
            Some(lines(
                Category::Finance,
                &[
                    &["收入", "财政拨款收入", "", "4月生均公用经费", "5,000.00"],
                    &["支出", "公用经费", "办公费", "教学用纸", amount],
                ],
            )),
        )
    };
    let finance = posted(
        &mut store,
        Category::Finance,
        statement("4,900.00", "1,100.00"),
        "2026-05-11",
    );
    items::take_down(
        &mut store,
        &op,
        finance,
        d("2026-05-12"),
        "金额有误，更正后重新公示",
    )
    .unwrap();
    items::revise(&mut store, &op, finance).unwrap();
    items::edit(&mut store, &op, finance, statement("4,799.50", "1,200.50")).unwrap();
    put_up(&mut store, finance, "2026-05-13");
    items::take_down(&mut store, &op, finance, d("2026-05-19"), "").unwrap();
    // 采购: on the board today, short of its period so far.
    let purchase = lines(
        Category::Procurement,
        &[&[
            "交互式电子白板",
            "86英寸",
            "2",
            "台",
            "18,500.00",
            "37,000.00",
            "阳光科技有限公司",
            "网上商城/电子卖场",
            "2026-10-20",
            "2026-11-05",
            "王建国",
            "",
        ]],
    );
    posted(
        &mut store,
        Category::Procurement,
        content(
            "电子白板采购结果公示",
            &[("office", "总务处")],
            Some(purchase),
        ),
        "2026-11-30",
    );
    // Meetings: the congress where 作息时间调整 was announced; a parents'
    // meeting; one from last year (not counted).
    for (kind, on) in [
        (MeetingKind::StaffCongress, "2026-06-10"),
        (MeetingKind::Parents, "2026-09-20"),
        (MeetingKind::Parents, "2025-12-20"),
    ] {
        let m = meetings::add(
            &mut store,
            &op,
            NewMeeting {
                kind,
                held_on: d(on),
                place: "报告厅",
                chair: "李新义",
                expected: 60,
                present: 50,
                topics: "学校工作",
                minutes: "",
            },
        )
        .unwrap();
        if kind == MeetingKind::StaffCongress {
            meetings::announce(&mut store, &op, m.id, rest).unwrap();
        }
    }
    // The fees: approved, the board posted, the letters printed (120 + 126
    // in the classes set, one for each other grade: 250).
    fees::import(&mut store, &op, SEMESTER, FEES.as_bytes(), "收费.csv").unwrap();
    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    let board = gongshi_app::fee_sheets::board_printable(
        &store,
        SEMESTER,
        at("2026-09-01"),
        Default::default(),
    )
    .unwrap();
    verification::post(&mut store, &op, board, d("2026-09-01")).unwrap();
    fees::set_class_size(&mut store, &op, 1, "1班", 120).unwrap();
    fees::set_class_size(&mut store, &op, 2, "1班", 126).unwrap();
    record::letters_printed(&mut store, &op, SEMESTER, None, d("2026-09-02")).unwrap();
    // A letter not about an item, unanswered; last year's, not counted.
    ask(&mut store, "2026-07-01", "来信", None, false);
    ask(&mut store, "2025-12-30", "信箱", None, false);
    let ids = BTreeMap::from([("rest", rest), ("award", award), ("finance", finance)]);
    (store, ids)
}

#[test]
fn every_figure_of_a_constructed_year() {
    let (store, _) = a_year();
    let f = report::figures(&store, 2026, d(TODAY)).unwrap();
    assert_eq!(f.posted, 6, "five revisions of items and the fee board");
    assert_eq!(
        f.by_category,
        vec![
            ("评优评先".to_owned(), 1),
            ("财务收支".to_owned(), 2),
            ("采购".to_owned(), 1),
            ("其他".to_owned(), 1),
            ("收费公示".to_owned(), 1),
        ]
    );
    assert_eq!(f.by_month, [0, 0, 1, 1, 2, 0, 0, 0, 1, 0, 1, 0]);
    // Up 5 of 5: 其他, 评优评先, the correction, the fee board; the first
    // statement 2 of 5; the purchase still up (2 so far).
    assert_eq!((f.kept.met, f.kept.short, f.kept.ongoing), (4, 1, 1));
    assert_eq!(f.kept.share().unwrap().to_string(), "80.0%");
    assert_eq!(
        f.by_form,
        vec![
            (
                Form::Board,
                Outreach {
                    times: 6,
                    copies: 6
                }
            ),
            (
                Form::Meeting,
                Outreach {
                    times: 1,
                    copies: 1
                }
            ),
            (
                Form::Letter,
                Outreach {
                    times: 1,
                    copies: 250
                }
            ),
            (
                Form::Message,
                Outreach {
                    times: 1,
                    copies: 1
                }
            ),
        ]
    );
    let fb = &f.feedback;
    assert_eq!(fb.received, 3);
    assert_eq!(fb.by_channel, vec![("信箱", 1), ("电话", 1), ("来信", 1)]);
    assert_eq!((fb.answered, fb.published), (2, 1));
    assert_eq!(fb.median_days.unwrap().to_string(), "4");
    assert_eq!(fb.longest_days, Some(6));
    assert_eq!(fb.objections.len(), 1);
    assert_eq!(fb.objections[0].item, "优秀教师推荐人选公示");
    assert_eq!(
        fb.objections[0].label(),
        "2026年4月20日答复；事项以“异议已处理”办结"
    );
    assert_eq!(f.fees.len(), 1);
    assert_eq!(f.fees[0].items, 3);
    // Each grade: 30 必缴, 300 自愿 (the uniform, 每套, is not a
    // semester's charge per student: not in the totals).
    assert_eq!(f.fees[0].per_grade.len(), 6);
    assert_eq!(f.fees[0].per_grade[0], (1, Fen(3_000), Fen(30_000)));
    assert_eq!(f.statements.len(), 1);
    let s = &f.statements[0];
    assert_eq!(
        (s.income, s.expenditure, s.closing),
        (Fen(500_000), Fen(120_050), Fen(479_950))
    );
    assert_eq!(f.purchases, vec![("网上商城/电子卖场", 1, Fen(3_700_000))]);
    assert!(f.subsidies.is_empty() && f.rounds.is_empty());
    assert_eq!(
        f.meetings,
        vec![(MeetingKind::StaffCongress, 1), (MeetingKind::Parents, 1)]
    );
}

#[test]
fn the_register_lists_every_posting_by_category_after_its_summary() {
    let (store, ids) = a_year();
    let range = DateRange::calendar_year(2026).unwrap();
    let (xlsx, count) = register::register(&store, range, d(TODAY)).unwrap();
    assert_eq!(count, 6);
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["汇总", "其他", "评优评先", "财务收支", "收费公示", "采购"]
    );
    let summary = book.worksheet_range("汇总").unwrap();
    let row = |r: &calamine::Range<Data>, i: usize| -> Vec<String> {
        r.rows()
            .nth(i)
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect()
    };
    assert_eq!(
        row(&summary, 2),
        [
            "类别",
            "公开事项",
            "达到最短公示期",
            "未达到",
            "公示中",
            "反馈",
            "异议"
        ]
    );
    assert_eq!(row(&summary, 5), ["财务收支", "2", "1", "1", "0", "0", "0"]);
    assert_eq!(row(&summary, 8), ["合计", "6", "4", "1", "1", "2", "1"]);
    let finance = book.worksheet_range("财务收支").unwrap();
    let header = row(&finance, 2);
    let first = row(&finance, 3);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(first[col("编号")], ids["finance"].to_string());
    assert_eq!(first[col("版本")], "1");
    assert_eq!(first[col("公示期（工作日）")], "2");
    assert_eq!(first[col("达到最短公示期")], "否");
    assert_eq!(first[col("提前撤下原因")], "金额有误，更正后重新公示");
    assert_eq!(first[col("审查人")], "王静");
    assert_eq!(first[col("监督小组签字")], "赵敏");
    assert_eq!(first[col("批准人")], "李新义");
    let second = row(&finance, 4);
    assert_eq!(
        (
            second[col("版本")].as_str(),
            second[col("达到最短公示期")].as_str()
        ),
        ("2", "是")
    );
    assert_eq!(second[col("结果")], "未办结");
    // Dates are dates, the archived sheet's hash is there when printed.
    assert!(matches!(
        finance.get((3, col("张贴日期"))),
        Some(Data::DateTime(_))
    ));
    let other = book.worksheet_range("其他").unwrap();
    let rest = row(&other, 3);
    assert_eq!(rest[col("公开形式")], "公开栏、会议、短信");
    assert_eq!(rest[col("结果")], "期满无异议");
    assert_eq!(
        (rest[col("反馈")].as_str(), rest[col("异议")].as_str()),
        ("1", "0")
    );
    let award = row(&book.worksheet_range("评优评先").unwrap(), 3);
    assert_eq!(
        (award[col("异议")].as_str(), award[col("结果")].as_str()),
        ("1", "异议已处理")
    );
    let fee = row(&book.worksheet_range("收费公示").unwrap(), 3);
    assert_eq!(fee[col("公开形式")], "公开栏、公开信");
    assert_eq!(fee[col("批准人")], "李新义");
    assert_eq!(fee[col("存档SHA-256")].len(), 64);
    assert_eq!(fee[col("结果")], "期满");
    let purchase = row(&book.worksheet_range("采购").unwrap(), 3);
    assert_eq!(
        (
            purchase[col("达到最短公示期")].as_str(),
            purchase[col("结果")].as_str()
        ),
        ("公示中", "公示中")
    );
}

#[test]
fn the_feedback_log_has_every_entry_with_its_days_to_answer() {
    let (store, _) = a_year();
    let (xlsx, count) = register::feedback_log(&store, None).unwrap();
    assert_eq!(count, 4, "last year's entry too when no range is given");
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("反馈登记表").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let header = &rows[2];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let objection = rows.iter().find(|r| r[col("类型")] == "异议").unwrap();
    assert_eq!(objection[col("事项")], "优秀教师推荐人选公示");
    assert_eq!(objection[col("答复用时（天）")], "6");
    assert_eq!(objection[col("是否公开")], "未公开");
    let letter = rows.iter().find(|r| r[col("渠道")] == "来信").unwrap();
    assert_eq!(
        (
            letter[col("是否公开")].as_str(),
            letter[col("答复用时（天）")].as_str()
        ),
        ("未答复", "")
    );
    let (_, in_year) =
        register::feedback_log(&store, Some(DateRange::calendar_year(2026).unwrap())).unwrap();
    assert_eq!(in_year, 3);
}

#[test]
fn the_report_prints_its_text_and_figures_with_charts_and_keeps_the_clerks_text() {
    let (mut store, _) = a_year();
    let year = report::year_report(&store, 2026, d(TODAY)).unwrap();
    assert!(!year.edited);
    let body: String = year.text.sections.iter().map(|s| s.body.clone()).collect();
    assert!(
        body.contains("收到对公示事项的异议1件，已答复1件，1件所涉事项经处理后办结"),
        "{body}"
    );
    assert!(!body.contains("没有收到对公示事项的异议"), "{body}");
    let pdf = report::printable(&store, 2026, at(TODAY))
        .unwrap()
        .pdf()
        .unwrap();
    // To look at the pages: GONGSHI_ARTIFACTS=dir keeps the PDF.
    if let Some(dir) = std::env::var_os("GONGSHI_ARTIFACTS") {
        std::fs::write(std::path::Path::new(&dir).join("year-report.pdf"), &pdf).unwrap();
    }
    let text = pdftotext(&pdf);
    for chart_label in ["图1 各类别公开事项数", "图2 各月公开事项数", "12月"] {
        assert!(text.contains(chart_label), "{chart_label}: {text}");
    }
    golden("year-report", &text);

    // The clerk's text is kept with the year and printed.
    let mut edited = year.text.clone();
    edited.sections[4].body = "今后，学校将每月检查公开栏。".into();
    report::set_text(&mut store, &clerk(), 2026, edited, d(TODAY)).unwrap();
    let again = report::year_report(&store, 2026, d(TODAY)).unwrap();
    assert!(again.edited);
    let text = pdftotext(
        &report::printable(&store, 2026, at(TODAY))
            .unwrap()
            .pdf()
            .unwrap(),
    );
    assert!(text.contains("今后，学校将每月检查公开栏。"), "{text}");
    // A section without a heading is refused, naming it; nothing changes.
    let mut bad = again.text.clone();
    bad.sections[1].heading = " ".into();
    let err = report::set_text(&mut store, &clerk(), 2026, bad, d(TODAY)).unwrap_err();
    assert!(err.to_string().contains("第2节"), "{err}");
    assert_eq!(
        report::year_report(&store, 2026, d(TODAY)).unwrap().text,
        again.text
    );
    // Personal data typed into the text stops the print.
    let mut private = again.text.clone();
    private.sections[0].body.push_str("联系人手机13812345678。");
    report::set_text(&mut store, &clerk(), 2026, private, d(TODAY)).unwrap();
    let err = report::printable(&store, 2026, at(TODAY))
        .unwrap()
        .pdf()
        .unwrap_err();
    assert!(err.to_string().contains("手机"), "{err}");
}

#[test]
fn the_report_workbook_has_the_figures_and_native_charts() {
    let (store, _) = a_year();
    let xlsx = report::workbook(&store, 2026, d(TODAY)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.clone())).unwrap();
    let charts: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    assert_eq!(charts.len(), 2, "{charts:?}");
    let mut chart = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/charts/chart1.xml").unwrap(),
        &mut chart,
    )
    .unwrap();
    assert!(chart.contains("'公开事项（按类别）'!$A$4:$A$8"), "{chart}");
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let by_category = book.worksheet_range("公开事项（按类别）").unwrap();
    let cells: Vec<String> = by_category
        .rows()
        .nth(4)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(cells, ["财务收支", "2"]);
    let fees = book.worksheet_range("收费公示（每生合计）").unwrap();
    let first: Vec<String> = fees
        .rows()
        .nth(3)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(first, [SEMESTER, "3", "一年级", "30", "300"]);
}

#[test]
fn a_year_out_of_reach_is_refused() {
    let (store, _) = a_year();
    let err = report::figures(&store, 1999, d(TODAY)).unwrap_err();
    assert!(err.to_string().contains("年度"), "{err}");
    let _: NaiveDate = d(TODAY);
}

#[test]
fn a_kept_text_is_marked_stale_when_the_figures_change_after_it() {
    let (mut store, ids) = a_year();
    let year = report::year_report(&store, 2026, d(TODAY)).unwrap();
    report::set_text(&mut store, &clerk(), 2026, year.text.clone(), d(TODAY)).unwrap();
    let kept = report::year_report(&store, 2026, d(TODAY)).unwrap();
    assert!(kept.edited && !kept.stale);
    // A new objection to a posted item: the kept text's numbers are old.
    ask(&mut store, "2026-11-30", "信箱", Some(ids["award"]), true);
    let after = report::year_report(&store, 2026, d(TODAY)).unwrap();
    assert!(after.edited && after.stale);
    assert_eq!(after.text, year.text, "the clerk's text is kept as it was");
}

#[test]
fn an_objection_names_a_posted_item() {
    let (mut store, _) = a_year();
    let new = |item| NewFeedback {
        received_on: d("2026-11-30"),
        channel: "信箱",
        item_id: item,
        content: "有异议",
        is_objection: true,
        meeting_id: None,
    };
    let err = feedback::add(&mut store, &clerk(), new(None)).unwrap_err();
    assert!(err.to_string().contains("相关事项"), "{err}");
    let draft = items::create(
        &mut store,
        &clerk(),
        Category::Other,
        content("草稿", &[], None),
    )
    .unwrap()
    .revision
    .item_id;
    let err = feedback::add(&mut store, &clerk(), new(Some(draft))).unwrap_err();
    assert!(err.to_string().contains("还没有张贴公示"), "{err}");
    assert_eq!(store.feedback_list(None).unwrap().len(), 4, "nothing added");
}

#[test]
fn letters_printed_again_and_a_message_made_again_count_once() {
    let (mut store, ids) = a_year();
    let op = clerk();
    record::letters_printed(&mut store, &op, SEMESTER, Some(1), d("2026-09-03")).unwrap();
    record::letters_printed(&mut store, &op, SEMESTER, None, d("2026-09-04")).unwrap();
    record::message_made(
        &mut store,
        &op,
        Subject::Item(ids["rest"]),
        "作息时间调整",
        d("2026-03-03"),
    )
    .unwrap();
    let f = report::figures(&store, 2026, d(TODAY)).unwrap();
    assert_eq!(
        f.by_form[2],
        (
            Form::Letter,
            Outreach {
                times: 1,
                copies: 250
            }
        )
    );
    assert_eq!(
        f.by_form[3],
        (
            Form::Message,
            Outreach {
                times: 1,
                copies: 1
            }
        )
    );
}
