//! `feedback`: entries from the mailbox, phone, meetings and letters, with
//! their answers; objections are entries with `is_objection`.

use gongshi_domain::feedback::Feedback;
use rusqlite::{OptionalExtension, Row, params};

use crate::{AuditRecord, Result, Store, Writer, formats};

const COLUMNS: &str =
    "id, received_on, channel, item_id, content, is_objection, answer, publish, meeting_id";

fn to_feedback(r: &Row<'_>) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        id: r.get(0)?,
        received_on: r.get(1)?,
        channel: r.get(2)?,
        item_id: r.get(3)?,
        content: r.get(4)?,
        is_objection: r.get(5)?,
        answer: formats::read_opt(r.get(6)?)?,
        publish: r.get(7)?,
        meeting_id: r.get(8)?,
    })
}

impl Store {
    pub fn feedback(&self, id: i64) -> Result<Option<Feedback>> {
        let sql = format!("SELECT {COLUMNS} FROM feedback WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], to_feedback).optional()?)
    }

    /// All entries, newest first; or only those about one item.
    pub fn feedback_list(&self, item_id: Option<i64>) -> Result<Vec<Feedback>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM feedback WHERE ?1 IS NULL OR item_id = ?1
             ORDER BY received_on DESC, id DESC"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([item_id], to_feedback)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Objections about the item: (all of them, those still waiting for an
    /// answer).
    pub fn objection_counts(&self, item_id: i64) -> Result<(usize, usize)> {
        let (total, open): (i64, i64) = self.conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE answer IS NULL)
             FROM feedback WHERE item_id = ?1 AND is_objection = 1",
            [item_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((total as usize, open as usize))
    }

    pub fn feedback_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM feedback", [], |r| r.get(0))?)
    }
}

impl Writer<'_> {
    /// Inserts (id 0) or updates an entry; returns its id.
    pub fn save_feedback(&self, f: &Feedback) -> Result<i64> {
        let answer = formats::write_opt(&f.answer);
        if f.id == 0 {
            self.tx.execute(
                "INSERT INTO feedback (received_on, channel, item_id, content, is_objection, answer,
                     publish, meeting_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    f.received_on,
                    f.channel,
                    f.item_id,
                    f.content,
                    f.is_objection,
                    answer,
                    f.publish,
                    f.meeting_id
                ],
            )?;
            let id = self.tx.last_insert_rowid();
            let action = if f.is_objection {
                "登记异议"
            } else {
                "登记反馈"
            };
            self.record(AuditRecord::change(
                "feedback",
                &id.to_string(),
                action,
                None,
                Some(f),
            ))?;
            return Ok(id);
        }
        let sql = format!("SELECT {COLUMNS} FROM feedback WHERE id = ?1");
        let before = self.tx.query_row(&sql, [f.id], to_feedback).optional()?;
        self.tx.execute(
            "UPDATE feedback SET received_on = ?2, channel = ?3, item_id = ?4, content = ?5,
                 is_objection = ?6, answer = ?7, publish = ?8, meeting_id = ?9 WHERE id = ?1",
            params![
                f.id,
                f.received_on,
                f.channel,
                f.item_id,
                f.content,
                f.is_objection,
                answer,
                f.publish,
                f.meeting_id
            ],
        )?;
        self.record(AuditRecord::change(
            "feedback",
            &f.id.to_string(),
            "答复反馈",
            before.as_ref(),
            Some(f),
        ))?;
        Ok(f.id)
    }
}
