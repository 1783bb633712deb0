//! `appraisal_scale`, the school's 民主评议 grades, and `ethics_cases`,
//! the 师德 cases it found (internal: never printed publicly).

use gongshi_domain::ethics::EthicsCase;
use gongshi_domain::lines::appraisal::Scale;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer, formats};

/// A recorded 师德 case, with who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedCase {
    pub id: i64,
    pub teacher: String,
    pub found_on: chrono::NaiveDate,
    pub summary: String,
    pub recorded_by: String,
}

fn to_case(r: &Row<'_>) -> rusqlite::Result<RecordedCase> {
    Ok(RecordedCase {
        id: r.get(0)?,
        teacher: r.get(1)?,
        found_on: r.get(2)?,
        summary: r.get(3)?,
        recorded_by: r.get(4)?,
    })
}

/// The stored text of the scale the school set, if it set one.
fn set_scale(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT scale FROM appraisal_scale WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
}

impl Store {
    /// The school's 民主评议 grades (优秀, 称职, 基本称职, 不称职 unless set).
    pub fn appraisal_scale(&self) -> Result<Scale> {
        Ok(match set_scale(&self.conn)? {
            Some(text) => formats::read(&text)?,
            None => Scale::default(),
        })
    }

    /// Every recorded 师德 case, newest first.
    pub fn ethics_cases(&self) -> Result<Vec<RecordedCase>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, teacher, found_on, summary, recorded_by FROM ethics_cases
             ORDER BY found_on DESC, id DESC",
        )?;
        let rows = stmt.query_map([], to_case)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    pub fn set_appraisal_scale(&self, scale: &Scale) -> Result<()> {
        let before = set_scale(&self.tx)?;
        let text = formats::write(scale);
        self.tx.execute(
            "INSERT INTO appraisal_scale (id, scale) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET scale = ?1",
            [&text],
        )?;
        self.record(AuditRecord {
            entity: "appraisal_scale",
            entity_id: "1",
            action: "设置民主评议等次",
            before,
            after: Some(text),
        })
    }

    /// Records a 师德 case; returns its number.
    pub fn add_ethics_case(&self, case: &EthicsCase) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO ethics_cases (teacher, found_on, summary, recorded_by)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                case.teacher,
                case.found_on,
                case.summary,
                self.operator.as_str()
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        let after = serde_json::json!({
            "teacher": case.teacher, "found_on": case.found_on, "summary": case.summary
        });
        self.record(AuditRecord::change(
            "ethics_case",
            &id.to_string(),
            "登记师德案例",
            None,
            Some(&after),
        ))?;
        Ok(id)
    }
}
