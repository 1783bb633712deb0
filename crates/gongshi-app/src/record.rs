//! The year's record gathered from the store: the register's rows (every
//! revision posted in a range, and the school's own sheets put up), and
//! the facts the annual report's figures are computed from. What each
//! figure means is the domain's (`record::figures`); here is only where
//! each fact is found. Also records the letters printed and messages
//! made, the forms beside the board.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use gongshi_domain::OperatorName;
use gongshi_domain::calendar::{Calendar, Period};
use gongshi_domain::category::Category;
use gongshi_domain::fee;
use gongshi_domain::lines::{self, Lines};
use gongshi_domain::record::figures::{
    FeeSchedule, Outreach, RoundHeld, StatementPosted, YearRecord,
};
use gongshi_domain::record::register::{Kept, Posting};
use gongshi_domain::record::{DateRange, Form};
use gongshi_domain::revision::Revision;
use gongshi_domain::verify_code::Subject;
use gongshi_store::{NewOutreach, PrintedSheet, Store};

use crate::Result;

/// Dates before and after any a school records (the store compares ISO
/// text: chrono's extremes carry a sign and do not sort).
const ALL: (NaiveDate, NaiveDate) = (
    NaiveDate::from_ymd_opt(1900, 1, 1).expect("a date"),
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date"),
);

/// A posted disclosure with the revision behind it (None for the
/// school's own sheets).
struct Posted {
    posting: Posting,
    revision: Option<Revision>,
}

/// The register's rows for `range`, judged on `today`.
pub fn postings(store: &Store, range: DateRange, today: NaiveDate) -> Result<Vec<Posting>> {
    Ok(posted(store, range, today)?
        .into_iter()
        .map(|p| p.posting)
        .collect())
}

fn posted(store: &Store, range: DateRange, today: NaiveDate) -> Result<Vec<Posted>> {
    let calendar = crate::calendar::calendar(Some(store))?;
    let announced: BTreeSet<i64> = store.announcements()?.into_iter().map(|(i, _)| i).collect();
    // Every one ever made: a letter about a sheet may come after its year.
    let outreach = store.outreach_between(ALL.0, ALL.1)?;
    let forms_of = |subject: &str, first: Form| {
        let mut forms = vec![first];
        forms.extend(
            outreach
                .iter()
                .filter(|o| o.subject == subject)
                .map(|o| o.form),
        );
        forms
    };
    let mut out = Vec::new();
    for rev in store.posted_revisions(range.from, range.to)? {
        let Some(period) = rev.period else { continue };
        let subject = Subject::Item(rev.item_id).to_string();
        let mut forms = forms_of(&subject, Form::Board);
        if announced.contains(&rev.item_id) {
            forms.push(Form::Meeting);
        }
        let minimum = store.min_days(rev.category)?;
        let kept = Kept::of(period, rev.taken_down_on, minimum, today, &calendar)
            .map_err(|e| e.for_field("公示期"))?;
        let feedback = store.feedback_list(Some(rev.item_id))?.len();
        let (objections, _) = store.objection_counts(rev.item_id)?;
        let sha256 = store.printed_sheets(rev.id)?.pop().map(|s| s.sha256);
        let early = rev.taken_down_on.is_some_and(|d| d < period.end);
        out.push(Posted {
            posting: Posting {
                number: subject,
                revision: rev.number,
                category: rev.category.label().to_owned(),
                title: rev.content.title.clone(),
                forms,
                reviewed: rev.confidentiality.clone(),
                signed: rev.signoff.clone(),
                approved: rev.approved.clone(),
                posted_on: period.start,
                taken_down_on: rev.taken_down_on,
                taken_down_reason: rev.taken_down_reason.clone().filter(|_| early),
                kept,
                closes: true,
                feedback,
                objections,
                closure: rev.closure.clone(),
                sha256,
            },
            revision: Some(rev),
        });
    }
    for sheet in store.own_sheets_posted(range.from, range.to)? {
        if let Some(posting) = own_posting(store, &sheet, &calendar, today, &forms_of)? {
            out.push(Posted {
                posting,
                revision: None,
            });
        }
    }
    out.sort_by_key(|p| p.posting.posted_on);
    Ok(out)
}

/// A school's own sheet as the register lists it: posted for its stated
/// period, approved as its schedule was (收费公示).
fn own_posting(
    store: &Store,
    sheet: &PrintedSheet,
    calendar: &Calendar,
    today: NaiveDate,
    forms_of: &dyn Fn(&str, Form) -> Vec<Form>,
) -> Result<Option<Posting>> {
    let (Some(subject), Some(start), Some(end)) = (
        sheet.subject.as_deref().and_then(Subject::parse),
        sheet.period_start,
        sheet.period_end,
    ) else {
        return Ok(None);
    };
    let category = match subject {
        Subject::Fees(_) => Category::Fees,
        _ => Category::Other,
    };
    let working_days = calendar
        .working_days_between(start, end)
        .map_err(|e| e.for_field("公示期"))?;
    let period = Period {
        start,
        end,
        working_days,
    };
    let minimum = store.min_days(category)?;
    let kept =
        Kept::of(period, None, minimum, today, calendar).map_err(|e| e.for_field("公示期"))?;
    let approved = match subject {
        Subject::Fees(id) => fee_stamp(store, id)?,
        _ => None,
    };
    let code = subject.to_string();
    Ok(Some(Posting {
        forms: forms_of(&code, Form::Board),
        number: code,
        revision: 1,
        category: subject.kind().to_owned(),
        title: sheet.title.clone().unwrap_or_default(),
        reviewed: None,
        signed: None,
        approved,
        posted_on: start,
        taken_down_on: None,
        taken_down_reason: None,
        kept,
        closes: false,
        feedback: 0,
        objections: 0,
        closure: None,
        sha256: Some(sheet.sha256.clone()),
    }))
}

fn fee_stamp(store: &Store, id: i64) -> Result<Option<gongshi_domain::revision::Stamp>> {
    for semester in store.fee_semesters()? {
        if let Some(s) = store.fee_schedule(&semester)?.filter(|s| s.id == id) {
            return Ok(s.approved);
        }
    }
    Ok(None)
}

/// Everything the year's figures are computed from.
pub fn year_record(store: &Store, range: DateRange, today: NaiveDate) -> Result<YearRecord> {
    let posted = posted(store, range, today)?;
    let titles = item_titles(store)?;
    let feedback = store
        .feedback_list(None)?
        .into_iter()
        .filter(|f| range.contains(f.received_on))
        .map(|f| {
            let title = f.item_id.and_then(|i| titles.get(&i).cloned());
            (f, title)
        })
        .collect();
    let announced = store
        .announcements()?
        .into_iter()
        .filter(|(_, on)| range.contains(*on))
        .map(|(item, _)| item)
        .collect::<BTreeSet<_>>()
        .len();
    let mut letters = Outreach::default();
    let mut messages = Outreach::default();
    for o in store.outreach_between(range.from, range.to)? {
        let sum = if o.form == Form::Letter {
            &mut letters
        } else {
            &mut messages
        };
        sum.times += 1;
        sum.copies += o.copies as usize;
    }
    let (statements, purchases, grants) = lines_posted(store, &posted)?;
    Ok(YearRecord {
        range,
        fees: fees_published(store, &posted)?,
        rounds: rounds_held(store, &posted)?,
        statements,
        purchases,
        grants,
        meetings: store
            .meetings()?
            .into_iter()
            .filter(|m| range.contains(m.held_on))
            .map(|m| m.kind)
            .collect(),
        postings: posted.into_iter().map(|p| p.posting).collect(),
        feedback,
        announced,
        letters,
        messages,
    })
}

/// Each item's current title, by number.
pub(crate) fn item_titles(store: &Store) -> Result<BTreeMap<i64, String>> {
    let filter = gongshi_store::ItemFilter {
        limit: u32::MAX,
        ..Default::default()
    };
    Ok(store
        .list_items(&filter)?
        .into_iter()
        .map(|r| (r.item_id, r.title))
        .collect())
}

/// The newest revision posted of each item: a correction replaces what it
/// corrects, so amounts are counted once.
fn newest_of_each(posted: &[Posted]) -> Vec<&Revision> {
    let mut newest: BTreeMap<i64, &Revision> = BTreeMap::new();
    for rev in posted.iter().filter_map(|p| p.revision.as_ref()) {
        newest.insert(rev.item_id, rev);
    }
    newest.into_values().collect()
}

type PostedLines = (
    Vec<StatementPosted>,
    Vec<gongshi_domain::lines::procurement::Purchase>,
    Vec<gongshi_domain::lines::subsidy::Grant>,
);

fn lines_posted(store: &Store, posted: &[Posted]) -> Result<PostedLines> {
    let cx = crate::table_io::context(store)?;
    let (mut statements, mut purchases, mut grants) = (Vec::new(), Vec::new(), Vec::new());
    for rev in newest_of_each(posted) {
        // A posted revision was read by these rules when it was checked; one
        // that no longer reads (the school's grades changed since) is not
        // counted rather than guessed at.
        match lines::read(rev.category, &rev.content, &cx) {
            Ok(Some(Lines::Finance(s))) => statements.push(StatementPosted {
                title: rev.content.title.clone(),
                income: s.income(),
                expenditure: s.expenditure(),
                closing: s.closing(),
            }),
            Ok(Some(Lines::Procurement(p))) => purchases.extend(p),
            Ok(Some(Lines::Subsidy(g))) => grants.extend(g),
            _ => {}
        }
    }
    Ok((statements, purchases, grants))
}

fn fees_published(store: &Store, posted: &[Posted]) -> Result<Vec<FeeSchedule>> {
    let school = crate::school::required(store)?;
    let mut out = Vec::new();
    for semester in store.fee_semesters()? {
        let Some(s) = store.fee_schedule(&semester)? else {
            continue;
        };
        let code = Subject::Fees(s.id).to_string();
        if !posted.iter().any(|p| p.posting.number == code) {
            continue;
        }
        out.push(FeeSchedule {
            semester: s.semester.clone(),
            items: s.items.len(),
            per_grade: fee::grade_totals(&s.items, &school.grades, s.terms)
                .into_iter()
                .map(|(g, t)| (g, t.required, t.voluntary))
                .collect(),
        });
    }
    Ok(out)
}

fn rounds_held(store: &Store, posted: &[Posted]) -> Result<Vec<RoundHeld>> {
    let items: BTreeSet<i64> = posted
        .iter()
        .filter_map(|p| p.revision.as_ref().map(|r| r.item_id))
        .collect();
    let mut out = Vec::new();
    for head in store.eval_rounds()? {
        let Some(round) = store.eval_round(head.id)? else {
            continue;
        };
        if round.item_id.is_some_and(|i| items.contains(&i)) {
            out.push(RoundHeld {
                name: round.settings.name.clone(),
                kind: round.settings.kind.label(),
                candidates: round.candidates.len(),
                places: round.settings.quota,
            });
        }
    }
    Ok(out)
}

/// Records the letters to parents printed for a semester's approved fees
/// (of `grade`, or the whole school), as many as [`crate::fee_sheets::letters`]
/// makes; draft letters are not a disclosure: not recorded.
pub fn letters_printed(
    store: &mut Store,
    op: &OperatorName,
    semester: &str,
    grade: Option<u8>,
    on: NaiveDate,
) -> Result<()> {
    let schedule = crate::fees::schedule(store, semester)?;
    if schedule.approved.is_none() {
        return Ok(());
    }
    let copies = crate::fee_sheets::letter_count(store, semester, grade)?;
    let subject = Subject::Fees(schedule.id).to_string();
    let title = format!("致家长的一封信（{semester}）");
    record(store, op, Form::Letter, &subject, &title, on, copies)
}

/// Records the text message made by [`crate::sms`] for an item or a
/// semester's approved fees (a draft schedule's is not a disclosure).
pub fn message_for(
    store: &mut Store,
    op: &OperatorName,
    item: Option<i64>,
    semester: Option<&str>,
    on: NaiveDate,
) -> Result<()> {
    let (subject, title) = match (item, semester) {
        (Some(id), _) => (
            Subject::Item(id),
            crate::items::current(store, id)?.content.title,
        ),
        (None, Some(semester)) => {
            let schedule = crate::fees::schedule(store, semester)?;
            if schedule.approved.is_none() {
                return Ok(());
            }
            (Subject::Fees(schedule.id), format!("{semester}收费"))
        }
        (None, None) => return Ok(()),
    };
    message_made(store, op, subject, &title, on)
}

/// Records a text message made for `subject` (an item, a semester's fees).
pub fn message_made(
    store: &mut Store,
    op: &OperatorName,
    subject: Subject,
    title: &str,
    on: NaiveDate,
) -> Result<()> {
    record(store, op, Form::Message, &subject.to_string(), title, on, 1)
}

fn record(
    store: &mut Store,
    op: &OperatorName,
    form: Form,
    subject: &str,
    title: &str,
    on: NaiveDate,
    copies: usize,
) -> Result<()> {
    store.write(op, |w| {
        w.record_outreach(&NewOutreach {
            form,
            subject,
            title,
            made_on: on,
            copies: u32::try_from(copies).unwrap_or(u32::MAX),
        })
        .map(|_| ())
    })?;
    Ok(())
}
