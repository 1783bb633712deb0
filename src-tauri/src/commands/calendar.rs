use gongshi_app::calendar as cal;
use tauri::State;

use crate::dto::week::{CalendarDayDto, parse_date};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn calendar_days(state: State<'_, AppState>) -> ApiResult<Vec<CalendarDayDto>> {
    let mut inner = state.lock();
    let days = cal::days(inner.store()?)?;
    Ok(days.iter().map(Into::into).collect())
}

#[tauri::command(async)]
pub fn set_calendar_day(
    state: State<'_, AppState>,
    day: CalendarDayDto,
) -> ApiResult<CalendarDayDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let date = parse_date("日期", &day.date)?;
    Ok((&cal::set_day(inner.store()?, &op, date, &day.name, day.off)?).into())
}

#[tauri::command(async)]
pub fn remove_calendar_day(state: State<'_, AppState>, date: String) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    cal::remove_day(inner.store()?, &op, parse_date("日期", &date)?)?;
    Ok(())
}
