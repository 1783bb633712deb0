//! The register (台账) and the feedback log (反馈登记表) as workbooks: a
//! summary sheet first, then one sheet per category, every row of the
//! record's columns; the log, every feedback entry (marked 内部: what
//! people wrote may name them).

use chrono::NaiveDate;
use gongshi_domain::record::register::{self, Posting};
use gongshi_domain::record::{DateRange, feedback_log};
use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};
use gongshi_store::Store;

use crate::Result;
use crate::record_sheets::{report_columns, values};

/// The register of `range` as an xlsx, judged on `today`; and how many
/// disclosures it lists.
pub fn register(store: &Store, range: DateRange, today: NaiveDate) -> Result<(Vec<u8>, usize)> {
    let school = crate::school::required(store)?;
    let postings = crate::record::postings(store, range, today)?;
    let subtitle = format!("（{}）", range.label());
    let sheet = |name: &str, title: String, columns, rows, totals| Report {
        sheet_name: name.to_owned(),
        title,
        subtitle: Some(subtitle.clone()),
        school_name: school.name.clone(),
        internal: false,
        columns,
        rows,
        totals,
        chart: None,
    };
    let mut reports = vec![sheet(
        "汇总",
        "校务公开台账汇总".into(),
        summary_columns(),
        summary_rows(&postings),
        Some(summary_totals(&postings)),
    )];
    for category in categories(&postings) {
        let rows = postings
            .iter()
            .filter(|p| p.category == category)
            .map(|p| values(&p.cells()))
            .collect();
        reports.push(sheet(
            &category,
            format!("校务公开台账（{category}）"),
            report_columns(&register::COLUMNS),
            rows,
            None,
        ));
    }
    let count = postings.len();
    Ok((gongshi_print::render_xlsx(&reports)?, count))
}

/// The categories with rows, in the order they first went up.
fn categories(postings: &[Posting]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in postings {
        if !out.contains(&p.category) {
            out.push(p.category.clone());
        }
    }
    out
}

const SUMMARY: [&str; 7] = [
    "类别",
    "公开事项",
    "达到最短公示期",
    "未达到",
    "公示中",
    "反馈",
    "异议",
];

fn summary_columns() -> Vec<ReportColumn> {
    SUMMARY
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let kind = if i == 0 {
                ColumnKind::Text
            } else {
                ColumnKind::Number
            };
            ReportColumn::new(t, kind)
        })
        .collect()
}

/// One category's (or all's) counts, in [`SUMMARY`]'s order.
fn counts(label: &str, of: &[&Posting]) -> Vec<Value> {
    let n = |f: &dyn Fn(&Posting) -> usize| {
        Value::Number(of.iter().map(|p| f(p)).sum::<usize>() as i64)
    };
    vec![
        Value::Text(label.to_owned()),
        n(&|_| 1),
        n(&|p| usize::from(p.kept.met() == Some(true))),
        n(&|p| usize::from(p.kept.met() == Some(false))),
        n(&|p| usize::from(p.kept.met().is_none())),
        n(&|p| p.feedback),
        n(&|p| p.objections),
    ]
}

fn summary_rows(postings: &[Posting]) -> Vec<Vec<Value>> {
    categories(postings)
        .iter()
        .map(|c| {
            let of: Vec<&Posting> = postings.iter().filter(|p| &p.category == c).collect();
            counts(c, &of)
        })
        .collect()
}

fn summary_totals(postings: &[Posting]) -> Vec<Value> {
    counts("合计", &postings.iter().collect::<Vec<_>>())
}

/// The feedback log of entries received in `range` (all when None), as
/// an xlsx marked 内部; and how many entries it lists.
pub fn feedback_log(store: &Store, range: Option<DateRange>) -> Result<(Vec<u8>, usize)> {
    let school = crate::school::required(store)?;
    let titles = crate::record::item_titles(store)?;
    let meetings: std::collections::BTreeMap<i64, String> = store
        .meetings()?
        .into_iter()
        .map(|m| (m.id, m.heading()))
        .collect();
    let mut entries = store.feedback_list(None)?;
    entries.retain(|f| range.is_none_or(|r| r.contains(f.received_on)));
    entries.sort_by_key(|f| (f.received_on, f.id));
    let rows: Vec<Vec<Value>> = entries
        .iter()
        .map(|f| {
            let entry = feedback_log::Entry {
                feedback: f,
                item: f.item_id.and_then(|i| titles.get(&i).cloned()),
                meeting: f.meeting_id.and_then(|m| meetings.get(&m).cloned()),
            };
            values(&entry.cells())
        })
        .collect();
    let count = rows.len();
    let report = Report {
        sheet_name: "反馈登记表".into(),
        title: "校务公开反馈登记表".into(),
        subtitle: Some(match range {
            Some(r) => format!("（{}）", r.label()),
            None => "（全部）".into(),
        }),
        school_name: school.name.clone(),
        internal: true,
        columns: report_columns(&feedback_log::COLUMNS),
        rows,
        totals: None,
        chart: None,
    };
    Ok((gongshi_print::render_xlsx(&[report])?, count))
}
