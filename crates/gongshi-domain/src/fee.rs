//! Fees (收费): a semester's schedule of fee items with the 四公开 of each
//! (事由, 金额, 收费部门, 咨询电话), its basis, unit, grades and whether it is
//! voluntary. Rows come from a form or an import; every bad row and field
//! is reported at once.

use serde::{Deserialize, Serialize};

use crate::grades::{Grades, SchoolGrades};
use crate::money::Fen;
use crate::table::{CellError, Column, Context, Kind, Row, Schema};
use crate::{FieldError, text};

pub mod unit;
pub use unit::{Charge, Terms, UnitKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeItem {
    /// 项目（事由）
    pub name: String,
    pub amount: Fen,
    /// 计费单位: 每生每学期, 每生每月…
    pub unit: String,
    pub grades: Grades,
    /// 收费部门
    pub department: String,
    /// 咨询电话 — a phone field: it may print.
    pub phone: String,
    /// 收费依据: approving body and 文号
    pub basis: String,
    /// 服务性收费 / 代收费 are voluntary: parents opt in on the 回执.
    pub voluntary: bool,
    pub note: String,
}

/// The reduction policy a new schedule starts with (the store's column
/// default says the same; a test keeps them together). The principal edits
/// it per schedule.
pub const DEFAULT_REDUCTION_POLICY: &str =
    "家庭经济困难学生、孤儿、残疾学生及烈士子女等，可向班主任申请减免，学校按规定审核后公示结果。";

/// A schedule's reduction policy: printed on every fee sheet, so required.
pub fn reduction_policy(input: &str) -> Result<String, FieldError> {
    text::required("减免政策", input, 300)
}

/// A semester name as schools write it: 2026—2027学年第一学期 or 2026年秋季学期.
pub fn semester(field: &'static str, input: &str) -> Result<String, FieldError> {
    let s = text::required(field, input, 40)?;
    let academic = s.contains("学年") && (s.contains("第一学期") || s.contains("第二学期"));
    let seasonal = s.contains('年') && (s.contains("春季学期") || s.contains("秋季学期"));
    if !(academic || seasonal) {
        return Err(FieldError::new(
            field,
            format!("“{s}”不是学期名称（例：2026—2027学年第一学期，或 2026年秋季学期）"),
        ));
    }
    Ok(s)
}

/// The schedule's table: one fee item a row, the 四公开 of each.
pub fn schema() -> Schema {
    Schema {
        row_name: "收费项目",
        grid_unit: "项",
        unique: &[],
        columns: vec![
            Column::new("name", "项目", Kind::Text { max: 50 }).required(),
            Column::new("amount", "金额(元)", Kind::Money).required(),
            Column::new("unit", "计费单位", Kind::Choice(&unit::UNIT_NAMES)),
            Column::new("grades", "适用年级", Kind::Grades)
                .required()
                .hint("全校、一至六年级、初一"),
            Column::new("department", "收费部门", Kind::Text { max: 30 }),
            Column::new("phone", "咨询电话", Kind::Phone),
            Column::new("basis", "收费依据", Kind::Text { max: 100 }),
            Column::new("voluntary", "是否自愿", Kind::YesNo).blank("否"),
            Column::new("note", "备注", Kind::Text { max: 200 }),
        ],
    }
}

/// A fee item from a row of [`schema`] (every cell already read).
pub fn record(row: &Row) -> Result<FeeItem, Vec<CellError>> {
    Ok(FeeItem {
        name: row.text("name"),
        amount: row.money("amount").unwrap_or_default(),
        unit: row.text("unit"),
        grades: row.grades("grades").unwrap_or(Grades::WholeSchool),
        department: row.text("department"),
        phone: row.text("phone"),
        basis: row.text("basis"),
        voluntary: row.yes("voluntary"),
        note: row.text("note"),
    })
}

/// One row of a schedule as typed or imported, cells in [`schema`]
/// order, for a school with `school`'s grades (a fee for a grade the school
/// does not have is refused).
pub fn parse_row(cells: &[String], school: &SchoolGrades) -> Result<FeeItem, Vec<CellError>> {
    let cx = Context {
        grades: school.clone(),
        ..Context::default()
    };
    schema().record(cells, &cx, record)
}

impl FeeItem {
    /// The item's cell under a column of [`schema`], as the grid shows it
    /// (it reads back as the same item).
    pub fn cell(&self, key: &str) -> String {
        match key {
            "name" => self.name.clone(),
            "amount" => self.amount.to_yuan_string(),
            "unit" => self.unit.clone(),
            "grades" => self.grades.to_string(),
            "department" => self.department.clone(),
            "phone" => self.phone.clone(),
            "basis" => self.basis.clone(),
            "voluntary" => if self.voluntary { "是" } else { "否" }.to_owned(),
            "note" => self.note.clone(),
            _ => String::new(),
        }
    }

    /// What the fee board sheet and the letters must show: a fee without
    /// its basis, unit or department does not print.
    pub fn missing_for_print(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.basis.trim().is_empty() {
            missing.push("收费依据");
        }
        if unit::kind_of(&self.unit).is_none() {
            missing.push("计费单位");
        }
        if self.department.trim().is_empty() {
            missing.push("收费部门");
        }
        missing
    }
}

/// The items a school with `school`'s grades has, each with the grades it
/// applies to there (一至六年级 at a school of 一至四年级 is 一至四年级; an
/// item for none of its grades is left out). 全校 stays 全校.
pub fn for_school<'a>(items: &'a [FeeItem], school: &SchoolGrades) -> Vec<(&'a FeeItem, Grades)> {
    items
        .iter()
        .filter_map(|item| match &item.grades {
            Grades::WholeSchool => Some((item, Grades::WholeSchool)),
            Grades::Some(set) => {
                let kept: std::collections::BTreeSet<u8> = set
                    .iter()
                    .copied()
                    .filter(|g| school.contains(*g))
                    .collect();
                (!kept.is_empty()).then_some((item, Grades::Some(kept)))
            }
        })
        .collect()
}

/// What one grade pays: its items, in schedule order.
pub fn for_grade(items: &[FeeItem], grade: u8) -> Vec<&FeeItem> {
    items.iter().filter(|i| i.grades.includes(grade)).collect()
}

/// Required and voluntary totals of some items (one grade's, usually),
/// each item counted as its unit means ([`unit::charge`]): per-meal and
/// at-cost items are not in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub required: Fen,
    pub voluntary: Fen,
}

impl Totals {
    pub fn of(items: &[&FeeItem], terms: Terms) -> Self {
        let sum = |voluntary: bool| {
            items
                .iter()
                .filter(|i| i.voluntary == voluntary)
                .filter_map(|i| match unit::charge(i, terms) {
                    Some(Charge::Counted { amount, .. }) => Some(amount),
                    _ => None,
                })
                .sum()
        };
        Self {
            required: sum(false),
            voluntary: sum(true),
        }
    }

    pub fn all(self) -> Fen {
        Fen(self.required.0 + self.voluntary.0)
    }
}

/// Each grade that pays anything (1–12, in order) with its totals: the
/// export's 按年级合计 and the screen's preview of it.
pub fn grade_totals(items: &[FeeItem], school: &SchoolGrades, terms: Terms) -> Vec<(u8, Totals)> {
    school
        .iter()
        .filter_map(|g| {
            let items = for_grade(items, g);
            (!items.is_empty()).then(|| (g, Totals::of(&items, terms)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_row_anywhere(cells: &[String]) -> Result<FeeItem, Vec<CellError>> {
        parse_row(cells, &SchoolGrades::default())
    }

    #[test]
    fn a_schedule_shows_only_the_grades_the_school_has() {
        let items: Vec<FeeItem> = [
            [
                "作业本费",
                "30",
                "每生每学期",
                "全校",
                "财务室",
                "",
                "文号",
                "否",
                "",
            ],
            [
                "研学费",
                "120",
                "每生每次",
                "四至六年级",
                "教务处",
                "",
                "文号",
                "是",
                "",
            ],
            [
                "住宿费",
                "400",
                "每生每学期",
                "五至六年级",
                "总务处",
                "",
                "文号",
                "否",
                "",
            ],
        ]
        .iter()
        .map(|r| parse_row_anywhere(&row(r)).unwrap())
        .collect();
        let four = SchoolGrades::parse("一至四年级").unwrap();
        let shown: Vec<(String, String)> = for_school(&items, &four)
            .into_iter()
            .map(|(i, g)| (i.name.clone(), g.to_string()))
            .collect();
        assert_eq!(
            shown,
            [
                ("作业本费".to_owned(), "全校".to_owned()),
                ("研学费".to_owned(), "四年级".to_owned())
            ]
        );
    }

    #[test]
    fn a_fee_for_a_grade_the_school_does_not_have_is_refused() {
        let primary = SchoolGrades::parse("小学").unwrap();
        let cells = row(&[
            "资料费",
            "30",
            "每生每学期",
            "七年级",
            "财务室",
            "",
            "文号",
            "否",
            "",
        ]);
        let errors = parse_row(&cells, &primary).unwrap_err();
        assert_eq!(
            (errors[0].column, errors[0].message.as_str()),
            (3, "本校没有初一（学校设置的学段：小学）")
        );
        assert!(parse_row(&cells, &SchoolGrades::default()).is_ok());
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn a_good_row() {
        let item = parse_row_anywhere(&row(&[
            "课后服务费",
            "1,280.50",
            "每生每学期",
            "一至六年级",
            "财务室",
            "0371-6523 8001",
            "豫发改收费〔2023〕781号",
            "是",
            "",
        ]))
        .unwrap();
        assert_eq!(item.amount, Fen(128050));
        assert!(item.voluntary && item.grades.includes(6) && !item.grades.includes(7));
        assert!(item.missing_for_print().is_empty());
    }

    #[test]
    fn every_bad_field_of_a_row_is_named() {
        let errors = parse_row_anywhere(&row(&[
            "",
            "12.345",
            "每生",
            "幼儿园",
            "",
            "电话",
            "",
            "也许",
            "",
        ]))
        .unwrap_err();
        let schema = schema();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| schema.columns[e.column].header.as_ref())
            .collect();
        assert_eq!(
            fields,
            [
                "项目",
                "金额(元)",
                "计费单位",
                "适用年级",
                "咨询电话",
                "是否自愿"
            ]
        );
    }

    #[test]
    fn a_fee_without_basis_unit_or_department_does_not_print() {
        let item = parse_row_anywhere(&row(&["校服费", "180", "", "一年级", "", "", "", "是", ""]))
            .unwrap();
        assert_eq!(
            item.missing_for_print(),
            ["收费依据", "计费单位", "收费部门"]
        );
    }

    #[test]
    fn a_grade_pays_its_items_split_into_required_and_voluntary() {
        let items = vec![
            parse_row_anywhere(&row(&[
                "作业本费",
                "30",
                "每生每学期",
                "全校",
                "财务室",
                "",
                "文号",
                "否",
                "",
            ]))
            .unwrap(),
            parse_row_anywhere(&row(&[
                "校服费",
                "180",
                "每套",
                "一年级",
                "总务处",
                "",
                "文号",
                "是",
                "",
            ]))
            .unwrap(),
            parse_row_anywhere(&row(&[
                "住宿费",
                "400",
                "每生每学期",
                "五至六年级",
                "总务处",
                "",
                "文号",
                "否",
                "",
            ]))
            .unwrap(),
        ];
        let first = for_grade(&items, 1);
        assert_eq!(
            first.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
            ["作业本费", "校服费"]
        );
        let t = Totals::of(&first, Terms::for_semester("2026—2027学年第一学期"));
        assert_eq!(
            (t.required, t.voluntary, t.all()),
            (Fen(3000), Fen(18000), Fen(21000))
        );
        assert_eq!(
            Totals::of(&for_grade(&items, 6), Terms::for_semester("2026年秋季学期")).required,
            Fen(43000)
        );
    }

    #[test]
    fn grade_totals_list_only_the_grades_that_pay() {
        let mut rows = vec![
            row(&[
                "作业本费",
                "30",
                "每生每学期",
                "1-2年级",
                "财务室",
                "",
                "文号",
                "否",
                "",
            ]),
            row(&[
                "课后服务费",
                "300",
                "每生每学期",
                "二年级",
                "财务室",
                "",
                "文号",
                "是",
                "",
            ]),
        ];
        let items: Vec<FeeItem> = rows
            .drain(..)
            .map(|r| parse_row_anywhere(&r).unwrap())
            .collect();
        let totals = grade_totals(
            &items,
            &SchoolGrades::default(),
            Terms::for_semester("2026年秋季学期"),
        );
        assert_eq!(totals.len(), 2);
        assert_eq!(
            totals[0],
            (
                1,
                Totals {
                    required: Fen(3_000),
                    voluntary: Fen(0)
                }
            )
        );
        assert_eq!(totals[1].1.all(), Fen(33_000));
    }
    #[test]
    fn semester_names() {
        assert!(semester("学期", "2026—2027学年第一学期").is_ok());
        assert!(semester("学期", "2026年秋季学期").is_ok());
        assert!(
            semester("学期", "2026秋")
                .unwrap_err()
                .to_string()
                .contains("学期名称")
        );
    }
}
