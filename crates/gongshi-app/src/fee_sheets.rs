//! What fees print: the 收费公示 board sheet, the letters to parents (one
//! per student, by class size) with their 回执, and the Excel schedule.
//! Until the schedule is approved the sheets and letters print only as
//! drafts: 样稿 in the title, 未批准 样稿 across every page.

use chrono::{DateTime, FixedOffset};
use gongshi_domain::category::Category;
use gongshi_domain::fee::{self, Charge, FeeItem, Totals};
use gongshi_domain::grades::{SchoolGrades, grade_name};
use gongshi_domain::privacy::Allowlist;
use gongshi_domain::verify_code::Subject;
use gongshi_domain::{DomainError, FieldError, SchoolProfile};
use gongshi_print::sheet::{
    Align, Block, Closing, Column, DRAFT, Document, Orientation, Paper, Row, Sheet, Table,
};
use gongshi_print::workbook::{ColumnKind, Report, ReportColumn, Value};
use gongshi_store::{ClassSize, Schedule, Store};

use crate::printing::Printable;
use crate::verification::Posting;
use crate::{Result, calendar, fees, table_io};

/// The pledges of the letter (师德承诺).
pub const PLEDGES: &str = "学校承诺：不乱收费、不乱办班、不体罚学生、不接受家长任何形式的馈赠。";

/// A fee without its basis, unit or department does not print, nor a
/// schedule without its reduction policy: every such item and field is named.
fn printable(schedule: &Schedule, school: &SchoolProfile) -> Result<()> {
    let mut errors: Vec<FieldError> = schedule
        .items
        .iter()
        .flat_map(|item| {
            item.missing_for_print()
                .into_iter()
                .map(|field| FieldError::new(field, format!("“{}”没有填写，不能打印", item.name)))
        })
        .collect();
    if schedule.reduction_policy.trim().is_empty() {
        errors.push(FieldError::new("减免政策", "没有填写，不能打印"));
    }
    // Every fee sheet and letter names where to complain (DOMAIN.md).
    let next = gongshi_domain::faces::next_step(
        "设置 → 学校信息",
        "gongshi school set --supervision-phone 号码 --complaint-phone 号码",
    );
    for (field, phone) in [
        ("监督电话", &school.supervision_phone),
        ("投诉电话", &school.complaint_phone),
    ] {
        if phone.trim().is_empty() {
            errors.push(FieldError::new(
                field,
                format!("收费公示和致家长的一封信都要印上学校的{field}，请先填写{next}"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Fields(errors).into())
    }
}

/// A schedule not yet approved prints as a draft, not for posting or
/// handing out: the watermark of every page (None once approved).
fn watermark(schedule: &Schedule) -> Option<String> {
    schedule.approved.is_none().then(|| DRAFT.to_owned())
}

/// `title`, marked （样稿） while the schedule is not approved.
fn draft_title(schedule: &Schedule, title: String) -> String {
    if schedule.approved.is_some() {
        title
    } else {
        format!("{title}（样稿）")
    }
}

/// The school's phones and every item's inquiry phone may print.
pub(crate) fn allowlist(school: &SchoolProfile, schedule: &Schedule) -> Allowlist {
    crate::printing::allowlist_with(school, schedule.items.iter().map(|i| &i.phone))
}

fn hotlines(school: &SchoolProfile) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    if !school.supervision_phone.is_empty() {
        lines.push(("学校监督电话".to_owned(), school.supervision_phone.clone()));
    }
    if !school.complaint_phone.is_empty() {
        lines.push((
            "教育主管部门投诉电话".to_owned(),
            school.complaint_phone.clone(),
        ));
    }
    if !school.hotlines.is_empty() {
        lines.push(("政务服务热线".to_owned(), school.hotlines.join("、")));
    }
    lines
}

/// 学校监督电话：…；教育主管部门投诉电话：…；政务服务热线：…
fn hotline_line(school: &SchoolProfile) -> String {
    hotlines(school)
        .into_iter()
        .map(|(k, v)| format!("{k}：{v}"))
        .collect::<Vec<_>>()
        .join("；")
}

fn yes_no(b: bool) -> String {
    if b { "是" } else { "否" }.into()
}

/// 收费公示: the 四公开 table, basis and unit of each item, the hotlines,
/// the reduction policy, the posting line, issuer, date and seal; a draft
/// while the schedule is not approved.
pub fn board_sheet(
    store: &Store,
    semester: &str,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<Vec<u8>> {
    board_printable(store, semester, now, paper)?.pdf()
}

/// 收费公示, to print or picture.
pub fn board_printable(
    store: &Store,
    semester: &str,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<Printable> {
    let (doc, allow, posting) = board_document(store, semester, now, paper)?;
    let name = format!("{semester}收费公示");
    Ok(Printable {
        name,
        doc,
        allow,
        posting,
    })
}

/// The letters as pictures for the classes' WeChat groups: one a class
/// (its slip names the class, the number left blank), or one a grade
/// without classes.
pub fn class_letters(
    store: &Store,
    semester: &str,
    grade: Option<u8>,
    now: DateTime<FixedOffset>,
) -> Result<Printable> {
    let (doc, allow) = letters_document(store, semester, grade, now, Recipients::Classes)?;
    let which = grade.map_or("全校".to_owned(), grade_name);
    let name = format!("{semester}致家长的一封信（{which}，每班一张）");
    Ok(Printable {
        name,
        doc,
        allow,
        posting: None,
    })
}

/// Who a batch of letters goes to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Recipients {
    /// One a student, by the class sizes (printed, sent home).
    Students,
    /// One a class (pictures for its WeChat group).
    Classes,
}

/// The 收费公示 and, once the schedule is approved (a draft is not posted),
/// what its 核验码 names.
fn board_document(
    store: &Store,
    semester: &str,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<(Document, Allowlist, Option<Posting>)> {
    let schedule = fees::schedule(store, semester)?;
    let school = crate::school::required(store)?;
    printable(&schedule, &school)?;
    // Posted from today for the 收费 category's minimum period (a setting,
    // 5 working days unless the school changed it).
    let days = store.min_days(Category::Fees)?;
    let period = calendar::calendar(Some(store))?
        .period(now.date_naive(), days)
        .ok();
    let columns = vec![
        Column::new("序号", 0.6, Align::Center),
        Column::new("收费项目", 2.0, Align::Left),
        Column::new("收费标准（元）", 1.2, Align::Right),
        Column::new("计费单位", 1.2, Align::Center),
        Column::new("适用年级", 1.3, Align::Center),
        Column::new("收费依据", 2.4, Align::Left),
        Column::new("收费部门", 1.2, Align::Center),
        Column::new("咨询电话", 1.6, Align::Center),
        Column::new("是否自愿", 0.9, Align::Center),
    ];
    let rows = fee::for_school(&schedule.items, &school.grades)
        .into_iter()
        .enumerate()
        .map(|(i, (item, grades))| {
            Row::new(vec![
                (i + 1).to_string(),
                item.name.clone(),
                item.amount.to_string(),
                item.unit.clone(),
                grades.to_string(),
                item.basis.clone(),
                item.department.clone(),
                item.phone.clone(),
                yes_no(item.voluntary),
            ])
        })
        .collect();
    let mut blocks = vec![
        Block::Paragraph(format!(
            "根据《教育收费公示制度》和上级有关规定，现将我校{semester}收费项目、收费标准、收费依据、收费部门和咨询电话公示如下，欢迎家长和社会各界监督。服务性收费和代收费遵循自愿原则，由家长书面确认，不与学费捆绑收取，按实结算，多退少不补。"
        )),
        Block::Table(Table { columns, rows }),
        Block::Heading("减免政策".into()),
        Block::Paragraph(schedule.reduction_policy.clone()),
    ];
    // The supervision, complaint and other hotlines in the closing's one
    // line, so that a usual schedule stays on one landscape page.
    let phones = hotline_line(&school);
    let mut feedback = "如有意见或异议，请在公示期内投入校务公开意见箱".to_owned();
    if !phones.is_empty() {
        feedback.push_str(&format!("，或拨打{phones}"));
    }
    feedback.push('。');
    blocks.push(Block::Closing(Closing {
        posting_period: period.map(|p| p.to_string()),
        feedback: vec![feedback],
        issuer: school.name.clone(),
        date: now.date_naive(),
        signature: None,
        seal: true,
        verification: None,
    }));
    let sheet = Sheet {
        paper: Paper {
            orientation: Orientation::Landscape,
            ..paper
        },
        school_name: school.name.clone(),
        header_label: "校务公开·收费".into(),
        title: draft_title(&schedule, format!("{}收费公示", school.name)),
        subtitle: Some(format!("（{semester}）")),
        watermark: watermark(&schedule),
        blocks,
    };
    let doc = Document {
        title: draft_title(&schedule, format!("{}{semester}收费公示", school.name)),
        author: school.name.clone(),
        created: now,
        sheets: vec![sheet],
    };
    let posting = schedule.approved.as_ref().map(|_| Posting {
        subject: Subject::Fees(schedule.id),
        period,
    });
    Ok((doc, allowlist(&school, &schedule), posting))
}

/// The letters to parents of the grades in `grade` (all when None): one
/// per student by the class sizes, or one per grade where none are set;
/// drafts while the schedule is not approved. Returns the PDF and the
/// number of letters.
pub fn letters(
    store: &Store,
    semester: &str,
    grade: Option<u8>,
    now: DateTime<FixedOffset>,
) -> Result<(Vec<u8>, usize)> {
    letters_with_progress(store, semester, grade, now, &mut |_, _| {})
}

/// [`letters`], telling `progress(done, total)` after each letter is laid
/// out (the app's progress bar; a whole school is a few thousand letters).
pub fn letters_with_progress(
    store: &Store,
    semester: &str,
    grade: Option<u8>,
    now: DateTime<FixedOffset>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<u8>, usize)> {
    let (doc, allow) = letters_document(store, semester, grade, now, Recipients::Students)?;
    let count = doc.sheets.len();
    let pdf = gongshi_print::pdf::render_with_progress(&doc, &allow, progress)?;
    Ok((pdf, count))
}

fn letters_document(
    store: &Store,
    semester: &str,
    grade: Option<u8>,
    now: DateTime<FixedOffset>,
    to: Recipients,
) -> Result<(Document, Allowlist)> {
    let school = crate::school::required(store)?;
    if let Some(g) = grade {
        school.grades.check("年级", g)?;
    }
    let schedule = fees::schedule(store, semester)?;
    printable(&schedule, &school)?;
    let sizes = store.class_sizes()?;
    let mut sheets = Vec::new();
    for g in batch_grades(&schedule, &school.grades, grade) {
        let items = fee::for_grade(&schedule.items, g);
        let base = letter(&school, &schedule, g, &items, now);
        for (class, number) in recipients(&sizes, g, to) {
            sheets.push(slip(base.clone(), &class, number));
        }
    }
    if sheets.is_empty() {
        let which = grade.map_or("任何年级".to_owned(), grade_name);
        return Err(
            FieldError::new("年级", format!("{semester}没有适用于{which}的收费项目")).into(),
        );
    }
    let doc = Document {
        title: draft_title(&schedule, format!("致家长的一封信（{semester}）")),
        author: school.name.clone(),
        created: now,
        sheets,
    };
    Ok((doc, allowlist(&school, &schedule)))
}

/// The grades a batch covers: `grade`, or all the school has; only those
/// that pay something.
fn batch_grades(schedule: &Schedule, school: &SchoolGrades, grade: Option<u8>) -> Vec<u8> {
    school
        .iter()
        .filter(|g| grade.is_none_or(|only| only == *g))
        .filter(|g| !fee::for_grade(&schedule.items, *g).is_empty())
        .collect()
}

/// Who gets a letter in grade `g`: each student of each class by the class
/// sizes (the class, and the student's number) or, `to` the classes, each
/// class (no number); one letter for a grade without classes set.
fn recipients(sizes: &[ClassSize], g: u8, to: Recipients) -> Vec<(String, Option<u32>)> {
    let classes: Vec<&ClassSize> = sizes.iter().filter(|s| s.grade == g).collect();
    if classes.is_empty() {
        return vec![(grade_name(g), None)];
    }
    classes
        .into_iter()
        .flat_map(|c| {
            let class = format!("{}{}", grade_name(g), c.class);
            let numbers: Vec<Option<u32>> = match to {
                Recipients::Students => (1..=c.students).map(Some).collect(),
                Recipients::Classes => vec![None],
            };
            numbers.into_iter().map(move |n| (class.clone(), n))
        })
        .collect()
}

/// How many letters [`letters`] would make, without making them.
pub fn letter_count(store: &Store, semester: &str, grade: Option<u8>) -> Result<usize> {
    let schedule = fees::schedule(store, semester)?;
    let sizes = store.class_sizes()?;
    let school = crate::school::grades(store)?;
    Ok(batch_grades(&schedule, &school, grade)
        .into_iter()
        .map(|g| recipients(&sizes, g, Recipients::Students).len())
        .sum())
}

/// Which fee sheet a preview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeePrint {
    Board(Paper),
    /// The first letter of the grade (all grades: the first of the batch).
    Letter(Option<u8>),
}

/// The sheet as it would print (the printer's own layout) and why it would
/// be refused by the privacy scan, if it would. A schedule that cannot
/// print at all (a missing basis…) is an error, as when printing.
pub fn preview(
    store: &Store,
    semester: &str,
    what: FeePrint,
    now: DateTime<FixedOffset>,
) -> Result<(Vec<gongshi_print::layout::Page>, Option<String>)> {
    let (mut doc, allow) = match what {
        FeePrint::Board(paper) => {
            let board = board_printable(store, semester, now, paper)?;
            (board.doc, board.allow)
        }
        FeePrint::Letter(grade) => {
            letters_document(store, semester, grade, now, Recipients::Students)?
        }
    };
    doc.sheets.truncate(1);
    Ok(gongshi_print::pdf::preview(&doc, &allow))
}

fn letter(
    school: &SchoolProfile,
    schedule: &Schedule,
    grade: u8,
    items: &[&FeeItem],
    now: DateTime<FixedOffset>,
) -> Sheet {
    let semester = &schedule.semester;
    let reduction_policy = &schedule.reduction_policy;
    let totals = Totals::of(items, schedule.terms);
    let (required, all) = (totals.required, totals.all());
    // How each unit counts, said where the amount is (×5个月), and what is
    // not in the totals, said under them.
    let charges: Vec<Option<Charge>> = items
        .iter()
        .map(|i| fee::unit::charge(i, schedule.terms))
        .collect();
    let rows: Vec<Row> = items
        .iter()
        .zip(&charges)
        .map(|(i, charge)| {
            let unit = match charge {
                Some(Charge::Counted {
                    note: Some(note), ..
                }) => format!("{}（{note}）", i.unit),
                _ => i.unit.clone(),
            };
            Row::new(vec![
                i.name.clone(),
                i.amount.to_string(),
                unit,
                if i.voluntary {
                    "自愿（见回执）".into()
                } else {
                    "必交".into()
                },
                i.basis.clone(),
            ])
        })
        .collect();
    let mut blocks = vec![
        Block::PlainParagraph("尊敬的家长：".into()),
        Block::Paragraph(format!(
            "您好！根据上级有关规定，现将{semester}{}收费项目、标准和依据告知如下。标明“自愿”的项目由您自愿选择，请在回执中勾选；学校不强制、不捆绑收费，代收费用按实结算，多退少不补。",
            grade_name(grade)
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("收费项目", 2.2, Align::Left),
                Column::new("金额（元）", 1.1, Align::Right),
                Column::new("计费单位", 1.3, Align::Center),
                Column::new("性质", 1.4, Align::Center),
                Column::new("收费依据", 2.4, Align::Left),
            ],
            rows,
        }),
        Block::KeyValues(vec![
            (
                "必交项目合计".into(),
                format!("{}元（人民币大写：{}）", required, required.to_capitals()),
            ),
            (
                "含全部自愿项目".into(),
                format!("{}元（人民币大写：{}）", all, all.to_capitals()),
            ),
        ]),
    ];
    let listed: Vec<String> = items
        .iter()
        .zip(&charges)
        .filter_map(|(i, c)| match c {
            Some(Charge::Listed(why)) => Some(format!("{}：{why}", i.name)),
            _ => None,
        })
        .collect();
    if !listed.is_empty() {
        blocks.push(Block::Note(format!(
            "以下项目不计入上面的合计——{}。",
            listed.join("；")
        )));
    }
    blocks.push(Block::Note(format!("减免政策：{reduction_policy}")));
    blocks.push(Block::Note(PLEDGES.into()));
    let phones = hotline_line(school);
    if !phones.is_empty() {
        blocks.push(Block::Note(format!(
            "如有疑问或发现乱收费，请拨打{phones}。"
        )));
    }
    blocks.push(Block::Closing(Closing {
        posting_period: None,
        feedback: Vec::new(),
        issuer: school.name.clone(),
        date: now.date_naive(),
        signature: None,
        seal: false,
        verification: None,
    }));
    let voluntary: Vec<String> = items
        .iter()
        .filter(|i| i.voluntary)
        .map(|i| format!("□{}", i.name))
        .collect();
    blocks.push(Block::CutLine("请沿虚线剪下，交回班主任".into()));
    blocks.push(Block::Heading("回　执".into()));
    blocks.push(Block::KeyValues(vec![
        ("学生姓名".into(), "＿＿＿＿＿＿＿＿".into()),
        ("班级".into(), "＿＿＿＿＿＿＿＿".into()),
        (
            "自愿项目（请勾选）".into(),
            if voluntary.is_empty() {
                "无".into()
            } else {
                voluntary.join("  ")
            },
        ),
        (
            "家长签字".into(),
            "＿＿＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日".into(),
        ),
    ]));
    Sheet {
        paper: Paper::default(),
        school_name: school.name.clone(),
        header_label: "致家长的一封信".into(),
        title: draft_title(schedule, "致家长的一封信".into()),
        subtitle: Some(format!("（{semester}·{}）", grade_name(grade))),
        watermark: watermark(schedule),
        blocks,
    }
}

/// Fills the 回执's class line (and the student's number in the class).
fn slip(mut sheet: Sheet, class: &str, number: Option<u32>) -> Sheet {
    for block in &mut sheet.blocks {
        if let Block::KeyValues(pairs) = block
            && let Some(pair) = pairs.iter_mut().find(|(k, _)| k == "班级")
        {
            pair.1 = match number {
                Some(n) => format!("{class}　第{n}号"),
                None => format!("{class}　＿＿号"),
            };
        }
    }
    sheet
}

/// The schedule as an education bureau's form: the items, and totals by grade.
pub fn export(store: &Store, semester: &str) -> Result<Vec<u8>> {
    let schedule = fees::schedule(store, semester)?;
    let school = store.school()?.unwrap_or_default();
    let schema = fee::schema();
    let cx = crate::table_io::context(store)?;
    let items = Report {
        sheet_name: "收费标准".into(),
        title: format!("{}{semester}收费标准", school.name),
        subtitle: schedule
            .approved
            .as_ref()
            .map(|a| format!("批准：{}（{}）", a.by, a.on)),
        school_name: school.name.clone(),
        internal: false,
        // The fee table's own columns (its schema), numbered.
        columns: std::iter::once(ReportColumn::new("序号", ColumnKind::Number))
            .chain(table_io::report_columns(&schema, false))
            .collect(),
        rows: fee::for_school(&schedule.items, &school.grades)
            .into_iter()
            .enumerate()
            .map(|(i, (item, grades))| {
                // Each item's grades as they are within the school's.
                let cells = schema.cells_of(|k| match k {
                    "grades" => grades.to_string(),
                    _ => item.cell(k),
                });
                std::iter::once(Value::Number(i as i64 + 1))
                    .chain(table_io::report_row(&schema, &cells, &cx, false))
                    .collect()
            })
            .collect(),
        totals: None,
        chart: None,
    };
    let by_grade = Report {
        sheet_name: "按年级合计".into(),
        title: format!("{}{semester}各年级收费合计", school.name),
        subtitle: None,
        school_name: school.name.clone(),
        internal: false,
        columns: vec![
            ReportColumn::new("年级", ColumnKind::Text),
            ReportColumn::new("必交合计(元)", ColumnKind::Money),
            ReportColumn::new("自愿项目合计(元)", ColumnKind::Money),
            ReportColumn::new("全部合计(元)", ColumnKind::Money),
        ],
        rows: fee::grade_totals(&schedule.items, &school.grades, schedule.terms)
            .into_iter()
            .map(|(g, totals)| {
                vec![
                    Value::Text(grade_name(g)),
                    Value::Money(totals.required),
                    Value::Money(totals.voluntary),
                    Value::Money(totals.all()),
                ]
            })
            .collect(),
        totals: None,
        chart: None,
    };
    Ok(gongshi_print::render_xlsx(&[items, by_grade])?)
}
