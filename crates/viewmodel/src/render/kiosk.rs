//! The kiosk's screens as HTML: tiles for goals, reforms and items, large
//! buttons for departments, and an item one page at a time with previous
//! and next. Every target carries a `data-go` hook ([`Go::parse`]) and a
//! `data-key`, so one delegated handler serves them all and focus survives
//! a redraw.

use super::detail::{achieved_count, evaluation_texts, facts, kpi_figure, schedule, sheet_texts, DetailOptions};
use super::{with_data_lang, data_text, item_heading, lead_departments_text, tally_badges};
use crate::aggregate::{goal_summaries, item_tally, Tally};
use crate::hooks;
use crate::html::{Attrs, Html, Markup};
use crate::i18n::Lang;
use crate::kiosk::{item_pages, Go, ItemPage, Screen};
use plan::Plan;

/// The screen `screen` below the kiosk's title bar; `fy` is the year the
/// tiles' results refer to.
pub fn kiosk_screen(plan: &Plan, screen: &Screen, lang: Lang, fy: i32) -> Markup {
    let mut h = Html::new();
    match screen {
        Screen::Home => home(&mut h, plan, lang, fy),
        Screen::Goal(id) => goal(&mut h, plan, *id, lang, fy),
        Screen::Reform(id) => reform(&mut h, plan, *id, lang, fy),
        Screen::Departments => departments(&mut h, plan, lang),
        Screen::Department(id) => department(&mut h, plan, id, lang, fy),
        Screen::Item { id, page } => item(&mut h, plan, *id, *page, lang),
    }
    h.finish()
}

/// A tile: a button to `screen` with a small label, a title and, if any,
/// the results of `tally` (none: "no KPIs"). Label and title are markup,
/// so that the dataset's text in them can say its language and an item's
/// heading can carry its ★.
fn tile(h: &mut Html, screen: &Screen, label: &Markup, title: &Markup, tally: Option<Tally>, lang: Lang, fy: i32) {
    let hook = Go::hook(screen);
    h.open("li", &[]).open(
        "button",
        &[("type", "button"), ("class", "gk-tile"), (hooks::GO, &hook), (hooks::KEY, &hook.replace(':', "-"))],
    );
    h.open("span", &[("class", "gk-tile-label")]).raw(label).close("span");
    h.open("span", &[("class", "gk-tile-title")]).raw(title).close("span");
    let t = lang.t();
    match tally {
        Some(tally) if tally != Tally::default() => {
            h.open("span", &[("class", "gk-tile-results")])
                .el("span", &[("class", "gk-tile-fy")], &t.kiosk_results_of.replace("{fy}", &lang.fy(fy)));
            tally_badges(h, tally, lang);
            h.close("span");
        }
        Some(_) => {
            h.el("span", &[("class", "gk-tile-results")], t.kiosk_no_kpis);
        }
        None => {}
    }
    h.close("button").close("li");
}

/// UI words as markup.
fn words(text: &str) -> Markup {
    let mut h = Html::new();
    h.text(text);
    h.finish()
}

/// The dataset's text as markup, marked with its language where the UI
/// speaks another.
fn data_words(text: &str, lang: Lang) -> Markup {
    let mut h = Html::new();
    data_text(&mut h, text, lang);
    h.finish()
}

fn heading(h: &mut Html, title: &str, hint: &str) {
    h.el("h2", &[("class", "gk-screen-title"), ("tabindex", "-1")], title);
    if !hint.is_empty() {
        h.el("p", &[("class", "gk-screen-hint")], hint);
    }
}

fn home(h: &mut Html, plan: &Plan, lang: Lang, fy: i32) {
    let t = lang.t();
    heading(h, t.kiosk_by_goal, "");
    h.open("ul", &[("class", "gk-tiles gk-tiles-goals")]);
    for s in goal_summaries(plan) {
        let title = plan.goal(s.goal_id).map_or("", |g| g.title.as_str());
        let tally = s.by_year.iter().find(|(y, _)| *y == fy).map(|(_, t)| *t).unwrap_or_default();
        let label = format!("{} {} ・ {} {} ・ {} {}", t.goal, s.goal_id, t.reforms, s.reforms, t.items, s.items);
        tile(h, &Screen::Goal(s.goal_id), &words(&label), &data_words(title, lang), Some(tally), lang, fy);
    }
    h.close("ul");
    h.open("ul", &[("class", "gk-tiles gk-tiles-ways")]);
    let count = format!("{} {}", plan.departments.len(), t.lead_departments);
    tile(h, &Screen::Departments, &words(&count), &words(t.kiosk_by_department), None, lang, fy);
    h.close("ul");
}

fn goal(h: &mut Html, plan: &Plan, id: u32, lang: Lang, fy: i32) {
    let t = lang.t();
    let title = plan.goal(id).map_or("", |g| g.title.as_str());
    heading(h, &format!("{} {id} {title}", t.goal), t.kiosk_choose_reform);
    h.open("ul", &[("class", "gk-tiles")]);
    for r in plan.reforms.iter().filter(|r| r.goal_id == id) {
        let items: Vec<u32> = plan.items.iter().filter(|i| i.reform_id == r.id).map(|i| i.id).collect();
        let tally = items.iter().fold(Tally::default(), |sum, i| sum.plus(item_tally(plan, *i, fy)));
        let label = format!("{} {} ・ {} {}", t.reform, r.id, t.items, items.len());
        tile(h, &Screen::Reform(r.id), &words(&label), &data_words(&r.title, lang), Some(tally), lang, fy);
    }
    h.close("ul");
}

fn item_tiles<'a>(h: &mut Html, plan: &Plan, items: impl Iterator<Item = &'a plan::Item>, lang: Lang, fy: i32) {
    h.open("ul", &[("class", "gk-tiles gk-tiles-items")]);
    for item in items {
        let mut title = Html::new();
        item_heading(&mut title, plan, item, lang);
        let label = data_words(&lead_departments_text(plan, item, lang), lang);
        let screen = Screen::Item { id: item.id, page: 0 };
        tile(h, &screen, &label, &title.finish(), Some(item_tally(plan, item.id, fy)), lang, fy);
    }
    h.close("ul");
}

fn reform(h: &mut Html, plan: &Plan, id: u32, lang: Lang, fy: i32) {
    let t = lang.t();
    let title = plan.reform(id).map_or("", |r| r.title.as_str());
    heading(h, &format!("{} {id} {title}", t.reform), t.kiosk_choose_item);
    item_tiles(h, plan, plan.items.iter().filter(|i| i.reform_id == id), lang, fy);
}

fn departments(h: &mut Html, plan: &Plan, lang: Lang) {
    let t = lang.t();
    heading(h, t.kiosk_by_department, t.kiosk_choose_department);
    h.open("ul", &[("class", "gk-dept-buttons")]);
    for d in &plan.departments {
        let n = plan.items.iter().filter(|i| involves(i, &d.id)).count();
        let hook = Go::hook(&Screen::Department(d.id.clone()));
        h.open("li", &[])
            .open("button", &[("type", "button"), ("class", "gk-dept-button"), (hooks::GO, &hook), (hooks::KEY, &hook.replace(':', "-"))])
            .el("span", &with_data_lang(&[], lang), &d.name)
            .el("span", &[("class", "gk-dept-count")], &format!("{n}"))
            .close("button")
            .close("li");
    }
    h.close("ul");
}

/// Whether department `id` leads or works on `item`.
fn involves(item: &plan::Item, id: &str) -> bool {
    item.lead_departments.iter().chain(&item.related_departments).any(|d| d == id)
}

fn department(h: &mut Html, plan: &Plan, id: &str, lang: Lang, fy: i32) {
    let name = plan.department(id).map_or(id, |d| d.name.as_str());
    heading(h, name, lang.t().kiosk_choose_item);
    item_tiles(h, plan, plan.items.iter().filter(|i| involves(i, id)), lang, fy);
}

/// Page `page` of an item, with the way to the pages beside it.
fn item(h: &mut Html, plan: &Plan, id: u32, page: usize, lang: Lang) {
    let Some(item) = plan.item(id) else { return };
    let t = lang.t();
    let pages = item_pages(plan, id);
    let page = page.min(pages.len().saturating_sub(1));
    h.open("h2", &[("class", "gk-screen-title"), ("tabindex", "-1")]);
    item_heading(h, plan, item, lang);
    h.close("h2");
    let n = t.kiosk_page.replace("{n}", &(page + 1).to_string()).replace("{total}", &pages.len().to_string());
    let what = page_title(plan, id, pages[page], lang);
    h.el("h3", &[("class", "gk-page-of"), ("data-page", &page.to_string())], &format!("{n}: {what}"));
    h.open("div", &[("class", "gk-page")]);
    let o = DetailOptions { lang, report: true };
    match pages[page] {
        ItemPage::About => {
            facts(h, plan, item, lang);
            sheet_texts(h, plan, item, lang);
        }
        ItemPage::Kpi(no) => {
            if let Some(kpi) = plan.kpis.iter().find(|k| k.item_id == id && k.no == no) {
                let from = plan.plan.baseline_fy.min(plan.plan.first_fy);
                kpi_figure(h, kpi, (from, plan.plan.last_fy), plan.plan.results_through_fy, o);
            }
        }
        ItemPage::Schedule => schedule(h, plan, id, lang),
        ItemPage::Evaluation(fy) => {
            if let Some(e) = plan.evaluations.iter().find(|e| e.item_id == id && e.fy == fy) {
                h.el("p", &[("class", "gk-eval-count")], &format!("{} {}", t.achieved_count, achieved_count(e)));
                evaluation_texts(h, e, lang);
            }
        }
    }
    h.close("div");
    h.open("nav", &[("class", "gk-pager"), ("aria-label", &format!("({}) {n}", item.id))]);
    for (hook, label, arrow, enabled) in
        [(Go::PREV, t.kiosk_prev, "←", page > 0), (Go::NEXT, t.kiosk_next, "→", page + 1 < pages.len())]
    {
        // aria-disabled, not disabled: the button keeps keyboard focus
        // when the last page is reached (a touch there does nothing).
        let attrs = Attrs::new(&[("type", "button"), ("class", "gk-button gk-pager-button"), (hooks::GO, hook), (hooks::KEY, hook)]);
        h.open("button", &attrs.when(!enabled, "aria-disabled", "true"));
        if hook == Go::PREV {
            h.el("span", &[("aria-hidden", "true")], &format!("{arrow} ")).text(label);
        } else {
            h.text(label).el("span", &[("aria-hidden", "true")], &format!(" {arrow}"));
        }
        h.close("button");
    }
    h.close("nav");
}

/// What a page shows, in words: 概要, ① KPI name, 具体的取組及び工程, 令和3年度 評価.
fn page_title(plan: &Plan, id: u32, page: ItemPage, lang: Lang) -> String {
    let t = lang.t();
    match page {
        ItemPage::About => t.kiosk_about.to_string(),
        ItemPage::Kpi(no) => plan
            .kpis
            .iter()
            .find(|k| k.item_id == id && k.no == no)
            .map(|k| format!("{} {}", super::circled(no), k.name))
            .unwrap_or_default(),
        ItemPage::Schedule => t.schedule.to_string(),
        ItemPage::Evaluation(fy) => format!("{} {}", lang.fy(fy), t.evaluations),
    }
}
