//! An archived sheet taken out to be looked at: the bytes printed, checked
//! against the digest recorded then.

use gongshi_app::print::sheet::Paper;
use gongshi_app::{Store, archive, board, items, school};

use super::{approved, clerk, d, now, profile};

#[test]
fn an_archived_sheet_comes_out_as_printed_and_a_tampered_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let mut store = Store::create(&db).unwrap();
    school::save_school(&mut store, &clerk(), profile()).unwrap();
    school::save_duties(&mut store, &clerk(), gongshi_app::demo::demo_duties()).unwrap();
    let item = approved(&mut store);
    let printed = board::print_week(
        &mut store,
        &clerk(),
        d("2026-11-25"),
        now(),
        Paper::default(),
    )
    .unwrap();
    let rev = store.current_revision(item).unwrap().unwrap();
    let sheet = &archive::sheets(&store, rev.id).unwrap()[0];

    let out = dir.path().join("看");
    let path = archive::take_out(&store, sheet.id, &out).unwrap();
    assert!(path.starts_with(&out));
    assert_eq!(
        archive::sha256_hex(&std::fs::read(&path).unwrap()),
        printed.sheets[0].sha256
    );
    let whole = gongshi_app::audit::verify(&store, &db).unwrap();
    assert!(whole.contains("1份张贴稿存档"), "{whole}");

    // One byte changed behind the app's back: named, never shown.
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE printed_sheets SET pdf = CAST(replace(CAST(pdf AS TEXT), 'PDF', 'PDG') AS BLOB) WHERE id = ?1",
        [sheet.id],
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&db).unwrap();
    let err = archive::take_out(&store, sheet.id, &out).unwrap_err();
    assert!(err.to_string().contains("SHA-256不符"), "{err}");
    // Its 核验码 no longer proves anything: refused, never 属实.
    let code = printed.sheets[0].code.clone();
    let err = gongshi_app::verification::verify(&store, &code)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("无法核验") && err.contains("SHA-256不符") && !err.contains("属实"),
        "{err}"
    );
    assert!(archive::take_out(&store, 999, &out).is_err());
    // The history's check finds it too, naming the sheet.
    let said = gongshi_app::audit::verify(&store, &db)
        .unwrap_err()
        .to_string();
    assert!(
        said.contains(&format!("张贴稿存档第{}份", sheet.id)),
        "{said}"
    );
}

/// The printed sheet states its period: the item goes up on that day, or
/// the batch is printed again for the day it really goes up.
#[test]
fn an_item_is_posted_on_the_day_its_printed_sheet_states() {
    let mut store = crate::store();
    let item = crate::approved(&mut store); // planned 2026-11-23
    let printed_on =
        |day: &str| chrono::DateTime::parse_from_rfc3339(&format!("{day}T08:00:00+08:00")).unwrap();
    let paper = gongshi_app::print::sheet::Paper::default();
    board::print_week(
        &mut store,
        &clerk(),
        d("2026-11-23"),
        printed_on("2026-11-23"),
        paper,
    )
    .unwrap();
    let err = items::post(&mut store, &clerk(), item, d("2026-11-25"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("张贴稿写的公示期从2026-11-23开始"), "{err}");
    assert!(err.contains("重新打印本周批次"), "{err}");
    // Printed again on the 25th, the sheet states the 25th, and so does
    // the batch's cover list.
    let batch = board::print_week(
        &mut store,
        &clerk(),
        d("2026-11-25"),
        printed_on("2026-11-25"),
        paper,
    )
    .unwrap();
    let cover = crate::pdftotext(&batch.pdf);
    let cover = cover.split('\u{c}').next().unwrap().to_owned();
    assert!(
        cover.contains("2026-11-25") && !cover.contains("2026-11-23"),
        "{cover}"
    );
    let saved = items::post(&mut store, &clerk(), item, d("2026-11-25")).unwrap();
    assert_eq!(saved.revision.period.unwrap().start, d("2026-11-25"));
}
