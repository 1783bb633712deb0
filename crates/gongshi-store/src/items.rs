//! `items` and `revisions`: disclosure items, each with its revisions; the
//! item's current revision is its newest. Search uses the trigram index
//! `revisions_fts`; the week board's queries use the date indexes.

use chrono::NaiveDate;
use gongshi_domain::calendar::Period;
use gongshi_domain::category::Category;
use gongshi_domain::item::ItemContent;
use gongshi_domain::revision::Revision;
use gongshi_domain::workflow::Status;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer, convert, formats};

pub(crate) const COLUMNS: &str =
    "r.id, r.item_id, i.category, r.number, r.status, r.title, r.body, r.fields,
    r.table_json, r.posting_days, r.planned_start, r.confidentiality, r.signoff, r.approved,
    r.returned_reason, r.posted_on, r.period_end, r.working_days, r.taken_down_on, r.closure,
    r.taken_down_reason";

fn unknown(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {what}: {value}").into(),
    )
}

pub(crate) fn to_revision(r: &Row<'_>) -> rusqlite::Result<Revision> {
    let category: String = r.get(2)?;
    let status: String = r.get(4)?;
    let posted_on: Option<NaiveDate> = r.get(15)?;
    let period_end: Option<NaiveDate> = r.get(16)?;
    let working_days: Option<u32> = r.get(17)?;
    let period = match (posted_on, period_end, working_days) {
        (Some(start), Some(end), Some(working_days)) => Some(Period {
            start,
            end,
            working_days,
        }),
        _ => None,
    };
    Ok(Revision {
        id: r.get(0)?,
        item_id: r.get(1)?,
        category: Category::from_code(&category).ok_or_else(|| unknown("category", &category))?,
        number: r.get(3)?,
        status: Status::from_code(&status).ok_or_else(|| unknown("status", &status))?,
        content: ItemContent {
            title: r.get(5)?,
            body: r.get(6)?,
            fields: convert::from_json(&r.get::<_, String>(7)?)?,
            table: formats::read_opt(r.get(8)?)?,
            posting_days: r.get(9)?,
            planned_start: r.get(10)?,
        },
        confidentiality: formats::read_opt(r.get(11)?)?,
        signoff: formats::read_opt(r.get(12)?)?,
        approved: formats::read_opt(r.get(13)?)?,
        returned_reason: r.get(14)?,
        period,
        taken_down_on: r.get(18)?,
        taken_down_reason: r.get(20)?,
        closure: formats::read_opt(r.get(19)?)?,
    })
}

fn read_revision(conn: &Connection, id: i64) -> Result<Option<Revision>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM revisions r JOIN items i ON i.id = r.item_id WHERE r.id = ?1"
    );
    Ok(conn.query_row(&sql, [id], to_revision).optional()?)
}

/// One row of the item list: the current revision, briefly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub item_id: i64,
    pub revision_id: i64,
    pub number: u32,
    pub category: Category,
    pub status: Status,
    pub title: String,
    pub planned_start: Option<NaiveDate>,
    pub posted_on: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
}

const ROW_COLUMNS: &str = "i.id, r.id, r.number, i.category, r.status, r.title, r.planned_start, r.posted_on, r.period_end";

fn to_row(r: &Row<'_>) -> rusqlite::Result<ItemRow> {
    let category: String = r.get(3)?;
    let status: String = r.get(4)?;
    Ok(ItemRow {
        item_id: r.get(0)?,
        revision_id: r.get(1)?,
        number: r.get(2)?,
        category: Category::from_code(&category).ok_or_else(|| unknown("category", &category))?,
        status: Status::from_code(&status).ok_or_else(|| unknown("status", &status))?,
        title: r.get(5)?,
        planned_start: r.get(6)?,
        posted_on: r.get(7)?,
        period_end: r.get(8)?,
    })
}

/// What the item list shows.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    pub category: Option<Category>,
    pub status: Option<Status>,
    /// Items on the board at some day in this range (posted_on ≤ to, and
    /// period_end ≥ from).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// A substring of the title or body (Chinese works: trigram index).
    pub text: Option<String>,
    /// At most this many rows; 0 for [`ItemFilter::DEFAULT_LIMIT`].
    pub limit: u32,
}

impl ItemFilter {
    /// What a list shows when the face does not say: enough for a
    /// school's year, small enough to show at once.
    pub const DEFAULT_LIMIT: u32 = 500;
}

impl Store {
    pub fn revision(&self, id: i64) -> Result<Option<Revision>> {
        read_revision(&self.conn, id)
    }

    /// Every revision of an item, oldest first.
    pub fn item_revisions(&self, item_id: i64) -> Result<Vec<Revision>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM revisions r JOIN items i ON i.id = r.item_id
             WHERE r.item_id = ?1 ORDER BY r.number"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([item_id], to_revision)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn current_revision(&self, item_id: i64) -> Result<Option<Revision>> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT current_revision_id FROM items WHERE id = ?1",
                [item_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        match id {
            Some(id) => self.revision(id),
            None => Ok(None),
        }
    }

    /// The current revision of each item matching `filter`, newest first.
    pub fn list_items(&self, filter: &ItemFilter) -> Result<Vec<ItemRow>> {
        let mut sql = format!(
            "SELECT {ROW_COLUMNS} FROM items i JOIN revisions r ON r.id = i.current_revision_id"
        );
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(text) = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            if text.chars().count() >= 3 {
                // The trigram index answers substrings of three or more characters.
                conds.push(
                    "r.id IN (SELECT rowid FROM revisions_fts WHERE revisions_fts MATCH ?)".into(),
                );
                args.push(Box::new(format!("\"{}\"", text.replace('"', "\"\""))));
            } else {
                // Shorter (收费, 采购): a scan, still quick for a school's items.
                conds.push("(instr(r.title, ?) > 0 OR instr(r.body, ?) > 0)".into());
                args.push(Box::new(text.to_owned()));
                args.push(Box::new(text.to_owned()));
            }
        }
        if let Some(c) = filter.category {
            conds.push("i.category = ?".into());
            args.push(Box::new(c.code()));
        }
        if let Some(s) = filter.status {
            conds.push("r.status = ?".into());
            args.push(Box::new(s.code()));
        }
        if let Some((from, to)) = filter.period {
            conds.push("r.posted_on <= ? AND r.period_end >= ?".into());
            args.push(Box::new(to));
            args.push(Box::new(from));
        }
        if !conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conds.join(" AND "));
        }
        sql.push_str(" ORDER BY i.id DESC LIMIT ?");
        args.push(Box::new(if filter.limit == 0 {
            ItemFilter::DEFAULT_LIMIT
        } else {
            filter.limit
        }));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), to_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Current revisions matching a raw condition on `r` (the board's
    /// queries), oldest first.
    /// Rows of every revision meeting `condition`, not only the items'
    /// current ones (the board's lists: what was up is up, corrected since
    /// or not).
    pub(crate) fn revision_rows_where(
        &self,
        condition: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<ItemRow>> {
        // Driven from the revisions' date indexes, then to their items
        // (CROSS JOIN fixes that loop order in SQLite).
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM revisions r CROSS JOIN items i ON i.id = r.item_id
             WHERE {condition} ORDER BY coalesce(r.posted_on, r.planned_start), i.id, r.number"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(args, to_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn item_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM items", [], |r| r.get(0))?)
    }
}

/// The columns every write sets, in the order of [`values`].
const WRITTEN: [&str; 18] = [
    "status",
    "title",
    "body",
    "fields",
    "table_json",
    "posting_days",
    "planned_start",
    "confidentiality",
    "signoff",
    "approved",
    "returned_reason",
    "posted_on",
    "period_end",
    "working_days",
    "taken_down_on",
    "taken_down_reason",
    "closure",
    "updated_at",
];

/// A revision's values for [`WRITTEN`]; one list for inserts and updates.
fn values(rev: &Revision, now: &str) -> Vec<Box<dyn rusqlite::ToSql>> {
    let c = &rev.content;
    vec![
        Box::new(rev.status.code()),
        Box::new(c.title.clone()),
        Box::new(c.body.clone()),
        Box::new(convert::to_json(&c.fields)),
        Box::new(formats::write_opt(&c.table)),
        Box::new(c.posting_days),
        Box::new(c.planned_start),
        Box::new(formats::write_opt(&rev.confidentiality)),
        Box::new(formats::write_opt(&rev.signoff)),
        Box::new(formats::write_opt(&rev.approved)),
        Box::new(rev.returned_reason.clone()),
        Box::new(rev.period.map(|p| p.start)),
        Box::new(rev.period.map(|p| p.end)),
        Box::new(rev.period.map(|p| p.working_days)),
        Box::new(rev.taken_down_on),
        Box::new(rev.taken_down_reason.clone()),
        Box::new(formats::write_opt(&rev.closure)),
        Box::new(now.to_owned()),
    ]
}

impl Writer<'_> {
    fn write_revision(&self, rev: &Revision) -> Result<i64> {
        let placeholders: Vec<String> = (3..3 + WRITTEN.len()).map(|n| format!("?{n}")).collect();
        let sql = format!(
            "INSERT INTO revisions (item_id, number, {}) VALUES (?1, ?2, {})",
            WRITTEN.join(", "),
            placeholders.join(", ")
        );
        let mut args: Vec<Box<dyn rusqlite::ToSql>> =
            vec![Box::new(rev.item_id), Box::new(rev.number)];
        args.extend(values(rev, &self.now));
        self.tx
            .execute(&sql, rusqlite::params_from_iter(args.iter()))?;
        let id = self.tx.last_insert_rowid();
        self.tx.execute(
            "UPDATE items SET current_revision_id = ?2 WHERE id = ?1",
            params![rev.item_id, id],
        )?;
        Ok(id)
    }

    /// Stores a new item with its first revision; returns it with its ids.
    pub fn insert_item(&self, rev: &Revision) -> Result<Revision> {
        self.tx.execute(
            "INSERT INTO items (category, created_at) VALUES (?1, ?2)",
            params![rev.category.code(), self.now],
        )?;
        let mut stored = rev.clone();
        stored.item_id = self.tx.last_insert_rowid();
        stored.number = 1;
        stored.id = self.write_revision(&stored)?;
        let id = stored.item_id.to_string();
        self.record(AuditRecord::change(
            "item",
            &id,
            "新建事项",
            None,
            Some(&stored),
        ))?;
        Ok(stored)
    }

    /// Stores the next revision of an item (a correction after posting).
    pub fn insert_revision(&self, rev: &Revision) -> Result<Revision> {
        let mut stored = rev.clone();
        stored.id = self.write_revision(&stored)?;
        let id = stored.item_id.to_string();
        let action = format!("新建第{}版（更正）", stored.number);
        self.record(AuditRecord::change(
            "item",
            &id,
            &action,
            None,
            Some(&stored),
        ))?;
        Ok(stored)
    }

    /// Saves a revision after a workflow step; `action` names the step in
    /// the audit log (提交审核, 批准…).
    pub fn save_revision(&self, rev: &Revision, action: &str) -> Result<()> {
        let before = read_revision(&self.tx, rev.id)?;
        let sets: Vec<String> = WRITTEN
            .iter()
            .enumerate()
            .map(|(n, col)| format!("{col} = ?{}", n + 2))
            .collect();
        let sql = format!("UPDATE revisions SET {} WHERE id = ?1", sets.join(", "));
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(rev.id)];
        args.extend(values(rev, &self.now));
        self.tx
            .execute(&sql, rusqlite::params_from_iter(args.iter()))?;
        let id = rev.item_id.to_string();
        self.record(AuditRecord::change(
            "item",
            &id,
            action,
            before.as_ref(),
            Some(rev),
        ))
    }
}
