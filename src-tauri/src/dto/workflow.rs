//! The workflow's status and steps as they cross to the UI: TypeScript
//! unions generated from these, each converted from the domain's own enum
//! by an exhaustive match (a new status or step does not compile until it
//! is here too). Labels come from the domain, never from the UI.

use gongshi_app::domain::workflow::{Action, Status};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusDto {
    Draft,
    Pending,
    Returned,
    Approved,
    Posted,
    TakenDown,
    Closed,
}

impl From<Status> for StatusDto {
    fn from(s: Status) -> Self {
        match s {
            Status::Draft => Self::Draft,
            Status::Pending => Self::Pending,
            Status::Returned => Self::Returned,
            Status::Approved => Self::Approved,
            Status::Posted => Self::Posted,
            Status::TakenDown => Self::TakenDown,
            Status::Closed => Self::Closed,
        }
    }
}

impl From<StatusDto> for Status {
    fn from(s: StatusDto) -> Self {
        match s {
            StatusDto::Draft => Self::Draft,
            StatusDto::Pending => Self::Pending,
            StatusDto::Returned => Self::Returned,
            StatusDto::Approved => Self::Approved,
            StatusDto::Posted => Self::Posted,
            StatusDto::TakenDown => Self::TakenDown,
            StatusDto::Closed => Self::Closed,
        }
    }
}

/// A status for a filter list: its code and the domain's label.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StatusOptionDto {
    pub code: StatusDto,
    pub label: String,
}

impl StatusOptionDto {
    pub fn all() -> Vec<Self> {
        Status::ALL
            .into_iter()
            .map(|s| Self {
                code: s.into(),
                label: s.label().into(),
            })
            .collect()
    }
}

/// A workflow step the item can take now (`StepDto`'s `action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionDto {
    Submit,
    Review,
    Approve,
    Return,
    Post,
    TakeDown,
    Close,
    Revise,
}

impl ActionDto {
    /// Editing is not a step button (the editor is open while editable).
    fn of(a: Action) -> Option<Self> {
        Some(match a {
            Action::Edit => return None,
            Action::Submit => Self::Submit,
            Action::Review => Self::Review,
            Action::Approve => Self::Approve,
            Action::Return => Self::Return,
            Action::Post => Self::Post,
            Action::TakeDown => Self::TakeDown,
            Action::Close => Self::Close,
            Action::Revise => Self::Revise,
        })
    }

    /// The steps the domain allows from `status`, first the usual one.
    pub fn steps(status: Status) -> Vec<Self> {
        gongshi_app::domain::workflow::steps(status)
            .into_iter()
            .filter_map(Self::of)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_domains_codes() {
        for s in Status::ALL {
            let json = serde_json::to_value(StatusDto::from(s)).unwrap();
            assert_eq!(json, s.code());
            assert_eq!(Status::from(StatusDto::from(s)), s);
        }
        for a in Action::STEPS {
            let dto = ActionDto::of(a).unwrap();
            assert_eq!(serde_json::to_value(dto).unwrap(), a.code());
        }
    }
}
