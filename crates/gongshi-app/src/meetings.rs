//! Meetings, the third form of disclosure: recorded with who was expected
//! and came, what they dealt with and the minutes; items announced at one
//! (公开形式：会议) and feedback taken at one link to it, and a staff
//! congress votes the major decisions ([`crate::decisions`]).

use chrono::NaiveDate;
use gongshi_domain::meeting::{Meeting, MeetingKind};
use gongshi_domain::workflow::Status;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::Store;
use serde::Serialize;

use crate::Result;
use crate::decisions::{self, Voted};

/// A meeting as typed (the store gives it its number).
pub struct NewMeeting<'a> {
    pub kind: MeetingKind,
    pub held_on: NaiveDate,
    pub place: &'a str,
    pub chair: &'a str,
    pub expected: u32,
    pub present: u32,
    pub topics: &'a str,
    pub minutes: &'a str,
}

pub fn add(store: &mut Store, op: &OperatorName, new: NewMeeting<'_>) -> Result<Meeting> {
    let mut m = Meeting {
        id: 0,
        kind: new.kind,
        held_on: crate::items::not_later_than_today("会议日期", new.held_on)?,
        place: new.place.to_owned(),
        chair: new.chair.to_owned(),
        expected: new.expected,
        present: new.present,
        topics: new.topics.to_owned(),
        minutes: new.minutes.to_owned(),
    }
    .validated()?;
    m.id = store.write(op, |w| w.save_meeting(&m))?;
    Ok(m)
}

/// Sets (or replaces) a meeting's minutes (纪要), often written after it.
pub fn set_minutes(
    store: &mut Store,
    op: &OperatorName,
    meeting_id: i64,
    minutes: &str,
) -> Result<Meeting> {
    let m = Meeting {
        minutes: minutes.to_owned(),
        ..required(store, meeting_id)?
    }
    .validated()?;
    store.write(op, |w| w.save_meeting(&m))?;
    Ok(m)
}

pub fn list(store: &Store) -> Result<Vec<Meeting>> {
    Ok(store.meetings()?)
}

/// The meeting, or a refusal naming the number.
pub(crate) fn required(store: &Store, meeting_id: i64) -> Result<Meeting> {
    store
        .meeting(meeting_id)?
        .ok_or_else(|| FieldError::new("会议", format!("没有编号为{meeting_id}的会议")).into())
}

/// An item announced at a meeting, as the meeting's record lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Announced {
    pub item_id: i64,
    pub title: String,
    pub category: &'static str,
}

/// A meeting with what was announced, voted and said at it.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingRecord {
    pub meeting: Meeting,
    /// Whether enough came for a vote (staff congress only; the school's
    /// quorum rule).
    pub quorate: Option<bool>,
    pub items: Vec<Announced>,
    pub votes: Vec<Voted>,
    /// Feedback taken at it.
    pub feedback: usize,
}

pub fn record(store: &Store, meeting_id: i64) -> Result<MeetingRecord> {
    let meeting = required(store, meeting_id)?;
    let mut items = Vec::new();
    for item_id in store.meeting_items(meeting_id)? {
        if let Some(rev) = store.current_revision(item_id)? {
            items.push(Announced {
                item_id,
                title: rev.content.title.clone(),
                category: rev.category.label(),
            });
        }
    }
    let votes = decisions::votes_at(store, meeting_id)?;
    let feedback = store
        .feedback_list(None)?
        .iter()
        .filter(|f| f.meeting_id == Some(meeting_id))
        .count();
    let quorate = (meeting.kind == MeetingKind::StaffCongress).then(|| {
        store
            .vote_rules()
            .map(|rules| meeting.present >= rules.quorum.at_least(meeting.expected))
    });
    Ok(MeetingRecord {
        quorate: quorate.transpose()?,
        meeting,
        items,
        votes,
        feedback,
    })
}

/// Records that an item was announced at a meeting (公开形式：会议). Only
/// an approved item may be: a meeting discloses as the board does.
pub fn announce(
    store: &mut Store,
    op: &OperatorName,
    meeting_id: i64,
    item_id: i64,
) -> Result<bool> {
    required(store, meeting_id)?;
    let rev = crate::items::current(store, item_id)?;
    let disclosed = store.item_revisions(item_id)?.iter().any(|r| {
        matches!(
            r.status,
            Status::Approved | Status::Posted | Status::TakenDown | Status::Closed
        )
    });
    if !disclosed {
        return Err(FieldError::new(
            "事项",
            format!(
                "事项{item_id}“{}”还没有批准，不能在会上公开（与张贴一样须先审核批准）",
                rev.content.title
            ),
        )
        .into());
    }
    Ok(store.write(op, |w| w.announce_at(meeting_id, item_id))?)
}

/// Whether any revision of the item was approved (and so may be
/// disclosed, on the board or at a meeting).
pub(crate) fn disclosed(store: &Store, item_id: i64) -> Result<bool> {
    Ok(store.item_revisions(item_id)?.iter().any(|r| {
        matches!(
            r.status,
            Status::Approved | Status::Posted | Status::TakenDown | Status::Closed
        )
    }))
}

/// The meetings an item was announced at.
pub fn of_item(store: &Store, item_id: i64) -> Result<Vec<Meeting>> {
    Ok(store.item_meetings(item_id)?)
}
