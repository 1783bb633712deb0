//! 师德承诺: the pledge every teacher signs — by default the source
//! document's four pledges and 师德一票否决, editable as the item's body —
//! the year, and the signers (name, 学科/年级组), imported from the
//! school's staff list. Teachers' names are public on the pledge sheet.

use crate::FieldError;
use crate::table::{CellError, Column, Kind, Row, Schema};

/// The pledge text a new 师德承诺 item starts with (the source document's
/// words: 不乱收费、不乱办班、不体罚学生、不接受家长任何形式的馈赠, and the
/// veto).
pub const DEFAULT_TEXT: &str = "\
为规范教育教学行为，树立良好师德师风，本人郑重承诺：
一、不乱收费。严格执行收费政策，不以任何名义向学生和家长收取规定以外的费用。
二、不乱办班。不组织、不参与有偿补课，不举办或变相举办各类收费辅导班。
三、不体罚学生。尊重学生人格，不体罚或变相体罚学生，不歧视、侮辱学生。
四、不接受家长任何形式的馈赠。不收受学生、家长的礼品礼金、购物卡和宴请。
实行师德一票否决：违反上述承诺、经查属实的，当年年度考核、评优评先和职称评聘实行一票否决。";

/// The item's field holding the pledge's year.
pub const YEAR_FIELD: &str = "year";

/// The years a pledge may be for.
const YEARS: std::ops::RangeInclusive<u32> = 2000..=2100;

/// 年度, where given, is a year (2026, not 26 or 3026).
pub fn check_year(fields: &std::collections::BTreeMap<String, String>) -> Result<(), FieldError> {
    match fields
        .get(YEAR_FIELD)
        .map(|y| y.trim())
        .filter(|y| !y.is_empty())
    {
        Some(y) if !crate::text::whole_number("年度", y).is_ok_and(|n| YEARS.contains(&n)) => {
            Err(FieldError::new(
                "年度",
                format!("“{y}”不是年份（例：2026）"),
            ))
        }
        _ => Ok(()),
    }
}

pub fn schema() -> Schema {
    Schema {
        row_name: "承诺教师",
        grid_unit: "人",
        // One teacher signs once (two of one name in two groups are two).
        unique: &["name", "group"],
        columns: vec![
            Column::new("name", "姓名", Kind::Person).required(),
            Column::new("group", "学科/年级组", Kind::Text { max: 20 })
                .required()
                .hint("语文组、初二年级组"),
        ],
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub name: String,
    pub group: String,
}

pub fn record(row: &Row) -> Result<Signer, Vec<CellError>> {
    Ok(Signer {
        name: row.text("name"),
        group: row.text("group"),
    })
}

/// The signers by 学科/年级组, in the order each group first appears:
/// the pledge sheet's columns of names.
pub fn by_group(signers: &[Signer]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for s in signers {
        match out.iter_mut().find(|(g, _)| *g == s.group) {
            Some((_, names)) => names.push(s.name.clone()),
            None => out.push((s.group.clone(), vec![s.name.clone()])),
        }
    }
    out
}

#[cfg(test)]
mod tests;
