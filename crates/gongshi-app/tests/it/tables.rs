//! An item's table from CSV (`gongshi items add --table F.csv`): the
//! delimiter detected, every fault refused naming the row as Excel shows
//! it, nothing stored; and a sheet that needs its table is not submitted
//! without one.

use gongshi_app::domain::category::Category;
use gongshi_app::domain::item::{ItemContent, ItemTable};
use gongshi_app::domain::workflow::Status;
use gongshi_app::{items, sheet_file, tables};

use super::{award, clerk, store};

fn table(columns: &[&str], rows: &[&[&str]]) -> ItemTable {
    let cells = |r: &[&str]| r.iter().map(|c| (*c).to_owned()).collect();
    ItemTable {
        columns: cells(columns),
        rows: rows.iter().map(|r| cells(r)).collect(),
    }
}

fn refused(csv: &[u8]) -> String {
    match tables::from_csv(csv) {
        Ok(t) => panic!("accepted: {t:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn each_fault_is_refused_naming_the_row_as_excel_shows_it() {
    let many_rows = format!("姓名\n{}", "张三\n".repeat(100_000));
    let big_cell = format!("姓名,备注\n张三,{}\n", "x".repeat((1 << 20) + 1));
    let big_open_quote = format!("姓名,备注\n张三,\"{}", "x".repeat((1 << 20) + 1));
    let many_ragged: String = std::iter::once("姓名,总分\n".to_owned())
        .chain((1..=12).map(|i| format!("人{i}\n")))
        .collect();
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        // The examples: a short row was accepted silently…
        (
            "short row",
            "姓名,教研组,总分\n陈晓红,语文组,94.60\n黄志强,92.35\n".into(),
            vec![
                "表格：第3行有2格，表头（第1行）有3格",
                "每行的格数应与表头相同（按逗号分隔",
            ],
        ),
        // …an unterminated quote swallowed the data into the header…
        (
            "unclosed quote in the header",
            "\"姓名,总分\n张三,95\n李四,90\n".into(),
            vec!["表格：第1行的引号没有配对", "补上结尾的引号"],
        ),
        // …a header alone was a table…
        (
            "header only",
            "姓名,总分\n".into(),
            vec!["表格：只有表头（第1行），没有数据行"],
        ),
        (
            "header and blank rows",
            "姓名,总分\r\n,\r\n\r\n".into(),
            vec!["只有表头（第1行），没有数据行"],
        ),
        // …and 第N行 counted data rows: here row 2 is blank and row 3's
        // cell runs over two lines, so the short row is Excel's row 4
        // (the 2nd data row, the 5th line of the text).
        (
            "rows as Excel numbers them",
            "姓名,备注\n\n张三,\"第一行\n第二行\"\n李四\n".into(),
            vec!["第4行有1格，表头（第1行）有2格"],
        ),
        (
            "a quote opened after a cell of two lines",
            "姓名,备注\n张三,\"甲\n乙\"\n李四,\"丙\n王五,无\n".into(),
            vec!["第3行（文本第4行）的引号没有配对"],
        ),
        (
            "a long row",
            "姓名,总分\n张三,95,备注\n".into(),
            vec!["第2行有3格，表头（第1行）有2格"],
        ),
        (
            "a ragged tab file names the tab",
            "姓名\t教研组\t总分\n张三\t语文组\t95\n李四\t90\n".into(),
            vec!["第3行有2格，表头（第1行）有3格", "按制表符分隔"],
        ),
        (
            "twelve ragged rows: ten named, all counted",
            many_ragged.into_bytes(),
            vec!["第2行有1格、第3行有1格", "第11行有1格等12行，表头"],
        ),
        ("empty", Vec::new(), vec!["表格：表格是空的"]),
        (
            "blank lines and a BOM",
            "\u{feff}\n\n".into(),
            vec!["表格是空的"],
        ),
        (
            "a blank column title",
            "姓名,,总分\n张三,1,95\n".into(),
            vec!["第1行（表头）第2格是空的"],
        ),
        (
            "too many rows",
            many_rows.into_bytes(),
            vec!["表格超过100000行（第100001行起）"],
        ),
        (
            "a 1 MB cell",
            big_cell.into_bytes(),
            vec!["第2行第2格超过1 MB"],
        ),
        (
            "a 1 MB cell from an open quote",
            big_open_quote.into_bytes(),
            vec!["第2行第2格超过1 MB", "引号没有配对"],
        ),
        (
            "an xlsx renamed .csv",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml".to_vec(),
            vec!["不是文本格式的 CSV 文件", "第1行起", ".xlsx"],
        ),
        (
            "UTF-16 without its BOM",
            "姓名,总分\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect(),
            vec!["不是文本格式的 CSV 文件"],
        ),
        // The domain's limits, named by the spreadsheet's row too.
        (
            "a cell over 200 characters",
            format!("姓名,备注\n\n张三,{}\n", "字".repeat(201)).into_bytes(),
            vec!["第3行“字字字"],
        ),
        (
            "thirteen columns",
            format!("{}\n{}\n", ["列"; 13].join(","), ["1"; 13].join(",")).into_bytes(),
            vec!["有13列，应有1到12列"],
        ),
    ];
    for (name, csv, expect) in cases {
        let err = refused(&csv);
        for e in expect {
            assert!(err.contains(e), "{name}: {e} not in {err}");
        }
    }
}

#[test]
fn the_delimiter_is_the_one_that_splits_the_header_like_the_rows() {
    let two = |a: &str, b: &str| table(&["姓名", "总分"], &[&[a, b]]);
    let cases: Vec<(&str, Vec<u8>, ItemTable)> = vec![
        // The example: a tab-separated file was one column.
        ("tab", "姓名\t总分\n张三\t95\n".into(), two("张三", "95")),
        ("comma", "姓名,总分\n张三,95\n".into(), two("张三", "95")),
        (
            "semicolon",
            "姓名;总分\n张三;95,5\n".into(),
            two("张三", "95,5"),
        ),
        (
            "Chinese comma",
            "姓名，总分\n张三，95\n".into(),
            two("张三", "95"),
        ),
        (
            "Chinese commas inside a comma file",
            "项目,说明\n校服,夏装，冬装\n".into(),
            table(&["项目", "说明"], &[&["校服", "夏装，冬装"]]),
        ),
        (
            "one column",
            "姓名\n张三\n李四\n".into(),
            table(&["姓名"], &[&["张三"], &["李四"]]),
        ),
        (
            "quotes doubled inside a quoted cell, CR LF, no last newline",
            "姓名,评语\r\n张三,\"他说\"\"好\"\"，\r\n真好\"".into(),
            table(&["姓名", "评语"], &[&["张三", "他说\"好\"，\n真好"]]),
        ),
        (
            "Excel's padding: empty cells past the header",
            "姓名,总分,,\n张三,95,,\n\n李四,90\n,,,\n".into(),
            table(&["姓名", "总分"], &[&["张三", "95"], &["李四", "90"]]),
        ),
        (
            "an empty cell in a row is a cell",
            "姓名,教研组,总分\n张三,,95\n李四,数学组,\n".into(),
            table(
                &["姓名", "教研组", "总分"],
                &[&["张三", "", "95"], &["李四", "数学组", ""]],
            ),
        ),
    ];
    for (name, csv, expect) in cases {
        let got = tables::from_csv(&csv).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got, expect, "{name}");
    }
}

#[test]
fn gbk_utf8_bom_and_utf16_read_the_same() {
    let text = "名次,姓名,总分\r\n1,陈晓红,94.60\r\n2,\"黄志强，（数学）\",92.35\r\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let bom = format!("\u{feff}{text}");
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let expect = table(
        &["名次", "姓名", "总分"],
        &[
            &["1", "陈晓红", "94.60"],
            &["2", "黄志强，（数学）", "92.35"],
        ],
    );
    for (name, bytes) in [
        ("GBK", gbk.to_vec()),
        ("UTF-8 with BOM", bom.into_bytes()),
        ("UTF-8", text.as_bytes().to_vec()),
        ("UTF-16 with BOM", utf16),
    ] {
        let got = tables::from_csv(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got, expect, "{name}");
    }
    // A fault in a GBK file is named the same way.
    let (gbk, _, _) = encoding_rs::GBK.encode("姓名,总分\n张三\n");
    assert!(refused(&gbk).contains("第2行有1格，表头（第1行）有2格"));
}

#[test]
fn imports_number_csv_rows_by_the_same_rule() {
    // A title row, the header, a blank row, a cell over two lines: Excel
    // shows 李四 on row 5 (the text's line 6).
    let csv = "导入模板\n姓名,备注\n\n张三,\"甲\n乙\"\n李四,丙\n";
    let rows =
        sheet_file::rows_under_header(csv.as_bytes(), "名单.csv", &["姓名", "备注"]).unwrap();
    let numbers: Vec<usize> = rows.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [4, 5]);
    assert_eq!(rows[0].1, ["张三", "甲\n乙"]);
    // The header picks the delimiter: a tab file with a title row.
    let tsv = "导入模板\n姓名\t备注\n张三\t无\n";
    let rows =
        sheet_file::rows_under_header(tsv.as_bytes(), "名单.txt", &["姓名", "备注"]).unwrap();
    assert_eq!(rows, [(3, vec!["张三".to_owned(), "无".to_owned()])]);
    // And an open quote is refused by its row there too.
    let err = sheet_file::rows_under_header(
        "姓名,备注\n张三,\"无\n".as_bytes(),
        "名单.csv",
        &["姓名", "备注"],
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("文件：第2行的引号没有配对"), "{err}");
}

#[test]
fn a_sheet_that_needs_its_table_is_not_submitted_without_one() {
    let mut store = store();
    let op = clerk();
    for (category, content, expect) in [
        (
            Category::Award,
            ItemContent {
                table: None,
                ..award()
            },
            "表格：评优评先的公示需要附表（拟推荐人选名单），提交审核前必须附上",
        ),
        (
            Category::Award,
            ItemContent {
                table: Some(table(&["姓名", "总分"], &[])),
                ..award()
            },
            "评优评先的公示需要附表（拟推荐人选名单）",
        ),
        (
            Category::Procurement,
            ItemContent {
                title: "多媒体设备采购结果公示".into(),
                body: "经政府招标，采购交互式白板12台。".into(),
                fields: [
                    ("method", "政府招标"),
                    ("supplier", "阳光科技有限公司"),
                    ("purchase_date", "2026-11-10"),
                ]
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
                table: None,
                ..award()
            },
            "采购的公示需要附表（采购明细：品名、数量、金额）",
        ),
    ] {
        let item = items::create(&mut store, &op, category, content)
            .unwrap()
            .revision
            .item_id;
        let before = store.current_revision(item).unwrap().unwrap();
        let log = store.audit_entries(1000).unwrap().len();
        let err = items::submit(&mut store, &op, item)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expect), "{err}");
        let after = store.current_revision(item).unwrap().unwrap();
        assert_eq!(after.status, Status::Draft);
        assert_eq!(after.content, before.content);
        assert_eq!(store.audit_entries(1000).unwrap().len(), log, "{err}");
    }
    // With its table (from a CSV as Excel saves it) it goes.
    let csv = "\u{feff}名次,姓名,总分\r\n1,李老师,92.50\r\n";
    let content = ItemContent {
        table: Some(tables::from_csv(csv.as_bytes()).unwrap()),
        ..award()
    };
    let item = items::create(&mut store, &op, Category::Award, content)
        .unwrap()
        .revision
        .item_id;
    let saved = items::submit(&mut store, &op, item).unwrap();
    assert_eq!(saved.revision.status, Status::Pending);
}
