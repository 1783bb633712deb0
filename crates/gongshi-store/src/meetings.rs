//! `meetings` and `meeting_items` (what was announced at one); a major
//! decision's votes at the staff congress (`decision_votes`), each with the
//! rules it was held to; the school's rules (`congress_rules`).

use gongshi_domain::congress::{Share, Vote, VoteRules};
use gongshi_domain::meeting::{Meeting, MeetingKind};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer};

/// The columns [`to_meeting`] reads, from `meetings m`.
const COLUMNS: &str =
    "m.id, m.kind, m.held_on, m.place, m.chair, m.expected, m.present, m.topics, m.minutes";

fn kind(code: &str) -> rusqlite::Result<MeetingKind> {
    MeetingKind::ALL
        .into_iter()
        .find(|k| k.code() == code)
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown meeting kind {code}").into(),
            )
        })
}

fn to_meeting(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        kind: kind(&r.get::<_, String>(1)?)?,
        held_on: r.get(2)?,
        place: r.get(3)?,
        chair: r.get(4)?,
        expected: r.get(5)?,
        present: r.get(6)?,
        topics: r.get(7)?,
        minutes: r.get(8)?,
    })
}

/// A vote recorded on a decision: at which meeting, and the rules then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionVote {
    pub id: i64,
    pub item_id: i64,
    pub meeting_id: i64,
    pub vote: Vote,
    pub rules: VoteRules,
}

fn rules_at(r: &Row<'_>, at: usize) -> rusqlite::Result<VoteRules> {
    Ok(VoteRules {
        quorum: Share {
            num: r.get(at)?,
            den: r.get(at + 1)?,
        },
        majority: Share {
            num: r.get(at + 2)?,
            den: r.get(at + 3)?,
        },
    })
}

/// The rules the school set, if it set any.
fn set_rules(conn: &rusqlite::Connection) -> Result<Option<VoteRules>> {
    Ok(conn
        .query_row(
            "SELECT quorum_num, quorum_den, majority_num, majority_den
             FROM congress_rules WHERE id = 1",
            [],
            |r| rules_at(r, 0),
        )
        .optional()?)
}

impl Store {
    pub fn meeting(&self, id: i64) -> Result<Option<Meeting>> {
        let sql = format!("SELECT {COLUMNS} FROM meetings m WHERE m.id = ?1");
        Ok(self.conn.query_row(&sql, [id], to_meeting).optional()?)
    }

    /// Every meeting, newest first.
    pub fn meetings(&self) -> Result<Vec<Meeting>> {
        let sql = format!("SELECT {COLUMNS} FROM meetings m ORDER BY m.held_on DESC, m.id DESC");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], to_meeting)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The items announced at a meeting, by number.
    pub fn meeting_items(&self, meeting_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT item_id FROM meeting_items WHERE meeting_id = ?1 ORDER BY item_id")?;
        let rows = stmt.query_map([meeting_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The meetings an item was announced at, oldest first.
    pub fn item_meetings(&self, item_id: i64) -> Result<Vec<Meeting>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM meetings m JOIN meeting_items mi ON mi.meeting_id = m.id
             WHERE mi.item_id = ?1 ORDER BY m.held_on, m.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([item_id], to_meeting)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The votes on a decision (its item), oldest first; each counts with
    /// its meeting's 应到 and 实到.
    pub fn decision_votes(&self, item_id: i64) -> Result<Vec<DecisionVote>> {
        self.votes_where("v.item_id", item_id)
    }

    /// The votes taken at a meeting.
    pub fn meeting_votes(&self, meeting_id: i64) -> Result<Vec<DecisionVote>> {
        self.votes_where("v.meeting_id", meeting_id)
    }

    fn votes_where(&self, column: &str, id: i64) -> Result<Vec<DecisionVote>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT v.id, v.item_id, v.meeting_id, m.expected, m.present, v.yes, v.no, v.abstain,
                    v.quorum_num, v.quorum_den, v.majority_num, v.majority_den
             FROM decision_votes v JOIN meetings m ON m.id = v.meeting_id
             WHERE {column} = ?1 ORDER BY m.held_on, v.id"
        ))?;
        let rows = stmt.query_map([id], |r| {
            Ok(DecisionVote {
                id: r.get(0)?,
                item_id: r.get(1)?,
                meeting_id: r.get(2)?,
                vote: Vote {
                    delegates: r.get(3)?,
                    present: r.get(4)?,
                    yes: r.get(5)?,
                    no: r.get(6)?,
                    abstain: r.get(7)?,
                },
                rules: rules_at(r, 8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The school's congress rules (the defaults until it sets its own).
    pub fn vote_rules(&self) -> Result<VoteRules> {
        Ok(set_rules(&self.conn)?.unwrap_or_default())
    }
}

impl Writer<'_> {
    /// Inserts (id 0) or updates a meeting; returns its id.
    pub fn save_meeting(&self, m: &Meeting) -> Result<i64> {
        if m.id == 0 {
            self.tx.execute(
                "INSERT INTO meetings (kind, held_on, place, chair, expected, present, topics, minutes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    m.kind.code(),
                    m.held_on,
                    m.place,
                    m.chair,
                    m.expected,
                    m.present,
                    m.topics,
                    m.minutes
                ],
            )?;
            let id = self.tx.last_insert_rowid();
            self.record(AuditRecord::change(
                "meeting",
                &id.to_string(),
                "登记会议",
                None,
                Some(m),
            ))?;
            return Ok(id);
        }
        let sql = format!("SELECT {COLUMNS} FROM meetings m WHERE m.id = ?1");
        // The app checks the meeting exists; a missing one fails here.
        let before = self.tx.query_row(&sql, [m.id], to_meeting)?;
        self.tx.execute(
            "UPDATE meetings SET kind = ?1, held_on = ?2, place = ?3, chair = ?4, expected = ?5,
                 present = ?6, topics = ?7, minutes = ?8 WHERE id = ?9",
            params![
                m.kind.code(),
                m.held_on,
                m.place,
                m.chair,
                m.expected,
                m.present,
                m.topics,
                m.minutes,
                m.id
            ],
        )?;
        self.record(AuditRecord::change(
            "meeting",
            &m.id.to_string(),
            "修改会议",
            Some(&before),
            Some(m),
        ))?;
        Ok(m.id)
    }

    /// Records that `item_id` was announced at `meeting_id` (once).
    pub fn announce_at(&self, meeting_id: i64, item_id: i64) -> Result<bool> {
        let added = self.tx.execute(
            "INSERT OR IGNORE INTO meeting_items (meeting_id, item_id) VALUES (?1, ?2)",
            [meeting_id, item_id],
        )? > 0;
        if added {
            let note = serde_json::json!({ "meeting_id": meeting_id, "item_id": item_id });
            self.record(AuditRecord::change(
                "meeting_item",
                &format!("{meeting_id}/{item_id}"),
                "会上公开事项",
                None,
                Some(&note),
            ))?;
        }
        Ok(added)
    }

    /// Records a vote on the decision `item_id` at `meeting_id`, held to
    /// `rules`; returns its id.
    pub fn record_vote(
        &self,
        item_id: i64,
        meeting_id: i64,
        vote: &Vote,
        rules: &VoteRules,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO decision_votes (item_id, meeting_id, yes, no, abstain,
                 quorum_num, quorum_den, majority_num, majority_den)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                item_id,
                meeting_id,
                vote.yes,
                vote.no,
                vote.abstain,
                rules.quorum.num,
                rules.quorum.den,
                rules.majority.num,
                rules.majority.den
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        let note = serde_json::json!({
            "item_id": item_id,
            "meeting_id": meeting_id,
            "vote": vote,
            "rules": rules,
        });
        self.record(AuditRecord::change(
            "decision_vote",
            &id.to_string(),
            "记录表决",
            None,
            Some(&note),
        ))?;
        Ok(id)
    }

    /// Sets the school's congress rules.
    pub fn set_vote_rules(&self, rules: &VoteRules) -> Result<()> {
        let before = set_rules(&self.tx)?;
        self.tx.execute(
            "INSERT INTO congress_rules (id, quorum_num, quorum_den, majority_num, majority_den)
             VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET quorum_num = ?1, quorum_den = ?2,
                 majority_num = ?3, majority_den = ?4",
            params![
                rules.quorum.num,
                rules.quorum.den,
                rules.majority.num,
                rules.majority.den
            ],
        )?;
        self.record(AuditRecord::change(
            "congress_rules",
            "1",
            "设置教代会表决规则",
            before.as_ref(),
            Some(rules),
        ))
    }
}
