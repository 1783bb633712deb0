//! Printing jobs that every area shares: the privacy allowlist from the
//! school profile, a job's sheets as a PDF or as pictures ([`Printable`]),
//! and the engine's specimen sheet (`gongshi print demo`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use gongshi_domain::SchoolProfile;
use gongshi_domain::privacy::Allowlist;

use gongshi_print::picture::PictureOptions;
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

/// A job's sheets, ready to be a PDF or pictures: both pass the same
/// privacy scan with the same allowlist, from the same layout.
#[derive(Debug, Clone)]
pub struct Printable {
    /// What its files are called, without extension (2026年秋季学期收费公示):
    /// the PDF's default name, and the pictures'.
    pub name: String,
    pub doc: Document,
    pub allow: Allowlist,
    /// Set on a school's own sheet for the board (收费公示, 反馈答复公示):
    /// what its 核验码 names ([`crate::verification::post`]
    /// stamps and archives it when it is printed). Items' sheets are
    /// stamped by the weekly print.
    pub posting: Option<crate::verification::Posting>,
}

impl Printable {
    pub fn pdf(&self) -> Result<Vec<u8>> {
        Ok(gongshi_print::render_pdf(&self.doc, &self.allow)?)
    }

    /// The 核验码 printed on its sheets (a batch has one a sheet), in order.
    pub fn codes(&self) -> Vec<&str> {
        self.doc
            .sheets
            .iter()
            .filter_map(|sheet| {
                sheet.blocks.iter().find_map(|b| match b {
                    gongshi_print::sheet::Block::Closing(c) => c.verification.as_deref(),
                    _ => None,
                })
            })
            .collect()
    }

    /// The 核验码 of a one-sheet job readied for the board.
    pub fn code(&self) -> Option<&str> {
        self.codes().first().copied()
    }

    /// PNG pictures of the pages (one a page, or one tall one).
    pub fn pictures(&self, options: PictureOptions) -> Result<Vec<Vec<u8>>> {
        Ok(gongshi_print::render_png(&self.doc, &self.allow, options)?)
    }
}

/// Writes pictures into `dir` (made if missing) as `stem.png`, or
/// `stem-第01页.png`… when there are several (numbered to sort in order);
/// each whole or not at all.
pub fn save_pictures(dir: &Path, stem: &str, pictures: &[Vec<u8>]) -> Result<Vec<PathBuf>> {
    let digits = pictures.len().to_string().len();
    pictures
        .iter()
        .enumerate()
        .map(|(i, png)| {
            let name = if pictures.len() == 1 {
                format!("{stem}.png")
            } else {
                format!("{stem}-第{:0digits$}页.png", i + 1)
            };
            let path = dir.join(name);
            crate::output::write_into(dir, &path, png)?;
            Ok(path)
        })
        .collect()
}

/// The fee-like specimen sheet for `school` (the demo school by default),
/// as PDF bytes. It passes the privacy scan like every sheet.
pub fn demo_sheet(
    school: Option<&SchoolProfile>,
    paper: Paper,
    now: DateTime<FixedOffset>,
) -> Result<Vec<u8>> {
    demo_printable(school, paper, now).pdf()
}

/// The specimen sheet, to print or picture.
pub fn demo_printable(
    school: Option<&SchoolProfile>,
    paper: Paper,
    now: DateTime<FixedOffset>,
) -> Printable {
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
    Printable {
        name: "打印样张".into(),
        doc,
        allow: allowlist(school),
        posting: None,
    }
}
