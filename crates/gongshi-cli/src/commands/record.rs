//! `gongshi register`, `gongshi feedback export` and `gongshi report …`:
//! the year's record as workbooks and the annual report.

use std::path::Path;

use gongshi_app::domain::FieldError;
use gongshi_app::domain::record::DateRange;
use gongshi_app::{Result, Store, register, report};
use serde::Serialize;

use super::{operator, print_out, today};
use crate::args::Cli;
use crate::args_record::{RangeArgs, RegisterArgs, ReportCommand};
use crate::output::emit;

/// The range the arguments name, if they name one.
pub(crate) fn range(args: &RangeArgs) -> Result<Option<DateRange>> {
    Ok(match (args.from, args.to, args.year, args.school_year) {
        (Some(from), Some(to), _, _) => Some(DateRange::new(from, to)?),
        (_, _, Some(year), _) => Some(DateRange::calendar_year(year)?),
        (_, _, _, Some(year)) => Some(DateRange::school_year(year)?),
        _ => None,
    })
}

/// A workbook written, and how many rows it lists.
#[derive(Serialize)]
struct Listed<'a> {
    path: String,
    rows: usize,
    range: &'a str,
}

fn listed(cli: &Cli, out: &Path, bytes: &[u8], rows: usize, range: &str, what: &str) -> Result<()> {
    gongshi_app::output::write_atomically(out, bytes)?;
    let said = Listed {
        path: out.display().to_string(),
        rows,
        range,
    };
    emit(cli, &said, || {
        format!("已保存 {}（{range}，{what}{rows}条）", said.path)
    });
    Ok(())
}

pub fn register(cli: &Cli, db: &Path, args: &RegisterArgs) -> Result<()> {
    let store = Store::open(db)?;
    let range = range(&args.range)?.ok_or_else(|| {
        FieldError::new(
            "日期范围",
            "请用 --from 日期 --to 日期，或 --year、--school-year 指定",
        )
    })?;
    let (xlsx, rows) = register::register(&store, range, today())?;
    listed(cli, &args.out, &xlsx, rows, &range.label(), "公开事项")
}

pub fn feedback_export(cli: &Cli, store: &Store, out: &Path, args: &RangeArgs) -> Result<()> {
    let range = range(args)?;
    let (xlsx, rows) = register::feedback_log(store, range)?;
    let label = range.map_or("全部".to_owned(), |r| r.label());
    listed(cli, out, &xlsx, rows, &label, "反馈")
}

/// On standard error, so the text itself can still be piped to a file.
fn warn_if_stale(kept: &report::YearReport) {
    if kept.stale {
        crate::output::complain(&format!("注意：{}", report::STALE));
    }
}

pub fn report(cli: &Cli, db: &Path, command: &ReportCommand) -> Result<()> {
    match command {
        ReportCommand::Year {
            year,
            out,
            xlsx,
            pictures,
        } => {
            let mut store = Store::open(db)?;
            let now = chrono::Local::now().fixed_offset();
            let kept = report::year_report(&store, *year, now.date_naive())?;
            warn_if_stale(&kept);
            let sheets = report::printable_of(&store, &kept, now)?;
            if let Some(xlsx) = xlsx {
                // Both files or neither: a folder that is not there is
                // found before the PDF is written.
                gongshi_app::output::check_folder(xlsx)?;
            }
            // The workbook made before anything is written.
            let book = xlsx
                .as_ref()
                .map(|_| report::workbook(&store, *year, today()))
                .transpose()?;
            if out.is_some() || pictures.png.is_some() {
                print_out(cli, &sheets, out.as_deref(), pictures)?;
            }
            if out.is_some() {
                // The report as printed is what the district holds.
                let pdf = sheets.pdf()?;
                gongshi_app::district::report_printed(
                    &mut store,
                    &operator(cli)?,
                    &kept,
                    &pdf,
                    today(),
                )?;
            }
            if let (Some(path), Some(book)) = (xlsx, book) {
                super::write_output(cli, path, &book)?;
            }
            Ok(())
        }
        ReportCommand::Text { year, file, draft } => {
            let mut store = Store::open(db)?;
            let text = match (file, draft) {
                (Some(file), _) => {
                    let (bytes, _) = super::read_input(file)?;
                    report::set_text_from_file(&mut store, &operator(cli)?, *year, &bytes, today())?
                }
                (None, true) => report::draft(&store, *year, today())?,
                (None, false) => {
                    let kept = report::year_report(&store, *year, today())?;
                    warn_if_stale(&kept);
                    kept.text
                }
            };
            emit(cli, &text, || text.to_plain());
            Ok(())
        }
    }
}
