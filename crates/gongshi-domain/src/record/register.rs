//! The register (台账): one row per disclosure posted in a range — every
//! posted revision of an item, and the school's own sheets put on the
//! board (收费公示, 反馈答复公示) — with who checked, signed and approved
//! it, when it went up and came down, the working days it stayed against
//! its category's minimum, the feedback and objections it drew, how it
//! ended, and the SHA-256 of the sheet archived for the board.

use chrono::NaiveDate;

use super::{Cell, CellKind, Form, RecordColumn, column};
use crate::calendar::{Calendar, CalendarError, Period};
use crate::revision::{Closure, Stamp};

/// One disclosure as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// 编号: the item's number, or the sheet's code for the school's own
    /// (F3, Q).
    pub number: String,
    /// 1 for the first version; a correction is 2, 3…
    pub revision: u32,
    /// The category's label (收费公示 for the school's fee board).
    pub category: String,
    pub title: String,
    pub forms: Vec<Form>,
    /// 保密审查
    pub reviewed: Option<Stamp>,
    /// 监督小组签字
    pub signed: Option<Stamp>,
    pub approved: Option<Stamp>,
    pub posted_on: NaiveDate,
    pub taken_down_on: Option<NaiveDate>,
    /// Why it came down early, if it did.
    pub taken_down_reason: Option<String>,
    pub kept: Kept,
    /// Whether the workflow closes it (an item does; the school's own
    /// sheets simply come down at the period's end).
    pub closes: bool,
    pub feedback: usize,
    pub objections: usize,
    /// How it ended (期满无异议 / 异议已处理) and when.
    pub closure: Option<Closure>,
    /// The archived board sheet's SHA-256 (the newest, if it was printed
    /// more than once).
    pub sha256: Option<String>,
}

/// How long a disclosure stayed on the board, in working days, against
/// its category's minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub days: u32,
    pub minimum: u32,
    /// Still on the board on the day the register was made: its days so
    /// far, not yet judged.
    pub ongoing: bool,
}

impl Kept {
    /// The days a sheet posted for `period` stayed up: to the day it came
    /// down (that day included, as taking down on the period's last day
    /// is on time), or to the end of its period. A sheet whose period has
    /// not ended by `today` and is still up is ongoing, counted to today.
    pub fn of(
        period: Period,
        taken_down_on: Option<NaiveDate>,
        minimum: u32,
        today: NaiveDate,
        calendar: &Calendar,
    ) -> Result<Self, CalendarError> {
        let (last, ongoing) = match taken_down_on {
            Some(down) => (down.min(period.end), false),
            None if period.end > today => (today, true),
            None => (period.end, false),
        };
        let days = if last < period.start {
            0
        } else {
            calendar.working_days_between(period.start, last)?
        };
        Ok(Self {
            days,
            minimum,
            ongoing,
        })
    }

    /// Met the minimum; None while still on the board short of it.
    pub fn met(&self) -> Option<bool> {
        if self.days >= self.minimum {
            Some(true)
        } else if self.ongoing {
            None
        } else {
            Some(false)
        }
    }

    /// 是 / 否 / 公示中
    pub fn met_label(&self) -> &'static str {
        match self.met() {
            Some(true) => "是",
            Some(false) => "否",
            None => "公示中",
        }
    }
}

/// The register's columns, in order.
pub const COLUMNS: [RecordColumn; 22] = [
    column("编号", CellKind::Text),
    column("版本", CellKind::Number),
    column("类别", CellKind::Text),
    column("标题", CellKind::Text),
    column("公开形式", CellKind::Text),
    column("审查人", CellKind::Text),
    column("审查日期", CellKind::Date),
    column("监督小组签字", CellKind::Text),
    column("签字日期", CellKind::Date),
    column("批准人", CellKind::Text),
    column("批准日期", CellKind::Date),
    column("张贴日期", CellKind::Date),
    column("撤下日期", CellKind::Date),
    column("公示期（工作日）", CellKind::Number),
    column("最短公示期", CellKind::Number),
    column("达到最短公示期", CellKind::Text),
    column("提前撤下原因", CellKind::Text),
    column("反馈", CellKind::Number),
    column("异议", CellKind::Number),
    column("结果", CellKind::Text),
    column("结果日期", CellKind::Date),
    column("存档SHA-256", CellKind::Text),
];

impl Posting {
    /// The row's cells, in [`COLUMNS`]' order.
    pub fn cells(&self) -> Vec<Cell> {
        let by =
            |s: &Option<Stamp>| Cell::text(s.as_ref().map(|s| s.by.clone()).unwrap_or_default());
        let on = |s: &Option<Stamp>| Cell::Date(s.as_ref().map(|s| s.on));
        vec![
            Cell::text(self.number.clone()),
            Cell::Number(Some(i64::from(self.revision))),
            Cell::text(self.category.clone()),
            Cell::text(self.title.clone()),
            Cell::text(Form::list(&self.forms)),
            by(&self.reviewed),
            on(&self.reviewed),
            by(&self.signed),
            on(&self.signed),
            by(&self.approved),
            on(&self.approved),
            Cell::Date(Some(self.posted_on)),
            Cell::Date(self.taken_down_on),
            Cell::Number(Some(i64::from(self.kept.days))),
            Cell::Number(Some(i64::from(self.kept.minimum))),
            Cell::text(self.kept.met_label()),
            Cell::text(self.taken_down_reason.clone().unwrap_or_default()),
            Cell::Number(Some(self.feedback as i64)),
            Cell::Number(Some(self.objections as i64)),
            Cell::text(self.result_label()),
            Cell::Date(self.closure.as_ref().map(|c| c.on)),
            Cell::text(self.sha256.clone().unwrap_or_default()),
        ]
    }

    /// 期满无异议 / 异议已处理, or where it stands when not closed.
    pub fn result_label(&self) -> &'static str {
        match &self.closure {
            Some(c) => c.result.label(),
            None if self.kept.ongoing => "公示中",
            None if self.closes => "未办结",
            None => "期满",
        }
    }
}
