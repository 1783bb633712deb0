//! The demo school's year so far: items of every kind posted in the weeks
//! before this one — closed as they ended (one with an objection handled,
//! one taken down early and corrected) —, last semester's fees posted and
//! their letters printed, a round's result, a subsidy list, meetings,
//! feedback answered and not, a text message: so the register and the
//! annual report have a year to show. Steps the calendar cannot date (a
//! year it does not cover) are left undone, as the week's demo does.

use chrono::{Duration, NaiveDate};
use gongshi_domain::OperatorName;
use gongshi_domain::category::Category;
use gongshi_domain::item::ItemContent;
use gongshi_domain::meeting::MeetingKind;
use gongshi_domain::revision::CloseResult;
use gongshi_domain::verify_code::Subject;
use gongshi_store::Store;

use super::{DEMO_FEES, content, lines_table};
use crate::feedback::{self, NewFeedback};
use crate::items::{self, ReviewInput};
use crate::meetings::{self, NewMeeting};
use crate::{Result, evaluations, fee_sheets, fees, record, verification};

/// Last semester's fees (the demo's semester is this one).
pub const PAST_SEMESTER: &str = "2025—2026学年第二学期";

/// The Wednesday `weeks` weeks before this week's Monday.
fn wednesday(monday: NaiveDate, weeks: i64) -> NaiveDate {
    monday - Duration::days(7 * weeks) + Duration::days(2)
}

/// Reviewed, signed, approved and posted on `on`; taken down at the end of
/// its period and closed three days later. False when the calendar could
/// not date it (nothing after the refused step is done).
fn through(
    store: &mut Store,
    op: &OperatorName,
    item: i64,
    on: NaiveDate,
    closed: Option<CloseResult>,
) -> Result<bool> {
    items::submit(store, op, item)?;
    let review = ReviewInput {
        confidentiality: Some(("王静", on, "无个人隐私信息")),
        signoff: Some(("赵敏", on, "同意公示")),
    };
    items::review(store, op, item, review)?;
    items::approve(store, op, item, "李新义", on, "")?;
    let Ok(saved) = items::post(store, op, item, on) else {
        return Ok(false);
    };
    let Some(end) = saved.revision.period.map(|p| p.end) else {
        return Ok(false);
    };
    if let Some(result) = closed {
        items::take_down(store, op, item, end, "")?;
        items::close(store, op, item, result, end + Duration::days(3), "")?;
    }
    Ok(true)
}

fn new_item(
    store: &mut Store,
    op: &OperatorName,
    category: Category,
    c: ItemContent,
) -> Result<i64> {
    Ok(items::create(store, op, category, c)?.revision.item_id)
}

pub(super) fn seed(store: &mut Store, op: &OperatorName, monday: NaiveDate) -> Result<()> {
    let day = |weeks| wednesday(monday, weeks);
    // 其他: the winter holiday, posted and closed; told by text message too.
    let holiday = new_item(
        store,
        op,
        Category::Other,
        content(
            "寒假放假及春季开学时间安排",
            "经学校研究，现将寒假放假及春季开学时间安排公示如下。",
            &[],
            day(44),
        ),
    )?;
    if through(store, op, holiday, day(44), Some(CloseResult::NoObjection))? {
        record::message_made(
            store,
            op,
            Subject::Item(holiday),
            "寒假放假及春季开学时间安排",
            day(44),
        )?;
    }
    ask(
        store,
        op,
        day(43),
        "电话",
        Some(holiday),
        "开学当天是否需要家长陪同报到？",
        Some((1, "一年级新生需家长陪同，其他年级学生自行返校。", true)),
    )?;
    fees_last_semester(store, op, day(40))?;
    finance(store, op, "2026年2月财务收支公开", day(40), None)?;
    meeting(
        store,
        op,
        MeetingKind::Parents,
        day(36),
        "通报寒假安全工作，听取家长意见",
        None,
    )?;
    award(store, op, day(34))?;
    subsidy(store, op, day(30))?;
    ask(
        store,
        op,
        day(29),
        "来信",
        None,
        "建议学校增加课后服务的体育类项目。",
        Some((5, "已在下学期课后服务中增设篮球、跳绳项目。", false)),
    )?;
    finance(
        store,
        op,
        "2026年4月财务收支公开",
        day(26),
        Some("数据录入有误，更正后重新公示"),
    )?;
    meeting(
        store,
        op,
        MeetingKind::Dialogue,
        day(22),
        "领导与教职工面对面交流学校发展规划",
        None,
    )?;
    purchase(store, op, day(20))?;
    ask(
        store,
        op,
        day(19),
        "信箱",
        None,
        "食堂的菜谱能否每周公布？",
        Some((2, "自下周起每周一在公开栏公布菜谱。", true)),
    )?;
    let schedule = new_item(
        store,
        op,
        Category::Other,
        content(
            "秋季学期作息时间调整",
            "根据季节变化，学校自10月8日起调整作息时间，现公示如下。",
            &[],
            day(14),
        ),
    )?;
    through(store, op, schedule, day(14), Some(CloseResult::NoObjection))?;
    meeting(
        store,
        op,
        MeetingKind::Parents,
        day(14),
        "家长会：通报秋季学期作息时间调整",
        Some(schedule),
    )?;
    ask(
        store,
        op,
        day(10),
        "其他",
        None,
        "放学时校门口交通拥堵，建议错峰放学。",
        None,
    )?;
    Ok(())
}

fn ask(
    store: &mut Store,
    op: &OperatorName,
    on: NaiveDate,
    channel: &str,
    item: Option<i64>,
    content: &str,
    answer: Option<(i64, &str, bool)>,
) -> Result<()> {
    let f = feedback::add(
        store,
        op,
        NewFeedback {
            received_on: on,
            channel,
            item_id: item,
            content,
            is_objection: false,
            meeting_id: None,
        },
    )?;
    if let Some((days, text, publish)) = answer {
        feedback::answer(
            store,
            op,
            f.id,
            text,
            "办公室",
            on + Duration::days(days),
            publish,
        )?;
    }
    Ok(())
}

fn meeting(
    store: &mut Store,
    op: &OperatorName,
    kind: MeetingKind,
    on: NaiveDate,
    topics: &str,
    announce: Option<i64>,
) -> Result<()> {
    let m = meetings::add(
        store,
        op,
        NewMeeting {
            kind,
            held_on: on,
            place: "学校报告厅",
            chair: "李新义",
            expected: 120,
            present: 96,
            topics,
            minutes: "",
        },
    )?;
    if let Some(item) = announce {
        // Only an approved item can be announced; one the calendar did
        // not let the demo post is simply not announced.
        let _ = meetings::announce(store, op, m.id, item);
    }
    Ok(())
}

/// Last semester's fees: approved, the board posted on `on`, the letters
/// printed the next day.
fn fees_last_semester(store: &mut Store, op: &OperatorName, on: NaiveDate) -> Result<()> {
    fees::import(
        store,
        op,
        PAST_SEMESTER,
        DEMO_FEES.as_bytes(),
        "示例收费.csv",
    )?;
    fees::approve(store, op, PAST_SEMESTER, "李新义", on - Duration::days(7))?;
    for grade in 1..=6 {
        fees::set_class_size(store, op, grade, "1班", 40 + u32::from(grade))?;
    }
    // Printed that morning, Beijing time.
    let at = chrono::FixedOffset::east_opt(8 * 3600)
        .and_then(|tz| on.and_hms_opt(9, 0, 0)?.and_local_timezone(tz).single());
    let Some(at) = at else { return Ok(()) };
    let Ok(board) = fee_sheets::board_printable(store, PAST_SEMESTER, at, Default::default())
    else {
        return Ok(());
    };
    verification::post(store, op, board, on)?;
    record::letters_printed(store, op, PAST_SEMESTER, None, on + Duration::days(1))
}

fn finance(
    store: &mut Store,
    op: &OperatorName,
    title: &str,
    on: NaiveDate,
    corrected: Option<&str>,
) -> Result<()> {
    let statement = |expense: &str, closing: &str| {
        let mut c = content(
            title,
            "现将本月学校收支情况公开如下。",
            &[
                ("period", title.trim_end_matches("财务收支公开")),
                ("office", "总务处"),
                ("opening", "86,420.15"),
                ("closing", closing),
            ],
            on,
        );
        c.table = Some(lines_table(
            Category::Finance,
            &[
                &["收入", "财政拨款收入", "", "生均公用经费", "120,000.00"],
                &["支出", "人员经费", "", "临聘人员工资", "48,000.00"],
                &["支出", "公用经费", "水电费", "水电费", expense],
            ],
        ));
        c
    };
    let item = new_item(
        store,
        op,
        Category::Finance,
        statement("8,765.43", "149,654.72"),
    )?;
    let Some(reason) = corrected else {
        through(store, op, item, on, Some(CloseResult::NoObjection))?;
        return Ok(());
    };
    // Taken down the next day for a wrong figure, corrected and posted
    // again the day after.
    if !through(store, op, item, on, None)? {
        return Ok(());
    }
    items::take_down(store, op, item, on + Duration::days(1), reason)?;
    items::revise(store, op, item)?;
    items::edit(store, op, item, statement("8,567.43", "149,852.72"))?;
    through(
        store,
        op,
        item,
        on + Duration::days(2),
        Some(CloseResult::NoObjection),
    )?;
    Ok(())
}

/// Last semester's 优秀班主任 round: its result posted, an objection
/// answered, closed as handled.
fn award(store: &mut Store, op: &OperatorName, on: NaiveDate) -> Result<()> {
    use gongshi_domain::evaluation::{self, RoundKind, RoundSettings};
    let name = "2025—2026学年第二学期优秀班主任评选（示例）";
    let settings = RoundSettings {
        name: name.into(),
        kind: RoundKind::Award,
        quota: 2,
        criteria: "担任班主任满一年，班级管理规范，家长满意度高。".into(),
        components: evaluation::default_components(),
        tie_break: vec![evaluation::DEFAULT_TIE_BREAK.into()],
        posting_days: 5,
        objection_office: "学校纪检监督小组".into(),
        objection_phone: "0371-6523 8002".into(),
        ..RoundSettings::default()
    };
    evaluations::save_round(store, op, None, settings)?;
    let rows: Vec<Vec<String>> = [
        ["陈晓红", "一年级", "95", "90", "93", "合格", ""],
        ["黄志强", "三年级", "91", "93", "90", "合格", ""],
        ["林芳", "五年级", "89", "88", "91", "合格", ""],
        ["赵磊", "六年级", "86", "85", "88", "合格", ""],
    ]
    .iter()
    .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
    .collect();
    evaluations::save_candidates(store, op, name, &rows)?;
    let item = evaluations::publish(store, op, name, on)?.revision.item_id;
    if !through(store, op, item, on, None)? {
        return Ok(());
    }
    let objection = feedback::add(
        store,
        op,
        NewFeedback {
            received_on: on + Duration::days(1),
            channel: "信箱",
            item_id: Some(item),
            content: "林芳老师的工作量化分是否计入了兴趣小组辅导？",
            is_objection: true,
            meeting_id: None,
        },
    )?;
    feedback::answer(
        store,
        op,
        objection.id,
        "经复核，兴趣小组辅导已按规定计入，排序不变。",
        "教务处",
        on + Duration::days(4),
        false,
    )?;
    let end = items::current(store, item)?.period.map_or(on, |p| p.end);
    items::take_down(store, op, item, end, "")?;
    items::close(
        store,
        op,
        item,
        CloseResult::ObjectionsHandled,
        end + Duration::days(1),
        "已答复",
    )?;
    Ok(())
}

fn subsidy(store: &mut Store, op: &OperatorName, on: NaiveDate) -> Result<()> {
    let mut c = content(
        "2026年春季学期家庭经济困难学生生活补助名单公示",
        "根据学生申请、班级评议和学校资助工作领导小组审核，现将拟资助学生名单公示如下。",
        &[
            ("subsidy", "家庭经济困难学生生活补助"),
            ("office", "学生资助办公室"),
        ],
        on,
    );
    let row = |name: &'static str,
               class: &'static str,
               level: &'static str,
               amount: &'static str|
     -> [&'static str; 10] {
        [
            name,
            class,
            "家庭经济困难学生生活补助",
            level,
            amount,
            "",
            "",
            "",
            "",
            "",
        ]
    };
    let rows = [
        row("刘小军", "二年级1班", "一档", "625.00"),
        row("王芳芳", "三年级1班", "一档", "625.00"),
        row("欧阳明", "四年级1班", "二档", "500.00"),
        row("孙丽", "六年级1班", "二档", "500.00"),
    ];
    let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    c.table = Some(lines_table(Category::Subsidy, &rows));
    let item = new_item(store, op, Category::Subsidy, c)?;
    through(store, op, item, on, Some(CloseResult::NoObjection))?;
    Ok(())
}

fn purchase(store: &mut Store, op: &OperatorName, on: NaiveDate) -> Result<()> {
    let mut c = content(
        "学生课桌椅采购结果公示",
        "为改善办学条件，学校采购学生课桌椅120套，现将采购结果公示如下。",
        &[("office", "总务处")],
        on,
    );
    c.table = Some(lines_table(
        Category::Procurement,
        &[&[
            "学生课桌椅",
            "升降式 单人",
            "120",
            "套",
            "480.00",
            "57,600.00",
            "阳光教育装备有限公司",
            "询价",
            "2026-04-20",
            "2026-05-06",
            "王建国",
            "",
        ]],
    ));
    let item = new_item(store, op, Category::Procurement, c)?;
    through(store, op, item, on, Some(CloseResult::NoObjection))?;
    Ok(())
}
