//! `eval_rounds` and `eval_candidates`: evaluation rounds, their candidates
//! and exact scores.

use gongshi_domain::evaluation::{Candidate, RoundSettings, Score};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer, convert, formats};

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
        "SELECT name, department, scores, ethics_ok, note, ethics_case FROM eval_candidates
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
            ethics_case: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A round's id and name, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundHead {
    pub id: i64,
    pub name: String,
}

fn id_named(conn: &rusqlite::Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM eval_rounds WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

fn round(conn: &rusqlite::Connection, id: i64) -> Result<Option<Round>> {
    let head: Option<(String, String, Option<i64>)> = conn
        .query_row(
            "SELECT name, settings, item_id FROM eval_rounds WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((name, settings, item_id)) = head else {
        return Ok(None);
    };
    let settings = RoundSettings {
        name,
        ..formats::read(&settings)?
    };
    Ok(Some(Round {
        id,
        settings,
        item_id,
        candidates: candidates(conn, id)?,
    }))
}

impl Store {
    pub fn eval_round(&self, id: i64) -> Result<Option<Round>> {
        round(&self.conn, id)
    }

    /// The round a clerk names (names are unique; the id is what stays
    /// when it is renamed).
    pub fn eval_round_named(&self, name: &str) -> Result<Option<Round>> {
        match id_named(&self.conn, name)? {
            Some(id) => round(&self.conn, id),
            None => Ok(None),
        }
    }

    /// The rounds, newest first.
    pub fn eval_rounds(&self) -> Result<Vec<RoundHead>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM eval_rounds ORDER BY id DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok(RoundHead {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Makes the round `id` (None: a new one) have `settings`, and
    /// returns its id. A rename keeps the id, and the round's history
    /// (audit rows are keyed by it).
    pub fn save_eval_round(&self, id: Option<i64>, settings: &RoundSettings) -> Result<i64> {
        let before = match id {
            Some(id) => round(&self.tx, id)?,
            None => None,
        };
        let id = match &before {
            Some(r) => {
                self.tx.execute(
                    "UPDATE eval_rounds SET name = ?2, settings = ?3 WHERE id = ?1",
                    params![r.id, settings.name, formats::write(settings)],
                )?;
                r.id
            }
            None => {
                self.tx.execute(
                    "INSERT INTO eval_rounds (name, settings, created_at) VALUES (?1, ?2, ?3)",
                    params![settings.name, formats::write(settings), self.now],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        let after = round(&self.tx, id)?;
        let action = if before.is_some() {
            "修改评选"
        } else {
            "新建评选"
        };
        self.record(AuditRecord::change(
            "eval_round",
            &id.to_string(),
            action,
            before.as_ref(),
            after.as_ref(),
        ))?;
        Ok(id)
    }

    /// Replaces the round's candidates and scores.
    pub fn save_eval_candidates(&self, id: i64, new: &[Candidate]) -> Result<()> {
        let Some(before) = round(&self.tx, id)? else {
            return Ok(());
        };
        self.tx
            .execute("DELETE FROM eval_candidates WHERE round_id = ?1", [id])?;
        for (position, c) in new.iter().enumerate() {
            let scores: Vec<i64> = c.scores.iter().map(|s| s.0).collect();
            self.tx.execute(
                "INSERT INTO eval_candidates (round_id, position, name, department, scores,
                     ethics_ok, note, ethics_case)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    position as i64,
                    c.name,
                    c.department,
                    convert::to_json(&scores),
                    c.ethics_ok,
                    c.note,
                    c.ethics_case
                ],
            )?;
        }
        let after = round(&self.tx, id)?;
        self.record(AuditRecord::change(
            "eval_round",
            &id.to_string(),
            "录入评分",
            Some(&before),
            after.as_ref(),
        ))
    }

    pub fn set_eval_item(&self, id: i64, item_id: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE eval_rounds SET item_id = ?2 WHERE id = ?1",
            params![id, item_id],
        )?;
        self.record(AuditRecord::change(
            "eval_round",
            &id.to_string(),
            "生成公开事项",
            None,
            Some(&item_id),
        ))
    }
}
