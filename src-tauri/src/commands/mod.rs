//! One module per area; each command a few lines delegating to gongshi-app.
//! Store commands are `async` so they run off the UI thread.

pub mod backups;
pub mod beyond;
pub mod board;
pub mod calendar;
pub mod calendar_import;
pub mod district;
pub mod eval;
pub mod feedback;
pub mod fees;
pub mod items;
pub mod lines;
pub mod meetings;
pub mod operators;
pub mod people;
pub mod printing;
pub mod record;
pub mod school;
pub mod settings;
pub mod startup;
