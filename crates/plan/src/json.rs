//! A small JSON reader: text to [`Value`], then [`Decode`] from values to
//! the plan's types with the path of every problem
//! (`kpis[41].values[3].fy: invalid type: string "x", expected a number`).
//!
//! Hand-written rather than serde because the widget ships it in its wasm:
//! a derive-based deserializer costs several times the code, and this one
//! reports paths for free.

use std::fmt;

/// A parsed JSON value. Objects keep their key order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// What the value is, for messages: `string "abc"`, `a number`.
    fn describe(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(n) => format!("number {n}"),
            Value::String(s) => {
                let short: String = s.chars().take(40).collect();
                format!("string \"{short}\"")
            }
            Value::Array(_) => "an array".into(),
            Value::Object(_) => "an object".into(),
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Text that is not JSON, with where the reader gave up.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Nesting deeper than this is refused (a hostile file cannot exhaust the stack).
const MAX_DEPTH: usize = 64;

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Parses JSON text.
///
/// ```
/// use plan::json::{parse, Value};
/// assert_eq!(parse(r#"{"a":[1,"x"]}"#).unwrap().get("a"), Some(&Value::Array(vec![Value::Number(1.0), Value::String("x".into())])));
/// assert_eq!(parse("[1,").unwrap_err().message, "unexpected end of file");
/// ```
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader { text, bytes: text.as_bytes(), pos: 0 };
    r.skip_ws();
    let v = r.value(0)?;
    r.skip_ws();
    if r.pos < r.bytes.len() {
        return Err(r.error("trailing characters after the value"));
    }
    Ok(v)
}

impl Reader<'_> {
    fn error(&self, message: &str) -> SyntaxError {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        SyntaxError { line, column, message: message.into() }
    }

    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b' ' | b'\n' | b'\r' | b'\t') {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<(), SyntaxError> {
        self.skip_ws();
        match self.peek() {
            Some(c) if c == b => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.error("unexpected end of file")),
            Some(_) => Err(self.error(&format!("expected {what}"))),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_ws();
        match self.peek() {
            None => Err(self.error("unexpected end of file")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// A JSON number, by the grammar `-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while let Some(b'0'..=b'9') = r.peek() {
                r.pos += 1;
            }
            &r.text[from..r.pos]
        };
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int = digits(self);
        let frac = if self.peek() == Some(b'.') {
            self.pos += 1;
            Some(digits(self))
        } else {
            None
        };
        let exp = if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            Some((sign, digits(self)))
        } else {
            None
        };
        let bad_int = int.is_empty() || (int.len() > 1 && int.starts_with('0'));
        let bad_frac = frac.is_some_and(str::is_empty);
        let bad_exp = exp.is_some_and(|(_, e)| e.is_empty() || e.len() > 6);
        if bad_int || bad_frac || bad_exp {
            self.pos = start;
            return Err(self.error("invalid number"));
        }
        let exponent = exp.map_or(0, |(sign, e)| sign * e.parse::<i32>().unwrap_or(0));
        match decimal(int, frac.unwrap_or(""), exponent) {
            Some(n) => Ok(Value::Number(if negative { -n } else { n })),
            None => {
                self.pos = start;
                Err(self.error("number out of range"))
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                None => return Err(self.error("unexpected end of file")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let hex = self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.error("invalid escape"))?;
        let n = u32::from_str_radix(hex, 16).map_err(|_| self.error("invalid escape"))?;
        self.pos += 4;
        Ok(n)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.text[self.pos..].starts_with("\\u") {
                return Err(self.error("unpaired surrogate"));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("unpaired surrogate"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid escape"))
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("unexpected end of file")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("unexpected end of file")),
                Some(_) => return Err(self.error("expected a key in double quotes")),
            }
            let key = self.string()?;
            self.expect(b':', "`:`")?;
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error("unexpected end of file")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

/// Exact powers of ten: every one up to 1e22 is a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The value of the decimal `int.frac × 10^exponent`. Correctly rounded
/// when the digits fit in 2^53 and the scale is within 10^±22 (every number
/// a plan holds); close otherwise. Written out because the standard float
/// parser brings ten kilobytes of tables into the wasm.
fn decimal(int: &str, frac: &str, exponent: i32) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut scale = exponent;
    for (i, c) in int.bytes().chain(frac.bytes()).enumerate() {
        if i >= int.len() {
            scale -= 1;
        }
        if mantissa < (1 << 53) / 10 {
            mantissa = mantissa * 10 + u64::from(c - b'0');
        } else {
            scale += 1; // digits beyond double precision only scale
        }
    }
    let m = mantissa as f64;
    let value = match scale {
        0..=22 => m * POW10[scale as usize],
        -22..=-1 => m / POW10[(-scale) as usize],
        _ => m * 10f64.powi(scale),
    };
    value.is_finite().then_some(value)
}

/// A value of the wrong shape, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    /// `kpis[2].values[1].target`; empty for the whole document.
    pub path: String,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(top level)" } else { &self.path };
        write!(f, "{path}: {}", self.message)
    }
}

fn invalid(v: &Value, path: &str, expected: &str) -> DecodeError {
    DecodeError { path: path.into(), message: format!("invalid type: {}, expected {expected}", v.describe()) }
}

/// Building a typed value from JSON, with `path` naming where it is.
pub trait Decode: Sized {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError>;
}

impl Decode for f64 {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        match v {
            Value::Number(n) => Ok(*n),
            _ => Err(invalid(v, path, "a number")),
        }
    }
}

fn integer(v: &Value, path: &str, min: f64, max: f64) -> Result<f64, DecodeError> {
    match v {
        Value::Number(n) if n.fract() == 0.0 && *n >= min && *n <= max => Ok(*n),
        Value::Number(_) => Err(DecodeError {
            path: path.into(),
            message: format!("invalid value: {}, expected a whole number from {min} to {max}", v.describe()),
        }),
        _ => Err(invalid(v, path, "a whole number")),
    }
}

impl Decode for u32 {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        integer(v, path, 0.0, u32::MAX as f64).map(|n| n as u32)
    }
}

impl Decode for u8 {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        integer(v, path, 0.0, u8::MAX as f64).map(|n| n as u8)
    }
}

impl Decode for i32 {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        integer(v, path, i32::MIN as f64, i32::MAX as f64).map(|n| n as i32)
    }
}

impl Decode for bool {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => Err(invalid(v, path, "true or false")),
        }
    }
}

impl Decode for String {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        match v {
            Value::String(s) => Ok(s.clone()),
            _ => Err(invalid(v, path, "a string")),
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        match v {
            Value::Null => Ok(None),
            _ => T::decode(v, path).map(Some),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        match v {
            Value::Array(items) => items.iter().enumerate().map(|(i, x)| T::decode(x, &format!("{path}[{i}]"))).collect(),
            _ => Err(invalid(v, path, "an array")),
        }
    }
}

/// The members of one JSON object being decoded into a struct. Every
/// member must be used: an unknown one (a typo) is an error.
pub struct Fields<'a> {
    members: &'a [(String, Value)],
    used: Vec<bool>,
    path: &'a str,
}

impl<'a> Fields<'a> {
    pub fn new(v: &'a Value, path: &'a str) -> Result<Fields<'a>, DecodeError> {
        match v {
            Value::Object(members) => Ok(Fields { members, used: vec![false; members.len()], path }),
            _ => Err(invalid(v, path, "an object")),
        }
    }

    fn child(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn find(&mut self, name: &str) -> Option<&'a Value> {
        let i = self.members.iter().position(|(k, _)| k == name)?;
        self.used[i] = true;
        Some(&self.members[i].1)
    }

    /// A member that must be present (it may be `null` for an `Option`).
    pub fn req<T: Decode>(&mut self, name: &str) -> Result<T, DecodeError> {
        match self.find(name) {
            Some(v) => T::decode(v, &self.child(name)),
            None => Err(DecodeError { path: self.path.into(), message: format!("missing field `{name}`") }),
        }
    }

    /// A member that may be left out; its default then.
    pub fn opt<T: Decode + Default>(&mut self, name: &str) -> Result<T, DecodeError> {
        match self.find(name) {
            Some(v) => T::decode(v, &self.child(name)),
            None => Ok(T::default()),
        }
    }

    /// Fails on the first member that was not used.
    pub fn finish(self) -> Result<(), DecodeError> {
        match self.used.iter().position(|u| !u) {
            Some(i) => Err(DecodeError { path: self.child(&self.members[i].0), message: format!("unknown field `{}`", self.members[i].0) }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_decode_escapes_and_surrogate_pairs() {
        assert_eq!(parse(r#""a\"b\\c\n\u00e9\ud83d\ude00""#).unwrap(), Value::String("a\"b\\c\né😀".into()));
        assert_eq!(parse(r#""日本語""#).unwrap(), Value::String("日本語".into()));
    }

    #[test]
    fn decimals_are_read_exactly() {
        for text in ["14.1", "0.09", "98.23", "40000000", "1553", "100.2", "0.1", "-115", "2.6e1", "1e-3", "-0.5e2"] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(parse(text).unwrap(), Value::Number(expected), "{text}");
        }
    }

    #[test]
    fn digits_beyond_double_precision_are_close() {
        let Value::Number(n) = parse("123456789012345678901234").unwrap() else { panic!() };
        assert!((n / 1.2345678901234568e23 - 1.0).abs() < 1e-15);
    }

    #[test]
    fn numbers_follow_json_not_rust() {
        assert_eq!(parse("-0.5e2").unwrap(), Value::Number(-50.0));
        for bad in ["NaN", "01", "+1", ".5", "1e999", "Infinity"] {
            assert!(parse(bad).is_err(), "{bad} must be rejected");
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        let e = parse("{\n  \"a\": [1, 2\n}").unwrap_err();
        assert_eq!((e.line, e.column, e.message.as_str()), (3, 1, "expected `,` or `]`"));
        assert_eq!(parse("{\"a\" 1}").unwrap_err().message, "expected `:`");
        assert_eq!(parse("[1] x").unwrap_err().message, "trailing characters after the value");
        assert_eq!(parse("\"abc").unwrap_err().message, "unexpected end of file");
    }

    #[test]
    fn hostile_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn decoding_names_the_path_of_a_wrong_type() {
        let v = parse(r#"{"xs":[1,"two"]}"#).unwrap();
        let mut f = Fields::new(&v, "").unwrap();
        let err = f.req::<Vec<u32>>("xs").unwrap_err();
        assert_eq!(err.to_string(), "xs[1]: invalid type: string \"two\", expected a whole number");
    }

    #[test]
    fn unknown_and_missing_fields_are_errors() {
        let v = parse(r#"{"a":1,"b":2}"#).unwrap();
        let mut f = Fields::new(&v, "root").unwrap();
        let _: u32 = f.req("a").unwrap();
        assert_eq!(f.finish().unwrap_err().to_string(), "root.b: unknown field `b`");
        let mut f = Fields::new(&v, "root").unwrap();
        assert_eq!(f.req::<u32>("c").unwrap_err().to_string(), "root: missing field `c`");
        assert_eq!(f.opt::<Vec<String>>("d").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn integers_must_be_whole_and_in_range() {
        assert!(u32::decode(&Value::Number(1.5), "x").is_err());
        assert!(u32::decode(&Value::Number(-1.0), "x").is_err());
        assert_eq!(i32::decode(&Value::Number(-115.0), "x"), Ok(-115));
    }
}
