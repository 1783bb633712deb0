//! Speed of the sheet engine (README "Benchmarks"). Run: cargo xtask bench
//!
//! Targets (issue 3): one A4 sheet with an 8-row table in ≤ 20 ms after the
//! fonts are loaded and ≤ 80 KB; 2,400 one-page letters in one PDF in ≤ 2 s
//! and a few MB; fonts parsed once per process.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use gongshi_print::sheet::{Document, Paper};
use gongshi_print::specimen::{self, SpecimenSchool};
use gongshi_print::{fonts, render_pdf};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let s = SpecimenSchool::sample();
    let allow = s.allowlist();
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let created =
        chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+08:00").expect("a time");

    let t = Instant::now();
    fonts::preload();
    println!(
        "fonts parsed:                 {:>8.1} ms (once per process)",
        ms(t.elapsed())
    );

    let one = Document {
        title: "收费公示".into(),
        author: s.name.clone(),
        created,
        sheets: vec![specimen::board_sheet(&s, Paper::default(), date)],
    };
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..30 {
        let t = Instant::now();
        size = render_pdf(&one, &allow).expect("renders").len();
        times.push(t.elapsed());
    }
    println!(
        "one A4 sheet, 8-row table:    {:>8.1} ms (median of 30), {:.1} KB",
        ms(median(times)),
        size as f64 / 1024.0
    );

    let letters = specimen::letters(&s, 2400, created);
    let t = Instant::now();
    let pages = gongshi_print::pdf::pages(&letters).len();
    println!(
        "  of which layout ({pages} pages): {:>8.1} ms",
        ms(t.elapsed())
    );
    let t = Instant::now();
    let bytes = render_pdf(&letters, &allow).expect("renders");
    println!(
        "2,400 one-page letters:       {:>8.1} ms, {:.2} MB",
        ms(t.elapsed()),
        bytes.len() as f64 / 1024.0 / 1024.0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
