//! The real app, driven as a clerk would drive it.

use fantoccini::Locator;
use gongshi_e2e::{App, TestResult, gongshi_cli};

const DEMO_NAME: &str = "阳光市实验小学（示例）";

#[tokio::test]
async fn first_run_offers_the_demo_school_and_shows_its_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    let app = App::launch(&db).await?;

    app.find("first-run").await?;
    app.screenshot("first-run").await?;
    app.fill("first-operator", "王静").await?;
    app.click("start-demo").await?;

    assert_eq!(app.wait_text("header-school", DEMO_NAME).await?, DEMO_NAME);
    assert_eq!(
        app.wait_text("dashboard-school", DEMO_NAME).await?,
        DEMO_NAME
    );
    assert_eq!(app.wait_text("demo-badge", "示例数据").await?, "示例数据");
    assert_eq!(app.find("current-operator").await?.text().await?, "王静");
    let shot = app.screenshot("dashboard").await?;
    eprintln!("dashboard screenshot: {}", shot.display());
    app.close().await?;
    assert!(db.exists(), "the store was not created");
    Ok(())
}

#[tokio::test]
async fn the_app_starts_on_an_existing_demo_school() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let app = App::launch(&db).await?;

    app.sign_in("赵敏").await?;
    assert_eq!(
        app.wait_text("dashboard-school", DEMO_NAME).await?,
        DEMO_NAME
    );
    app.close().await
}

#[tokio::test]
async fn an_edited_school_name_persists_across_a_restart() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);

    let app = App::launch(&db).await?;
    app.sign_in("李新义").await?;
    app.click("nav-settings").await?;
    app.fill("school-name", "阳光市第二实验小学").await?;
    app.click("school-save").await?;
    let header = app.wait_text("header-school", "阳光市第二实验小学").await?;
    assert_eq!(header, "阳光市第二实验小学");
    app.screenshot("settings").await?;
    app.close().await?;

    let app = App::launch(&db).await?;
    app.sign_in("李新义").await?;
    let header = app.wait_text("header-school", "阳光市第二实验小学").await?;
    assert_eq!(header, "阳光市第二实验小学");
    app.close().await
}

#[tokio::test]
async fn a_school_name_with_markup_shows_as_text() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    let name = "<img src=x onerror=alert(1)>";
    gongshi_cli(&db, &["init", "--name", name]);

    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    assert_eq!(app.wait_text("dashboard-school", name).await?, name);
    assert_eq!(app.find("header-school").await?.text().await?, name);
    let images = app.client.find_all(Locator::Css("img")).await?;
    assert!(images.is_empty(), "the name was parsed as HTML");
    app.screenshot("markup-as-text").await?;
    app.close().await
}

#[tokio::test]
async fn a_corrupt_store_is_refused_and_left_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    let garbage = "这不是数据库".repeat(100);
    std::fs::write(&db, &garbage)?;

    let app = App::launch(&db).await?;
    let message = app.find("refused-message").await?.text().await?;
    assert!(message.contains("不是公示的数据文件"), "{message}");
    app.screenshot("refused").await?;
    app.close().await?;
    assert_eq!(std::fs::read_to_string(&db)?, garbage);
    Ok(())
}

#[tokio::test]
async fn the_specimen_sheet_prints_with_the_schools_header() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    app.click("nav-settings").await?;
    app.click("specimen-make").await?;
    let done = app.find("specimen-path").await?;
    let path = done.text().await?;
    app.client
        .execute(
            "arguments[0].scrollIntoView()",
            vec![serde_json::to_value(&done)?],
        )
        .await?;
    app.screenshot("specimen").await?;
    // Saved under the default name where the "dialog" chose; then opened
    // in its program and shown in its folder.
    let expected = app.saved_dir().join("打印样张.pdf");
    assert_eq!(std::path::Path::new(&path), expected);
    app.click("specimen-open").await?;
    app.click("specimen-reveal").await?;
    let wanted = format!("open {0}\nreveal {0}\n", expected.display());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.opened() != wanted && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.opened(), wanted);
    app.close().await?;

    let text = gongshi_e2e::pdf_text(&expected);
    assert!(text.contains("阳光市实验小学（示例）收费公示"), "{text}");
    assert!(text.contains("0371-6523 8002"), "{text}");
    // Keep a picture of the printed page beside the screenshots.
    let png = gongshi_e2e::artifacts_dir().join("specimen-page");
    std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-singlefile"])
        .arg(&expected)
        .arg(&png)
        .status()?;
    Ok(())
}

/// Fills the step dialog's text inputs (by data-test) and confirms it.
async fn step(app: &App, action: &str, fields: &[(&str, &str)]) -> TestResult {
    app.click(&format!("step-{action}")).await?;
    for (name, value) in fields {
        app.fill(name, value).await?;
    }
    if !fields.is_empty() || action != "submit" {
        app.click("step-confirm").await?;
    }
    app.wait_dialogs_closed().await
}

/// The item is posted today, on the real clock. The shipped calendar ends
/// with 2026 and the app refuses a year it does not know (it never
/// guesses), so from 2027 — or for a period running into 2027 — this
/// imports that year's arrangement: one day off for each statutory holiday
/// (the test's dates, not the real ones), as a holiday-cn file.
fn cover_this_and_next_year(db: &std::path::Path) {
    use chrono::Datelike;
    let year = chrono::Local::now().year();
    for y in [year, year + 1].into_iter().filter(|y| *y > 2026) {
        let days: Vec<String> = [
            (1, "元旦"),
            (2, "春节"),
            (4, "清明节"),
            (5, "劳动节"),
            (6, "端午节"),
            (9, "中秋节"),
            (10, "国庆节"),
        ]
        .iter()
        .map(|(m, name)| {
            format!(r#"{{"name": "{name}", "date": "{y}-{m:02}-01", "isOffDay": true}}"#)
        })
        .collect();
        let file = db.with_file_name(format!("{y}.json"));
        std::fs::write(
            &file,
            format!(r#"{{"year": {y}, "days": [{}]}}"#, days.join(", ")),
        )
        .expect("write the calendar file");
        gongshi_cli(db, &["calendar", "import", file.to_str().expect("path")]);
    }
}

#[tokio::test]
async fn a_clerk_creates_reviews_posts_and_prints_the_week() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--name", "阳光市实验小学"]);
    cover_this_and_next_year(&db);
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;

    // 设置 → 三个小组: members typed as tags, Enter after each name.
    app.click("nav-settings").await?;
    for (group, name) in [
        ("duties-leading", "李新义"),
        ("duties-working", "王静"),
        ("duties-supervision", "赵敏"),
    ] {
        app.fill(group, &format!("{name}\u{E007}")).await?;
    }
    app.click("duties-save").await?;
    app.settle().await?;
    app.screenshot("settings-groups").await?;
    let saved = app.inner_text("duties-settings").await?;
    assert!(saved.contains("赵敏"), "{saved}");
    let groups = gongshi_cli(&db, &["school", "groups"]);
    assert!(groups.contains("监督小组：赵敏"), "{groups}");

    app.click("nav-items").await?;
    app.click("item-new").await?;
    app.fill("item-title", "关于冬季作息时间调整的公示").await?;
    let body = app.find("item-body").await?;
    body.send_keys("自12月1日起，上午第一节课8:10开始。")
        .await?;
    app.click("item-save").await?;
    let status = app.wait_text("item-status", "草稿").await?;
    assert_eq!(status, "草稿");
    // The live preview is the printer's layout of this sheet.
    app.find("preview-page-1").await?;
    app.screenshot("item-editor").await?;

    app.click("step-submit").await?;
    assert_eq!(app.wait_text("item-status", "待审核").await?, "待审核");
    // The sign-off from someone outside the supervision group is refused,
    // in words naming the group's members.
    // The dialog stays open with the message; corrected, it goes through.
    app.click("step-review").await?;
    app.fill("step-confidentiality", "王静").await?;
    app.fill("step-signoff", "王静").await?;
    app.click("step-confirm").await?;
    let refused = app
        .wait_inner_text("step-error", "不是监督小组成员")
        .await?;
    assert!(refused.contains("成员：赵敏"), "{refused}");
    assert!(!refused.contains("命令行"), "{refused}");
    app.screenshot("step-refused").await?;
    app.fill("step-signoff", "赵敏").await?;
    app.click("step-confirm").await?;
    app.wait_dialogs_closed().await?;
    step(&app, "approve", &[("step-by", "李新义")]).await?;
    assert_eq!(app.wait_text("item-status", "已批准").await?, "已批准");
    step(&app, "post", &[]).await?;
    assert_eq!(app.wait_text("item-status", "公示中").await?, "公示中");

    // On this week's board, and in the printed batch.
    app.close_drawer().await?;
    app.click("nav-board").await?;
    let up = app.find("board-up").await?.text().await?;
    assert!(up.contains("关于冬季作息时间调整的公示"), "{up}");
    app.click("board-print").await?;
    let path = app.find("board-path").await?.text().await?;
    // Saved where the clerk chose, under the week's name by default.
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let name = format!(
        "{}年{}月{}日本周公开栏.pdf",
        monday.year(),
        monday.month(),
        monday.day()
    );
    assert_eq!(std::path::Path::new(&path), app.saved_dir().join(name));
    app.screenshot("board").await?;

    // The item's history has the archived sheet, and opens it.
    app.click("nav-items").await?;
    app.click("item-row-1").await?;
    app.click_css("[data-test^=archived-open-]").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.opened().contains("存档-") && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let opened = app.opened();
    assert!(
        opened.starts_with("open ") && opened.contains("存档-"),
        "{opened}"
    );
    let archived = opened.trim().trim_start_matches("open ");
    assert_eq!(std::fs::read(archived)?.get(..5), Some(&b"%PDF-"[..]));
    app.screenshot("item-history-archive").await?;
    app.close().await?;

    let text = gongshi_e2e::pdf_text(&path);
    assert!(text.contains("本周校务公开栏张贴清单"), "{text}");
    assert!(text.contains("关于冬季作息时间调整的公示"), "{text}");
    assert!(text.contains("公示期："), "{text}");
    Ok(())
}

#[tokio::test]
async fn the_demo_week_feedback_and_calendar_screens() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;

    app.click("nav-board").await?;
    let up = app.find("board-up").await?.text().await?;
    assert!(up.contains("2026年度优秀教师拟推荐人选公示"), "{up}");
    app.screenshot("demo-board").await?;

    app.click("nav-feedback").await?;
    let text = app
        .wait_inner_text("feedback-table", "整机保修三年")
        .await?;
    assert!(text.contains("整机保修三年"), "{text}");
    app.fill("feedback-content", "建议公示栏增加夜间照明。")
        .await?;
    app.click("feedback-add").await?;
    let text = app.wait_inner_text("feedback-table", "夜间照明").await?;
    assert!(text.contains("夜间照明"), "{text}");
    app.screenshot("feedback").await?;

    app.click("nav-settings").await?;
    app.find("calendar-settings").await?;
    app.close().await?;

    // What the screens did is in the store.
    let out = std::process::Command::new(gongshi_e2e::app_binary().with_file_name("gongshi"))
        .arg("--db")
        .arg(&db)
        .args(["feedback", "list"])
        .output()?;
    assert!(String::from_utf8(out.stdout)?.contains("夜间照明"));
    Ok(())
}

#[tokio::test]
async fn the_principal_imports_the_filled_template_and_prints_one_letter_per_student() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    gongshi_cli(
        &db,
        &[
            "fees",
            "class-size",
            "--grade",
            "2",
            "--class",
            "1班",
            "--students",
            "3",
        ],
    );
    // The template comes with one filled row (课后服务费, 一至六年级).
    let template = dir.path().join("收费模板.xlsx");
    gongshi_cli(
        &db,
        &[
            "fees",
            "template",
            "--out",
            template.to_str().ok_or("path")?,
        ],
    );

    let app = App::launch_choosing(&db, &template).await?;
    app.sign_in("李新义").await?;
    // Class sizes are a setting: grade 2 gets a second class of 2.
    app.click("nav-settings").await?;
    app.fill("class-grade", "2").await?;
    app.fill("class-name", "2班").await?;
    app.fill("class-students", "2").await?;
    app.click("class-add").await?;
    app.wait_inner_text("class-sizes-table", "2班").await?;
    // A third class, entered by mistake, is removed again (the letter count
    // below would show it if not).
    app.fill("class-name", "3班").await?;
    app.click("class-add").await?;
    app.wait_inner_text("class-sizes-table", "3班").await?;
    app.click("class-remove-2-3班").await?;

    app.click("nav-fees").await?;
    app.fill("fees-semester", "2026年秋季学期\n").await?;
    app.click("fees-choose").await?;
    let preview = app.wait_inner_text("fees-preview", "课后服务费").await?;
    assert!(preview.contains("一至六年级"), "{preview}");
    app.click("fees-import").await?;
    app.wait_value("fee-cell-0-0", "课后服务费").await?;
    app.wait_value("fee-cell-0-1", "300.00").await?;

    // A row typed in the grid is checked as each cell is left, and a bad
    // row is not saved.
    app.click("fee-add").await?;
    for (column, text) in [
        (0, "作业本费"),
        (1, "-5"),
        (3, "全校"),
        (4, "学校财务室"),
        (6, "豫发改收费〔2023〕781号"),
    ] {
        app.fill(&format!("fee-cell-1-{column}"), text).await?;
    }
    // 计费单位 is a choice from the domain's list.
    app.choose("fee-cell-1-2", "每生每学期").await?;
    let problem = app.wait_inner_text("fee-problem-1-1", "不能为负数").await?;
    assert!(problem.contains("不能为负数"), "{problem}");
    app.click("fee-save").await?;
    let refused = app.wait_inner_text("fee-grid-error", "第2项").await?;
    assert!(refused.contains("第2项 金额(元)"), "{refused}");
    app.fill("fee-cell-1-1", "30").await?;
    app.click("fee-save").await?;
    // Saved and read back: the amount comes back as the store shows it.
    app.wait_value("fee-cell-1-1", "30.00").await?;

    // The board sheet's preview is the printer's page.
    app.find("preview-page-1").await?;
    app.screenshot("fees-grid-and-board-preview").await?;

    app.click_css("#tab-letters").await?;
    app.choose("fees-grade", "二年级").await?;
    app.wait_inner_text("fees-letter-count", "5 封").await?;
    app.click("fees-letters-print").await?;
    let path = app.wait_inner_text("fees-letters-path", ".pdf").await?;
    // The bar ends at the number of letters, told by the batch itself.
    let bar = app.wait_inner_text("fees-progress", "5 / 5").await?;
    assert!(bar.contains("5 / 5"), "{bar}");
    app.screenshot("fees").await?;

    app.click_css("#tab-export").await?;
    // 二年级: 作业本费 30.00 required + 课后服务费 300.00 voluntary.
    let totals = app.wait_inner_text("fees-grade-totals", "330.00").await?;
    assert!(totals.contains("二年级"), "{totals}");
    app.close().await?;

    let info = std::process::Command::new("pdfinfo")
        .arg(path.trim())
        .output()?;
    let info = String::from_utf8(info.stdout)?;
    assert!(
        info.contains("Pages:           5"),
        "one letter per student of grade 2: {info}"
    );
    Ok(())
}

#[tokio::test]
async fn a_round_is_set_up_scored_ranked_with_its_quota_line_and_printed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--name", "阳光市实验小学"]);
    // The filled score template, as a UTF-8 CSV: 王芳 and 李娜 tie at the
    // quota line of 2; 陈刚 scored highest but failed 师德.
    let scores = dir.path().join("评分.csv");
    std::fs::write(
        &scores,
        "姓名,部门/年级组,民意测评,工作量化,考核成绩,师德,备注\n\
         赵强,数学组,95,90,92,合格,\n\
         王芳,语文组,90,80,80,合格,\n\
         李娜,英语组,90,80,80,合格,\n\
         陈刚,体育组,99,98,99,不合格,有偿补课经查属实\n\
         周敏,语文组,87,76,78.5,合格,\n",
    )?;

    let app = App::launch_choosing(&db, &scores).await?;
    app.sign_in("王静").await?;
    app.click("nav-evaluations").await?;
    app.fill("round-name", "2026年度优秀教师评选").await?;
    app.fill("round-quota", "2").await?;
    app.fill("round-criteria", "师德高尚，教学成绩突出。")
        .await?;
    app.fill("round-office", "学校纪检监督小组").await?;
    // Weights that do not sum to 100 are refused, naming the field.
    app.fill("round-weight-0", "50").await?;
    app.click("round-save").await?;
    let refused = app.wait_inner_text("round-error", "110%").await?;
    assert!(refused.contains("权重"), "{refused}");
    app.fill("round-weight-0", "40").await?;
    app.click("round-save").await?;

    app.click("eval-choose").await?;
    app.wait_inner_text("eval-preview", "周敏").await?;
    app.click("eval-import").await?;
    let ranking = app.wait_inner_text("eval-ranking", "拟推荐").await?;
    app.click_css("[data-test=eval-grid]").await?;
    app.screenshot("evaluations-scores").await?;
    for expected in ["92.60", "并列（名额线）", "不符合推荐条件", "81.15"] {
        assert!(ranking.contains(expected), "{expected}: {ranking}");
    }
    // The quota line runs under the last row within the quota: 李娜, third.
    let line = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-test=eval-ranking] tbody tr')] \
             .findIndex(r => r.classList.contains('quota-line'))",
            vec![],
        )
        .await?;
    assert_eq!(line, serde_json::json!(2));
    app.find("eval-tie-note").await?;

    // A score typed in the grid is checked when the cell is left.
    app.fill("eval-cell-0-2", "九十").await?;
    app.click("eval-add").await?;
    app.wait_inner_text("eval-problem-0-2", "不是分数").await?;
    app.click("eval-reset").await?;

    // A rename keeps the round, its scores and ranking: the app addresses
    // it by id, not by the name it had.
    app.fill("round-name", "2026年度校级优秀教师评选").await?;
    app.click("round-save").await?;
    app.wait_inner_text("eval-round", "校级").await?;
    let kept = app.wait_inner_text("eval-ranking", "92.60").await?;
    assert!(kept.contains("不符合推荐条件"), "{kept}");

    app.click("eval-sheet-print").await?;
    let path = app.wait_inner_text("eval-sheet-path", ".pdf").await?;
    app.find("preview-page-1").await?;
    app.screenshot("evaluations").await?;
    app.click("eval-publish").await?;
    let published = app.wait_inner_text("eval-published", "公开事项第").await?;
    assert!(published.contains("第1号"), "{published}");
    app.close().await?;

    let text = gongshi_e2e::pdf_text(path.trim());
    assert!(
        text.contains("拟推荐") && text.contains("不符合推荐条件"),
        "{text}"
    );
    assert!(text.contains("2026年度校级优秀教师评选"), "{text}");
    assert!(
        !text.contains("有偿补课"),
        "the veto's reason is internal: {text}"
    );
    Ok(())
}

/// 学生资助 in the app: a list with ID numbers and phones is read into the
/// item's grid from a file, the live preview shows the names masked and
/// none of the internal columns, and the printed batch's PDF says the same.
#[tokio::test]
async fn a_subsidy_list_with_id_numbers_previews_and_prints_masked() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    cover_this_and_next_year(&db);
    let list = dir.path().join("受助学生名单.csv");
    std::fs::write(
        &list,
        "\u{feff}姓名,班级,资助项目,资助档次,金额（元）,身份证号,联系电话,银行卡号\r\n\
         李小红,二年级1班,寄宿生生活补助,一档,625.00,41010520180312002X,13812345678,6222020200112233445\r\n\
         司马如意,四年级1班,寄宿生生活补助,二档,500.00,410105201603120038,13912345678,6222020200112233452\r\n",
    )?;
    let app = App::launch_choosing(&db, &list).await?;
    app.sign_in("王静").await?;
    app.click("nav-items").await?;
    app.click("item-new").await?;
    app.choose("item-category", "学生资助").await?;
    app.fill("item-title", "2026年秋季学期寄宿生生活补助名单公示")
        .await?;
    app.fill(
        "item-body",
        "经学生申请、班级评议、学校审核，拟资助以下学生。",
    )
    .await?;
    app.fill("item-field-subsidy", "寄宿生生活补助").await?;
    app.fill("item-field-office", "学生资助办公室").await?;

    app.click("lines-choose").await?;
    let found = app.wait_inner_text("lines-preview", "李小红").await?;
    assert!(found.contains("身份证号（内部）"), "{found}");
    app.click("lines-import").await?;
    app.wait_value("lines-cell-0-0", "李小红").await?;
    app.wait_value("lines-cell-1-4", "500.00").await?;

    // The page's text marks, as the printer placed them.
    let page_text =
        "return document.querySelector('[data-test=preview-page-1]')?.textContent ?? ''";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut page = String::new();
    while !page.contains("李*红") && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        // A read while the preview redraws may fail: read again.
        page = match app.client.execute(page_text, vec![]).await {
            Ok(v) => v.as_str().unwrap_or_default().to_owned(),
            Err(_) => String::new(),
        };
    }
    for masked in ["司马*意", "按资助档次合计", "1,125.00"] {
        assert!(page.contains(masked), "{masked} in {page}");
    }
    for internal in ["李小红", "4101", "138", "6222", "身份证号", "银行卡号"] {
        assert!(!page.contains(internal), "{internal} in {page}");
    }
    app.click("item-save").await?;
    assert_eq!(app.wait_text("item-status", "草稿").await?, "草稿");
    app.screenshot("subsidy-editor").await?;

    app.click("step-submit").await?;
    assert_eq!(app.wait_text("item-status", "待审核").await?, "待审核");
    step(
        &app,
        "review",
        &[("step-confidentiality", "王静"), ("step-signoff", "赵敏")],
    )
    .await?;
    step(&app, "approve", &[("step-by", "李新义")]).await?;
    step(&app, "post", &[]).await?;
    assert_eq!(app.wait_text("item-status", "公示中").await?, "公示中");
    app.client
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))",
            vec![],
        )
        .await?;
    app.wait_dialogs_closed().await?;
    app.click("nav-board").await?;
    app.click("board-print").await?;
    let path = app.find("board-path").await?.text().await?;
    app.close().await?;

    let text = gongshi_e2e::pdf_text(&path);
    assert!(text.contains("寄宿生生活补助名单公示"), "{text}");
    assert!(text.contains("李*红") && text.contains("司马*意"), "{text}");
    for internal in ["李小红", "司马如意", "41010520180312002X", "13812345678"] {
        assert!(!text.contains(internal), "{internal} in {text}");
    }
    Ok(())
}

/// The record kept safe: the app backs up on its own when it starts, 设置
/// lists the backups with what they hold, a restore (after its
/// confirmation) brings the old data back, and a store that no longer
/// opens offers the newest good backup and sets itself aside.
#[tokio::test]
async fn backups_are_taken_restored_and_rescue_a_corrupt_store() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--name", "阳光市实验小学"]);
    let folder = dir.path().join("公示备份");
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    // The start's own backup, in the background.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while gongshi_app_backups(&folder) == 0 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(gongshi_app_backups(&folder), 1);
    let last = app.wait_inner_text("backup-last", "公示备份-").await?;
    assert!(last.contains("公示备份-"), "{last}");

    // Renamed while the app is open (the CLI writes beside it), then the
    // backup from before is restored from 设置.
    gongshi_cli(&db, &["school", "set", "--name", "阳光市第二小学"]);
    app.click("nav-settings").await?;
    let listed = app.wait_inner_text("backup-list", "阳光市实验小学").await?;
    assert!(listed.contains("事项0项"), "{listed}");
    app.client
        .execute(
            "document.querySelector('[data-test=backup-settings]').scrollIntoView()",
            vec![],
        )
        .await?;
    app.screenshot("settings-backups").await?;
    app.click("backup-restore-0").await?;
    app.click_css(".el-message-box__btns .el-button--primary")
        .await?;
    let school = app.wait_text("dashboard-school", "阳光市实验小学").await?;
    assert_eq!(school, "阳光市实验小学");
    app.close().await?;

    // The store's schema page overwritten: refused, the backup offered.
    let mut bytes = std::fs::read(&db)?;
    bytes[100..4096].fill(0xAB);
    std::fs::write(&db, &bytes)?;
    let app = App::launch(&db).await?;
    let offer = app.wait_inner_text("refused-offer", "阳光市").await?;
    assert!(offer.contains("改名保留"), "{offer}");
    app.screenshot("refused-offer").await?;
    app.fill("refused-operator", "王静").await?;
    app.click("refused-recover").await?;
    app.wait_text("dashboard-school", "阳光市实验小学").await?;
    app.close().await?;
    let aside = std::fs::read_dir(dir.path())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".损坏-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .count();
    // Set aside (with its -wal and -shm), never deleted.
    assert_eq!(aside, 1);
    Ok(())
}

/// How many backups the folder holds.
fn gongshi_app_backups(folder: &std::path::Path) -> usize {
    std::fs::read_dir(folder).map_or(0, |d| {
        d.flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("公示备份-"))
            .count()
    })
}

/// A new PC: the first screen opens the file exported on the old one, and
/// the school is there.
#[tokio::test]
async fn a_new_pc_opens_the_file_the_old_one_exported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let old = dir.path().join("旧").join("gongshi.sqlite3");
    gongshi_cli(&old, &["init", "--demo"]);
    let file = dir.path().join("阳光-公示数据.gongshi");
    gongshi_cli(
        &old,
        &["backup", "export", "--out", file.to_str().ok_or("path")?],
    );
    let new = dir.path().join("新").join("gongshi.sqlite3");
    let app = App::launch_choosing(&new, &file).await?;
    app.fill("first-operator", "王静").await?;
    app.click("start-from-file").await?;
    let school = app
        .wait_text("dashboard-school", "阳光市实验小学（示例）")
        .await?;
    assert_eq!(school, "阳光市实验小学（示例）");
    app.screenshot("opened-from-file").await?;
    app.close().await?;
    let items = gongshi_cli(&new, &["items", "list"]);
    assert!(
        items.contains("多媒体教室交互式电子白板采购结果公示"),
        "{items}"
    );
    Ok(())
}

/// Beyond the board: a posted sheet's 核验码 typed (as a USB scanner types
/// it, ending with Enter) finds its archived sheet, and a forged one is
/// refused; the week's sheets saved as pictures; a notice as a text.
#[tokio::test]
async fn a_posted_sheet_is_verified_pictured_and_texted() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let week = dir.path().join("week.pdf");
    gongshi_cli(
        &db,
        &[
            "--operator",
            "王静",
            "board",
            "week",
            "--out",
            &week.display().to_string(),
        ],
    );
    let code = gongshi_e2e::printed_code(&week).expect("the printed sheet carries its 核验码");

    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    app.click("nav-settings").await?;
    app.fill("verify-code", &format!("{}\u{E007}", code.to_lowercase()))
        .await?;
    let found = app
        .wait_inner_text("verify-found", "2026年度优秀教师拟推荐人选公示")
        .await?;
    assert!(
        found.contains("核验码属实") && found.contains("王静"),
        "{found}"
    );
    app.screenshot("verify").await?;
    app.click("verify-open").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.opened().contains("存档-") && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(app.opened().contains("存档-"), "{}", app.opened());
    let mut forged = code.clone();
    let last = forged.pop().unwrap_or('0');
    forged.push(if last == 'A' { 'B' } else { 'A' });
    app.fill("verify-code", &format!("{forged}\u{E007}"))
        .await?;
    let refused = app.wait_inner_text("verify-error", "与存档不符").await?;
    assert!(refused.contains("被改过"), "{refused}");
    app.settle().await?;
    app.screenshot("verify-forged").await?;

    // The Q&A sheet printed in the app carries a code of its own, found
    // as the 反馈答复公示's first printing.
    app.click("nav-feedback").await?;
    app.click("qa-print").await?;
    let qa = app.find("qa-path").await?.text().await?;
    let qa_code = gongshi_e2e::printed_code(&qa).expect("the Q&A sheet carries its 核验码");
    assert!(qa_code.contains("-Q-1-"), "{qa_code}");
    app.click("nav-settings").await?;
    app.fill("verify-code", &format!("{qa_code}\u{E007}"))
        .await?;
    let found = app.wait_inner_text("verify-found", "反馈答复公示").await?;
    assert!(
        found.contains("第1次印发") && found.contains("王静"),
        "{found}"
    );
    app.settle().await?;
    app.screenshot("verify-answers").await?;

    // The week's sheets as pictures, one a page, 1080 pixels across.
    app.click("nav-board").await?;
    app.click("board-pictures").await?;
    let path = app.find("board-pictures-path").await?.text().await?;
    assert!(path.ends_with("本周公开栏-第1页.png"), "{path}");
    let png = std::fs::read(&path)?;
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        1080
    );
    app.screenshot("board-pictures").await?;

    // The item as a text message.
    app.click("nav-items").await?;
    app.click("item-row-2").await?;
    app.click("item-sms").await?;
    let sms = app.wait_inner_text("item-sms-summary", "条短信").await?;
    assert!(sms.contains("1条短信"), "{sms}");
    let text: String = app
        .client
        .execute(
            "return document.querySelector('[data-test=item-sms-text] textarea, textarea[data-test=item-sms-text]').value",
            vec![],
        )
        .await?
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(text.contains("2026年度优秀教师拟推荐人选公示"), "{text}");
    app.screenshot("item-sms").await?;
    app.close().await?;
    Ok(())
}
