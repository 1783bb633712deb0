//! The jobs of Gongshi, each once: the CLI and the desktop shell are thin
//! faces over these functions. Store, print and domain meet here.

pub mod demo;
mod error;
pub mod info;
pub mod output;
pub mod paths;
pub mod printing;
pub mod school;
pub mod setup;

pub use error::AppError;
pub use gongshi_domain as domain;
pub use gongshi_print as print;
pub use gongshi_store::{Store, StoreError};

pub type Result<T, E = AppError> = std::result::Result<T, E>;
