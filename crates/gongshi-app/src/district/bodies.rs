//! The records a school sends, made from what it published: a posted
//! revision (its public sheet's words and its archived PDF's digest), an
//! early take-down, a fee schedule as its board was printed, a year's
//! report. Only what was public: no internal list, no feedback, no name.

use chrono::NaiveDate;
use gongshi_domain::district::due::month_named;
use gongshi_domain::district::{AnnualReport, Body, FeeSchedule, GradeFee, Posting, TakenDown};
use gongshi_domain::revision::Revision;
use gongshi_domain::verify_code::Subject;
use gongshi_print::sheet::Paper;
use gongshi_store::Store;

use crate::Result;
use crate::report::YearReport;

/// A revision just posted (its period set).
pub fn posting(store: &Store, rev: &Revision) -> Result<Option<Body>> {
    let (Some(period), Some(posted_on)) = (rev.period, rev.period.map(|p| p.start)) else {
        return Ok(None);
    };
    let school = store.school()?.unwrap_or_default();
    let sheet = crate::sheets::item_sheet(
        &school,
        rev,
        rev.period,
        posted_on,
        Paper::default(),
        &crate::table_io::context(store)?,
        &crate::decisions::facts(store, rev)?,
    )?;
    let pdf_sha256 = store
        .printed_sheets(rev.id)?
        .last()
        .map(|s| s.sha256.clone());
    Ok(Some(Body::Posting(Posting {
        item: rev.item_id,
        revision: rev.number,
        category: rev.category.code().to_owned(),
        title: rev.content.title.clone(),
        text: gongshi_print::plain_text(&sheet),
        posted_on,
        period_end: period.end,
        pdf_sha256,
        month: finance_month(rev),
    })))
}

/// The month a finance statement reports on: its 收支期间, else its title.
fn finance_month(rev: &Revision) -> Option<String> {
    if rev.category != gongshi_domain::category::Category::Finance {
        return None;
    }
    let period = rev
        .content
        .fields
        .get("period")
        .map(String::as_str)
        .unwrap_or("");
    month_named(period).or_else(|| month_named(&rev.content.title))
}

/// A revision taken down before its period ended.
pub fn taken_down(rev: &Revision) -> Option<Body> {
    let (on, period) = (rev.taken_down_on?, rev.period?);
    (on < period.end).then(|| {
        Body::TakenDown(TakenDown {
            item: rev.item_id,
            revision: rev.number,
            on,
            reason: rev.taken_down_reason.clone().unwrap_or_default(),
        })
    })
}

/// A school's own sheet archived for the board: the fee schedule's
/// (`F3`) goes to the district, with its totals per student and grade.
pub fn own_sheet(
    store: &Store,
    subject: &str,
    on: NaiveDate,
    sha256: &str,
) -> Result<Option<Body>> {
    let Some(Subject::Fees(id)) = Subject::parse(subject) else {
        return Ok(None);
    };
    let mut found = None;
    for semester in store.fee_semesters()? {
        if let Some(s) = store.fee_schedule(&semester)?.filter(|s| s.id == id) {
            found = Some(s);
            break;
        }
    }
    let Some(schedule) = found else {
        return Ok(None);
    };
    let grades = crate::school::grades(store)?;
    let totals = gongshi_domain::fee::grade_totals(&schedule.items, &grades, schedule.terms);
    Ok(Some(Body::FeeSchedule(FeeSchedule {
        schedule: schedule.id,
        semester: schedule.semester,
        published_on: on,
        grades: totals
            .into_iter()
            .map(|(grade, t)| GradeFee {
                grade,
                required_fen: t.required.0,
                voluntary_fen: t.voluntary.0,
            })
            .collect(),
        pdf_sha256: Some(sha256.to_owned()),
    })))
}

/// A year's report as printed: its counts.
pub fn annual(report: &YearReport, printed_on: NaiveDate, pdf: &[u8]) -> Body {
    let f = &report.figures;
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    Body::AnnualReport(AnnualReport {
        year: report.year,
        printed_on,
        postings: n(f.posted),
        feedback: n(f.feedback.received),
        objections: n(f.feedback.objections.len()),
        answered: n(f.feedback.answered),
        pdf_sha256: crate::archive::sha256_hex(pdf),
    })
}
