//! Turning JSON text into a validated [`Plan`], with errors that say where
//! and what went wrong.

use crate::model::{Plan, SCHEMA_VERSION};
use crate::validate::{validate, Problem, Severity};
use crate::json::{self, Decode, Value};
use std::fmt;

/// Why a dataset could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON at all, or cut off.
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but a field has the wrong type or is missing.
    Shape { path: String, message: String },
    /// Written for another version of the schema.
    Version { found: Option<u64> },
    /// Well-formed, but the validator found errors.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column, message } => write!(
                f,
                "the file is not valid JSON (line {line}, column {column}: {message}); it may be truncated or not a plan dataset"
            ),
            LoadError::Shape { path, message } => write!(f, "{path}: {message}"),
            LoadError::Version { found: Some(v) } if *v > SCHEMA_VERSION as u64 => write!(
                f,
                "schema_version {v} is newer than this widget understands ({SCHEMA_VERSION}); update the widget"
            ),
            LoadError::Version { found: Some(v) } => write!(
                f,
                "schema_version {v} is outdated; this widget reads version {SCHEMA_VERSION}: regenerate the dataset"
            ),
            LoadError::Version { found: None } => write!(
                f,
                "schema_version is missing or not a number; this widget reads version {SCHEMA_VERSION}"
            ),
            LoadError::Invalid(problems) => {
                let errors: Vec<&Problem> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
                write!(f, "{} error(s) in the dataset", errors.len())?;
                for p in errors.iter().take(3) {
                    write!(f, "; {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses a dataset without validating it.
///
/// The schema version is checked before anything else: a dataset of another
/// version is reported as such, even when its shape also differs, because
/// that is the useful message.
pub fn parse(text: &str) -> Result<Plan, LoadError> {
    let value = json::parse(text).map_err(|e| LoadError::Syntax { line: e.line, column: e.column, message: e.message })?;
    let version = value.get("schema_version").and_then(|v| match v {
        Value::Number(n) if n.fract() == 0.0 && *n >= 0.0 => Some(*n as u64),
        _ => None,
    });
    if version != Some(SCHEMA_VERSION as u64) {
        return Err(LoadError::Version { found: version });
    }
    Plan::decode(&value, "").map_err(|e| LoadError::Shape {
        path: if e.path.is_empty() { "(top level)".into() } else { e.path },
        message: e.message,
    })
}

/// Parses and validates; any error-level problem rejects the dataset.
/// Returns the plan with its warnings.
pub fn load(json: &str) -> Result<(Plan, Vec<Problem>), LoadError> {
    let plan = parse(json)?;
    let problems = validate(&plan);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Err(LoadError::Invalid(problems))
    } else {
        Ok((plan, problems))
    }
}
