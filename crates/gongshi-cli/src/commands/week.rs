//! The clerk's week from the command line: calendar, items, board, feedback.

use std::path::Path;

use gongshi_app::ItemFilter;
use gongshi_app::calendar_import::{self as cal_import, CalendarImport};
use gongshi_app::domain::FieldError;
use gongshi_app::domain::category::Category;
use gongshi_app::domain::item::ItemContent;
use gongshi_app::domain::revision::{CloseResult, Revision};
use gongshi_app::domain::workflow::Status;
use gongshi_app::feedback::{self as fb, NewFeedback};
use gongshi_app::items::{self, ReviewInput, Saved};
use gongshi_app::{
    Result, Store, board as week_board, calendar as cal, line_tables, settings as set, verification,
};

use super::{operator, paper_of, read_input, today, write_output};
use crate::args::Cli;
use crate::args_week::{
    BoardCommand, CalendarCommand, ContentArgs, FeedbackCommand, ItemsCommand, SettingsCommand,
    TableCommand,
};
use crate::output::emit;

pub fn calendar(cli: &Cli, db: &Path, command: &CalendarCommand) -> Result<()> {
    match command {
        CalendarCommand::Workdays { from, days } => {
            // The school's added days count when there is a store; the
            // shipped calendar alone otherwise.
            let store = if db.exists() {
                Some(Store::open(db)?)
            } else {
                None
            };
            let period = cal::workdays(store.as_ref(), *from, *days)?;
            let json = serde_json::json!({
                "start": period.start, "end": period.end,
                "working_days": period.working_days, "text": period.to_string(),
            });
            emit(cli, &json, || period.end.to_string());
        }
        CalendarCommand::AddDay {
            date, name, work, ..
        } => {
            let mut store = Store::open(db)?;
            let day = cal::set_day(&mut store, &operator(cli)?, *date, name, !work)?;
            let kind = if day.off { "放假" } else { "调休上班" };
            emit(cli, &day, || {
                format!("已录入：{} {}（{kind}）", day.date, day.name)
            });
        }
        CalendarCommand::RemoveDay { date } => {
            let mut store = Store::open(db)?;
            cal::remove_day(&mut store, &operator(cli)?, *date)?;
            emit(cli, &date, || format!("已删除：{date}"));
        }
        CalendarCommand::ImportNotice {
            file,
            year,
            dry_run,
        } => {
            let (bytes, _) = read_input(file)?;
            let text = gongshi_app::sheet_file::decode(&bytes);
            with_store_if(db, *dry_run, |store| {
                cal_import::read_notice(store, &text, *year)
            })
            .and_then(|(store, import)| import_calendar(cli, store, &import, *dry_run))?;
        }
        CalendarCommand::Import { file, dry_run } => {
            let (bytes, name) = read_input(file)?;
            with_store_if(db, *dry_run, |store| {
                cal_import::read_file(store, &bytes, &name, None)
            })
            .and_then(|(store, import)| import_calendar(cli, store, &import, *dry_run))?;
        }
        CalendarCommand::ConfirmYear { year } => {
            let mut store = Store::open(db)?;
            cal::confirm_year(&mut store, &operator(cli)?, *year)?;
            emit(cli, year, || format!("已确认{year}年的节假日安排完整"));
        }
        CalendarCommand::Years => {
            let store = Store::open(db)?;
            let years = cal::years(Some(&store), today())?;
            emit(cli, &years, || {
                years
                    .iter()
                    .map(|y| {
                        let state = match (y.source, y.missing.is_empty()) {
                            (Some(s), _) => format!("完整（{}）", s.label()),
                            (None, _) if y.days == 0 => "没有录入".to_owned(),
                            (None, false) => format!("不完整，缺少{}", y.missing.join("、")),
                            (None, true) => {
                                "已录入，待确认完整（gongshi calendar confirm-year）".to_owned()
                            }
                        };
                        format!("{}年\t{}天\t{state}", y.year, y.days)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        CalendarCommand::Days => {
            let store = Store::open(db)?;
            let days = cal::days(&store)?;
            emit(cli, &days, || {
                if days.is_empty() {
                    return "没有录入的日历日（2020—2026年用内置的官方日历）".into();
                }
                days.iter()
                    .map(|d| {
                        format!(
                            "{}\t{}\t{}",
                            d.date,
                            d.name,
                            if d.off { "放假" } else { "调休上班" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

fn category(name: &str) -> Result<Category> {
    Ok(Category::parse("类别", name)?)
}

/// Applies the options given over `base` (a new item's empty content, or
/// the current revision's).
fn content(
    store: &Store,
    category: Category,
    base: ItemContent,
    args: &ContentArgs,
) -> Result<ItemContent> {
    let mut c = base;
    if let Some(t) = &args.title {
        c.title.clone_from(t);
    }
    if let Some(b) = &args.body {
        c.body = b.replace("\r\n", "\n");
    }
    if let Some(path) = &args.body_file {
        c.body = read_text("正文", path)?;
    }
    for pair in &args.fields {
        let (name, value) = pair
            .split_once(['=', '＝'])
            .ok_or_else(|| FieldError::new("字段", format!("“{pair}”应写成 名称=值")))?;
        c.fields.insert(
            items::field_key(category, name.trim())?.to_owned(),
            value.trim().to_owned(),
        );
    }
    if let Some(days) = args.days {
        c.posting_days = days;
    }
    if args.planned.is_some() {
        c.planned_start = args.planned;
    }
    if let Some(path) = &args.table {
        let bytes = read_bytes("表格", path)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        c.table = Some(line_tables::item_table(store, category, &bytes, &name)?);
    }
    Ok(c)
}

/// A text file as Notepad or Excel on a Chinese Windows writes it: UTF-8
/// (with or without the BOM) or GBK, lines ending in CR LF or LF. A file
/// that cannot be read is refused in words, naming `field`.
fn read_text(field: &'static str, path: &Path) -> Result<String> {
    let bytes = read_bytes(field, path)?;
    Ok(gongshi_app::sheet_file::decode(&bytes).replace("\r\n", "\n"))
}

/// A file's bytes, a failure refused in words naming `field`.
fn read_bytes(field: &'static str, path: &Path) -> Result<Vec<u8>> {
    Ok(std::fs::read(path).map_err(|e| {
        let reason = gongshi_app::io_reason(&e);
        FieldError::new(field, format!("读不出 {}：{reason}", path.display()))
    })?)
}

fn saved_text(s: &Saved) -> String {
    let r = &s.revision;
    let mut lines = vec![format!(
        "事项 {}（第{}版）：{}　[{}]",
        r.item_id,
        r.number,
        r.content.title,
        r.status.label()
    )];
    if let Some(p) = r.period {
        lines.push(p.to_string());
    }
    lines.extend(s.warnings.iter().map(|w| format!("注意：{w}")));
    lines.join("\n")
}

fn revision_text(r: &Revision) -> String {
    let mut lines = vec![
        format!(
            "第{}版　{}　[{}]",
            r.number,
            r.content.title,
            r.status.label()
        ),
        format!("类别：{}", r.category.label()),
    ];
    for spec in r.category.required_fields() {
        lines.push(format!(
            "{}：{}",
            spec.label,
            r.content.fields.get(spec.key).map_or("", String::as_str)
        ));
    }
    lines.push(format!("公示期：{}个工作日", r.content.posting_days));
    if let Some(s) = &r.confidentiality {
        lines.push(format!("保密审查：{} {} {}", s.by, s.on, s.note));
    }
    if let Some(s) = &r.signoff {
        lines.push(format!("监督小组签字：{} {} {}", s.by, s.on, s.note));
    }
    if let Some(s) = &r.approved {
        lines.push(format!("批准：{} {}", s.by, s.on));
    }
    if let Some(reason) = &r.returned_reason {
        lines.push(format!("退回原因：{reason}"));
    }
    if let Some(p) = r.period {
        lines.push(p.to_string());
    }
    if let Some(d) = r.taken_down_on {
        let why = r
            .taken_down_reason
            .as_ref()
            .map_or(String::new(), |w| format!("（原因：{w}）"));
        lines.push(format!("撤下：{d}{why}"));
    }
    if let Some(c) = &r.closure {
        lines.push(format!("归档：{} {} {}", c.result.label(), c.on, c.note));
    }
    lines.push(String::new());
    lines.push(r.content.body.clone());
    lines.join("\n")
}

pub fn items(cli: &Cli, db: &Path, command: &ItemsCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    let saved = match command {
        ItemsCommand::List {
            category: c,
            status,
            text,
            from,
            to,
        } => {
            let filter = ItemFilter {
                category: c.as_deref().map(category).transpose()?,
                status: status
                    .as_deref()
                    .map(|s| {
                        Status::from_code(s)
                            .ok_or_else(|| FieldError::new("状态", format!("“{s}”不是状态")))
                    })
                    .transpose()?,
                period: from.zip(*to),
                text: text.clone(),
                ..ItemFilter::default()
            };
            let rows = items::list(&store, &filter)?;
            emit(cli, &rows, || {
                rows.iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            r.item_id,
                            r.status.label(),
                            r.category.label(),
                            r.title
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            return Ok(());
        }
        ItemsCommand::Table { command } => return table(cli, &mut store, command),
        ItemsCommand::InternalList { id, out } => {
            let bytes = gongshi_app::internal_list::workbook(&store, *id)?;
            return write_output(cli, out, &bytes);
        }
        ItemsCommand::Show { id } => {
            let history = items::history(&store, *id)?;
            let mut texts = Vec::new();
            for rev in &history {
                let mut text = revision_text(rev);
                // What was printed for the board, as archived.
                for sheet in gongshi_app::archive::sheets(&store, rev.id)? {
                    text.push_str(&format!(
                        "\n张贴稿存档：{}　SHA-256 {}（{} KB）",
                        sheet.printed_on,
                        sheet.sha256,
                        sheet.size / 1024
                    ));
                }
                texts.push(text);
            }
            emit(cli, &history, || texts.join("\n\n———\n\n"));
            return Ok(());
        }
        ItemsCommand::Add {
            category: c,
            content: args,
        } => {
            let c = category(c)?;
            let base = ItemContent {
                title: String::new(),
                body: String::new(),
                fields: Default::default(),
                table: None,
                posting_days: set::min_days(&store, c)?,
                planned_start: None,
            };
            let content = content(&store, c, base, args)?;
            items::create(&mut store, &operator(cli)?, c, content)?
        }
        ItemsCommand::Edit { id, content: args } => {
            let current = items::history(&store, *id)?
                .pop()
                .map(|r| (r.category, r.content));
            let (c, base) = current.ok_or_else(|| FieldError::new("事项", "没有这个事项"))?;
            let content = content(&store, c, base, args)?;
            items::edit(&mut store, &operator(cli)?, *id, content)?
        }
        ItemsCommand::Submit { id } => items::submit(&mut store, &operator(cli)?, *id)?,
        ItemsCommand::Review {
            id,
            confidentiality,
            signoff,
            date,
            note,
        } => {
            let on = date.unwrap_or_else(today);
            let input = ReviewInput {
                confidentiality: confidentiality.as_deref().map(|by| (by, on, note.as_str())),
                signoff: signoff.as_deref().map(|by| (by, on, note.as_str())),
            };
            items::review(&mut store, &operator(cli)?, *id, input)?
        }
        ItemsCommand::Approve { id, by, date, note } => items::approve(
            &mut store,
            &operator(cli)?,
            *id,
            by,
            date.unwrap_or_else(today),
            note,
        )?,
        ItemsCommand::Return { id, reason } => {
            items::send_back(&mut store, &operator(cli)?, *id, reason)?
        }
        ItemsCommand::Post { id, date } => {
            items::post(&mut store, &operator(cli)?, *id, date.unwrap_or_else(today))?
        }
        ItemsCommand::TakeDown { id, date, reason } => {
            let on = date.unwrap_or_else(today);
            items::take_down(&mut store, &operator(cli)?, *id, on, reason)?
        }
        ItemsCommand::Close {
            id,
            no_objection,
            handled,
            date,
            note,
        } => {
            let result = match (no_objection, handled) {
                (true, _) => CloseResult::NoObjection,
                (_, true) => CloseResult::ObjectionsHandled,
                _ => {
                    return Err(FieldError::new(
                        "归档结论",
                        "请选择 --no-objection（期满无异议）或 --handled（异议已处理）",
                    )
                    .into());
                }
            };
            items::close(
                &mut store,
                &operator(cli)?,
                *id,
                result,
                date.unwrap_or_else(today),
                note,
            )?
        }
        ItemsCommand::Revise { id } => items::revise(&mut store, &operator(cli)?, *id)?,
        ItemsCommand::Vote {
            id,
            meeting,
            yes,
            no,
            abstain,
        } => {
            let ballots = gongshi_app::decisions::Ballots {
                yes: *yes,
                no: *no,
                abstain: *abstain,
            };
            return super::meetings::vote(cli, &mut store, *id, *meeting, ballots);
        }
    };
    emit(cli, &saved, || saved_text(&saved));
    Ok(())
}

pub fn board(cli: &Cli, db: &Path, command: &BoardCommand) -> Result<()> {
    let BoardCommand::Week {
        date,
        out,
        paper,
        pictures,
    } = command;
    let mut store = Store::open(db)?;
    let date = date.unwrap_or_else(today);
    if out.is_some() || pictures.png.is_some() {
        let now = chrono::Local::now().fixed_offset();
        let printed =
            week_board::print_week(&mut store, &operator(cli)?, date, now, paper_of(*paper))?;
        return super::print_out(cli, &printed.batch, out.as_deref(), pictures);
    }
    let week = week_board::week(&store, date)?;
    emit(cli, &week, || {
        let list = |title: &str, rows: &[gongshi_app::ItemRow]| {
            let mut s = format!("{title}（{}）", rows.len());
            for r in rows {
                s.push_str(&format!(
                    "\n  {}\t{}\t{}",
                    r.item_id,
                    r.status.label(),
                    r.title
                ));
            }
            s
        };
        let mut parts = vec![
            format!("{}至{}", week.monday, week.sunday),
            list("本周张贴", &week.rows.going_up),
            list("本周撤下", &week.rows.coming_down),
            list("公示中", &week.rows.on_board),
            list("已批准未张贴", &week.rows.not_posted),
            list("期满未撤下归档", &week.rows.not_closed),
        ];
        parts.extend(week.missing_regular.iter().cloned());
        parts.join("\n")
    });
    Ok(())
}

pub fn feedback(cli: &Cli, db: &Path, command: &FeedbackCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    match command {
        FeedbackCommand::Add {
            channel,
            content,
            item,
            objection,
            date,
            meeting,
        } => {
            let new = NewFeedback {
                received_on: date.unwrap_or_else(today),
                channel,
                item_id: *item,
                content,
                is_objection: *objection,
                meeting_id: *meeting,
            };
            let f = fb::add(&mut store, &operator(cli)?, new)?;
            emit(cli, &f, || format!("已登记反馈 {}", f.id));
        }
        FeedbackCommand::Answer {
            id,
            text,
            responder,
            date,
            publish,
        } => {
            let on = date.unwrap_or_else(today);
            let f = fb::answer(
                &mut store,
                &operator(cli)?,
                *id,
                text,
                responder,
                on,
                *publish,
            )?;
            emit(cli, &f, || format!("已答复反馈 {}", f.id));
        }
        FeedbackCommand::List { item } => {
            let list = fb::list(&store, *item)?;
            emit(cli, &list, || {
                list.iter()
                    .map(|f| {
                        let state = match (&f.answer, f.is_objection) {
                            (Some(_), _) => "已答复",
                            (None, true) => "异议待处理",
                            (None, false) => "待答复",
                        };
                        format!(
                            "{}\t{}\t{}\t{}\t{}",
                            f.id, f.received_on, f.channel, state, f.content
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        FeedbackCommand::Export { out, range } => {
            super::record::feedback_export(cli, &store, out, range)?;
        }
        FeedbackCommand::Sheet {
            out,
            paper,
            pictures,
        } => {
            let now = chrono::Local::now().fixed_offset();
            let sheet = fb::qa_printable(&store, now, paper_of(*paper))?;
            // Archived once the files are written: a failed write leaves
            // the store as it was.
            let op = operator(cli)?;
            let board = verification::ready(&store, sheet, today())?;
            super::print_out(cli, &board.sheets, out.as_deref(), pictures)?;
            board.archive(&mut store, &op)?;
        }
    }
    Ok(())
}

pub fn settings(cli: &Cli, db: &Path, command: &SettingsCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    match command {
        SettingsCommand::MinDays { category: c, days } => {
            let c = category(c)?;
            set::set_min_days(&mut store, &operator(cli)?, c, *days)?;
            emit(cli, days, || {
                format!("{}：最短公示期{days}个工作日", c.label())
            });
        }
        SettingsCommand::TenderThreshold { set: yuan } => {
            let threshold = match yuan {
                Some(y) => set::set_tender_threshold(&mut store, &operator(cli)?, y)?,
                None => set::tender_threshold(&store)?.0,
            };
            emit(cli, &threshold.0, || {
                format!("公开招标限额：{}元", threshold.to_yuan_string())
            });
        }
        SettingsCommand::Congress { quorum, majority } => {
            let rules = match (quorum, majority) {
                (Some(q), Some(m)) => {
                    gongshi_app::decisions::set_rules(&mut store, &operator(cli)?, q, m)?
                }
                _ => gongshi_app::decisions::rules(&store)?,
            };
            emit(cli, &rules, || {
                format!(
                    "教代会表决规则：实到须达到应到代表的{}；赞成票须超过应到代表的{}。",
                    rules.quorum.said(),
                    rules.majority.said()
                )
            });
        }
        SettingsCommand::Regulars => {
            let list = set::regulars(&store)?;
            emit(cli, &list, || {
                list.iter()
                    .map(|r| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            r.id,
                            r.category.label(),
                            r.rhythm,
                            r.title
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        SettingsCommand::AddRegular {
            category: c,
            title,
            rhythm,
        } => {
            let id = set::add_regular(&mut store, &operator(cli)?, category(c)?, title, rhythm)?;
            emit(cli, &id, || format!("已新增定期公开 {id}：{title}"));
        }
        SettingsCommand::RemoveRegular { id } => {
            set::remove_regular(&mut store, &operator(cli)?, *id)?;
            emit(cli, id, || format!("已删除定期公开 {id}"));
        }
    }
    Ok(())
}

/// Opens the store to save into, or (for a dry run) when it is there, so
/// the preview can say which entered days an import would replace.
fn with_store_if(
    db: &Path,
    dry_run: bool,
    read: impl FnOnce(Option<&Store>) -> Result<CalendarImport>,
) -> Result<(Option<Store>, CalendarImport)> {
    let store = if dry_run && !db.exists() {
        None
    } else {
        Some(Store::open(db)?)
    };
    let import = read(store.as_ref())?;
    Ok((store, import))
}

/// Shows what an import reads; saves it unless `dry_run`. With `--json`
/// a dry run is the list of days `{date, name, off}`.
fn import_calendar(
    cli: &Cli,
    store: Option<Store>,
    import: &CalendarImport,
    dry_run: bool,
) -> Result<()> {
    // What the import itself would refuse, the dry run refuses too, and
    // says nothing else (with --json: one {code, message} document).
    cal_import::check(import)?;
    let listing = calendar_import_text(import);
    if dry_run {
        emit(cli, &import.days, || {
            format!("{listing}\n（试运行：没有保存）")
        });
        return Ok(());
    }
    let Some(mut store) = store else {
        return Ok(());
    };
    let complete = cal_import::save(&mut store, &operator(cli)?, import)?;
    emit(cli, import, || {
        let years: Vec<String> = complete.iter().map(|y| format!("{y}年")).collect();
        let done = if years.is_empty() {
            "已保存这些日期；没有哪一年因此完整".to_owned()
        } else {
            format!("已保存，{}的节假日安排完整", years.join("、"))
        };
        format!("{listing}\n{done}")
    });
    Ok(())
}

fn calendar_import_text(import: &CalendarImport) -> String {
    let mut lines: Vec<String> = import
        .days
        .iter()
        .map(|d| {
            let kind = if d.off { "放假" } else { "调休上班" };
            format!("{}\t{}\t{}\t{kind}", d.date, weekday(d.date), d.name)
        })
        .collect();
    lines.extend(import.years.iter().map(cal_import::outcome_line));
    for s in &import.ignored {
        lines.push(format!("未用（不含放假或上班日期）：{s}"));
    }
    lines.join("\n")
}

fn weekday(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        [date.weekday().num_days_from_monday() as usize]
}

/// `items table`: a typed category's template, a file into an item's
/// table, an item's table out as Excel.
fn table(cli: &Cli, store: &mut Store, command: &TableCommand) -> Result<()> {
    match command {
        TableCommand::Template { category: c, out } => {
            let bytes = line_tables::template(store, category(c)?)?;
            write_output(cli, out, &bytes)
        }
        TableCommand::Import { id, file } => {
            let (bytes, name) = super::read_input(file)?;
            let saved = line_tables::import(store, &operator(cli)?, *id, &bytes, &name)?;
            let rows = saved
                .revision
                .content
                .table
                .as_ref()
                .map_or(0, |t| t.rows.len());
            emit(cli, &saved.revision, || {
                format!(
                    "已导入{rows}行到事项 {id}（{}）",
                    saved.revision.content.title
                )
            });
            Ok(())
        }
        TableCommand::Export { id, out } => {
            let bytes = gongshi_app::internal_list::workbook(store, *id)?;
            write_output(cli, out, &bytes)
        }
    }
}
