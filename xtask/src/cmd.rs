//! Running commands, loudly, from the workspace root.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

pub fn root() -> PathBuf {
    // xtask/ is one level below the workspace root. `cargo run` tells the
    // running binary where its manifest is; that beats the path compiled
    // in, which belongs to whichever checkout last built this binary when
    // two checkouts share a target dir (the build cache CI reuses).
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

pub fn run(command: &mut Command) -> Result<()> {
    eprintln!("$ {command:?}");
    let status = command
        .current_dir(command.get_current_dir().map_or_else(root, PathBuf::from))
        .status()
        .with_context(|| format!("无法运行 {:?}", command.get_program()))?;
    if !status.success() {
        bail!("命令失败（{status}）：{command:?}");
    }
    Ok(())
}

pub fn cargo(args: &[&str]) -> Result<()> {
    run(Command::new("cargo").args(args))
}

pub fn npm(args: &[&str]) -> Result<()> {
    run(Command::new("npm")
        .args(args)
        .current_dir(root().join("ui")))
}

/// Whether the command exits 0 (quietly; for "is it there?" checks).
pub fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

pub fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}
