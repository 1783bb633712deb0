//! The real app, driven as a clerk would drive it.

use fantoccini::Locator;
use gongshi_e2e::{App, TestResult, gongshi_cli};

const DEMO_NAME: &str = "阳光市实验小学（示例）";

/// Answers the "who is working?" dialog with a new name.
async fn sign_in(app: &App, name: &str) -> TestResult {
    app.find("operator-dialog").await?;
    app.fill("operator-new", name).await?;
    app.click("operator-confirm").await?;
    let shown = app.wait_text("current-operator", name).await?;
    assert_eq!(shown, name);
    app.wait_dialogs_closed().await
}

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
    assert_eq!(app.find("demo-badge").await?.text().await?, "示例数据");
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

    sign_in(&app, "赵敏").await?;
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
    sign_in(&app, "李新义").await?;
    app.click("nav-settings").await?;
    app.fill("school-name", "阳光市第二实验小学").await?;
    app.click("school-save").await?;
    let header = app.wait_text("header-school", "阳光市第二实验小学").await?;
    assert_eq!(header, "阳光市第二实验小学");
    app.screenshot("settings").await?;
    app.close().await?;

    let app = App::launch(&db).await?;
    sign_in(&app, "李新义").await?;
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
    sign_in(&app, "王静").await?;
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
    sign_in(&app, "王静").await?;
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
    app.close().await?;

    let expected = dir.path().join("打印").join("收费公示样张-A4.pdf");
    assert_eq!(std::path::Path::new(&path), expected);
    let out = std::process::Command::new("pdftotext")
        .arg(&expected)
        .arg("-")
        .output()?;
    let text = String::from_utf8(out.stdout)?;
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
