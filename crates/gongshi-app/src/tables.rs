//! Plain tables attached to items, read from CSV: UTF-8 (with or without
//! the BOM Excel writes), GBK, or UTF-16 with its BOM; split by comma, tab,
//! semicolon or Chinese comma, whichever splits the header row as it splits
//! the rows below it. Rows are named as the spreadsheet shows them (the
//! rule of [`sheet_file::numbered`]). Refused, naming the rows: a row with
//! more or fewer cells than the header, a quote that never closes, an
//! empty table or a header alone, a blank column title, a binary or
//! oversized file, a character that prints as nothing (a table prints on
//! the board as it is; U+202E would turn 学号 into 号学).

use gongshi_domain::FieldError;
use gongshi_domain::item::ItemTable;

use crate::Result;
use crate::sheet_file::{self, delimiter_name, fits, is_blank, numbered, width};

const FIELD: &str = "表格";

/// How many ragged rows a refusal names before it only counts the rest.
const RAGGED_NAMED: usize = 10;

pub fn from_csv(bytes: &[u8]) -> Result<ItemTable> {
    let csv = sheet_file::read_csv(bytes, FIELD, None)?;
    let mut rows = numbered(csv.rows).filter(|(_, r)| !is_blank(r));
    let Some((header_row, mut columns)) = rows.next() else {
        return Err(FieldError::new(FIELD, "表格是空的：CSV 文件里没有表头，也没有数据行").into());
    };
    let data: Vec<(usize, Vec<String>)> = rows.collect();
    // Excel pads the rows of a CSV with empty cells to its widest row.
    columns.truncate(width(&columns));
    if let Some(blank) = columns.iter().position(String::is_empty) {
        return Err(FieldError::new(
            FIELD,
            format!(
                "第{header_row}行（表头）第{}格是空的：每一列都要有标题",
                blank + 1
            ),
        )
        .into());
    }
    if data.is_empty() {
        return Err(
            FieldError::new(FIELD, format!("只有表头（第{header_row}行），没有数据行")).into(),
        );
    }
    let n = columns.len();
    let ragged: Vec<String> = data
        .iter()
        .filter(|(_, r)| !fits(r, n))
        .map(|(line, r)| {
            let cells = if r.len() > n { width(r) } else { r.len() };
            format!("第{line}行有{cells}格")
        })
        .collect();
    if !ragged.is_empty() {
        let mut named = ragged[..ragged.len().min(RAGGED_NAMED)].join("、");
        if ragged.len() > RAGGED_NAMED {
            named.push_str(&format!("等{}行", ragged.len()));
        }
        return Err(FieldError::new(
            FIELD,
            format!(
                "{named}，表头（第{header_row}行）有{n}格：每行的格数应与表头相同（按{}分隔；格内有分隔符时，这一格要用英文双引号括起来）",
                delimiter_name(csv.delimiter)
            ),
        )
        .into());
    }
    let lines: Vec<usize> = data.iter().map(|(line, _)| *line).collect();
    let table = ItemTable {
        columns,
        rows: data
            .into_iter()
            .map(|(_, mut r)| {
                r.truncate(n);
                r
            })
            .collect(),
    };
    table.check(|i| lines.get(i).copied().unwrap_or(i + 1))?;
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_bom_csv_with_quoted_commas() {
        let csv = "\u{feff}项目,金额\n\"办公用品,纸张\",1280.00\n,\n投影仪,3200\n";
        let t = from_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.columns, ["项目", "金额"]);
        assert_eq!(
            t.rows,
            [vec!["办公用品,纸张", "1280.00"], vec!["投影仪", "3200"]]
        );
    }

    #[test]
    fn gbk_bytes_read_as_chinese_excel_wrote_them() {
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,总分\n张三,95\n");
        let t = from_csv(&gbk).unwrap();
        assert_eq!(t.columns, ["姓名", "总分"]);
        assert_eq!(t.rows, [["张三", "95"]]);
    }
}
