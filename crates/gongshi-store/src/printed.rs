//! `printed_sheets`: every sheet printed for posting, as printed (the PDF)
//! with its SHA-256 and the date, so the record proves what was on the board.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrintedSheet {
    pub id: i64,
    pub revision_id: i64,
    pub printed_on: NaiveDate,
    /// The first day of the posting period the sheet states, if it states one.
    pub period_start: Option<NaiveDate>,
    pub purpose: String,
    pub sha256: String,
    pub size: i64,
}

impl Store {
    pub fn printed_sheets(&self, revision_id: i64) -> Result<Vec<PrintedSheet>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, revision_id, printed_on, purpose, sha256, length(pdf), period_start
             FROM printed_sheets WHERE revision_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([revision_id], |r| {
            Ok(PrintedSheet {
                id: r.get(0)?,
                revision_id: r.get(1)?,
                printed_on: r.get(2)?,
                period_start: r.get(6)?,
                purpose: r.get(3)?,
                sha256: r.get(4)?,
                size: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The archived PDF bytes.
    pub fn printed_pdf(&self, id: i64) -> Result<Vec<u8>> {
        Ok(self
            .conn
            .query_row("SELECT pdf FROM printed_sheets WHERE id = ?1", [id], |r| {
                r.get(0)
            })?)
    }
}

impl Writer<'_> {
    pub fn archive_sheet(
        &self,
        revision_id: i64,
        printed_on: NaiveDate,
        period_start: Option<NaiveDate>,
        sha256: &str,
        pdf: &[u8],
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO printed_sheets (revision_id, printed_on, period_start, purpose, sha256, pdf)
             VALUES (?1, ?2, ?3, 'board', ?4, ?5)",
            params![revision_id, printed_on, period_start, sha256, pdf],
        )?;
        let id = self.tx.last_insert_rowid();
        let note = serde_json::json!({ "revision_id": revision_id, "printed_on": printed_on, "sha256": sha256 });
        self.record(AuditRecord::change(
            "printed_sheet",
            &id.to_string(),
            "打印张贴稿存档",
            None,
            Some(&note),
        ))?;
        Ok(id)
    }
}
