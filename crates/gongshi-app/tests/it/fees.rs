//! Fee schedules: import all or nothing from xlsx and GBK CSV, frozen once
//! approved, copied to a new semester.

use gongshi_app::domain::OperatorName;
use gongshi_app::domain::money::Fen;
use gongshi_app::{AppError, Store, fees, verification};

use super::{d, golden, pdftotext};

const SEMESTER: &str = "2026—2027学年第一学期";

fn principal() -> OperatorName {
    OperatorName::parse("李新义").unwrap()
}

fn xlsx(rows: &[[&str; 9]]) -> Vec<u8> {
    super::filled_template(&gongshi_app::domain::fee::schema().headers(), rows)
}

const GOOD: [[&str; 9]; 3] = [
    [
        "作业本费",
        "30",
        "每生每学期",
        "全校",
        "财务室",
        "0371-6523 8001",
        "豫发改收费〔2023〕781号",
        "否",
        "",
    ],
    [
        "课后服务费",
        "1,280.50",
        "每生每学期",
        "1-3年级",
        "财务室",
        "",
        "豫发改收费〔2023〕781号",
        "是",
        "自愿",
    ],
    [
        "校服费（代收）",
        "180.5",
        "每套",
        "七年级,八年级",
        "总务处",
        "",
        "阳教财〔2024〕12号",
        "是",
        "",
    ],
];

#[test]
fn the_template_itself_imports() {
    let anywhere = Default::default();
    let items = fees::read(&fees::template().unwrap(), "模板.xlsx", &anywhere).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].name, "课后服务费");
}

#[test]
fn a_good_xlsx_imports_every_row_in_fen() {
    let mut store = Store::open_in_memory().unwrap();
    let schedule = fees::import(
        &mut store,
        &principal(),
        SEMESTER,
        &xlsx(&GOOD),
        "收费.xlsx",
    )
    .unwrap();
    let amounts: Vec<Fen> = schedule.items.iter().map(|i| i.amount).collect();
    assert_eq!(amounts, [Fen(3000), Fen(128050), Fen(18050)]);
    assert!(schedule.items[2].grades.includes(8) && !schedule.items[2].grades.includes(9));
}

#[test]
fn a_bad_file_stores_nothing_and_names_every_bad_row_and_field() {
    let mut store = Store::open_in_memory().unwrap();
    let mut rows = GOOD.to_vec();
    rows[0][1] = "12.345";
    rows[2][3] = "幼儿园";
    rows[2][7] = "也许";
    let err = fees::import(
        &mut store,
        &principal(),
        SEMESTER,
        &xlsx(&rows),
        "收费.xlsx",
    )
    .unwrap_err();
    let AppError::Import(lines) = &err else {
        panic!("{err}")
    };
    // Title row 1, header row 2: data starts at row 3.
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("第3行 金额(元)："), "{lines:?}");
    assert!(lines[1].starts_with("第5行 适用年级："), "{lines:?}");
    assert!(lines[2].starts_with("第5行 是否自愿："), "{lines:?}");
    assert!(err.to_string().contains("没有保存任何内容"));
    assert!(store.fee_schedule(SEMESTER).unwrap().is_none());
}

#[test]
fn a_gbk_csv_as_chinese_excel_saves_it_imports() {
    let mut text = gongshi_app::domain::fee::schema().headers().join(",");
    text.push('\n');
    text.push_str("作业本费,30,每生每学期,全校,财务室,,豫发改收费〔2023〕781号,否,\n");
    text.push_str(
        "午餐费（代收）,4.5,每生每餐,一至六年级,总务处,,阳教财〔2024〕12号,是,按实结算\n",
    );
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let mut store = Store::open_in_memory().unwrap();
    let s = fees::import(&mut store, &principal(), "2026年秋季学期", &gbk, "收费.csv").unwrap();
    assert_eq!(s.items[1].name, "午餐费（代收）");
    assert_eq!(s.items[1].amount, Fen(450));
}

#[test]
fn an_approved_schedule_is_frozen_and_copied_to_the_next_semester() {
    let mut store = Store::open_in_memory().unwrap();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    let approved = fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    assert_eq!(approved.approved.unwrap().by, "李新义");
    let err = fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap_err();
    assert!(
        err.to_string().contains("已于2026-08-25由李新义批准"),
        "{err}"
    );

    let next = fees::copy(&mut store, &op, SEMESTER, "2026—2027学年第二学期").unwrap();
    assert_eq!(next.items.len(), 3);
    assert!(next.approved.is_none());
}

fn school_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = gongshi_app::domain::SchoolProfile {
        name: "阳光市实验小学".into(),
        supervision_phone: "0371-6523 8002".into(),
        complaint_phone: "0371-6890 1234".into(),
        hotlines: vec!["12345".into()],
        ..Default::default()
    };
    gongshi_app::school::save_school(&mut store, &principal(), profile).unwrap();
    store
}

fn pages(pdf: &[u8]) -> usize {
    pdftotext(pdf)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .count()
}

#[test]
fn the_fee_board_sheet_shows_the_four_publics_basis_hotlines_and_policy() {
    let mut store = school_store();
    fees::import(
        &mut store,
        &principal(),
        SEMESTER,
        &xlsx(&GOOD),
        "收费.xlsx",
    )
    .unwrap();
    let pdf =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap();
    let text = pdftotext(&pdf);
    for expected in [
        "阳光市实验小学收费公示",
        "课后服务费",
        "1,280.50",
        "豫发改收费〔2023〕781号",
        "0371-6523 8001",
        "学校监督电话：0371-6523 8002",
        "减免政策",
        "公示期：",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
}

#[test]
fn the_approved_fee_board_is_posted_with_a_code_and_a_draft_is_not() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    let board = |store: &Store| {
        gongshi_app::fee_sheets::board_printable(store, SEMESTER, super::now(), Default::default())
            .unwrap()
    };
    // A draft (样稿) is not posted: no code, nothing archived.
    let sheet = board(&store);
    let draft = verification::post(&mut store, &op, sheet, d("2026-11-23")).unwrap();
    assert_eq!(draft.code(), None);
    assert!(!pdftotext(&draft.pdf().unwrap()).contains("核验码"));
    let schedule = fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    assert!(
        store
            .printed_codes(&format!("F{}", schedule.id))
            .unwrap()
            .is_empty()
    );

    let sheet = board(&store);
    let posted = verification::post(&mut store, &op, sheet, d("2026-11-23")).unwrap();
    let code = posted.code().unwrap().to_owned();
    let mark = verification::store_mark_of(&store).unwrap();
    assert!(
        code.starts_with(&format!("{mark}-F{}-1-", schedule.id)),
        "{code}"
    );
    let text = pdftotext(&posted.pdf().unwrap());
    assert!(text.contains(&format!("核验码：{code}")), "{text}");
    // Still one landscape page with the code beside the seal.
    assert_eq!(pages(&posted.pdf().unwrap()), 1);
    let found = verification::verify(&store, &code).unwrap();
    assert_eq!(found.kind, "收费公示");
    assert_eq!(found.title, format!("阳光市实验小学{SEMESTER}收费公示"));
    assert_eq!(found.period_start, Some(d("2026-11-23")));
    assert_eq!(found.printed_by.as_deref(), Some("李新义"));
}

#[test]
fn the_board_sheets_period_is_the_fee_categorys_minimum() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    gongshi_app::settings::set_min_days(
        &mut store,
        &op,
        gongshi_app::domain::category::Category::Fees,
        7,
    )
    .unwrap();
    let pdf =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap();
    // From Monday 2026-11-23, seven working days end on Tuesday 12-01.
    assert!(
        pdftotext(&pdf).contains("2026年11月23日至2026年12月1日（7个工作日）"),
        "{}",
        pdftotext(&pdf)
    );
}

#[test]
fn a_fee_without_basis_unit_or_department_does_not_print() {
    let mut store = school_store();
    let mut rows = GOOD.to_vec();
    rows[2][2] = "";
    rows[2][6] = "";
    fees::import(
        &mut store,
        &principal(),
        SEMESTER,
        &xlsx(&rows),
        "收费.xlsx",
    )
    .unwrap();
    let err =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("收费依据：“校服费（代收）”没有填写"), "{msg}");
    assert!(msg.contains("计费单位：“校服费（代收）”没有填写"), "{msg}");
}

#[test]
fn letters_one_per_student_with_totals_in_capitals_and_the_slip() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    fees::set_class_size(&mut store, &op, 2, "1班", 3).unwrap();
    fees::set_class_size(&mut store, &op, 2, "2班", 2).unwrap();
    fees::set_class_size(&mut store, &op, 2, "3班", 40).unwrap();
    // Merged into the others: removed, and the letters leave it out.
    fees::remove_class(&mut store, &op, 2, "3班").unwrap();
    let err = fees::remove_class(&mut store, &op, 2, "3班").unwrap_err();
    assert!(err.to_string().contains("没有二年级3班"), "{err}");
    let (pdf, count) =
        gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(2), super::now()).unwrap();
    assert_eq!(count, 5);
    let counted = gongshi_app::fee_sheets::letter_count(&store, SEMESTER, Some(2)).unwrap();
    assert_eq!(counted, count, "the count the screen shows is the batch's");
    assert_eq!(pages(&pdf), 5);
    let text = pdftotext(&pdf);
    // Grade 2: 作业本费 30.00 (required) + 课后服务费 1,280.50 (voluntary).
    assert!(text.contains("30.00元（人民币大写：叁拾元整）"), "{text}");
    assert!(
        text.contains("1,310.50元（人民币大写：壹仟叁佰壹拾元伍角整）"),
        "{text}"
    );
    assert!(text.contains("□课后服务费"), "{text}");
    // pdftotext splits the 回执 line at its wide space: class, then number.
    assert!(
        text.contains("班级：二年级2班") && text.contains("第2号"),
        "{text}"
    );
    assert!(
        !text.contains("校服费"),
        "grade 2 does not pay the uniform: {text}"
    );
}

#[test]
fn the_excel_export_reads_back_with_amounts_and_grade_totals() {
    use calamine::{Data, Reader, Xlsx};
    let mut store = school_store();
    fees::import(
        &mut store,
        &principal(),
        SEMESTER,
        &xlsx(&GOOD),
        "收费.xlsx",
    )
    .unwrap();
    let bytes = gongshi_app::fee_sheets::export(&store, SEMESTER).unwrap();
    // Its columns are the template's: the export reads back as an import.
    let cx = gongshi_app::table_io::context(&store).unwrap();
    let again = fees::read(&bytes, "收费标准.xlsx", &cx).unwrap();
    assert_eq!(again, store.fee_schedule(SEMESTER).unwrap().unwrap().items);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["收费标准", "按年级合计"]);
    let items = book.worksheet_range("收费标准").unwrap();
    // Title row, then the header (no approval line yet), then the items.
    assert_eq!(items.get_value((1, 1)), Some(&Data::String("项目".into())));
    assert_eq!(items.get_value((3, 2)), Some(&Data::Float(1280.5)));
    let totals = book.worksheet_range("按年级合计").unwrap();
    // 一年级: 30 required + 1,280.50 voluntary.
    assert_eq!(
        totals.get_value((2, 0)),
        Some(&Data::String("一年级".into()))
    );
    assert_eq!(totals.get_value((2, 3)), Some(&Data::Float(1310.5)));
}

#[test]
fn the_fee_sheets_read_back_as_their_golden_text() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    fees::set_class_size(&mut store, &op, 7, "1班", 1).unwrap();
    // The real sheets: a draft's carry its watermark (see below).
    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    let board =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap();
    golden("fee-board", &pdftotext(&board));
    let (letter, _) =
        gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(7), super::now()).unwrap();
    golden("fee-letter", &pdftotext(&letter));
}

fn grid(rows: &[[&str; 9]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

#[test]
fn the_item_grid_checks_each_row_and_saves_all_or_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let op = principal();
    let mut rows = GOOD;
    rows[1][1] = "-5";
    rows[1][3] = "幼儿园";
    let schema = gongshi_app::domain::fee::schema();
    let fields: Vec<&str> = fees::check_row(&store, &grid(&rows)[1])
        .unwrap()
        .iter()
        .map(|e| schema.columns[e.column].header.as_ref())
        .collect();
    assert_eq!(fields, ["金额(元)", "适用年级"]);
    assert!(fees::check_row(&store, &grid(&GOOD)[1]).unwrap().is_empty());

    let err = fees::save_items(&mut store, &op, SEMESTER, &grid(&rows)).unwrap_err();
    let AppError::Import(lines) = &err else {
        panic!("{err}")
    };
    assert!(lines[0].starts_with("第2项 金额(元)："), "{lines:?}");
    assert!(store.fee_schedule(SEMESTER).unwrap().is_none());
    let err = fees::save_items(&mut store, &op, SEMESTER, &[]).unwrap_err();
    assert!(err.to_string().contains("至少要有一个收费项目"), "{err}");

    let saved = fees::save_items(&mut store, &op, SEMESTER, &grid(&GOOD)).unwrap();
    assert_eq!(saved.items[1].amount, Fen(128_050));
    // Edited in the grid: the second row removed, the first changed.
    let mut edited = grid(&GOOD);
    edited.remove(1);
    edited[0][1] = "35".into();
    let saved = fees::save_items(&mut store, &op, SEMESTER, &edited).unwrap();
    assert_eq!(saved.items.len(), 2);
    assert_eq!(saved.items[0].amount, Fen(3_500));

    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    let err = fees::save_items(&mut store, &op, SEMESTER, &grid(&GOOD)).unwrap_err();
    assert!(err.to_string().contains("不能再修改"), "{err}");
}

#[test]
fn the_reduction_policy_is_the_schedules_own_printed_copied_and_frozen() {
    use gongshi_app::domain::fee::DEFAULT_REDUCTION_POLICY;
    let mut store = school_store();
    let op = principal();
    let s = fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    assert_eq!(s.reduction_policy, DEFAULT_REDUCTION_POLICY);

    let err = fees::set_reduction_policy(&mut store, &op, SEMESTER, "  ").unwrap_err();
    assert!(err.to_string().contains("减免政策"), "{err}");
    let policy = "低保家庭学生免收作业本费，向班主任申请。";
    fees::set_reduction_policy(&mut store, &op, SEMESTER, policy).unwrap();
    let board =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap();
    assert!(pdftotext(&board).contains(policy));
    let (letter, _) =
        gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(1), super::now()).unwrap();
    assert!(pdftotext(&letter).contains(policy));

    let next = fees::copy(&mut store, &op, SEMESTER, "2026—2027学年第二学期").unwrap();
    assert_eq!(next.reduction_policy, policy);
    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    assert!(fees::set_reduction_policy(&mut store, &op, SEMESTER, "改").is_err());
}

/// A number that is no grade (0, 13) is refused naming the field: never a
/// panic, never letters headed “?年级”.
#[test]
fn letters_of_a_grade_outside_one_to_twelve_are_refused() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    for g in [0, 13, 255] {
        let err =
            gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(g), super::now()).unwrap_err();
        assert!(err.is_refusal(), "{err}");
        assert!(err.to_string().starts_with("年级："), "{err}");
        assert!(err.to_string().contains("不在1到12之间"), "{err}");
        let counted = gongshi_app::fee_sheets::letter_count(&store, SEMESTER, Some(g)).unwrap();
        assert_eq!(counted, 0);
    }
}

#[test]
fn letters_report_progress_sheet_by_sheet_and_previews_show_one_sheet() {
    use gongshi_app::fee_sheets::{FeePrint, letters_with_progress, preview};
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    fees::set_class_size(&mut store, &op, 1, "1班", 4).unwrap();
    let mut seen = Vec::new();
    let (_, count) = letters_with_progress(&store, SEMESTER, Some(1), super::now(), &mut |d, t| {
        seen.push((d, t))
    })
    .unwrap();
    assert_eq!(count, 4);
    assert_eq!(seen, [(1, 4), (2, 4), (3, 4), (4, 4)]);

    let (pages, refused) =
        preview(&store, SEMESTER, FeePrint::Letter(Some(1)), super::now()).unwrap();
    assert_eq!(pages.len(), 1, "one letter, one page");
    assert_eq!(refused, None);
    let (pages, _) = preview(
        &store,
        SEMESTER,
        FeePrint::Board(Default::default()),
        super::now(),
    )
    .unwrap();
    assert!(
        pages[0].width > pages[0].height,
        "the board sheet is landscape"
    );
}

#[test]
fn an_unapproved_schedule_prints_only_as_a_draft_and_an_approved_one_as_itself() {
    use gongshi_app::fee_sheets::{FeePrint, board_sheet, letters, preview};
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    fees::set_class_size(&mut store, &op, 1, "1班", 2).unwrap();
    let now = super::now();

    let board = board_sheet(&store, SEMESTER, now, Default::default()).unwrap();
    let (batch, count) = letters(&store, SEMESTER, Some(1), now).unwrap();
    assert_eq!(count, 2);
    let board_text = pdftotext(&board);
    assert!(board_text.contains("未批准 样稿"), "{board_text}");
    assert!(board_text.contains("收费公示（样稿）"), "{board_text}");
    let letters_text = pdftotext(&batch);
    // Every letter of the batch.
    assert_eq!(
        letters_text.matches("未批准 样稿").count(),
        2,
        "{letters_text}"
    );
    assert!(
        letters_text.contains("致家长的一封信（样稿）"),
        "{letters_text}"
    );
    for what in [
        FeePrint::Board(Default::default()),
        FeePrint::Letter(Some(1)),
    ] {
        let (pages, _) = preview(&store, SEMESTER, what, now).unwrap();
        assert!(
            pages.iter().all(|p| p.watermark() == Some("未批准 样稿")),
            "{what:?}"
        );
    }

    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    let board = board_sheet(&store, SEMESTER, now, Default::default()).unwrap();
    let (batch, _) = letters(&store, SEMESTER, Some(1), now).unwrap();
    for text in [pdftotext(&board), pdftotext(&batch)] {
        assert!(!text.contains("未批准"), "{text}");
        assert!(!text.contains("样稿"), "{text}");
    }
    for what in [
        FeePrint::Board(Default::default()),
        FeePrint::Letter(Some(1)),
    ] {
        let (pages, _) = preview(&store, SEMESTER, what, now).unwrap();
        assert!(pages.iter().all(|p| p.watermark().is_none()), "{what:?}");
    }
}

/// A primary school (学段 小学) prints, counts and accepts nothing for
/// grades it does not have: the letters batch, the Excel's totals by
/// grade, a letter for 初一, a fee for 七年级, a class of 初一.
#[test]
fn a_primary_school_has_grades_one_to_six_only() {
    use calamine::{Reader, Xlsx};
    use gongshi_app::domain::grades::SchoolGrades;
    let mut store = school_store();
    let op = principal();
    let mut profile = store.school().unwrap().unwrap();
    profile.grades = SchoolGrades::parse("小学").unwrap();
    gongshi_app::school::save_school(&mut store, &op, profile).unwrap();

    // 作业本费 is for 全校: the whole primary school; 课后服务费 for 1–3.
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD[..2]), "收费.xlsx").unwrap();
    let (batch, count) =
        gongshi_app::fee_sheets::letters(&store, SEMESTER, None, super::now()).unwrap();
    assert_eq!(count, 6, "one letter per grade 1–6");
    let text = pdftotext(&batch);
    assert!(text.contains("六年级") && !text.contains("初一"), "{text}");

    let err = gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(7), super::now())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "年级：本校没有初一（学校设置的学段：小学）");

    let bytes = gongshi_app::fee_sheets::export(&store, SEMESTER).unwrap();
    // Its columns are the template's: the export reads back as an import.
    let cx = gongshi_app::table_io::context(&store).unwrap();
    let again = fees::read(&bytes, "收费标准.xlsx", &cx).unwrap();
    assert_eq!(again, store.fee_schedule(SEMESTER).unwrap().unwrap().items);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let totals = book.worksheet_range("按年级合计").unwrap();
    let grades: Vec<String> = totals
        .rows()
        .skip(2)
        .map(|r| r[0].to_string())
        .filter(|g| g.ends_with("年级") || g.starts_with('初') || g.starts_with('高'))
        .collect();
    assert_eq!(
        grades,
        ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]
    );

    let junior = GOOD; // its third row is for 七年级,八年级
    let err = fees::import(
        &mut store,
        &op,
        "2027年春季学期",
        &xlsx(&junior),
        "收费.xlsx",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("第5行 适用年级：本校没有初一"), "{err}");
    assert!(store.fee_schedule("2027年春季学期").unwrap().is_none());

    let err = fees::set_class_size(&mut store, &op, 7, "1班", 40)
        .unwrap_err()
        .to_string();
    assert!(err.contains("本校没有初一"), "{err}");

    // Grades narrowed after the schedule was made: its 1-3年级 fee prints
    // for the grades the school still has.
    let mut profile = store.school().unwrap().unwrap();
    profile.grades = SchoolGrades::parse("一至二年级").unwrap();
    gongshi_app::school::save_school(&mut store, &op, profile).unwrap();
    let board =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap();
    let text = pdftotext(&board);
    assert!(
        text.contains("一年级、二年级") && !text.contains("三年级"),
        "{text}"
    );
}

#[test]
fn a_fee_sheet_without_the_schools_complaint_phone_does_not_print() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    let mut profile = store.school().unwrap().unwrap();
    profile.complaint_phone = String::new();
    gongshi_app::school::save_school(&mut store, &op, profile).unwrap();
    let err =
        gongshi_app::fee_sheets::board_sheet(&store, SEMESTER, super::now(), Default::default())
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("投诉电话") && err.contains("请先填写"),
        "{err}"
    );
    assert!(gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(1), super::now()).is_err());
}

/// A parent's bill counts each fee as its unit means: 每月 × the
/// semester's months, 每年 in the semester that collects it, per meal and
/// 代收 listed but not added; the letter and the Excel count alike.
#[test]
fn totals_respect_units_in_the_letter_and_the_excel() {
    use calamine::{Data, Reader, Xlsx};
    let mut store = school_store();
    let op = principal();
    let rows = [
        [
            "作业本费",
            "30",
            "每生每学期",
            "全校",
            "财务室",
            "",
            "文号",
            "否",
            "",
        ],
        [
            "课后服务费",
            "60",
            "每生每月",
            "全校",
            "财务室",
            "",
            "文号",
            "是",
            "",
        ],
        [
            "学生意外伤害保险",
            "50",
            "每生每年",
            "全校",
            "财务室",
            "",
            "文号",
            "是",
            "",
        ],
        [
            "午餐费",
            "4.5",
            "每生每餐",
            "全校",
            "总务处",
            "",
            "文号",
            "是",
            "",
        ],
        [
            "校服费（代收）",
            "180",
            "每套",
            "全校",
            "总务处",
            "",
            "文号",
            "是",
            "",
        ],
    ];
    fees::import(&mut store, &op, SEMESTER, &xlsx(&rows), "收费.xlsx").unwrap();
    let letter = |store: &Store| {
        let (pdf, _) =
            gongshi_app::fee_sheets::letters(store, SEMESTER, Some(1), super::now()).unwrap();
        pdftotext(&pdf)
    };
    // 30 + 60 × 5 + 50 = 380; required 30.
    let text = letter(&store);
    assert!(text.contains("必交项目合计：30.00元"), "{text}");
    assert!(
        text.contains("含全部自愿项目：380.00元（人民币大写：叁佰捌拾元整）"),
        "{text}"
    );
    assert!(text.contains("每生每月（×5个月）"), "{text}");
    assert!(text.contains("午餐费：按次（餐）收取"), "{text}");
    assert!(text.contains("校服费（代收）：代收，按实结算"), "{text}");

    // Four months, and the year's fees collected in the other semester.
    fees::set_terms(&mut store, &op, SEMESTER, 4, false).unwrap();
    let text = letter(&store);
    assert!(text.contains("含全部自愿项目：270.00元"), "{text}");
    assert!(
        text.contains("学生意外伤害保险：全年费用在另一学期收取"),
        "{text}"
    );
    let bytes = gongshi_app::fee_sheets::export(&store, SEMESTER).unwrap();
    // Its columns are the template's: the export reads back as an import.
    let cx = gongshi_app::table_io::context(&store).unwrap();
    let again = fees::read(&bytes, "收费标准.xlsx", &cx).unwrap();
    assert_eq!(again, store.fee_schedule(SEMESTER).unwrap().unwrap().items);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let totals = book.worksheet_range("按年级合计").unwrap();
    assert_eq!(totals.get_value((2, 3)), Some(&Data::Float(270.0)));

    // Months are 1–6; an approved schedule's terms are frozen.
    assert!(fees::set_terms(&mut store, &op, SEMESTER, 7, true).is_err());
    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    assert!(fees::set_terms(&mut store, &op, SEMESTER, 5, true).is_err());
}

/// A unit that is not one of the list is refused at import, naming the
/// choices.
#[test]
fn a_unit_with_no_meaning_is_refused() {
    let mut store = school_store();
    let rows = [[
        "杂费",
        "10",
        "每人每周",
        "全校",
        "财务室",
        "",
        "文号",
        "否",
        "",
    ]];
    let err = fees::import(
        &mut store,
        &principal(),
        SEMESTER,
        &xlsx(&rows),
        "收费.xlsx",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("第3行 计费单位：“每人每周”不是可选的一项（每生每学期、"),
        "{err}"
    );
}

#[test]
fn the_fee_letter_as_a_text_message_says_what_each_student_pays_and_whom_to_ask() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    // Not told to parents before the principal approves it.
    let err = gongshi_app::sms::for_fees(&store, SEMESTER, Some(2), 70).unwrap_err();
    assert!(err.to_string().contains("还没有批准"), "{err}");
    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    // Grade 2 pays 作业本费 30.00 only (the rest is voluntary).
    let text = gongshi_app::sms::for_fees(&store, SEMESTER, Some(2), 70).unwrap();
    assert!(text.fits && text.segments == 1, "{text:?}");
    assert!(
        text.text.contains("二年级") && text.text.contains("每生30元"),
        "{}",
        text.text
    );
    assert!(text.text.contains("0371-6523 8001"), "{}", text.text);
    // The whole school, with room: the fullest wording (every grade pays
    // the same here; grades that differ read as a range, 30至480元).
    let all = gongshi_app::sms::for_fees(&store, SEMESTER, None, 200).unwrap();
    assert!(
        all.text.contains("必交项目每生30元，自愿项目自选"),
        "{}",
        all.text
    );
    assert!(all.text.contains("致家长的一封信"), "{}", all.text);
}

/// A batch draws what its letters share once; each page must still read
/// back alone, in order, with its own slip.
#[test]
fn letter_1000_of_a_batch_reads_back_alone_with_its_own_slip() {
    let mut store = school_store();
    let op = principal();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    for class in 1..=6 {
        fees::set_class_size(&mut store, &op, 2, &format!("{class}班"), 200).unwrap();
    }
    let (pdf, count) =
        gongshi_app::fee_sheets::letters(&store, SEMESTER, Some(2), super::now()).unwrap();
    assert_eq!(count, 1200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letters.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let page = |n: usize| {
        let out = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8", "-f", &n.to_string(), "-l", &n.to_string()])
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let thousandth = page(1000);
    assert!(thousandth.contains("班级：二年级5班"), "{thousandth}");
    assert!(thousandth.contains("第200号"), "{thousandth}");
    assert!(!thousandth.contains("第199号") && !thousandth.contains("二年级6班"));
    // The shared part reads on every page, in its place: the title first.
    let title = thousandth.find("致家长的一封信").unwrap();
    let slip = thousandth.find("回").unwrap_or(usize::MAX);
    assert!(title < slip, "{thousandth}");
    assert!(thousandth.contains("作业本费") && thousandth.contains("请沿虚线剪下"));
    // 1,200 letters stay small: the shared part is written once.
    assert!(pdf.len() < 1024 * 1024, "{} bytes", pdf.len());
}

#[test]
fn a_text_message_holding_a_private_phone_is_refused_masked() {
    let mut store = school_store();
    let op = principal();
    // A private mobile typed where the school's name goes.
    let mut profile = gongshi_app::school::profile(&store).unwrap().unwrap();
    profile.name = "阳光小学（联系13812345678）".into();
    gongshi_app::school::save_school(&mut store, &op, profile).unwrap();
    fees::import(&mut store, &op, SEMESTER, &xlsx(&GOOD), "收费.xlsx").unwrap();
    fees::approve(&mut store, &op, SEMESTER, "李新义", d("2026-08-25")).unwrap();
    let err = gongshi_app::sms::for_fees(&store, SEMESTER, None, 200)
        .unwrap_err()
        .to_string();
    assert!(err.contains("不能发送"), "{err}");
    assert!(!err.contains("13812345678"), "the number is masked: {err}");
}
