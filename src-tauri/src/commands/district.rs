//! 设置 → 上报教育局: the link, a push now, the server's view, the
//! outbox as a file for an offline upload. Over `gongshi_app::district`.

use gongshi_app::district;
use tauri::{AppHandle, State};

use crate::dto::PrintedDto;
use crate::dto::district::{DistrictDto, DistrictSetDto};
use crate::error::ApiResult;
use crate::state::AppState;

fn shown(state: &AppState, report: &district::Report) -> DistrictDto {
    DistrictDto::new(report, &state.sender.status())
}

#[tauri::command(async)]
pub fn district(state: State<'_, AppState>) -> ApiResult<DistrictDto> {
    let report = district::report(state.lock().store()?)?;
    Ok(shown(&state, &report))
}

#[tauri::command(async)]
pub fn set_district(state: State<'_, AppState>, form: DistrictSetDto) -> ApiResult<DistrictDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let set = district::set(
        store,
        &op,
        &form.url,
        &form.school_code,
        &form.token,
        form.ca_pem.as_deref(),
    )?;
    let report = district::report(store)?;
    let shown = shown(&state, &report);
    Ok(DistrictDto {
        warning: set.warning.or(shown.warning.clone()),
        ..shown
    })
}

/// Sends now what is pending (the store is not held while the network is).
#[tauri::command(async)]
pub fn push_district(state: State<'_, AppState>) -> ApiResult<DistrictDto> {
    state.lock().operator()?;
    match crate::sender::push(&state)? {
        Some(report) => Ok(shown(&state, &report)),
        None => district(state),
    }
}

/// The server's view of the school's records (its gaps, its refusals).
#[tauri::command(async)]
pub fn district_status(state: State<'_, AppState>) -> ApiResult<DistrictDto> {
    let link = district::link(state.lock().store()?)?;
    let server = district::server_status(&link)?;
    let report = district::status_with(state.lock().store()?, server)?;
    Ok(shown(&state, &report))
}

#[tauri::command(async)]
pub fn export_district(
    app: AppHandle,
    state: State<'_, AppState>,
) -> ApiResult<Option<PrintedDto>> {
    let (bytes, _) = {
        let mut inner = state.lock();
        let op = inner.operator()?;
        district::export(inner.store()?, &op)?
    };
    state
        .files
        .save_as(&app, "上报教育局（离线上传）.json", || Ok(bytes))
}
