//! What a user meets when something is wrong: Chinese, the argument or
//! field named, exit code 1 (refused) or 2 (usage), `{code, message}` with
//! `--json`, and never a panic. Each case of the issue is one here.

use std::path::Path;
use std::process::Output;

use super::{gongshi, stderr, stdout};

/// English a user must not meet: clap's, the system's, Rust's.
const ENGLISH: [&str; 12] = [
    "error:",
    "Usage:",
    "tip:",
    "invalid value",
    "out of range",
    "unexpected",
    "required",
    "No such file",
    "os error",
    "valid UTF-8",
    "panicked",
    "RUST_BACKTRACE",
];

/// The run ended with `code`, said why in Chinese on standard error, and
/// (with `--json`) gave one `{code, message}` document on standard output.
fn refused(out: &Output, code: i32, json: bool) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.starts_with("错误："), "{err}");
    for english in ENGLISH {
        assert!(!err.contains(english), "“{english}” in: {err}");
    }
    if json {
        let doc: serde_json::Value = serde_json::from_str(stdout(out).trim())
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)));
        let message = doc["message"].as_str().unwrap();
        assert_eq!(err.trim_end(), format!("错误：{message}"));
        let expected = if code == 2 { "usage" } else { "invalid" };
        assert_eq!(doc["code"], expected, "{doc}");
    } else {
        assert_eq!(stdout(out), "", "nothing on standard output");
    }
    err
}

fn with_json<'a>(args: &[&'a str]) -> Vec<&'a str> {
    std::iter::once("--json")
        .chain(args.iter().copied())
        .collect()
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("g.sqlite3");
    let out = gongshi(&db, &["init", "--demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn a_bad_date_is_refused_in_chinese_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    let args = [
        "calendar",
        "workdays",
        "--from",
        "2026-13-01",
        "--days",
        "5",
    ];
    let err = refused(&gongshi(&db, &args), 2, false);
    assert!(
        err.contains("--from 的日期“2026-13-01”不是有效日期：月份应为1到12（例：2026-11-30）"),
        "{err}"
    );
    assert!(
        err.contains("查看用法：gongshi calendar workdays --help"),
        "{err}"
    );
    refused(&gongshi(&db, &with_json(&args)), 2, true);

    let err = refused(
        &gongshi(&db, &["calendar", "add-day", "2026-02-30", "--name", "x"]),
        2,
        false,
    );
    assert!(
        err.contains("日期“2026-02-30”不是有效日期：2026年2月只有28天"),
        "{err}"
    );
    let err = refused(
        &gongshi(
            &db,
            &["items", "list", "--from", "明天", "--to", "2026-12-01"],
        ),
        2,
        false,
    );
    assert!(
        err.contains("--from 的日期“明天”不是有效日期（例："),
        "{err}"
    );
}

#[test]
fn dates_with_slashes_dots_or_in_chinese_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    for from in [
        "2026-11-30",
        "2026/11/30",
        "2026.11.30",
        "2026年11月30日",
        "２０２６年１１月３０日",
    ] {
        let out = gongshi(
            &db,
            &["calendar", "workdays", "--from", from, "--days", "5"],
        );
        assert!(out.status.success(), "{from}: {}", stderr(&out));
        assert_eq!(stdout(&out).trim(), "2026-12-04", "{from}");
    }
    // And where a date is saved: the item's planned day.
    let db = demo(dir.path());
    let out = gongshi(
        &db,
        &[
            "--json",
            "items",
            "add",
            "--category",
            "其他",
            "--title",
            "通知",
            "--planned",
            "2026年11月30日",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let saved: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(saved["revision"]["content"]["planned_start"], "2026-11-30");
}

#[test]
fn every_usage_error_is_chinese_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    for (args, says) in [
        (&["feez"][..], "gongshi 没有“feez”这个命令（是不是"),
        (&["fees"], "gongshi fees 后面要写一个命令："),
        (&[], "gongshi 后面要写一个命令："),
        (&["items", "show"], "缺少参数：<编号>"),
        (
            &["fees", "letters", "--out", "x.pdf"],
            "缺少参数：--semester",
        ),
        (&["items", "show", "abc"], "编号“abc”不是整数"),
        (&["items", "show", "1", "2"], "多了一个参数“2”"),
        (
            &["print", "demo", "--paper", "a5", "--out", "x.pdf"],
            "--paper 的值“a5”不对（可选：a4、a3）",
        ),
        (
            &["init", "--demo", "--name", "一中"],
            "--demo 和 --name 不能同时使用",
        ),
        (
            &["items", "list", "--form", "2026-11-30"],
            "没有 --form 这个参数（是不是 --from？）",
        ),
        (&["calendar", "workdays", "--from"], "--from 后面要写一个值"),
        (
            &["settings", "min-days", "--category", "采购", "--days", "x"],
            "--days 的值“x”不是整数",
        ),
        (
            &["calendar", "import", "a.ics", "--dry-run=yes"],
            "--dry-run 多了一个值“yes”",
        ),
    ] {
        let err = refused(&gongshi(&db, args), 2, false);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(err.contains("查看用法：gongshi"), "{args:?}: {err}");
        refused(&gongshi(&db, &with_json(args)), 2, true);
    }
}

#[test]
fn help_and_version_are_asked_for_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    let out = gongshi(&db, &["fees", "letters", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("致家长的一封信"), "{}", stdout(&out));
    let out = gongshi(&db, &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("gongshi "), "{}", stdout(&out));
}

#[test]
fn grades_outside_one_to_twelve_are_refused_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let semester = stdout(&gongshi(&db, &["fees", "list"]));
    let semester = semester.lines().next().unwrap();
    let pdf = dir.path().join("家长信.pdf");
    let pdf = pdf.to_str().unwrap();
    for grade in ["0", "13", "255", "256", "幼儿园"] {
        let args = [
            "fees",
            "letters",
            "--semester",
            semester,
            "--grade",
            grade,
            "--out",
            pdf,
        ];
        let err = refused(&gongshi(&db, &args), 2, false);
        assert!(err.contains(&format!("--grade 的年级“{grade}”")), "{err}");
        assert!(!err.contains("?年级"), "{err}");
        refused(&gongshi(&db, &with_json(&args)), 2, true);
        assert!(
            !Path::new(pdf).exists(),
            "nothing printed for grade {grade}"
        );
        let err = refused(
            &gongshi(
                &db,
                &[
                    "fees",
                    "class-size",
                    "--grade",
                    grade,
                    "--class",
                    "1班",
                    "--students",
                    "40",
                ],
            ),
            2,
            false,
        );
        assert!(err.contains("--grade"), "{err}");
        let err = refused(
            &gongshi(
                &db,
                &["fees", "remove-class", "--grade", grade, "--class", "1班"],
            ),
            2,
            false,
        );
        assert!(err.contains("--grade"), "{err}");
    }
    // The grades schools write are taken as they write them.
    let out = gongshi(
        &db,
        &[
            "fees",
            "letters",
            "--semester",
            semester,
            "--grade",
            "三年级",
            "--out",
            pdf,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// “经政府招标，采购交互式白板12台。” CR LF “第二段。”, as Notepad on a
/// Chinese Windows saves it (GBK).
const GBK_BODY: &[u8] = b"\xbe\xad\xd5\xfe\xb8\xae\xd5\xd0\xb1\xea\xa3\xac\xb2\xc9\xb9\xba\xbd\xbb\xbb\xa5\xca\xbd\xb0\xd7\xb0\xe5\x31\x32\xcc\xa8\xa1\xa3\x0d\x0a\xb5\xda\xb6\xfe\xb6\xce\xa1\xa3";

#[test]
fn a_body_file_in_gbk_or_utf8_is_read_and_a_missing_one_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let body = "经政府招标，采购交互式白板12台。\n第二段。";
    let files = [
        ("gbk.txt", GBK_BODY.to_vec()),
        ("bom.txt", format!("\u{feff}{body}").into_bytes()),
        ("utf8.txt", body.replace('\n', "\r\n").into_bytes()),
    ];
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = gongshi(
            &db,
            &[
                "--json",
                "items",
                "add",
                "--category",
                "其他",
                "--title",
                "采购结果",
                "--body-file",
                path.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let saved: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(saved["revision"]["content"]["body"], body, "{name}");
    }

    let missing = dir.path().join("没有这个文件.txt");
    let args = [
        "items",
        "add",
        "--category",
        "其他",
        "--title",
        "采购结果",
        "--body-file",
        missing.to_str().unwrap(),
    ];
    let err = refused(&gongshi(&db, &args), 1, false);
    assert!(err.contains("正文：读不出"), "{err}");
    assert!(err.contains("文件或文件夹不存在"), "{err}");
    refused(&gongshi(&db, &with_json(&args)), 1, true);

    // The attached table, a CSV from Excel on a Chinese Windows: GBK too.
    let csv = dir.path().join("名单.csv");
    std::fs::write(
        &csv,
        b"\xd0\xd5\xc3\xfb,\xb0\xe0\xbc\xb6\r\n\xd5\xc5\xc8\xfd,1\xb0\xe0\r\n",
    )
    .unwrap();
    let out = gongshi(
        &db,
        &[
            "--json",
            "items",
            "add",
            "--category",
            "其他",
            "--title",
            "名单",
            "--table",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let saved: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let table = &saved["revision"]["content"]["table"];
    assert_eq!(
        table["columns"],
        serde_json::json!(["姓名", "班级"]),
        "{table}"
    );
    assert_eq!(
        table["rows"],
        serde_json::json!([["张三", "1班"]]),
        "{table}"
    );
    let err = refused(
        &gongshi(
            &db,
            &[
                "items",
                "add",
                "--category",
                "其他",
                "--title",
                "名单",
                "--table",
                missing.to_str().unwrap(),
            ],
        ),
        1,
        false,
    );
    assert!(
        err.contains("表格：读不出") && err.contains("文件或文件夹不存在"),
        "{err}"
    );
    // An import file too.
    let err = refused(
        &gongshi(
            &db,
            &[
                "fees",
                "import",
                missing.to_str().unwrap(),
                "--semester",
                "2026年秋季学期",
            ],
        ),
        1,
        false,
    );
    assert!(err.contains("文件或文件夹不存在"), "{err}");
}

#[test]
fn invisible_and_direction_characters_are_refused_by_position() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("refused.sqlite3");
    let err = refused(&gongshi(&db, &["init", "--name", "一中\u{200B}"]), 1, false);
    assert!(
        err.contains("学校名称：第3个字符是看不见的控制字符（U+200B），请删去"),
        "{err}"
    );
    let db = demo(dir.path());
    let args = [
        "items",
        "add",
        "--category",
        "其他",
        "--title",
        "关于\u{202E}结果的公示",
    ];
    let err = refused(&gongshi(&db, &args), 1, false);
    assert!(
        err.contains("标题：第3个字符是看不见的控制字符（U+202E），请删去"),
        "{err}"
    );
    let doc = refused(&gongshi(&db, &with_json(&args)), 1, true);
    assert!(doc.contains("U+202E"), "{doc}");
    let err = refused(
        &gongshi(&db, &["operators", "add", "王\u{2066}老师"]),
        1,
        false,
    );
    assert!(
        err.contains("操作人：第2个字符是看不见的控制字符（U+2066），请删去"),
        "{err}"
    );
    let err = refused(
        &gongshi(
            &db,
            &[
                "--operator",
                "\u{FEFF}王老师",
                "school",
                "set",
                "--address",
                "x",
            ],
        ),
        1,
        false,
    );
    assert!(
        err.contains("操作人：第1个字符是看不见的控制字符（U+FEFF）"),
        "{err}"
    );
}

#[test]
fn messages_name_commands_not_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let round = stdout(&gongshi(&db, &["eval", "list"]));
    let round = round.lines().next().unwrap();
    let out = gongshi(&db, &["eval", "publish", "--round", round]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("gongshi items submit"),
        "{}",
        stdout(&out)
    );
}
