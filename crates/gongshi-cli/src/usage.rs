//! Usage errors, in Chinese. clap finds them — an unknown command or
//! argument, a missing one, a bad value, two that exclude each other —
//! and says them in English; this says them as the rest of the command
//! line speaks, naming the argument, and ends with the command that shows
//! the usage.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory};
use gongshi_app::domain::FieldError;

use crate::args::Cli;

/// The message for `err`, which parsing `argv` gave.
pub fn message(err: &clap::Error, argv: &[OsString]) -> String {
    let (path, command) = command_at(argv);
    let path = path.join(" ");
    format!(
        "{}\n查看用法：{path} --help",
        describe(err, &path, &command)
    )
}

/// Whether `--json` was asked for: the parse failed, so the arguments are
/// looked at directly (those before a `--`).
pub fn wants_json(argv: &[OsString]) -> bool {
    argv.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--json")
}

fn describe(err: &clap::Error, path: &str, command: &Command) -> String {
    let arg = || err.get(ContextKind::InvalidArg).map_or(String::new(), name);
    let value = || text(err.get(ContextKind::InvalidValue));
    match err.kind() {
        ErrorKind::ValueValidation => {
            let refusal = std::error::Error::source(err)
                .and_then(|source| source.downcast_ref::<FieldError>());
            let arg = arg();
            match (
                refusal,
                arg.strip_prefix('<').and_then(|a| a.strip_suffix('>')),
            ) {
                // A positional argument is named by its Chinese name.
                (Some(e), Some(positional)) if e.field == "值" => {
                    format!("{positional}{}", e.message)
                }
                (Some(e), Some(_)) => format!("{}{}", e.field, e.message),
                (Some(e), None) => format!("{arg} 的{}{}", e.field, e.message),
                (None, _) => format!("{arg} 的值“{}”不对", value()),
            }
        }
        ErrorKind::InvalidValue => {
            let choices = texts(err.get(ContextKind::ValidValue));
            let choices = if choices.is_empty() {
                String::new()
            } else {
                format!("（可选：{}）", choices.join("、"))
            };
            match value() {
                v if v.is_empty() => format!("{} 后面要写一个值{choices}", arg()),
                v => format!("{} 的值“{v}”不对{choices}", arg()),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            // A print command needs --out unless --png is given: it says so.
            let or_pictures = command.get_arguments().any(|a| a.get_id() == "png");
            let missing: Vec<String> = texts(err.get(ContextKind::InvalidArg))
                .iter()
                .map(|a| match short_name(a) {
                    out if out == "--out" && or_pictures => {
                        "--out 或 --png（PDF 文件或图片文件夹，至少写一个）".to_owned()
                    }
                    other => other,
                })
                .collect();
            format!("缺少参数：{}", missing.join("、"))
        }
        ErrorKind::ArgumentConflict => {
            let prior: Vec<String> = texts(err.get(ContextKind::PriorArg))
                .iter()
                .map(|a| short_name(a))
                .collect();
            let prior = prior.join("、");
            if let Some(sub) = err.get(ContextKind::InvalidSubcommand) {
                format!("命令 {sub} 不能和 {prior} 一起用")
            } else if prior == arg() {
                format!("{prior} 只能给一次")
            } else {
                format!("{} 和 {prior} 不能同时使用", arg())
            }
        }
        ErrorKind::UnknownArgument => {
            let given = text(err.get(ContextKind::InvalidArg));
            if given.starts_with('-') {
                let hint = err
                    .get(ContextKind::SuggestedArg)
                    .map_or(String::new(), |s| {
                        format!("（是不是 {}？）", short_name(&s.to_string()))
                    });
                format!("{path} 没有 {given} 这个参数{hint}")
            } else {
                format!("多了一个参数“{given}”")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let given = text(err.get(ContextKind::InvalidSubcommand));
            let suggested = texts(err.get(ContextKind::SuggestedSubcommand));
            let hint = if suggested.is_empty() {
                String::new()
            } else {
                format!("（是不是 {}？）", suggested.join("、"))
            };
            format!(
                "{path} 没有“{given}”这个命令{hint}。可用的命令：\n{}",
                listing(command)
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            if command.has_subcommands() =>
        {
            format!("{path} 后面要写一个命令：\n{}", listing(command))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("{path} 缺少参数")
        }
        ErrorKind::NoEquals => format!("{0} 要写成 {0}=值", arg()),
        ErrorKind::TooManyValues => format!("{} 多了一个值“{}”", arg(), value()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{} 的值的个数不对", arg())
        }
        ErrorKind::InvalidUtf8 => "参数中有读不出的文字（不是 UTF-8 编码）".to_owned(),
        _ => "命令行有误".to_owned(),
    }
}

/// An argument as clap shows it (`--semester <SEMESTER>`, `<编号>`), named
/// as typed: `--semester`, `<编号>`.
fn name(value: &ContextValue) -> String {
    short_name(&value.to_string())
}

fn short_name(shown: &str) -> String {
    if shown.starts_with('-') {
        shown.split([' ', '=']).next().unwrap_or(shown).to_owned()
    } else {
        shown.to_owned()
    }
}

fn text(value: Option<&ContextValue>) -> String {
    value.map_or(String::new(), ToString::to_string)
}

fn texts(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    }
}

/// The subcommands of `command`, a line each with what it does.
fn listing(command: &Command) -> String {
    let subcommands: Vec<&Command> = command
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .collect();
    let width = subcommands
        .iter()
        .map(|c| c.get_name().len())
        .max()
        .unwrap_or(0);
    subcommands
        .iter()
        .map(|c| {
            let about = c.get_about().map_or(String::new(), ToString::to_string);
            format!("  {:width$}  {about}", c.get_name())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The command the arguments got as far as (`gongshi fees letters`), and
/// its definition: the subcommands named, skipping the options and their
/// values.
fn command_at(argv: &[OsString]) -> (Vec<String>, Command) {
    let mut command = Cli::command();
    command.build();
    let mut path = vec![command.get_name().to_owned()];
    let mut args = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let takes_value = command
                .get_arguments()
                .any(|a| a.get_long() == Some(long) && a.get_action().takes_values());
            if takes_value {
                args.next();
            }
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        // `gongshi help …` is about the commands of gongshi itself.
        let Some(sub) = command
            .find_subcommand(&arg)
            .filter(|sub| sub.get_name() != "help")
            .cloned()
        else {
            break;
        };
        path.push(sub.get_name().to_owned());
        command = sub;
    }
    (path, command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn said(args: &[&str]) -> String {
        let argv: Vec<OsString> = std::iter::once("gongshi")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        let err = Cli::try_parse_from(&argv).unwrap_err();
        message(&err, &argv)
    }

    #[test]
    fn each_kind_of_usage_error_in_chinese() {
        for (args, expected) in [
            (
                &[
                    "calendar",
                    "workdays",
                    "--from",
                    "2026-13-01",
                    "--days",
                    "5",
                ][..],
                "--from 的日期“2026-13-01”不是有效日期：月份应为1到12（例：2026-11-30）",
            ),
            (
                &["calendar", "add-day", "2026-02-30", "--name", "x"],
                "日期“2026-02-30”不是有效日期：2026年2月只有28天（例：2026-11-30）",
            ),
            (&["items", "show", "abc"], "编号“abc”不是整数"),
            (
                &[
                    "calendar",
                    "workdays",
                    "--from",
                    "2026-11-30",
                    "--days",
                    "x",
                ],
                "--days 的值“x”不是整数",
            ),
            (
                &[
                    "fees",
                    "letters",
                    "--semester",
                    "s",
                    "--grade",
                    "0",
                    "--out",
                    "a.pdf",
                ],
                "--grade 的年级“0”不在1到12之间（初一为7，高一为10）",
            ),
            (
                &["print", "demo", "--paper", "a5", "--out", "a.pdf"],
                "--paper 的值“a5”不对（可选：a4、a3）",
            ),
            (
                &["fees", "letters", "--out", "a.pdf"],
                "缺少参数：--semester",
            ),
            (&["items", "show"], "缺少参数：<编号>"),
            (
                &["feedback", "sheet"],
                "缺少参数：--out 或 --png（PDF 文件或图片文件夹，至少写一个）",
            ),
            (
                &["sms", "--item", "1", "--grade", "3"],
                "--item 和 --grade 不能同时使用",
            ),
            (
                &["init", "--demo", "--name", "一中"],
                "--demo 和 --name 不能同时使用",
            ),
            (
                &[
                    "items",
                    "post",
                    "1",
                    "--date",
                    "2026-11-30",
                    "--date",
                    "2026-12-01",
                ],
                "--date 只能给一次",
            ),
            (
                &["items", "list", "--form", "2026-11-30"],
                "gongshi items list 没有 --form 这个参数（是不是 --from？）",
            ),
            (&["items", "show", "1", "2"], "多了一个参数“2”"),
            (
                &["feez"],
                "gongshi 没有“feez”这个命令（是不是 feedback、fees？）",
            ),
            (&["fees"], "gongshi fees 后面要写一个命令：\n  template"),
            (&["calendar", "workdays", "--from"], "--from 后面要写一个值"),
            (
                &["calendar", "years", "--dry-run=yes"],
                "gongshi calendar years 没有 --dry-run",
            ),
            (
                &["calendar", "import", "a.ics", "--dry-run=yes"],
                "--dry-run 多了一个值“yes”",
            ),
        ] {
            let message = said(args);
            assert!(message.starts_with(expected), "{args:?}:\n{message}");
            assert!(message.contains("\n查看用法：gongshi "), "{message}");
        }
    }

    #[test]
    fn the_usage_named_is_the_commands_own() {
        let message = said(&["--db", "x.sqlite3", "fees", "letters", "--grade", "13"]);
        assert!(
            message.ends_with("查看用法：gongshi fees letters --help"),
            "{message}"
        );
        let message = said(&["feez"]);
        assert!(message.ends_with("查看用法：gongshi --help"), "{message}");
        let message = said(&["help", "feez"]);
        assert!(
            message.starts_with("gongshi 没有“feez”这个命令"),
            "{message}"
        );
        assert!(message.ends_with("查看用法：gongshi --help"), "{message}");
    }

    #[test]
    fn json_is_wanted_before_a_double_dash_only() {
        let argv = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(wants_json(&argv(&["gongshi", "--json", "feez"])));
        assert!(wants_json(&argv(&["gongshi", "fees", "x", "--json"])));
        assert!(!wants_json(&argv(&["gongshi", "fees"])));
        assert!(!wants_json(&argv(&[
            "gongshi", "items", "add", "--", "--json"
        ])));
    }
}
