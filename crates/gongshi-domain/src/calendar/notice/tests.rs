use super::*;

/// Days as the tests write them: "2026-01-04 元旦 上班".
fn shown(days: &[SpecialDay]) -> Vec<String> {
    days.iter()
        .map(|d| format!("{} {} {}", d.date, d.name, off_word(d.off)))
        .collect()
}

/// Every day from `from` to `to`, off, named `name`.
fn off(from: &str, to: &str, name: &str) -> Vec<String> {
    let from: NaiveDate = from.parse().unwrap();
    let to: NaiveDate = to.parse().unwrap();
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|d| format!("{d} {name} 放假"))
        .collect()
}

fn work(date: &str, name: &str) -> Vec<String> {
    vec![format!("{date} {name} 上班")]
}

/// `text`, read as the notice of `year`, gives exactly `expected` and no
/// problems.
fn check(text: &str, year: i32, expected: &[Vec<String>]) {
    let parsed = parse_notice(text, year);
    assert_eq!(parsed.problems, [], "{text}");
    assert_eq!(shown(&parsed.days), expected.concat(), "{text}");
}

/// `text` gives one problem — its sentence containing `sentence`, its
/// reason containing `reason` — and only the days in `expected`.
fn check_problem(text: &str, year: i32, sentence: &str, reason: &str, expected: &[Vec<String>]) {
    let parsed = parse_notice(text, year);
    assert_eq!(parsed.problems.len(), 1, "{text}: {:?}", parsed.problems);
    let problem = &parsed.problems[0];
    assert!(
        problem.sentence.contains(sentence),
        "{:?} should contain {sentence:?}",
        problem.sentence
    );
    assert!(
        problem.reason.contains(reason),
        "{:?} should contain {reason:?}",
        problem.reason
    );
    assert_eq!(shown(&parsed.days), expected.concat(), "{text}");
}

#[test]
fn a_section_with_a_range_and_a_make_up_day() {
    check(
        "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
        2026,
        &[
            off("2026-01-01", "2026-01-03", "元旦"),
            work("2026-01-04", "元旦"),
        ],
    );
}

#[test]
fn the_ways_a_day_off_is_written() {
    let cases: &[(&str, i32, Vec<String>)] = &[
        (
            "一、元旦：1月1日（周三）放假1天，不调休。",
            2025,
            off("2025-01-01", "2025-01-01", "元旦"),
        ),
        (
            "三、清明节：4月4日（周五）至6日（周日）放假，共3天。",
            2025,
            off("2025-04-04", "2025-04-06", "清明节"),
        ),
        (
            "二、春节：2月10日至17日放假调休，共8天。",
            2024,
            off("2024-02-10", "2024-02-17", "春节"),
        ),
        (
            "一、元旦：2020年1月1日放假，共1天。",
            2020,
            off("2020-01-01", "2020-01-01", "元旦"),
        ),
        (
            "五、端午节：6月10日放假，与周末连休。",
            2024,
            off("2024-06-10", "2024-06-10", "端午节"),
        ),
        (
            "二、劳动节：5月1日放假。",
            2019,
            off("2019-05-01", "2019-05-01", "劳动节"),
        ),
        (
            "四、劳动节：5月1日放假，5月2日（星期一）补休。",
            2016,
            off("2016-05-01", "2016-05-02", "劳动节"),
        ),
    ];
    for (text, year, expected) in cases {
        check(text, *year, std::slice::from_ref(expected));
    }
}

#[test]
fn ranges_across_months_and_years() {
    check(
        "六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。",
        2023,
        &[
            off("2023-09-29", "2023-10-06", "中秋节、国庆节"),
            work("2023-10-07", "中秋节、国庆节"),
            work("2023-10-08", "中秋节、国庆节"),
        ],
    );
    check(
        "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。",
        2019,
        &[
            work("2018-12-29", "元旦"),
            off("2018-12-30", "2019-01-01", "元旦"),
        ],
    );
    // No years written and the range running from December into January:
    // the notice is about its year's 元旦, so it starts the year before.
    check(
        "一、元旦：12月31日（星期六）至1月2日（星期一）放假，共3天。",
        2023,
        &[off("2022-12-31", "2023-01-02", "元旦")],
    );
}

#[test]
fn make_up_days_in_every_spelling() {
    let spring_2019 = || {
        vec![
            work("2019-02-02", "春节"),
            work("2019-02-03", "春节"),
            off("2019-02-04", "2019-02-10", "春节"),
        ]
    };
    for make_up in [
        "2月2日（星期六）、2月3日（星期日）上班",
        "2月2日（星期六）、2月3日（星期天）上班",
        "2月2日（周六）、2月3日（周日）上班",
        "2月2日(星期六)、2月3日(星期日)上班",
        "2月2日、2月3日上班",
        "2月2日（星期六）、3日（星期日）上班",
        "2月2日（农历腊月二十八、周六）和2月3日（农历腊月二十九，周日）上班",
    ] {
        let text = format!("二、春节：2月4日至10日放假调休，共7天。{make_up}。");
        check(&text, 2019, &spring_2019());
    }
}

#[test]
fn brackets_may_hold_the_lunar_date_as_well() {
    check(
        "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。",
        2026,
        &[
            work("2026-02-14", "春节"),
            off("2026-02-15", "2026-02-23", "春节"),
            work("2026-02-28", "春节"),
        ],
    );
}

#[test]
fn whitespace_full_width_digits_and_broken_lines_are_tolerated() {
    let text = "\r\n\r\n　　二、春节：２月１５日（农历腊月二十八、周日） 至 ２３日（农历正月初七、周一）放假调休，共９天。\r\n\r\n  2月14日 (周六)、2月28日（周六）上班。\r\n\r\n";
    check(
        text,
        2026,
        &[
            work("2026-02-14", "春节"),
            off("2026-02-15", "2026-02-23", "春节"),
            work("2026-02-28", "春节"),
        ],
    );
}

#[test]
fn advice_in_a_section_is_no_day_off() {
    let text = "二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。";
    check(
        text,
        2024,
        &[
            work("2024-02-04", "春节"),
            off("2024-02-10", "2024-02-17", "春节"),
            work("2024-02-18", "春节"),
        ],
    );
    let ignored = parse_notice(text, 2024).ignored;
    assert_eq!(
        ignored,
        ["鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息"]
    );
}

#[test]
fn an_extension_runs_the_holiday_on_over_its_make_up_day() {
    // 2020: the second notice extended 春节 to 2月2日, so 2月1日 (a make-up
    // Saturday in the first) became a day off, and 2月3日 a working day.
    let text = "二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。\n\
                国务院办公厅\n2019年11月21日\n\
                国务院办公厅关于延长2020年春节假期的通知\n\
                一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。\n";
    check(
        text,
        2020,
        &[
            work("2020-01-19", "春节"),
            off("2020-01-24", "2020-02-02", "春节"),
            work("2020-02-03", "春节"),
        ],
    );
    check_problem(
        "国务院办公厅关于延长2020年春节假期的通知\n一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。",
        2020,
        "延长2020年春节假期",
        "没有找到放假日期",
        &[],
    );
}

#[test]
fn a_weekday_that_does_not_match_its_date_drops_the_sentence() {
    // 2027-01-01 is a Friday.
    check_problem(
        "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月9日（周六）上班。",
        2027,
        "1月1日（周四）至3日（周六）",
        "1月1日是星期五，括号里写的是周四",
        &[work("2027-01-09", "元旦")],
    );
    check_problem(
        "二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期一）上班。",
        2019,
        "2月3日（星期一）",
        "2月3日是星期日，括号里写的是星期一",
        &[off("2019-02-04", "2019-02-10", "春节")],
    );
    check_problem(
        "一、元旦：2018年12月30日（星期六）至2019年1月1日放假，共3天。",
        2019,
        "2018年12月30日",
        "2018年12月30日是星期日，括号里写的是星期六",
        &[],
    );
}

#[test]
fn a_day_count_that_does_not_match_the_range() {
    check_problem(
        "二、春节：2月10日至17日放假调休，共7天。2月4日（星期日）上班。",
        2024,
        "共7天",
        "写的是共7天，但2月10日至2月17日放假是8天",
        &[work("2024-02-04", "春节")],
    );
    check_problem(
        "一、元旦：1月1日放假3天。",
        2027,
        "放假3天",
        "写的是共3天",
        &[],
    );
}

#[test]
fn a_sentence_in_a_section_that_cannot_be_read_is_reported() {
    let qingming = off("2018-04-05", "2018-04-07", "清明节");
    check_problem(
        "三、清明节：4月5日至7日放假调休，共3天。4月8日（星期日）照常上班。",
        2018,
        "4月8日（星期日）照常上班",
        "看不懂这句话",
        std::slice::from_ref(&qingming),
    );
    check_problem(
        "三、清明节：4月5日至7日放假调休，共3天，与周末连休并错峰出行。",
        2018,
        "错峰出行",
        "看不懂“放假”后面的“与周末连休并错峰出行”",
        &[],
    );
    // A broken line right after an item continues it: still read, and
    // reported when it cannot be.
    check_problem(
        "三、清明节：4月5日至7日放假调休，共3天。4月8日（星期日）\n上班。",
        2018,
        "4月8日（星期日）",
        "看不懂这句话",
        std::slice::from_ref(&qingming),
    );
}

#[test]
fn impossible_dates_are_reported() {
    let cases = [
        ("一、元旦：2月30日放假。", "2027年2月30日不是有效的日期"),
        (
            "一、元旦：1月3日至1日放假。",
            "结束日期1月1日早于开始日期1月3日",
        ),
        ("一、元旦：2030年1月1日放假。", "2030年1月1日不在2027年前后"),
        ("一、元旦：1月1日至2月20日放假。", "有51天，放假不会这么长"),
        ("一、元旦：1日放假。", "没有写月份"),
    ];
    for (text, reason) in cases {
        let sentence = text.trim_start_matches("一、元旦：").trim_end_matches('。');
        check_problem(text, 2027, sentence, reason, &[]);
    }
}

#[test]
fn a_dated_arrangement_outside_any_section_is_reported() {
    check_problem(
        "经国务院批准，现将2027年元旦安排通知如下。\n1月1日放假，共1天。\n节假日期间，各地区要妥善安排好值班。",
        2027,
        "1月1日放假，共1天",
        "不在“一、元旦：……”这样的节日条目下",
        &[],
    );
    // The closing paragraph ends the items: a dated line after it is outside.
    check_problem(
        "一、元旦：1月1日放假。\n节假日期间，各地区要妥善安排好值班。\n1月4日（周一）上班。",
        2027,
        "1月4日（周一）上班",
        "不在“一、元旦：……”这样的节日条目下",
        &[off("2027-01-01", "2027-01-01", "元旦")],
    );
}

#[test]
fn an_item_without_dates_is_reported() {
    check_problem(
        "六、中秋节：\n节假日期间，各地区要妥善安排好值班。",
        2027,
        "六、中秋节：",
        "“中秋节”这一条下面没有放假或上班的日期",
        &[],
    );
    // The dates may follow on the next line.
    check(
        "一、元旦：\n1月1日放假。",
        2027,
        &[off("2027-01-01", "2027-01-01", "元旦")],
    );
}

#[test]
fn a_day_both_off_and_working_is_left_out_and_reported() {
    check_problem(
        "一、元旦：1月1日至3日放假，共3天。\n二、春节：1月3日（周日）上班。",
        2027,
        "二、春节：1月3日（周日）上班",
        "1月3日在前面写的是放假，这里又写成上班",
        &[off("2027-01-01", "2027-01-02", "元旦")],
    );
    // The same day twice, saying the same thing, is just that day.
    check(
        "一、元旦：1月1日放假。1月1日放假。",
        2027,
        &[off("2027-01-01", "2027-01-01", "元旦")],
    );
}

#[test]
fn the_text_around_the_items_is_ignored_and_listed() {
    let text = "国务院办公厅关于2027年部分节假日安排的通知\n\
                国办发明电〔2026〕7号\n\
                各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\
                经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n\
                一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n\
                节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。\n\
                国务院办公厅\n\
                2026年11月4日\n\
                （此件公开发布）";
    let parsed = parse_notice(text, 2027);
    assert_eq!(parsed.problems, []);
    assert_eq!(shown(&parsed.days), off("2027-01-01", "2027-01-03", "元旦"));
    assert_eq!(
        parsed.ignored,
        [
            "国务院办公厅关于2027年部分节假日安排的通知",
            "国办发明电〔2026〕7号",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下",
            "节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期",
            "国务院办公厅",
            "2026年11月4日",
            "（此件公开发布）",
        ]
    );
}

#[test]
fn the_year_comes_from_the_title() {
    let cases = [
        (
            "国务院办公厅关于2027年部分节假日安排的通知\n各省…",
            Some(2027),
        ),
        (
            "国办发明电〔2026〕7号\n国务院办公厅关于2027年部分节假日安排的通知",
            Some(2027),
        ),
        ("关于２０２８年 部分节假日安排的通知", Some(2028)),
        ("国务院办公厅关于延长2020年春节假期的通知", None),
        ("一、元旦：1月1日放假。", None),
        ("", None),
    ];
    for (text, year) in cases {
        assert_eq!(notice_year(text), year, "{text}");
    }
}

#[test]
fn a_dateless_sentence_ends_the_item_and_is_listed_as_not_used() {
    let parsed = parse_notice(
        "三、清明节：4月5日至7日放假调休，共3天。具体安排另行通知。4月8日（星期日）上班。",
        2018,
    );
    assert_eq!(parsed.ignored, ["具体安排另行通知"]);
    // A dated arrangement after it is outside any item: reported, not lost.
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    assert!(parsed.problems[0].sentence.contains("4月8日"));
}

#[test]
fn a_day_given_to_two_holidays_is_reported() {
    check_problem(
        "四、劳动节：5月1日至5日放假调休，共5天。\n五、端午节：5月5日（周三）放假1天，不调休。",
        2027,
        "五、端午节：5月5日（周三）放假1天，不调休",
        "5月5日在前面写的是劳动节放假，这里又写成端午节",
        &[off("2027-05-01", "2027-05-04", "劳动节")],
    );
}

#[test]
fn a_make_up_working_day_on_a_weekday_is_reported() {
    check_problem(
        "二、春节：2月5日至13日放假调休，共9天。2月15日（周一）上班。",
        2027,
        "2月15日（周一）上班",
        "2月15日是星期一，本来就是工作日",
        &[off("2027-02-05", "2027-02-13", "春节")],
    );
}
