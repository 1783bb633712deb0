//! The feedback log (反馈登记表): every entry, with its channel, the day
//! it came, the item it is about, what it said, the answer, who answered
//! and when, the days it took and whether it was published.

use chrono::NaiveDate;

use super::{Cell, CellKind, RecordColumn, column};
use crate::feedback::Feedback;

/// Calendar days from receipt to answer (an answer the same day is 0).
/// Counted in calendar days, as a letter's reply is: the log says so in
/// its column.
pub fn days_to_answer(f: &Feedback) -> Option<i64> {
    f.answer
        .as_ref()
        .map(|a| (a.answered_on - f.received_on).num_days().max(0))
}

pub const COLUMNS: [RecordColumn; 12] = [
    column("序号", CellKind::Number),
    column("收到日期", CellKind::Date),
    column("渠道", CellKind::Text),
    column("类型", CellKind::Text),
    column("事项", CellKind::Text),
    column("内容", CellKind::Text),
    column("答复", CellKind::Text),
    column("答复人", CellKind::Text),
    column("答复日期", CellKind::Date),
    column("答复用时（天）", CellKind::Number),
    column("是否公开", CellKind::Text),
    column("会议", CellKind::Text),
];

/// One entry of the log: the feedback, the title of its item and the
/// meeting it was taken at, as the log prints them.
pub struct Entry<'a> {
    pub feedback: &'a Feedback,
    pub item: Option<String>,
    pub meeting: Option<String>,
}

impl Entry<'_> {
    /// The row's cells in [`COLUMNS`]' order.
    pub fn cells(&self) -> Vec<Cell> {
        let f = self.feedback;
        let answer = f.answer.as_ref();
        vec![
            Cell::Number(Some(f.id)),
            Cell::Date(Some(f.received_on)),
            Cell::text(f.channel.clone()),
            Cell::text(if f.is_objection {
                "异议"
            } else {
                "意见建议"
            }),
            Cell::text(self.item.clone().unwrap_or_default()),
            Cell::text(f.content.clone()),
            Cell::text(answer.map(|a| a.text.clone()).unwrap_or_default()),
            Cell::text(answer.map(|a| a.responder.clone()).unwrap_or_default()),
            Cell::Date(answer.map(|a| a.answered_on)),
            Cell::Number(days_to_answer(f)),
            Cell::text(match (answer.is_some(), f.publish) {
                (false, _) => "未答复",
                (true, true) => "已公开",
                (true, false) => "未公开",
            }),
            Cell::text(self.meeting.clone().unwrap_or_default()),
        ]
    }
}

/// Whether an entry falls in a range (by the day it came).
pub fn received_in(f: &Feedback, from: NaiveDate, to: NaiveDate) -> bool {
    from <= f.received_on && f.received_on <= to
}
