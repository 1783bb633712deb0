//! A revision of an item and the workflow steps applied to it. Pure: the
//! jobs load a revision, apply a step here, and store the result with its
//! audit row. The rules (frozen after posting, review before approval, no
//! 期满无异议 with open objections) live here, once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Period};
use crate::category::Category;
use crate::duties::{Duties, Duty};
use crate::item::ItemContent;
use crate::workflow::{Action, Status, next};
use crate::{DomainError, FieldError, text};

/// Who did a step, on which day, with what remark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub by: String,
    pub on: NaiveDate,
    pub note: String,
}

impl Stamp {
    pub fn new(
        field: &'static str,
        by: &str,
        on: NaiveDate,
        note: &str,
    ) -> Result<Self, FieldError> {
        Ok(Self {
            by: crate::duties::person(field, by)?,
            on,
            note: text::limited("意见", note, 500)?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseResult {
    /// 期满无异议
    NoObjection,
    /// Objections were raised and handled (logged with feedback).
    ObjectionsHandled,
}

impl CloseResult {
    pub fn label(self) -> &'static str {
        match self {
            CloseResult::NoObjection => "期满无异议",
            CloseResult::ObjectionsHandled => "异议已处理",
        }
    }
}

/// The objections logged about an item: all of them, and those not yet
/// answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Objections {
    pub total: usize,
    pub open: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub result: CloseResult,
    pub on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub id: i64,
    pub item_id: i64,
    pub category: Category,
    /// 1 for the first version; a correction after posting is 2, 3…
    pub number: u32,
    pub status: Status,
    pub content: ItemContent,
    /// 保密审查
    pub confidentiality: Option<Stamp>,
    /// 监督小组签字
    pub signoff: Option<Stamp>,
    pub approved: Option<Stamp>,
    pub returned_reason: Option<String>,
    pub period: Option<Period>,
    pub taken_down_on: Option<NaiveDate>,
    /// Why it came down early (or any remark given when it came down).
    pub taken_down_reason: Option<String>,
    pub closure: Option<Closure>,
}

impl Revision {
    /// A new draft (id 0 until stored).
    pub fn draft(category: Category, content: ItemContent) -> Result<Self, DomainError> {
        Ok(Self::fresh(0, category, 1, content.validated(category)?))
    }

    /// A draft with nothing of the workflow done yet.
    fn fresh(item_id: i64, category: Category, number: u32, content: ItemContent) -> Self {
        Self {
            id: 0,
            item_id,
            category,
            number,
            status: Status::Draft,
            content,
            confidentiality: None,
            signoff: None,
            approved: None,
            returned_reason: None,
            period: None,
            taken_down_on: None,
            taken_down_reason: None,
            closure: None,
        }
    }

    fn step(&mut self, action: Action) -> Result<(), DomainError> {
        self.status = next(self.status, action).map_err(refused)?;
        Ok(())
    }

    /// Replaces the content of a draft or returned revision.
    pub fn edit(&mut self, content: ItemContent) -> Result<(), DomainError> {
        next(self.status, Action::Edit).map_err(refused)?;
        self.content = content.validated(self.category)?;
        Ok(())
    }

    pub fn submit(&mut self) -> Result<(), DomainError> {
        self.content.complete(self.category)?;
        self.step(Action::Submit)?;
        self.returned_reason = None;
        Ok(())
    }

    /// Records the confidentiality check and the supervision group's
    /// sign-off (either may be given alone; both are needed to approve).
    /// Who may do which is the school's [`Duties`].
    pub fn review(
        &mut self,
        confidentiality: Option<Stamp>,
        signoff: Option<Stamp>,
        duties: &Duties,
    ) -> Result<(), DomainError> {
        self.step(Action::Review)?;
        if confidentiality.is_none() && signoff.is_none() {
            return Err(FieldError::new("审查", "请填写保密审查或监督小组签字").into());
        }
        let conf = confidentiality.or_else(|| self.confidentiality.clone());
        let sign = signoff.or_else(|| self.signoff.clone());
        let done = [
            (Duty::Confidentiality, conf.as_ref()),
            (Duty::Signoff, sign.as_ref()),
        ];
        let others: Vec<(Duty, &str)> = done
            .iter()
            .filter_map(|(d, s)| s.map(|s| (*d, s.by.as_str())))
            .collect();
        // Who may sign first (the clearer message), then that no one did two.
        for (duty, by) in &others {
            duties.check_member(*duty, by)?;
        }
        for (duty, by) in &others {
            duties.check_apart(*duty, by, &others)?;
        }
        self.confidentiality = conf;
        self.signoff = sign;
        Ok(())
    }

    /// The names recorded for the review steps done so far.
    fn reviewers(&self) -> Vec<(Duty, &str)> {
        [
            (Duty::Confidentiality, &self.confidentiality),
            (Duty::Signoff, &self.signoff),
        ]
        .into_iter()
        .filter_map(|(d, s)| s.as_ref().map(|s| (d, s.by.as_str())))
        .collect()
    }

    pub fn approve(&mut self, stamp: Stamp, duties: &Duties) -> Result<(), DomainError> {
        for (step, earlier) in [
            ("保密审查", &self.confidentiality),
            ("监督小组签字", &self.signoff),
        ] {
            if let Some(earlier) = earlier.as_ref().filter(|e| stamp.on < e.on) {
                return Err(FieldError::new(
                    "批准日期",
                    format!("批准日期（{}）早于{step}的日期（{}）", stamp.on, earlier.on),
                )
                .into());
            }
        }
        if self.status == Status::Pending {
            if self.confidentiality.is_none() {
                return Err(FieldError::new("保密审查", "批准前必须完成保密审查").into());
            }
            if self.signoff.is_none() {
                return Err(FieldError::new("监督小组签字", "批准前必须有监督小组签字").into());
            }
        }
        duties.check(Duty::Approval, &stamp.by, &self.reviewers())?;
        self.step(Action::Approve)?;
        self.approved = Some(stamp);
        Ok(())
    }

    pub fn send_back(&mut self, reason: &str) -> Result<(), DomainError> {
        let reason = text::required("退回原因", reason, 500)?;
        self.step(Action::Return)?;
        self.returned_reason = Some(reason);
        self.confidentiality = None;
        self.signoff = None;
        Ok(())
    }

    /// Posts on `on` for the content's number of working days.
    pub fn post(&mut self, on: NaiveDate, calendar: &Calendar) -> Result<Period, DomainError> {
        if let Some(approved) = self.approved.as_ref().filter(|a| on < a.on) {
            return Err(FieldError::new(
                "张贴日期",
                format!("张贴日期（{on}）早于批准日期（{}）", approved.on),
            )
            .into());
        }
        let period = calendar
            .period(on, self.content.posting_days)
            .map_err(|e| e.for_field("张贴日期"))?;
        self.step(Action::Post)?;
        self.period = Some(period);
        Ok(period)
    }

    /// Takes the sheet off the board on `on`. Before the period's last
    /// day only with a reason, which the register keeps.
    pub fn take_down(&mut self, on: NaiveDate, reason: &str) -> Result<(), DomainError> {
        let reason = text::limited(TAKE_DOWN_REASON, reason, 200)?;
        if let Some(p) = self.period {
            if on < p.start {
                return Err(FieldError::new("撤下日期", "不能早于张贴日期").into());
            }
            if on < p.end && reason.is_empty() {
                return Err(FieldError::new(
                    TAKE_DOWN_REASON,
                    format!(
                        "公示期至{}，{on}撤下是提前撤下，须写明原因（会记入台账）",
                        p.end
                    ),
                )
                .into());
            }
        }
        self.step(Action::TakeDown)?;
        self.taken_down_on = Some(on);
        self.taken_down_reason = (!reason.is_empty()).then_some(reason);
        Ok(())
    }

    /// Closes the item, after its period has ended and with every
    /// objection answered: 期满无异议 when there was none, 异议已处理 when
    /// there were some.
    pub fn close(&mut self, closure: Closure, objections: Objections) -> Result<(), DomainError> {
        let refuse = |message: String| Err(FieldError::new("归档结论", message).into());
        if objections.open > 0 {
            return refuse(format!(
                "还有{}条异议未答复，答复后才能归档",
                objections.open
            ));
        }
        if let Some(p) = self.period.filter(|p| closure.on <= p.end) {
            return refuse(format!("公示期至{}，期满后才能归档", p.end));
        }
        if let Some(down) = self.taken_down_on.filter(|d| closure.on < *d) {
            return refuse(format!("归档日期（{}）早于撤下日期（{down}）", closure.on));
        }
        match (closure.result, objections.total) {
            (CloseResult::ObjectionsHandled, 0) => {
                return refuse("这一事项没有收到异议，应以“期满无异议”归档".into());
            }
            (CloseResult::NoObjection, n) if n > 0 => {
                return refuse(format!("这一事项收到过{n}条异议，应以“异议已处理”归档"));
            }
            _ => {}
        }
        self.step(Action::Close)?;
        self.closure = Some(closure);
        Ok(())
    }

    /// A correction of what was posted: the next revision, as a draft with
    /// the same content, to go through review again.
    pub fn revise(&self) -> Result<Revision, DomainError> {
        next(self.status, Action::Revise).map_err(refused)?;
        Ok(Self::fresh(
            self.item_id,
            self.category,
            self.number + 1,
            self.content.clone(),
        ))
    }
}

/// The field a take-down's reason is asked in.
pub const TAKE_DOWN_REASON: &str = "提前撤下原因";

/// A refused step names the item's status as the field.
fn refused(e: crate::workflow::WorkflowError) -> FieldError {
    FieldError::new("事项状态", e.to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn cal() -> Calendar {
        Calendar::from_json(include_str!("../../../assets/calendar/cn-official.json")).unwrap()
    }

    fn duties() -> Duties {
        Duties {
            leading: vec!["李新义".into()],
            working: vec!["王静".into()],
            supervision: vec!["赵敏".into()],
            relaxed: false,
        }
    }

    fn stamp(by: &str) -> Stamp {
        Stamp::new("签字人", by, d("2026-09-25"), "同意").unwrap()
    }

    fn draft() -> Revision {
        Revision::draft(
            Category::Other,
            ItemContent {
                title: "关于调整作息时间的通知".into(),
                body: "自10月8日起执行冬季作息时间。".into(),
                fields: BTreeMap::new(),
                table: None,
                posting_days: 5,
                planned_start: None,
            },
        )
        .unwrap()
    }

    fn posted() -> Revision {
        let mut r = draft();
        r.submit().unwrap();
        r.review(Some(stamp("王静")), Some(stamp("赵敏")), &duties())
            .unwrap();
        r.approve(stamp("李新义"), &duties()).unwrap();
        r.post(d("2026-09-28"), &cal()).unwrap();
        r
    }

    #[test]
    fn approval_needs_both_the_confidentiality_check_and_the_signoff() {
        let mut r = draft();
        r.submit().unwrap();
        let err = r
            .approve(stamp("李新义"), &duties())
            .unwrap_err()
            .to_string();
        assert!(err.contains("保密审查"), "{err}");
        r.review(Some(stamp("王静")), None, &duties()).unwrap();
        let err = r
            .approve(stamp("李新义"), &duties())
            .unwrap_err()
            .to_string();
        assert!(err.contains("监督小组签字"), "{err}");
        r.review(None, Some(stamp("赵敏")), &duties()).unwrap();
        r.approve(stamp("李新义"), &duties()).unwrap();
        assert_eq!(r.status, Status::Approved);
    }

    #[test]
    fn posting_computes_the_period_on_the_calendar() {
        let r = posted();
        assert_eq!(r.status, Status::Posted);
        assert_eq!(r.period.unwrap().end, d("2026-10-09"));
    }

    #[test]
    fn a_posted_revision_is_frozen_and_corrected_by_a_new_revision() {
        let mut r = posted();
        let mut changed = r.content.clone();
        changed.body = "改了".into();
        let err = r.edit(changed.clone()).unwrap_err().to_string();
        assert!(err.contains("公示中"), "{err}");
        let mut next = r.revise().unwrap();
        assert_eq!((next.number, next.status), (2, Status::Draft));
        next.edit(changed).unwrap();
        assert_eq!(next.content.body, "改了");
        assert_eq!(r.content.body, "自10月8日起执行冬季作息时间。");
        assert!(draft().revise().is_err());
    }

    #[test]
    fn a_return_needs_a_reason_and_clears_the_review() {
        let mut r = draft();
        r.submit().unwrap();
        r.review(Some(stamp("王静")), Some(stamp("赵敏")), &duties())
            .unwrap();
        assert!(r.send_back(" ").is_err());
        r.send_back("正文中有学生家庭住址，请删去").unwrap();
        assert_eq!(r.status, Status::Returned);
        assert!(r.confidentiality.is_none() && r.signoff.is_none());
    }

    fn closure(result: CloseResult, on: &str) -> Closure {
        Closure {
            result,
            on: d(on),
            note: String::new(),
        }
    }

    #[test]
    fn closing_needs_every_objection_answered_and_the_right_result() {
        use CloseResult::{NoObjection, ObjectionsHandled};
        let mut r = posted();
        r.take_down(d("2026-10-12"), "").unwrap();
        let cases = [
            (
                NoObjection,
                Objections { total: 1, open: 1 },
                "1条异议未答复",
            ),
            (
                ObjectionsHandled,
                Objections { total: 1, open: 1 },
                "1条异议未答复",
            ),
            (
                ObjectionsHandled,
                Objections { total: 0, open: 0 },
                "没有收到异议",
            ),
            (
                NoObjection,
                Objections { total: 2, open: 0 },
                "收到过2条异议",
            ),
        ];
        for (result, objections, expected) in cases {
            let err = r
                .clone()
                .close(closure(result, "2026-10-12"), objections)
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{result:?} {objections:?}: {err}");
        }
        r.close(
            closure(ObjectionsHandled, "2026-10-12"),
            Objections { total: 1, open: 0 },
        )
        .unwrap();
        assert_eq!(r.status, Status::Closed);
    }

    #[test]
    fn nothing_closes_before_the_period_ends() {
        for result in [CloseResult::NoObjection, CloseResult::ObjectionsHandled] {
            let mut r = posted();
            r.take_down(d("2026-10-09"), "").unwrap();
            let err = r
                .close(
                    closure(result, "2026-10-09"),
                    Objections { total: 1, open: 0 },
                )
                .unwrap_err()
                .to_string();
            assert!(err.contains("期满后才能归档"), "{err}");
        }
    }

    #[test]
    fn each_step_is_dated_no_earlier_than_the_one_before() {
        let mut r = draft();
        r.submit().unwrap();
        r.review(Some(stamp("王静")), Some(stamp("赵敏")), &duties())
            .unwrap();
        let early = Stamp::new("批准人", "李新义", d("2026-09-20"), "").unwrap();
        let err = r.approve(early, &duties()).unwrap_err().to_string();
        assert!(err.contains("早于保密审查的日期"), "{err}");
        r.approve(stamp("李新义"), &duties()).unwrap();
        let err = r.post(d("2026-09-01"), &cal()).unwrap_err().to_string();
        assert!(err.contains("早于批准日期"), "{err}");
        r.post(d("2026-09-28"), &cal()).unwrap();
        r.take_down(d("2026-10-12"), "").unwrap();
        let err = r
            .close(
                closure(CloseResult::NoObjection, "2026-10-11"),
                Objections::default(),
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains("早于撤下日期"), "{err}");
    }

    #[test]
    fn a_take_down_before_the_period_ends_needs_a_reason_which_is_kept() {
        let mut r = posted(); // on the board 2026-09-28 to 2026-10-09
        let err = r
            .clone()
            .take_down(d("2026-10-08"), " ")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("提前撤下原因") && err.contains("公示期至2026-10-09"),
            "{err}"
        );
        let err = r
            .clone()
            .take_down(d("2026-09-27"), "有误")
            .unwrap_err()
            .to_string();
        assert!(err.contains("不能早于张贴日期"), "{err}");
        r.take_down(d("2026-10-08"), "名单有误，更正后重新公示")
            .unwrap();
        assert_eq!(
            r.taken_down_reason.as_deref(),
            Some("名单有误，更正后重新公示")
        );
        // Still not closed before the period would have ended.
        let err = r
            .close(
                closure(CloseResult::NoObjection, "2026-10-09"),
                Objections::default(),
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains("期满后才能归档"), "{err}");
    }

    #[test]
    fn the_three_review_steps_are_done_by_three_people_of_the_right_groups() {
        let mut r = draft();
        r.submit().unwrap();
        // The signer must be in the supervision group.
        let err = r
            .review(None, Some(stamp("王静")), &duties())
            .unwrap_err()
            .to_string();
        assert!(err.contains("不是监督小组成员"), "{err}");
        assert!(r.signoff.is_none());
        // One person cannot do the confidentiality check and sign.
        let both = Duties {
            supervision: vec!["赵敏".into(), "王静".into()],
            ..duties()
        };
        let err = r
            .review(Some(stamp("王静")), Some(stamp("王静")), &both)
            .unwrap_err()
            .to_string();
        assert!(err.contains("已经做了这一版的"), "{err}");
        // Nor sign and, later, approve.
        let leader_signs = Duties {
            supervision: vec!["李新义".into()],
            ..duties()
        };
        r.review(Some(stamp("王静")), Some(stamp("李新义")), &leader_signs)
            .unwrap();
        let err = r
            .approve(stamp("李新义"), &leader_signs)
            .unwrap_err()
            .to_string();
        assert!(err.contains("已经做了这一版的监督小组签字"), "{err}");
        assert_eq!(r.status, Status::Pending);
        let relaxed = Duties {
            relaxed: true,
            ..leader_signs
        };
        r.approve(stamp("李新义"), &relaxed).unwrap();
        assert_eq!(r.status, Status::Approved);
    }
}
