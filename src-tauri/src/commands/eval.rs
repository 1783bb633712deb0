//! 评优评先: rounds addressed by id (it stays when a round is renamed).

use gongshi_app::domain::evaluation;
use gongshi_app::evaluations as jobs;
use gongshi_app::{Store, eval_sheets};
use tauri::{AppHandle, State};

use crate::dto::eval::{RoundDto, RoundHeadDto, RoundViewDto};
use crate::dto::fees::FieldProblemDto;
use crate::dto::table::{ImportPreviewDto, problems};
use crate::dto::week::PreviewDto;
use crate::dto::{PaperDto, PrintedDto};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

fn view(store: &Store, id: i64) -> ApiResult<RoundViewDto> {
    let r = jobs::round(store, id)?;
    let frozen = jobs::frozen_reason(store, &r)?;
    Ok(RoundViewDto::new(&r, frozen))
}

#[tauri::command(async)]
pub fn eval_rounds(state: State<'_, AppState>) -> ApiResult<Vec<RoundHeadDto>> {
    let mut inner = state.lock();
    let heads = jobs::rounds(inner.store()?)?;
    Ok(heads.into_iter().map(Into::into).collect())
}

#[tauri::command(async)]
pub fn eval_round(state: State<'_, AppState>, id: i64) -> ApiResult<RoundViewDto> {
    let mut inner = state.lock();
    view(inner.store()?, id)
}

/// A new round's defaults for the editor.
#[tauri::command(async)]
pub fn new_eval_round() -> RoundDto {
    RoundDto::defaults()
}

/// Creates (`id` null) or changes a round.
#[tauri::command(async)]
pub fn save_eval_round(
    state: State<'_, AppState>,
    id: Option<i64>,
    round: RoundDto,
) -> ApiResult<RoundViewDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let saved = jobs::save_round(store, &op, id.map(Into::into), round.into_settings())?;
    view(store, saved.id)
}

/// The score grid's inline check of one row.
#[tauri::command(async)]
pub fn check_eval_row(
    state: State<'_, AppState>,
    round: i64,
    cells: Vec<String>,
) -> ApiResult<Vec<FieldProblemDto>> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let settings = jobs::round(store, round)?.settings;
    let errors = jobs::check_row(store, &settings, &cells)?;
    Ok(problems(&evaluation::schema(&settings), &errors))
}

#[tauri::command(async)]
pub fn save_eval_candidates(
    state: State<'_, AppState>,
    round: i64,
    rows: Vec<Vec<String>>,
) -> ApiResult<RoundViewDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    jobs::save_candidates(store, &op, round, &rows)?;
    view(store, round)
}

/// What an import would store, or every bad row and column.
#[tauri::command(async)]
pub fn preview_eval_import(
    state: State<'_, AppState>,
    round: i64,
    bytes: Vec<u8>,
    file_name: String,
) -> ApiResult<ImportPreviewDto> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let settings = jobs::round(store, round)?.settings;
    let read = jobs::read(store, &settings, &bytes, &file_name);
    ImportPreviewDto::of(read.map(|found| found.iter().map(|c| c.cells(&settings)).collect()))
}

#[tauri::command(async)]
pub fn import_eval(
    state: State<'_, AppState>,
    round: i64,
    bytes: Vec<u8>,
    file_name: String,
) -> ApiResult<RoundViewDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    jobs::import(store, &op, round, &bytes, &file_name)?;
    view(store, round)
}

#[tauri::command(async)]
pub fn preview_eval_sheet(
    state: State<'_, AppState>,
    round: i64,
    paper: PaperDto,
) -> ApiResult<PreviewDto> {
    let mut inner = state.lock();
    let now = chrono::Local::now().fixed_offset();
    Ok(eval_sheets::preview(inner.store()?, round, now, paper.into())?.into())
}

/// What a round prints, where the clerk chooses: template, sheet, export.
#[tauri::command(async)]
pub fn print_eval(
    app: AppHandle,
    state: State<'_, AppState>,
    what: String,
    round: i64,
    paper: PaperDto,
) -> ApiResult<Option<PrintedDto>> {
    let now = chrono::Local::now().fixed_offset();
    let title = jobs::round(state.lock().store()?, round)?.settings.name;
    let name = match what.as_str() {
        "template" => format!("{title}评分导入模板.xlsx"),
        "sheet" => format!("{title}结果公示.pdf"),
        "export" => format!("{title}评分明细（内部）.xlsx"),
        other => return Err(ApiError::unknown_print(other)),
    };
    state.files.save_as(&app, &name, || {
        let mut inner = state.lock();
        let store = inner.store()?;
        Ok(match what.as_str() {
            "template" => jobs::template(store, round)?,
            "sheet" => eval_sheets::result_sheet(store, round, now, paper.into())?,
            _ => eval_sheets::export(store, round)?,
        })
    })
}

/// Makes (or updates) the round's disclosure item; returns its number.
#[tauri::command(async)]
pub fn publish_eval(state: State<'_, AppState>, round: i64) -> ApiResult<i64> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let today = chrono::Local::now().date_naive();
    let saved = jobs::publish(inner.store()?, &op, round, today)?;
    Ok(saved.revision.item_id)
}
