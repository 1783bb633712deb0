//! Where the store lives.

use std::path::PathBuf;

/// The environment variable that points the desktop app (and the CLI, when
/// `--db` is not given) at another store file.
pub const DB_ENV: &str = "GONGSHI_DB";

/// `<OS app-data folder>/Gongshi/gongshi.sqlite3`: `%APPDATA%` on Windows,
/// `~/.local/share` on Linux, `~/Library/Application Support` on macOS.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("Gongshi")
        .join("gongshi.sqlite3")
}

/// The store to use: an explicit path, else `$GONGSHI_DB`, else the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| std::env::var_os(DB_ENV).map(PathBuf::from))
        .unwrap_or_else(default_db_path)
}
