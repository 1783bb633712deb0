//! The fee letters job on 2,400 students (README "Benchmarks"): the real
//! job, from the store to the PDF. Run: cargo xtask bench
//!
//! Target (issue 5): 2,400 letters in ≤ 2 s and a few MB.

use std::time::Instant;

use gongshi_app::domain::{OperatorName, SchoolProfile};
use gongshi_app::{Store, fee_sheets, fees, school};

/// The fee schedule (also `cargo xtask bench`'s whole-process run).
const ROWS: &str = include_str!("fees.csv");

fn main() {
    let mut store = Store::open_in_memory().expect("store");
    let op = OperatorName::parse("基准测试").expect("name");
    let profile = SchoolProfile {
        name: "阳光市实验小学".into(),
        supervision_phone: "0371-6523 8002".into(),
        complaint_phone: "0371-6890 1234".into(),
        ..Default::default()
    };
    school::save_school(&mut store, &op, profile).expect("school");
    let semester = "2026年秋季学期";
    fees::import(&mut store, &op, semester, ROWS.as_bytes(), "收费.csv").expect("import");
    // 6 grades × 8 classes × 50 students = 2,400.
    for grade in 1..=6 {
        for class in 1..=8 {
            fees::set_class_size(&mut store, &op, grade, &format!("{class}班"), 50).expect("class");
        }
    }
    gongshi_app::print::fonts::preload();
    let now = chrono::Local::now().fixed_offset();
    // Five runs: this shared 2-core machine varies by a third between runs,
    // so the median is the figure and the slowest shows the spread.
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        last = Some(fee_sheets::letters(&store, semester, None, now).expect("letters"));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let (pdf, count) = last.expect("five runs");
    println!(
        "fee letters job, {count} letters:      {:>8.1} ms median, {:.1} ms slowest of 5, {:.2} MB",
        times[2],
        times[4],
        pdf.len() as f64 / 1024.0 / 1024.0
    );
}
