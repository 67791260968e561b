//! The pre-rendered page and the static report, checked without a browser
//! on the next-plan fixture (another government's plan) and small plans:
//! what a reader without JavaScript gets.

mod common;

use common::{count, kpi, next_plan, one_item};
use viewmodel::i18n::Lang;
use viewmodel::hooks::Action;
use viewmodel::render::document::{file_name, kpi_csv_json, report_document};
use viewmodel::render::page::{prerendered, PrerenderOptions};
use viewmodel::state::ViewState;

const OPTIONS: PrerenderOptions = PrerenderOptions { base: Some(""), actions: &[Action::Share, Action::Language] };

#[test]
fn the_prerendered_page_lists_every_item_and_links_to_the_report() {
    let plan = next_plan();
    let html = prerendered(&plan, &ViewState::default(), Lang::Ja, OPTIONS);
    assert_eq!(count(&html, "<li class=\"gk-item\" data-item-id="), plan.items.len());
    assert!(html.contains(&format!("data-result-count=\"{}\"", plan.items.len())));
    assert!(html.contains("href=\"gyokaku-report.html\" target=\"_blank\" rel=\"noopener\""), "the report opens outside a frame");
    assert!(html.contains("class=\"gk-filters gk-needs-js\""), "controls are hidden where scripts are off");
    assert!(html.contains("data-action=\"share\"") && html.contains("data-action=\"language\""));
    // Without scripts, each card still leads to its item: in the report.
    for item in &plan.items {
        assert!(html.contains(&format!("href=\"gyokaku-report.html#item-{}\" target=\"_blank\"", item.id)));
    }
}

#[test]
fn the_prerendered_page_follows_its_state_and_language() {
    let plan = next_plan();
    let goal = plan.goals[1].id;
    let state = ViewState::parse(&format!("goal={goal}"));
    let html = prerendered(&plan, &state, Lang::En, OPTIONS);
    let of_goal = plan.items.iter().filter(|i| plan.reforms.iter().any(|r| r.id == i.reform_id && r.goal_id == goal)).count();
    assert_eq!(count(&html, "<li class=\"gk-item\""), of_goal);
    assert!(html.contains("lang=\"en\"") && html.contains("Filters"));
}

#[test]
fn the_report_is_a_complete_document_without_its_script() {
    common::assert_report_is_complete_without_its_script(&next_plan());
}

#[test]
fn a_report_of_a_view_holds_only_that_view_and_reopens_on_it() {
    let plan = next_plan();
    let dept = plan.items[0].lead_departments[0].clone();
    let state = ViewState::parse(&format!("dept={dept}&item=3&fy=2026"));
    let html = report_document(&plan, &state, "");
    let led = plan.items.iter().filter(|i| i.lead_departments.contains(&dept)).count();
    assert_eq!(count(&html, "<article class=\"gk-detail\""), led);
    assert!(html.contains(&format!("data-state=\"dept={dept}\"")), "filters kept, the open item and year dropped");
    assert_eq!(file_name(&state), format!("gyokaku-report-dept-{dept}.html"));
    assert_eq!(file_name(&ViewState::default()), "gyokaku-report.html");
}

#[test]
fn data_cannot_break_out_of_the_document() {
    let mut plan = next_plan();
    plan.plan.title = "</title><script>alert(1)</script>".into();
    plan.items[0].title = "<img src=x onerror=alert(1)>".into();
    plan.kpis[0].name = "</script><script>alert(2)</script>".into();
    let html = report_document(&plan, &ViewState::default(), "a</style><script>x()</script>");
    assert_eq!(count(&html, "</script"), 2, "only the report's own data and script end a script");
    assert_eq!(count(&html, "</style"), 1, "the stylesheet cannot be closed early");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn a_plan_without_star_items_offers_no_star_filter() {
    let mut plan = next_plan();
    assert!(prerendered(&plan, &ViewState::default(), Lang::Ja, OPTIONS).contains("data-filter=\"star\""));
    for item in &mut plan.items {
        item.star = false;
    }
    assert!(!prerendered(&plan, &ViewState::default(), Lang::Ja, OPTIONS).contains("data-filter=\"star\""));
    assert!(!report_document(&plan, &ViewState::default(), "").contains("data-filter=\"star\""));
}

#[test]
fn known_schedule_marks_keep_a_cell_per_quarter() {
    let plan = next_plan();
    let row = plan.schedule.iter().find(|s| s.plan.as_ref().is_some_and(|p| !p.is_empty())).expect("a row with marks");
    let html = viewmodel::render::item_detail(&plan, row.item_id, viewmodel::render::DetailOptions { lang: Lang::Ja, report: false });
    assert!(html.contains("gk-q gk-q-on"), "planned quarters are marked");
}

#[test]
fn the_kpi_csv_of_a_view_has_a_row_per_kpi_and_year_with_plain_numbers() {
    let mut plan = one_item(vec![
        kpi(1, 1, "回", &[(2025, Some(10_000_000.0), Some(12_345_678.0)), (2026, Some(15_000_000.0), None)]),
        kpi(1, 2, "件", &[(2025, None, None)]),
    ]);
    plan.kpis[0].values[0].stated_rate = Some(123.0);
    plan.kpis[0].values[1].actual_label = Some("公表".into());
    let json = kpi_csv_json(&plan, &[1]);
    assert!(json.starts_with("{\"header\":\"実施項目番号,指標番号,指標項目,単位,年度,年度(和暦),目標値,"));
    let rows = concat!(
        "1,1,指標1-1,回,2025,令和7年度,10000000,,12345678,,123\\r\\n",
        "1,1,指標1-1,回,2026,令和8年度,15000000,,,公表,\\r\\n",
        "1,2,指標1-2,件,2025,令和7年度,,,,,\\r\\n",
    );
    assert!(json.ends_with(&format!("\"items\":{{\"1\":\"{rows}\"}}}}")), "one line per KPI and year; plain numbers, words as printed, empty = unknown: {json}");
}
