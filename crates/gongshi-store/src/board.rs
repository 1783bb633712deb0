//! The week board's queries: what goes up, comes down, is on the board, is
//! overdue, for the week from `monday` to `sunday`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{ItemRow, Result, Store};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WeekRows {
    /// Approved and planned for this week, or posted this week and still
    /// up (what the weekly batch prints to post).
    pub going_up: Vec<ItemRow>,
    /// They come down this week: their period ends, or they were taken
    /// down early.
    pub coming_down: Vec<ItemRow>,
    /// On the board at some time this week.
    pub on_board: Vec<ItemRow>,
    /// Approved but planned before this week and not posted.
    pub not_posted: Vec<ItemRow>,
    /// Period ended before this week and not taken down or closed.
    pub not_closed: Vec<ItemRow>,
}

// One rule for every list: a list is of revisions, each what it was on the
// board (or is to be), whether or not a correction has since made a newer
// revision the item's current one; the old one still comes down when it
// comes down.
//
// `+r.status` keeps SQLite from reading by the status index (nearly every
// row is posted or closed) instead of the narrow date ranges; `UNION ALL`
// (duplicates do not matter inside IN) keeps each half on its own index,
// where a plain UNION makes SQLite 3.5x merge two full scans.
impl Store {
    pub fn week_rows(&self, monday: NaiveDate, sunday: NaiveDate) -> Result<WeekRows> {
        Ok(WeekRows {
            going_up: self.revision_rows_where(
                "r.id IN (SELECT id FROM revisions WHERE status = 'approved' AND planned_start BETWEEN ?1 AND ?2
                          UNION ALL SELECT id FROM revisions WHERE posted_on BETWEEN ?1 AND ?2)
                 AND +r.status IN ('approved', 'posted')",
                &[&monday, &sunday],
            )?,
            coming_down: self.revision_rows_where(
                "r.id IN (SELECT id FROM revisions WHERE period_end BETWEEN ?1 AND ?2
                          UNION ALL SELECT id FROM revisions WHERE taken_down_on BETWEEN ?1 AND ?2)
                 AND +r.status IN ('posted', 'taken_down', 'closed')
                 AND coalesce(r.taken_down_on, r.period_end) BETWEEN ?1 AND ?2",
                &[&monday, &sunday],
            )?,
            // Still up on Monday: its period ends, or it came down, this week
            // or later. Both columns are indexed, so only those rows are read.
            on_board: self.revision_rows_where(
                "r.id IN (SELECT id FROM revisions WHERE period_end >= ?1 AND +posted_on <= ?2
                          UNION ALL SELECT id FROM revisions WHERE taken_down_on >= ?1 AND +posted_on <= ?2)
                 AND +r.status IN ('posted', 'taken_down', 'closed')
                 AND coalesce(r.taken_down_on, r.period_end) >= ?1",
                &[&monday, &sunday],
            )?,
            not_posted: self.revision_rows_where(
                "r.status = 'approved' AND r.planned_start < ?1",
                &[&monday],
            )?,
            not_closed: self.revision_rows_where("r.status = 'posted' AND r.period_end < ?1", &[&monday])?,
        })
    }

    /// Whether an item of `category` was posted (or planned) in the month
    /// of `day`: for the regular disclosures' rhythm.
    pub fn has_item_in_month(&self, category: &str, day: NaiveDate) -> Result<bool> {
        let month = day.format("%Y-%m").to_string();
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM items i JOIN revisions r ON r.id = i.current_revision_id
             WHERE i.category = ?1
               AND substr(coalesce(r.posted_on, r.planned_start, substr(i.created_at, 1, 10)), 1, 7) = ?2",
            rusqlite::params![category, month],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }
}
