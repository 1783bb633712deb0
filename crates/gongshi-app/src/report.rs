//! The annual report (年度校务公开工作报告): the year's figures, the text
//! (the clerk's edited text kept with the year, or the draft made from
//! the figures), a printable report with its tables and charts, and the
//! same figures as a workbook with native Excel charts.

use chrono::{DateTime, FixedOffset, NaiveDate};
use gongshi_domain::record::draft::{self, Groups};
use gongshi_domain::record::{DateRange, Figures, YearText};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_print::sheet::{Block, Closing, Document, Paper, Sheet};
use gongshi_print::workbook::Report;
use gongshi_store::Store;

use crate::Result;
use crate::printing::{self, Printable};
use crate::record_sheets::{blocks, report_chart, report_columns, values};

/// A year's report as the screen shows it.
#[derive(Debug, Clone)]
pub struct YearReport {
    pub year: i32,
    pub figures: Figures,
    pub text: YearText,
    /// The text is the clerk's, kept with the year (not the draft).
    pub edited: bool,
    /// The clerk's text was edited from figures that have changed since
    /// (feedback answered, an item posted…): its numbers may be out of date.
    pub stale: bool,
}

/// What a kept text was edited from: the digest of the draft the figures
/// gave then. The draft says every number, so a changed figure changes it.
fn basis(draft: &YearText) -> String {
    crate::archive::sha256_hex(draft.to_plain().as_bytes())
}

/// Said wherever the kept text is out of date.
pub const STALE: &str = "保存正文之后，本年的数据有了变化：正文中的数字可能已经过时。请核对正文，或按数据重新生成草稿后再保存。";

/// The years a report can be made for: from 2000 to this year (a year
/// to come has no record to report).
fn range(year: i32, today: NaiveDate) -> Result<DateRange> {
    use chrono::Datelike;
    let first = *gongshi_domain::record::range::YEARS.start();
    if !(first..=today.year()).contains(&year) {
        return Err(FieldError::new(
            "年度",
            format!("{year}年不能出年度报告：可选{first}年至{}年", today.year()),
        )
        .into());
    }
    Ok(DateRange::calendar_year(year)?)
}

pub fn figures(store: &Store, year: i32, today: NaiveDate) -> Result<Figures> {
    let record = crate::record::year_record(store, range(year, today)?, today)?;
    Ok(Figures::of(&record))
}

/// The draft made from the year's figures (what the text starts as, and
/// what 重新生成 gives back).
pub fn draft(store: &Store, year: i32, today: NaiveDate) -> Result<YearText> {
    draft_of(store, &figures(store, year, today)?)
}

fn draft_of(store: &Store, figures: &Figures) -> Result<YearText> {
    let school = crate::school::required(store)?;
    let duties = crate::school::duties(store)?;
    let groups = Groups {
        leading: duties.leading.len(),
        working: duties.working.len(),
        supervision: duties.supervision.len(),
    };
    Ok(draft::draft(&school.name, figures, groups))
}

pub fn year_report(store: &Store, year: i32, today: NaiveDate) -> Result<YearReport> {
    let figures = figures(store, year, today)?;
    let draft = draft_of(store, &figures)?;
    let (text, edited, stale) = match store.year_text(year)? {
        Some((text, kept)) => (text, true, kept != basis(&draft)),
        None => (draft, false, false),
    };
    Ok(YearReport {
        year,
        figures,
        text,
        edited,
        stale,
    })
}

/// Keeps the clerk's text with the year; checked section by section.
pub fn set_text(
    store: &mut Store,
    op: &OperatorName,
    year: i32,
    text: YearText,
    today: NaiveDate,
) -> Result<YearText> {
    range(year, today)?;
    let text = text.validated()?;
    let basis = basis(&draft(store, year, today)?);
    store.write(op, |w| w.set_year_text(year, &text, &basis))?;
    Ok(text)
}

/// The clerk's text from a plain text file (UTF-8, GBK or UTF-16, as
/// Windows editors save it): each section begins with its numbered
/// heading line (一、…).
pub fn set_text_from_file(
    store: &mut Store,
    op: &OperatorName,
    year: i32,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<YearText> {
    let text = crate::sheet_file::decode_text(bytes)
        .map_err(|fault| FieldError::new("正文文件", fault.detail()))?;
    let text = YearText::from_plain(text.trim_start_matches('\u{feff}'))?;
    set_text(store, op, year, text, today)
}

/// The report to print (or picture): the text, then the figures with
/// their charts, the school's name and the date, a seal area.
pub fn printable(store: &Store, year: i32, now: DateTime<FixedOffset>) -> Result<Printable> {
    printable_of(store, &year_report(store, year, now.date_naive())?, now)
}

/// [`printable`] of a report already made (the screen's, whose text may
/// be the editor's, not yet saved).
pub fn printable_of(
    store: &Store,
    report: &YearReport,
    now: DateTime<FixedOffset>,
) -> Result<Printable> {
    let (year, today) = (report.year, now.date_naive());
    let school = crate::school::required(store)?;
    let mut content = Vec::new();
    for s in &report.text.sections {
        content.push(Block::Heading(s.heading.clone()));
        content.extend(
            s.body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Block::Paragraph(l.to_owned())),
        );
    }
    content.push(Block::Closing(Closing {
        posting_period: None,
        feedback: Vec::new(),
        issuer: school.name.clone(),
        date: today,
        signature: None,
        seal: true,
        verification: None,
    }));
    let mut figures = vec![Block::Paragraph(format!(
        "以下数据由校务公开台账统计（{}，统计至{}）。",
        report.figures.range.label(),
        gongshi_print::dates::chinese_date(today.min(report.figures.range.to))
    ))];
    for t in report.figures.tables() {
        figures.extend(blocks(&t));
    }
    let title = format!("{year}年度校务公开工作报告");
    let sheet = |title: String, blocks| Sheet {
        paper: Paper::default(),
        school_name: school.name.clone(),
        header_label: "校务公开·年度报告".into(),
        title,
        subtitle: None,
        watermark: None,
        blocks,
    };
    let doc = Document {
        title: title.clone(),
        author: school.name.clone(),
        created: now,
        sheets: vec![
            sheet(title.clone(), content),
            sheet(format!("附：{year}年度校务公开主要数据"), figures),
        ],
    };
    Ok(Printable {
        name: format!("{}{title}", school.name),
        doc,
        allow: printing::allowlist(&school),
        posting: None,
    })
}

/// The figures as a workbook: a sheet per table, the charted ones with
/// a native column chart beside them.
pub fn workbook(store: &Store, year: i32, today: NaiveDate) -> Result<Vec<u8>> {
    let figures = figures(store, year, today)?;
    let school = crate::school::required(store)?;
    let reports: Vec<Report> = figures
        .tables()
        .iter()
        .map(|t| {
            let name = t.title.split_once('、').map_or(t.title, |(_, n)| n);
            Report {
                sheet_name: name.chars().take(31).collect(),
                title: format!("{year}年度{name}"),
                subtitle: Some(format!("（{}）", figures.range.label())),
                school_name: school.name.clone(),
                internal: false,
                columns: report_columns(&t.columns),
                rows: t.rows.iter().map(|r| values(r)).collect(),
                totals: t.totals.as_ref().map(|r| values(r)),
                chart: report_chart(t),
            }
        })
        .collect();
    Ok(gongshi_print::render_xlsx(&reports)?)
}
