//! Per-school settings of the clerk's week: the minimum posting period of
//! each category, and the regular disclosures and their rhythm.

use gongshi_domain::category::Category;
use gongshi_domain::{Fen, FieldError, school};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::{AuditRecord, Result, Store, StoreError, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegularDisclosure {
    pub id: i64,
    pub category: Category,
    pub title: String,
    /// monthly | semester | yearly
    pub rhythm: String,
}

impl Store {
    /// The category's minimum posting period (its default if not set).
    pub fn min_days(&self, category: Category) -> Result<u32> {
        let set: Option<u32> = self
            .conn
            .query_row(
                "SELECT min_days FROM category_settings WHERE category = ?1",
                [category.code()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(set.unwrap_or(category.default_min_days()))
    }

    /// The school's 公开招标限额, if it set one.
    pub fn tender_threshold(&self) -> Result<Option<Fen>> {
        let set: Option<Option<i64>> = self
            .conn
            .query_row(
                "SELECT tender_threshold_fen FROM school WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(set.flatten().map(Fen))
    }

    /// The second folder backups are kept in, if the school chose one.
    pub fn second_backup_folder(&self) -> Result<Option<String>> {
        let set: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT second_backup_folder FROM school WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(set.flatten())
    }

    pub fn regular_disclosures(&self) -> Result<Vec<RegularDisclosure>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, category, title, rhythm FROM regular_disclosures ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            let code: String = r.get(1)?;
            Ok(RegularDisclosure {
                id: r.get(0)?,
                category: Category::from_code(&code).unwrap_or(Category::Other),
                title: r.get(2)?,
                rhythm: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Writer<'_> {
    /// Sets (or, with None, clears) the second backup folder.
    pub fn set_second_backup_folder(&self, folder: Option<&str>) -> Result<()> {
        let rows = self.tx.execute(
            "UPDATE school SET second_backup_folder = ?1 WHERE id = 1",
            [folder],
        )?;
        if rows == 0 {
            let first = FieldError::new("第二备份位置", school::fill_in_first());
            return Err(StoreError::Invalid(first.into()));
        }
        self.record(AuditRecord::change(
            "setting",
            "second_backup_folder",
            "设置第二备份位置",
            None,
            Some(&folder),
        ))
    }

    /// Sets the school's 公开招标限额 (the school must be set up first).
    pub fn set_tender_threshold(&self, threshold: Fen) -> Result<()> {
        let before: Option<i64> = self
            .tx
            .query_row(
                "SELECT tender_threshold_fen FROM school WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let rows = self.tx.execute(
            "UPDATE school SET tender_threshold_fen = ?1 WHERE id = 1",
            [threshold.0],
        )?;
        if rows == 0 {
            let first = FieldError::new("公开招标限额", school::fill_in_first());
            return Err(StoreError::Invalid(first.into()));
        }
        self.record(AuditRecord::change(
            "setting",
            "tender_threshold",
            "设置公开招标限额",
            before.as_ref(),
            Some(&threshold.0),
        ))
    }

    pub fn set_min_days(&self, category: Category, days: u32) -> Result<()> {
        self.tx.execute(
            "INSERT INTO category_settings (category, min_days) VALUES (?1, ?2)
             ON CONFLICT (category) DO UPDATE SET min_days = excluded.min_days",
            params![category.code(), days],
        )?;
        self.record(AuditRecord::change(
            "setting",
            category.code(),
            "设置最短公示期",
            None,
            Some(&days),
        ))
    }

    pub fn add_regular_disclosure(
        &self,
        category: Category,
        title: &str,
        rhythm: &str,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO regular_disclosures (category, title, rhythm) VALUES (?1, ?2, ?3)",
            params![category.code(), title, rhythm],
        )?;
        let id = self.tx.last_insert_rowid();
        self.record(AuditRecord::change(
            "regular_disclosure",
            &id.to_string(),
            "新增定期公开",
            None,
            Some(&title),
        ))?;
        Ok(id)
    }

    pub fn remove_regular_disclosure(&self, id: i64) -> Result<bool> {
        let n = self
            .tx
            .execute("DELETE FROM regular_disclosures WHERE id = ?1", [id])?;
        if n > 0 {
            let id = id.to_string();
            self.record(AuditRecord::change::<()>(
                "regular_disclosure",
                &id,
                "删除定期公开",
                None,
                None,
            ))?;
        }
        Ok(n > 0)
    }
}
