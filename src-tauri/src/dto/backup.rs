//! Backups as the 备份与恢复 settings show them.

use gongshi_app::backups::BackupFile;
use gongshi_app::store::backup::FileSummary;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupDto {
    pub path: String,
    /// 2026-12-01 18:20
    pub taken_at: String,
    pub size_kb: u32,
    /// What it holds (null when it does not pass its check).
    pub holds: Option<String>,
    /// Why it does not pass its check.
    pub problem: Option<String>,
    /// Set when it is another school's data: what restoring it would do.
    pub other_school: Option<String>,
}

impl BackupDto {
    /// A backup as listed for a store of school `current`.
    pub fn new(b: &BackupFile, current: Option<&str>) -> Self {
        let checked = gongshi_app::backups::verify(&b.path);
        let school = checked.as_ref().ok().and_then(|s| s.school.clone());
        Self {
            path: b.path.display().to_string(),
            taken_at: b.taken_at.format("%Y-%m-%d %H:%M").to_string(),
            size_kb: u32::try_from(b.bytes / 1024).unwrap_or(u32::MAX),
            holds: checked.as_ref().ok().map(holds),
            problem: checked
                .err()
                .map(|e| crate::error::ApiError::from(e).message),
            other_school: gongshi_app::backups::other_school(current, school.as_deref()),
        }
    }
}

/// What a backup holds, in a line: the school, the counts, the last change.
pub fn holds(s: &FileSummary) -> String {
    let mut line = format!(
        "{}：事项{}项，收费标准{}个，评选{}次",
        s.school.as_deref().unwrap_or("（未设置学校）"),
        s.items,
        s.fee_schedules,
        s.eval_rounds
    );
    if let Some((at, by)) = &s.last_change {
        let local = at.with_timezone(&chrono::Local);
        line.push_str(&format!(
            "；最后修改 {} {by}",
            local.format("%Y-%m-%d %H:%M")
        ));
    }
    line
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupsDto {
    /// Where backups go beside the store.
    pub home_folder: String,
    pub second_folder: Option<String>,
    pub backups: Vec<BackupDto>,
    pub warnings: Vec<String>,
}

/// A backup taken: where, and where the second copy went or why not.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TakenDto {
    pub path: String,
    pub second: Option<String>,
    pub second_failed: Option<String>,
}
