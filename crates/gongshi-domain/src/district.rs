//! What a school sends its education bureau (教育局), and how the bureau
//! judges it: only what the school published, each record sealed on the
//! one before so that nothing sent can be changed, dropped or forged
//! unseen. Written once here, read by the school's sender and the
//! district server alike.

pub mod body;
pub mod chain;
pub mod due;
pub mod wire;

#[cfg(test)]
mod tests;

pub use body::{AnnualReport, Body, FeeSchedule, GradeFee, Posting, TakenDown};
pub use chain::{Record, Refusal, Verdict};
