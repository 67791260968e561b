//! An item's detail as HTML: facts, the sheet's texts, one chart per KPI
//! ([`chart`]), the quarterly schedule grid ([`schedule`]), the yearly
//! evaluations ([`evaluations`]) and the transcription notes.
//!
//! Pure: the same plan, item and language give the same string, so native
//! tests check what the browser will show.

mod chart;
mod evaluations;
mod schedule;

pub use chart::kpi_figure;
pub(crate) use evaluations::{achieved_count, evaluation_texts};
pub use evaluations::evaluations;
pub use schedule::schedule;

use super::{circled, with_data_lang, dated_heading, department_names, inferred_badge, item_heading, lead_departments_text};
use crate::html::{Attrs, Html, Markup};
use crate::i18n::Lang;
use plan::{FiscalYear, Item, Plan, Role};

/// How the detail is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailOptions {
    pub lang: Lang,
    /// A report: tables and evaluations open, for reading and printing.
    pub report: bool,
}

/// Everything of item `id` below its heading; empty if there is no such item.
pub fn item_detail(plan: &Plan, id: u32, o: DetailOptions) -> Markup {
    let Some(item) = plan.item(id) else { return Markup::default() };
    let mut h = Html::new();
    facts(&mut h, plan, item, o.lang);
    sheet_texts(&mut h, plan, item, o.lang);
    listed_kpis(&mut h, plan, item, o.lang);
    for role in [Role::Objective, Role::Reference] {
        chart::kpi_group(&mut h, plan, id, role, o);
    }
    if item.sheet.is_some() {
        schedule(&mut h, plan, id, o.lang);
        evaluations(&mut h, plan, id, o);
    }
    notes(&mut h, plan, item, o.lang);
    h.finish()
}

/// The report's body: each item in `ids` as an article with its heading
/// and its detail, tables and evaluations open.
pub fn report_items(plan: &Plan, ids: &[u32], lang: Lang) -> Markup {
    let o = DetailOptions { lang, report: true };
    let mut h = Html::new();
    for &id in ids {
        let Some(item) = plan.item(id) else { continue };
        let id_text = id.to_string();
        // What the report's script filters on.
        let goal = plan.reform(item.reform_id).map(|r| r.goal_id.to_string()).unwrap_or_default();
        let reform = item.reform_id.to_string();
        let lead = item.lead_departments.join(" ");
        let anchor = format!("item-{id}");
        let attrs = Attrs::new(&[
            ("class", "gk-detail"),
            ("id", anchor.as_str()),
            ("data-item-id", id_text.as_str()),
            ("data-detail", id_text.as_str()),
            ("data-goal", goal.as_str()),
            ("data-reform", reform.as_str()),
            ("data-lead", lead.as_str()),
        ])
        .flag("data-star", item.star);
        h.open("article", &attrs);
        h.open("h2", &[("class", "gk-detail-title")]);
        item_heading(&mut h, plan, item, lang);
        h.close("h2");
        h.open("div", &[("class", "gk-detail-body")]).raw(&item_detail(plan, id, o)).close("div").close("article");
    }
    h.finish()
}

/// 目標, 改革, 取組所属 and 関係所属 as a definition list.
pub(crate) fn facts(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let t = lang.t();
    let reform = plan.reform(item.reform_id);
    let goal = reform.and_then(|r| plan.goal(r.goal_id));
    let mut related = department_names(plan, &item.related_departments);
    for other in &item.related_other {
        if !related.is_empty() {
            related.push('、');
        }
        related.push_str(other);
    }
    let or_dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
    h.open("dl", &[("class", "gk-facts")]);
    let data = with_data_lang(&[], lang);
    h.el("dt", &[], t.goal).el("dd", &data, &goal.map(|g| format!("{} {}", g.id, g.title)).unwrap_or_default());
    h.el("dt", &[], t.reform).el("dd", &data, &reform.map(|r| format!("{} {}", r.id, r.title)).unwrap_or_default());
    h.el("dt", &[], t.lead_departments)
        .el("dd", &[("data-facts", "lead")], &lead_departments_text(plan, item, lang));
    h.el("dt", &[], t.related_departments).el("dd", &[], &or_dash(related));
    h.close("dl");
}

/// The sheet's 現状, 問題・課題 and 改革内容, each under its heading; a
/// notice instead where the item has no sheet.
pub(crate) fn sheet_texts(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let t = lang.t();
    let Some(sheet) = &item.sheet else {
        h.el("p", &[("class", "gk-notice"), ("data-no-sheet", "")], t.no_sheet);
        return;
    };
    h.open("div", &[("class", "gk-texts")]);
    let headings = [dated_heading(plan, t.situation), dated_heading(plan, t.problems), t.measures.to_string()];
    for (label, text) in headings.iter().zip([&sheet.situation, &sheet.problems, &sheet.measures]) {
        if let Some(text) = text {
            h.open("section", &[("class", "gk-text")]).el("h3", &[], label);
            h.open("div", &with_data_lang(&[], lang)).paragraphs(text).close("div").close("section");
        }
    }
    h.close("div");
}

/// The overview's KPI names of the item that no sheet KPI carries (the
/// only KPI information the source gives for an item without a sheet).
fn listed_kpis(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let entries: Vec<_> = plan.kpi_list.iter().filter(|e| e.item_id == item.id && e.kpis.is_empty()).collect();
    if entries.is_empty() {
        return;
    }
    let t = lang.t();
    h.open("section", &[("class", "gk-listed-kpis"), ("data-listed-kpis", "")]).el("h3", &[], t.listed_kpis);
    h.el("p", &[("class", "gk-share-help")], t.listed_kpis_help).open("ul", &[]);
    for e in entries {
        h.open("li", &[]).el("span", &with_data_lang(&[], lang), &e.name).text(" ");
        inferred_badge(h, &e.reconstructed, lang);
        h.close("li");
    }
    h.close("ul").close("section");
}

/// The notes of the item and of its KPIs, values, schedule and evaluations.
fn notes(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let id = item.id;
    let mut all: Vec<String> = item.notes.clone();
    for k in plan.kpis.iter().filter(|k| k.item_id == id) {
        all.extend(k.notes.iter().map(|n| format!("KPI {}: {n}", circled(k.no))));
        for v in &k.values {
            all.extend(v.notes.iter().map(|n| format!("KPI {} {}: {n}", circled(k.no), FiscalYear(v.fy).short_label())));
        }
    }
    for s in plan.schedule.iter().filter(|s| s.item_id == id) {
        all.extend(s.notes.iter().map(|n| format!("{}: {n}", s.activity)));
    }
    for e in plan.evaluations.iter().filter(|e| e.item_id == id) {
        all.extend(e.notes.iter().map(|n| format!("{}: {n}", FiscalYear(e.fy).short_label())));
    }
    if all.is_empty() {
        return;
    }
    h.open("details", &[("class", "gk-notes")]).el("summary", &[], &format!("{} ({})", lang.t().notes, all.len()));
    h.open("ul", &[]);
    for n in &all {
        h.el("li", &with_data_lang(&[], lang), n);
    }
    h.close("ul").close("details");
}
