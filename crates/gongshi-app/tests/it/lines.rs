//! 财务收支, 采购 and 学生资助 on their schemas: files good and bad, the
//! rules that stop a sheet (balance, 数量 × 单价, the tender threshold),
//! the sheets' golden text.

use gongshi_app::domain::category::Category;
use gongshi_app::domain::item::ItemContent;
use gongshi_app::print::sheet::{Document, Paper};
use gongshi_app::{AppError, Store, items, line_tables, settings, sheets};

use super::{clerk, d, golden, now, pdftotext, profile, store};

fn content(title: &str, fields: &[(&str, &str)]) -> ItemContent {
    ItemContent {
        title: title.into(),
        body: "现予公示。".into(),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        table: None,
        posting_days: 5,
        planned_start: Some(d("2026-11-23")),
    }
}

/// The item's board sheet as the weekly batch prints it, read back.
pub(crate) fn sheet_text(store: &Store, item: i64) -> String {
    let rev = items::history(store, item).unwrap().pop().unwrap();
    let cx = gongshi_app::table_io::context(store).unwrap();
    let sheet = sheets::item_sheet(
        &profile(),
        &rev,
        None,
        d("2026-11-23"),
        Paper::default(),
        &cx,
        &Default::default(),
    )
    .unwrap();
    let doc = Document {
        title: rev.content.title.clone(),
        author: profile().name,
        created: now(),
        sheets: vec![sheet],
    };
    let allow = gongshi_app::printing::allowlist(&profile());
    let pdf = gongshi_app::print::render_pdf(&doc, &allow).unwrap();
    // To look at the pages: GONGSHI_ARTIFACTS=dir keeps each PDF.
    if let Some(dir) = std::env::var_os("GONGSHI_ARTIFACTS") {
        let name = format!("{}-{item}.pdf", rev.category.code());
        std::fs::write(std::path::Path::new(&dir).join(name), &pdf).unwrap();
    }
    pdftotext(&pdf)
}

/// A ledger export: its own column order, an extra 凭证号, full-width
/// brackets in a header.
const LEDGER: &str = "\u{feff}凭证号,摘要,科目,明细科目,收支,金额（元）\r\n\
    记-101,11月生均公用经费,财政拨款收入,,收入,\"120,000.00\"\r\n\
    记-102,存款利息,其他收入,,收入,35.20\r\n\
    记-103,临聘人员工资,人员经费,,支出,48000\r\n\
    记-104,10月水电费,公用经费,水电费,支出,8765.43\r\n";

#[test]
fn a_finance_statement_from_a_ledger_prints_only_when_it_balances() {
    let mut store = store();
    let op = clerk();
    let table =
        line_tables::read(&store, Category::Finance, LEDGER.as_bytes(), "总账.csv").unwrap();
    assert_eq!(
        table.rows[0][..2],
        ["收入".to_owned(), "财政拨款收入".to_owned()]
    );
    let mut c = content(
        "2026年11月财务收支公开",
        &[
            ("period", "2026年11月"),
            ("office", "总务处"),
            ("opening", "50,000.00"),
            ("closing", "113,269.67"),
        ],
    );
    c.table = Some(table);
    let item = items::create(&mut store, &op, Category::Finance, c.clone())
        .unwrap()
        .revision
        .item_id;
    // 50,000 + 120,035.20 − 56,765.43 = 113,269.77: ten fen off the books.
    let err = items::submit(&mut store, &op, item)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("按明细算得期末结余113,269.77元") && err.contains("相差0.10元"),
        "{err}"
    );
    let mut fixed = c;
    fixed.fields.insert("closing".into(), "113,269.77".into());
    items::edit(&mut store, &op, item, fixed).unwrap();
    items::submit(&mut store, &op, item).unwrap();
    golden("finance-sheet", &sheet_text(&store, item));
}

#[test]
fn bad_rows_are_refused_by_row_and_column_and_nothing_is_stored() {
    let mut store = store();
    gongshi_app::fees::set_class_size(&mut store, &clerk(), 3, "1班", 40).unwrap();
    let cases: &[(Category, &str, &[&str])] = &[
        (
            Category::Procurement,
            "品名,规格型号,数量,单位,单价(元),金额(元),供应商,采购方式\n\
             白板,86寸,2,台,100.00,12.345,甲公司,询价\n\
             投影仪,,3,台,33.33,100.00,乙公司,询价\n\
             粉笔,,10,盒,5,50,丙公司,\n",
            &[
                "第2行 金额(元)：“12.345”最多两位小数（到分）",
                "第3行 金额(元)：数量3 × 单价33.33元 = 99.99元，与金额100.00元不符",
                "第4行 采购方式：不能为空",
            ],
        ),
        (
            Category::Subsidy,
            "姓名,班级,资助项目,金额(元),身份证号\n\
             张三,三年级5班,生活补助,500,110105194912310021\n\
             李 四,火星班,生活补助,500,\n",
            &[
                "第2行 班级：本校三年级没有5班（已登记：1班）",
                "第3行 班级：“火星班”不是班级",
            ],
        ),
    ];
    let audit = store.audit_entries(1000).unwrap().len();
    for (category, csv, wanted) in cases {
        let err = line_tables::read(&store, *category, csv.as_bytes(), "表.csv").unwrap_err();
        let text = err.to_string();
        for w in *wanted {
            assert!(text.contains(w), "{w} in {text}");
        }
    }
    // A header without some required columns names them.
    let short = "品名,数量,单位,金额,供应商\n白板,1,台,100,甲\n";
    let err = line_tables::read(&store, Category::Procurement, short.as_bytes(), "采购.csv")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("表头缺少这些列：单价(元)、金额(元)、采购方式"),
        "{err}"
    );
    assert_eq!(store.audit_entries(1000).unwrap().len(), audit);
    assert_eq!(store.item_count().unwrap(), 0);
}

fn purchase_item(store: &mut Store, method: &str, reason: &str) -> Result<i64, AppError> {
    let csv = format!(
        "品名,规格型号,数量,单位,单价(元),金额(元),供应商,采购方式,未招标原因\n\
         录播教室设备,全套,1,套,\"800,000.00\",\"800,000.00\",阳光科技有限公司,{method},{reason}\n"
    );
    let table = line_tables::read(store, Category::Procurement, csv.as_bytes(), "采购.csv")?;
    let mut c = content("录播教室建设采购结果公示", &[("office", "总务处")]);
    c.table = Some(table);
    Ok(items::create(store, &clerk(), Category::Procurement, c)?
        .revision
        .item_id)
}

#[test]
fn a_purchase_above_the_threshold_needs_a_tender_or_its_printed_reason() {
    let mut store = store();
    let err = purchase_item(&mut store, "询价", "")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("第2行 未招标原因：金额800,000.00元超过本校公开招标限额500,000.00元"),
        "{err}"
    );
    let tendered = purchase_item(&mut store, "政府招标", "").unwrap();
    let text = sheet_text(&store, tendered);
    assert!(text.contains("按采购方式合计"), "{text}");
    let with_reason =
        purchase_item(&mut store, "单一来源", "原厂设备扩容，经县教育局批准").unwrap();
    let text: String = sheet_text(&store, with_reason)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("原厂设备扩容，经县教育局批准"), "{text}");
    // A province with a higher threshold: the same line needs no reason.
    settings::set_tender_threshold(&mut store, &clerk(), "1,000,000").unwrap();
    assert!(purchase_item(&mut store, "询价", "").is_ok());
    assert_eq!(
        settings::tender_threshold(&store).unwrap(),
        (gongshi_app::domain::Fen(100_000_000), false)
    );
    let refused = settings::set_tender_threshold(&mut store, &clerk(), "五十万")
        .unwrap_err()
        .to_string();
    assert!(refused.starts_with("公开招标限额："), "{refused}");
    golden("procurement-sheet", &sheet_text(&store, tendered));
}

#[test]
fn the_demo_subsidy_list_prints_masked_with_totals_by_level() {
    let (_dir, store) = super::demo_store();
    let item = super::demo_item(&store, Category::Subsidy);
    let text = sheet_text(&store, item);
    for shown in [
        "张*明",
        "欧阳*",
        "买**·*力",
        "按资助档次合计",
        "一档",
        "1,750.00",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    for hidden in [
        "张小明",
        "4101",
        "幸福路",
        "13812345678",
        "低保",
        "身份证号",
    ] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
    golden("subsidy-sheet", &text);
}
