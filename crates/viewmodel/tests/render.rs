//! What the detail, overview and list markup says, checked without a
//! browser on small plans that each test builds (plan-wide counts on the
//! next-plan fixture).

mod common;

use common::{activity, count, department, empty_plan, evaluation, goal, item, kpi, next_plan, one_item, reform};
use plan::{Direction, Kgi, KpiListEntry, KpiRef, Plan, Role};
use viewmodel::aggregate::goal_summaries;
use viewmodel::i18n::Lang;
use viewmodel::query::Index;
use viewmodel::render::lists::{department_options, item_cards};
use viewmodel::render::overview::{overview, OverviewOptions};
use viewmodel::render::{filter_summary, item_detail, report_items, DetailOptions};
use viewmodel::state::ViewState;

const JA: DetailOptions = DetailOptions { lang: Lang::Ja, report: false };
const EN: DetailOptions = DetailOptions { lang: Lang::En, report: false };
const REPORT: DetailOptions = DetailOptions { lang: Lang::Ja, report: true };

/// Item 1 with KPI ① in 回 over the chart's years FY2024 (the baseline) to
/// FY2028: an actual of 12,000,000 in FY2024; target 10,000,000 and actual
/// 18,000,000 in FY2025; target 15,000,000 and actual 31,234,567 in FY2026,
/// the last year with results; a target of 40,000,000 in FY2027 and FY2028.
fn visits() -> Plan {
    one_item(vec![kpi(
        1,
        1,
        "回",
        &[
            (2024, None, Some(12_000_000.0)),
            (2025, Some(10_000_000.0), Some(18_000_000.0)),
            (2026, Some(15_000_000.0), Some(31_234_567.0)),
            (2027, Some(40_000_000.0), None),
            (2028, Some(40_000_000.0), None),
        ],
    )])
}

/// Goal 1 has reform 1 with item 1; goal 2 has reforms 2 and 3 with items
/// 2, 3 and 4. Items 1 and 2 are led by 総務課 (`general-affairs`, also
/// written (総)総務課), 3 and 4 by 財政課 (`finance`); item 2 has KPI ①.
fn two_goals() -> Plan {
    Plan {
        goals: vec![goal(1), goal(2)],
        reforms: vec![reform(1, 1), reform(2, 2), reform(3, 2)],
        departments: vec![department("general-affairs", "総務課", &["(総)総務課"]), department("finance", "財政課", &[])],
        items: vec![
            item(1, 1, &["general-affairs"]),
            item(2, 2, &["general-affairs"]),
            item(3, 3, &["finance"]),
            item(4, 3, &["finance"]),
        ],
        kgis: vec![Kgi { id: 1, title: "指標の目標".into(), indicator: "満足度".into() }],
        kpis: vec![kpi(2, 1, "件", &[(2025, Some(10.0), Some(12.0))])],
        ..empty_plan()
    }
}

/// The markup of the year `fy` of a chart: from its group to the group's end.
fn chart_year(html: &str, fy: i32) -> &str {
    let year = &html[html.find(&format!("data-fy=\"{fy}\"")).expect("the year is drawn")..];
    &year[..year.find("</g>").expect("the year's group ends")]
}

#[test]
fn a_chart_has_a_focusable_year_per_column_and_exact_tooltips() {
    let html = item_detail(&visits(), 1, JA);
    assert_eq!(count(&html, "data-col=\""), 5, "FY2024 to FY2028");
    assert_eq!(count(&html, "tabindex=\"0\" role=\"img\""), 5, "each year focusable");
    assert!(html.contains("実績 31,234,567回"), "the exact FY2026 actual");
    assert!(html.contains("目標 40,000,000回"), "the FY2027 target");
    assert!(html.contains("4,000万"), "ticks in 万");
    // FY2027 is after the last reported results: not yet evaluated, no bar.
    let fy2027 = chart_year(&html, 2027);
    assert!(fy2027.contains("未評価") && !fy2027.contains("gk-bar") && !fy2027.contains("データなし"), "{fy2027}");
    assert!(chart_year(&html, 2026).contains("gk-bar"));
}

#[test]
fn each_chart_is_described_first_by_its_one_sentence_summary_then_by_every_year() {
    let plan = visits();
    let html = item_detail(&plan, 1, JA);
    let summary = "<p class=\"gk-chart-summary\" id=\"gk-kpi-1-1-s\">令和8年度 目標15,000,000回に対し実績31,234,567回(達成率208.2%)、達成。令和6年度から3年間で増加。</p>";
    assert!(html.contains(&format!("</figcaption>{summary}")), "right under the caption: {html}");
    assert!(html.contains("aria-labelledby=\"gk-kpi-1-1\" aria-describedby=\"gk-kpi-1-1-s gk-kpi-1-1-d\""), "the summary is read first");
    assert!(html.contains("<desc id=\"gk-kpi-1-1-d\">目標と実績の推移: "), "then every year");
    let en = item_detail(&plan, 1, EN);
    assert!(en.contains(">FY2026 (R8): actual 31,234,567回 against a target of 15,000,000回 (achievement 208.2%), met; rising over 3 years from FY2024 (R6).</p>"));
    let plan = next_plan();
    let all: String = plan.items.iter().map(|i| item_detail(&plan, i.id, JA).into_string()).collect();
    assert_eq!(count(&all, "class=\"gk-chart-summary\""), plan.kpis.len(), "every chart has one");
}

#[test]
fn a_report_chart_is_described_by_its_summary_alone_beside_its_open_table() {
    let plan = next_plan();
    let ids: Vec<u32> = plan.items.iter().map(|i| i.id).collect();
    for lang in [Lang::Ja, Lang::En] {
        let html = report_items(&plan, &ids, lang);
        assert_eq!(count(&html, "class=\"gk-chart-summary\""), plan.kpis.len());
        assert_eq!(count(&html, "<desc"), 0, "the open table says every year");
        assert!(html.contains("aria-labelledby=\"gk-kpi-1-1\" aria-describedby=\"gk-kpi-1-1-s\""));
    }
}

#[test]
fn a_printed_rate_that_differs_is_shown_beside_the_computed_one() {
    // 67 against 20 is 335 %; the source prints 35 %.
    let mut plan = one_item(vec![kpi(1, 1, "件", &[(2025, Some(20.0), Some(67.0))])]);
    plan.kpis[0].values[0].stated_rate = Some(35.0);
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("達成率 335% (資料記載 35%)"), "both rates");
}

#[test]
fn lower_is_better_is_worded_and_judged_that_way() {
    // Overtime of 12.5 h against a target of 10 h is missed; 9.5 h is met.
    let mut plan = one_item(vec![kpi(1, 1, "時間", &[(2025, Some(10.0), Some(12.5)), (2026, Some(10.0), Some(9.5))])]);
    plan.kpis[0].direction = Direction::Lower;
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("↓ 低いほど良い"));
    assert!(html.contains("class=\"gk-col gk-missed\" tabindex=\"0\" role=\"img\" aria-label=\"R7"), "FY2025 is marked missed");
    assert!(html.contains("class=\"gk-col gk-met\" tabindex=\"0\" role=\"img\" aria-label=\"R8"), "FY2026 is marked met");
}

#[test]
fn worded_targets_and_negative_actuals_are_drawn() {
    let mut plan = one_item(vec![kpi(1, 1, "億円", &[(2025, None, Some(-115.0)), (2026, None, Some(-60.0))])]);
    plan.kpis[0].values[0].target_label = Some("黒字化".into());
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("◆黒字化"), "the worded target is written on the chart");
    assert!(html.contains("実績 ▲115億円"), "a deficit with the triangle");
    assert!(html.contains(">▲100</text>"), "ticks below zero, 25 apart down to ▲125");
}

#[test]
fn reference_indicators_are_a_separate_group() {
    let mut plan = one_item(vec![kpi(1, 1, "件", &[]), kpi(1, 2, "件", &[]), kpi(1, 3, "件", &[])]);
    plan.kpis[1].role = Role::Reference;
    plan.kpis[2].role = Role::Reference;
    let html = item_detail(&plan, 1, JA);
    let objective = html.find("gk-kpis-objective").unwrap();
    let reference = html.find("gk-kpis-reference").unwrap();
    assert!(objective < reference);
    assert_eq!(count(&html[objective..reference], "data-kpi=\""), 1, "①");
    assert_eq!(count(&html[reference..], "data-kpi=\""), 2, "②③");
}

#[test]
fn unknown_schedule_marks_are_said_once_per_activity_not_per_quarter() {
    let mut plan = one_item(vec![]);
    plan.schedule = vec![
        activity(1, "調査", None, None),
        activity(1, "実施", None, None),
        activity(1, "検証", Some(&[(2025, 1), (2025, 2)]), None),
    ];
    plan.evaluations = vec![evaluation(1, 2025, 1, 3)];
    let html = item_detail(&plan, 1, JA);
    assert_eq!(count(&html, "data-unknown"), 3, "one band per activity wholly unknown, one for 検証's result");
    assert_eq!(count(&html, "実施時期: 元資料から読み取れず"), 3);
    assert_eq!(count(&html, "class=\"gk-sched-plan\""), 3, "a row per activity");
    assert_eq!(count(&html, "class=\"gk-sched-result\""), 1, "a result row only where the plan is known");
    assert!(html.contains("colspan=\"16\""), "the band spans FY2025 Q1 to FY2028 Q4");
    assert!(!html.contains(">?<"), "no wall of question marks");
    assert!(html.contains("data-schedule=\"1\""));
    assert!(html.contains("1 / 3"), "達成件数 per year");
}

#[test]
fn an_item_without_a_sheet_says_so_and_draws_nothing_else() {
    let mut plan = one_item(vec![]);
    plan.items[0].sheet = None;
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("data-no-sheet"));
    assert!(!html.contains("data-kpi") && !html.contains("data-schedule") && !html.contains("gk-evaluations"));
}

#[test]
fn the_report_opens_tables_and_evaluations() {
    let mut plan = one_item(vec![kpi(1, 1, "件", &[]), kpi(1, 2, "件", &[])]);
    plan.evaluations = vec![evaluation(1, 2025, 1, 2), evaluation(1, 2026, 2, 2)];
    let html = item_detail(&plan, 1, REPORT);
    assert_eq!(count(&html, "<details class=\"gk-table-toggle\" open"), 2, "a table per KPI");
    assert_eq!(count(&html, "<details class=\"gk-eval\" data-eval=\""), 2, "FY2025 and FY2026");
    assert_eq!(count(&html, "data-eval=\"2025\" open"), 1);
    assert_eq!(count(&html, "class=\"gk-eval gk-eval-none\""), 2, "FY2027 and FY2028 are not evaluated");
    let closed = item_detail(&plan, 1, JA);
    assert_eq!(count(&closed, " open"), 0, "the widget's detail opens nothing");
}

#[test]
fn markup_in_the_data_is_shown_as_text() {
    let mut plan = one_item(vec![]);
    plan.items[0].title = "<script>alert(1)</script>".into();
    plan.items[0].sheet.as_mut().expect("a sheet").situation = Some("<img src=x onerror=alert(1)>".into());
    let detail = item_detail(&plan, 1, JA);
    assert!(!detail.contains("<img") && detail.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let cards = item_cards(&plan, &[1], 2025, Lang::Ja, None);
    assert!(!cards.contains("<script>") && cards.contains("&lt;script&gt;"));
}

#[test]
fn the_overview_counts_each_goal_and_marks_the_chosen_one() {
    let plan = two_goals();
    let html = overview(&plan, &goal_summaries(&plan), OverviewOptions { lang: Lang::En, fy: 2025, active_goal: Some(2) });
    assert!(html.contains("Reforms 1 ・ Items 1"), "goal 1");
    assert!(html.contains("Reforms 2 ・ Items 3"), "goal 2");
    assert_eq!(count(&html, "aria-pressed=\"true\""), 1);
    assert!(html.contains("aria-pressed=\"true\" data-goal-toggle=\"2\""));
    assert!(html.contains("KGI 1"));
}

#[test]
fn department_options_show_counts_aliases_and_ticks() {
    let plan = two_goals();
    let counts = Index::new(&plan).lead_counts();
    let shown = ["general-affairs".to_string(), "finance".to_string()];
    let html = department_options(&plan, &shown, &shown[..1], &counts);
    assert!(html.contains("(総)総務課"));
    assert_eq!(count(&html, " checked"), 1, "only 総務課 is chosen");
    assert!(html.contains("data-dept-toggle=\"general-affairs\" data-key=\"dept-general-affairs\" checked"));
    assert!(html.contains("総務課</span><span class=\"gk-alias\">(総)総務課</span><span class=\"gk-count\">2</span>"), "items 1 and 2");
    assert!(html.contains("財政課</span><span class=\"gk-count\">2</span>"), "items 3 and 4");
}

#[test]
fn a_report_holds_each_item_with_its_heading_and_says_what_it_shows() {
    let plan = two_goals();
    let html = report_items(&plan, &[1, 2], Lang::Ja);
    assert_eq!(count(&html, "<article class=\"gk-detail\""), 2);
    assert!(html.contains("(2)</span> 項目2"));
    assert!(html.contains("data-kpi=\"2-1\""));
    let view = ViewState::parse("goal=2&dept=finance&q=基金");
    assert_eq!(filter_summary(&plan, &view, Lang::Ja), "目標 2 ・ 財政課 ・ 「基金」");
    assert_eq!(filter_summary(&plan, &ViewState::default(), Lang::En), "");
}

#[test]
fn years_without_results_yet_are_not_evaluated_rather_than_zero() {
    let plan = visits();
    let next = plan.plan.results_through_fy.expect("results through FY2026") + 1;
    let html = overview(&plan, &goal_summaries(&plan), OverviewOptions { lang: Lang::Ja, fy: next, active_goal: None });
    assert!(html.contains("未評価"));
    let cell = &html[html.find(&format!("data-fy=\"{next}\"")).unwrap()..];
    let cell = &cell[..cell.find("</td>").unwrap()];
    assert!(!cell.contains('✓') && !cell.contains('✗'), "no ✓0 ✗0 for a year not evaluated: {cell}");
    let cards = item_cards(&plan, &[1], next, Lang::Ja, None);
    assert!(cards.contains("未評価") && !cards.contains("データなし 0"));
}

#[test]
fn a_printed_judgement_is_shown_and_a_disagreement_flagged() {
    // ①: 12 h against a target of 10 h, lower is better, printed as 120 %
    // (met); ②: 12 against 10, printed as 120 %, which the numbers agree with.
    let values = [(2025, Some(10.0), Some(12.0))];
    let mut plan = one_item(vec![kpi(1, 1, "時間", &values), kpi(1, 2, "件", &values)]);
    plan.kpis[0].direction = Direction::Lower;
    for k in &mut plan.kpis {
        k.values[0].stated_rate = Some(120.0);
    }
    let html = item_detail(&plan, 1, JA);
    assert_eq!(count(&html, "data-judgement-differs"), 1, "① only");
    let flagged = &html[html.find("data-kpi=\"1-1\"").unwrap()..html.find("data-kpi=\"1-2\"").unwrap()];
    assert!(flagged.contains("data-judgement-differs") && flagged.contains("✓ 達成"), "the printed judgement stands");
}

#[test]
fn reconstructed_values_are_shown_as_inferred() {
    let mut plan = one_item(vec![kpi(1, 1, "件", &[(2025, Some(10.0), Some(8.0)), (2026, Some(20.0), Some(21.0))])]);
    plan.kpis[0].reconstructed = vec!["name".into()];
    plan.kpis[0].values[0].reconstructed = vec!["target".into()];
    plan.kpis[0].values[1].reconstructed = vec!["actual".into()];
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("data-inferred=\"name\""), "the KPI's name is marked");
    assert!(html.contains("<td data-inferred=\"target\">10件 (推定)</td>"), "FY2025's target");
    assert!(html.contains("<td data-inferred=\"actual\">21件 (推定)</td>"), "FY2026's actual");
}

#[test]
fn a_department_lost_in_extraction_is_said_not_left_blank() {
    let mut plan = one_item(vec![]);
    plan.items[0].lead_departments.clear();
    assert!(item_detail(&plan, 1, JA).contains("data-facts=\"lead\">—</dd>"), "none given: a dash");
    plan.items[0].missing = vec!["lead_departments".into()];
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("data-facts=\"lead\">記載なし(抽出時に欠落)</dd>"));
    assert!(item_cards(&plan, &[1], 2025, Lang::Ja, None).contains("記載なし(抽出時に欠落)"));
}

#[test]
fn items_without_a_sheet_show_the_kpi_names_of_the_overview_list() {
    let mut plan = two_goals();
    plan.items[0].sheet = None;
    let listed = |item_id, name: &str, kpis| KpiListEntry { name: name.into(), item_id, kpis, reconstructed: vec![], notes: vec![] };
    plan.kpi_list = vec![listed(1, "窓口の待ち時間 <短縮>", vec![]), listed(2, "指標2-1", vec![KpiRef { item_id: 2, no: 1 }])];
    let html = item_detail(&plan, 1, JA);
    assert!(html.contains("data-listed-kpis"));
    assert!(html.contains("窓口の待ち時間 &lt;短縮&gt;"), "item 1 names its KPI, as text");
    assert!(!item_detail(&plan, 2, JA).contains("data-listed-kpis"), "item 2's name is its sheet's KPI ①");
}

#[test]
fn in_the_english_ui_the_datasets_japanese_text_is_marked_as_japanese() {
    let plan = visits();
    let en = item_detail(&plan, 1, EN);
    assert!(en.contains("<div lang=\"ja\"><p>"), "the sheet's texts");
    assert!(en.contains("class=\"gk-kpi-name\" id=\"gk-kpi-1-1\" lang=\"ja\">"), "the KPI names");
    assert!(en.contains("<dd lang=\"ja\">"), "goal and reform titles");
    let ja = item_detail(&plan, 1, JA);
    assert!(!ja.contains("lang=\""), "the Japanese UI needs no marks: the page is Japanese");
}
