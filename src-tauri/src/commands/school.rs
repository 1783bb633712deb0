use gongshi_app::{info, school as jobs};
use tauri::State;

use gongshi_app::domain::grades::school::STAGES;

use crate::dto::{DashboardDto, DutiesDto, SchoolDto};
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
    Ok(jobs::profile(inner.store()?)?.map(Into::into))
}

#[tauri::command(async)]
pub fn save_school(state: State<'_, AppState>, profile: SchoolDto) -> ApiResult<SchoolDto> {
    let mut inner = state.lock();
    let operator = inner.operator()?;
    let saved = jobs::save_school(inner.store()?, &operator, profile.try_into()?)?;
    Ok(saved.into())
}

/// The kinds of school the 学段 box offers (小学, 初中…).
#[tauri::command]
pub fn grade_stages() -> Vec<String> {
    STAGES.iter().map(|(name, _)| (*name).to_owned()).collect()
}

#[tauri::command(async)]
pub fn duties(state: State<'_, AppState>) -> ApiResult<DutiesDto> {
    let mut inner = state.lock();
    Ok(jobs::duties(inner.store()?)?.into())
}

#[tauri::command(async)]
pub fn save_duties(state: State<'_, AppState>, duties: DutiesDto) -> ApiResult<DutiesDto> {
    let mut inner = state.lock();
    let operator = inner.operator()?;
    Ok(jobs::save_duties(inner.store()?, &operator, duties.into())?.into())
}
