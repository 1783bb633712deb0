//! What the district's tests share: PostgreSQL, the server binary, a
//! school's year of records made by the domain's chain, and HTTP.
#![allow(dead_code)]

pub use gongshi_district::testing as pg;
pub mod server;

use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate};
use gongshi_domain::district::chain::GENESIS;
use gongshi_domain::district::wire::{Batch, Receipt, Status};
use gongshi_domain::district::{
    AnnualReport, Body, FeeSchedule, GradeFee, Posting, Record, TakenDown,
};

/// A small, seeded random source (no dependency for a test's shuffles).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

/// What one school publishes in the 2025—2026 school year and this autumn:
/// monthly finance, other postings, a correction taken down early, two
/// semesters' fees, the 2025 report. `n` varies the amounts.
pub fn school_year(n: usize) -> Vec<Body> {
    let mut bodies = Vec::new();
    let mut item = 0;
    let mut month = d(2025, 9, 1);
    while month <= d(2026, 11, 1) {
        for (category, title) in [("finance", "财务收支"), ("procurement", "采购")] {
            item += 1;
            let posted_on = month
                .checked_add_days(Days::new(2 + (n % 5) as u64))
                .expect("day");
            bodies.push(Body::Posting(Posting {
                item,
                revision: 1,
                category: category.into(),
                title: format!("{}年{}月{title}", month.year(), month.month()),
                text: format!("{title}\n学校{n}\n合计 {}.00 元", 1000 + n),
                posted_on,
                period_end: posted_on.checked_add_days(Days::new(7)).expect("day"),
                pdf_sha256: Some(format!("{:064x}", n * 1000 + item as usize)),
                month: (category == "finance")
                    .then(|| format!("{}-{:02}", month.year(), month.month())),
            }));
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .expect("month");
    }
    bodies.push(Body::TakenDown(TakenDown {
        item: 2,
        revision: 1,
        on: d(2025, 9, 8),
        reason: "金额有误，更正后重新公示".into(),
    }));
    for (schedule, semester, published_on) in [
        (1, "2025—2026学年第二学期", d(2026, 1, 20)),
        (2, "2026—2027学年第一学期", d(2026, 8, 25)),
    ] {
        bodies.push(Body::FeeSchedule(FeeSchedule {
            schedule,
            semester: semester.into(),
            published_on,
            grades: (1..=6)
                .map(|grade| GradeFee {
                    grade,
                    required_fen: 10_000 + 100 * grade as i64 + n as i64,
                    voluntary_fen: if grade > 3 { 5_000 } else { 0 },
                })
                .collect(),
            pdf_sha256: None,
        }));
    }
    bodies.push(Body::AnnualReport(AnnualReport {
        year: 2025,
        printed_on: d(2026, 1, 10),
        postings: 24,
        feedback: 3,
        objections: 1,
        answered: 3,
        pdf_sha256: format!("{n:064x}"),
    }));
    bodies
}

/// The bodies sealed into a chain, as the school's outbox would.
pub fn chain(bodies: &[Body]) -> Vec<Record> {
    let mut prev = GENESIS.to_owned();
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let seq = i as i64 + 1;
            let r = Record::sealed(seq, b.to_form(), format!("{:064x}", seq * 7), prev.clone());
            prev = r.hash.clone();
            r
        })
        .collect()
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// The school code a token belongs to (asked once per token), for the
/// batch to name as the school's own sender does; "" for a token the
/// server refuses.
fn code_of(agent: &ureq::Agent, base: &str, token: &str) -> String {
    static CODES: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());
    if let Some((_, code)) = CODES.lock().unwrap().iter().find(|(t, _)| t == token) {
        return code.clone();
    }
    let code = agent
        .get(format!("{base}/api/v1/status"))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .ok()
        .filter(|r| r.status() == 200)
        .and_then(|mut r| r.body_mut().read_to_string().ok())
        .and_then(|t| serde_json::from_str::<Status>(&t).ok())
        .map(|s| s.school);
    match code {
        Some(code) => {
            CODES.lock().unwrap().push((token.to_owned(), code.clone()));
            code
        }
        None => String::new(),
    }
}

/// POSTs a batch; (HTTP status, receipt when 200).
pub fn push(
    agent: &ureq::Agent,
    base: &str,
    token: &str,
    records: &[Record],
) -> Result<(u16, Option<Receipt>, String), ureq::Error> {
    let body = serde_json::to_string(&Batch {
        school: Some(code_of(agent, base, token)),
        records: records.to_vec(),
    })
    .expect("json");
    let mut resp = agent
        .post(format!("{base}/api/v1/records"))
        .header("Authorization", format!("Bearer {token}"))
        .content_type("application/json")
        .send(body)?;
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string()?;
    let receipt = (status == 200).then(|| serde_json::from_str(&text).expect("a receipt"));
    Ok((status, receipt, text))
}

pub fn status(agent: &ureq::Agent, base: &str, token: &str) -> Status {
    let mut resp = agent
        .get(format!("{base}/api/v1/status"))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .expect("status");
    serde_json::from_str(&resp.body_mut().read_to_string().expect("body")).expect("status json")
}

pub fn page(agent: &ureq::Agent, url: &str) -> (u16, String) {
    let mut resp = agent.get(url).call().expect("page");
    let status = resp.status().as_u16();
    (status, resp.body_mut().read_to_string().expect("page text"))
}

/// The number a page shows for `data-figure="name"`.
pub fn figure(html: &str, name: &str) -> i64 {
    let marker = format!(r#"data-figure="{name}">"#);
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no figure {name} on the page"))
        + marker.len();
    html[at..]
        .split('<')
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("figure {name} not a number"))
}
