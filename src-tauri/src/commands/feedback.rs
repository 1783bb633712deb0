use gongshi_app::feedback::{self, NewFeedback};
use gongshi_app::print::dates::chinese_date;
use tauri::{AppHandle, State};

use crate::commands::beyond::{archive_when_saved, for_board};
use crate::dto::week::{AnswerDto, FeedbackDto, NewFeedbackDto, parse_date};
use crate::dto::{PaperDto, PrintedDto};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_feedback(state: State<'_, AppState>) -> ApiResult<Vec<FeedbackDto>> {
    let mut inner = state.lock();
    let list = feedback::list(inner.store()?, None)?;
    Ok(list.iter().map(Into::into).collect())
}

#[tauri::command(async)]
pub fn add_feedback(state: State<'_, AppState>, entry: NewFeedbackDto) -> ApiResult<FeedbackDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let new = NewFeedback {
        received_on: parse_date("收到日期", &entry.received_on)?,
        channel: &entry.channel,
        item_id: entry.item_id,
        content: &entry.content,
        is_objection: entry.is_objection,
        meeting_id: entry.meeting_id,
    };
    Ok((&feedback::add(inner.store()?, &op, new)?).into())
}

#[tauri::command(async)]
pub fn answer_feedback(state: State<'_, AppState>, answer: AnswerDto) -> ApiResult<FeedbackDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let on = parse_date("答复日期", &answer.answered_on)?;
    let f = feedback::answer(
        inner.store()?,
        &op,
        answer.id,
        &answer.text,
        &answer.responder,
        on,
        answer.publish,
    )?;
    Ok((&f).into())
}

#[tauri::command(async)]
pub fn print_qa_sheet(
    app: AppHandle,
    state: State<'_, AppState>,
    paper: PaperDto,
) -> ApiResult<Option<PrintedDto>> {
    let now = chrono::Local::now().fixed_offset();
    let name = format!("{}反馈答复公示.pdf", chinese_date(now.date_naive()));
    let mut ready = None;
    let saved = state.files.save_as(&app, &name, || {
        let mut inner = state.lock();
        let answers = feedback::qa_printable(inner.store()?, now, paper.into())?;
        let answers = for_board(&mut inner, answers)?;
        let pdf = answers.pdf()?;
        ready = Some(answers);
        Ok(pdf)
    })?;
    archive_when_saved(&state, &saved, ready)?;
    Ok(saved)
}
