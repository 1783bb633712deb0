//! Whole processes, as a clerk meets them (`cargo xtask bench`): the
//! release `gongshi` printing one sheet (`print demo`) and the fee letters
//! of 2,406 students (48 classes × 50, and one letter for each grade
//! without classes) from a store on disk — wall time (median of 5), peak
//! memory (the process's max RSS) and the file's size; beside reportlab's
//! figures for the same kind of letters when reportlab is installed.
//!
//! Goals (issue 13): one sheet ≤ 50 ms and ≤ 60 MB; 2,406 letters ≤ 0.4 s,
//! ≤ 2 MB on disk, ≤ 150 MB peak.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::cmd::{cargo, root, succeeds, target_dir};

const SEMESTER: &str = "2026年秋季学期";
const RUNS: usize = 5;

pub fn run() -> Result<()> {
    crate::setup::all(true)?;
    cargo(&["build", "--release", "-p", "gongshi-cli"])?;
    let cli = target_dir().join("release").join("gongshi");
    let dir = std::env::temp_dir().join(format!("gongshi-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("bench.sqlite3");
    let _ = std::fs::remove_file(&db);
    let gongshi = |args: &[&str]| -> Result<()> {
        let ok = Command::new(&cli)
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()?;
        if !ok.status.success() {
            bail!("gongshi {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
        }
        Ok(())
    };
    gongshi(&["init", "--name", "阳光市实验小学"])?;
    gongshi(&[
        "school",
        "set",
        "--supervision-phone",
        "0371-6523 8002",
        "--complaint-phone",
        "0371-6890 1234",
    ])?;
    let csv = root().join("crates/gongshi-app/benches/fees.csv");
    gongshi(&[
        "fees",
        "import",
        &csv.display().to_string(),
        "--semester",
        SEMESTER,
    ])?;
    for grade in 1..=6 {
        for class in 1..=8 {
            let (g, c) = (grade.to_string(), format!("{class}班"));
            gongshi(&[
                "fees",
                "class-size",
                "--grade",
                &g,
                "--class",
                &c,
                "--students",
                "50",
            ])?;
        }
    }

    let sheet = dir.join("sheet.pdf");
    let letters = dir.join("letters.pdf");
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let one = measure(
        &cli,
        &[os("print"), os("demo"), os("--out"), sheet.as_os_str()],
    )?;
    report(
        "gongshi print demo (one sheet)",
        one,
        &sheet,
        "≤ 50 ms, ≤ 60 MB",
    );
    let many = measure(
        &cli,
        &[
            os("--db"),
            db.as_os_str(),
            os("fees"),
            os("letters"),
            os("--semester"),
            os(SEMESTER),
            os("--out"),
            letters.as_os_str(),
        ],
    )?;
    report(
        "gongshi fees letters (2,406 letters)",
        many,
        &letters,
        "≤ 0.4 s, ≤ 2 MB, ≤ 150 MB",
    );

    if succeeds("python3", &["-c", "import reportlab"]) {
        let script = root().join("xtask/bench/letters_reportlab.py");
        let fonts = root().join("assets/fonts");
        for (count, name) in [("1", "one letter"), ("2406", "2,406 letters")] {
            let out = dir.join(format!("reportlab-{count}.pdf"));
            let m = measure(
                Path::new("python3"),
                &[
                    script.as_os_str(),
                    os(count),
                    out.as_os_str(),
                    fonts.as_os_str(),
                ],
            )?;
            report(&format!("reportlab, {name}"), m, &out, "(peer)");
        }
    } else {
        println!(
            "reportlab is not installed (pip install 'reportlab==4.4.*'): its figures are skipped"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}

/// Median wall time of [`RUNS`] runs, and the largest peak RSS among them.
struct Measured {
    wall: Duration,
    peak_kib: u64,
}

/// Runs `program args` [`RUNS`] times under GNU time (its `%M`: the
/// process's own peak RSS, not the builds before it; it finds `program`
/// on the PATH).
fn measure(program: &Path, args: &[&std::ffi::OsStr]) -> Result<Measured> {
    let peak_file = std::env::temp_dir().join(format!("gongshi-peak-{}", std::process::id()));
    let mut walls = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = Command::new("/usr/bin/time")
            .args(["-f", "%M", "-o"])
            .arg(&peak_file)
            .arg(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .context("/usr/bin/time (Debian package time; cargo xtask setup --test)")?;
        walls.push(start.elapsed());
        if !status.success() {
            bail!("{} {args:?} failed", program.display());
        }
        let kib: u64 = std::fs::read_to_string(&peak_file)?
            .lines()
            .last()
            .unwrap_or_default()
            .trim()
            .parse()
            .context("GNU time's %M")?;
        peak = peak.max(kib);
    }
    walls.sort();
    Ok(Measured {
        wall: walls[RUNS / 2],
        peak_kib: peak,
    })
}

fn report(what: &str, m: Measured, file: &Path, goal: &str) {
    let size = std::fs::metadata(file).map_or(0, |f| f.len());
    println!(
        "{what:<40} {:>7.0} ms  {:>6.1} MB peak  {:>6.2} MB file   goal {goal}",
        m.wall.as_secs_f64() * 1000.0,
        m.peak_kib as f64 / 1024.0,
        size as f64 / 1024.0 / 1024.0
    );
}
