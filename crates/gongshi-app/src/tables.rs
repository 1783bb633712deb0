//! Plain tables attached to items, read from CSV (UTF-8, with or without
//! the BOM Excel writes).

use gongshi_domain::FieldError;
use gongshi_domain::item::ItemTable;

use crate::Result;

pub fn from_csv(bytes: &[u8]) -> Result<ItemTable> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        FieldError::new(
            "表格",
            "CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”",
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| FieldError::new("表格", format!("读不出表头：{e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| FieldError::new("表格", format!("第{}行读不出：{e}", i + 2)))?;
        let row: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if row.iter().any(|c| !c.is_empty()) {
            rows.push(row);
        }
    }
    Ok(ItemTable { columns, rows })
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
    fn gbk_bytes_are_refused_with_advice() {
        let gbk = [0xcf, 0xee, 0xc4, 0xbf, b'\n'];
        let err = from_csv(&gbk).unwrap_err();
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }
}
