//! `fee_schedules` and `fee_items`: a semester's fees; `class_sizes`.

use gongshi_domain::fee::{FeeItem, Terms};
use gongshi_domain::money::Fen;
use gongshi_domain::revision::Stamp;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{AuditRecord, Result, Store, Writer, formats};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    pub id: i64,
    pub semester: String,
    /// Approved (by the principal): frozen.
    pub approved: Option<Stamp>,
    /// 减免政策, printed on the board sheet and every letter.
    pub reduction_policy: String,
    /// How its units count: months billed, the year's fees here or not.
    pub terms: Terms,
    pub items: Vec<FeeItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassSize {
    pub grade: u8,
    pub class: String,
    pub students: u32,
}

fn items(conn: &rusqlite::Connection, schedule_id: i64) -> Result<Vec<FeeItem>> {
    let mut stmt = conn.prepare(
        "SELECT name, amount_fen, unit, grades, department, phone, basis, voluntary, note
         FROM fee_items WHERE schedule_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([schedule_id], |r| {
        Ok(FeeItem {
            name: r.get(0)?,
            amount: Fen(r.get(1)?),
            unit: r.get(2)?,
            grades: formats::read(&r.get::<_, String>(3)?)?,
            department: r.get(4)?,
            phone: r.get(5)?,
            basis: r.get(6)?,
            voluntary: r.get(7)?,
            note: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn schedule(conn: &rusqlite::Connection, semester: &str) -> Result<Option<Schedule>> {
    type Head = (i64, String, Option<String>, String, u8, Option<bool>);
    let head: Option<Head> = conn
        .query_row(
            "SELECT id, semester, approved, reduction_policy, months, yearly_here
             FROM fee_schedules WHERE semester = ?1",
            [semester],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let Some((id, semester, approved, reduction_policy, months, yearly_here)) = head else {
        return Ok(None);
    };
    let usual = Terms::for_semester(&semester);
    Ok(Some(Schedule {
        id,
        approved: formats::read_opt(approved)?,
        reduction_policy,
        terms: Terms {
            months,
            yearly_here: yearly_here.unwrap_or(usual.yearly_here),
        },
        items: items(conn, id)?,
        semester,
    }))
}

impl Store {
    pub fn fee_schedule(&self, semester: &str) -> Result<Option<Schedule>> {
        schedule(&self.conn, semester)
    }

    /// Semester names, newest first.
    pub fn fee_semesters(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT semester FROM fee_schedules ORDER BY id DESC")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn class_sizes(&self) -> Result<Vec<ClassSize>> {
        let mut stmt = self
            .conn
            .prepare("SELECT grade, class, students FROM class_sizes ORDER BY grade, class")?;
        let rows = stmt.query_map([], |r| {
            Ok(ClassSize {
                grade: r.get(0)?,
                class: r.get(1)?,
                students: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Replaces the items of the semester's schedule (made if new). The
    /// caller has checked it is not approved.
    pub fn save_fee_schedule(&self, semester: &str, new_items: &[FeeItem]) -> Result<()> {
        let before = schedule(&self.tx, semester)?;
        let id = match &before {
            Some(s) => s.id,
            None => {
                self.tx.execute(
                    "INSERT INTO fee_schedules (semester, created_at) VALUES (?1, ?2)",
                    params![semester, self.now],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        self.tx
            .execute("DELETE FROM fee_items WHERE schedule_id = ?1", [id])?;
        for (position, item) in new_items.iter().enumerate() {
            self.tx.execute(
                "INSERT INTO fee_items (schedule_id, position, name, amount_fen, unit, grades,
                     department, phone, basis, voluntary, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    id,
                    position as i64,
                    item.name,
                    item.amount.0,
                    item.unit,
                    formats::write(&item.grades),
                    item.department,
                    item.phone,
                    item.basis,
                    item.voluntary,
                    item.note,
                ],
            )?;
        }
        let after = schedule(&self.tx, semester)?;
        let action = if before.is_some() {
            "修改收费标准"
        } else {
            "新建收费标准"
        };
        self.record(AuditRecord::change(
            "fee_schedule",
            semester,
            action,
            before.as_ref(),
            after.as_ref(),
        ))
    }

    /// Sets the reduction policy of an existing schedule. The caller has
    /// checked it is not approved.
    pub fn set_reduction_policy(&self, semester: &str, policy: &str) -> Result<()> {
        let before = schedule(&self.tx, semester)?;
        self.tx.execute(
            "UPDATE fee_schedules SET reduction_policy = ?2 WHERE semester = ?1",
            params![semester, policy],
        )?;
        let after = schedule(&self.tx, semester)?;
        self.record(AuditRecord::change(
            "fee_schedule",
            semester,
            "修改减免政策",
            before.as_ref(),
            after.as_ref(),
        ))
    }

    /// Sets the terms of an existing schedule. The caller has checked it is
    /// not approved.
    pub fn set_fee_terms(&self, semester: &str, terms: Terms) -> Result<()> {
        let before = schedule(&self.tx, semester)?;
        self.tx.execute(
            "UPDATE fee_schedules SET months = ?2, yearly_here = ?3 WHERE semester = ?1",
            params![semester, terms.months, terms.yearly_here],
        )?;
        let after = schedule(&self.tx, semester)?;
        let (before, after) = (before.map(|s| s.terms), after.map(|s| s.terms));
        self.record(AuditRecord::change(
            "fee_schedule",
            semester,
            "修改计费月数",
            before.as_ref(),
            after.as_ref(),
        ))
    }

    pub fn approve_fee_schedule(&self, semester: &str, stamp: &Stamp) -> Result<()> {
        let before = schedule(&self.tx, semester)?;
        self.tx.execute(
            "UPDATE fee_schedules SET approved = ?2 WHERE semester = ?1",
            params![semester, formats::write(stamp)],
        )?;
        let after = schedule(&self.tx, semester)?;
        self.record(AuditRecord::change(
            "fee_schedule",
            semester,
            "批准收费标准",
            before.as_ref(),
            after.as_ref(),
        ))
    }

    /// Removes a class; false when there was none.
    pub fn remove_class_size(&self, grade: u8, class: &str) -> Result<bool> {
        let before: Option<ClassSize> = self
            .tx
            .query_row(
                "SELECT grade, class, students FROM class_sizes WHERE grade = ?1 AND class = ?2",
                params![grade, class],
                |r| {
                    Ok(ClassSize {
                        grade: r.get(0)?,
                        class: r.get(1)?,
                        students: r.get(2)?,
                    })
                },
            )
            .optional()?;
        let Some(before) = before else {
            return Ok(false);
        };
        self.tx.execute(
            "DELETE FROM class_sizes WHERE grade = ?1 AND class = ?2",
            params![grade, class],
        )?;
        let id = format!("{grade}-{class}");
        self.record(AuditRecord::change(
            "class_size",
            &id,
            "删除班级",
            Some(&before),
            None::<&ClassSize>,
        ))?;
        Ok(true)
    }

    pub fn set_class_size(&self, size: &ClassSize) -> Result<()> {
        self.tx.execute(
            "INSERT INTO class_sizes (grade, class, students) VALUES (?1, ?2, ?3)
             ON CONFLICT (grade, class) DO UPDATE SET students = excluded.students",
            params![size.grade, size.class, size.students],
        )?;
        let id = format!("{}-{}", size.grade, size.class);
        self.record(AuditRecord::change(
            "class_size",
            &id,
            "设置班级人数",
            None,
            Some(size),
        ))
    }
}
