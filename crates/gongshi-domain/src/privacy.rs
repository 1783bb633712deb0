//! The privacy scan: what must never reach a notice board.
//!
//! DOMAIN.md: a sheet for the board never shows an 18-digit ID number, a
//! private phone number, an address, a birth date or a bank card. The scan
//! cannot tell whose a number is, so the rule is: phone numbers entered in
//! the app's phone fields (the [`Allowlist`]) may print; any other phone
//! number may not. Every sheet's text passes [`scan`] before it is written;
//! the printer calls it itself, so no caller can skip it.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// What kind of personal data a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    IdNumber,
    MobilePhone,
    Landline,
    BankCard,
    BirthDate,
    Address,
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
        }
    }
}

/// One hit: the kind, and the line with the hit masked (so the message that
/// refuses the sheet does not itself repeat the personal data).
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
}

impl Allowlist {
    pub fn new<I, S>(phones: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self {
            phones: phones
                .into_iter()
                .map(|p| digits(p.as_ref()))
                .filter(|d| d.len() >= 5)
                .collect(),
        }
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

/// Scans one line of a sheet; the first finding, if any.
pub fn scan(line: &str, allow: &Allowlist) -> Option<Finding> {
    let hit = |kind, range: std::ops::Range<usize>| Finding {
        kind,
        masked_line: mask(line, range),
    };
    for m in NUMBER_RUN.find_iter(line) {
        let run = m.as_str();
        let d = digits(run);
        let x_end = run.ends_with(['X', 'x']);
        if d.len() == 17 && x_end || d.len() == 18 && !run.contains([' ', '-']) {
            let id: String = if x_end { format!("{d}X") } else { d.clone() };
            if id_check_digit_ok(&id) {
                return Some(hit(FindingKind::IdNumber, m.range()));
            }
        }
        if (16..=19).contains(&d.len()) && luhn_ok(&d) && !x_end {
            return Some(hit(FindingKind::BankCard, m.range()));
        }
        if is_mobile(&d) && !allow.allows(&d) {
            return Some(hit(FindingKind::MobilePhone, m.range()));
        }
        if is_landline(run, &d, &line[..m.start()]) && !allow.allows(&d) {
            return Some(hit(FindingKind::Landline, m.range()));
        }
    }
    if let Some(m) = BIRTH_DATE.find(line) {
        return Some(hit(FindingKind::BirthDate, m.range()));
    }
    if let Some(m) = ADDRESS.find(line) {
        return Some(hit(FindingKind::Address, m.range()));
    }
    None
}

/// Digits, possibly grouped by single spaces, hyphens or brackets, possibly
/// ending in the ID number's X; not glued to other digits, decimals or
/// thousands separators (so 1,280.00 and 2026-11-24 are not one run).
static NUMBER_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[(（]?\d(?:[\d]|[ \-)）(（]\d)*[Xx]?").expect("valid regex"));

static BIRTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(出生日期|出生年月|出生于|生日|生于)[：:\s]*\d{2,4}\s*[年\-./]\s*\d{1,2}|\d{4}年\d{1,2}月(\d{1,2}日)?(出生|生人)")
        .expect("valid regex")
});

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(家庭住址|家庭地址|住址|家住|居住地址|现住址|户籍地址|户籍所在地)[：:\s]*\S|\d+\s*(栋|幢|号楼|单元)\s*\d*\s*(单元)?\s*\d+\s*室")
        .expect("valid regex")
});

/// 11 digits starting 13–19: a mainland mobile number.
fn is_mobile(d: &str) -> bool {
    d.len() == 11 && d.starts_with('1') && matches!(d.as_bytes()[1], b'3'..=b'9')
}

/// With an area code (0xx or 0xxx, then 7–8 digits), or 7–8 digits right
/// after a word that introduces a phone number.
fn is_landline(run: &str, d: &str, before: &str) -> bool {
    if d.starts_with('0') && (10..=12).contains(&d.len()) && !run.contains(['X', 'x']) {
        return true;
    }
    if !(7..=8).contains(&d.len()) || d.starts_with(['0', '1']) {
        return false;
    }
    let recent: String = before
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    [
        "电话", "手机", "联系", "热线", "号码", "Tel", "TEL", "tel", "座机",
    ]
    .iter()
    .any(|w| recent.contains(w))
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

/// The line with the hit's characters after the first two replaced by *.
fn mask(line: &str, range: std::ops::Range<usize>) -> String {
    let hit: String = line[range.clone()]
        .chars()
        .enumerate()
        .map(|(i, c)| if i < 2 || c.is_whitespace() { c } else { '*' })
        .collect();
    format!("{}{}{}", &line[..range.start], hit, &line[range.end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school() -> Allowlist {
        Allowlist::new(["0371-6523 8001", "0371-6523 8002", "12345", "13800138000"])
    }

    fn check(line: &str, expected: Option<FindingKind>) {
        assert_eq!(scan(line, &school()).map(|f| f.kind), expected, "{line}");
    }

    #[test]
    fn id_numbers_with_a_valid_check_digit_are_found() {
        // 11010519491231002X is the standard's own example.
        check("身份证：11010519491231002X", Some(FindingKind::IdNumber));
        check("证件号440524188001010014。", Some(FindingKind::IdNumber));
    }

    #[test]
    fn an_invalid_check_digit_is_not_an_id_number() {
        assert!(id_check_digit_ok("11010519491231002X"));
        assert!(id_check_digit_ok("440524188001010014"));
        assert!(!id_check_digit_ok("110105194912310021"));
        assert!(!id_check_digit_ok("44052418800101001"));
        assert_ne!(
            scan("编号 110105194912310021", &school()).map(|f| f.kind),
            Some(FindingKind::IdNumber)
        );
    }

    #[test]
    fn private_phones_are_found_and_the_schools_are_allowed() {
        check("家长电话13912345678", Some(FindingKind::MobilePhone));
        check("联系 139 1234 5678", Some(FindingKind::MobilePhone));
        check("联系 139-1234-5678", Some(FindingKind::MobilePhone));
        check("咨询电话：0371-6523 8001", None);
        check("咨询电话：6523 8001", None);
        check("监督电话：(0371)65238002", None);
        check("值班手机 13800138000", None);
        check("班主任座机 0371-8888 6666", Some(FindingKind::Landline));
        check("请拨打电话 88886666 咨询", Some(FindingKind::Landline));
        check("政务服务热线 12345", None);
    }

    #[test]
    fn amounts_dates_and_document_numbers_are_not_phones() {
        check("学费 1,280.00 元，代办费 12800.50 元", None);
        check("公示期：2026年9月28日至2026年10月9日（5个工作日）", None);
        check("依据豫发改收费〔2023〕781号", None);
        check("共 2400 名学生，合计 3,072,000.00 元", None);
        check("日期 2026-11-24", None);
        check("学号 20260101", None);
    }

    #[test]
    fn bank_cards_are_found() {
        check(
            "工资卡 6222 0212 3456 7890 128",
            Some(FindingKind::BankCard),
        );
        // The same digits with one changed fail the Luhn check.
        check("编号 6222 0212 3456 7890 127", None);
        check("卡号 4111111111111111", Some(FindingKind::BankCard));
        check("卡号 4111 1111 1111 1111", Some(FindingKind::BankCard));
    }

    #[test]
    fn birth_dates_and_addresses_are_found() {
        check("张三，出生日期：2015年3月8日", Some(FindingKind::BirthDate));
        check("李四 2014年5月出生", Some(FindingKind::BirthDate));
        check("家庭住址：城关区幸福路8号", Some(FindingKind::Address));
        check("住在幸福小区3栋2单元402室", Some(FindingKind::Address));
        check("学校地址：阳光市城关区人民路128号", None);
        check("本学期开学日期：2026年9月1日", None);
    }

    #[test]
    fn the_message_masks_the_hit() {
        let f = scan("家长电话13912345678请回电", &school()).unwrap();
        assert_eq!(f.masked_line, "家长电话13*********请回电");
        assert_eq!(f.to_string(), "含有手机号码：“家长电话13*********请回电”");
    }
}
