//! The staff congress's rules (《学校教职工代表大会规定》) for a major
//! decision (重大决策): the meeting counts only with at least two thirds of
//! the delegates present; a decision passes only with more than half of
//! all delegates (应到, not those present) in favour; 赞成 + 反对 + 弃权
//! never exceed those present. A decision moves 讨论稿 → vote → 正式稿, and
//! only a passed one is posted as 正式稿. The two shares are the school's
//! settings, with these defaults.

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::{DomainError, FieldError};

/// A share of the delegates, as the rules state it (2/3, 1/2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub num: u32,
    pub den: u32,
}

impl Share {
    pub const TWO_THIRDS: Share = Share { num: 2, den: 3 };
    pub const HALF: Share = Share { num: 1, den: 2 };

    /// 三分之二, 二分之一 (半数).
    pub fn said(self) -> String {
        if self == Share::HALF {
            return "半数".into();
        }
        format!(
            "{}分之{}",
            chinese_number(self.den),
            chinese_number(self.num)
        )
    }

    /// Reads 2/3, 三分之二 is not read (typed as a fraction).
    pub fn parse(field: &'static str, input: &str) -> Result<Self, FieldError> {
        let bad = || FieldError::new(field, format!("“{input}”应写成分数，如 2/3"));
        let (num, den) = input.trim().split_once('/').ok_or_else(bad)?;
        let num: u32 = num.trim().parse().map_err(|_| bad())?;
        let den: u32 = den.trim().parse().map_err(|_| bad())?;
        if num == 0 || den == 0 || num >= den || den > 10 {
            return Err(FieldError::new(
                field,
                format!("“{input}”应在0和1之间，分母不超过10"),
            ));
        }
        Ok(Share { num, den })
    }

    /// The fewest of `of` that make at least this share.
    pub fn at_least(self, of: u32) -> u32 {
        (u64::from(of) * u64::from(self.num)).div_ceil(u64::from(self.den)) as u32
    }

    /// The fewest of `of` that make more than this share.
    pub fn more_than(self, of: u32) -> u32 {
        (u64::from(of) * u64::from(self.num) / u64::from(self.den)) as u32 + 1
    }
}

fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 11] = [
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    DIGITS
        .get(n as usize)
        .map_or(n.to_string(), |d| (*d).to_owned())
}

/// The school's congress rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRules {
    /// At least this share of the delegates present for the meeting to count.
    pub quorum: Share,
    /// More than this share of all delegates in favour for a decision to pass.
    pub majority: Share,
}

impl Default for VoteRules {
    fn default() -> Self {
        VoteRules {
            quorum: Share::TWO_THIRDS,
            majority: Share::HALF,
        }
    }
}

/// A decision's vote at a congress: its 应到 and 实到 are the meeting's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// 应到代表.
    pub delegates: u32,
    /// 实到.
    pub present: u32,
    /// 赞成.
    pub yes: u32,
    /// 反对.
    pub no: u32,
    /// 弃权.
    pub abstain: u32,
}

/// What a vote decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Fewer than the quorum came: the meeting could not vote.
    NoQuorum,
    Passed,
    Failed,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::NoQuorum => "会议无效（实到不足）",
            Outcome::Passed => "通过",
            Outcome::Failed => "未通过",
        }
    }
}

impl Vote {
    /// The vote, or every count that cannot be.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        if self.delegates == 0 {
            errs.check::<()>(Err(FieldError::new("应到代表", "至少1人")));
        }
        if self.present > self.delegates {
            errs.check::<()>(Err(FieldError::new(
                "实到",
                format!("实到{}人，多于应到代表{}人", self.present, self.delegates),
            )));
        }
        let cast = u64::from(self.yes) + u64::from(self.no) + u64::from(self.abstain);
        if cast > u64::from(self.present) {
            errs.check::<()>(Err(FieldError::new(
                "票数",
                format!(
                    "赞成{}、反对{}、弃权{}共{cast}票，超过实到{}人",
                    self.yes, self.no, self.abstain, self.present
                ),
            )));
        }
        errs.finish()?;
        Ok(self)
    }

    pub fn outcome(&self, rules: &VoteRules) -> Outcome {
        if self.present < rules.quorum.at_least(self.delegates) {
            Outcome::NoQuorum
        } else if self.yes >= rules.majority.more_than(self.delegates) {
            Outcome::Passed
        } else {
            Outcome::Failed
        }
    }

    /// The vote in one sentence, the rule it was held to and its outcome:
    /// what the 正式稿 prints.
    pub fn said(&self, rules: &VoteRules) -> String {
        let counts = format!(
            "应到代表{}人，实到{}人，赞成{}票，反对{}票，弃权{}票",
            self.delegates, self.present, self.yes, self.no, self.abstain
        );
        let quorum = rules.quorum.at_least(self.delegates);
        match self.outcome(rules) {
            Outcome::NoQuorum => format!(
                "{counts}。实到不足应到代表的{}（{quorum}人），会议无效，表决不算数。",
                rules.quorum.said()
            ),
            outcome => format!(
                "{counts}。实到达到应到代表的{}（{quorum}人）；赞成票{}应到代表的{}（须至少{}票），{}。",
                rules.quorum.said(),
                if outcome == Outcome::Passed {
                    "超过"
                } else {
                    "未超过"
                },
                rules.majority.said(),
                rules.majority.more_than(self.delegates),
                outcome.label()
            ),
        }
    }
}

/// The stage of a major decision, as its item's 阶段 field says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// 讨论稿: posted for comment before the vote.
    Draft,
    /// 正式稿: posted once the congress passed it.
    Final,
}

/// The stages as the 阶段 field offers them, in order.
pub const STAGE_LABELS: [&str; 2] = ["讨论稿", "正式稿"];

impl Stage {
    pub const ALL: [Stage; 2] = [Stage::Draft, Stage::Final];

    pub fn label(self) -> &'static str {
        STAGE_LABELS[self as usize]
    }

    pub fn parse(field: &'static str, input: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|s| s.label() == input.trim())
            .ok_or_else(|| FieldError::new(field, format!("“{input}”应是“讨论稿”或“正式稿”")))
    }
}

/// Whether a decision at `stage` may go on (to review, approval, the board)
/// given its votes, oldest first: a 正式稿 needs the newest vote that
/// counts (a meeting without its quorum does not) to have passed it.
pub fn may_proceed(stage: Stage, votes: &[(Vote, VoteRules)]) -> Result<(), FieldError> {
    if stage == Stage::Draft {
        return Ok(());
    }
    let refuse = |why: String| Err(FieldError::new("阶段", why));
    let counted = votes
        .iter()
        .rev()
        .find(|(v, rules)| v.outcome(rules) != Outcome::NoQuorum);
    match counted.or(votes.last()) {
        None => refuse("正式稿须经教职工代表大会表决通过，还没有记录表决".into()),
        Some((vote, rules)) => match vote.outcome(rules) {
            Outcome::Passed => Ok(()),
            outcome => refuse(format!(
                "正式稿须经教职工代表大会表决通过，最近一次表决{}：{}",
                outcome.label(),
                vote.said(rules)
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(delegates: u32, present: u32, yes: u32, no: u32, abstain: u32) -> Vote {
        Vote {
            delegates,
            present,
            yes,
            no,
            abstain,
        }
    }

    #[test]
    fn the_two_rules_at_their_edges() {
        let usual = VoteRules::default();
        let strict = VoteRules {
            quorum: Share { num: 3, den: 4 },
            majority: Share { num: 2, den: 3 },
        };
        // (rules, delegates, present, yes, no, abstain, outcome)
        let cases = [
            (usual, 60, 39, 39, 0, 0, Outcome::NoQuorum),
            (usual, 60, 40, 31, 9, 0, Outcome::Passed),
            // 30 of 40 present is most of those present, but not more
            // than half of all 60 delegates.
            (usual, 60, 40, 30, 5, 5, Outcome::Failed),
            (usual, 61, 40, 40, 0, 0, Outcome::NoQuorum),
            (usual, 61, 41, 31, 0, 0, Outcome::Passed),
            (usual, 61, 41, 30, 0, 11, Outcome::Failed),
            (usual, 3, 2, 2, 0, 0, Outcome::Passed),
            (usual, 3, 1, 1, 0, 0, Outcome::NoQuorum),
            (usual, 1, 1, 1, 0, 0, Outcome::Passed),
            (usual, 1, 1, 0, 1, 0, Outcome::Failed),
            (strict, 60, 44, 44, 0, 0, Outcome::NoQuorum),
            (strict, 60, 45, 41, 4, 0, Outcome::Passed),
            (strict, 60, 45, 40, 5, 0, Outcome::Failed),
        ];
        for (rules, delegates, present, yes, no, abstain, outcome) in cases {
            let v = vote(delegates, present, yes, no, abstain)
                .validated()
                .unwrap();
            assert_eq!(v.outcome(&rules), outcome, "{v:?} {rules:?}");
            let said = v.said(&rules);
            assert!(
                said.ends_with(&format!("{}。", outcome.label()))
                    || (outcome == Outcome::NoQuorum && said.contains("会议无效")),
                "{said}"
            );
        }
    }

    #[test]
    fn the_vote_is_said_with_the_rule_and_the_numbers_it_needed() {
        let rules = VoteRules::default();
        assert_eq!(
            vote(60, 40, 31, 6, 3).said(&rules),
            "应到代表60人，实到40人，赞成31票，反对6票，弃权3票。实到达到应到代表的三分之二（40人）；赞成票超过应到代表的半数（须至少31票），通过。"
        );
        assert_eq!(
            vote(60, 38, 38, 0, 0).said(&rules),
            "应到代表60人，实到38人，赞成38票，反对0票，弃权0票。实到不足应到代表的三分之二（40人），会议无效，表决不算数。"
        );
    }

    #[test]
    fn counts_that_cannot_be_are_each_named() {
        // (vote, the words the refusal must hold)
        let cases: [(Vote, &[&str]); 4] = [
            (vote(0, 0, 0, 0, 0), &["应到代表：至少1人"]),
            (
                vote(60, 61, 31, 0, 0),
                &["实到：实到61人，多于应到代表60人"],
            ),
            (
                vote(60, 40, 31, 9, 1),
                &["票数：赞成31、反对9、弃权1共41票，超过实到40人"],
            ),
            (
                vote(60, 70, 50, 20, 1),
                &["实到：实到70人", "票数：赞成50、反对20、弃权1共71票"],
            ),
        ];
        for (v, words) in cases {
            let err = v.validated().unwrap_err().to_string();
            for w in words {
                assert!(err.contains(w), "{w}: {err}");
            }
        }
    }

    #[test]
    fn shares_are_typed_as_fractions() {
        assert_eq!(Share::parse("法定人数", "2/3").unwrap(), Share::TWO_THIRDS);
        assert_eq!(
            Share::parse("法定人数", " 3 / 4 ").unwrap(),
            Share { num: 3, den: 4 }
        );
        for bad in ["2", "三分之二", "3/2", "0/3", "1/0", "1/12"] {
            let err = Share::parse("法定人数", bad).unwrap_err().to_string();
            assert!(err.starts_with("法定人数："), "{bad}: {err}");
        }
        assert_eq!(Share { num: 3, den: 4 }.said(), "四分之三");
    }

    #[test]
    fn only_a_passed_vote_lets_a_final_text_proceed() {
        let rules = VoteRules::default();
        let failed = (vote(60, 40, 30, 10, 0), rules);
        let short = (vote(60, 30, 30, 0, 0), rules);
        let passed = (vote(60, 40, 31, 9, 0), rules);
        // (votes oldest first, Ok or the words of the refusal)
        type Case<'a> = (&'a [(Vote, VoteRules)], Result<(), &'a str>);
        let cases: [Case<'_>; 7] = [
            (&[], Err("还没有记录表决")),
            (&[failed], Err("最近一次表决未通过")),
            (&[short], Err("会议无效")),
            (&[passed], Ok(())),
            // A meeting without its quorum does not undo a vote that counted.
            (&[passed, short], Ok(())),
            (&[passed, failed], Err("未通过")),
            (&[failed, short, passed], Ok(())),
        ];
        for (votes, expected) in cases {
            match (may_proceed(Stage::Final, votes), expected) {
                (Ok(()), Ok(())) => {}
                (Err(e), Err(words)) => assert!(e.to_string().contains(words), "{e}"),
                (got, want) => panic!("{votes:?}: {got:?}, expected {want:?}"),
            }
        }
        assert!(may_proceed(Stage::Draft, &[]).is_ok());
        assert_eq!(Stage::parse("阶段", " 正式稿").unwrap(), Stage::Final);
        assert!(Stage::parse("阶段", "定稿").is_err());
    }
}
