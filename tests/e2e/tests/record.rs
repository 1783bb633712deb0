//! 台账与年报 in the app: the demo's year report opened with its charts
//! drawn in the preview, the clerk's text saved and printed, the register
//! exported for the year.
#![allow(clippy::unwrap_used)] // tests may unwrap

use chrono::Datelike;
use gongshi_e2e::{App, TestResult, gongshi_cli};

#[tokio::test]
async fn the_year_report_with_its_charts_then_the_register() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    app.click("nav-register").await?;
    app.find("preview-page-1").await?;
    app.wait_inner_text("report-state", "草稿").await?;
    // The figures' page: its chart's labels are drawn as SVG text (which
    // WebDriver's element text does not read: its textContent does).
    let figures = app
        .client
        .execute(
            "return document.querySelector('[data-test=preview-page-2]').textContent",
            vec![],
        )
        .await?;
    let figures = figures.as_str().unwrap_or_default();
    for shown in ["图1 各类别公开事项数", "财务收支", "收费公示"] {
        assert!(figures.contains(shown), "{shown} in {figures}");
    }
    app.fill("report-body-4", "今后，学校将每月检查一次公开栏。")
        .await?;
    app.click("report-save").await?;
    app.wait_inner_text("report-saved", "已保存").await?;
    app.wait_inner_text("report-state", "已编辑").await?;
    app.client
        .execute(
            "document.querySelector('[data-test=preview-page-2]').scrollIntoView({block: 'start'})",
            vec![],
        )
        .await?;
    app.settle().await?;
    app.screenshot("year-report").await?;
    app.click("year-report-print").await?;
    let pdf = app.wait_inner_text("year-report-path", ".pdf").await?;

    app.click_css("#tab-register").await?;
    app.click("register-print").await?;
    let register = app.wait_inner_text("register-path", ".xlsx").await?;
    app.settle().await?;
    app.screenshot("register").await?;
    app.close().await?;

    let text = gongshi_e2e::pdf_text(pdf.trim());
    let year = chrono::Local::now().year();
    for shown in [
        format!("{year}年度校务公开工作报告"),
        "今后，学校将每月检查一次公开栏。".into(),
        "图2 各月公开事项数".into(),
    ] {
        assert!(text.contains(&shown), "{shown} in {text}");
    }
    assert!(std::fs::read(register.trim())?.starts_with(b"PK"));
    Ok(())
}
