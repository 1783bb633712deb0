//! The jobs of Gongshi, each once: the CLI and the desktop shell are thin
//! faces over these functions. Store, print and domain meet here.

pub mod archive;
pub mod audit;
pub mod backups;
pub mod board;
pub mod calendar;
pub mod calendar_import;
pub mod decisions;
pub mod demo;
pub mod district;
mod error;
pub mod eval_sheets;
pub mod evaluations;
pub mod fee_sheets;
pub mod feedback;
pub mod fees;
pub mod info;
pub mod internal_list;
pub mod items;
mod line_sheets;
pub mod line_tables;
pub mod meetings;
pub mod output;
pub mod paths;
pub mod people;
pub mod people_sheets;
pub mod printing;
pub mod record;
mod record_sheets;
pub mod register;
pub mod report;
pub mod school;
pub mod settings;
pub mod setup;
pub mod sheet_file;
pub mod sheets;
pub mod sms;
pub mod table_io;
pub mod tables;
pub mod transfer;
pub mod verification;

pub use error::{AppError, io_reason};
pub use gongshi_domain as domain;
pub use gongshi_print as print;
pub use gongshi_store::{self as store, ItemFilter, ItemRow, Store, StoreError};

pub type Result<T, E = AppError> = std::result::Result<T, E>;
