//! The audit log as a chain: every row carries a SHA-256 over its own
//! content and the row before's hash, so a row edited, inserted or
//! removed afterwards (with the sqlite3 tool, say) breaks the chain from
//! there on. The archived sheets' SHA-256s are in their rows, and each
//! archived PDF is checked against its digest too. `verify` names the
//! first row that does not match, with its time and operator.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Result, Store};

/// The row's fields in a fixed order, each with its length first (so no
/// two different rows read the same), then the previous hash.
struct Content<'a> {
    id: i64,
    at: &'a str,
    operator: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    action: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

fn hash(c: &Content<'_>, prev: &str) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(&c.id.to_le_bytes());
    for text in [c.at, c.operator, c.entity, c.entity_id, c.action] {
        field(text.as_bytes());
    }
    for optional in [c.before, c.after] {
        match optional {
            Some(t) => field(t.as_bytes()),
            // Absent is not the empty text.
            None => field(&[0xff]),
        }
    }
    field(prev.as_bytes());
    hex(&h.finalize())
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash before the first row.
const GENESIS: &str = "";

/// The schema version that brought the chain: rows of a store from before
/// it are sealed once, when it is migrated.
pub(crate) const CHAIN_VERSION: i64 = 11;

/// Seals every row, in order: a store just migrated from before the chain.
pub(crate) fn seal_all(conn: &Connection) -> Result<()> {
    seal_after(conn, 0)
}

/// Seals the rows after `last` (those one change just wrote), each on the
/// one before. A row left without its hash before them stays so: that is
/// tampering, and the walk names it.
pub(crate) fn seal_after(conn: &Connection, last: i64) -> Result<()> {
    let mut prev: String = conn
        .query_row(
            "SELECT hash FROM audit_log WHERE id <= ?1 ORDER BY id DESC LIMIT 1",
            [last],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten()
        .unwrap_or_else(|| GENESIS.to_owned());
    let mut stmt = conn.prepare(
        "SELECT id, at, operator, entity, entity_id, action, before, after
         FROM audit_log WHERE id > ?1 ORDER BY id",
    )?;
    let rows: Vec<Row> = stmt
        .query_map([last], row)?
        .collect::<rusqlite::Result<_>>()?;
    for r in rows {
        let h = hash(&r.content(), &prev);
        conn.execute(
            "UPDATE audit_log SET hash = ?1 WHERE id = ?2",
            params![h, r.id],
        )?;
        prev = h;
    }
    Ok(())
}

/// The newest row's id, before a change writes its own.
pub(crate) fn last_id(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
            r.get(0)
        })?,
    )
}

struct Row {
    id: i64,
    at: String,
    operator: String,
    entity: String,
    entity_id: String,
    action: String,
    before: Option<String>,
    after: Option<String>,
    hash: Option<String>,
}

impl Row {
    fn content(&self) -> Content<'_> {
        Content {
            id: self.id,
            at: &self.at,
            operator: &self.operator,
            entity: &self.entity,
            entity_id: &self.entity_id,
            action: &self.action,
            before: self.before.as_deref(),
            after: self.after.as_deref(),
        }
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        at: r.get(1)?,
        operator: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        action: r.get(5)?,
        before: r.get(6)?,
        after: r.get(7)?,
        hash: r.get(8).unwrap_or(None),
    })
}

/// What a walk of the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChainCheck {
    /// Every row and every archived sheet as written.
    Whole { rows: i64, sheets: i64 },
    /// The first row that does not match: edited, or after one removed or
    /// inserted.
    BrokenAt {
        id: i64,
        at: String,
        operator: String,
        action: String,
    },
    /// An archived PDF whose bytes are not the ones its digest was taken of.
    SheetAltered { sheet_id: i64 },
}

impl Store {
    /// Walks the audit chain from the first row, and checks each archived
    /// sheet against its digest.
    /// Row `id`'s hash, if the row is there (a backup's chain head is
    /// looked up here: a log cut short after the backup lacks it).
    pub fn audit_hash(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT hash FROM audit_log WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .flatten())
    }

    /// When the store was last replaced as a whole (a restore, a move from
    /// another PC): its log from then on follows another file's.
    pub fn last_replaced(&self) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
        Ok(self
            .conn
            .query_row(
                "SELECT at FROM audit_log WHERE entity = 'store' ORDER BY id DESC LIMIT 1",
                [],
                |r| crate::convert::parse_timestamp(&r.get::<_, String>(0)?),
            )
            .optional()?)
    }

    pub fn verify_chain(&self) -> Result<ChainCheck> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, operator, entity, entity_id, action, before, after, hash
             FROM audit_log ORDER BY id",
        )?;
        let rows = stmt.query_map([], row)?;
        let mut prev = GENESIS.to_owned();
        let mut count = 0;
        for r in rows {
            let r = r?;
            let expected = hash(&r.content(), &prev);
            if r.hash.as_deref() != Some(expected.as_str()) {
                return Ok(ChainCheck::BrokenAt {
                    id: r.id,
                    at: r.at,
                    operator: r.operator,
                    action: r.action,
                });
            }
            prev = expected;
            count += 1;
        }
        // Each archived sheet as its audit row recorded it (the digest is
        // in the chain), and its PDF as that digest says.
        let mut recorded = self.conn.prepare(
            "SELECT entity_id, after FROM audit_log WHERE entity = 'printed_sheet' ORDER BY id",
        )?;
        let mut n = 0;
        let rows = recorded.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for recorded_row in rows {
            let (id, after) = recorded_row?;
            let sheet_id: i64 = id.parse().unwrap_or(-1);
            let sha_in_log = after
                .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
                .and_then(|v| v["sha256"].as_str().map(str::to_owned));
            let stored: Option<(String, Vec<u8>)> = self
                .conn
                .query_row(
                    "SELECT sha256, pdf FROM printed_sheets WHERE id = ?1",
                    [sheet_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let whole = stored.is_some_and(|(sha, pdf)| {
                hex(&Sha256::digest(&pdf)) == sha && Some(&sha) == sha_in_log.as_ref()
            });
            if !whole {
                return Ok(ChainCheck::SheetAltered { sheet_id });
            }
            n += 1;
        }
        let archived: i64 =
            self.conn
                .query_row("SELECT count(*) FROM printed_sheets", [], |r| r.get(0))?;
        if archived != n {
            // A sheet archived with no row of its own in the log.
            return Ok(ChainCheck::SheetAltered { sheet_id: -1 });
        }
        Ok(ChainCheck::Whole {
            rows: count,
            sheets: n,
        })
    }
}
