//! The people side of the record: the school's 民主评议 grades, a
//! 领导述职 item's tally worked out, and the 师德 cases (internal) an
//! evaluation's veto may name.

use chrono::NaiveDate;
use gongshi_domain::category::Category;
use gongshi_domain::ethics::EthicsCase;
use gongshi_domain::lines::appraisal::{self, Appraisal, Scale};
use gongshi_domain::lines::{self, Lines};
use gongshi_domain::text::split_list;
use gongshi_domain::workflow::Status;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::{ItemFilter, RecordedCase, Store};

use crate::{Result, items, table_io};

pub fn appraisal_scale(store: &Store) -> Result<Scale> {
    Ok(store.appraisal_scale()?)
}

/// Sets the grades as typed in one box (best first: 优秀、称职…) and how
/// many of the best count as satisfied (the default's share when not
/// given). Items already tallied keep their columns: a table whose
/// headers are not the new grades' is refused at its next save, naming
/// the columns it should have.
///
/// Refused while a 领导述职 tallied on other grades is on its way to the
/// board (待审核, 已批准): its sheet must still print as it was approved.
pub fn set_appraisal_scale(
    store: &mut Store,
    op: &OperatorName,
    grades: &str,
    satisfied: Option<usize>,
) -> Result<Scale> {
    let grades = split_list(grades);
    let satisfied = satisfied.unwrap_or_else(|| Scale::satisfied_by_default(grades.len()));
    let scale = Scale::new(&grades, satisfied)?;
    let headers = appraisal::schema(&scale).headers();
    let filter = ItemFilter {
        category: Some(Category::LeaderReport),
        ..Default::default()
    };
    for row in items::list(store, &filter)? {
        if !matches!(row.status, Status::Pending | Status::Approved) {
            continue;
        }
        let rev = items::current(store, row.item_id)?;
        if rev
            .content
            .table
            .as_ref()
            .is_some_and(|t| t.columns != headers)
        {
            return Err(FieldError::new(
                "评议等次",
                format!(
                    "事项{}（{}）{}，按现在的等次计票；请等它张贴后再改等次",
                    row.item_id,
                    rev.content.title,
                    row.status.label()
                ),
            )
            .into());
        }
    }
    store.write(op, |w| w.set_appraisal_scale(&scale))?;
    Ok(scale)
}

/// A 领导述职 item's tally, checked as its sheet would check it.
pub fn tally(store: &Store, item_id: i64) -> Result<Appraisal> {
    let rev = items::current(store, item_id)?;
    if rev.category != Category::LeaderReport {
        return Err(FieldError::new(
            "事项",
            format!("事项{item_id}是{}，不是领导述职", rev.category.label()),
        )
        .into());
    }
    match lines::read(rev.category, &rev.content, &table_io::context(store)?)? {
        Some(Lines::Appraisal(tally)) => {
            tally.check()?;
            Ok(tally)
        }
        _ => Err(FieldError::new("表格", "还没有述职人和评议票数（请先导入或填写表格）").into()),
    }
}

pub fn add_ethics_case(
    store: &mut Store,
    op: &OperatorName,
    teacher: &str,
    found_on: NaiveDate,
    summary: &str,
) -> Result<i64> {
    let found_on = items::not_later_than_today("查实日期", found_on)?;
    let case = EthicsCase::new(teacher, found_on, summary)?;
    Ok(store.write(op, |w| w.add_ethics_case(&case))?)
}

pub fn ethics_cases(store: &Store) -> Result<Vec<RecordedCase>> {
    Ok(store.ethics_cases()?)
}
