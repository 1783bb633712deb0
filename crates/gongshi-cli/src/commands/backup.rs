//! `gongshi backup`: now, list, verify, restore, recover, folder.

use std::path::Path;

use gongshi_app::backups::{self, SecondCopy};
use gongshi_app::domain::FieldError;
use gongshi_app::store::backup::FileSummary;
use gongshi_app::{Result, Store, transfer};

use super::operator;
use crate::args::Cli;
use crate::args_backup::BackupCommand;
use crate::output::emit;

pub fn backup(cli: &Cli, db: &Path, command: &BackupCommand) -> Result<()> {
    match command {
        BackupCommand::Now => {
            let store = Store::open(db)?;
            let taken = backups::take(&store, db)?;
            emit(cli, &taken, || {
                let mut text = format!(
                    "已备份：{}\n{}",
                    taken.path.display(),
                    summary(&taken.summary)
                );
                match &taken.second {
                    SecondCopy::NotSet => text
                        .push_str("\n没有设置第二备份位置（gongshi backup folder --set 文件夹）"),
                    SecondCopy::Written { path } => {
                        text.push_str(&format!("\n第二份：{}", path.display()))
                    }
                    SecondCopy::Failed { folder, reason } => {
                        text.push_str(&format!("\n注意：第二份没有写入 {folder}：{reason}"));
                    }
                }
                text
            });
        }
        BackupCommand::List => {
            let store = Store::open(db).ok();
            let list = backups::list(store.as_ref(), db)?;
            emit(cli, &list, || {
                if list.is_empty() {
                    return "还没有备份（gongshi backup now）".to_owned();
                }
                list.iter()
                    .map(|b| {
                        format!(
                            "{}\t{} KB\t{}",
                            b.taken_at.format("%Y-%m-%d %H:%M:%S"),
                            b.bytes / 1024,
                            b.path.display()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        BackupCommand::Verify { file } => {
            let found = backups::verify(file)?;
            emit(cli, &found, || {
                format!("完好：{}\n{}", file.display(), summary(&found))
            });
        }
        BackupCommand::Restore { file, other_school } => {
            let found = backups::verify(file)?;
            same_school_or(db, found.school.as_deref(), *other_school)?;
            let (_, kept) = backups::restore(db, file, &operator(cli)?)?;
            emit(cli, &kept, || {
                format!(
                    "已用 {} 恢复。恢复前的数据已备份为 {}（如需撤销，用它再恢复一次）",
                    file.display(),
                    kept.display()
                )
            });
        }
        BackupCommand::Recover => {
            if Store::open(db).is_ok() {
                return Err(FieldError::new(
                    "数据文件",
                    "数据文件完好，不需要恢复（要换回某个备份，用 gongshi backup restore 文件）",
                )
                .into());
            }
            let Some((newest, found)) = backups::newest_good(db) else {
                return Err(FieldError::new("备份", "没有找到完好的备份").into());
            };
            let (_, aside) = backups::restore(db, &newest.path, &operator(cli)?)?;
            emit(cli, &newest.path, || {
                format!(
                    "已用 {}（{}）恢复。损坏的文件改名保留为 {}\n{}",
                    newest.path.display(),
                    newest.taken_at.format("%Y-%m-%d %H:%M"),
                    aside.display(),
                    summary(&found)
                )
            });
        }
        BackupCommand::Export { out } => {
            let (manifest, bytes) = transfer::export(db)?;
            super::write_output(cli, &transfer::out_path(out), &bytes)?;
            if !cli.json {
                // The digest of the data inside (the file itself is a zip
                // around it): what the other PC checks on opening.
                println!("其中数据的 SHA-256：{}", manifest.sha256);
            }
        }
        BackupCommand::Open { file, other_school } => {
            let (bytes, _) = super::read_input(file)?;
            let (incoming, _) = transfer::read(&bytes)?;
            same_school_or(db, incoming.school.as_deref(), *other_school)?;
            let (_, manifest) = transfer::open(db, &bytes, &operator(cli)?)?;
            emit(cli, &manifest, || {
                format!(
                    "已打开：{}（导出于 {}），数据文件 {}",
                    manifest.school.as_deref().unwrap_or("（未设置学校）"),
                    manifest.exported_at,
                    db.display()
                )
            });
        }
        BackupCommand::Folder { set, clear } => {
            let mut store = Store::open(db)?;
            if *clear || set.is_some() {
                let folder = set.as_ref().map(|p| p.to_string_lossy().into_owned());
                backups::set_second_folder(&mut store, db, &operator(cli)?, folder.as_deref())?;
            }
            let folder = backups::second_folder(&store)?;
            emit(cli, &folder, || match &folder {
                Some(f) => format!("第二备份位置：{f}"),
                None => "没有设置第二备份位置".to_owned(),
            });
        }
    }
    Ok(())
}

/// What a backup holds, for the person choosing it.
fn summary(s: &FileSummary) -> String {
    let mut text = format!(
        "学校：{}　事项{}项　收费标准{}个　评选{}次　修改记录{}条",
        s.school.as_deref().unwrap_or("（未设置）"),
        s.items,
        s.fee_schedules,
        s.eval_rounds,
        s.audit_entries
    );
    if let Some((at, by)) = &s.last_change {
        let local = at.with_timezone(&chrono::Local);
        text.push_str(&format!(
            "\n最后修改：{} {by}",
            local.format("%Y-%m-%d %H:%M")
        ));
    }
    text
}

/// Another school's data replaces this one's only when asked for by name.
fn same_school_or(db: &Path, incoming: Option<&str>, confirmed: bool) -> Result<()> {
    match backups::other_school(backups::school_at(db).as_deref(), incoming) {
        Some(why) if !confirmed => Err(FieldError::new(
            "学校",
            format!("{why}。确实要换上，请加 --other-school 再执行一次"),
        )
        .into()),
        _ => Ok(()),
    }
}
