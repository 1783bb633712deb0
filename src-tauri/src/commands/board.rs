use gongshi_app::board;
use tauri::{AppHandle, State};

use crate::dto::week::{WeekBoardDto, parse_date};
use crate::dto::{PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn week_board(state: State<'_, AppState>, date: String) -> ApiResult<WeekBoardDto> {
    let mut inner = state.lock();
    let week = board::week(inner.store()?, parse_date("日期", &date)?)?;
    Ok((&week).into())
}

/// Prints the week's batch where the clerk chooses, and archives each sheet.
#[tauri::command(async)]
pub fn print_week(
    app: AppHandle,
    state: State<'_, AppState>,
    date: String,
    paper: PaperDto,
) -> ApiResult<Option<PrintedDto>> {
    let date = parse_date("日期", &date)?;
    state
        .files
        .save_as(&app, &board::batch_file_name(date), || {
            let mut inner = state.lock();
            let op = inner.operator()?;
            let now = chrono::Local::now().fixed_offset();
            Ok(board::print_week(inner.store()?, &op, date, now, paper.into())?.pdf)
        })
}
