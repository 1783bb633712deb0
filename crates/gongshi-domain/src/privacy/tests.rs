use super::*;
use FindingKind::*;

fn school() -> Allowlist {
    Allowlist::new([
        "0371-6523 8001",
        "0371-6523 8002",
        "12345",
        "13800138000",
        "（0371）65238888转8001",
    ])
}

fn check(line: &str, expected: Option<FindingKind>) {
    assert_eq!(scan(line, &school()).map(|f| f.kind), expected, "{line}");
}

fn check_all(cases: &[(&str, Option<FindingKind>)]) {
    for (line, expected) in cases {
        check(line, *expected);
    }
}

/// The masked line a refusal quotes.
fn check_masked(line: &str, masked: &str) {
    let finding = scan(line, &school()).unwrap_or_else(|| panic!("no finding in {line}"));
    assert_eq!(finding.masked_line, masked, "{line}");
}

#[test]
fn id_check_digit() {
    for (id, ok) in [
        // 11010519491231002X is the standard's own example.
        ("11010519491231002X", true),
        ("11010519491231002x", true),
        ("440524188001010014", true),
        ("410105199003071002", true),
        ("110105194912310021", false),
        ("44052418800101001", false),
        ("4405241880010100145", false),
    ] {
        assert_eq!(id_check_digit_ok(id), ok, "{id}");
    }
}

#[test]
fn id_numbers() {
    check_all(&[
        ("身份证：11010519491231002X", Some(IdNumber)),
        ("证件号440524188001010014。", Some(IdNumber)),
        ("张三 410105199003071002 13812345678", Some(IdNumber)),
        // Grouped as people write them (issue regression cases).
        ("410105 19900307 1002", Some(IdNumber)),
        ("410105-19900307-1002", Some(IdNumber)),
        ("410105  19900307  1002", Some(IdNumber)),
        ("410105 1990 0307 1002", Some(IdNumber)),
        ("１１０１０５１９４９１２３１００２Ｘ", Some(IdNumber)),
        ("４１０１０５　１９９００３０７　１００２", Some(IdNumber)),
        ("身份证号 110105 19491231 002X。", Some(IdNumber)),
        // A wrong check digit, or no date of birth inside, is no ID number.
        ("编号 110105194912310021", None),
        ("编号 110105999912310026", None),
    ]);
}

#[test]
fn mobile_phones() {
    check_all(&[
        ("家长电话13912345678", Some(MobilePhone)),
        ("联系 139 1234 5678", Some(MobilePhone)),
        ("联系 139-1234-5678", Some(MobilePhone)),
        ("联系 139.1234.5678", Some(MobilePhone)),
        ("联系 139–1234–5678", Some(MobilePhone)),
        // Full width, country code (issue regression cases).
        ("１３８１２３４５６７８", Some(MobilePhone)),
        ("家长：１３８ １２３４ ５６７８", Some(MobilePhone)),
        ("+86 13812345678", Some(MobilePhone)),
        ("+8613812345678", Some(MobilePhone)),
        ("＋８６　１３８１２３４５６７８", Some(MobilePhone)),
        ("(+86)138-1234-5678", Some(MobilePhone)),
        ("0086 13812345678", Some(MobilePhone)),
        ("8613812345678", Some(MobilePhone)),
        // A date or a number before it does not hide it.
        ("2026-11-24 13912345678", Some(MobilePhone)),
        ("13812345678/13912345678", Some(MobilePhone)),
        // Zero-width spaces inside.
        ("138\u{200b}1234\u{200b}5678", Some(MobilePhone)),
        // The school's own mobile prints, however written.
        ("值班手机 13800138000", None),
        ("值班手机 138 0013 8000", None),
        ("值班手机 +86 138-0013-8000", None),
        ("值班手机 １３８００１３８０００", None),
    ]);
}

#[test]
fn landlines() {
    check_all(&[
        ("咨询电话：0371-6523 8001", None),
        ("咨询电话：6523 8001", None),
        ("监督电话：(0371)65238002", None),
        ("监督电话：（0371）6523８００２", None),
        ("监督电话：+86 371 6523 8002", None),
        ("办公室电话：0371-65238888转8001", None),
        ("政务服务热线 12345", None),
        ("班主任座机 0371-8888 6666", Some(Landline)),
        ("班主任座机 ０３７１－８８８８　６６６６", Some(Landline)),
        ("请拨打电话 88886666 咨询", Some(Landline)),
        ("请致电 8888-6666", Some(Landline)),
        ("+86 371 8888 6666", Some(Landline)),
        // 7–8 digits are a phone only after a word that introduces one.
        ("学号 20260101", None),
        ("共 88886666 元", None),
    ]);
}

#[test]
fn bank_cards() {
    check_all(&[
        ("工资卡 6222 0212 3456 7890 128", Some(BankCard)),
        ("卡号 4111111111111111", Some(BankCard)),
        ("卡号 4111 1111 1111 1111", Some(BankCard)),
        ("卡号 4111-1111-1111-1111", Some(BankCard)),
        // Full width (issue regression case).
        (
            "卡号 ６２２２ ０２１２ ３４５６ ７８９０ １２８",
            Some(BankCard),
        ),
        ("６２２２０２１２３４５６７８９０１２８", Some(BankCard)),
        // The same digits with one changed fail the Luhn check.
        ("编号 6222 0212 3456 7890 127", None),
    ]);
}

#[test]
fn dates_amounts_and_document_numbers_are_not_numbers_to_refuse() {
    check_all(&[
        ("学费 1,280.00 元，代办费 12800.50 元", None),
        ("电话费 23456.78 元", None),
        ("公示期：2026年9月28日至2026年10月9日（5个工作日）", None),
        ("依据豫发改收费〔2023〕781号", None),
        ("共 2400 名学生，合计 3,072,000.00 元", None),
        ("日期 2026-11-24", None),
        ("（2026—2027学年第一学期）", None),
        // Text the app writes itself: the Q&A heading and its date.
        ("1. 来自电话（2026-12-01）", None),
        ("1. 来自电话(2026-12-01)", None),
        ("来自电话 2026.12.01", None),
        ("来自电话 2026/12/01", None),
        ("电话回访 2026-12", None),
        ("热线 2026-11-24—2026-11-30", None),
        ("电话 2026-11-24至2026-11-30", None),
        ("答复：教务处，2026-12-03", None),
        ("交互式智能平板 12 台，单价 8,600.00 元", None),
    ]);
}

#[test]
fn birth_dates() {
    check_all(&[
        ("张三，出生日期：2015年3月8日", Some(BirthDate)),
        ("李四 2014年5月出生", Some(BirthDate)),
        ("出生年月：2015.03", Some(BirthDate)),
        ("出生日期 2015-03-07", Some(BirthDate)),
        ("生日：3月7日", Some(BirthDate)),
        ("张三（生于2015年3月）", Some(BirthDate)),
        // Without the words the scan looked for (issue regression cases).
        ("张三（2015.03.07生）", Some(BirthDate)),
        ("张三（２０１５．０３．０７生）", Some(BirthDate)),
        ("张三，2015-03-07生，三年级", Some(BirthDate)),
        ("张三出生于二〇一五年三月七日", Some(BirthDate)),
        ("张三，二〇一五年三月七日生", Some(BirthDate)),
        ("一九九〇年三月出生", Some(BirthDate)),
        ("1990年3月生人", Some(BirthDate)),
        // Dates that are not someone's birthday.
        ("学校地址：阳光市城关区人民路128号", None),
        ("本学期开学日期：2026年9月1日", None),
        ("本办法自2026年9月1日生效", None),
        ("2026年9月新生入学", None),
        ("招收2019年9月1日至2020年8月31日出生的适龄儿童", None),
        ("出生于2019年9月1日至2020年8月31日的儿童", None),
        ("评审结果产生于2026年11月20日的会议", None),
        ("祝同学们生日快乐", None),
    ]);
}

#[test]
fn addresses() {
    check_all(&[
        ("家庭住址：城关区幸福路8号", Some(Address)),
        ("家庭住址城关区幸福路8号", Some(Address)),
        ("住址为城关区幸福路8号", Some(Address)),
        ("家住幸福路", Some(Address)),
        ("住在幸福小区3栋2单元402室", Some(Address)),
        ("幸福小区3栋2单元402室", Some(Address)),
        ("3号楼2单元401", Some(Address)),
        // Without the keyword the scan looked for (issue regression cases).
        ("住在城关区幸福路12号院", Some(Address)),
        ("张三，幸福路12号院", Some(Address)),
        ("居住在城关区幸福路12号", Some(Address)),
        ("现居于幸福村3组", Some(Address)),
        ("城关镇幸福村3组", Some(Address)),
        // Addresses that may print, and words that are no address.
        ("学校地址：阳光市城关区人民路128号", None),
        ("活动地点：市体育中心（人民路88号）", None),
        ("住址变更的学生请到教务处登记", None),
        ("家住较远的学生可以申请住校", None),
        ("住在学校宿舍的学生周五离校", None),
        ("家庭住址：＿＿＿＿＿＿＿＿", None),
        ("第2单元测试", None),
    ]);
}

#[test]
fn the_message_masks_every_hit_and_keeps_the_words() {
    for (line, masked) in [
        ("家长电话13912345678请回电", "家长电话13*********请回电"),
        ("联系 139 1234 5678", "联系 13* **** ****"),
        ("+8613812345678", "+86***********"),
        ("家庭住址：城关区幸福路8号", "家庭住址：城关******"),
        ("住在城关区幸福路12号院", "住在城关********"),
        ("（2015.03.07生）", "（20********生）"),
        ("出生于二〇一五年三月七日", "出生于二〇*******"),
        ("身份证 410105 19900307 1002", "身份证 41**** ******** ****"),
        (
            "１３８１２３４５６７８，身份证１１０１０５１９４９１２３１００２Ｘ",
            "１３*********，身份证１１****************",
        ),
        // Two hits in one line: both masked.
        (
            "张三 13912345678，家住幸福路",
            "张三 13*********，家住幸福*",
        ),
    ] {
        check_masked(line, masked);
    }
    let f = scan("家长电话13912345678请回电", &school()).unwrap();
    assert_eq!(f.to_string(), "含有手机号码：“家长电话13*********请回电”");
}

#[test]
fn redact_masks_what_scan_finds_and_leaves_the_rest() {
    assert_eq!(
        redact("《张三（410105199003071002）资助公示》", &school()),
        "《张三（41****************）资助公示》"
    );
    assert_eq!(
        redact("2026年度优秀教师评选结果公示", &school()),
        "2026年度优秀教师评选结果公示"
    );
}

#[test]
fn a_label_gives_its_text_context() {
    let labelled = |label: &str, text: &str| scan_labelled(label, text, &school()).map(|f| f.kind);
    // 电话 in the column title introduces the number in the cell.
    assert_eq!(labelled("电话", "88886666"), Some(Landline));
    assert_eq!(labelled("咨询电话", "6523 8001"), None);
    assert_eq!(labelled("住址", "城关区幸福路12号"), Some(Address));
    assert_eq!(labelled("出生", "2015-03-07"), Some(BirthDate));
    assert_eq!(labelled("备注", "2015-03-07"), None);
    // Only the text counts, and only the text is shown.
    assert_eq!(labelled("13912345678", "一等奖"), None);
    let f = scan_labelled("家庭住址", "城关区幸福路12号", &school()).unwrap();
    assert_eq!(f.masked_line, "城关*******");
}

#[test]
fn columns_that_name_personal_data() {
    for (title, expected) in [
        ("家庭住址", Some(Address)),
        ("住址", Some(Address)),
        ("家庭地址", Some(Address)),
        ("户籍所在地", Some(Address)),
        ("身份证号", Some(IdNumber)),
        ("身份证号码", Some(IdNumber)),
        ("证件号码", Some(IdNumber)),
        ("出生日期", Some(BirthDate)),
        ("出生年月", Some(BirthDate)),
        ("生日", Some(BirthDate)),
        ("联系电话", Some(Landline)),
        ("联 系 电 话", Some(Landline)),
        ("家长电话", Some(Landline)),
        ("手机", Some(MobilePhone)),
        ("手机号", Some(MobilePhone)),
        ("家长手机号码", Some(MobilePhone)),
        ("银行卡号", Some(BankCard)),
        ("银行账号", Some(BankCard)),
        ("卡号", Some(BankCard)),
        ("家庭情况", Some(FamilySituation)),
        ("家庭经济困难情况", Some(FamilySituation)),
        ("致贫原因", Some(FamilySituation)),
        ("学生家庭住址（详细）", Some(Address)),
        // Columns the app and the schools' own tables print.
        ("序号", None),
        ("姓名", None),
        ("班级", None),
        ("咨询电话", None),
        ("监督电话", None),
        ("收费项目", None),
        ("金额（元）", None),
        ("张贴日期", None),
        ("资助金额", None),
        ("事项", None),
    ] {
        assert_eq!(personal_column(title), expected, "{title}");
    }
}

#[test]
fn the_allowlist_reads_numbers_as_the_scan_does() {
    let allow = Allowlist::new(["+86 138 0013 8000", "０３７１－６５２３　８００１"]);
    assert!(scan("值班手机 13800138000", &allow).is_none());
    assert!(scan("电话 0371-6523 8001", &allow).is_none());
    assert!(scan("电话 6523 8001", &allow).is_none());
    assert!(scan("电话 0371-6523 8009", &allow).is_some());
}

#[test]
fn lists_of_numbers_are_not_cards_or_phones() {
    // Spaced or dashed groups join into a card or a phone only in the
    // shapes those are written in (trial regression cases), and a card
    // starts as cards do.
    check_all(&[
        ("成绩：71 95 97 71 65 95 76 62", None),
        ("座位号 13 14 15 16 17 18 19 20", None),
        ("年份 2002 2003 2004 2005", None),
        ("房间 183 939 387 191 871 558 已检查", None),
        ("语数外成绩：135 124 118 97", None),
        ("订单号：202611301234567894", None),
        // …while the shapes people write cards and phones in are caught.
        ("卡号 6222 0212 3456 7890 128", Some(BankCard)),
        ("卡号 622202 1234567890128", Some(BankCard)),
        ("联系 138 123 45678", Some(MobilePhone)),
        ("联系 1381234 5678", Some(MobilePhone)),
    ]);
}

/// Regression cases from the new-user trial (issue 10): what slipped
/// through, and what was refused though harmless.
#[test]
fn the_trials_misses_and_false_alarms() {
    check_all(&[
        // An ID whose X is set apart; a birth date before 生于; 通讯地址.
        ("身份证号 11010519491231002 X", Some(IdNumber)),
        ("身份证号 11010519491231002-X。", Some(IdNumber)),
        ("该生2015年3月7日生于阳光市", Some(BirthDate)),
        ("通讯地址：城关区幸福路12号", Some(Address)),
        ("联系地址为阳光市人民路5号", Some(Address)),
        ("户籍：阳光市城关区幸福村", Some(Address)),
        // A phone followed by an x is no ID (only 17 digits take an X).
        ("分机 0371-6523 8001 x", None),
        // Rooms of the school's own buildings are places to go.
        ("考场设在实验楼2单元301室", None),
        ("请到行政楼3号楼2单元201室领取", None),
        // A home still is one.
        ("住幸福小区3栋2单元402室", Some(Address)),
    ]);
}

#[test]
fn the_schools_own_address_prints_and_a_home_in_it_does_not_hide() {
    let allow = school().with_places(["阳光市城关区人民路128号院"]);
    let found = |line: &str| scan(line, &allow).map(|f| f.kind);
    assert_eq!(found("学校地址：阳光市城关区人民路128号院"), None);
    assert_eq!(found("通讯地址：阳光市城关区人民路128号院"), None);
    assert_eq!(found("家住阳光市城关区幸福路12号院"), Some(Address));
    // Without the school's address allowed, its 号院 is refused as a home.
    assert_eq!(
        scan("学校地址：阳光市城关区人民路128号院", &school()).map(|f| f.kind),
        Some(Address)
    );
}

#[test]
fn column_names_that_only_look_personal() {
    for name in [
        "手机端报名方式",
        "学校公众号账号",
        "公众号账号",
        "对公账户",
        "出生人口（人）",
    ] {
        assert_eq!(personal_column(name), None, "{name}");
    }
    for (name, kind) in [
        ("家长手机号", MobilePhone),
        ("银行账号", BankCard),
        ("出生年月", BirthDate),
        ("通讯地址", Address),
    ] {
        assert_eq!(personal_column(name), Some(kind), "{name}");
    }
}
