//! The Debian package of the desktop app, made by the Tauri 2 bundler
//! (`cargo tauri bundle`) from the binaries cargo has built: the app, the
//! `gongshi` CLI beside it in /usr/bin, the icons and the desktop entry.
//!
//! The bundler packages what `cargo build` made (it does not build again),
//! so the test can package the debug build the e2e tests already drove.
//! What differs from `tauri.conf.json` is passed with `--config`: the
//! package name (Debian wants lowercase ASCII; the app stays 公示 in its
//! window, its desktop entry and its description) and the CLI's path,
//! which depends on the target dir.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cmd::{cargo, root, run, target_dir};
use crate::setup;

/// The Debian package name, and the start of the .deb's file name.
pub const PACKAGE: &str = "gongshi";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Debug,
    Release,
}

impl Profile {
    fn dir(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }

    /// The built app (`gongshi-desktop`) of this profile.
    pub fn app_binary(self) -> PathBuf {
        target_dir().join(self.dir()).join("gongshi-desktop")
    }
}

/// Builds the app and the CLI (nothing to do when cargo has them), packages
/// them, and returns the .deb's path. The UI must have been built
/// (`npm run build`): the app embeds it.
pub fn deb(profile: Profile) -> Result<PathBuf> {
    setup::tauri_cli()?;
    let mut build = vec!["build", "-p", "gongshi-desktop", "-p", "gongshi-cli"];
    if profile == Profile::Release {
        build.push("--release");
    }
    cargo(&build)?;
    let cli = target_dir().join(profile.dir()).join("gongshi");
    if !cli.is_file() {
        bail!("没有找到命令行程序 {}", cli.display());
    }
    let config = format!(
        r#"{{"productName":"{PACKAGE}","bundle":{{"linux":{{"deb":{{"files":{{"/usr/bin/gongshi":"{}"}}}}}}}}}}"#,
        json_escape(&cli.to_string_lossy())
    );
    let mut bundle = Command::new("cargo");
    bundle
        .args(["tauri", "bundle", "--bundles", "deb", "--ci"])
        // The bundler would write its bundle-type marker (for the updater,
        // not used here) into the binary: the package gets the bytes cargo
        // built and the e2e tests drove. (It still writes the binary back
        // in place afterwards, unchanged: bundling while that build runs
        // fails with "text file busy".)
        .arg("--no-binary-patching")
        .args(["--config", &config])
        .current_dir(root().join("src-tauri"));
    if profile == Profile::Debug {
        bundle.arg("--debug");
    }
    run(&mut bundle)?;
    let deb = newest_deb(&target_dir().join(profile.dir()).join("bundle").join("deb"))?;
    // The bundler leaves its staging folder beside the .deb: a second copy
    // of everything (half a gigabyte for the debug build) in the cache.
    let staging = deb.with_extension("");
    if staging.is_dir() {
        std::fs::remove_dir_all(&staging)
            .with_context(|| format!("无法删除 {}", staging.display()))?;
    }
    if profile == Profile::Release {
        recompress(&deb)?;
    }
    let size = deb.metadata()?.len();
    println!(
        "安装包：{}（{:.1} MB）",
        deb.display(),
        size as f64 / 1_000_000.0
    );
    Ok(deb)
}

/// Repacks the bundler's gzip .deb with xz at level 9. Both binaries embed
/// the two Noto Serif SC faces (29.6 MB, for the PDF sheets): gzip's 32 KB
/// window packs each copy on its own (54.6 MB in all), xz -9's 64 MiB
/// dictionary finds the second copy in the first (24.6 MB; measured
/// 2026-12-01). A minute on two cores, so only for the release package.
fn recompress(deb: &Path) -> Result<()> {
    let before = deb.metadata()?.len();
    let tree = deb.with_extension("tree");
    let packed = deb.with_extension("deb.xz-partial");
    if tree.exists() {
        std::fs::remove_dir_all(&tree)?;
    }
    run(Command::new("dpkg-deb")
        .arg("--raw-extract")
        .arg(deb)
        .arg(&tree))?;
    run(Command::new("dpkg-deb")
        .args(["--root-owner-group", "-Zxz", "-z9", "--build"])
        .arg(&tree)
        .arg(&packed))?;
    std::fs::remove_dir_all(&tree)?;
    std::fs::rename(&packed, deb)?;
    println!(
        "xz 重新压缩：{:.1} MB → {:.1} MB",
        before as f64 / 1_000_000.0,
        deb.metadata()?.len() as f64 / 1_000_000.0
    );
    Ok(())
}

/// The .deb just written: the newest `gongshi_*.deb` in the bundler's folder.
fn newest_deb(dir: &Path) -> Result<PathBuf> {
    let prefix = format!("{PACKAGE}_");
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .with_context(|| format!("打包后没有 {}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "deb")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
        })
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    found.sort();
    match found.pop() {
        Some((_, deb)) => Ok(deb),
        None => bail!("打包后 {} 中没有 .deb", dir.display()),
    }
}

/// A string as a JSON string's contents.
fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}
