use gongshi_app::printing;
use tauri::State;

use crate::dto::{PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::AppState;

/// The engine's specimen sheet with this school's header, written to the
/// 打印 folder beside the store.
#[tauri::command(async)]
pub fn print_specimen(state: State<'_, AppState>, paper: PaperDto) -> ApiResult<PrintedDto> {
    let mut inner = state.lock();
    let school = inner.store()?.school()?;
    let now = chrono::Local::now().fixed_offset();
    Ok(printing::demo_sheet_file(&state.db_path, school.as_ref(), paper.into(), now)?.into())
}
