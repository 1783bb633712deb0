//! Specimen documents: a fee-like board sheet and a letter with a tear-off
//! slip, to try the engine alone (`gongshi print demo`), test it and
//! benchmark it. The real fee sheets are built by the fee jobs.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::sheet::{Align, Block, Closing, Column, Document, Paper, Row, Sheet, Table};

/// What a specimen needs of a school.
#[derive(Debug, Clone)]
pub struct SpecimenSchool {
    pub name: String,
    pub office_phone: String,
    pub supervision_phone: String,
    pub complaint_phone: String,
    pub hotlines: Vec<String>,
}

impl SpecimenSchool {
    /// A sample school for benchmarks, tests and examples of the engine.
    pub fn sample() -> Self {
        Self {
            name: "阳光市实验小学（示例）".into(),
            office_phone: "0371-6523 8001".into(),
            supervision_phone: "0371-6523 8002".into(),
            complaint_phone: "0371-6890 1234".into(),
            hotlines: vec!["12345".into(), "12315".into()],
        }
    }

    /// The phones that may print on its sheets.
    pub fn allowlist(&self) -> crate::Allowlist {
        crate::Allowlist::new(
            [
                &self.office_phone,
                &self.supervision_phone,
                &self.complaint_phone,
            ]
            .into_iter()
            .chain(&self.hotlines),
        )
    }
}

const ITEMS: [(&str, &str, &str, &str, &str, &str); 8] = [
    (
        "作业本费",
        "30.00",
        "每生每学期",
        "全校",
        "豫发改收费〔2023〕781号",
        "否",
    ),
    (
        "课后服务费",
        "300.00",
        "每生每学期",
        "一至六年级",
        "豫发改收费〔2023〕781号",
        "是",
    ),
    (
        "午餐费（代收）",
        "4.50",
        "每生每餐",
        "全校",
        "阳教财〔2024〕12号",
        "是",
    ),
    (
        "校服费（代收）",
        "180.00",
        "每套",
        "一年级",
        "阳教财〔2024〕12号",
        "是",
    ),
    (
        "学生意外伤害保险",
        "50.00",
        "每生每年",
        "全校",
        "阳教财〔2024〕15号",
        "是",
    ),
    (
        "研学实践活动费",
        "120.00",
        "每生每次",
        "四至六年级",
        "阳教基〔2024〕8号",
        "是",
    ),
    (
        "教辅资料费（代收）",
        "45.50",
        "每生每学期",
        "三至六年级",
        "阳教基〔2024〕3号",
        "是",
    ),
    (
        "住宿费",
        "400.00",
        "每生每学期",
        "五至六年级",
        "豫发改收费〔2023〕781号",
        "否",
    ),
];

/// A fee-like board sheet with an 8-row table.
pub fn board_sheet(school: &SpecimenSchool, paper: Paper, date: NaiveDate) -> Sheet {
    let columns = vec![
        Column::new("序号", 0.7, Align::Center),
        Column::new("收费项目", 2.3, Align::Left),
        Column::new("收费标准（元）", 1.3, Align::Right),
        Column::new("计费单位", 1.5, Align::Center),
        Column::new("适用年级", 1.5, Align::Center),
        Column::new("收费依据", 3.3, Align::Left),
        Column::new("是否自愿", 1.2, Align::Center),
    ];
    let mut rows: Vec<Row> = ITEMS
        .iter()
        .enumerate()
        .map(|(i, (name, amount, unit, grades, basis, voluntary))| {
            Row::new(vec![
                (i + 1).to_string(),
                (*name).into(),
                (*amount).into(),
                (*unit).into(),
                (*grades).into(),
                (*basis).into(),
                (*voluntary).into(),
            ])
        })
        .collect();
    rows.push(Row::total(vec![
        "合计（每生每学期，按最高年级计）".into(),
        String::new(),
        "1,130.00".into(),
    ]));
    let mut phones = vec![
        ("收费咨询电话".to_owned(), school.office_phone.clone()),
        ("学校监督电话".to_owned(), school.supervision_phone.clone()),
        ("教育局投诉电话".to_owned(), school.complaint_phone.clone()),
    ];
    if !school.hotlines.is_empty() {
        phones.push(("政务服务热线".to_owned(), school.hotlines.join("、")));
    }
    Sheet {
        paper,
        school_name: school.name.clone(),
        header_label: "校务公开".into(),
        title: format!("{}收费公示", school.name),
        subtitle: Some("（2026—2027学年第一学期）".into()),
        watermark: None,
        blocks: vec![
            Block::Paragraph(
                "根据《教育收费公示制度》和上级教育、价格主管部门的有关规定，现将我校本学期收费项目、收费标准、收费依据及收费部门公示如下，欢迎家长和社会各界监督。学校收费做到“四公开”：公开事由、公开金额、公开收费部门、公开咨询电话。".into(),
            ),
            Block::Heading("一、收费项目及标准".into()),
            Block::Table(Table { columns, rows }),
            Block::Note(
                "注：服务性收费和代收费遵循学生自愿原则，由家长书面确认，不与学费捆绑收取；代收费用按实结算，多退少不补。收费部门：学校财务室。".into(),
            ),
            Block::Heading("二、减免政策".into()),
            Block::Paragraph(
                "家庭经济困难学生、孤儿、残疾学生及烈士子女，可凭有关证明向班主任申请减免，学校按规定审核后公示结果。".into(),
            ),
            Block::Heading("三、监督与咨询".into()),
            Block::KeyValues(phones),
            Block::Closing(Closing {
                posting_period: Some("公示期：2026年9月1日至2026年9月7日（5个工作日）".into()),
                feedback: vec!["如有异议，请在公示期内投入校务公开意见箱，或拨打上述监督电话反映。".into()],
                issuer: school.name.clone(),
                date,
                signature: None,
                seal: true,
                verification: None,
            }),
        ],
    }
}

/// A one-page letter to parents with a tear-off acknowledgment slip.
pub fn letter(school: &SpecimenSchool, class: &str, number: usize, date: NaiveDate) -> Sheet {
    let columns = vec![
        Column::new("项目", 2.4, Align::Left),
        Column::new("金额（元）", 1.2, Align::Right),
        Column::new("计费单位", 1.4, Align::Center),
        Column::new("是否自愿", 1.0, Align::Center),
    ];
    let rows = ITEMS[..4]
        .iter()
        .map(|(name, amount, unit, _, _, voluntary)| {
            Row::new(vec![
                (*name).into(),
                (*amount).into(),
                (*unit).into(),
                (*voluntary).into(),
            ])
        })
        .chain([Row::total(vec!["合计".into(), "514.50".into()])])
        .collect();
    Sheet {
        paper: Paper::default(),
        school_name: school.name.clone(),
        header_label: "致家长的一封信".into(),
        title: "致家长的一封信".into(),
        subtitle: None,
        watermark: None,
        blocks: vec![
            Block::PlainParagraph("尊敬的家长：".into()),
            Block::Paragraph(
                "新学期开始了，为规范教育收费，现将本学期收费项目和标准告知如下。自愿项目请在回执中勾选，学校不强制、不捆绑收费。".into(),
            ),
            Block::Table(Table { columns, rows }),
            Block::Paragraph("合计人民币（大写）：伍佰壹拾肆元伍角整。".into()),
            Block::Note(format!(
                "学校承诺：不乱收费、不乱办班、不体罚学生、不接受家长任何形式的馈赠。监督电话：{}。",
                school.supervision_phone
            )),
            Block::Closing(Closing {
                posting_period: None,
                feedback: Vec::new(),
                issuer: school.name.clone(),
                date,
                signature: None,
                seal: false,
                verification: None,
            }),
            Block::CutLine("请沿虚线剪下，交回班主任".into()),
            Block::KeyValues(vec![
                ("回执".into(), format!("{class} 第{number}号")),
                ("学生姓名".into(), "＿＿＿＿＿＿  班级：＿＿＿＿＿＿".into()),
                ("自愿项目".into(), "□课后服务费  □午餐费  □校服费".into()),
                ("家长签字".into(), "＿＿＿＿＿＿  日期：＿＿＿＿年＿＿月＿＿日".into()),
            ]),
        ],
    }
}

/// `count` letters in one document.
pub fn letters(school: &SpecimenSchool, count: usize, created: DateTime<FixedOffset>) -> Document {
    let sheets = (1..=count)
        .map(|n| {
            letter(
                school,
                &format!("{}年级{}班", n % 6 + 1, n % 8 + 1),
                n,
                created.date_naive(),
            )
        })
        .collect();
    Document {
        title: "致家长的一封信".into(),
        author: school.name.clone(),
        created,
        sheets,
    }
}
