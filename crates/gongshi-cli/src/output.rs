//! Printing results: Chinese text for people, JSON (`--json`) for scripts.

use gongshi_app::AppError;
use serde::Serialize;

use crate::args::Cli;

/// Prints `value` as JSON, or `text()` for people.
pub fn emit<T: Serialize>(cli: &Cli, value: &T, text: impl FnOnce() -> String) {
    if cli.json {
        match serde_json::to_string_pretty(value) {
            Ok(json) => say(&json),
            Err(e) => complain(&format!("无法输出 JSON：{e}")),
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
        complain(&format!("无法输出：{}", gongshi_app::io_reason(&e)));
    }
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    code: &'a str,
    message: &'a str,
}

/// A refusal or failure: `错误：…` on standard error, and with `--json`
/// the `{code, message}` document on standard output.
fn report(json: bool, code: &str, message: &str) {
    if json {
        let doc = ErrorJson { code, message };
        say(&serde_json::to_string(&doc).unwrap_or_default());
    }
    complain(&format!("错误：{message}"));
}

pub fn error(cli: &Cli, e: &AppError) {
    report(cli.json, e.code(), &for_the_command_line(&e.to_string()));
    if e.code() == "store.missing" {
        complain(
            "请先新建数据文件：gongshi init --demo（示例学校）或 gongshi init --name 学校名称",
        );
    }
}

/// A usage error (exit code 2): the message of [`crate::usage`].
pub fn usage_error(json: bool, message: &str) {
    report(json, "usage", message);
}

/// Something failed that never should: said plainly, with where, for
/// whoever looks into it.
pub fn internal_error(json: bool, detail: &str) {
    report(
        json,
        "internal",
        &format!("程序内部出错，这一步没有完成。请把这条信息告诉维护人员：{detail}"),
    );
}

/// Writes a line to standard error; a standard error that cannot be
/// written to is no reason to fail.
pub fn complain(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// `message` as the command line says it: where the app names a screen,
/// the command (see `gongshi_domain::faces`).
pub fn for_the_command_line(message: &str) -> String {
    gongshi_app::domain::faces::for_face(message, gongshi_app::domain::faces::Face::CommandLine)
}

#[cfg(test)]
mod tests {
    use gongshi_app::domain::workflow::{Action, Status, next};

    use super::*;

    /// Messages written where the rules are, as the command line says them.
    #[test]
    fn the_rules_messages_name_commands_not_screens() {
        let frozen = next(Status::Posted, Action::Edit).unwrap_err().to_string();
        let said = for_the_command_line(&frozen);
        assert!(said.contains("（gongshi items revise 编号）"), "{said}");
        assert!(!said.contains("按钮"), "{said}");
        let said = for_the_command_line(&gongshi_app::domain::school::fill_in_first());
        assert_eq!(
            said,
            "请先填写学校信息（gongshi school set --name 学校名称）"
        );
        assert_eq!(for_the_command_line("标题：不能为空"), "标题：不能为空");
    }
}
