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

fn warnings_and_errors_of(v: &Value) -> Vec<String> {
    let plan = parse(&v.to_string()).expect("parses");
    validate(&plan).into_iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_result_after_results_through_fy_is_an_error_that_says_what_to_do() {
    // The fixture reports results through FY2026; values[3] is FY2027.
    for (field, value) in [("actual", json!(31)), ("actual_label", json!("達成")), ("stated_rate", json!(100))] {
        let mut v = fixture();
        v["kpis"][0]["values"][3][field] = value;
        v["kpis"][0]["values"][3]["notes"] = json!(["a note does not excuse it"]);
        assert_error(&v, &format!("kpis[0].values[3].{field}: FY2027 is after results_through_fy 2026"));
        assert_error(&v, "set it to null");
    }
    let mut v = fixture();
    v["evaluations"][0]["fy"] = json!(2027);
    assert_error(&v, "evaluations[0].achieved: FY2027 is after results_through_fy 2026");
    assert_error(&v, "evaluations[0].total: FY2027 is after results_through_fy 2026");
}

#[test]
fn targets_after_results_through_fy_are_fine() {
    let v = fixture();
    assert!(errors_of(&v).is_empty());
    assert_eq!(v["kpis"][0]["values"][5]["target"], json!(50.0), "a FY2029 target in the fixture");
}

#[test]
fn reconstructed_names_fields_of_its_object_that_hold_a_value() {
    let mut v = fixture();
    v["kpis"][0]["values"][1]["reconstructed"] = json!(["actual"]);
    v["kpis"][0]["values"][1]["notes"] = json!(["9 read from a row without a label"]);
    v["kpis"][0]["reconstructed"] = json!(["name"]);
    v["kpis"][0]["notes"] = json!(["the name is taken from the overview list"]);
    v["items"][0]["reconstructed"] = json!(["title"]);
    v["items"][0]["notes"] = json!(["title inferred"]);
    v["schedule"][0]["reconstructed"] = json!(["kpi_nos"]);
    v["schedule"][0]["notes"] = json!(["関連目標 inferred"]);
    assert!(errors_of(&v).is_empty(), "{:#?}", errors_of(&v));
    let plan = parse(&v.to_string()).unwrap();
    assert_eq!(plan.kpis[0].values[1].reconstructed, vec!["actual"]);
    assert_eq!(plan.items[0].reconstructed, vec!["title"]);

    let mut w = v.clone();
    w["kpis"][0]["values"][1]["reconstructed"] = json!(["acutal"]);
    assert_error(&w, "kpis[0].values[1].reconstructed[0]: \"acutal\" is not a field of this object; expected one of fy, target, actual");
    let mut w = v.clone();
    w["kpis"][0]["values"][0]["reconstructed"] = json!(["target"]);
    w["kpis"][0]["values"][0]["notes"] = json!(["x"]);
    assert_error(&w, "kpis[0].values[0].reconstructed[0]: \"target\" is null or empty here");
    let mut w = v.clone();
    w["items"][0]["reconstructed"] = json!(["title", "title"]);
    assert_error(&w, "items[0].reconstructed[1]: \"title\" is listed twice");
    let mut w = v.clone();
    w["schedule"][0].as_object_mut().unwrap().remove("notes");
    assert_error(&w, "schedule[0].reconstructed: add a note");
    let mut w = v.clone();
    w["kpis"][0]["reconstructed"] = json!("name");
    assert!(parse(&w.to_string()).unwrap_err().to_string().starts_with("kpis[0].reconstructed: invalid type"));
}

#[test]
fn an_empty_lead_department_is_accepted_only_when_listed_as_missing() {
    let mut v = fixture();
    v["items"][0]["lead_departments"] = json!([]);
    v["items"][0]["notes"] = json!(["a note alone is not enough"]);
    assert_error(&v, "items[0].lead_departments: an item needs at least one lead department; if the source's value was lost in extraction, list \"lead_departments\"");
    v["items"][0]["missing"] = json!(["lead_departments"]);
    assert!(errors_of(&v).is_empty(), "{:#?}", errors_of(&v));
    assert!(warnings_and_errors_of(&v).is_empty(), "no warning either: the data says what happened");
    let plan = parse(&v.to_string()).unwrap();
    assert_eq!(plan.items[0].missing, vec!["lead_departments"]);

    let mut w = v.clone();
    w["items"][0].as_object_mut().unwrap().remove("notes");
    assert_error(&w, "items[0].missing: add a note that says what the extraction lost");
    let mut w = fixture();
    w["items"][0]["missing"] = json!(["lead_departments"]);
    w["items"][0]["notes"] = json!(["x"]);
    assert_error(&w, "items[0].missing[0]: \"lead_departments\" has a value here, so it was not lost");
    let mut w = v.clone();
    w["items"][0]["missing"] = json!(["department"]);
    assert_error(&w, "items[0].missing[0]: \"department\" is not a field of this object");
}

#[test]
fn every_kpi_list_entry_names_its_item() {
    let mut v = fixture();
    v["kpi_list"][0].as_object_mut().unwrap().remove("item_id");
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_eq!(parse(&text).unwrap_err().to_string(), "kpi_list[0]: missing field `item_id` (line 546, column 5)");

    let mut v = fixture();
    v["kpi_list"][0]["item_id"] = json!(99);
    assert_error(&v, "kpi_list[0].item_id: item 99 does not exist");
    let mut v = fixture();
    v["kpi_list"][0]["item_id"] = json!(2);
    assert_error(&v, "kpi_list[0].kpis[0].item_id: links a KPI of item 1 but the entry's item_id is 2");

    // An item without a sheet: the name is linked to its item only.
    let mut v = fixture();
    let sheetless = v["items"].as_array().unwrap().iter().find(|i| i["sheet"].is_null()).unwrap()["id"].clone();
    v["kpi_list"] = json!([{"name": "一覧だけの指標", "item_id": sheetless, "kpis": [], "reconstructed": ["item_id"], "notes": ["no sheet; item inferred from the name"]}]);
    assert!(errors_of(&v).is_empty(), "{:#?}", errors_of(&v));
}
