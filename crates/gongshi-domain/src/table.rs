//! One typed schema per table the app imports, edits and prints (fee
//! items, evaluation scores, 财务收支, 采购, 学生资助): each column's stable
//! key, its header, its kind, whether it is required, whether it is
//! internal (never on a public sheet), its width and alignment. Every face
//! derives from it: the import template and the row parser, the grid the
//! UI renders, the PDF table and the Excel export. Adding a column is one
//! change here (and its message text).
//!
//! A row is read all or nothing: every bad cell is one [`CellError`]
//! (column and message), a row's problems one [`RowError`] each (row,
//! column, message), the same shape for a file and for the grid.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::grades::SchoolGrades;

mod kind;
mod value;

pub use kind::{Align, Kind};
pub use value::{ClassName, Quantity, Value};

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Stable: what code and stored formats call it (never the header).
    pub key: Cow<'static, str>,
    /// What the template, the grid, the sheet and the Excel print on top.
    pub header: Cow<'static, str>,
    pub kind: Kind,
    pub required: bool,
    /// Kept for the school's own files (an ID number, a bank card): never
    /// on a public sheet.
    pub internal: bool,
    /// A name masked on a public sheet (李*, 张*明): who received a
    /// subsidy is not for the notice board to say in full.
    pub masked: bool,
    /// A new row's value (否, 合格), else empty.
    pub blank: &'static str,
    /// What to type, shown under the header in the template and the grid.
    pub hint: &'static str,
}

impl Column {
    pub fn new(key: &'static str, header: &'static str, kind: Kind) -> Self {
        Self {
            key: Cow::Borrowed(key),
            header: Cow::Borrowed(header),
            kind,
            required: false,
            internal: false,
            masked: false,
            blank: "",
            hint: "",
        }
    }

    /// A column whose key and header are made at run time (an evaluation
    /// round's own components).
    pub fn owned(key: String, header: String, kind: Kind) -> Self {
        Self {
            key: Cow::Owned(key),
            header: Cow::Owned(header),
            ..Self::new("", "", kind)
        }
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn internal(mut self) -> Self {
        self.internal = true;
        self
    }

    pub fn masked(mut self) -> Self {
        self.masked = true;
        self
    }

    pub fn blank(mut self, value: &'static str) -> Self {
        self.blank = value;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    /// Characters of room the column wants on screen.
    pub fn width(&self) -> u16 {
        self.kind.width()
    }

    pub fn align(&self) -> Align {
        self.kind.align()
    }
}

/// A table's columns and what a row of it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// What one row is, in messages: 收费项目, 候选人, 收支项目.
    pub row_name: &'static str,
    /// How the grid counts its rows in messages: 第3项, 第3位.
    pub grid_unit: &'static str,
    pub columns: Vec<Column>,
    /// Columns whose values together name one row only (姓名 with
    /// 部门/年级组; a student's 身份证号): a second row with the same is
    /// refused (rows with all of them empty are not compared).
    pub unique: &'static [&'static str],
}

/// What a row is read against: the school's grades, classes and
/// settings.
#[derive(Debug, Clone)]
pub struct Context {
    pub grades: SchoolGrades,
    /// The classes the school entered (年级, 班), if any: a class outside
    /// them is refused; with none entered any class of the school's
    /// grades is taken.
    pub classes: Vec<(u8, String)>,
    /// The school's 公开招标限额: a purchase above it not tendered needs
    /// its reason.
    pub tender_threshold: crate::Fen,
    /// The grades of 民主评议 and which count as satisfied.
    pub appraisal: crate::lines::appraisal::Scale,
    /// The recorded 师德 cases, by number, with their teacher's name: a
    /// veto may name one of them.
    pub ethics_cases: Vec<(u32, String)>,
}

impl Default for Context {
    fn default() -> Self {
        Self {
            grades: SchoolGrades::default(),
            classes: Vec::new(),
            tender_threshold: crate::lines::procurement::DEFAULT_THRESHOLD,
            appraisal: crate::lines::appraisal::Scale::default(),
            ethics_cases: Vec::new(),
        }
    }
}

/// What is wrong with one cell: the column by its place in the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: usize,
    pub message: String,
}

/// One problem of one row, as every import and grid reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// As the file or the grid numbers it.
    pub row: usize,
    /// How rows are counted: 行 in a file, the grid's own unit (项, 位).
    pub unit: String,
    pub column: Option<usize>,
    /// The column's header (empty for a problem of the whole row).
    pub header: String,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.header.is_empty() {
            write!(f, "第{}{} {}", self.row, self.unit, self.message)
        } else {
            write!(
                f,
                "第{}{} {}：{}",
                self.row, self.unit, self.header, self.message
            )
        }
    }
}

/// Where the rows come from, for their numbers in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// A file: rows as the spreadsheet shows them (第5行).
    File,
    /// The grid: its own count (第2项).
    Grid,
}

/// A row read by its schema: one value per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'s> {
    schema: &'s Schema,
    values: Vec<Value>,
}

impl Row<'_> {
    fn get(&self, key: &str) -> &Value {
        self.schema
            .index(key)
            .and_then(|i| self.values.get(i))
            .unwrap_or(&Value::Empty)
    }

    /// A text-like cell (text, choice, a person's name, a phone) as read.
    pub fn text(&self, key: &str) -> String {
        self.get(key).as_text()
    }

    pub fn money(&self, key: &str) -> Option<crate::Fen> {
        match self.get(key) {
            Value::Money(f) => Some(*f),
            _ => None,
        }
    }

    pub fn quantity(&self, key: &str) -> Option<Quantity> {
        match self.get(key) {
            Value::Quantity(n) => Some(*n),
            _ => None,
        }
    }

    pub fn date(&self, key: &str) -> Option<chrono::NaiveDate> {
        match self.get(key) {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    pub fn yes(&self, key: &str) -> bool {
        matches!(self.get(key), Value::Yes(true))
    }

    pub fn grades(&self, key: &str) -> Option<crate::grades::Grades> {
        match self.get(key) {
            Value::Grades(g) => Some(g.clone()),
            _ => None,
        }
    }

    pub fn score(&self, key: &str) -> Option<crate::evaluation::Score> {
        match self.get(key) {
            Value::Score(s) => Some(*s),
            _ => None,
        }
    }

    /// A count cell (0 when left empty).
    pub fn count(&self, key: &str) -> u32 {
        match self.get(key) {
            Value::Count(n) => *n,
            _ => 0,
        }
    }

    /// The cells as they are stored and shown: each value's own text.
    pub fn cells(&self) -> Vec<String> {
        self.values.iter().map(Value::as_text).collect()
    }

    /// A problem of the cell under `key`, for a rule across columns.
    pub fn error(&self, key: &str, message: impl Into<String>) -> CellError {
        CellError {
            column: self.schema.index(key).unwrap_or(0),
            message: message.into(),
        }
    }
}

impl Schema {
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.to_string()).collect()
    }

    pub fn index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    pub fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    /// A record's cells in the schema's order, each by its column's key.
    pub fn cells_of(&self, cell: impl Fn(&str) -> String) -> Vec<String> {
        self.columns.iter().map(|c| cell(&c.key)).collect()
    }

    /// A new row: each column's blank value.
    pub fn blank_row(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.blank.to_owned()).collect()
    }

    /// The columns a public sheet shows, by place.
    pub fn public_columns(&self) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|i| !self.columns[*i].internal)
            .collect()
    }

    /// Reads one row, cells in the schema's order: every bad cell named.
    pub fn parse<'s>(&'s self, cells: &[String], cx: &Context) -> Result<Row<'s>, Vec<CellError>> {
        let (row, errors) = self.read(cells, cx);
        if errors.is_empty() {
            Ok(row)
        } else {
            Err(errors)
        }
    }

    /// Reads one row as far as it goes: a bad cell is empty in the row and
    /// named in the errors.
    fn read<'s>(&'s self, cells: &[String], cx: &Context) -> (Row<'s>, Vec<CellError>) {
        let mut values = Vec::with_capacity(self.columns.len());
        let mut errors = Vec::new();
        for (i, column) in self.columns.iter().enumerate() {
            let cell = cells.get(i).map(String::as_str).unwrap_or("").trim();
            if cell.is_empty() {
                if column.required {
                    errors.push(CellError {
                        column: i,
                        message: "不能为空".into(),
                    });
                }
                values.push(column.kind.empty());
                continue;
            }
            match column.kind.read(cell, cx) {
                Ok(v) => values.push(v),
                Err(message) => {
                    errors.push(CellError { column: i, message });
                    values.push(Value::Empty);
                }
            }
        }
        (
            Row {
                schema: self,
                values,
            },
            errors,
        )
    }

    /// Reads one row into a record: every bad cell and every broken rule
    /// across columns named at once (a record's rule sees a bad cell as
    /// empty, and says nothing of what it cannot check).
    pub fn record<T>(
        &self,
        cells: &[String],
        cx: &Context,
        record: impl Fn(&Row) -> Result<T, Vec<CellError>>,
    ) -> Result<T, Vec<CellError>> {
        let (row, mut errors) = self.read(cells, cx);
        match record(&row) {
            Ok(r) if errors.is_empty() => Ok(r),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(
                    more.into_iter()
                        .filter(|e| !errors.iter().any(|b| b.column == e.column))
                        .collect::<Vec<_>>(),
                );
                errors.sort_by_key(|e| e.column);
                Err(errors)
            }
        }
    }

    /// What is wrong with one row (the grid's check as a cell is left),
    /// the record's own rules too.
    pub fn check<T>(
        &self,
        cells: &[String],
        cx: &Context,
        record: impl Fn(&Row) -> Result<T, Vec<CellError>>,
    ) -> Vec<CellError> {
        self.record(cells, cx, record).err().unwrap_or_default()
    }

    /// Reads every numbered row into a record: all of them, or every
    /// problem of every row (in row order). `record` adds the rules across
    /// columns (数量 × 单价 = 金额, 不合格 needs its reason).
    pub fn read_all<T>(
        &self,
        rows: &[(usize, Vec<String>)],
        numbering: Numbering,
        cx: &Context,
        record: impl Fn(&Row) -> Result<T, Vec<CellError>>,
    ) -> Result<Vec<T>, Vec<RowError>> {
        let unit = match numbering {
            Numbering::File => "行",
            Numbering::Grid => self.grid_unit,
        };
        let mut found = Vec::with_capacity(rows.len());
        let mut errors = Vec::new();
        // Where each unique key was first seen: a map, not a search of the
        // rows before (20 000 rows would take minutes).
        let mut first_at: HashMap<Vec<String>, usize> = HashMap::new();
        for (n, cells) in rows {
            let at = |e: CellError| self.row_error(*n, unit, e);
            match self.record(cells, cx, &record) {
                Ok(r) => found.push(r),
                Err(cells) => {
                    errors.extend(cells.into_iter().map(at));
                    continue;
                }
            }
            if !self.unique.is_empty() {
                let (row, _) = self.read(cells, cx);
                let key: Vec<String> = self.unique.iter().map(|k| row.text(k)).collect();
                if key.iter().all(String::is_empty) {
                    // Nothing to tell this row apart by: not a repeat.
                } else if let Some(first) = first_at.get(&key) {
                    errors.push(at(
                        row.error(self.unique[0], format!("与第{first}{unit}重复"))
                    ));
                } else {
                    first_at.insert(key, *n);
                }
            }
        }
        if errors.is_empty() {
            Ok(found)
        } else {
            Err(errors)
        }
    }

    fn row_error(&self, row: usize, unit: &str, e: CellError) -> RowError {
        RowError {
            row,
            unit: unit.to_owned(),
            column: Some(e.column),
            header: self
                .columns
                .get(e.column)
                .map(|c| c.header.to_string())
                .unwrap_or_default(),
            message: e.message,
        }
    }

    /// The grid's rows numbered as the grid counts them (from 1).
    pub fn grid_rows(rows: &[Vec<String>]) -> Vec<(usize, Vec<String>)> {
        rows.iter()
            .cloned()
            .enumerate()
            .map(|(i, r)| (i + 1, r))
            .collect()
    }

    /// Where each column is in a file's header row, found by its header
    /// (full-width brackets read as half-width; any order; extra columns
    /// of a ledger export left aside). None unless every required column
    /// is there.
    pub fn locate(&self, header_row: &[String]) -> Option<Vec<Option<usize>>> {
        let places = self.places(header_row);
        let complete = self
            .columns
            .iter()
            .zip(&places)
            .all(|(c, at)| at.is_some() || !c.required);
        // A row holding only some optional headers is not the header row.
        (complete && places.iter().any(Option::is_some)).then_some(places)
    }

    /// Where each column's header is in `row`, if it is (by
    /// [`crate::text::label_key`]).
    pub fn places(&self, row: &[String]) -> Vec<Option<usize>> {
        let found: Vec<String> = row.iter().map(|h| crate::text::label_key(h)).collect();
        self.columns
            .iter()
            .map(|c| {
                let header = crate::text::label_key(&c.header);
                found.iter().position(|h| *h == header)
            })
            .collect()
    }

    /// A file row in the schema's order, by the places [`Schema::locate`]
    /// found.
    pub fn arrange(places: &[Option<usize>], row: &[String]) -> Vec<String> {
        places
            .iter()
            .map(|at| at.and_then(|i| row.get(i).cloned()).unwrap_or_default())
            .collect()
    }
}

#[cfg(test)]
mod tests;
