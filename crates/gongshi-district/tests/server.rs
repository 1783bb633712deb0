//! The server end to end on a real PostgreSQL: schools registered with
//! tokens, records received once in any order, gaps shown until filled,
//! tampering refused saying which school and where, the pages' figures,
//! the offline file's upload, HTTPS with the bureau's certificate.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod support;

use gongshi_domain::district::Record;
use gongshi_domain::district::wire::{OUTBOX_FORMAT, OutboxFile, Outcome};
use support::pg::TempPg;
use support::server::{Server, add_school, run};
use support::*;

fn outcomes(receipt: &gongshi_domain::district::wire::Receipt) -> Vec<Outcome> {
    receipt.results.iter().map(|r| r.outcome).collect()
}

#[test]
fn a_schools_records_are_received_once_in_any_order_and_tampering_is_refused() {
    let pg = TempPg::start();
    assert!(run(&pg.url, &["init"]).contains("已建立"));
    assert!(run(&pg.url, &["init"]).contains("已是最新"));
    let token = add_school(&pg.url, "4401010001", "第一实验小学");
    let other = add_school(&pg.url, "4401010002", "第二实验小学");
    assert!(token.starts_with("gsd_") && token.len() > 60);
    let server = Server::start(&pg.url, "127.0.0.1:0", &[]);
    let agent = agent();
    let base = &server.base;
    let records = chain(&school_year(1));
    let n = records.len();

    // No token, a wrong one: refused, in Chinese.
    let (code, _, text) = push(&agent, base, "gsd_nope", &records[..1]).unwrap();
    assert_eq!(code, 401);
    assert!(text.contains("令牌无效"), "{text}");

    // 3 and 5 first: held, with the gaps named.
    let (_, receipt, _) = push(
        &agent,
        base,
        &token,
        &[records[2].clone(), records[4].clone()],
    )
    .unwrap();
    let receipt = receipt.unwrap();
    assert_eq!(outcomes(&receipt), [Outcome::Accepted, Outcome::Accepted]);
    assert_eq!(receipt.status.gaps, vec![(1, 2), (4, 4)]);
    assert_eq!(receipt.status.gaps_label(), "第1–2条、第4条");
    let html = page(&agent, &format!("{base}/schools/4401010001")).1;
    assert!(html.contains("缺第1–2条、第4条"), "{html}");

    // A tampered 4 (amount changed, seal kept) and a forged 4 (sealed again,
    // but not following 3): refused, naming the school and the number.
    let mut changed = records[3].clone();
    changed.body = changed.body.replace("合计", "合计 9");
    let forged = Record::sealed(4, changed.body.clone(), String::new(), "0".repeat(64));
    let (_, receipt, _) = push(&agent, base, &token, &[changed.clone(), forged.clone()]).unwrap();
    let receipt = receipt.unwrap();
    assert_eq!(outcomes(&receipt), [Outcome::Refused, Outcome::Refused]);
    let message = receipt.results[1].message.clone().unwrap();
    assert!(
        message.contains("4401010001") && message.contains("第4条接不上已收到的第3条"),
        "{message}"
    );

    // Everything, twice over (a retry after lost acknowledgements): the held
    // ones are no-ops, the rest accepted; no gap left.
    let (_, receipt, _) = push(&agent, base, &token, &records).unwrap();
    let receipt = receipt.unwrap();
    let accepted = receipt
        .results
        .iter()
        .filter(|r| r.outcome == Outcome::Accepted)
        .count();
    assert_eq!(accepted, n - 2);
    let (_, receipt, _) = push(&agent, base, &token, &records).unwrap();
    assert!(
        receipt
            .unwrap()
            .results
            .iter()
            .all(|r| r.outcome == Outcome::Duplicate)
    );
    let s = status(&agent, base, &token);
    assert_eq!(
        (s.received, s.highest, s.gaps.len(), s.refused),
        (n as i64, n as i64, 0, 2)
    );

    // A different record at a number held, sealed properly: refused.
    let conflict = Record::sealed(
        2,
        records[5].body.clone(),
        records[1].audit_head.clone(),
        records[1].prev.clone(),
    );
    let (_, receipt, _) = push(&agent, base, &token, &[conflict]).unwrap();
    assert_eq!(outcomes(&receipt.unwrap()), [Outcome::Refused]);

    // The other school's token writes only the other school's chain.
    let (_, receipt, _) = push(&agent, base, &other, &records[..1]).unwrap();
    assert_eq!(receipt.unwrap().status.school, "4401010002");
    assert_eq!(status(&agent, base, &token).received, n as i64);

    // The overview: the figures, the refusals reported.
    let (code, html) = page(&agent, &format!("{base}/"));
    assert_eq!(code, 200);
    assert_eq!(figure(&html, "schools"), 2);
    assert_eq!(figure(&html, "records"), n as i64 + 1);
    assert_eq!(figure(&html, "refused"), 3);
    assert_eq!(figure(&html, "annual_reports"), 1);
    assert!(
        html.contains("学校4401010001（第一实验小学）第4条接不上"),
        "{html}"
    );
    // Fees side by side: this autumn's, per grade.
    let html = page(&agent, &format!("{base}/fees")).1;
    assert!(html.contains("2026—2027学年第一学期"), "{html}");
    assert!(
        html.contains(r#"data-grade="6" data-fen="10601" data-voluntary-fen="5000""#),
        "{html}"
    );
    let (code, html) = page(&agent, &format!("{base}/schools/nope"));
    assert_eq!(code, 404);
    assert!(html.contains("没有登记学校代码 nope"), "{html}");
    let (code, html) = page(&agent, &format!("{base}/nowhere"));
    assert_eq!((code, html.contains("没有这个页面")), (404, true));
    // A term that is not a date shows the newest one.
    let (code, html) = page(&agent, &format!("{base}/fees?term=garbage"));
    assert_eq!((code, html.contains("2026—2027学年第一学期")), (200, true));

    // A number out of range: refused in words, the server still up.
    let huge = Record::sealed(i64::MAX, records[0].body.clone(), String::new(), "p".into());
    let (_, receipt, _) = push(&agent, base, &token, &[huge]).unwrap();
    let receipt = receipt.unwrap();
    assert_eq!(outcomes(&receipt), [Outcome::Refused]);
    assert!(
        receipt.results[0]
            .message
            .as_ref()
            .unwrap()
            .contains("无效")
    );
    // The same posting again under a new number: not a second record.
    let last = records.last().unwrap();
    let again = Record::sealed(
        n as i64 + 1,
        records[0].body.clone(),
        String::new(),
        last.hash.clone(),
    );
    let (_, receipt, _) = push(&agent, base, &token, &[again]).unwrap();
    let message = receipt.unwrap().results[0].message.clone().unwrap();
    assert!(message.contains("与已收到的第1条是同一项公开"), "{message}");
    // Far ahead of what is held: refused (it would be an endless gap).
    let ahead = Record::sealed(
        n as i64 + 20_000,
        records[5].body.clone(),
        String::new(),
        "p".into(),
    );
    let (_, receipt, _) = push(&agent, base, &token, &[ahead]).unwrap();
    assert_eq!(outcomes(&receipt.unwrap()), [Outcome::Refused]);
    // A fee schedule listing a grade twice: refused alone, in words, the
    // rest of its batch taken.
    let twice = r#"{"v":1,"kind":"fee_schedule","schedule":9,"semester":"2026年秋季学期","published_on":"2026-08-20","grades":[{"grade":1,"required_fen":1,"voluntary_fen":0},{"grade":1,"required_fen":2,"voluntary_fen":0}]}"#;
    let bad = Record::sealed(n as i64 + 1, twice.into(), String::new(), last.hash.clone());
    let (code, receipt, _) = push(&agent, base, &token, &[bad]).unwrap();
    assert_eq!(code, 200);
    let message = receipt.unwrap().results[0].message.clone().unwrap();
    assert!(message.contains("同一年级列了两次"), "{message}");
    // A batch from a PC set up with another school's code: refused whole.
    let body = serde_json::json!({"school": "4401010002", "records": []}).to_string();
    let mut resp = agent
        .post(format!("{base}/api/v1/records"))
        .header("Authorization", format!("bearer {token}"))
        .content_type("application/json")
        .send(body)
        .unwrap();
    assert_eq!(resp.status().as_u16(), 409);
    let said = resp.body_mut().read_to_string().unwrap();
    assert!(
        said.contains("令牌属于 第一实验小学（4401010001），与本机设置的学校代码 4401010002 不符"),
        "{said}"
    );
    assert_eq!(status(&agent, base, &token).received, n as i64);
}

#[test]
fn an_offline_schools_file_is_uploaded_on_the_page() {
    let pg = TempPg::start();
    let token = add_school(&pg.url, "4401010003", "山区小学");
    let server = Server::start(&pg.url, "127.0.0.1:0", &[]);
    let records = chain(&school_year(3));
    let file = OutboxFile {
        format: OUTBOX_FORMAT.into(),
        v: 1,
        school: "4401010003".into(),
        records: records.clone(),
    };
    let json = serde_json::to_string(&file).unwrap();
    let upload = |token: &str, content: &str| {
        let boundary = "----gongshi7MA4YWxkTrZu0gW";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n{token}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"上报.json\"\r\n\
             Content-Type: application/json\r\n\r\n{content}\r\n--{boundary}--\r\n"
        );
        let mut resp = agent()
            .post(format!("{}/upload", server.base))
            .content_type(format!("multipart/form-data; boundary={boundary}"))
            .send(body)
            .unwrap();
        resp.body_mut().read_to_string().unwrap()
    };
    let html = upload(&token, &json);
    assert_eq!(figure(&html, "accepted"), records.len() as i64, "{html}");
    let html = upload(&token, &json);
    assert_eq!(figure(&html, "duplicate"), records.len() as i64);
    assert!(upload("gsd_wrong", &json).contains("令牌无效"));
    assert!(upload(&token, "hello").contains("不是公示导出的上报文件"));
    assert!(upload(&token, "").contains("没有选择文件，或文件是空的"));
    assert!(upload("", &json).contains("请填写教育局发给本校的令牌"));
    let other = add_school(&pg.url, "4401010004", "另一所");
    assert!(upload(&other, &json).contains("文件是学校代码 4401010003 导出的"));
}

#[test]
fn tokens_are_renewed_and_the_server_speaks_https_with_the_bureaus_certificate() {
    let pg = TempPg::start();
    let old = add_school(&pg.url, "4401010005", "城南中学");
    let new = run(&pg.url, &["token", "--code", "4401010005"]);
    let new = new.lines().last().unwrap().trim().to_owned();
    // A certificate the bureau made for its server.
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (cert_pem, key_pem) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_pem, cert.cert.pem()).unwrap();
    std::fs::write(&key_pem, cert.signing_key.serialize_pem()).unwrap();
    let server = Server::start(
        &pg.url,
        "127.0.0.1:0",
        &[
            "--cert",
            cert_pem.to_str().unwrap(),
            "--key",
            key_pem.to_str().unwrap(),
        ],
    );
    assert!(server.base.starts_with("https://"));
    let base = server.base.replace("127.0.0.1", "localhost");
    let root = ureq::tls::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap();
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::new_with_certs(&[root]))
        .build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .tls_config(tls)
        .build()
        .into();
    let records = chain(&school_year(5));
    let (code, _, text) = push(&agent, &base, &old, &records[..2]).unwrap();
    assert_eq!(code, 401, "the old token stopped working: {text}");
    let (code, receipt, _) = push(&agent, &base, &new, &records[..2]).unwrap();
    assert_eq!(code, 200);
    assert_eq!(receipt.unwrap().status.received, 2);
    // Without trusting the certificate, a client refuses the server.
    assert!(push(&support::agent(), &base, &new, &records[..1]).is_err());
    // Plain HTTP only on loopback.
    let out = support::server::bin()
        .env("DATABASE_URL", &pg.url)
        .args(["serve", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("不带证书只能在本机地址"));
}
