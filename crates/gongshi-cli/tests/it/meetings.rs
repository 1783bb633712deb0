//! `gongshi meetings` and `gongshi items vote`: a congress without its
//! quorum, a refused count, a vote that passes.

use super::{gongshi, stderr, stdout};

#[test]
fn a_congress_vote_without_quorum_then_one_that_passes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    let meeting = |present: &str| {
        let out = gongshi(
            &db,
            &[
                "--json",
                "meetings",
                "add",
                "--kind",
                "教代会",
                "--date",
                "2026-11-30",
                "--delegates",
                "60",
                "--present",
                present,
                "--place",
                "报告厅",
                "--chair",
                "李校长",
                "--topics",
                "审议考核办法",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let record: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        record["meeting"]["id"].as_i64().unwrap().to_string()
    };
    let thin = meeting("39");
    let out = gongshi(
        &db,
        &[
            "items",
            "vote",
            "3",
            "--meeting",
            &thin,
            "--for",
            "39",
            "--against",
            "0",
            "--abstain",
            "0",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("会议无效"), "{}", stdout(&out));

    let full = meeting("45");
    let out = gongshi(
        &db,
        &[
            "items",
            "vote",
            "3",
            "--meeting",
            &full,
            "--for",
            "40",
            "--against",
            "5",
            "--abstain",
            "1",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("票数：赞成40、反对5、弃权1共46票，超过实到45人"),
        "{}",
        stderr(&out)
    );

    let out = gongshi(
        &db,
        &[
            "--json",
            "items",
            "vote",
            "3",
            "--meeting",
            &full,
            "--for",
            "31",
            "--against",
            "9",
            "--abstain",
            "5",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let voted: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(voted["outcome"], "Passed");

    let shown = stdout(&gongshi(&db, &["meetings", "show", &full]));
    assert!(
        shown.contains("赞成31票") && shown.contains("通过"),
        "{shown}"
    );
    // The demo's four and the two held here.
    let list = stdout(&gongshi(&db, &["meetings", "list"]));
    assert_eq!(list.lines().count(), 6, "{list}");
}

/// A sheet for the board whose file cannot be written is not archived:
/// the store is as it was (the audit check counts the archived sheets).
#[test]
fn a_print_that_fails_to_write_archives_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    let before = stdout(&gongshi(&db, &["audit", "verify"]));
    let nowhere = dir.path().join("没有这个文件夹").join("答复.pdf");
    let out = gongshi(
        &db,
        &["feedback", "sheet", "--out", &nowhere.display().to_string()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let audit = stdout(&gongshi(&db, &["audit", "verify"]));
    assert_eq!(audit, before);
    let written = dir.path().join("答复.pdf");
    let out = gongshi(
        &db,
        &["feedback", "sheet", "--out", &written.display().to_string()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("-Q-1-"), "{}", stdout(&out));
    let audit = stdout(&gongshi(&db, &["audit", "verify"]));
    assert!(audit.contains("2份张贴稿存档"), "{audit}"); // the demo year's fee board and this
}
