//! What the 领导述职 and 师德承诺 sheets print of their tables: every
//! leader's votes with their shares and 满意率 (the formula and the
//! rounding stated), each report's points; the signers' names by group;
//! and the 签名表 the staff meeting signs, a row per teacher.

use chrono::{DateTime, FixedOffset};
use gongshi_domain::FieldError;
use gongshi_domain::category::Category;
use gongshi_domain::lines::appraisal::{self, Appraisal};
use gongshi_domain::lines::pledge::{self, Signer};
use gongshi_domain::lines::{self, Lines};
use gongshi_print::sheet::{Align, Block, Column, Document, Paper, Row, Sheet, Table};
use gongshi_store::Store;

use crate::{Result, items, printing, table_io};

/// The result table of 民主评议: a row per leader, each grade's votes with
/// its share of the valid ballots, and 满意率; the formula and the
/// rounding under it; then the points of each leader's report.
pub fn appraisal_blocks(tally: &Appraisal) -> Result<Vec<Block>> {
    let ballots = tally.check()?;
    let mut columns = vec![
        Column::new("姓名", 1.0, Align::Left),
        Column::new("职务", 1.0, Align::Left),
    ];
    columns.extend((tally.scale.grades().iter()).map(|g| Column::new(g, 1.0, Align::Right)));
    columns.push(Column::new("满意率", 1.0, Align::Right));
    let rows = tally
        .leaders
        .iter()
        .map(|l| {
            let mut cells = vec![l.name.clone(), l.post.clone()];
            cells.extend(
                l.votes
                    .iter()
                    .map(|v| format!("{v}票（{}）", appraisal::percent(*v, ballots.valid))),
            );
            cells.push(appraisal::percent(tally.satisfied_votes(l), ballots.valid));
            Row::new(cells)
        })
        .collect();
    let mut blocks = vec![
        Block::Paragraph(format!(
            "本次民主评议发出评议票{}张，收回{}张，其中有效票{}张。评议结果如下：",
            ballots.issued, ballots.returned, ballots.valid
        )),
        Block::Table(Table { columns, rows }),
        Block::Note(format!(
            "{}。各等次比例 = 该等次票数 ÷ 有效票数 × 100%。{}",
            tally.scale.formula(),
            appraisal::ROUNDING
        )),
    ];
    let reports: Vec<Block> = tally
        .leaders
        .iter()
        .filter(|l| !l.report.is_empty())
        .map(|l| Block::Paragraph(format!("{}（{}）：{}", l.name, l.post, l.report)))
        .collect();
    if !reports.is_empty() {
        blocks.push(Block::Heading("述职要点".into()));
        blocks.extend(reports);
    }
    Ok(blocks)
}

/// The pledge sheet's signers: how many, then their names in columns by
/// 学科/年级组.
pub fn pledge_blocks(signers: &[Signer]) -> Vec<Block> {
    let rows = pledge::by_group(signers)
        .into_iter()
        .map(|(group, names)| Row::new(vec![group, format!("{}人", names.len()), names.join("　")]))
        .collect();
    vec![
        Block::Heading(format!("承诺教师（共{}人）", signers.len())),
        Block::Table(Table {
            columns: vec![
                Column::new("学科/年级组", 1.0, Align::Left),
                Column::new("人数", 1.0, Align::Right),
                Column::new("承诺人", 4.0, Align::Left),
            ],
            rows,
        }),
    ]
}

/// Lines a signing row is high: room for a name written by hand.
const SIGNING_LINES: usize = 2;

/// The 签名表 of a 师德承诺 item: the pledge's text, then a row per
/// teacher with a blank to sign and date. For the staff meeting, not the
/// board: no posting period, no 核验码.
pub fn signing_sheet(
    store: &Store,
    item_id: i64,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<printing::Printable> {
    let rev = items::current(store, item_id)?;
    if rev.category != Category::EthicsPledge {
        return Err(FieldError::new(
            "事项",
            format!(
                "事项{item_id}是{}，签名表只用于师德承诺",
                rev.category.label()
            ),
        )
        .into());
    }
    let cx = table_io::context(store)?;
    let signers = match lines::read(rev.category, &rev.content, &cx)? {
        Some(Lines::Pledge(signers)) if !signers.is_empty() => signers,
        _ => {
            return Err(FieldError::new("表格", "还没有承诺教师名单（请先导入教职工名单）").into());
        }
    };
    let school = crate::school::required(store)?;
    let mut blocks: Vec<Block> = (rev.content.body.lines())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(p.to_owned()))
        .collect();
    blocks.push(Block::Note(format!(
        "请本人阅读以上承诺后签名（共{}人）。",
        signers.len()
    )));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("序号", 0.6, Align::Right),
            Column::new("姓名", 1.0, Align::Left),
            Column::new("学科/年级组", 1.4, Align::Left),
            Column::new("本人签名", 2.0, Align::Left),
            Column::new("签名日期", 1.4, Align::Left),
        ],
        rows: signers
            .iter()
            .enumerate()
            .map(|(i, s)| {
                Row::tall(
                    vec![
                        (i + 1).to_string(),
                        s.name.clone(),
                        s.group.clone(),
                        String::new(),
                        String::new(),
                    ],
                    SIGNING_LINES,
                )
            })
            .collect(),
    }));
    // 2026年度教师师德承诺公示 → 2026年度教师师德承诺签名表.
    let title = format!("{}签名表", rev.content.title.trim_end_matches("公示"));
    Ok(printing::Printable {
        name: title.clone(),
        doc: Document {
            title: title.clone(),
            author: school.name.clone(),
            created: now,
            sheets: vec![Sheet {
                paper,
                school_name: school.name.clone(),
                header_label: "师德承诺·签名表".into(),
                title,
                subtitle: None,
                watermark: None,
                blocks,
            }],
        },
        allow: printing::allowlist(&school),
        posting: None,
    })
}
