//! Property tests of the privacy scan: it never panics and masks in place;
//! a phone or ID number is found however it is written (full width, grouped
//! by spaces, dashes or dots, after +86); a date is never a phone number.
#![allow(clippy::unwrap_used)] // tests may unwrap

use chrono::NaiveDate;
use gongshi_domain::privacy::{Allowlist, FindingKind, id_check_digit_ok, redact, scan};
use proptest::prelude::*;

fn allow() -> Allowlist {
    Allowlist::new(["0371-6523 8001", "12345"])
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            ' ' => '\u{3000}',
            '-' => '－',
            '.' => '．',
            '+' => '＋',
            _ => c,
        })
        .collect()
}

/// `digits` in groups of `sizes`, joined by `sep`.
fn grouped(digits: &str, sizes: &[usize], sep: &str) -> String {
    let mut out = Vec::new();
    let mut rest = digits;
    for &n in sizes {
        let (head, tail) = rest.split_at(n.min(rest.len()));
        out.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out.join(sep)
}

fn words() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[家长电话联系请回学生张三李四，。：（）]{0,6}").unwrap()
}

fn mobile() -> impl Strategy<Value = String> {
    (3u8..=9, 0u64..1_000_000_000).prop_map(|(second, rest)| format!("1{second}{rest:09}"))
}

/// A valid 18-character ID number: area, birth date, sequence, check.
fn id_number() -> impl Strategy<Value = String> {
    (110_000u32..=659_999, 0i64..=40_000, 0u32..=999).prop_map(|(area, days, seq)| {
        let birth = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap() + chrono::Duration::days(days);
        let first = format!("{area}{}{seq:03}", birth.format("%Y%m%d"));
        ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']
            .into_iter()
            .map(|c| format!("{first}{c}"))
            .find(|id| id_check_digit_ok(id))
            .unwrap()
    })
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(""),
        Just(" "),
        Just("-"),
        Just("."),
        Just("  "),
        Just(" - ")
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_scan_never_panics_and_masks_in_place(s in any::<String>()) {
        let _ = scan(&s, &allow());
        let masked = redact(&s, &allow());
        prop_assert_eq!(masked.chars().count(), s.chars().count());
        for (a, b) in s.chars().zip(masked.chars()) {
            prop_assert!(a == b || b == '*');
        }
    }

    #[test]
    fn a_mobile_is_found_however_written(
        number in mobile(),
        before in words(),
        after in words(),
        sep in separator(),
        wide in any::<bool>(),
        country in prop_oneof![Just(""), Just("+86"), Just("+86 "), Just("0086 ")],
    ) {
        let written = format!("{country}{}", grouped(&number, &[3, 4], sep));
        let written = if wide { full_width(&written) } else { written };
        let line = format!("{before}{written}{after}");
        let found = scan(&line, &allow());
        prop_assert_eq!(found.as_ref().map(|f| f.kind), Some(FindingKind::MobilePhone), "{}", line);
        let masked: String = redact(&line, &allow()).chars().filter(char::is_ascii_digit).collect();
        prop_assert!(!masked.contains(&number[3..]), "{}", line);
    }

    #[test]
    fn an_id_number_is_found_however_written(
        id in id_number(),
        before in words(),
        sizes in prop_oneof![Just(vec![18]), Just(vec![6, 8, 4]), Just(vec![6, 4, 4, 4]), Just(vec![3, 3, 4, 4, 4])],
        sep in separator(),
        wide in any::<bool>(),
    ) {
        let written = grouped(&id, &sizes, sep);
        let written = if wide { full_width(&written) } else { written };
        let line = format!("{before}{written}");
        let found = scan(&line, &allow()).map(|f| f.kind);
        prop_assert_eq!(found, Some(FindingKind::IdNumber), "{}", line);
    }

    #[test]
    fn a_date_is_never_a_phone_number(
        days in 0i64..=73_000,
        word in prop_oneof![Just("来自电话"), Just("联系电话"), Just("热线"), Just("拨打")],
        form in 0usize..6,
    ) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        let shown = match form {
            0 => date.format("%Y-%m-%d").to_string(),
            1 => date.format("（%Y-%m-%d）").to_string(),
            2 => date.format("%Y.%m.%d").to_string(),
            3 => date.format("%Y/%m/%d").to_string(),
            4 => full_width(&date.format("%Y-%m-%d").to_string()),
            _ => format!("{}至{}", date.format("%Y-%m-%d"), (date + chrono::Duration::days(6)).format("%Y-%m-%d")),
        };
        let line = format!("1. {word}{shown}");
        prop_assert_eq!(scan(&line, &allow()), None, "{}", line);
    }
}
