//! The typed tables of 财务收支, 采购 and 学生资助 in the item editor: the
//! grid's row check, the template, a file read into the grid's rows, and
//! the school's 公开招标限额.

use gongshi_app::{line_tables, settings as set};
use tauri::{AppHandle, State};

use super::items::category;
use crate::dto::PrintedDto;
use crate::dto::fees::FieldProblemDto;
use crate::dto::table::{ImportPreviewDto, TenderThresholdDto, problems};
use crate::error::ApiResult;
use crate::state::AppState;

/// The grid's inline check of one row of a category's table.
#[tauri::command(async)]
pub fn check_line_row(
    state: State<'_, AppState>,
    category_code: String,
    cells: Vec<String>,
) -> ApiResult<Vec<FieldProblemDto>> {
    let mut inner = state.lock();
    let c = category(&category_code)?;
    let store = inner.store()?;
    let errors = line_tables::check_row(store, c, &cells)?;
    Ok(problems(&line_tables::schema(store, c)?, &errors))
}

/// A file (the template or a ledger export) as the grid's rows, or every
/// bad row and column.
#[tauri::command(async)]
pub fn preview_line_import(
    state: State<'_, AppState>,
    category_code: String,
    bytes: Vec<u8>,
    file_name: String,
) -> ApiResult<ImportPreviewDto> {
    let mut inner = state.lock();
    let c = category(&category_code)?;
    let read = line_tables::read(inner.store()?, c, &bytes, &file_name);
    ImportPreviewDto::of(read.map(|t| t.rows))
}

/// Saves the category's import template where the clerk chooses.
#[tauri::command(async)]
pub fn print_line_template(
    app: AppHandle,
    state: State<'_, AppState>,
    category_code: String,
) -> ApiResult<Option<PrintedDto>> {
    let c = category(&category_code)?;
    let name = format!("{}导入模板.xlsx", c.label());
    // The template's columns are the school's (民主评议's grades).
    let bytes = line_tables::template(state.lock().store()?, c)?;
    state.files.save_as(&app, &name, || Ok(bytes))
}

/// The school's 公开招标限额, and whether it is the default.
#[tauri::command(async)]
pub fn tender_threshold(state: State<'_, AppState>) -> ApiResult<TenderThresholdDto> {
    let mut inner = state.lock();
    let (fen, default) = set::tender_threshold(inner.store()?)?;
    Ok(TenderThresholdDto::new(fen, default))
}

#[tauri::command(async)]
pub fn set_tender_threshold(
    state: State<'_, AppState>,
    yuan: String,
) -> ApiResult<TenderThresholdDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let fen = set::set_tender_threshold(inner.store()?, &op, &yuan)?;
    Ok(TenderThresholdDto::new(fen, false))
}
