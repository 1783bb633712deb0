//! Birth dates and addresses in a normalised line (full-width punctuation
//! already half-width: `（` is `(`, `：` is `:`).
//!
//! A birth date is a date with at least a year and a month (2015-03-07,
//! 2015.03.07, 2015年3月7日, 二〇一五年三月七日) after 出生日期, 出生年月,
//! 出生于, 出生, 生日 or 生于 (there a month and day are enough), or before
//! 出生, 生人, 生于 or a closing 生 ("2015.03.07生）", "2015年3月7日生于…"). A range (…出生于2015年9月1日至…,
//! …至2016年8月31日出生) is an admission rule, and 产生于 or 发生于 a date
//! something came about: neither is someone's birthday.
//!
//! An address is what follows 家庭住址, 家庭地址, 家庭住所, 住址, 现住址,
//! 居住地址, 居住地, 户籍地址, 户籍所在地, 户口所在地 with a colon (or 为/是/在); or what follows
//! those, 家住, 住在, 住于, 居住在/于, 现居, 暂住 or 租住 when it looks like an
//! address — a number with 号, 栋, 幢, 楼, 室, 单元, 组, 弄 or 户, or a named
//! 路, 街, 巷 or 胡同. Without a word before it, a dwelling is still an
//! address: building, unit and room (3栋2单元402室), a compound (12号院), a
//! village group (幸福村3组). A street address alone (人民路128号) is not: the
//! school's and other offices' addresses print, as do rooms of the school's
//! own buildings (实验楼2单元301室) and the school profile's address (see
//! `Allowlist::with_places`). 通讯地址 and 联系地址 name a home address too.

use std::sync::LazyLock;

use regex::Regex;

use super::{FindingKind, Hit};

/// Appends the birth dates and addresses of `text`.
pub(super) fn find(text: &str, out: &mut Vec<Hit>) {
    birth_dates(text, out);
    addresses(text, out);
}

const NUM_DATE: &str =
    r"[0-9]{2,4}\s*[年./-]\s*[0-9]{1,2}(?:\s*[月./-]\s*[0-9]{1,2}\s*[日号]?|\s*月)?";
const CN_DATE: &str = r"[〇零○O0一二三四五六七八九]{2,4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*[日号])?";
const MONTH_DAY: &str = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]";

static BIRTH_AFTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<k>出生(?:日期|年月日?|时间|于)?|生日|生于)\s*(?:为|是)?\s*:?\s*(?P<d>{NUM_DATE}|{CN_DATE}|{MONTH_DAY})"
    ))
    .expect("valid regex")
});

static BIRTH_BEFORE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<d>{NUM_DATE}|{CN_DATE})\s*(?:出生|生人|生于|生(?:[)\],。;、!?\s]|$))"
    ))
    .expect("valid regex")
});

/// A date's neighbour that makes it one end of a range.
static RANGE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:至|到|~|-|起)").expect("valid regex"));
static RANGE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:至|到|~|-)\s*$").expect("valid regex"));

fn birth_dates(text: &str, out: &mut Vec<Hit>) {
    for c in BIRTH_AFTER_WORD.captures_iter(text) {
        // 产生于, 发生于: a date something came about, not a birth date.
        let came_about = c.name("k").is_some_and(|k| {
            k.as_str() == "生于" && text[..k.start()].ends_with(['产', '发', '衍', '源'])
        });
        if let Some(d) = c.name("d")
            && !came_about
            && !RANGE_AFTER.is_match(&text[d.end()..])
        {
            out.push(Hit {
                kind: FindingKind::BirthDate,
                range: d.range(),
            });
        }
    }
    for c in BIRTH_BEFORE_WORD.captures_iter(text) {
        if let Some(d) = c.name("d")
            && !RANGE_BEFORE.is_match(&text[..d.start()])
        {
            out.push(Hit {
                kind: FindingKind::BirthDate,
                range: d.range(),
            });
        }
    }
}

/// Words that name a home address; with a colon, whatever follows is one.
const HOME_WORDS: &str = "家庭住址|家庭地址|家庭住所|居住地址|居住地|现住址|住址|户籍地址|户籍所在地|户口所在地|户籍|户口|通讯地址|通信地址|联系地址|家庭通讯地址";
/// Words that may introduce an address; what follows must look like one.
const LIVES_WORDS: &str = "家住|居住在|居住于|住在|住于|现居住?(?:在|于)?|暂住|租住";

static ADDRESS_AFTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<w>{HOME_WORDS}|{LIVES_WORDS})\s*(?P<sep>:|为|是|在)?\s*(?P<a>[^\s,。;、!?()\[\]]+)"
    ))
    .expect("valid regex")
});

static HOME_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{HOME_WORDS})$")).expect("valid regex"));

/// What makes a text after 住在 an address.
static ADDRESS_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9一二三四五六七八九十]+\s*(?:号|栋|幢|楼|室|单元|组|弄|户)|\p{Han}{2,}(?:路|街|巷|胡同)")
        .expect("valid regex")
});

/// A dwelling without a word before it.
static DWELLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[0-9]+\s*(?:栋|幢|号楼|座)\s*[0-9]*\s*(?:单元)?\s*[0-9]+\s*(?:室|户)|[0-9]+\s*(?:栋|幢|号楼)\s*[0-9]+\s*单元\s*[0-9]+|[0-9]+\s*单元\s*[0-9]+\s*(?:室|户)|[0-9一二三四五六七八九十]+\s*号院|村\s*[0-9一二三四五六七八九十]+\s*(?:组|队)",
    )
    .expect("valid regex")
});

static SCHOOL_BUILDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:教学|实验|办公|综合|行政|科技|艺术|图书|体育)(?:楼|馆)|报告厅|会议室|教室")
        .expect("valid regex")
});

fn addresses(text: &str, out: &mut Vec<Hit>) {
    for c in ADDRESS_AFTER_WORD.captures_iter(text) {
        let (Some(w), Some(a)) = (c.name("w"), c.name("a")) else {
            continue;
        };
        let has_content = a
            .as_str()
            .chars()
            .any(|ch| ch.is_ascii_digit() || ('\u{4E00}'..='\u{9FFF}').contains(&ch));
        let named = c.name("sep").is_some() && HOME_WORD.is_match(w.as_str());
        if has_content && (named || ADDRESS_LIKE.is_match(a.as_str())) {
            out.push(Hit {
                kind: FindingKind::Address,
                range: a.range(),
            });
        }
    }
    for m in DWELLING.find_iter(text) {
        let after_word = out
            .iter()
            .any(|h| h.kind == FindingKind::Address && h.range.contains(&m.start()));
        if after_word {
            continue;
        }
        // The whole word the dwelling is part of: 幸福小区3栋2单元402室.
        let stop = |c: char| c.is_whitespace() || ",。;:、!?()[]\"'“”《》".contains(c);
        let start = text[..m.start()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| !stop(*c))
            .last()
            .map_or(m.start(), |(i, _)| i);
        let end = text[m.end()..]
            .char_indices()
            .find(|(_, c)| stop(*c))
            .map_or(text.len(), |(i, _)| m.end() + i);
        // A room of the school's own buildings (实验楼2单元301室) is a place
        // to go, not someone's home.
        if SCHOOL_BUILDING.is_match(&text[start..end]) {
            continue;
        }
        out.push(Hit {
            kind: FindingKind::Address,
            range: start..end,
        });
    }
}
