use calamine::{Data, Reader, Xlsx};
use gongshi_domain::Fen;
use gongshi_print::render_xlsx;
use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};

use crate::date;

fn report() -> Report {
    Report {
        sheet_name: "收费标准".into(),
        title: "阳光市实验小学2026—2027学年第一学期收费标准".into(),
        subtitle: Some("单位：元".into()),
        school_name: "阳光市实验小学".into(),
        internal: true,
        columns: vec![
            ReportColumn::new("收费项目", ColumnKind::Text),
            ReportColumn::new("金额", ColumnKind::Money),
            ReportColumn::new("批准日期", ColumnKind::Date),
            ReportColumn::new("人数", ColumnKind::Number),
        ],
        rows: vec![
            vec![
                "课后服务费".into(),
                Value::Money(Fen(30000)),
                Value::Date(date()),
                Value::Number(420),
            ],
            vec![
                "午餐费（代收）".into(),
                Value::Money(Fen(128050)),
                Value::Empty,
                Value::Number(380),
            ],
        ],
        totals: Some(vec!["合计".into(), Value::Money(Fen(158050))]),
        chart: None,
    }
}

#[test]
fn a_report_reads_back_with_title_header_money_dates_and_totals() {
    let bytes = render_xlsx(&[report()]).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["收费标准"]);
    let range = book.worksheet_range("收费标准").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);

    assert_eq!(
        cell(0, 0),
        Data::String("阳光市实验小学2026—2027学年第一学期收费标准".into())
    );
    assert_eq!(cell(1, 0), Data::String("单位：元".into()));
    assert_eq!(cell(2, 0), Data::String("收费项目".into()));
    assert_eq!(cell(2, 1), Data::String("金额".into()));
    assert_eq!(cell(3, 0), Data::String("课后服务费".into()));
    assert_eq!(cell(3, 1), Data::Float(300.0));
    assert_eq!(cell(4, 1), Data::Float(1280.5));
    match cell(3, 2) {
        Data::DateTime(d) => {
            let read = d.as_datetime().unwrap().date();
            assert_eq!(read, date());
        }
        other => panic!("the date is not a date: {other:?}"),
    }
    assert_eq!(cell(3, 3), Data::Float(420.0));
    assert_eq!(cell(5, 0), Data::String("合计".into()));
    assert_eq!(cell(5, 1), Data::Float(1580.5));
}
