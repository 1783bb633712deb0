//! Printing results: Chinese text for people, JSON (`--json`) for scripts.

use gongshi_app::AppError;
use serde::Serialize;

use crate::args::Cli;

/// Prints `value` as JSON, or `text()` for people.
pub fn emit<T: Serialize>(cli: &Cli, value: &T, text: impl FnOnce() -> String) {
    if cli.json {
        match serde_json::to_string_pretty(value) {
            Ok(json) => say(&json),
            Err(e) => eprintln!("无法输出 JSON：{e}"),
        }
    } else {
        say(&text());
    }
}

/// Writes a line to standard output. A reader that has gone (`gongshi …
/// | head`) ends the command quietly, as Unix tools do; `println!` would
/// panic.
pub fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("无法输出：{}", gongshi_app::io_reason(&e));
    }
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    code: &'a str,
    message: String,
}

pub fn error(cli: &Cli, e: &AppError) {
    if cli.json {
        let json = ErrorJson {
            code: e.code(),
            message: e.to_string(),
        };
        say(&serde_json::to_string(&json).unwrap_or_default());
    }
    eprintln!("错误：{e}");
    if e.code() == "store.missing" {
        eprintln!(
            "请先新建数据文件：gongshi init --demo（示例学校）或 gongshi init --name 学校名称"
        );
    }
}
