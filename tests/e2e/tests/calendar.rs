//! Next year's holidays, as a clerk takes them in: the dashboard says they
//! are missing, the State Council's notice is pasted, previewed on a
//! calendar and saved whole; a notice with a wrong weekday saves nothing.

use gongshi_e2e::{App, TestResult, gongshi_cli};

/// A made-up 2027 arrangement in the notice's words (weekdays checked).
const NOTICE_2027: &str = include_str!("../../../crates/gongshi-cli/tests/it/notice-2027.txt");

/// The store's clock is the machine's: the warning shows from 1 November
/// until next year is entered, and in a year that is not entered at all.
fn warning_expected() -> bool {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    today.year() > 2026 || today.month() >= 11
}

#[tokio::test]
async fn the_clerk_pastes_next_years_notice_previews_it_and_saves_it_whole() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    if warning_expected() {
        let warning = app
            .wait_inner_text("calendar-warning", "节假日安排")
            .await?;
        assert!(warning.contains("导入国务院通知"), "{warning}");
        app.screenshot("calendar-warning").await?;
        // Its button leads to the working calendar.
        app.click("calendar-warning-go").await?;
    } else {
        app.click("nav-settings").await?;
    }
    app.click("calendar-import-open").await?;
    // A wrong weekday in brackets: shown, and nothing can be saved.
    app.fill(
        "notice-text",
        &NOTICE_2027.replace("1月1日（周五）", "1月1日（周四）"),
    )
    .await?;
    app.click("notice-read").await?;
    let problems = app.wait_inner_text("calendar-problems", "1月1日").await?;
    assert!(problems.contains("周四"), "{problems}");
    let disabled = app.find("calendar-save").await?.attr("disabled").await?;
    assert!(
        disabled.is_some(),
        "save must be off while a sentence is unread"
    );

    // The notice as published: every day on the calendar, with its name.
    app.fill("notice-text", NOTICE_2027).await?;
    app.click("notice-read").await?;
    let outcome = app
        .wait_inner_text("calendar-outcome", "七个法定节假日齐全")
        .await?;
    assert!(outcome.contains("2027年"), "{outcome}");
    let makeup = app.inner_text("day-2027-02-14").await?;
    assert!(makeup.contains("班") && makeup.contains("春节"), "{makeup}");
    let off = app.inner_text("day-2027-10-07").await?;
    assert!(off.contains("休") && off.contains("国庆节"), "{off}");
    app.screenshot("calendar-import-preview").await?;
    app.click("calendar-save").await?;
    app.wait_dialogs_closed().await?;
    let state = app.wait_inner_text("year-state-2027", "完整").await?;
    assert!(state.contains("导入国务院通知"), "{state}");
    app.settle().await?;
    app.screenshot("calendar-years").await?;

    // The dashboard no longer warns about 2027.
    app.click("nav-dashboard").await?;
    app.find("dashboard-school").await?;
    let shown = app
        .client
        .execute(
            "return [document.querySelector('[data-test=calendar-warning]')?.innerText ?? '', \
                     !!document.querySelector('[data-test=no-school]')]",
            vec![],
        )
        .await?;
    assert!(
        !shown[0].as_str().unwrap_or_default().contains("2027"),
        "{shown}"
    );
    assert_eq!(shown[1], false, "the school's details are there");
    app.close().await?;

    // The store has the year, as the CLI sees it.
    let out = std::process::Command::new(gongshi_e2e::app_binary().with_file_name("gongshi"))
        .arg("--db")
        .arg(&db)
        .args([
            "calendar",
            "workdays",
            "--from",
            "2026-12-28",
            "--days",
            "10",
        ])
        .output()?;
    assert_eq!(String::from_utf8(out.stdout)?.trim(), "2027-01-11");
    Ok(())
}
