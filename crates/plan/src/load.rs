//! Turning JSON text into a validated [`Plan`], with errors that say where
//! and what went wrong.

use crate::model::{Plan, SCHEMA_VERSION};
use crate::validate::{validate, Problem, Severity};
use serde::Deserialize;
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

/// Only the version, read leniently, to explain a failed parse.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

fn version_error(json: &str) -> Option<LoadError> {
    let probe: VersionProbe = serde_json::from_str(json).ok()?;
    let found = probe.schema_version.as_ref().and_then(|v| v.as_u64());
    (found != Some(SCHEMA_VERSION as u64)).then_some(LoadError::Version { found })
}

/// Parses a dataset without validating it.
///
/// A dataset of another schema version is reported as such, even when its
/// shape also differs, because that is the useful message.
pub fn parse(json: &str) -> Result<Plan, LoadError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, Plan>(de) {
        Ok(plan) if plan.schema_version == SCHEMA_VERSION => Ok(plan),
        Ok(plan) => Err(LoadError::Version { found: Some(plan.schema_version as u64) }),
        Err(err) => {
            if let Some(version) = version_error(json) {
                return Err(version);
            }
            let path = err.path().to_string();
            let inner = err.into_inner();
            if inner.is_syntax() || inner.is_eof() {
                Err(LoadError::Syntax { line: inner.line(), column: inner.column(), message: strip_position(&inner) })
            } else {
                let path = if path == "." { "(top level)".to_string() } else { path };
                Err(LoadError::Shape { path, message: strip_position(&inner) })
            }
        }
    }
}

/// serde_json appends " at line L column C"; we report the position ourselves.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
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
