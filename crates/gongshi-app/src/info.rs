//! What the dashboard and `gongshi info` show.

use std::path::Path;

use chrono::NaiveDate;
use gongshi_domain::SchoolProfile;
use gongshi_store::{Counts, LATEST_VERSION, Store};
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, Serialize)]
pub struct Info {
    pub db_path: String,
    pub school: Option<SchoolProfile>,
    pub counts: Counts,
    pub schema_version: i64,
    pub latest_schema_version: i64,
    /// The holiday arrangement a posting period will need and the calendar
    /// lacks, with what to do (see `calendar::missing_year_warning`).
    pub calendar_warning: Option<crate::calendar::CalendarWarning>,
    /// The newest backup and what the school should know of its backups.
    pub backup: crate::backups::Status,
}

pub fn info(store: &Store, db_path: &Path, today: NaiveDate) -> Result<Info> {
    Ok(Info {
        calendar_warning: crate::calendar::missing_year_warning(Some(store), today)?,
        db_path: db_path.display().to_string(),
        school: store.school()?,
        counts: store.counts()?,
        schema_version: store.schema_version()?,
        latest_schema_version: LATEST_VERSION,
        backup: crate::backups::status(store, db_path)?,
    })
}
