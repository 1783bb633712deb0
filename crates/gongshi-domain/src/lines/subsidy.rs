//! 学生资助: who receives what. The public sheet masks every name and
//! shows class, project, level and amount with totals by level; the
//! internal columns (身份证号, 家庭住址, 联系电话, 家庭情况, 银行卡号) are
//! kept for the payment and the file, never on a public sheet.

use crate::money::Fen;
use crate::table::{CellError, Column, Kind, Row, Schema};

pub fn schema() -> Schema {
    Schema {
        row_name: "受助学生",
        grid_unit: "项",
        // One child, one line: by the ID number, where given (two children
        // of one name in one class are two children).
        unique: &["id_number"],
        columns: vec![
            Column::new("name", "姓名", Kind::Person)
                .required()
                .masked(),
            Column::new("class", "班级", Kind::Class).required(),
            Column::new("project", "资助项目", Kind::Text { max: 30 })
                .required()
                .hint("家庭经济困难寄宿生生活补助"),
            Column::new("level", "资助档次", Kind::Text { max: 10 }).hint("一档、二档"),
            Column::new("amount", "金额(元)", Kind::Money).required(),
            Column::new("id_number", "身份证号", Kind::Text { max: 18 }).internal(),
            Column::new("address", "家庭住址", Kind::Text { max: 100 }).internal(),
            Column::new("phone", "联系电话", Kind::Phone).internal(),
            Column::new("situation", "家庭情况", Kind::Text { max: 100 }).internal(),
            Column::new("bank_card", "银行卡号", Kind::Text { max: 30 }).internal(),
        ],
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub name: String,
    pub class: String,
    pub project: String,
    pub level: String,
    pub amount: Fen,
}

pub fn record(row: &Row) -> Result<Grant, Vec<CellError>> {
    Ok(Grant {
        name: row.text("name"),
        class: row.text("class"),
        project: row.text("project"),
        level: row.text("level"),
        amount: row.money("amount").unwrap_or_default(),
    })
}

/// Each level (未分档 for none), in the order first listed, with its
/// students and amount.
pub fn totals_by_level(grants: &[Grant]) -> Vec<(String, usize, Fen)> {
    let mut out: Vec<(String, usize, Fen)> = Vec::new();
    for g in grants {
        let level = if g.level.is_empty() {
            "未分档"
        } else {
            &g.level
        };
        match out.iter_mut().find(|(l, _, _)| l == level) {
            Some((_, n, sum)) => {
                *n += 1;
                sum.0 += g.amount.0;
            }
            None => out.push((level.to_owned(), 1, g.amount)),
        }
    }
    out
}
