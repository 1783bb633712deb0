use std::collections::BTreeMap;

use super::*;
use crate::category::Category;
use crate::item::{ItemContent, ItemTable};
use crate::lines::{self, Lines};
use crate::table::{Context, Numbering};

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|c| (*c).to_owned()).collect()
}

#[test]
fn shares_are_exact_and_rounded_half_up_to_one_decimal() {
    for (part, whole, shown) in [
        (47, 52, "90.4%"), // 90.3846…
        (1, 3, "33.3%"),   // 33.333…
        (2, 3, "66.7%"),   // 66.666…
        (1, 8, "12.5%"),   // exact
        (1, 16, "6.3%"),   // 6.25: half up
        (1, 400, "0.3%"),  // 0.25: half up
        (1, 2001, "0.0%"), // 0.0499…
        (0, 50, "0.0%"),
        (50, 50, "100.0%"),
        (999_999, 1_000_000, "100.0%"), // 99.9999: rounds up to 100.0
    ] {
        assert_eq!(percent(part, whole), shown, "{part}/{whole}");
    }
}

#[test]
fn the_formula_names_the_grades_that_count() {
    assert_eq!(
        Scale::default().formula(),
        "满意率 = （优秀票数 + 称职票数） ÷ 有效票数 × 100%"
    );
    let three = Scale::new(&s(&["满意", "基本满意", "不满意"]), 1).unwrap();
    assert_eq!(three.formula(), "满意率 = 满意票数 ÷ 有效票数 × 100%");
}

#[test]
fn a_scale_is_refused_naming_what_is_wrong() {
    for (grades, satisfied, says) in [
        (s(&["优秀"]), 1, "评议等次：应有2至6个等次（现有1个）"),
        (s(&["优秀", "优秀", "差"]), 1, "评议等次：“优秀”重复"),
        (s(&["优秀", ""]), 1, "评议等次：不能为空"),
        (s(&["优秀", "称职"]), 2, "计入满意的等次：应为1至1个"),
        (s(&["优秀", "称职", "差"]), 0, "计入满意的等次：应为1至2个"),
        (
            s(&["a", "b", "c", "d", "e", "f", "g"]),
            2,
            "评议等次：应有2至6个等次（现有7个）",
        ),
    ] {
        let err = Scale::new(&grades, satisfied).unwrap_err().to_string();
        assert!(err.contains(says), "{grades:?} {satisfied}: {err}");
    }
}

#[test]
fn ballots_must_add_up() {
    for (issued, returned, valid, says) in [
        (52, 53, 50, Some("收回票数：53张多于发出的52张")),
        (52, 50, 51, Some("有效票数：51张多于收回的50张")),
        (52, 0, 0, Some("有效票数：为0")),
        (52, 52, 52, None),
        (52, 51, 50, None),
    ] {
        let b = Ballots {
            issued,
            returned,
            valid,
        };
        match (b.check(), says) {
            (Ok(()), None) => {}
            (Err(e), Some(says)) => assert!(e.to_string().contains(says), "{e}"),
            (got, want) => panic!("{issued}/{returned}/{valid}: {got:?}, wanted {want:?}"),
        }
    }
}

fn content(rows: &[&[&str]], ballots: Option<(&str, &str, &str)>) -> ItemContent {
    let mut fields = BTreeMap::new();
    if let Some((i, r, v)) = ballots {
        fields.insert(ISSUED_FIELD.to_owned(), i.to_owned());
        fields.insert(RETURNED_FIELD.to_owned(), r.to_owned());
        fields.insert(VALID_FIELD.to_owned(), v.to_owned());
    }
    ItemContent {
        title: "2026年度校级领导述职与民主评议结果".into(),
        body: String::new(),
        fields,
        table: Some(ItemTable {
            columns: schema(&Scale::default()).headers(),
            rows: rows.iter().map(|r| s(r)).collect(),
        }),
        posting_days: 5,
        planned_start: None,
    }
}

fn tally(c: &ItemContent) -> Appraisal {
    match lines::read(Category::LeaderReport, c, &Context::default()).unwrap() {
        Some(Lines::Appraisal(a)) => a,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_leaders_votes_may_not_exceed_the_valid_ballots() {
    let c = content(
        &[
            &["王建国", "校长", "", "40", "8", "2", "0"],
            &["李敏", "副校长", "", "30", "15", "5", "1"],
        ],
        Some(("52", "51", "50")),
    );
    let err = lines::read(Category::LeaderReport, &c, &Context::default())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "表格：第2人（李敏）的票数合计51票，多于有效票数50票");
    let ok = content(
        &[&["王建国", "校长", "", "40", "8", "2", "0"]],
        Some(("52", "51", "50")),
    );
    let a = tally(&ok);
    assert_eq!(a.check().unwrap().valid, 50);
    assert_eq!(a.leaders[0].votes, [40, 8, 2, 0]);
    assert_eq!(a.satisfied_votes(&a.leaders[0]), 48);
    // A grade left empty is not a zero: the tally states every grade.
    let empty = content(&[&["王建国", "校长", "", "40", "8", "2", ""]], None);
    let err = lines::read(Category::LeaderReport, &empty, &Context::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("不称职(票)：不能为空"), "{err}");
}

#[test]
fn ballots_that_cannot_be_are_refused_with_or_without_a_table() {
    let mut c = content(&[], Some(("52", "53", "50")));
    c.table = None;
    let err = lines::read(Category::LeaderReport, &c, &Context::default())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "收回票数：53张多于发出的52张");
}

#[test]
fn the_tally_waits_for_its_ballots() {
    let c = content(&[&["王建国", "校长", "", "40", "8", "2", "0"]], None);
    let err = tally(&c).check().unwrap_err().to_string();
    assert!(err.starts_with("有效票数：请先填写"), "{err}");
}

#[test]
fn bad_cells_are_named_by_row_and_column() {
    let rows = vec![
        (4, s(&["王建国", "校长", "", "40", "8", "2", "0"])),
        (5, s(&["", "副校长", "", "四十", "2", "3", "-1"])),
        (6, s(&["王建国", "书记", "", "1", "2", "3", "0"])),
    ];
    let errs = lines::table_of(
        Category::LeaderReport,
        &rows,
        Numbering::File,
        &Context::default(),
    )
    .unwrap_err();
    let said: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "第5行 姓名：不能为空",
            "第5行 优秀(票)：“四十”不是整数（例：12）",
            "第5行 不称职(票)：“-1”不是整数（例：12）",
            "第6行 姓名：与第4行重复",
        ]
    );
}

#[test]
fn the_schema_follows_the_schools_grades() {
    let cx = Context {
        appraisal: Scale::new(&s(&["满意", "基本满意", "不满意"]), 1).unwrap(),
        ..Context::default()
    };
    let headers = lines::schema(Category::LeaderReport, &cx)
        .unwrap()
        .headers();
    assert_eq!(
        headers,
        [
            "姓名",
            "职务",
            "述职要点",
            "满意(票)",
            "基本满意(票)",
            "不满意(票)"
        ]
    );
}
