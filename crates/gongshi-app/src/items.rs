//! The jobs of a disclosure item: create from a category template, edit a
//! draft, and every workflow step. Each loads the item's current revision,
//! applies the domain's step, and stores it with its audit row in one
//! transaction: a refused step changes nothing. Submit, approval and
//! posting first run the printer's privacy check on the item's sheet.

use chrono::NaiveDate;
use gongshi_domain::category::Category;
use gongshi_domain::duties::Duty;
use gongshi_domain::item::ItemContent;
use gongshi_domain::revision::{CloseResult, Closure, Objections, Revision, Stamp};
use gongshi_domain::workflow::Status;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_print::sheet::{Document, Paper};
use gongshi_store::Store;
use serde::Serialize;

use crate::{AppError, Result, calendar};

/// A stored revision and the warnings it deserves (a short period…).
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    pub revision: Revision,
    pub warnings: Vec<String>,
}

fn saved(store: &Store, revision: Revision) -> Result<Saved> {
    let min = store.min_days(revision.category)?;
    let warnings = revision.content.warnings(min);
    Ok(Saved { revision, warnings })
}

pub fn create(
    store: &mut Store,
    op: &OperatorName,
    category: Category,
    mut content: ItemContent,
) -> Result<Saved> {
    // A 师德承诺 starts from the default pledges, to be edited.
    if let Some(body) = category
        .default_body()
        .filter(|_| content.body.trim().is_empty())
    {
        content.body = body.to_owned();
    }
    let draft = Revision::draft(category, content)?;
    typed_rows(store, category, &draft.content)?;
    let stored = store.write(op, |w| w.insert_item(&draft))?;
    saved(store, stored)
}

/// The item's current revision, or a refusal naming the number.
pub fn current(store: &Store, item_id: i64) -> Result<Revision> {
    store
        .current_revision(item_id)?
        .ok_or_else(|| FieldError::new("事项", format!("没有编号为{item_id}的事项")).into())
}

/// Applies one step to the item's current revision and stores it.
fn step(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    label: &str,
    apply: impl FnOnce(&mut Revision) -> Result<()>,
) -> Result<Saved> {
    let mut rev = current(store, item_id)?;
    apply(&mut rev)?;
    store.write(op, |w| w.save_revision(&rev, label))?;
    saved(store, rev)
}

/// A step that takes the item towards the board: refused, before anything
/// is written, when the item's sheet would not print.
fn step_to_board(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    label: &'static str,
    apply: impl FnOnce(&mut Revision) -> Result<()>,
) -> Result<Saved> {
    let mut rev = current(store, item_id)?;
    apply(&mut rev)?;
    crate::decisions::may_proceed(store, &rev)?;
    printable(store, &rev, label)?;
    // Posted: the district's record goes with it, in the same transaction.
    let published = match rev.status {
        Status::Posted => crate::district::bodies::posting(store, &rev)?,
        _ => None,
    };
    store.write(op, |w| {
        w.save_revision(&rev, label)?;
        if let Some(body) = &published {
            w.enqueue_district(body)?;
        }
        Ok(())
    })?;
    saved(store, rev)
}

/// Runs the printer's privacy check on the item's board sheet, built as
/// the weekly batch builds it, so that an item that would not print cannot
/// be submitted, approved or posted. The refusal names the line, masked.
fn printable(store: &Store, rev: &Revision, step: &'static str) -> Result<()> {
    let school = store.school()?.unwrap_or_default();
    let now = chrono::Local::now().fixed_offset();
    let cx = crate::table_io::context(store)?;
    let sheet = crate::sheets::item_sheet(
        &school,
        rev,
        rev.period,
        now.date_naive(),
        Paper::default(),
        &cx,
        &crate::decisions::facts(store, rev)?,
    )?;
    let doc = Document {
        title: rev.content.title.clone(),
        author: school.name.clone(),
        created: now,
        sheets: vec![sheet],
    };
    gongshi_print::check_privacy(&doc, &crate::printing::allowlist(&school)).map_err(|e| {
        match e.privacy_reason() {
            Some((title, reason)) => AppError::Unprintable {
                step,
                title: title.to_owned(),
                reason,
            },
            None => e.into(),
        }
    })
}

pub fn edit(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    content: ItemContent,
) -> Result<Saved> {
    let category = current(store, item_id)?.category;
    typed_rows(store, category, &content)?;
    step(store, op, item_id, "修改", |r| Ok(r.edit(content)?))
}

/// A 财务收支, 采购 or 学生资助 table must read by its category's schema
/// (every row and cell) before anything is stored; the balance waits for
/// submission (a draft may be half entered).
fn typed_rows(store: &Store, category: Category, content: &ItemContent) -> Result<()> {
    gongshi_domain::lines::read(category, content, &crate::table_io::context(store)?)?;
    // An appraisal is recorded once held: never on a day still to come.
    if let Some(on) = content
        .fields
        .get(gongshi_domain::lines::appraisal::DATE_FIELD)
        .and_then(|d| d.parse().ok())
    {
        not_later_than_today("评议日期", on)?;
    }
    Ok(())
}

pub fn submit(store: &mut Store, op: &OperatorName, item_id: i64) -> Result<Saved> {
    step_to_board(store, op, item_id, "提交审核", |r| Ok(r.submit()?))
}

/// 保密审查 and/or the supervision group's sign-off: (name, date, remark).
/// A blank name means that step is not given this time.
pub struct ReviewInput<'a> {
    pub confidentiality: Option<(&'a str, NaiveDate, &'a str)>,
    pub signoff: Option<(&'a str, NaiveDate, &'a str)>,
}

pub fn review<'a>(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    input: ReviewInput<'a>,
) -> Result<Saved> {
    let given =
        |s: Option<(&'a str, NaiveDate, &'a str)>| s.filter(|(by, _, _)| !by.trim().is_empty());
    let conf = given(input.confidentiality)
        .map(|(by, on, note)| stamp(Duty::Confidentiality, "保密审查日期", by, on, note))
        .transpose()?;
    let sign = given(input.signoff)
        .map(|(by, on, note)| stamp(Duty::Signoff, "签字日期", by, on, note))
        .transpose()?;
    let duties = store.duties()?;
    step(store, op, item_id, "审查签字", |r| {
        Ok(r.review(conf, sign, &duties)?)
    })
}

pub fn approve(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    by: &str,
    on: NaiveDate,
    note: &str,
) -> Result<Saved> {
    let stamp = stamp(Duty::Approval, "批准日期", by, on, note)?;
    let duties = store.duties()?;
    step_to_board(store, op, item_id, "批准", |r| {
        Ok(r.approve(stamp, &duties)?)
    })
}

/// A review step's record: who (named as the duty's field), on a day not
/// still to come, with a remark.
fn stamp(
    duty: Duty,
    date_field: &'static str,
    by: &str,
    on: NaiveDate,
    note: &str,
) -> Result<Stamp> {
    let on = not_later_than_today(date_field, on)?;
    Ok(Stamp::new(duty.field(), by, on, note)?)
}

pub fn send_back(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    reason: &str,
) -> Result<Saved> {
    step(store, op, item_id, "退回", |r| Ok(r.send_back(reason)?))
}

pub fn post(store: &mut Store, op: &OperatorName, item_id: i64, on: NaiveDate) -> Result<Saved> {
    let on = not_later_than_today("张贴日期", on)?;
    let printed = printed_start(store, item_id)?;
    let cal = calendar::calendar(Some(store))?;
    step_to_board(store, op, item_id, "张贴公示", |r| {
        // The workflow's own refusals (before its approval…) come first.
        r.post(on, &cal)?;
        as_printed(printed, on)
    })
}

/// Takes the sheet down on `on`; before its period ends, `reason` says why.
pub fn take_down(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    on: NaiveDate,
    reason: &str,
) -> Result<Saved> {
    let on = not_later_than_today("撤下日期", on)?;
    let mut rev = current(store, item_id)?;
    rev.take_down(on, reason)?;
    // Down before its period ended: the district is told, with the reason.
    let early = crate::district::bodies::taken_down(&rev);
    store.write(op, |w| {
        w.save_revision(&rev, "撤下")?;
        if let Some(body) = &early {
            w.enqueue_district(body)?;
        }
        Ok(())
    })?;
    saved(store, rev)
}

pub fn close(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    result: CloseResult,
    on: NaiveDate,
    note: &str,
) -> Result<Saved> {
    let (total, open) = store.objection_counts(item_id)?;
    let closure = Closure {
        result,
        on: not_later_than_today("归档日期", on)?,
        note: gongshi_domain::text::limited("归档说明", note, 500)?,
    };
    step(store, op, item_id, result.label(), |r| {
        Ok(r.close(closure, Objections { total, open })?)
    })
}

/// The sheet printed for the board states its period: posting it on
/// another day would put one period on the board and another in the
/// record. Refused, saying the printed day and how to reprint.
fn as_printed(printed: Option<NaiveDate>, on: NaiveDate) -> Result<()> {
    let Some(start) = printed.filter(|start| *start != on) else {
        return Ok(());
    };
    Err(FieldError::new(
        "张贴日期",
        format!(
            "打印的张贴稿写的公示期从{start}开始，在{on}张贴会与张贴稿不符。请在{start}张贴，或重新打印本周批次后再张贴{}",
            gongshi_domain::faces::next_step(
                "本周公开栏 → 打印本周张贴批次",
                &format!("gongshi board week --date {on} --out 本周.pdf")
            )
        ),
    )
    .into())
}

/// The first day of the period the item's latest archived sheet states.
fn printed_start(store: &Store, item_id: i64) -> Result<Option<NaiveDate>> {
    let rev = current(store, item_id)?;
    let printed = store.printed_sheets(rev.id)?;
    Ok(printed.last().and_then(|s| s.period_start))
}

/// A correction of what was posted: the next revision, as a draft.
pub fn revise(store: &mut Store, op: &OperatorName, item_id: i64) -> Result<Saved> {
    let next = current(store, item_id)?.revise()?;
    let stored = store.write(op, |w| w.insert_revision(&next))?;
    saved(store, stored)
}

/// The sheet as it would print (the printer's own layout), for the
/// editor's live preview, and why it would be refused, if it would.
pub fn preview(
    store: &Store,
    category: Category,
    content: ItemContent,
    today: NaiveDate,
) -> Result<(Vec<gongshi_print::layout::Page>, Option<String>)> {
    let content = content.validated(category)?;
    let mut rev = Revision::draft(category, content)?;
    rev.number = 1;
    preview_revision(store, rev, today)
}

/// [`preview`] of an item being edited: as its current revision would
/// print with `content` (a 正式稿 with the vote that passed it).
pub fn preview_of(
    store: &Store,
    item_id: i64,
    content: ItemContent,
    today: NaiveDate,
) -> Result<(Vec<gongshi_print::layout::Page>, Option<String>)> {
    let mut rev = current(store, item_id)?;
    rev.content = content.validated(rev.category)?;
    preview_revision(store, rev, today)
}

fn preview_revision(
    store: &Store,
    rev: Revision,
    today: NaiveDate,
) -> Result<(Vec<gongshi_print::layout::Page>, Option<String>)> {
    let school = store.school()?.unwrap_or_default();
    let cal = calendar::calendar(Some(store))?;
    let start = rev.content.planned_start.unwrap_or(today);
    let period = cal.period(start, rev.content.posting_days).ok();
    let cx = crate::table_io::context(store)?;
    let decision = crate::decisions::facts(store, &rev)?;
    let sheet = crate::sheets::item_sheet(
        &school,
        &rev,
        period,
        today,
        Default::default(),
        &cx,
        &decision,
    )?;
    let doc = gongshi_print::sheet::Document {
        title: rev.content.title.clone(),
        author: school.name.clone(),
        created: chrono::Local::now().fixed_offset(),
        sheets: vec![sheet],
    };
    Ok(gongshi_print::pdf::preview(
        &doc,
        &crate::printing::allowlist(&school),
    ))
}

/// The key of a category's field given its key or its Chinese label.
pub fn field_key(category: Category, name: &str) -> Result<&'static str> {
    category
        .required_fields()
        .iter()
        .find(|f| {
            // 上期结余(元) is 上期结余（元）: brackets of either width.
            let label = gongshi_domain::text::half_width_str(f.label);
            let name = gongshi_domain::text::half_width_str(name);
            f.key == name || label == name || label.starts_with(&name)
        })
        .map(|f| f.key)
        .ok_or_else(|| {
            let known: Vec<_> = category.required_fields().iter().map(|f| f.label).collect();
            FieldError::new(
                "字段",
                format!(
                    "“{}”类别没有“{name}”字段（有：{}）",
                    category.label(),
                    known.join("、")
                ),
            )
            .into()
        })
}

/// The current revision of each item matching `filter`. A period that
/// ends before it starts is refused, not silently empty.
pub fn list(
    store: &Store,
    filter: &gongshi_store::ItemFilter,
) -> Result<Vec<gongshi_store::ItemRow>> {
    if let Some((from, to)) = filter.period
        && to < from
    {
        return Err(
            FieldError::new("公示期", format!("结束日期（{to}）早于开始日期（{from}）")).into(),
        );
    }
    Ok(store.list_items(filter)?)
}

/// An item with all its revisions, oldest first.
pub fn history(store: &Store, item_id: i64) -> Result<Vec<Revision>> {
    let revisions = store.item_revisions(item_id)?;
    if revisions.is_empty() {
        return Err(FieldError::new("事项", format!("没有编号为{item_id}的事项")).into());
    }
    Ok(revisions)
}

/// A step is recorded on the day it was done: never a day still to come
/// (the machine's clock says which day it is).
pub fn not_later_than_today(
    field: &'static str,
    on: NaiveDate,
) -> std::result::Result<NaiveDate, FieldError> {
    let today = chrono::Local::now().date_naive();
    if on > today {
        return Err(FieldError::new(
            field,
            format!("{on}还没有到（今天是{today}）"),
        ));
    }
    Ok(on)
}
