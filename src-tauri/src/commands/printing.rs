use gongshi_app::printing;
use tauri::{AppHandle, State};

use crate::dto::{ChosenFileDto, ImportKindDto, PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::AppState;

/// The engine's specimen sheet with this school's header.
#[tauri::command(async)]
pub fn print_specimen(
    app: AppHandle,
    state: State<'_, AppState>,
    paper: PaperDto,
) -> ApiResult<Option<PrintedDto>> {
    state.files.save_as(&app, "打印样张.pdf", || {
        let school = gongshi_app::school::profile(state.lock().store()?)?;
        let now = chrono::Local::now().fixed_offset();
        Ok(printing::demo_sheet(school.as_ref(), paper.into(), now)?)
    })
}

/// Opens a file the app saved (or the clerk chose) in its program; with
/// `reveal`, shows it in its folder.
#[tauri::command(async)]
pub fn open_file(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    reveal: bool,
) -> ApiResult<()> {
    state.files.open(&app, &path, reveal)
}

/// The native open dialog for an import; the chosen file's name and bytes.
#[tauri::command(async)]
pub fn choose_file(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: ImportKindDto,
) -> ApiResult<Option<ChosenFileDto>> {
    state.files.choose(&app, kind)
}
