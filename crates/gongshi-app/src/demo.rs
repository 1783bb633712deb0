//! The demo school (示例): realistic data to try every area with. It is
//! marked as a demo in the store, so every screen and sheet can say so.
//! Each area adds its own demo data here as it arrives.

use chrono::NaiveDate;
use gongshi_domain::category::Category;
use gongshi_domain::duties::Duties;
use gongshi_domain::grades::SchoolGrades;
use gongshi_domain::item::{ItemContent, ItemTable};
use gongshi_domain::meeting::MeetingKind;
use gongshi_domain::{OperatorName, SchoolProfile};
use gongshi_store::Writer;

use crate::Result;
use crate::decisions::{self, Ballots};
use crate::feedback::{self, NewFeedback};
use crate::items::{self, ReviewInput};
use crate::meetings::{self, NewMeeting};

mod people;
mod year;

pub use year::PAST_SEMESTER;

pub const DEMO_SCHOOL_NAME: &str = "阳光市实验小学（示例）";

/// The people of the demo school: office clerk, principal, supervision group.
pub const DEMO_OPERATORS: &[&str] = &["王静（办公室）", "李新义（校长）", "赵敏（监督小组）"];

pub fn demo_school() -> SchoolProfile {
    SchoolProfile {
        name: DEMO_SCHOOL_NAME.into(),
        address: "阳光市城关区人民路128号".into(),
        principal: "李新义".into(),
        office_phone: "0371-6523 8001".into(),
        supervision_phone: "0371-6523 8002".into(),
        complaint_phone: "0371-6890 1234".into(),
        hotlines: vec!["12345".into(), "12315".into()],
        grades: SchoolGrades::parse("小学").unwrap_or_default(),
        is_demo: true,
    }
}

/// The demo school's three groups, 各司其职: the principal heads the
/// leading group, the office clerk is in the working group, 赵敏 in the
/// supervision group.
pub fn demo_duties() -> Duties {
    let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect();
    Duties {
        leading: names(&["李新义", "陈晓"]),
        working: names(&["王静", "刘洋"]),
        supervision: names(&["赵敏", "孙丽华"]),
        relaxed: false,
    }
}

/// Fills a fresh store with the demo school. Each demo operator is signed
/// in once so the operator picker has them.
pub(crate) fn seed(store: &mut gongshi_store::Store, operator: &OperatorName) -> Result<()> {
    for name in DEMO_OPERATORS {
        let demo_operator = OperatorName::parse(name)?;
        store.write(&demo_operator, |_: &Writer<'_>| Ok(()))?;
    }
    store.write(operator, |w| {
        w.save_school(demo_school())?;
        w.save_duties(demo_duties())
    })?;
    let today = chrono::Local::now().date_naive();
    seed_week(store, operator, today)?;
    // The year so far, before this semester's fees (so they stay the
    // newest, the fee screen's first).
    year::seed(store, operator, crate::board::week_of(today).0)?;
    seed_fees(store, operator)?;
    seed_evaluation(store, operator)
}

pub const DEMO_ROUND: &str = "2026年度优秀教师评选（示例）";

/// A round with its scores: a tie at the quota line and a veto, so the
/// ranking shows what it does.
fn seed_evaluation(store: &mut gongshi_store::Store, op: &OperatorName) -> Result<()> {
    use gongshi_domain::evaluation::{self, RoundKind, RoundSettings};
    let settings = RoundSettings {
        name: DEMO_ROUND.into(),
        kind: RoundKind::Award,
        quota: 3,
        criteria: "热爱教育事业，师德高尚，近三年年度考核均为合格以上，教育教学成绩突出。".into(),
        components: evaluation::default_components(),
        tie_break: vec![evaluation::DEFAULT_TIE_BREAK.into()],
        posting_days: 5,
        objection_office: "学校纪检监督小组".into(),
        objection_phone: "0371-6523 8002".into(),
        ..RoundSettings::default()
    };
    crate::evaluations::save_round(store, op, None, settings)?;
    let rows: Vec<Vec<String>> = [
        ["刘海燕", "语文组", "93", "88", "95", "合格", ""],
        ["张建国", "数学组", "90", "92", "90", "合格", ""],
        ["孙丽", "英语组", "88", "85", "86", "合格", ""],
        ["周敏", "科学组", "88", "85", "86", "合格", ""],
        [
            "马骏",
            "体育组",
            "96",
            "95",
            "97",
            "不合格",
            "违规有偿补课，经查属实（示例）",
        ],
        ["吴晓", "音乐组", "85", "80", "82", "合格", ""],
    ]
    .iter()
    .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
    .collect();
    crate::evaluations::save_candidates(store, op, DEMO_ROUND, &rows)?;
    Ok(())
}

/// The demo semester's fees (the template's columns, as a CSV) and a few
/// classes, so the letters can be tried.
pub(crate) const DEMO_FEES: &str =
    "项目,金额(元),计费单位,适用年级,收费部门,咨询电话,收费依据,是否自愿,备注
作业本费,30,每生每学期,全校,学校财务室,0371-6523 8001,豫发改收费〔2023〕781号,否,
课后服务费,300,每生每学期,一至六年级,学校财务室,0371-6523 8001,豫发改收费〔2023〕781号,是,自愿参加
午餐费（代收）,4.5,每生每餐,全校,总务处,0371-6523 8001,阳教财〔2024〕12号,是,按实结算，多退少不补
校服费（代收）,180,每套,一年级,总务处,0371-6523 8001,阳教财〔2024〕12号,是,
学生意外伤害保险,50,每生每年,全校,学校财务室,0371-6523 8001,阳教财〔2024〕15号,是,
研学实践活动费,120,每生每次,四至六年级,教务处,0371-6523 8001,阳教基〔2024〕8号,是,
";

pub const DEMO_SEMESTER: &str = "2026—2027学年第一学期";

fn seed_fees(store: &mut gongshi_store::Store, op: &OperatorName) -> Result<()> {
    crate::fees::import(
        store,
        op,
        DEMO_SEMESTER,
        DEMO_FEES.as_bytes(),
        "示例收费.csv",
    )?;
    for grade in 1..=6 {
        crate::fees::set_class_size(store, op, grade, "1班", 40 + u32::from(grade))?;
    }
    Ok(())
}

fn content(title: &str, body: &str, fields: &[(&str, &str)], planned: NaiveDate) -> ItemContent {
    ItemContent {
        title: title.into(),
        body: body.into(),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        table: None,
        posting_days: 5,
        planned_start: Some(planned),
    }
}

/// A table of a typed category: its schema's headers over `rows`.
fn lines_table(category: Category, rows: &[&[&str]]) -> ItemTable {
    // A new school's 民主评议 grades are the default ones.
    let headers = gongshi_domain::lines::schema(category, &Default::default())
        .map(|s| s.headers())
        .unwrap_or_default();
    let header: Vec<&str> = headers.iter().map(String::as_str).collect();
    table(&header, rows)
}

fn table(columns: &[&str], rows: &[&[&str]]) -> ItemTable {
    let cells = |r: &[&str]| r.iter().map(|c| (*c).to_owned()).collect();
    ItemTable {
        columns: cells(columns),
        rows: rows.iter().map(|r| cells(r)).collect(),
    }
}

/// A week's worth of items around `today`: one on the board, one approved
/// for this week, one waiting for review, one draft; a finance sheet as a
/// monthly regular disclosure; feedback with a published answer. Where the
/// calendar does not cover `today`, items stay unposted.
fn seed_week(store: &mut gongshi_store::Store, op: &OperatorName, today: NaiveDate) -> Result<()> {
    let (monday, _) = crate::board::week_of(today);
    let last_week = monday - chrono::Duration::days(7);
    let review = |on| ReviewInput {
        confidentiality: Some(("王静", on, "无个人隐私信息")),
        signoff: Some(("赵敏", on, "同意公示")),
    };
    // Reviewed and approved on `on`: never after the day it is posted.
    let ready = |store: &mut gongshi_store::Store, cat, c: ItemContent, on| -> Result<i64> {
        let id = items::create(store, op, cat, c)?.revision.item_id;
        items::submit(store, op, id)?;
        items::review(store, op, id, review(on))?;
        items::approve(store, op, id, "李新义", on, "")?;
        Ok(id)
    };
    let mut posted = content(
        "多媒体教室交互式电子白板采购结果公示",
        "经政府招标，我校采购交互式电子白板20台，用于多媒体教室改造；配套粉笔等耗材经网上商城采购。现将结果公示如下。",
        &[("office", "总务处")],
        last_week,
    );
    posted.table = Some(lines_table(
        Category::Procurement,
        &[
            &[
                "交互式电子白板",
                "86英寸 4K",
                "20",
                "台",
                "18,500.00",
                "370,000.00",
                "阳光科技有限公司",
                "政府招标",
                "2026-10-20",
                "2026-11-05",
                "王建国",
                "",
            ],
            &[
                "无尘粉笔",
                "白色 72支装",
                "40",
                "盒",
                "12.50",
                "500.00",
                "阳光文具店",
                "网上商城/电子卖场",
                "2026-11-02",
                "2026-11-04",
                "王建国",
                "",
            ],
        ],
    ));
    let id = ready(store, Category::Procurement, posted, last_week)?;
    // Posted last Wednesday: on the board now, coming down this week.
    // Outside the shipped calendar the demo simply leaves it approved.
    let _ = items::post(store, op, id, last_week + chrono::Duration::days(2));
    ready(
        store,
        Category::Award,
        ItemContent {
            fields: [
                ("criteria", "师德合格，年度考核优秀"),
                ("quota", "3"),
                ("objection_channel", "校务公开意见箱"),
            ]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
            table: Some(table(
                &["名次", "姓名", "教研组", "总分"],
                &[
                    &["1", "陈晓红", "语文组", "94.60"],
                    &["2", "黄志强", "数学组", "92.35"],
                    &["3", "林芳", "英语组", "90.80"],
                ],
            )),
            ..content(
                "2026年度优秀教师拟推荐人选公示",
                "经民意测评、工作量化和考核成绩排序，现将拟推荐人选公示如下。",
                &[],
                monday,
            )
        },
        today,
    )?;
    let pending = items::create(
        store,
        op,
        Category::MajorDecision,
        content(
            "学校教职工考核办法（讨论稿）",
            "本办法经教代会讨论后施行，现征求全体教职工意见。",
            &[
                ("decision_body", "教职工代表大会"),
                ("decision_date", "2026-11-20"),
                ("stage", "讨论稿"),
            ],
            monday,
        ),
    )?;
    items::submit(store, op, pending.revision.item_id)?;
    let mut finance = content(
        "2026年10月财务收支公开",
        "现将10月份学校收支情况公开如下。",
        &[
            ("period", "2026年10月"),
            ("office", "总务处"),
            ("opening", "86,420.15"),
            ("closing", "141,952.72"),
        ],
        monday,
    );
    finance.table = Some(lines_table(
        Category::Finance,
        &[
            &["收入", "财政拨款收入", "", "10月生均公用经费", "120,000.00"],
            &["收入", "其他收入", "", "存款利息", "35.20"],
            &["支出", "人员经费", "", "临聘人员工资", "48,000.00"],
            &["支出", "公用经费", "水电费", "9月水电费", "8,765.43"],
            &["支出", "公用经费", "办公费", "教学用纸、墨盒", "4,537.20"],
            &["支出", "公用经费", "维修费", "教室门窗维修", "3,200.00"],
        ],
    ));
    items::create(store, op, Category::Finance, finance)?;
    let mut subsidy = content(
        "2026年秋季学期家庭经济困难寄宿生生活补助名单公示",
        "根据学生申请、班级评议和学校资助工作领导小组审核，现将拟资助学生名单公示如下。",
        &[
            ("subsidy", "家庭经济困难寄宿生生活补助"),
            ("office", "学生资助办公室"),
        ],
        monday,
    );
    subsidy.table = Some(lines_table(
        Category::Subsidy,
        &[
            &[
                "张小明",
                "三年级1班",
                "寄宿生生活补助",
                "一档",
                "625.00",
                "41010520160312002X",
                "阳光市幸福路12号",
                "13812345678",
                "低保家庭",
                "6222020200112233445",
            ],
            &[
                "欧阳华",
                "五年级1班",
                "寄宿生生活补助",
                "二档",
                "500.00",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "买买提·艾力",
                "六年级1班",
                "寄宿生生活补助",
                "一档",
                "625.00",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    ));
    items::create(store, op, Category::Subsidy, subsidy)?;
    store.write(op, |w| {
        w.add_regular_disclosure(Category::Finance, "每月财务收支", "monthly")
    })?;
    let asked = feedback::add(
        store,
        op,
        NewFeedback {
            received_on: last_week,
            channel: "信箱",
            item_id: Some(id),
            content: "平板的售后服务期是多久？",
            is_objection: false,
            meeting_id: None,
        },
    )?;
    feedback::answer(
        store,
        op,
        asked.id,
        "供应商承诺整机保修三年，上门服务。",
        "总务处",
        today.max(last_week),
        true,
    )?;
    people::add(store, op, monday)?;
    congress(store, op, pending.revision.item_id, last_week)
}

/// The staff congress that voted the 考核办法 (讨论稿), and a delegate's
/// suggestion taken there.
fn congress(
    store: &mut gongshi_store::Store,
    op: &OperatorName,
    decision: i64,
    on: NaiveDate,
) -> Result<()> {
    let meeting = meetings::add(
        store,
        op,
        NewMeeting {
            kind: MeetingKind::StaffCongress,
            held_on: on,
            place: "学校报告厅",
            chair: "李校长",
            expected: 60,
            present: 48,
            topics: "审议《学校教职工考核办法（讨论稿）》",
            minutes: "",
        },
    )?;
    decisions::vote(
        store,
        op,
        decision,
        meeting.id,
        Ballots {
            yes: 41,
            no: 4,
            abstain: 3,
        },
    )?;
    feedback::add(
        store,
        op,
        NewFeedback {
            received_on: on,
            channel: "教代会",
            item_id: Some(decision),
            content: "建议考核办法中增加班主任工作量的折算标准。",
            is_objection: false,
            meeting_id: Some(meeting.id),
        },
    )?;
    Ok(())
}
