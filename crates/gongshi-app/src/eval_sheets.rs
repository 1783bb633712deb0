//! What an evaluation prints: the 结果公示 (criteria, quota, the formula, the
//! ranked table with 拟推荐, those not ranked counted and named only if the
//! round says so, posting period, objection channel, seal) and the
//! committee's Excel with every score, vetoes and their reasons, 内部.

use chrono::{DateTime, FixedOffset};
use gongshi_domain::evaluation::{self, Outcome};
use gongshi_domain::privacy::Allowlist;
use gongshi_print::layout::Page;
use gongshi_print::sheet::{Align, Block, Closing, Column, Document, Paper, Row, Sheet, Table};
use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};
use gongshi_store::{Round, Store};

use crate::evaluations::{RoundRef, public_table, round, tie_note, unranked_note, veto_rule};
use crate::{Result, calendar};

fn document(
    store: &Store,
    which: RoundRef<'_>,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<(Document, Allowlist)> {
    let r = round(store, which)?;
    let s = &r.settings;
    let school = store.school()?.unwrap_or_default();
    let ranking = evaluation::rank(s, &r.candidates);
    let table = public_table(&r, &ranking);
    let components = s.components.len();
    let columns = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let (width, align) = match i {
                0 => (0.7, Align::Center),
                1 => (1.1, Align::Center),
                2 => (1.4, Align::Center),
                i if i < 3 + components => (1.1, Align::Right),
                i if i == 3 + components => (1.0, Align::Right),
                _ => (2.0, Align::Center),
            };
            Column::new(title, width, align)
        })
        .collect();
    let mut rules = vec![
        ("评选标准".into(), s.criteria.clone()),
        ("推荐名额".into(), format!("{}名", s.quota)),
        ("计分办法".into(), s.formula()),
        ("同分排序".into(), s.tie_rule()),
    ];
    if let Some(rule) = veto_rule(s) {
        rules.push(("一票否决".into(), rule.into()));
    }
    let mut blocks = vec![
        Block::Paragraph(format!(
            "根据学校{}工作方案，经个人申报、民意测评、工作量化和考核，评选领导小组按公开的标准、名额和计分办法进行了排序，现将结果公示如下。",
            s.kind.label()
        )),
        Block::KeyValues(rules),
        Block::Table(Table {
            columns,
            rows: table.rows.into_iter().map(Row::new).collect(),
        }),
    ];
    if r.candidates.is_empty() {
        blocks.push(Block::Note("还没有录入候选人。".into()));
    }
    for note in [tie_note(&r, &ranking), unranked_note(&r, &ranking)]
        .into_iter()
        .flatten()
    {
        blocks.push(Block::Note(note));
    }
    let period = calendar::calendar(Some(store))?
        .period(now.date_naive(), s.posting_days)
        .ok();
    let mut objection = format!(
        "如有异议，请在公示期内以书面形式向{}反映",
        s.objection_office
    );
    if !s.objection_phone.is_empty() {
        objection.push_str(&format!("（电话：{}）", s.objection_phone));
    }
    objection.push_str("，反映情况须实事求是，署真实姓名。");
    blocks.push(Block::Closing(Closing {
        posting_period: period.map(|p| p.to_string()),
        feedback: vec![objection],
        issuer: school.name.clone(),
        date: now.date_naive(),
        signature: None,
        seal: true,
        verification: None,
    }));
    let sheet = Sheet {
        paper,
        school_name: school.name.clone(),
        header_label: format!("校务公开·{}", s.kind.category().label()),
        title: format!("{}结果公示", s.name),
        subtitle: None,
        watermark: None,
        blocks,
    };
    // The school's phones only, as when the result is published as an item:
    // a sheet printed here and the posted one follow one rule.
    let allow = crate::printing::allowlist(&school);
    let doc = Document {
        title: format!("{}结果公示", s.name),
        author: school.name.clone(),
        created: now,
        sheets: vec![sheet],
    };
    Ok((doc, allow))
}

/// 结果公示 as PDF; refused by the privacy scan like any sheet.
pub fn result_sheet<'a>(
    store: &Store,
    which: impl Into<RoundRef<'a>>,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<Vec<u8>> {
    printable(store, which, now, paper)?.pdf()
}

/// 结果公示, to print or picture.
pub fn printable<'a>(
    store: &Store,
    which: impl Into<RoundRef<'a>>,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<crate::printing::Printable> {
    let (doc, allow) = document(store, which.into(), now, paper)?;
    // The document's title is the round's 结果公示.
    let name = doc.title.clone();
    // Posted as its disclosure item (`publish`), whose sheet carries the
    // 核验码 once approved; printed here it is the committee's copy.
    Ok(crate::printing::Printable {
        name,
        doc,
        allow,
        posting: None,
    })
}

/// The sheet as it would print, and why the scan would refuse it, if so.
pub fn preview<'a>(
    store: &Store,
    which: impl Into<RoundRef<'a>>,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<(Vec<Page>, Option<String>)> {
    let (doc, allow) = document(store, which.into(), now, paper)?;
    Ok(gongshi_print::pdf::preview(&doc, &allow))
}

/// The committee's workbook: every candidate, every score, the total, the
/// result, 师德 and the internal remark (a veto's reason). Marked 内部.
pub fn export<'a>(store: &Store, which: impl Into<RoundRef<'a>>) -> Result<Vec<u8>> {
    let r: Round = round(store, which)?;
    let s = &r.settings;
    let school = store.school()?.unwrap_or_default();
    let ranking = evaluation::rank(s, &r.candidates);
    let mut columns = vec![
        ReportColumn::new("名次", ColumnKind::Number),
        ReportColumn::new("姓名", ColumnKind::Text),
        ReportColumn::new("部门/年级组", ColumnKind::Text),
    ];
    columns.extend(
        s.components.iter().map(|c| {
            ReportColumn::new(&format!("{}（{}%）", c.name, c.weight), ColumnKind::Number)
        }),
    );
    columns.extend([
        ReportColumn::new("综合得分", ColumnKind::Number),
        ReportColumn::new("结果", ColumnKind::Text),
        ReportColumn::new("师德", ColumnKind::Text),
        ReportColumn::new("备注（内部）", ColumnKind::Text),
        ReportColumn::new("师德案例编号（内部）", ColumnKind::Text),
    ]);
    let rows = ranking
        .iter()
        .map(|ranked| {
            let c = &r.candidates[ranked.index];
            let mut row = vec![
                ranked
                    .rank
                    .map_or(Value::Text("—".into()), |n| Value::Number(n.into())),
                Value::Text(c.name.clone()),
                Value::Text(c.department.clone()),
            ];
            row.extend(c.scores.iter().map(|sc| Value::Decimal {
                value: sc.0,
                places: 2,
            }));
            row.push(Value::Decimal {
                value: ranked.total.0,
                places: 4,
            });
            let result = match ranked.outcome {
                Outcome::Vetoed => "一票否决",
                other => other.label(),
            };
            row.push(Value::Text(result.into()));
            row.push(Value::Text(
                if c.ethics_ok { "合格" } else { "不合格" }.into(),
            ));
            row.push(Value::Text(c.note.clone()));
            row.push(Value::Text(
                c.ethics_case.map(|n| n.to_string()).unwrap_or_default(),
            ));
            row
        })
        .collect();
    let report = Report {
        sheet_name: "评分明细".into(),
        title: format!("{}评分明细（内部，不公开）", s.name),
        subtitle: Some(format!(
            "名额{}名；{}；{}",
            s.quota,
            s.formula(),
            s.tie_rule()
        )),
        school_name: school.name.clone(),
        internal: true,
        columns,
        rows,
        totals: None,
        chart: None,
    };
    Ok(gongshi_print::render_xlsx(&[report])?)
}
