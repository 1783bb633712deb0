//! 重大决策 at the staff congress: a decision's item is posted as 讨论稿 for
//! comment, voted at a 教职工代表大会 (`gongshi items vote`), and posted as
//! 正式稿 (a revision of the same item) only once a vote passed; its sheet
//! then prints the vote. The rules are the domain's (`congress`), with the
//! school's shares, kept with each vote as it was held.

use gongshi_domain::congress::{self, Outcome, Share, Stage, Vote, VoteRules};
use gongshi_domain::meeting::MeetingKind;
use gongshi_domain::revision::Revision;
use gongshi_domain::workflow::Status;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::{DecisionVote, Store};
use serde::Serialize;

use crate::Result;

/// A vote as recorded, with what it decided and the sentence the sheet
/// prints.
#[derive(Debug, Clone, Serialize)]
pub struct Voted {
    pub vote: DecisionVote,
    pub outcome: Outcome,
    pub said: String,
}

fn voted(vote: DecisionVote) -> Voted {
    Voted {
        outcome: vote.vote.outcome(&vote.rules),
        said: vote.vote.said(&vote.rules),
        vote,
    }
}

/// The votes taken on decision `item_id`, oldest first.
pub fn votes(store: &Store, item_id: i64) -> Result<Vec<Voted>> {
    Ok(store
        .decision_votes(item_id)?
        .into_iter()
        .map(voted)
        .collect())
}

/// The votes taken at meeting `meeting_id`.
pub fn votes_at(store: &Store, meeting_id: i64) -> Result<Vec<Voted>> {
    Ok(store
        .meeting_votes(meeting_id)?
        .into_iter()
        .map(voted)
        .collect())
}

/// The counts of a vote as typed.
#[derive(Debug, Clone, Copy)]
pub struct Ballots {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

/// Records decision `item_id`'s vote at the congress `meeting_id` (whose
/// 应到 and 实到 it counts with), held to the school's rules; a decision
/// already approved for disclosure counts as announced at that meeting too
/// (公开形式：会议). Every count that cannot be is named
/// and nothing is stored.
pub fn vote(
    store: &mut Store,
    op: &OperatorName,
    item_id: i64,
    meeting_id: i64,
    ballots: Ballots,
) -> Result<Voted> {
    let rev = crate::items::current(store, item_id)?;
    if !rev.category.voted_by_congress() {
        return Err(FieldError::new(
            "事项",
            format!(
                "事项{item_id}“{}”是{}，只有重大决策由教代会表决",
                rev.content.title,
                rev.category.label()
            ),
        )
        .into());
    }
    let meeting = crate::meetings::required(store, meeting_id)?;
    if meeting.kind != MeetingKind::StaffCongress {
        return Err(FieldError::new(
            "会议",
            format!(
                "会议{meeting_id}是{}，重大决策须在教职工代表大会上表决",
                meeting.kind.label()
            ),
        )
        .into());
    }
    let vote = Vote {
        delegates: meeting.expected,
        present: meeting.present,
        yes: ballots.yes,
        no: ballots.no,
        abstain: ballots.abstain,
    }
    .validated()?;
    let rules = store.vote_rules()?;
    let announce = crate::meetings::disclosed(store, item_id)?;
    let id = store.write(op, |w| {
        if announce {
            w.announce_at(meeting_id, item_id)?;
        }
        w.record_vote(item_id, meeting_id, &vote, &rules)
    })?;
    Ok(voted(DecisionVote {
        id,
        item_id,
        meeting_id,
        vote,
        rules,
    }))
}

/// The school's congress rules (2/3 and 1/2 until it sets its own).
pub fn rules(store: &Store) -> Result<VoteRules> {
    Ok(store.vote_rules()?)
}

/// Sets the school's congress rules from shares typed as 2/3 and 1/2.
pub fn set_rules(
    store: &mut Store,
    op: &OperatorName,
    quorum: &str,
    majority: &str,
) -> Result<VoteRules> {
    let quorum = Share::parse("法定人数", quorum);
    let majority = Share::parse("通过票数", majority);
    let rules = match (quorum, majority) {
        (Ok(quorum), Ok(majority)) => VoteRules { quorum, majority },
        (q, m) => {
            let errors: Vec<FieldError> = [q.err(), m.err()].into_iter().flatten().collect();
            return Err(gongshi_domain::DomainError::Fields(errors).into());
        }
    };
    store.write(op, |w| w.set_vote_rules(&rules))?;
    Ok(rules)
}

/// A decision's stage, as its 阶段 field says (None for other items).
fn stage(rev: &Revision) -> Result<Option<Stage>> {
    if !rev.category.voted_by_congress() {
        return Ok(None);
    }
    let typed = rev.content.fields.get("stage").map_or("", String::as_str);
    Ok(Some(Stage::parse("阶段", typed)?))
}

/// Refuses a 正式稿 going on (to review, approval, the board) without a
/// passed vote on its decision.
pub fn may_proceed(store: &Store, rev: &Revision) -> Result<()> {
    let Some(stage) = stage(rev)? else {
        return Ok(());
    };
    let votes: Vec<(Vote, VoteRules)> = store
        .decision_votes(rev.item_id)?
        .into_iter()
        .map(|v| (v.vote, v.rules))
        .collect();
    congress::may_proceed(stage, &votes)?;
    Ok(())
}

/// What an item's sheet shows of its decision: the vote that passed it
/// (a 正式稿), and whether it is the first 正式稿 (not a 更正稿, though
/// a later revision of its 讨论稿).
#[derive(Debug, Clone, Default)]
pub struct DecisionFacts {
    pub vote: Option<String>,
    pub first_final: bool,
}

pub fn facts(store: &Store, rev: &Revision) -> Result<DecisionFacts> {
    if stage(rev).ok().flatten() != Some(Stage::Final) {
        return Ok(DecisionFacts::default());
    }
    let passed = store
        .decision_votes(rev.item_id)?
        .into_iter()
        .rev()
        .find(|v| v.vote.outcome(&v.rules) == Outcome::Passed);
    let earlier_final = store
        .item_revisions(rev.item_id)?
        .iter()
        .filter(|r| r.number < rev.number && r.status != Status::Draft)
        .any(|r| stage(r).ok().flatten() == Some(Stage::Final));
    Ok(DecisionFacts {
        vote: passed.map(|v| v.vote.said(&v.rules)),
        first_final: !earlier_final,
    })
}
