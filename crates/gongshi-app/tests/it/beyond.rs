//! Beyond the board: the 核验码 that proves a posted sheet, and a notice as
//! a text message.

use gongshi_app::print::sheet::Paper;
use gongshi_app::{Store, board, items, sms, verification};

use super::{approved, clerk, d, now, pdftotext};

/// A store with an approved item, its weekly batch printed: the store, the
/// item and the code printed on its sheet.
fn printed() -> (Store, i64, String) {
    let mut store = super::store();
    let item = approved(&mut store);
    let week = board::print_week(
        &mut store,
        &clerk(),
        d("2026-11-23"),
        now(),
        Paper::default(),
    )
    .unwrap();
    assert_eq!(week.sheets.len(), 1);
    let code = week.sheets[0].code.clone();
    // Printed on the sheet as text (and in its QR code: the engine's test).
    assert!(
        pdftotext(&week.pdf).contains(&format!("核验码：{code}")),
        "{code}"
    );
    (store, item, code)
}

#[test]
fn a_genuine_code_finds_the_archived_sheet_however_it_is_typed() {
    let (store, item, code) = printed();
    for typed in [code.clone(), format!("核验码： {}", code.to_lowercase())] {
        let found = verification::verify(&store, &typed).unwrap();
        assert_eq!(found.code, code);
        assert_eq!(found.item_id, Some(item));
        assert_eq!(found.revision, 1);
        assert_eq!(found.kind, "公开事项");
        assert_eq!(found.described, format!("评优评先，事项编号{item}，第1版"));
        assert_eq!(found.title, "2026年度优秀教师评选结果公示");
        assert_eq!(found.period_start, Some(d("2026-11-23")));
        assert_eq!(found.printed_on, d("2026-11-23"));
        assert_eq!(found.printed_by.as_deref(), Some("王静"));
        let archived = store.printed_pdf(found.sheet_id).unwrap();
        assert!(pdftotext(&archived).contains(&code));
    }
}

#[test]
fn a_forged_code_and_another_stores_code_are_told_apart() {
    let (store, item, code) = printed();
    // The digest changed: what the paper says is not what was printed.
    let mut forged = code.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    let err = verification::verify(&store, &forged)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("与存档不符") && err.contains("被改过"),
        "{err}"
    );
    // An item or revision that does not exist.
    let parts: Vec<&str> = code.split('-').collect();
    let no_item = format!("{}-99-1-{}", parts[0], parts[3]);
    let err = verification::verify(&store, &no_item)
        .unwrap_err()
        .to_string();
    assert!(err.contains("没有编号为99的事项"), "{err}");
    let no_rev = format!("{}-{item}-7-{}", parts[0], parts[3]);
    let err = verification::verify(&store, &no_rev)
        .unwrap_err()
        .to_string();
    assert!(err.contains("没有第7版"), "{err}");
    // Another school's store prints codes of its own mark.
    let (other, _, theirs) = printed();
    assert_ne!(
        verification::store_mark_of(&store).unwrap(),
        verification::store_mark_of(&other).unwrap()
    );
    let err = verification::verify(&store, &theirs)
        .unwrap_err()
        .to_string();
    assert!(err.contains("不是用本数据文件打印的"), "{err}");
    let err = verification::verify(&store, "不是核验码")
        .unwrap_err()
        .to_string();
    assert!(err.contains("四段"), "{err}");
}

#[test]
fn a_notice_as_a_text_message_has_its_title_period_and_phone_in_one_segment() {
    let (store, item, _) = printed();
    let text = sms::for_item(&store, item, sms::DEFAULT_MAX).unwrap();
    assert!(text.chars <= 70 && text.segments == 1, "{text:?}");
    assert_eq!(text.chars, text.text.chars().count());
    assert!(
        text.text
            .starts_with("【阳光市实验小学】2026年度优秀教师评选结果公示"),
        "{}",
        text.text
    );
    assert!(text.text.contains("0371-6523 8002"), "{}", text.text);
    // Asked for more room, the fuller wording.
    let long = sms::for_item(&store, item, 200).unwrap();
    assert!(
        long.chars >= text.chars && long.text.contains("公开栏"),
        "{}",
        long.text
    );
    // Less room than any wording: the tersest, and its cost said.
    let tight = sms::for_item(&store, item, 25).unwrap();
    assert!(
        !tight.fits && tight.summary().contains("超过了25字"),
        "{}",
        tight.summary()
    );
    assert!(sms::for_item(&store, item, 5).is_err());
}

#[test]
fn a_draft_is_not_texted_to_parents() {
    let mut store = super::store();
    let item = items::create(
        &mut store,
        &clerk(),
        gongshi_app::domain::category::Category::Award,
        super::award(),
    )
    .unwrap()
    .revision
    .item_id;
    let err = sms::for_item(&store, item, 70).unwrap_err().to_string();
    assert!(err.contains("还没有批准"), "{err}");
}

/// A store with one published answer.
fn answered() -> Store {
    let mut store = super::store();
    let op = clerk();
    let asked = gongshi_app::feedback::add(
        &mut store,
        &op,
        gongshi_app::feedback::NewFeedback {
            received_on: d("2026-11-20"),
            channel: "信箱",
            item_id: None,
            content: "午餐能否增加水果？",
            is_objection: false,
            meeting_id: None,
        },
    )
    .unwrap();
    gongshi_app::feedback::answer(
        &mut store,
        &op,
        asked.id,
        "自12月起每周三供应水果。",
        "总务处",
        d("2026-11-21"),
        true,
    )
    .unwrap();
    store
}

fn post_answers(store: &mut Store, at: chrono::DateTime<chrono::FixedOffset>) -> (String, Vec<u8>) {
    let sheet = gongshi_app::feedback::qa_printable(store, at, Paper::default()).unwrap();
    assert_eq!(sheet.code(), None, "not yet readied for the board");
    let posted = verification::post(store, &clerk(), sheet, at.date_naive()).unwrap();
    let code = posted.code().unwrap().to_owned();
    (code, posted.pdf().unwrap())
}

#[test]
fn the_answers_sheet_is_posted_with_a_code_archived_once_for_what_it_says() {
    let mut store = answered();
    let (code, pdf) = post_answers(&mut store, now());
    let mark = verification::store_mark_of(&store).unwrap();
    assert!(code.starts_with(&format!("{mark}-Q-1-")), "{code}");
    assert!(
        pdftotext(&pdf).contains(&format!("核验码：{code}")),
        "{code}"
    );

    let found = verification::verify(&store, &code.to_lowercase()).unwrap();
    assert_eq!(found.kind, "反馈答复公示");
    assert_eq!(found.described, "第1次印发");
    assert_eq!((found.item_id, found.revision_id), (None, None));
    assert_eq!(found.title, "反馈意见答复公示");
    assert_eq!(found.period_start, Some(d("2026-11-23")));
    assert_eq!(found.period_end, Some(d("2026-11-27")));
    assert_eq!(found.printed_by.as_deref(), Some("王静"));
    // What was archived is what was printed.
    let archived = store.printed_pdf(found.sheet_id).unwrap();
    assert_eq!(pdftotext(&archived), pdftotext(&pdf));

    // Printed again saying the same: the same code, nothing archived twice.
    let (again, _) = post_answers(&mut store, now());
    assert_eq!(again, code);
    assert_eq!(store.printed_with_code(&code).unwrap().len(), 1);
    // A week later it says another period: the second printing.
    let later = now() + chrono::Duration::days(7);
    let (second, _) = post_answers(&mut store, later);
    assert!(second.starts_with(&format!("{mark}-Q-2-")), "{second}");
    assert_ne!(second[9..], code[9..]);
    assert_eq!(
        verification::verify(&store, &second).unwrap().printed_on,
        later.date_naive()
    );
    // The whole log and archive still check out.
    assert!(matches!(
        store.verify_chain().unwrap(),
        gongshi_app::store::ChainCheck::Whole { sheets: 2, .. }
    ));
}

#[test]
fn a_code_for_an_answers_sheet_never_printed_or_altered_is_refused() {
    let mut store = answered();
    let (code, _) = post_answers(&mut store, now());
    let parts: Vec<&str> = code.split('-').collect();
    let third = format!("{}-Q-3-{}", parts[0], parts[3]);
    let err = verification::verify(&store, &third)
        .unwrap_err()
        .to_string();
    assert!(err.contains("没有印发过第3次反馈答复公示"), "{err}");
    let altered = format!("{}-Q-1-{}", parts[0], "00000000");
    let err = verification::verify(&store, &altered)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("与存档不符") && err.contains("第1次印发的反馈答复公示"),
        "{err}"
    );
    let fees = format!("{}-F1-1-{}", parts[0], parts[3]);
    let err = verification::verify(&store, &fees).unwrap_err().to_string();
    assert!(err.contains("没有印发过第1次收费公示"), "{err}");
}
