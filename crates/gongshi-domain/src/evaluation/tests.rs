use super::*;

fn round(quota: u32) -> RoundSettings {
    RoundSettings {
        name: "2026年度优秀教师评选".into(),
        kind: RoundKind::Award,
        quota,
        criteria: "师德高尚，教学成绩突出。".into(),
        components: default_components(),
        tie_break: vec![DEFAULT_TIE_BREAK.into()],
        posting_days: 5,
        objection_office: "校纪检组".into(),
        objection_phone: "0371-6523 8002".into(),
        name_unranked: false,
    }
}

/// 民意测评, 工作量化, 考核成绩; 师德 合格 unless `vetoed`.
fn candidate(name: &str, scores: [&str; 3], vetoed: bool) -> Candidate {
    let mut cells = vec![name.to_owned(), "语文组".to_owned()];
    cells.extend(scores.iter().map(|s| (*s).to_owned()));
    cells.push(if vetoed { "不合格" } else { "合格" }.into());
    cells.push(if vetoed { "有偿补课" } else { "" }.into());
    parse_candidate(&round(1), &cells).unwrap()
}

/// (name, rank, outcome) in ranked order.
fn ranking(quota: u32, candidates: &[Candidate]) -> Vec<(String, Option<u32>, Outcome)> {
    rank(&round(quota), candidates)
        .into_iter()
        .map(|r| (candidates[r.index].name.clone(), r.rank, r.outcome))
        .collect()
}

use Outcome::{NotRecommended as No, Recommended as Yes, TiedAtQuota as Tied, Vetoed};

#[test]
fn the_ranking_cases() {
    struct Case {
        what: &'static str,
        quota: u32,
        candidates: Vec<Candidate>,
        expected: Vec<(&'static str, Option<u32>, Outcome)>,
    }
    let cases = vec![
        Case {
            what: "plain order by weighted total",
            quota: 2,
            candidates: vec![
                candidate("甲", ["80", "80", "80"], false),
                candidate("乙", ["90", "90", "90"], false),
                candidate("丙", ["85", "85", "85"], false),
            ],
            expected: vec![
                ("乙", Some(1), Yes),
                ("丙", Some(2), Yes),
                ("甲", Some(3), No),
            ],
        },
        Case {
            what: "a vetoed top scorer is out whatever the score",
            quota: 1,
            candidates: vec![
                candidate("甲", ["99", "99", "99"], true),
                candidate("乙", ["80", "80", "80"], false),
            ],
            expected: vec![("乙", Some(1), Yes), ("甲", None, Vetoed)],
        },
        Case {
            what: "equal totals are broken by 考核成绩",
            quota: 1,
            candidates: vec![
                candidate("甲", ["90", "80", "80"], false), // 36+24+24 = 84
                candidate("乙", ["87", "76", "88"], false), // 34.8+22.8+26.4 = 84
            ],
            expected: vec![("乙", Some(1), Yes), ("甲", Some(2), No)],
        },
        Case {
            what: "still equal candidates share a rank: 1, 2, 2, 4",
            quota: 4,
            candidates: vec![
                candidate("甲", ["90", "90", "90"], false),
                candidate("乙", ["80", "80", "80"], false),
                candidate("丙", ["80", "80", "80"], false),
                candidate("丁", ["70", "70", "70"], false),
            ],
            expected: vec![
                ("甲", Some(1), Yes),
                ("乙", Some(2), Yes),
                ("丙", Some(2), Yes),
                ("丁", Some(4), Yes),
            ],
        },
        Case {
            what: "a tie across the quota line is shown, not broken",
            quota: 2,
            candidates: vec![
                candidate("甲", ["90", "90", "90"], false),
                candidate("乙", ["80", "80", "80"], false),
                candidate("丙", ["80", "80", "80"], false),
                candidate("丁", ["70", "70", "70"], false),
            ],
            expected: vec![
                ("甲", Some(1), Yes),
                ("乙", Some(2), Tied),
                ("丙", Some(2), Tied),
                ("丁", Some(4), No),
            ],
        },
        Case {
            what: "a tie just inside the quota is all recommended",
            quota: 3,
            candidates: vec![
                candidate("甲", ["90", "90", "90"], false),
                candidate("乙", ["80", "80", "80"], false),
                candidate("丙", ["80", "80", "80"], false),
            ],
            expected: vec![
                ("甲", Some(1), Yes),
                ("乙", Some(2), Yes),
                ("丙", Some(2), Yes),
            ],
        },
    ];
    for case in cases {
        let got = ranking(case.quota, &case.candidates);
        let expected: Vec<_> = case
            .expected
            .iter()
            .map(|(n, r, o)| ((*n).to_owned(), *r, *o))
            .collect();
        assert_eq!(got, expected, "{}", case.what);
    }
}

#[test]
fn totals_are_exact_and_print_without_rounding() {
    let c = candidate("甲", ["89.25", "90", "77.5"], false);
    // 89.25×40% + 90×30% + 77.5×30% = 35.7 + 27 + 23.25 = 85.95
    assert_eq!(c.total(&round(1)), Total(859_500));
    assert_eq!(c.total(&round(1)).to_string(), "85.95");
    assert_eq!(Total(894_625).to_string(), "89.4625");
    assert_eq!(Total(900_000).to_string(), "90.00");
    assert_eq!(Score(8950).to_string(), "89.50");
}

#[test]
fn scores_out_of_range_or_not_numbers_are_refused() {
    assert_eq!(Score::parse("89.5"), Ok(Score(8950)));
    assert_eq!(Score::parse("１００"), Ok(Score(10000)));
    for bad in ["", "abc", "-5", "100.01", "89.123", "八十"] {
        assert!(Score::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_bad_row_names_every_column() {
    let cells: Vec<String> = ["", "语文组", "abc", "101", "80", "不合格", ""]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let errors = parse_candidate(&round(1), &cells).unwrap_err();
    let schema = schema(&round(1));
    let columns: Vec<&str> = errors
        .iter()
        .map(|e| schema.columns[e.column].header.as_ref())
        .collect();
    assert_eq!(columns, ["姓名", "民意测评", "工作量化", "备注"]);
}

#[test]
fn weights_not_summing_to_100_are_refused() {
    let mut r = round(1);
    r.components[0].weight = 35;
    let err = r.validated().unwrap_err().to_string();
    assert!(
        err.contains("权重：各项权重合计应为100%，现在是95%"),
        "{err}"
    );

    let mut r = round(1);
    r.tie_break = vec!["出勤".into()];
    r.quota = 0;
    let err = r.validated().unwrap_err().to_string();
    assert!(
        err.contains("名额") && err.contains("“出勤”不是本次评选的评分项目"),
        "{err}"
    );
    assert!(round(1).validated().is_ok());
}

#[test]
fn the_formula_and_tie_rule_are_printed_from_the_round() {
    let r = round(1);
    assert_eq!(
        r.formula(),
        "综合得分 = 民意测评×40% + 工作量化×30% + 考核成绩×30%"
    );
    assert_eq!(
        r.tie_rule(),
        "综合得分相同时，依次按考核成绩排序；仍相同的并列。"
    );
    assert_eq!(
        template_header(&r),
        [
            "姓名",
            "部门/年级组",
            "民意测评",
            "工作量化",
            "考核成绩",
            "师德",
            "备注",
            "师德案例编号"
        ]
    );
}

#[test]
fn components_typed_on_one_line() {
    let parsed = parse_components("民意测评:40，工作量化：30%、考核成绩:30").unwrap();
    assert_eq!(parsed, default_components());
    assert!(
        parse_components("民意测评40")
            .unwrap_err()
            .to_string()
            .starts_with("评分项目：")
    );
    assert!(
        parse_components("民意测评:四十")
            .unwrap_err()
            .to_string()
            .starts_with("权重：")
    );
}

#[test]
fn a_new_round_starts_from_one_set_of_defaults_that_validate_once_filled_in() {
    let new = RoundSettings::default();
    assert_eq!(new.quota, 1);
    assert_eq!(new.kind, RoundKind::Award);
    assert_eq!(new.components, default_components());
    assert_eq!(new.tie_break, [DEFAULT_TIE_BREAK]);
    assert_eq!(new.posting_days, 5);
    assert!(!new.name_unranked);
    let filled = RoundSettings {
        name: "2026年度优秀教师评选".into(),
        criteria: "师德高尚，教学成绩突出。".into(),
        objection_office: "校纪检组".into(),
        ..RoundSettings::default()
    };
    assert!(filled.validated().is_ok());
}

#[test]
fn a_round_stored_before_the_naming_setting_reads_as_not_naming() {
    let mut json = serde_json::to_value(round(2)).unwrap();
    json.as_object_mut().unwrap().remove("name_unranked");
    let stored: RoundSettings = serde_json::from_value(json).unwrap();
    assert!(!stored.name_unranked);
    assert_eq!(stored, round(2));

    let mut named = round(2);
    named.name_unranked = true;
    let back: RoundSettings =
        serde_json::from_str(&serde_json::to_string(&named).unwrap()).unwrap();
    assert!(back.name_unranked);
}

#[test]
fn new_components_drop_the_tie_breaks_that_no_longer_name_one() {
    let mut s = RoundSettings::default();
    assert_eq!(s.tie_break, [DEFAULT_TIE_BREAK]);
    s.set_components(parse_components("教学成绩:60,师德表现:40").unwrap());
    assert!(s.tie_break.is_empty(), "{:?}", s.tie_break);
    s.tie_break = vec!["师德表现".into()];
    s.set_components(parse_components("师德表现:50,教学成绩:50").unwrap());
    assert_eq!(s.tie_break, ["师德表现"]);
}

#[test]
fn a_veto_may_name_a_recorded_case_of_this_teacher() {
    let cx = Context {
        ethics_cases: vec![(3, "周敏".into())],
        ..Context::default()
    };
    let r = round(1);
    let row = |name: &str, ethics: &str, note: &str, case: &str| -> Vec<String> {
        [name, "语文组", "90", "90", "90", ethics, note, case]
            .map(String::from)
            .to_vec()
    };
    for (cells, says) in [
        (row("周敏", "不合格", "", "3"), None),
        (row("周敏", "不合格", "收受购物卡", ""), None),
        (
            row("周敏", "不合格", "", ""),
            Some("备注：师德不合格须写明原因或注明师德案例编号"),
        ),
        (
            row("周敏", "不合格", "", "4"),
            Some("师德案例编号：没有编号为4的师德案例"),
        ),
        (
            row("李明", "不合格", "", "3"),
            Some("师德案例编号：师德案例第3号登记的是周敏，不是李明"),
        ),
        (
            row("周敏", "合格", "", "3"),
            Some("师德案例编号：只有师德不合格才注明师德案例"),
        ),
    ] {
        let schema = schema(&r);
        let got = schema.record(&cells, &cx, |row| record(&r, row, &cx));
        match (got, says) {
            (Ok(c), None) => assert_eq!(c.ethics_case.is_some(), cells[7] == "3"),
            (Err(errors), Some(says)) => {
                let said: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{}：{}", schema.columns[e.column].header, e.message))
                    .collect();
                assert!(said.iter().any(|s| s.starts_with(says)), "{said:?}");
            }
            (got, want) => panic!("{cells:?}: {got:?}, wanted {want:?}"),
        }
    }
}
