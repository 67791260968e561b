//! The widget's pure logic, tested natively: view state and its URL form,
//! filtering, overview aggregation, chart geometry and its one-sentence
//! summary, number formats and the UI strings of both languages. No web
//! dependencies.

pub mod aggregate;
pub mod chart;
#[cfg(test)]
mod fixtures;
pub mod format;
pub mod hooks;
pub mod host;
pub mod html;
pub mod i18n;
pub mod kiosk;
pub mod query;
pub mod render;
pub mod share;
pub mod state;
pub mod summary;
