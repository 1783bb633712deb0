//! Keeping the record safe: backups written beside the store (and in a
//! second folder the school chooses), each whole and checked, thinned as
//! Anki thins them, listed with what they hold, verified, and restored —
//! the current store backed up first, so a restore can be undone. A
//! corrupt store is renamed aside, never deleted, and the newest good
//! backup offered. Only files named as this module names them are ever
//! pruned.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::backup::{self, FileSummary};
use gongshi_store::{AuditRecord, Store};
use serde::Serialize;

use crate::Result;

pub mod retention;

/// A backup's name: 公示备份-20261201-181626.sqlite3 (local time).
const PREFIX: &str = "公示备份-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// A backup is due when the newest is older than this.
pub const DUE_AFTER_HOURS: i64 = 24;
/// The dashboard warns when the newest backup is older than this.
pub const WARN_AFTER_DAYS: i64 = 7;

/// The folder beside the store its backups go to.
pub fn home_folder(store: &Path) -> PathBuf {
    store
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        .join("公示备份")
}

/// A backup file found in a folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    pub taken_at: NaiveDateTime,
    pub bytes: u64,
}

/// The time in a backup's name, if the name is one of ours: the stamp,
/// and `-2`, `-3`… for a second backup in the same second.
fn taken_at(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let stamp = match stamp.split_at_checked(15) {
        Some((time, "")) => time,
        Some((time, more)) => {
            let n = more.strip_prefix('-')?;
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(time)?
        }
        None => return None,
    };
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// A name for a backup taken at `now` in `folder` that no file has yet:
/// a second backup in the same second never replaces the first.
fn free_name(folder: &Path, now: NaiveDateTime) -> String {
    let stamp = now.format(STAMP);
    (1..)
        .map(|n| match n {
            1 => format!("{PREFIX}{stamp}{SUFFIX}"),
            n => format!("{PREFIX}{stamp}-{n}{SUFFIX}"),
        })
        .find(|name| !folder.join(name).exists())
        .unwrap_or_default()
}

/// The backups in `folder`, newest first (a missing folder has none).
pub fn in_folder(folder: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let taken_at = taken_at(&name)?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some(BackupFile {
                path: e.path(),
                taken_at,
                bytes: meta.len(),
            })
        })
        .collect();
    newest_first(&mut found);
    found
}

/// Newest first; in one second, the later copy (-2, -3…) first.
fn newest_first(backups: &mut [BackupFile]) {
    backups.sort_by_key(|b| std::cmp::Reverse((b.taken_at, same_second_number(&b.path))));
}

/// The `-2` of 公示备份-20261201-181626-2.sqlite3 (1 without one).
fn same_second_number(path: &Path) -> u32 {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    name.as_deref()
        .and_then(|n| n.strip_suffix(SUFFIX))
        .and_then(|n| n.strip_prefix(PREFIX))
        .and_then(|n| n.get(16..))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// Where the second copy went, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SecondCopy {
    /// The school chose no second folder.
    NotSet,
    Written {
        path: PathBuf,
    },
    /// The folder is not there (a USB stick not plugged in) or refused it.
    Failed {
        folder: String,
        reason: String,
    },
}

/// One backup taken.
#[derive(Debug, Clone, Serialize)]
pub struct Taken {
    pub path: PathBuf,
    pub summary: FileSummary,
    pub second: SecondCopy,
    /// Older backups thinned away.
    pub pruned: usize,
}

/// Takes a backup of the store at `store_path` now: into the folder beside
/// it and, if set, the second folder; each checked; then thins both.
pub fn take(store: &Store, store_path: &Path) -> Result<Taken> {
    let now = Local::now().naive_local();
    let home = home_folder(store_path);
    std::fs::create_dir_all(&home).map_err(|e| write_error(&home, &e))?;
    let path = home.join(free_name(&home, now));
    let summary = backup::copy_store(store_path, &path)?;
    let school = summary.school.as_deref();
    let mut pruned = prune(&home, now, school);
    let second = match store.second_backup_folder()? {
        None => SecondCopy::NotSet,
        Some(folder) => {
            let dir = PathBuf::from(&folder);
            let second_path = dir.join(free_name(&dir, now));
            let copied = if dir.is_dir() {
                backup::copy_store(&path, &second_path)
                    .map(drop)
                    .map_err(|e| e.to_string())
            } else {
                Err("文件夹不存在（U 盘未插入或网络盘未连接？）".to_owned())
            };
            match copied {
                Ok(()) => {
                    pruned += prune(&dir, now, school);
                    SecondCopy::Written { path: second_path }
                }
                Err(reason) => SecondCopy::Failed { folder, reason },
            }
        }
    };
    Ok(Taken {
        path,
        summary,
        second,
        pruned,
    })
}

/// Removes the backups in `folder` the retention rule lets go. Only files
/// named as backups, whole, and of this school are looked at: a USB stick
/// shared by two schools keeps the other's, and a damaged file never
/// takes a good one's place. The count removed.
fn prune(folder: &Path, now: NaiveDateTime, school: Option<&str>) -> usize {
    let found: Vec<BackupFile> = in_folder(folder)
        .into_iter()
        .filter(|b| verify(&b.path).is_ok_and(|s| s.school.as_deref() == school))
        .collect();
    let times: Vec<NaiveDateTime> = found.iter().map(|b| b.taken_at).collect();
    retention::keep(now, &times)
        .into_iter()
        .zip(&found)
        .filter(|(keep, _)| !keep)
        .filter(|(_, b)| std::fs::remove_file(&b.path).is_ok())
        .count()
}

/// Every backup the school has: beside the store and in the second folder.
pub fn list(store: Option<&Store>, store_path: &Path) -> Result<Vec<BackupFile>> {
    let mut all = in_folder(&home_folder(store_path));
    if let Some(second) = store
        .map(Store::second_backup_folder)
        .transpose()?
        .flatten()
    {
        all.extend(in_folder(Path::new(&second)));
    }
    newest_first(&mut all);
    Ok(all)
}

/// Whether a backup is due: none yet, or the newest older than a day.
pub fn due(store_path: &Path) -> bool {
    let now = Local::now().naive_local();
    in_folder(&home_folder(store_path))
        .first()
        .is_none_or(|b| (now - b.taken_at).num_hours() >= DUE_AFTER_HOURS)
}

/// What a file holds, checked as a store is before it is opened. A
/// hand-off file (.gongshi) is pointed to where it opens.
pub fn verify(path: &Path) -> Result<FileSummary> {
    if path.extension().is_some_and(|e| e == "gongshi") {
        return Err(FieldError::new(
            "备份",
            format!(
                "“{}”是导出到其他电脑的文件，不是备份{}",
                path.display(),
                gongshi_domain::faces::next_step(
                    "首次打开时选“从其他电脑导出的文件打开”",
                    "gongshi backup open 文件"
                )
            ),
        )
        .into());
    }
    Ok(backup::inspect(path)?)
}

/// Restores `from` over the store at `store_path`, whose connections the
/// caller has closed: the current store is backed up first (when it
/// opens; a corrupt one is renamed aside), then replaced, reopened, and
/// the restore written to its audit log. Returns the reopened store and
/// where the store before the restore was kept.
pub fn restore(store_path: &Path, from: &Path, op: &OperatorName) -> Result<(Store, PathBuf)> {
    let summary = verify(from)?;
    let same = |p: &Path| std::fs::canonicalize(p).ok();
    if same(from).is_some() && same(from) == same(store_path) {
        return Err(FieldError::new("备份", "这就是现在的数据文件本身，不是备份").into());
    }
    opens_as_a_store(from, store_path)?;
    match Store::open(store_path) {
        Ok(current) => {
            let kept = take(&current, store_path)?.path;
            drop(current);
            // Into the open store, under its lock (see restore_into).
            backup::restore_into(store_path, from)?;
            finish_restore(store_path, from, &summary, &kept, op)
        }
        Err(_) => {
            let kept = if store_path.exists() {
                set_aside(store_path)?
            } else {
                PathBuf::new()
            };
            backup::replace_store(store_path, from)?;
            finish_restore(store_path, from, &summary, &kept, op)
        }
    }
}

/// The restored store reopened, and the restore in its log.
fn finish_restore(
    store_path: &Path,
    from: &Path,
    summary: &FileSummary,
    kept: &Path,
    op: &OperatorName,
) -> Result<(Store, PathBuf)> {
    let mut store = Store::open(store_path)?;
    let name = from
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let note = serde_json::json!({
        "from": name,
        "school": summary.school,
        "items": summary.items,
        "kept_before": kept.file_name().map(|n| n.to_string_lossy().into_owned()),
    });
    record(&mut store, op, "restore", "恢复备份", &note)?;
    Ok((store, kept.to_owned()))
}

/// Writes what happened to the whole store (a restore, a move from
/// another PC) to its audit log.
pub(crate) fn record(
    store: &mut Store,
    op: &OperatorName,
    id: &str,
    action: &str,
    note: &impl Serialize,
) -> Result<()> {
    Ok(store.write(op, |w| {
        w.record(AuditRecord::change("store", id, action, None, Some(note)))
    })?)
}

/// Refuses a file that would not open as this version's store (its
/// upgrade fails): tried on a copy beside the store, before anything is
/// replaced.
fn opens_as_a_store(from: &Path, store_path: &Path) -> Result<()> {
    let folder = store_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let trial = tempfile::Builder::new()
        .prefix(".试开-")
        .tempfile_in(folder)
        .map_err(|e| write_error(folder, &e))?;
    std::fs::copy(from, trial.path()).map_err(|e| write_error(trial.path(), &e))?;
    let opened = Store::open(trial.path());
    for side in backup::side_files(trial.path()) {
        let _ = std::fs::remove_file(side);
    }
    opened.map(drop).map_err(|e| {
        FieldError::new("备份", format!("这个备份不能在本版本中打开，没有恢复：{e}")).into()
    })
}

/// Renames a store that cannot be opened aside — gongshi.sqlite3 →
/// gongshi.sqlite3.损坏-20261201-181626 — with its -wal and -shm. Never
/// deletes it.
pub fn set_aside(store_path: &Path) -> Result<PathBuf> {
    let stamp = Local::now().format(STAMP);
    // A second damaged file in the same second never replaces the first.
    let aside = (1..)
        .map(|n| {
            let mut aside = store_path.as_os_str().to_owned();
            match n {
                1 => aside.push(format!(".损坏-{stamp}")),
                n => aside.push(format!(".损坏-{stamp}-{n}")),
            }
            PathBuf::from(aside)
        })
        .find(|p| !p.exists())
        .unwrap_or_default();
    std::fs::rename(store_path, &aside).map_err(|e| write_error(store_path, &e))?;
    for (side, to) in backup::side_files(store_path)
        .into_iter()
        .zip(backup::side_files(&aside))
    {
        let _ = std::fs::rename(side, to);
    }
    Ok(aside)
}

/// What replacing the store with a file of `incoming` school would change
/// that a clerk may not expect: another school's data in place of this
/// one's. None when the schools are the same, or one is not known (a
/// store that does not open, a file without a school).
pub fn other_school(current: Option<&str>, incoming: Option<&str>) -> Option<String> {
    let (current, incoming) = (current?, incoming?);
    (incoming != current).then(|| {
        format!("这个文件是“{incoming}”的数据，现在的数据是“{current}”的：换上后，{current}的数据只留在恢复前自动做的备份里")
    })
}

/// The school of the store at `store_path`, if it reads and has one (read
/// as a backup is, without writing to it).
pub fn school_at(store_path: &Path) -> Option<String> {
    backup::inspect(store_path).ok()?.school
}

/// The newest backup beside the store that passes its check, for a store
/// that will not open (with what it holds; the second folder is a setting
/// inside the store, so it cannot be read then).
pub fn newest_good(store_path: &Path) -> Option<(BackupFile, FileSummary)> {
    in_folder(&home_folder(store_path))
        .into_iter()
        .find_map(|b| verify(&b.path).ok().map(|s| (b, s)))
}

/// How many changes the store has recorded: more at exit than at start
/// means a backup is due.
pub fn changes(store: &Store) -> Result<i64> {
    Ok(store.counts()?.audit_entries)
}

/// The second folder, if the school chose one.
pub fn second_folder(store: &Store) -> Result<Option<String>> {
    Ok(store.second_backup_folder()?)
}

/// Sets the second folder (a USB stick, a network drive), or clears it.
pub fn set_second_folder(
    store: &mut Store,
    store_path: &Path,
    op: &OperatorName,
    folder: Option<&str>,
) -> Result<()> {
    let folder = folder.map(str::trim).filter(|f| !f.is_empty());
    let field = "第二备份位置";
    let folder = match folder {
        None => None,
        Some(f) => {
            // Kept whole (a relative path would depend on where it is run).
            let full = std::fs::canonicalize(f)
                .ok()
                .filter(|p| p.is_dir())
                .ok_or_else(|| FieldError::new(field, format!("“{f}”不是一个存在的文件夹")))?;
            let home = std::fs::canonicalize(home_folder(store_path)).ok();
            if home.as_ref() == Some(&full) {
                return Err(FieldError::new(
                    field,
                    "这就是本机的备份文件夹：第二备份位置应在另一处（U 盘或网络盘）",
                )
                .into());
            }
            Some(full.display().to_string())
        }
    };
    Ok(store.write(op, |w| w.set_second_backup_folder(folder.as_deref()))?)
}

fn write_error(path: &Path, e: &std::io::Error) -> crate::AppError {
    crate::AppError::Write {
        path: path.display().to_string(),
        reason: crate::io_reason(e),
    }
}

/// What the dashboard says of the backups.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The newest backup, anywhere.
    pub last: Option<BackupFile>,
    pub second_folder: Option<String>,
    /// What the school should know: none, too old, no second copy.
    pub warnings: Vec<String>,
}

pub fn status(store: &Store, store_path: &Path) -> Result<Status> {
    let now = Local::now().naive_local();
    let second_folder = store.second_backup_folder()?;
    let last = list(Some(store), store_path)?.into_iter().next();
    let mut warnings = Vec::new();
    let where_to =
        gongshi_domain::faces::next_step("设置 → 备份与恢复", "gongshi backup folder --set 文件夹");
    match &last {
        None => warnings.push(format!(
            "还没有任何备份。{}",
            gongshi_domain::faces::next_step("设置 → 备份与恢复 → 立即备份", "gongshi backup now")
        )),
        Some(b) if (now - b.taken_at).num_days() >= WARN_AFTER_DAYS => warnings.push(format!(
            "最近一次备份在{}天前（{}），请尽快备份。",
            (now - b.taken_at).num_days(),
            b.taken_at.format("%Y-%m-%d %H:%M")
        )),
        Some(_) => {}
    }
    match &second_folder {
        None => warnings.push(format!(
            "备份只存在这台电脑上：电脑坏了就一起没了。请选一个 U 盘或网络盘作第二备份位置{where_to}。"
        )),
        Some(f) if !Path::new(f).is_dir() => warnings.push(format!(
            "第二备份位置“{f}”现在找不到（U 盘未插入或网络盘未连接？），备份只存在这台电脑上。"
        )),
        Some(_) => {}
    }
    Ok(Status {
        last,
        second_folder,
        warnings,
    })
}
