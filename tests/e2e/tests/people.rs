//! 领导述职 and 师德承诺 in the app: the demo's tally previewed with its
//! shares, a tally above the valid ballots refused on save, the 签名表
//! printed, the grades and a 师德 case set.
#![allow(clippy::unwrap_used)] // tests may unwrap

use gongshi_e2e::{App, TestResult, gongshi_cli};

fn item_of(db: &std::path::Path, category: &str) -> String {
    let list: serde_json::Value =
        serde_json::from_str(&gongshi_cli(db, &["--json", "items", "list"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["category"] == category)
        .map(|i| i["item_id"].to_string())
        .unwrap()
}

#[tokio::test]
async fn the_appraisal_pledge_and_cases_in_the_app() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let report = item_of(&db, "leader_report");
    let pledge = item_of(&db, "ethics_pledge");

    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    app.click("nav-items").await?;
    app.click(&format!("item-row-{report}")).await?;
    app.find("preview-page-1").await?;
    // The valid ballots cut below a leader's votes: saving is refused,
    // naming each leader over them.
    app.fill("item-field-ballots_valid", "50").await?;
    app.click("item-save").await?;
    let refused = app
        .wait_inner_text("item-error", "多于有效票数50票")
        .await?;
    assert!(refused.contains("李校长"), "{refused}");
    app.fill("item-field-ballots_valid", "56").await?;
    app.click("item-save").await?;
    app.find("preview-page-1").await?;
    app.client
        .execute(
            "document.querySelector('[data-test=preview-page-1]').scrollIntoView({block: 'start'})",
            vec![],
        )
        .await?;
    app.settle().await?;
    app.screenshot("appraisal").await?;
    app.close_drawer().await?;

    app.click(&format!("item-row-{pledge}")).await?;
    app.click("signing-sheet-print").await?;
    let path = app.wait_inner_text("signing-sheet-path", ".pdf").await?;
    app.settle().await?;
    app.screenshot("pledge").await?;
    app.close_drawer().await?;

    app.click("nav-settings").await?;
    app.fill("appraisal-grades", "满意、基本满意、不满意")
        .await?;
    app.click("appraisal-save").await?;
    let formula = app
        .wait_inner_text("appraisal-formula", "满意票数 ÷ 有效票数")
        .await?;
    assert!(!formula.contains("称职"), "{formula}");

    app.click("nav-evaluations").await?;
    app.fill("case-teacher", "周敏").await?;
    app.fill("case-summary", "有偿补课，已退费").await?;
    app.click("case-add").await?;
    // No date: refused naming the field, nothing stored.
    app.wait_inner_text("case-error", "查实日期").await?;
    app.settle().await?;
    app.screenshot("ethics-cases").await?;
    app.close().await?;

    let text = gongshi_e2e::pdf_text(path.trim());
    for shown in ["本人签名", "刘芳", "郑华", "不体罚学生"] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
    Ok(())
}
