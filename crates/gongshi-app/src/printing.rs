//! Printing jobs that every area shares: the privacy allowlist from the
//! school profile, and the engine's specimen sheet (`gongshi print demo`).

use chrono::{DateTime, FixedOffset};
use gongshi_domain::SchoolProfile;
use gongshi_domain::privacy::Allowlist;

use gongshi_print::sheet::{Document, Paper};
use gongshi_print::specimen::{self, SpecimenSchool};

use crate::{Result, demo};

/// The phones that may print: everything typed into the school's phone
/// fields, and the hotlines.
pub fn allowlist(school: &SchoolProfile) -> Allowlist {
    allowlist_with(school, std::iter::empty::<&str>())
}

/// The school's phones and address, and `phones` of the sheet's own phone
/// fields (a fee item's inquiry phone): what the privacy scan lets print.
pub fn allowlist_with<S: AsRef<str>>(
    school: &SchoolProfile,
    phones: impl IntoIterator<Item = S>,
) -> Allowlist {
    let school_phones = school.printable_phones().map(String::as_str);
    let extra: Vec<String> = phones.into_iter().map(|p| p.as_ref().to_owned()).collect();
    Allowlist::new(school_phones.chain(extra.iter().map(String::as_str)))
        .with_places([school.address.as_str()])
}

fn specimen_school(school: &SchoolProfile) -> SpecimenSchool {
    SpecimenSchool {
        name: school.name.clone(),
        office_phone: school.office_phone.clone(),
        supervision_phone: school.supervision_phone.clone(),
        complaint_phone: school.complaint_phone.clone(),
        hotlines: school.hotlines.clone(),
    }
}

/// The fee-like specimen sheet for `school` (the demo school by default),
/// as PDF bytes. It passes the privacy scan like every sheet.
pub fn demo_sheet(
    school: Option<&SchoolProfile>,
    paper: Paper,
    now: DateTime<FixedOffset>,
) -> Result<Vec<u8>> {
    let demo = demo::demo_school();
    let school = school.unwrap_or(&demo);
    let doc = Document {
        title: format!("{}收费公示（样张）", school.name),
        author: school.name.clone(),
        created: now,
        sheets: vec![specimen::board_sheet(
            &specimen_school(school),
            paper,
            now.date_naive(),
        )],
    };
    Ok(gongshi_print::render_pdf(&doc, &allowlist(school))?)
}
