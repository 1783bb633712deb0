//! Numbers in a normalised line: ID numbers, bank cards, mobiles and
//! landlines.
//!
//! A run is digit groups joined by separators as people write numbers:
//! one or two spaces, one `-` `.` or `/` (spaces around it allowed), or
//! brackets — `410105 19900307 1002`, `139-1234-5678`, `(0371)6523 8001`;
//! an ID's final X ends a run. Before anything is read as a number, the
//! run's dates (2026-12-01, 2015.03.07, 2026/12, a year of 1900–2099 and a
//! valid month and day) and amounts (12800.50: a dot before one or two
//! final digits) are taken out: a date or an amount is never a phone
//! number. What is left is read as a whole, as each stretch joined by the
//! same separator (`+86 138-1234-5678` holds `138-1234-5678`), and group by
//! group.

use super::{Allowlist, FindingKind, Hit, id_check_digit_ok, luhn_ok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Dash,
    Dot,
    Slash,
    Bracket,
}

#[derive(Debug)]
struct Group {
    /// Bytes of the group in the line: its digits (and the X, if any).
    start: usize,
    digits_end: usize,
    end: usize,
    /// Ends with an ID number's X.
    x: bool,
    /// The separator before it (none for a run's first group), and whether
    /// it was a bare dot (a decimal point, if the digits after it fit).
    sep: Option<Sep>,
    bare_dot: bool,
}

impl Group {
    fn digits<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.digits_end]
    }

    fn value(&self, text: &str) -> Option<u32> {
        self.digits(text).parse().ok()
    }
}

/// Appends the numbers of `text` that may not print.
pub(super) fn find(text: &str, allow: &Allowlist, out: &mut Vec<Hit>) {
    for run in runs(text) {
        let excluded = dates_and_amounts(text, &run);
        let mut i = 0;
        while i < run.len() {
            if excluded[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < run.len() && !excluded[j] {
                j += 1;
            }
            segment(text, &run, i, j, allow, out);
            i = j;
        }
    }
}

/// The digit runs of `text`, each as its groups.
fn runs(text: &str) -> Vec<Vec<Group>> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut groups: Vec<Group> = Vec::new();
        let (mut sep, mut bare_dot) = (None, false);
        loop {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push(Group {
                start,
                digits_end: i,
                end: i,
                x: false,
                sep,
                bare_dot,
            });
            let mut j = i;
            while j < b.len() && j - i < 3 && b" -./()".contains(&b[j]) {
                j += 1;
            }
            if j > i
                && j < b.len()
                && b[j].is_ascii_digit()
                && let Some(kind) = separator(&b[i..j])
            {
                sep = Some(kind);
                bare_dot = &b[i..j] == b".";
                i = j;
                continue;
            }
            // The X right after the digits, or set apart (…100 X) after
            // exactly an ID's 17 digits.
            let digits: usize = groups.iter().map(|g| g.digits_end - g.start).sum();
            let mut k = i;
            while digits == 17 && k < b.len() && k - i < 2 && b" -".contains(&b[k]) {
                k += 1;
            }
            if k < b.len()
                && (b[k] == b'X' || b[k] == b'x')
                && !b.get(k + 1).is_some_and(u8::is_ascii_alphanumeric)
                && let Some(last) = groups.last_mut()
            {
                last.x = true;
                last.end = k + 1;
                i = k + 1;
            }
            break;
        }
        runs.push(groups);
    }
    runs
}

/// What joins two digit groups, if these bytes do.
fn separator(s: &[u8]) -> Option<Sep> {
    let spaces = s.iter().filter(|c| **c == b' ').count();
    let marks = s.iter().filter(|c| b"-./".contains(c)).count();
    if spaces > 2 || marks > 1 {
        return None;
    }
    Some(if s.contains(&b'-') {
        Sep::Dash
    } else if s.contains(&b'.') {
        Sep::Dot
    } else if s.contains(&b'/') {
        Sep::Slash
    } else if s.contains(&b'(') || s.contains(&b')') {
        Sep::Bracket
    } else {
        Sep::Space
    })
}

/// Which groups of a run are dates or amounts, and so no phone, card or ID.
fn dates_and_amounts(text: &str, run: &[Group]) -> Vec<bool> {
    let mut out = vec![false; run.len()];
    let len = |g: &Group| g.digits_end - g.start;
    let year = |g: &Group| {
        len(g) == 4 && !g.x && g.value(text).is_some_and(|y| (1900..=2099).contains(&y))
    };
    let month =
        |g: &Group| len(g) <= 2 && !g.x && g.value(text).is_some_and(|m| (1..=12).contains(&m));
    let day =
        |g: &Group| len(g) <= 2 && !g.x && g.value(text).is_some_and(|d| (1..=31).contains(&d));
    let date_sep = |g: &Group| matches!(g.sep, Some(Sep::Dash | Sep::Dot | Sep::Slash));
    let mut i = 0;
    while i + 1 < run.len() {
        let (y, m) = (&run[i], &run[i + 1]);
        if year(y) && date_sep(m) && month(m) {
            let with_day = run.get(i + 2).is_some_and(|d| d.sep == m.sep && day(d));
            let n = if with_day { 3 } else { 2 };
            out[i..i + n].fill(true);
            i += n;
        } else {
            i += 1;
        }
    }
    for i in 1..run.len() {
        let g = &run[i];
        let last_dot = run.get(i + 1).is_none_or(|next| next.sep != Some(Sep::Dot));
        if g.bare_dot && len(g) <= 2 && !g.x && last_dot && run[i - 1].sep != Some(Sep::Dot) {
            out[i - 1] = true;
            out[i] = true;
        }
    }
    out
}

/// Reads the groups `a..b` of a run (no date or amount among them).
fn segment(text: &str, run: &[Group], a: usize, b: usize, allow: &Allowlist, out: &mut Vec<Hit>) {
    // The whole, each stretch joined by one kind of separator, each group.
    let mut spans = vec![(a, b)];
    let mut k = a + 1;
    while k < b {
        let mut m = k;
        while m + 1 < b && run[m + 1].sep == run[k].sep {
            m += 1;
        }
        spans.push((k - 1, m + 1));
        k = m + 1;
    }
    spans.extend((a..b).map(|k| (k, k + 1)));
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (p, q) in spans {
        if seen.contains(&(p, q)) {
            continue;
        }
        seen.push((p, q));
        let d: String = run[p..q].iter().map(|g| g.digits(text)).collect();
        let groups: Vec<usize> = run[p..q].iter().map(|g| g.digits(text).len()).collect();
        let (first, last) = (&run[p], &run[q - 1]);
        let plus = text[..first.start].trim_end().ends_with('+');
        let number = Number {
            digits: &d,
            groups: &groups,
            x: last.x,
            plus,
            before: &text[..first.start],
        };
        if (p, q) == (a, b) && number.allowed(allow) {
            // An allowed phone number, read whole: its parts are allowed too.
            return;
        }
        if let Some(kind) = number.kind(allow) {
            out.push(Hit {
                kind,
                range: first.start..last.end,
            });
        }
    }
}

struct Number<'a> {
    digits: &'a str,
    /// How many digits each written group has (`[3, 4, 4]` for 138 1234
    /// 5678): a list of scores or years is not a phone or a card because
    /// its digits add up to 11 or 16.
    groups: &'a [usize],
    /// Ends with an X (an ID number's check character).
    x: bool,
    /// Written after a +: a country code may lead.
    plus: bool,
    /// The line before the number.
    before: &'a str,
}

impl Number<'_> {
    /// The digits as a national number: +86, 0086 or 86 before a mobile
    /// taken off, and a landline's area code given back its 0.
    fn national(&self) -> String {
        without_country_code(self.digits, self.plus)
    }

    fn allowed(&self, allow: &Allowlist) -> bool {
        !self.x && (allow.allows(self.digits) || allow.allows(&self.national()))
    }

    fn kind(&self, allow: &Allowlist) -> Option<FindingKind> {
        let d = self.digits;
        if self.x {
            let id = format!("{d}X");
            return (d.len() == 17 && id_ok(&id)).then_some(FindingKind::IdNumber);
        }
        if d.len() == 18 && id_ok(d) {
            return Some(FindingKind::IdNumber);
        }
        if (16..=19).contains(&d.len()) && card_prefix(d) && luhn_ok(d) && card_groups(self.groups)
        {
            return Some(FindingKind::BankCard);
        }
        if self.allowed(allow) {
            return None;
        }
        let n = self.national();
        let groups = &self.national_groups(&n);
        if is_mobile(&n) && phone_groups(groups, &[&[3, 4, 4], &[3, 8], &[3, 3, 5], &[7, 4]]) {
            return Some(FindingKind::MobilePhone);
        }
        if n.starts_with('0') && (10..=12).contains(&n.len()) && landline_groups(groups) {
            return Some(FindingKind::Landline);
        }
        if (7..=8).contains(&n.len())
            && !n.starts_with(['0', '1'])
            && phone_groups(groups, &[&[3, 4], &[4, 4], &[4, 3]])
            && after_phone_word(self.before)
        {
            return Some(FindingKind::Landline);
        }
        None
    }

    /// The groups of the national number: a country code left out,
    /// whether written as its own group (+86 138…) or glued to the first
    /// (+86138 1234 5678); an area code whose 0 was put back counts as
    /// written.
    fn national_groups(&self, national: &str) -> Vec<usize> {
        let restored = usize::from(national.starts_with('0') && !self.digits.starts_with('0'));
        let code = (self.digits.len() + restored).saturating_sub(national.len());
        match self.groups.split_first() {
            Some((&first, rest)) if code > 0 && first == code => rest.to_vec(),
            Some((&first, rest)) if code > 0 && first > code => {
                let mut groups = vec![first - code + restored];
                groups.extend_from_slice(rest);
                groups
            }
            _ => self.groups.to_vec(),
        }
    }
}

/// A card number starts as the cards issued in China do: UnionPay 62 and
/// 60, Visa 4, Mastercard 51–55 and 2221–2720, JCB and others 3, and the
/// old domestic 9 (an order number starting 2026… is not one).
fn card_prefix(d: &str) -> bool {
    let lead = |n: usize| d.get(..n).and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    matches!(d.as_bytes()[0], b'3' | b'4' | b'6' | b'9')
        || (51..=55).contains(&lead(2))
        || (2221..=2720).contains(&lead(4))
}

/// As cards are written: whole, in fours (the last group shorter), or the
/// bank's six then the rest.
fn card_groups(groups: &[usize]) -> bool {
    match groups {
        [_] => true,
        [6, _] => true,
        [init @ .., last] => init.iter().all(|&g| g == 4) && (1..=4).contains(last),
        [] => false,
    }
}

/// Whole, or in one of the shapes a phone number is written in.
fn phone_groups(groups: &[usize], shapes: &[&[usize]]) -> bool {
    groups.len() == 1 || shapes.contains(&groups)
}

/// An area code (3–4 digits) then the number whole or in two groups of 3–4.
fn landline_groups(groups: &[usize]) -> bool {
    match groups {
        [_] => true,
        [area, rest @ ..] if (3..=4).contains(area) => match rest {
            [n] => (7..=8).contains(n),
            [a, b] => (3..=4).contains(a) && (3..=4).contains(b),
            [a, b, c] => (3..=4).contains(a) && (3..=4).contains(b) && (1..=4).contains(c),
            _ => false,
        },
        _ => false,
    }
}

/// `digits` as a national number: a leading 0086 (or 86 after a +, or 86
/// before a mobile) taken off; an area code then gets its 0 back.
pub(super) fn without_country_code(digits: &str, plus: bool) -> String {
    let rest = if let Some(r) = digits.strip_prefix("0086") {
        Some(r)
    } else if let Some(r) = digits.strip_prefix("86") {
        (plus || (r.len() == 11 && is_mobile(r))).then_some(r)
    } else {
        None
    };
    match rest {
        Some(r) if r.len() >= 5 && !is_mobile(r) && !r.starts_with('0') => format!("0{r}"),
        Some(r) if r.len() >= 5 => r.to_owned(),
        _ => digits.to_owned(),
    }
}

/// An 18-character ID number: the check digit right, and a birth date
/// (1800–2099, a real month and day) in characters 7–14.
fn id_ok(id: &str) -> bool {
    let date = |r: std::ops::Range<usize>| id.get(r).and_then(|s| s.parse::<u32>().ok());
    id_check_digit_ok(id)
        && date(6..10).is_some_and(|y| (1800..=2099).contains(&y))
        && date(10..12).is_some_and(|m| (1..=12).contains(&m))
        && date(12..14).is_some_and(|d| (1..=31).contains(&d))
}

/// 11 digits starting 13–19: a mainland mobile number.
fn is_mobile(d: &str) -> bool {
    d.len() == 11 && d.starts_with('1') && matches!(d.as_bytes()[1], b'3'..=b'9')
}

/// Whether a word that introduces a phone number (电话, 手机, 联系, 热线,
/// 号码, 座机, 拨打, 致电, 传真, Tel) is among the last eight characters.
fn after_phone_word(before: &str) -> bool {
    let recent: String = before
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    [
        "电话", "手机", "联系", "热线", "号码", "座机", "拨打", "致电", "传真", "tel",
    ]
    .iter()
    .any(|w| recent.contains(w))
}
