//! For tests, here and in the desktop's end-to-end tests: a PostgreSQL
//! server of its own for each test run: `initdb` and `pg_ctl`
//! from Debian's package in a temporary folder, on a free loopback port,
//! stopped when dropped. As root (CI here), run as the postgres user,
//! since initdb refuses root.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct TempPg {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub url: String,
}

fn bin_dir() -> PathBuf {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL is installed by `cargo xtask setup --test` (postgresql)")
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .expect("no PostgreSQL server binaries under /usr/lib/postgresql")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A command run as the postgres user when we are root.
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[allow(clippy::unwrap_used, clippy::panic)]
fn check(mut c: Command, what: &str) {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

impl TempPg {
    pub fn start() -> Self {
        let bin = bin_dir();
        let dir = tempfile::Builder::new()
            .prefix("gongshi-pg")
            .tempdir()
            .expect("temp dir");
        if is_root() {
            check(
                {
                    let mut c = Command::new("chown");
                    c.arg("postgres:postgres").arg(dir.path());
                    c
                },
                "chown",
            );
        }
        let data = dir.path().join("data");
        let mut init = as_owner(&bin.join("initdb"));
        init.arg("-D").arg(&data).args([
            "-A",
            "trust",
            "-U",
            "gongshi",
            "-E",
            "UTF8",
            "--no-locale",
        ]);
        check(init, "initdb");
        let port = free_port();
        let mut start = as_owner(&bin.join("pg_ctl"));
        start
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.path().join("log"))
            .arg("-o")
            .arg(format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                dir.path().display()
            ))
            .args(["-w", "start"]);
        check(start, "pg_ctl start");
        Self {
            url: format!("postgresql://gongshi@127.0.0.1:{port}/postgres"),
            dir,
            bin,
        }
    }
}

impl Drop for TempPg {
    fn drop(&mut self) {
        let mut stop = as_owner(&self.bin.join("pg_ctl"));
        stop.arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "stop"]);
        let _ = stop.output();
    }
}
