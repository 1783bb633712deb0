use gongshi_app::{info, school as jobs};
use tauri::State;

use crate::dto::{DashboardDto, SchoolDto};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>) -> ApiResult<DashboardDto> {
    let mut inner = state.lock();
    let today = chrono::Local::now().date_naive();
    Ok(info::info(inner.store()?, &state.db_path, today)?.into())
}

#[tauri::command(async)]
pub fn school(state: State<'_, AppState>) -> ApiResult<Option<SchoolDto>> {
    let mut inner = state.lock();
    Ok(inner.store()?.school()?.map(Into::into))
}

#[tauri::command(async)]
pub fn save_school(state: State<'_, AppState>, profile: SchoolDto) -> ApiResult<SchoolDto> {
    let mut inner = state.lock();
    let operator = inner.operator()?;
    let saved = jobs::save_school(inner.store()?, &operator, profile.into())?;
    Ok(saved.into())
}
