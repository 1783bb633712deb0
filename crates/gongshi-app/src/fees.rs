//! The principal's fees: a semester's schedule imported from the template
//! (all or nothing), copied from an earlier semester, approved (then
//! frozen); class sizes for the letters.

use chrono::NaiveDate;
use gongshi_domain::fee::{self, FeeItem};
use gongshi_domain::grades::Grades;
use gongshi_domain::revision::Stamp;
use gongshi_domain::table::{CellError, Context};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::{ClassSize, Schedule, Store};

use crate::{Result, table_io};

/// The import template: a title row, then exactly the header row the
/// import looks for, then one example row to overwrite.
pub fn template() -> Result<Vec<u8>> {
    let example = FeeItem {
        name: "课后服务费".into(),
        amount: gongshi_domain::Fen(30_000),
        unit: "每生每学期".into(),
        grades: Grades::parse("适用年级", "一至六年级").unwrap_or(Grades::WholeSchool),
        department: "学校财务室".into(),
        phone: String::new(),
        basis: "豫发改收费〔2023〕781号".into(),
        voluntary: true,
        note: "自愿参加".into(),
    };
    let schema = fee::schema();
    table_io::template(
        &schema,
        "收费标准",
        "收费标准导入模板（请从第4行起填写，每行一个收费项目）".into(),
        &[schema.cells_of(|k| example.cell(k))],
        false,
    )
}

/// Reads the fee rows of a file: finds the template's header row, parses
/// every row after it, and reports every bad row and field at once.
pub fn read(bytes: &[u8], file_name: &str, cx: &Context) -> Result<Vec<FeeItem>> {
    table_io::read(bytes, file_name, &fee::schema(), cx, fee::record)
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
    let items = read(bytes, file_name, &table_io::context(store)?)?;
    replace_items(store, op, &semester, &items)
}

/// What is wrong with one row of the item grid, cell by cell (empty when
/// it is good): the grid's inline validation, by the import's own rules.
pub fn check_row(store: &Store, cells: &[String]) -> Result<Vec<CellError>> {
    let cx = table_io::context(store)?;
    Ok(fee::schema().check(cells, &cx, fee::record))
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
    let cx = table_io::context(store)?;
    let items = table_io::grid(rows, &fee::schema(), &cx, fee::record)?;
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
