//! Runs the domain's privacy scan over every text of a document, before a
//! byte is written. Called by [`crate::pdf::render`] itself.

use gongshi_domain::privacy::{Allowlist, scan};

use crate::PrintError;
use crate::sheet::{Block, Document, Sheet};

/// Refuses a document any text of which fails the privacy scan.
pub fn check(doc: &Document, allow: &Allowlist) -> Result<(), PrintError> {
    // A batch of letters repeats the same lines thousands of times: each
    // distinct line is scanned once.
    let mut seen = std::collections::HashSet::new();
    for sheet in &doc.sheets {
        for (place, text) in texts(sheet) {
            for line in text.lines() {
                if !seen.insert(line) {
                    continue;
                }
                if let Some(finding) = scan(line, allow) {
                    return Err(PrintError::Privacy {
                        sheet: sheet.title.clone(),
                        place,
                        finding,
                    });
                }
            }
        }
    }
    Ok(())
}

/// Every text of a sheet with where it is, in the clerk's words.
fn texts(sheet: &Sheet) -> Vec<(String, &str)> {
    let mut out = vec![("标题".to_owned(), sheet.title.as_str())];
    if let Some(sub) = &sheet.subtitle {
        out.push(("副标题".to_owned(), sub.as_str()));
    }
    let mut paragraph = 0;
    for block in &sheet.blocks {
        match block {
            Block::Heading(t) => out.push((format!("小标题“{t}”"), t.as_str())),
            Block::Paragraph(t) | Block::PlainParagraph(t) | Block::Note(t) => {
                paragraph += 1;
                out.push((format!("正文第{paragraph}段"), t.as_str()));
            }
            Block::KeyValues(pairs) => {
                for (k, v) in pairs {
                    out.push((format!("“{k}”一行"), v.as_str()));
                }
            }
            Block::Table(table) => {
                for (i, row) in table.rows.iter().enumerate() {
                    for (j, cell) in row.cells.iter().enumerate() {
                        let column = table.columns.get(j).map_or("", |c| c.title.as_str());
                        out.push((format!("表格第{}行“{column}”栏", i + 1), cell.as_str()));
                    }
                }
            }
            Block::Closing(c) => {
                if let Some(p) = &c.posting_period {
                    out.push(("公示期".to_owned(), p.as_str()));
                }
                for f in &c.feedback {
                    out.push(("反馈方式".to_owned(), f.as_str()));
                }
                out.push(("落款".to_owned(), c.issuer.as_str()));
            }
            Block::CutLine(t) => out.push(("剪裁线".to_owned(), t.as_str())),
            Block::Spacer(_) => {}
        }
    }
    out
}
