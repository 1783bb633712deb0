//! What the year's record reads in a range of dates (posted revisions,
//! the school's own sheets put up, items announced at meetings), and its
//! two tables: `outreach`, the letters printed and text messages made,
//! and `year_texts`, a year's report text as the clerk edited it.

use chrono::NaiveDate;
use gongshi_domain::record::{Form, YearText};
use gongshi_domain::revision::Revision;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, PrintedSheet, Result, Store, Writer, formats};

/// A letter batch printed or a text message made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outreach {
    pub id: i64,
    pub form: Form,
    /// What it disclosed, as the 核验码 names it (I12 an item, F3 a fee
    /// schedule).
    pub subject: String,
    pub title: String,
    pub made_on: NaiveDate,
    pub copies: u32,
}

impl Store {
    /// Every revision posted (first day on the board) from `from` to
    /// `to`, in the order they went up.
    pub fn posted_revisions(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Revision>> {
        let sql = format!(
            "SELECT {} FROM revisions r JOIN items i ON i.id = r.item_id
             WHERE r.posted_on BETWEEN ?1 AND ?2 ORDER BY r.posted_on, r.id",
            crate::items::COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![from, to], crate::items::to_revision)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The school's own sheets archived for the board (收费公示,
    /// 反馈答复公示) whose period begins in the range — the newest print
    /// of each subject and period only.
    pub fn own_sheets_posted(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<PrintedSheet>> {
        let sql = format!(
            "SELECT {} FROM printed_sheets p
             WHERE p.subject IS NOT NULL AND p.period_start BETWEEN ?1 AND ?2
               AND p.id = (SELECT max(q.id) FROM printed_sheets q
                           WHERE q.subject = p.subject AND q.period_start = p.period_start)
             ORDER BY p.period_start, p.id",
            crate::printed::COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![from, to], crate::printed::sheet)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every item announced at a meeting, with the day of the meeting.
    pub fn announcements(&self) -> Result<Vec<(i64, NaiveDate)>> {
        let mut stmt = self.conn.prepare(
            "SELECT mi.item_id, m.held_on FROM meeting_items mi
             JOIN meetings m ON m.id = mi.meeting_id ORDER BY m.held_on, mi.item_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Letters and messages made in the range, oldest first.
    pub fn outreach_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Outreach>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, form, subject, title, made_on, copies FROM outreach
             WHERE made_on BETWEEN ?1 AND ?2 ORDER BY made_on, id",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            let code: String = r.get(1)?;
            Ok(Outreach {
                id: r.get(0)?,
                form: Form::from_code(&code).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        format!("unknown form: {code}").into(),
                    )
                })?,
                subject: r.get(2)?,
                title: r.get(3)?,
                made_on: r.get(4)?,
                copies: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The year's report text as the clerk left it, if edited, with the
    /// digest of the draft it was edited from.
    pub fn year_text(&self, year: i32) -> Result<Option<(YearText, String)>> {
        let kept: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT text, basis FROM year_texts WHERE year = ?1",
                [year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(kept
            .map(|(t, basis)| Ok::<_, rusqlite::Error>((formats::read(&t)?, basis)))
            .transpose()?)
    }
}

/// A letter batch or message to record.
pub struct NewOutreach<'a> {
    pub form: Form,
    pub subject: &'a str,
    pub title: &'a str,
    pub made_on: NaiveDate,
    pub copies: u32,
}

impl Writer<'_> {
    /// Records that `o.form` reached people about `o.subject`: once a
    /// form and subject (printing the letters again, or making the message
    /// again, is the same disclosure) — the first day, the most copies.
    /// Returns whether anything changed.
    pub fn record_outreach(&self, o: &NewOutreach<'_>) -> Result<bool> {
        let before: Option<(i64, u32)> = self
            .tx
            .query_row(
                "SELECT id, copies FROM outreach WHERE form = ?1 AND subject = ?2",
                params![o.form.code(), o.subject],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (id, before) = match before {
            Some((_, copies)) if copies >= o.copies => return Ok(false),
            Some((id, copies)) => {
                self.tx.execute(
                    "UPDATE outreach SET copies = ?2 WHERE id = ?1",
                    params![id, o.copies],
                )?;
                (id, Some(format!("{copies}份")))
            }
            None => {
                self.tx.execute(
                    "INSERT INTO outreach (form, subject, title, made_on, copies)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![o.form.code(), o.subject, o.title, o.made_on, o.copies],
                )?;
                (self.tx.last_insert_rowid(), None)
            }
        };
        self.record(AuditRecord {
            entity: "outreach",
            entity_id: &id.to_string(),
            action: match o.form {
                Form::Letter => "打印致家长的一封信",
                _ => "生成短信",
            },
            before,
            after: Some(format!(
                "{} {} {} {}份",
                o.subject, o.title, o.made_on, o.copies
            )),
        })?;
        Ok(true)
    }

    /// Keeps the year's report text (replacing what was kept), with the
    /// digest of the draft the figures gave when it was saved.
    pub fn set_year_text(&self, year: i32, text: &YearText, basis: &str) -> Result<()> {
        let before: Option<String> = self
            .tx
            .query_row("SELECT text FROM year_texts WHERE year = ?1", [year], |r| {
                r.get(0)
            })
            .optional()?;
        let stored = formats::write(text);
        self.tx.execute(
            "INSERT INTO year_texts (year, text, basis) VALUES (?1, ?2, ?3)
             ON CONFLICT (year) DO UPDATE SET text = ?2, basis = ?3",
            params![year, stored, basis],
        )?;
        self.record(AuditRecord {
            entity: "year_text",
            entity_id: &year.to_string(),
            action: "编辑年度报告正文",
            before,
            after: Some(stored),
        })
    }
}
