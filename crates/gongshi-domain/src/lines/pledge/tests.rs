use super::*;
use crate::category::Category;
use crate::lines::{self, Lines};
use crate::table::{Context, Numbering};

fn row(n: usize, cells: &[&str]) -> (usize, Vec<String>) {
    (n, cells.iter().map(|c| (*c).to_owned()).collect())
}

#[test]
fn signers_are_grouped_in_the_order_first_seen() {
    let signers: Vec<Signer> = [("张老师", "语文组"), ("李明", "数学组"), ("王芳", "语文组")]
        .iter()
        .map(|(n, g)| Signer {
            name: (*n).into(),
            group: (*g).into(),
        })
        .collect();
    assert_eq!(
        by_group(&signers),
        [
            (
                "语文组".to_owned(),
                vec!["张老师".to_owned(), "王芳".to_owned()]
            ),
            ("数学组".to_owned(), vec!["李明".to_owned()]),
        ]
    );
}

#[test]
fn a_signer_twice_in_one_group_and_bad_names_are_refused() {
    let rows = [
        row(4, &["张 伟", "语文组"]),
        row(5, &["张伟", "语文组"]),
        row(6, &["张伟", "数学组"]),
        row(7, &["李四（班主任）", "数学组"]),
        row(8, &["王五", ""]),
    ];
    let errs = lines::table_of(
        Category::EthicsPledge,
        &rows,
        Numbering::File,
        &Context::default(),
    )
    .unwrap_err();
    let said: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert_eq!(said[0], "第5行 姓名：与第4行重复");
    assert!(said[1].starts_with("第7行 姓名："), "{said:?}");
    assert_eq!(said[2], "第8行 学科/年级组：不能为空");
    let good = lines::table_of(
        Category::EthicsPledge,
        &rows[..1],
        Numbering::File,
        &Context::default(),
    )
    .unwrap();
    assert_eq!(good.rows, [vec!["张伟".to_owned(), "语文组".to_owned()]]);
    let content = crate::item::ItemContent {
        title: "师德承诺".into(),
        body: DEFAULT_TEXT.into(),
        fields: Default::default(),
        table: Some(good),
        posting_days: 5,
        planned_start: None,
    };
    match lines::read(Category::EthicsPledge, &content, &Context::default()).unwrap() {
        Some(Lines::Pledge(s)) => assert_eq!(s[0].name, "张伟"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_default_pledge_holds_the_four_pledges_and_the_veto() {
    for words in [
        "不乱收费",
        "不乱办班",
        "不体罚学生",
        "不接受家长任何形式的馈赠",
        "一票否决",
    ] {
        assert!(DEFAULT_TEXT.contains(words), "{words}");
    }
    assert_eq!(Category::EthicsPledge.default_body(), Some(DEFAULT_TEXT));
}
