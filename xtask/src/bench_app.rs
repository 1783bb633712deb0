//! The app's figures for the README (`cargo xtask bench`): the release .deb's
//! size, its installed size, cold start to the first screen and idle memory
//! (the last two by `tests/e2e/examples/startup.rs`, under the virtual
//! display, through tauri-driver).
//!
//! Goals: the package ≤ 40 MB, the first screen within 1 s, idle RSS ≤ 150 MB.

use anyhow::{Context, Result};

use crate::bundle::{self, Profile};
use crate::cmd::{self, output, root, target_dir};
use crate::setup;

pub fn run() -> Result<()> {
    setup::all(true)?;
    crate::build_ui()?;
    let deb = bundle::deb(Profile::Release)?;

    let package = deb.metadata()?.len();
    let deb_arg = deb.to_string_lossy();
    let installed_kib: u64 = output("dpkg-deb", &["-f", &deb_arg, "Installed-Size"])
        .trim()
        .parse()
        .context("dpkg-deb -f Installed-Size")?;
    let size = |name: &str| {
        target_dir()
            .join("release")
            .join(name)
            .metadata()
            .map_or(0, |m| m.len())
    };

    let artifacts = root().join("artifacts").join("bench");
    std::fs::create_dir_all(&artifacts)?;
    let mut startup = crate::under_display("cargo");
    startup
        .args(["run", "-q", "-p", "gongshi-e2e", "--example", "startup"])
        .env("GONGSHI_DESKTOP_BIN", Profile::Release.app_binary())
        .env("GONGSHI_ARTIFACTS", &artifacts);
    cmd::run(&mut startup)?;

    println!(
        "release .deb: {:.1} MB ({} bytes; goal ≤ 40 MB): {}",
        mb(package),
        package,
        deb.display()
    );
    println!(
        "installed size: {:.1} MB (Installed-Size {installed_kib} KiB); gongshi-desktop {:.1} MB, gongshi {:.1} MB",
        mb(installed_kib * 1024),
        mb(size("gongshi-desktop")),
        mb(size("gongshi"))
    );
    println!("goals: first screen ≤ 1 s, idle RSS ≤ 150 MB");
    Ok(())
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}
