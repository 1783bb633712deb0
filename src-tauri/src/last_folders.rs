//! The folder each kind of file was last saved to or opened from, kept in
//! the app's configuration folder (this PC's, not the school's record) as
//! an explicit, versioned file:
//! `{"format": 1, "folders": {"pdf": "…", "xlsx": "…", "import": "…",
//! "transfer": "…"}}`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::AppHandle;

/// Files are remembered by what they are: sheets, workbooks, imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderKind {
    Pdf,
    Workbook,
    Import,
    /// A hand-off file to another PC (.gongshi).
    Transfer,
    /// Pictures of a sheet (.png).
    Picture,
}

impl FolderKind {
    /// The kind a default file name stands for, by its extension.
    pub fn of_file(name: &str) -> FolderKind {
        if name.ends_with(".xlsx") {
            FolderKind::Workbook
        } else if name.ends_with(".gongshi") {
            FolderKind::Transfer
        } else if name.ends_with(".png") {
            FolderKind::Picture
        } else {
            FolderKind::Pdf
        }
    }

    fn key(self) -> &'static str {
        match self {
            FolderKind::Pdf => "pdf",
            FolderKind::Workbook => "xlsx",
            FolderKind::Import => "import",
            FolderKind::Transfer => "transfer",
            FolderKind::Picture => "png",
        }
    }

    /// The save dialog's filter.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FolderKind::Pdf => ("PDF 文件", &["pdf"]),
            FolderKind::Workbook | FolderKind::Import => ("Excel 工作簿", &["xlsx"]),
            FolderKind::Transfer => ("公示数据文件", &["gongshi"]),
            FolderKind::Picture => ("PNG 图片", &["png"]),
        }
    }
}

const FORMAT: u32 = 1;
const FILE_NAME: &str = "last-folders.json";

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LastFolders {
    format: u32,
    folders: BTreeMap<String, PathBuf>,
}

impl LastFolders {
    /// The folder to start a dialog in: the last one used for `kind` while
    /// it still exists, else the documents folder.
    pub fn folder(app: &AppHandle, kind: FolderKind) -> PathBuf {
        Self::read(app)
            .folders
            .remove(kind.key())
            .filter(|d| d.is_dir())
            .or_else(dirs::document_dir)
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Remembers the folder of `file` for `kind`. Failing to remember is
    /// not worth bothering the clerk with: the file itself was written.
    pub fn remember(app: &AppHandle, kind: FolderKind, file: &Path) {
        let (Some(dir), Some(config)) = (file.parent(), crate::files::config_dir(app)) else {
            return;
        };
        let mut all = Self::read(app);
        all.format = FORMAT;
        all.folders.insert(kind.key().into(), dir.to_path_buf());
        if let Ok(text) = serde_json::to_vec_pretty(&all) {
            let _ = std::fs::create_dir_all(&config);
            let _ = gongshi_app::output::write_atomically(&config.join(FILE_NAME), &text);
        }
    }

    fn read(app: &AppHandle) -> LastFolders {
        crate::files::config_dir(app)
            .and_then(|dir| std::fs::read(dir.join(FILE_NAME)).ok())
            .and_then(|bytes| Self::parse(&bytes))
            .unwrap_or_default()
    }

    /// A file of another format (a later version's) is ignored, not misread.
    fn parse(bytes: &[u8]) -> Option<LastFolders> {
        serde_json::from_slice::<LastFolders>(bytes)
            .ok()
            .filter(|f| f.format == FORMAT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_format_is_explicit() {
        let golden = r#"{"format":1,"folders":{"pdf":"/home/王静/公开栏","xlsx":"/mnt/u盘"}}"#;
        let parsed = LastFolders::parse(golden.as_bytes()).unwrap();
        assert_eq!(parsed.folders["pdf"], PathBuf::from("/home/王静/公开栏"));
        assert_eq!(serde_json::to_string(&parsed).unwrap(), golden);
        assert!(LastFolders::parse(br#"{"format":2,"folders":{}}"#).is_none());
        assert!(LastFolders::parse(b"not json").is_none());
    }

    #[test]
    fn the_kind_follows_the_file() {
        assert_eq!(FolderKind::of_file("收费标准.xlsx"), FolderKind::Workbook);
        assert_eq!(
            FolderKind::of_file("2026年11月23日本周公开栏.pdf"),
            FolderKind::Pdf
        );
    }
}
