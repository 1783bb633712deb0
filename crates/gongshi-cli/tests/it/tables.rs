//! `gongshi items add|edit --table F.csv`: a bad CSV is refused naming the
//! row as Excel shows it and nothing is stored; a 评优评先 item is not
//! submitted without its table; the demo's 评优评先 item has its list.

use std::path::Path;

use super::{gongshi, stderr, stdout};

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

fn item_count(db: &Path) -> usize {
    json(&gongshi(db, &["--json", "items", "list"]))
        .as_array()
        .unwrap()
        .len()
}

const AWARD: [&str; 12] = [
    "items",
    "add",
    "--category",
    "评优评先",
    "--title",
    "2026年度优秀班主任拟推荐人选公示",
    "--body",
    "经民意测评和考核，现将拟推荐人选公示如下。",
    "--field",
    "公开标准=师德合格，年度考核优秀",
    "--field",
    "公开名额=2",
];

#[test]
fn a_bad_table_is_refused_by_its_excel_row_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "short.csv",
            "姓名,总分\r\n李老师,92.5\r\n王老师\r\n".as_bytes(),
            "表格：第3行有1格，表头（第1行）有2格",
        ),
        (
            "quote.csv",
            "姓名,总分\r\n\r\n\"李老师,92.5\r\n王老师,90\r\n".as_bytes(),
            "表格：第3行的引号没有配对",
        ),
        (
            "header.csv",
            "\u{feff}姓名,总分\r\n".as_bytes(),
            "表格：只有表头（第1行），没有数据行",
        ),
        ("empty.csv", b"", "表格：表格是空的"),
        (
            "book.csv",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
            "表格：这不是文本格式的 CSV 文件",
        ),
    ];
    for (name, bytes, expect) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let mut args = AWARD.to_vec();
        args.extend(["--table", file.to_str().unwrap()]);
        let out = gongshi(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(expect), "{name}: {}", stderr(&out));
        assert_eq!(item_count(&db), 0, "{name}");
    }

    // An item with a good table (GBK, tab-separated, as a copy from Excel
    // saved by Notepad) keeps it when a bad one is given to `edit`.
    let good = dir.path().join("名单.txt");
    // 姓名⇥总分 / 李老师⇥92.50 / 王老师⇥90.10 in GBK.
    let gbk: &[u8] = b"\xd0\xd5\xc3\xfb\t\xd7\xdc\xb7\xd6\r\n\xc0\xee\xc0\xcf\xca\xa6\t92.50\r\n\xcd\xf5\xc0\xcf\xca\xa6\t90.10\r\n";
    std::fs::write(&good, gbk).unwrap();
    let mut args = vec!["--json"];
    args.extend(AWARD);
    args.extend(["--table", good.to_str().unwrap()]);
    let saved = json(&gongshi(&db, &args));
    let id = saved["revision"]["item_id"].to_string();
    let table = saved["revision"]["content"]["table"].clone();
    assert_eq!(table["columns"], serde_json::json!(["姓名", "总分"]));
    assert_eq!(table["rows"][1], serde_json::json!(["王老师", "90.10"]));
    let bad = dir.path().join("short.csv");
    let out = gongshi(
        &db,
        &["items", "edit", &id, "--table", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("第3行有1格"), "{}", stderr(&out));
    let shown = json(&gongshi(&db, &["--json", "items", "show", &id]));
    assert_eq!(shown[0]["content"]["table"], table);
}

#[test]
fn an_award_item_is_not_submitted_without_its_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let mut args = vec!["--json"];
    args.extend(AWARD);
    args.extend(["--field", "异议渠道=校务公开意见箱"]);
    let saved = json(&gongshi(&db, &args));
    let id = saved["revision"]["item_id"].to_string();

    let out = gongshi(&db, &["items", "submit", &id]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("表格：评优评先的公示需要附表（拟推荐人选名单），提交审核前必须附上"),
        "{}",
        stderr(&out)
    );
    let shown = json(&gongshi(&db, &["--json", "items", "show", &id]));
    assert_eq!(shown[0]["status"], "draft");

    let list = dir.path().join("名单.csv");
    std::fs::write(&list, "姓名,总分\n李老师,92.50\n王老师,90.10\n").unwrap();
    let out = gongshi(
        &db,
        &["items", "edit", &id, "--table", list.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = gongshi(&db, &["items", "submit", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_demo_award_item_carries_its_ranked_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    let rows = json(&gongshi(
        &db,
        &["--json", "items", "list", "--category", "评优评先"],
    ));
    // This week's (the demo's year has last semester's result too).
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap().contains("拟推荐"))
        .unwrap();
    let id = row["item_id"].to_string();
    let shown = json(&gongshi(&db, &["--json", "items", "show", &id]));
    let item = &shown[0];
    assert!(
        item["content"]["body"]
            .as_str()
            .unwrap()
            .ends_with("现将拟推荐人选公示如下。"),
        "{item}"
    );
    assert_eq!(item["status"], "approved", "{item}");
    let table = &item["content"]["table"];
    assert_eq!(
        table["columns"],
        serde_json::json!(["名次", "姓名", "教研组", "总分"]),
        "{table}"
    );
    assert_eq!(table["rows"].as_array().unwrap().len(), 3, "{table}");
    assert_eq!(table["rows"][0][1], "陈晓红", "{table}");
}

/// 学生资助 from the command line: the list with ID numbers is taken, its
/// whole table comes out as the internal Excel, and the board prints it
/// with masked names only.
#[test]
fn a_subsidy_list_keeps_its_internal_columns_off_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let csv = dir.path().join("名单.csv");
    std::fs::write(
        &csv,
        "姓名,班级,资助项目,资助档次,金额(元),身份证号\n张小明,初一1班,生活补助,一档,750.00,11010519491231002X\n",
    )
    .unwrap();
    let added = gongshi(
        &db,
        &[
            "items",
            "add",
            "--category",
            "学生资助",
            "--title",
            "生活补助名单公示",
            "--body",
            "拟资助以下学生。",
            "--field",
            "资助项目=生活补助",
            "--field",
            "责任部门=学生资助办公室",
            "--table",
            csv.to_str().unwrap(),
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(gongshi(&db, &["items", "submit", "1"]).status.success());
    let xlsx = dir.path().join("内部名单.xlsx");
    let out = gongshi(
        &db,
        &[
            "items",
            "internal-list",
            "1",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&xlsx).unwrap().get(..2), Some(&b"PK"[..]));
}

/// `items table`: the template is what the import reads; a bad file is
/// refused naming row and column and the item keeps its table; the table
/// comes out as Excel.
#[test]
fn a_purchase_table_goes_through_the_template_and_bad_rows_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let add = [
        "items",
        "add",
        "--category",
        "采购",
        "--title",
        "电子白板采购结果公示",
        "--body",
        "现将采购结果公示如下。",
        "--field",
        "采购部门=总务处",
    ];
    assert!(gongshi(&db, &add).status.success());
    let template = dir.path().join("采购模板.xlsx");
    let t = template.to_str().unwrap();
    let out = gongshi(
        &db,
        &[
            "items",
            "table",
            "template",
            "--category",
            "采购",
            "--out",
            t,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The template is the header the import finds; unfilled, it has no
    // row to take (no sample row that would be published).
    let out = gongshi(&db, &["items", "table", "import", "1", t]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("表头下面没有采购项目"),
        "{}",
        stderr(&out)
    );
    let good = dir.path().join("好.csv");
    std::fs::write(
        &good,
        "品名,规格型号,数量,单位,单价(元),金额(元),供应商,采购方式\n\
         交互式电子白板,86英寸,20,台,\"18,500.00\",\"370,000.00\",阳光科技有限公司,政府招标\n",
    )
    .unwrap();
    let out = gongshi(
        &db,
        &["items", "table", "import", "1", good.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("已导入1行"));

    let bad = dir.path().join("采购.csv");
    std::fs::write(
        &bad,
        "品名,数量,单位,单价(元),金额(元),供应商,采购方式\n白板,3,台,33.33,100.00,甲,询价\n投影,1,台,5,5,乙,\n",
    )
    .unwrap();
    let before = gongshi(&db, &["--json", "items", "show", "1"]).stdout;
    let out = gongshi(
        &db,
        &["items", "table", "import", "1", bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("第2行 金额(元)：数量3 × 单价33.33元 = 99.99元，与金额100.00元不符"),
        "{err}"
    );
    assert!(err.contains("第3行 采购方式：不能为空"), "{err}");
    assert_eq!(
        gongshi(&db, &["--json", "items", "show", "1"]).stdout,
        before
    );

    let refused = gongshi(
        &db,
        &[
            "items",
            "table",
            "template",
            "--category",
            "收费",
            "--out",
            t,
        ],
    );
    assert!(stderr(&refused).contains("收费没有固定格式的表格"));
    let xlsx = dir.path().join("表格.xlsx");
    let out = gongshi(
        &db,
        &[
            "items",
            "table",
            "export",
            "1",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&xlsx).unwrap().get(..2), Some(&b"PK"[..]));
}
