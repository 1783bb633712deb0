//! The school profile: what every printed sheet's header and footer need.

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::grades::SchoolGrades;
use crate::{DomainError, phone, text};

/// The school as it prints. Phone numbers here are "the app's phone fields":
/// the privacy scan lets exactly these (and the hotlines) print.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolProfile {
    /// 学校名称, e.g. 阳光市实验小学
    pub name: String,
    /// 地址
    pub address: String,
    /// 校长
    pub principal: String,
    /// 办公室电话
    pub office_phone: String,
    /// 学校监督电话 (the school's own supervision line)
    pub supervision_phone: String,
    /// 投诉电话 (the local education bureau's complaint line)
    pub complaint_phone: String,
    /// 其他热线, e.g. 12345 政务服务热线, 12315
    pub hotlines: Vec<String>,
    /// 学段: the grades the school has.
    pub grades: SchoolGrades,
    /// A demo school (示例) made by `init --demo`; shown as such everywhere.
    pub is_demo: bool,
}

/// What a job needing the school profile says before there is one.
pub fn fill_in_first() -> String {
    format!(
        "请先填写学校信息{}",
        crate::faces::next_step("设置 → 学校信息", "gongshi school set --name 学校名称")
    )
}

impl SchoolProfile {
    /// The numbers typed into the profile's phone fields: the ones the
    /// privacy scan lets print.
    pub fn printable_phones(&self) -> impl Iterator<Item = &String> {
        [
            &self.office_phone,
            &self.supervision_phone,
            &self.complaint_phone,
        ]
        .into_iter()
        .chain(&self.hotlines)
    }

    /// Checks every field, trims the text, and reports every bad field at once.
    pub fn validated(self) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        let name = errs.check(text::required("学校名称", &self.name, 60));
        let address = errs.check(text::limited("地址", &self.address, 120));
        let principal = errs.check(text::limited("校长", &self.principal, 20));
        let office_phone = errs.check(phone::parse("办公室电话", &self.office_phone));
        let supervision_phone = errs.check(phone::parse("监督电话", &self.supervision_phone));
        let complaint_phone = errs.check(phone::parse("投诉电话", &self.complaint_phone));
        let hotlines: Vec<_> = self
            .hotlines
            .iter()
            .filter(|h| !h.trim().is_empty())
            .filter_map(|h| errs.check(phone::parse("其他热线", h)))
            .collect();
        errs.finish()?;
        Ok(Self {
            name: name.unwrap_or_default(),
            address: address.unwrap_or_default(),
            principal: principal.unwrap_or_default(),
            office_phone: office_phone.unwrap_or_default(),
            supervision_phone: supervision_phone.unwrap_or_default(),
            complaint_phone: complaint_phone.unwrap_or_default(),
            hotlines,
            grades: self.grades,
            is_demo: self.is_demo,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_name_and_a_bad_phone_are_both_named() {
        let profile = SchoolProfile {
            name: " ".into(),
            supervision_phone: "abc".into(),
            ..Default::default()
        };
        let msg = profile.validated().unwrap_err().to_string();
        assert!(msg.contains("学校名称：不能为空"), "{msg}");
        assert!(msg.contains("监督电话："), "{msg}");
    }

    #[test]
    fn markup_in_a_name_is_kept_as_plain_text() {
        let profile = SchoolProfile {
            name: "<img src=x onerror=alert(1)>".into(),
            ..Default::default()
        };
        assert_eq!(
            profile.validated().unwrap().name,
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn blank_hotlines_are_dropped() {
        let profile = SchoolProfile {
            name: "学校".into(),
            hotlines: vec!["12345".into(), " ".into()],
            ..Default::default()
        };
        assert_eq!(profile.validated().unwrap().hotlines, vec!["12345"]);
    }
}
