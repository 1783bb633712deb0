use super::*;
use crate::grades::SchoolGrades;

fn s(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn schema() -> Schema {
    Schema {
        row_name: "行",
        grid_unit: "项",
        unique: &["name"],
        columns: vec![
            Column::new("name", "姓名", Kind::Person).required(),
            Column::new("class", "班级", Kind::Class),
            Column::new("amount", "金额(元)", Kind::Money).required(),
            Column::new("n", "数量", Kind::Quantity),
            Column::new("way", "方式", Kind::Choice(&["询价", "单一来源"])),
            Column::new("on", "日期", Kind::Date),
            Column::new("ok", "是否自愿", Kind::YesNo).blank("否"),
            Column::new("id", "身份证号", Kind::Text { max: 18 }).internal(),
        ],
    }
}

fn primary() -> Context {
    Context {
        grades: SchoolGrades::parse("小学").unwrap(),
        classes: vec![(3, "1班".into()), (3, "2班".into())],
        ..Context::default()
    }
}

#[test]
fn each_kind_reads_what_clerks_type_and_shows_it_back() {
    let schema = schema();
    let row = schema
        .parse(
            &s(&[
                "张 三",
                "3年级2班",
                "1,280.5",
                "２",
                "询价",
                "2026/11/30",
                "√",
                "",
            ]),
            &primary(),
        )
        .unwrap();
    assert_eq!(row.text("name"), "张三");
    assert_eq!(row.money("amount"), Some(crate::Fen(128_050)));
    assert_eq!(row.quantity("n"), Some(Quantity(200)));
    assert!(row.yes("ok"));
    assert_eq!(
        row.cells(),
        s(&[
            "张三",
            "三年级2班",
            "1,280.50",
            "2",
            "询价",
            "2026-11-30",
            "是",
            ""
        ])
    );
    // What it shows reads back as the same.
    let again = schema.parse(&row.cells(), &primary()).unwrap();
    assert_eq!(again.cells(), row.cells());
}

#[test]
fn every_bad_cell_is_named_by_its_column() {
    let schema = schema();
    let errors = schema
        .parse(
            &s(&["", "七年级1班", "12.345", "0", "招标", "明天", "也许", ""]),
            &primary(),
        )
        .unwrap_err();
    let named: Vec<(usize, &str)> = errors
        .iter()
        .map(|e| (e.column, e.message.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (0, "不能为空"),
            (1, "本校没有初一（学校设置的学段：小学）"),
            (2, "“12.345”最多两位小数（到分）"),
            (3, "不能为0"),
            (4, "“招标”不是可选的一项（询价、单一来源）"),
            (5, named[5].1),
            (6, "“也许”应填“是”或“否”"),
        ]
    );
    assert!(named[5].1.contains("明天"), "{}", named[5].1);
}

#[test]
fn a_class_the_school_did_not_enter_is_refused_with_the_ones_it_did() {
    let err = ClassName::parse("三年级5班", &primary()).unwrap_err();
    assert_eq!(err, "本校三年级没有5班（已登记：1班、2班）");
    // Grades without entered classes take any class.
    assert_eq!(
        ClassName::parse("五年级（3）班", &primary())
            .unwrap()
            .to_string(),
        "五年级3班"
    );
    assert!(ClassName::parse("三年级", &primary()).is_err());
    // Brackets, full width or not, and a grade without 年级.
    for typed in ["三(1)班", "三（1）班", "3年级1班", "三年级（01）班"] {
        assert_eq!(
            ClassName::parse(typed, &primary()).unwrap().to_string(),
            "三年级1班",
            "{typed}"
        );
    }
    assert!(ClassName::parse("31班", &primary()).is_err());
    // A class registered with brackets is the same class.
    let bracketed = Context {
        classes: vec![(3, "(2)班".into())],
        ..primary()
    };
    assert!(ClassName::parse("三年级2班", &bracketed).is_ok());
    assert!(ClassName::parse("火星班", &primary()).is_err());
    let high = Context {
        grades: SchoolGrades::parse("高中").unwrap(),
        ..Context::default()
    };
    assert_eq!(
        ClassName::parse("高二(3)班", &high).unwrap().to_string(),
        "高二3班"
    );
}

#[test]
fn rows_are_read_all_or_every_problem_is_named_by_row_and_column() {
    let schema = schema();
    let rows = vec![
        (3, s(&["李四", "", "10", "", "", "", "", ""])),
        (4, s(&["王五", "", "abc", "", "", "", "", ""])),
        (5, s(&["李四", "", "20", "", "", "", "", ""])),
    ];
    let errors = schema
        .read_all(&rows, Numbering::File, &primary(), |r| Ok(r.text("name")))
        .unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "第4行 金额(元)：“abc”不是金额（例：1280 或 1,280.00）",
            "第5行 姓名：与第3行重复",
        ]
    );
    assert_eq!(errors[0].column, Some(2));
    // The grid counts its own way, and a record's own rule is named too.
    let grid = Schema::grid_rows(&[s(&["赵六", "", "5", "", "", "", "", ""])]);
    let errors = schema
        .read_all(&grid, Numbering::Grid, &primary(), |r| {
            Err::<(), _>(vec![r.error("way", "金额5元须写明方式")])
        })
        .unwrap_err();
    assert_eq!(errors[0].to_string(), "第1项 方式：金额5元须写明方式");
    let good = schema
        .read_all(&rows[..1], Numbering::File, &primary(), |r| {
            Ok(r.text("name"))
        })
        .unwrap();
    assert_eq!(good, ["李四"]);
}

#[test]
fn a_file_header_is_found_in_any_order_and_optional_columns_may_be_missing() {
    let schema = schema();
    let header = s(&["凭证号", "金额（元）", " 姓 名 ", "日期"]);
    let places = schema.locate(&header).unwrap();
    assert_eq!(places[0], Some(2));
    assert_eq!(places[2], Some(1));
    assert_eq!(places[1], None);
    let row = Schema::arrange(&places, &s(&["记-12", "50", "张三", "2026-11-02"]));
    assert_eq!(row, s(&["张三", "", "50", "", "", "2026-11-02", "", ""]));
    // Without a required column it is not the header row.
    assert!(schema.locate(&s(&["姓名", "日期"])).is_none());
}

#[test]
fn internal_columns_are_not_public_and_blanks_come_from_the_schema() {
    let schema = schema();
    assert_eq!(schema.public_columns(), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(schema.blank_row(), s(&["", "", "", "", "", "", "否", ""]));
    assert_eq!(schema.column("amount").unwrap().align(), Align::End);
}
