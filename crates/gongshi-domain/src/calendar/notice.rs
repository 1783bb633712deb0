//! Reads the State Council's yearly notice (国务院办公厅关于XXXX年部分节假日
//! 安排的通知) as a clerk pastes it from gov.cn, so a year after the shipped
//! calendar can be added without typing forty dates by hand.
//!
//! The notice is a numbered list, one item per holiday ("一、元旦：1月1日
//! （周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"). Each
//! sentence of an item either gives days or is reported: nothing the clerk
//! pasted is dropped without a word. A wrong weekday in brackets or a "共N天"
//! that does not match the dates makes the sentence a problem instead of
//! guessing which half is right. The text around the items (title,
//! addressee, preamble, closing paragraph, signature) is listed as ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::{Captures, Regex};
use serde::Serialize;

use super::SpecialDay;

/// What a pasted notice gave: its days, what could not be read, and the
/// sentences that carry no dates (so the clerk can see nothing was lost).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NoticeParse {
    /// Sorted by date, each date once.
    pub days: Vec<SpecialDay>,
    pub problems: Vec<NoticeProblem>,
    pub ignored: Vec<String>,
}

/// A sentence that gave no days, and why (in Chinese, for the clerk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeProblem {
    pub sentence: String,
    pub reason: String,
}

/// The year in the title "关于2027年部分节假日安排的通知".
pub fn notice_year(text: &str) -> Option<i32> {
    TITLE_YEAR
        .captures(&normalize(text))
        .and_then(|caps| caps[1].parse().ok())
}

/// Reads the notice of `year`: dates without a year are in `year`.
pub fn parse_notice(text: &str, year: i32) -> NoticeParse {
    let mut reader = Reader::new(year);
    // One sentence a line: text copied from a web page often runs its
    // paragraphs together, so an item ("二、春节：…") may follow the 。 of
    // the one before, and the notice's closing paragraph the last item, on
    // one line. A sentence with no date then ends the item it follows, and
    // is listed with the text not used.
    let text = normalize(text).replace('。', "。\n");
    for line in text.lines().filter(|line| !line.is_empty()) {
        reader.read_line(line);
    }
    reader.finish()
}

/// A date, with or without year and month, and its bracket: "2020年1月1日",
/// "3日（周六）", "2月15日（农历腊月二十八、周日）". Brackets are full-width
/// after [`normalize`].
const DATE: &str = r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:（[^（）]*）)?";

/// The longest holiday a notice gives; a longer range is a typo.
const MAX_RANGE_DAYS: i64 = 31;

static DATE_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^（）]*)）)?$")
        .expect("valid regex")
});
static ANY_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(DATE).expect("valid regex"));
static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,2}月\d{1,2}日").expect("valid regex"));
/// "1月1日至3日放假调休，共3天" — the part after 放假 is read by [`rest`].
static OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<start>{DATE})(?:(?:至|到|—|－|-|～|~)(?P<end>{DATE}))?放假(?P<rest>.*)$"
    ))
    .expect("valid regex")
});
/// "2月2日（星期六）、2月3日（星期日）上班".
static WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<list>{DATE}(?:[、，和及]{DATE})*)上班$")).expect("valid regex")
});
/// "5月2日（星期一）补休", a clause after 放假 in older notices.
static MAKE_UP_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<list>{DATE}(?:[、和及]{DATE})*)补休$")).expect("valid regex")
});
/// The 2020 extension: "延长2020年春节假期至2月2日（农历正月初九，星期日），
/// 2月3日（星期一）起正常上班".
static EXTEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"延长(?:\d{{4}}年)?(?P<name>[^，。\d]+?)假期至(?P<until>{DATE})(?:，(?P<resume>{DATE})起(?:正常)?上班)?$"
    ))
    .expect("valid regex")
});
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[一二三四五六七八九十]+、(?P<name>[^：，。]{1,20})：").expect("valid regex")
});
static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[一二三四五六七八九十]+、").expect("valid regex"));
static SIGNATURE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}年\d{1,2}月\d{1,2}日$").expect("valid regex"));
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:周|星期)([一二三四五六日天])").expect("valid regex"));
static COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^共(\d+)天$").expect("valid regex"));
static LEADING_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+)天").expect("valid regex"));
static TITLE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(?:部分)?节假日安排").expect("valid regex"));

/// One spelling for what clerks paste: full-width digits become ASCII,
/// half-width brackets and punctuation become the full-width ones notices
/// use, and whitespace inside lines goes (a web page's indentation and
/// stray spaces mean nothing in Chinese text). Line ends stay: they end
/// sentences and paragraphs.
fn normalize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some('\n'),
            c if c.is_whitespace() => None,
            '０'..='９' => Some(crate::text::half_width(c)),
            '(' => Some('（'),
            ')' => Some('）'),
            ':' => Some('：'),
            ',' => Some('，'),
            c => Some(c),
        })
        .collect()
}

/// What one sentence of a holiday item says.
enum Reading {
    /// Days with whether each is off.
    Days(Vec<(NaiveDate, bool)>),
    Extension(Extension),
}

/// "延长…假期至X，Y起正常上班": the holiday's off days run on to `until`.
struct Extension {
    name: String,
    until: NaiveDate,
    resume: Option<NaiveDate>,
}

/// The holiday item being read ("一、元旦：…") and whether it gave anything.
struct Section {
    name: String,
    header: String,
    sentences: usize,
}

/// Reads line after line; holds the days so far and what went wrong.
struct Reader {
    year: i32,
    days: BTreeMap<NaiveDate, SpecialDay>,
    /// Days written both off and working: reported once, left out.
    conflicted: BTreeSet<NaiveDate>,
    /// Applied at the end, over the items' days, with their sentences.
    extensions: Vec<(Extension, String)>,
    problems: Vec<NoticeProblem>,
    ignored: Vec<String>,
    section: Option<Section>,
}

impl Reader {
    fn new(year: i32) -> Self {
        Reader {
            year,
            days: BTreeMap::new(),
            conflicted: BTreeSet::new(),
            extensions: Vec::new(),
            problems: Vec::new(),
            ignored: Vec::new(),
            section: None,
        }
    }

    /// A line opens a holiday item, continues the open one (a dated line
    /// after it, before anything else: a paragraph the paste broke), or
    /// stands outside. A line with no date (the closing paragraph, the
    /// signature) or another numbered line ends the item.
    fn read_line(&mut self, line: &str) {
        if let Some(header) = HEADER.captures(line) {
            self.close_section();
            let header_len = header[0].len();
            self.section = Some(Section {
                name: header["name"].to_owned(),
                header: line.to_owned(),
                sentences: 0,
            });
            for (i, sentence) in sentences(line).enumerate() {
                let body = if i == 0 {
                    &sentence[header_len..]
                } else {
                    sentence
                };
                if !body.is_empty() {
                    self.read_in_section(sentence, body);
                }
            }
        } else if self.section.is_some() && !ORDINAL.is_match(line) && MONTH_DAY.is_match(line) {
            for sentence in sentences(line) {
                self.read_in_section(sentence, sentence);
            }
        } else {
            self.close_section();
            for sentence in sentences(line) {
                self.read_outside(sentence);
            }
        }
    }

    /// `body` is the sentence without the item's "一、元旦：".
    fn read_in_section(&mut self, sentence: &str, body: &str) {
        let Some(section) = self.section.as_mut() else {
            return;
        };
        section.sentences += 1;
        let name = section.name.clone();
        let reading = read_extension(body, self.year)
            .map(|read| read.map(Reading::Extension))
            .or_else(|| read_off(body, self.year))
            .or_else(|| read_work(body, self.year));
        match reading {
            Some(Ok(Reading::Days(days))) => {
                for (date, off) in days {
                    self.add_read(date, &name, off, sentence);
                }
            }
            Some(Ok(Reading::Extension(extension))) => {
                self.extensions.push((extension, sentence.to_owned()));
            }
            Some(Err(reason)) => self.problem(sentence, reason),
            // "鼓励各单位…安排职工在除夕（2月9日）休息": advice, not a day off.
            None if body.starts_with("鼓励") || SIGNATURE_DATE.is_match(body) => {
                self.ignored.push(sentence.to_owned());
            }
            None => self.problem(sentence, unreadable(body)),
        }
    }

    /// Outside the items only the extension form is read; a dated sentence
    /// about 放假 or 上班 belongs to no holiday, so the clerk must see it.
    fn read_outside(&mut self, sentence: &str) {
        match read_extension(sentence, self.year) {
            Some(Ok(extension)) => self.extensions.push((extension, sentence.to_owned())),
            Some(Err(reason)) => self.problem(sentence, reason),
            None if MONTH_DAY.is_match(sentence)
                && ["放假", "上班", "补休"]
                    .iter()
                    .any(|w| sentence.contains(w)) =>
            {
                self.problem(
                    sentence,
                    "这句话写了放假或上班的日期，但不在“一、元旦：……”这样的节日条目下，不知道属于哪个节日。请检查条目开头是否漏了“序号、节日名称：”。".into(),
                );
            }
            None => self.ignored.push(sentence.to_owned()),
        }
    }

    fn close_section(&mut self) {
        if let Some(section) = self.section.take()
            && section.sentences == 0
        {
            let reason = format!("“{}”这一条下面没有放假或上班的日期。", section.name);
            self.problem(&section.header, reason);
        }
    }

    /// A day an item's sentence gives. A make-up working day on a weekday
    /// is a misread or a typo (a weekday is a working day anyway): refused.
    /// (An extension's "起正常上班" day may be a weekday: it is added
    /// directly.)
    fn add_read(&mut self, date: NaiveDate, name: &str, off: bool, sentence: &str) {
        if !off && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            let reason = format!(
                "{}是{}，本来就是工作日；调休上班的日子应是星期六或星期日，请核对原文。",
                describe(date, self.year),
                weekday_name(date.weekday())
            );
            self.problem(sentence, reason);
        } else {
            self.add(date, name, off, sentence);
        }
    }

    /// Adds a day; the same day written both off and working, or given to
    /// two holidays, is a problem and stays out, whichever came first.
    fn add(&mut self, date: NaiveDate, name: &str, off: bool, sentence: &str) {
        if self.conflicted.contains(&date) {
            return;
        }
        match self.days.get(&date) {
            Some(earlier) if earlier.off == off && !same_holiday(&earlier.name, name) => {
                let reason = format!(
                    "{}在前面写的是{}{}，这里又写成{}，请核对原文。",
                    describe(date, self.year),
                    earlier.name,
                    off_word(off),
                    name
                );
                self.days.remove(&date);
                self.conflicted.insert(date);
                self.problem(sentence, reason);
            }
            Some(earlier) if earlier.off != off => {
                let reason = format!(
                    "{}在前面写的是{}，这里又写成{}，请核对原文。",
                    describe(date, self.year),
                    off_word(earlier.off),
                    off_word(off)
                );
                self.days.remove(&date);
                self.conflicted.insert(date);
                self.problem(sentence, reason);
            }
            Some(_) => {}
            None => {
                let day = SpecialDay {
                    date,
                    name: name.to_owned(),
                    off,
                };
                self.days.insert(date, day);
            }
        }
    }

    /// The extended holiday runs on from its last day off to `until`; a
    /// make-up working day inside that stretch is off now (the 2020 notice
    /// cancelled 2月1日's 上班 that way).
    fn apply(&mut self, extension: Extension, sentence: &str) {
        let last_off = self
            .days
            .values()
            .rev()
            .find(|d| d.off && d.date <= extension.until && same_holiday(&d.name, &extension.name))
            .map(|d| (d.date, d.name.clone()));
        let Some((last, name)) = last_off else {
            let reason = format!(
                "要延长的“{}”假期在前面没有找到放假日期，请把原来的放假安排也一起粘贴进来。",
                extension.name
            );
            self.problem(sentence, reason);
            return;
        };
        for date in last
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= extension.until)
        {
            if !self.conflicted.contains(&date) {
                let day = SpecialDay {
                    date,
                    name: name.clone(),
                    off: true,
                };
                self.days.insert(date, day);
            }
        }
        if let Some(resume) = extension.resume {
            self.add(resume, &name, false, sentence);
        }
    }

    fn problem(&mut self, sentence: &str, reason: String) {
        self.problems.push(NoticeProblem {
            sentence: sentence.to_owned(),
            reason,
        });
    }

    fn finish(mut self) -> NoticeParse {
        self.close_section();
        for (extension, sentence) in std::mem::take(&mut self.extensions) {
            self.apply(extension, &sentence);
        }
        NoticeParse {
            days: self.days.into_values().collect(),
            problems: self.problems,
            ignored: self.ignored,
        }
    }
}

/// Sentences end at 。 (lines were split already).
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    line.split('。').filter(|s| !s.is_empty())
}

fn same_holiday(a: &str, b: &str) -> bool {
    a.contains(b) || b.contains(a)
}

fn off_word(off: bool) -> &'static str {
    if off { "放假" } else { "上班" }
}

fn unreadable(body: &str) -> String {
    if ANY_DATE.is_match(body) {
        "看不懂这句话。应写成“1月1日至3日放假调休，共3天”或“1月4日（周日）上班”这样的句子。".into()
    } else {
        "这句话在节日条目里，但没有日期，看不出放假或上班的安排。".into()
    }
}

/// "1月1日至3日放假…": every day of the range is off, weekends included
/// (that is how the official lists count them).
fn read_off(body: &str, year: i32) -> Option<Result<Reading, String>> {
    let caps = OFF.captures(body)?;
    Some(off_days(&caps, year).map(Reading::Days))
}

fn off_days(caps: &Captures, year: i32) -> Result<Vec<(NaiveDate, bool)>, String> {
    let end = caps.name("end").map(|m| m.as_str());
    let (start, end) = range(&caps["start"], end, year)?;
    let rest = rest(&caps["rest"], start, year)?;
    let mut days: Vec<NaiveDate> = start.iter_days().take_while(|d| *d <= end).collect();
    days.extend(rest.make_up_off);
    if let Some(count) = rest.count
        && count != days.len()
    {
        return Err(format!(
            "写的是共{count}天，但{}至{}放假是{}天，请核对日期和天数。",
            describe(start, year),
            describe(end, year),
            days.len()
        ));
    }
    Ok(days.into_iter().map(|d| (d, true)).collect())
}

/// A range's dates. The end takes the start's year and month when it does
/// not write them ("至3日"); an end with a month but no year before the
/// start is in the next year ("12月30日至1月1日").
fn range(start: &str, end: Option<&str>, year: i32) -> Result<(NaiveDate, NaiveDate), String> {
    let start_text = DateText::parse(start)?;
    let end_text = end.map(DateText::parse).transpose()?;
    // "12月30日至1月1日" with no years in the notice of `year`: its 元旦,
    // begun the December before (notices write the years, but a clerk's
    // copy may not).
    let wraps = start_text.year.is_none()
        && end_text.as_ref().is_some_and(|e| {
            e.year.is_none() && matches!((e.month, start_text.month), (Some(m), Some(s)) if m < s)
        });
    let start_year = start_text
        .year
        .unwrap_or(if wraps { year - 1 } else { year });
    let start = start_text.resolve(start_year, None)?;
    start_text.verify(start, year)?;
    let Some(end_text) = end_text else {
        return Ok((start, start));
    };
    let mut end = end_text.resolve(end_text.year.unwrap_or(start.year()), Some(start.month()))?;
    if end < start && end_text.year.is_none() && end_text.month.is_some() {
        end = end_text.resolve(start.year() + 1, None)?;
    }
    end_text.verify(end, year)?;
    if end < start {
        return Err(format!(
            "结束日期{}早于开始日期{}。",
            describe(end, year),
            describe(start, year)
        ));
    }
    let length = (end - start).num_days() + 1;
    if length > MAX_RANGE_DAYS {
        return Err(format!(
            "{}至{}有{length}天，放假不会这么长，请检查日期。",
            describe(start, year),
            describe(end, year)
        ));
    }
    Ok((start, end))
}

/// What may follow 放假: 调休, "1天", and clauses "共N天", "不调休",
/// "与周末连休", "5月2日（星期一）补休".
struct Rest {
    count: Option<usize>,
    make_up_off: Vec<NaiveDate>,
}

fn rest(text: &str, start: NaiveDate, year: i32) -> Result<Rest, String> {
    let mut text = text.strip_prefix("调休").unwrap_or(text);
    let mut rest = Rest {
        count: None,
        make_up_off: Vec::new(),
    };
    if let Some(caps) = LEADING_COUNT.captures(text) {
        rest.count = caps[1].parse().ok();
        text = &text[caps[0].len()..];
    }
    for clause in split_outside_brackets(text, '，') {
        if clause.is_empty() || clause == "不调休" || clause == "与周末连休" {
            continue;
        }
        if let Some(caps) = COUNT.captures(clause) {
            let count = caps[1].parse().ok();
            if rest.count.is_some() && rest.count != count {
                return Err(format!("这句话里的天数前后不一致（“{text}”）。"));
            }
            rest.count = count;
        } else if let Some(caps) = MAKE_UP_OFF.captures(clause) {
            rest.make_up_off = date_list(&caps["list"], Some(start), year)?;
        } else {
            return Err(format!(
                "看不懂“放假”后面的“{clause}”。应写成“放假调休，共3天”“放假1天，不调休”这样的句子。"
            ));
        }
    }
    Ok(rest)
}

/// Splits on `sep` where it is not inside （…）, which may hold commas
/// ("（农历正月初九，星期日）").
fn split_outside_brackets(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            c if c == sep && depth == 0 => {
                parts.push(&text[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    parts
}

/// "2月2日（星期六）、2月3日（星期日）上班".
fn read_work(body: &str, year: i32) -> Option<Result<Reading, String>> {
    let caps = WORK.captures(body)?;
    let days = date_list(&caps["list"], None, year);
    Some(days.map(|days| Reading::Days(days.into_iter().map(|d| (d, false)).collect())))
}

/// The dates of a list; an item without a month or year takes the one
/// before it ("9月29日、30日").
fn date_list(list: &str, before: Option<NaiveDate>, year: i32) -> Result<Vec<NaiveDate>, String> {
    let mut previous = before;
    let mut dates = Vec::new();
    for found in ANY_DATE.find_iter(list) {
        let text = DateText::parse(found.as_str())?;
        let in_year = text.year.or(previous.map(|p| p.year())).unwrap_or(year);
        let date = text.resolve(in_year, previous.map(|p| p.month()))?;
        text.verify(date, year)?;
        previous = Some(date);
        dates.push(date);
    }
    Ok(dates)
}

fn read_extension(body: &str, year: i32) -> Option<Result<Extension, String>> {
    let caps = EXTEND.captures(body)?;
    let single = |text: &str| -> Result<NaiveDate, String> {
        let parsed = DateText::parse(text)?;
        let date = parsed.resolve(parsed.year.unwrap_or(year), None)?;
        parsed.verify(date, year)?;
        Ok(date)
    };
    let reading = single(&caps["until"]).and_then(|until| {
        let resume = caps
            .name("resume")
            .map(|m| single(m.as_str()))
            .transpose()?;
        Ok(Extension {
            name: caps["name"].to_owned(),
            until,
            resume,
        })
    });
    Some(reading)
}

/// A date as written: "2022年12月31日", "3日（周六）".
struct DateText<'a> {
    written: &'a str,
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    bracket: Option<&'a str>,
}

impl<'a> DateText<'a> {
    fn parse(written: &'a str) -> Result<Self, String> {
        let unreadable = || format!("看不懂日期“{written}”。");
        let caps = DATE_PARTS.captures(written).ok_or_else(unreadable)?;
        // At most four digits each (the pattern says so): they parse.
        let year = caps.get(1).and_then(|m| m.as_str().parse().ok());
        let month = caps.get(2).and_then(|m| m.as_str().parse().ok());
        let day = caps.get(3).and_then(|m| m.as_str().parse().ok());
        Ok(DateText {
            written,
            year,
            month,
            day: day.ok_or_else(unreadable)?,
            bracket: caps.get(4).map(|m| m.as_str()),
        })
    }

    /// The date in `year`, with `month` when none is written.
    fn resolve(&self, year: i32, month: Option<u32>) -> Result<NaiveDate, String> {
        let month = self
            .month
            .or(month)
            .ok_or_else(|| format!("日期“{}”没有写月份。", self.written))?;
        NaiveDate::from_ymd_opt(year, month, self.day)
            .ok_or_else(|| format!("{year}年{month}月{}日不是有效的日期。", self.day))
    }

    /// The date is near the notice's year, and the weekday in brackets (if
    /// any) is the date's: a mismatch means a typo in one of them.
    fn verify(&self, date: NaiveDate, year: i32) -> Result<(), String> {
        if (date.year() - year).abs() > 1 {
            return Err(format!(
                "{}不在{year}年前后，请检查年份。",
                describe(date, year)
            ));
        }
        let Some(bracket) = self.bracket else {
            return Ok(());
        };
        for caps in WEEKDAY.captures_iter(bracket) {
            if weekday_of(&caps[1]) != Some(date.weekday()) {
                return Err(format!(
                    "{}是{}，括号里写的是{}。",
                    describe(date, year),
                    weekday_name(date.weekday()),
                    &caps[0]
                ));
            }
        }
        Ok(())
    }
}

fn weekday_of(numeral: &str) -> Option<Weekday> {
    Some(match numeral {
        "一" => Weekday::Mon,
        "二" => Weekday::Tue,
        "三" => Weekday::Wed,
        "四" => Weekday::Thu,
        "五" => Weekday::Fri,
        "六" => Weekday::Sat,
        "日" | "天" => Weekday::Sun,
        _ => return None,
    })
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

/// "1月4日" in the notice's year, "2022年12月31日" otherwise.
fn describe(date: NaiveDate, year: i32) -> String {
    if date.year() == year {
        format!("{}月{}日", date.month(), date.day())
    } else {
        format!("{}年{}月{}日", date.year(), date.month(), date.day())
    }
}

#[cfg(test)]
mod tests;
