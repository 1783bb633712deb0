//! A school's store and its sender (gongshi-app's `district`) against the
//! real server: the demo school's year pushed, a push repeated, the
//! server down and back, a record tampered with in the school's file,
//! the outbox exported for an offline upload; and a posting made after
//! the link was set reaching the board page.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod support;

use gongshi_app::district;
use gongshi_app::domain::OperatorName;
use gongshi_app::setup::{Start, create_store};
use support::pg::{TempPg, free_port};
use support::server::{Server, add_school};
use support::*;

fn clerk() -> OperatorName {
    OperatorName::parse("王老师").unwrap()
}

#[test]
fn the_demo_schools_year_reaches_the_district_through_a_crash_and_a_tampered_file() {
    let pg = TempPg::start();
    let token = add_school(&pg.url, "4401010001", "阳光市实验小学");
    let listen = format!("127.0.0.1:{}", free_port());
    let mut server = Server::start(&pg.url, &listen, &[]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("公示.sqlite3");
    let mut store = create_store(&path, &Start::Demo, &clerk()).unwrap();

    // Not set: a push says where to set it.
    let err = district::push(&mut store, &clerk())
        .unwrap_err()
        .to_string();
    assert!(err.contains("设置 → 上报教育局"), "{err}");
    // Bad settings are refused, naming the field, and nothing is kept.
    let err = district::set(&mut store, &clerk(), "ftp://x", "4401010001", &token, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("服务器地址"), "{err}");
    let err = district::set(&mut store, &clerk(), &server.base, "44 01", &token, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("学校代码"), "{err}");
    assert!(district::report(&store).unwrap().settings.is_none());

    // Another school's token, and one the server does not know: refused,
    // saying whose it is.
    let other = add_school(&pg.url, "4401010002", "第二小学");
    let err = district::set(
        &mut store,
        &clerk(),
        &server.base,
        "4401010001",
        &other,
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("令牌属于 第二小学（4401010002）"), "{err}");
    let unknown = "gsd_0000000000000000000000";
    let err = district::set(
        &mut store,
        &clerk(),
        &server.base,
        "4401010001",
        unknown,
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("令牌无效"), "{err}");
    let set = district::set(
        &mut store,
        &clerk(),
        &server.base,
        "4401010001",
        &token,
        None,
    )
    .unwrap();
    assert_eq!(set.warning, None);
    let queued = district::report(&store).unwrap().outbox;
    assert!(queued.total >= 8, "the demo's year: {queued:?}");
    assert_eq!(queued.pending, queued.total);

    // The server down: the push fails in words, nothing is marked sent.
    server.kill();
    let err = district::push(&mut store, &clerk())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("连不上教育局服务器") && err.contains("导出文件"),
        "{err}"
    );
    assert_eq!(
        district::report(&store).unwrap().outbox.pending,
        queued.total
    );
    server.restart();

    let pushed = district::push(&mut store, &clerk()).unwrap();
    assert_eq!(pushed.delivered, queued.total);
    let on_server = pushed.server.unwrap();
    assert_eq!(
        (on_server.received, on_server.highest),
        (queued.total, queued.total)
    );
    assert!(on_server.gaps.is_empty());
    // Again: nothing pending, nothing sent twice.
    let again = district::push(&mut store, &clerk()).unwrap();
    assert_eq!(again.delivered, 0);
    assert_eq!(again.server.unwrap().received, queued.total);

    // What the server holds is what the school published: the postings'
    // public words, never the internal lists or who signed.
    let agent = agent();
    let (_, html) = page(&agent, &format!("{}/schools/4401010001", server.base));
    assert!(html.contains("财务收支公开"), "{html}");
    let (_, fees) = page(&agent, &format!("{}/fees", server.base));
    assert!(fees.contains("阳光市实验小学"), "{fees}");

    // The server's database restored from an old backup: it lacks what it
    // once took, and the next push sends it again.
    let psql = |sql: &str| {
        let out = std::process::Command::new("psql")
            .args([pg.url.as_str(), "-qtAc", sql])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    psql("DELETE FROM records WHERE seq > 3");
    let pushed = district::push(&mut store, &clerk()).unwrap();
    assert_eq!(pushed.delivered, queued.total - 3);
    let on_server = pushed.server.unwrap();
    assert_eq!(
        (on_server.received, on_server.gaps.len()),
        (queued.total, 0)
    );

    // Records tampered with in the school's file (as with the sqlite3
    // tool): one changed without its seal, one sealed again by someone
    // who knows how. Neither is sent; both are kept as refused, saying so.
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let (body, head, last): (String, String, String) = conn
            .query_row(
                "SELECT replace(body, '公开', '公开（改）'), audit_head, hash FROM district_outbox
                 ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        let next = queued.total + 1;
        let resealed = gongshi_app::domain::district::chain::seal(next + 1, &body, &head, "x");
        for (seq, subject, prev, hash) in [
            (next, "forged", last.clone(), last.clone()),
            (next + 1, "resealed", "x".to_owned(), resealed),
        ] {
            conn.execute(
                "INSERT INTO district_outbox (seq, subject, kind, body, audit_head, prev, hash, made_at)
                 VALUES (?1, ?2, '张贴', ?3, ?4, ?5, ?6, '2026-12-02T00:00:00Z')",
                rusqlite::params![seq, subject, body, head, prev, hash],
            )
            .unwrap();
        }
    }
    let mut store = gongshi_app::Store::open(&path).unwrap();
    let pushed = district::push(&mut store, &clerk()).unwrap();
    assert_eq!((pushed.outbox.refused, pushed.delivered), (2, 0));
    assert!(
        pushed.refusals[0].1.contains("内容与其校验值不符"),
        "{:?}",
        pushed.refusals
    );
    assert!(
        pushed.refusals[1].1.contains("与修改记录中登记的不符"),
        "{:?}",
        pushed.refusals
    );
    assert_eq!(pushed.server.unwrap().received, queued.total);
    // Re-pointed at another school after sending: refused.
    let err = district::set(
        &mut store,
        &clerk(),
        &server.base,
        "4401010002",
        &other,
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("本机已按学校代码 4401010001 上报过记录"),
        "{err}"
    );
    // A seal cleared by hand is not sealed again by the next change, and a
    // row removed by hand is missed.
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE district_outbox SET hash = NULL WHERE seq = 1", [])
            .unwrap();
        conn.execute("DELETE FROM district_outbox WHERE seq = 2", [])
            .unwrap();
        // A record waiting to go, its seal cleared by hand.
        conn.execute(
            "INSERT INTO district_outbox (subject, kind, body, made_at)
             SELECT 'cleared', kind, body, made_at FROM district_outbox WHERE seq = 3",
            [],
        )
        .unwrap();
    }
    let mut store = gongshi_app::Store::open(&path).unwrap();
    district::set(
        &mut store,
        &clerk(),
        &server.base,
        "4401010001",
        &token,
        None,
    )
    .unwrap();
    // The pending record whose seal was cleared: held back, counted as such.
    let pushed = district::push(&mut store, &clerk()).unwrap();
    assert_eq!(pushed.outbox.pending, 0, "{:?}", pushed.outbox);
    let said = district::report(&store).unwrap().refusals;
    assert!(
        said.iter()
            .any(|(seq, why)| *seq == 1 && why.contains("内容与其校验值不符")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(seq, why)| *seq == 2 && why.contains("被删除了")),
        "{said:?}"
    );
    // The history's check names it too.
    let err = gongshi_app::audit::verify(&store, &path)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("上报记录") && err.contains("写入后被改动过"),
        "{err}"
    );

    // The outbox as a file: uploaded, every record already held.
    let (bytes, count) = district::export(&mut store, &clerk()).unwrap();
    let file =
        gongshi_app::domain::district::wire::OutboxFile::read(&String::from_utf8(bytes).unwrap())
            .unwrap();
    assert_eq!(
        (file.school.as_str(), file.records.len()),
        ("4401010001", count)
    );
    let (code, receipt, _) =
        push(&agent, &server.base, &token, &file.records[..count - 2]).unwrap();
    assert_eq!(code, 200);
    assert!(
        receipt
            .unwrap()
            .results
            .iter()
            .all(|r| r.outcome == gongshi_app::domain::district::wire::Outcome::Duplicate)
    );
}
