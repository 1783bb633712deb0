//! 领导述职与民主评议 and 师德承诺 as the demo school has them: the
//! sheets' golden text, the rules that stop a sheet, the school's grades,
//! the 签名表.

use gongshi_app::domain::category::Category;
use gongshi_app::domain::lines::appraisal;
use gongshi_app::{Store, items, people, people_sheets};

use super::lines::sheet_text;
use super::{clerk, demo_item as item_of, demo_store as demo, golden, now, pdftotext};

/// The demo's item of `category`, its title and 评议日期 fixed (the demo
/// dates them in the current week), so the golden text holds.
fn fixed(store: &mut Store, category: Category) -> i64 {
    let item = item_of(store, category);
    let mut content = items::current(store, item).unwrap().content;
    content.title = content.title.replacen(&content.title[..4], "2026", 1);
    if content.fields.contains_key(appraisal::DATE_FIELD) {
        content
            .fields
            .insert(appraisal::DATE_FIELD.into(), "2026-11-30".into());
    }
    if content.fields.contains_key("year") {
        content.fields.insert("year".into(), "2026".into());
    }
    items::edit(store, &clerk(), item, content).unwrap();
    item
}

#[test]
fn the_appraisal_lists_every_leader_with_exact_shares_and_its_formula() {
    let (_dir, mut store) = demo();
    let item = fixed(&mut store, Category::LeaderReport);
    let text = sheet_text(&store, item);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // 45 of 56 valid ballots is 80.357…%; 满意率 (45 + 9) / 56 = 96.428…%.
    for shown in [
        "发出评议票60张，收回58张，其中有效票56张",
        "45票（80.4%）",
        "96.4%",
        "王副校长",
        "陈主任",
        "满意率=（优秀票数+称职票数）÷有效票数×100%",
        "保留一位小数（第二位四舍五入）",
        "述职要点",
    ] {
        assert!(flat.contains(shown), "{shown} in {text}");
    }
    let tally = people::tally(&store, item).unwrap();
    assert_eq!(tally.leaders.len(), 3);
    assert_eq!(
        appraisal::percent(tally.satisfied_votes(&tally.leaders[2]), 56),
        "89.3%"
    );
    golden("appraisal-sheet", &text);
}

#[test]
fn a_tally_that_does_not_add_up_is_refused_and_nothing_changes() {
    let (_dir, mut store) = demo();
    let item = item_of(&store, Category::LeaderReport);
    let before = items::current(&store, item).unwrap().content;
    let with = |key: &str, value: &str| {
        let mut c = before.clone();
        c.fields.insert(key.into(), value.into());
        c
    };
    for (content, says) in [
        (
            with(appraisal::VALID_FIELD, "52"),
            "第2人（王副校长）的票数合计56票，多于有效票数52票",
        ),
        (
            with(appraisal::RETURNED_FIELD, "40"),
            "有效票数：56张多于收回的40张",
        ),
        (with(appraisal::ISSUED_FIELD, "-5"), "发出票数：不能为负数"),
        (
            with(appraisal::DATE_FIELD, "2099-01-01"),
            "评议日期：2099-01-01还没有到",
        ),
    ] {
        let err = items::edit(&mut store, &clerk(), item, content)
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{says}: {err}");
        assert_eq!(items::current(&store, item).unwrap().content, before);
    }
    // Full-width digits are digits.
    items::edit(
        &mut store,
        &clerk(),
        item,
        with(appraisal::ISSUED_FIELD, "６０"),
    )
    .unwrap();
    assert_eq!(
        items::current(&store, item).unwrap().content.fields[appraisal::ISSUED_FIELD],
        "60"
    );
}

#[test]
fn the_grades_stay_while_a_tally_on_them_is_on_its_way_to_the_board() {
    let (_dir, mut store) = demo();
    let item = item_of(&store, Category::LeaderReport);
    items::submit(&mut store, &clerk(), item).unwrap();
    let err = people::set_appraisal_scale(&mut store, &clerk(), "满意、不满意", Some(1))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("事项{item}")) && err.contains("待审核"),
        "{err}"
    );
    assert_eq!(people::appraisal_scale(&store).unwrap().grades().len(), 4);
    people::tally(&store, item).unwrap();
}

#[test]
fn the_schools_grades_shape_the_template_and_refuse_an_old_table() {
    let (_dir, mut store) = demo();
    let three = "满意、基本满意、不满意";
    let bad = people::set_appraisal_scale(&mut store, &clerk(), three, Some(3)).unwrap_err();
    assert!(bad.to_string().starts_with("计入满意的等次："), "{bad}");
    assert_eq!(people::appraisal_scale(&store).unwrap().grades().len(), 4);
    people::set_appraisal_scale(&mut store, &clerk(), three, Some(1)).unwrap();
    let schema = gongshi_app::line_tables::schema(&store, Category::LeaderReport).unwrap();
    assert_eq!(
        schema.headers()[3..],
        ["满意(票)", "基本满意(票)", "不满意(票)"]
    );
    // The demo's table was tallied on four grades: it asks for the new
    // columns rather than reading them wrongly.
    let item = item_of(&store, Category::LeaderReport);
    let err = people::tally(&store, item).unwrap_err().to_string();
    assert!(err.contains("满意(票)"), "{err}");
    let csv = "姓名,职务,述职要点,满意(票),基本满意(票),不满意(票)\n李校长,校长,,50,5,1\n";
    gongshi_app::line_tables::import(&mut store, &clerk(), item, csv.as_bytes(), "评议.csv")
        .unwrap();
    let text: String = sheet_text(&store, item)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("满意率=满意票数÷有效票数×100%"), "{text}");
    assert!(text.contains("50票（89.3%）"), "{text}");
}

#[test]
fn the_pledge_prints_its_text_and_names_and_a_signing_sheet() {
    let (_dir, mut store) = demo();
    let item = fixed(&mut store, Category::EthicsPledge);
    let text = sheet_text(&store, item);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for shown in [
        "不乱收费",
        "不接受家长任何形式的馈赠",
        "一票否决",
        "承诺教师（共6人）",
        "刘芳赵磊",
        "投诉渠道：校长信箱、校务公开意见箱",
    ] {
        assert!(flat.contains(shown), "{shown} in {text}");
    }
    golden("pledge-sheet", &text);
    let signing = people_sheets::signing_sheet(&store, item, now(), Default::default()).unwrap();
    let signed = pdftotext(&signing.pdf().unwrap());
    for shown in ["本人签名", "签名日期", "刘芳", "郑华", "综合组", "共6人"] {
        assert!(signed.contains(shown), "{shown} in {signed}");
    }
    let other = item_of(&store, Category::LeaderReport);
    let err = people_sheets::signing_sheet(&store, other, now(), Default::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("签名表只用于师德承诺"), "{err}");
}

#[test]
fn a_new_pledge_starts_from_the_default_text() {
    let (_dir, mut store) = demo();
    let mut content = items::current(&store, item_of(&store, Category::EthicsPledge))
        .unwrap()
        .content;
    content.body = String::new();
    content.table = None;
    let saved = items::create(&mut store, &clerk(), Category::EthicsPledge, content).unwrap();
    assert!(saved.revision.content.body.contains("不体罚学生"));
}

#[test]
fn a_case_is_internal_and_a_veto_may_name_it() {
    let (_dir, mut store) = demo();
    let err = people::add_ethics_case(&mut store, &clerk(), "", super::d("2026-05-08"), "")
        .unwrap_err()
        .to_string();
    assert_eq!(err, "教师：不能为空；查实情况：不能为空");
    assert!(people::ethics_cases(&store).unwrap().is_empty());
    let id = people::add_ethics_case(
        &mut store,
        &clerk(),
        "周敏",
        super::d("2026-05-08"),
        "收受家长购物卡一张，已退还",
    )
    .unwrap();
    let cx = gongshi_app::table_io::context(&store).unwrap();
    assert_eq!(
        cx.ethics_cases,
        [(u32::try_from(id).unwrap(), "周敏".to_owned())]
    );
}
