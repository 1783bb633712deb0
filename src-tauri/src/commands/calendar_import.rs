//! 设置 → 工作日历: a year's arrangement imported whole, and the years.

use gongshi_app::calendar as cal;
use gongshi_app::calendar_import as jobs;
use tauri::State;

use crate::dto::calendar::{CalendarImportDto, CalendarSourceDto, YearStatusDto};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn calendar_years(state: State<'_, AppState>) -> ApiResult<Vec<YearStatusDto>> {
    let mut inner = state.lock();
    let today = chrono::Local::now().date_naive();
    Ok(cal::years(Some(inner.store()?), today)?
        .iter()
        .map(Into::into)
        .collect())
}

#[tauri::command(async)]
pub fn confirm_calendar_year(state: State<'_, AppState>, year: i32) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    Ok(cal::confirm_year(inner.store()?, &op, year)?)
}

/// What the pasted notice (or a chosen calendar file) would save.
#[tauri::command(async)]
pub fn preview_calendar_import(
    state: State<'_, AppState>,
    source: CalendarSourceDto,
) -> ApiResult<CalendarImportDto> {
    let mut inner = state.lock();
    Ok((&source.read(inner.store()?)?).into())
}

/// Saves it all, or nothing; the years it made complete.
#[tauri::command(async)]
pub fn import_calendar(
    state: State<'_, AppState>,
    source: CalendarSourceDto,
) -> ApiResult<Vec<i32>> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let import = source.read(store)?;
    Ok(jobs::save(store, &op, &import)?)
}
