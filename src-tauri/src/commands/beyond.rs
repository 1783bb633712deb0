//! Beyond the board: any sheet saved as pictures (保存为图片), a notice as
//! a text message (复制短信), and 设置 → 核验公示.

use gongshi_app::print::picture::{PHONE_WIDTH, PictureOptions};
use gongshi_app::printing::{self, Printable};
use gongshi_app::verification::{self, ForBoard};
use gongshi_app::{board, eval_sheets, fee_sheets, feedback, sms};
use tauri::{AppHandle, State};

use crate::dto::beyond::{PictureOptionsDto, SheetJobDto, SmsDto, SmsJobDto, VerifiedDto};
use crate::dto::week::parse_date;
use crate::dto::{PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::{AppState, Inner};

/// Saves `job`'s sheet as pictures where the clerk chooses, under the
/// sheet's own name. The week's batch is printed (and archived) only once
/// the clerk has chosen; the others are made first, for their name.
#[tauri::command(async)]
pub fn save_pictures(
    app: AppHandle,
    state: State<'_, AppState>,
    job: SheetJobDto,
    paper: PaperDto,
    options: PictureOptionsDto,
) -> ApiResult<Option<PrintedDto>> {
    let options = PictureOptions {
        width: PHONE_WIDTH,
        scale: if options.sharp { 2 } else { 1 },
        tall: options.tall,
    };
    let make = |sheets: &Printable| Ok(sheets.pictures(options)?);
    if let SheetJobDto::Week { date } = &job {
        let name = format!("{}.png", board::batch_name(parse_date("日期", date)?));
        return state.files.save_pictures(&app, &name, || {
            make(&printable(&mut state.lock(), &job, paper)?.sheets)
        });
    }
    let ready = printable(&mut state.lock(), &job, paper)?;
    let name = format!("{}.png", ready.sheets.name);
    let saved = state
        .files
        .save_pictures(&app, &name, || make(&ready.sheets))?;
    archive_when_saved(&state, &saved, Some(ready))?;
    Ok(saved)
}

/// `job`'s sheets readied for the board (a school's own sheet stamped,
/// its archive row waiting for the files).
fn printable(inner: &mut Inner, job: &SheetJobDto, paper: PaperDto) -> ApiResult<ForBoard> {
    let now = chrono::Local::now().fixed_offset();
    let paper = paper.into();
    let sheets = match job {
        SheetJobDto::Specimen => {
            let school = gongshi_app::school::profile(inner.store()?)?;
            printing::demo_printable(school.as_ref(), paper, now)
        }
        SheetJobDto::FeeBoard { semester } => {
            fee_sheets::board_printable(inner.store()?, semester, now, paper)?
        }
        SheetJobDto::FeeLetters { semester, grade } => {
            fee_sheets::class_letters(inner.store()?, semester, *grade, now)?
        }
        SheetJobDto::EvalSheet { round } => {
            eval_sheets::printable(inner.store()?, *round, now, paper)?
        }
        SheetJobDto::QaSheet => feedback::qa_printable(inner.store()?, now, paper)?,
        SheetJobDto::Week { date } => {
            let op = inner.operator()?;
            let date = parse_date("日期", date)?;
            board::print_week(inner.store()?, &op, date, now, paper)?.batch
        }
    };
    for_board(inner, sheets)
}

/// `sheets` readied for the board: a school's own sheet gets its 核验码
/// and is archived (as the week's batch is when printed).
pub(crate) fn for_board(inner: &mut Inner, sheets: Printable) -> ApiResult<ForBoard> {
    let today = chrono::Local::now().date_naive();
    Ok(verification::ready(inner.store()?, sheets, today)?)
}

/// Archives what was readied for the board once its file was saved (not
/// when the clerk cancelled or the write failed).
pub(crate) fn archive_when_saved(
    state: &AppState,
    saved: &Option<PrintedDto>,
    ready: Option<ForBoard>,
) -> ApiResult<()> {
    if let (Some(_), Some(ready)) = (saved, ready) {
        let mut inner = state.lock();
        let op = inner.operator()?;
        ready.archive(inner.store()?, &op)?;
    }
    Ok(())
}

/// A notice or the fee letter as a text message of at most `max` characters.
#[tauri::command(async)]
pub fn sms_text(state: State<'_, AppState>, job: SmsJobDto, max: u32) -> ApiResult<SmsDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    let max = max as usize;
    let today = chrono::Local::now().date_naive();
    // Counted in the year's record as a message sent (公开形式：短信).
    Ok(match job {
        SmsJobDto::Item { id } => {
            let text = sms::for_item(store, id, max)?;
            gongshi_app::record::message_for(store, &op, Some(id), None, today)?;
            text
        }
        SmsJobDto::Fees { semester, grade } => {
            let text = sms::for_fees(store, &semester, grade, max)?;
            gongshi_app::record::message_for(store, &op, None, Some(&semester), today)?;
            text
        }
    }
    .into())
}

/// What the archive holds for a 核验码 typed or scanned.
#[tauri::command(async)]
pub fn verify_code(state: State<'_, AppState>, code: String) -> ApiResult<VerifiedDto> {
    Ok(verification::verify(state.lock().store()?, &code)?.into())
}
