//! `gongshi leaders` and `gongshi pledges`: the grades, a tally from a
//! file refused then taken, the worked-out shares, the 签名表, the cases.

use super::{gongshi, pdftotext, stderr, stdout};

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

#[test]
fn a_tally_is_refused_until_it_adds_up_then_shown_with_its_shares() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let grades = json(&gongshi(&db, &["--json", "leaders", "grades"]));
    assert_eq!(grades["grades"][0], "优秀");
    let out = gongshi(&db, &["leaders", "grades", "--set", "优秀,优秀"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("评议等次：“优秀”重复"),
        "{}",
        stderr(&out)
    );

    let add = [
        "items",
        "add",
        "--category",
        "领导述职",
        "--title",
        "2026年度领导述职与民主评议结果",
        "--body",
        "现将评议结果公示如下。",
        "--field",
        "评议日期=2026-11-30",
        "--field",
        "发出票数=52",
        "--field",
        "收回票数=52",
        "--field",
        "有效票数=50",
    ];
    assert!(gongshi(&db, &add).status.success());
    let file = dir.path().join("评议.csv");
    let write = |rows: &str| {
        std::fs::write(
            &file,
            format!("姓名,职务,述职要点,优秀(票),称职(票),基本称职(票),不称职(票)\n{rows}"),
        )
        .unwrap();
    };
    let import = || {
        gongshi(
            &db,
            &["items", "table", "import", "1", file.to_str().unwrap()],
        )
    };
    // A cell that is not a count: refused by row and column, nothing stored.
    write("张校长,校长,,四十,8,2,0\n");
    let out = import();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("第2行 优秀(票)：“四十”不是整数"),
        "{}",
        stderr(&out)
    );
    // More votes than valid ballots: refused, nothing stored.
    let before = stdout(&gongshi(&db, &["--json", "items", "show", "1"]));
    write("张校长,校长,,40,8,2,0\n李副校长,副校长,,40,8,2,1\n");
    let out = import();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("第2人（李副校长）的票数合计51票，多于有效票数50票"),
        "{}",
        stderr(&out)
    );
    // A file without one grade's column is not read as zeros.
    std::fs::write(&file, "姓名,职务,优秀(票),称职(票)\n张校长,校长,40,8\n").unwrap();
    let out = import();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stdout(&gongshi(&db, &["--json", "items", "show", "1"])),
        before
    );
    write("张校长,校长,,40,8,2,0\n李副校长,副校长,,33,13,3,1\n");
    assert!(import().status.success());
    let shown = json(&gongshi(&db, &["--json", "leaders", "show", "1"]));
    assert_eq!(shown["leaders"][0]["shares"][0], "80.0%");
    assert_eq!(shown["leaders"][1]["satisfaction"], "92.0%");
    assert_eq!(
        shown["formula"],
        "满意率 = （优秀票数 + 称职票数） ÷ 有效票数 × 100%"
    );
    let text = stdout(&gongshi(&db, &["leaders", "show", "1"]));
    assert!(
        text.contains("李副校长（副校长）：优秀33票（66.0%）"),
        "{text}"
    );
    let out = gongshi(&db, &["leaders", "show", "9"]);
    assert!(
        stderr(&out).contains("没有编号为9的事项"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_signing_sheet_lists_every_teacher_and_cases_stay_internal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    let list = json(&gongshi(&db, &["--json", "items", "list"]));
    let id_of = |category: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|i| i["category"] == category)
            .map(|i| i["item_id"].to_string())
            .unwrap()
    };
    let pledge = id_of("ethics_pledge");
    let pdf = dir.path().join("签名表.pdf");
    let out = gongshi(
        &db,
        &[
            "pledges",
            "signing",
            &pledge,
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdftotext(&pdf);
    for name in ["刘芳", "赵磊", "孙丽", "周强", "吴敏", "郑华", "本人签名"] {
        assert!(text.contains(name), "{name} in {text}");
    }
    let out = gongshi(
        &db,
        &[
            "pledges",
            "signing",
            &id_of("leader_report"),
            "--out",
            "x.pdf",
        ],
    );
    assert!(
        stderr(&out).contains("签名表只用于师德承诺"),
        "{}",
        stderr(&out)
    );

    let case = |date: &str| {
        let add = ["pledges", "case-add", "--teacher", "周敏", "--date", date];
        gongshi(
            &db,
            &[&add[..], &["--summary", "有偿补课，已退费"]].concat(),
        )
    };
    // A day still to come is refused, naming the field.
    let out = case("2099-01-01");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("查实日期"), "{}", stderr(&out));
    let out = case("2026-05-08");
    assert!(out.status.success(), "{}", stderr(&out));
    let cases = stdout(&gongshi(&db, &["pledges", "cases"]));
    assert!(
        cases.contains("周敏") && cases.contains("有偿补课"),
        "{cases}"
    );
}
