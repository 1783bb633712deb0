//! An archived sheet taken out to be looked at: the bytes printed, checked
//! against the digest recorded then.

use gongshi_app::print::sheet::Paper;
use gongshi_app::{Store, archive, board, school};

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
    let path = archive::take_out(&store, rev.id, sheet.id, &out).unwrap();
    assert!(path.starts_with(&out));
    assert_eq!(
        archive::sha256_hex(&std::fs::read(&path).unwrap()),
        printed.sheets[0].1
    );

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
    let err = archive::take_out(&store, rev.id, sheet.id, &out).unwrap_err();
    assert!(err.to_string().contains("SHA-256不符"), "{err}");
    assert!(archive::take_out(&store, rev.id, 999, &out).is_err());
}
