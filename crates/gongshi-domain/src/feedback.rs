//! Feedback (反馈栏) and objections (异议): how they arrived, what they say,
//! the answer, and whether the answer is published on the Q&A sheet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::{DomainError, FieldError, text};

pub const CHANNELS: [&str; 6] = ["信箱", "电话", "教代会", "家长座谈会", "来信", "其他"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub text: String,
    pub responder: String,
    pub answered_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: i64,
    pub received_on: NaiveDate,
    /// One of [`CHANNELS`].
    pub channel: String,
    /// The item it is about, if any.
    pub item_id: Option<i64>,
    pub content: String,
    /// An objection (异议) to a posted item: it blocks closing that item
    /// as 期满无异议 until answered.
    pub is_objection: bool,
    pub answer: Option<Answer>,
    /// Publish the question and answer on the Q&A sheet.
    pub publish: bool,
    /// The meeting it was taken at, if it came from one.
    pub meeting_id: Option<i64>,
}

impl Feedback {
    pub fn validated(mut self) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        if !CHANNELS.contains(&self.channel.as_str()) {
            errs.check::<()>(Err(FieldError::new(
                "来源",
                format!(
                    "“{}”不是可选的来源（{}）",
                    self.channel,
                    CHANNELS.join("、")
                ),
            )));
        }
        if let Some(c) = errs.check(text::required("内容", &self.content, 2000)) {
            self.content = c;
        }
        if let Some(answer) = &mut self.answer {
            if let Some(t) = errs.check(text::required("答复", &answer.text, 2000)) {
                answer.text = t;
            }
            if let Some(r) = errs.check(text::required("答复人", &answer.responder, 20)) {
                answer.responder = r;
            }
            if answer.answered_on < self.received_on {
                errs.check::<()>(Err(FieldError::new("答复日期", "不能早于收到日期")));
            }
        }
        if self.publish && self.answer.is_none() {
            errs.check::<()>(Err(FieldError::new("公开", "答复后才能公开")));
        }
        errs.finish()?;
        Ok(self)
    }

    /// An objection still waiting for its answer.
    pub fn is_open_objection(&self) -> bool {
        self.is_objection && self.answer.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Feedback {
        Feedback {
            id: 0,
            received_on: "2026-09-29".parse().unwrap(),
            channel: "信箱".into(),
            item_id: Some(1),
            content: "第三名的工作量化分是否计算有误？".into(),
            is_objection: true,
            answer: None,
            publish: false,
            meeting_id: None,
        }
    }

    #[test]
    fn an_unanswered_objection_is_open() {
        let f = entry().validated().unwrap();
        assert!(f.is_open_objection());
    }

    #[test]
    fn bad_entries_name_their_fields() {
        let mut f = entry();
        f.channel = "微信".into();
        f.content = " ".into();
        f.publish = true;
        let msg = f.validated().unwrap_err().to_string();
        for part in ["来源：", "内容：不能为空", "公开：答复后才能公开"] {
            assert!(msg.contains(part), "{msg}");
        }
    }

    #[test]
    fn an_answer_cannot_precede_the_question() {
        let mut f = entry();
        f.answer = Some(Answer {
            text: "经复核无误。".into(),
            responder: "教务处".into(),
            answered_on: "2026-09-28".parse().unwrap(),
        });
        assert!(f.validated().unwrap_err().to_string().contains("答复日期"));
    }
}
