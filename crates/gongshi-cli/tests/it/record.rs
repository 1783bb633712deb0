//! `gongshi register`, `feedback export` and `report year|text` on the demo
//! school's year: files written, the text edited from a file (GBK, as
//! Notepad may save it), refusals in Chinese with their exit codes.

use chrono::Datelike;

use super::{gongshi, stderr, stdout};

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    (dir, db)
}

fn year() -> String {
    chrono::Local::now().year().to_string()
}

#[test]
fn the_register_and_feedback_log_are_written_for_a_range() {
    let (dir, db) = demo();
    let out_file = dir.path().join("台账.xlsx");
    let out = gongshi(
        &db,
        &[
            "--json",
            "register",
            "--year",
            &year(),
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(said["rows"].as_u64().unwrap() >= 1, "{said}");
    assert!(std::fs::read(&out_file).unwrap().starts_with(b"PK"));
    // Dates the wrong way round: refused naming the field, nothing written.
    let bad = dir.path().join("坏.xlsx");
    let out = gongshi(
        &db,
        &[
            "register",
            "--from",
            "2026-12-01",
            "--to",
            "2026-01-01",
            "--out",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("结束日期"), "{}", stderr(&out));
    assert!(!bad.exists());
    // The store's own name as --out: refused, the store untouched.
    let store_before = std::fs::read(&db).unwrap();
    let out = gongshi(
        &db,
        &["register", "--year", &year(), "--out", db.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("数据文件"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), store_before);
    // --year with --to: which one was meant? A usage error.
    let out = gongshi(
        &db,
        &[
            "register",
            "--year",
            &year(),
            "--to",
            "2026-06-30",
            "--out",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // No range at all: a usage error.
    let out = gongshi(&db, &["register", "--out", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let log = dir.path().join("反馈.xlsx");
    let out = gongshi(&db, &["feedback", "export", "--out", log.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("反馈"), "{}", stdout(&out));
}

/// 一、提高认识，加强领导 / 学校高度重视。 / 二、公开内容 / 全年按期公开。
const GBK_TEXT: &[u8] = b"\xd2\xbb\xa1\xa2\xcc\xe1\xb8\xdf\xc8\xcf\xca\xb6\xa3\xac\xbc\xd3\xc7\xbf\xc1\xec\xb5\xbc\x0d\x0a\xd1\xa7\xd0\xa3\xb8\xdf\xb6\xc8\xd6\xd8\xca\xd3\xa1\xa3\x0d\x0a\xb6\xfe\xa1\xa2\xb9\xab\xbf\xaa\xc4\xda\xc8\xdd\x0d\x0a\xc8\xab\xc4\xea\xb0\xb4\xc6\xda\xb9\xab\xbf\xaa\xa1\xa3\x0d\x0a";

#[test]
fn the_report_prints_with_its_charts_and_takes_the_clerks_text_from_a_file() {
    let (dir, db) = demo();
    let pdf = dir.path().join("报告.pdf");
    let xlsx = dir.path().join("数据.xlsx");
    let out = gongshi(
        &db,
        &[
            "report",
            "year",
            "--year",
            &year(),
            "--out",
            pdf.to_str().unwrap(),
            "--xlsx",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for part in [
        "年度校务公开工作报告",
        "图1 各类别公开事项数",
        "五、成效与今后打算",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // The clerk's text, saved by Notepad in GBK with CRLF.
    let file = dir.path().join("正文.txt");
    std::fs::write(&file, GBK_TEXT).unwrap();
    let out = gongshi(
        &db,
        &[
            "report",
            "text",
            "--year",
            &year(),
            "--file",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&gongshi(&db, &["report", "text", "--year", &year()]));
    assert_eq!(
        shown.trim(),
        "一、提高认识，加强领导\n学校高度重视。\n\n二、公开内容\n全年按期公开。"
    );
    // The draft is still there to start again from.
    let draft = stdout(&gongshi(
        &db,
        &["report", "text", "--year", &year(), "--draft"],
    ));
    assert!(draft.contains("三、公开内容"), "{draft}");
    // A text with no heading first is refused, and the kept one stands.
    std::fs::write(&file, "没有标题的一段。").unwrap();
    let out = gongshi(
        &db,
        &[
            "report",
            "text",
            "--year",
            &year(),
            "--file",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("之前没有节标题"), "{}", stderr(&out));
    let again = stdout(&gongshi(&db, &["report", "text", "--year", &year()]));
    assert_eq!(again, shown);
    let out = gongshi(
        &db,
        &[
            "report",
            "year",
            "--year",
            "1999",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("年度"), "{}", stderr(&out));
}
