//! 适用年级: which grades a fee applies to, as schools write it —
//! 全校, 一至六年级, 1-3年级, 七年级,八年级, 初一, 高二.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FieldError;

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
        Ok(Grades::Some(set))
    }

    pub fn includes(&self, grade: u8) -> bool {
        match self {
            Grades::WholeSchool => true,
            Grades::Some(set) => set.contains(&grade),
        }
    }
}

/// The grade as a school names it: 三年级 (primary), 初一, 高二.
pub fn grade_name(grade: u8) -> String {
    match grade {
        7..=9 => format!("初{}", NUMERALS[grade as usize - 7]),
        10..=12 => format!("高{}", NUMERALS[grade as usize - 10]),
        g => format!(
            "{}年级",
            NUMERALS.get(g as usize - 1).copied().unwrap_or("?")
        ),
    }
}

impl fmt::Display for Grades {
    /// 全校, 一至六年级, or 三年级、五年级.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Grades::Some(set) = self else {
            return f.write_str("全校");
        };
        let v: Vec<u8> = set.iter().copied().collect();
        let contiguous = v.windows(2).all(|w| w[1] == w[0] + 1);
        if v.len() > 2 && contiguous && v[v.len() - 1] <= 6 {
            return write!(
                f,
                "{}至{}年级",
                NUMERALS[v[0] as usize - 1],
                NUMERALS[v[v.len() - 1] as usize - 1]
            );
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
        for input in ["", "幼儿园", "六至一年级", "13年级", "一至"] {
            let err = Grades::parse("适用年级", input).unwrap_err().to_string();
            assert!(err.starts_with("适用年级："), "{input}: {err}");
        }
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
