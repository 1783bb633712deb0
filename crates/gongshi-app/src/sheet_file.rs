//! Reading a spreadsheet a clerk hands us: .xlsx/.xls/.ods (calamine) or
//! CSV in UTF-8 (with or without BOM) or GBK, as a Chinese Excel saves it.
//! Returns the rows as text cells; the header row is found by its cells.

use std::io::Cursor;

use calamine::{Data, Reader};
use gongshi_domain::FieldError;

use crate::Result;

/// The rows of the first worksheet (or the CSV), each cell as text.
pub fn read_rows(bytes: &[u8], file_name: &str) -> Result<Vec<Vec<String>>> {
    let ext = file_name
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" => csv_rows(bytes),
        "xlsx" | "xlsm" | "xls" | "ods" => workbook_rows(bytes),
        _ => Err(FieldError::new(
            "文件",
            format!("“{file_name}”不是能导入的表格（.xlsx、.xls、.ods 或 .csv）"),
        )
        .into()),
    }
}

fn workbook_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let unreadable = |e: calamine::Error| FieldError::new("文件", format!("读不出这个表格：{e}"));
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(unreadable)?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FieldError::new("文件", "表格里没有工作表"))?;
    let range = book.worksheet_range(&first).map_err(unreadable)?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

/// The rows below the row whose first cells are exactly `header`, blank
/// rows left out, each with its number as the spreadsheet shows it (from 1).
/// A file without that header row is refused, saying what it should be.
pub fn rows_under_header<H: AsRef<str>>(
    bytes: &[u8],
    file_name: &str,
    header: &[H],
) -> Result<Vec<(usize, Vec<String>)>> {
    let rows = read_rows(bytes, file_name)?;
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let at = rows
        .iter()
        .position(|r| {
            r.iter()
                .take(header.len())
                .map(String::as_str)
                .eq(header.iter().copied())
        })
        .ok_or_else(|| {
            FieldError::new(
                "表头",
                format!(
                    "找不到表头行（应为：{}）。请用“下载导入模板”得到的文件填写",
                    header.join("、")
                ),
            )
        })?;
    Ok(rows
        .into_iter()
        .enumerate()
        .skip(at + 1)
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| (i + 1, r))
        .collect())
}

/// A cell as a clerk reads it: numbers without a trailing .0, dates ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| t.date().to_string())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| FieldError::new("文件", format!("第{}行读不出：{e}", i + 1)))?;
        rows.push(record.iter().map(|c| c.trim().to_owned()).collect());
    }
    Ok(rows)
}

/// UTF-8 (BOM or not) when it is valid UTF-8, else GBK (GB18030), which is
/// what Excel on a Chinese Windows writes for “CSV” (and Notepad, often,
/// for text).
pub fn decode(bytes: &[u8]) -> String {
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
