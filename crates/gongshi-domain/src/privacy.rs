//! The privacy scan: what must never reach a notice board.
//!
//! DOMAIN.md: a sheet for the board never shows an 18-digit ID number, a
//! private phone number, an address, a birth date, a bank card or family
//! hardship details. The scan cannot tell whose a number is, so the rule
//! is: phone numbers entered in the app's phone fields (the [`Allowlist`])
//! may print; any other phone number may not. Every sheet's text passes
//! [`scan`] before it is written; the printer calls it itself, so no caller
//! can skip it, and the item jobs call it at submit, approval and posting.
//!
//! A line is first normalised (`Normal`): full-width digits, letters and
//! punctuation become half-width, odd spaces and dashes plain ones. Then
//! `numbers` reads the digit runs (groups joined by spaces, dashes, dots
//! or brackets; a date or an amount is not a phone number) and `words`
//! the birth dates and addresses. A table column or a key whose name says it
//! holds personal data ([`personal_column`]) never prints, whatever it holds.

mod names;
pub use names::{COMPOUND_SURNAMES, mask_name};
mod numbers;
mod words;

#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;

/// What kind of personal data a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    IdNumber,
    MobilePhone,
    Landline,
    BankCard,
    BirthDate,
    Address,
    /// Family hardship: 家庭情况, 困难类型, 致贫原因… (by column name only).
    FamilySituation,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::IdNumber => "身份证号码",
            FindingKind::MobilePhone => "手机号码",
            FindingKind::Landline => "电话号码",
            FindingKind::BankCard => "银行卡号",
            FindingKind::BirthDate => "出生日期",
            FindingKind::Address => "家庭住址",
            FindingKind::FamilySituation => "家庭情况",
        }
    }
}

/// One hit: the kind, and the line with every hit masked (so the message
/// that refuses the sheet does not itself repeat the personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub masked_line: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "含有{}：“{}”", self.kind.label(), self.masked_line)
    }
}

/// Phone numbers that may print: the school's, the hotlines, the inquiry
/// phones of fee items — numbers typed into the app's phone fields.
#[derive(Debug, Clone, Default)]
pub struct Allowlist {
    phones: Vec<String>,
    /// Addresses that print as they are: the school profile's own.
    places: Vec<String>,
}

impl Allowlist {
    pub fn new<I, S>(phones: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut list = Vec::new();
        for phone in phones {
            let phone = Normal::new(phone.as_ref()).text;
            // 0371-65238888转8001: the number before the extension prints too.
            let main = phone.split('转').next().unwrap_or_default();
            for p in [phone.as_str(), main] {
                let d = numbers::without_country_code(&digits(p), p.trim_start().starts_with('+'));
                if d.len() >= 5 && !list.contains(&d) {
                    list.push(d);
                }
            }
        }
        Self {
            phones: list,
            places: Vec::new(),
        }
    }

    /// Also lets these addresses print (the school's own, from its
    /// profile: 人民路128号院 is where the school is, not a home).
    pub fn with_places<I, S>(mut self, places: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.places.extend(
            places
                .into_iter()
                .map(|p| Normal::new(p.as_ref().trim()).text)
                .filter(|p| !p.is_empty()),
        );
        self
    }

    /// Whether the address hit at `range` of `text` lies in an allowed place.
    fn allows_place(&self, text: &str, range: &Range<usize>) -> bool {
        self.places.iter().any(|place| {
            text.match_indices(place.as_str())
                .any(|(at, p)| at <= range.start && range.end <= at + p.len())
        })
    }

    /// A found number is allowed when it is an allowed number, or the local
    /// part of one (0371-6523 8001 allows 6523 8001).
    fn allows(&self, found_digits: &str) -> bool {
        self.phones
            .iter()
            .any(|p| p == found_digits || (found_digits.len() >= 7 && p.ends_with(found_digits)))
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Names of table columns (and keys of key–value lines) that hold personal
/// data: a column so named never prints on a public sheet, whatever its
/// cells hold. Matched after normalising, anywhere in the name (学生家庭住址,
/// 家长手机号 …). 电话 alone is not here: 咨询电话 and 监督电话 are the
/// school's own numbers, and their cells are checked against the allowlist.
pub const PERSONAL_COLUMNS: &[(&str, FindingKind)] = &[
    ("身份证", FindingKind::IdNumber),
    ("证件号", FindingKind::IdNumber),
    ("身份号码", FindingKind::IdNumber),
    ("出生", FindingKind::BirthDate),
    ("生日", FindingKind::BirthDate),
    ("住址", FindingKind::Address),
    ("家庭地址", FindingKind::Address),
    ("居住地", FindingKind::Address),
    ("家住", FindingKind::Address),
    ("户籍", FindingKind::Address),
    ("户口", FindingKind::Address),
    ("通讯地址", FindingKind::Address),
    ("联系地址", FindingKind::Address),
    ("手机", FindingKind::MobilePhone),
    ("联系电话", FindingKind::Landline),
    ("联系方式", FindingKind::Landline),
    ("家长电话", FindingKind::Landline),
    ("家庭电话", FindingKind::Landline),
    ("监护人电话", FindingKind::Landline),
    ("住宅电话", FindingKind::Landline),
    ("银行卡", FindingKind::BankCard),
    ("卡号", FindingKind::BankCard),
    ("账号", FindingKind::BankCard),
    ("帐号", FindingKind::BankCard),
    ("账户", FindingKind::BankCard),
    ("存折", FindingKind::BankCard),
    ("家庭情况", FindingKind::FamilySituation),
    ("家庭经济", FindingKind::FamilySituation),
    ("经济状况", FindingKind::FamilySituation),
    ("家庭收入", FindingKind::FamilySituation),
    ("家庭成员", FindingKind::FamilySituation),
    ("困难情况", FindingKind::FamilySituation),
    ("困难类型", FindingKind::FamilySituation),
    ("困难原因", FindingKind::FamilySituation),
    ("致贫原因", FindingKind::FamilySituation),
];

/// Names that contain a term of [`PERSONAL_COLUMNS`] and hold nothing
/// personal: 手机端 is a way to sign up, 公众号账号 the school's account,
/// 出生人口 a statistic.
pub const NOT_PERSONAL_COLUMNS: &[&str] = &[
    "手机端",
    "手机版",
    "手机app",
    "手机APP",
    "手机应用",
    "公众号账号",
    "公众号帐号",
    "公众号",
    "学校账号",
    "单位账号",
    "对公账号",
    "对公账户",
    "学校账户",
    "单位账户",
    "出生人口",
    "出生率",
];

/// What personal data a column (or key) of this name would hold, if any.
pub fn personal_column(title: &str) -> Option<FindingKind> {
    let mut name: String = Normal::new(title)
        .text
        .chars()
        .filter(|c| !c.is_whitespace() && !"*:_-()[]".contains(*c))
        .collect();
    for harmless in NOT_PERSONAL_COLUMNS {
        name = name.replace(harmless, "");
    }
    PERSONAL_COLUMNS
        .iter()
        .find(|(term, _)| name.contains(term))
        .map(|(_, kind)| *kind)
}

/// Scans one line of a sheet; the first finding, if any, with every hit
/// of the line masked.
pub fn scan(line: &str, allow: &Allowlist) -> Option<Finding> {
    let hits = hits(line, allow);
    let first = hits.first()?;
    Some(Finding {
        kind: first.kind,
        masked_line: mask(line, &hits),
    })
}

/// Scans `text` read after its label — a table cell under its column, a
/// value after its key — so that 电话 in the label introduces a number in
/// the text, and 家庭住址 an address. Only hits in `text` count, and only
/// `text` is shown, masked.
pub fn scan_labelled(label: &str, text: &str, allow: &Allowlist) -> Option<Finding> {
    if label.trim().is_empty() {
        return scan(text, allow);
    }
    let offset = label.len() + "：".len();
    let line = format!("{label}：{text}");
    let hits: Vec<Hit> = hits(&line, allow)
        .into_iter()
        .filter(|h| h.range.end > offset)
        .map(|h| Hit {
            kind: h.kind,
            range: h.range.start.saturating_sub(offset)..h.range.end - offset,
        })
        .collect();
    let first = hits.first()?;
    Some(Finding {
        kind: first.kind,
        masked_line: mask(text, &hits),
    })
}

/// The line with every hit masked: what a message may quote of it.
pub fn redact(line: &str, allow: &Allowlist) -> String {
    mask(line, &hits(line, allow))
}

/// A hit: its kind and where it is (bytes of the text it was found in).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hit {
    kind: FindingKind,
    range: Range<usize>,
}

/// Every hit of `line`, in the original line's bytes, ordered by position.
fn hits(line: &str, allow: &Allowlist) -> Vec<Hit> {
    let normal = Normal::new(line);
    let mut found = Vec::new();
    numbers::find(&normal.text, allow, &mut found);
    words::find(&normal.text, &mut found);
    found.retain(|h| {
        !(h.kind == FindingKind::Address && allow.allows_place(&normal.text, &h.range))
    });
    let mut hits: Vec<Hit> = found
        .into_iter()
        .map(|h| Hit {
            kind: h.kind,
            range: normal.original(h.range),
        })
        .filter(|h| !h.range.is_empty())
        .collect();
    hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
    hits
}

/// A line with full-width forms made half-width and odd spaces and dashes
/// made plain, one character for one, so a hit maps back to the original.
struct Normal {
    text: String,
    /// For each character of `text`: its byte offset there, and the bytes
    /// it came from in the original line.
    map: Vec<(usize, Range<usize>)>,
    original_len: usize,
}

impl Normal {
    fn new(line: &str) -> Self {
        let mut text = String::with_capacity(line.len());
        let mut map = Vec::with_capacity(line.len());
        for (i, c) in line.char_indices() {
            map.push((text.len(), i..i + c.len_utf8()));
            text.push(normal_char(c));
        }
        Self {
            text,
            map,
            original_len: line.len(),
        }
    }

    /// The original bytes of the normalised bytes `r`.
    fn original(&self, r: Range<usize>) -> Range<usize> {
        let at = |b: usize| self.map.partition_point(|(n, _)| *n < b);
        let (s, e) = (at(r.start), at(r.end));
        let start = self.map.get(s).map_or(self.original_len, |(_, o)| o.start);
        let end = match e.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some((_, o)) if e > s => o.end,
            _ => start,
        };
        start..end
    }
}

fn normal_char(c: char) -> char {
    match c {
        // Full-width ASCII: ０-９, Ａ-Ｚ, （）：，－．＋…
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // Ideographic, no-break, thin and zero-width spaces.
        '\u{3000}'
        | '\u{00A0}'
        | '\u{2000}'..='\u{200D}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\t' => ' ',
        // Hyphens and dashes: ‐ ‑ ‒ – — ― − ﹘ ﹣.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        // Middle dots and the one-dot leader.
        '\u{00B7}' | '\u{30FB}' | '\u{2024}' | '\u{FF65}' => '.',
        _ => c,
    }
}

/// GB 11643: the 18th character is the ISO 7064 MOD 11-2 check of the first 17.
pub fn id_check_digit_ok(id: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 || !chars[..17].iter().all(char::is_ascii_digit) {
        return false;
    }
    let sum: u32 = chars[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK[(sum % 11) as usize] == chars[17].to_ascii_uppercase()
}

/// The Luhn check that bank card numbers carry.
fn luhn_ok(d: &str) -> bool {
    let sum: u32 = d
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, n)| {
            if i % 2 == 1 {
                if n * 2 > 9 { n * 2 - 9 } else { n * 2 }
            } else {
                n
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The line with each hit's characters after its first two replaced by *
/// (spaces kept).
fn mask(line: &str, hits: &[Hit]) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, c) in line.char_indices() {
        let masked = hits
            .iter()
            .any(|h| h.range.contains(&i) && line[h.range.start..i].chars().count() >= 2);
        out.push(if masked && !c.is_whitespace() { '*' } else { c });
    }
    out
}
