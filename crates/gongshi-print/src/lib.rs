//! The sheet engine: turns a document model ([`sheet`]) into PDF (board
//! sheets, letters) and a report model ([`workbook`]) into xlsx. It knows
//! nothing of fees or evaluations — the jobs build the models — and never
//! touches the store.
//!
//! PDF: [`wrap`] breaks Chinese text (UAX #14 plus the line-start and
//! line-end rules), [`layout`] places blocks on pages (tables split between
//! rows with the header repeated), [`pdf`] writes them with pdf-writer,
//! embedding font subsets. Every sheet's text passes the privacy scan inside
//! [`pdf::render`]; a caller cannot skip it.

mod chart;
mod columns;
pub mod dates;
mod error;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod picture;
mod plain;
mod privacy;
mod qr;
pub mod sheet;
pub mod specimen;
pub mod workbook;
pub mod wrap;

pub use error::PrintError;
pub use gongshi_domain::privacy::Allowlist;
pub use pdf::render as render_pdf;
pub use picture::render as render_png;
pub use plain::text as plain_text;
pub use privacy::check as check_privacy;
pub use workbook::render as render_xlsx;
