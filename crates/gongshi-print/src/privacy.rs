//! Runs the domain's privacy scan over every text of a document, before a
//! byte is written. Called by [`crate::pdf::render`] itself.
//!
//! Every text is scanned: the document's metadata, each sheet's running
//! header, title, subtitle and watermark, headings, paragraphs, notes,
//! key–value lines (the value read after its key), table headers and cells
//! (a cell read after its column's title), the closing and the cut line. A
//! table column whose title names personal data (家庭住址, 身份证号,
//! 联系电话… — the domain's [`personal_column`]) refuses the sheet whatever
//! its cells hold; so does a filled key–value line whose key names an
//! address, a birth date, an ID number or family circumstances. A refusal
//! never quotes the data it refuses: the sheet's title and every label in
//! it are masked too.

use std::collections::HashSet;

use gongshi_domain::privacy::{
    Allowlist, Finding, FindingKind, personal_column, redact, scan, scan_labelled,
};

use crate::PrintError;
use crate::sheet::{Block, Document, Sheet};

/// Refuses a document any text of which fails the privacy scan.
pub fn check(doc: &Document, allow: &Allowlist) -> Result<(), PrintError> {
    // A batch of letters repeats the same lines thousands of times: each
    // distinct (label, line) is scanned once, each distinct name judged once.
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut judged: HashSet<(bool, &str, &str)> = HashSet::new();
    let refuse = |sheet: &str, place: String, finding: Finding| PrintError::Privacy {
        sheet: redact(sheet, allow),
        place,
        finding,
    };
    for sheet in &doc.sheets {
        for text in texts(sheet) {
            if let Some((column, name)) = text.place.name()
                && judged.insert((column, name, if column { "" } else { text.text }))
                && let Some(kind) = text.place.personal(text.text)
            {
                return Err(PrintError::PersonalField {
                    sheet: redact(&sheet.title, allow),
                    place: text.place.describe(allow),
                    kind,
                });
            }
            let label = text.place.label();
            for line in text.text.lines() {
                if !seen.insert((label, line)) {
                    continue;
                }
                if let Some(finding) = scan_labelled(label, line, allow) {
                    return Err(refuse(&sheet.title, text.place.describe(allow), finding));
                }
            }
        }
    }
    // The file's own properties print nowhere but travel with it.
    for (place, text) in [
        ("文件属性的标题", &doc.title),
        ("文件属性的作者", &doc.author),
    ] {
        if let Some(finding) = scan(text, allow) {
            return Err(refuse(&doc.title, place.to_owned(), finding));
        }
    }
    Ok(())
}

/// Where a text is on its sheet.
#[derive(Debug, Clone, Copy)]
enum Place<'a> {
    Fixed(&'static str),
    Heading(&'a str),
    Paragraph(usize),
    /// The key of a key–value line, as a text of its own.
    Key(&'a str),
    /// The value after this key.
    Value(&'a str),
    /// A table's column title.
    Column(&'a str),
    /// A cell: its row (from 1) and its column's title.
    Cell(usize, &'a str),
}

impl<'a> Place<'a> {
    /// The place in the clerk's words, every label masked.
    fn describe(self, allow: &Allowlist) -> String {
        match self {
            Place::Fixed(s) => s.to_owned(),
            Place::Heading(t) => format!("小标题“{}”", redact(t, allow)),
            Place::Paragraph(n) => format!("正文第{n}段"),
            Place::Key(k) | Place::Value(k) => format!("“{}”一行", redact(k, allow)),
            Place::Column(c) => format!("表格的“{}”一栏", redact(c, allow)),
            Place::Cell(row, c) => format!("表格第{row}行“{}”栏", redact(c, allow)),
        }
    }

    /// What a text here is read after: a cell after its column, a value
    /// after its key.
    fn label(self) -> &'a str {
        match self {
            Place::Value(k) | Place::Cell(_, k) => k,
            _ => "",
        }
    }

    /// The name judged by [`personal_column`] here, if any, and whether it
    /// is a column's.
    fn name(self) -> Option<(bool, &'a str)> {
        match self {
            Place::Column(c) => Some((true, c)),
            Place::Value(k) => Some((false, k)),
            _ => None,
        }
    }

    /// Whether the name alone refuses the sheet: any column so named; a
    /// filled line whose key names an address, a birth date, an ID number
    /// or family circumstances (phones and accounts are judged by their
    /// numbers: the school's may print).
    fn personal(self, text: &str) -> Option<FindingKind> {
        match self {
            Place::Column(c) => personal_column(c),
            Place::Value(k) => personal_column(k).filter(|kind| {
                !matches!(
                    kind,
                    FindingKind::MobilePhone | FindingKind::Landline | FindingKind::BankCard
                ) && text.chars().any(char::is_alphanumeric)
            }),
            _ => None,
        }
    }
}

/// One text of a sheet and where it is.
struct Text<'a> {
    place: Place<'a>,
    text: &'a str,
}

/// Every text of a sheet.
fn texts(sheet: &Sheet) -> Vec<Text<'_>> {
    let text = |place, text| Text { place, text };
    let mut out = vec![
        text(Place::Fixed("页眉"), sheet.school_name.as_str()),
        text(Place::Fixed("页眉"), sheet.header_label.as_str()),
        text(Place::Fixed("标题"), sheet.title.as_str()),
    ];
    if let Some(sub) = &sheet.subtitle {
        out.push(text(Place::Fixed("副标题"), sub.as_str()));
    }
    if let Some(mark) = &sheet.watermark {
        out.push(text(Place::Fixed("水印"), mark.as_str()));
    }
    let mut paragraph = 0;
    for block in &sheet.blocks {
        match block {
            Block::Heading(t) => out.push(text(Place::Heading(t), t)),
            Block::Paragraph(t) | Block::PlainParagraph(t) | Block::Note(t) => {
                paragraph += 1;
                out.push(text(Place::Paragraph(paragraph), t));
            }
            Block::KeyValues(pairs) => {
                for (k, v) in pairs {
                    out.push(text(Place::Key(k), k));
                    out.push(text(Place::Value(k), v));
                }
            }
            Block::Table(table) => {
                for column in &table.columns {
                    out.push(text(Place::Column(&column.title), &column.title));
                }
                for (i, row) in table.rows.iter().enumerate() {
                    for (j, cell) in row.cells.iter().enumerate() {
                        let column = table.columns.get(j).map_or("", |c| c.title.as_str());
                        out.push(text(Place::Cell(i + 1, column), cell));
                    }
                }
            }
            Block::Closing(c) => {
                if let Some(p) = &c.posting_period {
                    out.push(text(Place::Fixed("公示期"), p));
                }
                for f in &c.feedback {
                    out.push(text(Place::Fixed("反馈方式"), f));
                }
                out.push(text(Place::Fixed("落款"), &c.issuer));
                if let Some(s) = &c.signature {
                    out.push(text(Place::Fixed("签字栏"), s));
                }
            }
            Block::CutLine(t) => out.push(text(Place::Fixed("剪裁线"), t)),
            Block::Chart(chart) => {
                out.push(text(Place::Fixed("图表"), &chart.title));
                for (label, _) in &chart.bars {
                    out.push(text(Place::Fixed("图表"), label));
                }
            }
            Block::Spacer(_) => {}
        }
    }
    out
}
