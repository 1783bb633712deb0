use std::collections::BTreeMap;

use super::*;
use crate::grades::SchoolGrades;
use crate::table::Context;

fn s(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn cx() -> Context {
    Context {
        grades: SchoolGrades::parse("小学").unwrap(),
        classes: vec![(3, "1班".into()), (3, "2班".into())],
        ..Context::default()
    }
}

fn content(category: Category, rows: &[&[&str]], fields: &[(&str, &str)]) -> ItemContent {
    ItemContent {
        title: "公示".into(),
        body: "现予公示。".into(),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        table: Some(ItemTable {
            columns: schema(category, &Context::default()).unwrap().headers(),
            rows: rows.iter().map(|r| s(r)).collect(),
        }),
        posting_days: 5,
        planned_start: None,
    }
}

const NOVEMBER: &[&[&str]] = &[
    &["收入", "财政拨款收入", "", "11月生均公用经费", "120,000.00"],
    &["收入", "其他收入", "", "利息", "35.20"],
    &["支出", "人员经费", "", "绩效工资", "60,000"],
    &["支出", "公用经费", "水电费", "10月水电", "8,765.43"],
    &["支出", "公用经费", "维修费", "教室门窗", "3,200.00"],
];

#[test]
fn a_statement_balances_from_the_opening_and_its_lines() {
    // Each case: the books' closing balance, and the difference named.
    let cases: &[(Option<&str>, Option<&str>)] = &[
        (None, None),
        (Some("98,069.77"), None),
        (Some("98069.67"), Some("相差0.10元")),
        (Some("-1.00"), Some("相差98,070.77元")),
    ];
    for (books, refused) in cases {
        let mut fields = vec![("opening", "50,000.00")];
        if let Some(b) = books {
            fields.push(("closing", b));
        }
        let c = content(Category::Finance, NOVEMBER, &fields);
        let Some(Lines::Finance(st)) = read(Category::Finance, &c, &cx()).unwrap() else {
            panic!("a statement");
        };
        assert_eq!(st.income(), Fen(12_003_520));
        assert_eq!(st.expenditure(), Fen(7_196_543));
        assert_eq!(st.closing(), Fen(9_806_977));
        match (st.check_balance(), refused) {
            (Ok(()), None) => {}
            (Err(e), Some(diff)) => {
                let e = e.to_string();
                assert!(e.contains(diff), "{e}");
                assert!(
                    e.starts_with("账面期末结余：按明细算得期末结余98,069.77元"),
                    "{e}"
                );
            }
            (got, want) => panic!("{books:?}: {got:?}, wanted {want:?}"),
        }
    }
}

#[test]
fn a_head_on_the_wrong_side_or_a_bad_amount_is_named() {
    let c = content(
        Category::Finance,
        &[
            &["收入", "人员经费", "", "", "10"],
            &["支出", "公用经费", "", "", "12.345"],
            &["结转", "其他收入", "", "", "1"],
        ],
        &[("opening", "0")],
    );
    let err = read(Category::Finance, &c, &cx()).unwrap_err().to_string();
    for want in [
        "第1项 科目：“人员经费”不是收入科目",
        "第2项 金额(元)：“12.345”最多两位小数（到分）",
        "第3项 收支：“结转”不是可选的一项（收入、支出）",
    ] {
        assert!(err.contains(want), "{err}");
    }
}

fn purchase(count: &str, price: &str, amount: &str, method: &str, reason: &str) -> Vec<String> {
    s(&[
        "交互式电子白板",
        "86英寸",
        count,
        "台",
        price,
        amount,
        "某科技有限公司",
        method,
        "2026-09-01",
        "2026-09-20",
        "王建国",
        reason,
    ])
}

#[test]
fn a_purchase_amount_is_its_count_times_its_price_to_the_fen() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        ("20", "18,500.00", "370,000.00", None),
        ("3", "33.33", "99.99", None),
        (
            "3",
            "33.33",
            "100.00",
            Some("数量3 × 单价33.33元 = 99.99元，与金额100.00元不符"),
        ),
        ("0", "10", "0", Some("不能为0")),
        // Coal by the ton: 2.5 × 1,234.56 = 3,086.40; 0.33 × 10.01 = 3.3033.
        ("2.5", "1,234.56", "3,086.40", None),
        ("0.33", "10.01", "3.30", None),
        (
            "2.5",
            "1,234.56",
            "3,086.39",
            Some("数量2.5 × 单价1,234.56元 = 3,086.40元，与金额3,086.39元不符"),
        ),
        ("-10", "5", "50", Some("“-10”不能为负数")),
        ("1.005", "5", "5", Some("“1.005”最多两位小数")),
    ];
    for (count, price, amount, refused) in cases {
        let got = check_row(
            Category::Procurement,
            &purchase(count, price, amount, "询价", ""),
            &cx(),
        );
        let messages: Vec<&str> = got.iter().map(|e| e.message.as_str()).collect();
        match refused {
            None => assert!(got.is_empty(), "{messages:?}"),
            Some(m) => assert!(messages.contains(m), "{messages:?}"),
        }
    }
}

#[test]
fn a_purchase_above_the_threshold_not_tendered_needs_its_reason() {
    let threshold = Context {
        tender_threshold: Fen(50_000_000),
        ..cx()
    };
    // (amount, method, reason, refused)
    let cases: &[(&str, &str, &str, bool)] = &[
        ("800,000", "询价", "", true),
        ("800,000", "询价", "唯一供应商，经教育局批准", false),
        ("800,000", "政府招标", "", false),
        ("800,000", "公开招标", "", false),
        ("500,000", "单一来源", "", false),
        ("500,000.01", "单一来源", "", true),
    ];
    for (amount, method, reason, refused) in cases {
        let got = check_row(
            Category::Procurement,
            &purchase("1", amount, amount, method, reason),
            &threshold,
        );
        assert_eq!(!got.is_empty(), *refused, "{amount} {method}: {got:?}");
        if *refused {
            assert_eq!(got[0].column, 11);
            assert!(
                got[0].message.contains("超过本校公开招标限额500,000.00元"),
                "{got:?}"
            );
        }
    }
    let missing = check_row(
        Category::Procurement,
        &purchase("1", "5", "5", "", ""),
        &cx(),
    );
    assert_eq!(
        (missing[0].column, missing[0].message.as_str()),
        (7, "不能为空")
    );
}

#[test]
fn purchases_total_by_method() {
    let c = content(
        Category::Procurement,
        &[
            &[
                "白板",
                "",
                "2",
                "台",
                "100",
                "200",
                "甲",
                "公开招标",
                "",
                "",
                "",
                "",
            ],
            &[
                "粉笔",
                "",
                "10",
                "盒",
                "5.5",
                "55",
                "乙",
                "网上商城/电子卖场",
                "",
                "",
                "",
                "",
            ],
            &[
                "投影",
                "",
                "1",
                "台",
                "300",
                "300",
                "丙",
                "公开招标",
                "",
                "",
                "",
                "",
            ],
        ],
        &[],
    );
    let Some(Lines::Procurement(lines)) = read(Category::Procurement, &c, &cx()).unwrap() else {
        panic!("purchases");
    };
    assert_eq!(
        procurement::totals_by_method(&lines),
        [
            ("公开招标", 2, Fen(50_000)),
            ("网上商城/电子卖场", 1, Fen(5_500))
        ]
    );
}

#[test]
fn a_subsidy_list_is_public_masked_without_its_internal_columns() {
    let rows: &[&[&str]] = &[
        &[
            "张小明",
            "三年级1班",
            "生活补助",
            "一档",
            "750",
            "11010519491231002X",
            "幸福路12号",
            "13812345678",
            "低保",
            "6222020200112233445",
        ],
        &[
            "欧阳华",
            "五年级2班",
            "生活补助",
            "二档",
            "500",
            "",
            "",
            "",
            "",
            "",
        ],
        &[
            "买买提·艾力",
            "三年级2班",
            "生活补助",
            "一档",
            "750",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let c = content(Category::Subsidy, rows, &[]);
    let public = c
        .table
        .as_ref()
        .unwrap()
        .public(Category::Subsidy, &Context::default());
    assert_eq!(
        public.columns,
        ["姓名", "班级", "资助项目", "资助档次", "金额(元)"]
    );
    assert_eq!(
        public.rows[0],
        ["张*明", "三年级1班", "生活补助", "一档", "750"]
    );
    assert_eq!(public.rows[1][0], "欧阳*");
    assert!(
        !public
            .rows
            .concat()
            .iter()
            .any(|c| c.contains("1101") || c.contains("幸福路"))
    );
    let Some(Lines::Subsidy(grants)) = read(Category::Subsidy, &c, &cx()).unwrap() else {
        panic!("grants");
    };
    assert_eq!(
        subsidy::totals_by_level(&grants),
        [
            ("一档".to_owned(), 2, Fen(150_000)),
            ("二档".to_owned(), 1, Fen(50_000))
        ]
    );
}

#[test]
fn an_unknown_class_or_a_table_of_other_columns_is_refused() {
    let c = content(
        Category::Subsidy,
        &[&[
            "李四",
            "三年级5班",
            "生活补助",
            "",
            "750",
            "",
            "",
            "",
            "",
            "",
        ]],
        &[],
    );
    let err = read(Category::Subsidy, &c, &cx()).unwrap_err().to_string();
    assert!(
        err.contains("第1项 班级：本校三年级没有5班（已登记：1班、2班）"),
        "{err}"
    );
    let mut other = c.clone();
    other.table.as_mut().unwrap().columns[0] = "学生".into();
    let err = read(Category::Subsidy, &other, &cx())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("学生资助的表格应有这些列：姓名、班级、资助项目"),
        "{err}"
    );
}

#[test]
fn a_file_table_is_stored_in_the_schema_order_and_forms() {
    let rows = vec![(3, s(&["收入", "事业收入", "", "", "1280"]))];
    let t = table_of(Category::Finance, &rows, Numbering::File, &cx()).unwrap();
    assert_eq!(t.columns, finance::schema().headers());
    assert_eq!(t.rows[0][4], "1,280.00");
    let bad = vec![(7, s(&["收入", "事业收入", "", "", "abc"]))];
    let err = table_of(Category::Finance, &bad, Numbering::File, &cx()).unwrap_err();
    assert!(
        err[0].to_string().starts_with("第7行 金额(元)："),
        "{err:?}"
    );
}

#[test]
fn one_child_is_one_line_by_the_id_number() {
    let row = |name: &str, id: &str| -> Vec<String> {
        s(&[
            name,
            "三年级1班",
            "生活补助",
            "一档",
            "750",
            id,
            "",
            "",
            "",
            "",
        ])
    };
    // Two children of one name in one class, with their own ID numbers.
    let two = vec![
        (2, row("李明", "11010519491231002X")),
        (3, row("李明", "110105194912310021")),
        (4, row("王芳", "")),
        (5, row("王芳", "")),
    ];
    assert!(table_of(Category::Subsidy, &two, Numbering::File, &cx()).is_ok());
    // One child twice, under another name.
    let twice = vec![
        (2, row("李明", "11010519491231002X")),
        (3, row("王芳", "11010519491231002X")),
    ];
    let err = table_of(Category::Subsidy, &twice, Numbering::File, &cx()).unwrap_err();
    assert_eq!(err[0].to_string(), "第3行 身份证号：与第2行重复");
}
