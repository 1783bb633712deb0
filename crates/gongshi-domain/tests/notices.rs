//! Each year the shipped calendar covers, read two ways: the State
//! Council's notice as a clerk would paste it (`notices/YYYY.txt`,
//! reconstructed in each year's own wording) and the holiday-cn file
//! (`holidays-cn/YYYY.json`, the data the calendar ships with). Both must
//! give exactly the same days, with no problems and no holiday missing —
//! the proof that next year's notice can be imported the same way.
#![allow(clippy::unwrap_used)] // tests may unwrap

use gongshi_domain::calendar::SpecialDay;
use gongshi_domain::calendar::completeness::missing_holidays;
use gongshi_domain::calendar::holiday_json::parse_holiday_json;
use gongshi_domain::calendar::notice::{notice_year, parse_notice};
use regex::Regex;

/// (year, notice text, holiday-cn JSON).
const YEARS: [(i32, &str, &str); 7] = [
    (
        2020,
        include_str!("notices/2020.txt"),
        include_str!("holidays-cn/2020.json"),
    ),
    (
        2021,
        include_str!("notices/2021.txt"),
        include_str!("holidays-cn/2021.json"),
    ),
    (
        2022,
        include_str!("notices/2022.txt"),
        include_str!("holidays-cn/2022.json"),
    ),
    (
        2023,
        include_str!("notices/2023.txt"),
        include_str!("holidays-cn/2023.json"),
    ),
    (
        2024,
        include_str!("notices/2024.txt"),
        include_str!("holidays-cn/2024.json"),
    ),
    (
        2025,
        include_str!("notices/2025.txt"),
        include_str!("holidays-cn/2025.json"),
    ),
    (
        2026,
        include_str!("notices/2026.txt"),
        include_str!("holidays-cn/2026.json"),
    ),
];

/// One line per day, so a failure shows which day differs.
fn shown(days: &[SpecialDay]) -> Vec<String> {
    days.iter()
        .map(|d| {
            let kind = if d.off { "放假" } else { "上班" };
            format!("{} {} {kind}", d.date, d.name)
        })
        .collect()
}

fn official(year: i32, json: &str) -> Vec<SpecialDay> {
    let (file_year, days) = parse_holiday_json(json).unwrap();
    assert_eq!(file_year, year);
    days
}

#[test]
fn each_notice_gives_exactly_the_official_days() {
    for (year, notice, json) in YEARS {
        assert_eq!(notice_year(notice), Some(year));
        let parsed = parse_notice(notice, year);
        assert_eq!(parsed.problems, [], "{year}");
        assert_eq!(shown(&parsed.days), shown(&official(year, json)), "{year}");
    }
}

#[test]
fn a_notice_pasted_without_its_line_breaks_reads_the_same() {
    // Copied from a web page or a PDF, or typed into a one-line box, the
    // paragraphs run together.
    for (year, notice, json) in YEARS {
        let flat: String = notice.lines().collect();
        let parsed = parse_notice(&flat, year);
        assert_eq!(parsed.problems, [], "{year}");
        assert_eq!(shown(&parsed.days), shown(&official(year, json)), "{year}");
    }
}

#[test]
fn each_holiday_cn_file_gives_all_its_entries() {
    for (year, _, json) in YEARS {
        let raw: serde_json::Value = serde_json::from_str(json).unwrap();
        let entries = raw["days"].as_array().unwrap();
        let days = official(year, json);
        assert_eq!(days.len(), entries.len(), "{year}");
        assert!(days.windows(2).all(|w| w[0].date < w[1].date), "{year}");
    }
}

#[test]
fn no_year_misses_a_statutory_holiday() {
    for (year, notice, json) in YEARS {
        let parsed = parse_notice(notice, year);
        assert_eq!(
            missing_holidays(&parsed.days, year),
            [] as [&str; 0],
            "{year}"
        );
        assert_eq!(
            missing_holidays(&official(year, json), year),
            [] as [&str; 0]
        );
    }
}

/// What the parser set aside holds no arrangement: no sentence with a date
/// and 放假 or 上班 in it was passed over.
#[test]
fn nothing_ignored_carries_a_dated_arrangement() {
    let dated = Regex::new(r"\d{1,2}月\d{1,2}日").unwrap();
    for (year, notice, _) in YEARS {
        let parsed = parse_notice(notice, year);
        assert!(
            parsed
                .ignored
                .iter()
                .any(|s| s.contains("节假日安排的通知"))
        );
        for sentence in &parsed.ignored {
            let arranges = sentence.contains("放假") || sentence.contains("上班");
            assert!(
                !(dated.is_match(sentence) && arranges),
                "{year}: {sentence}"
            );
        }
    }
}
