//! Acceptance tests of the real dataset: the bundled plan
//! (`public/data/plan.json`, Gunma Prefecture's plan for FY2020–FY2024) as a
//! reader meets it. They pin a few of its lists and figures end to end; the
//! behaviour behind them is specified on small plans in `query.rs`,
//! `render.rs` and `document.rs`. (`crates/plan/tests/bundled_plan.rs`
//! checks the dataset itself.)

mod common;

use common::count;
use plan::Plan;
use viewmodel::aggregate::goal_summaries;
use viewmodel::i18n::Lang;
use viewmodel::query::Index;
use viewmodel::render::document::kpi_csv_json;
use viewmodel::render::lists::item_cards;
use viewmodel::render::overview::{overview, OverviewOptions};
use viewmodel::render::{item_detail, DetailOptions};
use viewmodel::state::ViewState;

const JA: DetailOptions = DetailOptions { lang: Lang::Ja, report: false };

fn bundled() -> Plan {
    plan::load::parse(include_str!("../../../public/data/plan.json")).expect("the bundled plan loads")
}

#[test]
fn the_bundled_plans_filters_give_the_sources_lists() {
    let plan = bundled();
    let index = Index::new(&plan);
    let filter = |hash: &str| index.filter(&ViewState::parse(hash));
    assert_eq!(filter(""), (1..=30).collect::<Vec<u32>>());
    assert_eq!(filter("goal=2"), (11..=22).collect::<Vec<u32>>());
    assert_eq!(filter("dept=finance"), vec![23, 24, 27]);
    assert_eq!(filter("dept=finance&dept=secretariat"), vec![20, 23, 24, 27]);
    assert_eq!(filter("reform=13"), vec![25, 26, 27]);
    assert_eq!(filter("star=1"), vec![1, 2, 3, 4, 5, 10, 11, 12, 15]);
    assert!(filter("q=tsulunos").contains(&7), "a word only in item 7's texts");
    assert_eq!(index.find_departments("（教）総務課"), vec!["edu-general-affairs"]);
}

#[test]
fn the_bundled_overview_counts_the_sources_goals() {
    let plan = bundled();
    let html = overview(&plan, &goal_summaries(&plan), OverviewOptions { lang: Lang::En, fy: 2023, active_goal: Some(2) });
    assert!(html.contains("Reforms 5 ・ Items 12"), "goal 2");
    assert!(html.contains("KGI 5"));
}

#[test]
fn item_7s_visits_read_as_the_source_prints_them() {
    let plan = bundled();
    let html = item_detail(&plan, 7, JA);
    assert!(html.contains(">令和5年度 目標15,000,000回に対し実績39,257,498回(達成率261.7%)、達成。令和2年度から4年間で増加。</p>"));
    assert!(html.contains("実績 39,257,498回") && html.contains("目標 40,000,000回"), "the R5 actual and the R6 target");
    let en = item_detail(&plan, 7, DetailOptions { lang: Lang::En, report: false });
    assert!(en.contains(">FY2023 (R5): actual 39,257,498回 against a target of 15,000,000回 (achievement 261.7%), met; rising over 4 years from FY2020 (R2).</p>"));
    assert!(kpi_csv_json(&plan, &[7]).contains(",2023,令和5年度,15000000,,39257498,,262\\r\\n"));
}

#[test]
fn the_printed_figures_of_the_bundled_plan_are_shown_as_printed() {
    let plan = bundled();
    assert!(item_detail(&plan, 4, JA).contains("達成率 335% (資料記載 35%)"), "item 4 ③ R3: 67 against 20, printed as 35 %");
    let deficit = item_detail(&plan, 24, JA);
    assert!(deficit.contains("◆黒字化") && deficit.contains("実績 ▲115億円"), "item 24's worded target and deficit");
    // Wherever the numbers judge otherwise than the printed rate (item 26 ①), the table says so.
    let differing: Vec<u32> = plan
        .kpis
        .iter()
        .filter(|k| k.role == plan::Role::Objective && k.values.iter().any(|v| plan::metrics::judgement_differs(v, k.direction)))
        .map(|k| k.item_id)
        .collect();
    assert!(differing.contains(&26));
    for item in differing {
        assert!(item_detail(&plan, item, JA).contains("data-judgement-differs"), "item {item} flags it");
    }
}

#[test]
fn what_the_bundled_plans_transcription_lost_or_inferred_is_said() {
    let plan = bundled();
    let lost: Vec<u32> = plan.items.iter().filter(|i| i.missing.iter().any(|f| f == "lead_departments")).map(|i| i.id).collect();
    assert_eq!(lost, vec![11]);
    assert!(item_cards(&plan, &lost, 2023, Lang::Ja, None).contains("記載なし(抽出時に欠落)"));
    for entry in plan.kpi_list.iter().filter(|e| e.kpis.is_empty()) {
        let html = item_detail(&plan, entry.item_id, JA);
        assert!(html.contains(&viewmodel::html::escape(&entry.name)), "item {} names {}", entry.item_id, entry.name);
    }
    assert!(item_detail(&plan, 2, JA).contains("税外収入の納入通知書"));
    assert!(item_detail(&plan, 17, JA).contains("data-inferred=\"no name\""), "17 ④'s number and name were inferred");
    assert_eq!(count(&item_detail(&plan, 1, JA), "data-unknown"), 4, "item 1's four activities of unknown timing");
}

#[test]
fn the_bundled_plans_report_is_complete_without_its_script() {
    common::assert_report_is_complete_without_its_script(&bundled());
}
