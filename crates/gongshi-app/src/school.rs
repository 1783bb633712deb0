//! Settings: the school profile, its three groups, and the people working
//! in the store.

use gongshi_domain::duties::Duties;
use gongshi_domain::grades::SchoolGrades;
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

/// The profile, or `None` before the school is set up.
pub fn profile(store: &Store) -> Result<Option<SchoolProfile>> {
    Ok(store.school()?)
}

/// The profile, for a job that prints it: refused, saying where to fill it
/// in, before the school is set up.
pub fn required(store: &Store) -> Result<SchoolProfile> {
    Ok(store.school()?.ok_or_else(|| {
        gongshi_domain::FieldError::new("学校名称", gongshi_domain::school::fill_in_first())
    })?)
}

/// The grades the school has (all twelve before the school is set up).
pub fn grades(store: &Store) -> Result<SchoolGrades> {
    Ok(store.school()?.map(|s| s.grades).unwrap_or_default())
}

/// The three groups' members and whether the review steps are kept apart.
pub fn duties(store: &Store) -> Result<Duties> {
    Ok(store.duties()?)
}

/// Replaces the groups' members (and the relaxation; the store logs both).
pub fn save_duties(store: &mut Store, operator: &OperatorName, duties: Duties) -> Result<Duties> {
    Ok(store.write(operator, |w| w.save_duties(duties))?)
}

/// Records that `operator` is now working (added if new).
pub fn sign_in(store: &mut Store, operator: &OperatorName) -> Result<()> {
    Ok(store.write(operator, |_| Ok(()))?)
}

pub fn operators(store: &Store) -> Result<Vec<Operator>> {
    Ok(store.operators()?)
}
