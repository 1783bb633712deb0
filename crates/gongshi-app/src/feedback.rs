//! 反馈栏: log feedback and objections, answer them, and print the Q&A
//! sheet of the published answers.

use chrono::{DateTime, FixedOffset, NaiveDate};
use gongshi_domain::category::Category;
use gongshi_domain::feedback::{Answer, Feedback};
use gongshi_domain::verify_code::Subject;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_print::sheet::{Block, Closing, Document, Paper, Sheet};
use gongshi_store::Store;

use crate::verification::Posting;
use crate::{Result, printing, sheets};

pub struct NewFeedback<'a> {
    pub received_on: NaiveDate,
    pub channel: &'a str,
    pub item_id: Option<i64>,
    pub content: &'a str,
    pub is_objection: bool,
    /// Taken at this meeting.
    pub meeting_id: Option<i64>,
}

/// The feedback log, newest first; only `item_id`'s when given.
pub fn list(store: &Store, item_id: Option<i64>) -> Result<Vec<Feedback>> {
    Ok(store.feedback_list(item_id)?)
}

pub fn add(store: &mut Store, op: &OperatorName, new: NewFeedback<'_>) -> Result<Feedback> {
    if let Some(item) = new.item_id
        && store.current_revision(item)?.is_none()
    {
        return Err(FieldError::new("相关事项", format!("没有编号为{item}的事项")).into());
    }
    if let Some(meeting) = new.meeting_id {
        crate::meetings::required(store, meeting)?;
    }
    if new.is_objection {
        objected_to(store, new.item_id)?;
    }
    let mut f = Feedback {
        id: 0,
        received_on: crate::items::not_later_than_today("收到日期", new.received_on)?,
        channel: new.channel.trim().to_owned(),
        item_id: new.item_id,
        content: new.content.to_owned(),
        is_objection: new.is_objection,
        answer: None,
        publish: false,
        meeting_id: new.meeting_id,
    }
    .validated()?;
    f.id = store.write(op, |w| w.save_feedback(&f))?;
    Ok(f)
}

/// An objection (异议) is to a sheet that was put up: it names the item,
/// and the item has been posted. Anything else is an opinion (意见建议).
fn objected_to(store: &Store, item: Option<i64>) -> Result<()> {
    let Some(item) = item else {
        return Err(FieldError::new(
            "相关事项",
            "异议是对某一项公示提出的，请选择相关事项（没有相关事项的，请作为意见建议登记）",
        )
        .into());
    };
    if !store
        .item_revisions(item)?
        .iter()
        .any(|r| r.period.is_some())
    {
        return Err(FieldError::new(
            "相关事项",
            format!("事项{item}还没有张贴公示，不能对它提出异议（可作为意见建议登记）"),
        )
        .into());
    }
    Ok(())
}

pub fn answer(
    store: &mut Store,
    op: &OperatorName,
    id: i64,
    text: &str,
    responder: &str,
    answered_on: NaiveDate,
    publish: bool,
) -> Result<Feedback> {
    let mut f = store
        .feedback(id)?
        .ok_or_else(|| FieldError::new("反馈", format!("没有编号为{id}的反馈")))?;
    f.answer = Some(Answer {
        text: text.to_owned(),
        responder: responder.to_owned(),
        answered_on: crate::items::not_later_than_today("答复日期", answered_on)?,
    });
    f.publish = publish;
    let f = f.validated()?;
    store.write(op, |w| w.save_feedback(&f))?;
    Ok(f)
}

/// The Q&A sheet (反馈栏答复公示) of every published answer.
pub fn qa_sheet(store: &Store, now: DateTime<FixedOffset>, paper: Paper) -> Result<Vec<u8>> {
    qa_printable(store, now, paper)?.pdf()
}

/// [`qa_sheet`], to print or picture.
pub fn qa_printable(
    store: &Store,
    now: DateTime<FixedOffset>,
    paper: Paper,
) -> Result<printing::Printable> {
    let school = crate::school::required(store)?;
    let published: Vec<Feedback> = store
        .feedback_list(None)?
        .into_iter()
        .filter(|f| f.publish)
        .collect();
    if published.is_empty() {
        return Err(FieldError::new("公开", "还没有标记为公开的答复").into());
    }
    let mut blocks = vec![Block::Paragraph(
        "现将近期通过意见箱、电话、会议等渠道收到的意见建议及学校答复公示如下。".into(),
    )];
    for (i, f) in published.iter().enumerate() {
        let Some(answer) = &f.answer else { continue };
        blocks.push(Block::Heading(format!(
            "{}. 来自{}（{}）",
            i + 1,
            f.channel,
            f.received_on
        )));
        blocks.push(Block::KeyValues(vec![
            ("问".into(), f.content.clone()),
            ("答".into(), answer.text.clone()),
            (
                "答复".into(),
                format!("{}，{}", answer.responder, answer.answered_on),
            ),
        ]));
    }
    // Posted like any sheet, for the shortest period of 其他 items: its
    // feedback line asks for objections within it, so it states it.
    let today = now.date_naive();
    let days = store.min_days(Category::Other)?;
    let period = crate::calendar::calendar(Some(store))?
        .period(today, days)
        .map_err(|e| e.for_field("公示期"))?;
    blocks.push(Block::Closing(Closing {
        posting_period: Some(period.to_string()),
        feedback: sheets::feedback_lines(&school),
        issuer: school.name.clone(),
        date: now.date_naive(),
        signature: None,
        seal: true,
        verification: None,
    }));
    let doc = Document {
        title: "反馈意见答复公示".into(),
        author: school.name.clone(),
        created: now,
        sheets: vec![Sheet {
            paper,
            school_name: school.name.clone(),
            header_label: "校务公开·反馈栏".into(),
            title: "反馈意见答复公示".into(),
            subtitle: None,
            watermark: None,
            blocks,
        }],
    };
    Ok(printing::Printable {
        name: format!("{}反馈答复公示", gongshi_print::dates::chinese_date(today)),
        doc,
        allow: printing::allowlist(&school),
        posting: Some(Posting {
            subject: Subject::Answers,
            period: Some(period),
        }),
    })
}
