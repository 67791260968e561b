//! Reading JSON with serde: syntax errors with line and column, shape
//! errors with the path of the value (and where the reader was), numbers as
//! JSON spells them, and writing back what was read.

use plan::{parse, to_json, LoadError};
use serde_json::{json, Value};

const NEXT_PLAN: &str = include_str!("fixtures/next_plan.json");
const BUNDLED: &str = include_str!("../../../public/data/plan.json");

fn fixture() -> Value {
    serde_json::from_str(NEXT_PLAN).unwrap()
}

/// The fixture, pretty-printed with one value replaced by raw JSON text.
fn with_raw(path: &[&str], raw: &str) -> String {
    let mut v = fixture();
    let mut at = &mut v;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    *at = json!("@RAW@");
    serde_json::to_string_pretty(&v).unwrap().replace("\"@RAW@\"", raw)
}

#[test]
fn syntax_errors_say_line_and_column() {
    let err = parse("{\n  \"a\": [1, 2\n}").unwrap_err();
    assert_eq!(err, LoadError::Syntax { line: 3, column: 1, message: "expected `,` or `]`".into() });
    assert_eq!(
        err.to_string(),
        "the file is not valid JSON (line 3, column 1: expected `,` or `]`); it may be truncated or not a plan dataset"
    );
    assert!(matches!(parse("[1] x").unwrap_err(), LoadError::Syntax { line: 1, column: 5, .. }));
    assert!(matches!(parse("\"abc").unwrap_err(), LoadError::Syntax { line: 1, column: 4, .. }));
}

#[test]
fn a_syntax_error_anywhere_is_found_before_the_version_is_judged() {
    let text = with_raw(&["kpis", "2", "values", "1", "target"], "1.");
    let err = parse(&text).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { line: 666, .. }), "{err:?}");
    // serde_json stops after the line end; the error is on the line itself.
    assert_eq!(err, LoadError::Syntax { line: 666, column: 23, message: "invalid number".into() });
}

#[test]
fn shape_errors_name_the_path_and_where_the_reader_was() {
    let text = with_raw(&["kpis", "2", "values", "1", "target"], "\"12件\"");
    assert_eq!(
        parse(&text).unwrap_err().to_string(),
        "kpis[2].values[1].target: invalid type: string \"12件\", expected f64 (line 666, column 27)"
    );
    let text = with_raw(&["kpis", "0", "values", "3", "fy"], "\"R5\"");
    let err = parse(&text).unwrap_err();
    assert!(matches!(&err, LoadError::Shape { path, .. } if path == "kpis[0].values[3].fy"), "{err:?}");
}

#[test]
fn a_missing_required_member_is_an_error_even_for_a_nullable_one() {
    for member in ["note", "sheet"] {
        let mut v = fixture();
        v["items"][0].as_object_mut().unwrap().remove(member);
        let err = parse(&v.to_string()).unwrap_err().to_string();
        assert!(err.starts_with(&format!("items[0]: missing field `{member}` (line 1, column ")), "{err}");
    }
    let mut v = fixture();
    v["kpis"][0]["values"][0].as_object_mut().unwrap().remove("target");
    assert!(parse(&v.to_string()).unwrap_err().to_string().starts_with("kpis[0].values[0]: missing field `target`"));
}

#[test]
fn optional_members_default_and_null_stays_none() {
    let mut v = fixture();
    v["items"][0].as_object_mut().unwrap().remove("related_departments");
    v["items"][0]["note"] = Value::Null;
    let plan = parse(&v.to_string()).unwrap();
    assert!(plan.items[0].related_departments.is_empty());
    assert_eq!(plan.items[0].note, None);
    assert_eq!(plan.kpis[0].values[0].target_label, None);
}

#[test]
fn numbers_follow_json_not_rust() {
    for bad in ["NaN", "01", "+1", ".5", "1e999", "Infinity", "-"] {
        let err = parse(&with_raw(&["kpis", "2", "values", "1", "target"], bad)).unwrap_err();
        assert!(matches!(err, LoadError::Syntax { line: 666, .. }), "{bad}: {err:?}");
    }
}

#[test]
fn decimals_are_read_exactly() {
    for text in ["14.1", "0.09", "98.23", "40000000", "1553", "100.2", "0.1", "-115", "2.6e1", "1e-3", "-0.5e2", "9007199254740993"] {
        let plan = parse(&with_raw(&["kpis", "2", "values", "1", "target"], text)).unwrap();
        assert_eq!(plan.kpis[2].values[1].target, Some(text.parse::<f64>().unwrap()), "{text}");
    }
}

#[test]
fn integers_must_be_whole_and_in_range() {
    for (raw, message) in [("1.5", "invalid type: floating point `1.5`, expected u32"), ("-1", "invalid value: integer `-1`, expected u32")] {
        let err = parse(&with_raw(&["items", "0", "id"], raw)).unwrap_err();
        assert!(matches!(&err, LoadError::Shape { path, message: m, .. } if path == "items[0].id" && m == message), "{err:?}");
    }
    let plan = parse(&with_raw(&["kpis", "0", "values", "0", "fy"], "-115")).unwrap();
    assert_eq!(plan.kpis[0].values[0].fy, -115);
}

#[test]
fn strings_decode_escapes_and_surrogate_pairs() {
    let plan = parse(&with_raw(&["goals", "0", "title"], r#""a\"b\\c\n\u00e9\ud83d\ude00日本語""#)).unwrap();
    assert_eq!(plan.goals[0].title, "a\"b\\c\né😀日本語");
    let err = parse(&with_raw(&["goals", "0", "title"], r#""\ud83d""#)).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { .. }), "an unpaired surrogate: {err:?}");
}

#[test]
fn hostile_nesting_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse(&deep).is_err());
    let deep = with_raw(&["notes"], &format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    assert!(matches!(parse(&deep).unwrap_err(), LoadError::Syntax { .. } | LoadError::Shape { .. }));
}

/// Every number as an f64, so that `59` and `59.0` compare equal.
fn numbers_as_f64(v: &mut Value) {
    match v {
        Value::Number(n) => *v = json!(n.as_f64().unwrap()),
        Value::Array(xs) => xs.iter_mut().for_each(numbers_as_f64),
        Value::Object(m) => m.values_mut().for_each(numbers_as_f64),
        _ => {}
    }
}

/// The same document, with optional members that hold their default
/// (`[]`, `null`) left out, and numbers compared by value.
fn semantically(text: &str) -> Value {
    fn drop_defaults(v: &mut Value) {
        match v {
            Value::Array(xs) => xs.iter_mut().for_each(drop_defaults),
            Value::Object(m) => {
                const OPTIONAL: [&str; 10] = [
                    "kpi_list", "notes", "aliases", "related_other", "related_departments", "reconstructed", "missing",
                    "target_label", "actual_label", "results_through_fy",
                ];
                m.retain(|k, x| !(OPTIONAL.contains(&k.as_str()) && (x.is_null() || x.as_array().is_some_and(|a| a.is_empty()))));
                m.values_mut().for_each(drop_defaults);
            }
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(text).unwrap();
    drop_defaults(&mut v);
    numbers_as_f64(&mut v);
    v
}

#[test]
fn writing_json_gives_back_the_same_plan_and_the_same_members() {
    for (name, text) in [("bundled", BUNDLED), ("next_plan", NEXT_PLAN)] {
        let plan = parse(text).unwrap();
        let written = to_json(&plan);
        assert_eq!(parse(&written).unwrap(), plan, "{name}");
        assert_eq!(semantically(&written), semantically(text), "{name}");
    }
}

#[test]
fn written_json_keeps_the_bundled_files_layout() {
    let written = to_json(&parse(BUNDLED).unwrap());
    // One-space indent, whole numbers without a fraction, required nulls kept.
    assert!(written.starts_with("{\n \"schema_version\": 1,\n \"plan\": {\n  \"title\": "));
    assert!(written.contains("\"stated_rate\": 59,"));
    assert!(written.contains("\"target\": 14.1,"));
    assert!(written.contains("\"kgi_id\": null,"));
    // The bundled file is itself written this way: reading and writing it
    // changes nothing, so an import shows only what was edited.
    assert!(written == BUNDLED, "public/data/plan.json is not in to_json's layout; regenerate it with plan import-csv");
}
