//! The `operators` table: the people who have worked in this store.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer, convert};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operator {
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_active_at: DateTime<Utc>,
}

impl Store {
    /// Everyone who has worked here, most recently active first.
    pub fn operators(&self) -> Result<Vec<Operator>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, created_at, last_active_at FROM operators
             ORDER BY last_active_at DESC, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Operator {
                name: r.get(0)?,
                created_at: convert::parse_timestamp(&r.get::<_, String>(1)?)?,
                last_active_at: convert::parse_timestamp(&r.get::<_, String>(2)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Marks the writer's operator active now; a first-time operator is added
/// and the addition is logged.
pub(crate) fn touch(w: &Writer<'_>) -> Result<()> {
    let name = w.operator.as_str();
    let known: Option<i64> =
        w.tx.query_row("SELECT id FROM operators WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    if known.is_some() {
        w.tx.execute(
            "UPDATE operators SET last_active_at = ?2 WHERE name = ?1",
            params![name, w.now],
        )?;
        return Ok(());
    }
    w.tx.execute(
        "INSERT INTO operators (name, created_at, last_active_at) VALUES (?1, ?2, ?2)",
        params![name, w.now],
    )?;
    w.record(AuditRecord::change(
        "operator",
        name,
        "新增操作人",
        None,
        Some(&name),
    ))
}
