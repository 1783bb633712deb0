//! The Debian package, installed on this machine: `apt-get install` the
//! .deb that `cargo xtask bundle` makes, check what it put where, start the
//! installed app on a fresh store and drive it, then remove the package
//! (always, even when a check fails).
//!
//! Run through `cargo xtask test` (or `cargo xtask e2e --installed`), which
//! bundles the debug build and sets `GONGSHI_DEB`. Needs root (or sudo)
//! for apt-get. Not run by a plain `cargo test -p gongshi-e2e`
//! (`test = false` in Cargo.toml); asked for by name, it fails without the
//! package rather than passing silently.

use std::path::{Path, PathBuf};
use std::process::Command;

use gongshi_e2e::{App, TestResult};

const DEMO_NAME: &str = "阳光市实验小学（示例）";
const APP: &str = "/usr/bin/gongshi-desktop";
const CLI: &str = "/usr/bin/gongshi";

fn deb() -> PathBuf {
    let deb = std::env::var_os("GONGSHI_DEB").map(PathBuf::from).expect(
        "GONGSHI_DEB is not set: this test installs a .deb. Run it with \
         `cargo xtask e2e --installed` (bundles the debug build, then runs it under Xvfb), \
         or `cargo xtask bundle` and GONGSHI_DEB=target/release/bundle/deb/<name>.deb",
    );
    assert!(deb.is_file(), "GONGSHI_DEB={} is not a file", deb.display());
    deb
}

/// What a command printed; panics with its stderr when it fails.
fn output(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A control field of the package file (`dpkg-deb -f`).
fn field(deb: &Path, name: &str) -> String {
    let path = deb.to_str().expect("the .deb path is not UTF-8");
    output("dpkg-deb", &["-f", path, name]).trim().to_owned()
}

/// apt-get as root, or through sudo; waits for a dpkg lock held by another
/// install rather than failing at once. (Panics nowhere: also used on drop.)
fn apt_get(args: &[&str]) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut command = if root {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("apt-get");
        sudo
    };
    command
        .args(["-o", "DPkg::Lock::Timeout=300", "-q"])
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive");
    command
}

fn is_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

/// The package while installed: removed on drop, whatever happened.
struct Installed {
    package: String,
}

impl Installed {
    fn install(deb: &Path, package: &str) -> Installed {
        // A package left from an earlier run (or the same version from the
        // release bundle) would not be replaced by `install`: remove it first.
        if is_installed(package) {
            let _ = apt_get(&["remove", "-y", package]).status();
        }
        // From here on the package may be (partly) installed: the guard
        // exists before apt-get runs, so a failed install is cleaned up too.
        let guard = Installed {
            package: package.to_owned(),
        };
        let status = apt_get(&["install", "-y", "--no-install-recommends"])
            .arg(deb)
            .status()
            .expect("cannot run apt-get");
        assert!(status.success(), "apt-get install {} failed", deb.display());
        guard
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        match apt_get(&["remove", "-y", &self.package]).status() {
            Ok(s) if s.success() => {}
            other => eprintln!(
                "could not remove {} ({other:?}): run `apt-get remove {}`",
                self.package, self.package
            ),
        }
    }
}

#[tokio::test]
async fn the_installed_package_starts_on_a_fresh_store_and_is_removed() -> TestResult {
    let deb = deb();
    let package = field(&deb, "Package");
    assert_eq!(package, "gongshi");
    let depends = field(&deb, "Depends");
    for needed in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        assert!(depends.contains(needed), "Depends: {depends}");
    }
    assert!(
        field(&deb, "Description").contains("校务公开"),
        "the package should describe itself in Chinese"
    );

    let installed = Installed::install(&deb, &package);
    let files = output("dpkg", &["-L", &package]);
    let files: Vec<&str> = files.lines().collect();
    for bin in [APP, CLI] {
        assert!(files.contains(&bin), "{bin} is not in the package");
        assert!(Path::new(bin).is_file(), "{bin} was not installed");
    }

    // The desktop entry: the Chinese name, the app, its icon.
    let entry = files
        .iter()
        .find(|f| f.starts_with("/usr/share/applications/") && f.ends_with(".desktop"))
        .expect("no desktop entry in the package");
    let entry = std::fs::read_to_string(entry)?;
    for line in [
        "Name=公示",
        "Exec=gongshi-desktop",
        "Icon=gongshi-desktop",
        "Type=Application",
    ] {
        assert!(entry.lines().any(|l| l == line), "no {line} in:\n{entry}");
    }
    assert!(
        entry.contains("Categories=Office;Education;"),
        "categories: {entry}"
    );
    // An icon at every size the menus ask for, where the entry's Icon= finds it.
    for size in ["32x32", "64x64", "128x128", "256x256", "512x512"] {
        let icon = format!("/usr/share/icons/hicolor/{size}/apps/gongshi-desktop.png");
        assert!(files.contains(&icon.as_str()), "no {icon} in the package");
        assert!(Path::new(&icon).is_file(), "{icon} was not installed");
    }

    // The installed CLI makes and reads a store.
    let dir = tempfile::tempdir()?;
    let cli_db = dir.path().join("cli.sqlite3");
    let cli_db = cli_db.to_str().expect("temp path is not UTF-8");
    output(CLI, &["--db", cli_db, "init", "--demo"]);
    let info = output(CLI, &["--db", cli_db, "info"]);
    assert!(info.contains(DEMO_NAME), "gongshi info: {info}");

    // The installed app, on a fresh store: the first-run screen, the demo
    // school, its name on the dashboard.
    let db = dir.path().join("gongshi.sqlite3");
    let app = App::launch_binary(Path::new(APP), &db).await?;
    app.find("first-run").await?;
    app.fill("first-operator", "王静").await?;
    app.click("start-demo").await?;
    assert_eq!(app.wait_text("header-school", DEMO_NAME).await?, DEMO_NAME);
    assert_eq!(
        app.wait_text("dashboard-school", DEMO_NAME).await?,
        DEMO_NAME
    );
    let shot = app.screenshot("installed-dashboard").await?;
    eprintln!("installed app screenshot: {}", shot.display());
    app.close().await?;
    assert!(db.exists(), "the store was not created");

    drop(installed);
    assert!(!is_installed(&package), "{package} is still installed");
    assert!(!Path::new(APP).exists(), "{APP} is left after removal");
    assert!(!Path::new(CLI).exists(), "{CLI} is left after removal");
    Ok(())
}
