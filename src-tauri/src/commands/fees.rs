use gongshi_app::Store;
use gongshi_app::domain::fee;
use gongshi_app::fee_sheets::{self, FeePrint};
use gongshi_app::fees as jobs;
use gongshi_app::store::Schedule;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::commands::beyond::{archive_when_saved, for_board};
use crate::dto::fees::{ClassSizeDto, FieldProblemDto, ProgressDto, ScheduleDto};
use crate::dto::table::{ImportPreviewDto, TableSchemaDto, problems};
use crate::dto::week::{PreviewDto, parse_date};
use crate::dto::{PaperDto, PrintedDto};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[tauri::command(async)]
pub fn fee_semesters(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    let mut inner = state.lock();
    Ok(jobs::semesters(inner.store()?)?)
}

#[tauri::command(async)]
pub fn fee_schedule(state: State<'_, AppState>, semester: String) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let schedule = jobs::schedule(store, &semester)?;
    shown(store, &schedule)
}

/// A schedule as the UI shows it, with totals for the school's grades.
fn shown(store: &Store, schedule: &Schedule) -> ApiResult<ScheduleDto> {
    let grades = gongshi_app::school::grades(store)?;
    Ok(ScheduleDto::new(schedule, &grades))
}

/// What an import would store, or every bad row and field.
#[tauri::command(async)]
pub fn preview_fee_import(
    state: State<'_, AppState>,
    bytes: Vec<u8>,
    file_name: String,
) -> ApiResult<ImportPreviewDto> {
    let mut inner = state.lock();
    let cx = gongshi_app::table_io::context(inner.store()?)?;
    let read = jobs::read(&bytes, &file_name, &cx);
    ImportPreviewDto::of(read.map(|items| items.iter().map(fee_row).collect()))
}

/// A fee item as the grid's row.
fn fee_row(item: &gongshi_app::domain::fee::FeeItem) -> Vec<String> {
    fee::schema().cells_of(|k| item.cell(k))
}

/// The fee table's schema: the grid's columns, the template's header.
#[tauri::command]
pub fn fee_schema() -> TableSchemaDto {
    (&fee::schema()).into()
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
    let store = inner.store()?;
    let schedule = jobs::import(store, &op, &semester, &bytes, &file_name)?;
    shown(store, &schedule)
}

/// The grid's inline validation: what is wrong with one row, by field.
#[tauri::command(async)]
pub fn check_fee_row(
    state: State<'_, AppState>,
    cells: Vec<String>,
) -> ApiResult<Vec<FieldProblemDto>> {
    let mut inner = state.lock();
    let errors = jobs::check_row(inner.store()?, &cells)?;
    Ok(problems(&fee::schema(), &errors))
}

/// Saves the whole grid (cells in the template's column order): all rows
/// or none.
#[tauri::command(async)]
pub fn save_fee_items(
    state: State<'_, AppState>,
    semester: String,
    rows: Vec<Vec<String>>,
) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let schedule = jobs::save_items(store, &op, &semester, &rows)?;
    shown(store, &schedule)
}

#[tauri::command(async)]
pub fn set_fee_terms(
    state: State<'_, AppState>,
    semester: String,
    months: u8,
    yearly_here: bool,
) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let schedule = jobs::set_terms(store, &op, &semester, months, yearly_here)?;
    shown(store, &schedule)
}

#[tauri::command(async)]
pub fn set_fee_policy(
    state: State<'_, AppState>,
    semester: String,
    policy: String,
) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let schedule = jobs::set_reduction_policy(store, &op, &semester, &policy)?;
    shown(store, &schedule)
}

/// The board sheet, or one letter of the grade, as it would print.
#[tauri::command(async)]
pub fn preview_fees(
    state: State<'_, AppState>,
    what: String,
    semester: String,
    grade: Option<u8>,
    paper: PaperDto,
) -> ApiResult<PreviewDto> {
    let what = match what.as_str() {
        "board" => FeePrint::Board(paper.into()),
        "letter" => FeePrint::Letter(grade),
        other => return Err(ApiError::unknown_print(other)),
    };
    let mut inner = state.lock();
    let now = chrono::Local::now().fixed_offset();
    Ok(fee_sheets::preview(inner.store()?, &semester, what, now)?.into())
}

#[tauri::command(async)]
pub fn copy_fees(state: State<'_, AppState>, from: String, to: String) -> ApiResult<ScheduleDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let schedule = jobs::copy(store, &op, &from, &to)?;
    shown(store, &schedule)
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
    let store = inner.store()?;
    let schedule = jobs::approve(store, &op, &semester, &by, on)?;
    shown(store, &schedule)
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

#[tauri::command(async)]
pub fn remove_class(state: State<'_, AppState>, grade: u8, class: String) -> ApiResult<()> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    jobs::remove_class(inner.store()?, &op, grade, &class)?;
    Ok(())
}

/// What fees print, where the clerk chooses: template, board, export.
#[tauri::command(async)]
pub fn print_fees(
    app: AppHandle,
    state: State<'_, AppState>,
    what: String,
    semester: String,
    paper: PaperDto,
) -> ApiResult<Option<PrintedDto>> {
    let now = chrono::Local::now().fixed_offset();
    let name = match what.as_str() {
        "template" => "收费导入模板.xlsx".to_owned(),
        "board" => format!("{semester}收费公示.pdf"),
        "export" => format!("{semester}收费标准.xlsx"),
        other => return Err(ApiError::unknown_print(other)),
    };
    let mut ready = None;
    let saved = state.files.save_as(&app, &name, || {
        let mut inner = state.lock();
        Ok(match what.as_str() {
            "template" => jobs::template()?,
            "board" => {
                let board =
                    fee_sheets::board_printable(inner.store()?, &semester, now, paper.into())?;
                let board = for_board(&mut inner, board)?;
                let pdf = board.pdf()?;
                ready = Some(board);
                pdf
            }
            _ => fee_sheets::export(inner.store()?, &semester)?,
        })
    })?;
    archive_when_saved(&state, &saved, ready)?;
    Ok(saved)
}

/// How many letters the batch for `grade` (all: null) will hold.
#[tauri::command(async)]
pub fn fee_letter_count(
    state: State<'_, AppState>,
    semester: String,
    grade: Option<u8>,
) -> ApiResult<usize> {
    let mut inner = state.lock();
    Ok(fee_sheets::letter_count(inner.store()?, &semester, grade)?)
}

/// The letters to parents, one per student, where the clerk chooses; tells
/// `progress` how far it is (about a hundred messages for a whole school).
#[tauri::command(async)]
pub fn print_fee_letters(
    app: AppHandle,
    state: State<'_, AppState>,
    semester: String,
    grade: Option<u8>,
    progress: Channel<ProgressDto>,
) -> ApiResult<Option<PrintedDto>> {
    let which = grade.map_or("全校".to_owned(), gongshi_app::domain::grades::grade_name);
    let name = format!("{semester}致家长的一封信（{which}）.pdf");
    let saved = state
        .files
        .save_as(&app, &name, || letters(&state, &semester, grade, &progress))?;
    if saved.is_some() {
        // Counted in the year's record once written (公开形式：公开信).
        let mut inner = state.lock();
        let (op, today) = (inner.operator()?, chrono::Local::now().date_naive());
        gongshi_app::record::letters_printed(inner.store()?, &op, &semester, grade, today)?;
    }
    Ok(saved)
}

fn letters(
    state: &AppState,
    semester: &str,
    grade: Option<u8>,
    progress: &Channel<ProgressDto>,
) -> ApiResult<Vec<u8>> {
    let mut inner = state.lock();
    let now = chrono::Local::now().fixed_offset();
    let mut tell = |done: usize, total: usize| {
        let step = (total / 100).max(1);
        if done.is_multiple_of(step) || done == total {
            // A closed window only loses the message; the letters still print.
            let _ = progress.send(ProgressDto {
                done: done as u32,
                total: total as u32,
            });
        }
    };
    let (pdf, _) =
        fee_sheets::letters_with_progress(inner.store()?, semester, grade, now, &mut tell)?;
    Ok(pdf)
}
