//! The 核验码 printed on every sheet posted on the board (and in its QR
//! code): which store printed it, what the sheet is ([`Subject`]: an item
//! — an evaluation's 结果公示 is posted as one —, a semester's 收费公示,
//! the 反馈答复公示), which
//! revision or printing of it, and a digest of what the sheet said —
//! `K7Q2-15-2-8FJ3XK9P` (item 15, revision 2), `K7Q2-F3-1-…` (fee
//! schedule 3, first printing), `K7Q2-Q-4-…` (the fourth Q&A sheet). Typed by hand or by a USB
//! scanner (which types like a keyboard), so it is short, in one case, in
//! characters a QR code holds compactly, and read forgivingly: lower case,
//! spaces, the 核验码： label, O for 0 and I or L for 1 are all taken.

use std::fmt;

use crate::FieldError;

/// Crockford's base 32: no I, L, O or U, so nothing is read as another.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of the store's mark: 20 bits, one store in a million alike.
pub const STORE_CHARS: usize = 4;
/// Characters of the content digest: 40 bits.
pub const DIGEST_CHARS: usize = 8;

/// What a posted sheet is, as its code's second part names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A disclosure item's sheet (`15`); the code's third part is its
    /// revision's number (1 the first, 2 the first 更正稿…).
    Item(i64),
    /// A semester's 收费公示, by its schedule's id (`F3`).
    Fees(i64),
    /// The 反馈答复公示 (`Q`): of every published answer when printed.
    Answers,
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Item(id) => write!(f, "{id}"),
            Self::Fees(id) => write!(f, "F{id}"),
            Self::Answers => f.write_str("Q"),
        }
    }
}

impl Subject {
    /// Reads the code's second part as [`Display`](fmt::Display) writes it
    /// (lower case too); None if it is not one.
    pub fn parse(part: &str) -> Option<Self> {
        let upper = part.to_ascii_uppercase();
        match upper.split_at_checked(1)? {
            ("Q", "") => Some(Self::Answers),
            ("F", id) => positive(id).map(Self::Fees),
            _ => positive(&upper).map(Self::Item),
        }
    }

    /// The sheet's kind as a clerk calls it.
    pub fn kind(self) -> &'static str {
        match self {
            Self::Item(_) => "公开事项",
            Self::Fees(_) => "收费公示",
            Self::Answers => "反馈答复公示",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyCode {
    /// The store's mark ([`store_mark`]).
    pub store: String,
    pub subject: Subject,
    /// An item's revision number; the others' printing (1 the first sheet
    /// printed, 2 the next that said something else…).
    pub revision: i64,
    /// The first 40 bits of the SHA-256 of the sheet's text ([`digest_mark`]).
    pub digest: String,
}

impl fmt::Display for VerifyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{}-{}",
            self.store, self.subject, self.revision, self.digest
        )
    }
}

/// `bits` bits from the front of `bytes`, in base 32.
fn base32(bytes: &[u8], chars: usize) -> String {
    let mut out = String::with_capacity(chars);
    for i in 0..chars {
        let mut v = 0usize;
        for b in 0..5 {
            let bit = i * 5 + b;
            let byte = bytes.get(bit / 8).copied().unwrap_or(0);
            v = (v << 1) | usize::from((byte >> (7 - bit % 8)) & 1);
        }
        out.push(char::from(ALPHABET[v]));
    }
    out
}

/// A store's mark from its random key's bytes.
pub fn store_mark(key: &[u8]) -> String {
    base32(key, STORE_CHARS)
}

/// A sheet's digest mark from the SHA-256 of its text.
pub fn digest_mark(sha256: &[u8]) -> String {
    base32(sha256, DIGEST_CHARS)
}

/// One base-32 character as typed, read as Crockford reads it.
fn crockford(c: char) -> Option<char> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET.contains(&(c as u8)).then_some(c)
}

/// A positive number as typed (O read as 0, I and L as 1).
fn positive(part: &str) -> Option<i64> {
    let digits: Option<String> = part.chars().map(crockford).collect();
    digits
        .and_then(|d| d.parse::<i64>().ok())
        .filter(|n| *n > 0)
}

impl VerifyCode {
    /// Reads a code as typed or scanned. The message says what is wrong
    /// with it and what one looks like.
    pub fn parse(typed: &str) -> Result<Self, FieldError> {
        let bad = |why: &str| {
            FieldError::new(
                "核验码",
                format!("{why}。核验码印在公示的盖章处旁边，形如 K7Q2-15-2-8FJ3XK9P"),
            )
        };
        // Full-width letters and digits as half-width, any dash as '-';
        // spaces alone may part the four pieces (K7Q2 15 2 8FJ3XK9P).
        let half: String = typed
            .trim()
            .trim_start_matches("核验码")
            .trim_start_matches(['：', ':'])
            .chars()
            .map(|c| match c {
                '－' | '—' | '–' => '-',
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                c => c,
            })
            .collect();
        let text: String = if half.contains('-') {
            half.chars().filter(|c| !c.is_whitespace()).collect()
        } else {
            half.split_whitespace().collect::<Vec<_>>().join("-")
        };
        if text.is_empty() {
            return Err(bad("没有输入核验码"));
        }
        let parts: Vec<&str> = text.split('-').collect();
        let [store, subject, revision, digest] = parts[..] else {
            return Err(bad(&format!("“{typed}”不是核验码：应有四段，用“-”隔开")));
        };
        let mark = |part: &str, len: usize, what: &str| -> Result<String, FieldError> {
            let read: Option<String> = part.chars().map(crockford).collect();
            match read {
                Some(s) if s.len() == len => Ok(s),
                _ => Err(bad(&format!(
                    "核验码的{what}“{part}”不对：应是{len}位字母或数字"
                ))),
            }
        };
        let number = |part: &str, what: &str| -> Result<i64, FieldError> {
            positive(part).ok_or_else(|| bad(&format!("核验码的{what}“{part}”应是正整数")))
        };
        Ok(Self {
            store: mark(store, STORE_CHARS, "第一段")?,
            subject: Subject::parse(subject).ok_or_else(|| {
                bad(&format!(
                    "核验码的第二段“{subject}”不对：应是事项编号，或F加编号，或Q"
                ))
            })?,
            revision: number(revision, "第三段（版本）")?,
            digest: mark(digest, DIGEST_CHARS, "第四段")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code() -> VerifyCode {
        VerifyCode {
            store: store_mark(&[0xA5, 0x3C, 0x90]),
            subject: Subject::Item(15),
            revision: 2,
            digest: digest_mark(&[0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC]),
        }
    }

    #[test]
    fn a_code_prints_short_and_reads_back_however_typed() {
        let code = code();
        let printed = code.to_string();
        assert_eq!(printed, "MMY9-15-2-28T5CY4T");
        for typed in [
            printed.clone(),
            printed.to_lowercase(),
            format!("核验码：{printed}"),
            format!(" 核验码: {} ", printed.replace('-', " - ")),
            printed.replace('0', "O").replace('1', "l"),
            printed.replace('-', "－"),
            printed.replace('-', " "),
            "ＭＭＹ９－１５－２－２８Ｔ５ＣＹ４Ｔ".to_owned(),
        ] {
            assert_eq!(VerifyCode::parse(&typed).unwrap(), code, "{typed}");
        }
    }

    #[test]
    fn every_kind_of_sheet_reads_back_from_its_code() {
        for subject in [Subject::Item(7), Subject::Fees(3), Subject::Answers] {
            let code = VerifyCode { subject, ..code() };
            let printed = code.to_string();
            assert_eq!(VerifyCode::parse(&printed).unwrap(), code, "{printed}");
            assert_eq!(
                VerifyCode::parse(&printed.to_lowercase()).unwrap(),
                code,
                "{printed}"
            );
        }
        assert_eq!(
            VerifyCode {
                subject: Subject::Fees(3),
                ..code()
            }
            .to_string(),
            "MMY9-F3-2-28T5CY4T"
        );
    }

    #[test]
    fn a_wrong_code_says_what_is_wrong_with_it() {
        for (typed, says) in [
            ("", "没有输入"),
            ("MMY9-15-2", "四段"),
            ("MMY9-X-2-28T5CY4T", "第二段"),
            ("MMY9-F-2-28T5CY4T", "第二段"),
            ("MMY9-Q7-2-28T5CY4T", "第二段"),
            ("MMY9-15-0-28T5CY4T", "版本"),
            ("MMY-15-2-28T5CY4T", "第一段"),
            ("MMY9-15-2-28T5CY4U", "第四段"),
        ] {
            let err = VerifyCode::parse(typed).unwrap_err().to_string();
            assert!(
                err.contains(says) && err.contains("核验码"),
                "{typed}: {err}"
            );
        }
    }
}
