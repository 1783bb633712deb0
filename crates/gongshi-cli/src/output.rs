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

/// The app's messages name the desktop's screens and buttons where a user
/// of the desktop goes next; on the command line the next step is a
/// command. Each pair: what the app says, what the command line says.
const SCREENS_AS_COMMANDS: [(&str, &str); 6] = [
    (
        "请先在“设置”中填写学校信息",
        "请先填写学校信息：gongshi school set --name 学校名称",
    ),
    (
        "请用“下载导入模板”得到的文件填写",
        "请用导入模板填写（gongshi fees template --out 模板.xlsx，或 gongshi eval template --round 评选名称 --out 模板.xlsx）",
    ),
    (
        "如需更正，请在公开事项中更正",
        "如需更正，请更正那个公开事项：gongshi items revise 编号",
    ),
    (
        "异议电话须是“设置 → 学校信息”中的电话（可加为其他热线）",
        "异议电话须是学校信息中的电话（gongshi school show；可用 gongshi school set --hotlines 加为其他热线）",
    ),
    (
        "请用“更正”建立新的修订版",
        "请更正：gongshi items revise 编号（建立新的修订版）",
    ),
    (
        "请先退回后再修改",
        "请先退回（gongshi items return 编号 --reason 原因）后再修改",
    ),
];

/// `message` with the desktop's screens replaced by the commands. A
/// message that gives both, “（应用：设置 → …；命令行：gongshi …）”, keeps
/// the command.
pub fn for_the_command_line(message: &str) -> String {
    const APP: &str = "（应用：";
    const CLI: &str = "；命令行：";
    let mut said = SCREENS_AS_COMMANDS
        .iter()
        .fold(message.to_owned(), |m, (screen, command)| {
            m.replace(screen, command)
        });
    let mut from = 0;
    while let Some(start) = said[from..].find(APP).map(|i| from + i) {
        let Some(cli) = said[start..].find(CLI).map(|i| start + i) else {
            break;
        };
        said.replace_range(start + "（".len()..cli + CLI.len(), "");
        from = start + "（".len();
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_become_commands() {
        let said = for_the_command_line("学校名称：请先在“设置”中填写学校信息");
        assert_eq!(
            said,
            "学校名称：请先填写学校信息：gongshi school set --name 学校名称"
        );
        let said = for_the_command_line(
            "“公示中”状态的事项不能“修改”（已张贴的事项不能改动，请用“更正”建立新的修订版）",
        );
        assert!(said.contains("gongshi items revise"), "{said}");
        assert_eq!(for_the_command_line("标题：不能为空"), "标题：不能为空");
        let said = for_the_command_line(
            "请导入通知（应用：设置 → 工作日历 → 导入国务院通知；命令行：gongshi calendar import-notice 文件 --year 2027），或确认。",
        );
        assert_eq!(
            said,
            "请导入通知（gongshi calendar import-notice 文件 --year 2027），或确认。"
        );
        assert_eq!(
            for_the_command_line("（应用：只有应用）"),
            "（应用：只有应用）"
        );
    }
}
