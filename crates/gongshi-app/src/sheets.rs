//! The board sheet of a disclosure item, as the engine's document model.

use chrono::NaiveDate;
use gongshi_domain::SchoolProfile;
use gongshi_domain::calendar::Period;
use gongshi_domain::revision::Revision;
use gongshi_domain::table::Context;
use gongshi_print::sheet::{Align, Block, Closing, Column, Paper, Row, Sheet, Table};

use crate::Result;
use crate::decisions::DecisionFacts;

/// The sheet for `rev`, to be posted for `period`, dated `printed_on`;
/// refused when its typed table breaks its category's rules (a statement
/// that does not balance, a purchase above the threshold without its
/// reason).
pub fn item_sheet(
    school: &SchoolProfile,
    rev: &Revision,
    period: Option<Period>,
    printed_on: NaiveDate,
    paper: Paper,
    cx: &Context,
    decision: &DecisionFacts,
) -> Result<Sheet> {
    let c = &rev.content;
    let mut blocks: Vec<Block> = c
        .body
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(p.to_owned()))
        .collect();
    let mut fields: Vec<(String, String)> = rev
        .category
        .required_fields()
        .iter()
        // A statement prints its balances, an appraisal its ballots.
        .filter(|spec| {
            !gongshi_domain::lines::fields_told_by_table(rev.category).contains(&spec.key)
        })
        .filter_map(|spec| {
            let value = c.fields.get(spec.key).filter(|v| !v.trim().is_empty())?;
            Some((spec.label.to_owned(), value.clone()))
        })
        .collect();
    // A 正式稿 states the vote that passed it.
    if let Some(vote) = &decision.vote {
        fields.push(("表决结果".to_owned(), vote.clone()));
    }
    if !fields.is_empty() {
        blocks.push(Block::KeyValues(fields));
    }
    match gongshi_domain::lines::read(rev.category, c, cx)? {
        Some(lines) => blocks.extend(crate::line_sheets::blocks(rev, &lines, cx)?),
        None => blocks.extend(plain_table(rev, cx)),
    }
    blocks.push(Block::Closing(Closing {
        posting_period: period.map(|p| p.to_string()),
        feedback: feedback_lines(school),
        issuer: school.name.clone(),
        date: printed_on,
        signature: None,
        seal: true,
        verification: None,
    }));
    // A decision's first 正式稿 follows its 讨论稿: not a correction.
    let subtitle =
        (rev.number > 1 && !decision.first_final).then(|| format!("（更正稿·第{}版）", rev.number));
    Ok(Sheet {
        paper: across_if_wide(paper, rev, cx),
        school_name: school.name.clone(),
        header_label: format!("校务公开·{}", rev.category.label()),
        title: c.title.clone(),
        subtitle,
        watermark: None,
        blocks,
    })
}

/// More public columns than fit across A4 upright (采购's twelve): the
/// sheet turns to landscape, so amounts and dates stay whole.
const UPRIGHT_COLUMNS: usize = 8;

fn across_if_wide(paper: Paper, rev: &Revision, cx: &Context) -> Paper {
    let wide = gongshi_domain::lines::schema(rev.category, cx)
        .is_some_and(|s| s.public_columns().len() > UPRIGHT_COLUMNS);
    if wide {
        Paper {
            orientation: gongshi_print::sheet::Orientation::Landscape,
            ..paper
        }
    } else {
        paper
    }
}

/// What the category lets the public see of an untyped table (学生资助
/// from before its schema: names masked, personal columns left out).
fn plain_table(rev: &Revision, cx: &Context) -> Option<Block> {
    let table = rev.content.table.as_ref()?.public(rev.category, cx);
    (!table.columns.is_empty()).then(|| {
        Block::Table(Table {
            columns: table
                .columns
                .iter()
                .enumerate()
                .map(|(i, title)| Column::new(title, 1.0, column_align(&table.rows, i)))
                .collect(),
            rows: table.rows.iter().map(|r| Row::new(r.clone())).collect(),
        })
    })
}

/// How to give feedback, from the school's phone fields.
pub fn feedback_lines(school: &SchoolProfile) -> Vec<String> {
    let mut phones = Vec::new();
    if !school.supervision_phone.is_empty() {
        phones.push(format!("学校监督电话{}", school.supervision_phone));
    }
    if !school.complaint_phone.is_empty() {
        phones.push(format!("上级投诉电话{}", school.complaint_phone));
    }
    let mut line = "如有意见或异议，请在公示期内投入校务公开意见箱".to_owned();
    if !phones.is_empty() {
        line.push_str("，或拨打");
        line.push_str(&phones.join("、"));
    }
    line.push('。');
    vec![line]
}

/// Amount-like columns are right-aligned.
fn column_align(rows: &[Vec<String>], col: usize) -> Align {
    let numeric =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || ",.-%".contains(c));
    let cells: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get(col))
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    if !cells.is_empty() && cells.iter().all(|s| numeric(s)) {
        Align::Right
    } else {
        Align::Left
    }
}
