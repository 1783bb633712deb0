use gongshi_app::paths;
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
    let dir = paths::print_dir(&state.db_path);
    let now = chrono::Local::now().fixed_offset();
    let path = printing::demo_sheet_file(&dir, school.as_ref(), paper.into(), now)?;
    Ok(PrintedDto {
        path: path.display().to_string(),
    })
}
