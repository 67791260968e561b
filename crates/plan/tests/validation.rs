//! The validator and loader against a second plan of another shape and
//! against broken inputs derived from it.

use plan::{load, parse, validate, Counts, LoadError, Severity};
use serde_json::{json, Value};

const NEXT_PLAN: &str = include_str!("fixtures/next_plan.json");

fn fixture() -> Value {
    serde_json::from_str(NEXT_PLAN).unwrap()
}

/// The error messages of a dataset that must be rejected.
fn errors_of(v: &Value) -> Vec<String> {
    let plan = parse(&v.to_string()).expect("parses");
    validate(&plan).into_iter().filter(|p| p.severity == Severity::Error).map(|p| p.to_string()).collect()
}

fn assert_error(v: &Value, expected: &str) {
    let errors = errors_of(v);
    assert!(errors.iter().any(|e| e.contains(expected)), "expected an error containing {expected:?}, got {errors:#?}");
}

#[test]
fn a_plan_of_another_shape_validates_without_code_changes() {
    let (plan, warnings) = load(NEXT_PLAN).expect("the FY2025–2029 fixture loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    let c = Counts::of(&plan);
    assert_eq!((c.goals, c.reforms, c.items), (4, 17, 17));
    assert_eq!(plan.plan.first_fy, 2025);
    assert_eq!(c.items_with_sheet, 12);
}

#[test]
fn truncated_json_is_a_syntax_error_with_its_position() {
    let err = parse(&NEXT_PLAN[..NEXT_PLAN.len() / 2]).unwrap_err();
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
    assert!(err.to_string().contains("not valid JSON"), "{err}");
}

#[test]
fn wrong_types_name_the_field() {
    let mut v = fixture();
    v["kpis"][2]["values"][1]["target"] = json!("12件");
    let err = parse(&v.to_string()).unwrap_err();
    assert_eq!(err.to_string().split(':').next(), Some("kpis[2].values[1].target"), "{err}");
    let mut v = fixture();
    v["goals"] = json!("three goals");
    assert!(parse(&v.to_string()).unwrap_err().to_string().starts_with("goals: invalid type"));
}

#[test]
fn nan_like_strings_are_rejected() {
    let mut v = fixture();
    v["kpis"][0]["values"][2]["actual"] = json!("NaN");
    let err = parse(&v.to_string()).unwrap_err().to_string();
    assert!(err.contains("kpis[0].values[2].actual") && err.contains("NaN"), "{err}");
    let mut v = fixture();
    v["items"][4]["title"] = json!("undefined");
    assert_error(&v, "items[4].title: is the placeholder \"undefined\"");
}

#[test]
fn unknown_schema_versions_are_named() {
    for (version, words) in [(json!(2), "newer"), (json!(0), "outdated"), (json!("one"), "missing or not a number")] {
        let mut v = fixture();
        v["schema_version"] = version;
        let err = parse(&v.to_string()).unwrap_err();
        assert!(matches!(err, LoadError::Version { .. }), "{err:?}");
        assert!(err.to_string().contains(words), "{err}");
    }
    let mut v = fixture();
    v.as_object_mut().unwrap().remove("schema_version");
    assert!(matches!(parse(&v.to_string()).unwrap_err(), LoadError::Version { found: None }));
}

#[test]
fn an_older_dataset_with_another_shape_is_reported_as_outdated() {
    let old = json!({"schema_version": 0, "title": "old", "items": []});
    assert!(parse(&old.to_string()).unwrap_err().to_string().contains("outdated"));
}

#[test]
fn duplicate_ids_are_errors() {
    let mut v = fixture();
    v["items"][3]["id"] = json!(1);
    assert_error(&v, "items[3].id: duplicate item id 1, first used at items[0].id");
    let mut v = fixture();
    v["departments"][1]["id"] = json!("planning");
    assert_error(&v, "duplicate department id");
}

#[test]
fn dangling_references_are_errors() {
    let mut v = fixture();
    v["reforms"][0]["goal_id"] = json!(9);
    assert_error(&v, "reforms[0].goal_id: goal 9 does not exist");
    let mut v = fixture();
    v["items"][0]["lead_departments"][0] = json!("nowhere");
    assert_error(&v, "items[0].lead_departments[0]: department \"nowhere\" does not exist");
    let mut v = fixture();
    v["kpis"][0]["kgi_id"] = json!(7);
    assert_error(&v, "kpis[0].kgi_id: KGI 7 does not exist");
    let mut v = fixture();
    v["schedule"][0]["kpi_nos"] = json!([1, 4]);
    assert_error(&v, "schedule[0].kpi_nos[1]: item 1 has no KPI 4");
    let mut v = fixture();
    v["kpi_list"][0]["kpis"][0]["no"] = json!(3);
    assert_error(&v, "kpi_list[0].kpis[0]: KPI 3 of item 1 does not exist");
}

#[test]
fn years_outside_the_plan_are_errors() {
    let mut v = fixture();
    v["kpis"][0]["values"][3]["fy"] = json!(2031);
    assert_error(&v, "kpis[0].values[3].fy: 2031 is outside the plan's years 2024–2029");
    let mut v = fixture();
    v["evaluations"][0]["fy"] = json!(2024);
    assert_error(&v, "evaluations[0].fy: 2024 is outside the plan's years 2025–2029");
    let mut v = fixture();
    v["schedule"][0]["plan"][0] = json!({"fy": 2025, "q": 5});
    assert_error(&v, "schedule[0].plan[0].q: 5 is not a quarter");
}

#[test]
fn achieved_cannot_exceed_total() {
    let mut v = fixture();
    v["evaluations"][0]["achieved"] = json!(2);
    assert_error(&v, "evaluations[0].achieved: 2 achieved is more than the total 1");
}

#[test]
fn a_printed_rate_that_disagrees_is_an_error_unless_a_note_explains_it() {
    let mut v = fixture();
    v["kpis"][0]["values"][1]["stated_rate"] = json!(75);
    assert_error(&v, "kpis[0].values[1].stated_rate: the source prints 75% but actual / target (higher is better) gives 90.0%");
    v["kpis"][0]["values"][1]["notes"] = json!(["the source prints 75% against 9/10; kept as printed"]);
    assert!(errors_of(&v).is_empty());
}

#[test]
fn lower_is_better_rates_are_checked_the_other_way_round() {
    let mut v = fixture();
    v["kpis"][0]["direction"] = json!("lower");
    // 9 against a target of 10 is 111% when lower is better, so the printed 90 is now wrong.
    assert_error(&v, "kpis[0].values[1].stated_rate: the source prints 90% but target / actual (lower is better) gives 111.1%");
}

#[test]
fn a_rate_without_an_actual_needs_a_note() {
    let mut v = fixture();
    v["kpis"][0]["values"][4]["stated_rate"] = json!(0);
    assert_error(&v, "kpis[0].values[4].stated_rate: the source prints 0% but the target or actual is missing");
}

#[test]
fn an_item_with_a_sheet_needs_kpis() {
    let mut v = fixture();
    let kpis: Vec<Value> = v["kpis"].as_array().unwrap().iter().filter(|k| k["item_id"] != json!(1)).cloned().collect();
    v["kpis"] = json!(kpis);
    let sched: Vec<Value> = v["schedule"].as_array().unwrap().iter().filter(|k| k["item_id"] != json!(1)).cloned().collect();
    v["schedule"] = json!(sched);
    v["kpi_list"] = json!([]);
    assert_error(&v, "items[0].sheet: item 1 has a detail sheet but no KPIs");
}

#[test]
fn unknown_fields_are_rejected_so_typos_do_not_pass() {
    let mut v = fixture();
    v["items"][0]["titel"] = json!("typo");
    assert!(parse(&v.to_string()).unwrap_err().to_string().contains("unknown field `titel`"));
}

#[test]
fn load_rejects_a_dataset_with_errors_and_says_how_many() {
    let mut v = fixture();
    v["reforms"][0]["goal_id"] = json!(9);
    let err = load(&v.to_string()).unwrap_err();
    assert!(matches!(err, LoadError::Invalid(_)));
    assert!(err.to_string().starts_with("1 error(s) in the dataset; error: reforms[0].goal_id"), "{err}");
}
