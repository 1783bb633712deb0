//! The audit log: who changed what, when, and the row before and after.

use chrono::{DateTime, Utc};
use gongshi_domain::OperatorName;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::{Result, Store, convert};

/// What a change tells the log. `before`/`after` are JSON of the value.
pub struct AuditRecord<'a> {
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub action: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl<'a> AuditRecord<'a> {
    /// A record of `entity` going from `before` to `after` (either may be
    /// absent: a creation or a removal).
    pub fn change<T: serde::Serialize>(
        entity: &'a str,
        entity_id: &'a str,
        action: &'a str,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Self {
        Self {
            entity,
            entity_id,
            action,
            before: before.map(convert::to_json),
            after: after.map(convert::to_json),
        }
    }
}

/// One row of the log, as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub operator: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub(crate) fn insert(
    conn: &Connection,
    operator: &OperatorName,
    at: &str,
    r: &AuditRecord<'_>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, operator, entity, entity_id, action, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            at,
            operator.as_str(),
            r.entity,
            r.entity_id,
            r.action,
            r.before,
            r.after
        ],
    )?;
    Ok(())
}

impl Store {
    /// The newest `limit` entries, newest first.
    pub fn audit_entries(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, operator, entity, entity_id, action, before, after
             FROM audit_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: convert::parse_timestamp(&r.get::<_, String>(1)?)?,
                operator: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
