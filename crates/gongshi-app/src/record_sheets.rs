//! The record's cells and columns as the faces print them: a workbook's
//! columns and values, a PDF table's columns and text, a chart's bars —
//! each from the domain's one list of columns.

use gongshi_domain::record::figures::FigureTable;
use gongshi_domain::record::{Cell, CellKind, RecordColumn};
use gongshi_print::sheet::{Align, Block, Chart, Column, Row, Table};
use gongshi_print::workbook::{ColumnKind, ReportChart, ReportColumn, Value};

pub fn report_columns(columns: &[RecordColumn]) -> Vec<ReportColumn> {
    columns
        .iter()
        .map(|c| {
            let kind = match c.kind {
                CellKind::Text => ColumnKind::Text,
                CellKind::Date => ColumnKind::Date,
                CellKind::Number => ColumnKind::Number,
                CellKind::Money => ColumnKind::Money,
            };
            ReportColumn::new(c.header, kind)
        })
        .collect()
}

pub fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Text(s) if s.is_empty() => Value::Empty,
        Cell::Text(s) => Value::Text(s.clone()),
        Cell::Date(Some(d)) => Value::Date(*d),
        Cell::Number(Some(n)) => Value::Number(*n),
        Cell::Money(f) => Value::Money(*f),
        Cell::Date(None) | Cell::Number(None) => Value::Empty,
    }
}

pub fn values(cells: &[Cell]) -> Vec<Value> {
    cells.iter().map(value).collect()
}

/// A cell as a printed sheet shows it: 2026年3月2日, 1,280.50.
pub fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Date(Some(d)) => gongshi_print::dates::chinese_date(*d),
        Cell::Number(Some(n)) => n.to_string(),
        Cell::Money(f) => f.to_yuan_string(),
        Cell::Date(None) | Cell::Number(None) => String::new(),
    }
}

/// A figure table as a sheet's heading, table and (where it has one)
/// chart.
pub fn blocks(t: &FigureTable) -> Vec<Block> {
    let columns = t
        .columns
        .iter()
        .map(|c| {
            let align = match c.kind {
                CellKind::Number | CellKind::Money => Align::Right,
                CellKind::Text | CellKind::Date => Align::Left,
            };
            Column::new(c.header, 1.0, align)
        })
        .collect();
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .map(|r| Row::new(r.iter().map(text).collect()))
        .collect();
    if let Some(totals) = &t.totals {
        rows.push(Row::total(totals.iter().map(text).collect()));
    }
    let mut out = vec![
        Block::Heading(t.title.to_owned()),
        Block::Table(Table { columns, rows }),
    ];
    if let Some(chart) = t.chart {
        out.push(Block::Chart(Chart {
            title: chart.title.to_owned(),
            bars: bars(t),
        }));
    }
    out
}

/// A charted table's bars: its first column's labels, its second
/// column's numbers.
fn bars(t: &FigureTable) -> Vec<(String, i64)> {
    t.rows
        .iter()
        .map(|r| {
            let n = match r.get(1) {
                Some(Cell::Number(Some(n))) => *n,
                _ => 0,
            };
            (r.first().map(text).unwrap_or_default(), n)
        })
        .collect()
}

/// The workbook's chart of a charted table: the same two columns.
pub fn report_chart(t: &FigureTable) -> Option<ReportChart> {
    t.chart.map(|c| ReportChart {
        title: c.title.to_owned(),
        label_column: 0,
        value_column: 1,
    })
}
