//! Where printed files go and where imports come from: the native save and
//! open dialogs (the last folder remembered per kind of file), and opening
//! what was saved in the system's viewer or file manager.
//!
//! The page never names a path to write or read: the dialogs are opened
//! here, and `open` opens only a file the app wrote or the user chose in
//! this session, so the webview needs no dialog, opener or file-system
//! permission.
//!
//! For the end-to-end tests, which cannot drive a native GTK dialog, three
//! environment variables stand in for the person at the screen:
//! `GONGSHI_TEST_SAVE_DIR` (save there under the default name),
//! `GONGSHI_TEST_OPEN_FILE` (the file chosen to open) and
//! `GONGSHI_TEST_OPENED_LOG` (a line per file the app would open),
//! `GONGSHI_TEST_FOLDER` (the folder chosen).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use gongshi_app::output;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::dto::{ChosenFileDto, ImportKindDto, PrintedDto};
use crate::error::{ApiError, ApiResult};
use crate::last_folders::{FolderKind, LastFolders};

const TEST_SAVE_DIR: &str = "GONGSHI_TEST_SAVE_DIR";
const TEST_OPEN_FILE: &str = "GONGSHI_TEST_OPEN_FILE";
const TEST_OPENED_LOG: &str = "GONGSHI_TEST_OPENED_LOG";
const TEST_FOLDER: &str = "GONGSHI_TEST_FOLDER";

/// Largest file an import reads: far above any real schedule or list.
const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Default)]
pub struct Files {
    /// Files written or chosen in this session: the only ones `open` opens.
    known: Mutex<HashSet<PathBuf>>,
}

impl Files {
    /// Asks where to save `default_name`, then writes what `make` returns
    /// there (nothing when the clerk cancels: `None`). `make` runs after
    /// the choice, so a cancelled save prints and archives nothing.
    pub fn save_as(
        &self,
        app: &AppHandle,
        default_name: &str,
        make: impl FnOnce() -> ApiResult<Vec<u8>>,
    ) -> ApiResult<Option<PrintedDto>> {
        let kind = FolderKind::of_file(default_name);
        let Some(path) = ask_save(app, kind, default_name) else {
            return Ok(None);
        };
        let bytes = make()?;
        output::write_atomically(&path, &bytes)?;
        LastFolders::remember(app, kind, &path);
        self.know(&path);
        Ok(Some(path.into()))
    }

    /// Asks where to save the pictures `default_name` (a .png), then
    /// writes what `make` returns: one picture under the chosen name, or
    /// several as `name-第1页.png`… beside it. Returns the first.
    pub fn save_pictures(
        &self,
        app: &AppHandle,
        default_name: &str,
        make: impl FnOnce() -> ApiResult<Vec<Vec<u8>>>,
    ) -> ApiResult<Option<PrintedDto>> {
        let Some(path) = ask_save(app, FolderKind::Picture, default_name) else {
            return Ok(None);
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let stem = path.file_stem().map_or_else(
            || default_name.trim_end_matches(".png").to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let written = gongshi_app::printing::save_pictures(dir, &stem, &make()?)?;
        LastFolders::remember(app, FolderKind::Picture, &path);
        written.iter().for_each(|p| self.know(p));
        Ok(written.into_iter().next().map(Into::into))
    }

    /// Asks which file to import and reads it (`None` when cancelled).
    pub fn choose(&self, app: &AppHandle, kind: ImportKindDto) -> ApiResult<Option<ChosenFileDto>> {
        let Some(path) = ask_open(app, kind) else {
            return Ok(None);
        };
        let read = |e: std::io::Error| read_error(&path, &e);
        let size = std::fs::metadata(&path).map_err(read)?.len();
        if size > MAX_IMPORT_BYTES {
            return Err(ApiError::new(
                "file.too_large",
                format!(
                    "文件“{}”有{}MB，太大了，不像是要导入的表格或日历。",
                    path.display(),
                    size / (1024 * 1024)
                ),
            ));
        }
        let bytes = std::fs::read(&path).map_err(read)?;
        LastFolders::remember(app, FolderKind::Import, &path);
        self.know(&path);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Ok(Some(ChosenFileDto { name, bytes }))
    }

    /// Asks which file to open, without reading it (a hand-off file may be
    /// larger than an import): `None` when cancelled.
    pub fn choose_path(&self, app: &AppHandle, kind: ImportKindDto) -> Option<PathBuf> {
        let path = ask_open(app, kind)?;
        self.know(&path);
        Some(path)
    }

    /// Remembers a file the app wrote elsewhere (an archived sheet taken
    /// out to be viewed), so it may be opened.
    pub fn know(&self, path: &Path) {
        self.known_files().insert(path.to_path_buf());
    }

    /// Opens a file the app wrote or the user chose, in the system's
    /// program for it; with `reveal`, shows it in its folder instead.
    pub fn open(&self, app: &AppHandle, path: &str, reveal: bool) -> ApiResult<()> {
        let path = self.known_path(path)?;
        if let Some(log) = std::env::var_os(TEST_OPENED_LOG) {
            return log_opened(Path::new(&log), &path, reveal);
        }
        let opened = if reveal {
            app.opener().reveal_item_in_dir(&path)
        } else {
            app.opener()
                .open_path(path.display().to_string(), None::<&str>)
        };
        opened.map_err(|e| {
            ApiError::new(
                "file.open",
                format!(
                    "无法打开“{}”：{e}。请到文件夹中用其他程序打开它。",
                    path.display()
                ),
            )
        })
    }

    /// `path`, when the app wrote it or the clerk chose it this session;
    /// the page cannot have anything else opened.
    fn known_path(&self, path: &str) -> ApiResult<PathBuf> {
        let path = PathBuf::from(path);
        if self.known_files().contains(&path) {
            Ok(path)
        } else {
            Err(ApiError::new(
                "file.unknown",
                "只能打开本次保存或选择的文件。",
            ))
        }
    }

    fn known_files(&self) -> std::sync::MutexGuard<'_, HashSet<PathBuf>> {
        // A set of paths cannot be left half-changed by a panic.
        self.known.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The native save dialog, in the last folder used for this kind of file.
fn ask_save(app: &AppHandle, kind: FolderKind, default_name: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(TEST_SAVE_DIR) {
        return Some(PathBuf::from(dir).join(default_name));
    }
    let (filter, extensions) = kind.filter();
    app.dialog()
        .file()
        .set_title("保存到")
        .set_file_name(default_name)
        .set_directory(LastFolders::folder(app, kind))
        .add_filter(filter, extensions)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// A chosen file that could not be read, in words.
pub fn read_error(path: &Path, e: &std::io::Error) -> ApiError {
    ApiError::new(
        "file.read",
        format!(
            "无法读取文件“{}”：{}",
            path.display(),
            gongshi_app::io_reason(e)
        ),
    )
}

/// The native folder dialog (a second backup folder); `None` when
/// cancelled. `GONGSHI_TEST_FOLDER` stands in for it in the e2e tests.
pub fn ask_folder(app: &AppHandle, title: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(TEST_FOLDER) {
        return Some(PathBuf::from(dir));
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// The native open dialog, showing the files this import reads.
fn ask_open(app: &AppHandle, kind: ImportKindDto) -> Option<PathBuf> {
    if let Some(file) = std::env::var_os(TEST_OPEN_FILE) {
        return Some(PathBuf::from(file));
    }
    let (filter, extensions) = kind.filter();
    app.dialog()
        .file()
        .set_title("选择要导入的文件")
        .set_directory(LastFolders::folder(app, FolderKind::Import))
        .add_filter(filter, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

fn log_opened(log: &Path, path: &Path, reveal: bool) -> ApiResult<()> {
    use std::io::Write;
    let line = format!(
        "{} {}\n",
        if reveal { "reveal" } else { "open" },
        path.display()
    );
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut f| f.write_all(line.as_bytes()))
        .map_err(|e| ApiError::new("file.open", e.to_string()))
}

/// Where the app keeps its own small files (the remembered folders).
pub fn config_dir(app: &AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok()
}

/// Where the app puts copies it makes only to show them (archived sheets).
pub fn cache_dir(app: &AppHandle) -> ApiResult<PathBuf> {
    app.path()
        .app_cache_dir()
        .map_err(|e| ApiError::new("file.cache", format!("找不到缓存文件夹：{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_saved_or_chosen_this_session_may_be_opened() {
        let files = Files::default();
        assert_eq!(
            files.known_path("/etc/passwd").unwrap_err().code,
            "file.unknown"
        );
        files.know(Path::new("/tmp/公示/本周公开栏.pdf"));
        assert!(files.known_path("/tmp/公示/本周公开栏.pdf").is_ok());
        assert!(
            files
                .known_path("/tmp/公示/../公示/本周公开栏.pdf")
                .is_err()
        );
    }
}
