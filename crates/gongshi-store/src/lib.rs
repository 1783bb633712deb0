//! The one SQLite file that holds a school's disclosure work.
//!
//! [`Store`] owns the connection: opening (and refusing files it must not
//! touch), the pragmas, migrations, and a [`Writer`] through which every
//! change goes, so every change lands in the audit log with its operator.
//! One module per table or aggregate.

mod audit;
pub mod backup;
mod board;
mod calendar_days;
mod chain;
mod convert;
mod district;
mod duties;
mod error;
mod evaluations;
mod feedback;
mod fees;
mod formats;
mod items;
mod meetings;
mod migrations;
mod open;
mod operators;
mod people;
mod printed;
mod record;
mod school;
mod settings;
mod writer;

use std::path::Path;

use rusqlite::Connection;

pub use audit::{AuditEntry, AuditRecord};
pub use board::WeekRows;
pub use chain::ChainCheck;
pub use district::{Answer, DistrictLink, OutboxCounts};
pub use error::StoreError;
pub use evaluations::{Round, RoundHead};
pub use fees::{ClassSize, Schedule};
pub use items::{ItemFilter, ItemRow};
pub use meetings::DecisionVote;
pub use migrations::LATEST_VERSION;
pub use open::APPLICATION_ID;
pub use operators::Operator;
pub use people::RecordedCase;
pub use printed::{BoardPrint, PrintOf, PrintedSheet};
pub use record::{NewOutreach, Outreach};
pub use settings::RegularDisclosure;
pub use writer::Writer;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The open store. Not `Sync`: the desktop shell keeps it behind a mutex.
pub struct Store {
    conn: Connection,
}

/// Row counts shown on the dashboard and by `gongshi info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub operators: i64,
    pub audit_entries: i64,
    pub items: i64,
    pub feedback: i64,
    pub fee_schedules: i64,
    pub eval_rounds: i64,
}

impl Store {
    /// Opens an existing store. Refuses — without writing a byte — a file that
    /// is unreadable, not SQLite, not ours, corrupt, or from a newer version.
    pub fn open(path: &Path) -> Result<Self> {
        open::check_before_writing(path)?;
        let conn = open::connect(path)?;
        Self::prepare(conn)
    }

    /// Creates a new, empty store at `path` (and its folder). Refuses when a
    /// file is already there: a store is never overwritten.
    pub fn create(path: &Path) -> Result<Self> {
        let conn = open::create(path)?;
        Self::prepare(conn).inspect_err(|_| {
            // A store that could not be set up is not left half-made.
            let _ = std::fs::remove_file(path);
        })
    }

    /// A private in-memory store, migrated, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Self> {
        open::apply_pragmas(&conn)?;
        let before: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        migrations::migrate(&mut conn)?;
        if before < chain::CHAIN_VERSION {
            // A store from before the chain: its rows sealed once, in order.
            chain::seal_all(&conn)?;
        }
        Ok(Self { conn })
    }

    /// The schema version (SQLite `user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            operators: count("operators")?,
            audit_entries: count("audit_log")?,
            items: count("items")?,
            feedback: count("feedback")?,
            fee_schedules: count("fee_schedules")?,
            eval_rounds: count("eval_rounds")?,
        })
    }
}
