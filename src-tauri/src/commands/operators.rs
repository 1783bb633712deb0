use gongshi_app::domain::OperatorName;
use gongshi_app::school;
use tauri::State;

use crate::dto::OperatorDto;
use crate::error::ApiResult;
use crate::state::AppState;

/// "Who is working?": records the operator (adding a new name) for every
/// change from now on.
#[tauri::command(async)]
pub fn sign_in(state: State<'_, AppState>, name: String) -> ApiResult<String> {
    let mut inner = state.lock();
    let operator = OperatorName::parse(&name)?;
    school::sign_in(inner.store()?, &operator)?;
    inner.operator = Some(operator.clone());
    Ok(operator.to_string())
}

#[tauri::command(async)]
pub fn operators(state: State<'_, AppState>) -> ApiResult<Vec<OperatorDto>> {
    let mut inner = state.lock();
    let list = school::operators(inner.store()?)?;
    Ok(list
        .into_iter()
        .map(|o| OperatorDto {
            name: o.name,
            last_active_at: o.last_active_at.to_rfc3339(),
        })
        .collect())
}
