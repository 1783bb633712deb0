//! The engine end to end: real PDFs read back with pdftotext and pdffonts,
//! real xlsx read back with calamine.
#![allow(clippy::unwrap_used)] // tests may unwrap

mod pdf;
mod xlsx;
