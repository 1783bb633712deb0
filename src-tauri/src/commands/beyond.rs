//! Beyond the board: any sheet saved as pictures (保存为图片), a notice as
//! a text message (复制短信), and 设置 → 核验公示.

use gongshi_app::domain::grades::grade_name;
use gongshi_app::print::picture::{PHONE_WIDTH, PictureOptions};
use gongshi_app::printing::{self, Printable};
use gongshi_app::{board, eval_sheets, evaluations, fee_sheets, feedback, sms, verification};
use tauri::{AppHandle, State};

use crate::dto::beyond::{PictureOptionsDto, SheetJobDto, SmsDto, SmsJobDto, VerifiedDto};
use crate::dto::week::parse_date;
use crate::dto::{PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::{AppState, Inner};

/// Saves `job`'s sheet as pictures where the clerk chooses.
#[tauri::command(async)]
pub fn save_pictures(
    app: AppHandle,
    state: State<'_, AppState>,
    job: SheetJobDto,
    paper: PaperDto,
    options: PictureOptionsDto,
) -> ApiResult<Option<PrintedDto>> {
    let name = format!("{}.png", stem(&mut state.lock(), &job)?);
    let options = PictureOptions {
        width: PHONE_WIDTH,
        scale: if options.sharp { 2 } else { 1 },
        tall: options.tall,
    };
    state.files.save_pictures(&app, &name, || {
        Ok(printable(&mut state.lock(), &job, paper)?.pictures(options)?)
    })
}

/// What the pictures are called (the PDF's name, without .pdf).
fn stem(inner: &mut Inner, job: &SheetJobDto) -> ApiResult<String> {
    Ok(match job {
        SheetJobDto::Specimen => "打印样张".to_owned(),
        SheetJobDto::FeeBoard { semester } => format!("{semester}收费公示"),
        SheetJobDto::FeeLetters { semester, grade } => {
            let which = grade.map_or("全校".to_owned(), grade_name);
            format!("{semester}致家长的一封信（{which}，每班一张）")
        }
        SheetJobDto::EvalSheet { round } => {
            let name = evaluations::round(inner.store()?, *round)?.settings.name;
            format!("{name}结果公示")
        }
        SheetJobDto::QaSheet => "反馈答复公示".to_owned(),
        SheetJobDto::Week { date } => board::batch_file_name(parse_date("日期", date)?)
            .trim_end_matches(".pdf")
            .to_owned(),
    })
}

fn printable(inner: &mut Inner, job: &SheetJobDto, paper: PaperDto) -> ApiResult<Printable> {
    let now = chrono::Local::now().fixed_offset();
    let paper = paper.into();
    Ok(match job {
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
    })
}

/// A notice or the fee letter as a text message of at most `max` characters.
#[tauri::command(async)]
pub fn sms_text(state: State<'_, AppState>, job: SmsJobDto, max: u32) -> ApiResult<SmsDto> {
    let mut inner = state.lock();
    let store = inner.store()?;
    let max = max as usize;
    Ok(match job {
        SmsJobDto::Item { id } => sms::for_item(store, id, max)?,
        SmsJobDto::Fees { semester, grade } => sms::for_fees(store, &semester, grade, max)?,
    }
    .into())
}

/// What the archive holds for a 核验码 typed or scanned.
#[tauri::command(async)]
pub fn verify_code(state: State<'_, AppState>, code: String) -> ApiResult<VerifiedDto> {
    Ok(verification::verify(state.lock().store()?, &code)?.into())
}
