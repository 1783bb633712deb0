//! The week board's queries and the text search on 100,000 items (README
//! "Benchmarks"). Run: cargo xtask bench
//!
//! Targets (issue 4): week board ≤ 10 ms, text search ≤ 30 ms.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate};
use gongshi_domain::OperatorName;
use gongshi_domain::calendar::Period;
use gongshi_domain::category::Category;
use gongshi_domain::item::ItemContent;
use gongshi_domain::revision::Revision;
use gongshi_domain::workflow::Status;
use gongshi_store::{ItemFilter, Store};

const ITEMS: usize = 100_000;
const WORDS: [&str; 12] = [
    "收费",
    "采购",
    "评优",
    "职称",
    "财务收支",
    "学生资助",
    "教代会",
    "作息时间",
    "食堂",
    "校服",
    "研学",
    "多媒体设备",
];

/// Items spread evenly from `start` to `today`: the old ones closed, the
/// last month's in every state, as a school's store would hold them.
fn item(i: usize, start: NaiveDate, today: NaiveDate) -> Revision {
    let span = (today - start).num_days();
    let day = start + Days::days(i as i64 * span / ITEMS as i64);
    let status = if (today - day).num_days() > 30 {
        Status::Closed
    } else {
        [
            Status::Draft,
            Status::Pending,
            Status::Approved,
            Status::Posted,
            Status::TakenDown,
        ][i % 5]
    };
    let category = Category::ALL[i % Category::ALL.len()];
    Revision {
        id: 0,
        item_id: 0,
        category,
        number: 1,
        status,
        content: ItemContent {
            title: format!("第{i}号{}公示", WORDS[i % WORDS.len()]),
            body: format!(
                "关于{}的事项说明，编号{i}。经学校领导小组研究，现予公示，欢迎监督。{}",
                WORDS[(i * 7) % WORDS.len()],
                "校务公开".repeat(i % 5)
            ),
            fields: BTreeMap::new(),
            table: None,
            posting_days: 5,
            planned_start: Some(day),
        },
        confidentiality: None,
        signoff: None,
        approved: None,
        returned_reason: None,
        period: matches!(status, Status::Posted | Status::TakenDown | Status::Closed).then(|| {
            Period {
                start: day,
                end: day + Days::days(6),
                working_days: 5,
            }
        }),
        taken_down_on: None,
        taken_down_reason: None,
        closure: None,
    }
}

fn median(mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..25 {
        let t = Instant::now();
        n = f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[times.len() / 2], n)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    // GONGSHI_BENCH_DB keeps the generated store there, to look into it.
    let path = std::env::var_os("GONGSHI_BENCH_DB").map_or_else(
        || dir.path().join("bench.sqlite3"),
        std::path::PathBuf::from,
    );
    let _ = std::fs::remove_file(&path);
    let mut store = Store::create(&path).expect("store");
    let op = OperatorName::parse("基准测试").expect("name");
    let start = NaiveDate::from_ymd_opt(2021, 1, 4).expect("date");
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let t = Instant::now();
    store
        .write(&op, |w| {
            for i in 0..ITEMS {
                w.insert_item(&item(i, start, today))?;
            }
            Ok(())
        })
        .expect("insert");
    println!("{ITEMS} items stored in {:.1} s", t.elapsed().as_secs_f64());
    // Measure as the app meets the file: opened afresh, not through the
    // bulk insert's write-ahead log.
    drop(store);
    let store = Store::open(&path).expect("reopen");

    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let (d, n) = median(|| {
        let w = store
            .week_rows(monday, monday + Days::days(6))
            .expect("week");
        w.going_up.len() + w.coming_down.len() + w.on_board.len()
    });
    println!("week board (5 lists, {n} rows):        {:>7.2} ms", ms(d));

    for text in ["多媒体设备", "编号4242", "作息时间", "收费"] {
        let filter = ItemFilter {
            text: Some(text.into()),
            limit: 200,
            ..Default::default()
        };
        let (d, n) = median(|| store.list_items(&filter).expect("search").len());
        println!(
            "search “{text}” ({n} shown):{:>width$.2} ms",
            ms(d),
            width = 22 - text.chars().count() * 2
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
