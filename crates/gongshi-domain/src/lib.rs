//! The rules of 校务公开, with no IO: values, their validation and their
//! invariants. Nothing here opens a file, a socket or a database; the store,
//! the printer and the faces build on these types.

pub mod calendar;
pub mod category;
pub mod congress;
pub mod dates;
pub mod district;
pub mod duties;
pub mod error;
pub mod ethics;
pub mod evaluation;
pub mod faces;
pub mod fee;
pub mod feedback;
pub mod grades;
pub mod item;
pub mod lines;
pub mod meeting;
pub mod money;
pub mod operator;
pub mod phone;
pub mod privacy;
pub mod record;
pub mod revision;
pub mod school;
pub mod sms;
pub mod table;
pub mod text;
pub mod verify_code;
pub mod workflow;

pub use error::{DomainError, FieldError};
pub use money::Fen;
pub use operator::OperatorName;
pub use school::SchoolProfile;
