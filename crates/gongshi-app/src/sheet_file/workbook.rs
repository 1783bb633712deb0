//! The first worksheet of a workbook (.xlsx, .xls, .ods) read within
//! limits, so that no file can make the app take gigabytes or minutes:
//! its zip's declared sizes are checked before anything is unzipped (and
//! the zip crate stops reading an entry past its declared size, so a size
//! that lies is found out too); an .xlsx is read cell by cell, stopping at
//! the first cell below the rows an import may have — a cell at
//! XFD1048576 would otherwise make calamine allocate the whole grid. A file
//! that is not a workbook is named for what it looks like; calamine's own
//! (English) errors are never shown.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, Dimensions, Reader, Sheets, Xlsx};
use gongshi_domain::FieldError;

use super::{MAX_CELL_BYTES, Sheet, cell_text, is_blank};

/// The most a workbook may unzip to, all its parts together. A filled
/// template of 20 000 rows is a few MB; this is well above any real one.
pub const MAX_UNZIPPED_BYTES: u64 = 64 << 20;
/// Columns read: no template is nearly this wide, and cells right of it
/// are ignored as the columns after a template's are.
pub const MAX_COLUMNS: usize = 64;

const FIELD: &str = "文件";
const RESAVE: &str = "请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入";

/// Reads the first worksheet, refusing a cell at or below row `max_rows`.
pub(super) fn read(bytes: &[u8], max_rows: usize) -> Result<Sheet, FieldError> {
    check_zip(bytes)?;
    let book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| not_a_workbook(bytes))?;
    match book {
        Sheets::Xlsx(mut xlsx) => stream(&mut xlsx, max_rows),
        mut other => whole(&mut other, max_rows),
    }
}

/// A zip (.xlsx, .ods) whose directory can be read and whose parts
/// together declare at most [`MAX_UNZIPPED_BYTES`].
fn check_zip(bytes: &[u8]) -> Result<(), FieldError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let incomplete = |_| {
        FieldError::new(
            FIELD,
            format!("表格文件不完整或已损坏（可能没有下载或复制完），读不出来。{RESAVE}"),
        )
    };
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(incomplete)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        total = total.saturating_add(zip.by_index_data(i).map_err(incomplete)?.size());
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(FieldError::new(
            FIELD,
            format!(
                "表格解压后有{} MB，超过了能读的{} MB：这不像是填好的模板（可能是被刻意做大的压缩文件），没有读取",
                total >> 20,
                MAX_UNZIPPED_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// Why calamine could not open the file, by what its first bytes say.
fn not_a_workbook(bytes: &[u8]) -> FieldError {
    let what = if bytes.starts_with(b"PK\x03\x04") {
        "文件已损坏，或者是别的压缩文件（如 Word 的 .docx）而不是工作簿"
    } else if bytes.starts_with(b"%PDF") {
        "这是 PDF 文件，不是表格"
    } else if [&b"\x89PNG"[..], b"\xff\xd8\xff", b"GIF8"]
        .iter()
        .any(|m| bytes.starts_with(m))
    {
        "这是图片，不是表格"
    } else if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        "这是旧版 Office 文件，但读不出工作表（可能已损坏，或是 Word 文档）"
    } else if std::str::from_utf8(bytes).is_ok() {
        "这是文本文件，不是 Excel 工作簿（CSV 文件的名字应以 .csv 结尾）"
    } else {
        "这不是 Excel 或 WPS 的表格文件（.xlsx、.xls、.ods）"
    };
    FieldError::new(FIELD, format!("{what}，读不出来。{RESAVE}"))
}

/// A workbook that opened but whose sheet could not be read: calamine's
/// reasons are English and about XML, so only the fact is told.
fn damaged<E>(_: E) -> FieldError {
    FieldError::new(
        FIELD,
        format!("工作表读不出来：表格文件已损坏（内容不完整或格式有误）。{RESAVE}"),
    )
}

fn first_sheet<R: Read + Seek>(book: &impl Reader<R>) -> Result<String, FieldError> {
    book.sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FieldError::new(FIELD, "表格里没有工作表"))
}

/// An .xlsx, cell by cell: only the cells with text are kept, none right
/// of [`MAX_COLUMNS`]; one below `max_rows` is refused, where it is.
fn stream<R: Read + Seek>(xlsx: &mut Xlsx<R>, max_rows: usize) -> Result<Sheet, FieldError> {
    let name = first_sheet(xlsx)?;
    let merged = xlsx.merge_cells_by_sheet_name(&name).map_err(damaged)?;
    let mut cells = xlsx.worksheet_cells_reader(&name).map_err(damaged)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(damaged)? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        check_cell(row, column, &text, max_rows)?;
        // Right of every template: ignored, as a template's extra columns.
        if column >= MAX_COLUMNS {
            continue;
        }
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let line = &mut rows[row];
        if line.len() <= column {
            line.resize(column + 1, String::new());
        }
        line[column] = text;
    }
    Ok(Sheet { rows, merged })
}

/// A cell within the rows an import reads and the size a cell may be.
fn check_cell(row: usize, column: usize, text: &str, max_rows: usize) -> Result<(), FieldError> {
    if row >= max_rows {
        return Err(too_many_rows(max_rows, row + 1));
    }
    if text.len() > MAX_CELL_BYTES {
        return Err(FieldError::new(
            FIELD,
            format!(
                "第{}行{}列这一格超过1 MB，读不了",
                row + 1,
                column_name(column)
            ),
        ));
    }
    Ok(())
}

fn too_many_rows(max_rows: usize, row: usize) -> FieldError {
    FieldError::new(
        FIELD,
        format!(
            "表格超过{max_rows}行（第{row}行还有内容），太大了，读不了。请删去多余的行，或分成几个文件导入"
        ),
    )
}

/// An .xls or .ods: calamine reads these only whole (their size is
/// bounded by the file's and, for .ods, the zip's).
fn whole<R: Read + Seek>(book: &mut Sheets<R>, max_rows: usize) -> Result<Sheet, FieldError> {
    let name = first_sheet(book)?;
    let range = book.worksheet_range(&name).map_err(damaged)?;
    // The range starts at its first used row: the empty ones above it are
    // kept, so that rows[i] is still the sheet's row i+1.
    let above = range.start().map_or(0, |(row, _)| row as usize);
    let rows: Vec<Vec<String>> = std::iter::repeat_n(Vec::new(), above)
        .chain(
            range
                .rows()
                .map(|row| row.iter().take(MAX_COLUMNS).map(cell_text).collect()),
        )
        .collect();
    if let Some(last) = rows.iter().rposition(|r| !is_blank(r))
        && last >= max_rows
    {
        return Err(too_many_rows(max_rows, last + 1));
    }
    Ok(Sheet {
        rows,
        merged: Vec::new(),
    })
}

/// A column as Excel names it: 0 → A, 25 → Z, 26 → AA.
fn column_name(mut column: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    name.iter().rev().map(|b| char::from(*b)).collect()
}

/// A merged area as Excel writes it (A1:B1).
pub(super) fn area_name(area: &Dimensions) -> String {
    let cell = |(row, column): (u32, u32)| format!("{}{}", column_name(column as usize), row + 1);
    format!("{}:{}", cell(area.start), cell(area.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        let names: Vec<String> = [0, 25, 26, 51, 52, 16_383]
            .into_iter()
            .map(column_name)
            .collect();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "BA", "XFD"]);
    }
}
