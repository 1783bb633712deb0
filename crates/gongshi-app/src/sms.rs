//! A notice or the fee letter as a text message for parents: the title,
//! the key figure (what each student pays; the posting period), where to
//! read the whole notice, and the phone to ask — within the characters
//! asked for (one SMS segment, 70, by default), scanned for personal data
//! like every sheet.

use chrono::{Datelike, NaiveDate};
use gongshi_domain::fee::{self, Totals};
use gongshi_domain::grades::grade_name;
use gongshi_domain::privacy::{self, Allowlist};
use gongshi_domain::sms::{self, SEGMENT, Sms};
use gongshi_domain::workflow::Status;
use gongshi_domain::{Fen, FieldError};
use gongshi_store::Store;

use crate::{Result, fees};

/// The default length: one segment.
pub const DEFAULT_MAX: usize = SEGMENT;

/// 12月1日
fn day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// 30元, 45.5元
fn yuan(fen: Fen) -> String {
    let s = fen.to_string().replace(',', "");
    let s = s.trim_end_matches(".00");
    format!("{s}元")
}

/// The text for disclosure item `item_id` as it is (or will be) posted.
pub fn for_item(store: &Store, item_id: i64, max: usize) -> Result<Sms> {
    let school = crate::school::required(store)?;
    let rev = store
        .current_revision(item_id)?
        .ok_or_else(|| FieldError::new("事项", format!("没有编号为{item_id}的事项")))?;
    if matches!(
        rev.status,
        Status::Draft | Status::Pending | Status::Returned
    ) {
        return Err(FieldError::new(
            "事项",
            format!(
                "事项{item_id}还没有批准（{}）：批准后才能发短信告知家长",
                rev.status.label()
            ),
        )
        .into());
    }
    let head = format!("【{}】{}", school.name, rev.content.title);
    let phone = first_phone(&[&school.supervision_phone, &school.office_phone]);
    let ask = |long: &str| phone.map(|p| format!("{long}{p}")).unwrap_or_default();
    let wordings: Vec<String> = match rev.period {
        Some(p) => vec![
            format!(
                "{head}，公示期{}至{}，详见校务公开栏。{}",
                day(p.start),
                day(p.end),
                ask("如有意见请致电")
            ),
            format!(
                "{head}，公示期{}至{}，详见公开栏。{}",
                day(p.start),
                day(p.end),
                ask("意见请致电")
            ),
            format!("{head}，公示至{}，详见公开栏。{}", day(p.end), ask("电话")),
            format!("{head}，公示至{}。{}", day(p.end), ask("电话")),
        ],
        None => vec![
            format!(
                "{head}，即将在校务公开栏公示，敬请关注。{}",
                ask("如有意见请致电")
            ),
            format!("{head}，将在公开栏公示。{}", ask("电话")),
            format!("{head}。{}", ask("电话")),
        ],
    };
    checked(&wordings, max, &crate::printing::allowlist(&school))
}

/// The text for the fee letter of `semester` (one grade, or the whole
/// school): what each student must pay, the voluntary items left to the
/// parents, where the letter and the board sheet are, the phone to ask.
pub fn for_fees(store: &Store, semester: &str, grade: Option<u8>, max: usize) -> Result<Sms> {
    let school = crate::school::required(store)?;
    if let Some(g) = grade {
        school.grades.check("年级", g)?;
    }
    let schedule = fees::schedule(store, semester)?;
    if schedule.approved.is_none() {
        return Err(FieldError::new(
            "学期",
            format!("{semester}的收费标准还没有批准（样稿）：批准后才能发短信告知家长"),
        )
        .into());
    }
    let totals: Vec<Fen> = school
        .grades
        .iter()
        .filter(|g| grade.is_none_or(|only| only == *g))
        .map(|g| Totals::of(&fee::for_grade(&schedule.items, g), schedule.terms).required)
        .collect();
    let (Some(low), Some(high)) = (totals.iter().min(), totals.iter().max()) else {
        return Err(FieldError::new("年级", "没有适用的年级").into());
    };
    let figure = if low == high {
        yuan(*low)
    } else {
        format!("{}至{}", yuan(*low).trim_end_matches('元'), yuan(*high))
    };
    let scope = grade.map(grade_name).unwrap_or_default();
    let head = format!("【{}】{semester}{scope}", school.name);
    let mut phones: Vec<&String> = schedule.items.iter().map(|i| &i.phone).collect();
    phones.extend([&school.office_phone, &school.supervision_phone]);
    let phone = first_phone(&phones);
    let ask = |long: &str| phone.map(|p| format!("{long}{p}")).unwrap_or_default();
    let voluntary = schedule.items.iter().any(|i| i.voluntary);
    let free = if voluntary {
        "，自愿项目自选"
    } else {
        ""
    };
    let wordings = vec![
        format!(
            "{head}收费公示：必交项目每生{figure}{free}，详见致家长的一封信和校务公开栏。{}",
            ask("咨询电话")
        ),
        format!(
            "{head}收费：必交每生{figure}{free}，详见致家长的一封信。{}",
            ask("咨询")
        ),
        format!("{head}必交每生{figure}，详见家长信。{}", ask("咨询")),
        format!("{head}必交每生{figure}。{}", ask("电话")),
    ];
    checked(
        &wordings,
        max,
        &crate::fee_sheets::allowlist(&school, &schedule),
    )
}

fn first_phone<'a>(phones: &[&'a String]) -> Option<&'a str> {
    phones.iter().map(|p| p.trim()).find(|p| !p.is_empty())
}

/// The wording that fits, refused if it holds personal data (a phone
/// typed into a title…), as a sheet would be.
fn checked(wordings: &[String], max: usize, allow: &Allowlist) -> Result<Sms> {
    if max < 20 {
        return Err(
            FieldError::new("字数", format!("{max}字太少，写不下标题和电话；请至少20字")).into(),
        );
    }
    let sms = sms::fit(wordings, max).ok_or_else(|| FieldError::new("短信", "没有内容"))?;
    if let Some(found) = privacy::scan(&sms.text, allow) {
        return Err(FieldError::new("短信", format!("不能发送：{found}。请改写标题后再试")).into());
    }
    Ok(sms)
}
