//! `eval_rounds` and `eval_candidates`: evaluation rounds, their candidates
//! and exact scores.

use gongshi_domain::evaluation::{Candidate, RoundSettings, Score};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer, convert};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Round {
    pub id: i64,
    pub settings: RoundSettings,
    /// The disclosure item its result is posted as, once made.
    pub item_id: Option<i64>,
    pub candidates: Vec<Candidate>,
}

fn candidates(conn: &rusqlite::Connection, round_id: i64) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare(
        "SELECT name, department, scores, ethics_ok, note FROM eval_candidates
         WHERE round_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        let scores: Vec<i64> = convert::from_json(&r.get::<_, String>(2)?)?;
        Ok(Candidate {
            name: r.get(0)?,
            department: r.get(1)?,
            scores: scores.into_iter().map(Score).collect(),
            ethics_ok: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn round(conn: &rusqlite::Connection, name: &str) -> Result<Option<Round>> {
    let head: Option<(i64, String, Option<i64>)> = conn
        .query_row(
            "SELECT id, settings, item_id FROM eval_rounds WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((id, settings, item_id)) = head else {
        return Ok(None);
    };
    Ok(Some(Round {
        id,
        settings: convert::from_json(&settings)?,
        item_id,
        candidates: candidates(conn, id)?,
    }))
}

impl Store {
    pub fn eval_round(&self, name: &str) -> Result<Option<Round>> {
        round(&self.conn, name)
    }

    /// Round names, newest first.
    pub fn eval_rounds(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM eval_rounds ORDER BY id DESC")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Makes the round `old_name` (None: a new one) have `settings`; a
    /// rename follows the new name.
    pub fn save_eval_round(&self, old_name: Option<&str>, settings: &RoundSettings) -> Result<()> {
        let before = match old_name {
            Some(n) => round(&self.tx, n)?,
            None => None,
        };
        match &before {
            Some(r) => self.tx.execute(
                "UPDATE eval_rounds SET name = ?2, settings = ?3 WHERE id = ?1",
                params![r.id, settings.name, convert::to_json(settings)],
            )?,
            None => self.tx.execute(
                "INSERT INTO eval_rounds (name, settings, created_at) VALUES (?1, ?2, ?3)",
                params![settings.name, convert::to_json(settings), self.now],
            )?,
        };
        let after = round(&self.tx, &settings.name)?;
        let action = if before.is_some() {
            "修改评选"
        } else {
            "新建评选"
        };
        self.record(AuditRecord::change(
            "eval_round",
            &settings.name,
            action,
            before.as_ref(),
            after.as_ref(),
        ))
    }

    /// Replaces the round's candidates and scores.
    pub fn save_eval_candidates(&self, name: &str, new: &[Candidate]) -> Result<()> {
        let before = round(&self.tx, name)?;
        let Some(id) = before.as_ref().map(|r| r.id) else {
            return Ok(());
        };
        self.tx
            .execute("DELETE FROM eval_candidates WHERE round_id = ?1", [id])?;
        for (position, c) in new.iter().enumerate() {
            let scores: Vec<i64> = c.scores.iter().map(|s| s.0).collect();
            self.tx.execute(
                "INSERT INTO eval_candidates (round_id, position, name, department, scores,
                     ethics_ok, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    position as i64,
                    c.name,
                    c.department,
                    convert::to_json(&scores),
                    c.ethics_ok,
                    c.note
                ],
            )?;
        }
        let after = round(&self.tx, name)?;
        self.record(AuditRecord::change(
            "eval_round",
            name,
            "录入评分",
            before.as_ref(),
            after.as_ref(),
        ))
    }

    pub fn set_eval_item(&self, name: &str, item_id: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE eval_rounds SET item_id = ?2 WHERE name = ?1",
            params![name, item_id],
        )?;
        self.record(AuditRecord::change(
            "eval_round",
            name,
            "生成公开事项",
            None,
            Some(&item_id),
        ))
    }
}
