//! Dev tasks, so a developer and CI run the same steps:
//!
//!   cargo xtask setup [--test]   install what is missing (Debian packages, npm, tauri-driver)
//!   cargo xtask run [-- ARGS]    set up, build the UI, run the desktop app
//!   cargo xtask test             set up, then every check CI runs, e2e included
//!   cargo xtask e2e [--installed] build the app and run the end-to-end tests under Xvfb;
//!                                --installed: only the test of the installed .deb
//!   cargo xtask bundle [--debug] the Debian package (.deb) of the app, with the CLI in it
//!   cargo xtask bench [--app]    the speed benchmarks (release build; whole `gongshi` processes
//!                                beside reportlab's when installed), numbers for the README;
//!                                --app: only the package size, start time and memory;
//!                                --cli: only the whole `gongshi` processes
//!   cargo xtask bindings         regenerate ui/src/api/bindings.ts from the Rust DTOs

mod bench_app;
mod bench_cli;
mod bundle;
mod cmd;
mod invariants;
mod setup;

use anyhow::{Result, bail};

use cmd::{cargo, npm, root, run, target_dir};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match task.as_str() {
        "setup" => setup::all(rest.iter().any(|a| a == "--test")),
        "run" => run_app(&rest),
        "test" => test(),
        "e2e" => e2e(rest.iter().any(|a| a == "--installed")),
        "bundle" => bundle_app(rest.iter().any(|a| a == "--debug")),
        "bench" if rest.iter().any(|a| a == "--cli") => bench_cli::run(),
        "bench" => {
            if !rest.iter().any(|a| a == "--app") {
                cargo(&["bench", "-p", "gongshi-print", "--bench", "sheets"])?;
                cargo(&["bench", "-p", "gongshi-store", "--bench", "week"])?;
                cargo(&["bench", "-p", "gongshi-app", "--bench", "letters"])?;
                bench_cli::run()?;
            }
            bench_app::run()
        }
        "bindings" => bindings(),
        _ => bail!(
            "用法：cargo xtask setup [--test] | run [-- 参数] | test | e2e [--installed] | \
             bundle [--debug] | bench [--app|--cli] | bindings"
        ),
    }
}

fn build_ui() -> Result<()> {
    npm(&["run", "build"])
}

fn run_app(args: &[String]) -> Result<()> {
    setup::all(false)?;
    build_ui()?;
    if !cmd::has_display() {
        bail!(
            "没有图形显示（DISPLAY 未设置）。请在桌面环境中运行；服务器上可用：xvfb-run -a cargo xtask run；\
             或使用命令行：cargo run -p gongshi-cli -- --help"
        );
    }
    let mut cargo_args = vec!["run", "-p", "gongshi-desktop", "--"];
    cargo_args.extend(args.iter().map(String::as_str).filter(|a| *a != "--"));
    cargo(&cargo_args)
}

fn test() -> Result<()> {
    setup::all(true)?;
    build_ui()?;
    npm(&["test"])?;
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&["test", "--workspace", "--exclude", "gongshi-e2e"])?;
    // The crash trials' counts, written by the test (cargo keeps a passing
    // test's output to itself).
    if let Ok(counts) = std::fs::read_to_string(root().join("artifacts").join("crash-trials.txt")) {
        println!("崩溃试验（gongshi-cli tests/crash.rs）：\n{counts}");
    }
    e2e_tests()?;
    installed_test()
}

fn e2e(only_installed: bool) -> Result<()> {
    setup::all(true)?;
    build_ui()?;
    if only_installed {
        return installed_test();
    }
    e2e_tests()
}

/// `cargo xtask bundle`: the release .deb (`--debug`: of the debug build).
fn bundle_app(debug: bool) -> Result<()> {
    setup::all(false)?;
    build_ui()?;
    let profile = if debug {
        bundle::Profile::Debug
    } else {
        bundle::Profile::Release
    };
    let deb = bundle::deb(profile)?;
    println!("安装：apt-get install ./{}", relative(&deb).display());
    Ok(())
}

/// A path from the workspace root when it is below it (for commands to copy).
fn relative(path: &std::path::Path) -> std::path::PathBuf {
    path.strip_prefix(root())
        .map_or_else(|_| path.to_path_buf(), std::path::Path::to_path_buf)
}

/// Commands that open windows run under Xvfb unless a desktop is there
/// (and never on CI, whose display, if any, is not to be used).
fn under_display(program: &str) -> std::process::Command {
    if cmd::has_display() && std::env::var_os("CI").is_none() {
        std::process::Command::new(program)
    } else {
        let mut xvfb = std::process::Command::new("xvfb-run");
        xvfb.args(["-a", "--server-args=-screen 0 1280x800x24", program]);
        xvfb
    }
}

/// Packages the debug build the e2e tests drove (no rebuild), then installs
/// it with apt-get, drives the installed app and removes it again.
fn installed_test() -> Result<()> {
    let deb = bundle::deb(bundle::Profile::Debug)?;
    let artifacts = root().join("artifacts").join("e2e");
    std::fs::create_dir_all(&artifacts)?;
    let mut command = under_display("cargo");
    command
        .args(["test", "-p", "gongshi-e2e", "--test", "installed"])
        .args(["--", "--test-threads=1"])
        .env("GONGSHI_DEB", &deb)
        .env("GONGSHI_ARTIFACTS", &artifacts);
    run(&mut command)
}

/// Builds the desktop app, the CLI (the tests prepare stores with it) and
/// the district server (the district test runs it),
/// then runs the e2e crate one test at a time under a virtual display.
fn e2e_tests() -> Result<()> {
    cargo(&["build", "-p", "gongshi-desktop", "-p", "gongshi-cli"])?;
    // On its own: built together, cargo would unify its dependencies'
    // features with the app's, and the app the package test installs
    // (built as above) would be built again, differently.
    cargo(&["build", "-p", "gongshi-district"])?;
    let bin = target_dir().join("debug").join("gongshi-desktop");
    let artifacts = root().join("artifacts").join("e2e");
    std::fs::create_dir_all(&artifacts)?;
    let mut command = under_display("cargo");
    command
        .args(["test", "-p", "gongshi-e2e", "--", "--test-threads=1"])
        .env("GONGSHI_DESKTOP_BIN", &bin)
        .env(
            "GONGSHI_DISTRICT_BIN",
            target_dir().join("debug").join("gongshi-district"),
        )
        .env("GONGSHI_ARTIFACTS", &artifacts);
    run(&mut command)?;
    println!("e2e 截图在：{}", artifacts.display());
    Ok(())
}

fn bindings() -> Result<()> {
    build_ui_dist_placeholder()?;
    run(std::process::Command::new("cargo")
        .args([
            "test",
            "-p",
            "gongshi-desktop",
            "--lib",
            "typescript_bindings_are_current",
        ])
        .env("GONGSHI_UPDATE_BINDINGS", "1"))
}

/// The desktop crate embeds ui/dist at compile time; to regenerate the
/// bindings before the UI can be built, an empty page is enough.
fn build_ui_dist_placeholder() -> Result<()> {
    let dist = root().join("ui").join("dist");
    if !dist.join("index.html").exists() {
        std::fs::create_dir_all(&dist)?;
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>公示</title>",
        )?;
    }
    Ok(())
}
