//! One function per command, each a call into `gongshi-app`.

mod backup;
mod beyond;
mod district;
mod eval;
mod fees;
mod meetings;
mod people;
mod pictures;
mod record;
mod week;

use gongshi_app::domain::duties::{Duties, Group};
use gongshi_app::domain::faces::{Face, for_face};
use gongshi_app::domain::grades::SchoolGrades;
use gongshi_app::domain::{OperatorName, SchoolProfile, text};
use gongshi_app::setup::{Start, create_store};
use gongshi_app::{Result, Store, info, paths, school};

use gongshi_app::print::sheet::{Paper, PaperSize};
use gongshi_app::{output, printing};

use crate::args::{
    Cli, Command, GroupsArgs, InitArgs, OperatorsCommand, PaperArg, PrintCommand, SchoolCommand,
    SchoolSetArgs,
};
use crate::output::emit;
pub(crate) use pictures::{print_out, print_parts};

pub fn run(cli: &Cli) -> Result<()> {
    let db = paths::resolve_db_path(cli.db.clone());
    match &cli.command {
        Command::Init(args) => init(cli, &db, args, &operator(cli)?),
        Command::Info => {
            let store = Store::open(&db)?;
            let info = info::info(&store, &db, today())?;
            emit(cli, &info, || info_text(&info));
            Ok(())
        }
        Command::School(SchoolCommand::Show) => {
            let store = Store::open(&db)?;
            let profile = school::profile(&store)?;
            emit(cli, &profile, || match &profile {
                Some(p) => school_text(p),
                None => "尚未设置学校信息（gongshi school set --name …）".into(),
            });
            Ok(())
        }
        Command::School(SchoolCommand::Set(args)) => {
            let mut store = Store::open(&db)?;
            let current = school::profile(&store)?.unwrap_or_default();
            let saved = school::save_school(&mut store, &operator(cli)?, apply(current, args)?)?;
            emit(cli, &saved, || format!("已保存。\n{}", school_text(&saved)));
            Ok(())
        }
        Command::School(SchoolCommand::Groups(args)) => groups(cli, &db, args),
        Command::Operators(OperatorsCommand::List) => {
            let store = Store::open(&db)?;
            let list = school::operators(&store)?;
            emit(cli, &list, || {
                list.iter()
                    .map(|o| {
                        format!(
                            "{}\t最近：{}",
                            o.name,
                            o.last_active_at.format("%Y-%m-%d %H:%M")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Command::Operators(OperatorsCommand::Add { name }) => {
            let mut store = Store::open(&db)?;
            let name = OperatorName::parse(name)?;
            school::sign_in(&mut store, &name)?;
            emit(cli, &name, || format!("已添加操作人：{name}"));
            Ok(())
        }
        Command::Print(PrintCommand::Demo {
            paper,
            out,
            pictures,
        }) => {
            let now = chrono::Local::now().fixed_offset();
            let sheet = printing::demo_printable(None, paper_of(*paper), now);
            print_out(cli, &sheet, out.as_deref(), pictures)
        }
        Command::Calendar(c) => week::calendar(cli, &db, c),
        Command::Items(c) => week::items(cli, &db, c),
        Command::Board(c) => week::board(cli, &db, c),
        Command::Feedback(c) => week::feedback(cli, &db, c),
        Command::Settings(c) => week::settings(cli, &db, c),
        Command::Meetings(c) => meetings::meetings(cli, &db, c),
        Command::Leaders(c) => people::leaders(cli, &db, c),
        Command::Pledges(c) => people::pledges(cli, &db, c),
        Command::Fees(c) => fees::fees(cli, &db, c),
        Command::Eval(c) => eval::eval(cli, &db, c),
        Command::Backup(c) => backup::backup(cli, &db, c),
        Command::Audit(crate::args_backup::AuditCommand::Verify) => {
            let said = gongshi_app::audit::verify(&Store::open(&db)?, &db)?;
            emit(cli, &said, || said.clone());
            Ok(())
        }
        Command::Verify(args) => beyond::verify(cli, &db, args),
        Command::Sms(args) => beyond::sms(cli, &db, args),
        Command::Register(args) => record::register(cli, &db, args),
        Command::Report(c) => record::report(cli, &db, c),
        Command::District(c) => district::district(cli, &db, c),
    }
}

/// Who the audit log names: `--operator`, `GONGSHI_OPERATOR`, or 命令行.
pub(crate) fn operator(cli: &Cli) -> Result<OperatorName> {
    Ok(OperatorName::parse(&cli.operator)?)
}

pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A file to import: its bytes, and its name (whose extension says how to
/// read it).
pub(crate) fn read_input(file: &std::path::Path) -> Result<(Vec<u8>, String)> {
    let bytes = std::fs::read(file).map_err(|e| {
        let reason = gongshi_app::io_reason(&e);
        gongshi_app::domain::FieldError::new("文件", format!("读不出 {}：{reason}", file.display()))
    })?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, name))
}

pub(crate) fn paper_of(paper: PaperArg) -> Paper {
    let size = match paper {
        PaperArg::A4 => PaperSize::A4,
        PaperArg::A3 => PaperSize::A3,
    };
    Paper {
        size,
        ..Paper::default()
    }
}

/// Writes an output file (atomically) and says where.
pub(crate) fn write_output(cli: &Cli, out: &std::path::Path, bytes: &[u8]) -> Result<()> {
    output::write_atomically(out, bytes)?;
    let written = Written::pdf(out, bytes);
    emit(cli, &written, || written.said());
    Ok(())
}

/// What a printing command wrote: the file (`path`, `bytes`) and, with
/// `--png`, the pictures; the 核验码 printed on a sheet for the board.
#[derive(serde::Serialize, Default)]
pub(crate) struct Written {
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bytes: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pictures: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    codes: Vec<String>,
}

impl Written {
    pub(crate) fn pdf(out: &std::path::Path, bytes: &[u8]) -> Self {
        Self {
            path: Some(out.display().to_string()),
            bytes: Some(bytes.len()),
            ..Self::default()
        }
    }

    pub(crate) fn with_codes(mut self, codes: &[&str]) -> Self {
        self.codes = codes.iter().map(|c| (*c).to_owned()).collect();
        self
    }

    pub(crate) fn with_pictures(mut self, paths: &[std::path::PathBuf]) -> Self {
        self.pictures = paths.iter().map(|p| p.display().to_string()).collect();
        self
    }

    pub(crate) fn said(&self) -> String {
        let mut lines = Vec::new();
        if let (Some(path), Some(bytes)) = (&self.path, self.bytes) {
            lines.push(format!("已生成：{path}（{} KB）", bytes / 1024));
        }
        if !self.pictures.is_empty() {
            lines.push(format!("已生成 {} 张图片：", self.pictures.len()));
            lines.extend(self.pictures.iter().cloned());
        }
        if !self.codes.is_empty() {
            lines.push(format!(
                "核验码：{}（已存档，可用 gongshi verify 核验）",
                self.codes.join("、")
            ));
        }
        lines.join("\n")
    }
}

fn init(cli: &Cli, db: &std::path::Path, args: &InitArgs, operator: &OperatorName) -> Result<()> {
    let start = if args.demo {
        Start::Demo
    } else {
        Start::Empty {
            school_name: args.name.clone(),
        }
    };
    let store = create_store(db, &start, operator)?;
    let info = info::info(&store, db, today())?;
    emit(cli, &info, || {
        format!("已新建数据文件。\n{}", info_text(&info))
    });
    Ok(())
}

/// Shows the three groups, or changes the ones given.
fn groups(cli: &Cli, db: &std::path::Path, a: &GroupsArgs) -> Result<()> {
    let mut store = Store::open(db)?;
    let mut duties = school::duties(&store)?;
    let changes = a.leading.is_some()
        || a.working.is_some()
        || a.supervision.is_some()
        || a.relax
        || a.strict;
    if changes {
        for (group, given) in [
            (&mut duties.leading, &a.leading),
            (&mut duties.working, &a.working),
            (&mut duties.supervision, &a.supervision),
        ] {
            if let Some(names) = given {
                *group = text::split_list(names);
            }
        }
        duties.relaxed = (duties.relaxed || a.relax) && !a.strict;
        duties = school::save_duties(&mut store, &operator(cli)?, duties)?;
    }
    emit(cli, &duties, || {
        let said = if changes { "已保存。\n" } else { "" };
        format!("{said}{}", groups_text(&duties))
    });
    Ok(())
}

fn groups_text(d: &Duties) -> String {
    let mut lines: Vec<String> = Group::ALL
        .iter()
        .map(|g| {
            let members = d.members(*g);
            let shown = if members.is_empty() {
                "（未填写）".to_owned()
            } else {
                text::join_list(members)
            };
            format!("{}：{shown}", g.label())
        })
        .collect();
    lines.push(if d.relaxed {
        "各司其职：已放宽（一人可完成多个审查步骤）".into()
    } else {
        "各司其职：监督小组成员签字，领导小组成员批准，保密审查、签字、批准由三人分别完成".into()
    });
    lines.join("\n")
}

fn apply(mut p: SchoolProfile, a: &SchoolSetArgs) -> Result<SchoolProfile> {
    let set = |field: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            field.clone_from(v);
        }
    };
    set(&mut p.name, &a.name);
    set(&mut p.address, &a.address);
    set(&mut p.principal, &a.principal);
    set(&mut p.office_phone, &a.office_phone);
    set(&mut p.supervision_phone, &a.supervision_phone);
    set(&mut p.complaint_phone, &a.complaint_phone);
    if let Some(h) = &a.hotlines {
        p.hotlines = text::split_list(h);
    }
    if let Some(g) = &a.grades {
        p.grades = SchoolGrades::parse(g)?;
    }
    Ok(p)
}

fn school_text(p: &SchoolProfile) -> String {
    let mut lines = vec![format!("学校名称：{}", p.name)];
    if p.is_demo {
        lines.push("（这是示例学校，数据为演示用）".into());
    }
    for (label, value) in [
        ("地址", &p.address),
        ("校长", &p.principal),
        ("办公室电话", &p.office_phone),
        ("监督电话", &p.supervision_phone),
        ("投诉电话", &p.complaint_phone),
    ] {
        lines.push(format!("{label}：{value}"));
    }
    lines.push(format!("其他热线：{}", text::join_list(&p.hotlines)));
    lines.push(format!("学段：{}", p.grades.label()));
    lines.join("\n")
}

fn info_text(i: &info::Info) -> String {
    let school = i
        .school
        .as_ref()
        .map_or("（尚未设置学校信息）".to_owned(), |s| {
            s.name.clone()
        });
    let warning = i
        .calendar_warning
        .as_ref()
        .map_or(String::new(), |w| {
            let year = w.year;
            format!(
                "\n注意：{}国务院办公厅的通知发布后，请导入它的全文：gongshi calendar import-notice 文件 --year {year}",
                w.text
            )
        });
    // The last backup, and what the school should know of its backups.
    let last = i.backup.last.as_ref().map_or("还没有".to_owned(), |b| {
        format!(
            "{}（{}）",
            b.taken_at.format("%Y-%m-%d %H:%M"),
            b.path.display()
        )
    });
    let backup_warnings: String = i
        .backup
        .warnings
        .iter()
        .map(|w| format!("\n注意：{}", for_face(w, Face::CommandLine)))
        .collect();
    format!(
        "学校：{school}\n数据文件：{}\n数据版本：{}\n公开事项：{} 项\n反馈：{} 条\n收费标准：{} 个学期\n评选：{} 项\n操作人：{} 人\n修改记录：{} 条\n最近一次备份：{last}{warning}{backup_warnings}",
        i.db_path,
        i.schema_version,
        i.counts.items,
        i.counts.feedback,
        i.counts.fee_schedules,
        i.counts.eval_rounds,
        i.counts.operators,
        i.counts.audit_entries
    )
}
