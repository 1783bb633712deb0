//! Tabular reports as real .xlsx (never CSV, which shows garbled in a
//! Chinese Excel): a merged title row, formatted header, ¥ amounts from
//! integer fen, dates as dates, widths that fit Chinese text, frozen header,
//! autofilter, A4 landscape fit to width, repeated header rows, page numbers.

use chrono::{Datelike, NaiveDate};
use gongshi_domain::Fen;
use rust_xlsxwriter::{
    Chart, ChartFont, ChartType, Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet,
};

use crate::PrintError;

/// One worksheet of a workbook.
#[derive(Debug, Clone)]
pub struct Report {
    /// The worksheet tab (at most 31 characters, no []:*?/\).
    pub sheet_name: String,
    /// The merged title row.
    pub title: String,
    /// A line under the title (the semester, the period…).
    pub subtitle: Option<String>,
    /// Printed in the page header, with the title.
    pub school_name: String,
    /// Marks the sheet 内部 (internal: not for the board) in the header.
    pub internal: bool,
    pub columns: Vec<ReportColumn>,
    pub rows: Vec<Vec<Value>>,
    /// A totals row, formatted like the header.
    pub totals: Option<Vec<Value>>,
    /// A native Excel column chart of the rows, placed beside them.
    pub chart: Option<ReportChart>,
}

/// A column chart of a report's rows: the labels of one column against
/// the numbers of another.
#[derive(Debug, Clone)]
pub struct ReportChart {
    pub title: String,
    pub label_column: u16,
    pub value_column: u16,
}

#[derive(Debug, Clone)]
pub struct ReportColumn {
    pub title: String,
    pub kind: ColumnKind,
}

impl ReportColumn {
    pub fn new(title: &str, kind: ColumnKind) -> Self {
        Self {
            title: title.into(),
            kind,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    /// Integer fen, shown as ¥1,280.50.
    Money,
    Date,
    Number,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Money(Fen),
    Date(NaiveDate),
    Number(i64),
    /// An exact decimal: `value` in units of 10^-`places` (scores in
    /// hundredths, weighted totals in ten-thousandths), shown with its places.
    Decimal {
        value: i64,
        places: u8,
    },
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.into())
    }
}

/// Writes the reports as one workbook, one worksheet each.
pub fn render(reports: &[Report]) -> Result<Vec<u8>, PrintError> {
    let mut book = Workbook::new();
    let f = Formats::new();
    for report in reports {
        write_sheet(&mut book, report, &f)?;
    }
    Ok(book.save_to_buffer()?)
}

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    text: Format,
    money: Format,
    date: Format,
    number: Format,
    total_text: Format,
    total_money: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_font_name("宋体")
            .set_font_size(11);
        let money_format = "\"¥\"#,##0.00";
        let shade = Color::RGB(0xE7_E6_E6);
        Self {
            title: Format::new()
                .set_bold()
                .set_font_name("宋体")
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new()
                .set_font_name("宋体")
                .set_font_size(11)
                .set_align(FormatAlign::Center),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(shade)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            money: cell.clone().set_num_format(money_format),
            date: cell.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\""),
            number: cell.clone().set_num_format("0"),
            total_text: cell
                .clone()
                .set_bold()
                .set_background_color(shade)
                .set_align(FormatAlign::Center),
            total_money: cell
                .set_bold()
                .set_background_color(shade)
                .set_num_format(money_format),
        }
    }
}

fn write_sheet(book: &mut Workbook, r: &Report, f: &Formats) -> Result<(), PrintError> {
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&r.sheet_name))?;
    let last_col = r.columns.len().saturating_sub(1) as u16;
    ws.merge_range(0, 0, 0, last_col, &r.title, &f.title)?;
    ws.set_row_height(0, 30)?;
    let mut header_row = 1;
    if let Some(sub) = &r.subtitle {
        ws.merge_range(1, 0, 1, last_col, sub, &f.subtitle)?;
        header_row = 2;
    }
    for (c, col) in r.columns.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, &col.title, &f.header)?;
    }
    let mut row = header_row + 1;
    for values in &r.rows {
        write_row(ws, row, &r.columns, values, f, false)?;
        row += 1;
    }
    let last_data_row = row.saturating_sub(1).max(header_row);
    if let Some(totals) = &r.totals {
        write_row(ws, row, &r.columns, totals, f, true)?;
    }
    for (c, col) in r.columns.iter().enumerate() {
        ws.set_column_width(c as u16, column_width(c, col, &r.rows))?;
    }
    if let Some(chart) = r.chart.as_ref().filter(|_| row > header_row + 1) {
        let name = sheet_name(&r.sheet_name);
        insert_chart(ws, &name, chart, header_row + 1, row - 1, last_col)?;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.autofilter(header_row, 0, last_data_row, last_col)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    let internal = if r.internal { "（内部）" } else { "" };
    let range = r
        .subtitle
        .as_ref()
        .map(|s| format!("&R{}", escape(s)))
        .unwrap_or_default();
    let header = format!(
        "&L{}&C{}{internal}{range}",
        escape(&r.school_name),
        escape(&r.title)
    );
    ws.set_header(header);
    ws.set_footer("&C第 &P 页 共 &N 页");
    Ok(())
}

/// A column chart of rows `first..=last`, to the right of the table.
fn insert_chart(
    ws: &mut Worksheet,
    sheet: &str,
    c: &ReportChart,
    first: u32,
    last: u32,
    last_col: u16,
) -> Result<(), PrintError> {
    let mut font = ChartFont::new();
    font.set_name("宋体");
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_categories((sheet, first, c.label_column, last, c.label_column))
        .set_values((sheet, first, c.value_column, last, c.value_column))
        .set_name(c.title.as_str());
    chart.title().set_name(&c.title).set_font(&font);
    chart.x_axis().set_font(&font);
    chart.legend().set_hidden();
    ws.insert_chart(1, last_col + 2, &chart)?;
    Ok(())
}

fn write_row(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    columns: &[ReportColumn],
    values: &[Value],
    f: &Formats,
    total: bool,
) -> Result<(), PrintError> {
    for (c, _) in columns.iter().enumerate() {
        let col = c as u16;
        let value = values.get(c).unwrap_or(&Value::Empty);
        let text_format = if total { &f.total_text } else { &f.text };
        match value {
            Value::Empty => {
                ws.write_blank(row, col, text_format)?;
            }
            Value::Text(s) => {
                ws.write_string_with_format(row, col, s, text_format)?;
            }
            Value::Money(fen) => {
                let format = if total { &f.total_money } else { &f.money };
                // Excel stores numbers as doubles; fen / 100 is exact to the
                // cent for any school's amounts. Our code never adds floats.
                ws.write_number_with_format(row, col, fen.0 as f64 / 100.0, format)?;
            }
            Value::Date(d) => {
                let date =
                    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                ws.write_datetime_with_format(row, col, &date, &f.date)?;
            }
            Value::Number(n) => {
                ws.write_number_with_format(row, col, *n as f64, &f.number)?;
            }
            Value::Decimal { value, places } => {
                let places = usize::from(*places).min(6);
                let format = cell_format(text_format, &decimal_format(places));
                let scale = 10f64.powi(places as i32);
                ws.write_number_with_format(row, col, *value as f64 / scale, &format)?;
            }
        }
    }
    Ok(())
}

/// As the sheets print a decimal: two places, more only where the exact
/// value has them (92.10, 89.4625), never rounded.
fn decimal_format(places: usize) -> String {
    let shown = places.min(2);
    let more = places - shown;
    format!("0.{}{}", "0".repeat(shown), "#".repeat(more))
}

/// The cell's format with a number format (right-aligned, as numbers are).
fn cell_format(base: &Format, num_format: &str) -> Format {
    base.clone()
        .set_num_format(num_format)
        .set_align(FormatAlign::Right)
}

/// Display width of Chinese text: a CJK character is two columns.
fn display_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

/// Wide enough for the widest cell of column `index` (and its title),
/// within reason: longer text wraps.
fn column_width(index: usize, col: &ReportColumn, rows: &[Vec<Value>]) -> f64 {
    let width = |v: &Value| match v {
        Value::Text(s) => display_width(s),
        Value::Money(f) => f.to_yuan_string().len() as f64 + 2.0,
        Value::Date(_) => 16.0,
        Value::Number(n) => n.to_string().len() as f64,
        Value::Decimal { value, places } => value.to_string().len() as f64 + f64::from(*places),
        Value::Empty => 0.0,
    };
    let widest = rows
        .iter()
        .filter_map(|r| r.get(index).map(width))
        .fold(display_width(&col.title), f64::max);
    (widest + 2.0).clamp(6.0, 50.0)
}

/// A worksheet name Excel accepts.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if cleaned.is_empty() {
        "Sheet1".into()
    } else {
        cleaned
    }
}

/// `&` starts a code in Excel headers.
fn escape(s: &str) -> String {
    s.replace('&', "&&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_show_two_places_and_more_only_when_there() {
        assert_eq!(decimal_format(2), "0.00");
        assert_eq!(decimal_format(4), "0.00##");
        assert_eq!(decimal_format(1), "0.0");
    }
}
