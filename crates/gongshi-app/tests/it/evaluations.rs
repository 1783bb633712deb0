//! Evaluation rounds through the jobs: the template filled and imported
//! (all or nothing), the ranking on the result sheet, the internal Excel,
//! the round as a disclosure item.

use gongshi_app::domain::evaluation::{
    DEFAULT_TIE_BREAK, RoundKind, RoundSettings, default_components, template_header,
};
use gongshi_app::domain::workflow::Status;
use gongshi_app::{AppError, Store, eval_sheets, evaluations, items};

use super::{clerk, d, golden, now, pdftotext};

const ROUND: &str = "2026年度优秀教师评选";

fn settings(quota: u32) -> RoundSettings {
    RoundSettings {
        name: ROUND.into(),
        kind: RoundKind::Award,
        quota,
        criteria: "热爱教育事业，师德高尚；教学成绩突出，近三年考核均为合格以上。".into(),
        components: default_components(),
        tie_break: vec![DEFAULT_TIE_BREAK.into()],
        posting_days: 5,
        objection_office: "学校纪检监督小组".into(),
        objection_phone: "0371-6523 8002".into(),
        name_unranked: false,
    }
}

fn store_with_round(quota: u32) -> Store {
    let mut store = super::store();
    evaluations::save_round(&mut store, &clerk(), None, settings(quota)).unwrap();
    store
}

fn xlsx(rows: &[[&str; 7]]) -> Vec<u8> {
    super::filled_template(&template_header(&settings(1)), rows)
}

/// 王芳 and 李娜 tie on total (84) and 考核成绩 across a quota of 2 with
/// 赵强 first; 陈刚 scored highest but failed 师德.
const SCORES: [[&str; 7]; 5] = [
    ["赵强", "数学组", "95", "90", "92", "合格", ""],
    ["王芳", "语文组", "90", "80", "80", "合格", ""],
    ["李娜", "英语组", "90", "80", "80", "合格", ""],
    [
        "陈刚",
        "体育组",
        "99",
        "98",
        "99",
        "不合格",
        "有偿补课，经查属实",
    ],
    ["周敏", "语文组", "87", "76", "78.5", "合格", ""],
];

#[test]
fn the_template_filled_in_imports_and_ranks_with_the_quota_line() {
    let mut store = store_with_round(2);
    let template = evaluations::template(&store, ROUND).unwrap();
    // The template reads back with its header and no rows.
    let err = evaluations::read(&store, &settings(2), &template, "模板.xlsx").unwrap_err();
    assert!(err.to_string().contains("没有候选人"), "{err}");

    let r = evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    assert_eq!(r.candidates.len(), 5);
    assert_eq!(r.candidates[4].scores[2].0, 7850, "78.5 stored exactly");
    let pdf = eval_sheets::result_sheet(&store, ROUND, now(), Default::default()).unwrap();
    let text = pdftotext(&pdf);
    for expected in [
        "2026年度优秀教师评选结果公示",
        "推荐名额：2名",
        "综合得分 = 民意测评×40% + 工作量化×30% + 考核成绩×30%",
        "拟推荐",
        "并列（名额线）",
        "另有1人不符合推荐条件，未列入排名。",
        "跨越2名的名额线",
        "学校纪检监督小组",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(
        !text.contains("有偿补课"),
        "the veto's reason is internal: {text}"
    );
    assert!(!text.contains("陈刚"), "the vetoed is not named: {text}");
    golden("eval-result", &text);
}

#[test]
fn a_bad_file_stores_nothing_and_names_every_row_and_column() {
    let mut store = store_with_round(2);
    let mut rows = SCORES.to_vec();
    rows[0][2] = "九十五";
    rows[1][4] = "100.5";
    rows[3][6] = "";
    rows[4][0] = "李娜";
    rows[4][1] = "英语组";
    let err =
        evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&rows), "评分.xlsx").unwrap_err();
    let AppError::Import(lines) = &err else {
        panic!("{err}")
    };
    // Title row 1, header row 2: the first candidate is row 3.
    assert!(lines[0].starts_with("第3行 民意测评："), "{lines:?}");
    assert!(lines[1].starts_with("第4行 考核成绩："), "{lines:?}");
    assert!(
        lines[2].starts_with("第6行 备注：师德不合格须写明原因"),
        "{lines:?}"
    );
    assert!(lines[3].starts_with("第7行 姓名：与第5行重复"), "{lines:?}");
    assert!(
        evaluations::round(&store, ROUND)
            .unwrap()
            .candidates
            .is_empty()
    );
}

#[test]
fn a_gbk_csv_imports_too() {
    let mut store = store_with_round(1);
    let mut text = gongshi_app::domain::evaluation::template_header(&settings(1)).join(",");
    text.push_str("\n赵强,数学组,95,90,92,合格,\n");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let r = evaluations::import(&mut store, &clerk(), ROUND, &gbk, "评分.csv").unwrap();
    assert_eq!(r.candidates[0].name, "赵强");
}

#[test]
fn round_rules_are_checked_and_components_fixed_once_scored() {
    let mut store = super::store();
    let mut bad = settings(2);
    bad.components[0].weight = 50;
    let err = evaluations::save_round(&mut store, &clerk(), None, bad).unwrap_err();
    assert!(
        err.to_string().contains("合计应为100%，现在是110%"),
        "{err}"
    );

    evaluations::save_round(&mut store, &clerk(), None, settings(2)).unwrap();
    let err = evaluations::save_round(&mut store, &clerk(), None, settings(2)).unwrap_err();
    assert!(err.to_string().contains("已有名为"), "{err}");
    evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    let mut renamed = settings(3);
    renamed.components[2].name = "年度考核".into();
    renamed.tie_break = vec!["年度考核".into()];
    let err =
        evaluations::save_round(&mut store, &clerk(), Some(ROUND.into()), renamed).unwrap_err();
    assert!(
        err.to_string().contains("不能再增删或改名评分项目"),
        "{err}"
    );
    // The quota and weights may still change.
    let mut weights = settings(3);
    weights.components[0].weight = 50;
    weights.components[1].weight = 20;
    let r = evaluations::save_round(&mut store, &clerk(), Some(ROUND.into()), weights).unwrap();
    assert_eq!(r.settings.quota, 3);
}

#[test]
fn the_committees_excel_has_every_score_and_the_vetos_reason() {
    use calamine::{Data, Reader, Xlsx};
    let mut store = store_with_round(2);
    evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    let bytes = eval_sheets::export(&store, ROUND).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("评分明细").unwrap();
    let title = sheet.get_value((0, 0)).unwrap().to_string();
    assert!(title.contains("内部"), "{title}");
    // Title, subtitle, header; then 赵强 first: 95×40% + 90×30% + 92×30% = 92.6.
    assert_eq!(sheet.get_value((3, 1)), Some(&Data::String("赵强".into())));
    assert_eq!(sheet.get_value((3, 6)), Some(&Data::Float(92.6)));
    // 名次 is a number a spreadsheet sorts, not text.
    assert_eq!(sheet.get_value((3, 0)), Some(&Data::Float(1.0)));
    let last = sheet.height() - 1;
    assert_eq!(
        sheet.get_value((last as u32, 9)),
        Some(&Data::String("有偿补课，经查属实".into()))
    );
}

#[test]
fn the_round_becomes_a_disclosure_item_and_freezes_when_submitted() {
    let mut store = store_with_round(2);
    let op = clerk();
    let err = evaluations::publish(&mut store, &op, ROUND, d("2026-11-23")).unwrap_err();
    assert!(err.to_string().contains("还没有录入"), "{err}");
    evaluations::import(&mut store, &op, ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    let saved = evaluations::publish(&mut store, &op, ROUND, d("2026-11-23")).unwrap();
    let rev = saved.revision;
    assert_eq!(rev.category, gongshi_app::domain::category::Category::Award);
    assert_eq!(rev.content.title, "2026年度优秀教师评选结果公示");
    let table = rev.content.table.as_ref().unwrap();
    assert_eq!(table.rows[0][1], "赵强");
    // The item is posted: 陈刚, vetoed, is only counted, as on the sheet.
    assert_eq!(table.rows.len(), 4);
    assert!(table.rows.iter().all(|r| r[1] != "陈刚"));
    assert!(
        rev.content
            .body
            .contains("另有1人不符合推荐条件，未列入排名。"),
        "{}",
        rev.content.body
    );
    assert!(!rev.content.body.contains("师德考核不合格"));
    // Published again while a draft: the same item, updated.
    let again = evaluations::publish(&mut store, &op, ROUND, d("2026-11-23")).unwrap();
    assert_eq!(again.revision.item_id, rev.item_id);

    // A kind changed after publishing is named, not posted under the old one.
    let mut title = settings(2);
    title.kind = RoundKind::Title;
    evaluations::save_round(&mut store, &op, Some(ROUND.into()), title).unwrap();
    let err = evaluations::publish(&mut store, &op, ROUND, d("2026-11-23")).unwrap_err();
    assert!(
        err.to_string().contains("评选类型现在是“职称评聘”"),
        "{err}"
    );
    evaluations::save_round(&mut store, &op, Some(ROUND.into()), settings(2)).unwrap();

    items::submit(&mut store, &op, rev.item_id).unwrap();
    assert_eq!(
        store.current_revision(rev.item_id).unwrap().unwrap().status,
        Status::Pending
    );
    let err = evaluations::import(&mut store, &op, ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap_err();
    assert!(err.to_string().contains("已提交审核"), "{err}");
}

/// Writes the result sheet to `$GONGSHI_LOOK/eval-result.pdf` when set (to
/// look at the page while working on it); otherwise checks it has one page.
#[test]
fn the_result_sheet_fits_one_a4_page() {
    let mut store = store_with_round(2);
    evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    let pdf = eval_sheets::result_sheet(&store, ROUND, now(), Default::default()).unwrap();
    if let Some(dir) = std::env::var_os("GONGSHI_LOOK") {
        std::fs::write(std::path::Path::new(&dir).join("eval-result.pdf"), &pdf).unwrap();
    }
    assert_eq!(pdftotext(&pdf).matches('\u{c}').count(), 1, "one page");
}

#[test]
fn an_objection_phone_the_school_does_not_list_is_refused_when_the_round_is_saved() {
    let mut store = super::store();
    let mut other = settings(2);
    other.objection_phone = "0371-6999 0000".into();
    let err = evaluations::save_round(&mut store, &clerk(), None, other.clone())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("异议电话："), "{err}");
    assert!(err.contains("异议电话须是学校信息中的电话"), "{err}");
    assert!(evaluations::round(&store, ROUND).is_err());
    // Listed as a hotline, it prints on the sheet and on the posted item alike.
    let mut school = gongshi_app::school::profile(&store).unwrap().unwrap();
    school.hotlines.push("0371-6999 0000".into());
    gongshi_app::school::save_school(&mut store, &clerk(), school).unwrap();
    evaluations::save_round(&mut store, &clerk(), None, other).unwrap();
    evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    eval_sheets::result_sheet(&store, ROUND, now(), Default::default()).unwrap();
    evaluations::publish(&mut store, &clerk(), ROUND, d("2026-11-23")).unwrap();
}

/// A round whose criteria do not mention 师德, so that the word on the
/// sheet could only come from the veto.
fn round_without_ethics_in_its_criteria(name_unranked: bool) -> Store {
    let mut store = super::store();
    let round = RoundSettings {
        criteria: "热爱教育事业；教学成绩突出，近三年考核均为合格以上。".into(),
        name_unranked,
        ..settings(2)
    };
    evaluations::save_round(&mut store, &clerk(), None, round).unwrap();
    evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    store
}

#[test]
fn by_default_the_public_sheet_counts_the_vetoed_without_naming_them_or_why() {
    let store = round_without_ethics_in_its_criteria(false);
    let pdf = eval_sheets::result_sheet(&store, ROUND, now(), Default::default()).unwrap();
    let text = pdftotext(&pdf);
    assert!(!text.contains("陈刚"), "{text}");
    assert!(!text.contains("体育组"), "{text}");
    assert!(!text.contains("师德"), "{text}");
    assert!(
        text.contains("另有1人不符合推荐条件，未列入排名。"),
        "{text}"
    );
    for ranked in ["赵强", "王芳", "李娜", "周敏"] {
        assert!(text.contains(ranked), "{ranked}: {text}");
    }
    // The preview is the same sheet.
    let (pages, refused) = eval_sheets::preview(&store, ROUND, now(), Default::default()).unwrap();
    assert_eq!(refused, None);
    let lines: Vec<&str> = pages.iter().flat_map(|p| p.text_lines()).collect();
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("陈刚") || l.contains("师德"))
    );

    // The committee's Excel still has him, and why.
    let workbook = committee_rows(&store);
    let chen = workbook.iter().find(|r| r[1] == "陈刚").unwrap();
    assert_eq!(chen[7], "一票否决");
    assert_eq!(chen[9], "有偿补课，经查属实");
}

#[test]
fn a_round_that_names_the_unranked_lists_them_under_the_veto_rule() {
    let store = round_without_ethics_in_its_criteria(true);
    let pdf = eval_sheets::result_sheet(&store, ROUND, now(), Default::default()).unwrap();
    let text = pdftotext(&pdf);
    assert!(text.contains("陈刚"), "{text}");
    assert!(text.contains("师德考核不合格者不列入排序"), "{text}");
    assert!(text.contains("不符合推荐条件"), "{text}");
    assert!(!text.contains("未列入排名"), "{text}");
    assert!(
        !text.contains("有偿补课"),
        "the reason stays internal: {text}"
    );
    let workbook = committee_rows(&store);
    assert!(
        workbook
            .iter()
            .any(|r| r[1] == "陈刚" && r[9] == "有偿补课，经查属实")
    );
}

#[test]
fn the_naming_setting_is_saved_with_the_round_and_changed_back() {
    let mut store = round_without_ethics_in_its_criteria(false);
    assert!(
        !evaluations::round(&store, ROUND)
            .unwrap()
            .settings
            .name_unranked
    );
    let mut named = evaluations::round(&store, ROUND).unwrap().settings;
    named.name_unranked = true;
    let r = evaluations::save_round(&mut store, &clerk(), Some(ROUND.into()), named).unwrap();
    assert!(r.settings.name_unranked);
    let table = evaluations::public_table(
        &r,
        &gongshi_app::domain::evaluation::rank(&r.settings, &r.candidates),
    );
    assert_eq!(table.rows.len(), 5);
}

/// The rows of the committee's Excel, as text.
fn committee_rows(store: &Store) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let bytes = eval_sheets::export(store, ROUND).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("评分明细").unwrap();
    sheet
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect()
}

#[test]
fn a_renamed_round_keeps_its_id_scores_and_history() {
    let mut store = store_with_round(2);
    let first =
        evaluations::import(&mut store, &clerk(), ROUND, &xlsx(&SCORES), "评分.xlsx").unwrap();
    let mut renamed = first.settings.clone();
    renamed.name = "2026年度优秀班主任评选".into();
    let r = evaluations::save_round(&mut store, &clerk(), Some(first.id.into()), renamed).unwrap();
    assert_eq!(r.id, first.id);
    assert_eq!(r.candidates, first.candidates);
    let err = evaluations::round(&store, ROUND).unwrap_err();
    assert!(err.to_string().contains("没有名为"), "{err}");
    assert_eq!(
        evaluations::round(&store, "2026年度优秀班主任评选")
            .unwrap()
            .id,
        r.id
    );
    // The round's history is one thread across the rename: keyed by id.
    let id = r.id.to_string();
    let history: Vec<_> = store
        .audit_entries(100)
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == "eval_round" && e.entity_id == id)
        .map(|e| e.action)
        .collect();
    assert_eq!(history.len(), 3, "{history:?}");
    assert!(history.contains(&"新建评选".to_owned()));
    assert!(history.contains(&"修改评选".to_owned()));
    // A new round may now take the old name, and is another round.
    let again = evaluations::save_round(&mut store, &clerk(), None, settings(2)).unwrap();
    assert_ne!(again.id, r.id);
    assert!(again.candidates.is_empty());
}
