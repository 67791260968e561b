//! What the detail, overview and list markup says, checked on the bundled
//! plan without a browser.

use plan::load;
use viewmodel::aggregate::goal_summaries;
use viewmodel::i18n::Lang;
use viewmodel::render::lists::{department_options, item_cards};
use viewmodel::render::overview::{overview, OverviewOptions};
use viewmodel::render::{filter_summary, item_detail, report_items, DetailOptions};
use viewmodel::state::ViewState;

fn bundled() -> plan::Plan {
    load(include_str!("../../../public/data/plan.json")).expect("the bundled plan loads").0
}

const JA: DetailOptions = DetailOptions { lang: Lang::Ja, report: false };

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn item_7_has_a_focusable_year_per_column_and_exact_tooltips() {
    let html = item_detail(&bundled(), 7, JA);
    assert_eq!(count(&html, "data-col=\""), 6, "R元 to R6");
    assert_eq!(count(&html, "tabindex=\"0\" role=\"img\""), 6, "each year focusable");
    assert!(html.contains("実績 39,257,498回"), "the exact R5 actual");
    assert!(html.contains("目標 40,000,000回"), "the R6 target");
    assert!(html.contains("4,000万"), "ticks in 万");
    // R6 is after the last reported results: not yet evaluated, no bar.
    let r6 = &html[html.find("data-fy=\"2024\"").unwrap()..];
    let r6 = &r6[..r6.find("</g>").unwrap()];
    assert!(r6.contains("未評価") && !r6.contains("gk-bar") && !r6.contains("データなし"));
}

#[test]
fn each_chart_is_described_first_by_its_one_sentence_summary_then_by_every_year() {
    let plan = bundled();
    let html = item_detail(&plan, 7, JA);
    let summary = "<p class=\"gk-chart-summary\" id=\"gk-kpi-7-1-s\">令和5年度 目標15,000,000回に対し実績39,257,498回(達成率261.7%)、達成。令和2年度から4年間で増加。</p>";
    assert!(html.contains(&format!("</figcaption>{summary}")), "right under the caption: {html}");
    assert!(html.contains("aria-labelledby=\"gk-kpi-7-1\" aria-describedby=\"gk-kpi-7-1-s gk-kpi-7-1-d\""), "the summary is read first");
    assert!(html.contains("<desc id=\"gk-kpi-7-1-d\">目標と実績の推移: "), "then every year");
    let en = item_detail(&plan, 7, DetailOptions { lang: Lang::En, report: false });
    assert!(en.contains(">FY2023 (R5): actual 39,257,498回 against a target of 15,000,000回 (achievement 261.7%), met; rising over 4 years from FY2020 (R2).</p>"));
    let kpis = plan.kpis.len();
    let all: String = plan.items.iter().map(|i| item_detail(&plan, i.id, JA).into_string()).collect();
    assert_eq!(count(&all, "class=\"gk-chart-summary\""), kpis, "every chart has one");
}

#[test]
fn a_report_chart_is_described_by_its_summary_alone_beside_its_open_table() {
    let plan = bundled();
    let ids: Vec<u32> = plan.items.iter().map(|i| i.id).collect();
    for lang in [Lang::Ja, Lang::En] {
        let html = report_items(&plan, &ids, lang);
        assert_eq!(count(&html, "class=\"gk-chart-summary\""), plan.kpis.len());
        assert_eq!(count(&html, "<desc"), 0, "the open table says every year");
        assert!(html.contains("aria-labelledby=\"gk-kpi-7-1\" aria-describedby=\"gk-kpi-7-1-s\""));
    }
}

#[test]
fn a_printed_rate_that_differs_is_shown_beside_the_computed_one() {
    // Item 4 ③ R3: 67 against 20 is 335 %, the source prints 35 %.
    let html = item_detail(&bundled(), 4, JA);
    assert!(html.contains("達成率 335% (資料記載 35%)"), "both rates");
}

#[test]
fn lower_is_better_is_worded_and_judged_that_way() {
    let plan = bundled();
    let html = item_detail(&plan, 18, JA);
    assert!(html.contains("↓ 低いほど良い"));
    // Overtime 12.5 h against a target of 10.0 h is missed, not met.
    let k = plan.kpis.iter().find(|k| k.item_id == 18 && k.no == 1).unwrap();
    let missed_years: Vec<i32> = k.values.iter().filter(|v| matches!((v.target, v.actual), (Some(t), Some(a)) if a > t)).map(|v| v.fy).collect();
    assert!(!missed_years.is_empty());
    for fy in missed_years {
        let at = html.find(&format!("class=\"gk-col gk-missed\" tabindex=\"0\" role=\"img\" aria-label=\"R{}", plan::FiscalYear(fy).short_label().trim_start_matches('R')));
        assert!(at.is_some(), "{fy} is marked missed");
    }
}

#[test]
fn worded_targets_and_negative_actuals_are_drawn() {
    let html = item_detail(&bundled(), 24, JA);
    assert!(html.contains("◆黒字化"), "the worded target is written on the chart");
    assert!(html.contains("実績 ▲115億円"), "a deficit with the triangle");
    assert!(html.contains("▲200") || html.contains("▲100"), "ticks below zero");
}

#[test]
fn reference_indicators_are_a_separate_group() {
    let html = item_detail(&bundled(), 1, JA);
    let objective = html.find("gk-kpis-objective").unwrap();
    let reference = html.find("gk-kpis-reference").unwrap();
    assert!(objective < reference);
    assert_eq!(count(&html[reference..], "data-kpi=\""), 3, "④⑤⑥");
}

#[test]
fn unknown_schedule_marks_are_said_once_per_activity_not_per_quarter() {
    let html = item_detail(&bundled(), 1, JA);
    assert_eq!(count(&html, "data-unknown"), 4, "one band per activity");
    assert_eq!(count(&html, "実施時期: 元資料から読み取れず"), 4);
    assert!(html.contains("colspan=\"17\""), "the band spans R2 Q4 to R6 Q4");
    assert!(!html.contains(">?<"), "no wall of question marks");
    assert!(html.contains("data-schedule=\"1\""));
    assert!(html.contains("1 / 3"), "達成件数 per year");
}

#[test]
fn an_item_without_a_sheet_says_so_and_draws_nothing_else() {
    let html = item_detail(&bundled(), 30, JA);
    assert!(html.contains("data-no-sheet"));
    assert!(!html.contains("data-kpi") && !html.contains("data-schedule") && !html.contains("gk-evaluations"));
}

#[test]
fn the_report_opens_tables_and_evaluations() {
    let html = item_detail(&bundled(), 1, DetailOptions { lang: Lang::Ja, report: true });
    assert_eq!(count(&html, "<details class=\"gk-table-toggle\" open"), 6);
    assert_eq!(count(&html, "<details class=\"gk-eval\" data-eval=\""), 4);
    assert_eq!(count(&html, "data-eval=\"2020\" open"), 1);
}

#[test]
fn markup_in_the_data_is_shown_as_text() {
    let mut plan = bundled();
    plan.items[0].title = "<script>alert(1)</script>".into();
    if let Some(s) = plan.items[0].sheet.as_mut() {
        s.situation = Some("<img src=x onerror=alert(1)>".into());
    }
    let detail = item_detail(&plan, 1, JA);
    assert!(!detail.contains("<img") && detail.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let cards = item_cards(&plan, &[1], 2023, Lang::Ja, None);
    assert!(!cards.contains("<script>") && cards.contains("&lt;script&gt;"));
}

#[test]
fn the_overview_counts_each_goal_and_marks_the_chosen_one() {
    let plan = bundled();
    let html = overview(&plan, &goal_summaries(&plan), OverviewOptions { lang: Lang::En, fy: 2023, active_goal: Some(2) });
    assert!(html.contains("Reforms 5 ・ Items 12"));
    assert_eq!(count(&html, "aria-pressed=\"true\""), 1);
    assert!(html.contains("data-goal-toggle=\"2\""));
    assert!(html.contains("KGI 5"));
}

#[test]
fn department_options_show_counts_aliases_and_ticks() {
    let plan = bundled();
    let counts = viewmodel::query::Index::new(&plan).lead_counts();
    let html = department_options(&plan, &["general-affairs".into()], &["general-affairs".into()], &counts);
    assert!(html.contains("(総)総務課"));
    assert!(html.contains(" checked"));
    assert!(html.contains(&format!("<span class=\"gk-count\">{}</span>", counts["general-affairs"])));
}

#[test]
fn a_report_holds_each_item_with_its_heading_and_says_what_it_shows() {
    let plan = bundled();
    let html = report_items(&plan, &[23, 24], Lang::Ja);
    assert_eq!(count(&html, "<article class=\"gk-detail\""), 2);
    assert!(html.contains("(24)</span> 基礎的財政収支"));
    assert!(html.contains("data-kpi=\"24-1\""));
    assert_eq!(filter_summary(&plan, &ViewState::parse("goal=3&dept=finance&q=基金"), Lang::Ja), "目標 3 ・ 財政課 ・ 「基金」");
    assert_eq!(filter_summary(&plan, &ViewState::default(), Lang::En), "");
}

#[test]
fn years_without_results_yet_are_not_evaluated_rather_than_zero() {
    let plan = bundled();
    let last = plan.plan.results_through_fy.expect("the bundled plan says how far its results go");
    let html = overview(&plan, &goal_summaries(&plan), OverviewOptions { lang: Lang::Ja, fy: last + 1, active_goal: None });
    assert!(html.contains("未評価"));
    let cell = &html[html.find(&format!("data-fy=\"{}\"", last + 1)).unwrap()..];
    let cell = &cell[..cell.find("</td>").unwrap()];
    assert!(!cell.contains('✓') && !cell.contains('✗'), "no ✓0 ✗0 for a year not evaluated: {cell}");
    let cards = item_cards(&plan, &[1], last + 1, Lang::Ja, None);
    assert!(cards.contains("未評価") && !cards.contains("データなし 0"));
}

#[test]
fn a_printed_judgement_is_shown_and_a_disagreement_flagged() {
    let plan = bundled();
    // Wherever the numbers judge otherwise than the printed rate, the table says so.
    let differing: Vec<(u32, u8)> = plan
        .kpis
        .iter()
        .filter(|k| k.role == plan::Role::Objective && k.values.iter().any(|v| plan::metrics::judgement_differs(v, k.direction)))
        .map(|k| (k.item_id, k.no as u8))
        .collect();
    assert!(!differing.is_empty(), "the bundled plan has printed judgements the numbers contradict (item 26 ①)");
    for (item, _) in &differing {
        let html = item_detail(&plan, *item, JA);
        assert!(html.contains("data-judgement-differs"), "item {item} flags it");
    }
}

#[test]
fn reconstructed_values_are_shown_as_inferred() {
    let plan = bundled();
    let kpi = plan.kpis.iter().find(|k| k.item_id == 17 && k.no == 4).expect("item 17 ④");
    assert!(kpi.reconstructed.iter().any(|f| f == "name"));
    let html = item_detail(&plan, 17, JA);
    assert!(html.contains("data-inferred=\"no name\"") || html.contains("data-inferred=\"name\""), "17 ④'s name is marked");
    // Item 3 ②: each year's reading of target or actual.
    let html = item_detail(&plan, 3, JA);
    assert!(html.contains("data-inferred=\"target\"") && html.contains("data-inferred=\"actual\""));
    assert!(html.contains("(推定)"));
}

#[test]
fn a_department_lost_in_extraction_is_said_not_left_blank() {
    let plan = bundled();
    let item = plan.items.iter().find(|i| i.missing.iter().any(|f| f == "lead_departments")).expect("item 11");
    let html = item_detail(&plan, item.id, JA);
    assert!(html.contains("data-facts=\"lead\">記載なし(抽出時に欠落)</dd>"));
    assert!(item_cards(&plan, &[item.id], 2023, Lang::Ja, None).contains("記載なし(抽出時に欠落)"));
}

#[test]
fn items_without_a_sheet_show_the_kpi_names_of_the_overview_list() {
    let plan = bundled();
    for entry in plan.kpi_list.iter().filter(|e| e.kpis.is_empty()) {
        let html = item_detail(&plan, entry.item_id, JA);
        assert!(html.contains("data-listed-kpis"), "item {}", entry.item_id);
        assert!(html.contains(&viewmodel::html::escape(&entry.name)), "item {} names {}", entry.item_id, entry.name);
    }
    assert!(item_detail(&plan, 2, JA).contains("税外収入の納入通知書"));
}

#[test]
fn in_the_english_ui_the_datasets_japanese_text_is_marked_as_japanese() {
    let plan = bundled();
    let en = item_detail(&plan, 7, DetailOptions { lang: Lang::En, report: false });
    assert!(en.contains("<div lang=\"ja\"><p>"), "the sheet's texts");
    assert!(en.contains("class=\"gk-kpi-name\" id=\"gk-kpi-7-1\" lang=\"ja\">"), "the KPI names");
    assert!(en.contains("<dd lang=\"ja\">"), "goal and reform titles");
    let ja = item_detail(&plan, 7, JA);
    assert!(!ja.contains("lang=\""), "the Japanese UI needs no marks: the page is Japanese");
}
