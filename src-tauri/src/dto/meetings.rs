//! Meetings and the staff congress's votes across the boundary.

use gongshi_app::decisions::Voted;
use gongshi_app::domain::congress::{Outcome, VoteRules};
use gongshi_app::domain::meeting::{Meeting, MeetingKind};
use gongshi_app::meetings::MeetingRecord;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A meeting's kind, as the domain's `MeetingKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKindDto {
    StaffCongress,
    TeacherDelegates,
    Dialogue,
    Parents,
    Administrative,
    Other,
}

impl From<MeetingKind> for MeetingKindDto {
    fn from(k: MeetingKind) -> Self {
        match k {
            MeetingKind::StaffCongress => Self::StaffCongress,
            MeetingKind::TeacherDelegates => Self::TeacherDelegates,
            MeetingKind::Dialogue => Self::Dialogue,
            MeetingKind::Parents => Self::Parents,
            MeetingKind::Administrative => Self::Administrative,
            MeetingKind::Other => Self::Other,
        }
    }
}

impl From<MeetingKindDto> for MeetingKind {
    fn from(k: MeetingKindDto) -> Self {
        match k {
            MeetingKindDto::StaffCongress => Self::StaffCongress,
            MeetingKindDto::TeacherDelegates => Self::TeacherDelegates,
            MeetingKindDto::Dialogue => Self::Dialogue,
            MeetingKindDto::Parents => Self::Parents,
            MeetingKindDto::Administrative => Self::Administrative,
            MeetingKindDto::Other => Self::Other,
        }
    }
}

/// A kind with its label, for the form's choices (the domain's list).
#[derive(Debug, Clone, Serialize, TS)]
pub struct MeetingKindOptionDto {
    pub kind: MeetingKindDto,
    pub label: String,
    /// 应到/实到 count delegates.
    pub of_delegates: bool,
}

impl From<MeetingKind> for MeetingKindOptionDto {
    fn from(k: MeetingKind) -> Self {
        Self {
            kind: k.into(),
            label: k.label().to_owned(),
            of_delegates: k.of_delegates(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MeetingDto {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: MeetingKindDto,
    pub kind_label: String,
    pub held_on: String,
    pub place: String,
    pub chair: String,
    pub expected: u32,
    pub present: u32,
    /// 应到代表60人，实到45人.
    pub attendance: String,
    pub topics: String,
    pub minutes: String,
}

impl From<&Meeting> for MeetingDto {
    fn from(m: &Meeting) -> Self {
        Self {
            id: m.id,
            kind: m.kind.into(),
            kind_label: m.kind.label().to_owned(),
            held_on: m.held_on.to_string(),
            place: m.place.clone(),
            chair: m.chair.clone(),
            expected: m.expected,
            present: m.present,
            attendance: m.attendance(),
            topics: m.topics.clone(),
            minutes: m.minutes.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewMeetingDto {
    pub kind: MeetingKindDto,
    pub held_on: String,
    pub place: String,
    pub chair: String,
    pub expected: u32,
    pub present: u32,
    pub topics: String,
    pub minutes: String,
}

/// What a vote decided, as the domain's congress `Outcome`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteOutcomeDto {
    NoQuorum,
    Passed,
    Failed,
}

impl From<Outcome> for VoteOutcomeDto {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::NoQuorum => Self::NoQuorum,
            Outcome::Passed => Self::Passed,
            Outcome::Failed => Self::Failed,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct VotedDto {
    #[ts(type = "number")]
    pub item_id: i64,
    #[ts(type = "number")]
    pub meeting_id: i64,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub outcome: VoteOutcomeDto,
    pub outcome_label: String,
    /// The sentence the 正式稿 prints.
    pub said: String,
}

impl From<&Voted> for VotedDto {
    fn from(v: &Voted) -> Self {
        Self {
            item_id: v.vote.item_id,
            meeting_id: v.vote.meeting_id,
            yes: v.vote.vote.yes,
            no: v.vote.vote.no,
            abstain: v.vote.vote.abstain,
            outcome: v.outcome.into(),
            outcome_label: v.outcome.label().to_owned(),
            said: v.said.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AnnouncedDto {
    #[ts(type = "number")]
    pub item_id: i64,
    pub title: String,
    pub category: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MeetingRecordDto {
    pub meeting: MeetingDto,
    pub quorate: Option<bool>,
    pub items: Vec<AnnouncedDto>,
    pub votes: Vec<VotedDto>,
    pub feedback: u32,
}

impl From<&MeetingRecord> for MeetingRecordDto {
    fn from(r: &MeetingRecord) -> Self {
        Self {
            meeting: (&r.meeting).into(),
            quorate: r.quorate,
            items: r
                .items
                .iter()
                .map(|a| AnnouncedDto {
                    item_id: a.item_id,
                    title: a.title.clone(),
                    category: a.category.to_owned(),
                })
                .collect(),
            votes: r.votes.iter().map(Into::into).collect(),
            feedback: r.feedback as u32,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, TS)]
pub struct BallotsDto {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

/// The congress's rules as typed fractions (2/3, 1/2) and said.
#[derive(Debug, Clone, Serialize, TS)]
pub struct VoteRulesDto {
    pub quorum: String,
    pub majority: String,
    pub said: String,
}

impl From<VoteRules> for VoteRulesDto {
    fn from(r: VoteRules) -> Self {
        Self {
            quorum: format!("{}/{}", r.quorum.num, r.quorum.den),
            majority: format!("{}/{}", r.majority.num, r.majority.den),
            said: format!(
                "实到须达到应到代表的{}；赞成票须超过应到代表的{}。",
                r.quorum.said(),
                r.majority.said()
            ),
        }
    }
}
