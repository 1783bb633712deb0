//! Reads a year's days in the holiday-cn JSON format
//! (`{"year": 2027, "days": [{"name", "date", "isOffDay"}]}`), the dataset the
//! shipped calendar comes from, so a school can import next year's file the
//! day it is published. Every bad day is named in Chinese, all at once, so
//! the clerk fixes the file in one go; extra fields (`$schema`, `papers`)
//! are fine.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::SpecialDay;

/// The file's year and its days, sorted by date; or what is wrong with it,
/// one line per fault.
pub fn parse_holiday_json(text: &str) -> Result<(i32, Vec<SpecialDay>), String> {
    // Notepad on Windows saves UTF-8 with a byte-order mark.
    let root: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(json_error)?;
    let Value::Object(root) = root else {
        return Err("文件内容应是一个对象（以“{”开头），里面有“year”和“days”。".into());
    };
    let year = year(&root)?;
    let entries = match root.get("days") {
        None => return Err("缺少“days”（放假和上班的日期列表）。".into()),
        Some(Value::Array(entries)) if entries.is_empty() => {
            return Err("“days”里没有任何日期。".into());
        }
        Some(Value::Array(entries)) => entries,
        Some(_) => return Err("“days”应是一个列表（以“[”开头）。".into()),
    };
    let mut days: BTreeMap<NaiveDate, (usize, SpecialDay)> = BTreeMap::new();
    let mut errors = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let position = i + 1;
        match day(entry, position, year) {
            Ok(day) => {
                if let Some(error) = add(&mut days, position, day) {
                    errors.push(error);
                }
            }
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    Ok((year, days.into_values().map(|(_, day)| day).collect()))
}

fn json_error(error: serde_json::Error) -> String {
    let place = format!("第{}行第{}列", error.line(), error.column());
    if error.is_eof() {
        format!("文件不是完整的JSON：在{place}意外结束。")
    } else {
        format!("文件不是有效的JSON：{place}附近格式有误。")
    }
}

/// Plausible years only: a typo like 207 or 20277 is refused here rather
/// than turning into dates nobody meant.
fn year(root: &Map<String, Value>) -> Result<i32, String> {
    let value = root
        .get("year")
        .ok_or_else(|| "缺少“year”（年份）。".to_owned())?;
    value
        .as_i64()
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1949..=2200).contains(y))
        .ok_or_else(|| format!("“year”应是年份数字，如2027，现在是{value}。"))
}

/// One entry of `days`; `position` counts from 1, as the clerk would.
fn day(entry: &Value, position: usize, year: i32) -> Result<SpecialDay, String> {
    let Value::Object(entry) = entry else {
        return Err(format!("第{position}个日期不是对象（应以“{{”开头）。"));
    };
    let name = match entry.get("name").and_then(Value::as_str).map(str::trim) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => return Err(format!("第{position}个日期缺少“name”（节日名称）。")),
    };
    let date = date(entry.get("date"), position, year)?;
    let off = entry
        .get("isOffDay")
        .and_then(Value::as_bool)
        .ok_or_else(|| {
            format!("第{position}个日期（{date}）的“isOffDay”应为true（放假）或false（上班）。")
        })?;
    Ok(SpecialDay { date, name, off })
}

/// An ISO date near the file's year: 元旦 may start in the December
/// before, and nothing is further away than the year after.
fn date(value: Option<&Value>, position: usize, year: i32) -> Result<NaiveDate, String> {
    let text = match value {
        None => return Err(format!("第{position}个日期缺少“date”。")),
        Some(Value::String(text)) => text.trim(),
        Some(other) => {
            return Err(format!(
                "第{position}个日期的“date”（{other}）应写成“{year}-01-01”这样的文字。"
            ));
        }
    };
    let date: NaiveDate = text.parse().map_err(|_| {
        format!("第{position}个日期的“date”（{text}）不是有效的日期，应写成“{year}-01-01”这样。")
    })?;
    if (date.year() - year).abs() > 1 {
        return Err(format!(
            "第{position}个日期{date}不在{year}年前后（应在{}年至{}年之间）。",
            year - 1,
            year + 1
        ));
    }
    Ok(date)
}

/// The same date twice is harmless when it says the same thing; off in
/// one entry and working in another cannot both be true.
fn add(
    days: &mut BTreeMap<NaiveDate, (usize, SpecialDay)>,
    position: usize,
    day: SpecialDay,
) -> Option<String> {
    match days.get(&day.date) {
        Some((earlier, first)) if first.off != day.off => Some(format!(
            "第{position}个日期{}与第{earlier}个重复，一个是放假，一个是上班。",
            day.date
        )),
        Some(_) => None,
        None => {
            days.insert(day.date, (position, day));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Parses `json` (the `days` array of a 2027 file) and expects the days
    /// as (date, name, off) or an error containing `error`.
    fn check(days_json: &str, expected: Result<&[(&str, &str, bool)], &str>) {
        let text =
            format!(r#"{{"$schema": "x", "year": 2027, "papers": [], "days": {days_json}}}"#);
        check_text(&text, expected);
    }

    fn check_text(text: &str, expected: Result<&[(&str, &str, bool)], &str>) {
        match (parse_holiday_json(text), expected) {
            (Ok((year, days)), Ok(expected)) => {
                assert_eq!(year, 2027);
                let got: Vec<_> = days
                    .iter()
                    .map(|day| (day.date, day.name.as_str(), day.off))
                    .collect();
                let expected: Vec<_> = expected
                    .iter()
                    .map(|(date, name, off)| (d(date), *name, *off))
                    .collect();
                assert_eq!(got, expected, "{text}");
            }
            (Err(error), Err(expected)) => {
                assert!(
                    error.contains(expected),
                    "{error:?} should say {expected:?}"
                );
            }
            (got, expected) => panic!("{text}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn reads_days_sorted_and_ignores_extra_fields() {
        check(
            r#"[{"name": "元旦", "date": "2027-01-02", "isOffDay": true, "note": "x"},
                {"name": "元旦", "date": "2026-12-31", "isOffDay": false},
                {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]"#,
            Ok(&[
                ("2026-12-31", "元旦", false),
                ("2027-01-01", "元旦", true),
                ("2027-01-02", "元旦", true),
            ]),
        );
        // A byte-order mark and a repeated identical day are harmless.
        check_text(
            "\u{feff}{\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}, {\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}",
            Ok(&[("2027-01-01", "元旦", true)]),
        );
    }

    #[test]
    fn the_file_itself_is_refused_with_a_reason() {
        check_text("", Err("意外结束"));
        check_text("{\"year\": 2027,", Err("意外结束"));
        check_text("{year: 2027}", Err("第1行第2列附近格式有误"));
        check_text("[1, 2]", Err("应是一个对象"));
        check_text(r#"{"days": []}"#, Err("缺少“year”"));
        check_text(r#"{"year": "2027", "days": []}"#, Err("“year”应是年份数字"));
        check_text(r#"{"year": 27, "days": []}"#, Err("现在是27"));
        check_text(r#"{"year": 2027}"#, Err("缺少“days”"));
        check_text(r#"{"year": 2027, "days": {}}"#, Err("应是一个列表"));
        check_text(r#"{"year": 2027, "days": []}"#, Err("没有任何日期"));
    }

    #[test]
    fn each_bad_day_is_named_by_its_position() {
        check(r#"[1]"#, Err("第1个日期不是对象"));
        check(
            r#"[{"date": "2027-01-01", "isOffDay": true}]"#,
            Err("第1个日期缺少“name”"),
        );
        check(
            r#"[{"name": " ", "date": "2027-01-01", "isOffDay": true}]"#,
            Err("缺少“name”"),
        );
        check(r#"[{"name": "元旦", "isOffDay": true}]"#, Err("缺少“date”"));
        check(
            r#"[{"name": "元旦", "date": "2027-02-30", "isOffDay": true}]"#,
            Err("“date”（2027-02-30）不是有效的日期"),
        );
        check(
            r#"[{"name": "元旦", "date": "2027年1月1日", "isOffDay": true}]"#,
            Err("应写成“2027-01-01”这样"),
        );
        check(
            r#"[{"name": "元旦", "date": 20270101, "isOffDay": true}]"#,
            Err("应写成“2027-01-01”这样的文字"),
        );
        check(
            r#"[{"name": "元旦", "date": "2029-01-01", "isOffDay": true}]"#,
            Err("2029-01-01不在2027年前后（应在2026年至2028年之间）"),
        );
        check(
            r#"[{"name": "元旦", "date": "2027-01-01", "isOffDay": "true"}]"#,
            Err("第1个日期（2027-01-01）的“isOffDay”应为true（放假）或false（上班）"),
        );
    }

    #[test]
    fn all_faults_are_listed_at_once_and_conflicts_are_refused() {
        let error = parse_holiday_json(
            r#"{"year": 2027, "days": [
                {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                {"name": "元旦", "date": "2027-13-01", "isOffDay": true},
                {"name": "元旦", "date": "2027-01-01", "isOffDay": false}]}"#,
        )
        .unwrap_err();
        assert_eq!(error.lines().count(), 2, "{error}");
        assert!(error.contains("第2个日期"), "{error}");
        assert!(
            error.contains("第3个日期2027-01-01与第1个重复，一个是放假，一个是上班"),
            "{error}"
        );
    }
}
