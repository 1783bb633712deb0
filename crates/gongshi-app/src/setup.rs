//! Making a new store: the demo school or an empty one.

use std::path::Path;

use gongshi_domain::{OperatorName, SchoolProfile};
use gongshi_store::Store;

use crate::{Result, demo};

/// How a new store starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The demo school 示例, with data for every area.
    Demo,
    /// An empty school; with a name, the profile is saved at once.
    Empty { school_name: Option<String> },
}

/// Creates the store at `path` (refusing if a file is there) and fills it as
/// `start` says. If filling fails, the half-made file is removed.
pub fn create_store(path: &Path, start: &Start, operator: &OperatorName) -> Result<Store> {
    let mut store = Store::create(path)?;
    let filled = fill(&mut store, start, operator);
    if let Err(e) = filled {
        drop(store);
        let _ = std::fs::remove_file(path);
        for side in gongshi_store::backup::side_files(path) {
            let _ = std::fs::remove_file(side);
        }
        return Err(e);
    }
    Ok(store)
}

fn fill(store: &mut Store, start: &Start, operator: &OperatorName) -> Result<()> {
    match start {
        Start::Demo => demo::seed(store, operator),
        Start::Empty { school_name: None } => {
            store.write(operator, |_| Ok(()))?;
            Ok(())
        }
        Start::Empty {
            school_name: Some(name),
        } => {
            let profile = SchoolProfile {
                name: name.clone(),
                ..SchoolProfile::default()
            };
            store.write(operator, |w| w.save_school(profile))?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op() -> OperatorName {
        OperatorName::parse("王静").unwrap()
    }

    #[test]
    fn the_demo_store_has_the_marked_demo_school() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.sqlite3");
        let store = create_store(&path, &Start::Demo, &op()).unwrap();
        let school = store.school().unwrap().unwrap();
        assert!(school.is_demo);
        assert!(school.name.contains("示例"));
        assert!(store.operators().unwrap().len() >= 3);
        // Items in every state of the week, and feedback with an answer.
        assert!(store.item_count().unwrap() >= 4);
        assert!(store.feedback_count().unwrap() >= 1);
        // A semester's fees and class sizes for the letters.
        let fees = store
            .fee_schedule(crate::demo::DEMO_SEMESTER)
            .unwrap()
            .unwrap();
        assert_eq!(fees.items.len(), 6);
        assert_eq!(store.class_sizes().unwrap().len(), 6);
    }

    #[test]
    fn a_bad_name_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.sqlite3");
        let start = Start::Empty {
            school_name: Some("  ".into()),
        };
        let err = create_store(&path, &start, &op()).err().unwrap();
        assert!(err.to_string().contains("学校名称"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn an_empty_school_has_no_profile_yet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.sqlite3");
        let start = Start::Empty { school_name: None };
        let store = create_store(&path, &start, &op()).unwrap();
        assert_eq!(store.school().unwrap(), None);
    }
}
