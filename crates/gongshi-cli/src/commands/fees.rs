//! Fees from the command line.

use std::path::Path;

use gongshi_app::domain::grades::grade_name;
use gongshi_app::{Result, Store, fee_sheets, fees as jobs, verification};

use super::{operator, paper_of, read_input, today, write_output};
use crate::args::Cli;
use crate::args_fees::FeesCommand;
use crate::output::emit;

fn schedule_text(s: &gongshi_app::store::Schedule) -> String {
    let mut lines = vec![format!(
        "{}　{}　每月收费按{}个月计，每年收费{}",
        s.semester,
        s.approved.as_ref().map_or("未批准".to_owned(), |a| format!(
            "{} {} 批准",
            a.on, a.by
        )),
        s.terms.months,
        if s.terms.yearly_here {
            "在本学期收取"
        } else {
            "不在本学期收取"
        }
    )];
    for (i, item) in s.items.iter().enumerate() {
        lines.push(format!(
            "{}\t{}\t{}元\t{}\t{}\t{}\t{}{}",
            i + 1,
            item.name,
            item.amount,
            item.unit,
            item.grades,
            item.department,
            item.basis,
            if item.voluntary { "\t自愿" } else { "" }
        ));
    }
    lines.push(format!("减免政策：{}", s.reduction_policy));
    lines.join("\n")
}

pub fn fees(cli: &Cli, db: &Path, command: &FeesCommand) -> Result<()> {
    match command {
        FeesCommand::Template { out } => write_output(cli, out, &jobs::template()?),
        FeesCommand::Import { file, semester } => {
            let (bytes, name) = read_input(file)?;
            let mut store = Store::open(db)?;
            let s = jobs::import(&mut store, &operator(cli)?, semester, &bytes, &name)?;
            emit(cli, &s, || {
                format!("已导入 {} 项。\n{}", s.items.len(), schedule_text(&s))
            });
            Ok(())
        }
        FeesCommand::Show { semester } => {
            let store = Store::open(db)?;
            let s = jobs::schedule(&store, semester)?;
            emit(cli, &s, || schedule_text(&s));
            Ok(())
        }
        FeesCommand::List => {
            let store = Store::open(db)?;
            let list = jobs::semesters(&store)?;
            emit(cli, &list, || list.join("\n"));
            Ok(())
        }
        FeesCommand::Copy { from, to } => {
            let mut store = Store::open(db)?;
            let s = jobs::copy(&mut store, &operator(cli)?, from, to)?;
            emit(cli, &s, || format!("已复制。\n{}", schedule_text(&s)));
            Ok(())
        }
        FeesCommand::Policy { semester, text } => {
            let mut store = Store::open(db)?;
            let s = jobs::set_reduction_policy(&mut store, &operator(cli)?, semester, text)?;
            emit(cli, &s, || format!("已保存。\n{}", schedule_text(&s)));
            Ok(())
        }
        FeesCommand::Terms {
            semester,
            months,
            yearly,
        } => {
            let mut store = Store::open(db)?;
            let s = jobs::set_terms(&mut store, &operator(cli)?, semester, *months, *yearly)?;
            emit(cli, &s, || format!("已保存。\n{}", schedule_text(&s)));
            Ok(())
        }
        FeesCommand::Approve { semester, by, date } => {
            let mut store = Store::open(db)?;
            let on = date.unwrap_or_else(today);
            let s = jobs::approve(&mut store, &operator(cli)?, semester, by, on)?;
            emit(cli, &s, || {
                format!("已批准，此后不能修改。\n{}", schedule_text(&s))
            });
            Ok(())
        }
        FeesCommand::Board {
            semester,
            out,
            paper,
            pictures,
        } => {
            let mut store = Store::open(db)?;
            let now = chrono::Local::now().fixed_offset();
            let sheet = fee_sheets::board_printable(&store, semester, now, paper_of(*paper))?;
            // Archived once the files are written: a failed write leaves
            // the store as it was.
            let op = operator(cli)?;
            let board = verification::ready(&store, sheet, today())?;
            super::print_out(cli, &board.sheets, out.as_deref(), pictures)?;
            board.archive(&mut store, &op).map(|_| ())
        }
        FeesCommand::Letters {
            semester,
            grade,
            out,
            pictures,
        } => {
            let store = Store::open(db)?;
            let now = chrono::Local::now().fixed_offset();
            // The PDF: a letter a student; the pictures: a letter a class.
            let classes = fee_sheets::class_letters(&store, semester, *grade, now)?;
            let pdf = match out {
                Some(out) => {
                    let (pdf, count) = fee_sheets::letters(&store, semester, *grade, now)?;
                    if !cli.json {
                        crate::output::say(&format!("共 {count} 封信。"));
                    }
                    Some((out.as_path(), pdf))
                }
                None => None,
            };
            let printed = pdf.is_some();
            super::print_parts(cli, pdf, &classes, pictures)?;
            if printed {
                // Counted in the year's record once written (公开形式：公开信).
                let (mut store, op) = (store, operator(cli)?);
                gongshi_app::record::letters_printed(
                    &mut store,
                    &op,
                    semester,
                    *grade,
                    now.date_naive(),
                )?;
            }
            Ok(())
        }
        FeesCommand::Export { semester, out } => {
            let store = Store::open(db)?;
            write_output(cli, out, &fee_sheets::export(&store, semester)?)
        }
        FeesCommand::RemoveClass { grade, class } => {
            let mut store = Store::open(db)?;
            jobs::remove_class(&mut store, &operator(cli)?, *grade, class)?;
            emit(cli, class, || {
                format!("已删除{}{class}", grade_name(*grade))
            });
            Ok(())
        }
        FeesCommand::ClassSize {
            grade,
            class,
            students,
        } => {
            let mut store = Store::open(db)?;
            jobs::set_class_size(&mut store, &operator(cli)?, *grade, class, *students)?;
            emit(cli, students, || {
                format!("{}{class}：{students}人", grade_name(*grade))
            });
            Ok(())
        }
    }
}
