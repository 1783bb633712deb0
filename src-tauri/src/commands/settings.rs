use gongshi_app::settings as set;
use tauri::State;

use super::items::category;
use crate::dto::week::RegularDto;
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn set_min_days(state: State<'_, AppState>, category_code: String, days: u32) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    set::set_min_days(inner.store()?, &op, category(&category_code)?, days)?;
    Ok(())
}

/// The rhythms a regular disclosure may have (每月, 每学期, 每年).
#[tauri::command]
pub fn rhythms() -> Vec<String> {
    set::RHYTHMS
        .iter()
        .map(|(_, label)| (*label).to_owned())
        .collect()
}

#[tauri::command(async)]
pub fn regulars(state: State<'_, AppState>) -> ApiResult<Vec<RegularDto>> {
    let mut inner = state.lock();
    Ok(set::regulars(inner.store()?)?
        .iter()
        .map(Into::into)
        .collect())
}

#[tauri::command(async)]
pub fn add_regular(
    state: State<'_, AppState>,
    category_code: String,
    title: String,
    rhythm: String,
) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    set::add_regular(
        inner.store()?,
        &op,
        category(&category_code)?,
        &title,
        &rhythm,
    )?;
    Ok(())
}

#[tauri::command(async)]
pub fn remove_regular(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    set::remove_regular(inner.store()?, &op, id)?;
    Ok(())
}
