//! Turning JSON text into a validated [`Plan`], with errors that say where
//! and what went wrong: line and column for text that is not JSON, the path
//! of a member of the wrong shape (`kpis[41].values[3].fy`).
//!
//! serde_json reads the text. When a value has the wrong shape, serde_json
//! says where it stopped (line and column); [`path_at`] turns that position
//! into the value's JSON path by walking the text's brackets and keys up to
//! it. (A path-tracking deserializer such as `serde_path_to_error` does the
//! same while reading, but is instantiated for every type of the model and
//! costs the widget's WebAssembly about 10 KB gzip.)

use crate::model::{Plan, SCHEMA_VERSION};
use crate::validate::{validate, Problem, Severity};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Why a dataset could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON at all, or cut off.
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but a member has the wrong type, is missing or is unknown.
    /// `line` and `column` are where the reader was when it noticed: the
    /// value itself, or the end of the object that lacks a member.
    Shape { path: String, line: usize, column: usize, message: String },
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
            LoadError::Shape { path, line, column, message } => write!(f, "{path}: {message} (line {line}, column {column})"),
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

/// serde_json's message without the " at line L column C" it appends:
/// the position has fields of its own here.
fn bare_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).map(str::to_string).unwrap_or(text)
}

/// A syntax error at serde_json's position, except that "column 0 of the
/// next line" (where it stops after reading a line end) is reported as the
/// end of the line the problem is on.
fn syntax(e: &serde_json::Error, text: &str) -> LoadError {
    let (mut line, mut column) = (e.line(), e.column());
    if column == 0 && line > 1 {
        line -= 1;
        column = text.split('\n').nth(line - 1).map_or(0, |l| l.trim_end_matches('\r').len()) + 1;
    }
    LoadError::Syntax { line, column, message: bare_message(e) }
}

/// Reads any JSON value into the `schema_version` it holds, skipping (but
/// still reading, so that syntax errors anywhere are found) everything else:
/// at the top level, an object's `schema_version` member; below it, a whole
/// number ≥ 0. Anything else gives `None`.
struct VersionProbe {
    top: bool,
}

impl<'de> de::DeserializeSeed<'de> for VersionProbe {
    type Value = Option<u64>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<u64>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for VersionProbe {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<u64>, A::Error> {
        let mut version = None;
        while let Some(key) = map.next_key::<String>()? {
            if self.top && key == "schema_version" {
                version = map.next_value_seed(VersionProbe { top: false })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(version)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<u64>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<u64>, E> {
        Ok((!self.top).then_some(n))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<u64>, E> {
        Ok(u64::try_from(n).ok().filter(|_| !self.top))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Option<u64>, E> {
        let whole = n.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(&n);
        Ok((whole && !self.top).then_some(n as u64))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<u64>, E> {
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<u64>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
        Ok(None)
    }
}

/// Parses a dataset without validating it.
///
/// The schema version is checked before anything else: a dataset of another
/// version is reported as such, even when its shape also differs, because
/// that is the useful message. A first pass reads the whole text for its
/// version (and its syntax), the second reads the plan.
///
/// ```
/// let err = plan::parse("{\n \"schema_version\": 1,\n \"plan\": [}").unwrap_err();
/// assert_eq!(err.to_string(), "the file is not valid JSON (line 3, column 11: expected value); it may be truncated or not a plan dataset");
/// ```
pub fn parse(text: &str) -> Result<Plan, LoadError> {
    let mut probe = serde_json::Deserializer::from_str(text);
    let version = de::DeserializeSeed::deserialize(VersionProbe { top: true }, &mut probe)
        .and_then(|v| probe.end().map(|_| v))
        .map_err(|e| syntax(&e, text))?;
    if version != Some(SCHEMA_VERSION as u64) {
        return Err(LoadError::Version { found: version });
    }
    serde_json::from_str::<Plan>(text).map_err(|e| {
        if e.is_data() {
            let message = bare_message(&e);
            // A missing member is noticed at the end of its object: the path
            // is the object's, not that of the member read last.
            let path = path_at(text, e.line(), e.column(), message.starts_with("missing field"));
            LoadError::Shape { path, line: e.line(), column: e.column(), message }
        } else {
            syntax(&e, text)
        }
    })
}

/// One open container while walking the text.
enum Open {
    /// An object and the key of the member being read, if any.
    Object(Option<String>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The JSON path (`kpis[41].values[3].fy`) of what the reader was in when it
/// stopped at `line`:`column` (serde_json's 1-based line, column counted in
/// bytes). With `container`, the path of the innermost object instead of its
/// member. `(top level)` for the document itself.
///
/// ```
/// let text = "{\"kpis\": [{}, {\"values\": [{\"fy\": \"x\"}]}]}";
/// assert_eq!(plan::load::path_at(text, 1, 36, false), "kpis[1].values[0].fy");
/// assert_eq!(plan::load::path_at(text, 1, 36, true), "kpis[1].values[0]");
/// ```
pub fn path_at(text: &str, line: usize, column: usize, container: bool) -> String {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let end = (start + column).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut key_next = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Open::Object(None));
                key_next = true;
            }
            b'[' => stack.push(Open::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Array(n)) => *n += 1,
                Some(Open::Object(key)) => {
                    *key = None;
                    key_next = true;
                }
                None => {}
            },
            b'"' => {
                let from = i + 1;
                i = from;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if key_next {
                    if let Some(Open::Object(key)) = stack.last_mut() {
                        *key = text.get(from..i.min(text.len())).map(str::to_string);
                    }
                    key_next = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if container {
        if let Some(Open::Object(key)) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Array(n) => path.push_str(&format!("[{n}]")),
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Object(None) => {}
        }
    }
    if path.is_empty() {
        "(top level)".into()
    } else {
        path
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

/// The dataset as JSON, in the layout of the bundled file: one-space
/// indent, members in the model's order, optional members left out when
/// empty, whole numbers without a fraction. `parse` reads it back equal.
pub fn to_json(plan: &Plan) -> String {
    use serde::Serialize;
    let mut out = Vec::new();
    let mut writer = serde_json::Serializer::with_formatter(&mut out, serde_json::ser::PrettyFormatter::with_indent(b" "));
    // Writing plain data to memory cannot fail, and serde_json writes UTF-8.
    plan.serialize(&mut writer).expect("a plan serializes");
    let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
    text.push('\n');
    text
}
