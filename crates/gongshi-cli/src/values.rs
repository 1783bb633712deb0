//! How typed arguments are read: the domain's own rules (a date as people
//! write it, a grade 1–12), and whole numbers, each refusal a Chinese
//! [`FieldError`] that [`crate::usage`] turns into the message naming the
//! argument.

use std::str::FromStr;

use chrono::NaiveDate;
use gongshi_app::domain::FieldError;
use gongshi_app::domain::dates::parse_date;
use gongshi_app::domain::grades::parse_grade;

/// 2026-11-30, 2026/11/30, 2026.11.30 or 2026年11月30日.
pub fn date(input: &str) -> Result<NaiveDate, FieldError> {
    parse_date("日期", input)
}

/// 1–12, 三年级, 初一, 高二.
pub fn grade(input: &str) -> Result<u8, FieldError> {
    parse_grade("年级", input)
}

/// A whole number (full-width digits too) that fits `T`.
pub fn number<T: FromStr>(input: &str) -> Result<T, FieldError> {
    let text: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => gongshi_app::domain::text::half_width(c),
            '－' => '-',
            _ => c,
        })
        .collect();
    if text.is_empty() {
        return Err(FieldError::new("值", "不能为空"));
    }
    if let Ok(n) = text.parse() {
        return Ok(n);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(&text);
    let why = if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        "不是整数"
    } else if text.starts_with('-') {
        "不能是负数"
    } else {
        "太大了"
    };
    Err(FieldError::new("值", format!("“{input}”{why}")))
}

/// 是 or 否 (yes/no too).
pub fn yes_no(input: &str) -> Result<bool, String> {
    match input.trim() {
        "是" | "yes" | "y" | "1" => Ok(true),
        "否" | "no" | "n" | "0" => Ok(false),
        other => Err(format!("“{other}”应为“是”或“否”")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        assert_eq!(number::<u32>("5"), Ok(5));
        assert_eq!(number::<u32>(" ５ "), Ok(5));
        assert_eq!(number::<i64>("-3"), Ok(-3));
        for (input, why) in [
            ("", "不能为空"),
            ("abc", "“abc”不是整数"),
            ("1.5", "不是整数"),
            ("-", "不是整数"),
            ("-1", "“-1”不能是负数"),
            ("99999999999", "“99999999999”太大了"),
        ] {
            let err = number::<u32>(input).unwrap_err();
            assert!(err.message.contains(why), "{input}: {err}");
        }
    }

    #[test]
    fn dates_and_grades_are_the_domains() {
        assert_eq!(
            date("2026年11月30日").ok(),
            NaiveDate::from_ymd_opt(2026, 11, 30)
        );
        assert!(date("2026-13-01").is_err());
        assert_eq!(grade("初一"), Ok(7));
        assert!(grade("0").is_err());
        assert!(grade("13").is_err());
    }
}
