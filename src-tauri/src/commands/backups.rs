//! 设置 → 备份与恢复, and the refused store's way back: each a few lines
//! over `gongshi_app::backups`.

use gongshi_app::backups::{self, SecondCopy};
use gongshi_app::domain::faces::{Face, for_face};
use tauri::{AppHandle, State};

use crate::dto::backup::{BackupDto, BackupsDto, TakenDto};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> ApiResult<BackupsDto> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let status = backups::status(store, &state.db_path)?;
    let list = backups::list(Some(store), &state.db_path)?;
    let school = gongshi_app::school::profile(store)?.map(|s| s.name);
    Ok(BackupsDto {
        home_folder: backups::home_folder(&state.db_path).display().to_string(),
        second_folder: status.second_folder,
        backups: list
            .iter()
            .map(|b| BackupDto::new(b, school.as_deref()))
            .collect(),
        warnings: status
            .warnings
            .iter()
            .map(|w| for_face(w, Face::App))
            .collect(),
    })
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> ApiResult<TakenDto> {
    let mut inner = state.lock();
    let taken = backups::take(inner.store()?, &state.db_path)?;
    let (second, second_failed) = match taken.second {
        SecondCopy::NotSet => (None, None),
        SecondCopy::Written { path } => (Some(path.display().to_string()), None),
        SecondCopy::Failed { folder, reason } => (None, Some(format!("{folder}：{reason}"))),
    };
    Ok(TakenDto {
        path: taken.path.display().to_string(),
        second,
        second_failed,
    })
}

/// Restores a listed backup: the store is closed, restored (the one
/// before kept as a backup), and opened again.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let known = backups::list(inner.store.as_ref(), &state.db_path)?
        .into_iter()
        .any(|b| b.path.display().to_string() == path);
    if !known {
        return Err(ApiError::new("backup.unknown", "只能用列出的备份恢复。"));
    }
    let kept = inner.replace_store(&state.db_path, || {
        backups::restore(&state.db_path, std::path::Path::new(&path), &op)
    })?;
    Ok(kept.display().to_string())
}

/// Chooses the second backup folder with the system's dialog (None:
/// cancelled), or clears it.
#[tauri::command(async)]
pub fn set_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    clear: bool,
) -> ApiResult<Option<String>> {
    let folder = if clear {
        None
    } else {
        match crate::files::ask_folder(&app, "选择第二备份位置（U 盘或网络盘）") {
            Some(f) => Some(f.display().to_string()),
            None => return Ok(None),
        }
    };
    let mut inner = state.lock();
    let op = inner.operator()?;
    backups::set_second_folder(inner.store()?, &state.db_path, &op, folder.as_deref())?;
    Ok(folder)
}

/// For a store that was refused: the newest backup that passes its check.
#[tauri::command(async)]
pub fn newest_good_backup(state: State<'_, AppState>) -> Option<BackupDto> {
    backups::newest_good(&state.db_path).map(|(b, _)| BackupDto::new(&b, None))
}

/// Sets the refused store aside (renamed, never deleted), restores the
/// newest good backup and opens it; the operator signs in again.
#[tauri::command(async)]
pub fn recover_from_backup(state: State<'_, AppState>, operator: String) -> ApiResult<String> {
    let op = gongshi_app::domain::OperatorName::parse(&operator)?;
    let mut inner = state.lock();
    let (newest, _) = backups::newest_good(&state.db_path)
        .ok_or_else(|| ApiError::new("backup.none", "没有找到完好的备份。"))?;
    let aside = inner.replace_store(&state.db_path, || {
        backups::restore(&state.db_path, &newest.path, &op)
    })?;
    Ok(aside.display().to_string())
}

/// Walks the audit chain and the archived sheets: what it found.
#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> ApiResult<String> {
    let mut inner = state.lock();
    Ok(gongshi_app::audit::verify(inner.store()?, &state.db_path)?)
}

/// 导出到其他电脑: the hand-off file, saved where the clerk chooses.
#[tauri::command(async)]
pub fn export_transfer(
    app: AppHandle,
    state: State<'_, AppState>,
) -> ApiResult<Option<crate::dto::PrintedDto>> {
    let school = gongshi_app::school::profile(state.lock().store()?)?.map(|p| p.name);
    let name = gongshi_app::transfer::file_name(school.as_deref());
    state.files.save_as(&app, &name, || {
        Ok(gongshi_app::transfer::export(&state.db_path)?.1)
    })
}

/// 从文件打开: a hand-off file from another PC, checked and opened as this
/// PC's store (the store here, if any, backed up first). None: cancelled.
#[tauri::command(async)]
pub fn open_transfer(
    app: AppHandle,
    state: State<'_, AppState>,
    operator: String,
) -> ApiResult<Option<String>> {
    let op = gongshi_app::domain::OperatorName::parse(&operator)?;
    let kind = crate::dto::files::ImportKindDto::Transfer;
    let Some(path) = state.files.choose_path(&app, kind) else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| crate::files::read_error(&path, &e))?;
    let mut inner = state.lock();
    let manifest = inner.replace_store(&state.db_path, || {
        gongshi_app::transfer::open(&state.db_path, &bytes, &op)
    })?;
    inner.operator = Some(op);
    Ok(Some(manifest.school.unwrap_or_default()))
}
