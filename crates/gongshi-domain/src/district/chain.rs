//! The school's records as a chain: record n carries its number, its
//! content, the school's audit-chain head when it was made and the hash
//! of record n−1, all sealed by its own SHA-256. The server holds what it
//! received and judges each arrival against it: the same record again is
//! a no-op (a retry after a lost acknowledgement), a record may come
//! before its elders (the gap shows until it is filled), and one that
//! does not follow from its held neighbours is refused, saying where.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Body;

/// The `prev` of the first record.
pub const GENESIS: &str = "";

/// The highest number a record may have.
pub const MAX_SEQ: i64 = 1_000_000_000;

/// How far ahead of the highest held a record may be: a school makes a few
/// hundred a year, so a record further ahead is a mistake or an attack
/// (and would show as an endless gap).
pub const MAX_AHEAD: i64 = 10_000;

/// One record as sent: the school's sequence number, the exact form of
/// its body and the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub seq: i64,
    pub body: String,
    /// The school's audit chain (`audit_log.hash`) when it was made.
    pub audit_head: String,
    pub prev: String,
    pub hash: String,
}

/// The seal of a record's fields, each length-prefixed so that no two
/// different records read the same.
pub fn seal(seq: i64, body: &str, audit_head: &str, prev: &str) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(&seq.to_le_bytes());
    field(body.as_bytes());
    field(audit_head.as_bytes());
    field(prev.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Record {
    /// The record following one whose hash is `prev`.
    pub fn sealed(seq: i64, body: String, audit_head: String, prev: String) -> Self {
        let hash = seal(seq, &body, &audit_head, &prev);
        Self {
            seq,
            body,
            audit_head,
            prev,
            hash,
        }
    }
}

/// What the server already holds around a record.
#[derive(Debug, Clone, Copy, Default)]
pub struct Held<'a> {
    /// The hash of the record held at the same number.
    pub same: Option<&'a str>,
    /// The hash of record n−1.
    pub before: Option<&'a str>,
    /// The `prev` of record n+1.
    pub after_prev: Option<&'a str>,
    /// The number of a record held with the same subject (the same
    /// posting sent again under another number).
    pub subject_at: Option<i64>,
    /// The highest number held of the school (0: none).
    pub highest: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Not held before, and it follows from what is.
    New(Body),
    /// Held already, exactly so.
    Duplicate,
    Refused(Refusal),
}

/// Why a record was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A number below 1 or above [`MAX_SEQ`].
    Number,
    /// The same disclosure held already under another number.
    Repeat(i64),
    /// The content does not match its own seal: changed after it was made.
    Seal,
    /// A different record is held at this number.
    Conflict,
    /// Record 1 not starting the chain.
    Start,
    /// It does not follow from the record before it.
    Before,
    /// The record after it, held, does not follow from it.
    After,
    /// The body is not a record this server reads.
    Body(String),
}

impl Refusal {
    /// 学校…第n条：why, in the bureau's words.
    pub fn message(&self, seq: i64) -> String {
        match self {
            Refusal::Number => {
                format!("序号{seq}无效：应从1起，且不超过已收到的最大序号加{MAX_AHEAD}")
            }
            Refusal::Repeat(at) => format!("第{seq}条与已收到的第{at}条是同一项公开，不重复收录"),
            Refusal::Seal => format!("第{seq}条的内容与其校验值不符：记录在发出前或途中被改动过"),
            Refusal::Conflict => format!("第{seq}条已收到过，内容不同：同一序号不能有两份记录"),
            Refusal::Start => format!("第{seq}条是第一条，却接在别的记录之后"),
            Refusal::Before => format!("第{seq}条接不上已收到的第{}条：链在此断开", seq - 1),
            Refusal::After => format!("已收到的第{}条接不上第{seq}条：链在此断开", seq + 1),
            Refusal::Body(why) => format!("第{seq}条的内容无法读取：{why}"),
        }
    }

    /// A short code for the stored report (seal, conflict…).
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Number => "number",
            Refusal::Repeat(_) => "repeat",
            Refusal::Seal => "seal",
            Refusal::Conflict => "conflict",
            Refusal::Start => "start",
            Refusal::Before => "before",
            Refusal::After => "after",
            Refusal::Body(_) => "body",
        }
    }
}

/// Judges a record against what is held around it.
pub fn judge(record: &Record, held: Held<'_>) -> Verdict {
    let refused = Verdict::Refused;
    let limit = MAX_SEQ.min(held.highest.saturating_add(MAX_AHEAD));
    if !(1..=limit).contains(&record.seq) {
        return refused(Refusal::Number);
    }
    if seal(record.seq, &record.body, &record.audit_head, &record.prev) != record.hash {
        return refused(Refusal::Seal);
    }
    if let Some(same) = held.same {
        return if same == record.hash {
            Verdict::Duplicate
        } else {
            refused(Refusal::Conflict)
        };
    }
    if record.seq == 1 && record.prev != GENESIS {
        return refused(Refusal::Start);
    }
    if held.before.is_some_and(|before| before != record.prev) {
        return refused(Refusal::Before);
    }
    if held.after_prev.is_some_and(|after| after != record.hash) {
        return refused(Refusal::After);
    }
    match Body::from_form(&record.body) {
        Ok(_) if held.subject_at.is_some_and(|at| at != record.seq) => {
            refused(Refusal::Repeat(held.subject_at.unwrap_or_default()))
        }
        Ok(body) => Verdict::New(body),
        Err(e) => refused(Refusal::Body(e.to_string())),
    }
}
