//! The reform plan's data model, shared by the widget, the CLI and the tests:
//! serde types, loading with located errors, validation, fiscal-year labels,
//! achievement metrics, and CSV export and import. No web dependencies.

pub mod csv;
pub mod fiscal;
pub mod load;
pub mod metrics;
pub mod model;
pub mod stats;
pub mod validate;

pub use fiscal::FiscalYear;
pub use load::{load, parse, to_json, LoadError};
pub use model::*;
pub use stats::Counts;
pub use validate::{validate, Problem, Severity};
