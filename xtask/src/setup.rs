//! Installs what the project needs, only what is missing, so running it
//! twice is cheap. Debian 12 is the reference machine.

use std::process::Command;

use anyhow::{Result, bail};

use crate::cmd::{output, root, run, succeeds};

/// To compile and run the desktop app (Tauri 2 on WebKitGTK 4.1).
const RUN_PACKAGES: &[&str] = &["libwebkit2gtk-4.1-dev", "pkg-config"];
/// To run the tests: a virtual display, the WebKit WebDriver, and poppler's
/// pdftotext/pdffonts/pdfinfo to read printed sheets back, and sqlite3 (a
/// test tampers with the audit log as someone with the tool would), and
/// GNU time (the benchmarks' peak memory of a whole process), and
/// PostgreSQL's server (the district server's tests start their own, in a
/// temporary folder) with Chromium and its WebDriver (the district's web
/// page, looked at in a real browser).
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "poppler-utils",
    "sqlite3",
    "time",
    "postgresql",
    "chromium",
    "chromium-driver",
];

pub fn all(for_tests: bool) -> Result<()> {
    let mut packages = RUN_PACKAGES.to_vec();
    if for_tests {
        packages.extend_from_slice(TEST_PACKAGES);
    }
    debian_packages(&packages)?;
    node_modules()?;
    if for_tests {
        tauri_driver()?;
        // The tests install the app's .deb, which the Tauri bundler makes.
        tauri_cli()?;
    }
    Ok(())
}

fn installed(package: &str) -> bool {
    output("dpkg-query", &["-W", "-f=${Status}", package]).contains("install ok installed")
}

fn debian_packages(packages: &[&str]) -> Result<()> {
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !succeeds("apt-get", &["--version"]) {
        bail!("缺少系统软件包 {missing:?}，而这台机器没有 apt-get：请用本系统的方式安装它们。");
    }
    let root_user = output("id", &["-u"]).trim() == "0";
    let apt = |args: &[&str]| {
        let mut c = if root_user {
            Command::new("apt-get")
        } else {
            let mut s = Command::new("sudo");
            s.arg("apt-get");
            s
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

/// `npm ci` when node_modules is missing or older than the lock file.
fn node_modules() -> Result<()> {
    if !succeeds("npm", &["--version"]) {
        bail!("没有找到 Node.js 和 npm（需要 Node 20 或更新）：请先安装 nodejs 和 npm。");
    }
    let ui = root().join("ui");
    let lock = ui.join("package-lock.json");
    let stamp = ui.join("node_modules").join(".package-lock.json");
    let modified = |p: &std::path::Path| p.metadata().and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&stamp), modified(&lock)), (Some(s), Some(l)) if s >= l);
    if fresh {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(ui))
}

/// tauri-driver 2.x (not the 3.0 alphas), built from crates.io.
fn tauri_driver() -> Result<()> {
    let listed = output("cargo", &["install", "--list"]);
    if listed.lines().any(|l| l.starts_with("tauri-driver v2.")) {
        return Ok(());
    }
    run(Command::new("cargo").args(["install", "tauri-driver", "--version", "^2", "--locked"]))
}

/// tauri-cli 2.x (`cargo tauri`, the bundler behind `cargo xtask bundle`),
/// built from crates.io.
pub fn tauri_cli() -> Result<()> {
    let listed = output("cargo", &["install", "--list"]);
    if listed.lines().any(|l| l.starts_with("tauri-cli v2.")) {
        return Ok(());
    }
    run(Command::new("cargo").args(["install", "tauri-cli", "--version", "^2", "--locked"]))
}
