//! The board sheet's blocks for a typed table: 财务收支 (income and
//! expenditure, each with its total, and the balance), 采购 (the lines
//! with their total and the totals by method), 学生资助 (names masked,
//! the internal columns left out, totals by level), 领导述职 (every
//! leader's votes and shares, 满意率 with its formula; the reports'
//! points), 师德承诺 (the signers' names by group). Columns, their order
//! and alignment come from the category's schema.

use gongshi_domain::Fen;
use gongshi_domain::item::ItemTable;
use gongshi_domain::lines::{self, Lines, finance, procurement, subsidy};
use gongshi_domain::revision::Revision;
use gongshi_domain::table::Context;
use gongshi_domain::table::{self, Schema};
use gongshi_print::sheet::{Align, Block, Column, Row, Table};

use crate::Result;

pub fn blocks(rev: &Revision, lines: &Lines, cx: &Context) -> Result<Vec<Block>> {
    let Some(schema) = lines::schema(rev.category, cx) else {
        return Ok(Vec::new());
    };
    let stored = rev.content.table.clone().unwrap_or_default();
    Ok(match lines {
        Lines::Finance(st) => {
            st.check_balance()?;
            let sub = finance::side_schema();
            let side = |income: bool| {
                let rows: Vec<Vec<String>> = st
                    .lines
                    .iter()
                    .filter(|l| l.income == income)
                    .map(|l| sub.cells_of(|k| l.cell(k)))
                    .collect();
                let total = if income {
                    st.income()
                } else {
                    st.expenditure()
                };
                let label = if income {
                    "本期收入合计"
                } else {
                    "本期支出合计"
                };
                table_of(&sub, &rows, Some((label, total)))
            };
            vec![
                Block::Paragraph("一、本期收入".into()),
                side(true),
                Block::Paragraph("二、本期支出".into()),
                side(false),
                Block::KeyValues(vec![
                    ("上期结余".into(), yuan(st.opening)),
                    ("本期收入合计".into(), yuan(st.income())),
                    ("本期支出合计".into(), yuan(st.expenditure())),
                    ("期末结余".into(), yuan(st.closing())),
                ]),
            ]
        }
        Lines::Procurement(purchases) => {
            let total: Fen = purchases.iter().map(|p| p.amount).sum();
            let by_method = procurement::totals_by_method(purchases)
                .into_iter()
                .map(|(m, n, sum)| vec![m.to_owned(), format!("{n}项"), sum.to_yuan_string()])
                .collect();
            vec![
                public_table(rev, &schema, &stored, ("合计", total), cx),
                Block::Paragraph("按采购方式合计：".into()),
                summary(["采购方式", "项数", "金额(元)"], by_method, total),
            ]
        }
        Lines::Subsidy(grants) => {
            let total: Fen = grants.iter().map(|g| g.amount).sum();
            let by_level = subsidy::totals_by_level(grants)
                .into_iter()
                .map(|(l, n, sum)| vec![l, format!("{n}人"), sum.to_yuan_string()])
                .collect();
            vec![
                public_table(rev, &schema, &stored, ("合计", total), cx),
                Block::Paragraph("按资助档次合计：".into()),
                summary(["资助档次", "人数", "金额(元)"], by_level, total),
            ]
        }
        Lines::Appraisal(tally) => crate::people_sheets::appraisal_blocks(tally)?,
        Lines::Pledge(signers) => crate::people_sheets::pledge_blocks(signers),
    })
}

fn yuan(f: Fen) -> String {
    format!("{}元", f.to_yuan_string())
}

/// The public columns of the stored table (names masked where the schema
/// says), with a total row under the amount column.
fn public_table(
    rev: &Revision,
    schema: &Schema,
    stored: &ItemTable,
    total: (&str, Fen),
    cx: &Context,
) -> Block {
    let public = stored.public(rev.category, cx);
    let shown = Schema {
        columns: schema
            .public_columns()
            .into_iter()
            .map(|i| schema.columns[i].clone())
            .collect(),
        ..schema.clone()
    };
    table_of(&shown, &public.rows, Some(total))
}

/// A table of `schema`'s columns over `rows`, amounts right-aligned; the
/// total, if any, under the last money column.
fn table_of(schema: &Schema, rows: &[Vec<String>], total: Option<(&str, Fen)>) -> Block {
    let mut out: Vec<Row> = rows.iter().map(|r| Row::new(r.clone())).collect();
    if let Some((label, sum)) = total {
        let at = schema
            .columns
            .iter()
            .rposition(|c| c.kind == table::Kind::Money)
            .unwrap_or(schema.columns.len().saturating_sub(1));
        let mut cells = vec![String::new(); schema.columns.len()];
        cells[0] = label.to_owned();
        cells[at] = sum.to_yuan_string();
        out.push(Row::total(cells));
    }
    Block::Table(Table {
        columns: schema
            .columns
            .iter()
            .map(|c| Column::new(&c.header, 1.0, align(c.align())))
            .collect(),
        rows: out,
    })
}

fn summary(headers: [&str; 3], rows: Vec<Vec<String>>, total: Fen) -> Block {
    let mut out: Vec<Row> = rows.into_iter().map(Row::new).collect();
    out.push(Row::total(vec![
        "合计".into(),
        String::new(),
        total.to_yuan_string(),
    ]));
    Block::Table(Table {
        columns: vec![
            Column::new(headers[0], 1.0, Align::Left),
            Column::new(headers[1], 1.0, Align::Right),
            Column::new(headers[2], 1.0, Align::Right),
        ],
        rows: out,
    })
}

fn align(a: table::Align) -> Align {
    match a {
        table::Align::Start => Align::Left,
        table::Align::End => Align::Right,
    }
}
