//! 本周公开栏: what goes up, comes down, is on the board and is overdue in
//! a week; and the weekly batch printed for posting, each sheet archived
//! with its SHA-256 so the record proves what was on the board.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use gongshi_domain::calendar::Period;
use gongshi_domain::revision::Revision;
use gongshi_domain::workflow::Status;
use gongshi_domain::{FieldError, OperatorName, SchoolProfile};
use gongshi_print::sheet::{Align, Block, Column, Document, Paper, Row, Sheet, Table};
use gongshi_store::{BoardPrint, ItemRow, PrintOf, Store, WeekRows};
use serde::Serialize;

use crate::{Result, calendar, printing, sheets, verification};

#[derive(Debug, Clone, Serialize)]
pub struct WeekBoard {
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    #[serde(flatten)]
    pub rows: WeekRows,
    /// Regular disclosures not made this month (本月财务收支…).
    pub missing_regular: Vec<String>,
}

/// The Monday-to-Sunday week containing `date`.
pub fn week_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}

/// The batch's name: `2026年11月23日本周公开栏` (the week's Monday).
pub fn batch_name(date: NaiveDate) -> String {
    let (monday, _) = week_of(date);
    format!("{}本周公开栏", gongshi_print::dates::chinese_date(monday))
}

/// The batch's file name: [`batch_name`].pdf.
pub fn batch_file_name(date: NaiveDate) -> String {
    format!("{}.pdf", batch_name(date))
}

pub fn week(store: &Store, date: NaiveDate) -> Result<WeekBoard> {
    let (monday, sunday) = week_of(date);
    let rows = store.week_rows(monday, sunday)?;
    let mut missing_regular = Vec::new();
    for regular in store.regular_disclosures()? {
        // Monthly rhythms are checked; a semester or a year is the clerk's call.
        if regular.rhythm == "monthly"
            && !store.has_item_in_month(regular.category.code(), monday)?
        {
            missing_regular.push(format!("本月尚未公开：{}", regular.title));
        }
    }
    Ok(WeekBoard {
        monday,
        sunday,
        rows,
        missing_regular,
    })
}

/// What a weekly print produced.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedWeek {
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// The batch as printed, to picture too (the same 核验码).
    #[serde(skip)]
    pub batch: printing::Printable,
    pub sheets: Vec<PrintedSheetOfWeek>,
}

/// One sheet of a weekly batch as archived.
#[derive(Debug, Clone, Serialize)]
pub struct PrintedSheetOfWeek {
    pub title: String,
    /// The SHA-256 of the archived PDF.
    pub sha256: String,
    /// The 核验码 printed on it.
    pub code: String,
}

/// Prints the week's batch: a cover list, then every sheet going up. Each
/// sheet is also rendered alone and archived with its SHA-256 and the date.
pub fn print_week(
    store: &mut Store,
    op: &OperatorName,
    date: NaiveDate,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<PrintedWeek> {
    let board = week(store, date)?;
    let school = crate::school::required(store)?;
    let allow = printing::allowlist(&school);
    let cal = calendar::calendar(Some(store))?;
    let cx = crate::table_io::context(store)?;
    let today = now.date_naive();
    let mark = verification::store_mark_of(store)?;

    let mut sheets = Vec::new();
    let mut archive = Vec::new();
    for row in &board.rows.going_up {
        let rev = store
            .revision(row.revision_id)?
            .ok_or_else(|| FieldError::new("事项", "修订版不存在"))?;
        let period = match rev.period {
            Some(p) => Some(p),
            None => planned_period(&rev, board.monday, today, &cal)?,
        };
        let decision = crate::decisions::facts(store, &rev)?;
        let mut sheet = sheets::item_sheet(&school, &rev, period, today, paper, &cx, &decision)?;
        let code = verification::stamp(&mark, rev.item_id, i64::from(rev.number), &mut sheet)
            .unwrap_or_default();
        let single = document(&school, &rev.content.title, now, vec![sheet.clone()]);
        let pdf = gongshi_print::render_pdf(&single, &allow)?;
        let sha = crate::archive::sha256_hex(&pdf);
        archive.push(Archived {
            revision_id: rev.id,
            period,
            title: rev.content.title.clone(),
            sha,
            code,
            pdf,
        });
        sheets.push(sheet);
    }
    let mut all = vec![cover(&school, &board, today, paper)];
    all.extend(sheets);
    let title = format!("本周公开栏（{}至{}）", board.monday, board.sunday);
    let batch = printing::Printable {
        name: batch_name(date),
        doc: document(&school, &title, now, all),
        allow,
        posting: None,
    };
    let pdf = batch.pdf()?;
    // A sheet printed again saying the same has the same 核验码: the copy
    // archived first stands.
    let mut new = Vec::new();
    for a in &archive {
        if a.code.is_empty() || store.printed_with_code(&a.code)?.is_empty() {
            new.push(a);
        }
    }
    store.write(op, |w| {
        for a in new {
            w.archive_sheet(&BoardPrint {
                of: PrintOf::Revision(a.revision_id),
                printed_on: today,
                period_start: a.period.map(|p| p.start),
                period_end: a.period.map(|p| p.end),
                sha256: &a.sha,
                code: &a.code,
                pdf: &a.pdf,
            })?;
        }
        Ok(())
    })?;
    Ok(PrintedWeek {
        pdf,
        batch,
        sheets: archive
            .into_iter()
            .map(|a| PrintedSheetOfWeek {
                title: a.title,
                sha256: a.sha,
                code: a.code,
            })
            .collect(),
    })
}

/// A sheet of the batch, rendered alone to be archived.
struct Archived {
    revision_id: i64,
    period: Option<Period>,
    title: String,
    sha: String,
    code: String,
    pdf: Vec<u8>,
}

/// The first day an approved item's printed sheet states (the sheet and
/// the batch's cover list alike).
fn printed_start(planned: Option<NaiveDate>, monday: NaiveDate, today: NaiveDate) -> NaiveDate {
    planned.unwrap_or(monday).max(today)
}

/// The period an approved item's sheet states: from its planned day (the
/// week's Monday if none), or from the day it is printed if that is later
/// — a sheet cannot go up before it exists.
fn planned_period(
    rev: &Revision,
    monday: NaiveDate,
    today: NaiveDate,
    cal: &gongshi_domain::calendar::Calendar,
) -> Result<Option<Period>> {
    if rev.status != Status::Approved {
        return Ok(None);
    }
    let start = printed_start(rev.content.planned_start, monday, today);
    Ok(Some(
        cal.period(start, rev.content.posting_days)
            .map_err(|e| e.for_field("公示期"))?,
    ))
}

fn document(
    school: &SchoolProfile,
    title: &str,
    now: DateTime<FixedOffset>,
    sheets: Vec<Sheet>,
) -> Document {
    Document {
        title: title.to_owned(),
        author: school.name.clone(),
        created: now,
        sheets,
    }
}

fn cover(school: &SchoolProfile, board: &WeekBoard, today: NaiveDate, paper: Paper) -> Sheet {
    let table = |rows: &[ItemRow], date_title: &str, date: fn(&ItemRow) -> Option<NaiveDate>| {
        Block::Table(Table {
            columns: vec![
                Column::new("序号", 0.6, Align::Center),
                Column::new("事项", 4.0, Align::Left),
                Column::new("类别", 1.2, Align::Center),
                Column::new(date_title, 1.6, Align::Center),
            ],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    Row::new(vec![
                        (i + 1).to_string(),
                        r.title.clone(),
                        r.category.label().into(),
                        date(r).map(|d| d.to_string()).unwrap_or_default(),
                    ])
                })
                .collect(),
        })
    };
    let mut blocks = vec![Block::Heading(format!(
        "一、本周张贴（{}项）",
        board.rows.going_up.len()
    ))];
    if board.rows.going_up.is_empty() {
        blocks.push(Block::Note("本周没有需要张贴的事项。".into()));
    } else {
        let monday = board.monday;
        let up: Vec<ItemRow> = board
            .rows
            .going_up
            .iter()
            .map(|r| ItemRow {
                posted_on: r
                    .posted_on
                    .or(Some(printed_start(r.planned_start, monday, today))),
                ..r.clone()
            })
            .collect();
        blocks.push(table(&up, "张贴日期", |r| r.posted_on));
    }
    blocks.push(Block::Heading(format!(
        "二、本周撤下（{}项）",
        board.rows.coming_down.len()
    )));
    if board.rows.coming_down.is_empty() {
        blocks.push(Block::Note("本周没有期满撤下的事项。".into()));
    } else {
        blocks.push(table(&board.rows.coming_down, "期满日期", |r| {
            r.period_end
        }));
    }
    let overdue: Vec<String> = board
        .rows
        .not_posted
        .iter()
        .map(|r| format!("已批准未张贴：{}", r.title))
        .chain(
            board
                .rows
                .not_closed
                .iter()
                .map(|r| format!("公示期满未撤下归档：{}", r.title)),
        )
        .chain(board.missing_regular.iter().cloned())
        .collect();
    if !overdue.is_empty() {
        blocks.push(Block::Heading("三、逾期提醒".into()));
        blocks.extend(overdue.into_iter().map(Block::Note));
    }
    Sheet {
        paper,
        school_name: school.name.clone(),
        header_label: "校务公开".into(),
        title: "本周校务公开栏张贴清单".into(),
        subtitle: Some(format!(
            "（{}至{}）",
            gongshi_print::dates::chinese_date(board.monday),
            gongshi_print::dates::chinese_date(board.sunday)
        )),
        watermark: None,
        blocks,
    }
}
