//! The `gongshi` binary, run as a user would: real files, real exit codes.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod district;
mod meetings;
mod messages;
mod people;
mod record;
mod tables;

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
    // The demo school has this semester's fees and last one's, this
    // year's round and last semester's.
    assert_eq!(info["counts"]["fee_schedules"], 2);
    assert_eq!(info["counts"]["eval_rounds"], 2);

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

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
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
    // 采购's sheet needs its table (its template's columns): a CSV as
    // Excel saves it.
    let purchases = dir.path().join("采购明细.csv");
    std::fs::write(
        &purchases,
        "\u{feff}品名,数量,单位,单价（元）,金额（元）,供应商,采购方式\r\n\
         交互式白板,12,台,\"8,600.00\",\"103,200.00\",阳光科技有限公司,政府招标\r\n",
    )
    .unwrap();
    run(&[
        "items",
        "add",
        "--table",
        purchases.to_str().unwrap(),
        "--category",
        "采购",
        "--title",
        "多媒体设备采购结果公示",
        "--body",
        "经政府招标，采购交互式白板12台。",
        "--field",
        "采购部门=总务处",
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
    // No groups yet: the sign-off is refused, saying which command records them.
    let review = [
        "items",
        "review",
        "1",
        "--confidentiality",
        "王静",
        "--signoff",
        "赵敏",
        "--date",
        "2026-11-20",
    ];
    let refused = gongshi(&db, &review);
    assert_eq!(refused.status.code(), Some(1));
    let said = stderr(&refused);
    assert!(said.contains("还没有填写监督小组成员"), "{said}");
    assert!(
        said.contains("（gongshi school groups --supervision 姓名,姓名）"),
        "{said}"
    );
    assert!(!said.contains("设置 →"), "{said}");
    let groups = run(&[
        "school",
        "groups",
        "--leading",
        "李新义，陈晓",
        "--working",
        "王静",
        "--supervision",
        "赵敏、孙丽华",
    ]);
    assert!(groups.contains("监督小组：赵敏，孙丽华"), "{groups}");
    let wrong = gongshi(&db, &["items", "approve", "1", "--by", "王静"]);
    assert_eq!(wrong.status.code(), Some(1));
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
    // Posted on its day (the test's week is past: recorded afterwards),
    // then the week printed: the sheet states the period it was posted for.
    run(&["items", "post", "1", "--date", "2026-11-23"]);

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
    assert!(text.contains("阳光科技有限公司"), "{text}");
    assert!(text.contains("按采购方式合计"), "{text}");

    let shown = run(&["items", "show", "1"]);
    assert!(
        shown.contains("张贴稿存档：") && shown.contains("SHA-256"),
        "{shown}"
    );
    let frozen = gongshi(&db, &["items", "edit", "1", "--title", "改"]);
    assert_eq!(frozen.status.code(), Some(1));
    assert!(stderr(&frozen).contains("更正"), "{}", stderr(&frozen));
    let shown = run(&["--json", "items", "show", "1"]);
    let history: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(history[0]["status"], "posted");
    assert_eq!(history[0]["period"]["end"], "2026-11-27");
    let found = run(&["items", "list", "--text", "交互式白板"]);
    assert!(found.contains("多媒体设备采购结果公示"), "{found}");

    // Down before 11-27 only with a reason.
    let early = gongshi(&db, &["items", "take-down", "1", "--date", "2026-11-25"]);
    assert_eq!(early.status.code(), Some(1));
    assert!(
        stderr(&early).contains("提前撤下原因"),
        "{}",
        stderr(&early)
    );
    run(&[
        "items",
        "take-down",
        "1",
        "--date",
        "2026-11-25",
        "--reason",
        "供应商名称有误",
    ]);
    let shown = run(&["--json", "items", "show", "1"]);
    let history: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(history[0]["taken_down_reason"], "供应商名称有误");
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

    assert!(
        imported.contains("结果公示：不列不符合推荐条件者的姓名，只写人数"),
        "{imported}"
    );

    let sheet = dir.path().join("结果公示.pdf");
    let print_sheet = || {
        run(&[
            "eval",
            "sheet",
            "--round",
            round,
            "--out",
            sheet.to_str().unwrap(),
        ]);
        pdftotext(&sheet)
    };
    let text = print_sheet();
    assert!(pdfinfo(&sheet).contains("Pages:           1"));
    // By default 陈刚, vetoed, is counted, not named.
    assert!(!text.contains("陈刚"), "{text}");
    assert!(text.contains("另有1人不符合推荐条件，未列入排名"), "{text}");
    let set = run(&["eval", "set", "--round", round, "--name-unranked"]);
    assert!(
        set.contains("结果公示：列出不符合推荐条件者的姓名"),
        "{set}"
    );
    assert!(print_sheet().contains("陈刚"));
    let out = gongshi(
        &db,
        &[
            "eval",
            "set",
            "--round",
            round,
            "--name-unranked",
            "--no-name-unranked",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    run(&["eval", "set", "--round", round, "--no-name-unranked"]);
    assert!(!print_sheet().contains("陈刚"));

    let published = run(&["eval", "publish", "--round", round]);
    assert!(published.contains("已生成公开事项第1号"), "{published}");
    let shown = run(&["eval", "show", "--round", round]);
    assert!(shown.contains("公开事项：第1号"), "{shown}");
}

/// A made-up 2027 arrangement in the notice's words (weekdays checked).
const NOTICE_2027: &str = include_str!("notice-2027.txt");

/// `gongshi --json calendar <verb> FILE --dry-run`: the days it would save.
fn dry_run_days(db: &Path, verb: &str, file: &Path) -> Vec<serde_json::Value> {
    let file = file.to_str().unwrap();
    let out = gongshi(db, &["--json", "calendar", verb, file, "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let days: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    days.as_array().unwrap().clone()
}

#[test]
fn next_years_notice_is_previewed_then_imported_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let notice = dir.path().join("通知.txt");
    std::fs::write(&notice, NOTICE_2027).unwrap();
    let across = [
        "calendar",
        "workdays",
        "--from",
        "2026-12-28",
        "--days",
        "10",
    ];

    // A dry run lists {date, name, off} and saves nothing.
    let days = dry_run_days(&db, "import-notice", &notice);
    assert_eq!(days.len(), 3 + 9 + 1 + 3 + 5 + 2 + 1 + 1 + 7 + 2);
    assert_eq!(
        days[0],
        serde_json::json!({"date": "2027-01-01", "name": "元旦", "off": true})
    );
    assert!(
        days.contains(&serde_json::json!({"date": "2027-02-14", "name": "春节", "off": false}))
    );
    assert_eq!(gongshi(&db, &across).status.code(), Some(1));

    // The import saves every day at once and makes 2027 complete.
    let out = gongshi(
        &db,
        &[
            "calendar",
            "import-notice",
            notice.to_str().unwrap(),
            "--year",
            "2027",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2027年的节假日安排完整"),
        "{}",
        stdout(&out)
    );
    let out = gongshi(&db, &across);
    assert!(out.status.success(), "{}", stderr(&out));
    // 12-28…31 (4), 元旦 1-3 off, 1-4…8 (5), 1-11 the 10th.
    assert_eq!(stdout(&out).trim(), "2027-01-11");
    let out = gongshi(&db, &["calendar", "years"]);
    assert!(
        stdout(&out).contains("2027年\t34天\t完整（导入国务院通知）"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_notice_with_a_wrong_weekday_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let notice = dir.path().join("通知.txt");
    std::fs::write(
        &notice,
        NOTICE_2027.replace("1月1日（周五）", "1月1日（周四）"),
    )
    .unwrap();
    for dry in [true, false] {
        let mut args = vec!["calendar", "import-notice", notice.to_str().unwrap()];
        if dry {
            args.push("--dry-run");
        }
        let out = gongshi(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(stderr(&out).contains("没有保存"), "{}", stderr(&out));
        assert!(stderr(&out).contains("1月1日"), "{}", stderr(&out));
    }
    let out = gongshi(&db, &["--json", "calendar", "days"]);
    assert_eq!(stdout(&out).trim(), "[]");
    // With --json a refusal is one {code, message} document, naming every
    // sentence it could not take.
    let broken = NOTICE_2027
        .replace("1月1日（周五）", "1月1日（周四）")
        .replace("5月8日（周六）", "5月8日（周日）");
    std::fs::write(&notice, broken).unwrap();
    let out = gongshi(
        &db,
        &[
            "--json",
            "calendar",
            "import-notice",
            notice.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("1月1日") && message.contains("5月8日"),
        "{message}"
    );
}

#[test]
fn one_entered_day_leaves_its_year_refused_until_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let out = gongshi(
        &db,
        &["calendar", "add-day", "2027-01-01", "--name", "元旦"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // A period across the Spring Festival would be counted as ordinary weeks.
    let across = [
        "calendar",
        "workdays",
        "--from",
        "2027-02-01",
        "--days",
        "10",
    ];
    let out = gongshi(&db, &across);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("缺少：春节、清明节"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("gongshi calendar import-notice"),
        "{}",
        stderr(&out)
    );
    // Confirming it now would count the Spring Festival as ordinary weeks.
    let out = gongshi(&db, &["calendar", "confirm-year", "2027"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("缺少春节"), "{}", stderr(&out));
    // Every holiday entered (one day each, the test's dates), then confirmed.
    for (date, name) in [
        ("2027-02-08", "春节"),
        ("2027-04-05", "清明节"),
        ("2027-05-03", "劳动节"),
        ("2027-06-09", "端午节"),
        ("2027-09-15", "中秋节"),
        ("2027-10-01", "国庆节"),
    ] {
        assert!(
            gongshi(&db, &["calendar", "add-day", date, "--name", name])
                .status
                .success()
        );
    }
    let out = gongshi(&db, &["calendar", "confirm-year", "2027"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(gongshi(&db, &across).status.success());
}

#[test]
fn holiday_cn_json_and_ics_files_import_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    // A partial JSON year is saved but does not make 2027 complete.
    let json = dir.path().join("2027.json");
    std::fs::write(
        &json,
        r#"{"year": 2027, "papers": [], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"name": "春节", "date": "2027-02-14", "isOffDay": false}]}"#,
    )
    .unwrap();
    let out = gongshi(&db, &["calendar", "import", json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("缺少春节"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("没有哪一年因此完整"),
        "{}",
        stdout(&out)
    );
    // An .ics with a multi-day event and a make-up day, dry run.
    let ics = dir.path().join("假期.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270501\r\nDTEND;VALUE=DATE:20270506\r\nSUMMARY:劳动节 假期\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270425\r\nSUMMARY:劳动节 补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let days = dry_run_days(&db, "import", &ics);
    assert_eq!(days.len(), 6);
    assert_eq!(
        days[0],
        serde_json::json!({"date": "2027-04-25", "name": "劳动节", "off": false})
    );
    // A file of another kind is refused, naming the kinds it takes.
    let other = dir.path().join("假期.xlsx");
    std::fs::write(&other, b"PK").unwrap();
    let out = gongshi(&db, &["calendar", "import", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(".ics"), "{}", stderr(&out));
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    // `gongshi calendar days | head -1`: the reader is gone before the
    // output ends (the demo adds no days, so list the shipped years').
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongshi"))
        .arg("--db")
        .arg(&db)
        .args(["calendar", "years"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

/// `gongshi backup`: a backup taken, listed and checked; a restore keeps
/// the store before it; a store that no longer opens is set aside and the
/// newest good backup put in its place.
#[test]
fn backups_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let run = |args: &[&str]| {
        let out = gongshi(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["init", "--name", "一中"]);
    let taken = run(&["backup", "now"]);
    assert!(
        taken.contains("已备份：") && taken.contains("学校：一中"),
        "{taken}"
    );
    let listed = run(&["--json", "backup", "list"]);
    let list: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let first = list[0]["path"].as_str().unwrap().to_owned();
    assert!(run(&["backup", "verify", &first]).starts_with("完好："));

    run(&["school", "set", "--name", "二中"]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // Another school's name in the backup: said, and done only when asked.
    let asked = gongshi(&db, &["backup", "restore", &first]);
    assert_eq!(asked.status.code(), Some(1));
    assert!(
        stderr(&asked).contains("这个文件是“一中”的数据，现在的数据是“二中”的")
            && stderr(&asked).contains("--other-school"),
        "{}",
        stderr(&asked)
    );
    assert!(run(&["school", "show"]).contains("二中"));
    let restored = run(&["backup", "restore", &first, "--other-school"]);
    assert!(restored.contains("恢复前的数据已备份为"), "{restored}");
    assert!(run(&["school", "show"]).contains("一中"));

    // What the dashboard says, in plain text too.
    let info = run(&["info"]);
    assert!(info.contains("最近一次备份：20"), "{info}");
    assert!(info.contains("注意：备份只存在这台电脑上"), "{info}");
    // The store itself is not a backup of itself.
    let itself = gongshi(&db, &["backup", "restore", db.to_str().unwrap()]);
    assert!(
        stderr(&itself).contains("就是现在的数据文件本身"),
        "{}",
        stderr(&itself)
    );

    std::fs::write(&db, b"not a store any more").unwrap();
    let recovered = run(&["backup", "recover"]);
    assert!(recovered.contains("损坏的文件改名保留为"), "{recovered}");
    // The newest good backup is the one the restore kept of 二中.
    assert!(run(&["school", "show"]).contains("二中"));
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.contains(".损坏-").then_some(name)
        })
        .collect();
    // Set aside with its -wal and -shm, never deleted.
    let stores = aside
        .iter()
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"));
    assert_eq!(stores.count(), 1, "{aside:?}");

    let handoff = dir.path().join("阳光.gongshi");
    std::fs::write(&handoff, b"PK").unwrap();
    let pointed = gongshi(&db, &["backup", "verify", handoff.to_str().unwrap()]);
    assert!(
        stderr(&pointed).contains("gongshi backup open"),
        "{}",
        stderr(&pointed)
    );
    let junk = dir.path().join("坏.sqlite3");
    std::fs::write(&junk, b"").unwrap();
    let refused = gongshi(&db, &["backup", "verify", junk.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("文件是空的"),
        "{}",
        stderr(&refused)
    );
}

/// `gongshi audit verify`: the demo's history is whole; a row changed with
/// the sqlite3 tool is named, with its time and the operator now in it.
#[test]
fn a_row_changed_outside_the_program_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--demo"]).status.success());
    let whole = gongshi(&db, &["audit", "verify"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    assert!(
        stdout(&whole).contains("修改记录完整"),
        "{}",
        stdout(&whole)
    );
    let edited = Command::new("sqlite3")
        .arg(&db)
        .arg("UPDATE audit_log SET operator = '张三' WHERE id = 7;")
        .status()
        .unwrap();
    assert!(edited.success());
    let broken = gongshi(&db, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(1));
    let said = stderr(&broken);
    assert!(
        said.contains("修改记录第7条") && said.contains("张三"),
        "{said}"
    );
}

/// Moving a school to another PC: one file out, checked and opened on the
/// other side; a damaged file is refused and nothing changes there.
#[test]
fn a_school_moves_to_another_pc_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("旧电脑").join("g.sqlite3");
    let new = dir.path().join("新电脑").join("g.sqlite3");
    assert!(gongshi(&old, &["init", "--demo"]).status.success());
    // Named without its ending: the ending is added.
    let file = dir.path().join("阳光-公示数据.gongshi");
    let named = dir.path().join("阳光-公示数据");
    let out = gongshi(
        &old,
        &["backup", "export", "--out", named.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("数据的 SHA-256："),
        "{}",
        stdout(&out)
    );
    assert!(file.exists() && !named.exists());

    // Damaged on the way: one byte of the store changed inside the zip.
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0xff;
    let damaged = dir.path().join("坏.gongshi");
    std::fs::write(&damaged, &bytes).unwrap();
    let refused = gongshi(&new, &["backup", "open", damaged.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!new.exists(), "nothing is made from a damaged file");

    let opened = gongshi(&new, &["backup", "open", file.to_str().unwrap()]);
    assert!(opened.status.success(), "{}", stderr(&opened));
    assert!(
        stdout(&opened).contains("阳光市实验小学（示例）"),
        "{}",
        stdout(&opened)
    );
    let shown = gongshi(&new, &["items", "list"]);
    assert!(stdout(&shown).contains("多媒体教室交互式电子白板采购结果公示"));
    // The move is in the history, and the history is whole.
    assert!(gongshi(&new, &["audit", "verify"]).status.success());
    // A PC that already keeps another school's record asks first.
    let third = dir.path().join("三中电脑").join("g.sqlite3");
    assert!(
        gongshi(&third, &["init", "--name", "三中"])
            .status
            .success()
    );
    let asked = gongshi(&third, &["backup", "open", file.to_str().unwrap()]);
    assert_eq!(asked.status.code(), Some(1));
    assert!(
        stderr(&asked).contains("--other-school"),
        "{}",
        stderr(&asked)
    );
    assert!(stdout(&gongshi(&third, &["school", "show"])).contains("三中"));
    let not_ours = dir.path().join("别的.gongshi");
    std::fs::write(&not_ours, b"PK\x03\x04 not really").unwrap();
    let refused = gongshi(&new, &["backup", "open", not_ours.to_str().unwrap()]);
    assert!(
        stderr(&refused).contains("不是公示导出的数据文件"),
        "{}",
        stderr(&refused)
    );
}

/// A damaged store says how to get the record back.
#[test]
fn a_damaged_store_names_the_way_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    assert!(gongshi(&db, &["init", "--name", "一中"]).status.success());
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[100..4096].fill(0xAB);
    std::fs::write(&db, &bytes).unwrap();
    let out = gongshi(&db, &["info"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(
        said.contains("已损坏") && said.contains("gongshi backup recover"),
        "{said}"
    );
    assert!(!said.contains("应用："), "{said}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}
