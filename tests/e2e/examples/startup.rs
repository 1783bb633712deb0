//! The app's own figures for `cargo xtask bench`: cold start to the first
//! screen and idle memory of the build in `GONGSHI_DESKTOP_BIN` (the release
//! build), on a fresh demo store each time, under the virtual display.
//!
//! Cold start: from the WebDriver session request (tauri-driver was already
//! listening; WebKitWebDriver then starts the app) to the school's name on
//! the dashboard. Idle memory: a few seconds after that, the resident memory
//! of the app and every process below it (WebKit's web and network
//! processes), summed; PSS beside it counts shared pages once.
//!
//! Run by `cargo xtask bench`; by hand:
//! `GONGSHI_DESKTOP_BIN=target/release/gongshi-desktop xvfb-run -a cargo run -p gongshi-e2e --example startup`

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use gongshi_e2e::{App, app_binary, gongshi_cli};

const RUNS: usize = 5;
const FIRST_SCREEN: &str = "[data-test=\"dashboard-school\"]";
const IDLE: Duration = Duration::from_secs(5);

/// One process's memory, from /proc.
struct Memory {
    name: String,
    rss_kib: u64,
    pss_kib: u64,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bin = app_binary();
    let mut starts = Vec::new();
    let mut rss = Vec::new();
    let mut pss = Vec::new();
    for run in 1..=RUNS {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("gongshi.sqlite3");
        gongshi_cli(&db, &["init", "--demo"]);
        let app = App::launch_binary(&bin, &db).await?;
        // Polled tightly (the harness's waits poll every 250 ms or so).
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match app.client.find(Locator::Css(FIRST_SCREEN)).await {
                Ok(_) => break,
                Err(e) if e.is_no_such_element() && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        let start = app.session_requested.elapsed();
        tokio::time::sleep(IDLE).await;
        let processes = app_processes(app.driver_pid(), &bin);
        if processes.is_empty() {
            return Err(format!("no process of {} below the driver", bin.display()).into());
        }
        let run_rss: u64 = processes.iter().map(|p| p.rss_kib).sum();
        let run_pss: u64 = processes.iter().map(|p| p.pss_kib).sum();
        let parts: Vec<String> = processes
            .iter()
            .map(|p| format!("{} {:.0}", p.name, mib(p.rss_kib)))
            .collect();
        eprintln!(
            "run {run}: first screen {} ms; idle RSS {:.0} MiB ({}), PSS {:.0} MiB",
            start.as_millis(),
            mib(run_rss),
            parts.join(" + "),
            mib(run_pss)
        );
        starts.push(start);
        rss.push(run_rss);
        pss.push(run_pss);
        if run == RUNS {
            app.screenshot("bench-dashboard").await?;
        }
        app.close().await?;
    }
    starts.sort();
    rss.sort_unstable();
    pss.sort_unstable();
    let median = RUNS / 2;
    println!(
        "cold start to the first screen: {} ms median of {RUNS} (fastest {} ms, slowest {} ms)",
        starts[median].as_millis(),
        starts[0].as_millis(),
        starts[RUNS - 1].as_millis()
    );
    println!(
        "idle memory after the dashboard shows: RSS {:.0} MiB median of {RUNS} (app and WebKit processes summed), PSS {:.0} MiB",
        mib(rss[median]),
        mib(pss[median])
    );
    Ok(())
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The app started below `driver` (by WebKitWebDriver) and every process
/// below it, the app first.
fn app_processes(driver: u32, bin: &Path) -> Vec<Memory> {
    let parents = parents();
    let below = |ancestor: u32, pid: u32| {
        let mut p = pid;
        while let Some(&parent) = parents.get(&p) {
            if parent == ancestor {
                return true;
            }
            if parent <= 1 {
                break;
            }
            p = parent;
        }
        false
    };
    let bin = std::fs::canonicalize(bin).unwrap_or_else(|_| bin.to_path_buf());
    let Some(&app) = parents.keys().find(|&&pid| {
        below(driver, pid)
            && std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == bin)
    }) else {
        return Vec::new();
    };
    let mut pids: Vec<u32> = parents
        .keys()
        .copied()
        .filter(|&pid| below(app, pid))
        .collect();
    pids.sort_unstable();
    pids.insert(0, app);
    pids.into_iter().filter_map(memory).collect()
}

/// Every process's parent, from /proc/<pid>/stat.
fn parents() -> HashMap<u32, u32> {
    let mut parents = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return parents;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid …": comm may hold spaces and parentheses.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        if let Some(ppid) = after.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
            parents.insert(pid, ppid);
        }
    }
    parents
}

fn memory(pid: u32) -> Option<Memory> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib = |text: &str, key: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let name = status
        .lines()
        .find_map(|l| l.strip_prefix("Name:"))
        .map_or_else(String::new, |n| n.trim().to_owned());
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    Some(Memory {
        name,
        rss_kib: kib(&status, "VmRSS:"),
        pss_kib: kib(&rollup, "Pss:"),
    })
}
