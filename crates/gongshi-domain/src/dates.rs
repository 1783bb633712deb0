//! Dates as people type them: 2026-11-30, 2026/11/30, 2026.11.30,
//! 2026年11月30日, with full-width digits too. One rule, for the command
//! line and the desktop alike; dates are shown back in ISO (2026-11-30),
//! which parses again to the same day.

use chrono::NaiveDate;

use crate::FieldError;

/// The example every refusal gives.
const EXAMPLE: &str = "例：2026-11-30、2026/11/30 或 2026年11月30日";

/// Reads a date as typed: year, month and day separated by `-`, `/` or `.`
/// (one kind throughout), or written 2026年11月30日 (号 for 日, the 日 may be
/// left off). Full-width digits and separators count as their ASCII forms;
/// the year has four digits, month and day one or two. Refuses anything else,
/// and days that do not exist (2026-13-01, 2026-02-30), naming `field`.
pub fn parse_date(field: &'static str, input: &str) -> Result<NaiveDate, FieldError> {
    let text: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(half_width)
        .collect();
    if text.is_empty() {
        return Err(FieldError::new(field, "不能为空"));
    }
    let refuse = || FieldError::new(field, format!("“{input}”不是有效日期（{EXAMPLE}）"));
    let (year, month, day) = split(&text).ok_or_else(refuse)?;
    let (year, month, day) = (number(year, 4, 4), number(month, 1, 2), number(day, 1, 2));
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(refuse());
    };
    let year = i32::try_from(year).map_err(|_| refuse())?;
    if day == 0 {
        return Err(refuse());
    }
    if !(1..=12).contains(&month) {
        return Err(FieldError::new(
            field,
            format!("“{input}”不是有效日期：月份应为1到12（例：2026-11-30）"),
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = days_in_month(year, month);
        FieldError::new(
            field,
            format!("“{input}”不是有效日期：{year}年{month}月只有{days}天（例：2026-11-30）"),
        )
    })
}

/// Full-width digits and separators as ASCII.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => crate::text::half_width(c),
        '－' | '—' | '–' => '-',
        '／' => '/',
        '．' | '。' => '.',
        _ => c,
    }
}

/// Year, month and day, as written.
fn split(text: &str) -> Option<(&str, &str, &str)> {
    if let Some((year, rest)) = text.split_once('年') {
        let (month, day) = rest.split_once('月')?;
        let day = day
            .strip_suffix('日')
            .or_else(|| day.strip_suffix('号'))
            .unwrap_or(day);
        return Some((year, month, day));
    }
    for sep in ['-', '/', '.'] {
        let mut parts = text.split(sep);
        if let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            return Some((y, m, d));
        }
    }
    None
}

/// ASCII digits only, `min` to `max` of them.
fn number(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_forms_people_write() {
        for (input, expected) in [
            ("2026-11-30", day(2026, 11, 30)),
            ("2026/11/30", day(2026, 11, 30)),
            ("2026.11.30", day(2026, 11, 30)),
            ("2026年11月30日", day(2026, 11, 30)),
            ("2026年11月30号", day(2026, 11, 30)),
            ("2026年11月30", day(2026, 11, 30)),
            ("2026 年 11 月 30 日", day(2026, 11, 30)),
            ("２０２６年１１月３０日", day(2026, 11, 30)),
            ("２０２６－１１－３０", day(2026, 11, 30)),
            ("2026／11／30", day(2026, 11, 30)),
            ("2026-1-5", day(2026, 1, 5)),
            ("2026/01/05", day(2026, 1, 5)),
            ("2026年1月5日", day(2026, 1, 5)),
            ("  2026-11-30  ", day(2026, 11, 30)),
            ("2028-02-29", day(2028, 2, 29)),
        ] {
            assert_eq!(parse_date("日期", input), Ok(expected), "{input}");
        }
    }

    #[test]
    fn refusals_name_the_field_and_say_why() {
        for (input, why) in [
            ("", "不能为空"),
            ("   ", "不能为空"),
            ("2026-13-01", "月份应为1到12"),
            ("2026-00-10", "月份应为1到12"),
            ("2026-02-30", "2026年2月只有28天"),
            ("2026-11-31", "2026年11月只有30天"),
            ("2026-11-00", "不是有效日期（例"),
            ("2027-02-29", "2027年2月只有28天"),
            ("2026年13月1日", "月份应为1到12"),
            ("明天", "不是有效日期（例：2026-11-30"),
            ("2026-11", "不是有效日期"),
            ("2026-11-30-1", "不是有效日期"),
            ("2026/11-30", "不是有效日期"),
            ("26-11-30", "不是有效日期"),
            ("20261130", "不是有效日期"),
            ("2026-011-30", "不是有效日期"),
            ("2026-+1-30", "不是有效日期"),
            ("11/30/2026", "不是有效日期"),
            ("2026年11月", "不是有效日期"),
            ("2026年十一月三十日", "不是有效日期"),
            ("2026-١١-30", "不是有效日期"),
        ] {
            let err = parse_date("计划张贴日期", input).unwrap_err().to_string();
            assert!(err.starts_with("计划张贴日期："), "{input}: {err}");
            assert!(err.contains(why), "{input}: {err}");
        }
    }

    #[test]
    fn the_refused_text_is_quoted_as_typed() {
        let err = parse_date("日期", "2026-13-01").unwrap_err();
        assert_eq!(
            err.message,
            "“2026-13-01”不是有效日期：月份应为1到12（例：2026-11-30）"
        );
    }

    #[test]
    fn the_iso_form_shown_parses_back() {
        for d in [day(2026, 11, 30), day(2026, 1, 1), day(1999, 12, 31)] {
            assert_eq!(parse_date("日期", &d.to_string()), Ok(d));
            assert_eq!(
                parse_date("日期", &d.format("%Y年%-m月%-d日").to_string()),
                Ok(d)
            );
        }
    }
}
