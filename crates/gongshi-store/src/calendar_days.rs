//! `calendar_days`: holidays and make-up working days a school adds for
//! years after the shipped calendar (or to correct it).

use gongshi_domain::calendar::SpecialDay;
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
}

impl Writer<'_> {
    pub fn set_calendar_day(&self, day: &SpecialDay) -> Result<()> {
        self.tx.execute(
            "INSERT INTO calendar_days (date, name, off) VALUES (?1, ?2, ?3)
             ON CONFLICT (date) DO UPDATE SET name = excluded.name, off = excluded.off",
            params![day.date, day.name, day.off],
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
