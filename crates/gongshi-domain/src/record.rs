//! The year's record: what was disclosed in a range of dates, how and for
//! how long (the register, 台账), the feedback log (反馈登记表), the
//! figures of the annual report (年度校务公开工作报告) and the draft of its
//! text. The jobs gather the facts from the store; the columns, the rules
//! (a period kept or not, days to answer, the median) and every sentence
//! the draft may say are here, once.

pub mod draft;
pub mod feedback_log;
pub mod figures;
pub mod form;
pub mod range;
pub mod register;

#[cfg(test)]
mod tests;

pub use draft::{Section, YearText};
pub use figures::{Figures, YearRecord};
pub use form::Form;
pub use range::DateRange;

/// A column of one of the record's workbooks: its header and what kind
/// of cell it holds. Every face (the workbook, a screen) derives its
/// columns from these lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordColumn {
    pub header: &'static str,
    pub kind: CellKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Text,
    Date,
    Number,
    /// Integer fen, shown as yuan.
    Money,
}

/// One cell of a record's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Date(Option<chrono::NaiveDate>),
    Number(Option<i64>),
    Money(crate::Fen),
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }
}

const fn column(header: &'static str, kind: CellKind) -> RecordColumn {
    RecordColumn { header, kind }
}
