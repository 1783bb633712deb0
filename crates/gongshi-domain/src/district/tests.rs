use chrono::NaiveDate;

use super::chain::{GENESIS, Held, judge, seal};
use super::due::{FeeDue, finance_gaps, month_named, term};
use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn posting(item: i64) -> Body {
    Body::Posting(Posting {
        item,
        revision: 1,
        category: "finance".into(),
        title: "十月财务收支".into(),
        text: "十月财务收支\n收入 1,000.00".into(),
        posted_on: d("2026-11-02"),
        period_end: d("2026-11-06"),
        pdf_sha256: Some("ab".repeat(32)),
        month: Some("2026-10".into()),
    })
}

/// Three records of one school, chained.
fn chain() -> Vec<Record> {
    let mut prev = GENESIS.to_owned();
    (1..=3)
        .map(|seq| {
            let r = Record::sealed(
                seq,
                posting(seq).to_form(),
                format!("head{seq}"),
                prev.clone(),
            );
            prev = r.hash.clone();
            r
        })
        .collect()
}

#[test]
fn a_body_round_trips_through_its_versioned_form() {
    let body = posting(7);
    let form = body.to_form();
    assert!(form.starts_with(r#"{"v":1,"kind":"posting","#), "{form}");
    assert_eq!(Body::from_form(&form).unwrap(), body);
    let newer = form.replace(r#""v":1"#, r#""v":2"#);
    assert!(
        Body::from_form(&newer)
            .unwrap_err()
            .to_string()
            .contains("第2版")
    );
    let bad = form.replace("finance", "nope");
    assert!(
        Body::from_form(&bad)
            .unwrap_err()
            .to_string()
            .contains("类别")
    );
}

#[test]
fn the_seal_covers_every_field() {
    let base = seal(1, "b", "h", "p");
    assert_ne!(base, seal(2, "b", "h", "p"));
    assert_ne!(base, seal(1, "c", "h", "p"));
    assert_ne!(base, seal(1, "b", "i", "p"));
    assert_ne!(base, seal(1, "b", "h", "q"));
    // Lengths prefixed: moving a character between fields changes it.
    assert_ne!(seal(1, "bh", "", "p"), seal(1, "b", "h", "p"));
}

#[test]
fn records_are_accepted_once_in_any_order() {
    let c = chain();
    // The third first: nothing held around it.
    assert!(matches!(judge(&c[2], Held::default()), Verdict::New(_)));
    // The first, then the second between two held neighbours.
    assert!(matches!(judge(&c[0], Held::default()), Verdict::New(_)));
    let held = Held {
        same: None,
        before: Some(&c[0].hash),
        after_prev: Some(&c[2].prev),
        subject_at: None,
        highest: 3,
    };
    assert!(matches!(judge(&c[1], held), Verdict::New(_)));
    // Again: a no-op.
    let again = Held {
        same: Some(&c[1].hash),
        ..held
    };
    assert_eq!(judge(&c[1], again), Verdict::Duplicate);
}

#[test]
fn tampering_is_refused_saying_where() {
    let c = chain();
    // Content changed, seal kept.
    let mut changed = c[1].clone();
    changed.body = changed.body.replace("1,000.00", "9,000.00");
    assert_eq!(
        judge(&changed, Held::default()),
        Verdict::Refused(Refusal::Seal)
    );
    // Changed and sealed again by someone who knows how: its neighbours
    // held, it does not follow.
    let forged = Record::sealed(
        2,
        changed.body.clone(),
        c[1].audit_head.clone(),
        c[1].prev.clone(),
    );
    let held = Held {
        same: None,
        before: Some(&c[0].hash),
        after_prev: Some(&c[2].prev),
        subject_at: None,
        highest: 3,
    };
    assert_eq!(judge(&forged, held), Verdict::Refused(Refusal::After));
    let rewired = Record::sealed(2, c[1].body.clone(), String::new(), "x".into());
    assert_eq!(judge(&rewired, held), Verdict::Refused(Refusal::Before));
    // A different record at a number held.
    let same = Held {
        same: Some(&c[1].hash),
        ..held
    };
    assert_eq!(judge(&forged, same), Verdict::Refused(Refusal::Conflict));
    let first = Record::sealed(1, c[0].body.clone(), String::new(), "x".into());
    assert_eq!(
        judge(&first, Held::default()),
        Verdict::Refused(Refusal::Start)
    );
    assert!(Refusal::Before.message(5).contains("第4条"));
}

#[test]
fn finance_is_due_each_month_once_it_is_over() {
    let gaps = finance_gaps(d("2026-09-01"), d("2026-12-02"), &[d("2026-10-08")]);
    assert_eq!(gaps, vec![(2026, 9), (2026, 11)]);
    // Across the new year; December not over.
    let gaps = finance_gaps(d("2026-11-01"), d("2027-02-01"), &[d("2026-11-30")]);
    assert_eq!(gaps, vec![(2026, 12), (2027, 1)]);
    assert!(finance_gaps(d("2026-09-01"), d("2026-09-30"), &[]).is_empty());
}

#[test]
fn a_semesters_term_and_its_fee_schedule() {
    for (name, start) in [
        ("2026—2027学年第一学期", "2026-09-01"),
        ("2026-2027学年第二学期", "2027-02-01"),
        ("2026年秋季学期", "2026-09-01"),
        ("2027年春季学期", "2027-02-01"),
    ] {
        assert_eq!(term(name).unwrap().from, d(start), "{name}");
    }
    assert_eq!(term("下学期"), None);
    let start = d("2026-09-01");
    assert_eq!(
        FeeDue::of(start, Some(d("2026-08-25")), d("2026-12-01")),
        FeeDue::OnTime
    );
    assert_eq!(
        FeeDue::of(start, Some(d("2026-09-01")), d("2026-12-01")),
        FeeDue::Late(0)
    );
    assert_eq!(FeeDue::of(start, None, d("2026-09-01")), FeeDue::Overdue);
    assert_eq!(FeeDue::of(start, None, d("2026-08-31")), FeeDue::NotYet);
    assert!(FeeDue::Late(3).overdue() && !FeeDue::NotYet.overdue());
}

#[test]
fn the_month_a_statement_reports_on_is_read_from_its_words() {
    for (text, month) in [
        ("2026年10月", Some("2026-10")),
        ("2026年4月财务收支公开", Some("2026-04")),
        ("2026-09", Some("2026-09")),
        ("2026.9—2026.10", Some("2026-09")),
        ("2026年第三季度", None),
        ("2026年13月", None),
    ] {
        assert_eq!(month_named(text).as_deref(), month, "{text}");
    }
}

#[test]
fn numbers_out_of_range_and_repeats_are_refused() {
    let c = chain();
    let big = Record::sealed(
        chain::MAX_SEQ + 1,
        c[0].body.clone(),
        String::new(),
        "x".into(),
    );
    assert_eq!(
        judge(&big, Held::default()),
        Verdict::Refused(Refusal::Number)
    );
    let held = Held {
        subject_at: Some(7),
        ..Held::default()
    };
    assert_eq!(judge(&c[2], held), Verdict::Refused(Refusal::Repeat(7)));
    assert!(Refusal::Repeat(7).message(9).contains("第7条"));
}
