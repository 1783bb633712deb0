//! 领导述职与民主评议: each leader's 述职 (name, post, the report's
//! points) and the appraisal's tally — ballots issued, returned and
//! valid; per leader the votes for each grade of the school's scale
//! (优秀, 称职, 基本称职, 不称职 unless it set its own). Shares are worked
//! out exactly from the votes and printed with one decimal, half up, the
//! rounding and the 满意率 formula printed with them.

use std::collections::BTreeMap;

use crate::error::FieldErrors;
use crate::table::{CellError, Column, Kind, Row, Schema};
use crate::{DomainError, FieldError, text};

/// The grades a school starts with, best first.
pub const DEFAULT_GRADES: [&str; 4] = ["优秀", "称职", "基本称职", "不称职"];

/// How many of the best grades count as satisfied by default (优秀, 称职).
pub const DEFAULT_SATISFIED: usize = 2;

/// The fewest and most grades a scale may have.
pub const GRADES_MIN: usize = 2;
pub const GRADES_MAX: usize = 6;

/// The stable keys of the grade columns, by place (the headers are the
/// school's grade names).
const GRADE_KEYS: [&str; GRADES_MAX] = [
    "grade_1", "grade_2", "grade_3", "grade_4", "grade_5", "grade_6",
];

/// The table's own headers, which no grade may be named.
const RESERVED: [&str; 3] = ["姓名", "职务", "述职要点"];

/// The item's field holding the day of the appraisal.
pub const DATE_FIELD: &str = "appraised_on";

/// The item's fields holding the tally's ballots.
pub const ISSUED_FIELD: &str = "ballots_issued";
pub const RETURNED_FIELD: &str = "ballots_returned";
pub const VALID_FIELD: &str = "ballots_valid";

/// How every share is rounded, printed under the table.
pub const ROUNDING: &str = "百分比按票数精确计算，保留一位小数（第二位四舍五入）。";

/// The school's grades, best first, and how many of the best count as
/// satisfied (满意).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    grades: Vec<String>,
    satisfied: usize,
}

impl Default for Scale {
    fn default() -> Self {
        Self {
            grades: DEFAULT_GRADES.map(str::to_owned).to_vec(),
            satisfied: DEFAULT_SATISFIED,
        }
    }
}

impl Scale {
    /// A scale as the school sets it: 2 to 6 grades, each named once (at
    /// most 6 characters), and at least one grade satisfied and one not.
    pub fn new(grades: &[String], satisfied: usize) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        let mut names: Vec<String> = Vec::new();
        for g in grades {
            if let Some(name) = errs.check(text::required("评议等次", g, 6)) {
                if RESERVED.contains(&name.as_str()) || name.contains(['(', ')', '（', '）']) {
                    errs.check::<()>(Err(FieldError::new(
                        "评议等次",
                        format!("“{name}”不能作等次名（不用括号，不用姓名、职务、述职要点）"),
                    )));
                } else if names.contains(&name) {
                    errs.check::<()>(Err(FieldError::new("评议等次", format!("“{name}”重复"))));
                }
                names.push(name);
            }
        }
        if !(GRADES_MIN..=GRADES_MAX).contains(&grades.len()) {
            errs.check::<()>(Err(FieldError::new(
                "评议等次",
                format!(
                    "应有{GRADES_MIN}至{GRADES_MAX}个等次（现有{}个）",
                    grades.len()
                ),
            )));
        }
        if satisfied == 0 || satisfied >= grades.len().max(1) {
            errs.check::<()>(Err(FieldError::new(
                "计入满意的等次",
                format!(
                    "应为1至{}个（前几个等次计入满意率）",
                    grades.len().saturating_sub(1).max(1)
                ),
            )));
        }
        errs.finish()?;
        Ok(Self {
            grades: names,
            satisfied,
        })
    }

    /// How many of `grades` grades count as satisfied when the school
    /// does not say: 优秀 and 称职 of four; the better one of two.
    pub fn satisfied_by_default(grades: usize) -> usize {
        DEFAULT_SATISFIED.min(grades.saturating_sub(1)).max(1)
    }

    pub fn grades(&self) -> &[String] {
        &self.grades
    }

    /// How many of the best grades count as satisfied.
    pub fn satisfied(&self) -> usize {
        self.satisfied
    }

    /// 满意率's formula as the sheet prints it.
    pub fn formula(&self) -> String {
        let counted: Vec<String> = self.grades[..self.satisfied]
            .iter()
            .map(|g| format!("{g}票数"))
            .collect();
        let top = if counted.len() > 1 {
            format!("（{}）", counted.join(" + "))
        } else {
            counted.concat()
        };
        format!("满意率 = {top} ÷ 有效票数 × 100%")
    }
}

/// The ballots of the appraisal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ballots {
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
}

impl Ballots {
    /// The ballots from the item's fields, where all three are filled.
    pub fn from_fields(fields: &BTreeMap<String, String>) -> Result<Option<Self>, DomainError> {
        let read = |key: &str, label: &'static str| -> Result<Option<u32>, FieldError> {
            match fields.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => text::whole_number(label, v).map(Some),
            }
        };
        let mut errs = FieldErrors::default();
        let issued = errs.check(read(ISSUED_FIELD, "发出票数"));
        let returned = errs.check(read(RETURNED_FIELD, "收回票数"));
        let valid = errs.check(read(VALID_FIELD, "有效票数"));
        errs.finish()?;
        Ok(
            match (issued.flatten(), returned.flatten(), valid.flatten()) {
                (Some(issued), Some(returned), Some(valid)) => Some(Self {
                    issued,
                    returned,
                    valid,
                }),
                _ => None,
            },
        )
    }

    /// 收回 ≤ 发出, 有效 ≤ 收回, and some valid ballots to count.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errs = FieldErrors::default();
        if self.returned > self.issued {
            errs.check::<()>(Err(FieldError::new(
                "收回票数",
                format!("{}张多于发出的{}张", self.returned, self.issued),
            )));
        }
        if self.valid > self.returned {
            errs.check::<()>(Err(FieldError::new(
                "有效票数",
                format!("{}张多于收回的{}张", self.valid, self.returned),
            )));
        }
        if self.valid == 0 {
            errs.check::<()>(Err(FieldError::new("有效票数", "为0，无法计算比例")));
        }
        errs.finish()
    }
}

/// The table's schema under `scale`: 姓名, 职务, 述职要点, then the votes
/// for each grade.
pub fn schema(scale: &Scale) -> Schema {
    let mut columns = vec![
        Column::new("name", "姓名", Kind::Person).required(),
        Column::new("post", "职务", Kind::Text { max: 20 })
            .required()
            .hint("校长、副校长"),
        Column::new("report", "述职要点", Kind::Text { max: 200 })
            .hint("述职报告的要点，200字以内"),
    ];
    columns.extend(
        scale
            .grades
            .iter()
            .zip(GRADE_KEYS)
            // Every grade's column must be there and filled (0 too): a
            // file tallied on other grades is refused, not read as zeros.
            .map(|(g, key)| {
                Column::owned(key.to_owned(), format!("{g}(票)"), Kind::Count)
                    .required()
                    .blank("0")
            }),
    );
    Schema {
        row_name: "述职人",
        grid_unit: "人",
        unique: &["name"],
        columns,
    }
}

/// One leader's 述职 and votes, grade by grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub name: String,
    pub post: String,
    pub report: String,
    pub votes: Vec<u32>,
}

impl Leader {
    pub fn total(&self) -> u32 {
        self.votes.iter().sum()
    }
}

pub fn record(row: &Row, scale: &Scale) -> Result<Leader, Vec<CellError>> {
    Ok(Leader {
        name: row.text("name"),
        post: row.text("post"),
        report: row.text("report"),
        votes: GRADE_KEYS[..scale.grades.len()]
            .iter()
            .map(|k| row.count(k))
            .collect(),
    })
}

/// The whole appraisal: the ballots (from the fields, once filled), the
/// scale it was tallied on, every leader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appraisal {
    pub scale: Scale,
    pub ballots: Option<Ballots>,
    pub leaders: Vec<Leader>,
}

impl Appraisal {
    /// What the result sheet needs: the ballots filled and consistent,
    /// and no leader with more votes than there are valid ballots.
    pub fn check(&self) -> Result<Ballots, DomainError> {
        let ballots = self
            .ballots
            .ok_or_else(|| FieldError::new("有效票数", "请先填写发出、收回和有效票数"))?;
        ballots.check()?;
        let mut errs = FieldErrors::default();
        for (i, l) in self.leaders.iter().enumerate() {
            if l.total() > ballots.valid {
                errs.check::<()>(Err(FieldError::new(
                    "表格",
                    format!(
                        "第{}人（{}）的票数合计{}票，多于有效票数{}票",
                        i + 1,
                        l.name,
                        l.total(),
                        ballots.valid
                    ),
                )));
            }
        }
        errs.finish()?;
        Ok(ballots)
    }

    /// A leader's satisfied votes (the best grades').
    pub fn satisfied_votes(&self, leader: &Leader) -> u32 {
        leader.votes[..self.scale.satisfied].iter().sum()
    }
}

/// `part` of `whole` as a percentage with one decimal, half up, worked
/// out in integers: 47 of 52 is 90.384…% → "90.4%". `whole` is not 0.
pub fn percent(part: u32, whole: u32) -> String {
    let whole = u64::from(whole.max(1));
    let tenths = (u64::from(part) * 2000 + whole) / (2 * whole);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests;
