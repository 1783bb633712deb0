//! The `gongshi` binary, run as a user would: real files, real exit codes.
#![allow(clippy::unwrap_used)] // tests may unwrap

use std::path::Path;
use std::process::{Command, Output};

fn gongshi(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongshi"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GONGSHI_OPERATOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn init_demo_then_info_shows_the_demo_school() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let out = gongshi(&db, &["init", "--demo"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = gongshi(&db, &["--json", "info"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let info: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(info["school"]["name"], "阳光市实验小学（示例）");
    assert_eq!(info["school"]["is_demo"], true);
    assert_eq!(info["schema_version"], info["latest_schema_version"]);
    assert!(info["counts"]["operators"].as_i64().unwrap() >= 3);

    let text = stdout(&gongshi(&db, &["info"]));
    assert!(text.contains("学校：阳光市实验小学（示例）"), "{text}");
}

#[test]
fn init_twice_is_refused_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let out = gongshi(&db, &["init", "--demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("已经存在"), "{}", stderr(&out));
}

#[test]
fn school_set_records_the_operator_and_refuses_bad_phones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());

    let out = gongshi(
        &db,
        &[
            "--operator",
            "李校长",
            "school",
            "set",
            "--supervision-phone",
            "0371-65238000",
            "--hotlines",
            "12345，12315",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&gongshi(&db, &["--json", "school", "show"]));
    let school: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(school["name"], "一中");
    assert_eq!(school["supervision_phone"], "0371-65238000");
    assert_eq!(school["hotlines"], serde_json::json!(["12345", "12315"]));
    let ops = stdout(&gongshi(&db, &["operators", "list"]));
    assert!(ops.contains("李校长"), "{ops}");

    let out = gongshi(&db, &["school", "set", "--office-phone", "办公室"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("办公室电话"), "{}", stderr(&out));
}

#[test]
fn a_corrupt_file_is_refused_with_exit_1_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    std::fs::write(&db, "not a database").unwrap();
    let out = gongshi(&db, &["--json", "info"]);
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(err["code"], "store.not_ours");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "not a database");
}

#[test]
fn a_missing_store_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = gongshi(&dir.path().join("none.sqlite3"), &["info"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("找不到数据文件"), "{}", stderr(&out));
}

fn pdfinfo(path: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn print_demo_writes_an_a4_or_a3_specimen_without_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    let a4 = dir.path().join("样张.pdf");
    let out = gongshi(&db, &["print", "demo", "--out", a4.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("已生成"), "{}", stdout(&out));
    assert!(pdfinfo(&a4).contains("595.276 x 841.89"));

    let a3 = dir.path().join("a3.pdf");
    let out = gongshi(
        &db,
        &[
            "--json",
            "print",
            "demo",
            "--paper",
            "a3",
            "--out",
            a3.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(written["bytes"].as_u64().unwrap() > 10_000);
    assert!(pdfinfo(&a3).contains("841.89 x 1190.55"));
    assert!(!db.exists(), "printing a specimen must not create a store");
}

#[test]
fn print_demo_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("没有").join("x.pdf");
    let out = gongshi(
        &dir.path().join("g.sqlite3"),
        &["print", "demo", "--out", out_path.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("无法写入"), "{}", stderr(&out));
}
