//! The life of a disclosure item (DOMAIN.md): 草稿 → 待审核 → 已批准 (or
//! 已退回, with a reason) → 公示中 → 已撤下 → 已归档. A posted revision is
//! frozen; a correction is a new revision that starts again as a draft.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Pending,
    Returned,
    Approved,
    Posted,
    TakenDown,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Edit,
    Submit,
    Review,
    Approve,
    Return,
    Post,
    TakeDown,
    Close,
    Revise,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Pending,
        Status::Returned,
        Status::Approved,
        Status::Posted,
        Status::TakenDown,
        Status::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Pending => "pending",
            Status::Returned => "returned",
            Status::Approved => "approved",
            Status::Posted => "posted",
            Status::TakenDown => "taken_down",
            Status::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code || s.label() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "草稿",
            Status::Pending => "待审核",
            Status::Returned => "已退回",
            Status::Approved => "已批准",
            Status::Posted => "公示中",
            Status::TakenDown => "已撤下",
            Status::Closed => "已归档",
        }
    }

    /// Frozen: what was (or is about to be) on the board is never edited.
    pub fn is_frozen(self) -> bool {
        !matches!(self, Status::Draft | Status::Returned)
    }
}

impl Action {
    /// The workflow's steps in the order a clerk takes them (editing is
    /// not a step).
    pub const STEPS: [Action; 8] = [
        Action::Submit,
        Action::Review,
        Action::Approve,
        Action::Return,
        Action::Post,
        Action::TakeDown,
        Action::Close,
        Action::Revise,
    ];

    /// The stored and exchanged code.
    pub fn code(self) -> &'static str {
        match self {
            Action::Edit => "edit",
            Action::Submit => "submit",
            Action::Review => "review",
            Action::Approve => "approve",
            Action::Return => "return",
            Action::Post => "post",
            Action::TakeDown => "take_down",
            Action::Close => "close",
            Action::Revise => "revise",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Action::Edit => "修改",
            Action::Submit => "提交审核",
            Action::Review => "审查签字",
            Action::Approve => "批准",
            Action::Return => "退回",
            Action::Post => "张贴公示",
            Action::TakeDown => "撤下",
            Action::Close => "归档",
            Action::Revise => "更正（新修订版）",
        }
    }
}

/// The steps a revision in `status` can take, in the clerk's order: the
/// first is the usual next one. A face offers exactly these.
pub fn steps(status: Status) -> Vec<Action> {
    Action::STEPS
        .into_iter()
        .filter(|a| next(status, *a).is_ok())
        .collect()
}

/// Where `action` takes a revision in `status`, or why it cannot.
pub fn next(status: Status, action: Action) -> Result<Status, WorkflowError> {
    use Action as A;
    use Status as S;
    let to = match (status, action) {
        (S::Draft | S::Returned, A::Edit) => status,
        (S::Draft | S::Returned, A::Submit) => S::Pending,
        (S::Pending, A::Review) => S::Pending,
        (S::Pending, A::Approve) => S::Approved,
        (S::Pending, A::Return) => S::Returned,
        (S::Approved, A::Post) => S::Posted,
        (S::Posted, A::TakeDown) => S::TakenDown,
        (S::TakenDown, A::Close) => S::Closed,
        (S::Posted | S::TakenDown | S::Closed, A::Revise) => status,
        _ => return Err(WorkflowError { status, action }),
    };
    Ok(to)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{}”状态的事项不能“{}”{}", .status.label(), .action.label(), hint(*.status, *.action))]
pub struct WorkflowError {
    pub status: Status,
    pub action: Action,
}

fn hint(status: Status, action: Action) -> String {
    use crate::faces::next_step;
    match (status, action) {
        (Status::Posted | Status::TakenDown | Status::Closed, Action::Edit) => format!(
            "。已张贴的事项不能改动，请更正，建立新的修订版{}",
            next_step("事项的“更正”按钮", "gongshi items revise 编号")
        ),
        (Status::Pending | Status::Approved, Action::Edit) => format!(
            "。请先退回后再修改{}",
            next_step(
                "事项的“退回”按钮",
                "gongshi items return 编号 --reason 原因"
            )
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_offered_are_those_the_workflow_accepts() {
        use Action as A;
        for (status, expected) in [
            (Status::Draft, vec![A::Submit]),
            (Status::Returned, vec![A::Submit]),
            (Status::Pending, vec![A::Review, A::Approve, A::Return]),
            (Status::Approved, vec![A::Post]),
            (Status::Posted, vec![A::TakeDown, A::Revise]),
            (Status::TakenDown, vec![A::Close, A::Revise]),
            (Status::Closed, vec![A::Revise]),
        ] {
            assert_eq!(steps(status), expected, "{status:?}");
        }
    }

    #[test]
    fn the_happy_path() {
        let mut s = Status::Draft;
        for (action, expected) in [
            (Action::Submit, Status::Pending),
            (Action::Review, Status::Pending),
            (Action::Approve, Status::Approved),
            (Action::Post, Status::Posted),
            (Action::TakeDown, Status::TakenDown),
            (Action::Close, Status::Closed),
        ] {
            s = next(s, action).unwrap();
            assert_eq!(s, expected);
        }
    }

    #[test]
    fn a_returned_item_is_edited_and_submitted_again() {
        let s = next(Status::Pending, Action::Return).unwrap();
        assert_eq!(s, Status::Returned);
        assert_eq!(next(s, Action::Edit).unwrap(), Status::Returned);
        assert_eq!(next(s, Action::Submit).unwrap(), Status::Pending);
    }

    #[test]
    fn illegal_transitions_are_refused_with_a_chinese_message() {
        let refused = [
            (Status::Draft, Action::Approve),
            (Status::Draft, Action::Post),
            (Status::Pending, Action::Edit),
            (Status::Pending, Action::Post),
            (Status::Approved, Action::Edit),
            (Status::Posted, Action::Edit),
            (Status::Posted, Action::Close),
            (Status::Closed, Action::Post),
            (Status::Draft, Action::Revise),
        ];
        for (status, action) in refused {
            assert!(next(status, action).is_err(), "{status:?} {action:?}");
        }
        let msg = next(Status::Posted, Action::Edit).unwrap_err().to_string();
        assert_eq!(
            crate::faces::for_face(&msg, crate::faces::Face::App),
            "“公示中”状态的事项不能“修改”。已张贴的事项不能改动，请更正，建立新的修订版（事项的“更正”按钮）"
        );
    }

    #[test]
    fn only_drafts_and_returned_items_are_editable() {
        let editable: Vec<_> = Status::ALL.into_iter().filter(|s| !s.is_frozen()).collect();
        assert_eq!(editable, [Status::Draft, Status::Returned]);
    }
}
