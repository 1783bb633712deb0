use gongshi_app::fee_sheets;
use gongshi_app::fees as jobs;
use gongshi_app::output;
use tauri::State;

use crate::dto::fees::{ClassSizeDto, FeeImportPreviewDto, ScheduleDto};
use crate::dto::week::parse_date;
use crate::dto::{PaperDto, PrintedDto};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[tauri::command(async)]
pub fn fee_semesters(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    let mut inner = state.lock();
    Ok(inner.store()?.fee_semesters()?)
}

#[tauri::command(async)]
pub fn fee_schedule(state: State<'_, AppState>, semester: String) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    Ok((&jobs::schedule(inner.store()?, &semester)?).into())
}

/// What an import would store, or every bad row and field.
#[tauri::command(async)]
pub fn preview_fee_import(bytes: Vec<u8>, file_name: String) -> ApiResult<FeeImportPreviewDto> {
    Ok(match jobs::read(&bytes, &file_name) {
        Ok(items) => FeeImportPreviewDto {
            items: items.iter().map(Into::into).collect(),
            errors: Vec::new(),
        },
        Err(gongshi_app::AppError::Import(errors)) => FeeImportPreviewDto {
            items: Vec::new(),
            errors,
        },
        Err(e) => return Err(ApiError::from(e)),
    })
}

#[tauri::command(async)]
pub fn import_fees(
    state: State<'_, AppState>,
    semester: String,
    bytes: Vec<u8>,
    file_name: String,
) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    Ok((&jobs::import(inner.store()?, &op, &semester, &bytes, &file_name)?).into())
}

#[tauri::command(async)]
pub fn copy_fees(state: State<'_, AppState>, from: String, to: String) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    Ok((&jobs::copy(inner.store()?, &op, &from, &to)?).into())
}

#[tauri::command(async)]
pub fn approve_fees(
    state: State<'_, AppState>,
    semester: String,
    by: String,
    date: String,
) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let on = parse_date("批准日期", &date)?;
    Ok((&jobs::approve(inner.store()?, &op, &semester, &by, on)?).into())
}

#[tauri::command(async)]
pub fn class_sizes(state: State<'_, AppState>) -> ApiResult<Vec<ClassSizeDto>> {
    let mut inner = state.lock();
    Ok(inner
        .store()?
        .class_sizes()?
        .iter()
        .map(Into::into)
        .collect())
}

#[tauri::command(async)]
pub fn set_class_size(state: State<'_, AppState>, size: ClassSizeDto) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    jobs::set_class_size(inner.store()?, &op, size.grade, &size.class, size.students)?;
    Ok(())
}

/// What fees print, into the 打印 folder: template, board, letters, export.
#[tauri::command(async)]
pub fn print_fees(
    state: State<'_, AppState>,
    what: String,
    semester: String,
    grade: Option<u8>,
    paper: PaperDto,
) -> ApiResult<PrintedDto> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let now = chrono::Local::now().fixed_offset();
    let (bytes, name) = match what.as_str() {
        "template" => (jobs::template()?, "收费导入模板.xlsx".to_owned()),
        "board" => (
            fee_sheets::board_sheet(store, &semester, now, paper.into())?,
            format!("收费公示-{semester}.pdf"),
        ),
        "letters" => {
            let (pdf, _) = fee_sheets::letters(store, &semester, grade, now)?;
            let which = grade.map_or("全校".to_owned(), gongshi_app::domain::grades::grade_name);
            (pdf, format!("致家长的一封信-{semester}-{which}.pdf"))
        }
        "export" => (
            fee_sheets::export(store, &semester)?,
            format!("收费标准-{semester}.xlsx"),
        ),
        other => {
            return Err(ApiError::new(
                "invalid",
                format!("不认识的打印内容：{other}"),
            ));
        }
    };
    Ok(output::save_printed(&state.db_path, &name, &bytes)?.into())
}
