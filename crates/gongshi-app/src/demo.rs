//! The demo school (示例): realistic data to try every area with. It is
//! marked as a demo in the store, so every screen and sheet can say so.
//! Each area adds its own demo data here as it arrives.

use gongshi_domain::{OperatorName, SchoolProfile};
use gongshi_store::Writer;

use crate::Result;

pub const DEMO_SCHOOL_NAME: &str = "阳光市实验小学（示例）";

/// The people of the demo school: office clerk, principal, supervision group.
pub const DEMO_OPERATORS: &[&str] = &["王静（办公室）", "李新义（校长）", "赵敏（监督小组）"];

pub fn demo_school() -> SchoolProfile {
    SchoolProfile {
        name: DEMO_SCHOOL_NAME.into(),
        address: "阳光市城关区人民路128号".into(),
        principal: "李新义".into(),
        office_phone: "0371-6523 8001".into(),
        supervision_phone: "0371-6523 8002".into(),
        complaint_phone: "0371-6890 1234".into(),
        hotlines: vec!["12345".into(), "12315".into()],
        is_demo: true,
    }
}

/// Fills a fresh store with the demo school. Each demo operator is signed
/// in once so the operator picker has them.
pub(crate) fn seed(store: &mut gongshi_store::Store, operator: &OperatorName) -> Result<()> {
    for name in DEMO_OPERATORS {
        let demo_operator = OperatorName::parse(name)?;
        store.write(&demo_operator, |_: &Writer<'_>| Ok(()))?;
    }
    store.write(operator, |w| w.save_school(demo_school()))?;
    Ok(())
}
