//! The load and fault test, on loopback: 300 simulated schools push a
//! school year each, concurrently, in shuffled batches with duplicates
//! and tampered records, while the server is killed with SIGKILL mid-push
//! and started again. Afterwards every record is in PostgreSQL exactly
//! once, every tampered one refused and reported, and the web page's
//! figures equal the sums of what was sent. Throughput and the p99 of a
//! push are written to artifacts/district-load.txt (and the README).
#![allow(clippy::unwrap_used)] // tests may unwrap

mod support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gongshi_domain::district::wire::Outcome;
use gongshi_domain::district::{Body, Record};
use support::pg::{TempPg, free_port};
use support::server::{Server, add_school};
use support::*;

const SCHOOLS: usize = 300;
const WORKERS: usize = 48;

/// One simulated school: its chain, its batches in the order it sends
/// them, and the tampered records it also sends.
struct School {
    code: String,
    token: String,
    records: Vec<Record>,
    batches: Vec<Vec<Record>>,
    /// Sent after its genuine records are in: a different record at a held
    /// number, and one claiming to follow the last but not doing so.
    late_forgeries: Vec<Record>,
    /// (seq, hash) of every tampered record sent.
    tampered: Vec<(i64, String)>,
}

fn plan(i: usize, token: String) -> School {
    let mut rng = Rng::new(i as u64 + 1);
    let records = chain(&school_year(i));
    let mut shuffled = records.clone();
    rng.shuffle(&mut shuffled);
    let mut batches = Vec::new();
    let mut rest = &shuffled[..];
    while !rest.is_empty() {
        let size = (1 + rng.below(12)).min(rest.len());
        let (batch, tail) = rest.split_at(size);
        batches.push(batch.to_vec());
        rest = tail;
        // A retry after a lost acknowledgement, now and then.
        if rng.below(5) == 0 {
            batches.push(batch.to_vec());
        }
    }
    let mut tampered = Vec::new();
    let mut late_forgeries = Vec::new();
    if i.is_multiple_of(10) {
        // An amount changed in transit, the seal kept: mixed into a batch.
        let mut changed = records[rng.below(records.len())].clone();
        changed.body = changed.body.replace("合计", "合计 0");
        if changed.body == records[(changed.seq - 1) as usize].body {
            changed.body.push(' ');
        }
        tampered.push((changed.seq, changed.hash.clone()));
        let at = rng.below(batches.len());
        batches[at].push(changed);
        // Sealed properly, but not the school's: at a held number …
        let seq = 1 + rng.below(records.len()) as i64;
        let other = &records[(seq as usize) % records.len()];
        let held = &records[(seq - 1) as usize];
        let conflict = Record::sealed(
            seq,
            other.body.clone(),
            held.audit_head.clone(),
            held.prev.clone(),
        );
        tampered.push((conflict.seq, conflict.hash.clone()));
        // … and after the last, not following it.
        let next = Record::sealed(
            records.len() as i64 + 1,
            other.body.clone(),
            String::new(),
            "f".repeat(64),
        );
        tampered.push((next.seq, next.hash.clone()));
        late_forgeries = vec![conflict, next];
    }
    School {
        code: format!("44{i:08}"),
        token,
        records,
        batches,
        late_forgeries,
        tampered,
    }
}

/// Sends a batch until the server answers it, backing off while it is
/// down; the time of the answered request.
/// Requests that found the server down (or refusing while it restarted).
static RETRIES: AtomicUsize = AtomicUsize::new(0);

fn send(
    agent: &ureq::Agent,
    base: &str,
    token: &str,
    batch: &[Record],
    refused: &Mutex<Vec<String>>,
) -> Duration {
    let mut wait = Duration::from_millis(20);
    loop {
        let start = Instant::now();
        match push(agent, base, token, batch) {
            Ok((200, Some(receipt), _)) => {
                let took = start.elapsed();
                let mut refused = refused.lock().unwrap();
                for r in receipt
                    .results
                    .iter()
                    .filter(|r| r.outcome == Outcome::Refused)
                {
                    refused.push(r.message.clone().unwrap_or_default());
                }
                return took;
            }
            // Down (killed), or unavailable while restarting: try again.
            Ok(_) | Err(_) => {
                RETRIES.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_millis(500));
            }
        }
    }
}

fn p99(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[(v.len() * 99 / 100).min(v.len() - 1)]
}

#[test]
fn three_hundred_schools_push_a_year_through_a_crash_and_nothing_is_lost_or_forged() {
    let pg = TempPg::start();
    support::server::run(&pg.url, &["init"]);
    let schools: Vec<School> = (0..SCHOOLS)
        .map(|i| {
            plan(
                i,
                add_school(&pg.url, &format!("44{i:08}"), &format!("第{i}小学")),
            )
        })
        .collect();
    let listen = format!("127.0.0.1:{}", free_port());
    let server = Arc::new(Mutex::new(Server::start(&pg.url, &listen, &[])));
    let base = server.lock().unwrap().base.clone();
    let total_batches: usize = schools.iter().map(|s| s.batches.len()).sum();
    let sent = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let refused = Arc::new(Mutex::new(Vec::new()));
    let schools = Arc::new(schools);
    let next_school = Arc::new(AtomicUsize::new(0));

    // The crash: SIGKILL once 40% of the batches are sent, back 300 ms later.
    let killer = {
        let (server, sent) = (server.clone(), sent.clone());
        std::thread::spawn(move || {
            while sent.load(Ordering::Relaxed) < total_batches * 2 / 5 {
                std::thread::sleep(Duration::from_millis(5));
            }
            let mut s = server.lock().unwrap();
            s.kill();
            std::thread::sleep(Duration::from_millis(300));
            s.restart();
        })
    };
    let started = Instant::now();
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (schools, next, sent, lat, refused, base) = (
                schools.clone(),
                next_school.clone(),
                sent.clone(),
                latencies.clone(),
                refused.clone(),
                base.clone(),
            );
            std::thread::spawn(move || {
                let agent = agent();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(school) = schools.get(i) else { break };
                    for batch in &school.batches {
                        let took = send(&agent, &base, &school.token, batch, &refused);
                        lat.lock().unwrap().push(took);
                        sent.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let elapsed = started.elapsed();
    killer.join().unwrap();
    let retries = RETRIES.load(Ordering::Relaxed);
    assert!(retries > 0, "the crash happened with no push in flight");
    let agent = agent();
    for school in schools.iter().filter(|s| !s.late_forgeries.is_empty()) {
        send(
            &agent,
            &base,
            &school.token,
            &school.late_forgeries,
            &refused,
        );
    }

    // Every record once, with no gap; every tampered one refused.
    let sent_records: usize = schools.iter().map(|s| s.records.len()).sum();
    let tampered: usize = schools.iter().map(|s| s.tampered.len()).sum();
    for school in schools.iter() {
        let s = status(&agent, &base, &school.token);
        let n = school.records.len() as i64;
        assert_eq!((s.received, s.highest), (n, n), "{}", school.code);
        assert!(s.gaps.is_empty(), "{}: {:?}", school.code, s.gaps);
        assert_eq!(s.refused, school.tampered.len() as i64, "{}", school.code);
    }
    let refused = refused.lock().unwrap().clone();
    for school in schools.iter() {
        for (seq, _) in &school.tampered {
            let said = format!("学校{}（", school.code);
            assert!(
                refused
                    .iter()
                    .any(|m| m.contains(&said) && m.contains(&format!("第{seq}条"))),
                "the refusal of {} #{seq} was not reported",
                school.code
            );
        }
    }
    // The page's figures are the sums of what was sent.
    let (_, html) = page(&agent, &format!("{base}/"));
    let count = |f: fn(&Body) -> bool| {
        schools
            .iter()
            .flat_map(|s| &s.records)
            .filter(|r| f(&Body::from_form(&r.body).unwrap()))
            .count() as i64
    };
    assert_eq!(figure(&html, "schools"), SCHOOLS as i64);
    assert_eq!(figure(&html, "records"), sent_records as i64);
    assert_eq!(figure(&html, "missing"), 0);
    assert_eq!(figure(&html, "refused"), tampered as i64);
    assert_eq!(
        figure(&html, "postings"),
        count(|b| matches!(b, Body::Posting(_)))
    );
    assert_eq!(
        figure(&html, "taken_down"),
        count(|b| matches!(b, Body::TakenDown(_)))
    );
    assert_eq!(
        figure(&html, "fee_schedules"),
        count(|b| matches!(b, Body::FeeSchedule(_)))
    );
    assert_eq!(
        figure(&html, "annual_reports"),
        count(|b| matches!(b, Body::AnnualReport(_)))
    );
    // This autumn's fees, grade by grade, as each school sent them.
    let (_, fees) = page(&agent, &format!("{base}/fees?term=2026-09-01"));
    let mut shown: BTreeMap<String, i64> = BTreeMap::new();
    for row in fees.split("<tr data-school=\"").skip(1) {
        let code = row.split('"').next().unwrap().to_owned();
        let sum = row
            .split("data-fen=\"")
            .skip(1)
            .map(|c| c.split('"').next().unwrap().parse::<i64>().unwrap())
            .sum();
        shown.insert(code, sum);
    }
    for school in schools.iter() {
        let sent: i64 = school
            .records
            .iter()
            .filter_map(|r| match Body::from_form(&r.body).unwrap() {
                Body::FeeSchedule(f) if f.semester.starts_with("2026") => {
                    Some(f.grades.iter().map(|g| g.required_fen).sum::<i64>())
                }
                _ => None,
            })
            .sum();
        assert_eq!(shown.get(&school.code), Some(&sent), "{}", school.code);
    }

    let latencies = latencies.lock().unwrap().clone();
    let figures = format!(
        "{SCHOOLS} 所学校、{sent_records} 条记录（{total_batches} 批，含重发），{WORKERS} 个并发连接，\
         中途 SIGKILL 服务器并重启（{retries} 次请求重试），{tampered} 条篡改记录全部拒收\n\
         用时 {:.1} 秒，吞吐 {:.0} 条/秒，单批上报 p99 {:.0} 毫秒（中位 {:.0} 毫秒）\n",
        elapsed.as_secs_f64(),
        sent_records as f64 / elapsed.as_secs_f64(),
        p99(latencies.clone()).as_secs_f64() * 1000.0,
        {
            let mut v = latencies.clone();
            v.sort();
            v[v.len() / 2].as_secs_f64() * 1000.0
        },
    );
    println!("{figures}");
    let artifacts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    std::fs::write(artifacts.join("district-load.txt"), figures).unwrap();
}
