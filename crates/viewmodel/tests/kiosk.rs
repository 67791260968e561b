//! The kiosk's screens, checked without a browser on the next-plan fixture
//! (another government's plan: nothing here depends on the bundled one).

mod common;

use common::next_plan;
use viewmodel::i18n::Lang;
use viewmodel::kiosk::{attract_sequence, item_pages, Go, ItemPage, Nav, Screen};
use viewmodel::render::kiosk::kiosk_screen;

fn hooks(html: &str) -> Vec<String> {
    html.split("data-go=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
}

#[test]
fn home_has_a_tile_per_goal_and_the_way_to_departments_and_nothing_to_type_or_leave() {
    let p = next_plan();
    let fy = p.plan.results_through_fy.unwrap_or(p.plan.first_fy);
    for lang in [Lang::Ja, Lang::En] {
        let html = kiosk_screen(&p, &Screen::Home, lang, fy);
        let mut expected: Vec<String> = p.goals.iter().map(|g| format!("goal:{}", g.id)).collect();
        expected.push("departments".into());
        assert_eq!(hooks(&html), expected);
        for tag in ["<input", "<select", "<textarea", "<a "] {
            assert!(!html.contains(tag), "{tag} on a touch screen");
        }
        assert!(html.contains(lang.t().kiosk_by_department));
    }
}

#[test]
fn every_hook_on_every_screen_leads_somewhere_the_plan_has() {
    let p = next_plan();
    let fy = p.plan.first_fy;
    let mut screens = vec![Screen::Home, Screen::Departments];
    screens.extend(p.goals.iter().map(|g| Screen::Goal(g.id)));
    screens.extend(p.reforms.iter().map(|r| Screen::Reform(r.id)));
    screens.extend(p.departments.iter().map(|d| Screen::Department(d.id.clone())));
    for screen in screens {
        let html = kiosk_screen(&p, &screen, Lang::Ja, fy);
        for hook in hooks(&html) {
            let go = Go::parse(&hook).unwrap_or_else(|| panic!("{hook} on {screen:?} does not parse"));
            let mut nav = Nav::at(&p, screen.clone());
            let before = nav.clone();
            nav.go(&p, go);
            assert_ne!(nav, before, "{hook} on {screen:?} goes nowhere");
        }
    }
}

#[test]
fn an_item_pages_with_previous_and_next_disabled_at_the_ends() {
    let p = next_plan();
    let item = p.kpis[0].item_id;
    let pages = item_pages(&p, item);
    assert!(pages.len() > 2 && pages.contains(&ItemPage::Kpi(p.kpis[0].no)));
    let first = kiosk_screen(&p, &Screen::Item { id: item, page: 0 }, Lang::Ja, p.plan.first_fy);
    assert!(first.contains(&format!("1 / {} ページ", pages.len())));
    assert!(first.contains("data-go=\"prev\" data-key=\"prev\" aria-disabled=\"true\""));
    assert!(!first.contains("data-go=\"next\" data-key=\"next\" aria-disabled=\"true\""));
    let last = pages.len() - 1;
    let end = kiosk_screen(&p, &Screen::Item { id: item, page: last }, Lang::En, p.plan.first_fy);
    assert!(end.contains(&format!("Page {} of {}", last + 1, pages.len())));
    assert!(end.contains("data-go=\"next\" data-key=\"next\" aria-disabled=\"true\""));
    let kpi = pages.iter().position(|x| matches!(x, ItemPage::Kpi(_))).unwrap();
    let chart = kiosk_screen(&p, &Screen::Item { id: item, page: kpi }, Lang::Ja, p.plan.first_fy);
    assert_eq!(chart.matches("data-kpi=\"").count(), 1, "one KPI per page");
    assert!(!chart.contains("tabindex=\"0\" role=\"img\""), "no tiny focusable years: the table is beside the chart");
}

#[test]
fn the_loop_visits_every_goal_and_only_item_pages_with_a_chart() {
    let p = next_plan();
    let seq = attract_sequence(&p);
    assert_eq!(seq[0], Screen::Home);
    for g in &p.goals {
        assert!(seq.contains(&Screen::Goal(g.id)));
    }
    for s in &seq {
        if let Screen::Item { id, page } = s {
            assert!(matches!(item_pages(&p, *id)[*page], ItemPage::Kpi(_)));
            let html = kiosk_screen(&p, s, Lang::Ja, p.plan.first_fy);
            assert!(html.contains("<svg"), "item {id} shows a chart");
        }
    }
}

#[test]
fn the_kiosk_footer_writes_the_sources_address_out_instead_of_linking_it() {
    let mut p = next_plan();
    p.plan.source_url = Some("https://example.jp/plan.pdf".into());
    let kiosk = viewmodel::render::page::footer_inner(&p, Lang::Ja, None, false);
    assert!(!kiosk.contains("<a "), "no way out of a kiosk");
    assert!(kiosk.contains("(https://example.jp/plan.pdf)"));
    assert!(viewmodel::render::page::footer_inner(&p, Lang::Ja, None, true).contains("<a href=\"https://example.jp/plan.pdf\""));
}
