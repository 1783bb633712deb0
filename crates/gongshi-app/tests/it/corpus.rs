//! The bad-input corpus (`tests/corpus/`, see its README): every file
//! import refuses every bad file the same way — an error, never a panic or
//! a hang; in Chinese, naming the problem; within seconds and without
//! reading a zip bomb out; and with the store exactly as it was.
//!
//! Small files are kept in the corpus folder; the files that are only
//! large (100 000 rows, a 1 MB cell, the zip bombs) are made here when the
//! test runs. The encoded ones (GBK, UTF-16, control characters) are
//! written by [`encoded_files`]: `GONGSHI_WRITE_CORPUS=1` rewrites them,
//! and the test fails while the folder and the code disagree.

use std::io::{Cursor, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{OnceLock, mpsc};
use std::time::{Duration, Instant};

use gongshi_app::domain::evaluation::{
    DEFAULT_TIE_BREAK, RoundKind, RoundSettings, default_components, template_header,
};
use gongshi_app::{AppError, Store, calendar, calendar_import, evaluations, fees, tables};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{clerk, d};

const SEMESTER: &str = "2026—2027学年第一学期";
const ROUND: &str = "2026年度优秀教师评选";

/// A case taking longer than this has hung, as far as a clerk can tell.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// One good row of each sheet import, as the template's cells.
const FEE_ROW: [&str; 9] = [
    "作业本费",
    "30",
    "每生每学期",
    "全校",
    "财务室",
    "",
    "豫发改收费〔2023〕781号",
    "否",
    "",
];
const SCORE_ROW: [&str; 7] = ["赵强", "数学组", "95", "90", "92", "合格", ""];
const TABLE_HEADER: [&str; 3] = ["姓名", "教研组", "备注"];
const TABLE_ROW: [&str; 3] = ["陈晓红", "语文组", ""];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Import {
    /// `fees::import`: the fee template, .xlsx or .csv.
    Fees,
    /// `evaluations::import`: the score template, .xlsx or .csv.
    Eval,
    /// `tables::from_csv`: an item's table (`items add --table F.csv`).
    Table,
    /// `calendar_import::read_file` then `save`: a notice, JSON or .ics.
    Calendar,
}

impl Import {
    fn dir(self) -> &'static str {
        match self {
            Import::Fees => "fees",
            Import::Eval => "eval",
            Import::Table => "tables",
            Import::Calendar => "calendar",
        }
    }

    fn header(self) -> Vec<String> {
        match self {
            Import::Fees => gongshi_app::domain::fee::schema().headers(),
            Import::Eval => template_header(&round()),
            Import::Table => owned(&TABLE_HEADER),
            Import::Calendar => Vec::new(),
        }
    }

    fn good_row(self) -> Vec<String> {
        match self {
            Import::Fees => owned(&FEE_ROW),
            Import::Eval => owned(&SCORE_ROW),
            Import::Table => owned(&TABLE_ROW),
            Import::Calendar => Vec::new(),
        }
    }

    /// The column a long text may go in (备注, for every sheet here).
    fn note_column(self) -> usize {
        let header = self.header();
        header
            .iter()
            .position(|h| h == "备注")
            .unwrap_or(header.len() - 1)
    }

    /// A store holding what a wrongly accepted file would replace.
    fn store(self) -> Store {
        let mut store = super::store();
        let op = clerk();
        match self {
            Import::Fees => {
                fees::save_items(&mut store, &op, SEMESTER, &[self.good_row()]).unwrap();
            }
            Import::Eval => {
                evaluations::save_round(&mut store, &op, None, round()).unwrap();
                evaluations::save_candidates(&mut store, &op, ROUND, &[self.good_row()]).unwrap();
            }
            Import::Table => {}
            Import::Calendar => {
                calendar::set_day(&mut store, &op, d("2031-10-08"), "国庆节", true).unwrap();
            }
        }
        store
    }

    /// The import as a face runs it, up to what it stores.
    fn run(self, store: &mut Store, bytes: &[u8], file_name: &str) -> Result<(), AppError> {
        let op = clerk();
        match self {
            Import::Fees => fees::import(store, &op, SEMESTER, bytes, file_name).map(drop),
            Import::Eval => evaluations::import(store, &op, ROUND, bytes, file_name).map(drop),
            // The table is read before its item is saved; nothing else.
            Import::Table => tables::from_csv(bytes).map(drop),
            Import::Calendar => {
                let read = calendar_import::read_file(Some(store), bytes, file_name, None)?;
                calendar_import::save(store, &op, &read).map(drop)
            }
        }
    }

    /// What the import could change, and the audit log's length.
    fn fingerprint(self, store: &Store) -> String {
        let audit = store.audit_entries(100_000).unwrap().len();
        let data = match self {
            Import::Fees => format!(
                "{:?} {:?}",
                store.fee_semesters().unwrap(),
                store.fee_schedule(SEMESTER).unwrap()
            ),
            Import::Eval => format!("{:?}", store.eval_round_named(ROUND).unwrap()),
            Import::Table => store.item_count().unwrap().to_string(),
            Import::Calendar => format!(
                "{:?} {:?}",
                store.calendar_days().unwrap(),
                store.calendar_years().unwrap()
            ),
        };
        format!("{audit} {data}")
    }
}

fn owned(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn round() -> RoundSettings {
    RoundSettings {
        name: ROUND.into(),
        kind: RoundKind::Award,
        quota: 1,
        criteria: "师德高尚，教学成绩突出。".into(),
        components: default_components(),
        tie_break: vec![DEFAULT_TIE_BREAK.into()],
        posting_days: 5,
        objection_office: "学校纪检监督小组".into(),
        objection_phone: "0371-6523 8002".into(),
        name_unranked: false,
    }
}

/// A bad file, the name it is handed in with (its extension picks the
/// reader), and the words its refusal must hold: the problem, named.
struct Case {
    import: Import,
    label: String,
    file_name: String,
    bytes: Vec<u8>,
    words: &'static [&'static str],
}

impl Case {
    fn new(
        import: Import,
        label: impl Into<String>,
        file_name: &str,
        bytes: Vec<u8>,
        words: &'static [&'static str],
    ) -> Self {
        Case {
            import,
            label: label.into(),
            file_name: file_name.to_owned(),
            bytes,
            words,
        }
    }

    /// A case from a file of the corpus folder.
    fn kept(import: Import, path: &str, file_name: &str, words: &'static [&'static str]) -> Self {
        let bytes = std::fs::read(corpus_dir().join(path))
            .unwrap_or_else(|e| panic!("{path}: {e} (GONGSHI_WRITE_CORPUS=1 writes it)"));
        Case::new(import, path, file_name, bytes, words)
    }
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

// ---------------------------------------------------------------------
// The cases.

/// The files that are bad whatever reads them, under the names a sheet
/// import gets them (a CSV, a workbook).
fn shapeless(import: Import, ext: &str) -> Vec<Case> {
    let name = format!("导入.{ext}");
    let empty: &'static [&'static str] = &["空"];
    let not_a_sheet: &'static [&'static str] = if ext == "csv" {
        &["不是文本格式的 CSV 文件", "PDF"]
    } else {
        &["不是", "PDF"]
    };
    let random: &'static [&'static str] = if ext == "csv" {
        &["不是文本格式的 CSV 文件", "第1行"]
    } else {
        &["不是", "表格"]
    };
    vec![
        Case::kept(import, "any/empty", &name, empty),
        Case::kept(import, "any/bom-only", &name, empty),
        Case::kept(import, "any/whitespace", &name, empty),
        Case::kept(import, "any/pdf-header", &name, not_a_sheet),
        Case::kept(import, "any/random-bytes", &name, random),
    ]
}

/// The encoded and wrongly made files of a sheet import, kept per import
/// since each needs that import's header to get as far as its fault.
fn kept_sheet_files(import: Import) -> Vec<Case> {
    let dir = import.dir();
    let wrong_header: &'static [&'static str] = match import {
        Import::Table => &["第1行（表头）第2格是空的"],
        _ => &["找不到表头行", "应为"],
    };
    let files: [(&str, &'static [&'static str]); 7] = [
        ("wrong-header.csv", wrong_header),
        ("control-chars.csv", &["第2行", "控制字符", "U+0000"]),
        ("invisible-chars.csv", &["第2行", "U+200B"]),
        ("gbk-with-utf8-bom.csv", &["UTF-8", "编码", "第1行"]),
        ("mixed-utf8-gbk.csv", &["编码", "第1行", "第3行"]),
        ("utf16-no-bom.csv", &["UTF-16", "BOM"]),
        ("utf16-broken.csv", &["UTF-16", "第2行"]),
    ];
    files
        .into_iter()
        .map(|(file, words)| Case::kept(import, &format!("{dir}/{file}"), file, words))
        .collect()
}

/// CSV files made at run time: too large to keep in the repository.
fn generated_csv(import: Import) -> Vec<Case> {
    let rows_limit: &'static [&'static str] = match import {
        Import::Table => &["表格超过100000行"],
        _ => &["表格超过20000行"],
    };
    let bad_rows: &'static [&'static str] = match import {
        Import::Table => &["有19999行，最多500行"],
        _ => &["第2行", "不能为空", "还有"],
    };
    vec![
        Case::new(
            import,
            "100 000 rows (csv)",
            "导入.csv",
            csv(&rows(import, 100_000)),
            rows_limit,
        ),
        Case::new(
            import,
            "a 1 MB cell (csv)",
            "导入.csv",
            csv(&with_note(import, &megabyte())),
            &["第2行", "1 MB"],
        ),
        Case::new(
            import,
            "19 999 rows, each bad",
            "导入.csv",
            csv(&nameless_rows(import, 19_999)),
            bad_rows,
        ),
        Case::new(
            import,
            "a row of a million empty cells (csv)",
            "导入.csv",
            format!(
                "{}\n{}{}\n",
                import.header().join(","),
                import.good_row()[0],
                ",".repeat(1_000_000)
            )
            .into_bytes(),
            &["第2行", "万格"],
        ),
        Case::new(
            import,
            "a file of 21 MB (csv)",
            "导入.csv",
            vec![b'a'; 21 << 20],
            &["21 MB", "20 MB"],
        ),
        Case::new(
            import,
            "an .xlsx handed in as CSV",
            "导入.csv",
            sheet_xlsx(&[import.header(), import.good_row()]),
            &["不是文本格式的 CSV 文件", ".xlsx"],
        ),
    ]
}

/// Workbooks made at run time: written with rust_xlsxwriter, then
/// rezipped for what Excel itself would not write (a 1 MB cell, a bomb).
fn generated_xlsx(import: Import) -> Vec<Case> {
    let header = import.header();
    let note = import.note_column();
    vec![
        Case::new(
            import,
            "100 000 rows (xlsx)",
            "导入.xlsx",
            sheet_xlsx(&rows(import, 100_000)),
            &["表格超过20000行"],
        ),
        Case::new(
            import,
            "a 1 MB cell (xlsx)",
            "导入.xlsx",
            big_cell_xlsx(import),
            &["第2行", "1 MB"],
        ),
        Case::new(
            import,
            "control characters in cells (xlsx)",
            "导入.xlsx",
            sheet_xlsx(&with_note(import, "自愿\u{0}参加\u{7}")),
            &["第2行", "备注", "U+0000"],
        ),
        Case::new(
            import,
            "invisible characters in cells (xlsx)",
            "导入.xlsx",
            sheet_xlsx(&with_note(import, "\u{202E}愿自\u{200B}")),
            &["第2行", "备注", "U+202E"],
        ),
        Case::new(
            import,
            "the header's cells merged",
            "导入.xlsx",
            xlsx(|s| {
                write_row(s, 0, &header)?;
                s.merge_range(0, 0, 0, 1, &header[0], &Format::new())?;
                write_row(s, 1, &import.good_row())
            }),
            &["合并单元格", "A1:B1"],
        ),
        Case::new(
            import,
            "a data cell merged over three rows",
            "导入.xlsx",
            xlsx(|s| {
                write_row(s, 0, &header)?;
                for r in 1..=3 {
                    write_row(s, r, &renamed(import, r))?;
                }
                let last = u16::try_from(note).unwrap_or(0);
                s.merge_range(1, last, 3, last, "三行共用的备注", &Format::new())?;
                Ok(())
            }),
            &["合并单元格", "第2至4行"],
        ),
        Case::new(
            import,
            "a cell at XFD1048576",
            "导入.xlsx",
            xlsx(|s| {
                write_row(s, 0, &header)?;
                write_row(s, 1, &import.good_row())?;
                s.write_string(1_048_575, 16_383, "最后一格")?;
                Ok(())
            }),
            &["第1048576行", "20000行"],
        ),
        Case::new(
            import,
            "a file of 21 MB (xlsx)",
            "导入.xlsx",
            random_bytes(21 << 20),
            &["21 MB", "20 MB"],
        ),
        Case::new(
            import,
            "a truncated xlsx",
            "导入.xlsx",
            {
                let whole = sheet_xlsx(&[import.header(), import.good_row()]);
                whole[..whole.len() * 2 / 3].to_vec()
            },
            &["不完整", "损坏"],
        ),
        Case::new(
            import,
            "a zip bomb: the sheet unzips to 512 MB",
            "导入.xlsx",
            bomb().to_vec(),
            &["解压", "MB"],
        ),
        Case::new(
            import,
            "a zip bomb whose sizes lie",
            "导入.xlsx",
            lying_bomb(),
            &["损坏"],
        ),
        Case::new(
            import,
            "a zip of one entry of 512 MB",
            "导入.xlsx",
            lone_bomb().to_vec(),
            &["解压", "MB"],
        ),
    ]
}

/// The calendar's files: the notice's text, holiday-cn JSON, .ics.
fn calendar_cases() -> Vec<Case> {
    let c = Import::Calendar;
    let mut cases = Vec::new();
    for name in ["通知.txt", "2031.json", "节假日.ics"] {
        for file in ["any/empty", "any/bom-only", "any/whitespace"] {
            cases.push(Case::kept(c, file, name, &["是空的"]));
        }
        cases.push(Case::kept(c, "any/pdf-header", name, &["不是", "PDF"]));
        cases.push(Case::kept(c, "any/random-bytes", name, &["不是", "文本"]));
    }
    // A workbook chosen by mistake: named for the kinds a calendar takes.
    cases.push(Case::new(
        c,
        "an .xlsx chosen as a calendar",
        "节假日.xlsx",
        sheet_xlsx(&[Import::Fees.header()]),
        &["不认识", ".ics"],
    ));
    let kept: [(&str, &'static [&'static str]); 14] = [
        ("garbage-notice.txt", &["读不懂", "没有保存"]),
        ("no-year-notice.txt", &["年份"]),
        ("not-holiday-cn.json", &["year"]),
        ("json-array.json", &["对象"]),
        ("broken.json", &["JSON", "第"]),
        ("no-events.ics", &["日程"]),
        ("control-chars.txt", &["第3行", "U+0007"]),
        ("invisible-chars.txt", &["第3行", "U+202E"]),
        ("invisible-name.json", &["第", "U+202E"]),
        ("invisible-summary.ics", &["第", "U+200B"]),
        ("gbk-with-utf8-bom.txt", &["UTF-8", "编码"]),
        ("mixed-utf8-gbk.txt", &["编码", "第1行", "第2行"]),
        ("utf16-no-bom.txt", &["UTF-16", "BOM"]),
        ("utf16-broken.ics", &["UTF-16"]),
    ];
    for (file, words) in kept {
        cases.push(Case::kept(c, &format!("calendar/{file}"), file, words));
    }
    let title = "国务院办公厅关于2031年部分节假日安排的通知\n";
    let generated: [(&str, &str, Vec<u8>, &'static [&'static str]); 5] = [
        (
            "a 2 MB line",
            "通知.txt",
            format!("{title}{}", "放".repeat(700_000)).into_bytes(),
            &["MB", "超过"],
        ),
        (
            "a 900 KB line of a notice",
            "通知.txt",
            format!("{title}一、元旦：{}", "放假".repeat(150_000)).into_bytes(),
            &["读不懂"],
        ),
        (
            "a 900 KB folded line of an .ics",
            "节假日.ics",
            format!(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "假"
                    .repeat(300_000)
                    .replace("假假假假假假假假假假", "假假假假假假假假假假\r\n ")
            )
            .into_bytes(),
            &["第1个日程"],
        ),
        (
            "100 000 days of JSON",
            "2031.json",
            holiday_json_days(100_000).into_bytes(),
            &["MB", "超过"],
        ),
        (
            "100 000 events",
            "节假日.ics",
            ics_events(100_000).into_bytes(),
            &["MB", "超过"],
        ),
    ];
    for (label, name, bytes, words) in generated {
        cases.push(Case::new(c, label, name, bytes, words));
    }
    cases
}

fn holiday_json_days(n: usize) -> String {
    let day = r#"{"name":"元旦","date":"2031-01-01","isOffDay":true}"#;
    format!(r#"{{"year":2031,"days":[{}]}}"#, vec![day; n].join(","))
}

fn ics_events(n: usize) -> String {
    let event = "BEGIN:VEVENT\r\nSUMMARY:元旦 休\r\nDTSTART;VALUE=DATE:20310101\r\nEND:VEVENT\r\n";
    format!("BEGIN:VCALENDAR\r\n{}END:VCALENDAR\r\n", event.repeat(n))
}

// ---------------------------------------------------------------------
// Making the files.

/// The header, then `n` good rows, each with its own name.
fn rows(import: Import, n: usize) -> Vec<Vec<String>> {
    std::iter::once(import.header())
        .chain((1..=n).map(|i| renamed(import, i)))
        .collect()
}

/// The good row with its first cell made unique (`n`), so that a row is
/// not refused only for repeating another.
fn renamed(import: Import, n: impl std::fmt::Display) -> Vec<String> {
    let mut row = import.good_row();
    row[0] = format!("{}{n}", row[0]);
    row
}

/// A little over 1 MB of text, in characters a clerk could type.
fn megabyte() -> String {
    "说".repeat((1 << 20) / 3 + 1)
}

/// The header, then `n` rows with their first cell (a fee's or a
/// person's name) left empty.
fn nameless_rows(import: Import, n: usize) -> Vec<Vec<String>> {
    let mut row = import.good_row();
    row[0] = String::new();
    std::iter::once(import.header())
        .chain(std::iter::repeat_n(row, n))
        .collect()
}

/// The header and one good row whose 备注 is `note`.
fn with_note(import: Import, note: &str) -> Vec<Vec<String>> {
    let mut row = import.good_row();
    row[import.note_column()] = note.to_owned();
    vec![import.header(), row]
}

/// Rows as CSV text (no cell here needs quotes).
fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let lines: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    format!("{}\n", lines.join("\n")).into_bytes()
}

fn xlsx(fill: impl FnOnce(&mut Worksheet) -> Result<(), XlsxError>) -> Vec<u8> {
    let mut book = Workbook::new();
    fill(book.add_worksheet()).unwrap();
    book.save_to_buffer().unwrap()
}

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[String]) -> Result<(), XlsxError> {
    for (col, text) in (0u16..).zip(cells) {
        if !text.is_empty() {
            sheet.write_string(row, col, text)?;
        }
    }
    Ok(())
}

fn sheet_xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    xlsx(|s| {
        for (r, row) in (0u32..).zip(rows) {
            write_row(s, r, row)?;
        }
        Ok(())
    })
}

/// A cell of 1 MB: Excel (and rust_xlsxwriter) stop at 32 767 characters,
/// so a placeholder is written and its shared string swapped afterwards.
fn big_cell_xlsx(import: Import) -> Vec<u8> {
    const MARK: &str = "PLACEHOLDER-NOTE";
    let book = sheet_xlsx(&with_note(import, MARK));
    rezip(&book, "xl/sharedStrings.xml", |original, out| {
        let text = String::from_utf8(original.to_vec()).unwrap();
        let (before, after) = text.split_once(MARK).unwrap();
        out.write_all(before.as_bytes())?;
        out.write_all(megabyte().as_bytes())?;
        out.write_all(after.as_bytes())
    })
}

/// How far the bombs unzip.
const BOMB_BYTES: usize = 512 << 20;

/// A real workbook whose sheet unzips to [`BOMB_BYTES`] of spaces,
/// declared honestly. Made once: deflating it takes a moment.
fn bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let book = sheet_xlsx(&[Import::Fees.header()]);
        rezip(&book, "xl/worksheets/sheet1.xml", |_, out| spaces(out))
    })
}

/// A zip of one entry, the sheet, of [`BOMB_BYTES`].
fn lone_bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("xl/worksheets/sheet1.xml", deflated())
            .unwrap();
        spaces(&mut zip).unwrap();
        zip.finish().unwrap().into_inner()
    })
}

/// [`bomb`] with its sheet's size declared as 1 000 bytes: only reading
/// can find it out.
fn lying_bomb() -> Vec<u8> {
    let mut bytes = bomb().to_vec();
    declare_size(&mut bytes, "xl/worksheets/sheet1.xml", 1_000);
    bytes
}

fn spaces(out: &mut dyn Write) -> std::io::Result<()> {
    let block = vec![b' '; 1 << 20];
    for _ in 0..BOMB_BYTES / block.len() {
        out.write_all(&block)?;
    }
    Ok(())
}

fn deflated() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
}

/// `book` with the entry `name` rewritten by `write` (given its bytes).
fn rezip(
    book: &[u8],
    name: &str,
    write: impl FnOnce(&[u8], &mut dyn Write) -> std::io::Result<()>,
) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(book)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut write = Some(write);
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        if entry.name().unwrap() != name {
            out.raw_copy_file(entry).unwrap();
            continue;
        }
        let mut original = Vec::new();
        entry.take(1 << 24).read_to_end(&mut original).unwrap();
        out.start_file(name, deflated()).unwrap();
        if let Some(write) = write.take() {
            write(&original, &mut out).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// Writes `size` as the uncompressed size of `name` in its local header
/// and its central directory record (the zip format's fixed offsets).
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let records: [(&[u8], usize, usize); 2] = [
        (b"PK\x03\x04", 22, 30), // local header: size at 22, name at 30
        (b"PK\x01\x02", 24, 46), // central directory: size at 24, name at 46
    ];
    for (signature, size_at, name_at) in records {
        let at = (0..zip.len())
            .find(|&i| {
                zip[i..].starts_with(signature) && zip[i + name_at..].starts_with(name.as_bytes())
            })
            .unwrap_or_else(|| panic!("no {name} record"));
        zip[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
    }
}

/// The small encoded files, as they are written in the corpus folder.
fn encoded_files() -> Vec<(String, Vec<u8>)> {
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let mut files = vec![
        ("any/empty".to_owned(), Vec::new()),
        ("any/bom-only".to_owned(), b"\xef\xbb\xbf".to_vec()),
        (
            "any/whitespace".to_owned(),
            " \t \r\n\n   \u{3000}\r\n\t\n".as_bytes().to_vec(),
        ),
        (
            "any/pdf-header".to_owned(),
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x00"
                .to_vec(),
        ),
        ("any/random-bytes".to_owned(), random_bytes(512)),
    ];
    for import in [Import::Fees, Import::Eval, Import::Table] {
        let dir = import.dir();
        let header = import.header().join(",");
        let good = import.good_row().join(",");
        let note = |text: &str| {
            let mut row = import.good_row();
            row[import.note_column()] = text.to_owned();
            row.join(",")
        };
        let wrong_header = match import {
            // Any header is a table's; a blank title is not.
            Import::Table => "姓名,,备注".to_owned(),
            _ => "名称,价格,说明".to_owned(),
        };
        let mut utf16_broken = vec![0xff, 0xfe];
        utf16_broken.extend(utf16(&format!("{header}\n")));
        utf16_broken.extend(utf16(&note("自愿")));
        utf16_broken.extend([0x00, 0xd8]); // a lone high surrogate
        utf16_broken.extend(utf16("\n"));
        let mut bom_gbk = b"\xef\xbb\xbf".to_vec();
        bom_gbk.extend(gbk(&format!("{header}\n{good}\n")));
        let mut mixed = gbk(&format!("{header}\n{}\n", renamed(import, 1).join(",")));
        mixed.extend(format!("{}\n", renamed(import, 2).join(",")).into_bytes());
        files.extend([
            (
                format!("{dir}/wrong-header.csv"),
                format!("{wrong_header}\n{good}\n").into_bytes(),
            ),
            (
                format!("{dir}/control-chars.csv"),
                format!("{header}\n{}\n", note("自愿\u{0}参加\u{7}")).into_bytes(),
            ),
            (
                format!("{dir}/invisible-chars.csv"),
                format!("{header}\n{}\n", note("自\u{200B}愿\u{202E}参加")).into_bytes(),
            ),
            (format!("{dir}/gbk-with-utf8-bom.csv"), bom_gbk),
            (format!("{dir}/mixed-utf8-gbk.csv"), mixed),
            (
                format!("{dir}/utf16-no-bom.csv"),
                utf16(&format!("{header}\n{good}\n")),
            ),
            (format!("{dir}/utf16-broken.csv"), utf16_broken),
        ]);
    }
    let notice = "国务院办公厅关于2031年部分节假日安排的通知\n经国务院批准，现将2031年元旦、春节等节假日安排通知如下。\n";
    let mut bom_gbk = b"\xef\xbb\xbf".to_vec();
    bom_gbk.extend(gbk(&format!("{notice}一、元旦：1月1日放假，共1天。\n")));
    let mut mixed = gbk("国务院办公厅关于2031年部分节假日安排的通知\n");
    mixed.extend("一、元旦：1月1日放假，共1天。\n".as_bytes());
    let mut utf16_broken = vec![0xff, 0xfe];
    utf16_broken.extend(utf16("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:元旦"));
    utf16_broken.extend([0x00, 0xdc]); // a lone low surrogate
    utf16_broken.extend(utf16("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
    files.extend([
        (
            "calendar/control-chars.txt".to_owned(),
            format!("{notice}一、元旦：1月1日\u{7}放假，共1天。\n").into_bytes(),
        ),
        (
            "calendar/invisible-chars.txt".to_owned(),
            format!("{notice}一、元旦：1月1日放假\u{202E}，共1天。\n").into_bytes(),
        ),
        (
            "calendar/invisible-name.json".to_owned(),
            "{\"year\": 2031, \"days\": [\n  {\"name\": \"元\u{202E}旦\", \"date\": \"2031-01-01\", \"isOffDay\": true}\n]}\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "calendar/invisible-summary.ics".to_owned(),
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:元旦\u{200B} 休\r\nDTSTART;VALUE=DATE:20310101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .as_bytes()
                .to_vec(),
        ),
        ("calendar/gbk-with-utf8-bom.txt".to_owned(), bom_gbk),
        ("calendar/mixed-utf8-gbk.txt".to_owned(), mixed),
        (
            "calendar/utf16-no-bom.txt".to_owned(),
            utf16(&format!("{notice}一、元旦：1月1日放假，共1天。\n")),
        ),
        ("calendar/utf16-broken.ics".to_owned(), utf16_broken),
    ]);
    files
}

/// Bytes that look like nothing (a fixed xorshift, so the file is stable).
fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0]
        })
        .collect()
}

// ---------------------------------------------------------------------
// Running them.

/// What went wrong with a case, if anything.
fn check(case: &Case) -> Option<String> {
    let (tx, rx) = mpsc::channel();
    let import = case.import;
    let (bytes, file_name) = (case.bytes.clone(), case.file_name.clone());
    // A thread of its own, so a hang is reported instead of waited for.
    std::thread::spawn(move || {
        let mut store = import.store();
        let before = import.fingerprint(&store);
        let started = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            import.run(&mut store, &bytes, &file_name)
        }));
        let took = started.elapsed();
        let after = result.is_ok().then(|| import.fingerprint(&store));
        let _ = tx.send((
            result.map(|r| r.map_err(|e| e.to_string())),
            took,
            before,
            after,
        ));
    });
    let (result, took, before, after) = match rx.recv_timeout(TIME_LIMIT) {
        Ok(outcome) => outcome,
        Err(_) => return Some(format!("still running after {TIME_LIMIT:?}")),
    };
    let mut faults = Vec::new();
    if took > TIME_LIMIT / 4 {
        faults.push(format!("took {took:?}"));
    }
    match result {
        Err(_) => faults.push("panicked".into()),
        Ok(Ok(())) => faults.push("accepted".into()),
        Ok(Err(message)) => faults.extend(message_faults(&message, case.words)),
    }
    if after.is_some_and(|a| a != before) {
        faults.push("changed the store".into());
    }
    (!faults.is_empty()).then(|| faults.join("; "))
}

/// Why `message` is not a Chinese refusal naming the problem by `words`.
fn message_faults(message: &str, words: &[&str]) -> Vec<String> {
    let shown: String = message.chars().take(300).collect();
    let mut faults = Vec::new();
    if !message
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        faults.push(format!("not Chinese: {shown}"));
    }
    // A refusal that quotes the bad text would carry U+202E on to screen.
    if message
        .chars()
        .any(|c| c != '\n' && gongshi_app::domain::text::is_hidden(c))
    {
        faults.push(format!("carries an invisible character: {shown:?}"));
    }
    if let Some(english) = english(message) {
        faults.push(format!("English “{english}”: {shown}"));
    }
    for word in words.iter().filter(|w| !message.contains(**w)) {
        faults.push(format!("lacks “{word}”: {shown}"));
    }
    if message.len() > 8_000 {
        faults.push(format!("{} bytes long", message.len()));
    }
    faults
}

/// A word of an English error (the libraries' and the system's own text).
fn english(message: &str) -> Option<&'static str> {
    const WORDS: [&str; 24] = [
        "invalid",
        "error",
        "failed",
        "no such file",
        "stream did not contain",
        "cannot",
        "could not",
        "unexpected",
        "expected",
        "unable",
        "not found",
        "missing",
        "unsupported",
        "corrupt",
        "eof",
        "end of",
        "checksum",
        "declared",
        "detect",
        "larger",
        "zip",
        "xml",
        "panicked",
        "utf-8 sequence",
    ];
    let lower = message.to_lowercase();
    WORDS.into_iter().find(|w| lower.contains(w))
}

/// Runs every case, then names every case that failed (not only the first).
fn refuses_all(cases: Vec<Case>) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            check(case).map(|why| {
                format!(
                    "{:?} {} ({}): {why}",
                    case.import, case.label, case.file_name
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn sheet_cases(import: Import) -> Vec<Case> {
    let mut cases = shapeless(import, "csv");
    cases.extend(kept_sheet_files(import));
    cases.extend(generated_csv(import));
    if import != Import::Table {
        cases.extend(shapeless(import, "xlsx"));
        cases.extend(generated_xlsx(import));
    }
    cases
}

#[test]
fn files_are_as_the_code_writes_them() {
    let write = std::env::var_os("GONGSHI_WRITE_CORPUS").is_some();
    let mut stale = Vec::new();
    for (path, bytes) in encoded_files() {
        let path = corpus_dir().join(path);
        if write {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        if std::fs::read(&path).ok().as_ref() != Some(&bytes) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "rewrite with GONGSHI_WRITE_CORPUS=1: {stale:?}"
    );
}

#[test]
fn fee_import_refuses_every_bad_file() {
    refuses_all(sheet_cases(Import::Fees));
}

#[test]
fn eval_import_refuses_every_bad_file() {
    refuses_all(sheet_cases(Import::Eval));
}

#[test]
fn table_import_refuses_every_bad_file() {
    refuses_all(sheet_cases(Import::Table));
}

#[test]
fn calendar_import_refuses_every_bad_file() {
    refuses_all(calendar_cases());
}
