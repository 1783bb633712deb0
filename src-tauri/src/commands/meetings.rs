//! 会议: meetings, items announced at them, and the staff congress's votes
//! on major decisions.

use gongshi_app::decisions::{self, Ballots};
use gongshi_app::domain::meeting::MeetingKind;
use gongshi_app::meetings::{self, NewMeeting};
use tauri::State;

use crate::dto::meetings::{
    BallotsDto, MeetingDto, MeetingKindOptionDto, MeetingRecordDto, NewMeetingDto, VoteRulesDto,
    VotedDto,
};
use crate::dto::week::parse_date;
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn meeting_kinds() -> Vec<MeetingKindOptionDto> {
    MeetingKind::ALL.into_iter().map(Into::into).collect()
}

#[tauri::command(async)]
pub fn list_meetings(state: State<'_, AppState>) -> ApiResult<Vec<MeetingDto>> {
    let mut inner = state.lock();
    Ok(meetings::list(inner.store()?)?
        .iter()
        .map(Into::into)
        .collect())
}

#[tauri::command(async)]
pub fn meeting_record(state: State<'_, AppState>, id: i64) -> ApiResult<MeetingRecordDto> {
    let mut inner = state.lock();
    Ok((&meetings::record(inner.store()?, id)?).into())
}

#[tauri::command(async)]
pub fn add_meeting(
    state: State<'_, AppState>,
    meeting: NewMeetingDto,
) -> ApiResult<MeetingRecordDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let new = NewMeeting {
        kind: meeting.kind.into(),
        held_on: parse_date("会议日期", &meeting.held_on)?,
        place: &meeting.place,
        chair: &meeting.chair,
        expected: meeting.expected,
        present: meeting.present,
        topics: &meeting.topics,
        minutes: &meeting.minutes,
    };
    let store = inner.store()?;
    let m = meetings::add(store, &op, new)?;
    Ok((&meetings::record(store, m.id)?).into())
}

#[tauri::command(async)]
pub fn set_meeting_minutes(
    state: State<'_, AppState>,
    id: i64,
    minutes: String,
) -> ApiResult<MeetingRecordDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    meetings::set_minutes(store, &op, id, &minutes)?;
    Ok((&meetings::record(store, id)?).into())
}

/// Records an approved item as announced at the meeting.
#[tauri::command(async)]
pub fn announce_at_meeting(
    state: State<'_, AppState>,
    id: i64,
    item_id: i64,
) -> ApiResult<MeetingRecordDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let store = inner.store()?;
    meetings::announce(store, &op, id, item_id)?;
    Ok((&meetings::record(store, id)?).into())
}

/// A major decision's vote at a staff congress.
#[tauri::command(async)]
pub fn vote_decision(
    state: State<'_, AppState>,
    item_id: i64,
    meeting_id: i64,
    ballots: BallotsDto,
) -> ApiResult<VotedDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    let ballots = Ballots {
        yes: ballots.yes,
        no: ballots.no,
        abstain: ballots.abstain,
    };
    Ok((&decisions::vote(inner.store()?, &op, item_id, meeting_id, ballots)?).into())
}

#[tauri::command(async)]
pub fn decision_votes(state: State<'_, AppState>, item_id: i64) -> ApiResult<Vec<VotedDto>> {
    let mut inner = state.lock();
    Ok(decisions::votes(inner.store()?, item_id)?
        .iter()
        .map(Into::into)
        .collect())
}

#[tauri::command(async)]
pub fn vote_rules(state: State<'_, AppState>) -> ApiResult<VoteRulesDto> {
    let mut inner = state.lock();
    Ok(decisions::rules(inner.store()?)?.into())
}

#[tauri::command(async)]
pub fn set_vote_rules(
    state: State<'_, AppState>,
    quorum: String,
    majority: String,
) -> ApiResult<VoteRulesDto> {
    let mut inner = state.lock();
    let op = inner.operator()?;
    Ok(decisions::set_rules(inner.store()?, &op, &quorum, &majority)?.into())
}
