//! What the school sends its education bureau: `district_outbox`, each
//! published record in the same transaction as the step that published it,
//! numbered and sealed on the one before (gongshi-domain's
//! `district::chain`) with the audit chain's head when the change
//! committed; and `district_link`, the server's address and the school's
//! token. Acknowledgements and refusals are kept on the record.

use gongshi_domain::district::chain::{GENESIS, seal};
use gongshi_domain::district::{Body, Record};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer};

/// The server and the school's credentials, as the bureau issued them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistrictLink {
    pub url: String,
    pub school_code: String,
    pub token: String,
    /// The bureau's certificate (PEM), when it is not one the system trusts.
    pub ca_pem: Option<String>,
}

/// How the outbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct OutboxCounts {
    pub total: i64,
    pub sent: i64,
    pub pending: i64,
    pub refused: i64,
}

/// The server's answer to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Accepted, or held already.
    Held,
    Refused(String),
}

/// The highest number in the outbox before a change: what the change
/// adds comes after it.
pub(crate) fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(seq), 0) FROM district_outbox",
        [],
        |r| r.get(0),
    )?)
}

/// Seals the records this change enqueued (numbered after `last`), in
/// order, after the audit rows were sealed (so each carries the head the
/// change left); returns their numbers and seals, for the audit row that
/// binds them into the chain. A row before them left without its seal is
/// not sealed now: that is tampering, and the check names it.
pub(crate) fn seal_pending(conn: &Connection, last: i64) -> Result<Vec<(i64, String)>> {
    let head: String = conn
        .query_row(
            "SELECT coalesce(hash, '') FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default();
    let mut prev: String = conn
        .query_row(
            "SELECT hash FROM district_outbox WHERE hash IS NOT NULL ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_owned());
    let mut stmt = conn.prepare(
        "SELECT seq, body FROM district_outbox WHERE hash IS NULL AND seq > ?1 ORDER BY seq",
    )?;
    let rows: Vec<(i64, String)> = stmt
        .query_map([last], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut sealed = Vec::with_capacity(rows.len());
    for (seq, body) in rows {
        let hash = seal(seq, &body, &head, &prev);
        conn.execute(
            "UPDATE district_outbox SET audit_head = ?2, prev = ?3, hash = ?4 WHERE seq = ?1",
            params![seq, head, prev, hash],
        )?;
        prev = hash.clone();
        sealed.push((seq, hash));
    }
    Ok(sealed)
}

/// The audit rows' entity that lists the outbox's seals.
pub(crate) const ENTITY: &str = "district_outbox";

/// The seals the audit log holds, by number.
fn logged_seals(conn: &Connection) -> Result<std::collections::HashMap<i64, String>> {
    let mut stmt = conn.prepare("SELECT after FROM audit_log WHERE entity = ?1")?;
    let rows = stmt.query_map([ENTITY], |r| r.get::<_, Option<String>>(0))?;
    let mut seals = std::collections::HashMap::new();
    for after in rows {
        let listed: Vec<(i64, String)> = after?
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default();
        // The first seal logged for a number is its seal: a later one is
        // not the app's.
        for (seq, hash) in listed {
            seals.entry(seq).or_insert(hash);
        }
    }
    Ok(seals)
}

fn record(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record {
        seq: r.get(0)?,
        body: r.get(1)?,
        audit_head: r.get(2)?,
        prev: r.get(3)?,
        hash: r.get(4)?,
    })
}

const RECORD: &str = "seq, body, audit_head, prev, hash";

impl Store {
    /// Records not yet acknowledged nor refused, oldest first.
    pub fn outbox_pending(&self, limit: usize) -> Result<Vec<Record>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {RECORD} FROM district_outbox
             WHERE sent_at IS NULL AND refused IS NULL AND hash IS NOT NULL
             ORDER BY seq LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every record, for the file an offline school uploads.
    pub fn outbox_all(&self) -> Result<Vec<Record>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {RECORD} FROM district_outbox WHERE hash IS NOT NULL ORDER BY seq"
        ))?;
        let rows = stmt.query_map([], record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        Ok(self.conn.query_row(
            "SELECT count(*), count(sent_at), count(*) - count(sent_at) - count(refused),
                    count(refused)
             FROM district_outbox",
            [],
            |r| {
                Ok(OutboxCounts {
                    total: r.get(0)?,
                    sent: r.get(1)?,
                    pending: r.get(2)?,
                    refused: r.get(3)?,
                })
            },
        )?)
    }

    /// The refusals the server gave, by number.
    pub fn outbox_refusals(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, refused FROM district_outbox WHERE refused IS NOT NULL ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records of the outbox that are not as they were made: the content
    /// does not match its seal, or the seal is not the one the audit log
    /// (itself a chain) recorded when it was made. Each with why.
    pub fn outbox_forgeries(&self) -> Result<Vec<(i64, String)>> {
        let mut logged = logged_seals(&self.conn)?;
        let mut stmt = self.conn.prepare(
            "SELECT seq, body, coalesce(audit_head, ''), coalesce(prev, ''), coalesce(hash, '')
             FROM district_outbox ORDER BY seq",
        )?;
        let rows: Vec<Record> = stmt
            .query_map([], record)?
            .collect::<rusqlite::Result<_>>()?;
        let mut found = Vec::new();
        for r in rows {
            let why = if seal(r.seq, &r.body, &r.audit_head, &r.prev) != r.hash {
                "内容与其校验值不符"
            } else if logged.remove(&r.seq).as_ref() != Some(&r.hash) {
                "与修改记录中登记的不符"
            } else {
                continue;
            };
            let said = format!("本机第{}条上报记录{why}：它在写入后被改动过", r.seq);
            found.push((r.seq, said));
        }
        // Logged, and no longer in the outbox: removed by hand.
        let mut removed: Vec<i64> = logged.into_keys().collect();
        removed.sort_unstable();
        found.extend(removed.into_iter().map(|seq| {
            let said = format!("本机第{seq}条上报记录被删除了：修改记录中有它");
            (seq, said)
        }));
        Ok(found)
    }

    /// The numbers the server acknowledged.
    pub fn outbox_sent(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq FROM district_outbox WHERE sent_at IS NOT NULL ORDER BY seq")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a subject (`posting:12:1`…) is in the outbox already.
    pub fn outbox_has(&self, subject: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM district_outbox WHERE subject = ?1",
                [subject],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    pub fn district_link(&self) -> Result<Option<DistrictLink>> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, school_code, token, ca_pem FROM district_link WHERE id = 1",
                [],
                |r| {
                    Ok(DistrictLink {
                        url: r.get(0)?,
                        school_code: r.get(1)?,
                        token: r.get(2)?,
                        ca_pem: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }
}

/// The link as the audit log shows it: never the token.
#[derive(Serialize)]
struct LinkNote<'a> {
    url: &'a str,
    school_code: &'a str,
    own_certificate: bool,
}

impl Writer<'_> {
    /// Puts a published record in the outbox, once per subject; sealed
    /// when the change commits. Whether it was new.
    pub fn enqueue_district(&self, body: &Body) -> Result<bool> {
        let subject = body.subject();
        let held = self
            .tx
            .query_row(
                "SELECT 1 FROM district_outbox WHERE subject = ?1",
                [&subject],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        // Asked first: an ignored insert would still use up a number
        // (AUTOINCREMENT), leaving a gap the server would wait on forever.
        if held {
            return Ok(false);
        }
        self.tx.execute(
            "INSERT INTO district_outbox (subject, kind, body, made_at) VALUES (?1, ?2, ?3, ?4)",
            params![subject, body.label(), body.to_form(), self.now],
        )?;
        Ok(true)
    }

    /// Keeps the server's answers: held ones as sent, refused ones with
    /// the server's words.
    pub fn note_district_answers(&self, answers: &[(i64, Answer)]) -> Result<()> {
        let (mut held, mut refused) = (0, 0);
        for (seq, answer) in answers {
            match answer {
                Answer::Held => {
                    held += self.tx.execute(
                        "UPDATE district_outbox SET sent_at = ?2, refused = NULL
                         WHERE seq = ?1 AND sent_at IS NULL",
                        params![seq, self.now],
                    )?;
                }
                Answer::Refused(why) => {
                    refused += self.tx.execute(
                        "UPDATE district_outbox SET refused = ?2 WHERE seq = ?1",
                        params![seq, why],
                    )?;
                }
            }
        }
        let action = format!("上报教育局：送达{held}条，被拒{refused}条");
        self.record(AuditRecord::change::<()>(
            "district", "outbox", &action, None, None,
        ))
    }

    /// Records the server no longer holds (a database restored from an
    /// old backup): marked to be sent again.
    pub fn resend_district(&self, seqs: &[i64]) -> Result<()> {
        for seq in seqs {
            self.tx.execute(
                "UPDATE district_outbox SET sent_at = NULL WHERE seq = ?1",
                [seq],
            )?;
        }
        let action = format!("服务器缺{}条已送达的记录，重新上报", seqs.len());
        self.record(AuditRecord::change(
            "district",
            "outbox",
            &action,
            None,
            Some(&seqs),
        ))
    }

    pub fn set_district_link(&self, link: &DistrictLink) -> Result<()> {
        let before = self
            .tx
            .query_row(
                "SELECT url, school_code FROM district_link WHERE id = 1",
                [],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?;
        self.tx.execute(
            "INSERT INTO district_link (id, url, school_code, token, ca_pem)
             VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET url = ?1, school_code = ?2, token = ?3, ca_pem = ?4",
            params![link.url, link.school_code, link.token, link.ca_pem],
        )?;
        let before = before.as_ref().map(|(url, code)| LinkNote {
            url,
            school_code: code,
            own_certificate: false,
        });
        let after = LinkNote {
            url: &link.url,
            school_code: &link.school_code,
            own_certificate: link.ca_pem.is_some(),
        };
        self.record(AuditRecord::change(
            "district",
            "link",
            "设置上报教育局",
            before.as_ref(),
            Some(&after),
        ))
    }
}
