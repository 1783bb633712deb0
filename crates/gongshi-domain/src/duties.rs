//! 各司其职: the school's three groups for 校务公开 (the source document's
//! 领导小组 headed by the principal, 工作小组 and 监督小组) and who may do
//! which step of an item's review. By default the supervision group's
//! sign-off comes from a 监督小组 member, the approval from a 领导小组
//! member, and no one does two of the three steps (保密审查, 签字, 批准) on
//! one revision. A school may relax this; the store logs that it did.

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::{FieldError, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Leading,
    Working,
    Supervision,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Leading, Group::Working, Group::Supervision];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Group::Leading => "leading",
            Group::Working => "working",
            Group::Supervision => "supervision",
        }
    }

    pub fn from_code(code: &str) -> Option<Group> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Group::Leading => "领导小组",
            Group::Working => "工作小组",
            Group::Supervision => "监督小组",
        }
    }
}

/// The three steps of review whose doers are kept apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// 保密审查: anyone (usually the office), but not the signer or approver.
    Confidentiality,
    /// 监督小组签字
    Signoff,
    /// 批准
    Approval,
}

impl Duty {
    pub const ALL: [Duty; 3] = [Duty::Confidentiality, Duty::Signoff, Duty::Approval];

    pub fn label(self) -> &'static str {
        match self {
            Duty::Confidentiality => "保密审查",
            Duty::Signoff => "监督小组签字",
            Duty::Approval => "批准",
        }
    }

    /// The name field of the step, as forms and messages call it.
    pub fn field(self) -> &'static str {
        match self {
            Duty::Confidentiality => "保密审查人",
            Duty::Signoff => "监督小组签字人",
            Duty::Approval => "批准人",
        }
    }

    /// The group whose member must do this step, if any.
    pub fn group(self) -> Option<Group> {
        match self {
            Duty::Confidentiality => None,
            Duty::Signoff => Some(Group::Supervision),
            Duty::Approval => Some(Group::Leading),
        }
    }
}

/// The members of each group, in the order the school lists them (the
/// head first), and whether the school keeps the steps apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duties {
    pub leading: Vec<String>,
    pub working: Vec<String>,
    pub supervision: Vec<String>,
    /// The school relaxed 各司其职: anyone may do any step, and one person
    /// several. Off by default.
    pub relaxed: bool,
}

/// A person's name as the groups and the steps record it: spaces taken
/// out (张 三 is 张三, so the same person is always one name), one name
/// only — no list, no title in brackets (李新义（校长）: the group says the
/// role).
pub fn person(field: &'static str, name: &str) -> Result<String, FieldError> {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let name = text::required(field, &name, 20)?;
    if let Some(c) = name.chars().find(|c| ",，、;；/／（）()".contains(*c)) {
        return Err(FieldError::new(
            field,
            format!("“{name}”中有“{c}”：每格只写一个人的姓名，不写职务"),
        ));
    }
    Ok(name)
}

/// A group has at most this many members.
pub const GROUP_MAX: usize = 30;

impl Duties {
    pub fn members(&self, group: Group) -> &[String] {
        match group {
            Group::Leading => &self.leading,
            Group::Working => &self.working,
            Group::Supervision => &self.supervision,
        }
    }

    /// Trims every name, drops blank ones, and refuses a bad name, a name
    /// listed twice in one group, or a group over [`GROUP_MAX`], naming
    /// the group. A person may be in several groups (the principal often
    /// is); keeping the steps apart is per revision.
    pub fn validated(self) -> Result<Self, crate::DomainError> {
        let mut errs = FieldErrors::default();
        let mut check = |group: Group, names: &[String]| -> Vec<String> {
            let mut kept: Vec<String> = Vec::new();
            for name in names.iter().filter(|n| !n.trim().is_empty()) {
                let Some(name) = errs.check(person(group.label(), name)) else {
                    continue;
                };
                if kept.contains(&name) {
                    errs.check::<()>(Err(FieldError::new(
                        group.label(),
                        format!("“{name}”写了两次"),
                    )));
                    continue;
                }
                kept.push(name);
            }
            if kept.len() > GROUP_MAX {
                errs.check::<()>(Err(FieldError::new(
                    group.label(),
                    format!("最多{GROUP_MAX}人（现有{}人）", kept.len()),
                )));
            }
            kept
        };
        let leading = check(Group::Leading, &self.leading);
        let working = check(Group::Working, &self.working);
        let supervision = check(Group::Supervision, &self.supervision);
        errs.finish()?;
        Ok(Self {
            leading,
            working,
            supervision,
            relaxed: self.relaxed,
        })
    }

    /// Whether `by` may do `duty` on a revision where the other steps were
    /// done by `others` (the names recorded for them). Refuses naming the
    /// step's field and what to do.
    pub fn check(&self, duty: Duty, by: &str, others: &[(Duty, &str)]) -> Result<(), FieldError> {
        self.check_member(duty, by)?;
        self.check_apart(duty, by, others)
    }

    /// Whether `by` is in the group whose member must do `duty`; the
    /// confidentiality check is done by a member of any of the three.
    pub fn check_member(&self, duty: Duty, by: &str) -> Result<(), FieldError> {
        if self.relaxed {
            return Ok(());
        }
        let everyone: Vec<&String> = Group::ALL.iter().flat_map(|g| self.members(*g)).collect();
        if duty == Duty::Confidentiality
            && !everyone.is_empty()
            && !everyone.iter().any(|m| *m == by)
        {
            return Err(FieldError::new(
                duty.field(),
                format!("{by}不是三个小组的成员，保密审查须由小组成员完成"),
            ));
        }
        if let Some(group) = duty.group() {
            let members = self.members(group);
            if members.is_empty() {
                return Err(FieldError::new(
                    duty.field(),
                    format!(
                        "学校还没有填写{0}成员，{1}须由{0}成员完成。请先填写三个小组的成员\
                         （应用：设置 → 三个小组；命令行：gongshi school groups --{2} 姓名,姓名）",
                        group.label(),
                        duty.label(),
                        group.code()
                    ),
                ));
            }
            if !members.iter().any(|m| m == by) {
                return Err(FieldError::new(
                    duty.field(),
                    format!(
                        "{by}不是{}成员（成员：{}），{}须由{}成员完成",
                        group.label(),
                        members.join("、"),
                        duty.label(),
                        group.label()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Whether `by` did another of the three steps (`others`) already.
    pub fn check_apart(
        &self,
        duty: Duty,
        by: &str,
        others: &[(Duty, &str)],
    ) -> Result<(), FieldError> {
        if self.relaxed {
            return Ok(());
        }
        if let Some((other, _)) = others.iter().find(|(d, name)| *d != duty && *name == by) {
            return Err(FieldError::new(
                duty.field(),
                format!(
                    "{by}已经做了这一版的{}，{}须由另一人完成（各司其职：保密审查、监督小组签字和批准由三个人分别完成）",
                    other.label(),
                    duty.label()
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school() -> Duties {
        Duties {
            leading: vec!["李新义".into(), "陈晓".into()],
            working: vec!["王静".into()],
            supervision: vec!["赵敏".into(), "陈晓".into()],
            relaxed: false,
        }
    }

    #[test]
    fn the_signoff_comes_from_the_supervision_group_and_the_approval_from_the_leading_group() {
        let d = school();
        assert!(d.check(Duty::Signoff, "赵敏", &[]).is_ok());
        let err = d.check(Duty::Signoff, "王静", &[]).unwrap_err();
        assert_eq!(err.field, "监督小组签字人");
        assert!(
            err.message.contains("不是监督小组成员（成员：赵敏、陈晓）"),
            "{err}"
        );
        assert!(d.check(Duty::Approval, "李新义", &[]).is_ok());
        assert!(d.check(Duty::Approval, "赵敏", &[]).is_err());
        // Anyone may do the confidentiality check.
        assert!(d.check(Duty::Confidentiality, "王静", &[]).is_ok());
    }

    #[test]
    fn no_one_does_two_of_the_three_steps_on_one_revision() {
        let d = school();
        // 陈晓 is in both groups: may sign or approve, not both.
        let err = d
            .check(Duty::Approval, "陈晓", &[(Duty::Signoff, "陈晓")])
            .unwrap_err();
        assert!(
            err.message.contains("已经做了这一版的监督小组签字"),
            "{err}"
        );
        assert!(
            d.check(Duty::Signoff, "赵敏", &[(Duty::Confidentiality, "赵敏")])
                .is_err()
        );
        // The step being redone by the same person is not a second step.
        assert!(
            d.check(Duty::Signoff, "赵敏", &[(Duty::Signoff, "赵敏")])
                .is_ok()
        );
    }

    #[test]
    fn with_no_members_recorded_the_step_says_where_to_record_them() {
        let err = Duties::default()
            .check(Duty::Signoff, "赵敏", &[])
            .unwrap_err();
        assert!(err.message.contains("还没有填写监督小组成员"), "{err}");
        assert!(
            err.message.contains("gongshi school groups --supervision"),
            "{err}"
        );
    }

    #[test]
    fn names_are_one_person_each_spaces_taken_out() {
        assert_eq!(person("领导小组", " 张 三 ").unwrap(), "张三");
        assert_eq!(person("领导小组", "张\u{3000}三").unwrap(), "张三");
        for bad in ["王静/刘洋", "李新义（校长）", "王静,刘洋"] {
            assert!(person("领导小组", bad).is_err(), "{bad}");
        }
        // The confidentiality check: a member of any group.
        let d = school();
        assert!(d.check_member(Duty::Confidentiality, "陈晓").is_ok());
        let err = d.check_member(Duty::Confidentiality, "某某").unwrap_err();
        assert!(err.message.contains("不是三个小组的成员"), "{err}");
    }

    #[test]
    fn a_relaxed_school_lets_anyone_do_any_step() {
        let d = Duties {
            relaxed: true,
            ..Duties::default()
        };
        assert!(
            d.check(Duty::Approval, "王静", &[(Duty::Signoff, "王静")])
                .is_ok()
        );
    }

    #[test]
    fn groups_are_trimmed_and_a_name_twice_in_a_group_is_refused() {
        let d = Duties {
            leading: vec![" 李新义 ".into(), "".into()],
            supervision: vec!["赵敏".into(), "赵敏".into()],
            ..Duties::default()
        };
        let err = d.clone().validated().unwrap_err().to_string();
        assert!(
            err.contains("监督小组") && err.contains("“赵敏”写了两次"),
            "{err}"
        );
        let ok = Duties {
            supervision: vec!["赵敏".into()],
            ..d
        }
        .validated()
        .unwrap();
        assert_eq!(ok.leading, ["李新义"]);
    }
}
