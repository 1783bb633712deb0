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
    assert!(info["counts"]["items"].as_i64().unwrap() >= 4);
    // The demo school has a semester's fees and an evaluation round.
    assert_eq!(info["counts"]["fee_schedules"], 1);
    assert_eq!(info["counts"]["eval_rounds"], 1);

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

#[test]
fn calendar_workdays_prints_the_last_day_without_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite3");
    let out = gongshi(
        &db,
        &[
            "calendar",
            "workdays",
            "--from",
            "2026-09-28",
            "--days",
            "5",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "2026-10-09");
    let out = gongshi(
        &db,
        &[
            "--json",
            "calendar",
            "workdays",
            "--from",
            "2026-12-28",
            "--days",
            "10",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("2027年"), "{}", stderr(&out));
}

#[test]
fn an_item_goes_through_the_week_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let run = |args: &[&str]| {
        let out = gongshi(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["init", "--name", "阳光市实验小学"]);
    run(&[
        "items",
        "add",
        "--category",
        "采购",
        "--title",
        "多媒体设备采购结果公示",
        "--body",
        "经政府招标，采购交互式白板12台。",
        "--field",
        "采购方式=政府招标",
        "--field",
        "供应商=阳光科技有限公司",
        "--field",
        "采购日期=2026-11-10",
        "--planned",
        "2026-11-23",
    ]);
    run(&["items", "submit", "1"]);
    let refused = gongshi(&db, &["items", "approve", "1", "--by", "李新义"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("保密审查"),
        "{}",
        stderr(&refused)
    );
    run(&[
        "items",
        "review",
        "1",
        "--confidentiality",
        "王静",
        "--signoff",
        "赵敏",
        "--date",
        "2026-11-20",
    ]);
    run(&[
        "items",
        "approve",
        "1",
        "--by",
        "李新义",
        "--date",
        "2026-11-20",
    ]);
    let week = run(&["board", "week", "--date", "2026-11-24"]);
    assert!(week.contains("本周张贴（1）"), "{week}");

    let pdf = dir.path().join("本周.pdf");
    run(&[
        "board",
        "week",
        "--date",
        "2026-11-24",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("本周校务公开栏张贴清单"), "{text}");
    assert!(text.contains("多媒体设备采购结果公示"), "{text}");
    assert!(text.contains("供应商：阳光科技有限公司"), "{text}");

    let shown = run(&["items", "show", "1"]);
    assert!(
        shown.contains("张贴稿存档：") && shown.contains("SHA-256"),
        "{shown}"
    );
    run(&["items", "post", "1", "--date", "2026-11-23"]);
    let frozen = gongshi(&db, &["items", "edit", "1", "--title", "改"]);
    assert_eq!(frozen.status.code(), Some(1));
    assert!(stderr(&frozen).contains("更正"), "{}", stderr(&frozen));
    let shown = run(&["--json", "items", "show", "1"]);
    let history: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(history[0]["status"], "posted");
    assert_eq!(history[0]["period"]["end"], "2026-11-27");
    let found = run(&["items", "list", "--text", "交互式白板"]);
    assert!(found.contains("多媒体设备采购结果公示"), "{found}");
}

#[test]
fn fees_template_import_refusal_and_approval_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let run = |args: &[&str]| {
        let out = gongshi(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["init", "--name", "阳光市实验小学"]);
    let template = dir.path().join("模板.xlsx");
    run(&["fees", "template", "--out", template.to_str().unwrap()]);
    let imported = run(&[
        "fees",
        "import",
        template.to_str().unwrap(),
        "--semester",
        "2026年秋季学期",
    ]);
    assert!(imported.contains("已导入 1 项"), "{imported}");

    let bad = dir.path().join("收费.csv");
    std::fs::write(
        &bad,
        "项目,金额(元),计费单位,适用年级,收费部门,咨询电话,收费依据,是否自愿,备注\n作业本费,-5,每生每学期,全校,财务室,,文号,否,\n",
    )
    .unwrap();
    let out = gongshi(
        &db,
        &[
            "fees",
            "import",
            bad.to_str().unwrap(),
            "--semester",
            "2026年春季学期",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("第2行 金额(元)：“-5”不能为负数"),
        "{}",
        stderr(&out)
    );
    let semesters = run(&["fees", "list"]);
    assert!(
        !semesters.contains("春季"),
        "a refused import stored a schedule: {semesters}"
    );

    let policy = run(&[
        "fees",
        "policy",
        "--semester",
        "2026年秋季学期",
        "--text",
        "低保家庭学生免收课后服务费。",
    ]);
    assert!(
        policy.contains("减免政策：低保家庭学生免收课后服务费。"),
        "{policy}"
    );
    run(&[
        "fees",
        "approve",
        "--semester",
        "2026年秋季学期",
        "--by",
        "李新义",
    ]);
    let out = gongshi(
        &db,
        &[
            "fees",
            "import",
            template.to_str().unwrap(),
            "--semester",
            "2026年秋季学期",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("批准"), "{}", stderr(&out));
}

#[test]
fn an_evaluation_round_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let run = |args: &[&str]| {
        let out = gongshi(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["init", "--name", "阳光市实验小学"]);
    let round = "2026年度优秀班主任评选";
    let out = gongshi(
        &db,
        &[
            "eval",
            "new",
            "--name",
            round,
            "--quota",
            "1",
            "--criteria",
            "班级管理成效显著",
            "--objection-office",
            "校工会",
            "--components",
            "民意测评:50,考核成绩:40",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("合计应为100%，现在是90%"),
        "{}",
        stderr(&out)
    );
    run(&[
        "eval",
        "new",
        "--name",
        round,
        "--quota",
        "1",
        "--criteria",
        "班级管理成效显著",
        "--objection-office",
        "校工会",
    ]);
    let scores = dir.path().join("评分.csv");
    std::fs::write(
        &scores,
        "姓名,部门/年级组,民意测评,工作量化,考核成绩,师德,备注\n赵强,数学组,95,90,92,合格,\n陈刚,体育组,99,99,99,不合格,有偿补课\n",
    )
    .unwrap();
    let imported = run(&["eval", "import", scores.to_str().unwrap(), "--round", round]);
    assert!(imported.contains("已导入 2 人"), "{imported}");
    assert!(
        imported.contains("1\t赵强\t数学组\t95.00\t90.00\t92.00\t92.60\t拟推荐"),
        "{imported}"
    );
    assert!(imported.contains("—\t陈刚"), "{imported}");

    let sheet = dir.path().join("结果公示.pdf");
    run(&[
        "eval",
        "sheet",
        "--round",
        round,
        "--out",
        sheet.to_str().unwrap(),
    ]);
    assert!(pdfinfo(&sheet).contains("Pages:           1"));
    let published = run(&["eval", "publish", "--round", round]);
    assert!(published.contains("已生成公开事项第1号"), "{published}");
    let shown = run(&["eval", "show", "--round", round]);
    assert!(shown.contains("公开事项：第1号"), "{shown}");
}
