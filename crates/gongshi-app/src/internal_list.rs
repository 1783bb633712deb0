//! An item's whole table as an Excel workbook; marked 内部 on every page
//! where it holds what the board never shows — for 学生资助 the list the
//! payment and the file need (ID numbers, bank cards, addresses).

use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};
use gongshi_store::Store;

use crate::{Result, items, table_io};

/// The current revision's table, every column, as an internal workbook.
pub fn workbook(store: &Store, item_id: i64) -> Result<Vec<u8>> {
    let history = items::history(store, item_id)?;
    let rev = history.last().ok_or_else(|| {
        gongshi_domain::FieldError::new("事项", format!("没有编号为{item_id}的事项"))
    })?;
    let table = rev.content.table.clone().unwrap_or_default();
    if table.columns.is_empty() {
        return Err(gongshi_domain::FieldError::new("表格", "这个事项没有表格").into());
    }
    let school = crate::school::profile(store)?.unwrap_or_default();
    // A typed table's columns as their kinds (amounts as amounts).
    let cx = crate::table_io::context(store)?;
    let typed =
        gongshi_domain::lines::schema(rev.category, &cx).filter(|s| s.headers() == table.columns);
    let typed_internal = typed
        .as_ref()
        .is_some_and(|s| s.columns.iter().any(|c| c.internal));
    let (columns, rows) = match typed {
        Some(schema) => (
            table_io::report_columns(&schema, false),
            table
                .rows
                .iter()
                .map(|r| table_io::report_row(&schema, r, &cx, false))
                .collect(),
        ),
        None => (
            table
                .columns
                .iter()
                .map(|c| ReportColumn::new(c, ColumnKind::Text))
                .collect(),
            table
                .rows
                .iter()
                .map(|r| r.iter().map(|c| Value::Text(c.clone())).collect())
                .collect(),
        ),
    };
    // Marked 内部 where it holds what the board never shows.
    let internal = typed_internal || rev.category == gongshi_domain::category::Category::Subsidy;
    let report = Report {
        sheet_name: if internal { "内部名单" } else { "表格" }.into(),
        title: if internal {
            format!("{}（内部名单，不得张贴或外传）", rev.content.title)
        } else {
            format!("{}（表格）", rev.content.title)
        },
        subtitle: Some(format!("{}·第{}版", rev.category.label(), rev.number)),
        school_name: school.name,
        internal,
        columns,
        rows,
        totals: None,
        chart: None,
    };
    Ok(gongshi_print::render_xlsx(&[report])?)
}
