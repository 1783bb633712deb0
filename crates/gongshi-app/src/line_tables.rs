//! The typed tables of 财务收支, 采购, 学生资助, 领导述职 and 师德承诺 items in files and the
//! grid: the import template of each category, a filled template or a
//! ledger export read into the item's table (all or nothing, every bad
//! row and column named), the grid's check and save. The columns are the
//! category's schema (domain `lines`).

use gongshi_domain::category::Category;
use gongshi_domain::item::ItemTable;
use gongshi_domain::lines;
use gongshi_domain::table::{CellError, Context, Numbering, Schema};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::Store;

use crate::items::{self, Saved};
use crate::{Result, sheet_file, table_io};

/// The category's schema in this school, or a refusal naming the
/// categories that have one.
pub fn schema(store: &Store, category: Category) -> Result<Schema> {
    schema_in(category, &table_io::context(store)?)
}

/// [`schema`] under a context already read.
fn schema_in(category: Category, cx: &Context) -> Result<Schema> {
    lines::schema(category, cx).ok_or_else(|| {
        FieldError::new(
            "类别",
            format!(
                "{}没有固定格式的表格（有：{}）{}",
                category.label(),
                lines::typed_labels(),
                if category == Category::Fees {
                    gongshi_domain::faces::next_step("收费 → 下载导入模板", "gongshi fees template")
                } else {
                    String::new()
                }
            ),
        )
        .into()
    })
}

/// The category's import template (xlsx): title, hints, the header row,
/// no example row (one left in would be published). A list with internal
/// columns is marked 内部.
pub fn template(store: &Store, category: Category) -> Result<Vec<u8>> {
    let schema = schema(store, category)?;
    let internal = schema.columns.iter().any(|c| c.internal);
    table_io::template(
        &schema,
        category.label(),
        format!(
            "{}导入模板（请从第4行起填写，每行一个{}）",
            category.label(),
            schema.row_name
        ),
        &[],
        internal,
    )
}

/// A file (the template, or a ledger export with those columns in any
/// order) read as the category's table: every row good, or every problem
/// named by row and column.
pub fn read(store: &Store, category: Category, bytes: &[u8], file_name: &str) -> Result<ItemTable> {
    let cx = table_io::context(store)?;
    let schema = schema_in(category, &cx)?;
    let rows = sheet_file::rows_of_schema(bytes, file_name, &schema)?;
    if rows.is_empty() {
        return Err(FieldError::new("文件", format!("表头下面没有{}", schema.row_name)).into());
    }
    lines::table_of(category, &rows, Numbering::File, &cx).map_err(table_io::refused)
}

/// An item's table from a file: a typed category's by its schema (.xlsx
/// or .csv, the header found by its names), any other's as a plain CSV.
pub fn item_table(
    store: &Store,
    category: Category,
    bytes: &[u8],
    file_name: &str,
) -> Result<ItemTable> {
    if lines::is_typed(category) {
        read(store, category, bytes, file_name)
    } else {
        crate::tables::from_csv(bytes)
    }
}

/// Replaces a draft item's table with a file's: all rows or none.
pub fn import(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    bytes: &[u8],
    file_name: &str,
) -> Result<Saved> {
    let current = items::history(store, item_id)?
        .pop()
        .ok_or_else(|| FieldError::new("事项", format!("没有编号为{item_id}的事项")))?;
    // A frozen item is refused before its file is read.
    current.clone().edit(current.content.clone())?;
    let table = read(store, current.category, bytes, file_name)?;
    let content = gongshi_domain::item::ItemContent {
        table: Some(table),
        ..current.content
    };
    items::edit(store, op, item_id, content)
}

/// The grid's rows as the category's table (stored forms: 1,280.00).
pub fn from_grid(store: &Store, category: Category, rows: &[Vec<String>]) -> Result<ItemTable> {
    let cx = table_io::context(store)?;
    schema_in(category, &cx)?;
    lines::table_of(category, &Schema::grid_rows(rows), Numbering::Grid, &cx)
        .map_err(table_io::refused)
}

/// What is wrong with one row of the category's grid, cell by cell.
pub fn check_row(store: &Store, category: Category, cells: &[String]) -> Result<Vec<CellError>> {
    let cx = table_io::context(store)?;
    schema_in(category, &cx)?;
    Ok(lines::check_row(category, cells, &cx))
}
