//! The sheet engine: turns a document model into PDF (board sheets, letters)
//! and xlsx (tabular reports). It knows nothing of fees or evaluations —
//! the domain and the jobs build the model — and never touches the store.
//!
//! The engine itself arrives with the sheet-engine issue; what is here now
//! are the pieces every sheet shares.

pub mod dates;
