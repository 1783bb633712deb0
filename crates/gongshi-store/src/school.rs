//! The `school` table: one row, the school profile.

use gongshi_domain::SchoolProfile;
use rusqlite::{OptionalExtension, params};

use crate::{AuditRecord, Result, Store, Writer, convert};

const SELECT: &str = "SELECT name, address, principal, office_phone, supervision_phone,
                             complaint_phone, hotlines, is_demo, grades
                      FROM school WHERE id = 1";

fn read(conn: &rusqlite::Connection) -> Result<Option<SchoolProfile>> {
    Ok(conn
        .query_row(SELECT, [], |r| {
            Ok(SchoolProfile {
                name: r.get(0)?,
                address: r.get(1)?,
                principal: r.get(2)?,
                office_phone: r.get(3)?,
                supervision_phone: r.get(4)?,
                complaint_phone: r.get(5)?,
                hotlines: convert::from_json(&r.get::<_, String>(6)?)?,
                is_demo: r.get(7)?,
                grades: convert::grades(&r.get::<_, String>(8)?)?,
            })
        })
        .optional()?)
}

impl Store {
    /// The profile, or `None` before the school is set up.
    pub fn school(&self) -> Result<Option<SchoolProfile>> {
        read(&self.conn)
    }
}

impl Writer<'_> {
    /// Validates and saves the profile, logging the old and new values.
    pub fn save_school(&self, profile: SchoolProfile) -> Result<SchoolProfile> {
        let profile = profile.validated()?;
        let before = read(&self.tx)?;
        if before.as_ref() == Some(&profile) {
            return Ok(profile);
        }
        self.tx.execute(
            "INSERT INTO school (id, name, address, principal, office_phone, supervision_phone,
                                 complaint_phone, hotlines, is_demo, grades, updated_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, address = excluded.address,
                principal = excluded.principal, office_phone = excluded.office_phone,
                supervision_phone = excluded.supervision_phone,
                complaint_phone = excluded.complaint_phone, hotlines = excluded.hotlines,
                is_demo = excluded.is_demo, grades = excluded.grades, updated_at = excluded.updated_at",
            params![
                profile.name,
                profile.address,
                profile.principal,
                profile.office_phone,
                profile.supervision_phone,
                profile.complaint_phone,
                convert::to_json(&profile.hotlines),
                profile.is_demo,
                profile.grades.code(),
                self.now,
            ],
        )?;
        let action = if before.is_some() {
            "修改学校信息"
        } else {
            "设置学校信息"
        };
        self.record(AuditRecord::change(
            "school",
            "1",
            action,
            before.as_ref(),
            Some(&profile),
        ))?;
        Ok(profile)
    }
}
