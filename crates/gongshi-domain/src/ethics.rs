//! 师德 cases: a breach of the pledge found true (a teacher took a gift,
//! ran a paid class), recorded for the school's own file. Never printed
//! publicly; an evaluation round's 师德 veto may name the case it rests on.

use chrono::NaiveDate;

use crate::error::FieldErrors;
use crate::{DomainError, duties, text};

/// The longest account of a case.
pub const SUMMARY_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EthicsCase {
    pub teacher: String,
    pub found_on: NaiveDate,
    /// What happened and what was found (internal).
    pub summary: String,
}

impl EthicsCase {
    /// Every bad field named at once.
    pub fn new(teacher: &str, found_on: NaiveDate, summary: &str) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        let teacher = errs.check(duties::person("教师", teacher));
        let summary = errs.check(text::required("查实情况", summary, SUMMARY_MAX));
        errs.finish()?;
        Ok(Self {
            teacher: teacher.unwrap_or_default(),
            found_on,
            summary: summary.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_names_its_teacher_and_what_was_found() {
        let on = NaiveDate::from_ymd_opt(2026, 5, 8).unwrap();
        let case = EthicsCase::new(" 赵 强 ", on, "收受家长购物卡一张，已退还").unwrap();
        assert_eq!(case.teacher, "赵强");
        let err = EthicsCase::new("", on, " ").unwrap_err().to_string();
        assert_eq!(err, "教师：不能为空；查实情况：不能为空");
    }
}
