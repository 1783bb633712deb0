//! 适用年级: which grades a fee applies to, as schools write it —
//! 全校, 一至六年级, 1-3年级, 七年级,八年级, 初一, 高二.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FieldError;

pub mod school;
pub use school::SchoolGrades;

/// Grades 1–12 (初一 is 7, 高一 is 10), or the whole school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grades {
    WholeSchool,
    Some(BTreeSet<u8>),
}

const NUMERALS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

fn numeral(s: &str) -> Option<u8> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    NUMERALS.iter().position(|n| *n == s).map(|i| i as u8 + 1)
}

/// One grade: 三, 3, 三年级, 初一, 高二.
fn grade(s: &str) -> Option<u8> {
    let s = s.trim().trim_end_matches("年级").trim();
    if let Some(rest) = s.strip_prefix('初') {
        return numeral(rest).filter(|n| *n <= 3).map(|n| n + 6);
    }
    if let Some(rest) = s.strip_prefix('高') {
        return numeral(rest).filter(|n| *n <= 3).map(|n| n + 9);
    }
    numeral(s)
}

impl Grades {
    pub fn parse(field: &'static str, input: &str) -> Result<Grades, FieldError> {
        let text = input.trim();
        if matches!(text, "全校" | "全体" | "全部" | "所有年级") {
            return Ok(Grades::WholeSchool);
        }
        let refuse = || {
            FieldError::new(
                field,
                format!("“{input}”不是年级（例：全校、一至六年级、1-3年级、七年级,八年级）"),
            )
        };
        if text.is_empty() {
            return Err(FieldError::new(field, "不能为空"));
        }
        let mut set = BTreeSet::new();
        for part in text
            .split([',', '，', '、', ';', '；'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let part = part.trim_end_matches("年级");
            let range = ["至", "-", "－", "~", "～", "—", "到"]
                .iter()
                .find_map(|sep| part.split_once(sep));
            match range {
                Some((from, to)) => {
                    let (from, to) = (
                        grade(from).ok_or_else(refuse)?,
                        grade(to).ok_or_else(refuse)?,
                    );
                    if from > to {
                        return Err(refuse());
                    }
                    set.extend(from..=to);
                }
                None => {
                    set.insert(grade(part).ok_or_else(refuse)?);
                }
            }
        }
        if set.is_empty() {
            return Err(refuse());
        }
        Ok(Grades::Some(set))
    }

    /// Whether `grade` pays: the whole school is grades 1–12, nothing else.
    pub fn includes(&self, grade: u8) -> bool {
        match self {
            Grades::WholeSchool => (1..=12).contains(&grade),
            Grades::Some(set) => set.contains(&grade),
        }
    }
}

/// One grade as typed: 3 (full-width ３ too), 三, 三年级, 初一, 高二 — 1 to 12,
/// 初一 being 7 and 高一 10. Refuses anything else, naming `field`.
pub fn parse_grade(field: &'static str, input: &str) -> Result<u8, FieldError> {
    let text: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => crate::text::half_width(c),
            _ => c,
        })
        .collect();
    if text.is_empty() {
        return Err(FieldError::new(field, "不能为空"));
    }
    if let Some(g) = grade(&text) {
        return Ok(g);
    }
    let digits = text.trim_end_matches("年级");
    let why = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        "不在1到12之间（初一为7，高一为10）"
    } else {
        "不是年级（例：3、三年级、初一、高二）"
    };
    Err(FieldError::new(field, format!("“{input}”{why}")))
}

/// The grade as a school names it: 三年级 (primary), 初一, 高二. A number
/// outside 1–12 (never a grade; the parsers refuse it) is shown as it is,
/// 13年级, rather than failing.
pub fn grade_name(grade: u8) -> String {
    let numeral = |n: u8| NUMERALS.get(usize::from(n).wrapping_sub(1)).copied();
    match grade {
        7..=9 => format!("初{}", numeral(grade - 6).unwrap_or("?")),
        10..=12 => format!("高{}", numeral(grade - 9).unwrap_or("?")),
        g => match numeral(g) {
            Some(n) => format!("{n}年级"),
            None => format!("{g}年级"),
        },
    }
}

impl fmt::Display for Grades {
    /// 全校, 一至六年级, or 三年级、五年级.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Grades::Some(set) = self else {
            return f.write_str("全校");
        };
        let v: Vec<u8> = set.iter().copied().collect();
        let contiguous = v.windows(2).all(|w| w[1] == w[0].wrapping_add(1));
        let numeral = |g: &u8| NUMERALS.get(usize::from(*g).wrapping_sub(1));
        if let (true, true, Some(first), Some(last)) = (
            v.len() > 2 && contiguous,
            v.last().is_some_and(|g| *g <= 6),
            v.first().and_then(numeral),
            v.last().and_then(numeral),
        ) {
            return write!(f, "{first}至{last}年级");
        }
        let names: Vec<String> = v.into_iter().map(grade_name).collect();
        f.write_str(&names.join("、"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[u8]) {
        let grades = Grades::parse("适用年级", input).unwrap();
        let got: Vec<u8> = (1..=12).filter(|g| grades.includes(*g)).collect();
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn the_forms_schools_write() {
        check("全校", &(1..=12).collect::<Vec<_>>());
        check("一至六年级", &[1, 2, 3, 4, 5, 6]);
        check("1-3年级", &[1, 2, 3]);
        check("七年级,八年级", &[7, 8]);
        check("三年级、五年级", &[3, 5]);
        check("初一至初三", &[7, 8, 9]);
        check("高二", &[11]);
        check("4～6年级", &[4, 5, 6]);
    }

    #[test]
    fn nonsense_is_refused_naming_the_field() {
        for input in ["", "幼儿园", "六至一年级", "13年级", "一至", "，", "、;"] {
            let err = Grades::parse("适用年级", input).unwrap_err().to_string();
            assert!(err.starts_with("适用年级："), "{input}: {err}");
        }
    }

    #[test]
    fn one_grade_as_typed() {
        for (input, g) in [
            ("3", 3),
            ("３", 3),
            ("12", 12),
            ("三", 3),
            ("三年级", 3),
            ("3年级", 3),
            ("初一", 7),
            ("高三", 12),
            (" 七年级 ", 7),
        ] {
            assert_eq!(parse_grade("年级", input), Ok(g), "{input}");
        }
        for (input, why) in [
            ("0", "不在1到12之间"),
            ("13", "不在1到12之间"),
            ("255", "不在1到12之间"),
            ("99999", "不在1到12之间"),
            ("13年级", "不在1到12之间"),
            ("", "不能为空"),
            ("初四", "不是年级"),
            ("幼儿园", "不是年级"),
            ("-1", "不是年级"),
            ("1-3", "不是年级"),
        ] {
            let err = parse_grade("年级", input).unwrap_err().to_string();
            assert!(err.starts_with("年级："), "{input}: {err}");
            assert!(err.contains(why), "{input}: {err}");
        }
    }

    /// No number is a panic: the letters of a grade outside 1–12 never
    /// print, but naming one must not fail either.
    #[test]
    fn every_number_has_a_name() {
        let names: Vec<String> = (0..=u8::MAX).map(grade_name).collect();
        assert_eq!(names[0], "0年级");
        assert_eq!(names[3], "三年级");
        assert_eq!(names[7], "初一");
        assert_eq!(names[12], "高三");
        assert_eq!(names[13], "13年级");
        for g in 1..=12 {
            assert_eq!(parse_grade("年级", &grade_name(g)), Ok(g));
        }
    }

    #[test]
    fn the_whole_school_is_grades_one_to_twelve() {
        assert!(!Grades::WholeSchool.includes(0));
        assert!(Grades::WholeSchool.includes(1));
        assert!(Grades::WholeSchool.includes(12));
        assert!(!Grades::WholeSchool.includes(13));
    }

    #[test]
    fn any_stored_set_prints() {
        let odd = Grades::Some([0, 1, 2, 200].into_iter().collect());
        assert_eq!(odd.to_string(), "0年级、一年级、二年级、200年级");
        assert_eq!(
            Grades::Some([0, 1, 2].into_iter().collect()).to_string(),
            "0年级、一年级、二年级"
        );
    }

    #[test]
    fn grades_print_as_schools_write_them() {
        let show = |s: &str| Grades::parse("年级", s).unwrap().to_string();
        assert_eq!(show("全校"), "全校");
        assert_eq!(show("1-6年级"), "一至六年级");
        assert_eq!(show("七年级,八年级"), "初一、初二");
        assert_eq!(show("三年级、五年级"), "三年级、五年级");
    }

    /// The item grid edits what the store shows: the shown form parses back.
    #[test]
    fn the_shown_form_parses_back_to_the_same_grades() {
        for input in [
            "全校",
            "1-6年级",
            "七年级,八年级",
            "初一至初三",
            "高一至高三",
            "二、四、六年级",
            "5-8年级",
        ] {
            let grades = Grades::parse("年级", input).unwrap();
            let again = Grades::parse("年级", &grades.to_string()).unwrap();
            assert_eq!(again, grades, "{input} → {grades}");
        }
    }
}
