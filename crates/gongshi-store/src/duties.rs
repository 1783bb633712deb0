//! `school_groups` and `school.duties_relaxed`: the three groups' members
//! and whether the school keeps the review steps apart (各司其职).

use gongshi_domain::duties::{Duties, Group};
use gongshi_domain::{FieldError, school};
use rusqlite::{Connection, OptionalExtension, params};

use crate::{AuditRecord, Result, Store, StoreError, Writer};

fn read(conn: &Connection) -> Result<Duties> {
    let mut duties = Duties {
        // No school row yet: nothing relaxed. Any other failure is one.
        relaxed: conn
            .query_row("SELECT duties_relaxed FROM school WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(false),
        ..Duties::default()
    };
    let mut stmt = conn.prepare("SELECT grp, name FROM school_groups ORDER BY grp, position")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (code, name) = row?;
        match Group::from_code(&code) {
            Some(Group::Leading) => duties.leading.push(name),
            Some(Group::Working) => duties.working.push(name),
            Some(Group::Supervision) => duties.supervision.push(name),
            None => {}
        }
    }
    Ok(duties)
}

impl Store {
    /// The groups' members and whether the steps are kept apart.
    pub fn duties(&self) -> Result<Duties> {
        read(&self.conn)
    }
}

impl Writer<'_> {
    /// Replaces the groups' members and the relaxation, logging the old
    /// and new values; relaxing or restoring 各司其职 is its own audit row.
    pub fn save_duties(&self, duties: Duties) -> Result<Duties> {
        let duties = duties.validated()?;
        let before = read(&self.tx)?;
        if before == duties {
            return Ok(duties);
        }
        let school_rows = self.tx.execute(
            "UPDATE school SET duties_relaxed = ?1 WHERE id = 1",
            [duties.relaxed],
        )?;
        if school_rows == 0 {
            let first = FieldError::new("三个小组", school::fill_in_first());
            return Err(StoreError::Invalid(first.into()));
        }
        self.tx.execute("DELETE FROM school_groups", [])?;
        for group in Group::ALL {
            for (position, name) in duties.members(group).iter().enumerate() {
                self.tx.execute(
                    "INSERT INTO school_groups (grp, position, name) VALUES (?1, ?2, ?3)",
                    params![group.code(), position as i64, name],
                )?;
            }
        }
        let groups = |d: &Duties| Duties {
            relaxed: false,
            ..d.clone()
        };
        if groups(&before) != groups(&duties) {
            self.record(AuditRecord::change(
                "school_groups",
                "1",
                "修改三个小组成员",
                Some(&groups(&before)),
                Some(&groups(&duties)),
            ))?;
        }
        if before.relaxed != duties.relaxed {
            let action = if duties.relaxed {
                "放宽各司其职（允许一人完成多个审查步骤）"
            } else {
                "恢复各司其职"
            };
            self.record(AuditRecord::change(
                "school",
                "1",
                action,
                Some(&before.relaxed),
                Some(&duties.relaxed),
            ))?;
        }
        Ok(duties)
    }
}
