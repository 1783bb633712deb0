//! The screen reads in Chinese on any machine: the interface and the sheet
//! previews are set in the faces the app ships, not whatever the system
//! has. CI's machine has no Chinese system fonts, so a face that failed to
//! load would show here as missing-glyph boxes.

use gongshi_e2e::glyphs::check_real_glyphs;
use gongshi_e2e::{App, TestResult, gongshi_cli};

const HAN: &str = r"\p{Script=Han}";

/// The faces in the document's font list, with their load status, and the
/// computed font family of the element `data-test=<name>`.
async fn fonts_of(
    app: &App,
    name: &str,
) -> Result<(Vec<(String, String, String)>, String), Box<dyn std::error::Error>> {
    let element = app.find(name).await?;
    let found = app
        .client
        .execute(
            "const e = arguments[0].querySelector('text') ?? arguments[0]; const list = []; document.fonts.forEach(f => list.push([f.family.replace(/\"/g, ''), f.weight, f.status])); \
             return [list, getComputedStyle(e).fontFamily]",
            vec![serde_json::to_value(&element)?],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

/// Every shown element with text of its own (or a text box with a value or
/// a placeholder) outside the sheet preview whose font family does not
/// start from the shipped interface face: form controls and code do not
/// inherit it unless told.
async fn not_in_the_interface_face(app: &App) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let found = app
        .client
        .execute(
            "const bad = []; \
             for (const e of document.querySelectorAll('body *')) { \
               if (e.closest('svg') || e.getClientRects().length === 0) continue; \
               const box = e.tagName === 'INPUT' || e.tagName === 'TEXTAREA'; \
               const own = [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()) \
                 || (box && (e.value || e.placeholder)); \
               if (!own) continue; \
               const f = getComputedStyle(e).fontFamily; \
               if (!f.includes('Noto Sans SC Variable')) bad.push(`${e.tagName}.${e.className}: ${f}`); \
             } \
             return bad",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

fn loaded(list: &[(String, String, String)], family: &str, weight: &str) -> bool {
    list.iter()
        .any(|(f, w, s)| f == family && w.split(' ').next() == Some(weight) && s == "loaded")
}

/// The app on a demo store, signed in.
async fn demo_app(db: &std::path::Path) -> Result<App, Box<dyn std::error::Error>> {
    gongshi_cli(db, &["init", "--demo"]);
    let app = App::launch(db).await?;
    app.sign_in("王静").await?;
    Ok(app)
}

/// Opens a new item with a title, so its sheet's preview shows.
async fn preview_a_new_item(app: &App) -> TestResult {
    app.click("nav-items").await?;
    app.click("item-new").await?;
    app.fill("item-title", "关于校务公开栏更新的公示").await?;
    app.find("preview-page-1").await?;
    // Faces load when the preview first uses them (the heavy title's may
    // start after the body's has finished): wait for both, 15 s at most.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let (list, _) = fonts_of(app, "preview-page-1").await?;
        if loaded(&list, "Gongshi Sheet", "400") && loaded(&list, "Gongshi Sheet", "900") {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the sheet faces did not load: {list:?}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_interface_and_the_preview_use_the_shipped_faces() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    let app = demo_app(&db).await?;

    // The interface: the shipped sans face, first in the family and loaded.
    let (list, family) = fonts_of(&app, "nav-items").await?;
    assert!(family.starts_with("\"Noto Sans SC Variable\""), "{family}");
    assert!(
        list.iter()
            .any(|(f, _, s)| f == "Noto Sans SC Variable" && s == "loaded"),
        "{list:?}"
    );

    assert_eq!(not_in_the_interface_face(&app).await?, Vec::<String>::new());
    app.click("nav-settings").await?;
    app.find("calendar-settings").await?;
    assert_eq!(not_in_the_interface_face(&app).await?, Vec::<String>::new());

    // A sheet's preview: the printer's own faces, body and heavy title; the
    // editor beside it (text boxes, buttons) in the interface's.
    preview_a_new_item(&app).await?;
    assert_eq!(not_in_the_interface_face(&app).await?, Vec::<String>::new());
    let (list, family) = fonts_of(&app, "preview-page-1").await?;
    assert!(family.starts_with("\"Gongshi Sheet\""), "{family}");
    assert!(loaded(&list, "Gongshi Sheet", "400"), "{list:?}");
    assert!(loaded(&list, "Gongshi Sheet", "900"), "{list:?}");
    app.close().await
}

#[tokio::test]
async fn chinese_text_is_drawn_as_glyphs_not_boxes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gongshi.sqlite3");
    let app = demo_app(&db).await?;
    app.wait_text("header-school", "阳光市实验小学（示例）")
        .await?;

    // The check itself: characters no font has (private use) must be seen
    // as boxes or nothing here, or this test could not see tofu at all.
    app.client
        .execute(
            "const p = document.createElement('div'); p.dataset.test = 'tofu-probe'; \
             p.style.cssText = 'position:fixed;left:20px;bottom:20px;font-size:32px;background:#fff;color:#000;z-index:9999'; \
             p.textContent = '\u{E000}\u{E001}'; document.body.appendChild(p)",
            vec![],
        )
        .await?;
    let (probe, shot) = app
        .glyphs_on_screen("tofu-probe", r"\p{Co}", "glyphs-probe")
        .await?;
    assert_eq!(probe.len(), 2, "{probe:?}");
    assert!(
        check_real_glyphs(&shot, &probe).is_err(),
        "characters no font has were taken for glyphs: the check cannot see tofu here"
    );
    app.client
        .execute(
            "document.querySelector('[data-test=tofu-probe]').remove()",
            vec![],
        )
        .await?;

    // The interface: the school's name in the header, the menu, a button.
    for name in ["header-school", "nav-items", "nav-board", "switch-operator"] {
        let (boxes, shot) = app
            .glyphs_on_screen(name, HAN, &format!("glyphs-{name}"))
            .await?;
        check_real_glyphs(&shot, &boxes).map_err(|e| format!("{name}: {e}"))?;
    }

    // A sheet's preview, title (heavy face) and body.
    preview_a_new_item(&app).await?;
    let (boxes, shot) = app
        .glyphs_on_screen("preview-page-1", HAN, "glyphs-preview")
        .await?;
    // The title, in the heavy face: the tallest characters.
    let tallest = boxes.iter().map(|b| b.h).fold(0.0, f64::max);
    let title: Vec<_> = boxes
        .iter()
        .filter(|b| b.h > tallest * 0.9)
        .cloned()
        .collect();
    check_real_glyphs(&shot, &title).map_err(|e| format!("preview title: {e}"))?;
    // The body, in the regular face: the line of the posting period.
    let period_line = boxes
        .iter()
        .position(|b| b.ch == "示" && b.h < tallest * 0.9)
        .ok_or("no 公示期 line in the preview")?;
    let body: Vec<_> = boxes[period_line.saturating_sub(1)..]
        .iter()
        .take(10)
        .cloned()
        .collect();
    check_real_glyphs(&shot, &body).map_err(|e| format!("preview body: {e}"))?;
    app.close().await
}
