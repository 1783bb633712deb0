//! The regular disclosures a bureau expects, and when one is overdue:
//! finance statements monthly (a month with none, once it is over), and
//! each semester's fee schedule before its term starts.

use chrono::{Datelike, NaiveDate};

use crate::record::range::DateRange;

/// The months from `from`'s up to the one before `today`'s (whole months
/// only: the current one is not over) without a finance posting.
pub fn finance_gaps(from: NaiveDate, today: NaiveDate, posted: &[NaiveDate]) -> Vec<(i32, u32)> {
    let mut gaps = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    while (y, m) < (today.year(), today.month()) {
        if !posted.iter().any(|d| (d.year(), d.month()) == (y, m)) {
            gaps.push((y, m));
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    gaps
}

/// The month a finance statement reports on, from its 收支期间 or title
/// (2026年10月, 2026-10, 2026.10): `2026-10`. The first month named.
pub fn month_named(text: &str) -> Option<String> {
    let re = regex::Regex::new(r"(20\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})(?:\s*月|[^\d]|$)").ok()?;
    re.captures_iter(text).find_map(|c| {
        let (y, m): (i32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        (1..=12).contains(&m).then(|| format!("{y}-{m:02}"))
    })
}

/// The first day of a month written `2026-10`.
pub fn month_start(month: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()
}

/// The school year (from 1 September) that `day` falls in.
pub fn school_year_of(day: NaiveDate) -> i32 {
    if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The term a semester name names: 2026—2027学年第一学期 and 2026年秋季学期
/// begin on 1 September 2026; …第二学期 and 2027年春季学期 on 1 February 2027.
pub fn term(semester: &str) -> Option<DateRange> {
    let digits: Vec<i32> = semester
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 4)
        .filter_map(|s| s.parse().ok())
        .collect();
    let year = *digits.first()?;
    if semester.contains("学年") {
        let first = semester.contains("第一学期");
        (first || semester.contains("第二学期"))
            .then(|| DateRange::semester(year, first).ok())
            .flatten()
    } else if semester.contains("秋季") {
        DateRange::semester(year, true).ok()
    } else if semester.contains("春季") {
        DateRange::semester(year - 1, false).ok()
    } else {
        None
    }
}

/// Where a semester's fee schedule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeDue {
    /// Published before the term started.
    OnTime,
    /// Published, this many days after the term started.
    Late(i64),
    /// Not published, and the term has started.
    Overdue,
    /// Not published; the term has not started.
    NotYet,
}

impl FeeDue {
    pub fn of(term_start: NaiveDate, published: Option<NaiveDate>, today: NaiveDate) -> Self {
        match published {
            Some(day) if day < term_start => FeeDue::OnTime,
            Some(day) => FeeDue::Late((day - term_start).num_days()),
            None if today >= term_start => FeeDue::Overdue,
            None => FeeDue::NotYet,
        }
    }

    pub fn label(self) -> String {
        match self {
            FeeDue::OnTime => "开学前已公示".to_owned(),
            FeeDue::Late(days) => format!("开学后第{days}天才公示"),
            FeeDue::Overdue => "已开学，未公示".to_owned(),
            FeeDue::NotYet => "尚未公示（未开学）".to_owned(),
        }
    }

    pub fn overdue(self) -> bool {
        matches!(self, FeeDue::Late(_) | FeeDue::Overdue)
    }
}
