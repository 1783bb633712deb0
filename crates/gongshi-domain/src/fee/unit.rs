//! What a fee's 计费单位 means for what a parent pays this semester. The
//! unit is a choice with a meaning, not free text: per semester (as it is),
//! per month (× the semester's months), per year (in the semester the
//! schedule says), per set or per time (once); per meal or per use, and
//! anything settled at cost (代收, 按实结算), are listed with their price but
//! kept out of every total. The letter, the board sheet and the Excel all
//! count through [`charge`].

use serde::{Deserialize, Serialize};

use super::FeeItem;
use crate::FieldError;
use crate::money::Fen;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Semester,
    Month,
    Year,
    Once,
    PerUse,
    AtCost,
}

/// The units a fee may be written in, each with its meaning, in the order
/// a form offers them. The first of each kind is the usual one.
pub const UNITS: [(&str, UnitKind); 20] = [
    ("每生每学期", UnitKind::Semester),
    ("每人每学期", UnitKind::Semester),
    ("每学期", UnitKind::Semester),
    ("每生每月", UnitKind::Month),
    ("每人每月", UnitKind::Month),
    ("每月", UnitKind::Month),
    ("每生每年", UnitKind::Year),
    ("每生每学年", UnitKind::Year),
    ("每年", UnitKind::Year),
    ("每套", UnitKind::Once),
    ("每件", UnitKind::Once),
    ("每本", UnitKind::Once),
    ("每次", UnitKind::Once),
    ("每生每次", UnitKind::Once),
    ("一次性", UnitKind::Once),
    ("每生每餐", UnitKind::PerUse),
    ("每餐", UnitKind::PerUse),
    ("每生每天", UnitKind::PerUse),
    ("每课时", UnitKind::PerUse),
    ("按实结算", UnitKind::AtCost),
];

/// The units' names, in [`UNITS`]' order: the 计费单位 column's choices.
pub const UNIT_NAMES: [&str; UNITS.len()] = {
    let mut names = [""; UNITS.len()];
    let mut i = 0;
    while i < UNITS.len() {
        names[i] = UNITS[i].0;
        i += 1;
    }
    names
};

/// The units' names, for a message or a form's choice.
pub fn unit_names() -> String {
    UNITS.map(|(n, _)| n).join("、")
}

/// The kind of a written unit, if it is one of [`UNITS`].
pub fn kind_of(unit: &str) -> Option<UnitKind> {
    let unit = unit.trim();
    UNITS.iter().find(|(n, _)| *n == unit).map(|(_, k)| *k)
}

/// Refuses a unit that is not one of [`UNITS`] (blank is left to the
/// print check, which names what is missing).
pub fn check_unit(field: &'static str, unit: &str) -> Result<(), FieldError> {
    if unit.trim().is_empty() || kind_of(unit).is_some() {
        return Ok(());
    }
    Err(FieldError::new(
        field,
        format!(
            "“{}”不是可选的计费单位（可选：{}）",
            unit.trim(),
            unit_names()
        ),
    ))
}

/// The schedule's terms the units need: how many months the semester
/// bills, and whether the year's fees are collected in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// 1–6: a 每月 fee is billed this many times.
    pub months: u8,
    /// Whether 每年 fees are collected in this semester.
    pub yearly_here: bool,
}

impl Terms {
    /// A semester's usual terms: five months; the year's fees in the
    /// first (autumn) semester.
    pub fn for_semester(semester: &str) -> Self {
        Self {
            months: 5,
            yearly_here: semester.contains("第一学期") || semester.contains("秋季"),
        }
    }

    pub fn checked(months: u8, yearly_here: bool) -> Result<Self, FieldError> {
        if !(1..=6).contains(&months) {
            return Err(FieldError::new("每学期月数", "应为1到6个月"));
        }
        Ok(Self {
            months,
            yearly_here,
        })
    }
}

/// What an item means for this semester's bill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charge {
    /// Counted in the totals; `note` says how (×5个月), if not as it is.
    Counted { amount: Fen, note: Option<String> },
    /// Listed with its price, kept out of the totals, for this reason.
    Listed(&'static str),
}

/// Why a 代收 or at-cost item is not in a total.
const AT_COST: &str = "代收，按实结算";

/// Whether the item is settled at cost: its unit says so, or it is money
/// collected on others' behalf (代收), which is never bundled into a total.
pub fn at_cost(item: &FeeItem) -> bool {
    kind_of(&item.unit) == Some(UnitKind::AtCost)
        || item.name.contains("代收")
        || item.note.contains("按实结算")
}

/// The one rule for what an item adds to this semester's bill. An item
/// whose unit is not one of [`UNITS`] is `None`: its schedule does not
/// print until the unit is chosen.
pub fn charge(item: &FeeItem, terms: Terms) -> Option<Charge> {
    let kind = kind_of(&item.unit)?;
    if at_cost(item) {
        return Some(Charge::Listed(AT_COST));
    }
    Some(match kind {
        UnitKind::Semester | UnitKind::Once => Charge::Counted {
            amount: item.amount,
            note: None,
        },
        UnitKind::Month => Charge::Counted {
            amount: Fen(item.amount.0 * i64::from(terms.months)),
            note: Some(format!("×{}个月", terms.months)),
        },
        UnitKind::Year if terms.yearly_here => Charge::Counted {
            amount: item.amount,
            note: Some("本学期收取全年".into()),
        },
        UnitKind::Year => Charge::Listed("全年费用在另一学期收取"),
        UnitKind::PerUse => Charge::Listed("按次（餐）收取"),
        UnitKind::AtCost => Charge::Listed(AT_COST),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grades::Grades;

    fn item(name: &str, amount: i64, unit: &str, note: &str) -> FeeItem {
        FeeItem {
            name: name.into(),
            amount: Fen(amount),
            unit: unit.into(),
            grades: Grades::WholeSchool,
            department: "财务室".into(),
            phone: String::new(),
            basis: "文号".into(),
            voluntary: false,
            note: note.into(),
        }
    }

    #[test]
    fn each_unit_counts_as_it_means() {
        let autumn = Terms::for_semester("2026—2027学年第一学期");
        let spring = Terms::for_semester("2027年春季学期");
        let counted = |amount| {
            Some(Charge::Counted {
                amount: Fen(amount),
                note: None,
            })
        };
        for (i, terms, expected) in [
            (
                item("作业本费", 3000, "每生每学期", ""),
                autumn,
                counted(3000),
            ),
            (item("校服费", 18000, "每套", ""), autumn, counted(18000)),
            (
                item("课后服务费", 6000, "每生每月", ""),
                autumn,
                Some(Charge::Counted {
                    amount: Fen(30000),
                    note: Some("×5个月".into()),
                }),
            ),
            (
                item("保险费", 5000, "每生每年", ""),
                autumn,
                Some(Charge::Counted {
                    amount: Fen(5000),
                    note: Some("本学期收取全年".into()),
                }),
            ),
            (
                item("保险费", 5000, "每生每年", ""),
                spring,
                Some(Charge::Listed("全年费用在另一学期收取")),
            ),
            (
                item("午餐费", 450, "每生每餐", ""),
                autumn,
                Some(Charge::Listed("按次（餐）收取")),
            ),
            (
                item("教辅资料费（代收）", 4550, "每生每学期", ""),
                autumn,
                Some(Charge::Listed(AT_COST)),
            ),
            (
                item("研学费", 12000, "每生每次", "按实结算，多退少不补"),
                autumn,
                Some(Charge::Listed(AT_COST)),
            ),
            (item("杂费", 100, "每人每周", ""), autumn, None),
        ] {
            assert_eq!(charge(&i, terms), expected, "{} {}", i.name, i.unit);
        }
    }

    #[test]
    fn a_unit_is_one_of_the_list_and_the_terms_are_checked() {
        assert!(check_unit("计费单位", " 每生每月 ").is_ok());
        assert!(check_unit("计费单位", "").is_ok());
        let err = check_unit("计费单位", "每人每周").unwrap_err().to_string();
        assert!(
            err.contains("“每人每周”不是可选的计费单位（可选：每生每学期"),
            "{err}"
        );
        assert!(Terms::checked(0, true).is_err());
        assert!(Terms::checked(7, true).is_err());
        assert_eq!(Terms::checked(4, false).unwrap().months, 4);
    }
}
