//! What the dashboard and `gongshi info` show.

use std::path::Path;

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
}

pub fn info(store: &Store, db_path: &Path) -> Result<Info> {
    Ok(Info {
        db_path: db_path.display().to_string(),
        school: store.school()?,
        counts: store.counts()?,
        schema_version: store.schema_version()?,
        latest_schema_version: LATEST_VERSION,
    })
}
