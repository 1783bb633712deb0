use gongshi_app::domain::OperatorName;
use gongshi_app::setup::{Start, create_store as create};
use tauri::State;

use crate::dto::{self, CreateStoreDto, StartupDto};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[tauri::command(async)]
pub fn startup(state: State<'_, AppState>) -> ApiResult<StartupDto> {
    let inner = state.lock();
    let db_path = state.db_path.display().to_string();
    if let Some(error) = &inner.refused {
        return Ok(StartupDto::Refused {
            db_path,
            error: error.clone(),
        });
    }
    match &inner.store {
        None => Ok(StartupDto::FirstRun { db_path }),
        Some(store) => Ok(dto::ready(
            db_path,
            store,
            inner.operator.as_ref().map(ToString::to_string),
        )?),
    }
}

/// First run: makes the store (demo or empty) and signs the operator in.
#[tauri::command(async)]
pub fn create_store(state: State<'_, AppState>, request: CreateStoreDto) -> ApiResult<StartupDto> {
    let mut inner = state.lock();
    if inner.store.is_some() || inner.refused.is_some() {
        return Err(ApiError::new(
            "store.exists",
            "数据文件已经打开，不能再新建。",
        ));
    }
    let operator = OperatorName::parse(&request.operator)?;
    let start = if request.demo {
        Start::Demo
    } else {
        Start::Empty {
            school_name: request.school_name.filter(|n| !n.trim().is_empty()),
        }
    };
    let store = create(&state.db_path, &start, &operator)?;
    let startup = dto::ready(
        state.db_path.display().to_string(),
        &store,
        Some(operator.to_string()),
    )?;
    inner.store = Some(store);
    inner.operator = Some(operator);
    Ok(startup)
}
