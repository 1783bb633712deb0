//! 核验公示: every sheet printed for the board carries a 核验码 (and its QR
//! code) naming this store, the item, the revision and a digest of what the
//! sheet says; given a code typed or scanned, [`verify`] finds the archived
//! sheet and what it said, or says plainly why the code is not genuine.

use chrono::NaiveDate;
use gongshi_domain::FieldError;
use gongshi_domain::verify_code::{VerifyCode, digest_mark, store_mark};
use gongshi_print::sheet::{Block, Sheet};
use gongshi_store::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::Result;

/// The mark of this store's codes (their first part).
pub fn store_mark_of(store: &Store) -> Result<String> {
    Ok(store_mark(&store.store_key()?))
}

/// The digest of what `sheet` says: the text of its pages as laid out
/// (the 核验码 itself not yet on it), a line each.
fn digest(sheet: &Sheet) -> String {
    let mut hasher = Sha256::new();
    for page in gongshi_print::layout::layout(sheet) {
        for line in page.text_lines() {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
    }
    digest_mark(&hasher.finalize())
}

/// Puts the 核验码 of `sheet` (revision `number` of item `item`) on its
/// closing, and returns it. A sheet without a closing gets none.
pub fn stamp(mark: &str, item: i64, number: i64, sheet: &mut Sheet) -> Option<String> {
    let code = VerifyCode {
        store: mark.to_owned(),
        item,
        revision: number,
        digest: digest(sheet),
    }
    .to_string();
    let closing = sheet.blocks.iter_mut().find_map(|b| match b {
        Block::Closing(c) => Some(c),
        _ => None,
    })?;
    closing.verification = Some(code.clone());
    Some(code)
}

/// What the archive holds for a genuine code.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub code: String,
    pub item_id: i64,
    pub revision: i64,
    pub revision_id: i64,
    pub title: String,
    pub category: &'static str,
    /// The posting period the sheet states (its first day and, once
    /// posted, the last).
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub printed_on: NaiveDate,
    pub printed_by: Option<String>,
    /// The archived sheet to hold the paper against.
    pub sheet_id: i64,
    /// Whether the archived PDF still matches the SHA-256 recorded when it
    /// was printed (if not, the store itself was altered).
    pub archive_intact: bool,
    /// The item's newest revision, when it is later than this one: the
    /// sheet was corrected (更正稿) since.
    pub corrected_by: Option<i64>,
}

/// Checks a 核验码 as typed or scanned against this store's archive.
pub fn verify(store: &Store, typed: &str) -> Result<Verified> {
    let code = VerifyCode::parse(typed)?;
    let refuse =
        |message: String| -> crate::AppError { FieldError::new("核验码", message).into() };
    let ours = store_mark_of(store)?;
    if code.store != ours {
        return Err(refuse(format!(
            "“{code}”不是用本数据文件打印的：本校打印的核验码以“{ours}”开头，这个以“{}”开头。它可能是别的学校的公示，也可能是伪造的",
            code.store
        )));
    }
    let Some(sheet) = store
        .printed_with_code(&code.to_string())?
        .into_iter()
        .next()
    else {
        return Err(refuse(not_found(store, &code)?));
    };
    let rev = store
        .revision(sheet.revision_id)?
        .ok_or_else(|| refuse(format!("“{code}”的存档稿找不到它的事项")))?;
    let pdf = store.printed_pdf(sheet.id)?;
    let newest = store
        .item_revisions(code.item)?
        .iter()
        .map(|r| i64::from(r.number))
        .max()
        .filter(|n| *n > code.revision);
    Ok(Verified {
        corrected_by: newest,
        code: code.to_string(),
        item_id: code.item,
        revision: code.revision,
        revision_id: rev.id,
        title: rev.content.title.clone(),
        category: rev.category.label(),
        period_start: rev.period.map(|p| p.start).or(sheet.period_start),
        period_end: rev.period.map(|p| p.end),
        printed_on: sheet.printed_on,
        printed_by: sheet.printed_by,
        sheet_id: sheet.id,
        archive_intact: crate::archive::sha256_hex(&pdf) == sheet.sha256,
    })
}

/// Why no archived sheet has `code`: the item or revision does not exist,
/// or it does and what was printed said something else.
fn not_found(store: &Store, code: &VerifyCode) -> Result<String> {
    let revisions = store.item_revisions(code.item)?;
    if revisions.is_empty() {
        return Ok(format!(
            "本数据文件里没有编号为{}的事项：“{code}”可能抄错了，也可能是伪造的",
            code.item
        ));
    }
    let Some(rev) = revisions
        .iter()
        .find(|r| i64::from(r.number) == code.revision)
    else {
        return Ok(format!(
            "事项{}没有第{}版：“{code}”可能抄错了，也可能是伪造的",
            code.item, code.revision
        ));
    };
    if store.printed_sheets(rev.id)?.is_empty() {
        // Never printed: nothing of it is shown.
        return Ok(format!(
            "事项{}第{}版没有打印过张贴稿：“{code}”可能抄错了，也可能是伪造的",
            code.item, code.revision
        ));
    }
    Ok(format!(
        "与存档不符：事项{}第{}版“{}”的张贴稿存档里没有内容摘要为“{}”的一份。纸上的内容可能被改过，或核验码抄错了；请对照存档原件核对",
        code.item, code.revision, rev.content.title, code.digest
    ))
}
