//! The staff congress in the app: a vote at a congress without two thirds
//! present, then one that passes; the decision goes on as 正式稿 and is
//! posted with its vote printed.
#![allow(clippy::unwrap_used)] // tests may unwrap

use gongshi_e2e::{App, TestResult, gongshi_cli};

#[tokio::test]
async fn a_congress_vote_fails_two_thirds_then_passes_and_the_decision_is_posted() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    gongshi_cli(&db, &["init", "--demo"]);
    let today = chrono::Local::now().date_naive().to_string();
    // A new 讨论稿, posted for comment; its next revision made the 正式稿.
    let added = gongshi_cli(
        &db,
        &[
            "--json",
            "--operator",
            "王静",
            "items",
            "add",
            "--category",
            "重大决策",
            "--title",
            "学校教职工考核办法（讨论稿）",
            "--body",
            "本办法经教代会讨论通过后施行。",
            "--field",
            "决策机构=教职工代表大会",
            "--field",
            &format!("决策日期={today}"),
            "--field",
            "阶段=讨论稿",
            "--planned",
            &today,
        ],
    );
    let added: serde_json::Value = serde_json::from_str(&added)?;
    let id = added["revision"]["item_id"].as_i64().unwrap().to_string();
    for args in [
        &["items", "submit", &id][..],
        &[
            "items",
            "review",
            &id,
            "--confidentiality",
            "王静",
            "--signoff",
            "赵敏",
        ],
        &["items", "approve", &id, "--by", "李新义"],
        &["items", "post", &id],
        &["items", "revise", &id],
        &[
            "items",
            "edit",
            &id,
            "--title",
            "学校教职工考核办法",
            "--field",
            "阶段=正式稿",
        ],
    ] {
        gongshi_cli(&db, &[&["--operator", "王静"][..], args].concat());
    }

    let app = App::launch(&db).await?;
    app.sign_in("王静").await?;
    app.click("nav-meetings").await?;
    for present in ["35", "45"] {
        app.fill("meeting-place", "学校报告厅").await?;
        app.fill("meeting-chair", "李新义").await?;
        app.fill("meeting-expected", "60").await?;
        app.fill("meeting-present", present).await?;
        app.fill("meeting-topics", "审议《学校教职工考核办法》")
            .await?;
        app.click("meeting-add").await?;
        app.wait_inner_text("meeting-record", &format!("实到{present}人"))
            .await?;
    }
    let quorum = app.inner_text("meeting-quorum").await?;
    assert!(quorum.contains("可以表决"), "{quorum}");
    app.settle().await?;
    app.screenshot("meetings").await?;

    app.click("nav-items").await?;
    app.click(&format!("item-row-{id}")).await?;
    let vote = |present: &'static str, yes: &'static str, no: &'static str| {
        let app = &app;
        async move {
            let label = format!(
                "{} · 应到代表60人，实到{present}人",
                chrono::Local::now().date_naive()
            );
            app.choose("vote-meeting", &label).await?;
            app.fill("vote-yes", yes).await?;
            app.fill("vote-no", no).await?;
            app.click("vote-record").await?;
            TestResult::Ok(())
        }
    };
    // Too few came: however many said yes, it does not count.
    vote("35", "35", "0").await?;
    let first = app.wait_inner_text("decision-vote-0", "会议无效").await?;
    assert!(first.contains("不足应到代表的三分之二（40人）"), "{first}");
    app.click("step-submit").await?;
    let refused = app
        .wait_inner_text("item-error", "正式稿须经教职工代表大会表决通过")
        .await?;
    assert!(refused.contains("会议无效"), "{refused}");
    app.settle().await?;
    app.screenshot("decision-refused").await?;

    vote("45", "31", "10").await?;
    let second = app.wait_inner_text("decision-vote-1", "通过").await?;
    assert!(second.contains("赞成31票，反对10票"), "{second}");
    app.click("step-submit").await?;
    assert_eq!(app.wait_text("item-status", "待审核").await?, "待审核");
    app.settle().await?;
    app.screenshot("decision-passed").await?;
    app.close().await?;

    gongshi_cli(
        &db,
        &[
            "--operator",
            "王静",
            "items",
            "review",
            &id,
            "--confidentiality",
            "王静",
            "--signoff",
            "赵敏",
        ],
    );
    gongshi_cli(
        &db,
        &[
            "--operator",
            "王静",
            "items",
            "approve",
            &id,
            "--by",
            "李新义",
        ],
    );
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
    let text = gongshi_e2e::pdf_text(&week);
    assert!(
        text.contains("表决结果：应到代表60人，实到45人，赞成31票，反对10票，弃权0票。"),
        "{text}"
    );
    Ok(())
}
