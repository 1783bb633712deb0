use gongshi_app::ItemFilter;
use gongshi_app::archive;
use gongshi_app::domain::FieldError;
use gongshi_app::domain::category::Category;
use gongshi_app::domain::revision::CloseResult;
use gongshi_app::items::{self, ReviewInput};
use tauri::{AppHandle, State};

use crate::dto::files::ArchivedSheetDto;
use crate::dto::week::{
    CategoryDto, ContentDto, ItemFilterDto, ItemRowDto, PreviewDto, RevisionDto, SavedDto, StepDto,
    category_dto, parse_date,
};
use crate::dto::workflow::StatusOptionDto;
use crate::error::ApiResult;
use crate::state::AppState;

pub(crate) fn category(code: &str) -> Result<Category, FieldError> {
    Category::parse("类别", code)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
pub fn categories(state: State<'_, AppState>) -> ApiResult<Vec<CategoryDto>> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let cx = gongshi_app::table_io::context(store)?;
    Category::ALL
        .into_iter()
        .map(|c| {
            Ok(category_dto(
                c,
                gongshi_app::settings::min_days(store, c)?,
                &cx,
            ))
        })
        .collect()
}

/// The statuses with their labels, for the list's filter.
#[tauri::command]
pub fn item_statuses() -> Vec<StatusOptionDto> {
    StatusOptionDto::all()
}

#[tauri::command(async)]
pub fn list_items(state: State<'_, AppState>, filter: ItemFilterDto) -> ApiResult<Vec<ItemRowDto>> {
    let mut inner = state.lock();
    let period = match (filter.from.as_deref(), filter.to.as_deref()) {
        (Some(f), Some(t)) if !f.is_empty() && !t.is_empty() => {
            Some((parse_date("开始日期", f)?, parse_date("结束日期", t)?))
        }
        _ => None,
    };
    let filter = ItemFilter {
        category: filter
            .category
            .as_deref()
            .filter(|c| !c.is_empty())
            .map(category)
            .transpose()?,
        status: filter.status.map(Into::into),
        period,
        text: filter.text,
        ..ItemFilter::default()
    };
    let rows = items::list(inner.store()?, &filter)?;
    Ok(rows.iter().map(Into::into).collect())
}

/// Every revision of an item, oldest first.
#[tauri::command(async)]
pub fn item_history(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<RevisionDto>> {
    let mut inner = state.lock();
    let history = items::history(inner.store()?, id)?;
    Ok(history.iter().map(Into::into).collect())
}

#[tauri::command(async)]
pub fn create_item(
    state: State<'_, AppState>,
    category_code: String,
    content: ContentDto,
) -> ApiResult<SavedDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let saved = items::create(
        inner.store()?,
        &op,
        category(&category_code)?,
        content.into_content()?,
    )?;
    Ok(saved.into())
}

#[tauri::command(async)]
pub fn edit_item(state: State<'_, AppState>, id: i64, content: ContentDto) -> ApiResult<SavedDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    Ok(items::edit(inner.store()?, &op, id, content.into_content()?)?.into())
}

#[tauri::command(async)]
pub fn preview_item(
    state: State<'_, AppState>,
    category_code: String,
    item: Option<i64>,
    content: ContentDto,
) -> ApiResult<PreviewDto> {
    let mut inner = state.lock();
    let (store, content) = (inner.store()?, content.into_content()?);
    Ok(match item {
        Some(id) => items::preview_of(store, id, content, today())?,
        None => items::preview(store, category(&category_code)?, content, today())?,
    }
    .into())
}

#[tauri::command(async)]
pub fn item_step(state: State<'_, AppState>, id: i64, step: StepDto) -> ApiResult<SavedDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let saved = match step {
        StepDto::Submit => items::submit(store, &op, id)?,
        StepDto::Review {
            confidentiality,
            signoff,
            date,
            note,
        } => {
            let on = parse_date("审查日期", &date)?;
            let input = ReviewInput {
                confidentiality: confidentiality.as_deref().map(|n| (n, on, note.as_str())),
                signoff: signoff.as_deref().map(|n| (n, on, note.as_str())),
            };
            items::review(store, &op, id, input)?
        }
        StepDto::Approve { by, date, note } => {
            items::approve(store, &op, id, &by, parse_date("批准日期", &date)?, &note)?
        }
        StepDto::Return { reason } => items::send_back(store, &op, id, &reason)?,
        StepDto::Post { date } => items::post(store, &op, id, parse_date("张贴日期", &date)?)?,
        StepDto::TakeDown { date, reason } => {
            items::take_down(store, &op, id, parse_date("撤下日期", &date)?, &reason)?
        }
        StepDto::Close {
            no_objection,
            date,
            note,
        } => {
            let result = if no_objection {
                CloseResult::NoObjection
            } else {
                CloseResult::ObjectionsHandled
            };
            items::close(
                store,
                &op,
                id,
                result,
                parse_date("归档日期", &date)?,
                &note,
            )?
        }
        StepDto::Revise => items::revise(store, &op, id)?,
    };
    Ok(saved.into())
}

/// The sheets archived for a revision when it was printed for the board.
#[tauri::command(async)]
pub fn archived_sheets(
    state: State<'_, AppState>,
    revision_id: i64,
) -> ApiResult<Vec<ArchivedSheetDto>> {
    let sheets = archive::sheets(state.lock().store()?, revision_id)?;
    Ok(sheets.iter().map(Into::into).collect())
}

/// Opens an archived sheet: taken out of the store into the app's cache
/// folder (checked against its SHA-256 first) and shown in the PDF viewer.
#[tauri::command(async)]
pub fn open_archived(app: AppHandle, state: State<'_, AppState>, sheet_id: i64) -> ApiResult<()> {
    let dir = crate::files::cache_dir(&app)?.join("存档");
    let path = archive::take_out(state.lock().store()?, sheet_id, &dir)?;
    state.files.know(&path);
    state.files.open(&app, &path.display().to_string(), false)
}

/// The item's whole table (internal columns too) as an Excel workbook
/// marked 内部, saved where the clerk chooses.
#[tauri::command(async)]
pub fn export_internal_list(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> ApiResult<Option<crate::dto::PrintedDto>> {
    let name = format!("事项{id}内部名单.xlsx");
    state.files.save_as(&app, &name, || {
        Ok(gongshi_app::internal_list::workbook(
            state.lock().store()?,
            id,
        )?)
    })
}
