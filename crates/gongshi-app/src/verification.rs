//! 核验公示: every sheet printed for the board carries a 核验码 (and its QR
//! code) naming this store, what the sheet is (an item's revision, a
//! semester's 收费公示, the 反馈答复公示), and a digest of what it says;
//! given a code typed or scanned, [`verify`] finds the archived sheet and
//! what it said, or says plainly why the code is not genuine.

use chrono::NaiveDate;
use gongshi_domain::calendar::Period;
use gongshi_domain::verify_code::{Subject, VerifyCode, digest_mark, store_mark};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_print::sheet::{Block, Sheet};
use gongshi_store::{BoardPrint, PrintOf, PrintedSheet, Store};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::Result;
use crate::printing::Printable;

/// A school's own sheet for the board: what its 核验码 names and the
/// posting period it states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub subject: Subject,
    pub period: Option<Period>,
}

/// The mark of this store's codes (their first part).
pub fn store_mark_of(store: &Store) -> Result<String> {
    Ok(store_mark(&store.store_key()?))
}

/// The digest of what `sheets` say: the text of their pages as laid out
/// (the 核验码 itself not yet on them), a line each.
fn digest<'a>(sheets: impl IntoIterator<Item = &'a Sheet>) -> String {
    let mut hasher = Sha256::new();
    for sheet in sheets {
        for page in gongshi_print::layout::layout(sheet) {
            for line in page.text_lines() {
                hasher.update(line.as_bytes());
                hasher.update(b"\n");
            }
        }
    }
    digest_mark(&hasher.finalize())
}

/// Puts `code` on the closing of `sheet`; false if it has none.
fn put_on(code: &str, sheet: &mut Sheet) -> bool {
    let closing = sheet.blocks.iter_mut().find_map(|b| match b {
        Block::Closing(c) => Some(c),
        _ => None,
    });
    closing
        .map(|c| c.verification = Some(code.to_owned()))
        .is_some()
}

/// Puts the 核验码 of `sheet` (revision `number` of item `item`) on its
/// closing, and returns it. A sheet without a closing gets none.
pub fn stamp(mark: &str, item: i64, number: i64, sheet: &mut Sheet) -> Option<String> {
    let code = VerifyCode {
        store: mark.to_owned(),
        subject: Subject::Item(item),
        revision: number,
        digest: digest([&*sheet]),
    }
    .to_string();
    put_on(&code, sheet).then_some(code)
}

/// A sheet readied for the board: stamped with its 核验码, its archive
/// row waiting until the files are written ([`ForBoard::archive`]), so a
/// print that fails to write leaves the store as it was.
pub struct ForBoard {
    pub sheets: Printable,
    pending: Option<Pending>,
}

/// The archive row of a school's own sheet, not yet stored.
struct Pending {
    subject: String,
    period: Option<Period>,
    code: String,
    pdf: Vec<u8>,
    printed_on: NaiveDate,
}

impl ForBoard {
    /// The PDF as printed: the one rendered for the archive when there is
    /// one (not drawn twice).
    pub fn pdf(&self) -> Result<Vec<u8>> {
        match &self.pending {
            Some(p) => Ok(p.pdf.clone()),
            None => self.sheets.pdf(),
        }
    }

    /// Archives the sheet as printed (once for what it says) and returns it.
    pub fn archive(self, store: &mut Store, op: &OperatorName) -> Result<Printable> {
        if let Some(p) = &self.pending {
            let sha256 = crate::archive::sha256_hex(&p.pdf);
            // A fee schedule's board is its publication: the district's too.
            let published =
                crate::district::bodies::own_sheet(store, &p.subject, p.printed_on, &sha256)?;
            store.write(op, |w| {
                if let Some(body) = &published {
                    w.enqueue_district(body)?;
                }
                w.archive_sheet(&BoardPrint {
                    of: PrintOf::Own {
                        subject: &p.subject,
                        title: &self.sheets.doc.title,
                    },
                    printed_on: p.printed_on,
                    period_start: p.period.map(|p| p.start),
                    period_end: p.period.map(|p| p.end),
                    sha256: &sha256,
                    code: &p.code,
                    pdf: &p.pdf,
                })
                .map(|_| ())
            })?;
        }
        Ok(self.sheets)
    }
}

/// Readies a sheet for the board as printed: a school's own sheet
/// ([`Printable::posting`]) gets its 核验码, to be archived once for what
/// it says (printed again saying the same, it keeps its code and the first
/// archived copy stands; saying something else, it is the next printing).
/// Anything else is returned as it is, with nothing to archive.
pub fn ready(store: &Store, sheets: Printable, today: NaiveDate) -> Result<ForBoard> {
    let Some(posting) = sheets.posting else {
        return Ok(ForBoard {
            sheets,
            pending: None,
        });
    };
    let mut sheets = sheets;
    let subject = posting.subject.to_string();
    let digest = digest(&sheets.doc.sheets);
    let printed: Vec<VerifyCode> = store
        .printed_codes(&subject)?
        .iter()
        .filter_map(|c| VerifyCode::parse(c).ok())
        .collect();
    let again = printed.iter().find(|c| c.digest == digest).cloned();
    let code = again
        .clone()
        .unwrap_or(VerifyCode {
            store: store_mark_of(store)?,
            subject: posting.subject,
            revision: printed.iter().map(|c| c.revision).max().unwrap_or(0) + 1,
            digest,
        })
        .to_string();
    for sheet in &mut sheets.doc.sheets {
        put_on(&code, sheet);
    }
    let pending = match again {
        Some(_) => None,
        None => Some(Pending {
            subject,
            period: posting.period,
            pdf: sheets.pdf()?,
            code,
            printed_on: today,
        }),
    };
    Ok(ForBoard { sheets, pending })
}

/// [`ready`] and [`ForBoard::archive`] at once, for a job that writes
/// nothing itself.
pub fn post(
    store: &mut Store,
    op: &OperatorName,
    sheets: Printable,
    today: NaiveDate,
) -> Result<Printable> {
    ready(store, sheets, today)?.archive(store, op)
}

/// What the archive holds for a genuine code.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub code: String,
    /// What the sheet is: 公开事项, 收费公示, 反馈答复公示.
    pub kind: &'static str,
    /// Which sheet of its kind, as a clerk would say it: 财务，事项编号15，
    /// 第2版 — or 第1次印发 for the school's own sheets.
    pub described: String,
    /// The item and its revision (an item's sheet only).
    pub item_id: Option<i64>,
    pub revision_id: Option<i64>,
    /// The item's revision number, or the printing of an own sheet.
    pub revision: i64,
    pub title: String,
    /// The posting period the sheet states (its first day and, once
    /// posted, the last).
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub printed_on: NaiveDate,
    pub printed_by: Option<String>,
    /// The archived sheet to hold the paper against (checked against the
    /// SHA-256 recorded when it was printed).
    pub sheet_id: i64,
    /// The item's newest revision, when it is later than this one: the
    /// sheet was corrected (更正稿) since.
    pub corrected_by: Option<i64>,
}

fn refuse(message: String) -> crate::AppError {
    FieldError::new("核验码", message).into()
}

/// Checks a 核验码 as typed or scanned against this store's archive.
pub fn verify(store: &Store, typed: &str) -> Result<Verified> {
    let code = VerifyCode::parse(typed)?;
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
    // An archive that no longer matches what was recorded proves nothing:
    // the store itself was altered.
    let pdf = store.printed_pdf(sheet.id)?;
    if crate::archive::sha256_hex(&pdf) != sheet.sha256 {
        return Err(refuse(format!(
            "无法核验“{code}”：本校存档的这份张贴稿与打印时记录的SHA-256不符，数据文件可能被改动过。请检查修改记录（设置 → 备份与恢复；命令行：gongshi audit verify），必要时用备份恢复"
        )));
    }
    let verified = Verified {
        code: code.to_string(),
        kind: code.subject.kind(),
        described: format!("第{}次印发", code.revision),
        item_id: None,
        revision_id: None,
        revision: code.revision,
        title: sheet.title.clone().unwrap_or_default(),
        period_start: sheet.period_start,
        period_end: sheet.period_end,
        printed_on: sheet.printed_on,
        printed_by: sheet.printed_by.clone(),
        sheet_id: sheet.id,
        corrected_by: None,
    };
    match (code.subject, sheet.revision_id) {
        (Subject::Item(item), Some(revision_id)) => {
            of_item(store, item, revision_id, &sheet, verified)
        }
        _ => Ok(verified),
    }
}

/// What [`verify`] says of an item's sheet: the item and revision as they
/// stand, and whether a 更正稿 followed.
fn of_item(
    store: &Store,
    item: i64,
    revision_id: i64,
    sheet: &PrintedSheet,
    verified: Verified,
) -> Result<Verified> {
    let rev = store
        .revision(revision_id)?
        .ok_or_else(|| refuse(format!("“{}”的存档稿找不到它的事项", verified.code)))?;
    let newest = store
        .item_revisions(item)?
        .iter()
        .map(|r| i64::from(r.number))
        .max()
        .filter(|n| *n > verified.revision);
    Ok(Verified {
        described: format!(
            "{}，事项编号{item}，第{}版",
            rev.category.label(),
            verified.revision
        ),
        item_id: Some(item),
        revision_id: Some(rev.id),
        title: rev.content.title.clone(),
        period_start: rev.period.map(|p| p.start).or(sheet.period_start),
        period_end: rev.period.map(|p| p.end).or(sheet.period_end),
        corrected_by: newest,
        ..verified
    })
}

/// Why no archived sheet has `code`: what it names does not exist, or it
/// does and what was printed said something else.
fn not_found(store: &Store, code: &VerifyCode) -> Result<String> {
    let Subject::Item(item) = code.subject else {
        return own_not_found(store, code);
    };
    let revisions = store.item_revisions(item)?;
    if revisions.is_empty() {
        return Ok(format!(
            "本数据文件里没有编号为{item}的事项：“{code}”可能抄错了，也可能是伪造的"
        ));
    }
    let Some(rev) = revisions
        .iter()
        .find(|r| i64::from(r.number) == code.revision)
    else {
        return Ok(format!(
            "事项{item}没有第{}版：“{code}”可能抄错了，也可能是伪造的",
            code.revision
        ));
    };
    if store.printed_sheets(rev.id)?.is_empty() {
        // Never printed: nothing of it is shown.
        return Ok(format!(
            "事项{item}第{}版没有打印过张贴稿：“{code}”可能抄错了，也可能是伪造的",
            code.revision
        ));
    }
    Ok(mismatch(
        &format!("事项{item}第{}版“{}”", code.revision, rev.content.title),
        code,
    ))
}

/// [`not_found`] for a school's own sheet: never printed that many times,
/// or printed saying something else.
fn own_not_found(store: &Store, code: &VerifyCode) -> Result<String> {
    let printed = store.printed_codes(&code.subject.to_string())?;
    let that = printed
        .iter()
        .filter_map(|c| VerifyCode::parse(c).ok())
        .any(|c| c.revision == code.revision);
    if !that {
        return Ok(format!(
            "本数据文件没有印发过第{}次{}（{}）：“{code}”可能抄错了，也可能是伪造的",
            code.revision,
            code.subject.kind(),
            code.subject
        ));
    }
    Ok(mismatch(
        &format!("第{}次印发的{}", code.revision, code.subject.kind()),
        code,
    ))
}

fn mismatch(which: &str, code: &VerifyCode) -> String {
    format!(
        "与存档不符：{which}的张贴稿存档里没有内容摘要为“{}”的一份。纸上的内容可能被改过，或核验码抄错了；请对照存档原件核对",
        code.digest
    )
}
