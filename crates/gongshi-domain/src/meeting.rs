//! Meetings (会议), one of the three forms of disclosure the source document
//! names: 教职工代表大会 (which votes the school's major decisions), 教师代表
//! 会议, 领导与教职工对话会, 家长座谈会, 行政会. A meeting records who was
//! expected and who came, what it dealt with and its minutes; items
//! announced at it and feedback taken at it link to it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::FieldErrors;
use crate::{DomainError, FieldError, text};

/// The kinds of meeting, in the order a form offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MeetingKind {
    /// 教职工代表大会 (教代会): its votes decide the school's major decisions.
    StaffCongress,
    TeacherDelegates,
    Dialogue,
    Parents,
    Administrative,
    Other,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 6] = [
        MeetingKind::StaffCongress,
        MeetingKind::TeacherDelegates,
        MeetingKind::Dialogue,
        MeetingKind::Parents,
        MeetingKind::Administrative,
        MeetingKind::Other,
    ];

    /// How the store writes it (version 14 on).
    pub fn code(self) -> &'static str {
        match self {
            MeetingKind::StaffCongress => "staff_congress",
            MeetingKind::TeacherDelegates => "teacher_delegates",
            MeetingKind::Dialogue => "dialogue",
            MeetingKind::Parents => "parents",
            MeetingKind::Administrative => "administrative",
            MeetingKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::StaffCongress => "教职工代表大会",
            MeetingKind::TeacherDelegates => "教师代表会议",
            MeetingKind::Dialogue => "领导与教职工对话会",
            MeetingKind::Parents => "家长座谈会",
            MeetingKind::Administrative => "行政会",
            MeetingKind::Other => "其他",
        }
    }

    /// Whether 应到/实到 count delegates (the congress, 教师代表会议).
    pub fn of_delegates(self) -> bool {
        matches!(
            self,
            MeetingKind::StaffCongress | MeetingKind::TeacherDelegates
        )
    }

    /// A kind from its code, its label or the short name 教代会.
    pub fn parse(field: &'static str, input: &str) -> Result<Self, FieldError> {
        let input = input.trim();
        if input == "教代会" {
            return Ok(MeetingKind::StaffCongress);
        }
        Self::ALL
            .into_iter()
            .find(|k| k.code() == input || k.label() == input)
            .ok_or_else(|| {
                let all: Vec<_> = Self::ALL.iter().map(|k| k.label()).collect();
                FieldError::new(
                    field,
                    format!("“{input}”不是会议类型（{}）", all.join("、")),
                )
            })
    }
}

/// A meeting as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub kind: MeetingKind,
    pub held_on: NaiveDate,
    pub place: String,
    /// 主持人.
    pub chair: String,
    /// 应到: at the congress, every delegate (the base of its two rules).
    pub expected: u32,
    /// 实到.
    pub present: u32,
    /// 议题, a line each.
    pub topics: String,
    /// 纪要 (may follow later).
    pub minutes: String,
}

impl Meeting {
    /// The meeting with its texts trimmed, or every field that is wrong.
    pub fn validated(mut self) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        if let Some(place) = errs.check(text::required("地点", &self.place, 60)) {
            self.place = place;
        }
        if let Some(chair) = errs.check(text::required("主持人", &self.chair, 20)) {
            self.chair = chair;
        }
        if let Some(topics) = errs.check(text::required("议题", &self.topics, 2000)) {
            self.topics = topics;
        }
        if let Some(minutes) = errs.check(text::limited("纪要", &self.minutes, 20000)) {
            self.minutes = minutes;
        }
        if self.expected == 0 {
            errs.check::<()>(Err(FieldError::new("应到", "至少1人")));
        }
        if self.present > self.expected {
            errs.check::<()>(Err(FieldError::new(
                "实到",
                format!("实到{}人，多于应到{}人", self.present, self.expected),
            )));
        }
        errs.finish()?;
        Ok(self)
    }

    /// 应到代表60人，实到45人 (应到40人… where not delegates).
    pub fn attendance(&self) -> String {
        let who = if self.kind.of_delegates() {
            "代表"
        } else {
            ""
        };
        format!("应到{who}{}人，实到{}人", self.expected, self.present)
    }

    /// 教职工代表大会 2026-11-20 as a list shows it.
    pub fn heading(&self) -> String {
        format!("{} {}", self.held_on, self.kind.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn congress() -> Meeting {
        Meeting {
            id: 0,
            kind: MeetingKind::StaffCongress,
            held_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            place: " 学校会议室 ".into(),
            chair: "李新义".into(),
            expected: 60,
            present: 45,
            topics: "审议《学校教职工考核办法》".into(),
            minutes: String::new(),
        }
    }

    #[test]
    fn kinds_read_back_from_code_label_and_short_name() {
        for k in MeetingKind::ALL {
            assert_eq!(MeetingKind::parse("类型", k.code()).unwrap(), k);
            assert_eq!(MeetingKind::parse("类型", k.label()).unwrap(), k);
        }
        assert_eq!(
            MeetingKind::parse("类型", "教代会").unwrap(),
            MeetingKind::StaffCongress
        );
        let err = MeetingKind::parse("类型", "茶话会")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("类型：“茶话会”不是会议类型（教职工代表大会、"),
            "{err}"
        );
    }

    #[test]
    fn a_meeting_is_trimmed_and_every_bad_field_named() {
        let m = congress().validated().unwrap();
        assert_eq!(m.place, "学校会议室");
        let bad = Meeting {
            place: " ".into(),
            chair: String::new(),
            present: 61,
            ..congress()
        };
        let err = bad.validated().unwrap_err().to_string();
        for field in ["地点", "主持人", "实到：实到61人，多于应到60人"] {
            assert!(err.contains(field), "{field}: {err}");
        }
        let none = Meeting {
            expected: 0,
            present: 0,
            ..congress()
        };
        assert!(
            none.validated()
                .unwrap_err()
                .to_string()
                .contains("应到：至少1人")
        );
    }
}
