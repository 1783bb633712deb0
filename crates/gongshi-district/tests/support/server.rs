//! The real `gongshi-district` binary as a child process: started on a
//! port, killed (SIGKILL, as a crash) and started again.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gongshi-district"))
}

/// Runs the CLI to the end; its stdout, or a panic with its stderr.
pub fn run(url: &str, args: &[&str]) -> String {
    let out = bin()
        .env("DATABASE_URL", url)
        .args(args)
        .output()
        .expect("gongshi-district runs");
    assert!(
        out.status.success(),
        "gongshi-district {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A school's token, from `schools add`'s last line.
pub fn add_school(url: &str, code: &str, name: &str) -> String {
    let out = run(url, &["schools", "add", "--code", code, "--name", name]);
    out.lines().last().expect("a token line").trim().to_owned()
}

pub struct Server {
    child: Child,
    pub base: String,
    url: String,
    extra: Vec<String>,
    listen: String,
}

impl Server {
    pub fn start(url: &str, listen: &str, extra: &[&str]) -> Self {
        let extra: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
        let (child, base) = spawn(url, listen, &extra);
        Self {
            child,
            base,
            url: url.to_owned(),
            extra,
            listen: listen.to_owned(),
        }
    }

    /// SIGKILL: no shutdown, as a power cut would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn restart(&mut self) {
        let (child, _) = spawn(&self.url, &self.listen, &self.extra);
        self.child = child;
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Starts the server and waits for its “提供服务” line.
fn spawn(url: &str, listen: &str, extra: &[String]) -> (Child, String) {
    let mut child = bin()
        .env("DATABASE_URL", url)
        .args(["serve", "--listen", listen])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("its first line");
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    (child, base)
}
