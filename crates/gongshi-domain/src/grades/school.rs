//! The grades the school has (学段): 小学 1–6, 初中 7–9, 高中 10–12,
//! 九年一贯制 1–9, 完全中学 7–12, 十二年一贯制 1–12, or a list. Nothing is
//! printed, counted or accepted for a grade the school does not have.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use super::{Grades, grade_name};
use crate::FieldError;

/// The named kinds of school and their grades, in the order a form offers them.
pub const STAGES: [(&str, RangeInclusive<u8>); 6] = [
    ("小学", 1..=6),
    ("初中", 7..=9),
    ("高中", 10..=12),
    ("九年一贯制", 1..=9),
    ("完全中学", 7..=12),
    ("十二年一贯制", 1..=12),
];

/// A non-empty set of grades 1–12. Stored as its [`code`](Self::code),
/// the grade numbers joined by commas ("1,2,3,4,5,6"): explicit, not
/// whatever serde emits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchoolGrades(BTreeSet<u8>);

pub const FIELD: &str = "学段";

impl Default for SchoolGrades {
    /// Every grade: what a store made before the setting existed printed.
    fn default() -> Self {
        Self((1..=12).collect())
    }
}

impl SchoolGrades {
    /// A kind of school (小学, 初中…) or a list of grades as
    /// [`Grades::parse`] reads them (一至六年级, 1-9, 七年级,八年级).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let text = input.trim();
        if let Some((_, range)) = STAGES.iter().find(|(name, _)| *name == text) {
            return Ok(Self(range.clone().collect()));
        }
        match Grades::parse(FIELD, text) {
            Ok(Grades::Some(set)) => Ok(Self(set)),
            _ => Err(FieldError::new(
                FIELD,
                format!(
                    "“{input}”不是学段（可选：{}；或写年级，例：一至九年级、7-12）",
                    STAGES.map(|(n, _)| n).join("、")
                ),
            )),
        }
    }

    /// The stored form: grade numbers joined by commas.
    pub fn code(&self) -> String {
        let numbers: Vec<String> = self.0.iter().map(u8::to_string).collect();
        numbers.join(",")
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let set: Option<BTreeSet<u8>> = code
            .split(',')
            .map(|n| n.trim().parse::<u8>().ok().filter(|g| (1..=12).contains(g)))
            .collect();
        set.filter(|s| !s.is_empty()).map(Self)
    }

    /// 小学, 完全中学…, or the grades (一至四年级, 初一、初二).
    pub fn label(&self) -> String {
        STAGES
            .iter()
            .find(|(_, range)| range.clone().eq(self.0.iter().copied()))
            .map_or_else(
                || Grades::Some(self.0.clone()).to_string(),
                |(n, _)| (*n).to_owned(),
            )
    }

    pub fn contains(&self, grade: u8) -> bool {
        self.0.contains(&grade)
    }

    pub fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.iter().copied()
    }

    /// Refuses a grade the school does not have, naming `field` and the
    /// school's grades.
    pub fn check(&self, field: &'static str, grade: u8) -> Result<u8, FieldError> {
        if self.contains(grade) {
            return Ok(grade);
        }
        if !(1..=12).contains(&grade) {
            let why = format!("“{grade}”不在1到12之间（初一为7，高一为10）");
            return Err(FieldError::new(field, why));
        }
        Err(FieldError::new(
            field,
            format!(
                "本校没有{}（学校设置的学段：{}）",
                grade_name(grade),
                self.label()
            ),
        ))
    }

    /// Refuses fee grades that reach outside the school (全校 always fits).
    pub fn check_grades(&self, field: &'static str, grades: &Grades) -> Result<(), FieldError> {
        match grades {
            Grades::WholeSchool => Ok(()),
            Grades::Some(set) => set.iter().try_for_each(|g| self.check(field, *g).map(drop)),
        }
    }
}

impl TryFrom<String> for SchoolGrades {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<SchoolGrades> for String {
    fn from(value: SchoolGrades) -> Self {
        value.label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_school_and_lists() {
        for (input, expected) in [
            ("小学", (1..=6).collect::<Vec<u8>>()),
            ("初中", (7..=9).collect()),
            ("九年一贯制", (1..=9).collect()),
            (" 完全中学 ", (7..=12).collect()),
            ("一至四年级", (1..=4).collect()),
            ("7-12", (7..=12).collect()),
        ] {
            let g = SchoolGrades::parse(input).unwrap();
            assert_eq!(g.iter().collect::<Vec<_>>(), expected, "{input}");
            // The code and the label read back to the same grades.
            assert_eq!(SchoolGrades::from_code(&g.code()), Some(g.clone()));
            assert_eq!(SchoolGrades::parse(&g.label()), Ok(g));
        }
        assert_eq!(SchoolGrades::parse("7-12").unwrap().label(), "完全中学");
        for bad in ["", "全校", "幼儿园", "13"] {
            let err = SchoolGrades::parse(bad).unwrap_err();
            assert_eq!(err.field, "学段", "{bad}");
        }
        assert_eq!(SchoolGrades::from_code(""), None);
        assert_eq!(SchoolGrades::from_code("0,3"), None);
    }

    #[test]
    fn a_grade_the_school_does_not_have_is_named() {
        let primary = SchoolGrades::parse("小学").unwrap();
        assert_eq!(primary.check("年级", 3), Ok(3));
        let err = primary.check("年级", 7).unwrap_err().to_string();
        assert_eq!(err, "年级：本校没有初一（学校设置的学段：小学）");
        let junior = Grades::parse("适用年级", "七至九年级").unwrap();
        assert!(primary.check_grades("适用年级", &junior).is_err());
        assert!(
            primary
                .check_grades("适用年级", &Grades::WholeSchool)
                .is_ok()
        );
    }
}
