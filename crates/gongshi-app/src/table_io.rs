//! A table's faces in files, all derived from its schema (domain
//! `table`): the import template, a file's rows read all or nothing, the
//! grid's rows, the refusal naming each row and column, the Excel columns;
//! and the context rows are read in (the school's grades, classes and
//! 公开招标限额).

use gongshi_domain::FieldError;
use gongshi_domain::lines::procurement;
use gongshi_domain::table::{CellError, Context, Kind, Numbering, Row, RowError, Schema};
use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};
use gongshi_store::Store;

use crate::{AppError, Result, sheet_file};

/// What rows are read against in this school.
pub fn context(store: &Store) -> Result<Context> {
    Ok(Context {
        grades: crate::school::grades(store)?,
        classes: store
            .class_sizes()?
            .into_iter()
            .map(|c| (c.grade, c.class))
            .collect(),
        tender_threshold: store
            .tender_threshold()?
            .unwrap_or(procurement::DEFAULT_THRESHOLD),
        appraisal: store.appraisal_scale()?,
        ethics_cases: (store.ethics_cases()?.into_iter())
            .filter_map(|c| Some((u32::try_from(c.id).ok()?, c.teacher)))
            .collect(),
    })
}

/// An import refused for its rows' problems, each named by row and column.
pub fn refused(errors: Vec<RowError>) -> AppError {
    sheet_file::import_refused(errors.iter().map(ToString::to_string).collect())
}

/// The import template: a title row, then exactly the schema's header
/// row, then `examples` to overwrite. Cells are text, so what is typed
/// (a phone's leading 0, 一至六年级) stays as typed.
pub fn template(
    schema: &Schema,
    sheet_name: &str,
    title: String,
    examples: &[Vec<String>],
    internal: bool,
) -> Result<Vec<u8>> {
    let report = Report {
        sheet_name: sheet_name.into(),
        title,
        subtitle: hints(schema),
        school_name: String::new(),
        internal,
        columns: schema
            .columns
            .iter()
            .map(|c| ReportColumn::new(&c.header, ColumnKind::Text))
            .collect(),
        rows: examples
            .iter()
            .map(|r| r.iter().map(|c| Value::Text(c.clone())).collect())
            .collect(),
        totals: None,
        chart: None,
    };
    Ok(gongshi_print::render_xlsx(&[report])?)
}

/// The columns' hints and choices, one line under the title.
fn hints(schema: &Schema) -> Option<String> {
    let notes: Vec<String> = schema
        .columns
        .iter()
        .filter_map(|c| {
            let what = match (c.kind, c.hint) {
                (Kind::Choice(list), _) if list.len() <= 12 => list.join("、"),
                (_, "") => return None,
                (_, hint) => hint.to_owned(),
            };
            Some(format!("{}：{what}", c.header))
        })
        .collect();
    (!notes.is_empty()).then(|| notes.join("；"))
}

/// Reads a file's rows by `schema` into records: every row good, or every
/// problem named by the row the spreadsheet shows and the column.
pub fn read<T>(
    bytes: &[u8],
    file_name: &str,
    schema: &Schema,
    cx: &Context,
    record: impl Fn(&Row) -> std::result::Result<T, Vec<CellError>>,
) -> Result<Vec<T>> {
    let rows = sheet_file::rows_of_schema(bytes, file_name, schema)?;
    if rows.is_empty() {
        return Err(FieldError::new("文件", format!("表头下面没有{}", schema.row_name)).into());
    }
    schema
        .read_all(&rows, Numbering::File, cx, record)
        .map_err(refused)
}

/// Reads the grid's rows by `schema`: all of them, or every problem named
/// by the grid's own count (第2项) and the column.
pub fn grid<T>(
    rows: &[Vec<String>],
    schema: &Schema,
    cx: &Context,
    record: impl Fn(&Row) -> std::result::Result<T, Vec<CellError>>,
) -> Result<Vec<T>> {
    schema
        .read_all(&Schema::grid_rows(rows), Numbering::Grid, cx, record)
        .map_err(refused)
}

/// The Excel columns of a schema's table (the public ones only, if
/// `public`), typed as the sheet prints them.
pub fn report_columns(schema: &Schema, public: bool) -> Vec<ReportColumn> {
    schema
        .columns
        .iter()
        .filter(|c| !(public && c.internal))
        .map(|c| {
            let kind = match c.kind {
                Kind::Money => ColumnKind::Money,
                Kind::Date => ColumnKind::Date,
                Kind::Quantity => ColumnKind::Number,
                _ => ColumnKind::Text,
            };
            ReportColumn::new(&c.header, kind)
        })
        .collect()
}

/// A stored row's cells as the Excel writes them under
/// [`report_columns`]: amounts in fen, dates as dates, counts as numbers.
pub fn report_row(schema: &Schema, cells: &[String], cx: &Context, public: bool) -> Vec<Value> {
    let parsed = schema.parse(cells, cx).ok();
    schema
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !(public && c.internal))
        .map(|(i, c)| {
            let text = cells.get(i).cloned().unwrap_or_default();
            let Some(row) = &parsed else {
                return Value::Text(text);
            };
            match c.kind {
                Kind::Money => row.money(&c.key).map_or(Value::Empty, Value::Money),
                Kind::Date => row.date(&c.key).map_or(Value::Empty, Value::Date),
                Kind::Quantity => row
                    .quantity(&c.key)
                    .map_or(Value::Empty, |q| Value::Decimal {
                        value: i64::try_from(q.0).unwrap_or(i64::MAX),
                        places: 2,
                    }),
                _ if text.is_empty() => Value::Empty,
                _ => Value::Text(text),
            }
        })
        .collect()
}
