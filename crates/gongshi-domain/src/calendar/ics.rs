//! Reads an iCalendar (.ics) file of PRC holidays: the subscription
//! calendars many offices already use (holiday-cn's "元旦假期" /
//! "上班(补春节假期)", "春节 假期 第1天/共9天" / "春节 补班 第1天/共2天",
//! Apple's "春节（休）" / "春节（班）") give a year's days as events.
//!
//! Whether an event is a day off or a make-up working day is only in its
//! SUMMARY, so it is read from the words there; an event whose summary says
//! neither is reported, never guessed and never dropped without a word.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use regex::Regex;
use serde::Serialize;

use super::SpecialDay;

/// The days an .ics file gave, and what could not be read (in Chinese).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IcsParse {
    /// Sorted by date, each date once.
    pub days: Vec<SpecialDay>,
    pub problems: Vec<String>,
}

/// The longest event taken as holidays; a longer one is not a holiday
/// arrangement (or has a wrong DTEND).
const MAX_EVENT_DAYS: i64 = 31;

/// What is stripped from a summary to leave the holiday's name: the
/// off/work words, "第1天/共3天" counters, brackets and separators.
static NOT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第\d+天|共\d+天|\d+年|\d+月|\d+日|\d+|调休上班|上班|补班|放假|假期|休息日?|调休|[补班休假]|[\s/()（）\[\]【】·:：,，\-]")
        .expect("valid regex")
});
static DURATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^P(?:(\d+)W|(\d+)D)?(?:T[\dHMS]*)?$").expect("valid regex"));

/// Reads every event of the file (any number of years); events that give
/// no days are reported in `problems`, each naming its summary and start.
pub fn parse_ics(text: &str) -> IcsParse {
    let mut days: BTreeMap<NaiveDate, SpecialDay> = BTreeMap::new();
    let mut conflicted = BTreeSet::new();
    let mut problems = Vec::new();
    let events = events(&unfold(text), &mut problems);
    if events.is_empty() && problems.is_empty() {
        problems.push("文件里没有任何日程（VEVENT），不像是节假日日历。".into());
    }
    for (i, event) in events.iter().enumerate() {
        match event_days(event) {
            Ok(None) => {}
            Ok(Some(read)) => {
                for date in read.dates {
                    let day = SpecialDay {
                        date,
                        name: read.name.clone(),
                        off: read.off,
                    };
                    if let Some(problem) = add(&mut days, &mut conflicted, day) {
                        problems.push(problem);
                    }
                }
            }
            Err(reason) => problems.push(format!("第{}个日程{}：{reason}", i + 1, event.label())),
        }
    }
    IcsParse {
        days: days.into_values().collect(),
        problems,
    }
}

/// RFC 5545 §3.1: a line break followed by a space or tab continues the
/// line. CRLF, LF and lone CR all end lines.
fn unfold(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.replace("\n ", "").replace("\n\t", "")
}

/// One content line: "DTSTART;VALUE=DATE:20270101".
struct Property {
    name: String,
    params: Vec<String>,
    value: String,
}

impl Property {
    /// The value starts at the first colon outside a quoted parameter
    /// ("TZID=\"a:b\"" holds one).
    fn parse(line: &str) -> Option<Property> {
        let mut quoted = false;
        let colon = line.char_indices().find_map(|(i, c)| match c {
            '"' => {
                quoted = !quoted;
                None
            }
            ':' if !quoted => Some(i),
            _ => None,
        })?;
        let mut head = line[..colon].split(';');
        let name = head.next()?.trim().to_ascii_uppercase();
        Some(Property {
            name,
            params: head.map(|p| p.trim().to_ascii_uppercase()).collect(),
            value: line[colon + 1..].trim().to_owned(),
        })
    }
}

/// A VEVENT's own properties (not those of a VALARM inside it).
#[derive(Default)]
struct Event {
    properties: Vec<Property>,
}

impl Event {
    fn get(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    fn summary(&self) -> Option<String> {
        self.get("SUMMARY").map(|p| unescape(&p.value))
    }

    /// How a problem names the event: its summary and start, as written.
    fn label(&self) -> String {
        let summary = self.summary().unwrap_or_default();
        let start = self.get("DTSTART").map(|p| p.value.as_str()).unwrap_or("");
        format!("“{summary}”（{start}）")
    }
}

fn events(text: &str, problems: &mut Vec<String>) -> Vec<Event> {
    let mut events = Vec::new();
    let mut current: Option<Event> = None;
    // Components nested in the event (VALARM) have their own DESCRIPTION…
    let mut depth = 0usize;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Some(property) = Property::parse(line) else {
            continue;
        };
        let component = property.value.to_ascii_uppercase();
        match (property.name.as_str(), current.as_mut()) {
            ("BEGIN", None) if component == "VEVENT" => current = Some(Event::default()),
            ("BEGIN", Some(_)) => depth += 1,
            ("END", Some(_)) if depth > 0 => depth -= 1,
            ("END", Some(_)) => {
                events.extend(current.take());
            }
            (_, Some(event)) if depth == 0 => event.properties.push(property),
            _ => {}
        }
    }
    if current.is_some() {
        problems.push("文件在一个日程（VEVENT）中间结束了，最后一个日程没有读。".into());
    }
    events
}

/// TEXT values escape "\\", "\;", "\," and newlines (RFC 5545 §3.3.11).
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out.trim().to_owned()
}

/// What an event gives: its days, all off or all working, and the name.
struct EventDays {
    dates: Vec<NaiveDate>,
    name: String,
    off: bool,
}

/// `Ok(None)`: a cancelled event, which iCalendar says is not happening.
fn event_days(event: &Event) -> Result<Option<EventDays>, String> {
    if event
        .get("STATUS")
        .is_some_and(|s| s.value.eq_ignore_ascii_case("CANCELLED"))
    {
        return Ok(None);
    }
    if event.get("RRULE").is_some() {
        return Err("是重复日程（RRULE），节假日日历不会这样写，无法导入。".into());
    }
    let summary = event
        .summary()
        .ok_or("没有标题（SUMMARY），看不出是放假还是上班。")?;
    let off = classify(&summary)?;
    let dates = dates(event)?;
    Ok(Some(EventDays {
        dates,
        name: name(&summary, off),
        off,
    }))
}

/// Work words first: "上班(补春节假期)" holds 假 but is a working day.
/// "调休" alone is not enough: calendars use it both for the days off and
/// for the Saturday worked in exchange.
fn classify(summary: &str) -> Result<bool, String> {
    if summary.contains('班') {
        return Ok(false);
    }
    let without_swap = summary.replace("调休", "");
    if ["放假", "假", "休"]
        .iter()
        .any(|w| without_swap.contains(w))
    {
        return Ok(true);
    }
    if summary.contains("调休") {
        return Err("标题只写了“调休”，分不清是放假还是上班。".into());
    }
    Err("标题里没有“休”“假”或“班”，看不出是放假还是上班。".into())
}

/// The summary without the off/work words: "上班(补国庆节、中秋节假期)" →
/// "国庆节、中秋节". A summary that is nothing but those words gets a
/// generic name.
fn name(summary: &str, off: bool) -> String {
    let name = NOT_NAME.replace_all(summary, "");
    let name = name.trim_matches('、');
    match (name.is_empty(), off) {
        (false, _) => name.to_owned(),
        (true, true) => "放假".to_owned(),
        (true, false) => "调休上班".to_owned(),
    }
}

/// The days from DTSTART up to DTEND (exclusive), or over DURATION, or
/// DTSTART alone. A timed event ("20260214T090000"–"T180000", how some
/// calendars mark a working day) covers the dates it touches.
fn dates(event: &Event) -> Result<Vec<NaiveDate>, String> {
    let start = event.get("DTSTART").ok_or("没有开始日期（DTSTART）。")?;
    let start = moment(start)?;
    let last = match (event.get("DTEND"), event.get("DURATION")) {
        (Some(end), _) => last_day(start, moment(end)?),
        (None, Some(duration)) => last_day(start, start.after(&duration.value)?),
        (None, None) => start.date(),
    };
    let days = (last - start.date()).num_days() + 1;
    if days > MAX_EVENT_DAYS {
        return Err(format!(
            "跨了{days}天，不像是节假日，请检查结束日期（DTEND）。"
        ));
    }
    Ok(start
        .date()
        .iter_days()
        .take_while(|d| *d <= last)
        .collect())
}

/// A DTSTART/DTEND value: a whole day, or a moment in Beijing time.
#[derive(Clone, Copy)]
enum Moment {
    Day(NaiveDate),
    Time(NaiveDateTime),
}

impl Moment {
    fn date(self) -> NaiveDate {
        match self {
            Moment::Day(date) => date,
            Moment::Time(time) => time.date(),
        }
    }

    /// DTSTART plus an RFC 5545 duration; only weeks, days and a same-day
    /// time part occur in holiday files.
    fn after(self, duration: &str) -> Result<Moment, String> {
        let unreadable = || format!("看不懂时长（DURATION）“{duration}”。");
        let caps = DURATION.captures(duration).ok_or_else(unreadable)?;
        let number = |i: usize| -> i64 {
            caps.get(i)
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0)
        };
        let days = Duration::days(number(1) * 7 + number(2));
        Ok(match self {
            Moment::Day(date) => Moment::Day(date + days),
            // The time part stays within the day the event starts on.
            Moment::Time(time) => Moment::Time(time + days),
        })
    }
}

/// An event's last date: a DATE end is exclusive; a timed end at midnight
/// ends the day before. An end not after the start (some files repeat
/// DTSTART as DTEND for a one-day event) means the start's day alone.
fn last_day(start: Moment, end: Moment) -> NaiveDate {
    let last = match end {
        Moment::Day(date) => date.pred_opt().unwrap_or(date),
        Moment::Time(time) if time.time() == chrono::NaiveTime::MIN => {
            time.date().pred_opt().unwrap_or(time.date())
        }
        Moment::Time(time) => time.date(),
    };
    last.max(start.date())
}

/// "20270101", "20270101T090000", "20270101T010000Z" (UTC: Beijing is
/// UTC+8 all year, so a holiday written in UTC is shifted back). A TZID is
/// taken as local time: the files are Chinese calendars.
fn moment(property: &Property) -> Result<Moment, String> {
    let value = property.value.as_str();
    let unreadable = || format!("{}“{value}”不是有效的日期。", property.name);
    let date_only = property.params.iter().any(|p| p == "VALUE=DATE") || value.len() == 8;
    if date_only {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(Moment::Day)
            .map_err(|_| unreadable());
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (value, false),
    };
    let time = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").map_err(|_| unreadable())?;
    Ok(Moment::Time(if utc {
        time + Duration::hours(8)
    } else {
        time
    }))
}

/// Adds a day; a date given as off by one event and working by another is
/// left out and reported once.
fn add(
    days: &mut BTreeMap<NaiveDate, SpecialDay>,
    conflicted: &mut BTreeSet<NaiveDate>,
    day: SpecialDay,
) -> Option<String> {
    if conflicted.contains(&day.date) {
        return None;
    }
    match days.get(&day.date) {
        Some(earlier) if earlier.off != day.off => {
            let (off, work) = if earlier.off {
                (earlier, &day)
            } else {
                (&day, earlier)
            };
            let problem = format!(
                "{}年{}月{}日既是放假（{}）又是上班（{}），没有导入这一天，请核对。",
                day.date.year(),
                day.date.month(),
                day.date.day(),
                off.name,
                work.name
            );
            days.remove(&day.date);
            conflicted.insert(day.date);
            Some(problem)
        }
        Some(_) => None,
        None => {
            days.insert(day.date, day);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A calendar of `events`, each (DTSTART line, DTEND line or "", SUMMARY).
    fn calendar(events: &[(&str, &str, &str)]) -> String {
        let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//CN\r\n");
        for (start, end, summary) in events {
            text.push_str("BEGIN:VEVENT\r\n");
            text.push_str(&format!("{start}\r\n"));
            if !end.is_empty() {
                text.push_str(&format!("{end}\r\n"));
            }
            text.push_str(&format!("SUMMARY:{summary}\r\nEND:VEVENT\r\n"));
        }
        text.push_str("END:VCALENDAR\r\n");
        text
    }

    /// The days as "YYYY-MM-DD name 休|班", and the problems' count.
    fn check(text: &str, expected: &[&str], problems: usize) {
        let parsed = parse_ics(text);
        let got: Vec<String> = parsed
            .days
            .iter()
            .map(|d| format!("{} {} {}", d.date, d.name, if d.off { "休" } else { "班" }))
            .collect();
        assert_eq!(got, expected, "{text}");
        assert_eq!(parsed.problems.len(), problems, "{:?}", parsed.problems);
    }

    #[test]
    fn holiday_cn_events_span_days_with_an_exclusive_end() {
        let text = calendar(&[
            (
                "DTSTART;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20270104",
                "元旦假期",
            ),
            (
                "DTSTART;VALUE=DATE:20270207",
                "DTEND;VALUE=DATE:20270208",
                "上班(补春节假期)",
            ),
            (
                "DTSTART;VALUE=DATE:20271001",
                "DTEND;VALUE=DATE:20271003",
                "国庆节、中秋节假期",
            ),
        ]);
        check(
            &text,
            &[
                "2027-01-01 元旦 休",
                "2027-01-02 元旦 休",
                "2027-01-03 元旦 休",
                "2027-02-07 春节 班",
                "2027-10-01 国庆节、中秋节 休",
                "2027-10-02 国庆节、中秋节 休",
            ],
            0,
        );
    }

    #[test]
    fn summaries_of_common_subscription_calendars() {
        let one_day = |summary: &'static str| {
            (
                "DTSTART;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20270102",
                summary,
            )
        };
        let cases: &[(&str, &str)] = &[
            ("元旦 假期 第1天/共3天", "元旦 休"),
            ("春节 补班 第1天/共2天", "春节 班"),
            ("春节（休）", "春节 休"),
            ("春节（班）", "春节 班"),
            ("春节放假", "春节 休"),
            ("国庆节调休上班", "国庆节 班"),
            ("劳动节 休", "劳动节 休"),
            ("补班", "调休上班 班"),
            ("放假", "放假 休"),
            ("春节补班（2月14日上班）", "春节 班"),
        ];
        for (summary, expected) in cases {
            let expected = format!("2027-01-01 {expected}");
            check(&calendar(&[one_day(summary)]), &[expected.as_str()], 0);
        }
    }

    #[test]
    fn timed_utc_and_bare_dates_and_durations() {
        // How shuyz's calendar writes a working day: 09:00–18:00.
        let timed = calendar(&[(
            "DTSTART:20270207T090000",
            "DTEND:20270207T180000",
            "春节 补班 第1天/共1天",
        )]);
        check(&timed, &["2027-02-07 春节 班"], 0);
        // Midnight UTC the day before is the day itself in Beijing; an end
        // at midnight does not add the next day.
        let utc = calendar(&[(
            "DTSTART:20261231T160000Z",
            "DTEND:20270101T160000Z",
            "元旦（休）",
        )]);
        check(&utc, &["2027-01-01 元旦 休"], 0);
        // No DTEND, or DTEND equal to DTSTART: one day.
        let bare = calendar(&[
            ("DTSTART:20270101", "", "元旦（休）"),
            ("DTSTART:20270405", "DTEND:20270405", "清明节（休）"),
        ]);
        check(&bare, &["2027-01-01 元旦 休", "2027-04-05 清明节 休"], 0);
        let duration = calendar(&[("DTSTART;VALUE=DATE:20270501", "DURATION:P2D", "劳动节假期")]);
        check(
            &duration,
            &["2027-05-01 劳动节 休", "2027-05-02 劳动节 休"],
            0,
        );
    }

    #[test]
    fn folded_lines_and_lf_endings_and_escapes() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027\n 0101\nDTEND;VALUE=DATE:20270102\nSUMMARY;LANGUAGE=zh_CN:国庆节\\, 中\n\t秋节假期\nEND:VEVENT\nEND:VCALENDAR\n";
        check(text, &["2027-01-01 国庆节中秋节 休"], 0);
        let crlf_folded = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:元\r\n 旦假期\r\nEND:VEVENT\r\n";
        check(crlf_folded, &["2027-01-01 元旦 休"], 0);
    }

    #[test]
    fn alarms_inside_an_event_do_not_change_it() {
        let text = "BEGIN:VEVENT\nDTSTART:20270207T090000\nDTEND:20270207T180000\nSUMMARY:春节 补班\nBEGIN:VALARM\nDESCRIPTION:补班提醒\nSUMMARY:提醒\nEND:VALARM\nEND:VEVENT\n";
        check(text, &["2027-02-07 春节 班"], 0);
    }

    #[test]
    fn events_that_cannot_be_read_are_problems_not_dropped() {
        let text = calendar(&[
            ("DTSTART;VALUE=DATE:20270204", "", "立春"),
            ("DTSTART;VALUE=DATE:20270206", "", "春节调休"),
            ("DTSTART;VALUE=DATE:20270299", "", "春节假期"),
            (
                "DTSTART;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20270301",
                "元旦假期",
            ),
            ("DTSTART;VALUE=DATE:20270405", "", "清明节假期"),
        ]);
        let parsed = parse_ics(&text);
        assert_eq!(parsed.days.len(), 1);
        assert_eq!(parsed.problems.len(), 4, "{:?}", parsed.problems);
        assert!(parsed.problems[0].starts_with("第1个日程“立春”（20270204）"));
        assert!(parsed.problems[0].contains("看不出是放假还是上班"));
        assert!(parsed.problems[1].contains("只写了“调休”"));
        assert!(parsed.problems[2].contains("不是有效的日期"));
        assert!(parsed.problems[3].contains("跨了59天"));
        let no_summary = "BEGIN:VEVENT\nDTSTART:20270101\nEND:VEVENT\n";
        assert!(parse_ics(no_summary).problems[0].contains("没有标题"));
        let repeating =
            "BEGIN:VEVENT\nDTSTART:20270101\nRRULE:FREQ=YEARLY\nSUMMARY:元旦\nEND:VEVENT\n";
        assert!(parse_ics(repeating).problems[0].contains("RRULE"));
        let cut = "BEGIN:VEVENT\nDTSTART:20270101\nSUMMARY:元旦假期\n";
        assert!(parse_ics(cut).problems[0].contains("中间结束"));
        assert!(parse_ics("hello").problems[0].contains("没有任何日程"));
    }

    #[test]
    fn a_day_both_off_and_working_is_left_out_and_reported() {
        let text = calendar(&[
            (
                "DTSTART;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20270103",
                "元旦假期",
            ),
            ("DTSTART;VALUE=DATE:20270102", "", "上班(补元旦假期)"),
            ("DTSTART;VALUE=DATE:20270102", "", "元旦假期"),
        ]);
        let parsed = parse_ics(&text);
        assert_eq!(parsed.days.len(), 1);
        assert_eq!(
            parsed.problems,
            ["2027年1月2日既是放假（元旦）又是上班（元旦），没有导入这一天，请核对。"]
        );
    }

    #[test]
    fn a_cancelled_event_gives_no_days() {
        let text =
            "BEGIN:VEVENT\nDTSTART:20270101\nSTATUS:CANCELLED\nSUMMARY:元旦假期\nEND:VEVENT\n";
        check(text, &[], 0);
    }

    #[test]
    fn a_two_year_file_gives_both_years_in_date_order() {
        let text = calendar(&[
            (
                "DTSTART;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20270102",
                "元旦假期",
            ),
            (
                "DTSTART;VALUE=DATE:20260101",
                "DTEND;VALUE=DATE:20260104",
                "元旦假期",
            ),
            (
                "DTSTART;VALUE=DATE:20260104",
                "DTEND;VALUE=DATE:20260105",
                "上班(补元旦假期)",
            ),
        ]);
        check(
            &text,
            &[
                "2026-01-01 元旦 休",
                "2026-01-02 元旦 休",
                "2026-01-03 元旦 休",
                "2026-01-04 元旦 班",
                "2027-01-01 元旦 休",
            ],
            0,
        );
    }
}
