//! The register, the feedback log and the annual report (年度报告).

use gongshi_app::domain::record::DateRange;
use gongshi_app::domain::record::range::RangeKind;
use gongshi_app::{register, report};
use tauri::{AppHandle, State};

use crate::dto::PrintedDto;
use crate::dto::record::{
    RangeDto, RangeKindDto, RangeKindOptionDto, SectionDto, YearReportDto, sections_of, text_of,
};
use crate::dto::week::parse_date;
use crate::error::ApiResult;
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn range(r: &RangeDto) -> ApiResult<DateRange> {
    let from = parse_date("开始日期", &r.from)?;
    let to = parse_date("结束日期", &r.to)?;
    Ok(DateRange::new(from, to)?)
}

#[tauri::command]
pub fn range_kinds() -> Vec<RangeKindOptionDto> {
    RangeKind::ALL.into_iter().map(Into::into).collect()
}

/// The dates a kind of range covers for `year` (the domain's, not the UI's).
#[tauri::command]
pub fn range_of(kind: RangeKindDto, year: i32) -> ApiResult<RangeDto> {
    Ok(RangeKind::from(kind).of(year)?.into())
}

#[tauri::command(async)]
pub fn export_register(
    app: AppHandle,
    state: State<'_, AppState>,
    range: RangeDto,
) -> ApiResult<Option<PrintedDto>> {
    let range = self::range(&range)?;
    let name = format!("校务公开台账（{}）.xlsx", range.label());
    state.files.save_as(&app, &name, || {
        Ok(register::register(state.lock().store()?, range, today())?.0)
    })
}

#[tauri::command(async)]
pub fn export_feedback_log(
    app: AppHandle,
    state: State<'_, AppState>,
    range: Option<RangeDto>,
) -> ApiResult<Option<PrintedDto>> {
    let range = range.as_ref().map(self::range).transpose()?;
    let label = range.map_or("全部".to_owned(), |r| r.label());
    let name = format!("反馈登记表（{label}）.xlsx");
    state.files.save_as(&app, &name, || {
        Ok(register::feedback_log(state.lock().store()?, range)?.0)
    })
}

/// The year's report: its text (or `sections`, being edited, for the
/// live preview) and the pages it prints.
#[tauri::command(async)]
pub fn year_report(
    state: State<'_, AppState>,
    year: i32,
    sections: Option<Vec<SectionDto>>,
) -> ApiResult<YearReportDto> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let now = chrono::Local::now().fixed_offset();
    let mut kept = report::year_report(store, year, now.date_naive())?;
    if let Some(s) = sections {
        kept.text = text_of(s);
    }
    let sheets = report::printable_of(store, &kept, now)?;
    let preview = gongshi_app::print::pdf::preview(&sheets.doc, &sheets.allow);
    Ok(YearReportDto::new(&kept, preview.into()))
}

/// The draft made from the year's figures (not saved).
#[tauri::command(async)]
pub fn year_report_draft(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<SectionDto>> {
    let mut inner = state.lock();
    Ok(sections_of(&report::draft(inner.store()?, year, today())?))
}

#[tauri::command(async)]
pub fn set_year_report_text(
    state: State<'_, AppState>,
    year: i32,
    sections: Vec<SectionDto>,
) -> ApiResult<Vec<SectionDto>> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let kept = report::set_text(inner.store()?, &op, year, text_of(sections), today())?;
    Ok(sections_of(&kept))
}

#[tauri::command(async)]
pub fn print_year_report(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
) -> ApiResult<Option<PrintedDto>> {
    let now = chrono::Local::now().fixed_offset();
    let (kept, sheets) = {
        let mut inner = state.lock();
        let store = inner.store()?;
        let kept = report::year_report(store, year, now.date_naive())?;
        let sheets = report::printable_of(store, &kept, now)?;
        (kept, sheets)
    };
    let name = format!("{}.pdf", sheets.name);
    let pdf = sheets.pdf()?;
    let saved = state.files.save_as(&app, &name, || Ok(pdf.clone()))?;
    if saved.is_some() {
        // The report as printed is what the district holds.
        let mut inner = state.lock();
        let op = inner.operator()?;
        gongshi_app::district::report_printed(inner.store()?, &op, &kept, &pdf, today())?;
    }
    Ok(saved)
}

#[tauri::command(async)]
pub fn export_year_report(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
) -> ApiResult<Option<PrintedDto>> {
    let name = format!("{year}年度校务公开主要数据.xlsx");
    state.files.save_as(&app, &name, || {
        Ok(report::workbook(state.lock().store()?, year, today())?)
    })
}
