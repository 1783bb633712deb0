use chrono::NaiveDate;
use gongshi_domain::district::chain::{GENESIS, Held, judge};
use gongshi_domain::district::{Body, TakenDown, Verdict};
use gongshi_store::{Answer, DistrictLink, Store, StoreError};

use crate::{clerk, profile};

fn taken_down(item: i64) -> Body {
    Body::TakenDown(TakenDown {
        item,
        revision: 1,
        on: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        reason: "更正".into(),
    })
}

#[test]
fn published_records_are_queued_with_their_change_and_chained() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(&clerk(), |w| {
            w.save_school(profile("阳光小学"))?;
            assert!(w.enqueue_district(&taken_down(1))?);
            // The same subject again is the same record.
            assert!(!w.enqueue_district(&taken_down(1))?);
            w.enqueue_district(&taken_down(2))
        })
        .unwrap();
    // A change that fails leaves nothing in the outbox.
    let failed: Result<(), StoreError> = store.write(&clerk(), |w| {
        w.enqueue_district(&taken_down(3))?;
        Err(StoreError::Missing { path: "x".into() })
    });
    assert!(failed.is_err());
    store
        .write(&clerk(), |w| {
            w.save_school(profile("阳光小学（新）"))?;
            w.enqueue_district(&taken_down(4))
        })
        .unwrap();
    let records = store.outbox_all().unwrap();
    assert_eq!(records.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(records[0].prev, GENESIS);
    for pair in records.windows(2) {
        let held = Held {
            same: None,
            before: Some(&pair[0].hash),
            after_prev: None,
            subject_at: None,
            highest: 0,
        };
        assert!(matches!(judge(&pair[1], held), Verdict::New(_)));
    }
    // Each carries the audit chain's head as its change left it.
    assert!(records.iter().all(|r| r.audit_head.len() == 64));
    assert_ne!(records[1].audit_head, records[2].audit_head);
    assert!(matches!(
        store.verify_chain().unwrap(),
        gongshi_store::ChainCheck::Whole { .. }
    ));

    // The server's answers kept; the pending ones are those left.
    store
        .write(&clerk(), |w| {
            w.note_district_answers(&[(1, Answer::Held), (2, Answer::Refused("第2条…".into()))])
        })
        .unwrap();
    let counts = store.outbox_counts().unwrap();
    assert_eq!(
        (counts.total, counts.sent, counts.pending, counts.refused),
        (3, 1, 1, 1)
    );
    assert_eq!(store.outbox_pending(10).unwrap()[0].seq, 3);
    assert_eq!(
        store.outbox_refusals().unwrap(),
        vec![(2, "第2条…".to_owned())]
    );
}

#[test]
fn the_token_never_reaches_the_audit_log() {
    let mut store = Store::open_in_memory().unwrap();
    let link = DistrictLink {
        url: "https://jyj.example.cn".into(),
        school_code: "4401010001".into(),
        token: "gsd_secret".into(),
        ca_pem: None,
    };
    store
        .write(&clerk(), |w| w.set_district_link(&link))
        .unwrap();
    assert_eq!(store.district_link().unwrap(), Some(link));
    let log = store.audit_entries(5).unwrap();
    assert!(log.iter().any(|e| e.action == "设置上报教育局"));
    assert!(
        log.iter()
            .all(|e| !e.after.as_deref().unwrap_or("").contains("gsd_secret"))
    );
}
