//! Receiving a school's records: each judged by the domain's chain rules
//! against what is held around it, in one transaction per batch with the
//! school's row locked (two pushes of one school never interleave), and
//! the pages' tables written with the record. A refusal is stored once,
//! for the page to report.

use anyhow::Result;
use deadpool_postgres::{Pool, Transaction};
use gongshi_domain::district::chain::{Held, judge};
use gongshi_domain::district::due::{month_start, term};
use gongshi_domain::district::wire::{self, Outcome};
use gongshi_domain::district::{Body, Record, Verdict};

use crate::schools::School;

pub async fn receive(
    pool: &Pool,
    school: &School,
    records: &[Record],
) -> Result<Vec<wire::Result>> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute(
        "SELECT 1 FROM schools WHERE id = $1 FOR UPDATE",
        &[&school.id],
    )
    .await?;
    let mut results = Vec::with_capacity(records.len());
    for record in records {
        results.push(one(&tx, school, record).await?);
    }
    tx.commit().await?;
    Ok(results)
}

async fn one(tx: &Transaction<'_>, school: &School, r: &Record) -> Result<wire::Result> {
    // Numbers out of range are refused by the verdict; the neighbours'
    // arithmetic must not overflow first.
    let (below, above) = (r.seq.saturating_sub(1), r.seq.saturating_add(1));
    let around = tx
        .query(
            "SELECT seq, hash, prev FROM records
             WHERE school_id = $1 AND seq BETWEEN $2 AND $3",
            &[&school.id, &below, &above],
        )
        .await?;
    let highest: i64 = tx
        .query_one(
            "SELECT coalesce(max(seq), 0) FROM records WHERE school_id = $1",
            &[&school.id],
        )
        .await?
        .get(0);
    // The same disclosure under another number is not a new record.
    let subject = Body::from_form(&r.body)
        .map(|b| b.subject())
        .unwrap_or_default();
    let subject_at: Option<i64> = tx
        .query_opt(
            "SELECT seq FROM records WHERE school_id = $1 AND subject = $2",
            &[&school.id, &subject],
        )
        .await?
        .map(|row| row.get(0));
    let at = |seq: i64, col: usize| {
        around
            .iter()
            .find(|row| row.get::<_, i64>(0) == seq)
            .map(|row| row.get::<_, String>(col))
    };
    let (same, before, after_prev) = (at(r.seq, 1), at(below, 1), at(above, 2));
    let held = Held {
        same: same.as_deref(),
        before: before.as_deref(),
        after_prev: after_prev.as_deref(),
        subject_at,
        highest,
    };
    let result = |outcome, message| wire::Result {
        seq: r.seq,
        outcome,
        message,
    };
    Ok(match judge(r, held) {
        Verdict::New(body) => {
            insert(tx, school, r, &body).await?;
            result(Outcome::Accepted, None)
        }
        Verdict::Duplicate => result(Outcome::Duplicate, None),
        Verdict::Refused(why) => {
            let message = format!(
                "学校{}（{}）{}",
                school.code,
                school.name,
                why.message(r.seq)
            );
            tx.execute(
                "INSERT INTO refusals (school_id, seq, code, message, hash)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[&school.id, &r.seq, &why.code(), &message, &r.hash],
            )
            .await?;
            result(Outcome::Refused, Some(message))
        }
    })
}

async fn insert(tx: &Transaction<'_>, school: &School, r: &Record, body: &Body) -> Result<()> {
    let kind = body.label();
    tx.execute(
        "INSERT INTO records (school_id, seq, kind, subject, body, audit_head, prev, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &school.id,
            &r.seq,
            &kind,
            &body.subject(),
            &r.body,
            &r.audit_head,
            &r.prev,
            &r.hash,
        ],
    )
    .await?;
    let key = (&school.id, &r.seq);
    match body {
        Body::Posting(p) => {
            tx.execute(
                "INSERT INTO postings (school_id, seq, item, revision, category, title, text,
                                       posted_on, period_end, pdf_sha256, month)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                &[
                    key.0,
                    key.1,
                    &p.item,
                    &i32::try_from(p.revision)?,
                    &p.category,
                    &p.title,
                    &p.text,
                    &p.posted_on,
                    &p.period_end,
                    &p.pdf_sha256,
                    &p.month.as_deref().and_then(month_start),
                ],
            )
            .await?;
        }
        Body::TakenDown(t) => {
            tx.execute(
                "INSERT INTO taken_down (school_id, seq, item, revision, on_day, reason)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    key.0,
                    key.1,
                    &t.item,
                    &i32::try_from(t.revision)?,
                    &t.on,
                    &t.reason,
                ],
            )
            .await?;
        }
        Body::FeeSchedule(f) => {
            let start = term(&f.semester).map(|t| t.from);
            tx.execute(
                "INSERT INTO fee_schedules (school_id, seq, schedule, semester, term_start,
                                            published_on, pdf_sha256)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    key.0,
                    key.1,
                    &f.schedule,
                    &f.semester,
                    &start,
                    &f.published_on,
                    &f.pdf_sha256,
                ],
            )
            .await?;
            for g in &f.grades {
                tx.execute(
                    "INSERT INTO fee_grades (school_id, seq, grade, required_fen, voluntary_fen)
                     VALUES ($1, $2, $3, $4, $5)",
                    &[
                        key.0,
                        key.1,
                        &i16::from(g.grade),
                        &g.required_fen,
                        &g.voluntary_fen,
                    ],
                )
                .await?;
            }
        }
        Body::AnnualReport(a) => {
            let n = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
            tx.execute(
                "INSERT INTO annual_reports (school_id, seq, year, printed_on, postings, feedback,
                                             objections, answered, pdf_sha256)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                &[
                    key.0,
                    key.1,
                    &a.year,
                    &a.printed_on,
                    &n(a.postings),
                    &n(a.feedback),
                    &n(a.objections),
                    &n(a.answered),
                    &a.pdf_sha256,
                ],
            )
            .await?;
        }
    }
    Ok(())
}
