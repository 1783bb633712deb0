//! Crash trials: the command killed (SIGKILL) at moments spread over its
//! run — during an import, a letter batch, a weekly batch, a backup and a
//! restore — 50 times each. After each, the store opens, passes
//! `integrity_check`, and holds all of the change or none of it; an output
//! or backup file is whole or absent. The counts are printed (and written
//! to artifacts/crash-trials.txt, which `cargo xtask test` shows).
#![allow(clippy::unwrap_used)] // tests may unwrap

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TRIALS: u32 = 50;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_gongshi")
}

fn gongshi(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .env("GONGSHI_DB", db)
        .env("GONGSHI_OPERATOR", "王静")
        .args(args)
        .output()
        .unwrap()
}

fn sqlite(db: &Path, sql: &str) -> String {
    let out = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A demo store, as one file with no -wal beside it.
fn base(dir: &Path) -> PathBuf {
    let made = dir.join("made.sqlite3");
    assert!(gongshi(&made, &["init", "--demo"]).status.success());
    let base = dir.join("base.sqlite3");
    sqlite(&made, &format!("VACUUM INTO '{}'", base.display()));
    base
}

/// One run of `args` on a fresh copy of `base`, killed after `delay`
/// (if it is still running); the trial's folder, and whether it was
/// killed or else finished successfully.
fn trial(base: &Path, root: &Path, n: u32, args: &[String], delay: Duration) -> (PathBuf, Run) {
    let dir = root.join(format!("t{n}"));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("gongshi.sqlite3");
    std::fs::copy(base, &db).unwrap();
    let args: Vec<String> = args
        .iter()
        .map(|a| a.replace("{dir}", &dir.display().to_string()))
        .collect();
    let mut child = Command::new(bin())
        .env("GONGSHI_DB", &db)
        .env("GONGSHI_OPERATOR", "王静")
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let run = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Run::Finished {
                ok: status.success(),
            };
        }
        if started.elapsed() >= delay {
            child.kill().unwrap();
            child.wait().unwrap();
            break Run::Killed;
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    (dir, run)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Killed,
    Finished { ok: bool },
}

/// The moments to kill at: spread evenly over a little more than a whole
/// run, with a jitter of their own (a fixed seed: the same each run).
fn delays(whole: Duration) -> Vec<Duration> {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..TRIALS)
        .map(|i| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let jitter = (seed >> 33) % 1000;
            let share = (f64::from(i) + jitter as f64 / 1000.0) / f64::from(TRIALS);
            whole.mul_f64(share * 1.2)
        })
        .collect()
}

/// Runs the trials of one operation; `check` says what the store and files
/// must be after each. Returns (trials, killed mid-way).
fn trials(
    name: &str,
    base: &Path,
    args: &[String],
    check: impl Fn(&Path) -> Result<(), String>,
) -> (u32, u32) {
    let root = tempfile::tempdir().unwrap();
    // One whole run first: it must succeed, and it sets the time scale.
    let started = Instant::now();
    let (dir, run) = trial(base, root.path(), 999, args, Duration::from_secs(120));
    assert_ne!(
        run,
        Run::Killed,
        "{name}: a whole run took over two minutes"
    );
    assert_eq!(
        run,
        Run::Finished { ok: true },
        "{name}: a whole run failed"
    );
    let whole = started.elapsed();
    check(&dir).unwrap_or_else(|e| panic!("{name}, a whole run: {e}"));
    let mut killed_count = 0;
    for (n, delay) in delays(whole).into_iter().enumerate() {
        let (dir, run) = trial(base, root.path(), n as u32, args, delay);
        killed_count += u32::from(run == Run::Killed);
        let db = dir.join("gongshi.sqlite3");
        let integrity = sqlite(&db, "PRAGMA integrity_check");
        assert_eq!(integrity, "ok", "{name}, trial {n} ({delay:?})");
        check(&dir).unwrap_or_else(|e| panic!("{name}, trial {n} ({delay:?}): {e}"));
    }
    (TRIALS, killed_count)
}

fn count(db: &Path, sql: &str) -> i64 {
    sqlite(db, sql).parse().unwrap_or(-1)
}

/// A PDF written whole (its end marker there), or no file at all.
fn whole_or_absent(file: &Path) -> Result<(), String> {
    let Ok(bytes) = std::fs::read(file) else {
        return Ok(());
    };
    let end = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(16)..]).into_owned();
    if bytes.starts_with(b"%PDF-") && end.trim_end().ends_with("%%EOF") {
        Ok(())
    } else {
        Err(format!(
            "{} is there but not whole ({} bytes)",
            file.display(),
            bytes.len()
        ))
    }
}

#[test]
fn killed_at_any_moment_the_store_holds_all_of_a_change_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let base = base(dir.path());
    let mut report = Vec::new();

    // An import of 300 fee rows: all of them or none.
    let csv = dir.path().join("收费.csv");
    let mut text =
        "项目,金额(元),计费单位,适用年级,收费部门,咨询电话,收费依据,是否自愿,备注\n".to_owned();
    for i in 1..=300 {
        text.push_str(&format!("项目{i},30,每生每学期,全校,财务室,,文号{i},否,\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let before = count(&base, "SELECT count(*) FROM fee_items");
    let import = [
        "fees".to_owned(),
        "import".to_owned(),
        csv.display().to_string(),
        "--semester".to_owned(),
        "2027年春季学期".to_owned(),
    ];
    report.push((
        "收费导入",
        trials("import", &base, &import, |d| {
            let n = count(&d.join("gongshi.sqlite3"), "SELECT count(*) FROM fee_items") - before;
            if n == 0 || n == 300 {
                Ok(())
            } else {
                Err(format!("{n} of 300 rows stored"))
            }
        }),
    ));

    // A letter batch: the PDF whole or absent.
    let letters = [
        "fees".to_owned(),
        "letters".to_owned(),
        "--semester".to_owned(),
        "2026—2027学年第一学期".to_owned(),
        "--grade".to_owned(),
        "1".to_owned(),
        "--out".to_owned(),
        "{dir}/letters.pdf".to_owned(),
    ];
    report.push((
        "致家长的信",
        trials("letters", &base, &letters, |d| {
            whole_or_absent(&d.join("letters.pdf"))
        }),
    ));

    // The weekly batch: its archive rows all or none, the PDF whole or absent.
    let sheets = count(&base, "SELECT count(*) FROM printed_sheets");
    let week = [
        "board".to_owned(),
        "week".to_owned(),
        "--out".to_owned(),
        "{dir}/week.pdf".to_owned(),
    ];
    let archived = {
        let probe = tempfile::tempdir().unwrap();
        let (d, _) = trial(&base, probe.path(), 0, &week, Duration::from_secs(120));
        count(
            &d.join("gongshi.sqlite3"),
            "SELECT count(*) FROM printed_sheets",
        ) - sheets
    };
    assert!(archived > 0, "the demo's week prints something");
    report.push((
        "本周张贴批次",
        trials("week", &base, &week, |d| {
            let n = count(
                &d.join("gongshi.sqlite3"),
                "SELECT count(*) FROM printed_sheets",
            ) - sheets;
            if n != 0 && n != archived {
                return Err(format!("{n} of {archived} sheets archived"));
            }
            whole_or_absent(&d.join("week.pdf"))
        }),
    ));

    // A backup: each file in the folder is a whole store.
    let backup = ["backup".to_owned(), "now".to_owned()];
    report.push((
        "备份",
        trials("backup", &base, &backup, |d| {
            for e in std::fs::read_dir(d.join("公示备份"))
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with("公示备份-")
                    && sqlite(&e.path(), "PRAGMA integrity_check") != "ok"
                {
                    return Err(format!("{name} is not whole"));
                }
            }
            Ok(())
        }),
    ));

    // A restore: the store is the one before or the backup, never between.
    let other = dir.path().join("别校.sqlite3");
    assert!(
        gongshi(&other, &["init", "--name", "别的学校"])
            .status
            .success()
    );
    let restore_from = dir.path().join("公示备份-20261201-000000.sqlite3");
    sqlite(&other, &format!("VACUUM INTO '{}'", restore_from.display()));
    let restore = [
        "backup".to_owned(),
        "restore".to_owned(),
        restore_from.display().to_string(),
        // Another school's data: the restore is asked for by name.
        "--other-school".to_owned(),
    ];
    report.push((
        "恢复",
        trials("restore", &base, &restore, |d| {
            let name = sqlite(&d.join("gongshi.sqlite3"), "SELECT name FROM school");
            match name.as_str() {
                "阳光市实验小学（示例）" | "别的学校" => Ok(()),
                other => Err(format!("the school is “{other}”")),
            }
        }),
    ));

    let lines: Vec<String> = report
        .iter()
        .map(|(what, (n, killed))| {
            format!("{what}：{n}次，其中{killed}次在完成前被终止；每次数据完整、全有或全无")
        })
        .collect();
    let text = lines.join("\n");
    println!("{text}");
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts");
    let _ = std::fs::create_dir_all(&artifacts);
    let _ = std::fs::write(artifacts.join("crash-trials.txt"), format!("{text}\n"));
    // Most trials must really interrupt the work, or they prove little.
    for (what, (n, killed)) in &report {
        assert!(
            *killed * 2 >= *n,
            "{what}: only {killed} of {n} trials were interrupted"
        );
    }
}
