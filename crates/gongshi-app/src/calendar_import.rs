//! A year's holiday arrangement taken in whole: read from the State
//! Council's notice (pasted text or a .txt file), a holiday-cn JSON file or
//! an .ics calendar; shown as what would be saved (every day with its name,
//! every sentence or event that could not be read, which years become
//! complete); saved all at once, or not at all while anything is unread.
//!
//! Each day is kept with the year whose arrangement it belongs to: 2028's
//! 元旦 may begin on 2027-12-30, and importing 2027 again must not take it.

use chrono::{Datelike, NaiveDate};
use gongshi_domain::calendar::completeness::missing_holidays;
use gongshi_domain::calendar::{SpecialDay, YearSource, holiday_json, ics, notice};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::Store;
use serde::Serialize;

use crate::sheet_file::TextFault;
use crate::{Result, calendar, sheet_file};

/// The years an arrangement may be for.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// A notice is a few kilobytes; a calendar file of many years well under
/// this. Anything larger is not what the clerk meant to choose.
const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// What an import would save.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalendarImport {
    /// How the years it completes will be recorded.
    pub source: YearSource,
    /// Every day read, in date order.
    pub days: Vec<SpecialDay>,
    /// What could not be read, or may not be imported: nothing is saved
    /// while there is any.
    pub problems: Vec<ImportProblem>,
    /// Text that holds no holiday (the notice's preamble, its closing).
    pub ignored: Vec<String>,
    /// Each year's arrangement the import holds.
    pub years: Vec<YearOutcome>,
    /// The arrangement every day belongs to (a notice's, a holiday-cn
    /// file's year); `None`: each day's own (an .ics of several years).
    pub arrangement: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    /// The sentence or event as read ("" when it is the file as a whole).
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearOutcome {
    pub year: i32,
    /// Statutory holidays not in the import: empty means the year becomes
    /// complete (and its earlier entered days are replaced).
    pub missing: Vec<&'static str>,
    /// Days entered before for this year's arrangement, which it replaces.
    pub replaced: usize,
    /// How the year was already complete, if it was (a partial import then
    /// only adds its days).
    pub already: Option<YearSource>,
    /// Days of this arrangement dated in another year (元旦 from the
    /// December before).
    pub outside: Vec<NaiveDate>,
}

impl CalendarImport {
    /// The import of `days`; `year` is the arrangement they all belong to
    /// (a notice's, a holiday-cn file's), or `None` to take each day's own
    /// (an .ics may hold several years).
    fn new(source: YearSource, mut days: Vec<SpecialDay>, arrangement: Option<i32>) -> Self {
        days.sort_by_key(|d| d.date);
        let mut import = CalendarImport {
            source,
            days,
            problems: Vec::new(),
            ignored: Vec::new(),
            years: Vec::new(),
            arrangement,
        };
        let mut years: Vec<i32> = import
            .days
            .iter()
            .map(|d| import.arrangement_of(d))
            .collect();
        years.extend(arrangement);
        years.sort_unstable();
        years.dedup();
        import.years = years
            .into_iter()
            .map(|year| YearOutcome {
                year,
                missing: missing_holidays(&import.days, year),
                replaced: 0,
                already: None,
                outside: import
                    .days
                    .iter()
                    .filter(|d| import.arrangement_of(d) == year && d.date.year() != year)
                    .map(|d| d.date)
                    .collect(),
            })
            .collect();
        import
    }

    /// The year whose arrangement `day` is saved with.
    fn arrangement_of(&self, day: &SpecialDay) -> i32 {
        self.arrangement.unwrap_or_else(|| own_arrangement(day))
    }

    /// The years this import makes complete.
    pub fn completes(&self) -> impl Iterator<Item = i32> + '_ {
        self.years
            .iter()
            .filter(|y| y.missing.is_empty() && y.already.is_none())
            .map(|y| y.year)
    }

    /// A problem, its sentence and reason cut short: they are shown in a
    /// dialog and an error, and a file of one line would be one sentence.
    fn problem(&mut self, text: &str, reason: impl Into<String>) {
        self.problems.push(ImportProblem {
            text: shortened(text, SHOWN_SENTENCE),
            reason: shortened(&reason.into(), SHOWN_REASON),
        });
    }

    /// What the calendar already knows: the shipped years may not be
    /// imported over; a complete year is only added to; the days each
    /// complete import replaces are counted.
    fn against(mut self, store: Option<&Store>) -> Result<Self> {
        let known = calendar::calendar(store)?;
        let shipped: Vec<i32> = self
            .years
            .iter()
            .filter(|y| known.year_source(y.year) == Some(YearSource::Official))
            .map(|y| y.year)
            .collect();
        for year in shipped {
            self.problem(
                "",
                format!("{year}年的节假日安排随软件提供，不需要导入；要改正其中某一天，请逐日录入"),
            );
        }
        for outcome in &mut self.years {
            outcome.already = known.year_source(outcome.year);
            if let Some(store) = store
                && outcome.missing.is_empty()
            {
                outcome.replaced = store.calendar_days_of_arrangement(outcome.year)?;
            }
        }
        Ok(self)
    }
}

/// How much of a sentence, and of a reason, a problem shows.
const SHOWN_SENTENCE: usize = 60;
const SHOWN_REASON: usize = 300;

/// `text` up to `max` characters, an ellipsis marking a cut.
fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// An .ics day's arrangement: its own year, but 元旦 in December belongs to
/// the next year's.
fn own_arrangement(day: &SpecialDay) -> i32 {
    let year = day.date.year();
    if day.date.month() == 12 && day.name.contains("元旦") {
        year + 1
    } else {
        year
    }
}

/// Reads the text of the State Council's notice for `year` (found in its
/// title when not given).
pub fn read_notice(store: Option<&Store>, text: &str, year: Option<i32>) -> Result<CalendarImport> {
    check_text(text, "通知全文")?;
    let titled = notice::notice_year(text);
    let year = match (year, titled) {
        (Some(given), Some(title)) if given != title => {
            return Err(FieldError::new(
                "年份",
                format!("通知标题写的是{title}年的安排，与指定的{given}年不符"),
            )
            .into());
        }
        (Some(y), _) | (None, Some(y)) => y,
        (None, None) => {
            return Err(FieldError::new(
                "年份",
                "通知的标题里没有找到年份（如“关于2027年部分节假日安排的通知”），请指明是哪一年的安排",
            )
            .into());
        }
    };
    check_year(year)?;
    let parsed = notice::parse_notice(text, year);
    let mut import = CalendarImport::new(YearSource::Notice, parsed.days, Some(year));
    for p in parsed.problems {
        import.problem(&p.sentence, p.reason);
    }
    import.ignored = parsed.ignored;
    if import.days.is_empty() && import.problems.is_empty() {
        import.problem("", "没有读到任何放假或调休上班的日期：请粘贴通知的全文");
    }
    import.against(store)
}

/// Reads a file by its kind: a holiday-cn `.json`, an `.ics` calendar, or
/// the notice as `.txt` (UTF-8 or GBK).
pub fn read_file(
    store: Option<&Store>,
    bytes: &[u8],
    file_name: &str,
    year: Option<i32>,
) -> Result<CalendarImport> {
    let lower = file_name.to_lowercase();
    // The kind first: a workbook chosen by mistake is named as such.
    if ![".json", ".ics", ".txt"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return Err(FieldError::new(
            "日历文件",
            format!("不认识“{file_name}”的格式：请用国务院通知的文本（.txt）、holiday-cn 的 .json 或 .ics 日历文件"),
        )
        .into());
    }
    let text = file_text(bytes, file_name)?;
    if lower.ends_with(".json") {
        let (year, days) =
            holiday_json::parse_holiday_json(&text).map_err(|e| FieldError::new("日历文件", e))?;
        check_year(year)?;
        let mut import = CalendarImport::new(YearSource::File, days, Some(year));
        if !import.days.iter().any(|d| d.date.year() == year) {
            import.problem(
                "",
                format!("文件写的是{year}年（year），但没有一天在{year}年：请核对年份"),
            );
        }
        import.against(store)
    } else if lower.ends_with(".ics") {
        let parsed = ics::parse_ics(&text);
        let mut import = CalendarImport::new(YearSource::File, parsed.days, None);
        for reason in parsed.problems {
            import.problem("", reason);
        }
        if import.days.is_empty() && import.problems.is_empty() {
            import.problem("", "日历文件里没有放假或调休上班的日子");
        }
        import.against(store)
    } else {
        read_notice(store, &text, year)
    }
}

/// The text of a calendar file, refused unread when too big, empty, not
/// text or in an encoding that cannot be told; then as [`check_text`].
fn file_text(bytes: &[u8], file_name: &str) -> Result<String> {
    let refused =
        |message: String| -> crate::AppError { FieldError::new("日历文件", message).into() };
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(refused(format!(
            "“{file_name}”有{:.1} MB，超过了通知或日历文件的上限（{} MB），不像是节假日安排，没有读取",
            bytes.len() as f64 / (1 << 20) as f64,
            MAX_TEXT_BYTES >> 20
        )));
    }
    let text = sheet_file::decode_text(bytes).map_err(|fault| {
        refused(match fault {
            TextFault::Binary { .. } | TextFault::Utf16WithoutBom => {
                format!("“{file_name}”不是通知的文本或日历文件：{}", fault.detail())
            }
            TextFault::Hidden(_) | TextFault::Encoding(_) => fault.detail(),
        })
    })?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(refused(format!("“{file_name}”是空的：里面没有任何文字")));
    }
    check_text(&text, "日历文件")?;
    Ok(text)
}

/// A notice's text within [`MAX_TEXT_BYTES`] and with no character that
/// prints as nothing: such a character would be saved in a holiday's name
/// (U+202E shows 旦元 for 元旦), or make a sentence unreadable for no
/// reason the clerk can see.
fn check_text(text: &str, field: &'static str) -> Result<()> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(FieldError::new(
            field,
            format!("超过了{} MB，不像是节假日安排的通知", MAX_TEXT_BYTES >> 20),
        )
        .into());
    }
    // A BOM begins what Notepad saves; a CR ends a Windows line.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(hidden) =
        sheet_file::find_hidden(body, |c| c != '\r' && gongshi_domain::text::is_hidden(c))
    {
        return Err(FieldError::new(field, hidden.to_string()).into());
    }
    Ok(())
}

fn check_year(year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(FieldError::new(
            "年份",
            format!("{year}不是可用的年份（{}—{}）", YEARS.start(), YEARS.end()),
        )
        .into())
    }
}

/// Saves everything the import read, in one change: each year it makes
/// complete replaces the days of that year's arrangement entered before
/// and is recorded as complete; the days of an incomplete one are added
/// but the year stays uncovered. Refused, saving nothing, while anything
/// could not be read.
pub fn save(
    store: &mut Store,
    operator: &OperatorName,
    import: &CalendarImport,
) -> Result<Vec<i32>> {
    check(import)?;
    let complete: Vec<i32> = import.completes().collect();
    store.write(operator, |w| {
        for &year in &complete {
            w.remove_calendar_arrangement(year)?;
        }
        for day in &import.days {
            w.set_calendar_day(day, Some(import.arrangement_of(day)))?;
        }
        for &year in &complete {
            w.set_calendar_year(year, import.source)?;
        }
        Ok(())
    })?;
    Ok(complete)
}

/// Refuses an import with anything unread, naming all of it.
pub fn check(import: &CalendarImport) -> Result<()> {
    if import.problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = import.problems.iter().map(problem_line).collect();
    Err(FieldError::new(
        "节假日安排",
        format!(
            "有{}处读不懂或不能导入，没有保存任何日期：\n{}",
            lines.len(),
            lines.join("\n")
        ),
    )
    .into())
}

/// “sentence”：reason — or the reason alone for the file as a whole.
pub fn problem_line(p: &ImportProblem) -> String {
    if p.text.is_empty() {
        p.reason.clone()
    } else {
        format!("“{}”：{}", p.text, p.reason)
    }
}

/// What an import does to one year, in a line: complete (replacing what
/// was entered), added to a complete year, or still lacking holidays.
pub fn outcome_line(y: &YearOutcome) -> String {
    let outside = if y.outside.is_empty() {
        String::new()
    } else {
        let dates: Vec<String> = y
            .outside
            .iter()
            .map(|d| format!("{}年{}月{}日", d.year(), d.month(), d.day()))
            .collect();
        format!("，其中{}不在{}年", dates.join("、"), y.year)
    };
    match (y.already, y.missing.is_empty()) {
        (Some(source), _) => format!(
            "{}年：已经完整（{}），这些日期并入其中{outside}",
            y.year,
            source.label()
        ),
        (None, true) if y.replaced > 0 => format!(
            "{}年：七个法定节假日齐全，保存后该年完整（替换已录入的{}天）{outside}",
            y.year, y.replaced
        ),
        (None, true) => format!("{}年：七个法定节假日齐全，保存后该年完整{outside}", y.year),
        (None, false) => format!(
            "{}年：缺少{}，保存后仍不完整{outside}",
            y.year,
            y.missing.join("、")
        ),
    }
}
