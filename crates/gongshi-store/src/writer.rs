//! Every change goes through a [`Writer`]: one transaction, one operator,
//! and an audit row for each thing changed. There is no other way to write.

use chrono::Utc;
use gongshi_domain::OperatorName;
use rusqlite::Transaction;

use crate::{AuditRecord, Result, Store, audit, convert, operators};

/// A change in progress. Dropped without [`Store::write`] returning `Ok`, it
/// is rolled back: nothing is half-saved.
pub struct Writer<'t> {
    pub(crate) tx: Transaction<'t>,
    pub(crate) operator: &'t OperatorName,
    pub(crate) now: String,
}

impl Writer<'_> {
    /// Writes one audit row (who and when are the writer's).
    pub fn record(&self, record: AuditRecord<'_>) -> Result<()> {
        audit::insert(&self.tx, self.operator, &self.now, &record)
    }
}

impl Store {
    /// Runs `change` in one transaction as `operator`, who is recorded (and
    /// added to the operators if new). Commits only if `change` succeeds.
    pub fn write<T>(
        &mut self,
        operator: &OperatorName,
        change: impl FnOnce(&Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self.conn.transaction()?;
        let writer = Writer {
            tx,
            operator,
            now: convert::timestamp(Utc::now()),
        };
        let last = crate::chain::last_id(&writer.tx)?;
        let last_queued = crate::district::last_seq(&writer.tx)?;
        operators::touch(&writer)?;
        let value = change(&writer)?;
        // The rows this change wrote join the chain, in the same transaction.
        crate::chain::seal_after(&writer.tx, last)?;
        // What it put in the district's outbox, sealed on the head it left,
        // and those seals in the chain in turn: a record re-sealed later by
        // hand no longer matches the log.
        let queued = crate::district::seal_pending(&writer.tx, last_queued)?;
        if let Some((first, _)) = queued.first() {
            let last = crate::chain::last_id(&writer.tx)?;
            writer.record(AuditRecord::change(
                crate::district::ENTITY,
                &first.to_string(),
                "加入上报队列",
                None,
                Some(&queued),
            ))?;
            crate::chain::seal_after(&writer.tx, last)?;
        }
        writer.tx.commit()?;
        Ok(value)
    }
}
