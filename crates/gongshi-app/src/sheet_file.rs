//! Reading a spreadsheet a clerk hands us: .xlsx/.xls/.ods (calamine,
//! within limits: `workbook.rs`) or CSV in UTF-8 (with or without BOM),
//! GBK as a Chinese Excel saves it, or UTF-16 with its BOM (Excel’s
//! “Unicode 文本”) — a mixed or mislabelled encoding refused
//! (`encoding.rs`).
//! Returns the rows as text cells, numbered as the spreadsheet shows them
//! (one rule, [`numbered`], for the imports and the items' tables); the
//! header row is found by its cells. A CSV's delimiter is detected (comma,
//! tab, semicolon, Chinese comma), and a quote that never closes, a binary
//! file or one too big are refused by row.
//!
//! Every file is bad input until read: the limits ([`MAX_FILE_BYTES`],
//! [`MAX_UNZIPPED_BYTES`], [`IMPORT_MAX_ROWS`], [`CSV_MAX_ROWS`],
//! [`MAX_CELLS`], [`MAX_CELL_BYTES`]) keep any file to seconds and tens of
//! MB, and every refusal is Chinese (`tests/corpus/` holds the bad files).

mod encoding;
mod workbook;

use calamine::{Data, Dimensions};
use gongshi_domain::FieldError;
use gongshi_domain::table::Schema;

pub use encoding::{Hidden, TextFault, decode_text, find_hidden};
pub use workbook::{MAX_COLUMNS, MAX_UNZIPPED_BYTES};

use crate::{AppError, Result};

/// The largest file read at all, checked before anything is parsed: a
/// filled template is a few hundred KB.
pub const MAX_FILE_BYTES: usize = 20 << 20;
/// The most rows a fee or score import may have, as the spreadsheet counts
/// them: no school has that many fees or candidates.
pub const IMPORT_MAX_ROWS: usize = 20_000;

fn extension(file_name: &str) -> String {
    file_name
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The rows of the first worksheet (or the CSV), each cell as text;
/// `rows[i]` is the spreadsheet's row i+1 ([`numbered`]).
pub fn read_rows(bytes: &[u8], file_name: &str) -> Result<Vec<Vec<String>>> {
    Ok(read_sheet(bytes, file_name, CSV_MAX_ROWS, None)?.rows)
}

/// A sheet's rows (`rows[i]` is its row i+1) and, a workbook's, its
/// merged cells.
struct Sheet {
    rows: Vec<Vec<String>>,
    merged: Vec<Dimensions>,
}

/// A sheet read by the file's kind within `max_rows`; a CSV split by the
/// delimiter under which `header` is found, if given.
fn read_sheet(
    bytes: &[u8],
    file_name: &str,
    max_rows: usize,
    header: Option<&[&str]>,
) -> Result<Sheet> {
    refuse_big(bytes, "文件")?;
    match extension(file_name).as_str() {
        "csv" | "txt" => Ok(Sheet {
            rows: read_csv_within(bytes, "文件", header, max_rows)?.rows,
            merged: Vec::new(),
        }),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(workbook::read(bytes, max_rows)?),
        _ => Err(FieldError::new(
            "文件",
            format!("“{file_name}”不是能导入的表格（.xlsx、.xls、.ods 或 .csv）"),
        )
        .into()),
    }
}

/// A file over [`MAX_FILE_BYTES`], refused unread.
fn refuse_big(bytes: &[u8], field: &'static str) -> Result<(), FieldError> {
    if bytes.len() <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(FieldError::new(
        field,
        format!(
            "文件有{} MB，超过了能导入的{} MB，太大了，没有读取",
            bytes.len() >> 20,
            MAX_FILE_BYTES >> 20
        ),
    ))
}

/// Whether a file holds nothing but blanks (a BOM, spaces, line breaks).
fn is_blank_file(bytes: &[u8]) -> bool {
    decode(bytes)
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// The rows below the row whose first cells are exactly `header`, blank
/// rows left out, each with its number as the spreadsheet shows them
/// ([`numbered`]). A CSV is split by the delimiter under which that header
/// row is found. Refused: an empty file; one without that header row,
/// saying what it should be; more than [`IMPORT_MAX_ROWS`] rows; merged
/// cells in the header or below it (the merged-over cells read as empty).
pub fn rows_under_header<H: AsRef<str>>(
    bytes: &[u8],
    file_name: &str,
    header: &[H],
) -> Result<Vec<(usize, Vec<String>)>> {
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let sheet = sheet_under(bytes, file_name, &header)?;
    let Some(at) = header_at(&sheet.rows, &header) else {
        return Err(no_header(&sheet, &header).into());
    };
    body(sheet, at)
}

/// The rows of a table of `schema`, each in the schema's column order:
/// the header row is the first with every required column's header, in
/// any order (a ledger export's own order and extra columns are fine;
/// an optional column may be missing). Refused as [`rows_under_header`].
pub fn rows_of_schema(
    bytes: &[u8],
    file_name: &str,
    schema: &Schema,
) -> Result<Vec<(usize, Vec<String>)>> {
    let headers = schema.headers();
    let header: Vec<&str> = headers.iter().map(String::as_str).collect();
    let sheet = sheet_under(bytes, file_name, &header)?;
    let Some((at, places)) = sheet
        .rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| schema.locate(r).map(|p| (i, p)))
    else {
        // A merged header explains itself; else name the missing columns.
        let missing = sheet
            .merged
            .is_empty()
            .then(|| missing_columns(&sheet, schema))
            .flatten();
        return Err(missing.unwrap_or_else(|| no_header(&sheet, &header)).into());
    };
    Ok(body(sheet, at)?
        .into_iter()
        .map(|(n, r)| (n, Schema::arrange(&places, &r)))
        .collect())
}

/// A file read for an import under `header` (its CSV split by the
/// delimiter that finds it): refused when too big or empty.
fn sheet_under(bytes: &[u8], file_name: &str, header: &[&str]) -> Result<Sheet> {
    refuse_big(bytes, "文件")?;
    if is_blank_file(bytes) {
        return Err(FieldError::new("文件", "文件是空的：没有表头，也没有数据行").into());
    }
    read_sheet(bytes, file_name, IMPORT_MAX_ROWS, Some(header))
}

/// The numbered rows below the header row `at`, blank ones left out; a
/// merge in the header or below refused.
fn body(sheet: Sheet, at: usize) -> Result<Vec<(usize, Vec<String>)>> {
    if let Some(area) = sheet.merged.iter().find(|m| m.end.0 as usize >= at) {
        return Err(merged(area, "文件", "表头和数据行").into());
    }
    Ok(numbered(sheet.rows)
        .skip(at + 1)
        .filter(|(_, r)| !is_blank(r))
        .collect())
}

/// A header row with some of the schema's columns but not every required
/// one: which are missing (the row most like the header says).
fn missing_columns(sheet: &Sheet, schema: &Schema) -> Option<FieldError> {
    let found = |row: &[String]| schema.places(row).iter().flatten().count();
    let best = sheet.rows.iter().take(50).max_by_key(|r| found(r))?;
    let places = schema.places(best);
    let found = found(best);
    if found < 2 {
        return None;
    }
    let missing: Vec<&str> = schema
        .columns
        .iter()
        .zip(&places)
        .filter(|(c, at)| c.required && at.is_none())
        .map(|(c, _)| c.header.as_ref())
        .collect();
    Some(FieldError::new(
        "表头",
        format!(
            "表头缺少这些列：{}（列名须与导入模板一致，顺序不限）",
            missing.join("、")
        ),
    ))
}

/// Why the header row is not found: a merge in the row that looks like it
/// (one with a title of `header`), or else a header that is not the one.
fn no_header(sheet: &Sheet, header: &[&str]) -> FieldError {
    let looks_like_header = |row: usize| {
        sheet
            .rows
            .get(row)
            .is_some_and(|r| r.iter().any(|c| header.contains(&c.as_str())))
    };
    let merged_header = sheet
        .merged
        .iter()
        .find(|m| (m.start.0..=m.end.0).any(|r| looks_like_header(r as usize)));
    if let Some(area) = merged_header {
        return merged(
            area,
            "表头",
            &format!("表头（应为：{}）", header.join("、")),
        );
    }
    FieldError::new(
        "表头",
        format!(
            "找不到表头行（应为：{}）。请用导入模板填写{}",
            header.join("、"),
            gongshi_domain::faces::next_step(
                "“下载导入模板”得到的文件",
                "gongshi fees template、gongshi eval template --round 评选名称 或 gongshi items table template --category 类别，加 --out 模板.xlsx"
            )
        ),
    )
}

/// A merged area refused where `what` may not have one, by its rows as the
/// spreadsheet shows them.
fn merged(area: &Dimensions, field: &'static str, what: &str) -> FieldError {
    let (first, last) = (area.start.0 + 1, area.end.0 + 1);
    let rows = if first == last {
        format!("第{first}行")
    } else {
        format!("第{first}至{last}行")
    };
    FieldError::new(
        field,
        format!(
            "{rows}有合并单元格（{}）：{what}不能合并单元格，合并后只有第一格有内容。请取消合并，每一格都填上内容",
            workbook::area_name(area)
        ),
    )
}

/// The most problems an import's refusal lists, one a line: enough to
/// see what is wrong, and a file of 20 000 bad rows still gives a message
/// a dialog can show.
pub const LISTED_PROBLEMS: usize = 50;

/// An import refused for `problems` (every bad row and field), the first
/// [`LISTED_PROBLEMS`] listed and the rest counted.
pub fn import_refused(mut problems: Vec<String>) -> AppError {
    if problems.len() > LISTED_PROBLEMS {
        let rest = problems.len() - LISTED_PROBLEMS;
        problems.truncate(LISTED_PROBLEMS);
        problems.push(format!("……还有{rest}处问题没有列出"));
    }
    AppError::Import(problems)
}

/// A cell as a clerk reads it: numbers without a trailing .0, dates ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => spreadsheet_float(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| t.date().to_string())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// A number as the spreadsheet shows it: to 15 significant digits, as
/// Excel does, so a formula's 3 × 135.8 = 407.40000000000003 reads 407.4.
fn spreadsheet_float(f: f64) -> String {
    if !f.is_finite() || f == 0.0 {
        return format!("{f}");
    }
    let whole_digits = f.abs().log10().floor() as i32 + 1;
    let decimals = (15 - whole_digits).clamp(0, 15) as usize;
    let text = format!("{f:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// The most rows a CSV may have, as the spreadsheet counts them (an
/// import allows fewer, [`IMPORT_MAX_ROWS`]).
pub const CSV_MAX_ROWS: usize = 100_000;
/// The most cells a CSV may have: a cell costs more memory than the comma
/// that makes it, so a file of commas must stop early.
pub const MAX_CELLS: usize = 1_000_000;
/// The largest cell a sheet may hold, in bytes of text.
pub const MAX_CELL_BYTES: usize = 1 << 20;

/// The delimiters a CSV may use, in the order preferred on a tie: Excel's
/// comma, the tab of a copy or a “文本文件（制表符分隔）”, the semicolon of
/// a European Excel, and the Chinese comma typed by hand.
const DELIMITERS: [char; 4] = [',', '\t', ';', '，'];

/// A CSV's rows with the delimiter it was found to use. `rows[i]` is the
/// spreadsheet's row i+1 (see [`numbered`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRows {
    pub delimiter: char,
    pub rows: Vec<Vec<String>>,
}

/// The delimiter as a clerk names it.
pub fn delimiter_name(d: char) -> &'static str {
    match d {
        ',' => "逗号",
        '\t' => "制表符",
        ';' => "分号",
        '，' => "中文逗号“，”",
        _ => "分隔符",
    }
}

/// Rows numbered as the spreadsheet shows them, from 1: the one rule for
/// every file read here. It holds because the readers keep every row in
/// place — a CSV's blank line is a (blank) row and a quoted cell running
/// over several lines is one row, as Excel opens them; a worksheet's rows
/// start at its row 1 even when the first ones are empty.
pub fn numbered(rows: Vec<Vec<String>>) -> impl Iterator<Item = (usize, Vec<String>)> {
    rows.into_iter().enumerate().map(|(i, r)| (i + 1, r))
}

/// Whether a row has no text at all (a blank row between the data).
pub fn is_blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// A CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GBK) as rows of
/// trimmed cells. The delimiter is the one under which `header` is found
/// when given, else the one that splits the first row as it splits the
/// rows below it. Refused, naming `field` and the row: a file over
/// [`MAX_FILE_BYTES`], a binary file or one whose encoding cannot be told
/// ([`decode_text`]), a quote that never closes, more than
/// [`CSV_MAX_ROWS`] rows or [`MAX_CELLS`] cells, a cell over
/// [`MAX_CELL_BYTES`].
pub fn read_csv(
    bytes: &[u8],
    field: &'static str,
    header: Option<&[&str]>,
) -> Result<CsvRows, FieldError> {
    refuse_big(bytes, field)?;
    read_csv_within(bytes, field, header, CSV_MAX_ROWS)
}

fn read_csv_within(
    bytes: &[u8],
    field: &'static str,
    header: Option<&[&str]>,
    max_rows: usize,
) -> Result<CsvRows, FieldError> {
    let text = decode_text(bytes).map_err(|fault| not_csv(&fault, field))?;
    let mut parsed: Vec<Parsed> = DELIMITERS
        .iter()
        .map(|d| parse(&text, *d, max_rows))
        .collect();
    let by_header =
        header.and_then(|h| parsed.iter().position(|p| header_at(&p.rows, h).is_some()));
    let at = by_header.unwrap_or_else(|| best_by_first_row(&parsed));
    let chosen = parsed.swap_remove(at);
    if let Some(fault) = chosen.fault {
        return Err(fault.error(field));
    }
    Ok(CsvRows {
        delimiter: chosen.delimiter,
        rows: chosen.rows,
    })
}

/// The first row's width: its cells up to the last one with text (Excel
/// pads rows with empty cells to the widest row).
pub fn width(row: &[String]) -> usize {
    row.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1)
}

/// Whether a row has `width` cells: any beyond it must be empty.
pub fn fits(row: &[String], width: usize) -> bool {
    row.len() >= width && row[width..].iter().all(String::is_empty)
}

/// The parse whose first row splits into several cells consistently with
/// the rows below it; then one without a fault (a quote that opens a cell
/// under one delimiter is a plain character under another); then the one
/// whose first row splits into most cells, then fits most rows. On a tie
/// the earlier delimiter wins.
fn best_by_first_row(parsed: &[Parsed]) -> usize {
    let score = |p: &Parsed| {
        let mut rows = p.rows.iter().filter(|r| !is_blank(r));
        let w = rows.next().map_or(0, |h| width(h));
        let (mut fitting, mut all) = (0, true);
        for r in rows {
            if fits(r, w) {
                fitting += 1;
            } else {
                all = false;
            }
        }
        (all && w > 1, p.fault.is_none(), w, fitting)
    };
    let mut best = 0;
    for (i, p) in parsed.iter().enumerate().skip(1) {
        if score(p) > score(&parsed[best]) {
            best = i;
        }
    }
    best
}

/// Where a file went wrong, by the row a spreadsheet would show and the
/// line of the text file (they differ after a cell over several lines).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fault {
    Unclosed {
        row: usize,
        line: usize,
    },
    TooManyRows {
        limit: usize,
    },
    TooManyCells {
        row: usize,
        line: usize,
    },
    BigCell {
        row: usize,
        line: usize,
        column: usize,
        quoted: bool,
    },
}

fn place(row: usize, line: usize) -> String {
    if row == line {
        format!("第{row}行")
    } else {
        format!("第{row}行（文本第{line}行）")
    }
}

impl Fault {
    fn error(&self, field: &'static str) -> FieldError {
        let message = match *self {
            Fault::Unclosed { row, line } => format!(
                "{}的引号没有配对：从这个引号起，后面的内容都成了同一格。请补上结尾的引号（格内的引号要写成两个 \"\"）",
                place(row, line)
            ),
            Fault::TooManyRows { limit } => {
                format!("表格超过{limit}行（第{}行起），太大了，读不了", limit + 1)
            }
            Fault::TooManyCells { row, line } => format!(
                "表格超过{}万格（到{}为止），太大了，读不了（是不是分隔符多得不正常？）",
                MAX_CELLS / 10_000,
                place(row, line)
            ),
            Fault::BigCell {
                row,
                line,
                column,
                quoted,
            } => format!(
                "{}第{column}格超过1 MB，读不了{}",
                place(row, line),
                if quoted {
                    "（是不是这一格的引号没有配对？）"
                } else {
                    ""
                }
            ),
        };
        FieldError::new(field, message)
    }
}

/// A CSV read with one delimiter. On a fault the rows read so far are
/// kept, so the parses can still be compared.
struct Parsed {
    delimiter: char,
    rows: Vec<Vec<String>>,
    fault: Option<Fault>,
}

/// RFC 4180 as Excel reads it: a cell that starts with `"` runs to the
/// closing `"` (`""` inside is one quote, line breaks are kept) and what
/// follows it up to the delimiter is added as typed; a `"` elsewhere is a
/// character. CR LF, LF and CR end a row; every row is kept, blank ones too.
fn parse(text: &str, delimiter: char, max_rows: usize) -> Parsed {
    let mut out = Parsed {
        delimiter,
        rows: Vec::new(),
        fault: None,
    };
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut line = 1;
    // Where the open quote is: (row, line).
    let mut quote: Option<(usize, usize)> = None;
    // Nothing of the current cell read yet (a quote may open it).
    let mut fresh = true;
    // Nothing of the current row read yet (the end of the text adds no row).
    let mut row_empty = true;
    let mut row_line = 1;
    let mut cells = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        row_empty = false;
        if quote.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quote = None,
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    cell.push('\n');
                }
                _ => cell.push(c),
            }
        } else if c == '"' && fresh {
            quote = Some((out.rows.len() + 1, line));
            fresh = false;
        } else if c == delimiter {
            row.push(cell.trim().to_owned());
            cell.clear();
            fresh = true;
            cells += 1;
            if cells > MAX_CELLS {
                out.fault = Some(Fault::TooManyCells {
                    row: out.rows.len() + 1,
                    line: row_line,
                });
                return out;
            }
        } else if c == '\r' || c == '\n' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            row.push(cell.trim().to_owned());
            cell.clear();
            out.rows.push(std::mem::take(&mut row));
            line += 1;
            row_line = line;
            fresh = true;
            row_empty = true;
            if out.rows.len() > max_rows {
                out.fault = Some(Fault::TooManyRows { limit: max_rows });
                return out;
            }
        } else {
            cell.push(c);
            fresh = false;
        }
        if cell.len() > MAX_CELL_BYTES {
            out.fault = Some(Fault::BigCell {
                row: out.rows.len() + 1,
                line: row_line,
                column: row.len() + 1,
                quoted: quote.is_some(),
            });
            return out;
        }
    }
    if !row_empty {
        row.push(cell.trim().to_owned());
        out.rows.push(row);
    }
    if let Some((row, line)) = quote {
        out.fault = Some(Fault::Unclosed { row, line });
    } else if out.rows.len() > max_rows {
        out.fault = Some(Fault::TooManyRows { limit: max_rows });
    }
    out
}

/// Why a file is no CSV, naming `field`: binary (a workbook, a picture),
/// UTF-16 without its BOM, a control character, an encoding that cannot
/// be told.
fn not_csv(fault: &TextFault, field: &'static str) -> FieldError {
    let message = match fault {
        TextFault::Binary { .. } | TextFault::Utf16WithoutBom => format!(
            "这不是文本格式的 CSV 文件：{}。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
            fault.detail()
        ),
        TextFault::Hidden(_) | TextFault::Encoding(_) => fault.detail(),
    };
    FieldError::new(field, message)
}

/// The index of the row whose first cells are exactly `header`.
fn header_at(rows: &[Vec<String>], header: &[&str]) -> Option<usize> {
    rows.iter().position(|r| {
        r.iter()
            .take(header.len())
            .map(String::as_str)
            .eq(header.iter().copied())
    })
}

/// UTF-8 (BOM or not) when it is valid UTF-8; UTF-16 when it starts with
/// its BOM (Excel's “Unicode 文本”); else GBK (GB18030), which is what Excel
/// on a Chinese Windows writes for “CSV” (and Notepad, often, for text).
pub fn decode(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        // `decode` sniffs the BOM, takes it off and picks LE or BE.
        return encoding_rs::UTF_16LE.decode(bytes).0.into_owned();
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formulas_float_reads_as_the_spreadsheet_shows_it() {
        for (f, shown) in [
            (3.0 * 135.8, "407.4"),
            (0.1 + 0.2, "0.3"),
            (1280.5, "1280.5"),
            (18500.0 * 20.0 + 0.25, "370000.25"),
            (-2.5, "-2.5"),
            (1e-7, "0.0000001"),
        ] {
            assert_eq!(spreadsheet_float(f), shown, "{f}");
        }
    }

    #[test]
    fn gbk_and_utf8_csv_read_the_same() {
        let text = "项目,金额(元)\n校服费,\"1,280.00\"\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let from_gbk = read_rows(&gbk, "收费.csv").unwrap();
        let from_utf8 = read_rows(format!("\u{feff}{text}").as_bytes(), "收费.CSV").unwrap();
        assert_eq!(from_gbk, from_utf8);
        assert_eq!(from_gbk[1], ["校服费", "1,280.00"]);
    }

    #[test]
    fn other_files_are_refused_by_name() {
        let err = read_rows(b"x", "收费.docx").unwrap_err().to_string();
        assert!(err.contains("收费.docx"), "{err}");
    }
}
