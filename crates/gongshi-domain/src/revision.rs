//! A revision of an item and the workflow steps applied to it. Pure: the
//! jobs load a revision, apply a step here, and store the result with its
//! audit row. The rules (frozen after posting, review before approval, no
//! 期满无异议 with open objections) live here, once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Period};
use crate::category::Category;
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
            by: text::required(field, by, 20)?,
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
    pub fn review(
        &mut self,
        confidentiality: Option<Stamp>,
        signoff: Option<Stamp>,
    ) -> Result<(), DomainError> {
        self.step(Action::Review)?;
        if confidentiality.is_none() && signoff.is_none() {
            return Err(FieldError::new("审查", "请填写保密审查或监督小组签字").into());
        }
        if confidentiality.is_some() {
            self.confidentiality = confidentiality;
        }
        if signoff.is_some() {
            self.signoff = signoff;
        }
        Ok(())
    }

    pub fn approve(&mut self, stamp: Stamp) -> Result<(), DomainError> {
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

    pub fn take_down(&mut self, on: NaiveDate) -> Result<(), DomainError> {
        let start = self.period.map(|p| p.start);
        if start.is_some_and(|s| on < s) {
            return Err(FieldError::new("撤下日期", "不能早于张贴日期").into());
        }
        self.step(Action::TakeDown)?;
        self.taken_down_on = Some(on);
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
        r.review(Some(stamp("王静")), Some(stamp("赵敏"))).unwrap();
        r.approve(stamp("李新义")).unwrap();
        r.post(d("2026-09-28"), &cal()).unwrap();
        r
    }

    #[test]
    fn approval_needs_both_the_confidentiality_check_and_the_signoff() {
        let mut r = draft();
        r.submit().unwrap();
        let err = r.approve(stamp("李新义")).unwrap_err().to_string();
        assert!(err.contains("保密审查"), "{err}");
        r.review(Some(stamp("王静")), None).unwrap();
        let err = r.approve(stamp("李新义")).unwrap_err().to_string();
        assert!(err.contains("监督小组签字"), "{err}");
        r.review(None, Some(stamp("赵敏"))).unwrap();
        r.approve(stamp("李新义")).unwrap();
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
        r.review(Some(stamp("王静")), Some(stamp("赵敏"))).unwrap();
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
        r.take_down(d("2026-10-12")).unwrap();
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
            r.take_down(d("2026-10-09")).unwrap();
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
        r.review(Some(stamp("王静")), Some(stamp("赵敏"))).unwrap();
        let early = Stamp::new("批准人", "李新义", d("2026-09-20"), "").unwrap();
        let err = r.approve(early).unwrap_err().to_string();
        assert!(err.contains("早于保密审查的日期"), "{err}");
        r.approve(stamp("李新义")).unwrap();
        let err = r.post(d("2026-09-01"), &cal()).unwrap_err().to_string();
        assert!(err.contains("早于批准日期"), "{err}");
        r.post(d("2026-09-28"), &cal()).unwrap();
        r.take_down(d("2026-10-12")).unwrap();
        let err = r
            .close(
                closure(CloseResult::NoObjection, "2026-10-11"),
                Objections::default(),
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains("早于撤下日期"), "{err}");
    }
}
