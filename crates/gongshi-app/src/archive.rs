//! The sheets archived when they were printed for the board, byte for byte
//! with their SHA-256: an item's listed per revision, any taken out as a PDF file to
//! look at, checked against the digest recorded when they were printed.

use std::path::{Path, PathBuf};

use gongshi_domain::FieldError;
use gongshi_store::{PrintedSheet, Store};
use sha2::{Digest, Sha256};

use crate::{Result, output};

/// The SHA-256 of `bytes`, as the archive records it (lowercase hex).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The sheets archived for one revision, oldest first.
pub fn sheets(store: &Store, revision_id: i64) -> Result<Vec<PrintedSheet>> {
    Ok(store.printed_sheets(revision_id)?)
}

/// Writes the archived PDF `sheet_id` into `dir` (as
/// `存档-<id>-<digest>.pdf`) after checking it still matches its recorded
/// SHA-256; returns where. An altered archive is refused, never shown.
pub fn take_out(store: &Store, sheet_id: i64, dir: &Path) -> Result<PathBuf> {
    let sheet = store
        .printed_sheet(sheet_id)?
        .ok_or_else(|| FieldError::new("存档", format!("没有编号为{sheet_id}的存档稿")))?;
    let pdf = store.printed_pdf(sheet_id)?;
    if sha256_hex(&pdf) != sheet.sha256 {
        return Err(FieldError::new(
            "存档",
            format!(
                "{}打印的存档稿与当时记录的SHA-256不符，数据文件可能被改动过。",
                sheet.printed_on
            ),
        )
        .into());
    }
    let path = dir.join(format!("存档-{sheet_id}-{}.pdf", &sheet.sha256[..12]));
    output::write_into(dir, &path, &pdf)?;
    Ok(path)
}
