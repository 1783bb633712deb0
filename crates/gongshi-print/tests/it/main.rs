//! The engine end to end: real PDFs read back with pdftotext, pdffonts and
//! pdfinfo (poppler-utils), real xlsx read back with calamine.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod pdf;
mod picture;
mod privacy;
mod typesetting;
mod xlsx;

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDate};
use gongshi_print::Allowlist;
use gongshi_print::specimen::SpecimenSchool;

pub fn school() -> SpecimenSchool {
    SpecimenSchool::sample()
}

pub fn allow() -> Allowlist {
    school().allowlist()
}

pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub fn created() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T09:30:00+08:00").unwrap()
}

/// Runs a poppler tool on `pdf` (written to a temp file) and returns stdout.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    run(tool, args, &path)
}

fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed (poppler-utils; cargo xtask setup --test): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
