//! 上报教育局 end to end: the bureau's real server on a PostgreSQL of its
//! own; the demo school's clerk sets the link in 设置, pushes, and asks
//! the server what it holds; the bureau's page, in headless Chromium,
//! shows the school's records, its Chinese drawn as glyphs.
#![allow(clippy::unwrap_used)] // tests may unwrap

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use gongshi_district::testing::TempPg;
use gongshi_e2e::browser::Browser;
use gongshi_e2e::{App, TestResult, app_binary, gongshi_cli};

/// The server built beside the app (`cargo xtask e2e` builds both).
fn district() -> Command {
    let bin = std::env::var_os("GONGSHI_DISTRICT_BIN").map_or_else(
        || app_binary().with_file_name("gongshi-district"),
        Into::into,
    );
    Command::new(bin)
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(url: &str) -> (Server, String) {
    let mut child = district()
        .env("DATABASE_URL", url)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http"))
        .unwrap()
        .to_owned();
    (Server(child), base)
}

#[tokio::test]
async fn a_school_reports_to_the_district_and_the_bureau_sees_it() -> TestResult {
    let pg = TempPg::start();
    let added = district()
        .env("DATABASE_URL", &pg.url)
        .args([
            "schools",
            "add",
            "--code",
            "4401010001",
            "--name",
            "阳光市实验小学",
        ])
        .output()?;
    assert!(added.status.success());
    let token = String::from_utf8(added.stdout)?
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned();
    let (_server, base) = serve(&pg.url);

    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    app.click("nav-settings").await?;
    // A token mistyped is refused, naming the field; nothing is kept.
    app.fill("district-url", &base).await?;
    app.fill("district-code", "4401010001").await?;
    app.fill("district-token", "123").await?;
    app.click("district-save").await?;
    app.wait_inner_text("district-error", "令牌").await?;
    app.fill("district-token", &token).await?;
    app.click("district-save").await?;
    let counts = app.wait_inner_text("district-counts", "待上报").await?;
    assert!(!counts.contains("待上报 0 条"), "{counts}");
    app.click("district-push").await?;
    let counts = app
        .wait_inner_text("district-counts", "待上报 0 条")
        .await?;
    let sent: i64 = counts
        .split("已送达")
        .nth(1)
        .and_then(|s| s.split('条').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(sent >= 8, "{counts}");
    app.click("district-status").await?;
    let server = app.wait_inner_text("district-server", "没有缺号").await?;
    assert!(server.contains(&format!("已收 {sent} 条")), "{server}");
    // The card as the clerk sees it, its Chinese drawn as glyphs.
    let (boxes, shot) = app
        .glyphs_on_screen("district-counts", r"\p{Script=Han}", "district-settings")
        .await?;
    gongshi_e2e::glyphs::check_real_glyphs(&shot, &boxes)?;
    app.close().await?;

    // The bureau's page in a real browser.
    let browser = Browser::launch().await?;
    browser.client.goto(&base).await?;
    assert_eq!(
        browser.text("[data-figure=records]").await?,
        sent.to_string()
    );
    let row = browser.text("tr[data-school='4401010001']").await?;
    assert!(row.contains("阳光市实验小学"), "{row}");
    browser.shot_with_glyphs("district-page", "main").await?;
    browser
        .client
        .goto(&format!("{base}/schools/4401010001"))
        .await?;
    let postings = browser.text("#postings").await?;
    assert!(postings.contains("财务收支"), "{postings}");
    browser
        .shot_with_glyphs("district-school", "main h2")
        .await?;
    browser.close().await
}
