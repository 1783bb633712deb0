//! A sheet as plain text, line by line in the order it prints: what the
//! district is sent as a posting's text (its public words, nothing drawn).

use crate::sheet::{Block, Sheet};

pub fn text(sheet: &Sheet) -> String {
    let mut lines = vec![sheet.school_name.clone(), sheet.title.clone()];
    lines.extend(sheet.subtitle.clone());
    for block in &sheet.blocks {
        match block {
            Block::Heading(t) | Block::Paragraph(t) | Block::PlainParagraph(t) | Block::Note(t) => {
                lines.push(t.clone());
            }
            Block::KeyValues(pairs) => {
                lines.extend(pairs.iter().map(|(k, v)| format!("{k}：{v}")));
            }
            Block::Table(table) => {
                let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
                lines.push(titles.join("\t"));
                lines.extend(table.rows.iter().map(|r| r.cells.join("\t")));
            }
            Block::Closing(c) => {
                lines.extend(c.posting_period.clone());
                lines.extend(c.feedback.iter().cloned());
                lines.push(c.issuer.clone());
                lines.push(crate::dates::chinese_date(c.date));
            }
            Block::CutLine(t) => lines.push(format!("--- {t} ---")),
            Block::Chart(chart) => {
                lines.push(chart.title.clone());
                lines.extend(chart.bars.iter().map(|(l, v)| format!("{l}\t{v}")));
            }
            Block::Spacer(_) => {}
        }
    }
    lines.retain(|l| !l.trim().is_empty());
    lines.join("\n")
}
