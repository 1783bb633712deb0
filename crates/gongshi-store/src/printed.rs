//! `printed_sheets`: every sheet printed for posting — an item's, or one of
//! the school's own (收费公示, 反馈答复公示) — as printed (the
//! PDF) with its SHA-256, the date and its 核验码, so the record proves
//! what was on the board; and the store's key, whose mark begins every
//! code.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrintedSheet {
    pub id: i64,
    /// The item revision it printed; None for the school's own sheets.
    pub revision_id: Option<i64>,
    /// A school's own sheet: its 核验码's second part (F3, Q) and its
    /// title as printed. None for an item's.
    pub subject: Option<String>,
    pub title: Option<String>,
    pub printed_on: NaiveDate,
    /// The posting period the sheet states, if it states one (its last day
    /// recorded from version 13).
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub purpose: String,
    pub sha256: String,
    pub size: i64,
    /// The 核验码 printed on it (none on sheets printed before version 12).
    pub code: Option<String>,
    /// Who printed it, as the audit log recorded.
    pub printed_by: Option<String>,
}

/// The columns [`sheet`] reads, from `printed_sheets p`.
pub(crate) const COLUMNS: &str =
    "p.id, p.revision_id, p.printed_on, p.purpose, p.sha256, length(p.pdf),
    p.period_start, p.code, p.subject, p.title, p.period_end,
    (SELECT a.operator FROM audit_log a
     WHERE a.entity = 'printed_sheet' AND a.entity_id = CAST(p.id AS TEXT)
     ORDER BY a.id LIMIT 1)";

pub(crate) fn sheet(r: &rusqlite::Row<'_>) -> rusqlite::Result<PrintedSheet> {
    Ok(PrintedSheet {
        id: r.get(0)?,
        revision_id: r.get(1)?,
        printed_on: r.get(2)?,
        purpose: r.get(3)?,
        sha256: r.get(4)?,
        size: r.get(5)?,
        period_start: r.get(6)?,
        code: r.get(7)?,
        subject: r.get(8)?,
        title: r.get(9)?,
        period_end: r.get(10)?,
        printed_by: r.get(11)?,
    })
}

impl Store {
    pub fn printed_sheets(&self, revision_id: i64) -> Result<Vec<PrintedSheet>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM printed_sheets p WHERE p.revision_id = ?1 ORDER BY p.id"
        ))?;
        let rows = stmt.query_map([revision_id], sheet)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sheets printed with the 核验码 `code`, oldest first (one
    /// revision printed twice on a day reads the same, so has one code).
    pub fn printed_with_code(&self, code: &str) -> Result<Vec<PrintedSheet>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM printed_sheets p WHERE p.code = ?1 ORDER BY p.id"
        ))?;
        let rows = stmt.query_map([code], sheet)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One archived sheet.
    pub fn printed_sheet(&self, id: i64) -> Result<Option<PrintedSheet>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM printed_sheets p WHERE p.id = ?1"),
                [id],
                sheet,
            )
            .optional()?)
    }

    /// The 核验码 of every printing of a school's own sheet (`subject`,
    /// the codes' second part), oldest first, each once.
    pub fn printed_codes(&self, subject: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT code FROM printed_sheets WHERE subject = ?1 AND code IS NOT NULL
             GROUP BY code ORDER BY min(id)",
        )?;
        let rows = stmt.query_map([subject], |r| r.get(0))?;
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

    /// The store's random key (made when the store was, or upgraded to
    /// version 12; a backup or a hand-off file keeps it).
    pub fn store_key(&self) -> Result<Vec<u8>> {
        Ok(self
            .conn
            .query_row("SELECT key FROM store_key WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }
}

/// What an archived sheet printed.
pub enum PrintOf<'a> {
    /// An item's revision.
    Revision(i64),
    /// One of the school's own sheets: its 核验码's second part, its title.
    Own { subject: &'a str, title: &'a str },
}

/// A sheet to archive as printed for the board.
pub struct BoardPrint<'a> {
    pub of: PrintOf<'a>,
    pub printed_on: NaiveDate,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub sha256: &'a str,
    pub code: &'a str,
    pub pdf: &'a [u8],
}

impl Writer<'_> {
    pub fn archive_sheet(&self, print: &BoardPrint<'_>) -> Result<i64> {
        let (revision_id, subject, title) = match print.of {
            PrintOf::Revision(id) => (Some(id), None, None),
            PrintOf::Own { subject, title } => (None, Some(subject), Some(title)),
        };
        self.tx.execute(
            "INSERT INTO printed_sheets
                 (revision_id, subject, title, printed_on, period_start, period_end,
                  purpose, sha256, pdf, code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'board', ?7, ?8, ?9)",
            params![
                revision_id,
                subject,
                title,
                print.printed_on,
                print.period_start,
                print.period_end,
                print.sha256,
                print.pdf,
                print.code
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        let mut note = serde_json::json!({
            "revision_id": revision_id,
            "printed_on": print.printed_on,
            "sha256": print.sha256,
            "code": print.code,
        });
        if let Some(subject) = subject {
            note["subject"] = subject.into();
        }
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
