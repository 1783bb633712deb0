//! The principal's fees: a semester's schedule imported from the template
//! (all or nothing), copied from an earlier semester, approved (then
//! frozen); class sizes for the letters.

use chrono::NaiveDate;
use gongshi_domain::fee::{self, FeeItem, TEMPLATE_HEADER};
use gongshi_domain::grades::SchoolGrades;
use gongshi_domain::revision::Stamp;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};
use gongshi_store::{ClassSize, Schedule, Store};

use crate::{Result, sheet_file};

/// The import template: a title row, then exactly the header row the
/// import looks for, then one example row to overwrite.
pub fn template() -> Result<Vec<u8>> {
    let report = Report {
        sheet_name: "收费标准".into(),
        title: "收费标准导入模板（请从第3行起填写，每行一个收费项目）".into(),
        subtitle: None,
        school_name: String::new(),
        internal: false,
        columns: TEMPLATE_HEADER
            .iter()
            .map(|h| ReportColumn::new(h, ColumnKind::Text))
            .collect(),
        rows: vec![
            [
                "课后服务费",
                "300.00",
                "每生每学期",
                "一至六年级",
                "学校财务室",
                "",
                "豫发改收费〔2023〕781号",
                "是",
                "自愿参加",
            ]
            .iter()
            .map(|c| Value::Text((*c).into()))
            .collect(),
        ],
        totals: None,
    };
    Ok(gongshi_print::render_xlsx(&[report])?)
}

/// Reads the fee rows of a file: finds the template's header row, parses
/// every row after it, and reports every bad row and field at once.
pub fn read(bytes: &[u8], file_name: &str, school: &SchoolGrades) -> Result<Vec<FeeItem>> {
    let rows = sheet_file::rows_under_header(bytes, file_name, &TEMPLATE_HEADER)?;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (row_no, row) in &rows {
        match fee::parse_row(row, school) {
            Ok(item) => items.push(item),
            Err(fields) => errors.extend(fields.into_iter().map(|e| format!("第{row_no}行 {e}"))),
        }
    }
    if !errors.is_empty() {
        return Err(sheet_file::import_refused(errors));
    }
    if items.is_empty() {
        return Err(FieldError::new("文件", "表头下面没有收费项目").into());
    }
    Ok(items)
}

fn unfrozen(store: &Store, semester: &str) -> Result<()> {
    if let Some(s) = store.fee_schedule(semester)?
        && let Some(a) = s.approved
    {
        return Err(FieldError::new(
            "学期",
            format!("{semester}的收费标准已于{}由{}批准，不能再修改", a.on, a.by),
        )
        .into());
    }
    Ok(())
}

/// Imports a file as the semester's schedule: all rows or none.
pub fn import(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    bytes: &[u8],
    file_name: &str,
) -> Result<Schedule> {
    let semester = fee::semester("学期", semester)?;
    let items = read(bytes, file_name, &crate::school::grades(store)?)?;
    replace_items(store, op, &semester, &items)
}

/// What is wrong with one row of the item grid, field by field (empty when
/// it is good): the grid's inline validation, by the import's own rules.
pub fn check_row(store: &Store, cells: &[String]) -> Result<Vec<FieldError>> {
    let school = crate::school::grades(store)?;
    Ok(fee::parse_row(cells, &school).err().unwrap_or_default())
}

/// Saves the item grid as the semester's schedule (made if new): every row
/// good or nothing stored, the message naming each bad row and field.
pub fn save_items(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    rows: &[Vec<String>],
) -> Result<Schedule> {
    let semester = fee::semester("学期", semester)?;
    let school = crate::school::grades(store)?;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match fee::parse_row(row, &school) {
            Ok(item) => items.push(item),
            Err(fields) => errors.extend(fields.into_iter().map(|e| format!("第{}项 {e}", i + 1))),
        }
    }
    if !errors.is_empty() {
        return Err(sheet_file::import_refused(errors));
    }
    if items.is_empty() {
        return Err(FieldError::new("收费项目", "至少要有一个收费项目").into());
    }
    replace_items(store, op, &semester, &items)
}

fn replace_items(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    items: &[FeeItem],
) -> Result<Schedule> {
    unfrozen(store, semester)?;
    store.write(op, |w| w.save_fee_schedule(semester, items))?;
    schedule(store, semester)
}

/// Sets the schedule's reduction policy (printed on the board sheet and on
/// every letter) while it is not approved.
pub fn set_reduction_policy(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    policy: &str,
) -> Result<Schedule> {
    let policy = fee::reduction_policy(policy)?;
    schedule(store, semester)?;
    unfrozen(store, semester)?;
    store.write(op, |w| w.set_reduction_policy(semester, &policy))?;
    schedule(store, semester)
}

/// Sets how the schedule's units count — the months a 每月 fee is billed,
/// whether 每年 fees are collected this semester — while it is not approved.
pub fn set_terms(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    months: u8,
    yearly_here: bool,
) -> Result<Schedule> {
    let terms = fee::Terms::checked(months, yearly_here)?;
    schedule(store, semester)?;
    unfrozen(store, semester)?;
    store.write(op, |w| w.set_fee_terms(semester, terms))?;
    schedule(store, semester)
}

pub fn schedule(store: &Store, semester: &str) -> Result<Schedule> {
    store
        .fee_schedule(semester)?
        .ok_or_else(|| FieldError::new("学期", format!("还没有{semester}的收费标准")).into())
}

/// Starts a semester from an earlier one's items and reduction policy (not
/// its approval).
pub fn copy(store: &mut Store, op: &OperatorName, from: &str, to: &str) -> Result<Schedule> {
    let to = fee::semester("新学期", to)?;
    let source = schedule(store, from)?;
    if store.fee_schedule(&to)?.is_some() {
        return Err(FieldError::new("新学期", format!("{to}已经有收费标准")).into());
    }
    // The months carry over; whether the year's fees fall in it is the
    // new semester's own (by its name).
    let terms = fee::Terms {
        months: source.terms.months,
        ..fee::Terms::for_semester(&to)
    };
    store.write(op, |w| {
        w.save_fee_schedule(&to, &source.items)?;
        w.set_reduction_policy(&to, &source.reduction_policy)?;
        w.set_fee_terms(&to, terms)
    })?;
    schedule(store, &to)
}

pub fn approve(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    by: &str,
    on: NaiveDate,
) -> Result<Schedule> {
    schedule(store, semester)?;
    unfrozen(store, semester)?;
    let stamp = Stamp::new("批准人", by, on, "")?;
    store.write(op, |w| w.approve_fee_schedule(semester, &stamp))?;
    schedule(store, semester)
}

pub fn set_class_size(
    store: &mut Store,
    op: &OperatorName,
    grade: u8,
    class: &str,
    students: u32,
) -> Result<()> {
    let grade = crate::school::grades(store)?.check("年级", grade)?;
    if students > 200 {
        return Err(FieldError::new("人数", "一个班不会超过200人").into());
    }
    let class = gongshi_domain::text::required("班级", class, 10)?;
    Ok(store.write(op, |w| {
        w.set_class_size(&ClassSize {
            grade,
            class,
            students,
        })
    })?)
}

/// Removes a class (merged, closed) from the letters' class sizes.
pub fn remove_class(store: &mut Store, op: &OperatorName, grade: u8, class: &str) -> Result<()> {
    if !store.write(op, |w| w.remove_class_size(grade, class.trim()))? {
        return Err(FieldError::new(
            "班级",
            format!(
                "没有{}{}",
                gongshi_domain::grades::grade_name(grade),
                class.trim()
            ),
        )
        .into());
    }
    Ok(())
}

/// The semesters that have a schedule.
pub fn semesters(store: &Store) -> Result<Vec<String>> {
    Ok(store.fee_semesters()?)
}
