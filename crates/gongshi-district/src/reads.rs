//! What the pages and the status call read: per school, its chain's
//! state, what is on its board, what is overdue, its fees and reports.
//! The rules of "overdue" are the domain's (`district::due`).

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use deadpool_postgres::Pool;
use gongshi_domain::district::due::{FeeDue, finance_gaps, school_year_of};
use gongshi_domain::district::wire::Status;
use gongshi_domain::record::range::DateRange;

use crate::schools::School;

pub async fn status(pool: &Pool, school: &School) -> Result<Status> {
    let client = pool.get().await?;
    let row = client
        .query_one(
            "SELECT count(*), coalesce(max(seq), 0), coalesce(min(seq), 0),
                    (SELECT count(*) FROM refusals WHERE school_id = $1)
             FROM records WHERE school_id = $1",
            &[&school.id],
        )
        .await?;
    let (received, highest, lowest, refused): (i64, i64, i64, i64) =
        (row.get(0), row.get(1), row.get(2), row.get(3));
    let mut gaps = Vec::new();
    if lowest > 1 {
        gaps.push((1, lowest - 1));
    }
    let rows = client
        .query(
            "SELECT seq + 1, next - 1 FROM (
                 SELECT seq, lead(seq) OVER (ORDER BY seq) AS next
                 FROM records WHERE school_id = $1) s
             WHERE next > seq + 1 ORDER BY seq",
            &[&school.id],
        )
        .await?;
    gaps.extend(
        rows.iter()
            .map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1))),
    );
    Ok(Status {
        school: school.code.clone(),
        name: school.name.clone(),
        received,
        highest,
        gaps,
        refused,
    })
}

/// The semester `today` is in (第一学期 9月–1月, 第二学期 2月–8月).
pub fn this_term(today: NaiveDate) -> Option<DateRange> {
    let first = today.month() >= 9 || today.month() == 1;
    DateRange::semester(school_year_of(today), first).ok()
}

/// One school's line on the overview.
#[derive(Debug, Clone)]
pub struct Line {
    pub school: School,
    pub received: i64,
    pub highest: i64,
    pub refused: i64,
    pub postings: i64,
    pub on_board: i64,
    pub finance_gaps: Vec<(i32, u32)>,
    pub fees: FeeDue,
    /// The years whose annual report is in.
    pub reports: Vec<i32>,
    pub fee_schedules: i64,
    pub annual_reports: i64,
    pub taken_down: i64,
}

impl Line {
    pub fn missing(&self) -> i64 {
        self.highest - self.received
    }
}

/// The postings on the board on `today`: in their period, not taken down,
/// not replaced by a later revision posted.
const ON_BOARD: &str = "
    SELECT p.school_id, p.seq FROM postings p
    WHERE p.posted_on <= $1 AND p.period_end >= $1
      AND NOT EXISTS (SELECT 1 FROM taken_down t WHERE t.school_id = p.school_id
                      AND t.item = p.item AND t.revision = p.revision AND t.on_day <= $1)
      AND NOT EXISTS (SELECT 1 FROM postings n WHERE n.school_id = p.school_id
                      AND n.item = p.item AND n.revision > p.revision AND n.posted_on <= $1)";

pub async fn overview(pool: &Pool, today: NaiveDate) -> Result<Vec<Line>> {
    let client = pool.get().await?;
    let term = this_term(today);
    let term_start = term.map(|t| t.from);
    let rows = client
        .query(
            &format!(
                "WITH board AS ({ON_BOARD})
                 SELECT s.id, s.code, s.name,
                   (SELECT count(*) FROM records r WHERE r.school_id = s.id),
                   (SELECT coalesce(max(seq), 0) FROM records r WHERE r.school_id = s.id),
                   (SELECT count(*) FROM refusals x WHERE x.school_id = s.id),
                   (SELECT count(*) FROM postings p WHERE p.school_id = s.id),
                   (SELECT count(*) FROM board b WHERE b.school_id = s.id),
                   (SELECT min(published_on) FROM fee_schedules f
                     WHERE f.school_id = s.id AND f.term_start = $2),
                   (SELECT coalesce(array_agg(DISTINCT year ORDER BY year), '{{}}')
                      FROM annual_reports a WHERE a.school_id = s.id),
                   (SELECT coalesce(array_agg(coalesce(month, posted_on)), '{{}}') FROM postings p
                     WHERE p.school_id = s.id AND p.category = 'finance'),
                   (SELECT count(DISTINCT schedule) FROM fee_schedules f WHERE f.school_id = s.id),
                   (SELECT count(DISTINCT year) FROM annual_reports a WHERE a.school_id = s.id),
                   (SELECT count(*) FROM taken_down t WHERE t.school_id = s.id)
                 FROM schools s ORDER BY s.code"
            ),
            &[&today, &term_start],
        )
        .await?;
    let year_start = DateRange::school_year(school_year_of(today))
        .map(|r| r.from)
        .unwrap_or(today);
    Ok(rows
        .iter()
        .map(|r| {
            let finance: Vec<NaiveDate> = r.get(10);
            let fees = match term_start {
                Some(start) => FeeDue::of(start, r.get(8), today),
                None => FeeDue::NotYet,
            };
            Line {
                school: School {
                    id: r.get(0),
                    code: r.get(1),
                    name: r.get(2),
                },
                received: r.get(3),
                highest: r.get(4),
                refused: r.get(5),
                postings: r.get(6),
                on_board: r.get(7),
                finance_gaps: finance_gaps(year_start, today, &finance),
                fees,
                reports: r.get(9),
                fee_schedules: r.get(11),
                annual_reports: r.get(12),
                taken_down: r.get(13),
            }
        })
        .collect())
}

/// A posting as a school page lists it.
#[derive(Debug, Clone)]
pub struct PostingRow {
    pub seq: i64,
    pub category: String,
    pub title: String,
    pub revision: i32,
    pub posted_on: NaiveDate,
    pub period_end: NaiveDate,
    pub pdf_sha256: Option<String>,
}

pub async fn on_board(pool: &Pool, school: &School, today: NaiveDate) -> Result<Vec<PostingRow>> {
    postings_where(pool, school, today, true).await
}

pub async fn postings(pool: &Pool, school: &School, today: NaiveDate) -> Result<Vec<PostingRow>> {
    postings_where(pool, school, today, false).await
}

async fn postings_where(
    pool: &Pool,
    school: &School,
    today: NaiveDate,
    board_only: bool,
) -> Result<Vec<PostingRow>> {
    let client = pool.get().await?;
    let board = if board_only {
        "AND (p.school_id, p.seq) IN (SELECT * FROM board)"
    } else {
        ""
    };
    let rows = client
        .query(
            &format!(
                "WITH board AS ({ON_BOARD})
                 SELECT p.seq, p.category, p.title, p.revision, p.posted_on, p.period_end,
                        p.pdf_sha256
                 FROM postings p WHERE p.school_id = $2 {board}
                 ORDER BY p.posted_on DESC, p.seq DESC"
            ),
            &[&today, &school.id],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| PostingRow {
            seq: r.get(0),
            category: r.get(1),
            title: r.get(2),
            revision: r.get(3),
            posted_on: r.get(4),
            period_end: r.get(5),
            pdf_sha256: r.get(6),
        })
        .collect())
}

/// A refused record as the page reports it.
#[derive(Debug, Clone)]
pub struct RefusalRow {
    pub seq: i64,
    pub message: String,
    pub at: String,
}

pub async fn refusals(pool: &Pool, school: Option<&School>) -> Result<Vec<RefusalRow>> {
    let client = pool.get().await?;
    let id = school.map(|s| s.id);
    let rows = client
        .query(
            "SELECT seq, message, to_char(at, 'YYYY-MM-DD HH24:MI') FROM refusals
             WHERE $1::integer IS NULL OR school_id = $1
             ORDER BY at DESC, id DESC LIMIT 200",
            &[&id],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| RefusalRow {
            seq: r.get(0),
            message: r.get(1),
            at: r.get(2),
        })
        .collect())
}

/// A semester's fees, school by school: the newest schedule each school
/// published for the term, per grade.
#[derive(Debug, Clone)]
pub struct FeeLine {
    pub school: String,
    pub code: String,
    pub published_on: NaiveDate,
    /// (grade, required, voluntary) in fen.
    pub grades: Vec<(i16, i64, i64)>,
}

/// The terms any school published fees for, newest first.
pub async fn fee_terms(pool: &Pool) -> Result<Vec<NaiveDate>> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT DISTINCT term_start FROM fee_schedules
             WHERE term_start IS NOT NULL ORDER BY term_start DESC",
            &[],
        )
        .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

pub async fn fees(pool: &Pool, term_start: NaiveDate) -> Result<Vec<FeeLine>> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT DISTINCT ON (s.id) s.code, s.name, f.published_on,
                    array_agg(g.grade ORDER BY g.grade),
                    array_agg(g.required_fen ORDER BY g.grade),
                    array_agg(g.voluntary_fen ORDER BY g.grade)
             FROM fee_schedules f
             JOIN schools s ON s.id = f.school_id
             JOIN fee_grades g ON g.school_id = f.school_id AND g.seq = f.seq
             WHERE f.term_start = $1
             GROUP BY s.id, s.code, s.name, f.seq, f.published_on
             ORDER BY s.id, f.published_on DESC, f.seq DESC",
            &[&term_start],
        )
        .await?;
    let mut lines: Vec<FeeLine> = rows
        .iter()
        .map(|r| {
            let grades: Vec<i16> = r.get(3);
            let required: Vec<i64> = r.get(4);
            let voluntary: Vec<i64> = r.get(5);
            FeeLine {
                code: r.get(0),
                school: r.get(1),
                published_on: r.get(2),
                grades: grades
                    .into_iter()
                    .zip(required)
                    .zip(voluntary)
                    .map(|((g, r), v)| (g, r, v))
                    .collect(),
            }
        })
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(lines)
}
