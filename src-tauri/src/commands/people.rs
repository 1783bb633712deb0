//! 领导述职's grades, 师德承诺's 签名表, and the 师德 cases (internal).

use gongshi_app::{people, people_sheets};
use tauri::{AppHandle, State};

use crate::dto::people::{AppraisalScaleDto, EthicsCaseDto, NewEthicsCaseDto};
use crate::dto::week::parse_date;
use crate::dto::{PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn appraisal_scale(state: State<'_, AppState>) -> ApiResult<AppraisalScaleDto> {
    let mut inner = state.lock();
    Ok((&people::appraisal_scale(inner.store()?)?).into())
}

#[tauri::command(async)]
pub fn set_appraisal_scale(
    state: State<'_, AppState>,
    grades: String,
    satisfied: u32,
) -> ApiResult<AppraisalScaleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let satisfied = usize::try_from(satisfied).unwrap_or(usize::MAX);
    let set = people::set_appraisal_scale(inner.store()?, &op, &grades, Some(satisfied))?;
    Ok((&set).into())
}

/// Saves a 师德承诺 item's 签名表 where the clerk chooses.
#[tauri::command(async)]
pub fn print_signing_sheet(
    app: AppHandle,
    state: State<'_, AppState>,
    item: i64,
    paper: PaperDto,
) -> ApiResult<Option<PrintedDto>> {
    let now = chrono::Local::now().fixed_offset();
    let sheet = people_sheets::signing_sheet(state.lock().store()?, item, now, paper.into())?;
    let name = format!("{}.pdf", sheet.name);
    state.files.save_as(&app, &name, || Ok(sheet.pdf()?))
}

#[tauri::command(async)]
pub fn ethics_cases(state: State<'_, AppState>) -> ApiResult<Vec<EthicsCaseDto>> {
    let mut inner = state.lock();
    Ok(people::ethics_cases(inner.store()?)?
        .iter()
        .map(Into::into)
        .collect())
}

#[tauri::command(async)]
pub fn add_ethics_case(
    state: State<'_, AppState>,
    case: NewEthicsCaseDto,
) -> ApiResult<Vec<EthicsCaseDto>> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let found_on = parse_date("查实日期", &case.found_on)?;
    let store = inner.store()?;
    people::add_ethics_case(store, &op, &case.teacher, found_on, &case.summary)?;
    Ok(people::ethics_cases(store)?
        .iter()
        .map(Into::into)
        .collect())
}
