//! Integration tests of the store against real SQLite files.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod audit;
mod backup;
mod district;
mod items;
mod open;
mod people;
mod school;

use gongshi_domain::{OperatorName, SchoolProfile};

pub fn clerk() -> OperatorName {
    OperatorName::parse("王老师").unwrap()
}

pub fn profile(name: &str) -> SchoolProfile {
    SchoolProfile {
        name: name.into(),
        address: "阳光市人民路1号".into(),
        principal: "李新义".into(),
        office_phone: "0371-65238888".into(),
        supervision_phone: "0371-65238000".into(),
        complaint_phone: "0371-12345678".into(),
        hotlines: vec!["12345".into()],
        is_demo: false,
        grades: Default::default(),
    }
}
