//! `calendar_days`: holidays and make-up working days a school adds for
//! years after the shipped calendar (or to correct it); `calendar_years`:
//! the years whose whole arrangement it entered.

use gongshi_domain::calendar::{SpecialDay, YearSource};
use rusqlite::params;

use crate::{AuditRecord, Result, Store, Writer};

impl Store {
    pub fn calendar_days(&self) -> Result<Vec<SpecialDay>> {
        let mut stmt = self
            .conn
            .prepare("SELECT date, name, off FROM calendar_days ORDER BY date")?;
        let rows = stmt.query_map([], |r| {
            Ok(SpecialDay {
                date: r.get(0)?,
                name: r.get(1)?,
                off: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The years entered whole, and how.
    pub fn calendar_years(&self) -> Result<Vec<(i32, YearSource)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT year, source FROM calendar_years ORDER BY year")?;
        let rows = stmt.query_map([], |r| {
            let source: String = r.get(1)?;
            Ok((r.get(0)?, source))
        })?;
        let mut years = Vec::new();
        for row in rows {
            let (year, source) = row?;
            // The column's CHECK allows only the three spellings.
            let source = YearSource::from_code(&source).unwrap_or(YearSource::Confirmed);
            years.push((year, source));
        }
        Ok(years)
    }
}

/// The rows that belong to `year`'s arrangement: imported with it, or
/// typed in for a date in it.
const OF_ARRANGEMENT: &str = "arrangement = ?1
     OR (arrangement IS NULL AND date >= printf('%04d-01-01', ?1) AND date <= printf('%04d-12-31', ?1))";

impl Store {
    /// How many entered days an import of `year`'s whole arrangement would
    /// replace.
    pub fn calendar_days_of_arrangement(&self, year: i32) -> Result<usize> {
        let sql = format!("SELECT count(*) FROM calendar_days WHERE {OF_ARRANGEMENT}");
        let n: i64 = self.conn.query_row(&sql, [year], |r| r.get(0))?;
        Ok(n as usize)
    }
}

impl Writer<'_> {
    /// Adds or corrects a day; `arrangement` is the year whose arrangement
    /// it was imported with (`None`: typed in).
    pub fn set_calendar_day(&self, day: &SpecialDay, arrangement: Option<i32>) -> Result<()> {
        self.tx.execute(
            "INSERT INTO calendar_days (date, name, off, arrangement) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (date) DO UPDATE SET name = excluded.name, off = excluded.off,
                 arrangement = excluded.arrangement",
            params![day.date, day.name, day.off, arrangement],
        )?;
        let id = day.date.to_string();
        let action = if day.off {
            "录入放假日"
        } else {
            "录入调休上班日"
        };
        self.record(AuditRecord::change(
            "calendar_day",
            &id,
            action,
            None,
            Some(day),
        ))
    }

    /// Removes the days of `year`'s arrangement (before a whole new one
    /// replaces them); returns how many.
    pub fn remove_calendar_arrangement(&self, year: i32) -> Result<usize> {
        let sql = format!("DELETE FROM calendar_days WHERE {OF_ARRANGEMENT}");
        let n = self.tx.execute(&sql, [year])?;
        if n > 0 {
            let note = serde_json::json!({ "year": year, "removed": n });
            self.record(AuditRecord::change(
                "calendar_year",
                &year.to_string(),
                "替换已录入的日历日",
                None,
                Some(&note),
            ))?;
        }
        Ok(n)
    }

    /// Marks `year` as entered whole (from a notice, a file, or confirmed).
    pub fn set_calendar_year(&self, year: i32, source: YearSource) -> Result<()> {
        self.tx.execute(
            "INSERT INTO calendar_years (year, source, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (year) DO UPDATE SET source = excluded.source",
            params![year, source.code(), self.now],
        )?;
        let note = serde_json::json!({ "year": year, "source": source.code() });
        self.record(AuditRecord::change(
            "calendar_year",
            &year.to_string(),
            "确认全年节假日安排",
            None,
            Some(&note),
        ))
    }

    pub fn remove_calendar_day(&self, date: chrono::NaiveDate) -> Result<bool> {
        let n = self
            .tx
            .execute("DELETE FROM calendar_days WHERE date = ?1", [date])?;
        if n > 0 {
            let id = date.to_string();
            self.record(AuditRecord::change::<()>(
                "calendar_day",
                &id,
                "删除日历日",
                None,
                None,
            ))?;
        }
        Ok(n > 0)
    }
}
