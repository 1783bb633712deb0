use gongshi_app::{board, output};
use tauri::State;

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

/// Prints the week's batch into the 打印 folder and archives each sheet.
#[tauri::command(async)]
pub fn print_week(
    state: State<'_, AppState>,
    date: String,
    paper: PaperDto,
) -> ApiResult<PrintedDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let date = parse_date("日期", &date)?;
    let now = chrono::Local::now().fixed_offset();
    let printed = board::print_week(inner.store()?, &op, date, now, paper.into())?;
    let (monday, _) = board::week_of(date);
    Ok(output::save_printed(
        &state.db_path,
        &format!("本周公开栏-{monday}.pdf"),
        &printed.pdf,
    )?
    .into())
}
