//! Settings: the school profile and the people working in the store.

use gongshi_domain::{OperatorName, SchoolProfile};
use gongshi_store::{Operator, Store};

use crate::Result;

/// Saves the profile as `operator`; a demo school stays marked as a demo.
pub fn save_school(
    store: &mut Store,
    operator: &OperatorName,
    mut profile: SchoolProfile,
) -> Result<SchoolProfile> {
    profile.is_demo = store.school()?.is_some_and(|s| s.is_demo);
    Ok(store.write(operator, |w| w.save_school(profile))?)
}

/// Records that `operator` is now working (added if new).
pub fn sign_in(store: &mut Store, operator: &OperatorName) -> Result<()> {
    Ok(store.write(operator, |_| Ok(()))?)
}

pub fn operators(store: &Store) -> Result<Vec<Operator>> {
    Ok(store.operators()?)
}
