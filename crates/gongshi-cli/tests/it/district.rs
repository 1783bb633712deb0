//! `gongshi district …` without a server (the server's own tests push to
//! it): settings refused naming the field, a push with none set or to a
//! server that does not answer (nothing marked sent, exit 1, what to do),
//! the outbox exported as the file the bureau's page takes.

use super::{gongshi, stderr, stdout};

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    (dir, db)
}

const TOKEN: &str = "gsd_0123456789abcdef0123456789abcdef";

fn set(db: &std::path::Path, url: &str, code: &str, token: &str) -> std::process::Output {
    gongshi(
        db,
        &[
            "district",
            "set",
            "--url",
            url,
            "--school-code",
            code,
            "--token",
            token,
        ],
    )
}

/// A loopback port nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn the_link_is_checked_and_a_server_that_does_not_answer_changes_nothing() {
    let (dir, db) = demo();
    let out = gongshi(&db, &["district", "push"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("gongshi district set"),
        "{}",
        stderr(&out)
    );

    for (url, code, token, field) in [
        ("http://jyj.example.cn", "4401010001", TOKEN, "服务器地址"),
        ("https://jyj.example.cn", "44-01", TOKEN, "学校代码"),
        ("https://jyj.example.cn", "4401010001", "abc", "令牌"),
        ("https://jyj.example.cn:99999", "4401010001", TOKEN, "端口"),
        ("https://jyj.example.cn/api", "4401010001", TOKEN, "路径"),
        (
            "https://user:pw@jyj.example.cn",
            "4401010001",
            TOKEN,
            "用户名",
        ),
    ] {
        let out = set(&db, url, code, token);
        assert_eq!(out.status.code(), Some(1), "{url} {code} {token}");
        assert!(stderr(&out).contains(field), "{field}: {}", stderr(&out));
    }
    let url = format!("http://127.0.0.1:{}", closed_port());
    let out = set(&db, &url, "4401010001", TOKEN);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    // The token is never printed back, only its end.
    assert!(said.contains("…cdef") && !said.contains(TOKEN), "{said}");
    let out = gongshi(&db, &["--json", "district", "status"]);
    assert_eq!(out.status.code(), Some(1));
    let out = gongshi(&db, &["--json", "district", "push"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("连不上教育局服务器"),
        "{}",
        stderr(&out)
    );

    // Nothing was marked sent: the whole year is still pending, and the
    // export carries every record, chained from the first.
    let file = dir.path().join("上报.json");
    let out = gongshi(
        &db,
        &[
            "--json",
            "district",
            "export",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(exported["format"], "gongshi-district-outbox");
    assert_eq!(exported["school"], "4401010001");
    let records = exported["records"].as_array().unwrap();
    assert_eq!(records.len() as u64, said["records"].as_u64().unwrap());
    assert!(records.len() >= 8);
    assert_eq!(records[0]["seq"], 1);
    assert_eq!(records[0]["prev"], "");
    assert_eq!(records[1]["prev"], records[0]["hash"]);
    // Only what was public: no operator's name in what is sent.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("王静"), "an operator's name was exported");
    let out = gongshi(&db, &["--json", "audit", "verify"]);
    assert!(out.status.success());
}
