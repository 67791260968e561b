//! Plans for the viewmodel's tests: the next-plan fixture (another
//! government's plan) and small plans built in code, so that what a test
//! expects can be read from the plan it builds.

#![allow(dead_code)]

use plan::{Department, Evaluation, Goal, Item, Kpi, KpiValue, Plan, PlanInfo, Quarter, Reform, ScheduleRow, Sheet};
use viewmodel::render::document::report_document;
use viewmodel::state::ViewState;

/// The next-plan fixture: 架空市's plan over FY2025–FY2029, results through
/// FY2026, with 4 goals, 17 items led by 企画課 (odd ids) and 財務課 (even
/// ids, all ★), and one KPI with a sheet on most items.
pub fn next_plan() -> Plan {
    plan::load::parse(include_str!("../../../plan/tests/fixtures/next_plan.json")).expect("the next-plan fixture loads")
}

/// How often `needle` occurs in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Checks that `plan`'s report, with its script removed as a mail gateway
/// would, still holds everything: an article per item, a chart as SVG with
/// its table per KPI, and per item with a sheet a schedule grid and a line
/// for each of the plan's years in the evaluations.
pub fn assert_report_is_complete_without_its_script(plan: &Plan) {
    let html = report_document(plan, &ViewState::default(), ".gk{}");
    let body = &html[..html.find("<script>").expect("one script")];
    assert_eq!(count(body, "<article class=\"gk-detail\""), plan.items.len());
    assert_eq!(count(body, "<figure class=\"gk-kpi\" data-kpi="), plan.kpis.len(), "a chart per KPI");
    assert_eq!(count(body, "<svg class=\"gk-chart\""), plan.kpis.len(), "charts as SVG");
    assert_eq!(count(body, "class=\"gk-kpi-table\""), plan.kpis.len(), "each chart's table");
    let sheets = plan.items.iter().filter(|i| i.sheet.is_some()).count();
    assert_eq!(count(body, "data-schedule=\""), sheets, "a schedule grid per sheet");
    let years = (plan.plan.first_fy..=plan.plan.last_fy).count();
    assert_eq!(count(body, "<details class=\"gk-eval\" data-eval=\"") + count(body, "gk-eval gk-eval-none"), sheets * years);
    for item in &plan.items {
        assert!(body.contains(&format!("id=\"item-{}\"", item.id)));
    }
    assert!(body.contains("<form class=\"gk-filters gk-needs-js\" hidden=\"\">"), "no dead controls without the script");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert_eq!(count(&html, "</script"), 2, "the KPI CSV data and one inline script, at the end");
}

/// A plan over FY2025–FY2028 (令和7–10年度) with baseline FY2024, results
/// through FY2026 and a schedule grid from FY2025 Q1 to FY2028 Q4 (16
/// quarters), and nothing in it: each test adds what it shows.
pub fn empty_plan() -> Plan {
    Plan {
        schema_version: plan::SCHEMA_VERSION,
        plan: PlanInfo {
            title: "テスト市の計画".into(),
            organisation: "テスト市".into(),
            first_fy: 2025,
            last_fy: 2028,
            baseline_fy: 2024,
            schedule_from: Quarter { fy: 2025, q: 1 },
            schedule_to: Quarter { fy: 2028, q: 4 },
            source: "テスト用".into(),
            as_of: "令和9年3月".into(),
            results_through_fy: Some(2026),
            texts_as_of: None,
            star_label: Some("テスト市DX計画".into()),
            source_url: None,
            licence: None,
        },
        goals: vec![],
        reforms: vec![],
        departments: vec![],
        kgis: vec![],
        kpi_list: vec![],
        items: vec![],
        kpis: vec![],
        schedule: vec![],
        evaluations: vec![],
        notes: vec![],
    }
}

/// Item 1 (goal 1, reform 1, led by 財政課 `finance`, with a sheet) and
/// `kpis`: the smallest plan whose item detail shows them.
pub fn one_item(kpis: Vec<Kpi>) -> Plan {
    Plan {
        goals: vec![goal(1)],
        reforms: vec![reform(1, 1)],
        departments: vec![department("finance", "財政課", &[])],
        items: vec![item(1, 1, &["finance"])],
        kpis,
        ..empty_plan()
    }
}

/// Goal `id`, titled 目標{id}.
pub fn goal(id: u32) -> Goal {
    Goal { id, title: format!("目標{id}"), aliases: vec![], notes: vec![] }
}

/// Reform `id` of goal `goal_id`, titled 改革{id}.
pub fn reform(id: u32, goal_id: u32) -> Reform {
    Reform { id, goal_id, title: format!("改革{id}"), notes: vec![] }
}

pub fn department(id: &str, name: &str, aliases: &[&str]) -> Department {
    Department { id: id.into(), name: name.into(), aliases: aliases.iter().map(|a| a.to_string()).collect(), notes: vec![] }
}

/// Item `id` of reform `reform_id`, titled 項目{id}, led by `lead`, not ★,
/// with a sheet whose texts are 現状{id}, 課題{id} and 内容{id}.
pub fn item(id: u32, reform_id: u32, lead: &[&str]) -> Item {
    Item {
        id,
        reform_id,
        title: format!("項目{id}"),
        note: None,
        star: false,
        lead_departments: lead.iter().map(|d| d.to_string()).collect(),
        related_departments: vec![],
        sheet: Some(Sheet {
            printed_no: id,
            printed_title: format!("項目{id}"),
            situation: Some(format!("現状{id}")),
            problems: Some(format!("課題{id}")),
            measures: Some(format!("内容{id}")),
        }),
        related_other: vec![],
        reconstructed: vec![],
        missing: vec![],
        notes: vec![],
    }
}

/// KPI `no` of item `item_id`, named 指標{item_id}-{no}, in `unit`, an
/// objective where higher is better, with `(fy, target, actual)` per year.
pub fn kpi(item_id: u32, no: u32, unit: &str, values: &[(i32, Option<f64>, Option<f64>)]) -> Kpi {
    let values = values.iter().map(|&(fy, target, actual)| KpiValue::new(fy, target, actual)).collect();
    Kpi::new(item_id, no, &format!("指標{item_id}-{no}"), Some(unit), values)
}

/// Item `item_id`'s evaluation of `fy`: `achieved` of `total` met, with
/// its three texts.
pub fn evaluation(item_id: u32, fy: i32, achieved: u32, total: u32) -> Evaluation {
    Evaluation {
        item_id,
        fy,
        achieved: Some(achieved),
        total: Some(total),
        factors: Some("要因".into()),
        issues: Some("課題".into()),
        response: Some("対応".into()),
        notes: vec![],
    }
}

/// An activity of item `item_id` serving its KPI ①, with its planned and
/// done quarters as `(fy, q)`; `None` where the source does not record them.
pub fn activity(item_id: u32, name: &str, plan: Option<&[(i32, u8)]>, result: Option<&[(i32, u8)]>) -> ScheduleRow {
    let quarters = |list: &[(i32, u8)]| list.iter().map(|&(fy, q)| Quarter { fy, q }).collect();
    ScheduleRow {
        item_id,
        kpi_nos: vec![1],
        activity: name.into(),
        plan: plan.map(quarters),
        result: result.map(quarters),
        reconstructed: vec![],
        notes: vec![],
    }
}
